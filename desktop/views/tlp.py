"""The Traffic Light Protocol label (FIRST TLP 2.0): coloured text on black.

"TLP:AMBER+STRICT" is written out in full, so the colour is never the only
carrier of the meaning; the tooltip and the accessible description say what the
label allows.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

# FIRST TLP 2.0, "colour-coding in RGB": the font colour on a black background.
TLP_COLOURS = {
    "RED": "#FF2B2B",
    "AMBER": "#FFC000",
    "AMBER+STRICT": "#FFC000",
    "GREEN": "#33FF00",
    "CLEAR": "#FFFFFF",
}
TLP_BACKGROUND = "#000000"


def _t(text: str) -> str:
    return QCoreApplication.translate("tlp", text)


def tlp_text(tlp: str | None) -> str:
    """The label's text: TLP:RED, TLP:AMBER+STRICT, … (the standard's spelling, never translated)."""
    return f"TLP:{tlp}" if tlp else ""


def tlp_meaning(tlp: str | None) -> str:
    return {
        "RED": _t("For the eyes and ears of individual recipients only, no further disclosure."),
        "AMBER+STRICT": _t("Limited disclosure, restricted to the recipient's organisation only."),
        "AMBER": _t("Limited disclosure: recipients may share it on a need-to-know basis within their "
                    "organisation and its clients."),
        "GREEN": _t("Limited disclosure: recipients may share it within their community, not publicly."),
        "CLEAR": _t("Disclosure is not limited: recipients may share it with the world."),
    }.get(tlp or "", "")


def tlp_colour(tlp: str | None) -> QColor:
    return QColor(TLP_COLOURS.get(tlp or "", "#FFFFFF"))


class TlpLabel(QLabel):
    """A TLP label as the standard draws it: bold coloured text on a black box."""

    def __init__(self, tlp: str | None = None, parent: QWidget | None = None, *, point_size: float | None = None):
        super().__init__(parent)
        self.setObjectName("tlpLabel")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._point_size = point_size
        self.tlp: str | None = None
        self.set_tlp(tlp)

    def set_tlp(self, tlp: str | None) -> None:
        self.tlp = tlp
        self.setText(tlp_text(tlp))
        colour = TLP_COLOURS.get(tlp or "", "#FFFFFF")
        size = f"font-size: {self._point_size}pt;" if self._point_size else ""
        self.setStyleSheet(f"QLabel#tlpLabel {{ background-color: {TLP_BACKGROUND}; color: {colour}; "
                           f"font-weight: 700; padding: 2px 8px; border-radius: 3px; {size} }}")
        self.setToolTip(tlp_meaning(tlp))
        self.setAccessibleName(_t("Traffic Light Protocol: %1").replace("%1", tlp or _t("none")))
        self.setAccessibleDescription(tlp_meaning(tlp))
        self.setVisible(bool(tlp))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)


def tlp_roles(tlp: str | None, role) -> object | None:
    """Item-model roles that show a table cell as the TLP label (coloured bold text on
    black), painted by Qt's own delegate; the text is the cell's DisplayRole."""
    if not tlp:
        return None
    if role == Qt.ItemDataRole.BackgroundRole:
        return _cached("background", lambda: QBrush(QColor(TLP_BACKGROUND)))
    if role == Qt.ItemDataRole.ForegroundRole:
        return _cached(tlp, lambda: QBrush(tlp_colour(tlp)))
    if role == Qt.ItemDataRole.FontRole:
        return bold_font()
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return int(Qt.AlignmentFlag.AlignCenter)
    if role == Qt.ItemDataRole.ToolTipRole:
        return tlp_meaning(tlp)
    return None


_CACHE: dict = {}


def _cached(key, make):
    # Built once: item models are asked for these on every repaint.
    value = _CACHE.get(key)
    if value is None:
        value = _CACHE[key] = make()
    return value


def bold_font() -> QFont:
    def make():
        font = QFont()
        font.setBold(True)
        return font
    return _cached("bold", make)
