"""Incident figures for the dashboard, without Qt: time to acknowledge and time to warn
(median and 90th percentile per ISO week of reporting), incidents by severity and by
the sectors they touch, and how the NIS2 clocks went."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Iterable

from . import incidents as rules


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile (share 0.5: the median, 0.9: the 90th), or None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


@dataclass
class Week:
    week: str                          # ISO week of reporting: 2026-W48
    reported: int = 0
    acknowledge_hours: list[float] = field(default_factory=list)
    warn_hours: list[float] = field(default_factory=list)

    def figures(self) -> tuple[float | None, float | None, float | None, float | None]:
        """(median, p90) hours to acknowledge, (median, p90) hours to warn."""
        return (percentile(self.acknowledge_hours, 0.5), percentile(self.acknowledge_hours, 0.9),
                percentile(self.warn_hours, 0.5), percentile(self.warn_hours, 0.9))


@dataclass
class IncidentFigures:
    weeks: list[Week]
    by_severity: dict[str, int]
    by_sector: dict[str, int]
    clocks: dict[str, int]             # met_in_time, met_late, overdue, due
    total: int


def _week(ts: float) -> str:
    year, week, _ = dt.datetime.fromtimestamp(ts, dt.timezone.utc).isocalendar()
    return f"{year}-W{week:02d}"


def figures(incidents: Iterable[dict], org_sectors: dict[str, str], now: float, weeks: int = 8) -> IncidentFigures:
    """Merged incidents count once, in the incident they were merged into."""
    kept = [i for i in incidents if i.get("status") != "merged"]
    by_week: dict[str, Week] = {}
    first = now - weeks * 7 * 86400
    for i in kept:
        reported = rules.parse_iso(i.get("reported_at"))
        if reported is None or reported < first:
            continue
        week = by_week.setdefault(_week(reported), Week(_week(reported)))
        week.reported += 1
        acknowledged, warned = rules.parse_iso(i.get("acknowledged_at")), rules.parse_iso(i.get("warned_at"))
        if acknowledged is not None:
            week.acknowledge_hours.append(max(0.0, acknowledged - reported) / 3600)
        if warned is not None:
            week.warn_hours.append(max(0.0, warned - reported) / 3600)
    by_severity = {s: 0 for s in reversed(rules.SEVERITIES)}
    by_sector: dict[str, int] = {}
    clock_counts = {"met_in_time": 0, "met_late": 0, "overdue": 0, "due": 0}
    for i in kept:
        by_severity[i.get("severity")] = by_severity.get(i.get("severity"), 0) + 1
        affected = i.get("affected") or {}
        sectors = set(affected.get("sectors") or []) | {org_sectors[o] for o in affected.get("org_ids") or []
                                                        if o in org_sectors}
        for sector in sectors:
            by_sector[sector] = by_sector.get(sector, 0) + 1
        for clock in rules.clocks(i, now):
            key = ("met_late" if clock.late else "met_in_time") if clock.state == "met" else clock.state
            clock_counts[key] += 1
    return IncidentFigures(sorted(by_week.values(), key=lambda w: w.week), by_severity,
                           dict(sorted(by_sector.items(), key=lambda kv: (-kv[1], kv[0]))), clock_counts, len(kept))
