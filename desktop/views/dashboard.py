"""Dashboard: charts of the user's areas of work, from the offline copy.

The numbers are computed off the UI thread (`Op`) from the cache, and the charts
are rendered off it too, one after another in the charts' render thread; the UI
thread only shows the finished images, so the window stays responsive.
`refresh()` (called by the main window after every sync) recomputes everything;
while the page is hidden, the rendering waits until it is shown.
Clicking a bar, point or cell emits `open_list(kind, filter)`.
"""

from __future__ import annotations

import datetime as dt
import os

import shiboken6
from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGridLayout,
                               QHBoxLayout, QMessageBox, QScrollArea, QVBoxLayout, QWidget)

from ..models import dashboard as model
from ..models import labels
from ..tasks import Op
from .certification_lapses import SHOWN_TO as LAPSES_SHOWN_TO, CertificationLapsesCard
from .chart_card import ChartCard
from .chart_painter import ChartPainter
from .page import CasePage, OUTBOX
from .widgets import heading, plain_label

# (area, key, minimum height, columns spanned) in the order they are laid out
CHARTS = (
    ("applications", "pending-age", 300, 1),
    ("applications", "approvals-per-week", 300, 1),
    ("applications", "queue", 280, 2),
    ("outputs", "outputs-per-week", 300, 2),
    ("outputs", "sample-rates", 320, 1),
    ("outputs", "findings-by-rule", 320, 1),
    ("warnings", "acknowledgements", 480, 2),
    ("warnings", "overdue-recipients", 340, 2),
)


class DashboardView(CasePage, QWidget):
    KINDS = frozenset({"application", "output", "sample", "warning", "organisation", "acknowledgement",
                       "incident", "researcher", "staff", OUTBOX})

    open_list = Signal(str, object)       # kind ("application", "output", "warning"), filter dict
    updated = Signal()                    # every chart of a refresh is drawn

    def __init__(self, workspace, parent=None, *, now=None, tz: dt.tzinfo | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self._now = now                   # tests fix the clock
        self.tz = tz
        self.painter = ChartPainter(tz)   # no parent: used by the render thread, kept alive by its jobs
        self.areas = model.areas_for(workspace.roles)
        self.data: model.DashboardData | None = None
        self._generation = 0
        self._computing = False
        self._dirty = False
        self._announce = False            # `updated` is due once every chart shows the new data

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Dashboard")))
        top.addStretch(1)
        outer.addLayout(top)
        self.note = plain_label("", wrap=True)
        self.note.setObjectName("muted")
        outer.addWidget(self.note)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(0, 0, 4, 0)
        self.cards: dict[str, ChartCard] = {}
        titles = {"applications": self.tr("Project applications"), "outputs": self.tr("Output checks"),
                  "warnings": self.tr("Security warnings")}
        self.lapses = None
        if LAPSES_SHOWN_TO & set(workspace.roles):
            self.lapses = CertificationLapsesCard(workspace.cache)
            self.body.addWidget(self.lapses)
        for area in self.areas:
            self.body.addWidget(heading(titles[area], level=2))
            grid = QGridLayout()
            grid.setSpacing(10)
            row = column = 0
            for chart_area, key, height, span in CHARTS:
                if chart_area != area:
                    continue
                card = ChartCard(key, height)
                card.open_list.connect(self.open_list.emit)
                card.drawn.connect(self._card_drawn)
                card.show_message(self.tr("Computing from the offline copy…"))
                self.cards[key] = card
                if column + span > 2:
                    row, column = row + 1, 0
                grid.addWidget(card, row, column, 1, span)
                column += span
            grid.setColumnStretch(0, 1)
            grid.setColumnStretch(1, 1)
            self.body.addLayout(grid)
        self.turnaround = None
        if {"supervisor", "admin"} & set(workspace.roles):
            from .output_turnaround import OutputTurnaround
            self.turnaround = OutputTurnaround(workspace)
            self.body.addWidget(self.turnaround)
        self.incidents = None
        if {"coordinator", "admin"} & set(workspace.roles):
            from .incident_dashboard import IncidentDashboard
            self.incidents = IncidentDashboard(workspace)
            self.body.addWidget(self.incidents)
        if not self.areas:
            self.body.addWidget(plain_label(self.tr("Your roles have no charts."), wrap=True))
        self.body.addStretch(1)
        self.scroll.setWidget(body)
        outer.addWidget(self.scroll, 1)
        self.refresh()

    # -- state ------------------------------------------------------------------------------
    def is_drawn(self) -> bool:
        """Every chart shows the latest computed data (charts are rendered while the page is shown)."""
        return self.data is not None and not self._computing and all(card.is_drawn for card in self.cards.values())

    def now(self) -> dt.datetime:
        return self._now() if callable(self._now) else (self._now or dt.datetime.now(dt.timezone.utc))

    # -- refresh ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute in the background; a refresh while one runs is done once it ends."""
        if self.lapses is not None:
            self.lapses.refresh(self.now().date())
        if self.incidents is not None:
            self.incidents.refresh()
        if self.turnaround is not None:
            self.turnaround.refresh()
        if not self.areas:
            return
        if self._computing:
            self._dirty = True
            return
        self._computing = True
        self._generation += 1
        generation = self._generation
        cache, roles, user_id = self.workspace.cache, set(self.workspace.roles), self.workspace.user.get("id")
        now, tz = self.now(), self.tz
        engine = getattr(self.workspace, "engine", None)

        def compute():
            data = model.dashboard_data(cache, roles, user_id, now=now, tz=tz)
            meta = cache.meta()
            pending = engine.outbox.pending_count() if engine is not None else 0
            return data, meta.get("last_sync_at"), pending

        Op(compute).success(lambda result: self._computed(generation, result)) \
            .failure(lambda exc: self._failed(generation, exc)).run_in_background()

    def _computed(self, generation: int, result) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return                        # closed meanwhile, or a newer refresh is under way
        self._computing = False
        data, synced, pending = result
        self.data = data
        note = self.tr("From the offline copy") + (
            self.tr(", last synced %1").replace("%1", labels.local_time(synced)) if synced else
            self.tr(", not synced yet"))
        if pending:
            note += self.tr(" · %1 of your actions are waiting to be sent").replace("%1", str(pending))
        self.note.setText(note + ".")
        period = self.tr("Last %1 weeks").replace("%1", str(model.DEFAULT_WEEKS))
        p = self.painter
        show_mine = "caseworker" in self.workspace.roles
        jobs = []
        if data.applications:
            a = data.applications
            jobs += [("pending-age", lambda f: p.pending_age(f, a)),
                     ("approvals-per-week", lambda f: p.approvals(f, a, period, show_mine=show_mine)),
                     ("queue", lambda f: p.queue(f, a, period))]
        if data.outputs:
            o = data.outputs
            jobs += [("outputs-per-week", lambda f: p.outputs_weekly(f, o, period)),
                     ("sample-rates", lambda f: p.sample_rates(f, o, period)),
                     ("findings-by-rule", lambda f: p.findings(f, o, period))]
        if data.warnings:
            w = data.warnings
            jobs += [("acknowledgements", lambda f: p.ack_curves(f, w)),
                     ("overdue-recipients", lambda f: p.overdue(f, w))]
        if data.warnings and len(data.warnings.curves) > 3:
            self.cards["acknowledgements"].chart.setMinimumHeight(480)
        elif data.warnings:
            self.cards["acknowledgements"].chart.setMinimumHeight(280)
        self._announce = True
        for key, draw in jobs:            # each card renders in the render thread (once shown)
            self.cards[key].set_chart(draw)
        if self._dirty:                   # asked again while computing
            self._dirty = False
            self.refresh()
        self._card_drawn()

    def _card_drawn(self) -> None:
        if self._announce and self.is_drawn():
            self._announce = False
            self.updated.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self._computing = False
        self.note.setText(self.tr("The dashboard cannot be computed: %1").replace("%1", str(exc)))
        if self._dirty:
            self._dirty = False
            self.refresh()


# -- the monthly report --------------------------------------------------------------------------
class MonthlyReportDialog(QDialog):
    """File > Monthly report…: choose a month and a file; the PDF is made in the background."""

    finished_report = Signal(str)     # path
    MONTHS = 24

    def __init__(self, workspace, parent=None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Monthly report"))
        self.setModal(True)
        today = today or dt.date.today()
        self.month = QComboBox()
        self.month.setAccessibleName(self.tr("Month"))
        first = today.replace(day=1)
        for n in range(self.MONTHS):
            year, month = divmod(first.year * 12 + first.month - 1 - n, 12)
            day = dt.date(year, month + 1, 1)
            text = QLocale().toString(QDate(day.year, day.month, 1), "MMMM yyyy")
            if n == 0:
                text = self.tr("%1 (so far)").replace("%1", text)
            self.month.addItem(text, day)
        self.month.setCurrentIndex(1)         # the last complete month
        areas = model.areas_for(workspace.roles)
        names = {"applications": self.tr("project applications"), "outputs": self.tr("output checks"),
                 "warnings": self.tr("security warnings")}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Month:"), self.month)
        layout.addLayout(form)
        about = plain_label(self.tr("A PDF for management with one page per area — %1 — each with the month's "
                                    "figures and a short table of numbers, made from your offline copy.")
                            .replace("%1", ", ".join(names[a] for a in areas)), wrap=True)
        about.setObjectName("muted")
        layout.addWidget(about)
        self.message = plain_label("", wrap=True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(self.tr("Save as PDF…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setEnabled(bool(areas))
        self.buttons.accepted.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def choose_file(self) -> None:
        month: dt.date = self.month.currentData()
        name = f"portal-desk-report-{month:%Y-%m}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save monthly report"), name,
                                              self.tr("PDF document (*.pdf)"))
        if path:
            self.make(path if path.lower().endswith(".pdf") else path + ".pdf")

    def make(self, path: str) -> Op:
        from ..reports import monthly_report

        month: dt.date = self.month.currentData()
        ws = self.workspace
        self.save_button.setEnabled(False)
        self.message.setText(self.tr("Making the report…"))
        user_id = ws.user.get("id")
        return Op(lambda: monthly_report(ws.cache, ws.roles, month, path, user_id=user_id)) \
            .success(lambda _pages: self._done(path)).failure(self._failed).run_in_background()

    def _done(self, path: str) -> None:
        if not shiboken6.isValid(self):
            return
        self.message.setText(self.tr("Saved %1.").replace("%1", os.path.basename(path)))
        self.finished_report.emit(path)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.save_button.setEnabled(True)
        self.message.setText("")
        QMessageBox.warning(self, self.tr("Monthly report"),
                            self.tr("The report could not be made: %1").replace("%1", str(exc)))
