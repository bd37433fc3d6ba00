"""Output turnaround: working days (Danish public holidays from the `holidays` package),
the 5-working-day target, percentiles, and the weekly output metrics both the portal
(`GET /outputs/metrics`) and the desktop dashboard compute the same way.

Conventions:
- a decision is the review that ended the hold (a withhold, or the last release
  needed); outputs released at once by the check (clean, not sampled) were decided by
  nobody and are counted as submitted and released, but not in the time figures;
- hours are from `submitted_at` to that review's `at`;
- "within target": decided on or before the end of the 5th working day after the day
  of submission (Monday to Friday, Danish public holidays excluded);
- a week is the ISO week (Monday to Sunday, UTC) of the event: submissions by
  submission time, decisions and reviews by their own time.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache
from typing import Iterable

import holidays

TARGET_WORKING_DAYS = 5
WITHHOLD_REASONS = ("small_counts", "dominance", "identifiers", "microdata", "differencing", "missing_context",
                    "unrounded", "other")


@lru_cache(maxsize=64)
def danish_holidays(year: int) -> frozenset[dt.date]:
    """Danish public holidays (the `holidays` package; Great Prayer Day until 2023)."""
    return frozenset(holidays.country_holidays("DK", years=[year]).keys())


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in danish_holidays(day.year)


def add_working_days(day: dt.date, days: int) -> dt.date:
    """The date `days` working days after `day` (the day itself not counted)."""
    current = day
    while days > 0:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            days -= 1
    return current


def within_target(submitted: dt.datetime, decided: dt.datetime, days: int = TARGET_WORKING_DAYS) -> bool:
    return decided.date() <= add_working_days(submitted.date(), days)


def percentile(values: list[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (as numpy's default); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def parse_time(text) -> dt.datetime | None:
    if not isinstance(text, str):
        return None
    try:
        return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
    except ValueError:
        return None


def iso_week(moment: dt.datetime) -> str:
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def decision(output: dict) -> dict | None:
    """The review that decided the output (a withhold, or the last release), or None."""
    reviews = [r for r in output.get("reviews") or [] if isinstance(r, dict)]
    if output.get("status") == "withheld":
        return next((r for r in reversed(reviews) if r.get("verdict") == "withhold"), None)
    if output.get("status") == "released" and reviews:
        return reviews[-1]
    return None


def _empty() -> dict:
    return {"submitted": 0, "released": 0, "withheld": 0, "_hours": [], "_within": 0,
            "withhold_reasons": {}, "reviews_per_supervisor": {}}


def _finish(bucket: dict) -> dict:
    hours = bucket.pop("_hours")
    within = bucket.pop("_within")
    bucket["decided_by_people"] = len(hours)
    bucket["median_hours"] = _round(percentile(hours, 0.5))
    bucket["p90_hours"] = _round(percentile(hours, 0.9))
    bucket["within_target_share"] = round(within / len(hours), 4) if hours else None
    return bucket


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def weekly_metrics(outputs: Iterable[dict], start: dt.date, end: dt.date) -> dict:
    """Per ISO week from `start` to `end` (inclusive dates, UTC): the figures of the module docstring."""
    weeks: dict[str, dict] = {}
    total = _empty()

    def bucket(moment: dt.datetime) -> list[dict]:
        if not start <= moment.date() <= end:
            return []
        return [weeks.setdefault(iso_week(moment), _empty()), total]

    for output in outputs:
        submitted = parse_time(output.get("submitted_at"))
        if submitted is None:
            continue
        for b in bucket(submitted):
            b["submitted"] += 1
        decided_by = decision(output)
        if output.get("status") == "released" and decided_by is None:
            for b in bucket(submitted):     # released at once by the check
                b["released"] += 1
        if decided_by is not None:
            decided = parse_time(decided_by.get("at"))
            if decided is not None:
                for b in bucket(decided):
                    b[output["status"]] += 1
                    b["_hours"].append(max(0.0, (decided - submitted).total_seconds() / 3600))
                    b["_within"] += within_target(submitted, decided)
                    if output["status"] == "withheld":
                        reason = decided_by.get("reason") or "other"
                        b["withhold_reasons"][reason] = b["withhold_reasons"].get(reason, 0) + 1
        for review in output.get("reviews") or []:
            at = parse_time(review.get("at")) if isinstance(review, dict) else None
            who = review.get("reviewer_id") if isinstance(review, dict) else None
            if at is None or not who:
                continue
            for b in bucket(at):
                b["reviews_per_supervisor"][who] = b["reviews_per_supervisor"].get(who, 0) + 1
    return {"from": start.isoformat(), "to": end.isoformat(), "target_working_days": TARGET_WORKING_DAYS,
            "weeks": [{"week": week, **_finish(b)} for week, b in sorted(weeks.items())],
            "total": _finish(total)}
