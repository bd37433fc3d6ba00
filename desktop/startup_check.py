"""A start-up check for installed bundles: PORTAL_DESK_STARTUP_CHECK=1 makes the app report
once the sign-in window is shown and the embedded demo portal answers, then quit.

The installer's test starts a built bundle headless (QT_QPA_PLATFORM=offscreen) with it. The
report is one line, `startup-check: ok: <window title>` (or `startup-check: failed: <why>`,
exit code 1), on standard output, or appended to a file when the variable names a file
(a windowed Windows build has no standard output).
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

TIMEOUT_SECONDS = 120.0


def arm(target: str = "1", timeout: float = TIMEOUT_SECONDS) -> None:
    """Create the application object and watch for the sign-in window (call before desktop.app.main)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    deadline = time.monotonic() + timeout

    def report(ok: bool, text: str) -> None:
        line = f"startup-check: {'ok' if ok else 'failed'}: {text}"
        if target not in ("", "1"):
            with open(target, "a", encoding="utf-8") as f:
                f.write(line + "\n")
        if sys.stdout is not None:
            print(line, flush=True)
        timer.stop()
        if ok:
            app.quit()
        else:
            app.exit(1)

    def check() -> None:
        from .views.sign_in import SignInDialog
        for widget in app.topLevelWidgets():
            if isinstance(widget, SignInDialog) and widget.isVisible():
                desk = getattr(widget._portal_ready, "__self__", None)     # the DeskApp, when a demo portal runs
                embedded = getattr(desk, "embedded", None)
                try:
                    ready = embedded is None or embedded.ready()
                except RuntimeError as exc:                                  # the demo portal exited
                    report(False, str(exc))
                    return
                if ready:
                    report(True, widget.windowTitle())
                    return
        if time.monotonic() > deadline:
            report(False, f"no sign-in window with a running portal after {timeout:.0f} s")

    timer = QTimer(app, interval=100)
    timer.timeout.connect(check)
    timer.start()
