"""The data-security test in the app: one question at a time, a clock for the 30 minutes,
and the result (with the topics to re-read after a fail).

Keyboard: 1-4 choose an answer (or the arrow keys and Space), Enter or Alt+N goes on,
Alt+B goes back. The portal draws the questions and grades the answers; the dialog
never knows which answer is right. When the clock runs out, the answers given so far
are sent (an unanswered question counts as wrong).
"""

from __future__ import annotations

import time
import uuid

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QButtonGroup, QDialog, QHBoxLayout, QLabel, QPushButton, QRadioButton,
                               QStackedWidget, QVBoxLayout, QWidget)

from rules import certification as rule

from ..models import labels
from ..sync.certification import CertificationCalls, refusal_code, refusal_message, unreachable
from ..tasks import Op
from .widgets import heading, plain_label

SEND_MARGIN = 20      # seconds: answers go out this long before the portal closes the attempt


def ui_language() -> str:
    return "da" if QLocale().language() == QLocale.Language.Danish else "en"


class CertificationTestDialog(QDialog):
    renewed = Signal(str)            # the new certified_until after a pass

    def __init__(self, workspace, parent=None, calls: CertificationCalls | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Data-security test"))
        self.setModal(False)
        self.setMinimumSize(640, 460)
        self.calls = calls or CertificationCalls(workspace.client)
        self.attempt: dict | None = None
        self.answers: dict[str, int] = {}
        self.number = 0
        self.deadline = 0.0
        self.result: dict | None = None
        self.answer_key = uuid.uuid4().hex
        self.pages = QStackedWidget()
        self.pages.addWidget(self._intro_page())
        self.pages.addWidget(self._question_page())
        self.pages.addWidget(self._result_page())
        self.message = plain_label("", wrap=True)
        self.message.setObjectName("error")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        self.clock = QTimer(self)
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self._tick)
        for number in range(1, 5):
            QShortcut(QKeySequence(str(number)), self, activated=lambda n=number - 1: self.choose(n))
        # Enter presses the page's main button, wherever the focus is: no button takes over as the
        # default when it gets the focus (autoDefault), and each page names its own (`_default`).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self._default(self.begin_button)

    def _default(self, button: QPushButton) -> None:
        button.setDefault(True)      # the dialog's one default: the others lose it

    # -- pages ---------------------------------------------------------------------------------
    def _intro_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Data-security test")))
        text = self.tr("%1 questions on the rules for working with the portal's data: pseudonymised data, "
                       "discretion, data minimisation, reporting breaches, two-factor sign-in, accounts, what may "
                       "leave the research machine and sanctions.\n\nYou have %2 minutes. %3 right answers pass "
                       "and renew your certification for a year. You can begin %4 attempts in 24 hours.")
        layout.addWidget(plain_label(text.replace("%1", str(rule.QUESTIONS_PER_ATTEMPT))
                                     .replace("%2", str(rule.ATTEMPT_MINUTES))
                                     .replace("%3", str(rule.required_right()))
                                     .replace("%4", str(rule.ATTEMPTS_PER_DAY)), wrap=True))
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.begin_button = QPushButton(self.tr("&Begin the test"))
        self.begin_button.clicked.connect(self.begin)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        row.addWidget(self.begin_button)
        row.addWidget(cancel)
        layout.addLayout(row)
        return page

    def _question_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        self.counter = plain_label("")
        self.counter.setObjectName("subheading")
        self.time_left = QLabel()
        self.time_left.setAccessibleName(self.tr("Time left"))
        top.addWidget(self.counter, 1)
        top.addWidget(self.time_left)
        layout.addLayout(top)
        self.question = plain_label("", wrap=True)
        self.question.setObjectName("subheading")
        layout.addWidget(self.question)
        self.choice_box = QVBoxLayout()
        layout.addLayout(self.choice_box)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idClicked.connect(self._chosen)
        self.choice_buttons: list[QRadioButton] = []
        layout.addStretch(1)
        layout.addWidget(plain_label(self.tr("Keys: 1–4 choose an answer, Enter goes on."), wrap=True))
        row = QHBoxLayout()
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.clicked.connect(lambda: self.go(self.number - 1))
        self.next_button = QPushButton(self.tr("&Next"))
        self.next_button.clicked.connect(self.next_or_submit)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.next_button)
        layout.addLayout(row)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.verdict = heading("")
        layout.addWidget(self.verdict)
        self.result_text = plain_label("", wrap=True)
        layout.addWidget(self.result_text)
        self.topics = plain_label("", wrap=True)
        self.topics.setAccessibleName(self.tr("Topics to re-read"))
        layout.addWidget(self.topics)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        return page

    # -- the attempt -------------------------------------------------------------------------------
    def begin(self) -> None:
        self.begin_button.setEnabled(False)
        self._say("")
        language = ui_language()
        Op(lambda: self.calls.begin(language)).success(self._begun).failure(self._failed).run_in_background()

    def _begun(self, attempt: dict) -> None:
        self.attempt = attempt
        self.answers = {}
        seconds = attempt.get("seconds") or rule.ATTEMPT_MINUTES * 60
        self.deadline = time.monotonic() + seconds - SEND_MARGIN
        self.pages.setCurrentIndex(1)
        self._default(self.next_button)
        self.go(0)
        self._tick()
        self.clock.start()

    def go(self, number: int) -> None:
        questions = self.attempt["questions"]
        if not 0 <= number < len(questions):
            return
        self.number = number
        q = questions[number]
        self.counter.setText(self.tr("Question %1 of %2").replace("%1", str(number + 1))
                             .replace("%2", str(len(questions))))
        self.question.setText(q["text"])
        for button in self.choice_buttons:
            self.group.removeButton(button)
            button.deleteLater()
        self.choice_buttons = []
        for index, text in enumerate(q["choices"]):
            button = QRadioButton(f"&{index + 1}  " + text.replace("&", "&&"))
            button.setAccessibleName(text)
            self.group.addButton(button, index)
            self.choice_box.addWidget(button)
            self.choice_buttons.append(button)
        chosen = self.answers.get(q["id"])
        if chosen is not None:
            self.choice_buttons[chosen].setChecked(True)
        (self.choice_buttons[chosen or 0] if self.choice_buttons else self.next_button).setFocus()
        self.back_button.setEnabled(number > 0)
        self._update_next()

    def choose(self, index: int) -> None:
        if self.pages.currentIndex() == 1 and 0 <= index < len(self.choice_buttons):
            self.choice_buttons[index].setChecked(True)
            self.choice_buttons[index].setFocus()
            self._chosen(index)

    def _chosen(self, index: int) -> None:
        self.answers[self.attempt["questions"][self.number]["id"]] = index
        self._update_next()

    def _update_next(self) -> None:
        last = self.number == len(self.attempt["questions"]) - 1
        if not last:
            self.next_button.setText(self.tr("&Next"))
            return
        missing = len(self.attempt["questions"]) - len(self.answers)
        self.next_button.setText(self.tr("&Submit answers") if not missing else
                                 self.tr("&Submit (%n unanswered)", "", missing))

    def next_or_submit(self) -> None:
        if self.number < len(self.attempt["questions"]) - 1:
            self.go(self.number + 1)
        else:
            self.submit()

    def _tick(self) -> None:
        left = max(0, int(self.deadline - time.monotonic()))
        self.time_left.setText(self.tr("Time left: %1").replace("%1", f"{left // 60}:{left % 60:02d}"))
        if left <= 0 and self.attempt is not None and self.result is None:
            self.submit()

    def submit(self) -> None:
        self.clock.stop()
        self.next_button.setEnabled(False)
        self.back_button.setEnabled(False)
        attempt_id, answers = self.attempt["attempt_id"], dict(self.answers)
        Op(lambda: self.calls.answer(attempt_id, answers, self.answer_key)).success(self._graded) \
            .failure(self._failed).run_in_background()

    def _graded(self, result: dict) -> None:
        self.result = result
        self.pages.setCurrentIndex(2)
        self._default(self.close_button)
        score = self.tr("%1 of %2 right (%3 needed).").replace("%1", str(result.get("score"))) \
            .replace("%2", str(result.get("questions"))).replace("%3", str(result.get("required")))
        if result.get("passed"):
            self.verdict.setText(self.tr("✔ Passed"))
            self.result_text.setText(score + " " + self.tr("Your certification is valid until %1.").replace(
                "%1", labels.local_date(result.get("certified_until"))))
            self.topics.setText("")
            self.renewed.emit(result.get("certified_until") or "")
        else:
            self.verdict.setText(self.tr("✖ Not passed"))
            self.result_text.setText(score + " " + self.tr("Your certification is unchanged. Re-read these topics "
                                                           "before you try again:"))
            self.topics.setText("\n".join("• " + t.get("title", "") for t in result.get("topics_to_reread") or []))
        self.close_button.setFocus()

    def _failed(self, error: BaseException) -> None:
        self.begin_button.setEnabled(True)
        self.next_button.setEnabled(True)
        code = refusal_code(error)
        if code == "too_many_attempts":
            text = self.tr("You have begun 3 attempts in the last 24 hours. Re-read the rules and try again later.")
        elif code == "not_open":
            text = self.tr("The time for this attempt has run out. Begin a new attempt.")
            self.pages.setCurrentIndex(0)
            self._default(self.begin_button)
            self.attempt = None
        elif unreachable(error):
            text = self.tr("The portal cannot be reached; the test needs it. Try again when you are online.")
            if self.attempt is not None and self.result is None:
                self.clock.start()
        elif code is not None:
            text = refusal_message(error) or code
        else:
            text = self.tr("The test could not be loaded: %1").replace("%1", str(error))
        self._say(text)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def done(self, result: int) -> None:
        self.clock.stop()
        super().done(result)
