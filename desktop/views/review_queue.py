"""What the two review queues share: the caseworker's approvals and the
supervisor's output checks are the same page -- a queue, one case at a time,
a decision bar, keys -- over different rules.

`ReviewQueuePage` holds the queue's table, selection and keys, the decision
bar's frame, the pending and refusal marks and the queue-then-send round trip.
A page supplies its rules module (`RULES`), its decisions (`DECISIONS`, the
first being the one the bar explains), its columns, `_ids`, `_show`,
`_update_summary`, `_position_text`, `_decision_word`, `_summary`, `_dialog`
and the block texts of its own codes.

Strings here are looked up at run time under the page's own context first
(PySide6 walks the class's MRO), then under "ReviewQueuePage": both views
translate them alike.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFrame, QHBoxLayout, QHeaderView,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from ..models import labels
from ..models.lazy_table import Column, LazyTableModel
from .certification_status import own_certification_text
from .page import CasePage
from .sync_controller import send_soon
from .widgets import heading, plain_label


class QueueModel(LazyTableModel):
    """The lazy ids-based table, plus a muted colour for rows this user cannot
    decide (the text of the "For you" column says why: never colour alone)."""

    def muted(self, item) -> bool:
        return not item.reviewable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row(index.row())
            if row is not None and self.muted(row["item"]):
                return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            return None
        return super().data(index, role)

    def item(self, number: int):
        row = self.row(number)
        return row["item"] if row else None


class ReviewQueuePage(CasePage, QWidget):
    """A queue of cases and the decision bar of the current one. Subclasses build
    their own layout from the pieces below, in their own order.

    `sync` is the window's SyncController (anything with `sync_soon()`, `online`
    and a `finished` signal); without one, `request_sync` is emitted instead and
    whoever owns the sync connects it."""

    request_sync = Signal()
    decided = Signal(str, str)          # case id, decision or verdict (queued)

    RULES = None                        # the page's rules module (models.approvals, models.outputs)
    DECISIONS: tuple = ()               # in button order; the first is the one the bar explains
    DECISION_KEYS: tuple = ()           # (key, decision), in the order the keys are bound
    DECISION_FIELD = "decision"         # its name in a pending mark's facts
    SHORTCUT_CONTEXT = Qt.ShortcutContext.WindowShortcut
    STAY_ON_DECIDED = False             # after a decision: stay on it, or go to the next one to review
    MODEL = QueueModel

    def __init__(self, workspace, parent=None, sync=None):
        super().__init__(parent)
        self.workspace = workspace
        self.cache = workspace.cache
        self.outbox = workspace.engine.outbox
        self._sync = sync
        self._shown: tuple | None = None          # what the detail shows (id, version …)
        self._selected: str | None = None
        self.dialog = None

    # -- building ---------------------------------------------------------------------
    def _filter_box(self, choices) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(self.tr("Show"))
        for text, value in choices:
            box.addItem(text, value)
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)      # reachable with Tab (accessibility)
        return box

    def _top_bar(self, title: str, before_filter=()) -> QHBoxLayout:
        """Title and summary, then `before_filter` and the Show filter; the caller adds more."""
        self.summary = plain_label("")
        self.summary.setObjectName("muted")
        top = QHBoxLayout()
        top.addWidget(heading(title))
        top.addSpacing(12)
        top.addWidget(self.summary, 1, Qt.AlignmentFlag.AlignBottom)
        show_label = plain_label(self.tr("Show:"))
        show_label.setBuddy(self.show_filter)
        for widget in (*before_filter, show_label, self.show_filter):
            top.addWidget(widget, 0, Qt.AlignmentFlag.AlignBottom)
        return top

    def _queue_table(self, name: str, accessible_name: str, stretch_column: int) -> QTableView:
        """The model and its table: one row at a time (never bulk), sortable, no editing."""
        self.model = self.MODEL(self._columns(), self._ids, self._rows, self)
        table = QTableView()
        table.setObjectName(name)
        table.setModel(self.model)
        table.setAccessibleName(accessible_name)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.setSortingEnabled(True)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        return table

    def _age_column(self) -> Column:
        return Column("age", self.tr("Age"), "age", align=Qt.AlignmentFlag.AlignRight,
                      display=lambda r: self._age(r["item"].age_days),
                      tooltip=lambda r: self.tr("Submitted %1").replace(
                          "%1", labels.local_time(r["item"].submitted_at)))

    def _decision_bar(self, position_name: str, buttons, next_tip: str) -> QFrame:
        """Where the case stands for this user, why not (if so), a button per
        (decision, text) of `buttons`, Next, and the last action's message."""
        bar = QFrame()
        bar.setObjectName("card")
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(bar)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        self.position = plain_label("", wrap=True)
        self.position.setObjectName("subheading")
        self.position.setAccessibleName(position_name)
        self.reason = plain_label("", wrap=True)
        self.reason.setObjectName("error")
        self.reason.setAccessibleName(self.tr("Why you cannot decide"))
        self.note = plain_label("", wrap=True)
        self.note.setObjectName("muted")
        self.note.setAccessibleName(self.tr("Last action"))
        self.buttons = {decision: QPushButton(text) for decision, text in buttons}
        self.next_button = QPushButton(self.tr("&Next  (N)"))
        self.next_button.setToolTip(next_tip)
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

    def _lay_out(self, top: QHBoxLayout, body: QWidget):
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.addLayout(top)
        layout.addWidget(body, 1)

    def _connect(self, open_case):
        """Keys, selection, Enter on a row (`open_case`) and the end of a sync round."""
        self._shortcuts()
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda _index: open_case())
        if self._sync is not None:   # what a round said (refreshing is the window's: on_changes)
            self._sync.finished.connect(self._sync_finished)

    def say(self, text: str):
        """A short message under the decision buttons (what just happened, or why not)."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _shortcuts(self):
        bindings = [("J", lambda: self.move(1)), ("K", lambda: self.move(-1)),
                    *((keys, lambda d=decision: self.start_decision(d)) for keys, decision in self.DECISION_KEYS),
                    ("N", self.go_next), *self._more_shortcuts(), ("Escape", self.focus_list)]
        self.shortcuts = []
        for keys, slot in bindings:
            shortcut = QShortcut(QKeySequence(keys), self, context=self.SHORTCUT_CONTEXT)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)

    def _more_shortcuts(self) -> list:
        """The page's own keys, bound after N."""
        return []

    # -- the queue ------------------------------------------------------------------------
    def _rows(self, ids: list[str]) -> list[dict]:
        return [{"id": item.id, "item": item} for item in self.queue.items(ids)]

    def refresh(self) -> None:
        """Query again (after a sync, a decision or a filter change), keeping the
        selected case, or the one now in its place."""
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

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def current_item(self):
        case_id = self.current_id()
        return self.queue.item(case_id) if case_id else None

    def select(self, case_id: str) -> bool:
        row = self.model.row_of(case_id)
        if row < 0:
            return False
        self._select_row(row)
        return True

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
        """To the next case this user can review (after the current one, wrapping)."""
        ids = self.model.ids
        items = {i.id: i for i in self.queue.items(ids)}
        target = self.RULES.next_reviewable(ids, items, self.current_id())
        if target is None:
            self.say(self.tr("Nothing else in the queue that you can review."))
            return
        self.select(target)

    def focus_list(self):
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _current_changed(self, current: QModelIndex, _previous):
        case_id = self.model.id_at(current.row()) if current.isValid() else None
        if case_id != self._selected:
            self.say("")     # the last message was about the previous case
            self._selected = case_id
        self._show(case_id)

    # -- the decision bar ---------------------------------------------------------------
    def _clear_bar(self, empty_text: str):
        """No case selected: `empty_text` when the queue shows none."""
        self.position.setText(self.tr("Nothing selected") if self.model.rowCount() else empty_text)
        self.reason.setText("")
        self.reason.hide()
        for button in self.buttons.values():
            button.setEnabled(False)
            button.setToolTip("")

    def _lead_block(self, item):
        """Why the bar's first decision is not possible (or nothing at all is), or None."""
        return item.fully_blocked or item.block_for(self.DECISIONS[0])

    def _show_reason(self, reason: str, item, refused_text: str):
        """The reason under the position; a refusal by the portal (`refused_text`,
        %1 its code) is added unless nothing can be decided anyway."""
        if item.refused and not item.fully_blocked:
            refused = refused_text.replace("%1", item.refused.get("code") or "?")
            reason = f"{reason}\n{refused}" if reason else refused
        self.reason.setText(reason)
        self.reason.setVisible(bool(reason))

    # -- texts ------------------------------------------------------------------------------
    def _age(self, days: int | None) -> str:
        if days is None:
            return ""
        if days == 0:
            return self.tr("today")
        return self.tr("1 day") if days == 1 else self.tr("%1 days").replace("%1", str(days))

    def _pending_state(self, pending: dict) -> str:
        return self.tr("sending") if pending.get("state") == "sending" else self.tr("queued")

    def _pending_text(self, template: str, facts: dict) -> str:
        """`template` with %1 the pending decision in words and %2 queued or sending."""
        return template.replace("%1", self._decision_word(facts.get(self.DECISION_FIELD))) \
            .replace("%2", self._pending_state(facts))

    def mark(self, item) -> str:
        """The "For you" column: what this user may do, in words."""
        if item.pending:
            return self._pending_text(self.tr("pending: %1 (%2)"), item.pending)
        block = item.fully_blocked
        if block is not None:
            return self.block_short(block, item)
        lead = item.block_for(self.DECISIONS[0])
        text = self.tr("can review")
        if lead is not None:     # the other decisions stay possible; the decision bar says so
            text = self.block_short(lead, item)
        if item.refused:
            text += " · " + self.tr("refused earlier")
        return text

    def mark_tip(self, item) -> str:
        block = self._lead_block(item)
        return self.block_text(block, item) if block else self._position_text(item)

    def block_short(self, block, item) -> str:
        """A block in a few words, for the "For you" column (pages add their own codes)."""
        code = block.code
        if code == self.RULES.ALREADY_REVIEWED:
            return self.tr("already reviewed by you")
        if code == self.RULES.PENDING:
            return self.tr("pending")
        if code == self.RULES.SENT:
            return self.tr("sent, waiting for the portal")
        if code == self.RULES.OWN_CERTIFICATION:
            return self.tr("your certification lapsed")
        return code

    def block_text(self, block, item) -> str:
        """The full reason, as the decision bar and the tooltips say it (pages add their own codes)."""
        if block.code == self.RULES.PENDING:
            return self._pending_text(self.tr("Your %1 is %2 and is sent at the next sync. You cannot decide again "
                                              "until the portal has answered."), block.facts)
        if block.code == self.RULES.OWN_CERTIFICATION:
            return own_certification_text(block.facts.get("until"))
        return block.code

    # -- deciding ---------------------------------------------------------------------
    def start_decision(self, decision: str):
        """A decision key or button: ask (confirm or a reason), then queue the decision."""
        if self.dialog is not None and self.dialog.isVisible():
            return
        item = self.current_item()
        if item is None:
            return
        block = item.block_for(decision)
        if block is not None:
            self.say(self.tr("Not possible: %1").replace("%1", self.block_text(block, item)))
            return
        dialog = self._dialog(item, decision)
        if dialog is None:
            return
        self.dialog = dialog
        dialog.accepted.connect(lambda d=dialog: self._confirmed(d))
        dialog.finished.connect(lambda _r: self.table.setFocus())
        dialog.open()

    def decision_extra(self, dialog) -> dict:
        """More of the dialog's answer for the queue's `decide` (an output's withhold reason)."""
        return {}

    def _confirmed(self, dialog):
        item = dialog.item
        decision = dialog.decision()
        summary = self._summary(item, decision)
        try:
            self.queue.decide(item.id, decision, dialog.comment(), summary, expected_version=item.version,
                              **self.decision_extra(dialog))
        except ValueError as exc:
            # The case changed while the dialog was open (a sync brought another decision).
            logging.getLogger(type(self).__module__).info("%s not queued: %s", self.DECISION_FIELD, exc)
            self.refresh()
            self.say(self.tr("Not queued: %1 changed while you were deciding. Check it and decide again.")
                     .replace("%1", item.id))
            return
        online = self._online()
        self.decided.emit(item.id, decision)
        # The next one to review after this one in the queue as it was (with a
        # filter, the decided one may leave the list).
        before = self.model.ids
        target = self.RULES.next_reviewable(before, {i.id: i for i in self.queue.items(before)}, item.id)
        self.model.refresh()
        self._update_summary()
        first, second = (item.id, target) if self.STAY_ON_DECIDED else (target, item.id)
        if not (first and self.select(first)) and not (second and self.select(second)):
            self.refresh()
        self._show(self.current_id())
        self.table.setFocus()
        self._say_queued(summary, online, self.outcome_text(item, decision))
        self._send_soon()

    # -- sending ---------------------------------------------------------------------------
    def _online(self) -> bool:
        return self._sync is None or self._sync.online is not False

    def outcome_text(self, item, decision: str) -> str:
        """What the case becomes once the portal takes the decision, in words (pages say it)."""
        return ""

    def _say_queued(self, summary: str, online: bool, outcome: str = ""):
        if outcome:
            summary = self.tr("%1 — then %2").replace("%1", summary).replace("%2", outcome)
        self.say((self.tr("Queued: %1. Sending…") if online else
                  self.tr("Queued: %1. You are offline: it is sent when the portal can be reached."))
                 .replace("%1", summary))

    def _send_soon(self):
        send_soon(self._sync, self.request_sync)

    def _sync_finished(self, result):
        pass

    def _is_own_action(self, row: dict) -> bool:
        return self.RULES.is_review_action(row)
