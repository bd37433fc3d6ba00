"""Issue 4: the caseworker's day in the real client against a real portal
(pytest-qt, offscreen): queue marks, the keyboard flow, offline decisions the
portal later refuses, and two caseworkers racing on one application."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from desktop.models import approvals as rules
from tests.client_helpers import sign_in_through_dialog, start_client, sync_again, wait_for_sync

CONFLICTED = "APP-2026-0001"      # demo: Aarhus University, clara declared a conflict
LAPSED = "APP-2026-0002"          # demo: the applicant's certification has lapsed


@pytest.fixture
def desks(qtbot):
    started = []

    def make(portal, data_dir, username):
        desk = start_client(qtbot, portal, data_dir)
        started.append(desk)
        sign_in_through_dialog(qtbot, desk, portal, username)
        wait_for_sync(qtbot, desk)
        return desk

    yield make
    for desk in started:
        desk.shutdown()


def activate(qtbot, window):
    """Make `window` the active one, as the window manager does after a dialog
    closes (the offscreen platform has none); shortcuts need an active window."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        window.windowHandle().requestActivate()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def approvals(qtbot, desk):
    """Open the Approvals page in an active window with the queue focused (the
    page's single-key shortcuts work only there)."""
    window = desk.window
    view = window.open_page("approvals")
    window.show()
    activate(qtbot, window)
    view.focus_list()
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    return view


def key(qtbot, view, k, modifier=Qt.KeyboardModifier.NoModifier):
    """Press a key where the user's focus is, in the view's window."""
    activate(qtbot, view.window())
    qtbot.keyClick(QApplication.focusWidget() or view.table, k, modifier)


def mark_of(view, app_id):
    row = view.model.row_of(app_id)
    return view.model.index(row, view.model.columnCount() - 1).data()


def item_of(view, app_id):
    return view.queue.item(app_id)


def portal_app(portal, app_id, username="helle"):
    return portal.all_changes(username)[("application", app_id)]


def wait_sent(qtbot, desk, timeout=15000):
    """Until the outbox is empty and the sync round that emptied it has finished."""
    outbox, sync = desk.workspace.engine.outbox, desk.window.sync
    qtbot.waitUntil(lambda: outbox.pending_count() == 0 and not sync.running, timeout=timeout)


def open_dialog(qtbot, view, k):
    key(qtbot, view, k)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    return view.dialog


def first_reviewable(view, **want):
    """The first application in queue order the user may approve (standard data,
    nothing else pending) matching `want` (e.g. given=0)."""
    for item in view.queue.items(view.model.ids):
        if item.may("approve") and all(getattr(item, k) == v for k, v in want.items()):
            return item
    raise AssertionError(f"no reviewable application with {want}")


# -- marks ---------------------------------------------------------------------------

def test_queue_marks_conflict_and_lapsed_certification_as_the_portal_would(qtbot, portal, tmp_path, desks):
    # The portal's own answer first (so the audit trail below has these refusals).
    clara_api = portal.session("clara")
    for app_id, expected in ((CONFLICTED, (409, "conflict_of_interest")), (LAPSED, (422, "certification_expired"))):
        version = portal_app(portal, app_id, "clara")["version"]
        r = clara_api.post(f"{portal.api}/applications/{app_id}/reviews",
                           json={"decision": "approve", "comment": "", "expected_version": version}, timeout=10)
        assert (r.status_code, r.json()["error"]["code"]) == expected

    desk = desks(portal, tmp_path, "clara")
    view = approvals(qtbot, desk)

    # Open applications only, oldest first.
    open_ids = {i for (kind, i), data in portal.all_changes("clara").items()
                if kind == "application" and data and data["status"] in rules.OPEN_STATUSES}
    assert set(view.model.ids) == open_ids
    ages = [view.model.item(n).age_days for n in range(view.model.rowCount())]
    assert ages == sorted(ages, reverse=True)

    # Conflict of interest: marked in words, every decision greyed with the reason.
    assert mark_of(view, CONFLICTED) == "conflict of interest"
    assert view.select(CONFLICTED)
    assert not any(b.isEnabled() for b in view.buttons.values())
    assert "Aarhus University" in view.approve_button.toolTip()
    assert "conflict of interest" in view.reason.text() and view.reason.isVisible()
    key(qtbot, view, Qt.Key.Key_A)
    assert view.dialog is None and "Not possible" in view.note.text()

    # Lapsed certification: approve greyed with the date; reject and return still possible.
    assert mark_of(view, LAPSED) == "certification lapsed"
    assert view.select(LAPSED)
    assert not view.approve_button.isEnabled() and "lapsed" in view.approve_button.toolTip()
    assert view.reject_button.isEnabled() and view.return_button.isEnabled()
    key(qtbot, view, Qt.Key.Key_A)
    assert view.dialog is None

    # The detail: applicant's certification and the case's audit trail (with clara's refusals).
    qtbot.waitUntil(lambda: view.detail.audit_state == "loaded", timeout=10000)
    qtbot.waitUntil(lambda: "refused: certification_expired" in detail_text(view))
    assert "Certification lapsed on" in detail_text(view)

    # Searching the queue (full-text, in SQL); letters typed there are text, not decisions.
    total = view.model.rowCount()
    view.search.setFocus()
    qtbot.waitUntil(view.search.hasFocus)
    qtbot.keyClicks(view.search, "Aarhus")
    assert view.search.text() == "Aarhus" and view.dialog is None
    qtbot.waitUntil(lambda: 0 < view.model.rowCount() < total)
    assert CONFLICTED in view.model.ids
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    qtbot.waitUntil(view.table.hasFocus)
    view.search.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == total)

    # The filter: only those she can review, or only those she cannot.
    view.show_filter.setCurrentIndex(view.show_filter.findData(rules.SHOW_BLOCKED))
    assert CONFLICTED in view.model.ids and LAPSED not in view.model.ids
    view.show_filter.setCurrentIndex(view.show_filter.findData(rules.SHOW_REVIEWABLE))
    assert CONFLICTED not in view.model.ids and LAPSED in view.model.ids
    view.show_filter.setCurrentIndex(view.show_filter.findData(rules.SHOW_ALL))
    assert view.model.rowCount() == total

    # Greyed rows: every one that is not reviewable says why in the "For you" column.
    for n in range(view.model.rowCount()):
        item = view.model.item(n)
        if not item.reviewable:
            assert mark_of(view, item.id) not in ("", "can review")


def detail_text(view):
    """What the detail pane shows now (labels on their way out are hidden first)."""
    from PySide6.QtWidgets import QLabel
    return "\n".join(label.text() for label in view.detail.findChildren(QLabel) if label.isVisibleTo(view.detail))


# -- the keyboard flow ------------------------------------------------------------------

def test_keyboard_approve_reject_return_next_and_the_portal_agrees(qtbot, portal, tmp_path, desks):
    desk = desks(portal, tmp_path, "anna")
    view = approvals(qtbot, desk)
    cache = desk.workspace.cache

    # J/K and the arrows move one row.
    view.select(view.model.id_at(0))
    key(qtbot, view, Qt.Key.Key_J)
    assert view.current_id() == view.model.id_at(1)
    key(qtbot, view, Qt.Key.Key_Down)
    assert view.current_id() == view.model.id_at(2)
    key(qtbot, view, Qt.Key.Key_K)
    key(qtbot, view, Qt.Key.Key_Up)
    assert view.current_id() == view.model.id_at(0)

    # The keys work wherever the focus is on this page (here: the navigation), and
    # not at all on another page.
    desk.window.nav.setFocus()
    qtbot.waitUntil(desk.window.nav.hasFocus)
    key(qtbot, view, Qt.Key.Key_J)
    assert view.current_id() == view.model.id_at(1)
    other = desk.window.open_page("applications")
    other.focus_list()
    key(qtbot, view, Qt.Key.Key_J)
    key(qtbot, view, Qt.Key.Key_A)
    assert view.current_id() == view.model.id_at(1) and view.dialog is None
    desk.window.open_page("approvals")
    view.focus_list()
    qtbot.waitUntil(view.table.hasFocus)

    # N: the next one she can review.
    ids = view.model.ids
    items = {i.id: i for i in view.queue.items(ids)}
    start = next(i for i in ids if not items[i].reviewable)
    view.select(start)
    key(qtbot, view, Qt.Key.Key_N)
    assert view.current_id() == rules.next_reviewable(ids, items, start) and items[view.current_id()].reviewable

    # Enter opens the detail; Esc returns to the queue.
    key(qtbot, view, Qt.Key.Key_Return)
    qtbot.waitUntil(view.detail.hasFocus)
    key(qtbot, view, Qt.Key.Key_Escape)
    qtbot.waitUntil(view.table.hasFocus)

    # A + confirm: "Approve APP-… as the 1st of 2?"
    target = first_reviewable(view, given=0, required=2)
    view.select(target.id)
    dialog = open_dialog(qtbot, view, Qt.Key.Key_A)
    assert dialog.question.text() == f"Approve {target.id} as the 1st of 2?"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert view.current_id() != target.id                       # moved on to the next reviewable one
    assert items[view.current_id()].reviewable
    wait_sent(qtbot, desk)
    qtbot.waitUntil(lambda: (cache.get("application", target.id) or {}).get("status") == "in_review")
    on_portal = portal_app(portal, target.id)
    assert on_portal["status"] == "in_review"
    assert [(r["reviewer_id"], r["decision"]) for r in on_portal["reviews"]] == [("u-anna", "approve")]

    # Now it is marked for her, the client greys it, and the portal refuses her again.
    qtbot.waitUntil(lambda: mark_of(view, target.id) == "already reviewed by you")
    view.select(target.id)
    assert not any(b.isEnabled() for b in view.buttons.values())
    assert "already reviewed" in view.approve_button.toolTip()
    key(qtbot, view, Qt.Key.Key_A)
    assert view.dialog is dialog and not dialog.isVisible()     # no new dialog
    assert "already reviewed" in view.note.text()
    r = portal.session("anna").post(f"{portal.api}/applications/{target.id}/reviews", json={
        "decision": "approve", "comment": "", "expected_version": on_portal["version"]}, timeout=10)
    assert r.status_code == 409 and r.json()["error"]["code"] == "already_reviewed"

    # R: a reason is required (OK disabled until it is not blank), Ctrl+Enter confirms.
    key(qtbot, view, Qt.Key.Key_N)
    rejected = view.current_item()
    assert rejected.reviewable and rejected.id != target.id
    dialog = open_dialog(qtbot, view, Qt.Key.Key_R)
    assert dialog.question.text() == f"Reject {rejected.id}?"
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.comment_box, "   ")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.comment_box, "The requested variables exceed the purpose.")
    assert dialog.ok_button.isEnabled()
    activate(qtbot, dialog)
    qtbot.keyClick(dialog.comment_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    # T: return, with a reason.
    activate(qtbot, desk.window)
    qtbot.waitUntil(view.table.hasFocus)
    returned = view.current_item()
    assert returned.reviewable and returned.id not in (target.id, rejected.id)
    dialog = open_dialog(qtbot, view, Qt.Key.Key_T)
    assert dialog.question.text() == f"Return {returned.id} to the applicant?"
    qtbot.keyClicks(dialog.comment_box, "Please specify the study period.")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    wait_sent(qtbot, desk)
    qtbot.waitUntil(lambda: cache.get("application", returned.id)["status"] == "returned")
    state = portal.all_changes("helle")
    assert state[("application", rejected.id)]["status"] == "rejected"
    assert state[("application", rejected.id)]["reviews"][-1] == {
        **state[("application", rejected.id)]["reviews"][-1], "reviewer_id": "u-anna", "decision": "reject",
        "comment": "The requested variables exceed the purpose."}
    assert state[("application", returned.id)]["status"] == "returned"
    assert state[("application", returned.id)]["reviews"][-1]["comment"] == "Please specify the study period."
    # Decided applications leave the queue; nothing waits in the outbox or needs attention.
    qtbot.waitUntil(lambda: view.model.row_of(rejected.id) < 0 and view.model.row_of(returned.id) < 0)
    assert desk.workspace.engine.outbox.attention() == []


# -- offline, and the portal's later refusal ------------------------------------------------

def test_offline_decision_refused_later_lands_in_needs_attention(qtbot, fresh_portal, tmp_path, desks):
    portal = fresh_portal
    desk = desks(portal, tmp_path, "anna")
    view = approvals(qtbot, desk)
    outbox = desk.workspace.engine.outbox
    target = first_reviewable(view, given=0)
    view.select(target.id)

    portal.kill()
    assert sync_again(qtbot, desk).error_kind == "offline"
    view.select(next(i for i in view.model.ids if i != target.id))
    view.select(target.id)
    qtbot.waitUntil(lambda: view.detail.audit_state == "offline", timeout=10000)
    qtbot.waitUntil(lambda: "unavailable offline" in detail_text(view))

    dialog = open_dialog(qtbot, view, Qt.Key.Key_A)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert "offline" in view.note.text()
    qtbot.waitUntil(lambda: not desk.window.sync.running)
    assert outbox.pending_count() == 1
    qtbot.waitUntil(lambda: mark_of(view, target.id) == "pending: approve (queued)")
    # One decision at a time: not the same application again while one is pending.
    view.select(target.id)
    assert not any(b.isEnabled() for b in view.buttons.values())
    assert "queued" in view.position.text().lower()
    key(qtbot, view, Qt.Key.Key_R)
    assert not view.dialog.isVisible() and outbox.pending_count() == 1

    # Meanwhile, on the portal, bent rejects it.
    portal.start()
    r = portal.session("bent").post(f"{portal.api}/applications/{target.id}/reviews", json={
        "decision": "reject", "comment": "Outside the legal basis.", "expected_version": target.version},
        timeout=10)
    assert r.status_code == 201, r.text

    result = sync_again(qtbot, desk)
    assert result.refused == 1 and result.pending == 0
    [entry] = outbox.attention()
    assert entry["code"] == "not_open" and entry["entity_id"] == target.id
    assert entry["server_state"]["status"] == "rejected"
    assert entry["action"].startswith(f"Approve {target.id}")
    qtbot.waitUntil(lambda: view.model.row_of(target.id) < 0)       # decided: out of the queue

    page = desk.window.open_page("attention")
    qtbot.waitUntil(lambda: page.count() == 1)
    shown = detail_labels(page)
    assert "Refused by the portal: The case was already decided." in shown and "On the portal now: Rejected" in shown
    assert "Refusal code: not_open" in shown and "(not_open)" not in shown     # words first, the code beside
    assert "Bent Kjær" in shown and "Outside the legal basis." in shown
    discard = button(page, "Discard")
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.count() == 0)
    assert outbox.attention() == []
    assert portal_app(portal, target.id)["reviews"][-1]["reviewer_id"] == "u-bent"


def detail_labels(widget):
    from PySide6.QtWidgets import QLabel
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def button(widget, text):
    return next(b for b in widget.findChildren(QPushButton) if b.text() == text and b.isVisibleTo(widget))


# -- two caseworkers, one application ----------------------------------------------------

def test_two_caseworkers_racing_end_in_one_consistent_state(qtbot, fresh_portal, tmp_path, desks):
    portal = fresh_portal
    anna = desks(portal, tmp_path / "anna", "anna")
    bent = desks(portal, tmp_path / "bent", "bent")
    anna_view = approvals(qtbot, anna)
    bent_view = approvals(qtbot, bent)
    # An application both may approve, needing two: the first approval is the 1st of 2 for both.
    both = next(i for i in anna_view.queue.items(anna_view.model.ids)
                if i.may("approve") and i.given == 0 and i.required == 2
                and bent_view.queue.item(i.id).may("approve"))

    # Both decide on the same version, each in their own window, before either hears of the other.
    for view, desk in ((anna_view, anna), (bent_view, bent)):
        approvals(qtbot, desk)
        view.select(both.id)
        dialog = open_dialog(qtbot, view, Qt.Key.Key_A)
        assert dialog.question.text() == f"Approve {both.id} as the 1st of 2?"
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    for desk in (anna, bent):
        wait_sent(qtbot, desk)

    # Exactly one got through; the other was refused for the version and needs attention.
    on_portal = portal_app(portal, both.id)
    [winner] = [r["reviewer_id"] for r in on_portal["reviews"]]
    assert on_portal["status"] == "in_review" and on_portal["version"] == both.version + 1
    loser, loser_view = (bent, bent_view) if winner == "u-anna" else (anna, anna_view)
    [entry] = loser.workspace.engine.outbox.attention()
    assert entry["code"] == "version_conflict" and entry["server_state"]["version"] == on_portal["version"]
    winner_desk = anna if loser is bent else bent
    assert winner_desk.workspace.engine.outbox.attention() == []

    # Both clients now show the portal's state.
    for desk in (anna, bent):
        sync_again(qtbot, desk)
        assert desk.workspace.cache.get("application", both.id) == on_portal

    # The loser can act again on the current version: now the 2nd of 2, which completes it.
    approvals(qtbot, loser)
    qtbot.waitUntil(lambda: "refused earlier" in mark_of(loser_view, both.id))
    loser_view.select(both.id)
    assert loser_view.approve_button.isEnabled() and "refused by the portal" in loser_view.reason.text()
    dialog = open_dialog(qtbot, loser_view, Qt.Key.Key_A)
    assert dialog.question.text() == f"Approve {both.id} as the 2nd of 2?"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    wait_sent(qtbot, loser)
    final = portal_app(portal, both.id)
    assert final["status"] == "approved"
    assert sorted(r["reviewer_id"] for r in final["reviews"]) == ["u-anna", "u-bent"]


def test_an_approval_takes_an_optional_comment_and_the_queue_says_what_follows(qtbot, fresh_portal, tmp_path, desks):
    desk = desks(fresh_portal, tmp_path, "bent")
    view = approvals(qtbot, desk)
    target = first_reviewable(view, given=0, required=2)
    view.select(target.id)
    dialog = open_dialog(qtbot, view, Qt.Key.Key_A)
    assert dialog.comment_box is not None and dialog.ok_button.isEnabled()      # optional
    dialog.comment_box.setPlainText("Data minimisation checked against the protocol.")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert target.id in view.note.text() and "1 of 2 approvals given" in view.note.text()
    wait_sent(qtbot, desk)
    on_portal = portal_app(fresh_portal, target.id)
    assert [(r["reviewer_id"], r["comment"]) for r in on_portal["reviews"]] == [
        ("u-bent", "Data minimisation checked against the protocol.")]
