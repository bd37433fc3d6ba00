"""Approvals: the caseworker's queue, one decision at a time, from the keyboard.

The queue holds the applications waiting for review, oldest first, each with its
age, the approvals it needs and has in this round, its risk, and what this
caseworker may do with it (and why not, in words). Decisions go through the
outbox and are sent at once when the portal can be reached; offline they wait,
marked pending. The rules live in `models.approvals` (no Qt); the portal has the
last word and a refusal lands in Needs attention.

Keys (while the page is shown): ↑/↓ or J/K move, Enter reads the detail, Esc
back to the queue, A approve, R reject, T or U return, N next you can review.
No multi-select: one application, one decision, on purpose.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLineEdit, QSplitter, QVBoxLayout, QWidget

from rules.applications import sensitive_of

from ..models import approvals as rules
from ..models import labels
from ..models.lazy_table import Column
from .application_detail import ApplicationDetail
from .page import OUTBOX
from .review_dialog import ReviewDialog, ordinal
from .review_queue import QueueModel, ReviewQueuePage
from .columns import ColumnFit
from .widgets import plain_label

COL_CASE, COL_TITLE, COL_INSTITUTION, COL_AGE, COL_APPROVALS, COL_RISK, COL_YOU = range(7)


class ApprovalsView(ReviewQueuePage):
    """The queue and one application's detail with its decision bar (what
    `sync` is: see `ReviewQueuePage`)."""
    KINDS = frozenset({"application", "researcher", "staff", OUTBOX})

    RULES = rules
    MODEL = QueueModel                  # muted: every row this user cannot decide
    DECISIONS = rules.DECISIONS
    DECISION_KEYS = (("A", "approve"), ("R", "reject"), ("T", "return"), ("U", "return"))
    # Window-wide, but a shortcut of a hidden widget never fires: they work while
    # this page is shown, wherever the focus is, except in a text field (which
    # keeps its letters) and never on another page.
    SHORTCUT_CONTEXT = Qt.ShortcutContext.WindowShortcut
    # On to the next one she can review, after this one in the queue as it was.
    STAY_ON_DECIDED = False

    def __init__(self, workspace, parent=None, sync=None):
        super().__init__(workspace, parent, sync)
        self.queue = rules.ApprovalQueue(workspace.cache, workspace.engine.outbox, workspace.user)
        self.dialog: ReviewDialog | None = None
        self.setObjectName("approvalsView")

        self.show_filter = self._filter_box(((self.tr("All waiting for review"), rules.SHOW_ALL),
                                             (self.tr("Only those I can review"), rules.SHOW_REVIEWABLE),
                                             (self.tr("Only those I cannot review"), rules.SHOW_BLOCKED)))
        self.search = QLineEdit()       # Ctrl+F; a text field keeps its letters, so A/R/T type here
        self.search.setPlaceholderText(self.tr("Search the queue…"))
        self.search.setAccessibleName(self.tr("Search the queue"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        self.search.setMaximumWidth(260)
        top = self._top_bar(self.tr("Approvals"), (self.search,))

        self.table = self._queue_table("approvalsQueue", self.tr("Applications waiting for review"), COL_TITLE)
        self.column_fit = ColumnFit(self.table, "approvals", COL_TITLE, {
            COL_CASE: "APP-2026-0000", COL_INSTITUTION: "Aarhus University", COL_AGE: "365 days",
            COL_APPROVALS: "0 of 3", COL_RISK: self.tr("sensitive"), COL_YOU: self.tr("can review")}, main_min=160)

        self.detail = ApplicationDetail(workspace)
        self.detail.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.bar = self._decision_bar(self.tr("Your decision"),
                                      (("approve", self.tr("&Approve  (A)")), ("reject", self.tr("&Reject  (R)")),
                                       ("return", self.tr("Re&turn  (T)"))),
                                      self.tr("Go to the next application you can review"))
        self.approve_button, self.reject_button, self.return_button = self.buttons.values()

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.setSpacing(6)
        right_layout.addWidget(self.bar)
        right_layout.addWidget(self.detail, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        self.keys_hint = plain_label(self.tr("↑/↓ or J/K move · Enter read the case · A approve · R reject · "
                                             "T return · N next you can review"), wrap=True)
        self.keys_hint.setObjectName("muted")
        left_layout.addWidget(self.keys_hint)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([880, 360])
        self._lay_out(top, self.splitter)

        self._connect(self.focus_detail)
        self.show_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.focus_list)
        header = self.table.horizontalHeader()
        header.setSortIndicator(COL_AGE, Qt.SortOrder.DescendingOrder)
        self._sorted_by = (COL_AGE, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.model.sort(COL_AGE, Qt.SortOrder.DescendingOrder)
        self.refresh()

    # -- building -------------------------------------------------------------------
    def _columns(self) -> list[Column]:
        right = Qt.AlignmentFlag.AlignRight
        return [
            Column("id", self.tr("Case"), "id"),
            Column("title", self.tr("Title"), "title", display=lambda r: r["item"].title,
                   tooltip=lambda r: r["item"].title),
            Column("institution", self.tr("Institution"), "institution", display=lambda r: r["item"].institution,
                   tooltip=lambda r: r["item"].institution),
            self._age_column(),
            Column("approvals", self.tr("Approvals"), None, align=right,
                   display=lambda r: self.tr("%1 of %2").replace("%1", str(r["item"].given))
                   .replace("%2", str(r["item"].required)),
                   tooltip=lambda r: self.tr("%1 of the %2 approvals needed in this round")
                   .replace("%1", str(r["item"].given)).replace("%2", str(r["item"].required))),
            Column("risk", self.tr("Risk"), "required_approvals", display=lambda r: self._risk(r["item"]),
                   tooltip=lambda r: self._risk_tip(r["item"])),
            Column("you", self.tr("For you"), None, display=lambda r: self.mark(r["item"]),
                   tooltip=lambda r: self.mark_tip(r["item"])),
        ]

    def shortcut_help(self) -> list[str]:
        """Shown in the window's keyboard-shortcuts help while this page is open."""
        return [self.tr("↑/↓ or J/K — previous / next application in the queue"),
                self.tr("Enter — read the selected case (Esc back to the queue)"),
                self.tr("A — approve (asks to confirm)"),
                self.tr("R — reject (a reason is required)"),
                self.tr("T or U — return to the applicant (a reason is required)"),
                self.tr("N — next application you can review")]

    def _sort_changed(self, column: int, order: Qt.SortOrder):
        """Columns computed per user (approvals, "For you") do not sort: keep the
        indicator where the order really comes from."""
        if self.model.columns[column].sort_key is None:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(*self._sorted_by)
            header.blockSignals(False)
            return
        self._sorted_by = (column, order)

    # -- the queue ------------------------------------------------------------------
    def _ids(self, order_by: str | None, descending: bool) -> list[str]:
        if order_by == "age":                       # older = larger age = earlier submitted
            order_by, descending = "submitted_at", not descending
        ids = self.queue.ids(order_by or "submitted_at", descending, search=self.search.text())
        show = self.show_filter.currentData()
        if show and show != rules.SHOW_ALL:
            ids = [i.id for i in self.queue.items(ids) if rules.keep(i, show)]
        return ids

    def _update_summary(self):
        items = self.queue.items(self.queue.ids())
        waiting = len(items)
        can = sum(1 for i in items if i.reviewable)
        pending = sum(1 for i in items if i.pending)
        text = self.tr("%1 waiting · %2 you can review").replace("%1", str(waiting)).replace("%2", str(can))
        if pending:
            text += " · " + self.tr("%1 of your decisions not sent yet").replace("%1", str(pending))
        shown = self.model.rowCount()
        if shown != waiting:
            text += " · " + self.tr("%1 shown").replace("%1", str(shown))
        self.summary.setText(text)

    open_application = ReviewQueuePage.select     # the name other views use to open a case

    def open_case(self, kind: str, entity_id: str) -> bool:
        return kind == "application" and self.select(entity_id) is not False

    def focus_detail(self):
        if self.current_id():
            self.detail.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show(self, application_id: str | None):
        """Update the decision bar and the detail; the detail is rebuilt only when
        the application or its version changed (a sync does not lose the reader's place)."""
        item = self.queue.item(application_id) if application_id else None
        self._update_bar(item)
        key = (application_id, item.version if item else None)
        if self._shown != key or self.detail.current_id != application_id:
            self._shown = key
            self.detail.show_application(application_id)

    # -- the decision bar -------------------------------------------------------------
    def _update_bar(self, item: rules.QueueItem | None):
        if item is None:
            filtered = self.search.text().strip() or self.show_filter.currentData() != rules.SHOW_ALL
            self._clear_bar(self.tr("No application in the queue matches.") if filtered
                            else self.tr("No applications are waiting for review."))
            return
        self.position.setText(self._position_text(item))
        block = self._lead_block(item)
        self._show_reason(self.block_text(block, item) if block else "", item,
                          self.tr("Your earlier decision was refused by the portal (%1); see Needs attention. "
                                  "You can decide again."))
        for decision, button in self.buttons.items():
            block = item.block_for(decision)
            button.setEnabled(block is None)
            button.setToolTip(self.block_text(block, item) if block else self._button_tip(decision, item))

    def _position_text(self, item: rules.QueueItem) -> str:
        if item.pending:
            return self._pending_text(self.tr("Pending: %1 (%2)"), item.pending)
        if item.my_review:
            return self.tr("You reviewed this application: %1").replace(
                "%1", labels.decision(item.my_review.get("decision")))
        if not item.reviewable:
            return self.tr("You cannot decide on %1").replace("%1", item.id)
        if not item.may("approve"):
            return self.tr("%1: %2 of %3 approvals so far").replace("%1", item.id) \
                .replace("%2", str(item.given)).replace("%3", str(item.required))
        if item.approve_completes:
            return self.tr("Your approval would be the %1 of %2 — the last one needed").replace(
                "%1", ordinal(item.ordinal)).replace("%2", str(item.required))
        return self.tr("Your approval would be the %1 of %2").replace("%1", ordinal(item.ordinal)) \
            .replace("%2", str(item.required))

    def _button_tip(self, decision: str, item: rules.QueueItem) -> str:
        if decision == "approve":
            return self.tr("Approve as the %1 of %2 (A)").replace("%1", ordinal(item.ordinal)) \
                .replace("%2", str(item.required))
        if decision == "reject":
            return self.tr("Reject with a reason; this ends the application (R)")
        return self.tr("Return to the applicant with a reason (T)")

    # -- texts ------------------------------------------------------------------------------
    def _risk(self, item: rules.QueueItem) -> str:
        return self.tr("sensitive") if item.sensitive else self.tr("standard")

    def _risk_tip(self, item: rules.QueueItem) -> str:
        sensitive = sensitive_of(item.registers)
        if item.sensitive:
            return self.tr("Sensitive registers (%1): %2 approvals needed").replace(
                "%1", ", ".join(sensitive) or "?").replace("%2", str(item.required))
        return self.tr("Standard registers: %1 approvals needed").replace("%1", str(item.required))

    def _decision_word(self, decision: str | None) -> str:
        return {"approve": self.tr("approve"), "reject": self.tr("reject"),
                "return": self.tr("return")}.get(decision or "", decision or "?")

    def block_short(self, block: rules.Block, item: rules.QueueItem) -> str:
        code = block.code
        if code == rules.CONFLICT:
            return self.tr("conflict of interest")
        if code == rules.OWN_APPLICATION:
            return self.tr("your own application")
        if code == rules.CERTIFICATION:
            return self.tr("certification lapsed") if item.certified_until else self.tr("certification unknown")
        if code == rules.NOT_OPEN:
            return self.tr("already decided")
        if code == rules.NOT_CASEWORKER:
            return self.tr("caseworkers only")
        return super().block_short(block, item)

    def block_text(self, block: rules.Block, item: rules.QueueItem) -> str:
        code, facts = block.code, block.facts
        if code == rules.ALREADY_REVIEWED:
            when = labels.local_time(facts.get("at"))
            text = self.tr("You have already reviewed this application (%1 %2); another caseworker must decide.") \
                .replace("%1", labels.decision(facts.get("decision"))).replace("%2", when)
            if (facts.get("round") or 1) != item.round:
                text += " " + self.tr("Nobody reviews the same application twice, in any round.")
            return text
        if code == rules.CONFLICT:
            return self.tr("You declared a conflict of interest with %1; another caseworker must decide.") \
                .replace("%1", facts.get("institution") or item.institution)
        if code == rules.OWN_APPLICATION:
            return self.tr("This is your own application; another caseworker must decide.")
        if code == rules.CERTIFICATION:
            if facts.get("until"):
                text = self.tr("Cannot be approved: the applicant's certification lapsed on %1.") \
                    .replace("%1", labels.local_date(facts["until"]))
            else:
                text = self.tr("Cannot be approved: the applicant's certification is not known to be valid.")
            return text + " " + self.tr("You may still reject or return it.")
        if code == rules.SENT:
            return self.tr("Your decision was sent; the portal's updated case arrives with the next sync.")
        if code == rules.NOT_OPEN:
            return self.tr("This application is already decided (%1).").replace(
                "%1", labels.application_status(facts.get("status")))
        if code == rules.NOT_CASEWORKER:
            return self.tr("Only caseworkers review applications.")
        return super().block_text(block, item)

    # -- deciding ---------------------------------------------------------------------
    def _dialog(self, item: rules.QueueItem, decision: str) -> ReviewDialog:
        return ReviewDialog(item, decision, self)

    def _summary(self, item: rules.QueueItem, decision: str) -> str:
        summary = {"approve": self.tr("Approve %1 (as the %2 of %3)").replace("%2", ordinal(item.ordinal))
                   .replace("%3", str(item.required)),
                   "reject": self.tr("Reject %1"), "return": self.tr("Return %1")}[decision].replace("%1", item.id)
        return summary + " — " + item.title

    def outcome_text(self, item: rules.QueueItem, decision: str) -> str:
        if decision == "approve":
            if item.approve_completes:
                return labels.application_status("approved")
            return self.tr("%1 of %2 approvals given").replace("%1", str(item.ordinal)) \
                .replace("%2", str(item.required))
        return labels.application_status({"reject": "rejected", "return": "returned"}[decision])

    def _sync_finished(self, result):
        super()._sync_finished(result)
        if result.refused:
            self.say(self.tr("The portal refused %1 of your decisions: see Needs attention.")
                     .replace("%1", str(result.refused)))
        elif result.pushed and not self.outbox.pending_count():
            self.say(self.tr("Sent: the portal accepted your decisions."))
