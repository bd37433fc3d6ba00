"""The user's own certification: a part of the status bar, and a banner across the top of
the window when a reminder is due (90, 60, 30 and 7 days before it lapses) or once it
has lapsed. Both offer the test. The banner is never a modal: work goes on under it.

A lapsed user still reads everything; the pages grey their decision controls with the
reason (models.certification.OWN_CERTIFICATION), and the banner says why and offers
the test. The portal refuses the decisions either way (403 own_certification_expired).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStatusBar, QVBoxLayout, QWidget

from ..models import certification, labels
from .widgets import plain_label


def _date(until: str | None) -> str:
    return labels.local_date(until) if until else "?"


def own_certification_text(until: str | None) -> str:
    """Why a decision control is greyed for a user whose own certification lapsed (every page)."""
    if until:
        text = QCoreApplication.translate("Certification", "Your own certification lapsed on %1: you can read, but "
                                          "not decide. Take the test (in the status bar) to renew it.")
        return text.replace("%1", _date(until))
    return QCoreApplication.translate("Certification", "Your own certification is not known to be valid: you can "
                                      "read, but not decide. Take the test (in the status bar) to renew it.")


class CertificationBanner(QFrame):
    take_test = Signal()
    dismissed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("notice")
        self.setAccessibleName(self.tr("Certification reminder"))
        self.text = plain_label("", wrap=True)
        self.text.setAccessibleName(self.tr("Certification reminder"))
        self.test_button = QPushButton(self.tr("Take the test…"))
        self.test_button.clicked.connect(self.take_test.emit)
        self.later_button = QPushButton(self.tr("Remind me later"))
        self.later_button.setToolTip(self.tr("Hide this reminder until the next one is due"))
        self.later_button.clicked.connect(self.dismissed.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.test_button)
        layout.addWidget(self.later_button)
        self.hide()

    def show_status(self, status: certification.Status) -> None:
        if status.lapsed:
            if status.until:
                text = self.tr("Your certification lapsed on %1. You can read everything, but you cannot decide "
                               "anything until you pass the data-security test.").replace("%1", _date(status.until))
            else:
                text = self.tr("Your certification is not known to be valid. You can read everything, but you "
                               "cannot decide anything until you pass the data-security test.")
            self.later_button.hide()      # no putting a lapse away: it blocks the work
        else:
            text = self.tr("Your certification lapses in %n day(s), on %1. Take the data-security test to renew "
                           "it for a year.", "", status.days_left or 0).replace("%1", _date(status.until))
            self.later_button.show()
        self.text.setText(text)
        self.show()


class CertificationIndicator(QWidget):
    """The status bar's part: the date, how long is left, and the test."""

    take_test = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName(self.tr("Your certification"))
        self.test_button = QPushButton(self.tr("Take the test…"))
        self.test_button.setObjectName("certificationTest")
        self.test_button.setFlat(True)
        self.test_button.clicked.connect(self.take_test.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.test_button)

    def show_status(self, status: certification.Status) -> None:
        if status.lapsed:
            text = self.tr("✖ Certification lapsed %1").replace("%1", _date(status.until)) if status.until \
                else self.tr("✖ Not certified")
        elif status.reminder is not None:
            text = self.tr("⚠ Certified until %1 (%n day(s) left)", "", status.days_left or 0).replace(
                "%1", _date(status.until))
        else:
            text = self.tr("✔ Certified until %1").replace("%1", _date(status.until))
        self.label.setText(text)
        self.label.setToolTip(self.tr("Your data-security certification. It is renewed yearly by passing the test."))
        self.test_button.setVisible(status.lapsed or status.reminder is not None)


class CertificationPresence(QObject):
    """Puts the indicator in the window's status bar and the banner above its pages, and keeps
    them current from the offline copy (after every sync) and from a passed test."""

    def __init__(self, window, settings):
        super().__init__(window)
        self.settings = settings
        self.workspace = window.workspace
        self.known_until: str | None = None     # from a passed test, until the sync brings it
        self.indicator = CertificationIndicator()
        bar: QStatusBar = window.statusBar()
        bar.addPermanentWidget(self.indicator)
        self.banner = CertificationBanner()
        body = window.takeCentralWidget()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(body, 1)
        window.setCentralWidget(holder)
        self.indicator.take_test.connect(self.open_test)
        self.banner.take_test.connect(self.open_test)
        self.banner.dismissed.connect(self.dismiss)
        self.dialog = None
        self.refresh()

    def status(self) -> certification.Status:
        until = certification.own_until(self.workspace.cache, self.workspace.user)
        if self.known_until and (not until or self.known_until > until):
            until = self.known_until
        return certification.status_of(until)

    def _reminder_key(self, status: certification.Status) -> str:
        return f"{status.until}:{status.reminder}"

    def refresh(self) -> None:
        if not self.known_until and not certification.own_known(self.workspace.cache, self.workspace.user):
            self.indicator.hide()          # nothing synced yet: nothing to say
            self.banner.hide()
            return
        self.indicator.show()
        status = self.status()
        self.indicator.show_status(status)
        due = status.lapsed or (status.reminder is not None
                                and self.settings.get("certification/dismissed") != self._reminder_key(status))
        if due:
            self.banner.show_status(status)
        else:
            self.banner.hide()

    def dismiss(self) -> None:
        self.settings.set("certification/dismissed", self._reminder_key(self.status()))
        self.banner.hide()

    def open_test(self) -> None:
        from .certification_test import CertificationTestDialog
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return
        self.dialog = CertificationTestDialog(self.workspace, self.parent())
        self.dialog.renewed.connect(self.renewed)
        self.dialog.open()

    def renewed(self, until: str) -> None:
        self.known_until = until
        self.refresh()
        # The portal's new staff record arrives with this sync; the pages refresh on it.
        self.parent().sync.sync_now(user_asked=True)
