"""The dashboard's output turnaround section (supervisors and admin): per week the
outputs submitted, released and withheld, the median and 90th-percentile hours from
submission to a person's decision against the 5-working-day target (Danish public
holidays counted), the withhold reasons, and the reviews per supervisor.

Computed off the UI thread from the offline copy with the portal's own rules
(`rules/turnaround.py`, the same as `GET /outputs/metrics`); plain text and
bars with their numbers written beside them. While a colleague's review is
hidden from this supervisor (blind second review) it is not counted under
anyone's name.
"""

from __future__ import annotations

import datetime as dt

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHBoxLayout, QHeaderView, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from rules import turnaround

from ..models import labels
from ..tasks import Op
from .incident_dashboard import Bars, hours
from .widgets import heading, plain_label

WEEKS = 12


def _t(text: str) -> str:
    return QCoreApplication.translate("OutputTurnaround", text)


def share(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f} %"


def figures_from_cache(cache, today: dt.date, weeks: int = WEEKS) -> tuple[dict, dict[str, str]]:
    """(the weekly metrics of the cached outputs, staff id -> display name)."""
    outputs = cache.rows("output", cache.output_ids())
    metrics = turnaround.weekly_metrics(outputs, today - dt.timedelta(weeks=weeks), today)
    ids = sorted(metrics["total"]["reviews_per_supervisor"])
    names = {s["id"]: s.get("display_name") or s["id"] for s in cache.rows("staff", ids)} if ids else {}
    return metrics, names


class OutputTurnaround(QWidget):
    def __init__(self, workspace, parent=None, *, today=None):
        super().__init__(parent)
        self.workspace = workspace
        self._today = today
        self.metrics: dict | None = None
        self._generation = 0
        self.weeks = QTableWidget(0, 7)
        self.weeks.setObjectName("outputTurnaroundWeeks")
        self.weeks.setAccessibleName(_t("Output turnaround per week"))
        self.weeks.setHorizontalHeaderLabels([_t("Week"), _t("Submitted"), _t("Released"), _t("Withheld"),
                                              _t("Decision: median h"), _t("Decision: 90% h"),
                                              _t("Within 5 working days")])
        self.weeks.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.weeks.verticalHeader().hide()
        self.weeks.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.weeks.setMinimumHeight(170)
        self.reasons = Bars(_t("Withhold reasons"))
        self.reviewers = Bars(_t("Reviews per supervisor"))
        self.note = plain_label("", wrap=True)
        self.note.setObjectName("muted")
        week_box = QGroupBox(_t("Time from submission to a supervisor's decision (hours, by week decided)"))
        QVBoxLayout(week_box).addWidget(self.weeks)
        bars = QHBoxLayout()
        bars.addWidget(self.reasons, 1)
        bars.addWidget(self.reviewers, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(_t("Output turnaround"), level=2))
        layout.addWidget(self.note)
        layout.addWidget(week_box)
        layout.addLayout(bars)

    def today(self) -> dt.date:
        return self._today or dt.datetime.now(dt.timezone.utc).date()

    def refresh(self) -> None:
        self._generation += 1
        generation, cache, today = self._generation, self.workspace.cache, self.today()
        Op(lambda: figures_from_cache(cache, today)).success(
            lambda result: self._show(generation, *result)).run_in_background()

    def _show(self, generation: int, metrics: dict, names: dict[str, str]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self.metrics = metrics
        total = metrics["total"]
        self.note.setText(
            _t("Last %1 weeks: %2 submitted, %3 released, %4 withheld; decided by a person within %5 working days: "
               "%6 (median %7 h, 90% within %8 h). Danish public holidays are not working days.")
            .replace("%1", str(WEEKS)).replace("%2", str(total["submitted"])).replace("%3", str(total["released"]))
            .replace("%4", str(total["withheld"])).replace("%5", str(metrics["target_working_days"]))
            .replace("%6", share(total["within_target_share"])).replace("%7", hours(total["median_hours"]))
            .replace("%8", hours(total["p90_hours"])))
        self.weeks.setRowCount(len(metrics["weeks"]))
        for row, week in enumerate(reversed(metrics["weeks"])):
            values = (week["week"], str(week["submitted"]), str(week["released"]), str(week["withheld"]),
                      hours(week["median_hours"]), hours(week["p90_hours"]), share(week["within_target_share"]))
            for column, value in enumerate(values):
                self.weeks.setItem(row, column, QTableWidgetItem(value))
        reasons = {code: total["withhold_reasons"].get(code, 0) for code in turnaround.WITHHOLD_REASONS
                   if total["withhold_reasons"].get(code)}
        none = {"-": 0}
        self.reasons.show_counts(reasons or none, lambda key: labels.withhold_reason(key) if key != "-" else _t("None"))
        reviewers = dict(sorted(total["reviews_per_supervisor"].items(), key=lambda kv: -kv[1]))
        self.reviewers.show_counts(reviewers or none, lambda key: names.get(key, key) if key != "-" else _t("None"))
