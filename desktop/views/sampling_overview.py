"""The sampling overview: samples drawn against samples expected, per risk
class, so a supervisor can see that the draws are honest.

Online it shows the portal's own count (`GET /sampling/overview`); offline (or
when the portal does not answer) the same figures computed from the draws in
the offline copy. Each row has a simple 95 % range for the observed count
(expected ± 1.96 standard deviations, the normal approximation to the
binomial), and one plain-language line says whether every class is within it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from ..models import labels
from ..models import outputs as rules
from ..sync.calls import PortalCalls
from ..tasks import Op
from .widgets import heading, plain_label

COLUMNS = 7


def _percent(value) -> str:
    if value is None:
        return "–"
    return f"{value * 100:.1f} %"


class SamplingOverviewDialog(QDialog):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.overview: rules.Overview | None = None
        self.state = "none"          # none | loading | portal | cache (for tests and screen readers)
        self._request = 0
        self.setObjectName("samplingOverview")
        self.setWindowTitle(self.tr("Sampling overview"))
        self.setMinimumSize(760, 420)

        self.source = plain_label("", wrap=True)
        self.source.setObjectName("muted")
        self.verdict = plain_label("", wrap=True, selectable=True)
        self.verdict.setObjectName("subheading")
        self.verdict.setAccessibleName(self.tr("Verdict on the draws"))
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("overviewTable")
        self.table.setAccessibleName(self.tr("Samples drawn and expected per risk class"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Risk class"), self.tr("Draws"), self.tr("Expected samples"), self.tr("Observed"),
            self.tr("Expected range (95 %)"), self.tr("Rate: observed / expected"), self.tr("In words")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.management = plain_label("", wrap=True)
        self.config = plain_label("", wrap=True)
        self.config.setObjectName("muted")
        explain = plain_label(self.tr(
            "Every submission is drawn with its own probability (a base rate raised by risk factors). Expected "
            "samples are the sum of those probabilities; the range is expected ± 1.96 standard deviations. An "
            "honest draw lands outside the range about 1 time in 20 per row: a single miss is not proof of "
            "anything, but a class far outside, or outside again and again, is worth a closer look at its "
            "draw records (each can be recomputed)."), wrap=True)
        explain.setObjectName("muted")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.refresh_button = buttons.addButton(self.tr("&Refresh"), QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button.clicked.connect(self.load)
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Sampling overview")))
        layout.addWidget(self.source)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table)
        layout.addWidget(self.management)
        layout.addWidget(self.config)
        layout.addWidget(explain)
        layout.addStretch(1)
        layout.addWidget(buttons)

    # -- loading ----------------------------------------------------------------------------------
    def load(self):
        self._request += 1
        request = self._request
        calls = PortalCalls(self.workspace.client)
        if not calls.signed_in or self.workspace.offline:
            self._from_cache(self.tr("Offline: computed from the draws in the offline copy."))
            return
        self.state = "loading"
        self.source.setText(self.tr("Asking the portal…"))
        Op(lambda: rules.overview_from_answer(calls.sampling_overview())) \
            .success(lambda overview: self._loaded(request, overview)) \
            .failure(lambda exc: self._failed(request, exc)).run_in_background()

    def _current(self, request: int) -> bool:
        return shiboken6.isValid(self) and request == self._request

    def _loaded(self, request: int, overview: rules.Overview):
        if not self._current(request):
            return
        self.state = "portal"
        when = labels.local_time(overview.as_of) if overview.as_of else ""
        self.source.setText(self.tr("The portal's count over every output, as of %1.").replace("%1", when))
        self.show_overview(overview)

    def _failed(self, request: int, exc: Exception):
        if not self._current(request):
            return
        self._from_cache(self.tr("The portal did not answer (%1): computed from the draws in the offline copy.")
                         .replace("%1", str(exc)))

    def _from_cache(self, note: str):
        cache = self.workspace.cache
        ids = cache.all_ids("output")
        sample_ids = cache.management_sample_ids()
        overview = rules.overview_from_outputs(cache.rows("output", ids), cache.rows("sample", sample_ids))
        self.state = "cache"
        self.source.setText(note + " " + self.tr("%n output(s) in the copy.", "", len(ids)))
        self.show_overview(overview)

    # -- showing ------------------------------------------------------------------------------------
    def class_name(self, risk_class: str | None) -> str:
        return {"base": self.tr("Base (no risk factor)"), "elevated": self.tr("Elevated (one risk factor)"),
                "high": self.tr("High (two or more)"), None: self.tr("All classes")}.get(risk_class, risk_class or "")

    def state_text(self, row: rules.ClassRow) -> str:
        if row.state == "none":
            return self.tr("no draws")
        if row.state == "within":
            return self.tr("within the expected range")
        if row.state == "below":
            return self.tr("fewer samples than expected")
        return self.tr("more samples than expected")

    def show_overview(self, overview: rules.Overview):
        self.overview = overview
        rows = [*overview.classes, overview.total]
        self.table.setRowCount(len(rows))
        bold = QFont()
        bold.setBold(True)
        for n, row in enumerate(rows):
            cells = [self.class_name(row.risk_class), str(row.draws), f"{row.expected:.2f}", str(row.observed),
                     (self.tr("%1 to %2").replace("%1", str(row.low)).replace("%2", str(row.high))
                      if row.draws else "–"),
                     f"{_percent(row.observed_rate)} / {_percent(row.expected_rate)}",
                     ("✔ " if row.state == "within" else "⚠ " if row.state in ("below", "above") else "")
                     + self.state_text(row)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if 1 <= col <= 5:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if row.risk_class is None:
                    item.setFont(bold)
                self.table.setItem(n, col, item)
        # The table is as tall as its rows (four): no scrolling, no empty space.
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(n) for n in range(self.table.rowCount()))
        self.table.setFixedHeight(height)
        self.table.resizeColumnsToContents()
        width = self.table.horizontalHeader().length() + 2 * self.table.frameWidth()
        self.table.setMinimumWidth(min(width, 1100))
        self.setMinimumWidth(min(width + 40, 1140))
        self.verdict.setText(self.verdict_text(overview))
        self.verdict.setObjectName("subheading" if overview.state != "outside" else "error")
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.management.setText(self.tr("Management samples: %1, holding %n output(s). They are chosen by "
                                         "supervisors, not drawn, and are not counted above.", "",
                                         overview.management_outputs)
                                 .replace("%1", str(overview.management_samples)))
        config = overview.config or {}
        if config:
            self.config.setText(self.tr("Rates in force: base %1; + %2 for a new researcher (fewer than %3 earlier "
                                        "outputs); + %4 per earlier breach; + %5 for a sensitive register; never "
                                        "above %6.")
                                .replace("%1", _percent(config.get("base_rate")))
                                .replace("%2", _percent(config.get("new_researcher")))
                                .replace("%3", str(config.get("new_researcher_below", "?")))
                                .replace("%4", _percent(config.get("earlier_breaches")))
                                .replace("%5", _percent(config.get("sensitive_register")))
                                .replace("%6", _percent(config.get("cap"))))
        else:
            self.config.setText("")

    def verdict_text(self, overview: rules.Overview) -> str:
        if overview.state == "none":
            return self.tr("No draws yet: nothing to judge.")
        if overview.state == "within":
            return self.tr("The draws are within the expected range: %1 samples drawn in %2 draws, where %3 to %4 "
                           "were expected.").replace("%1", str(overview.total.observed)) \
                .replace("%2", str(overview.total.draws)).replace("%3", str(overview.total.low)) \
                .replace("%4", str(overview.total.high))
        parts = [self.tr("%1: %2 drawn where %3 to %4 were expected").replace("%1", self.class_name(r.risk_class))
                 .replace("%2", str(r.observed)).replace("%3", str(r.low)).replace("%4", str(r.high))
                 for r in overview.outside()]
        return self.tr("Outside the expected range — %1. Chance does this about 1 time in 20 per class; look at the "
                       "draw records.").replace("%1", "; ".join(parts))

    def shown_rows(self) -> list[list[str]]:
        """The table as text (for tests)."""
        return [[self.table.item(r, c).text() for c in range(COLUMNS)] for r in range(self.table.rowCount())]
