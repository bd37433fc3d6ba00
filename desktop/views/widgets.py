"""Small widgets used across views. Text from the portal is always plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QWidget


def plain_label(text: str = "", *, wrap: bool = False, selectable: bool = False, parent: QWidget | None = None) -> QLabel:
    """A QLabel that never interprets HTML (a portal text with <img> shows as text)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse |
                                      Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


def heading(text: str, level: int = 1, parent: QWidget | None = None) -> QLabel:
    label = plain_label(text, wrap=True, parent=parent)
    label.setObjectName("heading" if level == 1 else "subheading")
    label.setAccessibleName(text)
    return label


def separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setObjectName("separator")
    return line


def set_column_widths(table, widths) -> None:
    """Set starting widths, never narrower than the (translated) header text."""
    header = table.horizontalHeader()
    for column, width in widths:
        table.setColumnWidth(column, max(width, header.sectionSizeFromContents(column).width() + 8))


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize to width x height, or to what the screen has room for (a 1366x768 laptop)."""
    screen = window.screen() if window.screen() is not None else None
    if screen is None:
        from PySide6.QtGui import QGuiApplication
        screen = QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, int(room.width() * 0.96)), min(height, int(room.height() * 0.92))
    window.resize(width, height)
