"""Certification attempts: drawing one, grading one, renewing the certification.

An attempt is stored as an entity of kind `certification_attempt` that no change feed
carries (no audience): it holds the drawn question ids and each question's choice
order, which together with the bank would give the key away. Its owner is the user,
so the attempts of the last 24 hours are one indexed read.
"""

from __future__ import annotations

import datetime as dt
import secrets

from rules import certification as rule

from .. import entities
from ..api import iso, parse_iso
from ..errors import ApiError
from .bank import LANGUAGES, Bank

KIND = "certification_attempt"


def language(accept_language: str | None) -> str:
    """`da` or `en` from an Accept-Language header (by its q-values); English otherwise."""
    best, best_q = "en", -1.0
    for n, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in LANGUAGES:
            continue
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        q -= n * 1e-6     # equal weights: the first named wins
        if q > 0 and q > best_q:
            best, best_q = primary, q
    return best


def recent(tx, user_id: str, now: float) -> list[dict]:
    """The user's attempts begun in the last 24 hours, oldest first."""
    since = now - rule.ATTEMPT_WINDOW_SECONDS
    return sorted((a for a in tx.list(KIND, owner=user_id) if a["started"] > since), key=lambda a: a["started"])


def refuse_too_many(tx, user_id: str, now: float) -> None:
    begun = recent(tx, user_id, now)
    if len(begun) >= rule.ATTEMPTS_PER_DAY:
        retry_after = max(1, int(begun[-rule.ATTEMPTS_PER_DAY]["started"] + rule.ATTEMPT_WINDOW_SECONDS - now) + 1)
        raise ApiError(429, "too_many_attempts",
                       f"You have begun {rule.ATTEMPTS_PER_DAY} attempts in the last 24 hours. "
                       "Read up on the topics and try again later.",
                       extra={"retry_after": retry_after, "next_attempt_at": iso(now + retry_after)},
                       headers={"Retry-After": str(retry_after)})


def new_id() -> str:
    return "CA-" + secrets.token_hex(8)


def start(tx, bank: Bank, user: dict, lang: str, now: float, attempt_id: str) -> tuple[dict, dict]:
    """A new attempt: (the stored record, the answer for the caller: questions without the key)."""
    drawn = bank.draw()
    record = {"id": attempt_id, "user_id": user["id"], "language": lang, "started": now,
              "started_at": iso(now), "expires_at": iso(now + rule.ATTEMPT_MINUTES * 60),
              "questions": [{"id": qid, "order": order} for qid, order in drawn], "answered_at": None}
    tx.put(KIND, attempt_id, record, audience=(), owner=user["id"])
    questions = bank.by_id()
    shown = [{"id": qid, "text": questions[qid].text[lang],
              "choices": [questions[qid].choices[lang][i] for i in order]} for qid, order in drawn]
    answer = {"attempt_id": attempt_id, "expires_at": record["expires_at"], "language": lang,
              "questions": shown, "required": rule.required_right(len(shown)),
              "seconds": rule.ATTEMPT_MINUTES * 60}
    return record, answer


def load_own(tx, attempt_id: str, user: dict) -> dict | None:
    """The caller's own attempt, or None (someone else's is not found either)."""
    if not isinstance(attempt_id, str) or len(attempt_id) > 40:
        return None
    record = tx.get(KIND, attempt_id)
    return record if record is not None and record.get("user_id") == user["id"] else None


def refuse_closed(record: dict, now: float) -> None:
    if record.get("answered_at"):
        raise ApiError(409, "not_open", "This attempt has been answered already; begin a new one.")
    if now > parse_iso(record["expires_at"]):
        raise ApiError(409, "not_open", f"This attempt closed after {rule.ATTEMPT_MINUTES} minutes; "
                                        "begin a new one.")


def check_answers(record: dict, answers: dict) -> dict[str, int]:
    """The answers as {question id: shown choice index}; 422 for ids or indexes not in the attempt."""
    orders = {q["id"]: q["order"] for q in record["questions"]}
    unknown = [qid for qid in answers if qid not in orders]
    if unknown:
        raise ApiError(422, "invalid_field", f"answers: {', '.join(sorted(unknown)[:5])} "
                                             "not among this attempt's questions")
    for qid, index in answers.items():
        if not 0 <= index < len(orders[qid]):
            raise ApiError(422, "invalid_field", f"answers.{qid}: choose 0 to {len(orders[qid]) - 1}")
    return answers


def grade(bank: Bank, record: dict, answers: dict[str, int]) -> tuple[int, list[str]]:
    """(right answers, topics of the questions answered wrong or not at all)."""
    questions = bank.by_id()
    score, missed = 0, []
    for q in record["questions"]:
        shown = answers.get(q["id"])
        if shown is not None and q["order"][shown] == 0:   # choice 0 in the bank is the right one
            score += 1
        elif questions[q["id"]].topic not in missed:
            missed.append(questions[q["id"]].topic)
    return score, missed


def renew(tx, user: dict, today: dt.date) -> str:
    """Certify the caller for a year from today on each record they act under."""
    until = rule.renewed_until(today).isoformat()
    staff = tx.get("staff", user["id"])
    if staff is not None:
        entities.save(tx, "staff", dict(staff, certified_until=until))
    researcher = tx.get("researcher", user["researcher_id"]) if user.get("researcher_id") else None
    if researcher is not None:
        entities.save(tx, "researcher", dict(researcher, certified_until=until))
    return until


def current_until(tx, user: dict) -> str | None:
    """The caller's own certification: the staff record's, else the researcher record's."""
    staff = tx.get("staff", user["id"])
    if staff is not None:
        return staff.get("certified_until")
    researcher = tx.get("researcher", user["researcher_id"]) if user.get("researcher_id") else None
    return (researcher or {}).get("certified_until")
