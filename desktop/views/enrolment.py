"""First sign-in with an enrolment code: a new password (its strength shown), then a fresh
TOTP secret as a QR code and as text, confirmed with a first code. The secret exists only
in this dialog and the user's authenticator app; the administrator never sees it."""

from __future__ import annotations

import io

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QPixmap, QRegularExpressionValidator
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QProgressBar,
                               QStackedWidget, QVBoxLayout, QWidget)

from rules import admin as rules

from ..sync.admin import PortalError, PortalUnreachable, totp_secret
from ..tasks import Op
from .widgets import heading, plain_label


def qr_pixmap(uri: str, scale: int = 5) -> QPixmap:
    import segno   # the QR code of the otpauth URI, drawn by a kept library
    buffer = io.BytesIO()
    segno.make(uri, error="m").save(buffer, kind="png", scale=scale, border=4)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class EnrolmentDialog(QDialog):
    """Emits `signed_in(workspace)` once the first code is confirmed."""

    signed_in = Signal(object)

    def __init__(self, sessions, username: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.sessions = sessions
        self.workspace = None
        self.uri = ""
        self._busy = False
        self.setWindowTitle(self.tr("First sign-in with an enrolment code"))
        self.setMinimumWidth(480)
        outer = QVBoxLayout(self)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._password_page(username))
        self.pages.addWidget(self._secret_page())
        outer.addWidget(self.pages)
        self.message = plain_label("", wrap=True)
        self.message.setObjectName("error")
        self.message.hide()
        outer.addWidget(self.message)
        self.buttons = QDialogButtonBox()
        self.next_button = self.buttons.addButton(self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.next_button.setDefault(True)
        metrics = self.next_button.fontMetrics()   # wide enough for both steps' texts
        self.next_button.setMinimumWidth(32 + max(metrics.horizontalAdvance(t) for t in (
            self.tr("Continue"), self.tr("Finish and sign in"))))
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.next_button.clicked.connect(self._next)
        outer.addWidget(self.buttons)
        self._update()

    # -- step one: the code and a new password ------------------------------------------
    def _password_page(self, username: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Set your password")))
        layout.addWidget(plain_label(self.tr("Your administrator gave you a one-time enrolment code. Choose a "
                                             "password of at least %1 characters; nobody else will know it.")
                                     .replace("%1", str(rules.MIN_PASSWORD_LENGTH)), wrap=True))
        form = QFormLayout()
        self.username = QLineEdit(username)
        self.username.setAccessibleName(self.tr("Username"))
        self.code = QLineEdit()
        self.code.setAccessibleName(self.tr("Enrolment code"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("New password"))
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("New password again"))
        self.strength = QProgressBar()
        self.strength.setRange(0, 4)
        self.strength.setTextVisible(True)
        self.strength.setAccessibleName(self.tr("Password strength"))
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("Enrolment &code"), self.code)
        form.addRow(self.tr("New &password"), self.password)
        form.addRow(self.tr("&Repeat"), self.repeat)
        form.addRow(self.tr("Strength"), self.strength)
        layout.addLayout(form)
        for field in (self.username, self.code, self.password, self.repeat):
            field.textChanged.connect(self._update)
        return page

    # -- step two: the secret, and a first code -----------------------------------------
    def _secret_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Add Portal Desk to your authenticator app")))
        layout.addWidget(plain_label(self.tr("Scan the QR code with your authenticator app, or type the key "
                                             "below into it. Then enter the 6-digit code the app shows."), wrap=True))
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setAccessibleName(self.tr("QR code of your new sign-in key"))
        layout.addWidget(self.qr)
        self.secret_text = plain_label("", selectable=True)
        self.secret_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.secret_text.setAccessibleName(self.tr("Your new sign-in key"))
        self.secret_text.setObjectName("secretKey")
        layout.addWidget(self.secret_text)
        form = QFormLayout()
        self.first_code = QLineEdit()
        self.first_code.setAccessibleName(self.tr("First six-digit code"))
        self.first_code.setPlaceholderText("123456")
        self.first_code.setMaxLength(6)
        self.first_code.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"), self))
        self.first_code.textChanged.connect(self._update)
        form.addRow(self.tr("First &code"), self.first_code)
        layout.addLayout(form)
        return page

    # -- state --------------------------------------------------------------------------
    def strength_text(self, score: int) -> str:
        return [self.tr("Too short"), self.tr("Weak"), self.tr("Fair"), self.tr("Good"), self.tr("Strong")][score]

    def _update(self):
        if self.pages.currentIndex() == 0:
            score = rules.password_strength(self.password.text())
            self.strength.setValue(score)
            self.strength.setFormat(self.strength_text(score))
            problem = None
            if self.password.text() and rules.password_refusal(self.password.text()):
                problem = self.tr("At least %1 characters.").replace("%1", str(rules.MIN_PASSWORD_LENGTH))
            elif self.repeat.text() and self.repeat.text() != self.password.text():
                problem = self.tr("The two passwords differ.")
            ready = bool(self.username.text().strip() and self.code.text().strip() and self.password.text()
                         and self.repeat.text() == self.password.text()
                         and not rules.password_refusal(self.password.text()))
            self.next_button.setText(self.tr("Continue"))
            if problem and not self._busy:
                self._say(problem)
            elif not self._busy and self.message.property("hint"):
                self._say("")
            self.message.setProperty("hint", bool(problem))
        else:
            ready = len(self.first_code.text()) == 6
            self.next_button.setText(self.tr("Finish and sign in"))
        self.next_button.setEnabled(ready and not self._busy)

    def _say(self, text: str):
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _next(self):
        if not self.next_button.isEnabled():
            return
        self._busy = True
        self._say("")
        self._update()
        username, code = self.username.text().strip(), self.code.text().strip()
        if self.pages.currentIndex() == 0:
            password = self.password.text()
            Op(lambda: self.sessions.start_enrolment(username, code, password)) \
                .success(self._secret_ready).failure(self._refused).run_in_background()
        else:
            totp, password = self.first_code.text(), self.password.text()
            Op(lambda: self.sessions.finish_enrolment(username, code, totp, password)) \
                .success(self._done).failure(self._refused).run_in_background()

    def _secret_ready(self, uri: str):
        self._busy = False
        self.uri = uri
        self.qr.setPixmap(qr_pixmap(uri))
        secret = totp_secret(uri)
        self.secret_text.setText(" ".join(secret[i:i + 4] for i in range(0, len(secret), 4)))
        self.pages.setCurrentIndex(1)
        self.first_code.setFocus()
        self._update()

    def _done(self, workspace):
        self._busy = False
        self.password.clear()
        self.repeat.clear()
        self.workspace = workspace
        self.signed_in.emit(workspace)
        self.accept()

    def _refused(self, exc: BaseException):
        self._busy = False
        self.first_code.clear()
        self._say(self.describe(exc))
        self._update()

    def describe(self, exc: BaseException) -> str:
        if isinstance(exc, PortalError):
            if exc.code == "invalid_credentials" and self.pages.currentIndex() == 1:
                return self.tr("That code is not right, or the enrolment code was used or has expired. "
                               "Enter the code your app shows now.")
            if exc.code == "invalid_credentials":
                return self.tr("Wrong username or enrolment code, or the code was used or has expired. "
                               "Ask your administrator for a new one.")
            if exc.code == "weak_password":
                return self.tr("The portal refused the password: choose at least %1 characters.").replace(
                    "%1", str(rules.MIN_PASSWORD_LENGTH))
            if exc.code == "too_many_attempts":
                minutes = max(1, round(float(exc.retry_after or 900) / 60))
                return self.tr("Too many failed attempts. Try again in %1 minutes.").replace("%1", str(minutes))
            return self.tr("The portal refused: %1").replace("%1", exc.message)
        if isinstance(exc, PortalUnreachable):
            return self.tr("The portal cannot be reached. Check the network and try again.")
        return self.tr("Enrolment failed: %1").replace("%1", str(exc))
