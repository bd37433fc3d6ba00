"""The dashboard's list of certification lapses coming, for administrators and supervisors:
staff and researchers whose certification has lapsed or lapses within 90 days, soonest
first, from the offline copy."""

from __future__ import annotations

import datetime as dt

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout

from rules import certification as rule

from ..models import certification, labels
from ..tasks import Op
from .widgets import heading, plain_label

HORIZON_DAYS = max(rule.REMINDER_DAYS)     # as far ahead as the first reminder
SHOWN_TO = {"admin", "supervisor"}


class CertificationLapsesCard(QFrame):
    def __init__(self, cache, parent=None):
        super().__init__(parent)
        self.cache = cache
        self.setObjectName("card")
        self.summary = plain_label("", wrap=True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("certificationLapses")
        self.table.setAccessibleName(self.tr("Certification lapses coming"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Who"), self.tr("Certified until"),
                                              self.tr("Days left")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(180)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Certification lapses coming"), level=2))
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.lapses: list[certification.Lapse] = []

    def refresh(self, today: dt.date | None = None) -> None:
        """Read the offline copy off the UI thread (researchers may be many), then show."""
        today = today or rule.today_utc()
        cache = self.cache

        def compute():
            staff, researchers = cache.certifications_ending((today + dt.timedelta(days=HORIZON_DAYS)).isoformat())
            return certification.coming_lapses(staff, researchers, today, within=HORIZON_DAYS)

        Op(compute).success(self._show).run_in_background()

    def _show(self, lapses: list) -> None:
        if not shiboken6.isValid(self) or (lapses == self.lapses and self.table.rowCount() == len(lapses)
                                           and self.summary.text()):
            return               # unchanged since the last sync: the table stays as it is
        self.lapses = lapses
        lapsed = sum(1 for lapse in self.lapses if lapse.days_left is None or lapse.days_left < 0)
        soon = sum(1 for lapse in self.lapses if lapse.days_left is not None and 0 <= lapse.days_left <= 30)
        self.summary.setText(self.tr("%1 lapsed · %2 within 30 days · %3 within %4 days")
                             .replace("%1", str(lapsed)).replace("%2", str(soon))
                             .replace("%3", str(len(self.lapses) - lapsed)).replace("%4", str(HORIZON_DAYS)))
        self.table.setRowCount(len(self.lapses))
        for row, lapse in enumerate(self.lapses):
            who = self.tr("staff") if lapse.kind == "staff" else self.tr("researcher")
            if lapse.days_left is None:
                left = self.tr("unknown")
            elif lapse.days_left < 0:
                left = self.tr("lapsed %n day(s) ago", "", -lapse.days_left)
            else:
                left = self.tr("%n day(s)", "", lapse.days_left)
            for column, text in enumerate((lapse.name, who, labels.local_date(lapse.until) if lapse.until else "?",
                                           left)):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
