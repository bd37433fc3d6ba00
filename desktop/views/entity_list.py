"""A read-only list of one kind of cached entity, sorted in SQL (used where a
richer view is not needed)."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from ..models.lazy_table import Column, LazyTableModel
from ..sync.schema import KINDS
from .widgets import heading, plain_label


class EntityListView(QWidget):
    def __init__(self, workspace, kind: str, title: str, intro: str, columns: list[Column],
                 default_sort: str, descending: bool = True, parent=None):
        super().__init__(parent)
        self.cache = workspace.cache
        self.kind = KINDS[kind]
        sortable = set(self.kind.columns) | {"id"}
        for c in columns:
            if c.sort_key and c.sort_key not in sortable:
                raise ValueError(f"{c.sort_key} is not a column of {self.kind.table}")
        self._default = (default_sort, descending)
        self._sortable = sortable
        self.model = LazyTableModel(columns, self._ids, self._rows, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(heading(title))
        note = plain_label(intro, wrap=True)
        note.setObjectName("muted")
        layout.addWidget(note)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(title)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.refresh()

    def _ids(self, order_by, descending):
        order_by, descending = (order_by, descending) if order_by else self._default
        if order_by not in self._sortable:
            raise ValueError(f"cannot sort {self.kind.table} by {order_by!r}")
        direction = "DESC" if descending else "ASC"
        # Column names come from the schema's whitelist (checked in __init__), never from input.
        rows = self.cache.query(f"SELECT id FROM {self.kind.table} ORDER BY {order_by} IS NULL, "
                                f"{order_by} {direction}, id {direction}")
        return [r["id"] for r in rows]

    def _rows(self, ids):
        return [dict(json.loads(r["data"]), id=r["id"]) for r in self.cache.query(
            f"SELECT id, data FROM {self.kind.table} WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),))]

    def refresh(self):
        self.model.refresh()
