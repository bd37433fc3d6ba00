"""A table model that holds only ids and fetches rows in blocks when shown.

Sorting and filtering happen in SQL (the `fetch_ids` callable); scrolling
through 100,000 rows loads only the blocks that become visible.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

BLOCK = 200


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally, whatever it contains."""
    return "<qt>" + html.escape(str(text)).replace("\n", "<br>") + "</qt>"


MAX_BLOCKS = 64


@dataclass
class Column:
    key: str
    title: str
    sort_key: str | None = None                       # SQL column to sort by; None: not sortable
    display: Callable[[dict], Any] | None = None       # row -> text
    align: Qt.AlignmentFlag | None = None
    tooltip: Callable[[dict], str] | None = None


class LazyTableModel(QAbstractTableModel):
    def __init__(self, columns: list[Column], fetch_ids: Callable[[str | None, bool], list[str]],
                 fetch_rows: Callable[[list[str]], list[dict]], parent=None):
        super().__init__(parent)
        self.columns = columns
        self._fetch_ids = fetch_ids
        self._fetch_rows = fetch_rows
        self._ids: list[str] = []
        self._blocks: OrderedDict[int, list[dict | None]] = OrderedDict()
        self._sort: tuple[str | None, bool] = (None, False)
        self._queried = False    # refresh() has fetched the ids at least once
        self.blocks_loaded = 0   # for tests and benchmarks: how much was fetched

    # -- data -------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            row = self.row(index.row())
            if row is None:
                return None
            if role == Qt.ItemDataRole.ToolTipRole:
                tip = column.tooltip(row) if column.tooltip else None
                # Qt renders a tooltip that looks like HTML as HTML: portal text is escaped.
                return plain_tooltip(tip) if tip else None
            value = column.display(row) if column.display else row.get(column.key)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return int(column.align | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        return None

    def row(self, number: int) -> dict | None:
        if not 0 <= number < len(self._ids):
            return None
        block_no = number // BLOCK
        block = self._blocks.get(block_no)
        if block is None:
            ids = self._ids[block_no * BLOCK:(block_no + 1) * BLOCK]
            by_id = {r["id"]: r for r in self._fetch_rows(ids)}
            block = [by_id.get(i) for i in ids]
            self._blocks[block_no] = block
            self.blocks_loaded += 1
            while len(self._blocks) > MAX_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block_no)
        return block[number % BLOCK]

    # -- ids ------------------------------------------------------------------------
    def id_at(self, number: int) -> str | None:
        return self._ids[number] if 0 <= number < len(self._ids) else None

    def row_of(self, entity_id: str) -> int:
        try:
            return self._ids.index(entity_id)
        except ValueError:
            return -1

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    def refresh(self) -> None:
        """Query the ids again (after a sync or a new filter) and drop fetched rows."""
        self.beginResetModel()
        self._ids = self._fetch_ids(*self._sort)
        self._queried = True
        self._blocks.clear()
        self.endResetModel()

    def set_fetch_ids(self, fetch_ids: Callable[[str | None, bool], list[str]]) -> None:
        self._fetch_ids = fetch_ids
        self.refresh()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder):
        key = self.columns[column].sort_key
        if key is None:
            return
        self._sort = (key, order == Qt.SortOrder.DescendingOrder)
        if not self._queried:
            # Views choose the order while they are built and then refresh(): the
            # first query runs once, in that order (at 100,000 rows a query counts).
            return
        self.layoutAboutToBeChanged.emit()
        self._ids = self._fetch_ids(*self._sort)
        self._blocks.clear()
        self.layoutChanged.emit()
