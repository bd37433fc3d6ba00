"""Column widths of the lists: sized to what they hold, the main column given the room,
and each person's own widths remembered on this computer.

A list names its main column (a title) and, for every other column, a sample of its
longest usual text. The others get the width of their sample or header, whichever is wider;
the main column takes what is left but never less than `main_min` (the table scrolls
sideways instead of squeezing a title to a few letters). Text that still does not fit is
elided in the middle, and the models give the full text as a plain-text tooltip. Once a
person drags a column, the list keeps their widths: saved per user and list in the settings
file (widths only, never content).
"""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

PADDING = 18          # the header's sort arrow and cell margins


class ColumnFit(QObject):
    def __init__(self, table: QTableView, name: str, main: int, samples: dict[int, str], main_min: int = 240):
        super().__init__(table)
        self.table, self.name, self.main, self.samples, self.main_min = table, name, main, samples, main_min
        self.user_sized = False
        self._fitting = False
        self._restored = False
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header.sectionResized.connect(self._resized)
        self._save_timer = QTimer(self, singleShot=True, interval=400)
        self._save_timer.timeout.connect(self._save)
        table.viewport().installEventFilter(self)
        table.installEventFilter(self)
        self.fit()

    # -- fitting ---------------------------------------------------------------------
    def widths(self) -> dict[int, int]:
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        out = {}
        for column, sample in self.samples.items():
            out[column] = max(header.sectionSizeFromContents(column).width() + 8,
                              metrics.horizontalAdvance(sample) + PADDING)
        return out

    def fit(self):
        if self.user_sized:
            return
        self._fitting = True
        try:
            widths = self.widths()
            for column, width in widths.items():
                self.table.setColumnWidth(column, width)
            header = self.table.horizontalHeader()
            others = sum(header.sectionSize(c) for c in range(header.count())
                         if c != self.main and not header.isSectionHidden(c))
            room = self.table.viewport().width() - others
            self.table.setColumnWidth(self.main, max(self.main_min, room))
        finally:
            self._fitting = False

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Resize and obj is self.table.viewport():
            self.fit()
        elif event.type() == QEvent.Type.Show and obj is self.table and not self._restored:
            self._restored = True
            self._restore()
        return False

    def _resized(self, *_):
        if self._fitting or not self.table.isVisible():
            return
        self.user_sized = True
        self._save_timer.start()

    # -- remembering (per user, per list) ------------------------------------------------
    def _store(self):
        window = self.table.window()
        settings = getattr(window, "settings", None)
        workspace = getattr(window, "workspace", None)
        if settings is None or workspace is None:
            return None, None
        return settings, workspace.username

    def _layouts(self, settings) -> dict:
        try:
            layouts = json.loads(settings.get("tables/layouts") or "{}")
        except ValueError:
            return {}
        return layouts if isinstance(layouts, dict) else {}

    def _restore(self):
        settings, username = self._store()
        if settings is None:
            return
        state = self._layouts(settings).get(username, {}).get(self.name)
        if isinstance(state, str):
            self._fitting = True
            try:
                restored = self.table.horizontalHeader().restoreState(QByteArray.fromHex(state.encode()))
            finally:
                self._fitting = False
            self.user_sized = bool(restored)

    def _save(self):
        settings, username = self._store()
        if settings is None:
            return
        layouts = self._layouts(settings)
        state = bytes(self.table.horizontalHeader().saveState().toHex()).decode()
        layouts.setdefault(username, {})[self.name] = state
        settings.set("tables/layouts", json.dumps(layouts, sort_keys=True))
