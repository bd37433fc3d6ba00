"""The Administration page (administrators): users with roles, grants, certification and
active state; requests waiting for me, made by me, recently decided; approve or reject
(greyed with the rule when I cannot); new user, change, emergency access. Requests and
decisions queue in the outbox like other decisions; refusals come back to Needs attention."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLineEdit, QPushButton, QSplitter, QTableWidget, QTabWidget,
                               QVBoxLayout, QWidget)

from ..models import labels
from ..models.admin import AdminData
from ..sync import admin as admin_calls
from ..tasks import Op
from . import admin_text
from .admin_forms import ChangeDialog, CreateUserDialog, EmergencyDialog, EnrolmentCodeDialog
from .admin_users import UsersTab, cell as _cell, table as _table
from .page import CasePage, OUTBOX
from .sync_controller import send_soon
from .widgets import heading, plain_label, set_column_widths

ID_ROLE = Qt.ItemDataRole.UserRole


class AdminView(CasePage, QWidget):
    KINDS = frozenset({"staff", "admin_request", OUTBOX})

    request_sync = Signal()

    def __init__(self, workspace, sync=None, parent=None):
        super().__init__(parent)
        self.workspace, self.sync = workspace, sync
        self.data = AdminData(workspace)
        self._selected: str | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Administration")))
        layout.addWidget(plain_label(self.tr("Every change to users and roles is a request that another "
                                             "administrator approves (two when it grants administrator)."), wrap=True))
        actions = QHBoxLayout()
        self.new_user = QPushButton(self.tr("&New user…"))
        self.change = QPushButton(self.tr("C&hange selected user…"))
        self.emergency = QPushButton(self.tr("&Emergency access…"))
        for button in (self.new_user, self.change, self.emergency):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.new_user.clicked.connect(self.ask_new_user)
        self.change.clicked.connect(self.ask_change)
        self.emergency.clicked.connect(self.ask_emergency)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.users_tab = UsersTab(self)
        self.users_tab.selection_changed.connect(self._update_buttons)
        self.search, self.users = self.users_tab.search, self.users_tab.table
        self.tabs.addTab(self.users_tab, self.tr("Users"))

        requests = QWidget()
        req_layout = QVBoxLayout(requests)
        split = QSplitter(Qt.Orientation.Vertical)
        self.lists = {}
        for key, title in (("waiting", self.tr("Waiting for me")), ("mine", self.tr("Requests I made")),
                           ("recent", self.tr("Recent decisions"))):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(heading(title, level=2))
            table = _table([self.tr("Request"), self.tr("What"), self.tr("Status"), self.tr("Asked by")], title)
            set_column_widths(table, [(0, 110), (1, 480), (2, 190)])
            table.itemSelectionChanged.connect(lambda t=table: self._picked(t))
            box_layout.addWidget(table)
            self.lists[key] = table
            split.addWidget(box)
        req_layout.addWidget(split, 1)
        decision = QWidget()
        decision_layout = QVBoxLayout(decision)
        decision_layout.setContentsMargins(0, 4, 0, 0)
        split.addWidget(decision)
        split.setSizes([220, 160, 160, 150])
        self.detail = plain_label("", wrap=True, selectable=True)
        self.reason = plain_label("", wrap=True)
        self.reason.setObjectName("muted")
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("Comment (needed to reject)"))
        self.comment.setAccessibleName(self.tr("Comment"))
        self.comment.textChanged.connect(self._update_buttons)
        bar = QHBoxLayout()
        self.approve = QPushButton(self.tr("&Approve"))
        self.reject = QPushButton(self.tr("&Reject"))
        self.enrolment = QPushButton(self.tr("Show enrolment &code…"))
        bar.addWidget(self.comment, 1)
        for button in (self.approve, self.reject, self.enrolment):
            bar.addWidget(button)
        self.approve.clicked.connect(lambda: self.decide("approve"))
        self.reject.clicked.connect(lambda: self.decide("reject"))
        self.enrolment.clicked.connect(self.show_enrolment_code)
        decision_layout.addWidget(self.detail)
        decision_layout.addWidget(self.reason)
        decision_layout.addLayout(bar)
        decision_layout.addStretch(1)
        self.message = plain_label("", wrap=True)
        req_layout.addWidget(self.message)
        self.tabs.addTab(requests, self.tr("Requests"))
        self.refresh()

    # -- filling ---------------------------------------------------------------------------
    def refresh(self):
        self.staff = self.data.staff()
        self.staff_by_id = {s["id"]: s for s in self.staff}
        self._fill_users()
        self.items = self.data.items()
        waiting, mine, recent = self.data.sorted_lists()
        self.tabs.setTabText(1, self.tr("Requests (%1 waiting)").replace("%1", str(len(waiting)))
                             if waiting else self.tr("Requests"))
        for key, rows in (("waiting", waiting), ("mine", mine), ("recent", recent)):
            table = self.lists[key]
            table.blockSignals(True)
            table.setRowCount(len(rows))
            for n, item in enumerate(rows):
                r = item.request
                state = admin_text.status(r.get("status"))
                if r.get("status") == "pending":
                    state = f"{state}, {self.progress(r)}"
                what = admin_text.describe(r, self.staff_by_id)
                table.setItem(n, 0, _cell(r["id"], r["id"]))
                table.setItem(n, 1, _cell(what, r["id"], what + "\n" + (r.get("justification") or "")))
                table.setItem(n, 2, _cell(state, r["id"]))
                table.setItem(n, 3, _cell(admin_text.person(self.staff_by_id, r.get("requested_by")), r["id"]))
            table.blockSignals(False)
        self._show_request()

    def progress(self, request: dict) -> str:
        required = int(request.get("required_approvals") or 1)
        return self.tr("%1 of %n approval(s)", "", required).replace("%1", str(len(request.get("approvals") or [])))

    def _fill_users(self):
        self.users_tab.fill(self.staff)
        self._update_buttons()

    # -- selection and the decision bar --------------------------------------------------
    def _picked(self, table: QTableWidget):
        row = table.currentRow()
        item = table.item(row, 0) if row >= 0 else None
        if item is not None:
            self._selected = item.data(ID_ROLE)
            for other in self.lists.values():
                if other is not table:
                    other.blockSignals(True)
                    other.clearSelection()
                    other.blockSignals(False)
        self._show_request()

    def selected_user(self) -> dict | None:
        return self.users_tab.selected()

    def _show_request(self):
        item = self.items.get(self._selected or "")
        if item is None:
            self.detail.setText(self.tr("Select a request to see it and decide."))
        else:
            r = item.request
            lines = [admin_text.describe(r, self.staff_by_id),
                     self.tr("Why: %1").replace("%1", r.get("justification") or ""),
                     self.tr("Asked by %1 on %2; %3; expires %4").replace(
                         "%1", admin_text.person(self.staff_by_id, r.get("requested_by")))
                     .replace("%2", labels.local_time(r.get("created_at"))).replace("%3", self.progress(r))
                     .replace("%4", labels.local_time(r.get("expires_at")))]
            if r.get("status") == "rejected":
                lines.append(self.tr("Rejected by %1: %2").replace(
                    "%1", admin_text.person(self.staff_by_id, r.get("rejected_by"))).replace("%2", r.get("comment") or ""))
            if item.refused:
                lines.append(self.tr("The portal refused your last action: %1").replace(
                    "%1", item.refused.get("message") or item.refused.get("code") or ""))
            self.detail.setText("\n".join(lines))
        self._update_buttons()

    def _update_buttons(self, *_):
        item = self.items.get(self._selected or "") if hasattr(self, "items") else None
        approve_block = item.approve_block if item else "none"
        reject_block = (item.reject_block or (None if self.comment.text().strip() else "comment_required")) \
            if item else "none"
        for button, block in ((self.approve, approve_block), (self.reject, reject_block)):
            button.setEnabled(block is None)
            button.setToolTip(admin_text.block(block) if item and block else "")
        shown = admin_text.block(approve_block) if item and approve_block else ""
        self.reason.setText(shown)
        self.reason.setVisible(bool(shown))
        self.enrolment.setVisible(bool(item and self.data.enrolment_ready(item.request)))
        self.change.setEnabled(self.selected_user() is not None)
        self.change.setToolTip("" if self.selected_user() else self.tr("Select a user on the Users tab first."))

    # -- actions -----------------------------------------------------------------------------
    def _say(self, text: str):
        self.message.setText(text)

    def _queued(self, row: dict):
        self._say(self.tr("Queued: %1. It is sent with the next sync.").replace("%1", row.get("summary") or ""))
        send_soon(self.sync, self.request_sync)
        self.refresh()

    def decide(self, decision: str):
        item = self.items.get(self._selected or "")
        if item is None:
            return
        summary = (self.tr("Approve %1") if decision == "approve" else self.tr("Reject %1")).replace("%1", item.id)
        try:
            row = admin_calls.queue_decision(self.workspace.engine.outbox, item.request, self.data.me, decision,
                                             self.comment.text(), summary)
        except ValueError as refused:
            self._say(admin_text.block(str(refused)))
            return
        self.comment.clear()
        self._queued(row)

    def _active_admins(self) -> int:
        return sum(1 for s in self.staff if "admin" in (s.get("roles") or []) and s.get("active", True))

    def ask_new_user(self):
        dialog = CreateUserDialog({s.get("username") for s in self.staff}, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._queue("create_user", dialog.target(), dialog.text()))
        dialog.open()

    def ask_change(self):
        record = self.selected_user()
        if record is None:
            return
        dialog = ChangeDialog(record, self.data.me, self._active_admins(), self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._queue(dialog.kind.currentData(), dialog.target(), dialog.text()))
        dialog.open()

    def _queue(self, kind: str, target: dict, justification: str):
        summary = admin_text.describe({"kind": kind, "target": target}, self.staff_by_id)
        try:
            row = admin_calls.queue_request(self.workspace.engine.outbox, kind, target, justification, summary)
        except ValueError as refused:
            self._say(str(refused))
            return
        self.tabs.setCurrentIndex(1)
        self._queued(row)

    def ask_emergency(self):
        dialog = EmergencyDialog(self.staff, self.data.me, self.data.other_admins(), self)
        self.dialog = dialog

        def queue():
            record, role = dialog.user.currentData(), dialog.role.currentData()
            summary = self.tr("Emergency access: %1 as %2").replace("%1", record.get("username") or "") \
                .replace("%2", labels.role(role))
            try:
                row = admin_calls.queue_emergency(self.workspace.engine.outbox, record["id"], role, dialog.text(),
                                                  summary)
            except ValueError as refused:
                self._say(str(refused))
                return
            self.tabs.setCurrentIndex(1)
            self._queued(row)
        dialog.accepted.connect(queue)
        dialog.open()

    def show_enrolment_code(self):
        item = self.items.get(self._selected or "")
        if item is None:
            return
        client = self.workspace.client
        self.enrolment.setEnabled(False)
        Op(lambda: admin_calls.fetch_enrolment_code(client, item.id)).success(self._code_ready) \
            .failure(lambda exc: (self._say(self.tr("The code could not be fetched: %1").replace(
                "%1", getattr(exc, "message", None) or str(exc))), self.enrolment.setEnabled(True))) \
            .run_in_background()

    def _code_ready(self, answer: dict):
        self.enrolment.setEnabled(True)
        self.code_dialog = EnrolmentCodeDialog(answer, self)
        self.code_dialog.open()
        send_soon(self.sync, self.request_sync)

    def open_case(self, kind: str, entity_id: str) -> bool:
        return kind == "admin_request" and self.open_admin_request(entity_id) is not False

    def open_admin_request(self, request_id: str) -> bool:
        """Select a request (from Needs attention)."""
        for table in self.lists.values():
            for row in range(table.rowCount()):
                if table.item(row, 0).data(ID_ROLE) == request_id:
                    self.tabs.setCurrentIndex(1)
                    table.selectRow(row)
                    return True
        return False
