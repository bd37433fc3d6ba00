"""The sign-in dialog: username, password, 6-digit code; each refusal said plainly."""

from __future__ import annotations

import time

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QRegularExpressionValidator
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from ..models import labels
from ..session import SessionManager, Workspace
from ..sync.calls import InsecurePortal, PortalError, PortalFault, PortalUnreachable
from ..sync.cache import CacheError
from ..tasks import Op
from .widgets import plain_label

# The demo users of the embedded demo portal (public demo data, never a real account).
DEMO_USERS = [
    ("anna", "caseworker"), ("bent", "caseworker"), ("clara", "caseworker"), ("helle", "caseworker, supervisor"),
    ("dorte", "supervisor"), ("emil", "supervisor"), ("frida", "coordinator"), ("gustav", "coordinator"),
    ("admin", "admin"), ("ida", "admin"), ("jens", "admin"), ("karl", "caseworker"), ("lise", "supervisor"),
]
DEMO_TOTP = {
    "anna": "WAXSE7SXQUGMZGUPXHE4ACRP2UIX4CCE", "bent": "XGKMEMPNLMD6J644PUKEKRSQTMUVZ45S",
    "clara": "RGS23Y2OKP6RIOO3YL2RIYM4QQNNLBAK", "dorte": "GYUW7HROG7NCF36I5UDKRQXDHGIALG2D",
    "emil": "6O4YOJKVJZYO2JHGV5VA5MSFXCQ5JUWU", "frida": "A7PD3XUNA2O4XRGBMN7BTAAEJK7MN3X4",
    "gustav": "CBX4MC7WVOFNDLA22FR4PMTVADKP5D4Z", "helle": "NUWJDQVQEIXJSFBTRVQ245SPBPLCVHZO",
    "admin": "H3SYV6KKADICATPKFKKZI2PICYU5OROR", "ida": "ESU6GH6DDRQECJK7HZBDRP55QCAX34KW",
    "jens": "37PPZQYNKBGU6SCNLWSEDGSJ2KQDMA3P", "karl": "GAV4YIDF4X4GHKYU66KIUYPVIXBAFMYQ",
    "lise": "CTXU5TSXE4SYSABXEWSTZUFCE4AXGYFF",
}


class SignInDialog(QDialog):
    """Signs in (or opens the offline copy) and emits `signed_in(workspace)`.

    With `reauth_for` the username is fixed: the session expired and the user
    signs in again without leaving the current screen.
    """

    signed_in = Signal(object)

    def __init__(self, sessions: SessionManager, *, demo: bool = False, username: str = "",
                 reauth_for: str | None = None, portal_ready=None, offline: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.sessions = sessions
        self.offline_mode = offline and not reauth_for   # started offline: the portal is not contacted
        self.demo = demo
        self.reauth_for = reauth_for
        self.workspace: Workspace | None = None
        # The portal locks one username after repeated failures; so does this dialog (and only that one).
        self._locked_until: dict[str, float] = {}
        self._showing_lock = False
        self._attempted = ""
        self._busy = False
        self._portal_ready = portal_ready      # callable -> bool, for the embedded portal starting up
        self.setWindowTitle(self.tr("Sign in to Portal Desk") if not reauth_for else self.tr("Sign in again"))
        self.setMinimumWidth(460)
        self._build(username or reauth_for or "")
        self._tick = QTimer(self, interval=500)
        self._tick.timeout.connect(self._update_state)
        self._tick.start()
        self._update_state()

    # -- layout ------------------------------------------------------------------
    def _build(self, username: str):
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.setSpacing(12)
        title = QLabel(self.tr("Portal Desk"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        outer.addWidget(title)
        if self.reauth_for:
            intro = self.tr("Your session has ended. Sign in again to send your queued actions; "
                            "nothing you did is lost.")
        elif self.offline_mode:
            intro = self.tr("Offline mode: Portal Desk does not contact the portal. Enter your username and "
                            "password to open the encrypted copy on this computer; what you do waits there "
                            "until you next sign in online.")
        else:
            intro = self.tr("Sign in with your password and the 6-digit code from your authenticator app.")
        outer.addWidget(plain_label(intro, wrap=True))
        portal_text = (self.tr("Portal: not contacted (offline mode)") if self.offline_mode
                       else self.tr("Portal: %1").replace("%1", self._portal_name()))
        self.portal_label = plain_label(portal_text, wrap=True)
        self.portal_label.setObjectName("muted")
        outer.addWidget(self.portal_label)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.username = QLineEdit(username)
        self.username.setAccessibleName(self.tr("Username"))
        self.username.setMaxLength(100)
        self.username.setReadOnly(bool(self.reauth_for))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setMaxLength(1000)
        self.code = QLineEdit()
        self.code.setAccessibleName(self.tr("Six-digit code"))
        self.code.setPlaceholderText("123456")
        self.code.setMaxLength(6)
        self.code.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,6}"), self))
        self.code.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code, 1)
        if self.demo:
            self.demo_code = QPushButton(self.tr("Fill demo code"))
            self.demo_code.setAccessibleDescription(self.tr("Computes the current code of a demo user"))
            self.demo_code.clicked.connect(self._fill_demo_code)
            code_row.addWidget(self.demo_code)
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        code_label = QLabel(self.tr("&Code"))
        code_label.setBuddy(self.code)
        form.addRow(code_label, code_row)
        if self.offline_mode:     # no portal, so no code to check
            form.setRowVisible(2, False)
        outer.addLayout(form)

        self.message = plain_label("", wrap=True)
        self.message.setObjectName("error")
        self.message.setAccessibleName(self.tr("Sign-in message"))
        self.message.hide()
        outer.addWidget(self.message)

        if self.demo and not self.reauth_for and not self.offline_mode:
            outer.addWidget(self._demo_box())

        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setDefault(True)
        self.offline_button = self.buttons.addButton(self.tr("Work offline"), QDialogButtonBox.ButtonRole.ActionRole)
        self.offline_button.setToolTip(self.tr("Open the encrypted copy on this computer without the portal"))
        self.enrol_button = self.buttons.addButton(self.tr("I have an enrolment code"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.enrol_button.setToolTip(self.tr("First sign-in: set your password and your authenticator app"))
        self.enrol_button.clicked.connect(self.enrol)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        if self.offline_mode:
            self.sign_in_button.hide()
            self.offline_button.setText(self.tr("Open offline copy"))
            self.offline_button.setDefault(True)
        self.sign_in_button.clicked.connect(self._sign_in)
        self.offline_button.clicked.connect(self._offline)
        self.cancel_button.clicked.connect(self.reject)
        outer.addWidget(self.buttons)
        for field_ in (self.username, self.password, self.code):
            field_.textChanged.connect(self._update_state)
            field_.returnPressed.connect(self._offline if self.offline_mode else self._sign_in)
        (self.password if username else self.username).setFocus()

    def _demo_box(self) -> QWidget:
        box = QFrame()
        box.setObjectName("demoBox")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(plain_label(self.tr("Demo portal on this computer. Every demo user's password is "
                                             "\u201cdemo\u201d; \u201cFill demo code\u201d computes the code."),
                                     wrap=True))
        users = QLabel()
        users.setTextFormat(Qt.TextFormat.PlainText)
        users.setWordWrap(True)
        users.setText("  ·  ".join(f"{u} ({', '.join(labels.role(x.strip()) for x in r.split(','))})"
                                   for u, r in DEMO_USERS))          # role names in the user's language
        users.setObjectName("muted")
        layout.addWidget(users)
        return box

    def _portal_name(self) -> str:
        if self.demo:
            return self.tr("embedded demo portal")
        return self.sessions.portal_url

    # -- state -----------------------------------------------------------------------
    def _update_state(self):
        username = self.username.text().strip()
        ready = self._portal_ready() if self._portal_ready else True
        locked = time.monotonic() < self._locked_until.get(username.casefold(), 0.0)
        complete = bool(username and self.password.text() and len(self.code.text()) == 6)
        self.sign_in_button.setEnabled(complete and ready and not locked and not self._busy
                                       and not self.offline_mode)
        self.offline_button.setVisible(not self.reauth_for)
        self.enrol_button.setVisible(not self.reauth_for)
        self.enrol_button.setEnabled(ready and not self._busy)
        self.offline_button.setEnabled(not self._busy and self.sessions.cache_exists(username))
        if self.demo and hasattr(self, "demo_code"):
            self.demo_code.setEnabled(username in DEMO_TOTP)
        if not ready:
            self.sign_in_button.setText(self.tr("Starting demo portal…"))
        elif self._busy:
            self.sign_in_button.setText(self.tr("Signing in…"))
        else:
            self.sign_in_button.setText(self.tr("Sign in"))
        if locked:
            left = int(self._locked_until[username.casefold()] - time.monotonic()) + 1
            self._show(self.tr("Too many failed attempts. You can try again in %1 min %2 s.")
                       .replace("%1", str(left // 60)).replace("%2", str(left % 60)))
            self._showing_lock = True
        elif self._showing_lock:      # another username, or the lock ran out
            self._show("")
            self._showing_lock = False

    def _show(self, text: str):
        if self.message.text() == text and self.message.isVisible() == bool(text):
            return
        self.message.setText(text)
        self.message.setVisible(bool(text))
        # Grow to fit a longer message rather than squeezing the demo box under it.
        self.layout().activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def _fill_demo_code(self):
        import pyotp
        secret = DEMO_TOTP.get(self.username.text().strip())
        if secret:
            self.code.setText(pyotp.TOTP(secret).now())
            if not self.password.text():
                self.password.setText("demo")

    # -- actions -----------------------------------------------------------------------
    def _sign_in(self):
        if not self.sign_in_button.isEnabled():
            return
        username, password, code = self.username.text().strip(), self.password.text(), self.code.text()
        self._attempted = username
        self._busy = True
        self._show("")
        self._update_state()
        if self.reauth_for and self.workspace is not None:
            work = lambda: (self.sessions.reauthenticate(self.workspace, password, code), self.workspace)[1]
        else:
            work = lambda: self.sessions.sign_in(username, password, code)
        Op(work).success(self._done).failure(self._refused).run_in_background()

    def enrol(self):
        """First sign-in with an enrolment code (its own dialog); signed in, this dialog is done."""
        from .enrolment import EnrolmentDialog
        self.enrolment = EnrolmentDialog(self.sessions, self.username.text().strip(), self)
        self.enrolment.signed_in.connect(self._done)
        self.enrolment.open()

    def _offline(self):
        if not self.offline_button.isEnabled():
            return
        username = self.username.text().strip()
        password = self.password.text() or None
        self._busy = True
        self._update_state()
        Op(lambda: self.sessions.open_offline(username, password)).success(self._done) \
            .failure(self._refused).run_in_background()

    def _done(self, workspace: Workspace):
        self._busy = False
        workspace.stay_offline = self.offline_mode
        self.password.clear()
        self.workspace = workspace
        self.signed_in.emit(workspace)
        self.accept()

    def _refused(self, exc: BaseException):
        self._busy = False
        self.code.clear()
        self._show(self.describe(exc))
        if isinstance(exc, PortalError) and exc.code == "too_many_attempts":
            self._locked_until[self._attempted.casefold()] = time.monotonic() + float(exc.retry_after or 900)
        self._update_state()
        self.code.setFocus()

    def describe(self, exc: BaseException) -> str:
        if isinstance(exc, PortalError):
            if exc.code == "invalid_credentials":
                return self.tr("Wrong username, password or code.")
            if exc.code == "totp_replayed":
                wait = 30 - int(time.time()) % 30
                return self.tr("This code was already used. Wait for the next code (in about %1 s).").replace(
                    "%1", str(wait))
            if exc.code == "too_many_attempts":
                minutes = max(1, round(float(exc.retry_after or 900) / 60))
                return self.tr("Too many failed attempts. Try again in %1 minutes.").replace("%1", str(minutes))
            return self.tr("The portal refused the sign-in: %1").replace("%1", exc.message)
        if isinstance(exc, InsecurePortal):
            return self.tr("This portal address is not secure (https is required).")
        if isinstance(exc, PortalUnreachable):
            if self.sessions.cache_exists(self.username.text().strip()):
                return self.tr("The portal cannot be reached. You can work offline with the copy on this computer.")
            return self.tr("The portal cannot be reached. Check the network and try again.")
        if isinstance(exc, PortalFault) and exc.status == 503:   # away for now (e.g. its database restarting)
            return self.tr("The portal is unavailable for the moment. Try again in %1 s.").replace(
                "%1", str(max(1, round(exc.retry_after or 5))))
        if isinstance(exc, PortalFault):
            return self.tr("The portal answered with an error. Try again in a moment.")
        if isinstance(exc, CacheError):
            return self.tr("The offline copy cannot be opened: %1").replace("%1", str(exc))
        return self.tr("Sign-in failed: %1").replace("%1", str(exc))

    def done(self, result: int):
        self._tick.stop()
        super().done(result)
