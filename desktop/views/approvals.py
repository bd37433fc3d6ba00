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

import logging

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFrame, QHBoxLayout, QHeaderView,
                               QLineEdit, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from ..models import approvals as rules
from ..models import labels
from ..models.lazy_table import Column, LazyTableModel
from .application_detail import ApplicationDetail
from .review_dialog import ReviewDialog, ordinal
from .widgets import heading, plain_label, set_column_widths

log = logging.getLogger(__name__)

COL_CASE, COL_TITLE, COL_INSTITUTION, COL_AGE, COL_APPROVALS, COL_RISK, COL_YOU = range(7)


class QueueModel(LazyTableModel):
    """The lazy ids-based table, plus a muted colour for rows this user cannot
    decide (the text of the "For you" column says why: never colour alone)."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row(index.row())
            if row is not None and not row["item"].reviewable:
                return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            return None
        return super().data(index, role)

    def item(self, number: int) -> rules.QueueItem | None:
        row = self.row(number)
        return row["item"] if row else None


class ApprovalsView(QWidget):
    """The queue and one application's detail with its decision bar.

    `sync` is the window's SyncController (anything with `sync_now(user_asked)`,
    `running` and a `finished` signal); without one, `request_sync` is emitted
    instead and whoever owns the sync connects it."""

    request_sync = Signal()
    decided = Signal(str, str)        # application id, decision (queued)

    def __init__(self, workspace, parent=None, sync=None):
        super().__init__(parent)
        self.workspace = workspace
        self.cache = workspace.cache
        self.outbox = workspace.engine.outbox
        self.queue = rules.ApprovalQueue(workspace.cache, workspace.engine.outbox, workspace.user)
        self._sync = sync
        self._shown: tuple | None = None          # (id, version) the detail shows
        self._selected: str | None = None
        self.dialog: ReviewDialog | None = None
        self.setObjectName("approvalsView")

        title = heading(self.tr("Approvals"))
        self.summary = plain_label("")
        self.summary.setObjectName("muted")
        self.show_filter = QComboBox()
        self.show_filter.setAccessibleName(self.tr("Show"))
        self.show_filter.addItem(self.tr("All waiting for review"), rules.SHOW_ALL)
        self.show_filter.addItem(self.tr("Only those I can review"), rules.SHOW_REVIEWABLE)
        self.show_filter.addItem(self.tr("Only those I cannot review"), rules.SHOW_BLOCKED)
        self.show_filter.setFocusPolicy(Qt.FocusPolicy.StrongFocus)      # reachable with Tab (accessibility)
        self.search = QLineEdit()       # Ctrl+F; a text field keeps its letters, so A/R/T type here
        self.search.setPlaceholderText(self.tr("Search the queue…"))
        self.search.setAccessibleName(self.tr("Search the queue"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        self.search.setMaximumWidth(260)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.summary, 1, Qt.AlignmentFlag.AlignBottom)
        show_label = plain_label(self.tr("Show:"))
        show_label.setBuddy(self.show_filter)
        top.addWidget(self.search, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(show_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.show_filter, 0, Qt.AlignmentFlag.AlignBottom)

        self.model = QueueModel(self._columns(), self._ids, self._rows, self)
        self.table = QTableView()
        self.table.setObjectName("approvalsQueue")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Applications waiting for review"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)   # never bulk
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        digits = self.fontMetrics().horizontalAdvance("APP-2026-00000")
        set_column_widths(self.table, ((COL_CASE, digits + 12), (COL_INSTITUTION, 150), (COL_AGE, 62),
                                       (COL_APPROVALS, 70), (COL_RISK, 72), (COL_YOU, 172)))

        self.detail = ApplicationDetail(workspace)
        self.detail.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.bar = self._decision_bar()

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
        self.splitter.setSizes([800, 440])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self._shortcuts()
        self.show_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.focus_list)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda _index: self.focus_detail())
        if sync is not None:
            sync.finished.connect(self._sync_finished)
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
            Column("age", self.tr("Age"), "age", align=right, display=lambda r: self._age(r["item"].age_days),
                   tooltip=lambda r: self.tr("Submitted %1").replace("%1", labels.local_time(r["item"].submitted_at))),
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

    def _decision_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("card")
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(bar)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        self.position = plain_label("", wrap=True)
        self.position.setObjectName("subheading")
        self.position.setAccessibleName(self.tr("Your decision"))
        self.reason = plain_label("", wrap=True)
        self.reason.setObjectName("error")
        self.reason.setAccessibleName(self.tr("Why you cannot decide"))
        self.note = plain_label("", wrap=True)
        self.note.setObjectName("muted")
        self.note.setAccessibleName(self.tr("Last action"))
        self.approve_button = QPushButton(self.tr("&Approve  (A)"))
        self.reject_button = QPushButton(self.tr("&Reject  (R)"))
        self.return_button = QPushButton(self.tr("Re&turn  (T)"))
        self.next_button = QPushButton(self.tr("&Next  (N)"))
        self.next_button.setToolTip(self.tr("Go to the next application you can review"))
        self.buttons = {"approve": self.approve_button, "reject": self.reject_button, "return": self.return_button}
        row = QHBoxLayout()
        row.setSpacing(6)
        for decision, button in self.buttons.items():
            button.setObjectName(f"{decision}Button")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _=False, d=decision: self.start_decision(d))
            row.addWidget(button)
        row.addStretch(1)
        self.next_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.next_button.clicked.connect(self.go_next)
        row.addWidget(self.next_button)
        layout.addWidget(self.position)
        layout.addWidget(self.reason)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self.note.hide()
        return bar

    def say(self, text: str):
        """A short message under the decision buttons (what just happened, or why not)."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _shortcuts(self):
        # Window-wide, but a shortcut of a hidden widget never fires: they work while
        # this page is shown, wherever the focus is, except in a text field (which
        # keeps its letters) and never on another page.
        context = Qt.ShortcutContext.WindowShortcut
        bindings = [("J", lambda: self.move(1)), ("K", lambda: self.move(-1)),
                    ("A", lambda: self.start_decision("approve")), ("R", lambda: self.start_decision("reject")),
                    ("T", lambda: self.start_decision("return")), ("U", lambda: self.start_decision("return")),
                    ("N", self.go_next), ("Escape", self.focus_list)]
        self.shortcuts = []
        for keys, slot in bindings:
            shortcut = QShortcut(QKeySequence(keys), self, context=context)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)

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

    def _rows(self, ids: list[str]) -> list[dict]:
        return [{"id": item.id, "item": item} for item in self.queue.items(ids)]

    def refresh(self) -> None:
        """Query again (after a sync, a decision or a filter change), keeping the
        selected application, or the one now in its place."""
        current = self.current_id()
        row_before = self.table.currentIndex().row()
        self.model.refresh()
        self._update_summary()
        if current and self.select(current):
            self._show(current)
        elif self.model.rowCount():
            self._select_row(min(max(row_before, 0), self.model.rowCount() - 1))
        else:
            self._show(None)

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

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def current_item(self) -> rules.QueueItem | None:
        app_id = self.current_id()
        return self.queue.item(app_id) if app_id else None

    def select(self, application_id: str) -> bool:
        row = self.model.row_of(application_id)
        if row < 0:
            return False
        self._select_row(row)
        return True

    open_application = select     # the name other views use to open a case

    def _select_row(self, row: int):
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def move(self, step: int):
        count = self.model.rowCount()
        if not count:
            return
        row = self.table.currentIndex().row()
        self._select_row(min(max(0 if row < 0 else row + step, 0), count - 1))

    def go_next(self):
        """To the next application this user can review (after the current one, wrapping)."""
        ids = self.model.ids
        items = {i.id: i for i in self.queue.items(ids)}
        target = rules.next_reviewable(ids, items, self.current_id())
        if target is None:
            self.say(self.tr("Nothing else in the queue that you can review."))
            return
        self.select(target)

    def focus_detail(self):
        if self.current_id():
            self.detail.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_list(self):
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _current_changed(self, current: QModelIndex, _previous):
        app_id = self.model.id_at(current.row()) if current.isValid() else None
        if app_id != self._selected:
            self.say("")     # the last message was about the previous application
            self._selected = app_id
        self._show(app_id)

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
            if self.model.rowCount():
                self.position.setText(self.tr("Nothing selected"))
            elif self.search.text().strip() or self.show_filter.currentData() != rules.SHOW_ALL:
                self.position.setText(self.tr("No application in the queue matches."))
            else:
                self.position.setText(self.tr("No applications are waiting for review."))
            self.reason.setText("")
            self.reason.hide()
            for button in self.buttons.values():
                button.setEnabled(False)
                button.setToolTip("")
            return
        self.position.setText(self._position_text(item))
        block = item.fully_blocked or item.block_for("approve")
        reason = self.block_text(block, item) if block else ""
        if item.refused and not item.fully_blocked:
            refused = self.tr("Your earlier decision was refused by the portal (%1); see Needs attention. "
                              "You can decide again.").replace("%1", item.refused.get("code") or "?")
            reason = f"{reason}\n{refused}" if reason else refused
        self.reason.setText(reason)
        self.reason.setVisible(bool(reason))
        for decision, button in self.buttons.items():
            block = item.block_for(decision)
            button.setEnabled(block is None)
            button.setToolTip(self.block_text(block, item) if block else self._button_tip(decision, item))

    def _position_text(self, item: rules.QueueItem) -> str:
        if item.pending:
            return self.tr("Pending: %1 (%2)").replace("%1", self._decision_word(item.pending.get("decision"))) \
                .replace("%2", self._pending_state(item.pending))
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
    def _age(self, days: int | None) -> str:
        if days is None:
            return ""
        if days == 0:
            return self.tr("today")
        return self.tr("1 day") if days == 1 else self.tr("%1 days").replace("%1", str(days))

    def _risk(self, item: rules.QueueItem) -> str:
        return self.tr("sensitive") if item.sensitive else self.tr("standard")

    def _risk_tip(self, item: rules.QueueItem) -> str:
        sensitive = [r for r in item.registers if r in rules.SENSITIVE_REGISTERS]
        if item.sensitive:
            return self.tr("Sensitive registers (%1): %2 approvals needed").replace(
                "%1", ", ".join(sensitive) or "?").replace("%2", str(item.required))
        return self.tr("Standard registers: %1 approvals needed").replace("%1", str(item.required))

    def _decision_word(self, decision: str | None) -> str:
        return {"approve": self.tr("approve"), "reject": self.tr("reject"),
                "return": self.tr("return")}.get(decision or "", decision or "?")

    def _pending_state(self, pending: dict) -> str:
        return self.tr("sending") if pending.get("state") == "sending" else self.tr("queued")

    def mark(self, item: rules.QueueItem) -> str:
        """The "For you" column: what this user may do, in words."""
        if item.pending:
            return self.tr("pending: %1 (%2)").replace("%1", self._decision_word(item.pending.get("decision"))) \
                .replace("%2", self._pending_state(item.pending))
        block = item.fully_blocked
        if block is not None:
            return self.block_short(block, item)
        approve = item.block_for("approve")
        text = self.tr("can review")
        if approve is not None:     # reject and return stay possible; the decision bar says so
            text = self.block_short(approve, item)
        if item.refused:
            text += " · " + self.tr("refused earlier")
        return text

    def mark_tip(self, item: rules.QueueItem) -> str:
        block = item.fully_blocked or item.block_for("approve")
        if block is None:
            return self._position_text(item)
        return self.block_text(block, item)

    def block_short(self, block: rules.Block, item: rules.QueueItem) -> str:
        code = block.code
        if code == rules.ALREADY_REVIEWED:
            return self.tr("already reviewed by you")
        if code == rules.CONFLICT:
            return self.tr("conflict of interest")
        if code == rules.OWN_APPLICATION:
            return self.tr("your own application")
        if code == rules.CERTIFICATION:
            return self.tr("certification lapsed") if item.certified_until else self.tr("certification unknown")
        if code == rules.PENDING:
            return self.tr("pending")
        if code == rules.SENT:
            return self.tr("sent, waiting for the portal")
        if code == rules.NOT_OPEN:
            return self.tr("already decided")
        if code == rules.NOT_CASEWORKER:
            return self.tr("caseworkers only")
        return code

    def block_text(self, block: rules.Block, item: rules.QueueItem) -> str:
        """The full reason, as the decision bar and the tooltips say it."""
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
        if code == rules.PENDING:
            return self.tr("Your %1 is %2 and is sent at the next sync. You cannot decide again until the "
                           "portal has answered.").replace("%1", self._decision_word(facts.get("decision"))) \
                .replace("%2", self._pending_state(facts))
        if code == rules.SENT:
            return self.tr("Your decision was sent; the portal's updated case arrives with the next sync.")
        if code == rules.NOT_OPEN:
            return self.tr("This application is already decided (%1).").replace(
                "%1", labels.application_status(facts.get("status")))
        if code == rules.NOT_CASEWORKER:
            return self.tr("Only caseworkers review applications.")
        return code

    # -- deciding ---------------------------------------------------------------------
    def start_decision(self, decision: str):
        """A, R, T: ask (confirm or a reason), then queue the decision."""
        if self.dialog is not None and self.dialog.isVisible():
            return
        item = self.current_item()
        if item is None:
            return
        block = item.block_for(decision)
        if block is not None:
            self.say(self.tr("Not possible: %1").replace("%1", self.block_text(block, item)))
            return
        self.dialog = ReviewDialog(item, decision, self)
        self.dialog.accepted.connect(lambda d=self.dialog: self._confirmed(d))
        self.dialog.finished.connect(lambda _r: self.table.setFocus())
        self.dialog.open()

    def _confirmed(self, dialog: ReviewDialog):
        item = dialog.item
        decision = dialog.decision()
        summary = {"approve": self.tr("Approve %1 (as the %2 of %3)").replace("%2", ordinal(item.ordinal))
                   .replace("%3", str(item.required)),
                   "reject": self.tr("Reject %1"), "return": self.tr("Return %1")}[decision].replace("%1", item.id)
        summary += " — " + item.title
        try:
            self.queue.decide(item.id, decision, dialog.comment(), summary, expected_version=item.version)
        except ValueError as exc:
            # The case changed while the dialog was open (a sync brought another decision).
            log.info("decision not queued: %s", exc)
            self.refresh()
            self.say(self.tr("Not queued: %1 changed while you were deciding. Check it and decide again.")
                     .replace("%1", item.id))
            return
        online = self._sync is None or self._sync.online is not False
        self.decided.emit(item.id, decision)
        # On to the next one she can review, after this one in the queue as it was
        # (with a filter, the decided one may leave the list).
        before = self.model.ids
        target = rules.next_reviewable(before, {i.id: i for i in self.queue.items(before)}, item.id)
        self.model.refresh()
        self._update_summary()
        if not (target and self.select(target)) and not self.select(item.id):
            self.refresh()
        self._show(self.current_id())
        self.table.setFocus()
        self.say((self.tr("Queued: %1. Sending…") if online else
                  self.tr("Queued: %1. You are offline: it is sent when the portal can be reached."))
                 .replace("%1", summary))
        self._send_soon()

    def _send_soon(self):
        """Send what was just queued (through the window's sync controller when there is one)."""
        if self._sync is None:
            self.request_sync.emit()
        else:
            self._sync.sync_soon()

    def _sync_finished(self, result):
        # The window refreshes every page when a round changed something; an own
        # decision still waiting (offline) changes only its state: show that too.
        if not (result.pulled or result.pushed or result.refused) and any(
                rules.is_review_action(r) for r in self.outbox.pending()):
            self.refresh()
        if result.refused:
            self.say(self.tr("The portal refused %1 of your decisions: see Needs attention.")
                              .replace("%1", str(result.refused)))
        elif result.pushed and not self.outbox.pending_count():
            self.say(self.tr("Sent: the portal accepted your decisions."))
