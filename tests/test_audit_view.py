"""Issue 8: the Audit page against a real portal: filters, hashes, verify, CSV export,
and a case's own trail (each user signs in once on this module's portal)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import secrets
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
import requests

from desktop.reports import AUDIT_CSV_COLUMNS
from desktop.sync.api import PortalClient
from desktop.sync.cache import Cache
from desktop.sync.engine import SyncEngine
from desktop.views.audit import audit_params, utc_bound

UTC = dt.timezone.utc


@pytest.fixture(scope="module")
def trail(portal):
    """Make a few audited actions: an approval, a refusal, a return, and a refused review of
    a case id that a spreadsheet would read as a formula."""
    anna, bent = portal.session("anna"), portal.session("bent")
    state = portal.all_changes("anna")
    today = dt.date.today().isoformat()
    certified = {i for (kind, i), data in state.items() if kind == "researcher" and data
                 and data["certified_until"] >= today}
    open_apps = sorted((a for (kind, _), a in state.items() if kind == "application" and a
                        and a["status"] == "submitted" and a["institution"] != "Aarhus University"
                        and a["applicant_id"] in certified), key=lambda a: a["id"])
    approved, returned = open_apps[0], open_apps[1]
    r = anna.post(f"{portal.api}/applications/{approved['id']}/reviews", timeout=10, json={
        "decision": "approve", "comment": "Fine.", "expected_version": approved["version"]})
    assert r.status_code == 201, r.text
    r = anna.post(f"{portal.api}/applications/{approved['id']}/reviews", timeout=10, json={
        "decision": "approve", "comment": "Again.", "expected_version": r.json()["version"]})
    assert r.status_code == 409 and r.json()["error"]["code"] == "already_reviewed"
    r = bent.post(f"{portal.api}/applications/{returned['id']}/reviews", timeout=10, json={
        "decision": "return", "comment": "Please specify the period.", "expected_version": returned["version"]})
    assert r.status_code == 201, r.text
    r = anna.post(f"{portal.api}/applications/=2+5/reviews", timeout=10, json={
        "decision": "approve", "comment": "", "expected_version": 1})
    assert r.status_code == 404
    return {"approved": approved["id"], "returned": returned["id"]}


def workspace(portal, username, roles, tmp_path):
    client = PortalClient(portal.url)
    client.set_token(portal.token(username))
    cache = Cache.open(tmp_path / f"{username}.db", secrets.token_bytes(32))
    SyncEngine(client, cache).sync_once()
    return SimpleNamespace(client=client, cache=cache, roles=set(roles), user={"id": f"u-{username}"})


@pytest.fixture
def anna_view(qtbot, portal, trail, tmp_path):
    from desktop.views.audit import AuditView
    ws = workspace(portal, "anna", ["caseworker"], tmp_path)
    view = AuditView(ws, tz=UTC)
    qtbot.addWidget(view)
    yield view
    ws.cache.close()


def load(qtbot, view):
    with qtbot.waitSignal(view.loaded, timeout=15000) as signal:
        view.load()
    assert signal.args[0] >= 0, view.note.text()
    return view.model.entries


def test_params_for_the_filters():
    assert audit_params() == {"limit": 5000}
    params = audit_params(actor="u-anna", action="application.review", entity="application", case="APP-1",
                          outcome="refused", first=dt.date(2026, 3, 1), last=dt.date(2026, 3, 31), tz=UTC)
    assert params == {"limit": 5000, "actor": "u-anna", "action": "application.review", "entity": "application",
                      "id": "APP-1", "outcome": "refused", "since": "2026-03-01T00:00:00Z",
                      "until": "2026-04-01T00:00:00Z"}
    import zoneinfo
    assert utc_bound(dt.date(2026, 7, 1), zoneinfo.ZoneInfo("Europe/Copenhagen")) == "2026-06-30T22:00:00Z"


def test_filter_by_person_action_outcome_and_case(qtbot, anna_view, trail):
    view = anna_view
    everything = load(qtbot, view)
    assert any(e["action"] == "application.review" for e in everything)
    assert {e["hash"] for e in everything} and all(len(e["hash"]) == 64 for e in everything)

    view.person.setCurrentIndex(view.person.findData("u-anna"))
    assert view.person.currentText() == "Anna Holm"
    mine = load(qtbot, view)
    assert mine and {e["actor_id"] for e in mine} == {"u-anna"}

    view.action.setCurrentIndex(view.action.findData("application.review"))
    view.outcome.setCurrentIndex(view.outcome.findData("refused"))
    refused = load(qtbot, view)
    assert {(e["action"], e["outcome"]) for e in refused} == {("application.review", "refused")}
    assert {e["detail"].get("code") for e in refused} == {"already_reviewed", "not_found"}
    row = next(n for n, e in enumerate(refused) if e["detail"].get("code") == "already_reviewed")
    assert view.model.index(row, 6).data() == "refused"                       # words in the list,
    assert "refused (already_reviewed)" in view.model.index(row, 6).data(Qt.ItemDataRole.ToolTipRole)   # code beside
    assert view.model.index(row, 3).data() == "reviewed an application"
    assert "application.review" in view.model.index(row, 3).data(Qt.ItemDataRole.ToolTipRole)

    # A typed person's name is looked up; a typed id is used as it is.
    view.clear_filters()
    view.person.setEditText("Bent Kjær")
    bents = load(qtbot, view)
    assert bents and {e["actor_id"] for e in bents} == {"u-bent"}

    view.show_case("application", trail["approved"])
    with qtbot.waitSignal(view.loaded, timeout=15000):
        pass
    case = view.model.entries
    assert view.case.text() == trail["approved"] and view.entity.currentData() == "application"
    assert view.person.currentIndex() == 0
    assert {e["entity_id"] for e in case} == {trail["approved"]}
    assert [(e["actor_id"], e["outcome"]) for e in case] == [("u-anna", "ok"), ("u-anna", "refused")]


def test_time_filter(qtbot, anna_view, trail):
    view = anna_view
    today = dt.datetime.now(UTC).date()
    view.use_from.setChecked(True)
    view.date_from.setDate(today + dt.timedelta(days=1))
    assert load(qtbot, view) == []
    view.date_from.setDate(today)
    view.use_to.setChecked(True)
    view.date_to.setDate(today)
    entries = load(qtbot, view)
    assert entries and all(e["at"].startswith(today.isoformat()) for e in entries)


def test_hash_is_shown_monospace_and_copyable(qtbot, anna_view, trail):
    from PySide6.QtGui import QFontDatabase, QFontInfo, QGuiApplication
    view = anna_view
    view.show_case("application", trail["returned"])
    with qtbot.waitSignal(view.loaded, timeout=15000):
        pass
    entry = view.model.entries[0]
    column = view.model.COLUMNS.index("hash")
    assert view.model.index(0, column).data() == entry["hash"]
    font = view.model.index(0, column).data(0x6)                           # Qt.FontRole
    assert QFontInfo(font).fixedPitch() or not any(QFontDatabase.isFixedPitch(f) for f in QFontDatabase.families())
    assert QFontInfo(view.hash_field.font()).fixedPitch() == QFontInfo(font).fixedPitch()
    assert view.hash_field.text() == entry["hash"] and view.hash_field.isReadOnly()
    assert view.prev_field.text() == entry["prev_hash"]
    view.table.selectRow(0)
    view.copy_hashes()
    assert QGuiApplication.clipboard().text() == entry["hash"]


def test_csv_export_of_the_filtered_trail(qtbot, anna_view, trail, tmp_path):
    view = anna_view
    view.person.setCurrentIndex(view.person.findData("u-anna"))
    entries = load(qtbot, view)
    path = tmp_path / "trail.csv"
    assert view.export_csv(str(path)) == len(entries)
    rows = list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"), newline="")))
    assert list(rows[0]) == list(AUDIT_CSV_COLUMNS)
    assert [r["hash"] for r in rows] == [e["hash"] for e in entries]
    assert [int(r["seq"]) for r in rows] == [e["seq"] for e in entries]
    assert {r["actor_name"] for r in rows} == {"Anna Holm"}
    injected = [r for r in rows if "2+5" in r["entity_id"]]
    assert [r["entity_id"] for r in injected] == ["'=2+5"]        # a formula no more
    for r in rows:
        assert not any(v.startswith(("=", "+", "-", "@")) for v in r.values())


def test_verify_chain_for_supervisors_only(qtbot, portal, trail, tmp_path, anna_view):
    from desktop.views.audit import AuditView
    assert not anna_view.verify_button.isEnabled()
    assert "supervisors and administrators" in anna_view.verify_button.toolTip()
    assert "supervisors and administrators" in anna_view.verify_result.text()
    assert anna_view.verify() is None

    ws = workspace(portal, "dorte", ["supervisor"], tmp_path)
    try:
        view = AuditView(ws, tz=UTC)
        qtbot.addWidget(view)
        assert view.verify_button.isEnabled()
        with qtbot.waitSignal(view.verified, timeout=30000) as signal:
            view.verify()
        answer = signal.args[0]
        total = requests.get(f"{portal.api}/audit", params={"limit": 5000}, timeout=10,
                             headers={"Authorization": f"Bearer {portal.token('dorte')}"}).json()
        assert answer["ok"] is True and answer["first_bad_seq"] is None and answer["entries"] >= len(total["entries"])
        assert "intact" in view.verify_result.text() and str(answer["entries"]) in view.verify_result.text()

        view._verified({"ok": False, "entries": 9, "first_bad_seq": 4})      # how a broken chain reads
        assert "#4" in view.verify_result.text() and not view.show_bad_button.isHidden()
        with qtbot.waitSignal(view.loaded, timeout=15000):
            view.show_bad_button.click()
        assert view.model.entries[0]["seq"] == 4 and view.hash_field.text() == view.model.entries[0]["hash"]
    finally:
        ws.cache.close()


def test_unreachable_portal_is_explained(qtbot, tmp_path):
    from desktop.views.audit import AuditView
    from tests.portal_process import free_port
    with Cache.open(tmp_path / "c.db", secrets.token_bytes(32)) as cache:
        client = PortalClient(f"http://127.0.0.1:{free_port()}")
        client.set_token("x" * 40)
        view = AuditView(SimpleNamespace(client=client, cache=cache, roles={"supervisor"}, user={"id": "u-x"}))
        qtbot.addWidget(view)
        with qtbot.waitSignal(view.loaded, timeout=30000) as signal:
            view.load()
        assert signal.args == [-1] and "cannot be reached" in view.note.text()


def test_case_detail_opens_its_trail_from_the_main_window(qtbot, portal, trail, tmp_path):
    from tests.client_helpers import sign_in_through_dialog, start_client, wait_for_sync
    desk = start_client(qtbot, portal, tmp_path)
    try:
        sign_in_through_dialog(qtbot, desk, portal, "bent")
        wait_for_sync(qtbot, desk)
        audit = desk.window.pages["audit"]
        with qtbot.waitSignal(audit.loaded, timeout=15000):
            desk.window.open_audit("application", trail["returned"])
        assert desk.window.stack.currentWidget() is audit
        entries = audit.model.entries
        assert entries and {e["entity_id"] for e in entries} == {trail["returned"]}
        assert any(e["actor_id"] == "u-bent" and e["action"] == "application.review" for e in entries)
    finally:
        desk.shutdown()


def test_a_selected_entry_is_proven_to_be_in_the_signed_log(qtbot, anna_view, trail):
    """Its inclusion proof, verified against the checkpoint the desktop verified at its sync;
    an entry shown otherwise than the log holds it is not."""
    view = anna_view
    panel = view.witness_panel
    checkpoint = panel.witness.trust().checkpoint
    assert checkpoint and "Pinned key fingerprint" in panel.key.text()
    entries = load(qtbot, view)
    row = max(i for i, e in enumerate(entries) if e["seq"] <= checkpoint["tree_size"])
    view.table.selectRow(row)
    assert panel.entry == entries[row] and panel.check_button.isEnabled()
    with qtbot.waitSignal(panel.checked, timeout=15000) as proven:
        panel.check_entry()
    assert proven.args == [True]
    assert f"#{entries[row]['seq']} is in the log the portal signed" in panel.inclusion.text()
    forged = dict(entries[row], detail={"code": "not what happened"})
    panel.set_entry(forged)
    with qtbot.waitSignal(panel.checked, timeout=15000) as refuted:
        panel.check_entry()
    assert refuted.args == [False] and "NOT in the signed log" in panel.inclusion.text()


def test_an_entrys_detail_reads_as_lines_not_json():
    from desktop.views.audit import detail_lines
    text = detail_lines({"code": "not_open", "before": {"status": "rejected", "version": 4}, "files": ["a.csv", "b.csv"],
                         "note": None})
    assert text.splitlines() == ["before › status: rejected", "before › version: 4", "code: not_open",
                                 "files: a.csv, b.csv", "note: —"]
    assert "{" not in text and '"' not in text
