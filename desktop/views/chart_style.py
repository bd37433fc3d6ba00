"""Chart style shared by the dashboard, the monthly report and the exports: thefrom PySide6.QtGui import QColor, QPaletteOkabe–Ito palette (safe for colour-blind readers; wherever a colour tells series
apart, a hatch pattern or a label says it too), colours that follow the
application's palette (`chart_colours`, plain strings for the render thread; exported
files are always light), text measuring and wrapping, what a drawn chart records
(`Drawn`, `Target`) and writing a figure to PNG or PDF.

The chart modules: chart_style (this), chart_painter and chart_areas (drawing one
chart from desktop.models.dashboard's data), report_painter (the monthly report's
pages), chart_render (rendering off the UI thread, hit regions), chart_image and
chart_card (the widgets).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from matplotlib.figure import Figure
from PySide6.QtGui import QColor, QPalette


OKABE_ITO = {
    "orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "black": "#000000", "grey": "#999999",
}
TEXT = "#222222"
MUTED = "#555555"
GRID = "#dddddd"
EXPORT_DPI = 200
# room left of an axes for its y tick labels and y axis label, in inches (a little more than they take)
AXES_LEFT_INCHES = 0.8


@dataclass(frozen=True)
class ChartColours:
    """The colours a chart is drawn in, as plain "#rrggbb" strings: made from the application's
    palette on the UI thread (`chart_colours`) and read by the render thread, which sees no Qt
    object. The series keep their Okabe–Ito colours in every scheme; these are the rest."""
    background: str = "#ffffff"             # the figure and the axes (the card's base colour)
    text: str = TEXT
    muted: str = MUTED                      # axis labels, subtitles
    grid: str = GRID
    accent_text: str = OKABE_ITO["blue"]    # text in the series' blue
    alert_text: str = OKABE_ITO["vermillion"]   # text in vermillion (overdue, the deadline)
    marker: str = OKABE_ITO["black"]        # a marker drawn in "black": the text colour on a dark background
    dark: bool = False


LIGHT = ChartColours()


def chart_colours(palette: QPalette) -> ChartColours:
    """The chart colours for a palette (UI thread): its base colour behind, its text colour, its
    mid colour (faded) for the grid; coloured text made readable (4.5:1) on that background."""
    from .. import theme

    role = QPalette.ColorRole
    base = palette.color(role.Base)
    text = palette.color(role.Text)
    if theme.contrast(text, base) < theme.MIN_CONTRAST:     # an odd palette: black or white, whichever reads
        text = QColor("#ffffff") if theme.contrast(QColor("#ffffff"), base) > theme.contrast(QColor("#000000"), base) \
            else QColor("#000000")
    muted = text
    for t in (0.45, 0.4, 0.35, 0.3, 0.25, 0.2, 0.15, 0.1):
        candidate = theme.mix(text, base, t)
        if theme.contrast(candidate, base) >= theme.MIN_CONTRAST:
            muted = candidate
            break
    grid = theme.mix(palette.color(role.Mid), base, 0.35)

    def readable(colour: str) -> QColor:
        c = QColor(colour)
        for t in (0.0, 0.2, 0.4, 0.6, 0.8, 1.0):
            candidate = theme.mix(c, text, t)
            if theme.contrast(candidate, base) >= theme.MIN_CONTRAST:
                return candidate
        return text

    dark = base.lightnessF() < 0.5
    name = QColor.NameFormat.HexRgb
    return ChartColours(background=base.name(name), text=text.name(name), muted=muted.name(name),
                        grid=grid.name(name), accent_text=readable(OKABE_ITO["blue"]).name(name),
                        alert_text=readable(OKABE_ITO["vermillion"]).name(name),
                        marker=text.name(name) if dark else OKABE_ITO["black"], dark=dark)


def figure_colours(owner) -> ChartColours:
    """The colours of the figure that a figure, subfigure or axes belongs to (light unless set)."""
    root = owner.get_figure(root=True) if hasattr(owner, "get_figure") else owner
    return getattr(root, "chart_colours", None) or LIGHT


def luminance(colour: str) -> float:
    """Relative luminance (WCAG) of a matplotlib colour, without Qt (the render thread's)."""
    from matplotlib.colors import to_rgb

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in to_rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def text_width(text: str, size: float, dpi: float, *, bold: bool = False) -> float:
    """How wide `text` is drawn at `size` points, in pixels at `dpi` (the widest of its lines)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextPath

    prop = FontProperties(size=size, weight="bold" if bold else "normal")
    widest = 0.0
    for line in text.split("\n"):
        if line.strip():
            widest = max(widest, TextPath((0, 0), line, prop=prop).get_extents().width)
    return widest * dpi / 72


def wrap_text(text: str, room: float, size: float, dpi: float, *, bold: bool = False) -> str:
    """`text` broken into lines no wider than `room` pixels: between the parts that a dash, a
    dot or a semicolon separates where it can (the separator ends the line), else between words."""
    def fits(line: str) -> bool:
        return text_width(line, size, dpi, bold=bold) <= room

    def greedy(pieces: list[str], joiner: str) -> list[str]:
        lines, line = [], ""
        for piece in pieces:
            candidate = f"{line}{joiner}{piece}" if line else piece
            if line and not fits(candidate):
                lines.append(line)
                line = piece
            else:
                line = candidate
        return lines + [line]

    if fits(text):
        return text
    lines: list[str] = []
    for paragraph in text.split("\n"):
        parts = [p for p in re.split(r"(?<=[—·;]) ", paragraph) if p]
        for line in greedy(parts, " "):
            words: list[str] = []
            for word in line.split(" "):
                if words and word in ("—", "–", "·"):
                    words[-1] += " " + word
                else:
                    words.append(word)
            lines += [line] if fits(line) else greedy(words, " ")
    return "\n".join(lines)


@dataclass
class Target:
    """A clickable artist: `resolve(event)` gives (kind, filter) for `open_list`."""
    artist: Any
    resolve: Callable[[Any], tuple[str, dict] | None]


@dataclass
class Drawn:
    summary: str = ""                       # one plain sentence: what the chart says
    targets: list[Target] = field(default_factory=list)
    hint: str = ""                          # how to use the clicks, when not the usual


def check_export_path(path: str) -> str:
    """The export format a file name asks for: "png" or "pdf"."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in (".png", ".pdf"):
        raise ValueError("a chart is exported as .png or .pdf")
    return suffix[1:]


def export_figure(figure: Figure, path: str) -> None:
    """Save a chart as PNG or PDF, chosen by the file name's suffix; a file is never left half written."""
    kind = check_export_path(path)
    temporary = f"{path}.part"
    try:
        figure.savefig(temporary, format=kind, dpi=EXPORT_DPI, facecolor="white",
                       metadata={"Creator": "Portal Desk"} if kind == "pdf" else {"Software": "Portal Desk"})
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


def _const(kind: str, filt: dict) -> Callable[[Any], tuple[str, dict]]:
    return lambda _event: (kind, filt)
