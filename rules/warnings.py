"""Security warnings: fields and limits, who a warning reaches, when it needs a
co-sign, when it is overdue or expired, and the acknowledgement report.

The portal enforces these (`portal/routes/warnings.py`) and answers `GET
/warnings/{id}/acks` with `ack_report`; the desktop shows the same rules early
and computes the same report offline from its cache (`desktop/models/warnings.py`).
Times are epoch seconds; timestamps are read with `rules.timestamps`.
"""

from __future__ import annotations

from typing import Iterable

from .cve import CVE_RE as _ASCII_CVE_RE, cve_problem
from .text import is_plain_text
from .timestamps import epoch, iso

SEVERITIES = ("low", "medium", "high", "critical")
TLPS = ("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED")
ACK_STATES = ("received", "mitigated", "not_affected")
NEEDS_COSIGN = frozenset({"high", "critical"})
SECTORS = ("hospital", "gp", "care_home", "region", "municipality")
REGIONS = ("Capital Region", "Region Zealand", "Region of Southern Denmark", "Central Denmark Region",
           "North Denmark Region")
CONTENT_FIELDS = ("title", "summary", "body", "severity", "tlp", "recipients", "cves", "ack_hours", "valid_until")

MAX_TITLE = 300
MAX_SUMMARY = 5000
MAX_BODY = 50_000
MAX_NOTE = 5000
MAX_REASON = 2000
MAX_CVES = 200
MAX_ORG_IDS = 5000
MIN_ACK_HOURS, MAX_ACK_HOURS = 1, 720

CVE_RE = _ASCII_CVE_RE      # ASCII digits only (rules/cve.py)


def is_overdue(acknowledged: bool, due_at: float | None, now: float, status: str | None = "sent") -> bool:
    """Not acknowledged for the current revision and strictly after the deadline
    (at exactly `due_at` the recipient is still in time)."""
    return status == "sent" and not acknowledged and due_at is not None and now > due_at


def is_expired(status: str | None, valid_until: float | None, now: float) -> bool:
    """A sent warning expires strictly after `valid_until` (valid until then, inclusive)."""
    return status == "sent" and valid_until is not None and now > valid_until


def needs_cosign(severity: str | None, previous_severity: str | None = None) -> bool:
    """High and critical need a co-sign; so does a revision of a warning that was high or critical."""
    return severity in NEEDS_COSIGN or previous_severity in NEEDS_COSIGN


def red_violation(tlp: str | None, recipients: dict | None) -> bool:
    """TLP:RED goes to named organisations only, never to sectors or regions."""
    recipients = recipients or {}
    return tlp == "RED" and bool(recipients.get("sectors") or recipients.get("regions"))


def valid_cve(value: object, year_now: int) -> bool:
    """CVE-YYYY-NNNN… with a year from 1999 to next year."""
    return cve_problem(value, year_now) is None


def text_problem(value: str, *, required: bool, single_line: bool = False, limit: int | None = None) -> str | None:
    """Why a text field is refused: "empty", "control" (what rules/text.py refuses:
    control characters, line breaks too in a single-line field, bidi overrides),
    "too_long", or None."""
    if required and not value.strip():
        return "empty"
    if not is_plain_text(value, single_line=single_line):
        return "control"
    if limit is not None and len(value) > limit:
        return "too_long"
    return None


def addressed_org_ids(organisations: Iterable[dict], recipients: dict | None) -> list[str]:
    """The organisations a warning reaches: named ones, plus those in its sectors
    (narrowed to its regions when regions are given), or every org in the regions."""
    recipients = recipients or {}
    named = set(recipients.get("org_ids") or [])
    sectors = set(recipients.get("sectors") or [])
    regions = set(recipients.get("regions") or [])
    reached = set(named)
    if sectors or regions:
        for org in organisations:
            if (not sectors or org.get("sector") in sectors) and (not regions or org.get("region") in regions):
                reached.add(org["id"])
    return sorted(reached)


def ack_revision(warning: dict) -> int:
    return warning.get("ack_revision") or warning.get("revision") or 0


def revision_time(warning: dict, number: int) -> str | None:
    """When revision `number` was sent (the first send for revision 1)."""
    for r in warning.get("revisions") or []:
        if r.get("number") == number:
            return r.get("at")
    return warning.get("sent_at")


def ack_report(warning: dict, organisations: dict[str, dict], now: float, status: str | None = None) -> dict:
    """Per addressed organisation: its acknowledgement of the current revision, whether
    it is overdue or was late, and the time it took; with counts. A draft reports
    whom it would reach if sent now. `status` overrides the stored one (the desktop
    shows a sent warning past its validity as expired before the portal stores it)."""
    status = status or warning.get("status")
    if warning.get("status") == "draft":
        addressed = addressed_org_ids(organisations.values(), warning.get("recipients"))
    else:
        addressed = list(warning.get("addressed_org_ids") or [])
    revision = ack_revision(warning)
    due = epoch(warning.get("ack_due_at"))
    sent_text = revision_time(warning, revision) if revision else None
    sent = epoch(sent_text)
    acks = [a for a in warning.get("acks") or [] if isinstance(a, dict)]
    rows = []
    counts = {"addressed": 0, "acknowledged": 0, "pending": 0, "overdue": 0, "late": 0}
    for org_id in addressed:
        org = organisations.get(org_id) or {}
        mine = [a for a in acks if a.get("org_id") == org_id]
        current = next((a for a in reversed(mine) if a.get("revision") == revision), None) if revision else None
        earlier = max((a for a in mine if (a.get("revision") or 0) < revision),
                      key=lambda a: (a.get("revision") or 0, a.get("at") or ""), default=None)
        first_at = (current.get("first_at") or current.get("at")) if current else None
        first = epoch(first_at)
        overdue = is_overdue(current is not None, due, now, status)
        late = first is not None and due is not None and first > due
        rows.append({
            "org_id": org_id, "name": org.get("name"), "sector": org.get("sector"), "region": org.get("region"),
            "state": current.get("state") if current else None, "at": current.get("at") if current else None,
            "first_at": first_at, "note": current.get("note") if current else None, "revision": revision,
            "overdue": overdue, "late": late,
            "time_to_ack_seconds": int(first - sent) if (first is not None and sent is not None) else None,
            "earlier": ({"revision": earlier.get("revision"), "state": earlier.get("state"), "at": earlier.get("at")}
                        if earlier else None),
        })
        counts["addressed"] += 1
        counts["acknowledged" if current else "pending"] += 1
        counts["overdue"] += overdue
        counts["late"] += late
    return {"warning_id": warning.get("id"), "status": status, "revision": revision,
            "sent_at": sent_text, "ack_due_at": warning.get("ack_due_at"), "now": iso(now),
            "counts": counts, "recipients": rows}
