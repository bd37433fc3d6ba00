"""`ChartPainter` draws one chart into a matplotlib Figure (or SubFigure) from the
Qt-free data of `desktop.models.dashboard`; it uses Qt only for translations and the
user's date format, so it can run off the UI thread. The caseworkers' charts and the
shared helpers are here; the supervisors' and coordinators' charts in chart_areas.
"""

from __future__ import annotations

import datetime as dt
import math

from matplotlib.dates import DayLocator, HourLocator
from matplotlib.ticker import FuncFormatter, MaxNLocator
from PySide6.QtCore import QDate, QDateTime, QLocale, QObject, QTime

from ..models import dashboard as model
from .chart_areas import OutputCharts, WarningCharts, _num_to_date, _num_to_naive
from .chart_style import (AXES_LEFT_INCHES, ChartColours, Drawn, OKABE_ITO, Target, _const, figure_colours,
                          text_width, wrap_text)


class ChartPainter(OutputCharts, WarningCharts, QObject):
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
