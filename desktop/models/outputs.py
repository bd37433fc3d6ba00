"""The supervisors' output checks, without Qt.

- The queue: outputs held for a person (sampled, or flagged by the automatic
  check), why each is held in facts the view puts into words, its age, and
  which verdicts this supervisor may give and why not. The portal enforces
  every rule (`already_reviewed`, `conflict_of_interest`, `not_open`, a
  withhold needs a comment); the client shows them early.
- File contents as the portal hands them out (`GET /outputs/{id}/files/{i}`):
  decoded and checked against the SHA-256 recorded when the output was
  submitted. They live in memory only, for the output being read.
- CSV tables read for display the way the portal's check reads them
  (docs/checks.md: delimiter, title lines, header row, "column N"), so that a
  finding's (row, column) -- the 0-based data row and the header name -- lands
  on the cell it names; ACRO tables with several header rows too.
- Identifier findings in text files (row = 0-based line; the value is masked):
  the span on that line that the masked value stands for.
- The sampling overview: draws, expected and observed samples per risk class,
  with a simple interval for the observed count, from the portal's answer or
  from the draws in the offline copy.

Everything here is a pure function over documents from the cache and rows of
the outbox, except `OutputQueue`, a thin reader over a cache and an outbox.
Messages are codes with facts; the views turn them into translated text.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import hashlib
import math
import re
from dataclasses import dataclass, field
from typing import Any, Iterable
from urllib.parse import quote

from rules import sampling
from rules.timestamps import age_days  # noqa: F401 (queue items' age)
from rules.tables import TableError, number_of, read_layout, read_rows
from rules.textio import decode_text, looks_binary  # noqa: F401 (the viewer's reading)
from rules.turnaround import WITHHOLD_REASONS

from . import outbox_marks

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


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _reviews(output: dict) -> list[dict]:
    reviews = output.get("reviews")
    return [r for r in reviews if isinstance(r, dict)] if isinstance(reviews, list) else []


def _findings(output: dict) -> list[dict]:
    check = output.get("check") if isinstance(output.get("check"), dict) else {}
    found = check.get("findings")
    return [f for f in found if isinstance(f, dict)] if isinstance(found, list) else []


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


class OutputQueue:
    """Reads the queue from a cache and an outbox (no Qt, no network)."""

    def __init__(self, cache: Any, outbox: Any, user: dict):
        self.cache = cache
        self.outbox = outbox
        self.user = user

    def me(self) -> dict:
        staff = self.cache.get("staff", self.user.get("id") or "") or {}
        return {"id": self.user.get("id"), "roles": self.user.get("roles") or staff.get("roles") or [],
                "researcher_id": self.user.get("researcher_id")}

    def ids(self, show: str = SHOW_HELD, order_by: str = "submitted_at", descending: bool = False, *,
            search: str | None = None, verdict: str | None = None, sampled: bool | None = None) -> list[str]:
        """Ids for a filter, sorted in SQL. Released and withheld outputs count as
        decided only when they went through a person (sampled, flagged or reviewed);
        "all" includes the clean ones released at once."""
        if order_by not in SORTS:
            order_by = "submitted_at"
        ids = self.cache.output_queue_ids(_SHOW_STATUSES.get(show, ("held",)), order_by=order_by,
                                          descending=descending,
                                          through_a_person=show in (SHOW_RELEASED, SHOW_WITHHELD, SHOW_DECIDED),
                                          search=search, verdict=verdict, sampled=sampled)
        if show == SHOW_REVIEWABLE:
            ids = [i.id for i in self.items(ids) if keep(i, show)]
        return ids

    def items(self, ids: list[str], now: dt.datetime | None = None) -> list[QueueItem]:
        now = now or dt.datetime.now(dt.timezone.utc)
        outputs = self.cache.rows("output", list(ids))
        researcher_ids = sorted({o.get("researcher_id") for o in outputs if o.get("researcher_id")})
        researchers = {r["id"]: r for r in self.cache.rows("researcher", researcher_ids)}
        sample_ids = sorted({(o.get("sample") or {}).get("id") for o in outputs
                             if isinstance(o.get("sample"), dict) and (o.get("sample") or {}).get("id")})
        samples = {s["id"]: s for s in self.cache.rows("sample", sample_ids)}
        rows = self._own_actions()
        pending = pending_by_output(rows)
        sent = sent_not_pulled(rows, {o["id"]: o for o in outputs}, self.user.get("id"))
        refused = refused_by_output(self.outbox.attention())
        me = self.me()
        return [queue_item(o, me, researcher=researchers.get(o.get("researcher_id") or ""),
                           sample=samples.get((o.get("sample") or {}).get("id") or "")
                           if isinstance(o.get("sample"), dict) else None, now=now,
                           pending=pending.get(o["id"]), sent=o["id"] in sent, refused=refused.get(o["id"]))
                for o in outputs]

    def item(self, output_id: str, now: dt.datetime | None = None) -> QueueItem | None:
        found = self.items([output_id], now)
        return found[0] if found else None

    def counts(self) -> dict[str, int]:
        return self.cache.output_status_counts()

    def _own_actions(self) -> list[dict]:
        return sorted((r for r in self.outbox.all() if is_review_action(r)), key=lambda r: r["id"])

    def pending_samples(self) -> list[dict]:
        return [r for r in self.outbox.pending() if is_sample_action(r)]

    def decide(self, output_id: str, verdict: str, comment: str, summary: str,
               expected_version: int | None = None, reason: str | None = None) -> dict:
        """Queue one review in the outbox against the version the user looked at
        (ValueError if the cache holds a newer one, or the rules above forbid it)."""
        output = self.cache.get("output", output_id)
        if output is None:
            raise ValueError("unknown output")
        if expected_version is not None and output.get("version") != expected_version:
            raise ValueError("the output changed")
        item = self.item(output_id)
        block = item.block_for(verdict) if item else None
        if block is not None:
            raise ValueError(f"not allowed: {block.code}")
        body = review_body(output, verdict, comment, reason)
        return self.outbox.enqueue("POST", review_path(output_id), body, "output", output_id, summary)

    def request_sample(self, scope: str, target_id: str, count: int, reason: str, summary: str) -> dict:
        body = sample_body(scope, target_id, count, reason)
        return self.outbox.enqueue("POST", "/samples", body, "sample", None, summary)

    # -- choices for the sample dialog -------------------------------------------------
    def projects(self) -> list[dict]:
        """Projects known from the outputs in the cache (supervisors do not see
        applications): [{"id", "researcher_id", "researcher_name", "outputs", "open"}]."""
        rows = self.cache.output_projects()
        names = {r["id"]: r.get("name") for r in
                 self.cache.rows("researcher", sorted({r["researcher_id"] for r in rows if r["researcher_id"]}))}
        return [{"id": r["project_id"], "researcher_id": r["researcher_id"],
                 "researcher_name": names.get(r["researcher_id"]) or r["researcher_id"] or "",
                 "outputs": r["n"], "held": r["held"] or 0} for r in rows]

    def researchers(self) -> list[dict]:
        return [{"id": r["id"], "name": r["name"] or r["id"], "institution": r["institution"] or "",
                 "outputs": r["outputs"]} for r in self.cache.researchers_with_output_counts()]

    def samples_by(self, user_id: str | None) -> list[dict]:
        """Management samples this user drew, newest first (from the cache)."""
        ids = self.cache.management_sample_ids()
        return [s for s in self.cache.rows("sample", ids) if s.get("drawn_by") == user_id]


# -- file contents and their checksums --------------------------------------------------

@dataclass(frozen=True)
class Verification:
    """The SHA-256 of the bytes received against the one recorded at submission.
    `state`: "verified", "mismatch" (the bytes differ from what was checked) or
    "unrecorded" (the output records no checksum for this file)."""
    state: str
    actual: str
    expected: str | None
    answered: str | None = None      # what the portal's answer said it was sending

    @property
    def ok(self) -> bool:
        return self.state == "verified"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def verify(data: bytes, recorded: str | None, answered: str | None = None) -> Verification:
    """Recompute the SHA-256 of `data` and compare it with the output's recorded one
    (and the one in the portal's answer, which must agree with both)."""
    actual = sha256_hex(data)
    expected = recorded.strip().lower() if isinstance(recorded, str) and recorded.strip() else None
    said = answered.strip().lower() if isinstance(answered, str) and answered.strip() else None
    if expected is None:
        state = "unrecorded"
    elif actual == expected and (said is None or said == expected):
        state = "verified"
    else:
        state = "mismatch"
    return Verification(state, actual, expected, said)


@dataclass(frozen=True)
class FileContent:
    index: int
    name: str
    kind: str
    size: int | None
    data: bytes = field(repr=False)
    verification: Verification = None  # type: ignore[assignment]


def decode_file_answer(answer: Any, meta: dict, index: int) -> FileContent:
    """The portal's `{index, name, size, sha256, kind, content_base64}` for file
    `index` of an output whose cached record of that file is `meta`."""
    if not isinstance(answer, dict) or not isinstance(answer.get("content_base64"), str):
        raise ValueError("the answer holds no file contents")
    try:
        data = base64.b64decode(answer["content_base64"], validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("the file contents are not valid base64") from None
    meta = meta if isinstance(meta, dict) else {}
    name = str(meta.get("name") or answer.get("name") or f"file {index + 1}")
    kind = str(meta.get("kind") or answer.get("kind") or "unknown")
    size = _int(meta.get("size"))
    return FileContent(index, name, kind, size, data, verify(data, meta.get("sha256"), answer.get("sha256")))


# -- reading text and tables as the portal does ------------------------------------------------
# The viewer must decode text and read a table exactly as the portal's check did, or
# findings land on the wrong cells: both use the one reader in rules/.

MAX_TITLE_LINES = 10


def read_records(text: str, delimiter: str) -> list[list[str]]:
    """Non-blank CSV records, read by the check's own reader (ValueError when not readable CSV)."""
    try:
        return read_rows(text, delimiter)
    except TableError as exc:
        raise ValueError(str(exc)) from None


def column_name(raw: str, index: int) -> str:
    """The header as written (unmasked: the reviewer sees the file; findings name it masked)."""
    name = raw.strip()
    return name if name else f"column {index + 1}"


@dataclass
class DisplayTable:
    """A CSV table as shown: `names` are the column headers (as the findings name
    them), `rows` the data rows (row 0 is the finding's row 0), `titles` the
    lines above the header that the check skips, `header_rows` how many lines
    the header took (0: the file has no header row)."""
    names: list[str]
    rows: list[list[str]]
    titles: list[str] = field(default_factory=list)
    header_rows: int = 1
    delimiter: str = ","
    danish: bool = False
    layout: str = "single"            # "single" (the portal's own reading) or "acro" (several header rows)

    @property
    def width(self) -> int:
        return len(self.names)

    def cell(self, row: int, col: int) -> str:
        return self.rows[row][col] if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row]) else ""


def parse_table(text: str) -> DisplayTable:
    """The portal's reading of a CSV file (docs/checks.md, "CSV tables")."""
    try:
        layout = read_layout(text, MAX_TITLE_LINES)
    except TableError as exc:
        raise ValueError(str(exc)) from None
    titles = [" ".join(c.strip() for c in r if c.strip()) for r in layout.title_lines]
    names = [column_name(layout.header[j] if layout.header else "", j) for j in range(layout.width)]
    return DisplayTable(names, layout.rows, titles, 1 if layout.header is not None else 0,
                        layout.delimiter, layout.danish)


def acro_table(text: str, header_rows: int) -> DisplayTable | None:
    """ACRO's CSV (written by pandas) read with `header_rows` header lines joined
    as "level 1 / level 2", the way the portal names ACRO's flagged cells."""
    try:
        records = read_records(text, ",")
    except ValueError:
        return None
    if header_rows < 1 or len(records) <= header_rows:
        return None
    width = max(len(r) for r in records)
    names = []
    for j in range(width):
        levels = [r[j].strip() for r in records[:header_rows] if j < len(r) and r[j].strip()]
        names.append(" / ".join(dict.fromkeys(levels)) if levels else f"column {j + 1}")
    rows = [r + [""] * (width - len(r)) for r in records[header_rows:]]
    return DisplayTable(names, rows, [], header_rows, ",", False, "acro")


# -- where findings are ------------------------------------------------------------------------

CELL, COLUMN, ROW, LINE, FILE, UNPLACED = "cell", "column", "row", "line", "file", "unplaced"


@dataclass(frozen=True)
class Placed:
    """One finding of a file and where it sits in what is shown: a cell (row,
    col), a whole column, a text line (row = line, span = (start, end) or None),
    the file as a whole, or nowhere (`UNPLACED`: it names a cell that is not in
    the table as read)."""
    index: int                   # position in the file's findings
    finding: dict
    level: str
    row: int | None = None
    col: int | None = None
    span: tuple | None = None


def findings_of_file(output: dict, name: str) -> list[dict]:
    return [f for f in _findings(output) if f.get("file") == name]


def _masked_pattern(text: str) -> re.Pattern | None:
    """A column name or value as the portal masked it ("010190-****") as a pattern
    for the text it stands for."""
    if "*" not in text:
        return None
    parts = []
    for ch in text:
        parts.append(r"\d" if ch == "*" else re.escape(ch))
    return re.compile("".join(parts) + r"\Z")


def _same_name(finding_column: str, name: str) -> bool:
    if finding_column == name:
        return True
    if finding_column.strip().casefold() == name.strip().casefold():
        return True
    pattern = _masked_pattern(finding_column)
    return bool(pattern and pattern.match(name))


def _value_matches(raw: str, value: Any, danish: bool) -> bool:
    if value is None:
        return True
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        number = number_of(raw, danish)
        return number is not None and math.isclose(float(number), float(value), rel_tol=1e-9, abs_tol=1e-9)
    text = str(value)
    if raw.strip() == text.strip():
        return True
    pattern = _masked_pattern(text)
    return bool(pattern and pattern.search(raw.replace(" ", "")))


def column_index(table: DisplayTable, finding: dict) -> int | None:
    column = finding.get("column")
    if not isinstance(column, str):
        return None
    matches = [j for j, name in enumerate(table.names) if _same_name(column, name)]
    if len(matches) > 1:
        row = _int(finding.get("row"))
        if row is not None:
            exact = [j for j in matches if _value_matches(table.cell(row, j), finding.get("value"), table.danish)]
            if exact:
                return exact[0]
    return matches[0] if matches else None


def place_in_table(table: DisplayTable, findings: list[dict]) -> list[Placed]:
    placed = []
    for n, f in enumerate(findings):
        row, col = _int(f.get("row")), column_index(table, f)
        if row is not None and f.get("column") is not None:
            if col is not None and 0 <= row < len(table.rows):
                placed.append(Placed(n, f, CELL, row, col))
            else:
                placed.append(Placed(n, f, UNPLACED, row, col))
        elif row is None and f.get("column") is not None:
            placed.append(Placed(n, f, COLUMN if col is not None else UNPLACED, None, col))
        elif row is not None:
            placed.append(Placed(n, f, ROW if 0 <= row < len(table.rows) else UNPLACED, row, None))
        else:
            placed.append(Placed(n, f, FILE))
    return placed


def table_for_findings(text: str, findings: list[dict]) -> tuple[DisplayTable, list[Placed]]:
    """The reading of the CSV text under which the findings land on their cells:
    the portal's own first; for ACRO's tables with several header rows (their
    columns are called "level / level"), the ACRO reading with 1-4 header rows
    when it places more findings, or the same number with more of their values
    where they should be (pandas writes the index names as a last header line)."""
    table = parse_table(text)
    placed = place_in_table(table, findings)
    best = (_score(table, placed), table, placed)
    if any(p.level == UNPLACED for p in placed) and any(str(f.get("rule", "")).startswith("acro:") for f in findings):
        for header_rows in range(1, 5):
            other = acro_table(text, header_rows)
            if other is None:
                continue
            again = place_in_table(other, findings)
            score = _score(other, again)
            if score > best[0]:
                best = (score, other, again)
    return best[1], best[2]


def _score(table: DisplayTable, placed: list[Placed]) -> tuple:
    located = sum(1 for p in placed if p.level in (CELL, COLUMN, ROW))
    values = sum(1 for p in placed if p.level == CELL and p.finding.get("value") is not None
                 and _value_matches(table.cell(p.row, p.col), p.finding.get("value"), table.danish))
    return located, not _index_names_row(table.rows[0] if table.rows else []), values


def _index_names_row(row: list[str]) -> bool:
    """A line with labels at the left and nothing after them: pandas' index names."""
    filled = [bool(c.strip()) for c in row]
    if not any(filled) or all(filled):
        return False
    first_blank = filled.index(False)
    return not any(filled[first_blank:])


# -- identifier hits in text files -------------------------------------------------------------

def text_lines(text: str) -> list[str]:
    """Lines numbered as the portal numbers them (split at "\\n" only); a "\\r"
    is shown as a space so that offsets stay the same."""
    return [line.replace("\r", " ") for line in text.split("\n")]


def _span_pattern(finding: dict) -> re.Pattern | None:
    value = finding.get("value")
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    between = r"[ \u00a0.\-]?" if finding.get("rule") == "cvr" else ""
    parts = [r"\d" if ch == "*" else re.escape(ch) for ch in value]
    return re.compile(r"(?<!\d)" + between.join(parts) + r"(?!\d)")


def place_in_text(lines: list[str], findings: list[dict]) -> list[Placed]:
    """Findings on a line (row = 0-based line) with the span of the masked value
    when it can be found on that line; file-level findings stay FILE."""
    placed = []
    for n, f in enumerate(findings):
        row = _int(f.get("row"))
        if row is None:
            placed.append(Placed(n, f, FILE))
            continue
        if not 0 <= row < len(lines):
            placed.append(Placed(n, f, UNPLACED, row))
            continue
        span = None
        pattern = _span_pattern(f)
        if pattern is not None:
            match = pattern.search(lines[row])
            if match:
                span = (match.start(), match.end())
        placed.append(Placed(n, f, LINE, row, None, span))
    return placed


# -- the sampling overview ---------------------------------------------------------------------

RISK_CLASSES = sampling.RISK_CLASSES
Z95 = 1.96


@dataclass(frozen=True)
class ClassRow:
    risk_class: str | None          # None: all classes together
    draws: int
    expected: float                 # sum of the draws' probabilities
    observed: int                   # draws that sampled
    sd: float                       # sqrt of the sum of p(1-p)

    @property
    def low(self) -> int:
        return max(0, math.floor(self.expected - Z95 * self.sd + 1e-9))

    @property
    def high(self) -> int:
        return min(self.draws, math.ceil(self.expected - 1e-9 + Z95 * self.sd)) if self.draws else 0

    @property
    def state(self) -> str:
        """"none" (no draws), "within", "below" or "above" the expected range."""
        if not self.draws:
            return "none"
        if self.observed < self.low:
            return "below"
        if self.observed > self.high:
            return "above"
        return "within"

    @property
    def expected_rate(self) -> float | None:
        return self.expected / self.draws if self.draws else None

    @property
    def observed_rate(self) -> float | None:
        return self.observed / self.draws if self.draws else None


@dataclass(frozen=True)
class Overview:
    classes: tuple                  # ClassRow per risk class, in RISK_CLASSES order
    total: ClassRow
    management_samples: int
    management_outputs: int
    config: dict | None = None
    source: str = "cache"           # "portal" or "cache"
    as_of: str | None = None

    @property
    def state(self) -> str:
        """"none", "within" (every class with draws is), or "outside"."""
        states = [c.state for c in self.classes if c.state != "none"]
        if not states:
            return "none"
        return "within" if all(s == "within" for s in states) and self.total.state == "within" else "outside"

    def outside(self) -> list[ClassRow]:
        return [c for c in (*self.classes, self.total) if c.state in ("below", "above")]


def _number(value: Any) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def overview_from_outputs(outputs: Iterable[dict], samples: Iterable[dict] = ()) -> Overview:
    """The overview from the draws stored on the outputs (the portal's own rule, offline)."""
    outputs = list(outputs)
    config = None
    for output in outputs:
        draw = output.get("draw") if isinstance(output, dict) else None
        if isinstance(draw, dict) and isinstance(draw.get("config"), dict):
            config = draw["config"]
    found = overview_from_answer(dict(sampling.overview(outputs, samples), config=config))
    return dataclasses.replace(found, source="cache", as_of=None)


def overview_from_answer(answer: Any) -> Overview:
    """The portal's `GET /sampling/overview` answer, checked."""
    if not isinstance(answer, dict) or not isinstance(answer.get("classes"), list):
        raise ValueError("the sampling overview answer is not the expected shape")

    def row(data: Any, risk_class: str | None) -> ClassRow:
        data = data if isinstance(data, dict) else {}
        return ClassRow(risk_class, _int(data.get("draws")) or 0, _number(data.get("expected")),
                        _int(data.get("observed")) or 0, _number(data.get("sd")))

    by_class = {c.get("risk_class"): c for c in answer["classes"] if isinstance(c, dict)}
    classes = tuple(row(by_class.get(c), c) for c in RISK_CLASSES)
    management = answer.get("management") if isinstance(answer.get("management"), dict) else {}
    return Overview(classes, row(answer.get("total"), None), _int(management.get("samples")) or 0,
                    _int(management.get("outputs")) or 0,
                    answer.get("config") if isinstance(answer.get("config"), dict) else None,
                    "portal", answer.get("as_of") if isinstance(answer.get("as_of"), str) else None)
