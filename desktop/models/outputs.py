"""The supervisors' output checks, without Qt.

- The queue: outputs held for a person (sampled, or flagged by the automatic
  check), why each is held in facts the view puts into words, its age, and
  which verdicts this supervisor may give and why not. The portal enforces
  every rule (`already_reviewed`, `conflict_of_interest`, `not_open`, a
  withhold needs a comment); the client shows them early.
- File contents and where findings are: output_files.py; the sampling overview:
  sampling_overview.py; the queue read from the cache: output_queue.py.

Everything here is a pure function over documents from the cache and rows of
the outbox.
Messages are codes with facts; the views turn them into translated text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable
from urllib.parse import quote

from rules.tables import number_of  # noqa: F401 (the viewer's reading of a cell)
from rules.textio import decode_text, looks_binary  # noqa: F401 (the viewer's reading)
from rules.timestamps import age_days  # noqa: F401 (queue items' age)
from rules.turnaround import WITHHOLD_REASONS

from . import certification, outbox_marks
from .output_files import CELL, COLUMN, FILE, LINE, ROW, UNPLACED, _findings, _int  # noqa: F401
# The viewer and the sampling dialog read these through this module (`outputs as rules`).
from .output_files import (acro_table, column_index, column_name, decode_file_answer, DisplayTable,  # noqa: F401
                           FileContent, findings_of_file, MAX_TITLE_LINES, parse_table, place_in_table, place_in_text,
                           Placed, read_records, sha256_hex, table_for_findings, text_lines, _value_matches,
                           Verification, verify)
from .sampling_overview import (ClassRow, Overview, overview_from_answer, overview_from_outputs,  # noqa: F401
                                RISK_CLASSES, Z95)

# -- the queue ------------------------------------------------------------------------

HELD = "held"
STATUSES = ("held", "released", "withheld")
VERDICTS = ("release", "withhold")
ALL_VERDICTS = frozenset(VERDICTS)

# Why a verdict is not possible. Where the portal has a refusal code for the same
# rule, the code is the portal's.
NOT_SUPERVISOR = "role_required"             # admin and others see the queue but do not review
PENDING = "pending"                          # an own review waits in the outbox
SENT = "sent"                                # sent and accepted; the new state is not pulled yet
NOT_OPEN = "not_open"                        # released or withheld already
ALREADY_REVIEWED = "already_reviewed"        # this supervisor reviewed it (a release counts)
OWN_OUTPUT = "conflict_of_interest"          # the supervisor is the submitting researcher
OWN_CERTIFICATION = certification.OWN_CERTIFICATION   # the supervisor's own certification lapsed

# Why an output is held (Reason.kind)
FINDING = "finding"            # the automatic check flagged it (fail or review)
RANDOM = "random"              # drawn at the base rate
RISK = "risk"                  # drawn at a rate raised by risk factors
MANAGEMENT = "management"      # a supervisor's management sample
SAMPLE_REASONS = (RANDOM, RISK, MANAGEMENT)

# Queue filters
SHOW_HELD = "held"
SHOW_REVIEWABLE = "reviewable"
SHOW_RELEASED = "released"
SHOW_WITHHELD = "withheld"
SHOW_DECIDED = "decided"
SHOW_ALL = "all"
SHOWS = (SHOW_HELD, SHOW_REVIEWABLE, SHOW_RELEASED, SHOW_WITHHELD, SHOW_DECIDED, SHOW_ALL)
_SHOW_STATUSES = {SHOW_HELD: ("held",), SHOW_REVIEWABLE: ("held",), SHOW_RELEASED: ("released",),
                  SHOW_WITHHELD: ("withheld",), SHOW_DECIDED: ("released", "withheld"), SHOW_ALL: STATUSES}
SORTS = ("submitted_at", "updated_at", "status", "verdict", "project_id", "researcher_id", "sample_reason", "id")

MAX_COMMENT = 4000          # the portal's limit
MAX_SAMPLE_COUNT = 1000     # the portal's limit


@dataclass(frozen=True)
class Block:
    """One reason a verdict is not possible; `facts` feed the message."""
    code: str
    verdicts: frozenset = ALL_VERDICTS
    facts: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def blocks_all(self) -> bool:
        return self.verdicts >= ALL_VERDICTS


@dataclass(frozen=True)
class Reason:
    """Why an output is held: `kind` is FINDING, RANDOM, RISK or MANAGEMENT.

    facts: FINDING {"verdict", "count", "rules": ((rule, n), ...)};
    RANDOM/RISK {"probability", "factors": (("new_researcher", True), ("earlier_breaches", 2), ...)};
    MANAGEMENT {"note", "drawn_by", "sample_id"}."""
    kind: str
    facts: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class QueueItem:
    id: str
    version: int | None
    status: str
    project_id: str
    researcher_id: str
    researcher_name: str
    submitted_at: str | None
    updated_at: str | None
    age_days: int | None
    verdict: str                        # the automatic check's: pass, review, fail
    findings: int
    rules: tuple                        # ((rule, count), ...) in order of first appearance
    reasons: tuple                      # Reason, most telling first
    required: int                       # distinct releases needed
    releases: int                       # distinct releases given
    reviews: tuple                      # the portal's review dicts
    files: tuple                        # file names
    comment: str                        # the researcher's
    sample_id: str | None
    blocks: tuple = ()
    pending: dict | None = None         # {"verdict", "state", "outbox_id"} of an own review not sent yet
    refused: dict | None = None         # the latest unresolved refusal of an own review (attention row)
    my_review: dict | None = None

    def block_for(self, verdict: str) -> Block | None:
        return next((b for b in self.blocks if verdict in b.verdicts), None)

    def may(self, verdict: str) -> bool:
        return self.block_for(verdict) is None

    @property
    def reviewable(self) -> bool:
        return any(self.may(v) for v in VERDICTS)

    @property
    def fully_blocked(self) -> Block | None:
        return next((b for b in self.blocks if b.blocks_all), None)

    @property
    def flagged(self) -> bool:
        return self.verdict != "pass"

    @property
    def sampled(self) -> bool:
        return any(r.kind in SAMPLE_REASONS for r in self.reasons)

    @property
    def ordinal(self) -> int:
        """Which release this supervisor's release would be (1-based)."""
        return self.releases + 1

    @property
    def release_completes(self) -> bool:
        return self.releases + 1 >= self.required

    @property
    def last_review(self) -> dict | None:
        return self.reviews[-1] if self.reviews else None


def _reviews(output: dict) -> list[dict]:
    reviews = output.get("reviews")
    return [r for r in reviews if isinstance(r, dict)] if isinstance(reviews, list) else []


def check_findings(output: dict) -> list[dict]:
    """The automatic check's findings of an output (what a release dialog lists)."""
    return _findings(output)


# Findings that mean personal data would leave: a release dialog warns about them first.
PERSONAL_DATA_RULES = frozenset({"cpr", "cvr", "microdata", "acro_disagrees"})


def needs_justification(item_verdict: str, verdict: str) -> bool:
    """A release of an output the automatic check flagged (fail or review) is justified in words."""
    return verdict == "release" and item_verdict != "pass"


def check_verdict(output: dict) -> str:
    check = output.get("check") if isinstance(output.get("check"), dict) else {}
    return str(check.get("verdict") or "review")


def required_releases(output: dict) -> int:
    """Two distinct releases for an output the check flagged, one for a clean one;
    a stored figure may ask for more, never for fewer (as the portal counts)."""
    by_rule = 1 if check_verdict(output) == "pass" else 2
    stored = _int(output.get("required_releases"))
    return max(stored, by_rule) if stored else by_rule


def releasers(output: dict) -> list[str]:
    """Distinct supervisors who released it, in order. A blind review (the portal hides a
    colleague's release until this supervisor decides) counts, under a stand-in name."""
    seen: list[str] = []
    for n, r in enumerate(_reviews(output)):
        if r.get("verdict") != "release":
            continue
        who = r.get("reviewer_id") or (f"(hidden {n + 1})" if r.get("blind") else None)
        if who and who not in seen:
            seen.append(who)
    return seen


def reviews_blind(output: dict) -> bool:
    """Whether the portal hides who gave this output's reviews (blind second review)."""
    return bool(output.get("reviews_blind")) or any(r.get("blind") for r in _reviews(output))


def review_by(output: dict, user_id: str | None) -> dict | None:
    if not user_id:
        return None
    mine = [r for r in _reviews(output) if r.get("reviewer_id") == user_id]
    return mine[-1] if mine else None


def rule_counts(findings: Iterable[dict]) -> tuple:
    counts: dict[str, int] = {}
    for f in findings:
        rule = str(f.get("rule") or "?")
        counts[rule] = counts.get(rule, 0) + 1
    return tuple(counts.items())


def hold_reasons(output: dict, sample: dict | None = None) -> tuple[Reason, ...]:
    """Why the output is (or was) held: its sample, then the automatic check.
    `sample` is the sample entity of `output.sample.id` when the cache has it
    (for a management sample's note)."""
    reasons: list[Reason] = []
    marker = output.get("sample") if isinstance(output.get("sample"), dict) else None
    if marker is not None:
        kind = str(marker.get("reason") or "")
        if kind == MANAGEMENT:
            sample = sample or {}
            reasons.append(Reason(MANAGEMENT, {"note": str(sample.get("note") or ""),
                                               "drawn_by": sample.get("drawn_by"), "sample_id": marker.get("id")}))
        elif kind in (RANDOM, RISK):
            draw = output.get("draw") if isinstance(output.get("draw"), dict) else {}
            factors = draw.get("factors") if isinstance(draw.get("factors"), dict) else {}
            active = tuple((k, v) for k, v in factors.items() if v)
            probability = marker.get("probability")
            if not isinstance(probability, (int, float)) or isinstance(probability, bool):
                probability = draw.get("probability")
            reasons.append(Reason(kind, {"probability": probability, "factors": active,
                                         "sample_id": marker.get("id")}))
        else:
            reasons.append(Reason(kind or RANDOM, {"sample_id": marker.get("id")}))
    verdict = check_verdict(output)
    if verdict != "pass":
        findings = _findings(output)
        reasons.append(Reason(FINDING, {"verdict": verdict, "count": len(findings),
                                        "rules": rule_counts(findings)}))
    return tuple(reasons)


def is_review_action(row: dict, output_id: str | None = None) -> bool:
    return (row.get("entity_kind") == "output" and bool(row.get("entity_id"))
            and (output_id is None or row.get("entity_id") == output_id)
            and str(row.get("path") or "").endswith("/reviews"))


def is_sample_action(row: dict) -> bool:
    return row.get("path") == "/samples"


def review_path(output_id: str) -> str:
    return f"/outputs/{quote(output_id, safe='')}/reviews"


def review_body(output: dict, verdict: str, comment: str = "", reason: str | None = None) -> dict:
    """The portal's review request (`expected_version` makes it refuse a changed output); a
    withhold carries its coded reason (rules.turnaround.WITHHOLD_REASONS)."""
    if verdict not in VERDICTS:
        raise ValueError(f"unknown verdict {verdict!r}")
    comment = (comment or "").strip()
    if verdict == "withhold" and not comment:
        raise ValueError("a withhold needs a comment")
    if len(comment) > MAX_COMMENT:
        raise ValueError("the comment is too long")
    body = {"verdict": verdict, "comment": comment, "expected_version": output.get("version")}
    if verdict == "withhold":
        if reason is not None and reason not in WITHHOLD_REASONS:
            raise ValueError(f"unknown withhold reason {reason!r}")
        body["reason"] = reason or "other"
    return body


def sample_body(scope: str, target_id: str, count: int, reason: str) -> dict:
    """A management sample request; the reason is required (422 reason_required)."""
    if scope not in ("project", "researcher"):
        raise ValueError(f"unknown scope {scope!r}")
    target_id = (target_id or "").strip()
    if not target_id:
        raise ValueError("choose a project or a researcher")
    if _int(count) is None or not 1 <= count <= MAX_SAMPLE_COUNT:
        raise ValueError(f"the count is between 1 and {MAX_SAMPLE_COUNT}")
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("a management sample needs a reason")
    if len(reason) > MAX_COMMENT:
        raise ValueError("the reason is too long")
    return {"scope": scope, "target_id": target_id, "count": count, "reason": reason}


def blocks_for(output: dict, me: dict, *, pending: dict | None = None, sent: bool = False) -> tuple[Block, ...]:
    """Why this user may not release or withhold, most important first.
    `me`: {"id", "roles", "researcher_id"?}."""
    blocks: list[Block] = []
    status = output.get("status")
    if "supervisor" not in set(me.get("roles") or ()):
        blocks.append(Block(NOT_SUPERVISOR, facts={"admin": "admin" in set(me.get("roles") or ())}))
    elif me.get("certification_lapsed"):
        blocks.append(Block(OWN_CERTIFICATION, facts={"until": me.get("certified_until")}))
    if pending:
        blocks.append(Block(PENDING, facts={"verdict": pending.get("verdict"), "state": pending.get("state")}))
    elif sent:
        blocks.append(Block(SENT))
    if status != HELD:
        blocks.append(Block(NOT_OPEN, facts={"status": status}))
    mine = review_by(output, me.get("id"))
    if mine is not None:
        blocks.append(Block(ALREADY_REVIEWED, facts={
            "verdict": mine.get("verdict"), "at": mine.get("at"),
            "releases": len(releasers(output)), "required": required_releases(output)}))
    if me.get("researcher_id") and me.get("researcher_id") == output.get("researcher_id"):
        blocks.append(Block(OWN_OUTPUT))
    return tuple(blocks)


def pending_by_output(rows: Iterable[dict]) -> dict[str, dict]:
    return outbox_marks.pending_reviews(rows, is_review_action, "verdict")


def sent_not_pulled(rows: Iterable[dict], outputs_by_id: dict[str, dict], user_id: str | None) -> set[str]:
    return outbox_marks.sent_not_pulled(rows, outputs_by_id, user_id, is_review_action, review_by)


def refused_by_output(attention_rows: Iterable[dict]) -> dict[str, dict]:
    return outbox_marks.refused_by_case(attention_rows, "output")


def queue_item(output: dict, me: dict, *, researcher: dict | None, sample: dict | None, now: dt.datetime,
               pending: dict | None = None, sent: bool = False, refused: dict | None = None) -> QueueItem:
    findings = _findings(output)
    files = output.get("files") if isinstance(output.get("files"), list) else []
    marker = output.get("sample") if isinstance(output.get("sample"), dict) else {}
    return QueueItem(
        id=output["id"], version=_int(output.get("version")), status=str(output.get("status") or ""),
        project_id=str(output.get("project_id") or ""), researcher_id=str(output.get("researcher_id") or ""),
        researcher_name=str((researcher or {}).get("name") or output.get("researcher_id") or ""),
        submitted_at=output.get("submitted_at"), updated_at=output.get("updated_at"),
        age_days=age_days(output.get("submitted_at"), now), verdict=check_verdict(output),
        findings=len(findings), rules=rule_counts(findings), reasons=hold_reasons(output, sample),
        required=required_releases(output), releases=len(releasers(output)), reviews=tuple(_reviews(output)),
        files=tuple(str(f.get("name") or "") for f in files if isinstance(f, dict)),
        comment=str(output.get("comment") or ""), sample_id=marker.get("id"),
        blocks=blocks_for(output, me, pending=pending, sent=sent), pending=pending, refused=refused,
        my_review=review_by(output, me.get("id")))


def keep(item: QueueItem, show: str) -> bool:
    if show == SHOW_REVIEWABLE:
        return item.status == HELD and item.reviewable
    return True


def next_reviewable(ids: list[str], items: dict[str, QueueItem], after: str | None) -> str | None:
    """The first output this user may review after `after` in queue order, wrapping;
    `after` itself only when it is the only one."""
    if not ids:
        return None
    start = ids.index(after) + 1 if after in ids else 0
    for output_id in ids[start:] + ids[:start]:
        item = items.get(output_id)
        if item is not None and item.reviewable and output_id != after:
            return output_id
    item = items.get(after) if after else None
    return after if item is not None and item.reviewable else None
