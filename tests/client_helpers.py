"""Driving the real client in tests."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.app import DeskApp, parse_args


def start_client(qtbot, portal, data_dir, *extra) -> DeskApp:
    args = ["--data-dir", str(data_dir), *extra]
    if portal is not None:
        args = ["--portal", portal.url, *args]
    desk = DeskApp(parse_args(args))
    desk.start()
    return desk


def sign_in_through_dialog(qtbot, desk: DeskApp, portal, username: str, password: str = "demo"):
    dialog = desk.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.code.setText(portal.totp.code(username))
    qtbot.waitUntil(dialog.sign_in_button.isEnabled, timeout=5000)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


def wait_for_sync(qtbot, desk: DeskApp, timeout=30000):
    """Wait until a sync round has finished (and the window exists)."""
    qtbot.waitUntil(lambda: desk.window is not None, timeout=timeout)
    controller = desk.window.sync
    qtbot.waitUntil(lambda: controller.last_result is not None and not controller.running, timeout=timeout)
    return controller.last_result


def sync_again(qtbot, desk: DeskApp, timeout=30000):
    controller = desk.window.sync
    qtbot.waitUntil(lambda: not controller.running, timeout=timeout)
    with qtbot.waitSignal(controller.finished, timeout=timeout) as blocker:
        controller.sync_now(user_asked=True)
    return blocker.args[0]
