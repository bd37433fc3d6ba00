"""Quit cleanly on SIGTERM (what a desktop session sends at log-out) and SIGINT.

Python runs signal handlers only between bytecodes, and a Qt event loop idles in C++: a
handler alone would wait for the next event. The signal's wake-up byte goes to a socket that
a QSocketNotifier watches, so the quit runs on the UI thread at once.
"""

from __future__ import annotations

import signal
import socket
from typing import Callable

from PySide6.QtCore import QObject, QSocketNotifier


class QuitOnSignal(QObject):
    def __init__(self, on_signal: Callable[[], None], signals=(signal.SIGTERM, signal.SIGINT), parent=None):
        super().__init__(parent)
        self._on_signal = on_signal
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {sig: signal.signal(sig, lambda *_: None) for sig in signals}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self, *_):
        try:
            while self._reader.recv(64):
                pass
        except (BlockingIOError, InterruptedError):
            pass
        self._on_signal()

    def uninstall(self):
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        self._reader.close()
        self._writer.close()
