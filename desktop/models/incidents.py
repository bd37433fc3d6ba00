"""Incident reports in the client, without Qt: the triage queue's order, the NIS2
clocks at a moment, what each triage action needs, a warning drafted from
incidents, and the alerts a coordinator is given once.

The portal has the last word on every rule; these show the same rules early.
Times are epoch seconds; the portal's timestamps are ISO 8601 in UTC.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from rules import indicators

SEVERITIES = ("low", "medium", "high", "critical")
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}
TLP_ORDER = ("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED")
STATUSES = ("new", "acknowledged", "merged", "dismissed", "warned", "closed")
OPEN = ("new", "acknowledged", "warned")
CLOCKS = (("early_warning", 24 * 3600), ("notification", 72 * 3600), ("final_report", None))
SOON = 6 * 3600                     # a clock "about to run out": within six hours

# Triage actions and the statuses they start from (the portal's table).
FROM = {"acknowledge": ("new",), "assign": ("new", "acknowledged", "warned"), "merge": ("new", "acknowledged"),
        "dismiss": ("new", "acknowledged"), "close": ("new", "acknowledged", "warned")}
ENDED = ("merged", "dismissed")


def parse_iso(text: str | None) -> float | None:
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def one_month_after(ts: float) -> float:
    moment = dt.datetime.fromtimestamp(ts, dt.timezone.utc)
    year, month = (moment.year + 1, 1) if moment.month == 12 else (moment.year, moment.month + 1)
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1])).timestamp()


@dataclass(frozen=True)
class Clock:
    name: str                  # early_warning | notification | final_report
    due_at: float
    state: str                 # due | met | overdue
    met_at: float | None
    late: bool

    def seconds_left(self, now: float) -> float:
        return self.due_at - now


def clocks(incident: dict, now: float) -> list[Clock]:
    """The incident's NIS2 clocks at `now` (none when it is not NIS2-significant)."""
    detected = parse_iso(incident.get("detected_at"))
    if not incident.get("nis2_significant") or detected is None:
        return []
    out = []
    for name, seconds in CLOCKS:
        due = detected + seconds if seconds is not None else one_month_after(detected)
        met = next((parse_iso(u.get("at")) for u in incident.get("updates") or [] if u.get("kind") == name), None)
        state = "met" if met is not None else ("overdue" if now > due else "due")
        out.append(Clock(name, due, state, met, met is not None and met > due))
    return out


def next_clock(incident: dict, now: float) -> Clock | None:
    """The clock that matters most now: an overdue one first, else the next one due."""
    running = [c for c in clocks(incident, now) if c.state != "met"]
    return min(running, key=lambda c: c.due_at) if running else None


def age_seconds(incident: dict, now: float) -> float:
    return max(0.0, now - (parse_iso(incident.get("reported_at")) or now))


def queue_order(incidents: Iterable[dict], now: float) -> list[dict]:
    """Open incidents first, then by severity (critical first), then oldest first."""
    def key(i):
        return (i.get("status") not in OPEN, -SEVERITY_RANK.get(i.get("severity"), 0), -age_seconds(i, now),
                i.get("id") or "")
    return sorted(incidents, key=key)


def matches(incident: dict, status: str | None, severity: str | None, text: str = "") -> bool:
    if status == "open" and incident.get("status") not in OPEN:
        return False
    if status not in (None, "", "open") and incident.get("status") != status:
        return False
    if severity and incident.get("severity") != severity:
        return False
    needle = text.strip().lower()
    if needle:
        hay = " ".join([incident.get("id") or "", incident.get("title") or "", incident.get("reporting_centre") or ""]
                       + [i.get("value") or "" for i in incident.get("indicators") or []]).lower()
        return needle in hay
    return True


def action_block(incident: dict | None, action: str, roles: Iterable[str]) -> str | None:
    """Why `action` is not possible on this incident now (a code the view words), or None."""
    if "coordinator" not in set(roles):
        return "not_coordinator"
    if incident is None:
        return "no_incident"
    if incident.get("status") not in FROM[action]:
        return "not_open"
    if action == "merge" and not open_duplicates(incident, {}):
        return "no_duplicate"
    return None


def open_duplicates(incident: dict, known: dict[str, dict]) -> list[dict]:
    """Suggested duplicates still open (`known`: cached incidents by id; unknown ones are kept)."""
    return [d for d in incident.get("duplicates") or []
            if (known.get(d.get("id")) or {}).get("status") not in ENDED]


def display(indicator: dict) -> str:
    """An indicator as shown: defanged, so that no view turns it into a live link."""
    return indicators.defang(indicator.get("type") or "", indicator.get("value") or "")


def warning_from(incidents: list[dict]) -> tuple[dict, list[str]]:
    """A warning draft prefilled from incidents, and the incident ids it answers.

    Severity is the highest, TLP the strictest, recipients the affected parties of
    all (TLP:RED names organisations only), CVEs those among the indicators."""
    chosen = [i for i in incidents if i.get("status") not in ENDED]
    if not chosen:
        return {}, []
    titles = [i.get("title") or "" for i in chosen]
    severity = max((i.get("severity") or "medium" for i in chosen), key=lambda s: SEVERITY_RANK.get(s, 1))
    tlp = max((i.get("tlp") or "AMBER" for i in chosen), key=lambda t: TLP_ORDER.index(t) if t in TLP_ORDER else 2)
    recipients = {"sectors": [], "regions": [], "org_ids": []}
    for i in chosen:
        for part in recipients:
            for value in (i.get("affected") or {}).get(part) or []:
                if value not in recipients[part]:
                    recipients[part].append(value)
    if tlp == "RED":
        recipients["sectors"], recipients["regions"] = [], []
    cves = list(dict.fromkeys(x["value"] for i in chosen for x in i.get("indicators") or [] if x.get("type") == "cve"))
    summary = "\n".join(f"{i['id']} ({i.get('reporting_centre') or ''}): {i.get('title') or ''}" for i in chosen)
    lines = [f"- {i['type']}: {display(i)}" for inc in chosen for i in inc.get("indicators") or []
             if i.get("type") != "cve"]
    body = "Indicators of compromise (defanged):\n" + "\n".join(dict.fromkeys(lines)) if lines else ""
    form = {"title": titles[0][:300], "summary": summary[:5000], "body": body[:50000], "severity": severity,
            "tlp": tlp, "recipients": recipients, "cves": cves,
            "ack_hours": 24 if severity in ("high", "critical") else 72, "valid_until": None}
    return form, [i["id"] for i in chosen]


@dataclass(frozen=True)
class Alert:
    kind: str                  # "critical" (a new critical incident) | "clock" (a clock about to run out)
    incident_id: str
    title: str
    clock: str = ""
    due_at: float = 0.0


class IncidentAlerts:
    """Each alert once per session: new critical incidents and NIS2 clocks running out
    within `SOON`. The first check (or `prime`) only records what is there."""

    def __init__(self, soon: float = SOON):
        self.soon = soon
        self.primed = False
        self.seen: set[tuple] = set()

    def _found(self, incidents: Iterable[dict], now: float) -> dict[tuple, Alert]:
        found: dict[tuple, Alert] = {}
        for i in incidents:
            if i.get("status") not in OPEN or not i.get("id"):
                continue
            if i.get("severity") == "critical" and i.get("status") == "new":
                found[("critical", i["id"])] = Alert("critical", i["id"], i.get("title") or "")
            for c in clocks(i, now):
                if c.state == "due" and c.seconds_left(now) <= self.soon:
                    found[("clock", i["id"], c.name)] = Alert("clock", i["id"], i.get("title") or "", c.name, c.due_at)
        return found

    def prime(self, incidents: Iterable[dict], now: float) -> None:
        self.seen |= set(self._found(incidents, now))
        self.primed = True

    def check(self, incidents: Iterable[dict], now: float) -> list[Alert]:
        found = self._found(incidents, now)
        if not self.primed:
            self.prime(incidents, now)
            return []
        alerts = [a for k, a in sorted(found.items()) if k not in self.seen]
        self.seen |= set(found)
        return alerts
