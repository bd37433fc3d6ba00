"""Background work that reports back to the UI thread.

    Op(lambda: engine.sync_once()).success(show).failure(warn).run_in_background()

The function runs on Qt's thread pool; `success`, `failure` and `progress`
callbacks run on the UI thread (queued signals), so they may touch widgets.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

_running: set["Op"] = set()   # keeps ops alive until they report
_generation = 0               # bumped when a workspace closes: older ops report to no one


_on_cancel: list[Callable[[], None]] = []   # undo what dropped reports would have undone


def on_cancel(hook: Callable[[], None]) -> None:
    """Call `hook` whenever pending reports are dropped (e.g. end a pause their reports end)."""
    _on_cancel.append(hook)


def cancel_pending() -> None:
    """Drop the callbacks of every op still running (their views and cache are closing).

    The work itself finishes in its thread; only its report is discarded."""
    global _generation
    _generation += 1
    for hook in _on_cancel:
        hook()


class _Bridge(QObject):
    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, op: "Op"):
        super().__init__()
        self.op = op
        self.setAutoDelete(True)

    def run(self):
        op = self.op
        try:
            if op._wants_progress:
                result = op.fn(op._bridge.progressed.emit)
            else:
                result = op.fn()
        except BaseException as exc:  # reported to the UI, never lost in a thread
            log.debug("background op failed: %s", "".join(traceback.format_exception(exc)))
            op._bridge.failed.emit(exc)
        else:
            op._bridge.done.emit(result)


class Op:
    def __init__(self, fn: Callable[..., Any], *, with_progress: bool = False):
        """`fn()` runs in the background; with `with_progress`, it is called as
        `fn(report)` and `report(value)` reaches the progress callback."""
        self.fn = fn
        self._wants_progress = with_progress
        self._generation = _generation
        self._bridge = _Bridge()
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._bridge.done.connect(self._finish_ok)
        self._bridge.failed.connect(self._finish_error)

    def success(self, callback: Callable[[Any], None]) -> "Op":
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> "Op":
        self._on_failure = callback
        return self

    def progress(self, callback: Callable[[Any], None]) -> "Op":
        self._bridge.progressed.connect(lambda value: None if self._cancelled() else callback(value))
        return self

    def run_in_background(self, pool: QThreadPool | None = None) -> "Op":
        _running.add(self)
        (pool or QThreadPool.globalInstance()).start(_Runnable(self))
        return self

    def _cancelled(self) -> bool:
        return self._generation != _generation

    @Slot(object)
    def _finish_ok(self, result):
        _running.discard(self)
        if self._cancelled():
            return
        if self._on_success:
            self._on_success(result)

    @Slot(object)
    def _finish_error(self, exc):
        _running.discard(self)
        if self._cancelled():
            return
        if self._on_failure:
            self._on_failure(exc)
        else:
            log.error("background op failed: %s", exc)
