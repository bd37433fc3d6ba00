"""Reading and writing the portal's timestamps (ISO 8601, UTC, "Z").

Python 3.11's `fromisoformat` reads the "Z" suffix; `upper()` also accepts a
lower-case "z" or "t", which it does not.
"""

from __future__ import annotations

import datetime as dt


def parse(text: str | None) -> dt.datetime | None:
    """An aware datetime (UTC when no offset is given); None if absent or unreadable."""
    if not text or not isinstance(text, str):
        return None
    try:
        value = dt.datetime.fromisoformat(text.strip().upper())
    except ValueError:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.timezone.utc)


def epoch(text: str | None) -> float | None:
    """A timestamp as epoch seconds; None if absent or unreadable."""
    value = parse(text)
    return value.timestamp() if value is not None else None


def iso(ts: float) -> str:
    """Epoch seconds as the portal writes them: 2026-03-01T12:00:00Z."""
    return dt.datetime.fromtimestamp(ts, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def age_days(timestamp: str | None, now: dt.datetime) -> int | None:
    """Whole days since a timestamp (a bare date counts from its midnight UTC); None if unreadable."""
    value = parse(timestamp)
    if value is None and isinstance(timestamp, str):
        try:
            value = dt.datetime.combine(dt.date.fromisoformat(timestamp[:10]), dt.time(), dt.timezone.utc)
        except ValueError:
            return None
    return None if value is None else max(0, (now - value).days)
