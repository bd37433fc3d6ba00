"""Notifications of new critical warnings and of recipients gone overdue, from sign-in on,
whatever page is open: owned by the main window, not by the Warnings page (which is built
only when first shown)."""

from __future__ import annotations

import time
from typing import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer

from ..models import warnings as rules
from .ack_board import cache_is_open

ESCALATION_INTERVAL_MS = 60_000


class WarningEscalation(QObject):
    """Compares the warnings in the offline copy with what it saw before and notifies each
    event once (see rules.EscalationTracker): at every sync and once a minute (deadlines pass
    without a sync)."""

    def __init__(self, workspace, window, sync=None, *, opener: Callable[[str], None] | None = None,
                 clock=time.time, notifier=None):
        super().__init__(window)
        self.cache = workspace.cache
        self.window = window
        self.clock = clock
        self.notifier = notifier
        self.opener = opener
        self.tracker = rules.EscalationTracker(workspace.user.get("id"))
        if sync is not None:
            sync.finished.connect(self._sync_finished)
        self.timer = QTimer(self, interval=ESCALATION_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        if self.cache.counts().get("warning"):
            self.tracker.prime(self._warnings(), self.clock())   # old news is not notified at sign-in

    def _warnings(self) -> list[dict]:
        return self.cache.documents("warning")

    def _sync_finished(self, result):
        if not shiboken6.isValid(self) or not cache_is_open(self.cache):
            return
        if not self.tracker.primed:
            # An empty offline copy: the first complete round is the baseline.
            if result.online and not result.error and not result.stopped:
                self.tracker.prime(self._warnings(), self.clock())
            return
        self.check()

    def check(self) -> list[rules.Event]:
        if not shiboken6.isValid(self) or not cache_is_open(self.cache) or not self.tracker.primed:
            return []
        events = self.tracker.check(self._warnings(), self.clock())
        if not events:
            return []
        notifier = self._notifier()
        for event in events:
            if event.kind == "overdue":
                title = self.tr("Overdue: %1").replace("%1", event.warning_id)
                message = self.tr("%n organisation(s) have not acknowledged “%2” in time. Follow them up on its "
                                  "acknowledgement board.", "", event.count).replace("%2", event.title)
                notifier.notify(("overdue", event.warning_id, event.revision), title, message, event.warning_id)
            else:
                title = self.tr("New critical warning: %1").replace("%1", event.warning_id)
                notifier.notify(("critical", event.warning_id), title, event.title, event.warning_id, critical=True)
        return events

    def _notifier(self):
        if self.notifier is None:
            from ..notify import Notifier
            self.notifier = Notifier(self.window, self)
            self.notifier.activated.connect(self._opened)
        return self.notifier

    def _opened(self, warning_id: str):
        if self.opener is not None:
            self.opener(warning_id)
        self.window.raise_()
        self.window.activateWindow()

    def stop(self):
        self.timer.stop()
