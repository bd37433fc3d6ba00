"""A rendered chart on screen: its pixels, the bars, points or cells a click or the arrow
keys choose (`Stop`, `keyboard_stops`), and the selection's announcement."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from .chart_render import HitBox, HitTrace


@dataclass(eq=False)
class Stop:
    """A place the keyboard selection can rest on: a bar, a cell, a point of a line (or a whole
    line that opens one list), as a rectangle in the image's logical pixels."""
    left: float
    top: float
    right: float
    bottom: float
    result: tuple[str, dict]

    def label(self) -> str:
        return str(self.result[1].get("label", ""))


def keyboard_stops(regions: list[HitBox | HitTrace]) -> list[Stop]:
    """The clickable regions in the order the arrow keys visit them: bars left to right (top to
    bottom within a stack), cells row by row, the points of a line in order; the points of a line
    next to each other that open the same list are one stop around them all."""
    stops: list[Stop] = []
    boxes = [r for r in regions if isinstance(r, HitBox)]
    for r in sorted(boxes, key=lambda b: (b.top, b.left) if b.cell else ((b.left + b.right) / 2, b.top)):
        stops.append(Stop(r.left, r.top, r.right, r.bottom, r.result))
    pad = 6.0
    for trace in (r for r in regions if isinstance(r, HitTrace)):
        group: list[tuple[float, float]] = []
        result = None
        for point, found in list(zip(trace.points, trace.results)) + [(None, None)]:
            if group and (found is None or found != result):
                xs, ys = [p[0] for p in group], [p[1] for p in group]
                stops.append(Stop(min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad, result))
                group = []
            if found is not None and point is not None:
                group.append(point)
                result = found
    return stops


class ChartImage(QWidget):
    """Shows a rendered chart and finds the bar, point or cell under the mouse. Until the
    image for a new size arrives, the last one is shown stretched to fit.

    From the keyboard (Tab reaches it): the arrow keys move a selection over the clickable
    regions, drawn as a frame over the image, and Enter or Space opens the selected one's list."""

    clicked = Signal(str, object)         # kind, filter
    resized = Signal()                    # new size or device pixel ratio: render again
    selected = Signal(str)                # the keyboard selection's label ("" when none is shown)
    KEYS_NEXT = (Qt.Key.Key_Right, Qt.Key.Key_Down)
    KEYS_PREVIOUS = (Qt.Key.Key_Left, Qt.Key.Key_Up)
    KEYS_OPEN = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.image = QImage()
        self.regions: list[HitBox | HitTrace] = []
        self.stops: list[Stop] = []
        self.current = -1                   # the keyboard selection: an index into stops
        self.background = QColor()          # behind the image until it comes (the chart's own background)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        # Tab reaches a chart; a mouse click does not take the focus from where the user typed
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def sizeHint(self) -> QSize:
        return QSize(600, 340)

    def minimumSizeHint(self) -> QSize:
        return QSize(10, 10)

    def show_image(self, image: QImage, regions: list, background: QColor | None = None) -> None:
        was = self.stops[self.current] if 0 <= self.current < len(self.stops) else None
        self.image, self.regions = image, regions
        self.stops = keyboard_stops(regions)
        if background is not None:
            self.background = background
        # the same bar, point or cell stays selected when the chart is drawn again
        self.current = -1
        if was is not None:
            self.current = next((n for n, stop in enumerate(self.stops) if stop.result == was.result),
                                min(self.current, len(self.stops) - 1))
        if self.current < 0 and self.hasFocus() and self.stops:
            self.current = 0
        self._announce()
        self.unsetCursor()
        self.update()

    def image_size(self) -> QSizeF:
        """The shown image's size in logical pixels."""
        return self.image.deviceIndependentSize()

    def _placed(self) -> QRectF:
        size = self.image_size()
        if abs(size.width() - self.width()) <= 1 and abs(size.height() - self.height()) <= 1:
            return QRectF(QPointF(0, 0), size)              # pixel for pixel
        return QRectF(self.rect())

    def stop_rect(self, stop: Stop) -> QRectF:
        """Where a stop lies in the widget (the image may be shown stretched)."""
        placed, size = self._placed(), self.image_size()
        if size.width() <= 0 or size.height() <= 0:
            return QRectF()
        sx, sy = placed.width() / size.width(), placed.height() / size.height()
        return QRectF(placed.x() + stop.left * sx, placed.y() + stop.top * sy,
                      (stop.right - stop.left) * sx, (stop.bottom - stop.top) * sy)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        background = self.background if self.background.isValid() else self.palette().color(QPalette.ColorRole.Base)
        painter.fillRect(self.rect(), background)
        if not self.image.isNull():
            placed = self._placed()
            if placed.size() != self.image_size():
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(placed, self.image)
        if self.hasFocus():
            # the keyboard focus: a frame round the chart and one round the selected region
            highlight = self.palette().color(QPalette.ColorRole.Highlight)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(highlight, 2))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 3, 3)
            if 0 <= self.current < len(self.stops):
                rect = self.stop_rect(self.stops[self.current]).adjusted(-3, -3, 3, 3) \
                    .intersected(QRectF(self.rect()).adjusted(2, 2, -2, -2))
                painter.setPen(QPen(background, 5))          # a halo, so the frame shows on any colour
                painter.drawRect(rect)
                painter.setPen(QPen(highlight, 2.5))
                painter.drawRect(rect)

    def region_at(self, pos: QPointF) -> tuple[str, dict] | None:
        if self.image.isNull() or not self.regions:
            return None
        placed, size = self._placed(), self.image_size()
        if placed.width() <= 0 or placed.height() <= 0:
            return None
        x = (pos.x() - placed.x()) * size.width() / placed.width()
        y = (pos.y() - placed.y()) * size.height() / placed.height()
        for region in self.regions:
            found = region.hit(x, y)
            if found:
                return found
        return None

    def mouseMoveEvent(self, event) -> None:
        if self.region_at(event.position()):
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event) -> None:
        found = self.region_at(event.position()) if event.button() == Qt.MouseButton.LeftButton else None
        if found:
            event.accept()
            self.clicked.emit(found[0], found[1])
        else:
            super().mousePressEvent(event)

    # -- the keyboard ---------------------------------------------------------------------------
    def select(self, index: int) -> None:
        if not self.stops:
            return
        self.current = max(0, min(index, len(self.stops) - 1))
        self._announce()
        self.update()

    def _announce(self) -> None:
        self.selected.emit(self.stops[self.current].label()
                           if self.hasFocus() and 0 <= self.current < len(self.stops) else "")

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if not self.stops or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
        elif key in self.KEYS_NEXT:
            self.select(self.current + 1)
        elif key in self.KEYS_PREVIOUS:
            self.select(self.current - 1 if self.current > 0 else 0)
        elif key == Qt.Key.Key_Home:
            self.select(0)
        elif key == Qt.Key.Key_End:
            self.select(len(self.stops) - 1)
        elif key in self.KEYS_OPEN and 0 <= self.current < len(self.stops):
            kind, filt = self.stops[self.current].result
            self.clicked.emit(kind, filt)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        if self.current < 0 and self.stops:
            self.current = 0
        self._announce()
        self.update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self._announce()
        self.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.DevicePixelRatioChange:      # moved to a screen of another scale
            self.resized.emit()
        return super().event(event)
