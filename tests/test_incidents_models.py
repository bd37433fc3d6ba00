"""Issue 20 (client rules, no Qt): the triage queue's order, the NIS2 clocks at a moment,
a warning drafted from incidents, the alerts given once, the dashboard's figures, and the
indicators' defanged display."""

from __future__ import annotations

from desktop.models import incident_metrics as metrics
from desktop.models import incidents as rules
from rules.indicators import defang

T0 = rules.parse_iso("2026-03-02T08:00:00Z")
H = 3600


def incident(n, **changes):
    base = {"id": f"INC-2026-{n:03d}", "title": f"Incident {n}", "severity": "medium", "tlp": "GREEN",
            "status": "new", "reported_at": "2026-03-02T08:00:00Z", "detected_at": "2026-03-02T07:00:00Z",
            "nis2_significant": False, "updates": [], "indicators": [], "affected": {}, "reporting_centre": "SOC"}
    base.update(changes)
    return base


def test_queue_puts_open_incidents_first_then_severity_then_age():
    queue = rules.queue_order([
        incident(1, severity="low"), incident(2, severity="critical", reported_at="2026-03-02T09:00:00Z"),
        incident(3, severity="critical"), incident(4, severity="critical", status="closed")], T0 + 5 * H)
    assert [i["id"] for i in queue] == ["INC-2026-003", "INC-2026-002", "INC-2026-001", "INC-2026-004"]


def test_clocks_at_a_moment_and_the_one_that_matters():
    i = incident(1, nis2_significant=True)
    due = rules.parse_iso("2026-03-03T07:00:00Z")
    assert [c.state for c in rules.clocks(i, due)] == ["due", "due", "due"]
    assert rules.clocks(i, due + 1)[0].state == "overdue" and rules.next_clock(i, due + 1).name == "early_warning"
    assert rules.clocks(i, 0)[2].due_at == rules.parse_iso("2026-04-02T07:00:00Z")
    i["updates"] = [{"kind": "early_warning", "at": "2026-03-03T08:00:00Z"}]
    early = rules.clocks(i, due + 2 * H)[0]
    assert early.state == "met" and early.late
    assert rules.next_clock(i, due + 2 * H).name == "notification"
    assert rules.clocks(incident(2), due) == []


def test_a_warning_drafted_from_incidents():
    form, ids = rules.warning_from([
        incident(1, severity="high", tlp="AMBER", affected={"sectors": ["hospital"], "regions": ["Capital Region"]},
                 indicators=[{"type": "cve", "value": "CVE-2024-3400"}, {"type": "url", "value": "https://a.example.org/x"}]),
        incident(2, severity="critical", tlp="GREEN", affected={"org_ids": ["ORG-002"], "sectors": ["hospital"]},
                 indicators=[{"type": "domain", "value": "a.example.org"}]),
        incident(3, status="dismissed", severity="critical", tlp="RED")])
    assert ids == ["INC-2026-001", "INC-2026-002"]
    assert form["severity"] == "critical" and form["tlp"] == "AMBER" and form["cves"] == ["CVE-2024-3400"]
    assert form["recipients"] == {"sectors": ["hospital"], "regions": ["Capital Region"], "org_ids": ["ORG-002"]}
    assert "hxxps://a[.]example[.]org/x" in form["body"] and "a[.]example[.]org" in form["body"]
    assert "https://a.example.org" not in form["body"] and form["ack_hours"] == 24
    red, _ = rules.warning_from([incident(4, tlp="RED", affected={"sectors": ["gp"], "org_ids": ["ORG-9"]})])
    assert red["recipients"] == {"sectors": [], "regions": [], "org_ids": ["ORG-9"]}    # TLP:RED names organisations
    assert rules.warning_from([incident(5, status="merged")]) == ({}, [])


def test_alerts_come_once_and_not_for_what_was_there_at_sign_in():
    alerts = rules.IncidentAlerts()
    old = incident(1, severity="critical")
    assert alerts.check([old], T0) == [] and alerts.primed
    new = incident(2, severity="critical")
    clocked = incident(3, nis2_significant=True)
    found = alerts.check([old, new, clocked], T0)
    assert [(a.kind, a.incident_id) for a in found] == [("critical", "INC-2026-002")]
    soon = rules.parse_iso("2026-03-03T07:00:00Z") - 6 * H
    assert [(a.kind, a.clock) for a in alerts.check([old, new, clocked], soon)] == [("clock", "early_warning")]
    assert alerts.check([old, new, clocked], soon + 60) == []


def test_dashboard_figures_per_week_severity_sector_and_clocks():
    now = rules.parse_iso("2026-03-10T00:00:00Z")
    data = [
        incident(1, acknowledged_at="2026-03-02T09:00:00Z", warned_at="2026-03-02T12:00:00Z", severity="high",
                 affected={"org_ids": ["ORG-1"]}),
        incident(2, acknowledged_at="2026-03-02T11:00:00Z", affected={"sectors": ["gp", "hospital"]},
                 nis2_significant=True, updates=[{"kind": "early_warning", "at": "2026-03-02T10:00:00Z"}]),
        incident(3, status="merged", severity="critical"),
    ]
    f = metrics.figures(data, {"ORG-1": "hospital"}, now)
    (week,) = f.weeks
    assert week.week == "2026-W10" and week.reported == 2
    assert week.figures() == (1.0, 3.0, 4.0, 4.0)
    assert f.by_severity == {"critical": 0, "high": 1, "medium": 1, "low": 0}
    assert f.by_sector == {"hospital": 2, "gp": 1}
    assert f.clocks == {"met_in_time": 1, "met_late": 0, "overdue": 1, "due": 1}
    assert metrics.percentile([], 0.5) is None and metrics.percentile([5, 1, 3, 2, 4], 0.9) == 5


def test_defanged_display_never_reads_as_a_link():
    assert defang("url", "https://evil.example.org/a.b?c=d.e") == "hxxps://evil[.]example[.]org/a.b?c=d.e"
    assert defang("url", "ftp://192.0.2.1/x") == "fxp://192[.]0[.]2[.]1/x"
    assert defang("domain", "example.org") == "example[.]org" and defang("ipv4", "192.0.2.1") == "192[.]0[.]2[.]1"
    assert defang("email", "a.b@example.org") == "a.b[@]example[.]org"
    assert defang("sha256", "ab" * 32) == "ab" * 32
