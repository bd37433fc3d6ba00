"""The dashboard's incident section (coordinators and admin): time to acknowledge and
time to warn per week (median and 90th percentile, in hours), incidents by severity
and by sector, and the NIS2 clocks met. Computed off the UI thread from the offline copy;
plain text and bars, each bar's number written beside it."""

from __future__ import annotations

import time

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QAbstractItemView, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QProgressBar,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..models import incident_metrics as metrics
from ..models import labels
from ..sync import incidents as store
from ..tasks import Op
from .widgets import heading, plain_label


def _t(text: str) -> str:
    return QCoreApplication.translate("IncidentDashboard", text)


def sector_name(sector: str) -> str:
    return {"hospital": _t("Hospitals"), "gp": _t("GP clinics"), "care_home": _t("Care homes"),
            "region": _t("Regions"), "municipality": _t("Municipalities")}.get(sector, sector)


def clock_outcome(key: str) -> str:
    return {"met_in_time": _t("Met in time"), "met_late": _t("Met late"), "overdue": _t("Overdue"),
            "due": _t("Still running")}[key]


def hours(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


class Bars(QGroupBox):
    """Labelled bars: the count is written beside each one (never the bar alone)."""

    def __init__(self, title: str, parent=None):
        super().__init__(title, parent)
        self.grid = QGridLayout(self)
        self.rows: dict[str, tuple[QLabel, QProgressBar]] = {}

    def show_counts(self, counts: dict[str, int], name) -> None:
        for label, bar in self.rows.values():
            label.deleteLater()
            bar.deleteLater()
        self.rows = {}
        top = max(counts.values(), default=0) or 1
        for row, (key, count) in enumerate(counts.items()):
            label = plain_label(name(key))
            bar = QProgressBar()
            bar.setRange(0, top)
            bar.setValue(count)
            bar.setFormat(str(count))
            bar.setAccessibleName(f"{name(key)}: {count}")
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(bar, row, 1)
            self.rows[key] = (label, bar)
        if not counts:
            empty = plain_label(_t("No incidents yet."))
            self.grid.addWidget(empty, 0, 0)
            self.rows["-"] = (empty, QProgressBar())

    def count(self, key: str) -> int | None:
        return self.rows[key][1].value() if key in self.rows else None


class IncidentDashboard(QWidget):
    def __init__(self, workspace, parent=None, *, clock=time.time):
        super().__init__(parent)
        self.workspace = workspace
        self.clock = clock
        self.figures: metrics.IncidentFigures | None = None
        self._generation = 0
        self.weeks = QTableWidget(0, 6)
        self.weeks.setObjectName("incidentWeeks")
        self.weeks.setAccessibleName(_t("Time to acknowledge and to warn per week"))
        self.weeks.setHorizontalHeaderLabels([_t("Week"), _t("Reported"), _t("Acknowledge: median h"),
                                              _t("Acknowledge: 90% h"), _t("Warn: median h"), _t("Warn: 90% h")])
        self.weeks.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.weeks.verticalHeader().hide()
        self.weeks.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.weeks.setMinimumHeight(170)
        self.severity = Bars(_t("Incidents by severity"))
        self.sector = Bars(_t("Incidents by sector affected"))
        self.clocks = Bars(_t("NIS2 clocks"))
        self.note = plain_label("", wrap=True)
        self.note.setObjectName("muted")
        week_box = QGroupBox(_t("Time from report to acknowledgement and to warning (hours, by week reported)"))
        QVBoxLayout(week_box).addWidget(self.weeks)
        bars = QHBoxLayout()
        for box in (self.severity, self.sector, self.clocks):
            bars.addWidget(box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(_t("Incident reports"), level=2))
        layout.addWidget(self.note)
        layout.addWidget(week_box)
        layout.addLayout(bars)

    def refresh(self) -> None:
        self._generation += 1
        generation, cache, now = self._generation, self.workspace.cache, self.clock()

        def compute():
            return metrics.figures(store.all_incidents(cache), store.organisation_sectors(cache), now)

        Op(compute).success(lambda figures: self._show(generation, figures)).run_in_background()

    def _show(self, generation: int, figures: metrics.IncidentFigures) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self.figures = figures
        met = figures.clocks["met_in_time"] + figures.clocks["met_late"]
        ended = met + figures.clocks["overdue"]
        self.note.setText(_t("%1 incidents (merged ones counted in the incident they joined); NIS2 clocks met: %2 of %3.")
                          .replace("%1", str(figures.total)).replace("%2", str(met)).replace("%3", str(ended)))
        self.weeks.setRowCount(len(figures.weeks))
        for row, week in enumerate(reversed(figures.weeks)):
            values = (week.week, str(week.reported), *(hours(v) for v in week.figures()))
            for column, value in enumerate(values):
                self.weeks.setItem(row, column, QTableWidgetItem(value))
        self.severity.show_counts(figures.by_severity, labels.severity)
        self.sector.show_counts(figures.by_sector, sector_name)
        self.clocks.show_counts(figures.clocks, clock_outcome)
