"""The Administration page's dialogs: a new user, a change to a user, emergency access, and
the one-time enrolment code. Each validates with the shared rules before anything is sent."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget)

from rules import admin as rules

from ..models import labels
from . import admin_text
from .widgets import heading, plain_label


class _RequestDialog(QDialog):
    """A form with a justification, a problem line and OK greyed until the form is valid."""

    ok_text = ""

    def _finish(self, layout: QVBoxLayout):
        self.justification = QPlainTextEdit()
        self.justification.setAccessibleName(self.tr("Justification"))
        self.justification.setPlaceholderText(self.tr("Why is this change needed?"))
        self.justification.setFixedHeight(70)
        self.justification.textChanged.connect(self._update)
        layout.addWidget(plain_label(self.tr("Justification (seen by the other administrators and in the audit)"),
                                     wrap=True))
        layout.addWidget(self.justification)
        self.problem = plain_label("", wrap=True)
        self.problem.setObjectName("error")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(self.ok_text or self.tr("Ask for approval"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()
        self.setMinimumWidth(480)

    def problem_code(self) -> str | None:
        raise NotImplementedError

    def _update(self, *_):
        code = self.problem_code()
        if code is None and not self.justification.toPlainText().strip():
            code = "justification_required"
        self.problem.setText(admin_text.refusal(code) if code else "")
        self.ok.setEnabled(code is None)
        self.ok.setToolTip(admin_text.refusal(code) if code else "")

    def text(self) -> str:
        return self.justification.toPlainText().strip()


class CreateUserDialog(_RequestDialog):
    def __init__(self, taken_usernames: set[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.taken = taken_usernames
        self.setWindowTitle(self.tr("New user"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Ask for a new user")))
        layout.addWidget(plain_label(self.tr("Another administrator approves it (two when it grants "
                                             "administrator). The new user then signs in with a one-time "
                                             "enrolment code that you give them."), wrap=True))
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("Username"))
        self.display_name = QLineEdit()
        self.display_name.setAccessibleName(self.tr("Full name"))
        roles_row = QHBoxLayout()
        self.role_boxes = {}
        for role in rules.STAFF_ROLES_ORDER:
            box = QCheckBox(labels.role(role))
            box.toggled.connect(self._update)
            self.role_boxes[role] = box
            roles_row.addWidget(box)
        self.conflicts = QLineEdit()
        self.conflicts.setAccessibleName(self.tr("Declared conflicts"))
        self.conflicts.setPlaceholderText(self.tr("Institutions, separated by semicolons"))
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&Full name"), self.display_name)
        form.addRow(self.tr("Roles"), roles_row)
        form.addRow(self.tr("&Conflicts"), self.conflicts)
        layout.addLayout(form)
        for field in (self.username, self.display_name, self.conflicts):
            field.textChanged.connect(self._update)
        self._finish(layout)
        self.resize(560, self.sizeHint().height())

    def target(self) -> dict:
        return {"username": self.username.text().strip(), "display_name": self.display_name.text().strip(),
                "roles": [r for r, box in self.role_boxes.items() if box.isChecked()],
                "conflicts": [c.strip() for c in self.conflicts.text().split(";") if c.strip()]}

    def problem_code(self) -> str | None:
        target = self.target()
        if not target["username"] and not target["display_name"]:
            return "username"
        bad = rules.invalid_fields("create_user", target)
        if bad:
            return bad[0]
        if target["username"] in self.taken:
            return "taken"
        if rules.separation_of_duties(target["roles"]):
            return "separation_of_duties"
        return None


class ChangeDialog(_RequestDialog):
    """A change to one existing user: grant (optionally until a time), revoke, conflicts, reset, deactivate."""

    KINDS = ("grant_role", "revoke_role", "set_conflicts", "reset_credentials", "deactivate")

    def __init__(self, record: dict, me: str, active_admins: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.record, self.me, self.active_admins = record, me, active_admins
        self.setWindowTitle(self.tr("Change a user"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Ask for a change to %1").replace(
            "%1", record.get("display_name") or record.get("username") or "")))
        form = QFormLayout()
        self.kind = QComboBox()
        names = {"grant_role": self.tr("Give a role"), "revoke_role": self.tr("Take a role away"),
                 "set_conflicts": self.tr("Set declared conflicts"),
                 "reset_credentials": self.tr("Reset password and authenticator"),
                 "deactivate": self.tr("Deactivate")}
        for kind in self.KINDS:
            self.kind.addItem(names[kind], kind)
        self.role = QComboBox()
        for role in rules.STAFF_ROLES_ORDER:
            self.role.addItem(labels.role(role), role)
        self.limited = QCheckBox(self.tr("Until"))
        self.until = QDateTimeEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat(labels.date_edit_format() + " HH:mm")
        from PySide6.QtCore import QDateTime
        self.until.setDateTime(QDateTime.currentDateTime().addDays(30))
        until_row = QHBoxLayout()
        until_row.addWidget(self.limited)
        until_row.addWidget(self.until, 1)
        self.conflicts = QLineEdit("; ".join(record.get("conflicts") or []))
        self.conflicts.setAccessibleName(self.tr("Declared conflicts"))
        form.addRow(self.tr("&Change"), self.kind)
        form.addRow(self.tr("&Role"), self.role)
        form.addRow(self.tr("Time limit"), until_row)
        form.addRow(self.tr("C&onflicts"), self.conflicts)
        layout.addLayout(form)
        for signal in (self.kind.currentIndexChanged, self.role.currentIndexChanged, self.limited.toggled,
                       self.conflicts.textChanged, self.until.dateTimeChanged):
            signal.connect(self._update)
        self._finish(layout)

    def target(self) -> dict:
        kind = self.kind.currentData()
        target: dict = {"user_id": self.record["id"]}
        if kind in ("grant_role", "revoke_role"):
            target["role"] = self.role.currentData()
        if kind == "grant_role" and self.limited.isChecked():
            target["expires_at"] = self.until.dateTime().toUTC().toString("yyyy-MM-ddTHH:mm:ssZ")
        if kind == "set_conflicts":
            target["conflicts"] = [c.strip() for c in self.conflicts.text().split(";") if c.strip()]
        return target

    def problem_code(self) -> str | None:
        kind, target = self.kind.currentData(), self.target()
        if hasattr(self, "role"):
            self.role.setEnabled(kind in ("grant_role", "revoke_role"))
            self.limited.setEnabled(kind == "grant_role")
            self.until.setEnabled(kind == "grant_role" and self.limited.isChecked())
            self.conflicts.setEnabled(kind == "set_conflicts")
        bad = rules.invalid_fields(kind, target)
        if bad:
            return bad[0]
        if self.record["id"] == self.me:
            return "self_target"
        roles = self.record.get("roles") or []
        if kind == "revoke_role" and target["role"] not in roles:
            return "lacks_role"
        if kind == "grant_role" and any(g.get("role") == target["role"] and not g.get("expires_at")
                                        for g in self.record.get("grants") or []):
            return "holds_role"
        if rules.leaves_too_few_admins(kind, target, roles, self.record.get("active", True), self.active_admins):
            return "too_few_admins"
        if rules.separation_of_duties(rules.roles_after(kind, target, roles)):
            return "separation_of_duties"
        return None


class EmergencyDialog(_RequestDialog):
    """Break-glass: the role at once for 24 hours; says plainly who will be told."""

    def __init__(self, staff: list[dict], me: str, told: list[dict], parent: QWidget | None = None):
        super().__init__(parent)
        self.ok_text = self.tr("Grant now for 24 hours")
        self.me = me
        self.setWindowTitle(self.tr("Emergency access"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Emergency access")))
        names = ", ".join(f"{s.get('display_name')} ({s.get('username')})" for s in told) or self.tr("nobody")
        self.told = plain_label(self.tr("The role is granted at once, for at most %1 hours, and marked as an "
                                        "emergency in the audit. These administrators will be told and asked "
                                        "to ratify it: %2. If nobody ratifies it, it ends by itself.")
                                .replace("%1", str(rules.EMERGENCY_HOURS)).replace("%2", names), wrap=True)
        self.told.setObjectName("warningText")
        layout.addWidget(self.told)
        form = QFormLayout()
        self.user = QComboBox()
        for record in staff:
            if record.get("active", True) and record["id"] != me:
                self.user.addItem(f"{record.get('display_name')} ({record.get('username')})", record)
        self.role = QComboBox()
        for role in ("caseworker", "supervisor", "coordinator"):
            self.role.addItem(labels.role(role), role)
        form.addRow(self.tr("&User"), self.user)
        form.addRow(self.tr("&Role"), self.role)
        layout.addLayout(form)
        self.user.currentIndexChanged.connect(self._first_role_not_held)
        self.role.currentIndexChanged.connect(self._update)
        self._finish(layout)
        self._first_role_not_held()

    def _first_role_not_held(self, *_):
        """Offer a role the chosen user does not hold yet (the user can still change it)."""
        held = set((self.user.currentData() or {}).get("roles") or [])
        if self.role.currentData() in held:
            free = [i for i in range(self.role.count()) if self.role.itemData(i) not in held]
            if free:
                self.role.setCurrentIndex(free[0])
        self._update()

    def problem_code(self) -> str | None:
        record, role = self.user.currentData(), self.role.currentData()
        if not record:
            return "user_id"
        if role in (record.get("roles") or []):
            return "holds_role"
        if rules.separation_of_duties(list(record.get("roles") or []) + [role]):
            return "separation_of_duties"
        return None


class EnrolmentCodeDialog(QDialog):
    """The one-time code, shown once: the administrator hands it to the person."""

    def __init__(self, answer: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enrolment code"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Enrolment code for %1").replace("%1", answer["username"])))
        self.code = plain_label(answer["enrolment_code"], selectable=True)
        self.code.setObjectName("secretKey")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.code)
        layout.addWidget(plain_label(self.tr("Shown only this once. Give it to %1 in person or by phone; it is "
                                             "valid until %2. They choose their own password and authenticator "
                                             "with it; you never see either.")
                                     .replace("%1", answer["username"])
                                     .replace("%2", labels.local_time(answer["expires_at"])), wrap=True))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
