"""Issue 21 (client): the dashboard's output turnaround section, from the offline copy, shows the
figures the portal's GET /outputs/metrics gives for the same weeks (the same rules/turnaround.py)."""

from __future__ import annotations

import datetime as dt
import os

from PySide6.QtWidgets import QApplication

from tests.test_outputs_client import activate, desks, rikke_submits, save_shot, with_style  # noqa: F401 (fixture)
from tests.test_outputs_client import SHOTS  # noqa: F401


def test_turnaround_section_matches_the_portals_metrics(qtbot, fresh_portal, tmp_path, desks):  # noqa: F811
    out = rikke_submits(fresh_portal, ("small.csv", b"group,n\nA,2\nB,40\n"))
    s = fresh_portal.session("emil")
    r = s.post(f"{fresh_portal.api}/outputs/{out['id']}/reviews", json={
        "verdict": "withhold", "comment": "A count of 2.", "expected_version": 1, "reason": "small_counts"},
        timeout=30)
    assert r.status_code == 201, r.text
    desk = desks(fresh_portal, tmp_path)
    window = desk.window
    window.resize(1366, 768)
    view = window.open_page("dashboard")
    window.show()
    activate(qtbot, window)
    section = view.turnaround
    assert section is not None
    qtbot.waitUntil(lambda: section.metrics is not None, timeout=20000)
    today = section.today()
    portal = s.get(f"{fresh_portal.api}/outputs/metrics", params={
        "from": (today - dt.timedelta(weeks=12)).isoformat(), "to": today.isoformat()}, timeout=30).json()
    mine, theirs = section.metrics["total"], portal["total"]
    for key in ("submitted", "released", "withheld", "median_hours", "p90_hours", "within_target_share",
                "withhold_reasons"):
        assert mine[key] == theirs[key], key
    assert mine["withhold_reasons"]["small_counts"] >= 1
    assert section.reasons.count("small_counts") == mine["withhold_reasons"]["small_counts"]
    assert section.weeks.rowCount() == len(portal["weeks"])
    assert "working days" in section.note.text()
    app = QApplication.instance()
    before = with_style(app)
    view.scroll.ensureWidgetVisible(section)
    save_shot(window, "dashboard-output-turnaround.png")
    app.setStyleSheet(before)
    assert os.path.exists(os.path.join(SHOTS, "dashboard-output-turnaround.png"))
