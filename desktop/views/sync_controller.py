"""Runs the sync engine off the UI thread, on a timer and on demand, and shows
its state in the status bar: online or offline, actions waiting, progress."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from ..models import labels
from ..models.lazy_table import plain_tooltip
from ..sync.outbox import sync_retry_delay
from ..tasks import Op


class SyncController(QObject):
    started = Signal()
    progressed = Signal(int, int)          # pages, changes
    finished = Signal(object)              # SyncResult
    auth_required = Signal()
    state_changed = Signal()

    def __init__(self, workspace, interval_seconds: int = 60, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.interval = max(5, interval_seconds)
        self.running = False
        self.online: bool | None = None if workspace.offline else True
        self.last_result = None
        self.last_sync_at: float | None = None
        self.failures = 0
        self.paused_for_auth = False
        self._stop = False
        self._again = False           # one more round as soon as the running one ends
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.sync_now)

    def start(self, immediately: bool = True):
        if immediately:
            self.sync_now()
        else:
            self._schedule(self.interval)

    def stop(self):
        self._stop = True
        self._timer.stop()

    def sync_soon(self):
        """Sync now for an action the user just queued; if a round is running (it may
        have started before the action was queued), once more right after it."""
        if self.running:
            self._again = True
        else:
            self.sync_now(user_asked=True)

    def sync_now(self, user_asked: bool = False):
        if self.paused_for_auth and user_asked and not self._stop:
            self.auth_required.emit()   # the sign-in was dismissed: "sync now" asks again
            return
        if self.running or self._stop or self.paused_for_auth or self.workspace.stay_offline:
            return
        self.running = True
        self.started.emit()
        self.state_changed.emit()
        engine = self.workspace.engine

        def work(report):
            return engine.sync_once(progress=lambda pages, changes: report((pages, changes)),
                                    should_stop=lambda: self._stop, ignore_backoff=user_asked)

        Op(work, with_progress=True).progress(lambda p: self.progressed.emit(*p)) \
            .success(self._done).failure(self._failed).run_in_background()

    def _done(self, result):
        self.running = False
        if self._stop:
            return   # the workspace is closing: its views and cache are going away
        self.last_result = result
        if result.skipped:
            self._schedule(self.interval)
            return
        self.online = result.online and result.error_kind not in ("offline",)
        if result.online:
            self.workspace.offline = False
        if result.error_kind in (None,) or result.online:
            self.last_sync_at = time.time() if result.error_kind is None else self.last_sync_at
        if result.error_kind in ("offline", "fault"):
            self.failures += 1
            delay = sync_retry_delay(self.failures, self.interval)
        else:
            self.failures = 0
            delay = self.interval
        if result.full:
            self._prepare_sort_orders()
        # Paused before anyone hears of the result, so the status bar says "sign-in needed".
        self.paused_for_auth = bool(result.auth_required)
        self.finished.emit(result)
        self.state_changed.emit()
        if result.auth_required:
            self.auth_required.emit()
            return
        if self._again:           # an action was queued while this round ran
            self._again = False
            self.sync_now(user_asked=True)
            return
        self._schedule(delay)

    def _failed(self, exc):
        # The engine reports portal trouble in its result; an exception here is a bug
        # or a broken cache: show it and keep trying on the timer.
        self.running = False
        if self._stop:
            return
        self.online = False
        self.failures += 1
        self.last_result = None
        self.state_changed.emit()
        self._schedule(sync_retry_delay(self.failures, self.interval))

    def _prepare_sort_orders(self):
        """After a full sync, every list column's sort index, in the background: the first sort
        by any column is then as fast as the default order."""
        cache = self.workspace.cache
        Op(lambda: cache.prepare_sort_orders(should_stop=lambda: self._stop)) \
            .success(lambda built: None).failure(lambda exc: None).run_in_background()

    def resume_after_auth(self):
        self.paused_for_auth = False
        self.sync_now(user_asked=True)

    def _schedule(self, seconds: float):
        if not self._stop:
            self._timer.start(int(seconds * 1000))

    def pending(self) -> int:
        return self.workspace.engine.outbox.pending_count()

    def seconds_to_next_round(self) -> int | None:
        """Whole seconds until the timer starts the next round (None when none is planned)."""
        if not self._timer.isActive():
            return None
        return max(0, round(self._timer.remainingTime() / 1000))


class SyncStatus:
    """The status bar's part: an online/offline indicator, waiting actions and progress."""

    def __init__(self, bar: QStatusBar, controller: SyncController):
        self.controller = controller
        self.indicator = QLabel()
        self.indicator.setObjectName("onlineIndicator")
        self.indicator.setAccessibleName(QStatusBar.tr("Connection state"))
        self.pending = QLabel()
        self.pending.setAccessibleName(QStatusBar.tr("Actions waiting to be sent"))
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.message = QLabel()
        self.message.setObjectName("muted")
        bar.addWidget(self.message, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.pending)
        bar.addPermanentWidget(self.indicator)
        controller.started.connect(self._started)
        controller.progressed.connect(self._progressed)
        controller.state_changed.connect(self.update)
        # While the portal says it is unavailable, the countdown to the next try is kept current.
        self._countdown = QTimer(bar, interval=1000)
        self._countdown.timeout.connect(self.update)
        self.update()

    def _started(self):
        self.progress.show()
        self.message.setText(QStatusBar.tr("Syncing…"))

    def _progressed(self, pages: int, changes: int):
        self.message.setText(QStatusBar.tr("Syncing… %1 changes received").replace("%1", str(changes)))

    def update(self):
        c = self.controller
        if not c.running:
            self.progress.hide()
        if c.workspace.stay_offline:
            text, state = QStatusBar.tr("● Offline mode"), "offline"
        elif c.paused_for_auth:
            text, state = QStatusBar.tr("● Sign-in needed"), "auth"
        elif c.online:
            text, state = QStatusBar.tr("● Online"), "online"
        else:
            text, state = QStatusBar.tr("● Offline"), "offline"
        self.indicator.setText(text)
        self.indicator.setProperty("state", state)
        self.indicator.style().unpolish(self.indicator)
        self.indicator.style().polish(self.indicator)
        waiting = c.pending()
        self.pending.setText(QStatusBar.tr("%1 waiting").replace("%1", str(waiting)) if waiting else "")
        self.pending.setVisible(bool(waiting))
        if c.workspace.stay_offline:
            self.message.setText(QStatusBar.tr("Offline mode: the portal is not contacted. What you do waits on "
                                               "this computer until you next sign in online."))
        elif not c.running:
            result = c.last_result
            unavailable = result is not None and result.unavailable
            # Retrying: the portal away for now (unavailable), not reached, or in trouble.
            retrying = result is not None and (unavailable or result.error_kind in ("offline", "fault"))
            seconds = c.seconds_to_next_round() if retrying else None
            if retrying and not self._countdown.isActive():
                self._countdown.start()            # the next try is planned just after this update
                QTimer.singleShot(0, self._countdown, self.update)
            # Words for people in the bar; the technical detail in its tooltip.
            self.message.setToolTip(plain_tooltip(result.error) if result is not None and result.error else "")
            if unavailable and seconds is not None:
                self.message.setText(QStatusBar.tr("Portal unavailable, retrying in %1 s").replace("%1", str(seconds)))
            elif result is not None and result.error_kind == "offline":
                text = QStatusBar.tr("Offline: the portal cannot be reached. Your actions wait on this computer.")
                if seconds is not None:
                    text += " " + QStatusBar.tr("Trying again in %1 s.").replace("%1", str(seconds))
                self.message.setText(text)
            elif result is not None and result.error_kind == "fault":
                text = QStatusBar.tr("The portal answered with an error; nothing you did is lost.")
                if seconds is not None:
                    text += " " + QStatusBar.tr("Trying again in %1 s.").replace("%1", str(seconds))
                self.message.setText(text)
            elif result is not None and result.error:
                self.message.setText(result.error)
            elif c.last_sync_at:
                self.message.setText(QStatusBar.tr("Synced %1").replace(
                    "%1", labels.local_time(labels.iso_from_epoch(c.last_sync_at))))
            elif c.workspace.offline:
                self.message.setText(QStatusBar.tr("Working offline from the copy on this computer"))
            if not retrying:
                self._countdown.stop()
        else:
            self._countdown.stop()


def send_soon(sync: SyncController | None, request_sync) -> None:
    """Send what a page just queued: through the window's sync controller, or, for a
    page used without one (tests, an embedding), by asking its owner (`request_sync`)."""
    if sync is None:
        request_sync.emit()
    else:
        sync.sync_soon()
