"""Issue 18 (desktop): the Administration page and the first sign-in with an enrolment code,
through the real client against a real portal (pytest-qt, offscreen).

Done when an administrator alone can change nothing about anyone, and a new caseworker can
be created, enrolled and approve an application, all through the desktop."""

from __future__ import annotations

import pyotp
from PySide6.QtCore import Qt

from tests.client_helpers import sign_in_through_dialog, sync_again, wait_for_sync
from tests.test_approvals_client import approvals, first_reviewable, open_dialog, wait_sent


def signed_in(qtbot, desk_factory, portal, data_dir, username):
    desk = desk_factory(portal, data_dir)
    sign_in_through_dialog(qtbot, desk, portal, username)
    wait_for_sync(qtbot, desk)
    return desk


def admin_page(desk):
    page = desk.window.open_page("admin")
    assert page is not None, "administrators have an Administration page"
    return page


def select_request(qtbot, page, list_key, request_id):
    table = page.lists[list_key]
    qtbot.waitUntil(lambda: any(table.item(r, 0).data(Qt.ItemDataRole.UserRole) == request_id
                                for r in range(table.rowCount())))
    assert page.open_admin_request(request_id)
    assert page._selected == request_id


def queue_new_user(qtbot, page, username, display_name, roles, justification="Starts on Monday."):
    qtbot.mouseClick(page.new_user, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.ok.isEnabled()
    dialog.username.setText("Not Valid")
    dialog.display_name.setText(display_name)
    assert not dialog.ok.isEnabled() and "username" in dialog.problem.text().lower()
    dialog.username.setText(username)
    for role in roles:
        dialog.role_boxes[role].setChecked(True)
    assert not dialog.ok.isEnabled() and dialog.problem.text()           # the justification is missing
    dialog.justification.setPlainText(justification)
    assert dialog.ok.isEnabled(), dialog.problem.text()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)


def pass_the_certification_test(qtbot, desk):
    """Every user is certified before deciding: the test, taken in the app, all answers right."""
    from portal.certification import bank
    right = {q.id: q.choices for q in bank.load().questions}
    presence = desk.window.certification
    presence.open_test()
    dialog = presence.dialog
    dialog.begin()
    qtbot.waitUntil(lambda: dialog.attempt is not None, timeout=15000)
    language = dialog.attempt["language"]
    for q in dialog.attempt["questions"]:
        dialog.choose(q["choices"].index(right[q["id"]][language][0]))
        dialog.next_or_submit()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=15000)
    assert dialog.result["passed"] is True
    dialog.accept()


def test_a_new_caseworker_is_created_enrolled_and_approves_all_through_the_desktop(qtbot, portal, tmp_path,
                                                                                     desk_factory):
    admin = signed_in(qtbot, desk_factory, portal, tmp_path / "admin", "admin")
    page = admin_page(admin)
    assert page.users.rowCount() >= 11
    page.search.setText("jens")
    assert page.users.rowCount() == 1 and page.users.item(0, 1).text() == "jens"
    page.search.setText("")

    # The form refuses separation-of-duties before sending.
    qtbot.mouseClick(page.new_user, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.username.setText("both")
    dialog.display_name.setText("Both Roles")
    dialog.role_boxes["admin"].setChecked(True)
    dialog.role_boxes["caseworker"].setChecked(True)
    dialog.justification.setPlainText("x")
    assert not dialog.ok.isEnabled() and "deciding role" in dialog.problem.text()
    dialog.reject()

    queue_new_user(qtbot, page, "mikkel", "Mikkel Friis", ["caseworker"])
    wait_sent(qtbot, admin)
    sync_again(qtbot, admin)
    request = next(r for r in page.data.requests() if r["kind"] == "create_user"
                   and r["target"]["username"] == "mikkel")
    assert request["status"] == "pending"

    # Alone, the administrator can change nothing: the approval is greyed with the rule.
    select_request(qtbot, page, "mine", request["id"])
    assert not page.approve.isEnabled() and "another administrator" in page.approve.toolTip()
    assert "another administrator" in page.reason.text()
    assert not page.enrolment.isVisible()
    assert ("staff", "u-mikkel") not in portal.all_changes("admin")

    # Ida approves on her own desktop.
    ida = signed_in(qtbot, desk_factory, portal, tmp_path / "ida", "ida")
    ida_page = admin_page(ida)
    select_request(qtbot, ida_page, "waiting", request["id"])
    assert ida_page.approve.isEnabled()
    qtbot.mouseClick(ida_page.approve, Qt.MouseButton.LeftButton)
    wait_sent(qtbot, ida)
    assert portal.all_changes("ida")[("admin_request", request["id"])]["status"] == "approved"

    # The requester fetches the one-time code once.
    sync_again(qtbot, admin)
    page.refresh()
    select_request(qtbot, page, "mine", request["id"])
    assert page.enrolment.isVisible()
    qtbot.mouseClick(page.enrolment, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "code_dialog", None) is not None and page.code_dialog.isVisible(),
                    timeout=15000)
    code = page.code_dialog.code.text()
    assert len(code) == 19 and code.count("-") == 3
    page.code_dialog.reject()

    # Mikkel's first sign-in: the code, a new password, the QR code, a wrong then a right first code.
    desk = desk_factory(portal, tmp_path / "mikkel")
    sign_in = desk.dialog
    qtbot.mouseClick(sign_in.enrol_button, Qt.MouseButton.LeftButton)
    enrol = sign_in.enrolment
    qtbot.waitUntil(enrol.isVisible)
    enrol.username.setText("mikkel")
    enrol.code.setText(code)
    enrol.password.setText("short")
    assert enrol.strength.value() == 0 and not enrol.next_button.isEnabled()
    enrol.password.setText("Lang-nok-og-stærk 2026")
    enrol.repeat.setText("Lang-nok-og-stærk 2026")
    assert enrol.strength.value() >= 3 and enrol.next_button.isEnabled()
    qtbot.mouseClick(enrol.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: enrol.pages.currentIndex() == 1, timeout=15000)
    assert not enrol.qr.pixmap().isNull() and enrol.qr.pixmap().width() >= 150
    secret = enrol.secret_text.text().replace(" ", "")
    assert len(secret) == 32 and pyotp.TOTP(secret).now()
    enrol.first_code.setText("000000" if pyotp.TOTP(secret).now() != "000000" else "111111")
    qtbot.mouseClick(enrol.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: enrol.message.isVisible() and "not right" in enrol.message.text(), timeout=15000)
    enrol.first_code.setText(pyotp.TOTP(secret).now())
    qtbot.mouseClick(enrol.next_button, Qt.MouseButton.LeftButton)
    wait_for_sync(qtbot, desk)
    assert desk.workspace.username == "mikkel" and desk.workspace.roles == {"caseworker"}
    assert "admin" not in desk.window.page_keys

    # Not certified yet: the decisions are greyed until Mikkel passes the test in the app.
    view = approvals(qtbot, desk)
    assert view.queue.me().get("certification_lapsed") is True
    pass_the_certification_test(qtbot, desk)
    qtbot.waitUntil(lambda: not view.queue.me().get("certification_lapsed"), timeout=30000)

    # ... and approves an application as a caseworker.
    view = approvals(qtbot, desk)
    target = first_reviewable(view, given=0, required=2)
    view.select(target.id)
    dialog = open_dialog(qtbot, view, Qt.Key.Key_A)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    wait_sent(qtbot, desk)
    on_portal = portal.all_changes("helle")[("application", target.id)]
    assert ("u-mikkel", "approve") in [(r["reviewer_id"], r["decision"]) for r in on_portal["reviews"]]

    # The code is used: a second enrolment with it is refused, in words.
    again = desk_factory(portal, tmp_path / "again")
    qtbot.mouseClick(again.dialog.enrol_button, Qt.MouseButton.LeftButton)
    reuse = again.dialog.enrolment
    reuse.username.setText("mikkel")
    reuse.code.setText(code)
    reuse.password.setText("another long password")
    reuse.repeat.setText("another long password")
    qtbot.mouseClick(reuse.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "enrolment code" in reuse.message.text(), timeout=15000)
    assert reuse.pages.currentIndex() == 0


def test_emergency_access_says_who_is_told_and_an_offline_refusal_returns_to_needs_attention(
        qtbot, fresh_portal, tmp_path, desk_factory):
    portal = fresh_portal
    jens = signed_in(qtbot, desk_factory, portal, tmp_path / "jens", "jens")
    page = admin_page(jens)
    qtbot.mouseClick(page.emergency, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible)
    told = dialog.told.text()
    assert "Portal Administrator (admin)" in told and "Ida Kragh (ida)" in told and "Jens" not in told
    dialog.user.setCurrentIndex(next(i for i in range(dialog.user.count())
                                     if dialog.user.itemData(i)["username"] == "emil"))
    assert dialog.role.currentData() != "supervisor"                      # offered a role he does not hold
    dialog.role.setCurrentIndex(dialog.role.findData("supervisor"))
    assert not dialog.ok.isEnabled() and dialog.problem.text()            # emil is a supervisor already
    dialog.role.setCurrentIndex(dialog.role.findData("caseworker"))
    dialog.justification.setPlainText("The caseworkers are out sick.")
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    wait_sent(qtbot, jens)
    sync_again(qtbot, jens)
    emil = next(s for s in page.data.staff() if s["username"] == "emil")
    grant = next(g for g in emil["grants"] if g["role"] == "caseworker")
    assert grant["emergency"] is True and grant["expires_at"]
    page.refresh()
    emergency = next(r for r in page.data.requests() if r["kind"] == "emergency_grant")
    select_request(qtbot, page, "mine", emergency["id"])
    assert not page.approve.isEnabled() and "You made this request" in page.reason.text()

    # Offline, an approval queues; the portal's refusal comes back to Needs attention.
    other = portal.session("admin").post(f"{portal.api}/admin/requests", timeout=30, json={
        "kind": "set_conflicts", "target": {"user_id": "u-bent", "conflicts": ["DTU"]},
        "justification": "Declared."}).json()
    sync_again(qtbot, jens)
    page.refresh()
    select_request(qtbot, page, "waiting", other["id"])
    assert page.approve.isEnabled()
    portal.kill()
    assert sync_again(qtbot, jens).error_kind == "offline"
    qtbot.mouseClick(page.approve, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not jens.window.sync.running)
    assert jens.workspace.engine.outbox.pending_count() == 1
    assert "waiting to be sent" in page.reason.text() and not page.approve.isEnabled()
    portal.start()
    r = portal.session("ida").post(f"{portal.api}/admin/requests/{other['id']}/reject", timeout=30,
                                   json={"comment": "Not a conflict."})
    assert r.status_code == 201, r.text
    result = sync_again(qtbot, jens)
    assert result.refused == 1
    [entry] = jens.workspace.engine.outbox.attention()
    assert entry["code"] == "not_open" and entry["entity_id"] == other["id"]
    assert jens.window.open_page("attention").count() == 1
    jens.window.open_case("admin_request", other["id"])          # "Open" on the Needs attention item
    assert jens.window.stack.currentWidget() is page and page._selected == other["id"]
    assert "not_open" in page.detail.text() or "decided" in page.detail.text()
