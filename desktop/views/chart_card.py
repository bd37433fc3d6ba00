"""`ChartCard`: one chart in the window. It shows the finished pixels, opens the matchingfrom PySide6.QtGui import QColor, QImagelist when a bar, point or cell is clicked or chosen with the keyboard, and exports the chart
to PNG or PDF, rendered in the render thread."""

from __future__ import annotations

import datetime as dt
from typing import Callable

import shiboken6
from matplotlib.figure import Figure
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QMenu, QMessageBox, QPushButton, QVBoxLayout

from ..tasks import Op
from .chart_image import ChartImage
from .chart_render import HitBox, HitTrace, Rendered, _collector, render_chart, render_pool, render_to_file
from .chart_style import ChartColours, Drawn, chart_colours, check_export_path
from .widgets import plain_label


class _Latest:
    """The newest render request of a card; the render thread skips requests older than it."""

    def __init__(self):
        self.value = 0

    def next(self) -> int:
        self.value += 1
        return self.value


class ChartCard(QFrame):
    """One chart in the window: the image, a plain-text summary and a Save button.

    `set_chart(draw)` hands over a drawing function; it runs in the render thread
    (`render_pool`) at the image's size and device pixel ratio, and only the finished
    pixels come back to the UI thread. A card that is not shown renders when it is; a
    resize renders again once the size has settled."""

    open_list = Signal(str, object)      # kind, filter
    drawn = Signal()                     # the latest data is shown
    exported = Signal(str)               # path
    export_failed = Signal(str, str)     # path, message
    RESIZE_PAUSE_MS = 150

    def __init__(self, key: str, minimum_height: int = 300, parent=None):
        super().__init__(parent)
        self.key = key
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.chart = ChartImage()
        self.chart.setMinimumHeight(minimum_height)
        self.chart.clicked.connect(self.open_list)
        self.chart.selected.connect(self._selection_moved)
        self.summary = plain_label("", wrap=True)
        self.summary.setObjectName("muted")
        self.save_button = QPushButton()      # a push button leaves room for its menu's arrow
        self.save_button.setText(self.tr("Save…"))
        self.save_button.setToolTip(self.tr("Save this chart as a PNG image or a PDF document"))
        self.save_button.setAccessibleName(self.tr("Save chart"))
        menu = QMenu(self.save_button)
        menu.addAction(self.tr("As PNG image…"), lambda: self.ask_export("png"))
        menu.addAction(self.tr("As PDF document…"), lambda: self.ask_export("pdf"))
        self.save_button.setMenu(menu)
        self.save_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.chart, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(bottom)
        self.title = ""
        self.is_drawn = False               # the image shows the latest data (or why it cannot)
        self.last_render: Rendered | None = None
        self._draw: Callable[[Figure], Drawn] | None = None
        self._data = 0                      # bumped by every set_chart
        self._shown = 0                     # the request whose image is shown
        self._latest = _Latest()
        self._geometry: tuple[int, int, float] | None = None   # of the latest request
        self._colours: ChartColours | None = None               # of the latest request
        self._hint = ""                     # below the chart when no keyboard selection is shown
        self._waiting = False               # hidden with a render to do
        self._settle = QTimer(self, singleShot=True, interval=self.RESIZE_PAUSE_MS)
        self._settle.timeout.connect(self._size_settled)
        self.chart.resized.connect(self._settle.start)
        # renders still queued for a card that is gone are skipped
        self.destroyed.connect(lambda *_args, latest=self._latest: latest.next())

    @property
    def regions(self) -> list[HitBox | HitTrace]:
        return self.chart.regions

    def show_message(self, text: str) -> None:
        self._hint = text
        self.summary.setText(text)

    def set_chart(self, draw: Callable[[Figure], Drawn]) -> None:
        """Show a new chart: `draw(figure)` draws it (in the render thread) and returns a `Drawn`."""
        self._draw = draw
        self._data += 1
        self.is_drawn = False
        self.request_render()

    def _current_geometry(self) -> tuple[int, int, float]:
        return self.chart.width(), self.chart.height(), self.chart.devicePixelRatioF()

    def request_render(self) -> None:
        """Render the chart in the render thread at the current size of its widget."""
        if self._draw is None:
            return
        if not self.isVisible():
            self._waiting = True
            return
        self._waiting = False
        self._settle.stop()
        # the size is final once the pending layout requests are done (a page just shown, a
        # minimum height just changed): no render at a size about to change
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        request, data, draw, latest = self._latest.next(), self._data, self._draw, self._latest
        self._geometry = width, height, ratio = self._current_geometry()
        self._colours = colours = chart_colours(self.chart.palette())     # plain strings for the render thread

        def job():
            if latest.value != request:     # a newer size or newer data came meanwhile
                return None
            return render_chart(draw, width, height, ratio, colours)

        _collector.begin()
        Op(job).success(lambda result: self._rendered(data, request, result)) \
            .failure(lambda exc: self._render_failed(data, request, exc)).run_in_background(render_pool())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._waiting:                   # once the page being shown is laid out
            QTimer.singleShot(0, self, self._render_waiting)

    def _render_waiting(self) -> None:
        if self._waiting:
            self.request_render()

    def _size_settled(self) -> None:
        if self._draw is not None and (self._current_geometry() != self._geometry
                                       or chart_colours(self.chart.palette()) != self._colours):
            self.request_render()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        # the system switched between light and dark (or the palette changed): draw again in its colours
        if event.type() == QEvent.Type.PaletteChange and self._draw is not None:
            self._settle.start()

    def _selection_moved(self, label: str) -> None:
        if label:
            self.summary.setText(self.tr("Selected: %1. Press Enter to open the list.").replace("%1", label))
        else:
            self.summary.setText(self._hint)

    def _rendered(self, data: int, request: int, result: Rendered | None) -> None:
        QTimer.singleShot(0, _collector.end)         # once the image is on its way to the screen
        if result is None or not shiboken6.isValid(self) or request < self._shown:
            return
        # the copy (as premultiplied ARGB, what the painter draws fastest) owns its pixels
        image = QImage(result.rgba, result.width, result.height, result.width * 4, QImage.Format.Format_RGBA8888) \
            .convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(result.ratio)
        result.rgba = b""                   # the image holds the pixels now
        self._shown = request
        self.last_render = result
        hint = result.hint or self.tr("Click a bar or point to open the matching list.")
        self._hint = hint if result.regions else ""
        self.summary.setText(self._hint)
        self.chart.show_image(image, result.regions, QColor(self._colours.background) if self._colours else None)
        self.title = result.title or self.key
        self.chart.setAccessibleName(self.title)
        keys = self.tr("With the keyboard: the arrow keys choose a bar, point or cell, and Enter opens its list.")
        self.chart.setAccessibleDescription(f"{result.summary} {keys}" if result.regions else result.summary)
        self.chart.setToolTip(self.tr("Click a bar or point to open the matching list, or choose one with the "
                                      "arrow keys and press Enter") if result.regions else "")
        self.save_button.setEnabled(True)
        if data == self._data and not self.is_drawn:
            self.is_drawn = True
            self.drawn.emit()

    def _render_failed(self, data: int, request: int, exc: BaseException) -> None:
        QTimer.singleShot(0, _collector.end)
        if not shiboken6.isValid(self) or request != self._latest.value:
            return
        # one broken chart must not hide the others
        self._shown = request
        self.chart.show_image(QImage(), [])
        message = self.tr("This chart cannot be drawn: %1").replace("%1", str(exc))
        self._hint = message
        self.show_message(message)
        self.chart.setAccessibleDescription(message)
        self.save_button.setEnabled(False)
        if data == self._data and not self.is_drawn:
            self.is_drawn = True
            self.drawn.emit()

    # -- export -------------------------------------------------------------------------------
    def export(self, path: str, *, tell_user: bool = False) -> Op:
        """Save the chart as PNG or PDF (by the suffix), drawn again in the render thread at the
        size it has on screen; `exported` or `export_failed` says how it went."""
        check_export_path(path)
        if self._draw is None:
            raise ValueError("the chart is not drawn yet")
        draw = self._draw
        width, height, _ratio = self._current_geometry()
        _collector.begin()
        return Op(lambda: render_to_file(draw, width, height, path)) \
            .success(lambda _path: self._export_done(path, None, tell_user)) \
            .failure(lambda exc: self._export_done(path, exc, tell_user)).run_in_background(render_pool())

    def _export_done(self, path: str, exc: BaseException | None, tell_user: bool) -> None:
        QTimer.singleShot(0, _collector.end)
        if not shiboken6.isValid(self):
            return
        if exc is None:
            self.exported.emit(path)
            return
        self.export_failed.emit(path, str(exc))
        if tell_user:
            QMessageBox.warning(self, self.tr("Save chart"),
                                self.tr("The chart could not be saved: %1").replace("%1", str(exc)))

    def ask_export(self, kind: str) -> None:
        name = f"{self.key}-{dt.date.today().isoformat()}.{kind}"
        filters = self.tr("PNG image (*.png)") if kind == "png" else self.tr("PDF document (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart"), name, filters)
        if not path:
            return
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        try:
            self.export(path, tell_user=True)
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Save chart"),
                                self.tr("The chart could not be saved: %1").replace("%1", str(exc)))
