"""The acknowledgement board of one warning: every recipient organisation, its
acknowledgement of the current revision, the time it took, and who is overdue.

Online, the board comes from the portal (GET /warnings/{id}/acks, in the
background); offline, or while that answer is on its way, it is computed from
the cached warning and organisations (`models.warnings.ack_board`, the same
rules). Overdue rows are highlighted and say so in words; filters narrow by
sector, region and state; the shown rows export as CSV.
"""

from __future__ import annotations

import time

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QPushButton,
                               QSizePolicy, QTableView, QVBoxLayout, QWidget)

from ..models import labels
from ..models.lazy_table import plain_tooltip
from ..models import warnings as rules
from ..sync.calls import PortalCalls
from ..tasks import Op
from .tlp import bold_font
from .widgets import plain_label, set_column_widths

ACKED_COLOUR = QColor("#2e7d32")
OVERDUE_COLOUR = QColor("#c62828")
WAITING_COLOUR = QColor("#b0b7c0")
OVERDUE_ROW = QColor(198, 40, 40, 38)
OVERDUE_ROW_BRUSH = QBrush(OVERDUE_ROW)
OVERDUE_BRUSH = QBrush(OVERDUE_COLOUR)


def _t(text: str) -> str:
    return QCoreApplication.translate("warnings", text)


def sector_label(code: str | None) -> str:
    return {"hospital": _t("Hospital"), "gp": _t("GP clinic"), "care_home": _t("Care home"),
            "region": _t("Region"), "municipality": _t("Municipality")}.get(code or "", code or "")


def sector_plural(code: str | None) -> str:
    return {"hospital": _t("hospitals"), "gp": _t("GP clinics"), "care_home": _t("care homes"),
            "region": _t("regions"), "municipality": _t("municipalities")}.get(code or "", code or "")


def region_label(name: str | None) -> str:
    return {"Capital Region": _t("Capital Region"), "Region Zealand": _t("Region Zealand"),
            "Region of Southern Denmark": _t("Region of Southern Denmark"),
            "Central Denmark Region": _t("Central Denmark Region"),
            "North Denmark Region": _t("North Denmark Region")}.get(name or "", name or "")


def ack_state_label(state: str | None) -> str:
    return {"received": _t("Received"), "mitigated": _t("Mitigated"), "not_affected": _t("Not affected"),
            None: _t("No answer yet"), "": _t("No answer yet")}.get(state, state or "")


def duration_text(seconds: float | int | None) -> str:
    if seconds is None or seconds < 0:       # an acknowledgement older than the revision: no meaning
        return ""
    parts = rules.duration_parts(seconds)
    if parts is None:
        return ""
    days, hours, minutes = parts
    if days:
        return _t("%1 d %2 h").replace("%1", str(days)).replace("%2", str(hours))
    if hours:
        return _t("%1 h %2 min").replace("%1", str(hours)).replace("%2", str(minutes))
    return _t("%1 min").replace("%1", str(minutes))


def progress_text(p: rules.Progress, status: str = "sent", short: bool = False) -> str:
    """The numbers of the bar in words (colour is never the only carrier). A retracted
    or expired warning asks nothing any more: its unacknowledged are not "waiting"."""
    if status == "draft":
        return _t("not sent yet")
    if not p.asks:
        return _t("no recipients yet")
    if short:
        text = _t("%1/%2 acknowledged").replace("%1", str(p.acknowledged)).replace("%2", str(p.addressed))
    else:
        text = _t("%1 of %2 acknowledged").replace("%1", str(p.acknowledged)).replace("%2", str(p.addressed))
    if p.overdue:
        text += " · " + _t("%1 overdue").replace("%1", str(p.overdue))
    if p.waiting and status == "sent":
        text += " · " + _t("%1 waiting").replace("%1", str(p.waiting))
    elif p.waiting:
        text += " · " + _t("%1 did not answer").replace("%1", str(p.waiting))
    return text


def paint_ack_bar(painter: QPainter, rect: QRect, p: rules.Progress) -> None:
    """Acknowledged (green), overdue (red), waiting (grey), left to right."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    total = max(1, p.addressed)
    start, done = rect.x(), 0
    for count, colour in ((p.acknowledged, ACKED_COLOUR), (p.overdue, OVERDUE_COLOUR), (p.waiting, WAITING_COLOUR)):
        done += count
        end = rect.x() + round(rect.width() * done / total)
        if end > start:
            painter.fillRect(QRect(start, rect.y(), end - start, rect.height()), colour)
        start = end
    painter.setPen(QColor("#6b7480"))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect.adjusted(0, 0, -1, -1))
    painter.restore()


class AckBar(QWidget):
    """A stacked bar of acknowledged / overdue / waiting recipients."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.value = rules.Progress(0, 0, 0, 0)
        self.setMinimumSize(120, 14)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Acknowledgement progress"))

    def set_progress(self, value: rules.Progress, status: str = "sent") -> None:
        self.value = value
        self.setAccessibleDescription(progress_text(value, status))
        self.setToolTip(progress_text(value, status))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(240, 14)

    def paintEvent(self, _event):
        painter = QPainter(self)
        paint_ack_bar(painter, self.rect(), self.value)
        painter.end()


_BAR_PIXMAPS: dict[tuple, QPixmap] = {}


def ack_bar_pixmap(p: rules.Progress, width: int = 110, height: int = 10) -> QPixmap:
    """The bar as a small picture for a table cell's decoration (cached: a view
    repaints often, and the picture only changes with the numbers)."""
    key = (p.addressed, p.acknowledged, p.overdue, p.waiting, width, height)
    pixmap = _BAR_PIXMAPS.get(key)
    if pixmap is None:
        if len(_BAR_PIXMAPS) > 512:
            _BAR_PIXMAPS.clear()
        pixmap = QPixmap(width, height)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        paint_ack_bar(painter, QRect(0, 0, width, height), p)
        painter.end()
        _BAR_PIXMAPS[key] = pixmap
    return pixmap


COL_ORG, COL_SECTOR, COL_REGION, COL_STATE, COL_AT, COL_TIME, COL_FOLLOW, COL_NOTE = range(8)


class AckBoardModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []
        self.titles = [self.tr("Organisation"), self.tr("Sector"), self.tr("Region"), self.tr("State"),
                       self.tr("Acknowledged"), self.tr("Time to acknowledge"), self.tr("Follow-up"), self.tr("Note")]

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def follow_up(self, row: dict) -> str:
        if row.get("overdue"):
            return self.tr("OVERDUE — follow up")
        if row.get("late"):
            return self.tr("late (after the deadline)")
        if row.get("state"):
            return self.tr("in time")
        return self.tr("waiting")

    def text(self, row: dict, column: int) -> str:
        if column == COL_ORG:
            name = row.get("name") or ""
            return f"{name} ({row.get('org_id')})" if name else str(row.get("org_id") or "")
        if column == COL_SECTOR:
            return sector_label(row.get("sector"))
        if column == COL_REGION:
            return region_label(row.get("region"))
        if column == COL_STATE:
            text = ack_state_label(row.get("state"))
            earlier = row.get("earlier")
            if not row.get("state") and isinstance(earlier, dict) and earlier.get("state"):
                text += " " + self.tr("(revision %1: %2)").replace("%1", str(earlier.get("revision"))) \
                    .replace("%2", ack_state_label(earlier.get("state")).lower())
            return text
        if column == COL_AT:
            return labels.local_time(row.get("first_at") or row.get("at")) if row.get("state") else ""
        if column == COL_TIME:
            return duration_text(row.get("time_to_ack_seconds"))
        if column == COL_FOLLOW:
            return self.follow_up(row)
        if column == COL_NOTE:
            return " ".join((row.get("note") or "").split())
        return ""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == COL_NOTE and row.get("note"):
                return plain_tooltip(row.get("note"))     # a recipient's text: never rendered as HTML
            if index.column() == COL_AT and row.get("state") and row.get("at") != row.get("first_at"):
                return self.tr("First acknowledged %1; last changed %2").replace(
                    "%1", labels.local_time(row.get("first_at"))).replace("%2", labels.local_time(row.get("at")))
            return None
        if role == Qt.ItemDataRole.BackgroundRole and row.get("overdue"):
            return OVERDUE_ROW_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole and row.get("overdue") and index.column() == COL_FOLLOW:
            return OVERDUE_BRUSH
        if role == Qt.ItemDataRole.FontRole and row.get("overdue") and index.column() == COL_FOLLOW:
            return bold_font()
        if role == Qt.ItemDataRole.UserRole:
            return row.get("org_id")
        return None

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        def key(row):
            if column == COL_TIME:
                value = row.get("time_to_ack_seconds")
                return (value is None, value or 0)
            if column == COL_FOLLOW:
                return (not row.get("overdue"), not row.get("late"), bool(row.get("state")))
            if column == COL_AT:
                return (not row.get("state"), row.get("first_at") or "")
            return (self.text(row, column).lower(),)
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


class AckBoard(QWidget):
    """The board of one warning. `online()` says whether to ask the portal."""

    loaded = Signal(str)        # source: "portal" | "cache"

    def __init__(self, workspace, parent=None, *, online=lambda: True, clock=time.time):
        super().__init__(parent)
        self.workspace = workspace
        self.online = online
        self.clock = clock
        self.warning_id: str | None = None
        self.board: dict | None = None
        self.source: str | None = None
        self._request = 0

        self.bar = AckBar()
        self.counts = plain_label("", wrap=True)
        self.counts.setAccessibleName(self.tr("Acknowledgements in numbers"))
        self.source_label = plain_label("", wrap=True)
        self.source_label.setObjectName("muted")

        self.sector = QComboBox()
        self.sector.setAccessibleName(self.tr("Sector"))
        self.sector.addItem(self.tr("All sectors"), "")
        for code in rules.SECTORS:
            self.sector.addItem(sector_label(code), code)
        self.region = QComboBox()
        self.region.setAccessibleName(self.tr("Region"))
        self.region.addItem(self.tr("All regions"), "")
        for name in rules.REGIONS:
            self.region.addItem(region_label(name), name)
        self.state = QComboBox()
        self.state.setAccessibleName(self.tr("State"))
        for code, text in ((rules.STATE_FILTER_ALL, self.tr("Every state")),
                           (rules.STATE_FILTER_OVERDUE, self.tr("Overdue — follow up")),
                           (rules.STATE_FILTER_NOT_ACKNOWLEDGED, self.tr("Not acknowledged")),
                           (rules.STATE_FILTER_ACKNOWLEDGED, self.tr("Acknowledged")),
                           ("received", ack_state_label("received")), ("mitigated", ack_state_label("mitigated")),
                           ("not_affected", ack_state_label("not_affected"))):
            self.state.addItem(text, code)
        self.follow_up_button = QPushButton(self.tr("Show overdue"))
        self.follow_up_button.setToolTip(self.tr("List the organisations that have not acknowledged in time"))
        self.follow_up_button.clicked.connect(self.show_overdue)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setToolTip(self.tr("Save the rows shown as a CSV file"))
        self.export_button.clicked.connect(lambda: self.export_csv())

        self.model = AckBoardModel(self)
        self.table = QTableView()
        self.table.setObjectName("ackBoard")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Recipients and their acknowledgements"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        set_column_widths(self.table, ((COL_ORG, 250), (COL_SECTOR, 100), (COL_REGION, 175), (COL_STATE, 110),
                                       (COL_AT, 135), (COL_TIME, 150), (COL_FOLLOW, 180)))
        header.setSortIndicator(COL_FOLLOW, Qt.SortOrder.AscendingOrder)

        filters = QHBoxLayout()
        filters.setSpacing(6)
        filters.addWidget(plain_label(self.tr("Show:")))
        filters.addWidget(self.sector)
        filters.addWidget(self.region)
        filters.addWidget(self.state)
        filters.addStretch(1)
        filters.addWidget(self.follow_up_button)
        filters.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.bar)
        layout.addWidget(self.counts)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.source_label)
        for combo in (self.sector, self.region, self.state):
            combo.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self._set_board(None, None)

    # -- loading ---------------------------------------------------------------------
    def show_warning(self, warning_id: str | None, *, fetch: bool = True) -> None:
        """Show this warning's board: at once from the cache, then from the portal when online."""
        if warning_id != self.warning_id:
            self.state.setCurrentIndex(0)
        self.warning_id = warning_id
        self._request += 1
        if warning_id is None:
            self._set_board(None, None)
            return
        self._set_board(self.cached_board(warning_id), "cache")
        if fetch and self.online() and self.workspace.client.token:
            self._fetch(warning_id)

    def refresh(self) -> None:
        if self.warning_id:
            self.show_warning(self.warning_id)

    def organisations(self) -> dict[str, dict]:
        return {o["id"]: o for o in self.workspace.cache.documents("organisation")}

    def cached_board(self, warning_id: str) -> dict | None:
        warning = self.workspace.cache.get("warning", warning_id)
        if warning is None:
            return None
        return rules.ack_board(warning, self.organisations(), self.clock())

    def _fetch(self, warning_id: str) -> None:
        request = self._request
        calls = PortalCalls(self.workspace.client)
        self.source_label.setText(self.tr("Computed from the offline copy; asking the portal…"))
        Op(lambda: calls.warning_acks(warning_id)).success(lambda answer: self._fetched(request, answer)) \
            .failure(lambda exc: self._fetch_failed(request, exc)).run_in_background()

    def _current(self, request: int) -> bool:
        # The answer may arrive after another warning was chosen, or after the workspace closed.
        return shiboken6.isValid(self) and request == self._request and cache_is_open(self.workspace.cache)

    def _fetched(self, request: int, answer: dict) -> None:
        if not self._current(request):
            return
        self._set_board(rules.complete_board(answer, self.organisations()), "portal")

    def _fetch_failed(self, request: int, exc: BaseException) -> None:
        if not self._current(request):
            return
        self.source_label.setText(self.tr("Computed from the offline copy (the portal could not be asked: %1).")
                                  .replace("%1", type(exc).__name__ if not str(exc) else str(exc)))

    def _set_board(self, board: dict | None, source: str | None) -> None:
        self.board = board
        self.source = source
        if board is None:
            self.bar.set_progress(rules.Progress(0, 0, 0, 0))
            self.counts.setText(self.tr("No warning selected.") if self.warning_id is None
                                else self.tr("This warning is not in the offline copy."))
            self.source_label.setText("")
            self.model.set_rows([])
            self.export_button.setEnabled(False)
            self.follow_up_button.setEnabled(False)
            return
        p = rules.progress(board)
        self.bar.set_progress(p, board.get("status") or "sent")
        text = progress_text(p, board.get("status") or "sent")
        counts = board.get("counts") or {}
        if counts.get("late"):
            text += " · " + self.tr("%1 acknowledged late").replace("%1", str(counts["late"]))
        if board.get("ack_due_at"):
            text += "\n" + self.tr("Revision %1 · acknowledge by %2").replace("%1", str(board.get("revision"))) \
                .replace("%2", labels.local_time(board.get("ack_due_at")))
        elif board.get("status") == "draft":
            text += "\n" + self.tr("Not sent yet: these organisations would receive it.")
        if board.get("status") in ("retracted", "expired"):
            text += "\n" + self.tr("This warning is %1: it asks for no acknowledgement and nobody is overdue.") \
                .replace("%1", labels.warning_status(board.get("status")).lower())
        self.counts.setText(text)
        when = labels.local_time(board.get("now"))
        self.source_label.setText(self.tr("From the portal, %1.").replace("%1", when) if source == "portal" else
                                  self.tr("Computed from the offline copy, %1.").replace("%1", when))
        self.follow_up_button.setEnabled(p.overdue > 0)
        self.follow_up_button.setText(self.tr("Show overdue (%1)").replace("%1", str(p.overdue)) if p.overdue
                                      else self.tr("Show overdue"))
        self._apply_filter()
        self.loaded.emit(source or "")

    # -- filtering and export -------------------------------------------------------------
    def shown_rows(self) -> list[dict]:
        return list(self.model.rows)

    def _apply_filter(self) -> None:
        rows = (self.board or {}).get("recipients") or []
        shown = rules.filter_rows(rows, self.sector.currentData() or None, self.region.currentData() or None,
                                  self.state.currentData() or None)
        self.model.set_rows(shown)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.export_button.setEnabled(bool(shown))

    def set_filter(self, sector: str | None = None, region: str | None = None, state: str | None = None) -> None:
        for combo, value in ((self.sector, sector or ""), (self.region, region or ""),
                             (self.state, state or rules.STATE_FILTER_ALL)):
            index = combo.findData(value)
            combo.setCurrentIndex(max(0, index))

    def show_overdue(self) -> None:
        self.set_filter(self.sector.currentData(), self.region.currentData(), rules.STATE_FILTER_OVERDUE)

    def csv_text(self) -> str:
        header = [self.tr("Organisation ID"), self.tr("Organisation"), self.tr("Sector"), self.tr("Region"),
                  self.tr("State"), self.tr("Acknowledged at (UTC)"), self.tr("First acknowledged at (UTC)"),
                  self.tr("Minutes to acknowledge"), self.tr("Overdue"), self.tr("Late"), self.tr("Revision"),
                  self.tr("Note")]
        return rules.board_csv(self.board or {}, self.shown_rows(), header)

    def export_csv(self, path: str | None = None) -> str | None:
        """Write the rows shown to `path` (asked with a file dialog when None); returns the path."""
        if self.board is None:
            return None
        if path is None:
            suggested = f"{self.warning_id or 'warning'}-acknowledgements.csv"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export acknowledgements"), suggested,
                                                  self.tr("CSV files (*.csv)"))
            if not path:
                return None
        # utf-8-sig: spreadsheets then read the Danish letters correctly.
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            f.write(self.csv_text())
        self.source_label.setText(self.tr("Exported %1 rows to %2.").replace("%1", str(len(self.shown_rows())))
                                  .replace("%2", path))
        return path


def cache_is_open(cache) -> bool:
    """False once the workspace has closed its cache (sign-out, quit)."""
    return cache.is_open()
