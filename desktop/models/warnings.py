"""Security warnings in the client, without Qt: the same rules the portal applies,
computed from the offline copy so the views can show them early.

- `addressed_org_ids` is the portal's recipient resolution (named organisations,
  plus those in the chosen sectors narrowed to the chosen regions, or every
  organisation in the regions), over the cached organisations.
- `ack_board` is the portal's acknowledgement report (`GET /warnings/{id}/acks`)
  computed from a cached warning: the same shape, so a view shows either.
- `is_overdue`: not acknowledged for the current revision and strictly after the
  deadline (at exactly `ack_due_at` a recipient is still in time).
- `action_block` says why an action is not possible now (a code and facts; the
  views word it). The portal has the last word on every one of these.
- `board_csv` writes a board as CSV with formula injection neutralised.
- `EscalationTracker` remembers, in memory, which overdue warnings and new
  critical warnings the user was already told about.

Times are epoch seconds (floats); the portal's timestamps are ISO 8601 in UTC.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

# The rules the portal enforces, written once (rules/warnings.py); the desktop shows
# them early and computes the acknowledgement report offline with them.
from rules.csvsafe import neutralise_cell  # noqa: F401
from rules.timestamps import epoch as parse_iso, iso  # noqa: F401
from rules.warnings import (ACK_STATES, CONTENT_FIELDS, MAX_ACK_HOURS, MAX_BODY, MAX_CVES, MAX_REASON,  # noqa: F401
                            MAX_SUMMARY, MAX_TITLE, MIN_ACK_HOURS, NEEDS_COSIGN, REGIONS, SECTORS, SEVERITIES, TLPS,
                            ack_report, ack_revision, addressed_org_ids, is_expired, is_overdue, needs_cosign,
                            red_violation, text_problem, valid_cve)

# Sections of the warnings list (a warning can be in "awaiting_cosign" and "sent"
# at once: a sent warning whose next revision waits for its co-sign).
SECTION_ALL = "all"
SECTION_DRAFTS = "drafts"
SECTION_AWAITING = "awaiting_cosign"
SECTION_SENT = "sent"
SECTION_OVERDUE = "overdue"
SECTION_EXPIRED = "expired"
SECTION_RETRACTED = "retracted"
SECTIONS = (SECTION_ALL, SECTION_DRAFTS, SECTION_AWAITING, SECTION_SENT, SECTION_OVERDUE, SECTION_EXPIRED,
            SECTION_RETRACTED)

# Actions and the reasons they are not possible (worded by the views).
ACTIONS = ("edit", "cosign", "send", "revise", "discard_revision", "retract")
NOT_COORDINATOR = "not_coordinator"
OWN_CERTIFICATION = "own_certification_expired"   # the coordinator's own certification lapsed: no co-sign, no send
NOT_OPEN = "not_open"                   # nothing to co-sign/send/edit in this state
ALREADY_COSIGNED = "already_cosigned"
SELF_COSIGN = "self_cosign"
COSIGN_REQUIRED = "cosign_required"
RED_NAMED_ONLY = "red_requires_named_recipients"
VALID_UNTIL_PASSED = "valid_until_passed"
NO_RECIPIENTS = "no_recipients"
REVISION_PENDING = "revision_pending"
NO_REVISION = "no_revision"
NOT_SENT = "not_sent"
QUEUED = "queued"                       # the same action waits in the outbox
OFFLINE = "offline"                     # needs the portal now (an edit is not queued)

_CVE_SPLIT = re.compile(r"[\s,;]+")


# ---------------------------------------------------------------------------
# Time

def duration_parts(seconds: float | int | None) -> tuple[int, int, int] | None:
    """(days, hours, minutes) of a non-negative duration, rounded down to the minute."""
    if seconds is None:
        return None
    minutes = max(0, int(seconds)) // 60
    return minutes // 1440, (minutes % 1440) // 60, minutes % 60


# ---------------------------------------------------------------------------
# Recipients (the reach rule itself: rules/warnings.py)

def normalise_recipients(recipients: dict | None) -> dict:
    recipients = recipients or {}
    return {k: list(dict.fromkeys(recipients.get(k) or [])) for k in ("sectors", "regions", "org_ids")}


@dataclass(frozen=True)
class Reach:
    """Who a choice of recipients reaches, from the cached organisations."""
    org_ids: list[str]
    by_scope: int            # reached through sectors/regions
    named_only: int          # named and not already reached through sectors/regions
    unknown_named: list[str]  # named ids the offline copy does not know
    by_sector: dict[str, int]

    @property
    def total(self) -> int:
        return len(self.org_ids)


def reach(organisations: Iterable[dict], recipients: dict | None) -> Reach:
    organisations = list(organisations)
    recipients = normalise_recipients(recipients)
    known = {o["id"]: o for o in organisations}
    reached = addressed_org_ids(organisations, recipients)
    scoped = set(addressed_org_ids(organisations, {**recipients, "org_ids": []})) \
        if (recipients["sectors"] or recipients["regions"]) else set()
    by_sector: dict[str, int] = {}
    for org_id in reached:
        sector = (known.get(org_id) or {}).get("sector") or "?"
        by_sector[sector] = by_sector.get(sector, 0) + 1
    return Reach(org_ids=reached, by_scope=len(scoped),
                 named_only=sum(1 for o in recipients["org_ids"] if o not in scoped),
                 unknown_named=[o for o in recipients["org_ids"] if o not in known], by_sector=by_sector)


def dropped_org_ids(already_warned: Iterable[str], organisations: Iterable[dict], recipients: dict) -> list[str]:
    """Organisations already warned that these recipients would no longer reach (a
    revision may not drop anyone)."""
    reached = set(addressed_org_ids(organisations, recipients))
    return [o for o in already_warned or [] if o not in reached]


def check_cves(text: str, now: float) -> tuple[list[str], list[str]]:
    """CVE ids typed in a field (commas, semicolons or spaces between them).
    Returns (valid ids normalised to upper case without repeats, invalid entries)."""
    year_now = dt.datetime.fromtimestamp(now, dt.timezone.utc).year
    good: list[str] = []
    bad: list[str] = []
    for entry in (e for e in _CVE_SPLIT.split(text or "") if e):
        candidate = entry.upper()
        if not valid_cve(candidate, year_now):
            bad.append(entry)
        elif candidate not in good:
            good.append(candidate)
    return good, bad


# ---------------------------------------------------------------------------
# A warning's stage: the draft itself, or the pending revision of a sent warning

@dataclass(frozen=True)
class Stage:
    content: dict                  # the fields of CONTENT_FIELDS
    is_revision: bool
    number: int                    # the revision it becomes when sent
    cosigned_by: str | None
    writers: frozenset[str]        # author/preparer and editors: they may not co-sign
    previous_severity: str | None  # a revision of a high/critical warning needs a co-sign too
    summary: str | None            # what changed (revisions)
    prepared_by: str | None

    @property
    def needs_cosign(self) -> bool:
        return needs_cosign(self.content.get("severity"), self.previous_severity)


def content_of(warning: dict) -> dict:
    return {k: warning.get(k) for k in CONTENT_FIELDS}


def stage(warning: dict | None) -> Stage | None:
    """What edit, co-sign and send act on; None when nothing is being prepared."""
    if not warning:
        return None
    status = warning.get("status")
    if status == "draft":
        writers = set(warning.get("editors") or []) | {warning.get("author_id")}
        return Stage(content_of(warning), False, (warning.get("revision") or 0) + 1, warning.get("cosigned_by"),
                     frozenset(w for w in writers if w), None, None, warning.get("author_id"))
    pending = warning.get("pending_revision")
    if status == "sent" and isinstance(pending, dict):
        content = dict(content_of(warning))
        content.update(pending.get("content") or {})
        writers = set(pending.get("editors") or []) | {pending.get("prepared_by")}
        return Stage(content, True, pending.get("number") or (warning.get("revision") or 0) + 1,
                     pending.get("cosigned_by"), frozenset(w for w in writers if w), warning.get("severity"),
                     pending.get("summary"), pending.get("prepared_by"))
    return None


def cosign_state(warning: dict) -> str | None:
    """"needed" (no co-sign yet and the severity needs one), "cosigned", "optional"
    (low/medium without a co-sign) or None when nothing is being prepared."""
    prepared = stage(warning)
    if prepared is None:
        return None
    if prepared.cosigned_by:
        return "cosigned"
    return "needed" if prepared.needs_cosign else "optional"


def effective_status(warning: dict, now: float) -> str:
    """The status, with a sent warning past its `valid_until` shown as expired
    (the portal stores that within half a minute)."""
    status = warning.get("status") or "draft"
    if is_expired(status, parse_iso(warning.get("valid_until")), now):
        return "expired"
    return status


# ---------------------------------------------------------------------------
# Acknowledgements

def ack_board(warning: dict, organisations: dict[str, dict], now: float) -> dict:
    """Per addressed organisation: its acknowledgement of the current revision and
    whether it is overdue; the portal's GET /warnings/{id}/acks, computed offline."""
    return ack_report(warning, organisations, now, effective_status(warning, now))


def complete_board(board: dict, organisations: dict[str, dict]) -> dict:
    """Fill names, sectors and regions the portal's answer lacks from the cached organisations."""
    board = dict(board)
    rows = []
    for row in board.get("recipients") or []:
        org = organisations.get(row.get("org_id")) or {}
        rows.append({**row, **{k: row.get(k) or org.get(k) for k in ("name", "sector", "region")}})
    board["recipients"] = rows
    return board


@dataclass(frozen=True)
class Progress:
    addressed: int
    acknowledged: int
    overdue: int
    waiting: int             # not acknowledged, deadline not passed (or no deadline)

    @property
    def asks(self) -> bool:
        return self.addressed > 0


def progress(board: dict) -> Progress:
    counts = board.get("counts") or {}
    addressed = int(counts.get("addressed") or 0)
    acknowledged = int(counts.get("acknowledged") or 0)
    overdue = int(counts.get("overdue") or 0)
    return Progress(addressed, acknowledged, overdue, max(0, addressed - acknowledged - overdue))


def warning_progress(warning: dict, now: float) -> Progress:
    """Acknowledgement progress of a sent (or once sent) warning; no organisation names needed."""
    if warning.get("status") == "draft":
        return Progress(0, 0, 0, 0)
    return progress(ack_board(warning, {}, now))


STATE_FILTER_ALL = "all"
STATE_FILTER_OVERDUE = "overdue"
STATE_FILTER_ACKNOWLEDGED = "acknowledged"
STATE_FILTER_NOT_ACKNOWLEDGED = "not_acknowledged"


def filter_rows(rows: Iterable[dict], sector: str | None = None, region: str | None = None,
                state: str | None = None) -> list[dict]:
    """Board rows in a sector and region; `state`: one of the STATE_FILTER_* or an ack state."""
    out = []
    for row in rows:
        if sector and row.get("sector") != sector:
            continue
        if region and row.get("region") != region:
            continue
        if state and state != STATE_FILTER_ALL:
            if state == STATE_FILTER_OVERDUE and not row.get("overdue"):
                continue
            if state == STATE_FILTER_ACKNOWLEDGED and not row.get("state"):
                continue
            if state == STATE_FILTER_NOT_ACKNOWLEDGED and row.get("state"):
                continue
            if state in ACK_STATES and row.get("state") != state:
                continue
        out.append(row)
    return out


def overdue_rows(board: dict) -> list[dict]:
    return [r for r in board.get("recipients") or [] if r.get("overdue")]


# ---------------------------------------------------------------------------
# CSV export

BOARD_CSV_FIELDS = ("org_id", "name", "sector", "region", "state", "acknowledged_at", "first_acknowledged_at",
                    "time_to_acknowledge_minutes", "overdue", "late", "revision", "note")


def board_csv(board: dict, rows: Iterable[dict] | None = None, header: Iterable[str] | None = None) -> str:
    """The board (or the given rows of it) as CSV text. `header` may translate the
    column names (same order as BOARD_CSV_FIELDS). Every text cell is neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([neutralise_cell(h) for h in (header or BOARD_CSV_FIELDS)])
    for row in (board.get("recipients") or []) if rows is None else rows:
        seconds = row.get("time_to_ack_seconds")
        values = {
            "org_id": row.get("org_id"), "name": row.get("name"), "sector": row.get("sector"),
            "region": row.get("region"), "state": row.get("state") or "", "acknowledged_at": row.get("at"),
            "first_acknowledged_at": row.get("first_at"),
            "time_to_acknowledge_minutes": (int(seconds) // 60) if isinstance(seconds, (int, float)) else None,
            "overdue": bool(row.get("overdue")), "late": bool(row.get("late")), "revision": row.get("revision"),
            "note": row.get("note"),
        }
        writer.writerow([neutralise_cell(values[f]) for f in BOARD_CSV_FIELDS])
    return out.getvalue()


# ---------------------------------------------------------------------------
# Summaries for the list

@dataclass
class Summary:
    id: str
    title: str
    severity: str | None
    tlp: str | None
    status: str                 # effective status
    stage: Stage | None
    cosign: str | None          # cosign_state
    revision: int
    sent_at: str | None
    ack_due_at: str | None
    progress: Progress
    author_id: str | None
    queued: list[str] = field(default_factory=list)   # actions of this user waiting in the outbox

    def in_section(self, section: str) -> bool:
        if section == SECTION_ALL:
            return True
        if section == SECTION_DRAFTS:       # drafts that can be sent as they are (co-signed or needing none)
            return self.status == "draft" and self.cosign in ("optional", "cosigned")
        if section == SECTION_AWAITING:     # still waiting: a co-sign given, or one I just queued, is not
            return self.cosign == "needed" and self.status in ("draft", "sent") and "cosign" not in self.queued
        if section == SECTION_SENT:
            return self.status == "sent"
        if section == SECTION_OVERDUE:
            return self.status == "sent" and self.progress.overdue > 0
        if section == SECTION_EXPIRED:
            return self.status == "expired"
        if section == SECTION_RETRACTED:
            return self.status == "retracted"
        return False


def summarise(warning: dict, now: float, queued: list[str] | None = None) -> Summary:
    return Summary(
        id=warning.get("id") or "", title=warning.get("title") or "", severity=warning.get("severity"),
        tlp=warning.get("tlp"), status=effective_status(warning, now), stage=stage(warning),
        cosign=cosign_state(warning), revision=warning.get("revision") or 0, sent_at=warning.get("sent_at"),
        ack_due_at=warning.get("ack_due_at"), progress=warning_progress(warning, now),
        author_id=warning.get("author_id"), queued=list(queued or []))


def section_counts(summaries: Iterable[Summary]) -> dict[str, int]:
    summaries = list(summaries)
    return {s: sum(1 for w in summaries if w.in_section(s)) for s in SECTIONS}


# ---------------------------------------------------------------------------
# What this user may do now

@dataclass(frozen=True)
class Block:
    code: str
    facts: dict = field(default_factory=dict)


def warning_action(path: str) -> tuple[str | None, str | None]:
    """(warning id, action) of an outbox path such as /warnings/W-1/cosign."""
    parts = path.strip("/").split("/")
    if not parts or parts[0] != "warnings":
        return None, None
    if len(parts) == 1:
        return None, "create"
    if len(parts) == 3 and parts[2] in ("cosign", "send", "retract", "revisions"):
        return parts[1], {"revisions": "revise"}.get(parts[2], parts[2])
    return parts[1], None


def queued_actions(outbox_rows: Iterable[dict]) -> dict[str, list[str]]:
    """Warning id -> actions of this user still waiting in the outbox."""
    out: dict[str, list[str]] = {}
    for row in outbox_rows:
        if row.get("state") not in ("queued", "sending"):
            continue
        warning_id, action = warning_action(row.get("path") or "")
        if warning_id and action:
            out.setdefault(warning_id, []).append(action)
    return out


def action_block(action: str, warning: dict, me: dict, organisations: Iterable[dict], now: float, *,
                 online: bool = True, queued: Iterable[str] = ()) -> Block | None:
    """Why `me` cannot take `action` on this warning now, or None. The order
    follows the portal's refusal order."""
    roles = set(me.get("roles") or [])
    if "coordinator" not in roles:
        return Block(NOT_COORDINATOR)
    if action in ("cosign", "send") and me.get("certification_lapsed"):
        return Block(OWN_CERTIFICATION, {"until": me.get("certified_until")})
    queued = set(queued)
    status = effective_status(warning, now)
    prepared = stage(warning) if status in ("draft", "sent") else None
    if action in ("edit", "cosign", "send"):
        if prepared is None:
            return Block(NOT_OPEN, {"status": status})
        if action in queued:
            return Block(QUEUED, {"action": action})
        if action == "edit":
            return None if online else Block(OFFLINE)
        if action == "cosign":
            if prepared.cosigned_by:
                return Block(ALREADY_COSIGNED, {"by": prepared.cosigned_by})
            if me.get("id") in prepared.writers:
                return Block(SELF_COSIGN, {"author": me.get("id") == (prepared.prepared_by or
                                                                     warning.get("author_id"))})
            return None
        content = prepared.content
        until = parse_iso(content.get("valid_until"))
        if until is not None and until <= now:
            return Block(VALID_UNTIL_PASSED, {"valid_until": content.get("valid_until")})
        organisations = list(organisations)
        if organisations and not addressed_org_ids(organisations, content.get("recipients")):
            return Block(NO_RECIPIENTS)
        if prepared.is_revision:
            dropped = dropped_org_ids(warning.get("addressed_org_ids") or [], organisations,
                                      content.get("recipients") or {}) if organisations else []
            if dropped:
                return Block(NOT_OPEN, {"dropped": dropped})
        if red_violation(content.get("tlp"), content.get("recipients")):
            return Block(RED_NAMED_ONLY)
        if prepared.needs_cosign and not prepared.cosigned_by:
            return Block(COSIGN_REQUIRED, {"severity": content.get("severity"), "cosign_queued": "cosign" in queued,
                                           "revision": prepared.is_revision})
        return None
    if action == "revise":
        if status != "sent":
            return Block(NOT_SENT, {"status": status})
        if warning.get("pending_revision"):
            return Block(REVISION_PENDING, {"number": (warning["pending_revision"] or {}).get("number")})
        if "revise" in queued:
            return Block(QUEUED, {"action": action})
        return None
    if action == "discard_revision":
        if status != "sent" or not warning.get("pending_revision"):
            return Block(NO_REVISION)
        return None if online else Block(OFFLINE)
    if action == "retract":
        if status != "sent":
            return Block(NOT_SENT, {"status": status})
        if "retract" in queued:
            return Block(QUEUED, {"action": action})
        return None
    raise ValueError(f"unknown action {action!r}")


# ---------------------------------------------------------------------------
# Bodies for the portal

def create_body(form: dict) -> dict:
    """POST /warnings from a compose form (fields of CONTENT_FIELDS)."""
    body = {k: form[k] for k in CONTENT_FIELDS if k in form}
    body["recipients"] = normalise_recipients(form.get("recipients"))
    body.setdefault("cves", [])
    if body.get("valid_until") is None:
        body.pop("valid_until", None)
    return body


def changed_fields(before: dict, form: dict) -> dict:
    """The fields of `form` that differ from `before` (content of a draft or pending revision)."""
    out = {}
    for name in CONTENT_FIELDS:
        if name not in form:
            continue
        old, new = before.get(name), form[name]
        if name == "recipients":
            old, new = normalise_recipients(old), normalise_recipients(new)
            if {k: sorted(v) for k, v in old.items()} == {k: sorted(v) for k, v in new.items()}:
                continue
        elif name == "valid_until":
            if parse_iso(old) == parse_iso(new):
                continue
        elif old == new:
            continue
        out[name] = new
    return out


def patch_body(warning: dict, form: dict, revision_summary: str | None = None) -> dict:
    """PATCH /warnings/{id}: what changed in the draft or pending revision, against its version."""
    prepared = stage(warning)
    before = prepared.content if prepared else content_of(warning)
    body: dict[str, Any] = changed_fields(before, form)
    if revision_summary is not None and prepared is not None and prepared.is_revision \
            and revision_summary != (prepared.summary or ""):
        body["revision_summary"] = revision_summary
    body["expected_version"] = warning.get("version") or 0
    return body


def revision_body(warning: dict, form: dict, summary: str) -> dict:
    """POST /warnings/{id}/revisions: what changes relative to the sent text."""
    return {"summary": summary, "changes": changed_fields(content_of(warning), form),
            "expected_version": warning.get("version") or 0}


# ---------------------------------------------------------------------------
# Escalation: tell the user once per event

@dataclass(frozen=True)
class Event:
    kind: str               # "overdue" | "critical"
    warning_id: str
    title: str
    count: int = 0          # overdue recipients (overdue events)
    revision: int = 0


class EscalationTracker:
    """Compares the warnings with what it saw at the previous check and yields each
    event once (remembered in memory for this session).

    - "overdue": a sent warning has recipients past the deadline of its current
      revision (a new revision that becomes overdue is a new event);
    - "critical": a critical warning this user did not write appears (or becomes critical).

    The first check only records what is there (nobody wants a notification for
    every old warning at sign-in); call `prime` when the offline copy is empty so
    that the first full sync is the baseline instead.
    """

    def __init__(self, me_id: str | None = None):
        self.me_id = me_id
        self.primed = False
        self.seen: set[tuple] = set()

    def _keys(self, warnings: Iterable[dict], now: float) -> dict[tuple, Event]:
        found: dict[tuple, Event] = {}
        for w in warnings:
            wid = w.get("id")
            if not wid:
                continue
            if effective_status(w, now) == "sent":
                p = warning_progress(w, now)
                if p.overdue:
                    revision = ack_revision(w)
                    found[("overdue", wid, revision)] = Event("overdue", wid, w.get("title") or "", p.overdue,
                                                              revision)
            if w.get("severity") == "critical" and w.get("author_id") != self.me_id \
                    and w.get("status") in ("draft", "sent"):
                found[("critical", wid)] = Event("critical", wid, w.get("title") or "")
        return found

    def prime(self, warnings: Iterable[dict], now: float) -> None:
        self.seen |= set(self._keys(warnings, now))
        self.primed = True

    def check(self, warnings: Iterable[dict], now: float) -> list[Event]:
        found = self._keys(warnings, now)
        if not self.primed:
            self.seen |= set(found)
            self.primed = True
            return []
        events = [event for key, event in sorted(found.items(), key=lambda kv: (kv[1].kind, kv[1].warning_id))
                  if key not in self.seen]
        self.seen |= set(found)
        return events
