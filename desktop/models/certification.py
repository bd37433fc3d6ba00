"""The signed-in user's own certification and the certifications of others, from the
offline copy (no Qt, no network). The rules themselves are the shared ones in
`rules.certification`; this module only finds the dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable

from rules import certification as rule

OWN_CERTIFICATION = "own_certification_expired"   # the portal's refusal code for a lapsed decider


@dataclass(frozen=True)
class Status:
    until: str | None
    valid: bool
    days_left: int | None
    reminder: int | None         # 90, 60, 30 or 7 when that reminder is due; None otherwise

    @property
    def lapsed(self) -> bool:
        return not self.valid


def status_of(until: str | None, today: dt.date | None = None) -> Status:
    today = today or rule.today_utc()
    return Status(until, rule.is_valid(until, today), rule.days_left(until, today), rule.reminder(until, today))


def own_record(cache: Any, user: dict) -> dict | None:
    """The record holding the user's own certification: their staff record, else their researcher record."""
    staff = cache.get("staff", user.get("id") or "") if user.get("id") else None
    if staff is not None:
        return staff
    return cache.get("researcher", user.get("researcher_id") or "") if user.get("researcher_id") else None


def own_until(cache: Any, user: dict) -> str | None:
    return (own_record(cache, user) or {}).get("certified_until")


def own_known(cache: Any, user: dict) -> bool:
    """Whether the offline copy says anything about the user's certification yet (after the
    first sync, from a portal that carries the date)."""
    return "certified_until" in (own_record(cache, user) or {})


def own_status(cache: Any, user: dict, today: dt.date | None = None) -> Status:
    return status_of(own_until(cache, user), today)


@dataclass(frozen=True)
class Lapse:
    kind: str            # "staff" or "researcher"
    id: str
    name: str
    until: str | None
    days_left: int | None


def coming_lapses(staff: Iterable[dict], researchers: Iterable[dict], today: dt.date | None = None,
                  within: int = 90) -> list[Lapse]:
    """Staff and researchers whose certification lapses within `within` days or has lapsed,
    soonest first (the dashboard's list)."""
    today = today or rule.today_utc()
    found = []
    for kind, records, name_field in (("staff", staff, "display_name"), ("researcher", researchers, "name")):
        for record in records:
            left = rule.days_left(record.get("certified_until"), today)
            if left is None or left <= within:
                found.append(Lapse(kind, record.get("id") or "", record.get(name_field) or record.get("id") or "",
                                   record.get("certified_until"), left))
    return sorted(found, key=lambda lapse: (lapse.days_left is not None, lapse.days_left or 0, lapse.name))


def decider_facts(staff: dict | None, today: dt.date | None = None) -> dict:
    """For a queue's `me`: whether the user's own certification stops their decisions.
    Only a staff record in the offline copy that carries the date says so (before the first
    sync nothing is known, and the portal decides)."""
    if staff is None or "certified_until" not in staff:
        return {}
    until = staff.get("certified_until")
    return {"certified_until": until, "certification_lapsed": not rule.is_valid(until, today or rule.today_utc())}
