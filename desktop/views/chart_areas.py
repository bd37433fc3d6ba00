"""The supervisors' and the coordinators' charts: methods of `ChartPainter`
(chart_painter.py), which they rely on for frames, titles, names and colours."""

from __future__ import annotations

import datetime as dt
import math
import textwrap

from matplotlib.ticker import MaxNLocator, PercentFormatter

from ..models import dashboard as model
from .chart_style import Drawn, OKABE_ITO, Target, _const, luminance, wrap_text


class OutputCharts:
    """Output checks: submitted, sampled and withheld; sample rates; findings."""

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


class WarningCharts:
    """Warnings: acknowledgements against their deadline; who is overdue."""

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
