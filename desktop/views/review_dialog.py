"""Confirming one review decision: approve (a confirmation), reject or return
(a reason is required). One application, one decision, on purpose."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from rules.text import is_plain_text

from ..models.approvals import QueueItem
from .widgets import plain_label

MAX_COMMENT = 4000   # the portal's limit


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd … in the user's language."""
    if n == 1:
        return QCoreApplication.translate("ordinal", "1st")
    if n == 2:
        return QCoreApplication.translate("ordinal", "2nd")
    if n == 3:
        return QCoreApplication.translate("ordinal", "3rd")
    return QCoreApplication.translate("ordinal", "%1th").replace("%1", str(n))


class ReviewDialog(QDialog):
    """Ask for one decision on one application. `decision()` and `comment()` after accept."""

    def __init__(self, item: QueueItem, decision: str, parent=None):
        super().__init__(parent)
        self.item = item
        self._decision = decision
        self.setObjectName(f"reviewDialog_{decision}")
        self.setModal(True)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)

        if decision == "approve":
            self.setWindowTitle(self.tr("Approve application"))
            question = self.tr("Approve %1 as the %2 of %3?").replace("%1", item.id) \
                .replace("%2", ordinal(item.ordinal)).replace("%3", str(item.required))
            more = item.required - item.ordinal
            if item.approve_completes:
                consequence = self.tr("This is the last approval needed: the application will be approved.")
            elif more == 1:
                consequence = self.tr("After yours, one more approval from another caseworker is needed.")
            else:
                consequence = self.tr("After yours, %1 more approvals from other caseworkers are needed.") \
                    .replace("%1", str(more))
            ok_text = self.tr("Approve")
        elif decision == "reject":
            self.setWindowTitle(self.tr("Reject application"))
            question = self.tr("Reject %1?").replace("%1", item.id)
            consequence = self.tr("A rejection ends the application. Give the reason; the applicant sees it.")
            ok_text = self.tr("Reject")
        else:
            self.setWindowTitle(self.tr("Return application"))
            question = self.tr("Return %1 to the applicant?").replace("%1", item.id)
            consequence = self.tr("The applicant can change and resubmit it. Say what must change; "
                                  "the applicant sees it.")
            ok_text = self.tr("Return")

        self.question = plain_label(question, wrap=True)
        self.question.setObjectName("subheading")
        layout.addWidget(self.question)
        registers = ", ".join(item.registers)
        if item.sensitive:
            registers = self.tr("%1 — sensitive, %2 approvals needed").replace("%1", registers) \
                .replace("%2", str(item.required))
        case = plain_label(f"{item.title}\n{item.institution}  ·  {item.applicant_name}\n{registers}", wrap=True)
        case.setObjectName("muted")
        layout.addWidget(case)
        layout.addWidget(plain_label(consequence, wrap=True))

        self.comment_box: QPlainTextEdit | None = None
        self.hint: QLabel | None = None
        self.comment_required = decision in ("reject", "return")
        if True:   # a reason for a reject or return; an optional comment with an approval
            label = plain_label(self.tr("Reason (required):") if self.comment_required
                                else self.tr("Comment (optional):"))
            self.comment_box = QPlainTextEdit()
            self.comment_box.setAccessibleName(self.tr("Reason") if self.comment_required else self.tr("Comment"))
            self.comment_box.setPlaceholderText(self.tr("Why? The applicant reads this.") if self.comment_required
                                                else self.tr("For the other caseworkers and the applicant"))
            self.comment_box.setTabChangesFocus(True)
            self.comment_box.setMinimumHeight(110)
            label.setBuddy(self.comment_box)
            layout.addWidget(label)
            layout.addWidget(self.comment_box, 1)
            self.hint = plain_label(self.tr("Ctrl+Enter to confirm, Esc to cancel."))
            self.hint.setObjectName("muted")
            layout.addWidget(self.hint)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("confirmButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.ok_button.setDefault(False)
        self.ok_button.setAutoDefault(False)
        self.comment_box.textChanged.connect(self._update)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self._confirm_if_ready)
        if self.comment_required:
            self.comment_box.setFocus()
        else:   # approving stays one key away: Enter on the button, or Ctrl+Enter after a comment
            self.ok_button.setDefault(True)
            self.ok_button.setFocus()
        self._update()

    def _update(self):
        ready = not self.comment_required or bool(self.comment().strip())
        too_long = self.comment_box is not None and len(self.comment()) > MAX_COMMENT
        not_plain = not is_plain_text(self.comment())    # the portal's text rule (rules/text.py)
        self.ok_button.setEnabled(ready and not too_long and not not_plain)
        if self.hint is not None:
            if not_plain:
                self.hint.setText(self.tr("The text holds control characters or direction overrides, "
                                          "which the portal does not take."))
            elif too_long:
                self.hint.setText(self.tr("The reason is too long (at most %1 characters).")
                                  .replace("%1", str(MAX_COMMENT)))
            elif not ready:
                self.hint.setText(self.tr("Write a reason to enable %1. Esc cancels.")
                                  .replace("%1", self.ok_button.text()))
            else:
                self.hint.setText(self.tr("Ctrl+Enter to confirm, Esc to cancel."))

    def _confirm_if_ready(self):
        if self.ok_button.isEnabled():
            self.accept()

    def decision(self) -> str:
        return self._decision

    def comment(self) -> str:
        return self.comment_box.toPlainText() if self.comment_box is not None else ""
