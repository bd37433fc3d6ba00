"""What the dashboard and the monthly report show, computed from the offline cache.

No Qt and no matplotlib here: plain numbers (and the ids behind each number, so
that a click on a bar can open the matching list). Everything reads the local
cache, so the dashboard works offline.

Time: portal timestamps are UTC; days, weeks and months are the user's local
ones (`tz`, default the computer's time zone). Weeks start on Monday.

Working days are Monday to Friday minus the Danish public holidays (the `holidays`
package: New Year's Day, Maundy Thursday, Good Friday, Easter Monday, Ascension Day,
Whit Monday, Christmas Day and Boxing Day; Great Prayer Day until 2023). Holidays are *not*
counted as working days. An application's age is the number of working days
after the day it was submitted, up to and including today: submitted on a
Monday, it is 5 working days old on the next Monday.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from dataclasses import dataclass, field
from typing import Callable, Iterable

import numpy as np

from rules import timestamps, turnaround

PENDING_STATUSES = ("submitted", "in_review")
DECIDED_STATUSES = ("approved", "rejected", "returned")
AGE_THRESHOLDS = (5, 10, 20)                        # "past 5, 10, 20 working days"
AGE_BUCKETS = ((0, 5), (6, 10), (11, 20), (21, None))
RISK_CLASSES = ("base", "elevated", "high")
SECTORS = ("hospital", "gp", "care_home", "region", "municipality")
REGIONS = ("Capital Region", "Region Zealand", "Region of Southern Denmark", "Central Denmark Region",
           "North Denmark Region")
AREAS = ("applications", "outputs", "warnings")
DEFAULT_WEEKS = 12


def areas_for(roles: Iterable[str]) -> list[str]:
    """The dashboard areas a user's roles cover, in a fixed order."""
    roles = set(roles)
    wanted = {"applications": {"caseworker", "admin"}, "outputs": {"supervisor", "admin"},
              "warnings": {"coordinator", "admin"}}
    return [area for area in AREAS if wanted[area] & roles]


# -- time ---------------------------------------------------------------------------------
def parse_time(text) -> dt.datetime | None:
    """A portal timestamp (ISO 8601, UTC when no offset) as an aware datetime."""
    return timestamps.parse(text)


def local_day(value: dt.datetime, tz: dt.tzinfo | None) -> dt.date:
    return value.astimezone(tz).date()


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def end_of_day(day: dt.date, tz: dt.tzinfo | None) -> dt.datetime:
    """The first instant of the next local day (an exclusive bound)."""
    naive = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    return naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()


def start_of_day(day: dt.date, tz: dt.tzinfo | None) -> dt.datetime:
    naive = dt.datetime.combine(day, dt.time())
    return naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()


def danish_public_holidays(year: int) -> set[dt.date]:
    """The Danish public holidays of a year, from the `holidays` package (rules/turnaround.py)."""
    return set(turnaround.danish_holidays(year))


class WorkCalendar:
    """Monday to Friday minus holidays (Danish public holidays unless told otherwise)."""

    def __init__(self, holidays: Callable[[int], set[dt.date]] | None = danish_public_holidays):
        self._holidays_of = holidays
        self._years: dict[int, set[dt.date]] = {}

    @property
    def counts_holidays(self) -> bool:
        """True when holidays on weekdays count as working days (no holiday calendar)."""
        return self._holidays_of is None

    def holidays(self, first: dt.date, last: dt.date) -> list[dt.date]:
        if self._holidays_of is None:
            return []
        out: list[dt.date] = []
        for year in range(first.year, last.year + 1):
            if year not in self._years:
                self._years[year] = set(self._holidays_of(year))
            out += [d for d in self._years[year] if first <= d <= last]
        return sorted(out)

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self.holidays(day, day)

    def working_days_after(self, start: dt.date, end: dt.date) -> int:
        """Working days d with start < d <= end (0 when end <= start)."""
        if end <= start:
            return 0
        first, last = start + dt.timedelta(days=1), end
        holidays = np.array(self.holidays(first, last), dtype="datetime64[D]")
        return int(np.busday_count(np.datetime64(first), np.datetime64(last + dt.timedelta(days=1)),
                                   holidays=holidays))


def week_list(first: dt.date, last: dt.date) -> list[dt.date]:
    """The Mondays of the weeks from the one holding `first` to the one holding `last`."""
    out, week = [], week_start(first)
    while week <= last:
        out.append(week)
        week += dt.timedelta(days=7)
    return out


def day_list(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


# -- chart data -------------------------------------------------------------------------------
@dataclass
class PendingAges:
    """Pending applications per working-day age bucket, split by status."""
    as_of: dt.date
    buckets: tuple[tuple[int, int | None], ...]
    ids: dict[str, list[list[str]]]          # status -> per bucket, oldest first
    ages: dict[str, int]                     # application id -> age in working days
    holidays_counted: bool

    def counts(self, status: str | None = None) -> list[int]:
        statuses = [status] if status else list(self.ids)
        return [sum(len(self.ids[s][b]) for s in statuses) for b in range(len(self.buckets))]

    @property
    def total(self) -> int:
        return len(self.ages)

    def past(self, days: int) -> int:
        """How many are older than `days` working days."""
        return sum(1 for age in self.ages.values() if age > days)

    def bucket_ids(self, bucket: int, status: str | None = None) -> list[str]:
        statuses = [status] if status else list(self.ids)
        found = [i for s in statuses for i in self.ids[s][bucket]]
        return sorted(found, key=lambda i: -self.ages[i])


@dataclass
class WeeklyCounts:
    """Per week (Monday dates), for each series the ids counted that week."""
    weeks: list[dt.date]
    series: dict[str, list[list[str]]]

    def counts(self, name: str) -> list[int]:
        return [len(ids) for ids in self.series[name]]

    def total(self, name: str) -> int:
        return sum(self.counts(name))


@dataclass
class DailySeries:
    days: list[dt.date]
    ids: list[list[str]]

    def counts(self) -> list[int]:
        return [len(i) for i in self.ids]


@dataclass
class ClassRate:
    risk_class: str
    drawn: list[str]                  # output ids drawn in this class
    sampled: list[str]                # of which the draw selected
    expected: float | None            # the configured probability (mean over the draws)

    @property
    def rate(self) -> float | None:
        return len(self.sampled) / len(self.drawn) if self.drawn else None

    def interval(self, z: float = 1.96) -> tuple[float, float] | None:
        """Wilson score interval of the observed rate (95 % by default)."""
        n = len(self.drawn)
        if not n:
            return None
        p = len(self.sampled) / n
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
        return max(0.0, centre - half), min(1.0, centre + half)


@dataclass
class SampleRates:
    classes: list[ClassRate]
    base_rate: float | None

    @property
    def drawn(self) -> int:
        return sum(len(c.drawn) for c in self.classes)


@dataclass
class RuleCount:
    rule: str
    outputs: list[str]                # outputs with at least one finding of this rule
    findings: int                     # findings of this rule in all of them


@dataclass
class AckCurve:
    """One sent warning: when its addressed organisations first acknowledged it."""
    warning_id: str
    title: str
    severity: str | None
    status: str | None
    sent_at: dt.datetime
    due_at: dt.datetime | None
    addressed: list[str]
    first_ack: dict[str, dt.datetime]         # org id -> its first acknowledgement
    as_of: dt.datetime

    @property
    def times(self) -> list[dt.datetime]:
        return sorted(t for t in self.first_ack.values() if t <= self.as_of)

    def acked_by(self, moment: dt.datetime) -> int:
        return sum(1 for t in self.first_ack.values() if t <= moment)

    @property
    def acked_now(self) -> int:
        return self.acked_by(self.as_of)

    @property
    def acked_by_due(self) -> int | None:
        return self.acked_by(self.due_at) if self.due_at else None

    @property
    def overdue(self) -> bool:
        return self.due_at is not None and self.due_at <= self.as_of

    def missing(self) -> list[str]:
        """Addressed organisations without an acknowledgement (as of now)."""
        return [o for o in self.addressed if not (o in self.first_ack and self.first_ack[o] <= self.as_of)]

    def late_or_missing(self) -> list[str]:
        """Addressed organisations that had not acknowledged by the deadline."""
        if self.due_at is None:
            return []
        return [o for o in self.addressed if not (o in self.first_ack and self.first_ack[o] <= self.due_at)]

    def share(self) -> float | None:
        return self.acked_now / len(self.addressed) if self.addressed else None


@dataclass
class OverdueMatrix:
    """Organisations overdue on at least one warning, by sector and region."""
    sectors: list[str]
    regions: list[str]
    cells: dict[tuple[str, str], list[str]]   # (sector, region) -> org ids
    warnings_of: dict[str, list[str]]          # org id -> warnings it is overdue on

    def count(self, sector: str, region: str) -> int:
        return len(self.cells.get((sector, region), []))

    def sector_total(self, sector: str) -> int:
        return sum(self.count(sector, r) for r in self.regions)

    def region_total(self, region: str) -> int:
        return sum(self.count(s, region) for s in self.sectors)

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.cells.values())

    def warning_ids(self, sector: str | None = None, region: str | None = None) -> list[str]:
        orgs = [o for (s, r), ids in self.cells.items() for o in ids
                if (sector is None or s == sector) and (region is None or r == region)]
        return sorted({w for o in orgs for w in self.warnings_of.get(o, [])})


@dataclass
class ApplicationsArea:
    pending: PendingAges
    approvals: WeeklyCounts          # series "mine" and "others"
    queue: DailySeries
    numbers: dict[str, float | int | None] = field(default_factory=dict)


@dataclass
class OutputsArea:
    weekly: WeeklyCounts             # series "submitted", "sampled", "withheld" by week of submission
    rates: SampleRates
    rules: list[RuleCount]
    numbers: dict[str, float | int | None] = field(default_factory=dict)


@dataclass
class WarningsArea:
    curves: list[AckCurve]
    overdue: OverdueMatrix
    numbers: dict[str, float | int | None] = field(default_factory=dict)


@dataclass
class DashboardData:
    now: dt.datetime
    first_day: dt.date
    last_day: dt.date
    areas: list[str]
    applications: ApplicationsArea | None = None
    outputs: OutputsArea | None = None
    warnings: WarningsArea | None = None


# -- loading from the cache -------------------------------------------------------------------
def _documents(cache, table: str) -> list[dict]:
    kind = {"applications": "application", "outputs": "output", "warnings": "warning",
            "organisations": "organisation"}[table]
    return cache.documents(kind)


def _organisations(cache) -> dict[str, dict]:
    return cache.organisation_places()


# -- applications -------------------------------------------------------------------------------
@dataclass
class QueueStay:
    """One stay of an application in the decision queue (one review round)."""
    app_id: str
    start: dt.datetime
    end: dt.datetime | None                  # None: still waiting
    approvals: list[dt.datetime]             # this round's approvals, in time order

    def waiting_at(self, moment: dt.datetime) -> bool:
        return self.start < moment and (self.end is None or self.end >= moment)

    def status_at(self, moment: dt.datetime) -> str:
        return "in_review" if any(t < moment for t in self.approvals) else "submitted"


def queue_stays(app: dict) -> list[QueueStay]:
    """When an application waited for a decision. Round 1 starts at `submitted_at`,
    each resubmission starts the next; a round ends with a return or reject, or
    with the approval that completed it. The current round of a pending
    application has not ended."""
    starts = {1: parse_time(app.get("submitted_at"))}
    for entry in app.get("resubmissions") or []:
        if isinstance(entry, dict) and isinstance(entry.get("round"), int):
            starts[entry["round"]] = parse_time(entry.get("at"))
    current = app.get("round") if isinstance(app.get("round"), int) else max(starts)
    status = app.get("status")
    reviews = [r for r in app.get("reviews") or [] if isinstance(r, dict)]
    stays = []
    rounds = sorted(r for r in starts if starts[r] is not None and r <= current)
    for number in rounds:
        here = [r for r in reviews if (r.get("round") or 1) == number]
        approvals = sorted(t for r in here if r.get("decision") == "approve" and (t := parse_time(r.get("at"))))
        enders = sorted(t for r in here if r.get("decision") in ("reject", "return") and (t := parse_time(r.get("at"))))
        end: dt.datetime | None = None
        if number < current or status in ("rejected", "returned"):
            later = [starts[r] for r in rounds if r > number]
            end = enders[0] if enders else (later[0] if later else parse_time(app.get("updated_at")))
        elif status == "approved":
            needed = app.get("required_approvals") if isinstance(app.get("required_approvals"), int) else 0
            end = (approvals[needed - 1] if 0 < needed <= len(approvals) else approvals[-1] if approvals
                   else parse_time(app.get("updated_at")))
        elif status not in PENDING_STATUSES:
            continue
        stays.append(QueueStay(app["id"], starts[number], end, approvals))
    return stays


def decision_time(app: dict) -> dt.datetime | None:
    """When a decided application left the queue for good (None while pending)."""
    if app.get("status") not in DECIDED_STATUSES:
        return None
    stays = queue_stays(app)
    return stays[-1].end if stays else parse_time(app.get("updated_at"))


def pending_ages(apps: list[dict], as_of: dt.date, moment: dt.datetime, calendar: WorkCalendar, tz) -> PendingAges:
    """Applications waiting at `moment` (the end of day `as_of`, or now), by their
    age in working days since the start of their current round."""
    ids = {s: [[] for _ in AGE_BUCKETS] for s in PENDING_STATUSES}
    ages: dict[str, int] = {}
    for app in apps:
        for stay in queue_stays(app):
            if not stay.waiting_at(moment):
                continue
            age = calendar.working_days_after(local_day(stay.start, tz), as_of)
            ages[app["id"]] = age
            for n, (low, high) in enumerate(AGE_BUCKETS):
                if age >= low and (high is None or age <= high):
                    ids[stay.status_at(moment)][n].append(app["id"])
                    break
    for status in ids:
        for bucket in ids[status]:
            bucket.sort(key=lambda i: (-ages[i], i))
    return PendingAges(as_of, AGE_BUCKETS, ids, ages, calendar.counts_holidays)


def approvals_per_week(apps: list[dict], user_id: str | None, weeks: list[dt.date], tz,
                       start: dt.datetime | None = None, stop: dt.datetime | None = None) -> WeeklyCounts:
    """Approvals by week; with `start`/`stop`, only those inside the period (a month's first
    and last weeks are partial: a 1 December approval is not November's)."""
    series = {"mine": [[] for _ in weeks], "others": [[] for _ in weeks]}
    index = {w: n for n, w in enumerate(weeks)}
    for app in apps:
        for review in app.get("reviews") or []:
            if not isinstance(review, dict) or review.get("decision") != "approve":
                continue
            at = parse_time(review.get("at"))
            if at is None or (start is not None and at < start) or (stop is not None and at >= stop):
                continue
            n = index.get(week_start(local_day(at, tz)))
            if n is not None:
                mine = user_id is not None and review.get("reviewer_id") == user_id
                series["mine" if mine else "others"][n].append(app["id"])
    return WeeklyCounts(weeks, series)


def queue_over_time(apps: list[dict], days: list[dt.date], tz, now: dt.datetime | None = None) -> DailySeries:
    """How many applications waited for a decision at the end of each day (today:
    now), reconstructed from submissions, resubmissions and decisions."""
    out = [[] for _ in days]
    if not days:
        return DailySeries(days, out)
    moments = [end_of_day(d, tz) for d in days]
    if now is not None:
        moments = [min(m, now) for m in moments]
    for app in apps:
        for stay in queue_stays(app):
            for n, moment in enumerate(moments):
                if stay.waiting_at(moment) and app["id"] not in out[n][-1:]:
                    out[n].append(app["id"])
    return DailySeries(days, out)


def application_numbers(apps: list[dict], first: dt.date, last: dt.date, pending: PendingAges,
                        calendar: WorkCalendar, tz) -> dict:
    start, stop = start_of_day(first, tz), end_of_day(last, tz)
    received = 0
    decided = {s: 0 for s in DECIDED_STATUSES}
    durations = []
    approvals = 0
    for app in apps:
        stays = queue_stays(app)
        received += sum(1 for s in stays if start <= s.start < stop)
        for n, stay in enumerate(stays):
            if stay.end is None or not start <= stay.end < stop:
                continue
            outcome = app["status"] if n == len(stays) - 1 else "returned"
            if outcome in decided:
                decided[outcome] += 1
                durations.append(calendar.working_days_after(local_day(stay.start, tz), local_day(stay.end, tz)))
        approvals += sum(1 for r in app.get("reviews") or [] if isinstance(r, dict) and r.get("decision") == "approve"
                         and (t := parse_time(r.get("at"))) and start <= t < stop)
    return {"received": received, "approved": decided["approved"], "rejected": decided["rejected"],
            "returned": decided["returned"], "approvals": approvals,
            "median_days_to_decision": statistics.median(durations) if durations else None,
            "pending": pending.total, **{f"past_{d}": pending.past(d) for d in AGE_THRESHOLDS}}


def applications_area(cache, user_id: str | None, first: dt.date, last: dt.date, as_of: dt.date,
                      moment: dt.datetime, calendar: WorkCalendar, tz) -> ApplicationsArea:
    apps = _documents(cache, "applications")
    pending = pending_ages(apps, as_of, moment, calendar, tz)
    return ApplicationsArea(
        pending=pending,
        approvals=approvals_per_week(apps, user_id, week_list(first, as_of), tz,
                                     start_of_day(first, tz), end_of_day(last, tz)),
        queue=queue_over_time(apps, day_list(first, as_of), tz, moment),
        numbers=application_numbers(apps, first, last, pending, calendar, tz))


# -- outputs -------------------------------------------------------------------------------------
def outputs_per_week(outputs: list[dict], weeks: list[dt.date], tz) -> WeeklyCounts:
    """By week of submission: submitted, of which sampled (any sample: random,
    risk-based or management), of which withheld (as they stand now)."""
    names = ("submitted", "sampled", "withheld")
    series = {n: [[] for _ in weeks] for n in names}
    index = {w: n for n, w in enumerate(weeks)}
    for out in outputs:
        at = parse_time(out.get("submitted_at"))
        n = index.get(week_start(local_day(at, tz))) if at else None
        if n is None:
            continue
        series["submitted"][n].append(out["id"])
        if out.get("sample"):
            series["sampled"][n].append(out["id"])
        if out.get("status") == "withheld":
            series["withheld"][n].append(out["id"])
    return WeeklyCounts(weeks, series)


def sample_rates(outputs: list[dict]) -> SampleRates:
    """The random draws by risk class: how many were drawn, how many selected, and
    the configured probability they were drawn with. Management samples are not
    random and are not counted here."""
    drawn = {c: [] for c in RISK_CLASSES}
    sampled = {c: [] for c in RISK_CLASSES}
    probabilities = {c: [] for c in RISK_CLASSES}
    base_rates = []
    for out in outputs:
        draw = out.get("draw")
        if not isinstance(draw, dict):
            continue
        cls = draw.get("risk_class")
        if cls not in drawn:
            continue
        drawn[cls].append(out["id"])
        if draw.get("outcome") is True:
            sampled[cls].append(out["id"])
        if isinstance(draw.get("probability"), (int, float)):
            probabilities[cls].append(float(draw["probability"]))
        base = (draw.get("config") or {}).get("base_rate")
        if isinstance(base, (int, float)):
            base_rates.append(float(base))
    classes = [ClassRate(c, drawn[c], sampled[c],
                         statistics.fmean(probabilities[c]) if probabilities[c] else None) for c in RISK_CLASSES]
    base = statistics.mode(base_rates) if base_rates else None
    return SampleRates(classes, base)


def findings_by_rule(outputs: list[dict]) -> list[RuleCount]:
    outputs_of: dict[str, list[str]] = {}
    findings: dict[str, int] = {}
    for out in outputs:
        rules_here = set()
        for finding in (out.get("check") or {}).get("findings") or []:
            rule = finding.get("rule") if isinstance(finding, dict) else None
            if not rule:
                continue
            findings[rule] = findings.get(rule, 0) + 1
            rules_here.add(rule)
        for rule in rules_here:
            outputs_of.setdefault(rule, []).append(out["id"])
    return sorted((RuleCount(r, sorted(ids), findings[r]) for r, ids in outputs_of.items()),
                  key=lambda c: (-len(c.outputs), -c.findings, c.rule))


def outputs_area(cache, first: dt.date, last: dt.date, tz, as_of: dt.date | None = None) -> OutputsArea:
    """Outputs submitted from `first` to `last`; the weeks shown end with `as_of` (default `last`)."""
    outputs = _documents(cache, "outputs")
    start, stop = start_of_day(first, tz), end_of_day(last, tz)
    exact = [o for o in outputs if (t := parse_time(o.get("submitted_at"))) and start <= t < stop]
    weekly = outputs_per_week(outputs, week_list(first, min(last, as_of or last)), tz)
    reasons = {}
    for o in exact:
        if o.get("sample"):
            reason = o["sample"].get("reason") or "random"
            reasons[reason] = reasons.get(reason, 0) + 1
    numbers = {
        "submitted": len(exact),
        "sampled": sum(1 for o in exact if o.get("sample")),
        "sampled_random": reasons.get("random", 0), "sampled_risk": reasons.get("risk", 0),
        "sampled_management": reasons.get("management", 0),
        "flagged": sum(1 for o in exact if (o.get("check") or {}).get("verdict") in ("review", "fail")),
        "released": sum(1 for o in exact if o.get("status") == "released"),
        "withheld": sum(1 for o in exact if o.get("status") == "withheld"),
        "held_now": sum(1 for o in outputs if o.get("status") == "held"),
    }
    return OutputsArea(weekly=weekly, rates=sample_rates(exact), rules=findings_by_rule(exact), numbers=numbers)


# -- warnings --------------------------------------------------------------------------------------
def ack_curve(warning: dict, as_of: dt.datetime) -> AckCurve | None:
    sent = parse_time(warning.get("sent_at"))
    if sent is None:
        return None
    addressed = [o for o in warning.get("addressed_org_ids") or [] if isinstance(o, str)]
    wanted = set(addressed)
    first: dict[str, dt.datetime] = {}
    for ack in warning.get("acks") or []:
        if not isinstance(ack, dict) or ack.get("org_id") not in wanted:
            continue
        at = parse_time(ack.get("at"))
        if at is not None and (ack["org_id"] not in first or at < first[ack["org_id"]]):
            first[ack["org_id"]] = at
    return AckCurve(warning["id"], warning.get("title") or warning["id"], warning.get("severity"),
                    warning.get("status"), sent, parse_time(warning.get("ack_due_at")), addressed, first, as_of)


def overdue_matrix(curves: list[AckCurve], orgs: dict[str, dict], *, by_deadline: bool = False) -> OverdueMatrix:
    """Organisations overdue on at least one of `curves`: past the deadline and
    still without an acknowledgement; with `by_deadline`, every organisation
    that had not acknowledged by the deadline (late ones included)."""
    warnings_of: dict[str, list[str]] = {}
    for curve in curves:
        if not curve.overdue:
            continue
        for org in (curve.late_or_missing() if by_deadline else curve.missing()):
            warnings_of.setdefault(org, []).append(curve.warning_id)
    cells: dict[tuple[str, str], list[str]] = {}
    sectors, regions = list(SECTORS), list(REGIONS)
    for org_id in sorted(warnings_of):
        org = orgs.get(org_id) or {}
        sector, region = org.get("sector") or "unknown", org.get("region") or "unknown"
        if sector not in sectors:
            sectors.append(sector)
        if region not in regions:
            regions.append(region)
        cells.setdefault((sector, region), []).append(org_id)
    return OverdueMatrix(sectors, regions, cells, warnings_of)


def warnings_area(cache, first: dt.date, last: dt.date, now: dt.datetime, tz, *,
                  report: bool = False) -> WarningsArea:
    """The dashboard shows the open (sent) warnings; a report (`report`) the ones
    sent in its period that were not retracted (still open or expired), measured
    as of the end of the period."""
    warnings = _documents(cache, "warnings")
    orgs = _organisations(cache)
    stop = min(now, end_of_day(last, tz))
    if report:
        start = start_of_day(first, tz)
        chosen = [w for w in warnings if w.get("status") in ("sent", "expired")
                  and (t := parse_time(w.get("sent_at"))) and start <= t < stop]
    else:
        chosen = [w for w in warnings if w.get("status") == "sent"]
    curves = [c for c in (ack_curve(w, stop) for w in chosen) if c is not None]
    curves.sort(key=lambda c: (c.sent_at, c.warning_id), reverse=True)
    overdue = overdue_matrix(curves, orgs, by_deadline=report)
    with_deadline = [c for c in curves if c.overdue and c.addressed]
    asked = sum(len(c.addressed) for c in with_deadline)
    in_time = sum(c.acked_by_due or 0 for c in with_deadline)
    numbers = {
        "warnings": len(curves),
        "recipients": sum(len(c.addressed) for c in curves),
        "acknowledged": sum(c.acked_now for c in curves),
        "in_time_share": in_time / asked if asked else None,
        "overdue_organisations": overdue.total,
        "drafts": sum(1 for w in warnings if w.get("status") == "draft"),
    }
    return WarningsArea(curves=curves, overdue=overdue, numbers=numbers)


# -- everything -------------------------------------------------------------------------------------
def dashboard_data(cache, roles: Iterable[str], user_id: str | None = None, *, now: dt.datetime | None = None,
                   tz: dt.tzinfo | None = None, weeks: int = DEFAULT_WEEKS,
                   calendar: WorkCalendar | None = None) -> DashboardData:
    """The dashboard: the last `weeks` weeks up to today, for the areas of `roles`."""
    now = now or dt.datetime.now(dt.timezone.utc)
    calendar = calendar or WorkCalendar()
    today = local_day(now, tz)
    first = week_start(today) - dt.timedelta(weeks=weeks - 1)
    data = DashboardData(now, first, today, areas_for(roles))
    if "applications" in data.areas:
        data.applications = applications_area(cache, user_id, first, today, today, now, calendar, tz)
    if "outputs" in data.areas:
        data.outputs = outputs_area(cache, first, today, tz)
    if "warnings" in data.areas:
        data.warnings = warnings_area(cache, first, today, now, tz)
    return data


def month_bounds(month: dt.date) -> tuple[dt.date, dt.date]:
    first = month.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def month_data(cache, roles: Iterable[str], month: dt.date, user_id: str | None = None, *,
               now: dt.datetime | None = None, tz: dt.tzinfo | None = None,
               calendar: WorkCalendar | None = None) -> DashboardData:
    """The figures of one calendar month (a month still running ends today)."""
    now = now or dt.datetime.now(dt.timezone.utc)
    calendar = calendar or WorkCalendar()
    first, last = month_bounds(month)
    as_of = min(last, local_day(now, tz))
    data = DashboardData(min(now, end_of_day(last, tz)), first, last, areas_for(roles))
    if "applications" in data.areas:
        data.applications = applications_area(cache, user_id, first, last, as_of, data.now, calendar, tz)
    if "outputs" in data.areas:
        data.outputs = outputs_area(cache, first, last, tz, as_of)
    if "warnings" in data.areas:
        data.warnings = warnings_area(cache, first, last, now, tz, report=True)
    return data
