"""Certification: who is certified today, how long is left, when to remind, the test's numbers.

A certification is valid through its `certified_until` date (UTC, inclusive), held as
an ISO date text (YYYY-MM-DD) on staff and researcher records. A missing or unreadable
date counts as lapsed: access needs a valid certification.
"""

from __future__ import annotations

import datetime as dt
import math

QUESTIONS_PER_ATTEMPT = 10
PASS_SHARE = 0.8                  # 80 % right to pass
ATTEMPT_MINUTES = 30              # an attempt is answered within this time, or not at all
ATTEMPTS_PER_DAY = 3              # attempts begun in any 24 hours
ATTEMPT_WINDOW_SECONDS = 24 * 3600
REMINDER_DAYS = (90, 60, 30, 7)   # the user is reminded as each of these is reached
APPLICANT_SOON_DAYS = 30          # caseworkers see applicants whose certification lapses this soon


def parse(certified_until) -> dt.date | None:
    if not isinstance(certified_until, str) or len(certified_until) < 10:
        return None
    try:
        return dt.date.fromisoformat(certified_until[:10])
    except ValueError:
        return None


def today_utc(now: float | None = None) -> dt.date:
    moment = dt.datetime.now(dt.timezone.utc) if now is None else dt.datetime.fromtimestamp(now, dt.timezone.utc)
    return moment.date()


def is_valid(certified_until, today: dt.date) -> bool:
    until = parse(certified_until)
    return until is not None and until >= today


def days_left(certified_until, today: dt.date) -> int | None:
    """Days from today to the last valid day: 0 on that day, negative once lapsed, None when unknown."""
    until = parse(certified_until)
    return None if until is None else (until - today).days


def reminder(certified_until, today: dt.date) -> int | None:
    """The reminder threshold reached (90, 60, 30 or 7 days), or None: none yet, or already lapsed."""
    left = days_left(certified_until, today)
    if left is None or left < 0:
        return None
    reached = [d for d in REMINDER_DAYS if left <= d]
    return min(reached) if reached else None


def lapses_within(certified_until, today: dt.date, days: int = APPLICANT_SOON_DAYS) -> bool:
    """Still valid today but not `days` from now (the applicant lists' "lapsing soon")."""
    left = days_left(certified_until, today)
    return left is not None and 0 <= left <= days


def renewed_until(today: dt.date) -> dt.date:
    """A year from today: the same date next year (28 February for a 29 February)."""
    try:
        return today.replace(year=today.year + 1)
    except ValueError:
        return today.replace(year=today.year + 1, day=28)


def required_right(questions: int = QUESTIONS_PER_ATTEMPT) -> int:
    """Right answers needed to pass: 80 % of the questions, rounded up."""
    return math.ceil(round(questions * PASS_SHARE, 6))


def passed(score: int, questions: int = QUESTIONS_PER_ATTEMPT) -> bool:
    return score >= required_right(questions)
