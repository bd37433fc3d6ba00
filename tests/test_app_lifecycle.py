"""The app's life on a desktop: the embedded demo portal ends with the app however the app ends,
is started again when it stops on its own, offline mode says so from the first screen, quitting
with unsent actions asks, and each user starts on their own page."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from tests.client_helpers import sign_in_through_dialog, wait_for_sync

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc for the child process")


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[-1].split()[0] != "Z"   # a zombie has ended
    except OSError:
        return False


def _wait(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)   # polling a condition with a deadline, not a fixed wait


def _start_app(tmp_path) -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen([sys.executable, os.path.join(ROOT, "main.py"), "--data-dir", str(tmp_path)],
                            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


def _portal_child(app: subprocess.Popen) -> int:
    def found():
        return [c for c in _children(app.pid) if b"portal" in open(f"/proc/{c}/cmdline", "rb").read()]
    _wait(lambda: found() or app.poll() is not None, 60, "the embedded portal to start")
    assert app.poll() is None, app.stderr.read().decode(errors="replace")
    return found()[0]


@linux_only
def test_sigterm_quits_the_app_cleanly_and_ends_its_portal(tmp_path):
    app = _start_app(tmp_path)
    try:
        portal = _portal_child(app)
        app.send_signal(signal.SIGTERM)
        assert app.wait(30) == 0
        _wait(lambda: not _alive(portal), 15, "the portal to end after the app")
    finally:
        if app.poll() is None:
            app.kill()


@linux_only
def test_a_killed_app_takes_its_portal_with_it(tmp_path):
    app = _start_app(tmp_path)
    try:
        portal = _portal_child(app)
        app.kill()
        app.wait(10)
        _wait(lambda: not _alive(portal), 15, "the portal to end after the app was killed")
    finally:
        if app.poll() is None:
            app.kill()


def test_an_embedded_portal_that_stops_is_started_again(qtbot, tmp_path, desk_factory):
    desk = desk_factory(None, tmp_path)
    qtbot.waitUntil(desk.embedded.ready, timeout=60000)
    desk.embedded.proc.kill()
    desk.embedded.proc.wait(10)
    qtbot.waitUntil(lambda: desk.embedded.restarts == 1 and desk.embedded.alive(), timeout=10000)
    qtbot.waitUntil(desk.embedded.ready, timeout=60000)


def test_offline_mode_says_so_from_the_first_screen(qtbot, portal, tmp_path, desk_factory):
    desk = desk_factory(portal, tmp_path, "--offline")
    dialog = desk.dialog
    assert "offline mode" in dialog.portal_label.text()
    assert not dialog.sign_in_button.isVisible() or not dialog.sign_in_button.isEnabled()
    dialog.username.setText("anna")
    dialog.password.setText("demo")
    dialog._update_state()
    assert not dialog.sign_in_button.isEnabled()
    assert dialog.offline_button.text() == "Open offline copy"


def test_an_offline_mode_workspace_never_contacts_the_portal(qtbot, fresh_portal, tmp_path, desk_factory):
    desk = desk_factory(fresh_portal, tmp_path)
    sign_in_through_dialog(qtbot, desk, fresh_portal, "anna")
    wait_for_sync(qtbot, desk)
    desk.shutdown()
    offline = desk_factory(fresh_portal, tmp_path, "--offline")
    qtbot.waitUntil(lambda: offline.window is not None, timeout=10000)
    assert offline.workspace.stay_offline
    offline.window.sync.sync_now(user_asked=True)
    assert not offline.window.sync.running and offline.window.sync.last_result is None
    assert "Offline mode" in offline.window.status.indicator.text()


def test_quitting_with_unsent_actions_asks_and_keeps_them(qtbot, fresh_portal, tmp_path, desk_factory):
    desk = desk_factory(fresh_portal, tmp_path)
    sign_in_through_dialog(qtbot, desk, fresh_portal, "anna")
    wait_for_sync(qtbot, desk)
    window = desk.window
    window.sync.stop()       # nothing is sent while the question is asked
    window.workspace.engine.outbox.enqueue("POST", "/applications/APP-X/reviews", {"decision": "return"},
                                          "application", "APP-X", "Return APP-X")
    answers = []

    def answer(button_text):
        box = getattr(window, "quit_question", None)
        if box is None or not box.isVisible():
            QTimer.singleShot(20, lambda: answer(button_text))
            return
        answers.append(box.text())
        [button] = [b for b in box.buttons() if b.text() == button_text]
        button.click()

    QTimer.singleShot(0, lambda: answer("Keep working"))
    window.request_quit()
    assert window.isVisible() and "1 action you took is not sent" in answers[0]
    QTimer.singleShot(0, lambda: answer("Quit, send later"))
    window.request_quit()
    assert not window.isVisible()
    assert window.workspace.engine.outbox.pending_count() == 1


def test_each_user_starts_on_their_own_page(qtbot, portal, tmp_path, desk_factory):
    desk = desk_factory(portal, tmp_path)
    sign_in_through_dialog(qtbot, desk, portal, "helle")
    wait_for_sync(qtbot, desk)
    window = desk.window
    last = len(window.page_keys) - 1
    window.nav.setCurrentRow(last)
    helle_page = window.page_keys[last]
    desk.sign_out(wipe=False)
    qtbot.waitUntil(lambda: desk.dialog is not None and desk.dialog.isVisible(), timeout=10000)
    sign_in_through_dialog(qtbot, desk, portal, "frida")
    qtbot.waitUntil(lambda: desk.window is not None, timeout=30000)
    assert desk.window.nav.currentRow() == 0
    desk.sign_out(wipe=False)
    qtbot.waitUntil(lambda: desk.dialog is not None and desk.dialog.isVisible(), timeout=10000)
    sign_in_through_dialog(qtbot, desk, portal, "helle")
    qtbot.waitUntil(lambda: desk.window is not None, timeout=30000)
    assert desk.window.page_keys[desk.window.nav.currentRow()] == helle_page


def test_a_lost_portal_is_said_in_words_with_the_detail_in_the_tooltip(qtbot, fresh_portal, tmp_path, desk_factory):
    desk = desk_factory(fresh_portal, tmp_path)
    sign_in_through_dialog(qtbot, desk, fresh_portal, "anna")
    wait_for_sync(qtbot, desk)
    fresh_portal.kill()
    controller = desk.window.sync
    with qtbot.waitSignal(controller.finished, timeout=30000):
        controller.sync_now(user_asked=True)
    message = desk.window.status.message
    qtbot.waitUntil(lambda: "cannot be reached" in message.text())
    assert "Error" not in message.text() and "http" not in message.text()       # no exception names, no URL
    assert "did not answer" in message.toolTip()                                 # the detail, for support


def test_a_long_sign_in_error_never_squeezes_the_demo_box(qtbot, tmp_path):
    from PySide6.QtWidgets import QFrame
    from desktop.session import SessionManager
    from desktop.views.sign_in import SignInDialog
    dialog = SignInDialog(SessionManager(str(tmp_path), "http://127.0.0.1:9"), demo=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog._show("The portal cannot be reached. You can work offline with the copy on this computer. " * 3)
    box = dialog.findChild(QFrame, "demoBox")
    qtbot.waitUntil(lambda: dialog.message.geometry().bottom() < box.geometry().top())
    assert box.height() >= box.sizeHint().height() - 2          # the user list keeps its room
