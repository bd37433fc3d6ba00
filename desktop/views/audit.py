"""Audit: the portal's hash-chained trail of what this user may see."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from ..models import labels
from ..tasks import Op
from .widgets import heading, plain_label


class AuditModel(QAbstractTableModel):
    COLUMNS = ("seq", "at", "actor_id", "action", "entity", "entity_id", "outcome", "hash")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[dict] = []
        self.titles = [self.tr("#"), self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Entity"),
                       self.tr("Case"), self.tr("Outcome"), self.tr("Hash")]

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        entry = self.entries[index.row()]
        key = self.COLUMNS[index.column()]
        if key == "at":
            return labels.local_time(entry["at"])
        if key == "hash":
            return entry["hash"] if role == Qt.ItemDataRole.ToolTipRole else entry["hash"][:12] + "…"
        if key == "outcome" and entry.get("detail", {}).get("code"):
            return f"{entry['outcome']} ({entry['detail']['code']})"
        value = entry.get(key)
        return "" if value is None else str(value)

    def set_entries(self, entries):
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()


class AuditView(QWidget):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(heading(self.tr("Audit trail")))
        top = QHBoxLayout()
        self.case = QLineEdit()
        self.case.setPlaceholderText(self.tr("Case id, e.g. APP-2026-0001 (empty: everything you may see)"))
        self.case.setAccessibleName(self.tr("Case filter"))
        self.load_button = QPushButton(self.tr("Load"))
        self.load_button.clicked.connect(self.load)
        self.case.returnPressed.connect(self.load)
        top.addWidget(self.case, 1)
        top.addWidget(self.load_button)
        layout.addLayout(top)
        self.note = plain_label("", wrap=True)
        self.note.setObjectName("muted")
        layout.addWidget(self.note)
        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Audit entries"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.note.setText(self.tr("The audit trail is read from the portal; press Load."))

    def load(self):
        case = self.case.text().strip()
        params = {"limit": 1000}
        if case:
            kind = {"APP": "application", "OUT": "output", "W": "warning", "SMP": "sample"}.get(case.split("-")[0])
            if kind:
                params.update(entity=kind, id=case)
        client = self.workspace.client
        self.load_button.setEnabled(False)
        self.note.setText(self.tr("Loading…"))
        Op(lambda: client.get("/audit", params)).success(self._loaded).failure(self._failed).run_in_background()

    def _loaded(self, answer):
        self.load_button.setEnabled(True)
        entries = answer.get("entries", []) if isinstance(answer, dict) else []
        self.model.set_entries(entries)
        self.note.setText(self.tr("%1 entries").replace("%1", str(len(entries))))

    def _failed(self, exc):
        self.load_button.setEnabled(True)
        self.note.setText(self.tr("The audit trail cannot be read now: %1").replace("%1", str(exc)))
