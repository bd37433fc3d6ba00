"""The monthly report's pages: one per area, its heading, a table of numbers and three figures."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject

from rules import turnaround

from ..models import dashboard as model
from ..models import labels


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
        else:
            # the outputs' numbers have three more rows (the turnaround)
            parts = figure.subfigures(4, 1, height_ratios=[1.8 if area == "outputs" else 1.25, 2.2, 2.2, 2.2])
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
