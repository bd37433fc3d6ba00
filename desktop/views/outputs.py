"""Output checks: the supervisor's queue of held outputs, one output read in
full, and the verdict -- from the keyboard.

The queue holds the outputs waiting for supervisors (sampled, or flagged by the
automatic check), oldest first, each with why it is held in words (random,
risk-based or management sample; what the automatic check found), its age,
project, researcher, the check's verdict, the releases it has and needs, and
what this supervisor may do (and why not). Released and withheld ones are a
filter away. Below, the chosen output: its facts, its reviews so far and the
decision bar on the left; its files on the right (`output_viewer`), each
checked against its recorded SHA-256.

Verdicts go through the outbox and are sent at once when the portal can be
reached; offline they wait, marked pending. The rules live in
`models.outputs` (no Qt); the portal has the last word and a refusal lands in
Needs attention.

Keys (while the page has focus): ↑/↓ or J/K move, Enter read the files, Esc
back to the queue, R release, W withhold, N next you can review, F / Shift+F
next / previous finding, ] / [ next / previous file, M request a management
sample, O the sampling overview.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSplitter,
                               QVBoxLayout, QWidget)

from ..models import labels
from ..models import outputs as rules
from ..models.lazy_table import Column
from ..models.output_queue import OutputQueue
from . import review_queue
from .output_review_dialog import OutputReviewDialog
from .output_viewer import OutputViewer, Words, plain_tip
from .page import OUTBOX
from .review_queue import ReviewQueuePage
from .columns import ColumnFit
from .widgets import plain_label

(COL_ID, COL_REASON, COL_AGE, COL_PROJECT, COL_RESEARCHER, COL_CHECK, COL_RELEASES, COL_STATUS,
 COL_YOU) = range(9)


def _percent(value) -> str:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return "?"
    return f"{value * 100:.0f} %" if abs(value * 100 - round(value * 100)) < 1e-9 else f"{value * 100:.1f} %"


class QueueModel(review_queue.QueueModel):
    """Only held rows this user cannot decide are muted: a released or withheld
    one is simply decided."""

    def muted(self, item: rules.QueueItem) -> bool:
        return item.status == rules.HELD and not item.reviewable


class OutputChecksView(ReviewQueuePage):
    """The queue, the chosen output's facts and decision bar, and its files (what
    `sync` is: see `ReviewQueuePage`)."""
    KINDS = frozenset({"output", "sample", "researcher", "staff", OUTBOX})

    sample_requested = Signal(dict)     # the queued body

    RULES = rules
    MODEL = QueueModel
    DECISIONS = rules.VERDICTS
    DECISION_KEYS = (("R", "release"), ("W", "withhold"))
    DECISION_FIELD = "verdict"
    SHORTCUT_CONTEXT = Qt.ShortcutContext.WidgetWithChildrenShortcut
    # On to the next output, as the approvals queue does; the status line names the decided one.
    STAY_ON_DECIDED = False

    def __init__(self, workspace, parent=None, sync=None):
        super().__init__(workspace, parent, sync)
        self.queue = OutputQueue(workspace.cache, workspace.engine.outbox, workspace.user)
        self.words = Words(self)
        self._dashboard: dict | None = None       # {"ids", "label"} from a dashboard chart
        self.dialog: OutputReviewDialog | None = None
        self.sample_dialog = None
        self.overview_dialog = None
        self.setObjectName("outputChecksView")

        self.show_filter = self._filter_box(((self.tr("Held — waiting for supervisors"), rules.SHOW_HELD),
                                             (self.tr("Held — only those I can review"), rules.SHOW_REVIEWABLE),
                                             (self.tr("Released after a check"), rules.SHOW_RELEASED),
                                             (self.tr("Withheld"), rules.SHOW_WITHHELD),
                                             (self.tr("Decided (released or withheld)"), rules.SHOW_DECIDED),
                                             (self.tr("All outputs, clean ones too"), rules.SHOW_ALL)))
        self.sample_button = QPushButton(self.tr("Request sample…  (M)"))
        self.sample_button.setObjectName("requestSampleButton")
        self.sample_button.setToolTip(self.tr("Request a management sample of a project or a researcher (M)"))
        self.sample_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.sample_button.clicked.connect(self.request_sample)
        self.overview_button = QPushButton(self.tr("Sampling overview  (O)"))
        self.overview_button.setObjectName("samplingOverviewButton")
        self.overview_button.setToolTip(self.tr("Samples drawn against samples expected, per risk class (O)"))
        self.overview_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.overview_button.clicked.connect(self.show_overview)
        if "supervisor" not in self.workspace.roles:
            self.sample_button.setEnabled(False)
            self.sample_button.setToolTip(self.tr("Only supervisors request management samples."))
        # Ctrl+F lands here: a text field keeps its letters, so R/W type here and don't decide.
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Output, project or researcher…"))
        self.search.setAccessibleName(self.tr("Search outputs"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(170)
        self.search.setMaximumWidth(240)
        self.verdict_filter = QComboBox()
        self.verdict_filter.setAccessibleName(self.tr("Check verdict"))
        self.verdict_filter.addItem(self.tr("Any check"), None)
        for verdict in ("fail", "review", "pass"):
            self.verdict_filter.addItem(labels.verdict(verdict), verdict)
        self.sampled_filter = QComboBox()
        self.sampled_filter.setAccessibleName(self.tr("Sampled or not"))
        for text, value in ((self.tr("Sampled or not"), None), (self.tr("Sampled"), True),
                            (self.tr("Not sampled"), False)):
            self.sampled_filter.addItem(text, value)
        heading_row = self._top_bar(self.tr("Output checks"))
        heading_row.addSpacing(8)
        heading_row.addWidget(self.sample_button, 0, Qt.AlignmentFlag.AlignBottom)
        heading_row.addWidget(self.overview_button, 0, Qt.AlignmentFlag.AlignBottom)
        filter_row = QHBoxLayout()       # a row of its own: the heading's row has no room at 1366 px
        for widget in (self.search, self.verdict_filter, self.sampled_filter):
            filter_row.addWidget(widget)
        filter_row.addStretch(1)
        top = QVBoxLayout()
        top.setSpacing(4)
        top.addLayout(heading_row)
        top.addLayout(filter_row)

        self.table = self._queue_table("outputsQueue", self.tr("Outputs held for a check"), COL_REASON)
        self.column_fit = ColumnFit(self.table, "outputs", COL_REASON, {
            COL_ID: "OUT-2026-0000", COL_AGE: "365 days", COL_PROJECT: "APP-2026-0000",
            COL_RESEARCHER: "Rasmus Kjeldsen", COL_CHECK: labels.verdict("review"), COL_RELEASES: "0 of 2",
            COL_STATUS: labels.output_status("withheld"), COL_YOU: self.tr("can review")}, main_min=200)
        self.keys_hint = plain_label(self.tr("↑/↓ or J/K move · Enter read the files · R release · W withhold · "
                                             "N next you can review · F next finding · ] next file · M sample · "
                                             "O overview"), wrap=True)
        self.keys_hint.setObjectName("muted")
        queue_box = QWidget()
        queue_layout = QVBoxLayout(queue_box)
        queue_layout.setContentsMargins(0, 0, 0, 0)
        queue_layout.setSpacing(2)
        queue_layout.addWidget(self.table, 1)
        queue_layout.addWidget(self.keys_hint)

        self.bar = self._decision_bar(self.tr("Your verdict"),
                                      (("release", self.tr("&Release  (R)")), ("withhold", self.tr("&Withhold  (W)"))),
                                      self.tr("Go to the next output you can review"))
        self.release_button, self.withhold_button = self.buttons.values()
        self.facts_body = QWidget()
        self.facts_layout = QVBoxLayout(self.facts_body)
        self.facts_layout.setContentsMargins(2, 2, 8, 2)
        self.facts_layout.setSpacing(4)
        self.facts = QScrollArea()
        self.facts.setObjectName("outputFacts")
        self.facts.setWidgetResizable(True)
        self.facts.setFrameShape(QFrame.Shape.NoFrame)
        self.facts.setWidget(self.facts_body)
        case = QWidget()
        case_layout = QVBoxLayout(case)
        case_layout.setContentsMargins(0, 0, 0, 0)
        case_layout.setSpacing(6)
        case_layout.addWidget(self.bar)
        case_layout.addWidget(self.facts, 1)

        self.viewer = OutputViewer(workspace)
        self.viewer.verification_changed.connect(lambda _id: self._update_bar(self.current_item()))
        self.viewer.loaded.connect(lambda _id: self._update_bar(self.current_item()))

        self.lower = QSplitter(Qt.Orientation.Horizontal)
        self.lower.setChildrenCollapsible(False)
        self.lower.addWidget(case)
        self.lower.addWidget(self.viewer)
        self.lower.setStretchFactor(0, 2)
        self.lower.setStretchFactor(1, 5)
        self.lower.setSizes([360, 900])

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(queue_box)
        self.splitter.addWidget(self.lower)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([330, 420])

        self._lay_out(top, self.splitter)

        self._connect(self.focus_files)
        self.show_filter.currentIndexChanged.connect(self._filter_changed)
        self.verdict_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.sampled_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self._search_pause = QTimer(self, singleShot=True, interval=150)   # typing: one query per pause
        self._search_pause.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_pause.start)
        self.table.horizontalHeader().setSortIndicator(COL_AGE, Qt.SortOrder.DescendingOrder)
        self.model.sort(COL_AGE, Qt.SortOrder.DescendingOrder)
        self.refresh()

    # -- building ------------------------------------------------------------------------
    def _columns(self) -> list[Column]:
        right = Qt.AlignmentFlag.AlignRight
        return [
            Column("id", self.tr("Output"), "id"),
            Column("reason", self.tr("Why held"), "sample_reason", display=lambda r: self.reasons_short(r["item"]),
                   tooltip=lambda r: plain_tip("\n".join(self.reason_text(x) for x in r["item"].reasons))),
            self._age_column(),
            Column("project", self.tr("Project"), "project_id", display=lambda r: r["item"].project_id),
            Column("researcher", self.tr("Researcher"), "researcher_id", display=lambda r: r["item"].researcher_name,
                   tooltip=lambda r: plain_tip(f"{r['item'].researcher_name} ({r['item'].researcher_id})")),
            Column("verdict", self.tr("Check"), "verdict", display=lambda r: labels.verdict(r["item"].verdict),
                   tooltip=lambda r: plain_tip(self.check_text(r["item"]))),
            Column("releases", self.tr("Releases"), None, align=right,
                   display=lambda r: self.tr("%1 of %2").replace("%1", str(r["item"].releases))
                   .replace("%2", str(r["item"].required)),
                   tooltip=lambda r: self.tr("%1 of the %2 distinct releases needed").replace(
                       "%1", str(r["item"].releases)).replace("%2", str(r["item"].required))),
            Column("status", self.tr("Status"), "status", display=lambda r: labels.output_status(r["item"].status)),
            Column("you", self.tr("For you"), None, display=lambda r: self.mark(r["item"]),
                   tooltip=lambda r: plain_tip(self.mark_tip(r["item"]))),
        ]

    def _more_shortcuts(self) -> list:
        return [("F", lambda: self.viewer.step_finding(1)), ("Shift+F", lambda: self.viewer.step_finding(-1)),
                ("]", lambda: self.viewer.step_file(1)), ("[", lambda: self.viewer.step_file(-1)),
                ("M", self.request_sample), ("O", self.show_overview)]

    def shortcut_help(self) -> list[str]:
        return [self.tr("↑/↓ or J/K — previous / next output in the queue"),
                self.tr("Enter — read the output's files (Esc back to the queue)"),
                self.tr("R — release (asks to confirm; a flagged output needs two supervisors)"),
                self.tr("W — withhold (a reason is required)"),
                self.tr("N — next output you can review"),
                self.tr("F / Shift+F — next / previous finding (selects its cell)"),
                self.tr("] / [ — next / previous file of the output"),
                self.tr("M — request a management sample"),
                self.tr("O — sampling overview: drawn against expected")]

    # -- the queue -----------------------------------------------------------------------------
    def _ids(self, order_by: str | None, descending: bool) -> list[str]:
        if order_by == "age":
            order_by, descending = "submitted_at", not descending
        narrow = {"search": self.search.text(), "verdict": self.verdict_filter.currentData(),
                  "sampled": self.sampled_filter.currentData()}
        if self._dashboard is not None:
            wanted = set(self._dashboard.get("ids") or [])
            ids = self.queue.ids(rules.SHOW_ALL, order_by or "submitted_at", descending, **narrow)
            return [i for i in ids if i in wanted]
        return self.queue.ids(self.show_filter.currentData() or rules.SHOW_HELD, order_by or "submitted_at",
                              descending, **narrow)

    def _filter_changed(self, _index: int):
        if self._dashboard is not None and self.show_filter.currentData() != "dashboard":
            self._dashboard = None
            dashboard = self.show_filter.findData("dashboard")
            if dashboard >= 0:
                self.show_filter.blockSignals(True)
                self.show_filter.removeItem(dashboard)
                self.show_filter.blockSignals(False)
        self.refresh()

    def apply_filter(self, filt: dict):
        """A click on a dashboard chart: those outputs (or a status)."""
        ids = filt.get("ids") or []
        if ids:
            self._dashboard = {"ids": list(ids), "label": filt.get("label") or ""}
            label = self.tr("From the dashboard: %1").replace("%1", filt.get("label") or str(len(ids)))
            index = self.show_filter.findData("dashboard")
            self.show_filter.blockSignals(True)
            if index < 0:
                self.show_filter.addItem(label, "dashboard")
                index = self.show_filter.count() - 1
            else:
                self.show_filter.setItemText(index, label)
            self.show_filter.setCurrentIndex(index)
            self.show_filter.blockSignals(False)
            self.refresh()
            return
        status = filt.get("status")
        show = {"held": rules.SHOW_HELD, "released": rules.SHOW_RELEASED,
                "withheld": rules.SHOW_WITHHELD}.get(status or "", rules.SHOW_ALL)
        self.show_filter.setCurrentIndex(max(0, self.show_filter.findData(show)))

    def _update_summary(self):
        held_ids = self.queue.ids(rules.SHOW_HELD)
        items = self.queue.items(held_ids)
        can = sum(1 for i in items if i.reviewable)
        text = self.tr("%1 held · %2 you can review").replace("%1", str(len(held_ids))).replace("%2", str(can))
        pending = sum(1 for i in items if i.pending)
        if pending:
            text += " · " + self.tr("%1 of your verdicts not sent yet").replace("%1", str(pending))
        samples = len(self.queue.pending_samples())
        if samples:
            text += " · " + self.tr("%1 sample requests not sent yet").replace("%1", str(samples))
        shown = self.model.rowCount()
        if self.show_filter.currentData() != rules.SHOW_HELD:
            text += " · " + self.tr("%1 shown").replace("%1", str(shown))
        self.summary.setText(text)

    def open_case(self, kind: str, entity_id: str) -> bool:
        return kind == "output" and self.open_output(entity_id) is not False

    def open_output(self, output_id: str) -> bool:
        """Open one output (from Needs attention, the dashboard or a test), switching
        the filter to one that shows it."""
        if self.select(output_id):
            return True
        output = self.cache.get("output", output_id)
        if output is None:
            return False
        show = {"held": rules.SHOW_HELD, "released": rules.SHOW_RELEASED,
                "withheld": rules.SHOW_WITHHELD}.get(output.get("status"), rules.SHOW_ALL)
        self.show_filter.setCurrentIndex(self.show_filter.findData(show))
        if not self.select(output_id):
            self.show_filter.setCurrentIndex(self.show_filter.findData(rules.SHOW_ALL))
        return self.select(output_id)

    def focus_files(self):
        if self.current_id():
            self.viewer.focus_contents()

    def _show(self, output_id: str | None):
        """The bar, the facts and the files; the files are fetched again only when
        the output or its file list changed (a sync keeps the reader's place)."""
        item = self.queue.item(output_id) if output_id else None
        self._update_bar(item)
        key = (output_id, item.version if item else None, item.pending is not None if item else None)
        if self._shown != key:
            self._shown = key
            self._fill_facts(item)
        self.viewer.show_output(self.cache.get("output", output_id) if output_id else None)

    # -- the facts ---------------------------------------------------------------------------
    def _fill_facts(self, item: rules.QueueItem | None):
        # A new body each time: the old one (labels, buttons, nested layouts) goes at once.
        self.facts_body = QWidget()
        self.facts_layout = layout = QVBoxLayout(self.facts_body)
        layout.setContentsMargins(2, 2, 8, 2)
        layout.setSpacing(4)
        self.facts.setWidget(self.facts_body)
        if item is None:
            empty = plain_label(self.tr("No output selected."), wrap=True)
            empty.setObjectName("muted")
            layout.addWidget(empty)
            layout.addStretch(1)
            return

        def section(text: str):
            label = plain_label(text, wrap=True)
            label.setObjectName("subheading")
            layout.addWidget(label)

        def line(text: str, name: str = "", selectable: bool = False) -> QLabel:
            label = plain_label(text, wrap=True, selectable=selectable)
            if name:
                label.setObjectName(name)
            layout.addWidget(label)
            return label

        head = plain_label(self.tr("%1 — %2").replace("%1", item.id).replace("%2", labels.output_status(item.status)),
                           wrap=True, selectable=True)
        head.setObjectName("subheading")
        layout.addWidget(head)
        section(self.tr("Why it is held") if item.status == rules.HELD else self.tr("Why it was held"))
        if not item.reasons:
            line(self.tr("Clean and not sampled: it was released at once."), "muted")
        for reason in item.reasons:
            line("• " + self.reason_text(reason))
        section(self.tr("Automatic check"))
        line(self.check_text(item))
        section(self.tr("Case"))
        researcher = self.cache.get("researcher", item.researcher_id) or {}
        who = item.researcher_name
        if researcher.get("institution"):
            who += f", {researcher['institution']}"
        line(self.tr("Project %1").replace("%1", item.project_id), selectable=True)
        line(self.tr("Researcher: %1").replace("%1", who), selectable=True)
        line(self.tr("Submitted %1 (%2)").replace("%1", labels.local_time(item.submitted_at))
             .replace("%2", self._age(item.age_days)))
        line(self.tr("Files: %1").replace("%1", ", ".join(item.files) or "—"), selectable=True)
        if item.comment:
            line(self.tr("The researcher's note:"), "muted")
            line(item.comment, "quote", selectable=True)
        section(self.tr("Reviews (%1 of %2 releases)").replace("%1", str(item.releases))
                .replace("%2", str(item.required)))
        if not item.reviews:
            line(self.tr("No supervisor has reviewed it yet."), "muted")
        blind = [r for r in item.reviews if r.get("blind")]
        if blind:
            line(self.tr("%1 of %2 releases given. Who gave them and why stays hidden until you decide, so that "
                         "your review is your own.").replace("%1", str(item.releases))
                 .replace("%2", str(item.required)), "muted")
        for review in item.reviews:
            if review.get("blind"):
                continue
            staff = self.cache.get("staff", review.get("reviewer_id") or "") or {}
            name = staff.get("display_name") or review.get("reviewer_id") or self.tr("a supervisor")
            if review.get("reviewer_id") == self.workspace.user.get("id"):
                name = self.tr("%1 (you)").replace("%1", name)
            line(self.tr("%1 — %2, %3").replace("%1", name).replace("%2", labels.decision(review.get("verdict")))
                 .replace("%3", labels.local_time(review.get("at"))))
            if review.get("comment"):
                line(str(review["comment"]), "quote", selectable=True)
        if item.pending:
            line(self._pending_text(self.tr("Your %1 is waiting to be sent (%2)."), item.pending), "error")
        audit = QPushButton(self.tr("Audit trail of this output"))
        audit.setObjectName("auditButton")
        audit.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        audit.clicked.connect(lambda: self._open_audit(item.id))
        row = QHBoxLayout()
        row.addWidget(audit)
        row.addStretch(1)
        layout.addSpacing(6)
        layout.addLayout(row)
        layout.addStretch(1)

    def _open_audit(self, output_id: str):
        window = self.window()
        opener = getattr(window, "open_audit", None)
        if callable(opener) and window is not self:
            opener("output", output_id)

    # -- the decision bar -------------------------------------------------------------------
    def _update_bar(self, item: rules.QueueItem | None):
        if item is None:
            self._clear_bar(self.tr("No outputs are waiting for a check."))
            return
        self.position.setText(self._position_text(item))
        block = self._lead_block(item)
        reason = self.block_text(block, item) if block else ""
        mismatch = self._mismatch(item)
        if mismatch and not block:
            reason = self.tr("Release is off: the checksum of %1 does not match what the portal checked. Withhold "
                             "it, or open it again to fetch the files anew.").replace("%1", ", ".join(mismatch))
        self._show_reason(reason, item, self.tr("Your earlier verdict was refused by the portal (%1); see Needs "
                                                "attention. You can decide again."))
        for verdict, button in self.buttons.items():
            block = item.block_for(verdict)
            blocked_by_checksum = verdict == "release" and bool(mismatch)
            button.setEnabled(block is None and not blocked_by_checksum)
            if block is not None:
                button.setToolTip(plain_tip(self.block_text(block, item)))
            elif blocked_by_checksum:
                button.setToolTip(self.tr("The checksum of %1 does not match; release is off.")
                                  .replace("%1", ", ".join(mismatch)))
            else:
                button.setToolTip(self._button_tip(verdict, item))

    def _mismatch(self, item: rules.QueueItem) -> list[str]:
        return self.viewer.mismatches() if self.viewer.output_id == item.id else []

    def _position_text(self, item: rules.QueueItem) -> str:
        if item.pending:
            return self._pending_text(self.tr("Pending: %1 (%2)"), item.pending)
        if item.my_review and item.status == rules.HELD and item.my_review.get("verdict") == "release":
            return self.released_by_me_text(item)
        if item.my_review:
            return self.tr("You reviewed this output: %1").replace("%1", labels.decision(item.my_review.get("verdict")))
        if item.status != rules.HELD:
            last = item.last_review
            if last:
                return self.tr("%1 on %2").replace("%1", labels.output_status(item.status)) \
                    .replace("%2", labels.local_time(last.get("at")))
            return labels.output_status(item.status)
        if not item.reviewable:
            return self.tr("You cannot decide on %1").replace("%1", item.id)
        if item.required == 1:
            return self.tr("Your release would be the only one needed")
        if item.release_completes:
            return self.tr("Your release would be %1 of %2 — the last one needed").replace("%1", str(item.ordinal)) \
                .replace("%2", str(item.required))
        return self.tr("Your release would be %1 of %2 releases").replace("%1", str(item.ordinal)) \
            .replace("%2", str(item.required))

    def released_by_me_text(self, item: rules.QueueItem) -> str:
        more = item.required - item.releases
        if more <= 1:
            return self.tr("You released it; a second supervisor must release it too")
        return self.tr("You released it; %1 more supervisors must release it too").replace("%1", str(more))

    def _button_tip(self, verdict: str, item: rules.QueueItem) -> str:
        if verdict == "release":
            if item.required > 1:
                return self.tr("Release as %1 of %2 releases (R)").replace("%1", str(item.ordinal)) \
                    .replace("%2", str(item.required))
            return self.tr("Release: the one release needed (R)")
        return self.tr("Withhold with a reason; this ends it (W)")

    # -- texts -------------------------------------------------------------------------------
    def _decision_word(self, verdict: str | None) -> str:
        return {"release": self.tr("release"), "withhold": self.tr("withhold")}.get(verdict or "", verdict or "?")

    def factor_text(self, name: str, value) -> str:
        if name == "new_researcher":
            return self.tr("new researcher")
        if name == "sensitive_register":
            return self.tr("sensitive register")
        if name == "earlier_breaches":
            if value == 1:
                return self.tr("1 earlier breach")
            return self.tr("%1 earlier breaches").replace("%1", str(value))
        return name

    def reason_text(self, reason: rules.Reason) -> str:
        facts = reason.facts
        if reason.kind == rules.RANDOM:
            return self.tr("Random sample (drawn at %1)").replace("%1", _percent(facts.get("probability")))
        if reason.kind == rules.RISK:
            factors = ", ".join(self.factor_text(k, v) for k, v in facts.get("factors") or ())
            text = self.tr("Risk-based sample (drawn at %1)").replace("%1", _percent(facts.get("probability")))
            return text + (": " + factors if factors else "")
        if reason.kind == rules.MANAGEMENT:
            staff = self.cache.get("staff", facts.get("drawn_by") or "") or {}
            who = staff.get("display_name") or facts.get("drawn_by") or self.tr("a supervisor")
            text = self.tr("Management sample requested by %1").replace("%1", who)
            return text + (f": “{facts['note']}”" if facts.get("note") else "")
        if reason.kind == rules.FINDING:
            rules_text = ", ".join(f"{self.words.rule_short(r)} ({n})" if n > 1 else self.words.rule_short(r)
                                   for r, n in facts.get("rules") or ())
            if facts.get("verdict") == "fail":
                return self.tr("Automatic check failed: %1").replace("%1", rules_text)
            return self.tr("Automatic check asks for a person: %1").replace("%1", rules_text)
        return reason.kind

    def reasons_short(self, item: rules.QueueItem) -> str:
        parts = []
        for reason in item.reasons:
            if reason.kind == rules.RANDOM:
                parts.append(self.tr("random sample"))
            elif reason.kind == rules.RISK:
                parts.append(self.tr("risk sample"))
            elif reason.kind == rules.MANAGEMENT:
                parts.append(self.tr("management sample"))
            elif reason.kind == rules.FINDING:
                names = ", ".join(self.words.rule_short(r) for r, _n in reason.facts.get("rules") or ())
                parts.append(self.tr("check: %1").replace("%1", names) if names else self.tr("check"))
        return " · ".join(parts) if parts else self.tr("clean, not sampled")

    def check_text(self, item: rules.QueueItem) -> str:
        if item.verdict == "pass":
            return self.tr("Passed: no findings.") if not item.findings else self.tr("Passed.")
        rules_text = "; ".join(f"{self.words.rule(r)} × {n}" for r, n in item.rules)
        verdict = labels.verdict(item.verdict)
        count = self.tr("1 finding") if item.findings == 1 else self.tr("%1 findings").replace("%1", str(item.findings))
        return f"{verdict}: {count} — {rules_text}" if rules_text else f"{verdict}: {count}"

    def block_short(self, block: rules.Block, item: rules.QueueItem) -> str:
        code = block.code
        if code == rules.ALREADY_REVIEWED and block.facts.get("verdict") == "release" and item.status == rules.HELD:
            return self.tr("you released it; needs a second")
        if code == rules.OWN_OUTPUT:
            return self.tr("your own output")
        if code == rules.NOT_OPEN:
            return labels.output_status(item.status).lower()
        if code == rules.NOT_SUPERVISOR:
            return self.tr("supervisors only")
        return super().block_short(block, item)

    def block_text(self, block: rules.Block, item: rules.QueueItem) -> str:
        code, facts = block.code, block.facts
        if code == rules.ALREADY_REVIEWED:
            if facts.get("verdict") == "release" and item.status == rules.HELD:
                return self.released_by_me_text(item) + " " + self.tr("(your release: %1). Nobody reviews the same "
                                                                       "output twice.").replace(
                    "%1", labels.local_time(facts.get("at")))
            return self.tr("You have already reviewed this output (%1 %2); another supervisor must decide.") \
                .replace("%1", labels.decision(facts.get("verdict"))).replace("%2", labels.local_time(facts.get("at")))
        if code == rules.OWN_OUTPUT:
            return self.tr("You submitted this output; another supervisor must decide.")
        if code == rules.SENT:
            return self.tr("Your verdict was sent; the portal's updated output arrives with the next sync.")
        if code == rules.NOT_OPEN:
            return self.tr("This output is already decided (%1).").replace(
                "%1", labels.output_status(facts.get("status")))
        if code == rules.NOT_SUPERVISOR:
            if facts.get("admin"):
                return self.tr("Only supervisors review outputs: admin has no approving role.")
            return self.tr("Only supervisors review outputs.")
        return super().block_text(block, item)

    # -- deciding --------------------------------------------------------------------------------
    def _dialog(self, item: rules.QueueItem, verdict: str) -> OutputReviewDialog | None:
        if verdict == "release" and self._mismatch(item):
            self.say(self.tr("Not possible: a file's checksum does not match what the portal checked."))
            return None
        unverified = []
        if self.viewer.output_id == item.id:
            unverified = [p.meta.get("name") or "?" for p in self.viewer.pages
                          if p.index < len(item.files) and (p.verification is None or not p.verification.ok)]
        output = self.cache.get("output", item.id) or {}
        return OutputReviewDialog(item, verdict, self, unverified=unverified, findings=rules.check_findings(output))

    def outcome_text(self, item: rules.QueueItem, verdict: str) -> str:
        if verdict == "withhold":
            return labels.output_status("withheld")
        if item.ordinal >= item.required:
            return labels.output_status("released")
        return self.tr("%1 of %2 releases given").replace("%1", str(item.ordinal)).replace("%2", str(item.required))

    def decision_extra(self, dialog) -> dict:
        return {"reason": dialog.reason()} if dialog.verdict() == "withhold" else {}

    def _summary(self, item: rules.QueueItem, verdict: str) -> str:
        if verdict == "release":
            summary = (self.tr("Release %1 (%2 of %3 releases)").replace("%2", str(item.ordinal))
                       .replace("%3", str(item.required)) if item.required > 1 else self.tr("Release %1"))
        else:
            summary = self.tr("Withhold %1")
        return summary.replace("%1", item.id) + " — " + item.project_id

    # -- management samples and the overview --------------------------------------------------------
    def request_sample(self):
        if "supervisor" not in self.workspace.roles:
            self.say(self.tr("Only supervisors request management samples."))
            return
        if self.sample_dialog is not None and self.sample_dialog.isVisible():
            return
        from .sample_dialog import SampleDialog
        item = self.current_item()
        dialog = SampleDialog(self.queue, self, project_id=item.project_id if item else None,
                              researcher_id=item.researcher_id if item else None)
        dialog.accepted.connect(lambda d=dialog: self._sample_confirmed(d))
        dialog.finished.connect(lambda _r: self.table.setFocus())
        self.sample_dialog = dialog
        dialog.open()

    def _sample_confirmed(self, dialog):
        body = dialog.body()
        target = dialog.target_text()
        summary = self.tr("Management sample of %1 (%2 outputs): %3").replace("%1", target) \
            .replace("%2", str(body["count"])).replace("%3", body["reason"])
        try:
            self.queue.request_sample(body["scope"], body["target_id"], body["count"], body["reason"], summary)
        except ValueError as exc:
            self.say(self.tr("Not queued: %1").replace("%1", str(exc)))
            return
        online = self._online()
        self.sample_requested.emit(body)
        self._update_summary()
        self._say_queued(summary, online)
        self._send_soon()

    def show_overview(self):
        from .sampling_overview import SamplingOverviewDialog
        if self.overview_dialog is None:
            self.overview_dialog = SamplingOverviewDialog(self.workspace, self)
        self.overview_dialog.load()
        self.overview_dialog.show()
        self.overview_dialog.raise_()
        self.overview_dialog.activateWindow()

    # -- sending ---------------------------------------------------------------------------------
    def _is_own_action(self, row: dict) -> bool:
        return rules.is_review_action(row) or rules.is_sample_action(row)

    def _sync_finished(self, result):
        super()._sync_finished(result)
        if result.online and self.viewer.state == "offline":
            self.viewer.reload()
        if result.refused:
            self.say(self.tr("The portal refused %1 of your actions: see Needs attention.")
                     .replace("%1", str(result.refused)))
        elif result.pushed and not self.outbox.pending_count():
            self.say(self.tr("Sent: the portal accepted your actions."))
