"""Applications: every cached application, searched, filtered and sorted in SQL."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit,
                               QSplitter, QTableView, QVBoxLayout, QWidget)

from rules import certification as certification_rule

from ..models import labels
from ..models.lazy_table import Column, LazyTableModel
from .application_detail import ApplicationDetail
from .columns import ColumnFit
from .page import CasePage, OUTBOX


DASHBOARD = "dashboard"       # the status filter's entry for the rows a dashboard chart counted


class ApplicationsView(CasePage, QWidget):
    """List and detail. `open_application(id)` selects one (used by other views)."""
    KINDS = frozenset({"application", "researcher", "staff", OUTBOX})

    selection_changed = Signal(str)

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.cache = workspace.cache
        self.setObjectName("applicationsView")

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title, purpose, institution, register or applicant…"))
        self.search.setAccessibleName(self.tr("Search applications"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status filter"))
        self.status.addItem(self.tr("All statuses"), None)
        for status in labels.APPLICATION_STATUSES:
            self.status.addItem(labels.application_status(status), status)
        self.lapsing = QCheckBox(self.tr("Certification lapses within %1 days").replace(
            "%1", str(certification_rule.APPLICANT_SOON_DAYS)))
        self.lapsing.setToolTip(self.tr("Only applications whose applicant's certification is still valid but lapses "
                                        "within %1 days").replace("%1", str(certification_rule.APPLICANT_SOON_DAYS)))
        self.count = QLabel()
        self.count.setObjectName("muted")
        self.certifications: dict[str, str | None] = {}
        self._dashboard_ids: list[str] = []

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.status, 1)
        top.addWidget(self.lapsing)
        top.addWidget(self.count)

        self.model = LazyTableModel(self._columns(), self._ids, self._rows, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Applications"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(48)
        self.column_fit = ColumnFit(self.table, "applications", 1, {
            0: "APP-2026-0000", 2: "Rasmus Kjeldsen", 3: "Aarhus University Hospital",
            4: labels.application_status("in_review"), 5: "3/3", 6: labels.local_date("2026-12-31"),
            7: labels.local_date("2026-12-31")}, main_min=200)
        header.setSortIndicator(6, Qt.SortOrder.DescendingOrder)

        self.detail = ApplicationDetail(workspace)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([860, 340])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.splitter)

        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.status.currentIndexChanged.connect(self.refresh)
        self.lapsing.toggled.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.sort(6, Qt.SortOrder.DescendingOrder)
        self.refresh()

    def _columns(self) -> list[Column]:
        right = Qt.AlignmentFlag.AlignRight
        return [
            Column("id", self.tr("ID"), "id"),
            Column("title", self.tr("Title"), "title", tooltip=lambda r: r.get("title") or ""),
            Column("applicant_name", self.tr("Applicant"), "applicant_name"),
            Column("institution", self.tr("Institution"), "institution"),
            Column("status", self.tr("Status"), "status", display=lambda r: labels.application_status(r["status"])),
            Column("approvals", self.tr("Approvals"), "approvals", align=right,
                   display=lambda r: f"{r.get('approvals') or 0}/{r.get('required_approvals') or '?'}",
                   tooltip=lambda r: self.tr("Sensitive registers: three approvals needed") if r.get("sensitive") else ""),
            Column("submitted_at", self.tr("Submitted"), "submitted_at",
                   display=lambda r: labels.local_time(r.get("submitted_at"), with_time=False)),
            Column("certified_until", self.tr("Applicant certified"), None, display=self._certification,
                   tooltip=self._certification_tip),
        ]

    def _rows(self, ids: list[str]) -> list[dict]:
        rows = self.cache.applications_rows(ids)
        for row in rows:
            row["certified_until"] = self.certifications.get(row.get("applicant_id"))
        return rows

    def _certification(self, row: dict) -> str:
        until = row.get("certified_until")
        left = certification_rule.days_left(until, certification_rule.today_utc())
        if left is None:
            return self.tr("unknown")
        if left < 0:
            return self.tr("✖ lapsed")
        if left <= certification_rule.APPLICANT_SOON_DAYS:
            return self.tr("⚠ %n day(s) left", "", left)
        return labels.local_date(until)

    def _certification_tip(self, row: dict) -> str:
        until = row.get("certified_until")
        return self.tr("The applicant's certification is valid until %1").replace("%1", labels.local_date(until)) \
            if until else self.tr("The applicant's certification is not known")

    def _ids(self, order_by: str | None, descending: bool) -> list[str]:
        applicants = None
        if self.lapsing.isChecked():
            today = certification_rule.today_utc()
            applicants = [rid for rid, until in self.certifications.items()
                          if certification_rule.lapses_within(until, today)]
        dashboard = self.status.currentData() == DASHBOARD
        ids = self.cache.application_ids(search=self.search.text() or None,
                                         status=None if dashboard else self.status.currentData(),
                                         order_by=order_by or "submitted_at", descending=descending,
                                         applicant_ids=applicants)
        if dashboard:          # exactly the rows the chart counted, in the list's own order
            wanted = set(self._dashboard_ids)
            ids = [i for i in ids if i in wanted]
        return ids

    def apply_filter(self, filt: dict):
        """A click on a dashboard chart: exactly the applications it counted, the filter named."""
        ids = filt.get("ids") or []
        if not ids:
            status = filt.get("status")
            self.status.setCurrentIndex(max(0, self.status.findData(status)) if isinstance(status, str) else 0)
            return
        self._dashboard_ids = list(ids)
        label = self.tr("From the dashboard: %1").replace("%1", filt.get("label") or str(len(ids)))
        index = self.status.findData(DASHBOARD)
        self.status.blockSignals(True)
        if index < 0:
            self.status.addItem(label, DASHBOARD)
            index = self.status.count() - 1
        else:
            self.status.setItemText(index, label)
        self.status.setCurrentIndex(index)
        self.status.setToolTip(label)
        self.status.blockSignals(False)
        self.search.clear()
        self.refresh()

    def refresh(self) -> None:
        """Re-run the query (after a sync or a filter change), keeping the selected application."""
        self.certifications = self.cache.researcher_certifications()
        current = self.current_id()
        self.model.refresh()
        total = sum(self.cache.application_status_counts().values())
        shown = self.model.rowCount()
        self.count.setText(self.tr("%1 of %2").replace("%1", str(shown)).replace("%2", str(total)))
        if current and self.open_application(current):
            self.detail.show_application(current)
        elif shown:
            self.table.selectRow(0)
        else:
            self.detail.show_application(None)

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def open_case(self, kind: str, entity_id: str) -> bool:
        return kind == "application" and self.open_application(entity_id) is not False

    def open_application(self, application_id: str) -> bool:
        row = self.model.row_of(application_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def _current_changed(self, current, _previous):
        app_id = self.model.id_at(current.row()) if current.isValid() else None
        self.detail.show_application(app_id)
        if app_id:
            self.selection_changed.emit(app_id)

    def focus_list(self):
        self.table.setFocus()
