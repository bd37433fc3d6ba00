"""The style sheet on top of the system's palette and font.

resources/style.qss uses palette roles for its colours and font sizes written for a 10 pt body
font. Here those sizes are scaled to the system's font size, and the few colours no palette role
carries (error text, the online indicator, muted text) are chosen for the palette in use, light
or dark, with a contrast of at least 4.5:1 against the window (WCAG 2.x AA for normal text).
When the system switches between light and dark, or its font, the sheet is rebuilt.
"""

from __future__ import annotations

import os
import re

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

DESIGN_POINT_SIZE = 10.0            # the body size style.qss's font sizes were chosen for
MIN_CONTRAST = 4.5

# Colours with a meaning no palette role carries: (on a light palette, on a dark palette).
STATUS_COLOURS = {
    "error": ("#b3261e", "#ff8a80"),
    "online": ("#1e7b34", "#81c995"),
    "offline": ("#8a5100", "#fdd663"),
    "auth": ("#b3261e", "#ff8a80"),
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two opaque colours (1 … 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """a moved towards b by t (0 … 1)."""
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
                           a.blueF() + (b.blueF() - a.blueF()) * t)


def muted_colour(palette: QPalette) -> QColor:
    """The text colour faded towards the window as far as it stays readable (≥ 4.5:1)."""
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    base = palette.color(QPalette.ColorRole.Base)
    for t in (0.45, 0.4, 0.35, 0.3, 0.25, 0.2, 0.15, 0.1, 0.0):
        candidate = mix(text, window, t)
        if min(contrast(candidate, window), contrast(candidate, base)) >= MIN_CONTRAST:
            return candidate
    return text


def status_colour(name: str, palette: QPalette) -> QColor:
    light, dark = STATUS_COLOURS[name]
    colour = QColor(dark if is_dark(palette) else light)
    window = palette.color(QPalette.ColorRole.Window)
    if contrast(colour, window) < MIN_CONTRAST:      # an unusual palette: fall back towards the text colour
        text = palette.color(QPalette.ColorRole.WindowText)
        for t in (0.25, 0.5, 0.75, 1.0):
            colour = mix(QColor(dark if is_dark(palette) else light), text, t)
            if contrast(colour, window) >= MIN_CONTRAST:
                break
    return colour


def scale_font_sizes(qss: str, point_size: float) -> str:
    """Font sizes in pt, written for a 10 pt body, scaled to the actual body size."""
    factor = (point_size or DESIGN_POINT_SIZE) / DESIGN_POINT_SIZE

    def scaled(match: re.Match) -> str:
        return f"{match.group(1)}{round(float(match.group(2)) * factor, 1):g}pt"
    return re.sub(r"(font-size:\s*)(\d+(?:\.\d+)?)pt", scaled, qss)


def palette_rules(palette: QPalette) -> str:
    """The rules whose colours depend on the palette being light or dark."""
    def hex_(c: QColor) -> str:
        return c.name(QColor.NameFormat.HexRgb)
    return "\n".join([
        "/* chosen for the current palette by desktop/theme.py */",
        f"QLabel#muted {{ color: {hex_(muted_colour(palette))}; }}",
        f"QLabel#error {{ color: {hex_(status_colour('error', palette))}; }}",
        f'QLabel#onlineIndicator[state="online"] {{ color: {hex_(status_colour("online", palette))}; }}',
        f'QLabel#onlineIndicator[state="offline"] {{ color: {hex_(status_colour("offline", palette))}; }}',
        f'QLabel#onlineIndicator[state="auth"] {{ color: {hex_(status_colour("auth", palette))}; }}',
    ])


def style_sheet(base: str, palette: QPalette, font: QFont) -> str:
    size = font.pointSizeF()
    if size <= 0:                                     # a pixel-sized font
        size = DESIGN_POINT_SIZE
    return scale_font_sizes(base, size) + "\n" + palette_rules(palette) + "\n"


class _Watcher(QObject):
    """Rebuilds the sheet when the application's palette or font changes (system light/dark switch)."""

    def __init__(self, app: QApplication, base: str):
        super().__init__(app)
        self.app, self.base = app, base
        self._pending = False

    def eventFilter(self, obj, event):
        if obj is self.app and event.type() in (QEvent.Type.ApplicationPaletteChange,
                                                QEvent.Type.ApplicationFontChange) and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.reapply)
        return False

    def reapply(self):
        self._pending = False
        sheet = style_sheet(self.base, self.app.palette(), self.app.font())
        if sheet != self.app.styleSheet():
            self.app.setStyleSheet(sheet)


def apply(app: QApplication, resources: str) -> None:
    """Load resources/style.qss for the current palette and font, and follow their changes."""
    path = os.path.join(resources, "style.qss")
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as f:
        base = f.read()
    old = getattr(app, "_portal_desk_theme", None)
    if old is not None:
        app.removeEventFilter(old)
        old.deleteLater()
    watcher = _Watcher(app, base)
    app._portal_desk_theme = watcher
    app.installEventFilter(watcher)
    app.setStyleSheet(style_sheet(base, app.palette(), app.font()))
    install_focus_ring(app)


# -- the keyboard focus ring -------------------------------------------------------------------
# Qt style sheets cannot draw an outline, and the platform styles mark keyboard focus faintly
# (Fusion: a 1 px tint). The ring is a 2 px frame in the palette's highlight colour over the edge
# of the widget that has the keyboard focus, shown when the focus came from the keyboard.
RING_WIDTH = 2
# Widgets that get the ring; none of them adopts a child widget into its own layout.
RING_TYPES = ("QAbstractButton", "QLineEdit", "QComboBox", "QAbstractSpinBox", "QAbstractItemView",
              "QTextEdit", "QPlainTextEdit", "QAbstractSlider", "QTabBar")


class FocusRing(QWidget):
    def __init__(self, target: QWidget):
        super().__init__(target)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setGeometry(target.rect())
        target.installEventFilter(self)
        self.raise_()

    def eventFilter(self, obj, event):
        if obj is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(obj.rect())
            self.raise_()
        return False

    def paintEvent(self, _event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), RING_WIDTH)
        painter.setPen(pen)
        half = RING_WIDTH / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 3, 3)
        painter.end()


class _FocusRings(QObject):
    """One ring at a time, on the widget that got the focus from the keyboard (Tab, Shift+Tab, a
    shortcut: Qt then marks the window with WA_KeyboardFocusChange, as the styles do for their own
    focus marks). Follows QApplication.focusChanged, so no event of the application passes through Python."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.ring: FocusRing | None = None
        app.focusChanged.connect(self._moved)

    def _moved(self, _old, new):
        self._clear()
        if new is None or new.objectName() == "focusRing" or not any(new.inherits(t) for t in RING_TYPES):
            return
        window = new.window()
        if window is not None and window.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange):
            self.ring = FocusRing(new)
            self.ring.show()

    def _clear(self):
        if self.ring is not None:
            ring, self.ring = self.ring, None
            try:
                ring.parent().removeEventFilter(ring)
                ring.hide()
                ring.deleteLater()
            except RuntimeError:          # the focused widget was deleted with its ring
                pass


def install_focus_ring(app: QApplication) -> None:
    if getattr(app, "_portal_desk_focus_rings", None) is None:
        app._portal_desk_focus_rings = _FocusRings(app)


def focus_ring() -> FocusRing | None:
    app = QApplication.instance()
    rings = getattr(app, "_portal_desk_focus_rings", None) if app else None
    return rings.ring if rings else None


def remove(app: QApplication) -> None:
    """Undo apply(): no more rebuilding and no focus ring (the style sheet itself is left)."""
    watcher = getattr(app, "_portal_desk_theme", None)
    if watcher is not None:
        app.removeEventFilter(watcher)
        watcher.deleteLater()
        app._portal_desk_theme = None
    rings = getattr(app, "_portal_desk_focus_rings", None)
    if rings is not None:
        app.focusChanged.disconnect(rings._moved)
        rings._clear()
        rings.deleteLater()
        app._portal_desk_focus_rings = None
