"""The Administration page's Users tab: every member of staff with roles and grants (with
their expiry, emergency ones marked), certification, active state and conflicts; searchable."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ..models import labels
from ..models.admin import matches
from .widgets import set_column_widths

ID_ROLE = Qt.ItemDataRole.UserRole


def table(headers: list[str], name: str) -> QTableWidget:
    widget = QTableWidget(0, len(headers))
    widget.setHorizontalHeaderLabels(headers)
    widget.setAccessibleName(name)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.verticalHeader().hide()
    widget.horizontalHeader().setStretchLastSection(True)
    return widget


def cell(text: str, key: str | None = None, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if key is not None:
        item.setData(ID_ROLE, key)
    if tip:   # tooltips are rich text: portal text escaped
        item.setToolTip(tip.replace("&", "&amp;").replace("<", "&lt;"))
    return item


class UsersTab(QWidget):
    selection_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.staff: list[dict] = []
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name, username, role or conflict"))
        self.search.setAccessibleName(self.tr("Search users"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda: self.fill(self.staff))
        layout.addWidget(self.search)
        self.table = table([self.tr("Name"), self.tr("Username"), self.tr("Roles and grants"),
                            self.tr("Certified until"), self.tr("Active"), self.tr("Conflicts")], self.tr("Users"))
        set_column_widths(self.table, [(0, 170), (1, 90), (2, 300), (3, 110), (4, 60)])
        self.table.itemSelectionChanged.connect(self.selection_changed.emit)
        layout.addWidget(self.table)

    def grants_text(self, record: dict) -> str:
        grants = []
        for g in record.get("grants") or [{"role": r} for r in record.get("roles") or []]:
            text = labels.role(g.get("role") or "")
            if g.get("emergency"):
                text += " " + self.tr("(emergency until %1)").replace("%1", labels.local_time(g.get("expires_at")))
            elif g.get("expires_at"):
                text += " " + self.tr("(until %1)").replace("%1", labels.local_time(g["expires_at"]))
            grants.append(text)
        return ", ".join(grants)

    def fill(self, staff: list[dict]):
        self.staff = staff
        chosen = self.selected()
        rows = [s for s in staff if matches(s, self.search.text())]
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for n, s in enumerate(rows):
            grants = self.grants_text(s)
            self.table.setItem(n, 0, cell(s.get("display_name") or "", s["id"]))
            self.table.setItem(n, 1, cell(s.get("username") or "", s["id"]))
            self.table.setItem(n, 2, cell(grants, s["id"], grants))
            self.table.setItem(n, 3, cell(labels.local_date(s.get("certified_until")) or "—", s["id"]))
            self.table.setItem(n, 4, cell(self.tr("Yes") if s.get("active", True) else self.tr("No"), s["id"]))
            self.table.setItem(n, 5, cell("; ".join(s.get("conflicts") or []), s["id"]))
            if chosen and s["id"] == chosen["id"]:
                self.table.selectRow(n)
        self.table.blockSignals(False)
        self.selection_changed.emit()

    def selected(self) -> dict | None:
        row = self.table.currentRow()
        if row < 0 or not self.table.selectionModel().hasSelection() or self.table.item(row, 0) is None:
            return None
        key = self.table.item(row, 0).data(ID_ROLE)
        return next((s for s in self.staff if s["id"] == key), None)
