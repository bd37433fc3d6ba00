"""The certification test.

- `GET /certification` (staff or researcher) -> 200 `{certified_until, valid, days_left,
  reminder, attempts_left, next_attempt_at}`: the caller's own status.
- `POST /certification/attempts` (staff or researcher) -> 201 `{attempt_id, expires_at,
  language, seconds, required, questions:[{id, text, choices:[text]}]}`: 10 questions, at
  least one per topic, questions and choices in a random order, in the language of
  `Accept-Language` (da or en; English otherwise). Refusals: 401, 403 `role_required`,
  429 `too_many_attempts` (3 begun in 24 hours; `Retry-After`).
- `POST /certification/attempts/{id}/answers` `{answers:{question_id: choice_index}}`
  -> 201 `{passed, score, required, questions, certified_until, topics_to_reread:[{topic,
  title}]}`. A question left out counts as wrong. Passing (80 %) certifies the caller
  for a year from today. Refusals: 401, 403 `role_required`, 404 `not_found` (no such
  attempt, or another person's), 422 `invalid_field`, 409 `not_open` (answered, or
  older than 30 minutes).

No answer gives the key: the choice order of an attempt stays on the portal, and a
fail names topics, never the right answers. Every attempt is audited with its score,
never its answers (`certification.attempt`, `certification.answer`).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from starlette.concurrency import run_in_threadpool

from rules import certification as rule

from ..api import PortalContext, context, current_user, iso, perform
from ..certification import attempts, bank as bank_file
from ..errors import not_found, role_required
from ..visibility import STAFF_ROLES
from .bodies import body_doc, fingerprint_body, read_json, validate
from .core import ERRORS

router = APIRouter()

# Read (and checked) when the portal starts: a bad bank stops the start, not a test.
BANK = bank_file.load()
TAKERS = tuple(sorted(STAFF_ROLES | {"researcher"}))

QuestionId = Annotated[str, StringConstraints(max_length=60)]


class AnswersIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    answers: dict[QuestionId, Annotated[int, Field(ge=0, le=20)]] = Field(max_length=rule.QUESTIONS_PER_ATTEMPT)


def _taker(user: dict) -> None:
    if not set(TAKERS) & set(user["roles"]):
        raise role_required(TAKERS)


@router.get("/certification", responses=ERRORS)
def my_certification(user: dict = Depends(current_user), ctx: PortalContext = Depends(context)):
    _taker(user)
    now = ctx.clock()
    today = rule.today_utc(now)
    with ctx.store.read() as tx:
        until = attempts.current_until(tx, user)
        begun = attempts.recent(tx, user["id"], now)
    left = max(0, rule.ATTEMPTS_PER_DAY - len(begun))
    next_at = None if left else iso(begun[-rule.ATTEMPTS_PER_DAY]["started"] + rule.ATTEMPT_WINDOW_SECONDS)
    return {"certified_until": until, "valid": rule.is_valid(until, today),
            "days_left": rule.days_left(until, today), "reminder": rule.reminder(until, today),
            "attempts_left": left, "next_attempt_at": next_at}


@router.post("/certification/attempts", status_code=201, responses=ERRORS)
def begin_attempt(request: Request, user: dict = Depends(current_user), ctx: PortalContext = Depends(context)):
    lang = attempts.language(request.headers.get("accept-language"))
    attempt_id = attempts.new_id()
    drawn: dict = {}

    def effect(tx):
        _taker(user)
        now = ctx.clock()
        attempts.refuse_too_many(tx, user["id"], now)
        record, answer = attempts.start(tx, BANK, user, lang, now, attempt_id)
        drawn.update(language=lang, questions=[q["id"] for q in record["questions"]])
        return 201, answer

    return perform(ctx, request, user["id"], "certification.attempt", "certification_attempt", attempt_id,
                   {"language": lang}, effect, audit_detail={"drawn": drawn})


@router.post("/certification/attempts/{attempt_id}/answers", status_code=201, responses=ERRORS,
             openapi_extra=body_doc(AnswersIn))
async def answer_attempt(attempt_id: str, request: Request, user: dict = Depends(current_user),
                         ctx: PortalContext = Depends(context)):
    payload = await read_json(request)
    return await run_in_threadpool(_answer, ctx, request, user, attempt_id, payload)


def _answer(ctx: PortalContext, request: Request, user: dict, attempt_id: str, payload: Any):
    outcome: dict = {}   # the audit detail: the score, never the answers

    def effect(tx):
        _taker(user)
        record = attempts.load_own(tx, attempt_id, user)
        if record is None:
            raise not_found("certification attempt")
        body = validate(AnswersIn, payload)
        given = attempts.check_answers(record, body.answers)
        now = ctx.clock()
        attempts.refuse_closed(record, now)
        score, missed = attempts.grade(BANK, record, given)
        total = len(record["questions"])
        passed = rule.passed(score, total)
        until = attempts.renew(tx, user, rule.today_utc(now)) if passed else attempts.current_until(tx, user)
        tx.put(attempts.KIND, record["id"], dict(record, answered_at=iso(now), score=score, passed=passed),
               audience=(), owner=user["id"])
        required = rule.required_right(total)
        outcome.update(score=score, required=required, questions=total, passed=passed, certified_until=until)
        lang = record["language"]
        return 201, {"passed": passed, "score": score, "required": required, "questions": total,
                     "certified_until": until,
                     "topics_to_reread": [{"topic": t, "title": BANK.topics[t][lang]} for t in missed]}

    return perform(ctx, request, user["id"], "certification.answer", "certification_attempt", attempt_id[:40],
                   fingerprint_body(payload), effect, audit_detail={"result": outcome})
