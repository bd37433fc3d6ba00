"""Issue 7: the real desktop client (pytest-qt, offscreen) when its session
expires or the portal goes away, and two machines of the same user.

- Token expiry mid-session (a portal with `--token-ttl 3`): the sync reports
  auth_required, the app asks for the password again in a SignInDialog with
  `reauth_for` over the window it leaves as it was (same window, same page,
  same application open), queued actions stay queued, and once signed in again
  the queue is sent.
- The portal down or failing behind the fault proxy: the status bar says
  offline and how many actions wait, the views keep working, and the app comes
  back online and delivers the actions.
- Two machines (two data folders, two caches) of one user end in the same state.
"""

from __future__ import annotations

import types

import pytest
import requests
from PySide6.QtCore import Qt

from desktop.session import SessionManager
from desktop.sync.outbox import Outbox
from tests.client_helpers import sign_in_through_dialog, start_client, sync_again, wait_for_sync
from tests.faults import (FaultProxy, cache_state, feed_state, live, queue_review, record, reviews_by,
                          submit_application)
from tests.portal_process import PortalProcess, wait_until


@pytest.fixture
def desks(qtbot):
    started = []

    def make(portal, data_dir, *extra):
        desk = start_client(qtbot, portal, data_dir, *extra)
        started.append(desk)
        return desk

    yield make
    for desk in started:
        desk.shutdown()


def token_dead(api: str, token: str) -> bool:
    return requests.get(api + "/changes", params={"limit": 1}, headers={"Authorization": f"Bearer {token}"},
                        timeout=10).status_code == 401


def test_token_expiry_mid_session_asks_again_and_keeps_everything(qtbot, tmp_path, desks):
    portal = PortalProcess(args=["--token-ttl", "3"]).start()
    try:
        researcher_token = portal.sign_in("rikke")
        researcher = requests.Session()
        researcher.headers["Authorization"] = f"Bearer {researcher_token}"
        app_id = submit_application(portal, researcher, "Expiry test")

        desk = desks(portal, tmp_path)
        sign_in_through_dialog(qtbot, desk, portal, "anna")
        qtbot.waitUntil(lambda: desk.window is not None, timeout=20000)
        window, workspace = desk.window, desk.workspace
        qtbot.waitUntil(lambda: window.sync.last_result is not None and not window.sync.running, timeout=20000)
        view = window.open_page("applications")
        if workspace.cache.get("application", app_id) is not None:
            view.open_application(app_id)
        opened = getattr(view.detail, "current_id", None)
        action = queue_review(workspace.cache, app_id, "after expiry")

        wait_until(lambda: token_dead(portal.api, workspace.client.token), timeout=20,
                   message="the session to expire")
        # On a slow machine the first sync may already have met the expiry; else the next one does.
        if not window.sync.paused_for_auth:
            qtbot.waitUntil(lambda: not window.sync.running, timeout=20000)
            window.sync.sync_now(user_asked=True)
        qtbot.waitUntil(lambda: getattr(desk, "reauth_dialog", None) is not None
                        and desk.reauth_dialog.isVisible(), timeout=20000)
        dialog = desk.reauth_dialog
        # Same window, same page, same case; the action waits; the status bar says why.
        assert desk.window is window and window.isVisible()
        assert window.stack.currentWidget() is view and getattr(view.detail, "current_id", None) == opened
        assert dialog.reauth_for == "anna" and dialog.username.text() == "anna" and dialog.username.isReadOnly()
        assert not dialog.offline_button.isVisible()
        assert window.sync.paused_for_auth and window.sync.last_result.auth_required
        assert window.status.indicator.property("state") == "auth"
        assert Outbox(workspace.cache).get(action["id"])["state"] == "queued"
        assert window.sync.pending() == 1
        # While paused, the timer does not keep knocking with a dead token.
        window.sync.sync_now()
        assert not window.sync.running
        # Dismissing the dialog is no dead end: "sync now" asks again.
        dialog.reject()
        qtbot.waitUntil(lambda: not dialog.isVisible())
        window.sync.sync_now(user_asked=True)
        qtbot.waitUntil(lambda: desk.reauth_dialog is not dialog and desk.reauth_dialog.isVisible(), timeout=5000)
        dialog = desk.reauth_dialog
        assert Outbox(workspace.cache).get(action["id"])["state"] == "queued"

        dialog.password.setText("demo")
        dialog.code.setText(portal.totp.code("anna"))
        qtbot.waitUntil(dialog.sign_in_button.isEnabled, timeout=5000)
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: Outbox(workspace.cache).get(action["id"])["state"] == "done", timeout=20000)
        qtbot.waitUntil(lambda: not window.sync.running, timeout=20000)
        assert desk.window is window and desk.workspace is workspace
        assert window.stack.currentWidget() is view
        app = workspace.cache.get("application", app_id)
        assert app is not None and sum(1 for r in app["reviews"] if r["reviewer_id"] == "u-anna") == 1
        admin = portal.sign_in("admin")
        assert reviews_by(feed_state(portal.api, admin), app_id, "u-anna") == 1
        record("token expiry", ttl_seconds=3, actions_queued=1, actions_lost=0, reauth_dialog_shown=True)
    finally:
        portal.close()


@pytest.fixture(scope="module")
def shared_portal():
    p = PortalProcess().start()
    yield p
    p.close()


@pytest.mark.parametrize("fault", ["down", "500"])
def test_status_bar_shows_offline_then_recovers(qtbot, tmp_path, desks, shared_portal, fault):
    portal = shared_portal
    researcher = portal.session("rikke")
    with FaultProxy(portal.url) as proxy:
        desk = desks(types.SimpleNamespace(url=proxy.url, totp=portal.totp), tmp_path)
        sign_in_through_dialog(qtbot, desk, portal, "bent")
        result = wait_for_sync(qtbot, desk)
        assert result.error is None
        window, workspace = desk.window, desk.workspace
        status = window.status
        view = window.open_page("applications")
        rows = view.model.rowCount()
        assert rows > 0

        proxy.inject(fault)
        app_id = submit_application(portal, researcher, f"Status bar {fault}")
        action = queue_review(workspace.cache, app_id, fault)
        result = sync_again(qtbot, desk)
        assert result.error_kind == ("offline" if fault == "down" else "fault")
        qtbot.waitUntil(lambda: status.indicator.property("state") == "offline")
        assert status.pending.isVisible() and "1" in status.pending.text()
        assert status.message.text()            # says what is wrong
        assert Outbox(workspace.cache).get(action["id"])["attempts"] == 1
        view.search.setText("diabetes")         # the copy still answers
        qtbot.waitUntil(lambda: 0 < view.model.rowCount() < rows)
        view.search.clear()

        proxy.heal()
        result = sync_again(qtbot, desk)
        assert result.error is None and result.pushed == 1 and result.pending == 0
        qtbot.waitUntil(lambda: status.indicator.property("state") == "online")
        assert not status.pending.isVisible()
        token = portal.token("bent")
        assert reviews_by(feed_state(portal.api, token), app_id, "u-bent") == 1
        record("client status under faults", fault=fault, injected=sum(proxy.injected.values()), actions_lost=0)


def test_two_machines_of_one_user_end_in_the_same_state(tmp_path, shared_portal):
    portal = shared_portal
    researcher = portal.session("rikke")
    first_app = submit_application(portal, researcher, "Two machines, first")
    second_app = submit_application(portal, researcher, "Two machines, second")
    machines = []
    for name in ("office", "laptop"):
        sessions = SessionManager(str(tmp_path / name), portal.url)
        machines.append(sessions.sign_in("helle", "demo", portal.totp.code("helle")))
    office, laptop = machines
    try:
        assert office.cache.path != laptop.cache.path
        for ws in machines:
            assert ws.engine.sync_once().error is None
        # Both machines decide on the first application while apart; the laptop also on the second.
        office_action = queue_review(office.cache, first_app, "office")
        laptop_clash = queue_review(laptop.cache, first_app, "laptop")
        laptop_action = queue_review(laptop.cache, second_app, "laptop")
        first = office.engine.sync_once()
        second = laptop.engine.sync_once()
        third = office.engine.sync_once()
        assert first.pushed == 1 and second.pushed == 1 and second.refused == 1 and third.error is None
        # The clash is not lost silently: the laptop shows it, with the portal's state.
        [item] = Outbox(laptop.cache).attention()
        assert item["outbox_id"] == laptop_clash["id"] and item["status"] == 409
        assert item["server_state"]["id"] == first_app
        assert Outbox(office.cache).get(office_action["id"])["state"] == "done"
        assert Outbox(laptop.cache).get(laptop_action["id"])["state"] == "done"
        feed = feed_state(portal.api, office.client.token)
        assert reviews_by(feed, first_app, "u-helle") == 1 and reviews_by(feed, second_app, "u-helle") == 1
        assert live(cache_state(office.cache)) == live(cache_state(laptop.cache)) == live(feed)
        assert office.cache.cursor() == laptop.cache.cursor()
        record("two machines of one user", machines=2, actions=3, refused_and_shown=1, actions_lost=0,
               same_state=True)
    finally:
        for ws in machines:
            ws.close()
