"""Issue 6 (client): the coordinators' Warnings page against a real portal on
loopback (pytest-qt, offscreen). Frida works in the client; Gustav and Ole act
through the API (`fresh_portal.session`). Each user signs in once per portal."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTextBrowser, QTextEdit

from desktop.models import warnings as rules
from desktop.views.ack_board import COL_FOLLOW, COL_NOTE, COL_ORG, COL_STATE
from tests.client_helpers import sign_in_through_dialog, sync_again, wait_for_sync

HOSTILE = "<img src=x onerror=alert(1)>"
HOSTILE_BODY = ("<b>bold?</b> <a href=\"javascript:alert(1)\">click</a>\n" + HOSTILE +
                "\n<script>alert('x')</script> &amp; &lt;i&gt;")


def signed_in(qtbot, desk_factory, portal, tmp_path, username="frida"):
    desk = desk_factory(portal, tmp_path)
    sign_in_through_dialog(qtbot, desk, portal, username)
    result = wait_for_sync(qtbot, desk)
    assert result.online and result.error is None
    view = desk.window.open_page("warnings")
    assert type(view).__name__ == "WarningsView"
    return desk, view


def click(qtbot, button):
    assert button.isEnabled(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def accept_confirmation(qtbot, view):
    qtbot.waitUntil(lambda: view.confirm_box is not None and view.confirm_box.isVisible())
    box = view.confirm_box
    ok = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    ok.click()


def api_create(portal, username, **changes) -> dict:
    body = {"title": "API warning", "summary": "From the API.", "body": "", "severity": "medium", "tlp": "AMBER",
            "recipients": {"sectors": [], "regions": [], "org_ids": ["ORG-001"]}, "cves": [], "ack_hours": 24}
    body.update(changes)
    r = portal.session(username).post(f"{portal.api}/warnings", json=body, timeout=10)
    assert r.status_code == 201, r.text
    return r.json()


def caught_up(view, warning_id):
    """The page shows the cached state of this warning (a sync's refresh has reached it)."""
    cached = view.cache.get("warning", warning_id)
    return view.current_id() == warning_id and view.detail.warning is not None \
        and view.detail.warning.get("version") == (cached or {}).get("version")


def board_row(board, org_id):
    rows = [r for r in board.shown_rows() if r["org_id"] == org_id]
    return rows[0] if rows else None


def test_coordinator_flow_compose_cosign_send_acknowledge(qtbot, fresh_portal, tmp_path, desk_factory):
    desk, view = signed_in(qtbot, desk_factory, fresh_portal, tmp_path)
    escalation = desk.window.escalation
    assert escalation.notifier is None or not escalation.notifier.history    # old news is not notified at sign-in

    # Frida composes a critical warning in the client.
    view.compose_new()
    dialog = view.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.save_button.isEnabled() and "Give a title" in dialog.problems.text()
    dialog.title.setText("Actively exploited PACS gateway")
    dialog.summary.setPlainText("Patch the imaging gateways today.")
    dialog.body.setPlainText("Attackers use the gateway.\nApply the hotfix.")
    dialog.severity.setCurrentIndex(dialog.severity.findData("critical"))
    dialog.tlp.setCurrentIndex(dialog.tlp.findData("AMBER+STRICT"))
    dialog.cves.setText("CVE-2024-3400, nonsense")
    assert "nonsense" in dialog.problems.text() and not dialog.save_button.isEnabled()
    dialog.cves.setText("cve-2024-3400")
    dialog.ack_hours.setValue(2)
    dialog.sector_boxes["hospital"].setChecked(True)
    dialog.region_boxes["Region of Southern Denmark"].setChecked(True)
    # The live preview: what a recipient reads, as plain text.
    assert dialog.preview.title.text() == "Actively exploited PACS gateway"
    assert dialog.preview.tlp.text() == "TLP:AMBER+STRICT"
    assert dialog.preview.cves.text().endswith("CVE-2024-3400")
    expected = dialog.reach().org_ids
    assert "ORG-001" in expected and str(len(expected)) in dialog.reach_label.text()
    assert dialog.save_button.isEnabled(), dialog.problems.text()
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=15000)
    assert dialog.outcome == "saved" and dialog.result_id
    warning_id = dialog.result_id
    qtbot.waitUntil(lambda: desk.workspace.cache.get("warning", warning_id) is not None, timeout=20000)
    cached = desk.workspace.cache.get("warning", warning_id)
    assert cached["addressed_org_ids"] == expected                 # the count the dialog showed
    assert cached["cves"] == ["CVE-2024-3400"] and cached["severity"] == "critical"

    # It shows as awaiting co-sign; Send and Co-sign are greyed, with the reasons.
    qtbot.waitUntil(lambda: view.current_id() == warning_id, timeout=10000)
    view.set_section(rules.SECTION_AWAITING)
    assert view.select(warning_id)
    detail = view.detail
    send, cosign = detail.buttons["send"], detail.buttons["cosign"]
    assert not send.isEnabled() and "co-sign" in send.toolTip()
    assert not cosign.isEnabled() and "another coordinator" in cosign.toolTip()
    assert "co-sign" in detail.reason.text() and detail.reason.isVisible()
    assert "awaiting co-sign" in view.status_text(view.summary_of(cached))

    # Gustav co-signs through the API; after a sync Frida may send.
    gustav = fresh_portal.session("gustav")
    r = gustav.post(f"{fresh_portal.api}/warnings/{warning_id}/cosign",
                    json={"expected_version": cached["version"]}, timeout=10)
    assert r.status_code == 201, r.text
    # ... and writes a critical draft of his own: a new critical warning arrives with the sync.
    other = api_create(fresh_portal, "gustav", title="Critical from Gustav", severity="critical")
    sync_again(qtbot, desk)
    qtbot.waitUntil(lambda: escalation.notifier is not None and any(
        h[3] == other["id"] for h in escalation.notifier.history), timeout=10000)
    assert [h[3] for h in escalation.notifier.history].count(other["id"]) == 1
    channel, title, _message, _id = escalation.notifier.history[-1]
    assert channel == "banner" and "critical" in title.lower()     # no tray offscreen: the in-app banner
    assert escalation.notifier.banner.isVisible()
    assert any(other["id"] in t for t, _m, _w in escalation.notifier.banner.messages())
    assert view.select(warning_id) or view.open_warning(warning_id)
    qtbot.waitUntil(lambda: detail.buttons["send"].isEnabled(), timeout=10000)
    sync_again(qtbot, desk)
    assert [h[3] for h in escalation.notifier.history].count(other["id"]) == 1   # once

    # Frida sends (confirmed), through the outbox and a sync.
    qtbot.waitUntil(lambda: caught_up(view, warning_id), timeout=10000)
    click(qtbot, detail.buttons["send"])
    accept_confirmation(qtbot, view)
    qtbot.waitUntil(lambda: (desk.workspace.cache.get("warning", warning_id) or {}).get("status") == "sent",
                    timeout=20000)
    assert desk.workspace.engine.outbox.pending_count() == 0
    sent = desk.workspace.cache.get("warning", warning_id)
    assert sent["cosigned_by"] == "u-gustav" and sent["revision"] == 1

    # Ole acknowledges for Odense University Hospital (ORG-001) through the API.
    ole = fresh_portal.session("ole")
    r = ole.post(f"{fresh_portal.api}/warnings/{warning_id}/acks",
                 json={"org_id": "ORG-001", "state": "received", "note": HOSTILE}, timeout=10)
    assert r.status_code == 201, r.text
    sync_again(qtbot, desk)
    view.open_warning(warning_id)
    board = detail.board
    detail.tabs.setCurrentWidget(board)
    qtbot.waitUntil(lambda: board.source == "portal" and board_row(board, "ORG-001") is not None
                    and board_row(board, "ORG-001")["state"] == "received", timeout=15000)
    n = next(i for i, r in enumerate(board.model.rows) if r["org_id"] == "ORG-001")
    assert board.model.index(n, COL_STATE).data() == "Received"
    assert board.model.index(n, COL_NOTE).data() == HOSTILE          # the note, as plain text
    assert board.model.index(n, COL_FOLLOW).data() == "in time"
    # Offline the board is the same, computed from the cache.
    cached_board = board.cached_board(warning_id)
    assert {r["org_id"]: r["state"] for r in cached_board["recipients"]}["ORG-001"] == "received"
    assert cached_board["counts"]["acknowledged"] == 1

    # The deadline passes (the page's clock): exactly at it nobody is overdue, a second later
    # the others are, and Frida is told once.
    due = rules.parse_iso(sent["ack_due_at"])
    escalation.clock = view.clock = lambda: due
    assert all(e.warning_id != warning_id for e in escalation.check())
    escalation.clock = view.clock = lambda: due + 1
    events = escalation.check()
    overdue = [e for e in events if e.warning_id == warning_id and e.kind == "overdue"]
    assert len(overdue) == 1 and overdue[0].count == len(expected) - 1
    assert any(warning_id in t and "Overdue" in t for t, _m, _w in escalation.notifier.banner.messages())
    assert not [e for e in escalation.check() if e.warning_id == warning_id]     # once
    board.show_warning(warning_id, fetch=False)
    assert board.board["counts"]["overdue"] == len(expected) - 1
    board.show_overdue()
    assert board.shown_rows() and all(r["overdue"] for r in board.shown_rows())
    n = next(i for i, r in enumerate(board.model.rows) if r["overdue"])
    assert "OVERDUE" in board.model.index(n, COL_FOLLOW).data()           # in words, not colour alone


def test_hostile_texts_render_as_literal_plain_text(qtbot, fresh_portal, tmp_path, desk_factory):
    hostile = api_create(fresh_portal, "gustav", title="<b>Not bold</b> " + HOSTILE, summary=HOSTILE,
                         body=HOSTILE_BODY)
    desk, view = signed_in(qtbot, desk_factory, fresh_portal, tmp_path)
    assert view.open_warning(hostile["id"])
    detail = view.detail
    for label, raw in ((detail.title_label, hostile["title"]), (detail.summary_label, HOSTILE),
                       (detail.body_label, HOSTILE_BODY)):
        assert label.text() == raw
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert not view.findChildren(QTextBrowser) and not view.findChildren(QTextEdit)
    n = view.model.row_of(hostile["id"])
    assert view.model.index(n, 1).data() == hostile["title"]

    # The compose dialog's preview shows it as text too.
    view.compose("edit", desk.workspace.cache.get("warning", hostile["id"]))
    dialog = view.dialog
    for label, raw in ((dialog.preview.title, hostile["title"]), (dialog.preview.summary, HOSTILE),
                       (dialog.preview.body, HOSTILE_BODY)):
        assert label.text() == raw and label.textFormat() == Qt.TextFormat.PlainText
    assert not dialog.findChildren(QTextBrowser)
    dialog.reject()

    # Gustav wrote it: Frida may co-sign; as it is medium, Send is possible too.
    assert detail.buttons["cosign"].isEnabled() and detail.buttons["send"].isEnabled()
    # TLP:RED with a sector: Send greyed with the reason, shown before any attempt.
    red = api_create(fresh_portal, "gustav", title="Red one", tlp="RED",
                     recipients={"sectors": ["gp"], "regions": [], "org_ids": []})
    sync_again(qtbot, desk)
    assert view.open_warning(red["id"])
    assert not detail.buttons["send"].isEnabled()
    assert "TLP:RED" in detail.buttons["send"].toolTip() and "TLP:RED" in detail.reason.text()


def test_board_filter_export_and_offline(qtbot, fresh_portal, tmp_path, desk_factory):
    # Ole's note tries a spreadsheet formula.
    r = fresh_portal.session("ole").post(f"{fresh_portal.api}/warnings/W-2026-001/acks", json={
        "org_id": "ORG-001", "state": "mitigated", "note": "=HYPERLINK(\"http://evil.example\",\"x\")"}, timeout=10)
    assert r.status_code == 201, r.text
    desk, view = signed_in(qtbot, desk_factory, fresh_portal, tmp_path)
    assert view.open_warning("W-2026-001")
    board = view.detail.board
    qtbot.waitUntil(lambda: board.source == "portal", timeout=15000)
    everyone = board.shown_rows()
    assert len(everyone) == len(desk.workspace.cache.get("warning", "W-2026-001")["addressed_org_ids"])

    board.set_filter(sector="region")
    assert board.shown_rows() and {r["sector"] for r in board.shown_rows()} == {"region"}
    board.set_filter(sector="hospital", region="Region of Southern Denmark")
    shown = board.shown_rows()
    assert shown and all(r["sector"] == "hospital" and r["region"] == "Region of Southern Denmark" for r in shown)
    assert any(r["org_id"] == "ORG-001" for r in shown)
    assert len(shown) == len(rules.filter_rows(everyone, "hospital", "Region of Southern Denmark"))

    path = board.export_csv(str(tmp_path / "board.csv"))
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert len(rows) == 1 + len(shown)
    assert rows[0][0] == "Organisation ID"
    odense = next(row for row in rows[1:] if row[0] == "ORG-001")
    assert odense[1] == "Odense University Hospital" and odense[4] == "mitigated"
    assert odense[-1] == "'=HYPERLINK(\"http://evil.example\",\"x\")"        # neutralised
    assert all(not cell.startswith(("=", "+", "@")) for row in rows for cell in row)

    board.set_filter(state=rules.STATE_FILTER_OVERDUE)
    assert board.model.rowCount() > 0 and all(r["overdue"] for r in board.shown_rows())
    assert "OVERDUE" in board.model.index(0, COL_FOLLOW).data()
    assert board.model.index(0, COL_ORG).data()

    # Offline: the board is computed from the cache; a new draft is queued, an edit is greyed.
    fresh_portal.kill()
    result = sync_again(qtbot, desk)
    assert not result.online
    board.show_warning("W-2026-001")
    assert board.source == "cache" and board.board["counts"]["addressed"] == len(everyone)
    assert "offline" in board.source_label.text()
    view.compose_new()
    dialog = view.dialog
    dialog.title.setText("Queued while offline")
    dialog.summary.setPlainText("Sent later.")
    dialog.region_boxes["Capital Region"].setChecked(True)
    assert dialog.save_button.text() != "Save draft"         # says it is queued
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.outcome == "queued")
    pending = desk.workspace.engine.outbox.pending()
    assert [p["path"] for p in pending] == ["/warnings"] and pending[0]["idempotency_key"]
    assert "Queued while offline" in view.queued_label.text()
    view.open_warning("W-2026-007")
    view.compose("edit", desk.workspace.cache.get("warning", "W-2026-007"))
    edit = view.dialog
    assert not edit.save_button.isEnabled() and "offline" in edit.problems.text()
    edit.reject()


COMBINATIONS = [
    {"sectors": ["hospital"], "regions": [], "org_ids": []},
    {"sectors": [], "regions": ["North Denmark Region"], "org_ids": []},
    {"sectors": ["gp", "care_home"], "regions": ["Capital Region", "Region Zealand"], "org_ids": []},
    {"sectors": [], "regions": [], "org_ids": ["ORG-001", "ORG-030", "ORG-150"]},
    {"sectors": ["municipality"], "regions": ["Central Denmark Region"], "org_ids": ["ORG-001", "ORG-031"]},
    {"sectors": list(rules.SECTORS), "regions": [], "org_ids": []},
]


def test_recipient_count_matches_the_portal(qtbot, fresh_portal, tmp_path, desk_factory):
    portal_answers = [api_create(fresh_portal, "gustav", recipients=c)["addressed_org_ids"] for c in COMBINATIONS]
    desk, view = signed_in(qtbot, desk_factory, fresh_portal, tmp_path)
    view.compose_new()
    dialog = view.dialog
    for recipients, portal_ids in zip(COMBINATIONS, portal_answers):
        for code, box in dialog.sector_boxes.items():
            box.setChecked(code in recipients["sectors"])
        for name, box in dialog.region_boxes.items():
            box.setChecked(name in recipients["regions"])
        dialog.set_named(recipients["org_ids"])
        assert sorted(dialog.recipients()["org_ids"]) == sorted(recipients["org_ids"])
        assert dialog.reach().org_ids == portal_ids, recipients
        assert str(len(portal_ids)) in dialog.reach_label.text()
    dialog.reject()


def test_revision_edit_send_and_retract(qtbot, fresh_portal, tmp_path, desk_factory):
    desk, view = signed_in(qtbot, desk_factory, fresh_portal, tmp_path)
    cache = desk.workspace.cache
    wid = "W-2026-005"                                   # medium, sent, written by Frida
    assert view.open_warning(wid)
    detail = view.detail
    assert detail.buttons["revise"].isVisible() and detail.buttons["revise"].isEnabled()
    assert not detail.buttons["send"].isVisible() and not detail.buttons["cosign"].isVisible()

    # A new revision: it must say what changed and may not drop anyone already warned.
    click(qtbot, detail.buttons["revise"])
    dialog = view.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert "Say what changed" in dialog.problems.text()
    dialog.revision_summary.setText("Added a workaround")
    dialog.sector_boxes["hospital"].setChecked(False)
    dialog.sector_boxes["gp"].setChecked(True)
    assert "cannot drop" in dialog.problems.text() and not dialog.save_button.isEnabled()
    dialog.sector_boxes["hospital"].setChecked(True)
    dialog.summary.setPlainText("Patch, or apply the workaround.")
    assert dialog.preview.revision.text() == "Update — revision 2: Added a workaround"
    assert dialog.save_button.isEnabled(), dialog.problems.text()
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=15000)
    assert dialog.outcome == "saved"
    qtbot.waitUntil(lambda: bool((cache.get("warning", wid) or {}).get("pending_revision")), timeout=20000)
    pending = cache.get("warning", wid)["pending_revision"]
    assert pending["summary"] == "Added a workaround" and pending["number"] == 2
    qtbot.waitUntil(lambda: "revision 2 prepared" in detail.status.text(), timeout=10000)
    # Frida prepared it: she may not co-sign it; a medium revision needs no co-sign, so she may send.
    assert detail.buttons["cosign"].isVisible() and not detail.buttons["cosign"].isEnabled()
    assert detail.buttons["send"].isEnabled() and detail.buttons["edit"].isEnabled()
    assert not detail.buttons["revise"].isVisible()

    # Edit the pending revision (PATCH, online).
    qtbot.waitUntil(lambda: caught_up(view, wid), timeout=10000)
    click(qtbot, detail.buttons["edit"])
    edit = view.dialog
    qtbot.waitUntil(edit.isVisible)
    assert edit.revision_summary.text() == "Added a workaround"
    assert "Nothing has changed" in edit.problems.text()
    edit.title.setText("Patch for infusion pump management software (workaround)")
    click(qtbot, edit.save_button)
    qtbot.waitUntil(lambda: edit.outcome is not None, timeout=15000)
    assert edit.outcome == "saved", edit.status.text()
    qtbot.waitUntil(lambda: (cache.get("warning", wid)["pending_revision"] or {}).get("content", {}).get("title", "")
                    .endswith("(workaround)"), timeout=20000)

    # Send revision 2; recipients are asked again.
    qtbot.waitUntil(lambda: caught_up(view, wid), timeout=10000)
    click(qtbot, detail.buttons["send"])
    accept_confirmation(qtbot, view)
    qtbot.waitUntil(lambda: cache.get("warning", wid)["revision"] == 2, timeout=20000)
    sent = cache.get("warning", wid)
    assert sent["title"].endswith("(workaround)") and sent["pending_revision"] is None
    qtbot.waitUntil(lambda: detail.tabs.tabText(2) == "Revisions (2)", timeout=10000)

    # Retract, with a reason.
    qtbot.waitUntil(lambda: caught_up(view, wid), timeout=10000)
    click(qtbot, detail.buttons["retract"])
    retract = view.dialog
    qtbot.waitUntil(retract.isVisible)
    assert not retract.ok.isEnabled()
    retract.reason.setPlainText("Superseded by the vendor's advisory.")
    click(qtbot, retract.ok)
    qtbot.waitUntil(lambda: cache.get("warning", wid)["status"] == "retracted", timeout=20000)
    assert not desk.workspace.engine.outbox.attention()
    assert cache.get("warning", wid)["retracted_reason"] == "Superseded by the vendor's advisory."
    qtbot.waitUntil(lambda: view.current_id() == wid and detail.status.text() == "Retracted", timeout=10000)
    assert not detail.buttons["retract"].isVisible()


def test_admin_sees_warnings_and_boards_but_acts_on_none(qtbot, fresh_portal, tmp_path, desk_factory):
    desk, view = signed_in(qtbot, desk_factory, fresh_portal, tmp_path, "admin")
    assert not view.new_button.isEnabled() and "coordinators" in view.new_button.toolTip()
    assert view.open_warning("W-2026-006")                      # a critical draft
    detail = view.detail
    for action in ("edit", "cosign", "send"):
        assert not detail.buttons[action].isEnabled()
        assert "coordinators" in detail.buttons[action].toolTip()
    assert view.open_warning("W-2026-002")
    qtbot.waitUntil(lambda: detail.board.source == "portal", timeout=15000)   # admin may read the board
    assert detail.board.board["counts"]["addressed"] == len(
        desk.workspace.cache.get("warning", "W-2026-002")["addressed_org_ids"])


def test_a_new_critical_warning_is_notified_whatever_page_is_open(qtbot, fresh_portal, tmp_path, desk_factory):
    """Notifications start at sign-in: the Warnings page need never have been opened."""
    desk = desk_factory(fresh_portal, tmp_path)
    desk.settings.set("window/pages", '{"frida": "attention"}')      # she starts on Needs attention
    sign_in_through_dialog(qtbot, desk, fresh_portal, "frida")
    wait_for_sync(qtbot, desk)
    window = desk.window
    assert window.page_keys[window.nav.currentRow()] == "attention"
    assert "warnings" not in window.pages.built()
    critical = api_create(fresh_portal, "gustav", title="Critical while Frida reads the dashboard", severity="critical")
    sync_again(qtbot, desk)
    escalation = window.escalation
    qtbot.waitUntil(lambda: escalation.notifier is not None and any(
        h[3] == critical["id"] for h in escalation.notifier.history), timeout=10000)
    assert "warnings" not in window.pages.built()
    escalation.notifier.activated.emit(critical["id"])        # opening it goes to its acknowledgement board
    view = window.pages["warnings"]
    assert window.page_keys[window.nav.currentRow()] == "warnings" and view.current_id() == critical["id"]
    assert view.detail.tabs.currentWidget() is view.detail.board


def test_editing_a_cosigned_draft_says_first_that_the_cosign_goes(qtbot, fresh_portal, tmp_path, desk_factory):
    draft = api_create(fresh_portal, "gustav", title="Co-signed draft", severity="critical")
    frida = fresh_portal.session("frida")
    r = frida.post(f"{fresh_portal.api}/warnings/{draft['id']}/cosign", json={"expected_version": draft["version"]},
                   timeout=10)
    assert r.status_code == 201, r.text
    desk, view = signed_in(qtbot, desk_factory, fresh_portal, tmp_path, username="gustav")
    cached = desk.workspace.cache.get("warning", draft["id"])
    assert cached["cosigned_by"] == "u-frida"
    view.compose("edit", cached)
    dialog = view.dialog
    dialog.title.setText("Co-signed draft, reworded")
    click(qtbot, dialog.save_button)
    box = dialog.cosign_question
    assert box.isVisible() and "Frida" in box.text() and "removes that co-sign" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert dialog.outcome is None and dialog.isVisible()                # nothing saved
    click(qtbot, dialog.save_button)
    [go] = [b for b in dialog.cosign_question.buttons() if b.text() == "Save and remove co-sign"]
    go.click()
    qtbot.waitUntil(lambda: dialog.outcome == "saved", timeout=15000)
    on_portal = fresh_portal.session("gustav").get(f"{fresh_portal.api}/changes?since=0&limit=1000", timeout=10).json()
    latest = [c["data"] for c in on_portal["changes"] if c["entity"] == "warning" and c["id"] == draft["id"]][-1]
    assert latest["title"] == "Co-signed draft, reworded" and not latest["cosigned_by"]


def test_a_warning_exports_as_csaf_and_as_json(qtbot, fresh_portal, tmp_path, desk_factory):
    import json as json_module
    desk, view = signed_in(qtbot, desk_factory, fresh_portal, tmp_path)
    warning = api_create(fresh_portal, "gustav", title="Exported warning", severity="low")
    sync_again(qtbot, desk)
    assert view.open_warning(warning["id"])
    export = view.detail.export
    assert export.button.isEnabled() and export.csaf_action.isEnabled()
    csaf_path = tmp_path / "w-csaf.json"
    export.export_to(view.detail.warning, "csaf", str(csaf_path))
    qtbot.waitUntil(lambda: export.last_outcome is not None, timeout=15000)
    assert export.last_outcome == "written", view.detail.note.text()
    document = json_module.loads(csaf_path.read_text(encoding="utf-8"))
    assert document["document"]["csaf_version"] == "2.0" and "Exported warning" in document["document"]["title"]
    json_path = tmp_path / "w.json"
    export.last_outcome = None
    export.export_to(view.detail.warning, "json", str(json_path))
    assert export.last_outcome == "written"
    assert json_module.loads(json_path.read_text(encoding="utf-8"))["id"] == warning["id"]
    assert "Export" in [b.text() for b in view.detail.findChildren(type(export.button))]
    # Ctrl+N on the page opens a new draft.
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    view.dialog.reject()


def test_the_compose_form_fits_the_screen_and_is_never_cut_on_the_right(qtbot, portal, tmp_path, desk_factory):
    desk, view = signed_in(qtbot, desk_factory, portal, tmp_path)
    sent = next(w for w in (desk.workspace.cache.get("warning", r["id"])
                            for r in desk.workspace.cache.query("SELECT id FROM warnings")) if w["status"] == "sent")
    for mode, warning in (("create", None), ("revise", sent)):
        view.compose(mode, warning)
        dialog = view.dialog
        qtbot.waitUntil(dialog.isVisible)
        room = dialog.screen().availableGeometry()
        assert dialog.height() <= room.height()
        scroll = dialog.form_scroll
        assert scroll.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        form = scroll.widget()
        assert form.width() >= form.minimumSizeHint().width()                  # nothing clipped
        assert dialog.org_list.height() >= dialog.fontMetrics().height() * 12  # a dozen organisations at once
        dialog.reject()


def test_unanswered_and_unsent_are_said_in_words(qapp):
    from desktop.views.ack_board import ack_state_label, progress_text
    assert ack_state_label(None) == ack_state_label("") == "No answer yet"      # never "None"
    progress = rules.Progress(addressed=3, acknowledged=1, overdue=0, waiting=2)
    assert progress_text(progress, "draft") == "not sent yet"
    assert "never" not in progress_text(progress, "expired") and "2 did not answer" in progress_text(progress, "expired")
