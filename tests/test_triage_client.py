"""Issue 20 (client): the coordinators' Triage page against a real portal on loopback
(pytest-qt, offscreen). Sofie reports through the API; Frida works in the client,
from the report to a sent warning; Gustav co-signs through the API."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop.models import incidents as rules
from desktop.views.triage_detail import OVERDUE_COLOUR
from tests.client_helpers import sign_in_through_dialog, sync_again, wait_for_sync
from tests.test_warnings_client import accept_confirmation, caught_up, click


def iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def report(portal, **changes) -> dict:
    now = dt.datetime.now(dt.timezone.utc)
    body = {"title": "Ransomware note on a radiology workstation", "description": "Files renamed *.lockbit.",
            "severity": "critical", "tlp": "AMBER", "occurred_at": iso(now - dt.timedelta(hours=22)),
            "detected_at": iso(now - dt.timedelta(hours=20)),
            "affected": {"org_ids": ["ORG-002"], "sectors": ["hospital"], "regions": ["Capital Region"]},
            "indicators": [{"type": "url", "value": "http://pay-lockbit.example.org/x"},
                           {"type": "domain", "value": "pacs-update.example.net"},
                           {"type": "cve", "value": "CVE-2024-3400"}],
            "nis2_significant": True}
    body.update(changes)
    r = portal.session("sofie").post(f"{portal.api}/incidents", json=body, timeout=10)
    assert r.status_code == 201, r.text
    return r.json()


def row_of(view, incident_id):
    return next(n for n, i in enumerate(view.shown) if i["id"] == incident_id)


def test_from_a_centres_report_to_a_cosigned_sent_warning(qtbot, fresh_portal, tmp_path, desk_factory):
    desk = desk_factory(fresh_portal, tmp_path)
    sign_in_through_dialog(qtbot, desk, fresh_portal, "frida")
    assert wait_for_sync(qtbot, desk).online
    window = desk.window
    window.resize(1366, 768)
    view = window.open_page("triage")
    assert type(view).__name__ == "TriageView"

    # The queue: open incidents, critical first; the demo's overdue clock is shown in words and red.
    severities = [i["severity"] for i in view.shown]
    assert severities == sorted(severities, key=lambda s: -rules.SEVERITY_RANK[s])
    assert all(i["status"] in rules.OPEN for i in view.shown)
    overdue_row = row_of(view, "INC-2026-005")
    clock_item = view.table.item(overdue_row, 6)
    assert "Early warning overdue by" in clock_item.text()
    assert clock_item.foreground().color() == OVERDUE_COLOUR

    # Sofie reports a new critical incident: after a sync Frida is told, whatever page is open.
    window.open_page("dashboard")
    incident = report(fresh_portal)
    sync_again(qtbot, desk)
    qtbot.waitUntil(lambda: any(h[3] == incident["id"] for h in window.notifier.history), timeout=10000)
    titles = [h[1] for h in window.notifier.history if h[3] == incident["id"] and h[0] == "banner"]
    # Critical and detected 20 hours ago: new, and its early warning is due within six hours.
    assert sorted(titles) == [f"NIS2 clock running out: {incident['id']}", f"New critical incident: {incident['id']}"]
    assert window.notifier.banner.isVisible()
    # Opening the notification shows the incident on the Triage page.
    window.notifier.activated.emit(incident["id"])
    assert window.stack.currentWidget() is view and view.current()["id"] == incident["id"]

    # Its indicators are defanged on display and copyable as reported; clocks and provenance shown.
    shown = [view.detail.indicators.item(n).text() for n in range(view.detail.indicators.count())]
    assert "url\thxxp://pay-lockbit[.]example[.]org/x" in shown and "domain\tpacs-update[.]example[.]net" in shown
    view.detail.indicators.setCurrentRow(0)
    assert view.detail.copy(defanged=False) == "http://pay-lockbit.example.org/x"
    assert QGuiApplication.clipboard().text() == "http://pay-lockbit.example.org/x"
    assert "Capital Region SOC" in view.detail.provenance.text()
    assert "Early warning due in 3 hours" in view.detail.clock_labels[0].text()
    # It shares a domain with the demo's ransomware report: a suggested duplicate.
    assert view.detail.duplicates.count() >= 1 and view.detail.merge_target() == "INC-2026-001"

    # A second report of the same thing arrives; one keystroke (M) merges it into the first.
    second = report(fresh_portal, title="Same ransomware, second ward", severity="high",
                    indicators=[{"type": "url", "value": "http://pay-lockbit.example.org/x"}])
    sync_again(qtbot, desk)
    assert view.open_incident(second["id"])
    view.detail.duplicates.setCurrentRow(next(n for n in range(view.detail.duplicates.count())
                                              if view.detail.duplicates.item(n).data(Qt.ItemDataRole.UserRole)
                                              == incident["id"]))
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: (desk.workspace.cache.get("incident", second["id"]) or {}).get("status") == "merged",
                    timeout=20000)

    # Acknowledge the first (A), then draft a warning from it.
    assert view.open_incident(incident["id"])
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_A)
    # The page shows it once the sync round that sent it has refreshed the pages.
    qtbot.waitUntil(lambda: view.incidents[incident["id"]]["status"] == "acknowledged"
                    and incident["id"] not in view.queued, timeout=20000)
    assert view.open_incident(incident["id"])
    assert not view.buttons["acknowledge"].isEnabled() and "acknowledged" in view.buttons["acknowledge"].toolTip()
    window.grab().save(str(tmp_path / "triage.png"))
    click(qtbot, view.buttons["draft"])
    dialog = view.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.title.text() == incident["title"]
    assert dialog.severity.currentData() == "critical" and dialog.tlp.currentData() == "AMBER"
    assert dialog.sector_boxes["hospital"].isChecked() and dialog.region_boxes["Capital Region"].isChecked()
    assert "CVE-2024-3400" in dialog.cves.text() and incident["id"] in dialog.linked.text()
    assert "hxxp://pay-lockbit[.]example[.]org/x" in dialog.body.toPlainText()
    assert dialog.save_button.isEnabled(), dialog.problems.text()
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=15000)
    assert dialog.outcome == "saved"
    warning_id = dialog.result_id
    qtbot.waitUntil(lambda: desk.workspace.cache.get("warning", warning_id) is not None, timeout=20000)
    draft = desk.workspace.cache.get("warning", warning_id)
    assert draft["incident_ids"] == [incident["id"]] and draft["severity"] == "critical"

    # Gustav co-signs; Frida sends it from the Warnings page; the incident becomes warned.
    r = fresh_portal.session("gustav").post(f"{fresh_portal.api}/warnings/{warning_id}/cosign", json={}, timeout=10)
    assert r.status_code == 201, r.text
    sync_again(qtbot, desk)
    warnings = window.open_page("warnings")
    assert warnings.open_warning(warning_id)
    qtbot.waitUntil(lambda: caught_up(warnings, warning_id) and warnings.detail.buttons["send"].isEnabled(),
                    timeout=15000)
    click(qtbot, warnings.detail.buttons["send"])
    accept_confirmation(qtbot, warnings)
    qtbot.waitUntil(lambda: (desk.workspace.cache.get("warning", warning_id) or {}).get("status") == "sent",
                    timeout=20000)
    sync_again(qtbot, desk)
    warned = desk.workspace.cache.get("incident", incident["id"])
    assert warned["status"] == "warned" and warned["warnings"][0]["id"] == warning_id
    # The reporting centre sees the status and the warning reference, not the coordinators' log.
    seen = fresh_portal.session("sofie").get(f"{fresh_portal.api}/incidents/{incident['id']}", timeout=10).json()
    assert seen["status"] == "warned" and seen["warnings"][0]["id"] == warning_id and "triage" not in seen
    window.open_page("triage")
    view.status_filter.setCurrentIndex(view.status_filter.findData(""))
    assert view.open_incident(incident["id"])
    assert f"Warned in {warning_id}" in view.detail.provenance.text()
    # ... and the warning says which reports it answers.
    assert f"Answers incident reports {incident['id']}" in warnings.detail._people_text(
        desk.workspace.cache.get("warning", warning_id))


def test_dismiss_needs_a_reason_and_clocks_running_out_notify(qtbot, fresh_portal, tmp_path, desk_factory):
    desk = desk_factory(fresh_portal, tmp_path)
    sign_in_through_dialog(qtbot, desk, fresh_portal, "gustav")
    assert wait_for_sync(qtbot, desk).online
    window = desk.window
    now = dt.datetime.now(dt.timezone.utc)
    incident = report(fresh_portal, severity="medium", title="Odd DNS lookups",
                      occurred_at=iso(now - dt.timedelta(hours=6)), detected_at=iso(now - dt.timedelta(hours=5)),
                      indicators=[{"type": "domain", "value": "odd-dns.example.org"}])
    sync_again(qtbot, desk)
    assert not [h for h in window.notifier.history if h[3] == incident["id"]]   # medium: no alert yet
    # Fourteen hours later the early warning is due within six hours: one alert, whatever page is open.
    later = rules.parse_iso(incident["detected_at"]) + 19 * 3600
    window.incident_alerts.clock = lambda: later
    alerts = window.incident_alerts.check()
    assert [(a.kind, a.clock) for a in alerts if a.incident_id == incident["id"]] == [("clock", "early_warning")]
    assert any("NIS2 clock" in t and incident["id"] in t for t, _m, _w in window.notifier.banner.messages())
    assert not [a for a in window.incident_alerts.check() if a.incident_id == incident["id"]]   # once

    view = window.open_page("triage")
    assert view.open_incident(incident["id"])
    # Assigned to another coordinator from the button's menu (which lists the coordinators).
    frida = next(a for a in view.assign_menu.actions() if a.text() == "Frida Nørgaard")
    frida.trigger()
    qtbot.waitUntil(lambda: view.incidents[incident["id"]].get("assignee_id") == "u-frida"
                    and incident["id"] not in view.queued, timeout=20000)
    assert view.incidents[incident["id"]]["status"] == "acknowledged"      # assigning acknowledges a new one
    assert view.open_incident(incident["id"]) and "Assigned to Frida Nørgaard" in view.detail.provenance.text()
    view.act("dismiss")
    qtbot.waitUntil(lambda: view.reason_dialog is not None and view.reason_dialog.isVisible())
    view.reason_dialog.setTextValue("   ")
    view.reason_dialog.accept()
    assert desk.workspace.engine.outbox.pending_count() == 0          # a blank reason queues nothing
    view.act("dismiss")
    view.reason_dialog.setTextValue("A planned phishing exercise.")
    view.reason_dialog.accept()
    qtbot.waitUntil(lambda: view.incidents[incident["id"]]["status"] == "dismissed"
                    and incident["id"] not in view.queued, timeout=20000)
    assert all(i["id"] != incident["id"] for i in view.shown)           # gone from the open queue
    view.status_filter.setCurrentIndex(view.status_filter.findData("dismissed"))
    assert view.open_incident(incident["id"])
    assert "A planned phishing exercise." in "\n".join(
        view.detail.updates.item(n).text() for n in range(view.detail.updates.count()))
    assert not view.buttons["close"].isEnabled() and "dismissed" in view.buttons["close"].toolTip()


def test_dashboard_shows_time_to_acknowledge_and_warn_and_clocks_met(qtbot, fresh_portal, tmp_path, desk_factory):
    desk = desk_factory(fresh_portal, tmp_path)
    sign_in_through_dialog(qtbot, desk, fresh_portal, "frida")
    assert wait_for_sync(qtbot, desk).online
    dashboard = desk.window.open_page("dashboard")
    qtbot.waitUntil(lambda: dashboard.incidents.figures is not None, timeout=15000)
    figures = dashboard.incidents.figures
    cached = [desk.workspace.cache.get("incident", f"INC-2026-{n:03d}") for n in range(1, 11)]
    kept = [i for i in cached if i["status"] != "merged"]
    assert figures.total == len(kept) == 9
    assert dashboard.incidents.severity.count("critical") == sum(i["severity"] == "critical" for i in kept)
    # The demo's warned incidents give a time to warn; every acknowledged one a time to acknowledge.
    assert any(w.warn_hours for w in figures.weeks)
    assert sum(len(w.acknowledge_hours) for w in figures.weeks) == sum(1 for i in kept if i["acknowledged_at"])
    assert figures.clocks["overdue"] >= 1 and figures.clocks["met_in_time"] >= 1 and figures.clocks["met_late"] >= 1
    assert dashboard.incidents.weeks.rowCount() == len(figures.weeks)
    assert "NIS2 clocks met" in dashboard.incidents.note.text()
