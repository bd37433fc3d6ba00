"""Charts: matplotlib figures for the dashboard and the monthly report.

`ChartPainter` draws one chart into a matplotlib Figure (or SubFigure) from the
Qt-free data of `desktop.models.dashboard`; it uses Qt only for translations and
the user's date format, so it can run off the UI thread. On screen, a chart is
rendered in one background thread (`render_pool`) with matplotlib's
object-oriented API and Agg only, at the widget's size and device pixel ratio;
`ChartCard` shows the finished pixels, opens the matching list when a bar, point
or cell is clicked (hit-tested against the places the render thread recorded) or
chosen with the arrow keys and Enter, and exports the chart to PNG or PDF, again
rendered in that thread.

The series are in the Okabe–Ito palette (safe for colour-blind readers); wherever
a colour tells series apart, a hatch pattern or a label says it too. Background,
text and grid follow the application's palette, light or dark (`chart_colours`,
handed to the render thread as plain strings); exported files are always light.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import math
import os
import re
import textwrap
import time
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, Callable

import numpy as np
import shiboken6
from matplotlib.dates import DayLocator, HourLocator
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator, PercentFormatter
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QEvent, QLocale, QObject, QPointF, QRectF, QSize,
                            QSizeF, Qt, QThreadPool, QTime, QTimer, Signal)
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import (QFileDialog, QFrame, QHBoxLayout, QMenu, QMessageBox, QPushButton, QVBoxLayout,
                               QWidget)

from ..models import dashboard as model
from ..models import labels
from ..tasks import Op
from .widgets import plain_label

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


class ChartPainter(QObject):
    """Draws the dashboard's charts. Every method clears nothing: it draws into the
    (empty) figure or subfigure it is given and returns what it drew."""

    def __init__(self, tz: dt.tzinfo | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.tz = tz

    # -- words ------------------------------------------------------------------------
    def day(self, day: dt.date, fmt: str = "d MMM") -> str:
        return QLocale().toString(QDate(day.year, day.month, day.day), fmt)

    def _time_axis(self, ax, ticks: int) -> None:
        """Ticks on a time axis: whole days labelled by day over a span of days; within a few
        days the ticks fall on hours and say the time too (day labels repeated there)."""
        low, high = ax.get_xlim()
        if high - low >= 2:
            ax.xaxis.set_major_locator(MaxNLocator(ticks, integer=True))
            ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: self.day(_num_to_date(v))))
            return
        hours = max(1, math.ceil((high - low) * 24 / ticks))
        ax.xaxis.set_major_locator(HourLocator(interval=hours) if hours < 24 else DayLocator())
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: self.day_time(_num_to_naive(v))))

    def day_time(self, naive: dt.datetime) -> str:
        """A wall-clock time already in the user's zone (chart axes hold naive local times),
        on two lines so three of them fit under a narrow panel."""
        qdt = QDateTime(QDate(naive.year, naive.month, naive.day), QTime(naive.hour, naive.minute))
        return QLocale().toString(qdt, "d MMM\nHH:mm")

    def moment(self, value: dt.datetime) -> str:
        local = value.astimezone(self.tz)
        qdt = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        return QLocale().toString(qdt, "d MMM HH:mm")

    def month(self, day: dt.date) -> str:
        return self.day(day, "MMMM yyyy")

    def percent(self, share: float | None) -> str:
        return "–" if share is None else self.tr("%1%").replace("%1", f"{share * 100:.0f}")

    def rule_name(self, rule: str) -> str:
        names = {
            "threshold": self.tr("Count below minimum"), "zero": self.tr("Zero cells"),
            "dominance": self.tr("Dominance (top contributors)"), "p_percent": self.tr("p% rule"),
            "cpr": self.tr("CPR number"), "cvr": self.tr("CVR number"),
            "microdata": self.tr("Row-level microdata"), "needs_person": self.tr("File a person must check"),
            "contributors_mismatch": self.tr("Contributor figures do not match"),
            "contributors_missing": self.tr("Contributor figures missing"),
            "negative_contribution": self.tr("Negative contributions"),
        }
        if rule in names:
            return names[rule]
        if rule.startswith("acro:"):
            return self.tr("ACRO: %1").replace("%1", rule[5:])
        return rule

    def sector_name(self, sector: str) -> str:
        return {"hospital": self.tr("Hospitals"), "gp": self.tr("GPs"), "care_home": self.tr("Care homes"),
                "region": self.tr("Regions"), "municipality": self.tr("Municipalities"),
                "unknown": self.tr("Unknown")}.get(sector, sector)

    def region_name(self, region: str) -> str:
        return {"Capital Region": self.tr("Capital\nRegion"), "Region Zealand": self.tr("Region\nZealand"),
                "Region of Southern Denmark": self.tr("Southern\nDenmark"),
                "Central Denmark Region": self.tr("Central\nDenmark"),
                "North Denmark Region": self.tr("North\nDenmark"), "unknown": self.tr("Unknown")}.get(region, region)

    def risk_name(self, risk: str) -> str:
        return {"base": self.tr("Base"), "elevated": self.tr("Elevated"), "high": self.tr("High")}.get(risk, risk)

    def severity_name(self, severity: str | None) -> str:
        return {"low": self.tr("Low"), "medium": self.tr("Medium"), "high": self.tr("High"),
                "critical": self.tr("Critical")}.get(severity or "", severity or "")

    # -- layout helpers ---------------------------------------------------------------------
    @staticmethod
    def colours(fig) -> ChartColours:
        """The colours the figure (or the figure a subfigure or axes is part of) is drawn in."""
        return figure_colours(fig)

    @staticmethod
    def _frame(ax) -> None:
        c = figure_colours(ax)
        ax.set_facecolor(c.background)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.spines["left"].set_color(c.muted)
        ax.spines["bottom"].set_color(c.muted)
        ax.tick_params(colors=c.text, labelsize=8.5)
        ax.yaxis.grid(True, color=c.grid, linewidth=0.8)
        ax.set_axisbelow(True)

    @staticmethod
    def _legend(ax, **kwargs) -> None:
        ax.legend(fontsize=8, frameon=False, labelcolor=figure_colours(ax).text, **kwargs)

    @staticmethod
    def _room(fig, left_inches: float = 0.0) -> float:
        """The width, in display pixels, that a line of text starting `left_inches` from the
        (sub)figure's left edge has before the right edge (a little margin kept)."""
        return max(40.0, fig.bbox.width - (left_inches + 0.12) * fig.dpi)

    def _title(self, fig, title: str) -> None:
        fig.suptitle(wrap_text(title, self._room(fig), 11.5, fig.dpi, bold=True), x=0.01, ha="left",
                     fontsize=11.5, fontweight="bold", color=figure_colours(fig).text)

    def _subtitle(self, ax, text: str) -> None:
        # the subtitle starts at the axes' left edge: the y tick labels and the axis label lie to its left
        fig = ax.get_figure(root=False)
        ax.set_title(wrap_text(text, self._room(fig, AXES_LEFT_INCHES), 8.5, fig.dpi), loc="left", fontsize=8.5,
                     color=figure_colours(ax).muted, pad=8)

    def _xlabel(self, ax, text: str) -> None:
        fig = ax.get_figure(root=False)
        ax.set_xlabel(wrap_text(text, self._room(fig, AXES_LEFT_INCHES), 8.5, fig.dpi), fontsize=8.5,
                      color=figure_colours(ax).muted)

    def _empty(self, fig, title: str, message: str) -> Drawn:
        c = self.colours(fig)
        self._title(fig, title)
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=10, color=c.muted, transform=ax.transAxes,
                wrap=True)
        return Drawn(summary=f"{title}: {message}")

    def _week_ticks(self, ax, weeks: list[dt.date]) -> None:
        """One tick per week; as many labels (the latest week's always) as fit side by side
        in the width the axes will have, in the locale's words."""
        fig = ax.get_figure(root=False)
        labels = [self.day(w) for w in weeks]
        size = 8
        widest = max((text_width(t, size, fig.dpi) for t in labels), default=0.0)
        gap = size * fig.dpi / 72                       # an em between two labels
        low, high = ax.get_xlim()                       # the bars are drawn: the weeks and the margins
        slot = self._room(fig, AXES_LEFT_INCHES) / max(1.0, high - low, len(weeks))
        step = next((k for k in range(1, len(weeks) + 1) if k * slot >= widest + gap), max(1, len(weeks)))
        last = len(weeks) - 1
        ax.set_xticks(range(len(weeks)))
        ax.set_xticklabels([t if (last - n) % step == 0 else "" for n, t in enumerate(labels)], fontsize=size)
        self._xlabel(ax, self.tr("Week starting Monday"))

    @staticmethod
    def _bar_labels(ax, bars, values, *, inside: bool = False, fmt=str, color=None, size=8) -> None:
        c = figure_colours(ax)
        for bar, value in zip(bars, values):
            if value is None:
                continue
            x = bar.get_x() + bar.get_width() / 2
            y = bar.get_y() + (bar.get_height() / 2 if inside else bar.get_height())
            # inside a bar, a small box of the background keeps the number legible over colour and hatching
            ax.annotate(fmt(value), (x, y), xytext=(0, 0 if inside else 2), textcoords="offset points",
                        ha="center", va="center" if inside else "bottom", fontsize=size, color=color or c.text,
                        bbox={"boxstyle": "round,pad=0.2", "facecolor": c.background, "edgecolor": "none"}
                        if inside else None)

    # -- caseworkers --------------------------------------------------------------------------
    def pending_age(self, fig, area: model.ApplicationsArea) -> Drawn:
        c = self.colours(fig)
        pending = area.pending
        title = self.tr("Applications waiting for a decision, by age")
        if not pending.total:
            return self._empty(fig, title, self.tr("No application is waiting for a decision."))
        ax = fig.add_subplot()
        self._frame(ax)
        labels = []
        for low, high in pending.buckets:
            labels.append(self.tr("%1–%2").replace("%1", str(low)).replace("%2", str(high)) if high is not None
                          else self.tr("over %1").replace("%1", str(low - 1)))
        x = range(len(labels))
        styles = {"submitted": (self.tr("No approval yet"), OKABE_ITO["vermillion"], "//"),
                  "in_review": (self.tr("Some approvals"), OKABE_ITO["sky"], "")}
        bottom = [0] * len(labels)
        targets = []
        for status in model.PENDING_STATUSES:
            counts = pending.counts(status)
            name, colour, hatch = styles[status]
            bars = ax.bar(x, counts, bottom=bottom, color=colour, hatch=hatch, edgecolor=c.background, linewidth=0.8,
                          label=name, width=0.62)
            for n, bar in enumerate(bars):
                if counts[n]:
                    bar.set_picker(True)
                    targets.append(Target(bar, _const("application", {
                        "status": status, "ids": pending.bucket_ids(n, status),
                        "label": self.tr("%1, %2 working days").replace("%1", name).replace("%2", labels[n])})))
            self._bar_labels(ax, bars, [c if c else None for c in counts], inside=True, size=8)
            bottom = [b + c for b, c in zip(bottom, counts)]
        totals = pending.counts()
        for n, total in enumerate(totals):
            ax.annotate(str(total), (n, total), xytext=(0, 3), textcoords="offset points", ha="center",
                        va="bottom", fontsize=9, fontweight="bold", color=c.text)
        ax.set_xticks(list(x))
        ax.set_xticklabels(labels)
        self._xlabel(ax, self.tr("Age in working days (Mon–Fri; Danish public holidays not counted)")
                     if not pending.holidays_counted else self.tr("Age in working days (Mon–Fri)"))
        ax.set_ylabel(self.tr("Applications"), fontsize=8.5, color=c.muted)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylim(0, max(totals) * 1.18 + 0.5)
        self._legend(ax, loc="upper right")
        past = [pending.past(d) for d in model.AGE_THRESHOLDS]
        subtitle = (self.tr("%1 waiting on %2 — past 5 working days: %3 · past 10: %4 · past 20: %5")
                    .replace("%1", str(pending.total)).replace("%2", self.day(pending.as_of, "d MMM yyyy"))
                    .replace("%3", str(past[0])).replace("%4", str(past[1])).replace("%5", str(past[2])))
        self._subtitle(ax, subtitle)
        self._title(fig, title)
        return Drawn(f"{title}. {subtitle}.", targets)

    def approvals(self, fig, area: model.ApplicationsArea, period: str, *, show_mine: bool = True) -> Drawn:
        c = self.colours(fig)
        weekly = area.approvals
        title = self.tr("Approvals given per week")
        ax = fig.add_subplot()
        self._frame(ax)
        x = list(range(len(weekly.weeks)))
        mine, others = weekly.counts("mine"), weekly.counts("others")
        targets = []
        layers = [("others", others, self.tr("By colleagues"), OKABE_ITO["sky"], "")]
        if show_mine:
            layers.insert(0, ("mine", mine, self.tr("By you"), OKABE_ITO["blue"], ".."))
        else:
            others = [a + b for a, b in zip(mine, others)]
            layers = [("all", others, self.tr("Approvals"), OKABE_ITO["sky"], "")]
        bottom = [0] * len(x)
        for key, counts, name, colour, hatch in layers:
            bars = ax.bar(x, counts, bottom=bottom, color=colour, hatch=hatch, edgecolor=c.background, linewidth=0.8,
                          label=name, width=0.7)
            for n, bar in enumerate(bars):
                if counts[n]:
                    ids = (weekly.series["mine"][n] + weekly.series["others"][n]) if key == "all" \
                        else weekly.series[key][n]
                    bar.set_picker(True)
                    targets.append(Target(bar, _const("application", {
                        "ids": sorted(set(ids)), "label": self.tr("%1, week of %2").replace("%1", name)
                        .replace("%2", self.day(weekly.weeks[n]))})))
            bottom = [b + c for b, c in zip(bottom, counts)]
        for n, total in enumerate(bottom):
            ax.annotate(str(total), (n, total), xytext=(0, 2), textcoords="offset points", ha="center",
                        va="bottom", fontsize=8, color=c.text if total else c.muted)
        self._week_ticks(ax, weekly.weeks)
        ax.set_ylabel(self.tr("Approvals"), fontsize=8.5, color=c.muted)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylim(0, max(bottom + [1]) * 1.2)
        self._legend(ax, loc="upper left")
        total = sum(bottom)
        subtitle = self.tr("%1: %2 approvals").replace("%1", period).replace("%2", str(total))
        if show_mine:
            subtitle += self.tr(", %1 of them by you").replace("%1", str(sum(mine)))
        self._subtitle(ax, subtitle)
        self._title(fig, title)
        return Drawn(f"{title}. {subtitle}.", targets)

    def queue(self, fig, area: model.ApplicationsArea, period: str) -> Drawn:
        c = self.colours(fig)
        series = area.queue
        title = self.tr("Applications waiting for a decision over time")
        if not series.days:
            return self._empty(fig, title, self.tr("No days in this period."))
        ax = fig.add_subplot()
        self._frame(ax)
        counts = series.counts()
        x = [dt.datetime.combine(d, dt.time(12)) for d in series.days]
        ax.fill_between(x, counts, step="mid", color=OKABE_ITO["sky"], alpha=0.25, linewidth=0)
        line, = ax.plot(x, counts, drawstyle="steps-mid", color=OKABE_ITO["blue"], linewidth=1.8,
                        marker="o", markersize=2.5, label=self.tr("Waiting at the end of the day"))
        line.set_picker(True)
        line.set_pickradius(6)

        def resolve(event):
            if not len(getattr(event, "ind", [])):
                return None
            n = int(event.ind[len(event.ind) // 2])
            return "application", {"ids": series.ids[n], "label": self.tr("Waiting at the end of %1")
                                   .replace("%1", self.day(series.days[n]))}

        ax.annotate(str(counts[-1]), (x[-1], counts[-1]), xytext=(4, 4), textcoords="offset points",
                    fontsize=9, fontweight="bold", color=c.accent_text)
        # whole days only: a tick between two days repeated the day's label
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: self.day(_num_to_date(v))))
        ax.xaxis.set_major_locator(MaxNLocator(7, integer=True))
        ax.set_ylabel(self.tr("Applications"), fontsize=8.5, color=c.muted)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylim(0, max(counts + [1]) * 1.18)
        peak = max(counts)
        subtitle = (self.tr("%1: %2 at the start, %3 at the end, at most %4 — end of each day, "
                            "rebuilt from submissions and decisions")
                    .replace("%1", period).replace("%2", str(counts[0])).replace("%3", str(counts[-1]))
                    .replace("%4", str(peak)))
        self._subtitle(ax, subtitle)
        self._title(fig, title)
        return Drawn(f"{title}. {subtitle}.", [Target(line, resolve)])

    # -- supervisors ---------------------------------------------------------------------------
    def outputs_weekly(self, fig, area: model.OutputsArea, period: str) -> Drawn:
        c = self.colours(fig)
        weekly = area.weekly
        title = self.tr("Outputs submitted, sampled and withheld per week")
        ax = fig.add_subplot()
        self._frame(ax)
        styles = [("submitted", self.tr("Submitted"), OKABE_ITO["blue"], ""),
                  ("sampled", self.tr("Sampled for a person"), OKABE_ITO["orange"], "//"),
                  ("withheld", self.tr("Withheld"), OKABE_ITO["vermillion"], "xx")]
        width = 0.27
        targets = []
        top = 1
        for k, (key, name, colour, hatch) in enumerate(styles):
            counts = weekly.counts(key)
            top = max([top] + counts)
            xs = [n + (k - 1) * width for n in range(len(weekly.weeks))]
            bars = ax.bar(xs, counts, width=width, color=colour, hatch=hatch, edgecolor=c.background, linewidth=0.6,
                          label=name)
            for n, bar in enumerate(bars):
                if counts[n]:
                    bar.set_picker(True)
                    filt = {"ids": weekly.series[key][n], "label": self.tr("%1, week of %2").replace("%1", name)
                            .replace("%2", self.day(weekly.weeks[n]))}
                    if key == "withheld":
                        filt["status"] = "withheld"
                    targets.append(Target(bar, _const("output", filt)))
            self._bar_labels(ax, bars, [c if c else None for c in counts], size=7)
        self._week_ticks(ax, weekly.weeks)
        ax.set_ylabel(self.tr("Outputs"), fontsize=8.5, color=c.muted)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylim(0, top * 1.2)
        self._legend(ax, loc="upper left", ncols=3)
        subtitle = (self.tr("%1, by week of submission: %2 submitted, %3 sampled, %4 withheld")
                    .replace("%1", period).replace("%2", str(weekly.total("submitted")))
                    .replace("%3", str(weekly.total("sampled"))).replace("%4", str(weekly.total("withheld"))))
        self._subtitle(ax, subtitle)
        self._title(fig, title)
        return Drawn(f"{title}. {subtitle}.", targets)

    def sample_rates(self, fig, area: model.OutputsArea, period: str) -> Drawn:
        ink = self.colours(fig)
        rates = area.rates
        title = self.tr("Random sample rate by risk class")
        if not rates.drawn:
            return self._empty(fig, title, self.tr("No output was drawn in this period."))
        ax = fig.add_subplot()
        self._frame(ax)
        classes = rates.classes
        x = list(range(len(classes)))
        observed = [c.rate or 0 for c in classes]
        bars = ax.bar(x, observed, width=0.55, color=OKABE_ITO["sky"], edgecolor=OKABE_ITO["blue"],
                      linewidth=0.8, label=self.tr("Sampled (observed)"))
        low = [c.rate - c.interval()[0] if c.drawn else 0 for c in classes]
        high = [c.interval()[1] - c.rate if c.drawn else 0 for c in classes]
        ax.errorbar(x, observed, yerr=[low, high], fmt="none", ecolor=ink.muted, elinewidth=1, capsize=4,
                    label=self.tr("95% interval"))
        expected = [c.expected for c in classes]
        ax.scatter([i for i, e in zip(x, expected) if e is not None], [e for e in expected if e is not None],
                   marker="D", s=36, color=ink.marker, zorder=5, label=self.tr("Configured probability"))
        targets = []
        for n, (bar, c) in enumerate(zip(bars, classes)):
            if c.drawn:
                bar.set_picker(True)
                targets.append(Target(bar, _const("output", {
                    "ids": c.sampled or c.drawn,
                    "label": self.tr("Sampled outputs, risk class %1").replace("%1", self.risk_name(c.risk_class))})))
                text = self.tr("%1 of %2").replace("%1", str(len(c.sampled))).replace("%2", str(len(c.drawn)))
                ax.annotate(text, (n + 0.3, c.rate), xytext=(3, 0), textcoords="offset points", fontsize=8,
                            va="center", ha="left", color=ink.text)
        ax.set_xticks(x)
        ax.set_xticklabels([self.tr("%1\n(%2 drawn)").replace("%1", self.risk_name(c.risk_class))
                            .replace("%2", str(len(c.drawn))) for c in classes], fontsize=8.5)
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.set_ylim(0, 1.0)
        ax.set_xlim(-0.6, len(classes) - 0.1)
        ax.set_ylabel(self.tr("Share of outputs sampled"), fontsize=8.5, color=ink.muted)
        self._legend(ax, loc="upper right")
        base = self.percent(rates.base_rate) if rates.base_rate is not None else "–"
        subtitle = (self.tr("%1: %2 draws; base rate %3, raised by risk factors")
                    .replace("%1", period).replace("%2", str(rates.drawn)).replace("%3", base))
        self._subtitle(ax, subtitle)
        self._title(fig, title)
        parts = [self.tr("%1: %2 sampled, configured %3").replace("%1", self.risk_name(c.risk_class))
                 .replace("%2", self.percent(c.rate)).replace("%3", self.percent(c.expected))
                 for c in classes if c.drawn]
        return Drawn(f"{title}. {subtitle}. " + "; ".join(parts) + ".", targets)

    def findings(self, fig, area: model.OutputsArea, period: str) -> Drawn:
        c = self.colours(fig)
        rules = area.rules
        title = self.tr("Automatic-check findings by rule")
        if not rules:
            return self._empty(fig, title, self.tr("No findings in this period."))
        ax = fig.add_subplot()
        self._frame(ax)
        ax.yaxis.grid(False)
        ax.xaxis.grid(True, color=c.grid, linewidth=0.8)
        shown = rules[:8]
        y = list(range(len(shown)))[::-1]
        counts = [len(r.outputs) for r in shown]
        bars = ax.barh(y, counts, color=OKABE_ITO["blue"], height=0.6)
        targets = []
        for bar, rule, count in zip(bars, shown, counts):
            bar.set_picker(True)
            targets.append(Target(bar, _const("output", {
                "ids": rule.outputs, "label": self.tr("Outputs with findings: %1").replace("%1", self.rule_name(rule.rule))})))
            text = self.tr("%n output(s)", "", count)
            if rule.findings != count:
                text += self.tr(" (%1 findings)").replace("%1", str(rule.findings))
            ax.annotate(text, (count, bar.get_y() + bar.get_height() / 2), xytext=(4, 0),
                        textcoords="offset points", va="center", fontsize=8, color=c.text)
        ax.set_yticks(y)
        ax.set_yticklabels([self.rule_name(r.rule) for r in shown], fontsize=8.5)
        ax.set_xlim(0, max(counts) * 1.45 + 0.5)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        self._xlabel(ax, self.tr("Outputs with at least one finding of the rule"))
        flagged = len({o for r in rules for o in r.outputs})
        subtitle = self.tr("%1: %2 outputs flagged").replace("%1", period).replace("%2", str(flagged))
        if len(rules) > len(shown):
            subtitle += self.tr("; %1 more rules not shown").replace("%1", str(len(rules) - len(shown)))
        self._subtitle(ax, subtitle)
        self._title(fig, title)
        return Drawn(f"{title}. {subtitle}. " + "; ".join(
            f"{self.rule_name(r.rule)}: {len(r.outputs)}" for r in rules) + ".", targets)

    # -- coordinators ----------------------------------------------------------------------------
    def ack_curves(self, fig, area: model.WarningsArea, *, limit: int = 6, heading: str | None = None) -> Drawn:
        c = self.colours(fig)
        curves = area.curves
        title = heading or self.tr("Acknowledgements of open warnings against their deadline")
        if not curves:
            return self._empty(fig, title, self.tr("No warning is open."))
        shown = curves[:limit]
        columns = min(3, len(shown))
        rows = math.ceil(len(shown) / columns)
        axes = fig.subplots(rows, columns, squeeze=False, sharey=True)
        # a panel's title fits its width: about 15 characters of 8-point text per inch
        title_chars = max(16, int(fig.bbox.width / fig.dpi / columns * 14.5) - 4)
        targets = []
        summary = []
        for n, ax in enumerate(axes.flat):
            if n >= len(shown):
                ax.set_axis_off()
                continue
            curve = shown[n]
            self._frame(ax)
            total = len(curve.addressed) or 1
            times = curve.times
            end = curve.as_of
            xs = [curve.sent_at] + times + [end]
            ys = [0] + [(i + 1) / total for i in range(len(times))] + [len(times) / total]
            line, = ax.plot([t.astimezone(self.tz).replace(tzinfo=None) for t in xs], ys, drawstyle="steps-post",
                            color=OKABE_ITO["blue"], linewidth=1.8)
            line.set_picker(True)
            line.set_pickradius(6)
            targets.append(Target(line, _const("warning", {"ids": [curve.warning_id], "label": curve.title})))
            ax.axhline(1.0, color=c.grid, linewidth=1, zorder=0.5)
            if curve.due_at is not None:
                due = curve.due_at.astimezone(self.tz).replace(tzinfo=None)
                ax.axvline(due, color=OKABE_ITO["vermillion"], linestyle="--", linewidth=1.3)
                ax.annotate(self.tr("deadline"), (due, 0.02), xytext=(3, 0), textcoords="offset points",
                            fontsize=7.5, color=c.alert_text, rotation=90, va="bottom")
                if curve.overdue:
                    by_due = (curve.acked_by_due or 0) / total
                    ax.plot([due], [by_due], marker="o", markersize=5, color=OKABE_ITO["vermillion"], zorder=5)
            # the band above 100 % holds the status text, so it never covers the curve
            ax.set_ylim(0, 1.34)
            ax.set_yticks([0, 0.25, 0.5, 0.75, 1.0])
            ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
            self._time_axis(ax, ticks=3)
            ax.tick_params(labelsize=7.5)
            ax.set_title(f"{curve.warning_id} · {self.severity_name(curve.severity)}\n"
                         + textwrap.shorten(curve.title, width=title_chars, placeholder="…"),
                         loc="left", fontsize=8, color=c.text)
            missing = len(curve.missing())
            status = (self.tr("%1 of %2 acknowledged").replace("%1", str(curve.acked_now))
                      .replace("%2", str(len(curve.addressed))))
            if curve.overdue:
                status += "\n" + (self.tr("%1 by the deadline · %2 overdue").replace("%1", self.percent(
                    (curve.acked_by_due or 0) / total)).replace("%2", str(missing)))
            elif curve.due_at is not None:
                status += "\n" + self.tr("due %1").replace("%1", self.moment(curve.due_at))
            ax.text(0.98, 0.985, status, transform=ax.transAxes, ha="right", va="top", fontsize=7.5, zorder=6,
                    color=c.alert_text if curve.overdue and missing else c.text,
                    bbox={"boxstyle": "square,pad=0.15", "facecolor": c.background, "edgecolor": "none"})
            if n % columns == 0:
                ax.set_ylabel(self.tr("Acknowledged"), fontsize=8, color=c.muted)
            summary.append(f"{curve.warning_id}: {status.replace(chr(10), ', ')}")
        subtitle = self.tr("Share of the addressed organisations that acknowledged; dashed line: the deadline; "
                           "dot: the share at the deadline")
        if len(curves) > len(shown):
            subtitle += self.tr(" · the %1 most recent of %2 shown").replace("%1", str(len(shown))) \
                .replace("%2", str(len(curves)))
        self._title(fig, title)
        fig.supxlabel(wrap_text(subtitle, self._room(fig), 8.5, fig.dpi), x=0.01, ha="left", fontsize=8.5,
                      color=c.muted)
        return Drawn(f"{title}. " + "; ".join(summary) + ".", targets,
                     self.tr("Click a curve to open its warning."))

    def overdue(self, fig, area: model.WarningsArea, *, by_deadline: bool = False) -> Drawn:
        c = self.colours(fig)
        matrix = area.overdue
        title = (self.tr("Recipients that missed an acknowledgement deadline, by sector and region") if by_deadline
                 else self.tr("Recipients overdue with an acknowledgement, by sector and region"))
        if not matrix.total:
            return self._empty(fig, title, self.tr("No recipient is overdue.") if not by_deadline
                               else self.tr("Every recipient acknowledged in time."))
        sectors = [s for s in matrix.sectors if s in model.SECTORS or matrix.sector_total(s)]
        regions = [r for r in matrix.regions if r in model.REGIONS or matrix.region_total(r)]
        ax = fig.add_subplot()
        values = [[matrix.count(s, r) for r in regions] for s in sectors]
        peak = max(max(row) for row in values) or 1
        if c.dark:      # on a dark background an empty cell is dark too, and more is brighter
            from matplotlib.colors import LinearSegmentedColormap
            cmap = LinearSegmentedColormap.from_list("cells", [c.grid, OKABE_ITO["blue"], OKABE_ITO["sky"]])
        else:
            cmap = "Blues"
        image = ax.imshow(values, cmap=cmap, vmin=0, vmax=peak * 1.15, aspect="auto")
        image.set_picker(True)
        for i, row in enumerate(values):
            for j, value in enumerate(row):
                # a number in white or near-black, whichever reads on its cell's colour
                cell = image.cmap(image.norm(value))
                ink = "#ffffff" if luminance(cell[:3]) < 0.18 else "#1a1a1a"
                ax.text(j, i, str(value) if value else "·", ha="center", va="center", fontsize=9,
                        fontweight="bold" if value else "normal", color=ink if value else c.muted)

        def resolve(event):
            mouse = event.mouseevent
            if mouse.xdata is None or mouse.ydata is None:
                return None
            j, i = int(round(mouse.xdata)), int(round(mouse.ydata))
            if not (0 <= i < len(sectors) and 0 <= j < len(regions)) or not values[i][j]:
                return None
            return "warning", {"ids": matrix.warning_ids(sectors[i], regions[j]),
                               "org_ids": matrix.cells.get((sectors[i], regions[j]), []),
                               "label": f"{self.sector_name(sectors[i])}, {self.region_name(regions[j])}"
                               .replace("\n", " ")}

        ax.set_xticks(range(len(regions)))
        ax.set_xticklabels([f"{self.region_name(r)}\n({matrix.region_total(r)})" for r in regions], fontsize=8)
        ax.set_yticks(range(len(sectors)))
        ax.set_yticklabels([f"{self.sector_name(s)} ({matrix.sector_total(s)})" for s in sectors], fontsize=8.5)
        ax.tick_params(length=0, colors=c.text)
        for side in ax.spines.values():
            side.set_visible(False)
        ax.set_xticks([x - 0.5 for x in range(1, len(regions))], minor=True)
        ax.set_yticks([y - 0.5 for y in range(1, len(sectors))], minor=True)
        ax.grid(which="minor", color=c.background, linewidth=2)
        ax.tick_params(which="minor", length=0)
        subtitle = (self.tr("%1 organisations; number of organisations in each cell (totals in brackets)")
                    .replace("%1", str(matrix.total)))
        self._subtitle(ax, subtitle)
        self._title(fig, title)
        parts = [f"{self.sector_name(s)}: {matrix.sector_total(s)}" for s in sectors if matrix.sector_total(s)]
        return Drawn(f"{title}. {subtitle}. " + "; ".join(parts) + ".", [Target(image, resolve)],
                     self.tr("Click a cell to open the warnings those organisations are overdue on."))


def _num_to_naive(value: float) -> dt.datetime:
    from matplotlib.dates import num2date
    return num2date(value).replace(tzinfo=None)


def _num_to_date(value: float) -> dt.date:
    from matplotlib.dates import num2date
    return num2date(value).date()


# -- the monthly report's pages ---------------------------------------------------------------------
class ReportPainter(QObject):
    """Lays out one page per area: heading, table of numbers, three figures."""

    def __init__(self, charts, data: model.DashboardData, cache):
        super().__init__()
        self.charts = charts
        self.data = data
        self.cache = cache

    def document_title(self) -> str:
        return self.tr("Portal Desk monthly report, %1").replace("%1", self.charts.month(self.data.first_day))

    def area_title(self, area: str) -> str:
        return {"applications": self.tr("Project applications"), "outputs": self.tr("Output checks"),
                "warnings": self.tr("Security warnings")}[area]

    def page(self, figure, area: str, *, show_mine: bool) -> None:
        charts, data = self.charts, self.data
        month = charts.month(data.first_day)
        period = month
        figure.suptitle(f"{self.area_title(area)} — {month}", x=0.02, ha="left", fontsize=16, fontweight="bold")
        if area == "warnings":
            parts = figure.subfigures(3, 1, height_ratios=[1.25, 3.4, 2.4])
        elif area == "outputs":
            parts = figure.subfigures(4, 1, height_ratios=[1.8, 2.1, 2.1, 2.1])
        else:
            parts = figure.subfigures(4, 1, height_ratios=[1.25, 2.2, 2.2, 2.2])
        self.table(parts[0], self.numbers(area))
        if area == "applications":
            apps = data.applications
            charts.pending_age(parts[1], apps)
            charts.approvals(parts[2], apps, period, show_mine=show_mine)
            charts.queue(parts[3], apps, period)
        elif area == "outputs":
            outs = data.outputs
            charts.outputs_weekly(parts[1], outs, period)
            charts.sample_rates(parts[2], outs, period)
            charts.findings(parts[3], outs, period)
        else:
            warns = data.warnings
            charts.ack_curves(parts[1], warns, heading=self.tr("Acknowledgements of the warnings sent in %1")
                              .replace("%1", month))
            charts.overdue(parts[2], warns, by_deadline=True)
        synced = None
        try:
            synced = self.cache.meta().get("last_sync_at")
        except Exception:   # a report from a cache without meta still says when it was made
            synced = None
        footer = self.tr("Portal Desk · made %1 from the offline copy").replace(
            "%1", charts.moment(dt.datetime.now(dt.timezone.utc)))
        if synced and (when := model.parse_time(synced)):
            footer += self.tr(" (last synced %1)").replace("%1", charts.moment(when))
        if area == "applications":
            footer += "\n" + self.tr("Working days: Monday to Friday; Danish public holidays are not counted.")
        figure.supxlabel(footer, x=0.02, ha="left", fontsize=7.5, color="#555555")

    def numbers(self, area: str) -> list[tuple[str, str]]:
        pct = self.charts.percent
        if area == "applications":
            n = self.data.applications.numbers
            median = n["median_days_to_decision"]
            return [
                (self.tr("Applications received (resubmissions included)"), str(n["received"])),
                (self.tr("Decisions: approved / rejected / returned"),
                 f"{n['approved']} / {n['rejected']} / {n['returned']}"),
                (self.tr("Approvals given by caseworkers"), str(n["approvals"])),
                (self.tr("Median working days from submission to decision"),
                 "–" if median is None else f"{median:g}"),
                (self.tr("Waiting for a decision at the end of the month"), str(n["pending"])),
                (self.tr("… of which past 5 / 10 / 20 working days"),
                 f"{n['past_5']} / {n['past_10']} / {n['past_20']}"),
            ]
        if area == "outputs":
            n = self.data.outputs.numbers
            return [
                (self.tr("Outputs submitted"), str(n["submitted"])),
                (self.tr("Flagged by the automatic check (review or fail)"), str(n["flagged"])),
                (self.tr("Sampled for a person: random / risk-based / management"),
                 f"{n['sampled']} ({n['sampled_random']} / {n['sampled_risk']} / {n['sampled_management']})"),
                (self.tr("Of this month's outputs: released / withheld so far"), f"{n['released']} / {n['withheld']}"),
                (self.tr("Held for a person now (all months)"), str(n["held_now"])),
            ] + self.turnaround_rows()
        n = self.data.warnings.numbers
        acknowledged = n["acknowledged"] / n["recipients"] if n["recipients"] else None
        return [
            (self.tr("Warnings sent"), str(n["warnings"])),
            (self.tr("Organisations addressed (one per warning)"), str(n["recipients"])),
            (self.tr("Acknowledged by the deadline"), pct(n["in_time_share"])),
            (self.tr("Acknowledged by the end of the month"), f"{n['acknowledged']} ({pct(acknowledged)})"),
            (self.tr("Organisations that missed a deadline"), str(n["overdue_organisations"])),
        ]

    def turnaround_rows(self) -> list[tuple[str, str]]:
        """The month's turnaround, as GET /outputs/metrics counts it (rules/turnaround.py)."""
        from rules import turnaround
        first = self.data.first_day
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        try:
            outputs = self.cache.rows("output", self.cache.output_ids())
        except Exception:   # a cache without outputs' table: the figures are left out
            return []
        total = turnaround.weekly_metrics(outputs, first, last)["total"]

        def hours(value):
            return "–" if value is None else f"{value:.1f}"
        reasons = ", ".join(f"{labels.withhold_reason(code)} {count}"
                            for code, count in sorted(total["withhold_reasons"].items(), key=lambda kv: -kv[1]))
        return [
            (self.tr("Decided by a supervisor: median / 90th percentile hours"),
             f"{hours(total['median_hours'])} / {hours(total['p90_hours'])}"),
            (self.tr("Decided within 5 working days (Danish public holidays not counted)"),
             self.charts.percent(total["within_target_share"])),
            (self.tr("Withhold reasons"), reasons or "–"),
        ]

    def table(self, figure, rows: list[tuple[str, str]]) -> None:
        ax = figure.add_subplot()
        ax.set_axis_off()
        figure.suptitle(self.tr("In numbers"), x=0.01, ha="left", fontsize=11.5, fontweight="bold")
        table = ax.table(cellText=[[label, value] for label, value in rows], colWidths=[0.72, 0.28],
                         cellLoc="left", loc="upper left", edges="horizontal")
        table.auto_set_font_size(False)
        table.set_fontsize(9.5)
        table.scale(1, 1.35)
        for (row, column), cell in table.get_celld().items():
            cell.set_edgecolor("#cccccc")
            if column == 1:
                cell.get_text().set_ha("right")
                cell.get_text().set_fontweight("bold")


# -- rendering, off the UI thread ---------------------------------------------------------------------
SCREEN_DPI = 100        # one inch of a figure is 100 logical pixels on screen, as in matplotlib's Qt canvas
_pool: QThreadPool | None = None


def render_pool() -> QThreadPool:
    """The one thread that renders the charts: one figure at a time, never on the UI thread."""
    global _pool
    if _pool is None or not shiboken6.isValid(_pool):
        app = QCoreApplication.instance()
        _pool = QThreadPool(app)
        _pool.setObjectName("chart-rendering")
        _pool.setMaxThreadCount(1)
        if app is not None:
            app.aboutToQuit.connect(_pool.clear)      # queued renders are dropped at exit
    return _pool


@dataclass(eq=False)
class HitBox:
    """A clickable bar or heatmap cell: a rectangle in the image's logical pixels (origin top left)."""
    left: float
    top: float
    right: float
    bottom: float
    result: tuple[str, dict]
    cell: bool = False                      # a heatmap cell (read row by row), not a bar (left to right)

    def hit(self, x: float, y: float) -> tuple[str, dict] | None:
        return self.result if self.left <= x <= self.right and self.top <= y <= self.bottom else None

    def anchor(self) -> tuple[float, float]:
        return (self.left + self.right) / 2, (self.top + self.bottom) / 2


@dataclass(eq=False)
class HitTrace:
    """A clickable line: its drawn vertices in logical pixels, how near a click must be, and
    what each of its data points opens (a click opens the point nearest the middle of the hit)."""
    xs: tuple[float, ...]
    ys: tuple[float, ...]
    radius: float
    steps: bool                             # a step line draws two vertices per data point
    results: tuple[tuple[str, dict] | None, ...]
    points: tuple[tuple[float, float], ...] = ()    # each data point, in logical pixels

    def hit(self, x: float, y: float) -> tuple[str, dict] | None:
        from matplotlib.lines import segment_hits

        with np.errstate(all="ignore"):            # a step line has segments of length 0
            ind = segment_hits(x, y, np.asarray(self.xs), np.asarray(self.ys), self.radius)
        if self.steps:
            ind = ind // 2
        if not len(ind):
            return None
        n = int(ind[len(ind) // 2])
        return self.results[n] if 0 <= n < len(self.results) else None

    def anchor(self) -> tuple[float, float]:
        n = len(self.xs) // 2
        return self.xs[n], self.ys[n]


class _Pick:
    """What a Target's `resolve` reads, shaped like matplotlib's PickEvent."""

    def __init__(self, artist, *, ind=(), x=None, y=None, xdata=None, ydata=None):
        self.artist = artist
        self.ind = list(ind)
        self.mouseevent = SimpleNamespace(x=x, y=y, xdata=xdata, ydata=ydata, inaxes=getattr(artist, "axes", None))


def hit_regions(targets: list[Target], height: float, ratio: float) -> list[HitBox | HitTrace]:
    """Where the clickable artists of a drawn figure lie in its image, and what each opens.
    matplotlib counts device pixels from the bottom; the image counts logical ones from the top."""
    from matplotlib.cbook import STEP_LOOKUP_MAP
    from matplotlib.image import AxesImage
    from matplotlib.lines import Line2D

    def box(x0, y0, x1, y1, result) -> HitBox:
        return HitBox(min(x0, x1) / ratio, (height - max(y0, y1)) / ratio,
                      max(x0, x1) / ratio, (height - min(y0, y1)) / ratio, result)

    regions: list[HitBox | HitTrace] = []
    for target in targets:
        artist = target.artist
        if isinstance(artist, Line2D):
            xy = np.asarray(artist.get_xydata(), dtype=float)
            style = artist.get_drawstyle() or "default"
            vertices = np.column_stack(STEP_LOOKUP_MAP[style](*xy.T)) if style.startswith("steps") else xy
            points = artist.get_transform().transform(vertices)
            dpi = artist.get_figure(root=True).dpi
            data = artist.get_transform().transform(xy)
            regions.append(HitTrace(tuple(points[:, 0] / ratio), tuple((height - points[:, 1]) / ratio),
                                    artist.get_pickradius() * dpi / 72 / ratio, style.startswith("steps"),
                                    tuple(target.resolve(_Pick(artist, ind=[n])) for n in range(len(xy))),
                                    tuple((float(x) / ratio, float(height - y) / ratio) for x, y in data)))
        elif isinstance(artist, AxesImage):
            rows, columns = np.shape(artist.get_array())[:2]
            x0, x1, y0, y1 = artist.get_extent()
            width, step = (x1 - x0) / columns, ((y0 - y1) if artist.origin == "upper" else (y1 - y0)) / rows
            first = y1 if artist.origin == "upper" else y0
            to_display = artist.axes.transData
            for i in range(rows):
                for j in range(columns):
                    cx, cy = x0 + (j + 0.5) * width, first + (i + 0.5) * step
                    (ax0, ay0), (ax1, ay1) = to_display.transform(
                        [(cx - width / 2, cy - step / 2), (cx + width / 2, cy + step / 2)])
                    sx, sy = to_display.transform((cx, cy))
                    result = target.resolve(_Pick(artist, x=sx, y=sy, xdata=cx, ydata=cy))
                    if result:
                        regions.append(dataclasses.replace(box(ax0, ay0, ax1, ay1, result), cell=True))
        else:                               # a bar, or any artist with an extent
            extent = artist.get_window_extent()
            sx, sy = (extent.x0 + extent.x1) / 2, (extent.y0 + extent.y1) / 2
            xdata, ydata = artist.axes.transData.inverted().transform((sx, sy)) if artist.axes else (None, None)
            result = target.resolve(_Pick(artist, x=sx, y=sy, xdata=xdata, ydata=ydata))
            if result:
                regions.append(box(extent.x0, extent.y0, extent.x1, extent.y1, result))
    return regions


@dataclass
class Rendered:
    """A chart drawn in the render thread: RGBA pixels (not premultiplied) and what to tell about them."""
    rgba: bytes
    width: int                              # device pixels
    height: int
    ratio: float                            # device pixels per logical pixel
    title: str
    summary: str
    hint: str
    regions: list[HitBox | HitTrace]
    seconds: float                          # time spent drawing, in the render thread


def _figure(width: float, height: float, dpi: float, colours: ChartColours = LIGHT) -> Figure:
    """A figure of `width`×`height` device pixels at `dpi`, with its own Agg canvas, drawn in
    `colours` (see `figure_colours`). Only matplotlib's object-oriented API: no pyplot, no Qt
    canvas, safe off the UI thread."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = Figure(figsize=(width / dpi, height / dpi), dpi=dpi, layout="constrained", facecolor=colours.background)
    figure.chart_colours = colours
    FigureCanvasAgg(figure)
    return figure


class _CollectorPause:
    """Rendering a chart makes tens of thousands of objects in reference cycles that live for
    one render. Left to the automatic collector, they outlive its young collections while the
    figure is drawn and pile up in the oldest generation, until a full collection, started by
    whichever thread allocates, scans the whole process with the interpreter lock held: the UI
    thread stops for 100 ms and more. And a collection started in the render thread could
    finalise some Qt object of the UI thread's garbage there.

    So while renders are under way, the automatic collector is off, and the UI thread collects
    the young generation (what was made since: the dead figures) as each chart arrives, and one
    generation more after the last. `begin` and `end` are called on the UI thread only."""

    def __init__(self):
        self.renders = 0
        self.paused = False

    def begin(self) -> None:
        if self.renders == 0 and gc.isenabled():
            gc.disable()
            self.paused = True
        self.renders += 1

    def end(self) -> None:
        self.renders = max(0, self.renders - 1)
        if self.renders:
            gc.collect(0)
            return
        if self.paused:
            self.paused = False
            gc.enable()
        gc.collect(1)


_collector = _CollectorPause()


def render_chart(draw: Callable[[Figure], Drawn], width: int, height: int, ratio: float = 1.0,
                 colours: ChartColours = LIGHT) -> Rendered:
    """Draw a chart at `width`×`height` logical pixels and `ratio` device pixels per logical pixel
    (the widget's devicePixelRatio), so it is as sharp as matplotlib's own Qt canvas would draw it,
    in `colours` (from the palette: `chart_colours`)."""
    started = time.perf_counter()
    ratio = ratio if ratio > 0 else 1.0
    # a pinch more than the whole pixels, so that inches × dpi never rounds down a pixel
    figure = _figure(max(1, round(width * ratio)) + 1e-3, max(1, round(height * ratio)) + 1e-3, SCREEN_DPI * ratio,
                     colours)
    drawn = draw(figure)
    canvas = figure.canvas
    canvas.draw()
    pixels = np.asarray(canvas.buffer_rgba())
    rows, columns = pixels.shape[:2]
    regions = hit_regions(drawn.targets, rows, ratio)
    return Rendered(pixels.tobytes(), columns, rows, ratio, figure.get_suptitle().replace("\n", " "), drawn.summary,
                    drawn.hint, regions, time.perf_counter() - started)


def render_to_file(draw: Callable[[Figure], Drawn], width: float, height: float, path: str) -> str:
    """Draw a chart laid out for `width`×`height` logical pixels into a PNG or PDF file."""
    check_export_path(path)
    figure = _figure(width, height, SCREEN_DPI)
    draw(figure)
    export_figure(figure, path)
    return path


# -- the Qt side ----------------------------------------------------------------------------------
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
