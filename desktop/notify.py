"""Desktop notifications: the system tray's balloon when there is a tray, else a
banner inside the window (at the top, until dismissed).

Each notification has a key; a key is shown once per session (remembered in
memory), so a warning that stays overdue is announced once, not at every sync.
Clicking a notification (or the banner's Open) emits `activated(warning_id)`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QSystemTrayIcon, QVBoxLayout,
                               QWidget)

from .theme import is_dark

MAX_BANNER_ITEMS = 4
BANNER_WIDTH = 440
# (background, border, text) on a light palette (False) and on a dark one (True)
BANNER_COLOURS = {False: ("#fff4d6", "#c99a2e", "#2b2100"), True: ("#3a2e0c", "#c99a2e", "#fbe8b4")}


def app_icon() -> QIcon:
    """The application's icon, or a plain one drawn here (a tray needs an icon)."""
    app = QApplication.instance()
    icon = app.windowIcon() if app else QIcon()
    if not icon.isNull():
        return icon
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#1d4f91"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(2, 2, 28, 28, 6, 6)
    painter.setPen(QColor("#ffffff"))
    font = painter.font()
    font.setBold(True)
    font.setPixelSize(18)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "P")
    painter.end()
    return QIcon(pixmap)


class NotificationBanner(QFrame):
    """Messages shown over the top of a window, newest first, each with Open and Dismiss."""

    open_requested = Signal(str)

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("notificationBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Notifications"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(10, 8, 10, 8)
        self._layout.setSpacing(6)
        self.items: list[tuple[QWidget, str, str, str]] = []     # widget, title, message, warning id
        self._window = window
        self._apply_colours()
        window.installEventFilter(self)
        self.hide()

    def _apply_colours(self) -> None:
        """Amber on a light palette, a dark amber on a dark one: both at ≥ 7:1 text contrast."""
        background, border, text = BANNER_COLOURS[is_dark(self._window.palette())]
        sheet = (f"QFrame#notificationBanner {{ background: {background}; border: 1px solid {border}; "
                 f"border-radius: 6px; }} QFrame#notificationBanner QLabel {{ color: {text}; }}")
        if sheet != self.styleSheet():      # a new sheet repolishes, which may change the palette again
            self.setStyleSheet(sheet)

    def changeEvent(self, event):
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_colours()
        super().changeEvent(event)

    def add(self, title: str, message: str, warning_id: str) -> None:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        texts = QVBoxLayout()
        head = QLabel(row)
        head.setTextFormat(Qt.TextFormat.PlainText)
        head.setText(title)
        head.setStyleSheet("font-weight: 600;")
        body = QLabel(row)
        body.setTextFormat(Qt.TextFormat.PlainText)
        body.setText(message)
        body.setWordWrap(True)
        texts.addWidget(head)
        texts.addWidget(body)
        layout.addLayout(texts, 1)
        if warning_id:
            open_button = QPushButton(self.tr("Open"), row)
            open_button.setAccessibleDescription(self.tr("Open this warning"))
            open_button.clicked.connect(lambda: (self.open_requested.emit(warning_id), self._remove(row)))
            layout.addWidget(open_button, 0, Qt.AlignmentFlag.AlignTop)
        dismiss = QPushButton(self.tr("Dismiss"), row)
        dismiss.clicked.connect(lambda: self._remove(row))
        layout.addWidget(dismiss, 0, Qt.AlignmentFlag.AlignTop)
        self._layout.insertWidget(0, row)
        self.items.insert(0, (row, title, message, warning_id))
        while len(self.items) > MAX_BANNER_ITEMS:
            self._remove(self.items[-1][0])
        self._place()
        self.show()
        self.raise_()

    def messages(self) -> list[tuple[str, str, str]]:
        return [(title, message, wid) for _w, title, message, wid in self.items]

    def _remove(self, row: QWidget) -> None:
        self.items = [i for i in self.items if i[0] is not row]
        row.hide()
        row.deleteLater()
        if not self.items:
            self.hide()
        else:
            self._place()

    def _place(self) -> None:
        window = self._window
        width = min(BANNER_WIDTH, max(200, window.width() - 24))
        self.setFixedWidth(width)
        self.adjustSize()
        top = 8
        menu = getattr(window, "menuBar", None)
        if callable(menu) and menu() is not None and menu().isVisible():
            top += menu().height()
        self.move(window.width() - width - 12, top)

    def eventFilter(self, watched, event):
        if watched is self._window and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False


class Notifier(QObject):
    """Shows each keyed notification once: in the tray when there is one, else as a banner."""

    activated = Signal(str)      # warning id

    def __init__(self, window: QWidget, parent: QObject | None = None, use_tray: bool | None = None):
        super().__init__(parent or window)
        self.window = window
        self.shown: set = set()
        self.use_tray = QSystemTrayIcon.isSystemTrayAvailable() if use_tray is None else use_tray
        self.tray: QSystemTrayIcon | None = None
        self.banner: NotificationBanner | None = None
        self._last_tray_warning = ""
        self.history: list[tuple[str, str, str, str]] = []    # (channel, title, message, warning id)

    def notify(self, key, title: str, message: str, warning_id: str = "",
               critical: bool = False) -> str:
        """Show it unless this key was shown before; returns "tray", "banner" or "" (already shown)."""
        if key in self.shown:
            return ""
        self.shown.add(key)
        if self.use_tray and self._tray() is not None:
            icon = QSystemTrayIcon.MessageIcon.Critical if critical else QSystemTrayIcon.MessageIcon.Warning
            self._last_tray_warning = warning_id
            self.tray.showMessage(title, message, icon, 15000)
            channel = "tray"
        else:
            self._banner().add(title, message, warning_id)
            channel = "banner"
        self.history.append((channel, title, message, warning_id))
        return channel

    def _tray(self) -> QSystemTrayIcon | None:
        if self.tray is None:
            self.tray = QSystemTrayIcon(app_icon(), self)
            self.tray.setToolTip(self.tr("Portal Desk"))
            self.tray.messageClicked.connect(lambda: self.activated.emit(self._last_tray_warning)
                                             if self._last_tray_warning else None)
            self.tray.show()
            if not self.tray.isVisible() and not QSystemTrayIcon.isSystemTrayAvailable():
                self.use_tray = False
                return None
        return self.tray

    def _banner(self) -> NotificationBanner:
        if self.banner is None:
            self.banner = NotificationBanner(self.window)
            self.banner.open_requested.connect(self.activated.emit)
        return self.banner

    def close(self) -> None:
        if self.tray is not None:
            self.tray.hide()

