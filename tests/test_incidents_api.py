"""Issue 20 (portal): incident reports from security operations centres.

Reports with validated indicators (hostile values refused, never a 500), updates
from the reporting centre, triage by coordinators, likely duplicates, NIS2
clocks, the link from warnings, who sees what, and the STIX 2.1 export checked
by the OASIS validator. Through a real portal process on loopback, on SQLite and
on PostgreSQL (the `portal` fixture), plus the clock rules with explicit times.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest
from stix2validator import ValidationOptions, validate_string

from portal.api import PortalContext, iso, parse_iso
from portal.incidents import clocks, one_month_after, sweep_clocks
from tests.test_warnings_api import Api, assert_error

HOSTILE_VALUES = [
    ("ipv4", "999.1.1.1"), ("ipv4", "１.２.３.４"), ("ipv4", "1.2.3.4 "), ("ipv4", "1.2.3.4\n"), ("ipv4", "01.2.3.4"),
    ("ipv6", "fe80::1%<script>"), ("ipv6", "2001:db8::g"), ("ipv6", "::ffff:1.2.3.4.5"),
    ("domain", "localhost"), ("domain", "exa mple.org"), ("domain", "evil\u202egro.example"),
    ("domain", "a..b.org"), ("domain", "-lead.org"), ("domain", "x" * 64 + ".org"), ("domain", "zero\u200bwidth.org"),
    ("domain", "192.0.2.1"), ("domain", "'; DROP TABLE entities; --.org"), ("domain", "a.org\x00"),
    ("url", "javascript:alert(1)"), ("url", "file:///etc/passwd"), ("url", "http:///no-host"),
    ("url", "https://exa mple.org/"), ("url", "http://example.org:99999/"), ("url", "data:text/html,<script>"),
    ("url", "http://[::1/"), ("url", "http://example.org/\r\nSet-Cookie: x"), ("url", "https://" + "a" * 2100 + ".org"),
    ("sha256", "g" * 64), ("sha256", "a" * 63), ("sha256", "٠" * 64), ("md5", "a" * 33), ("md5", "${jndi:ldap://x/a}"),
    ("email", "no-at-sign.example.org"), ("email", "a@b"), ("email", "<script>@example.org"),
    ("email", "a@example.org\nBcc: x@example.org"),
    ("cve", "CVE-２０２４-3400"), ("cve", "CVE-2024-12"), ("cve", "cve-2024-3400"), ("cve", "CVE-2024-3400\n"),
    ("cve", "CVE-1850-1234"), ("hash", "abc"), ("ipv4", 12345), ("domain", None), ("url", ["http://a.org"]),
]
GOOD_VALUES = [
    ("ipv4", "203.0.113.7", "203.0.113.7"), ("ipv6", "2001:DB8:0:0::1", "2001:db8::1"),
    ("domain", "Bücher.Example.org", "xn--bcher-kva.example.org"),
    ("url", "HTTPS://Evil.Example.org:8443/a?b=c'd", "https://evil.example.org:8443/a?b=c'd"),
    ("url", "ftp://192.0.2.5/pub", "ftp://192.0.2.5/pub"), ("sha256", "A" * 64, "a" * 64),
    ("md5", "44D88612FEA8A8F36DE82E1278ABB02F", "44d88612fea8a8f36de82e1278abb02f"),
    ("email", "phish@sst-betaling.example.com", "phish@sst-betaling.example.com"),
    ("cve", "CVE-2025-12345", "CVE-2025-12345"),
]


def report(**changes) -> dict:
    now = dt.datetime.now(dt.timezone.utc)
    body = {
        "title": "Beaconing from a ward workstation", "description": "Outbound connections every 60 s.",
        "severity": "high", "tlp": "AMBER",
        "occurred_at": iso((now - dt.timedelta(hours=5)).timestamp()),
        "detected_at": iso((now - dt.timedelta(hours=3)).timestamp()),
        "affected": {"org_ids": ["ORG-002"], "sectors": [], "regions": []},
        "indicators": [{"type": "domain", "value": f"c2-{uuid.uuid4().hex[:8]}.example.net"}],
        "nis2_significant": True,
    }
    body.update(changes)
    return body


@pytest.fixture(scope="module")
def sofie(portal):
    return Api(portal, "sofie")


@pytest.fixture(scope="module")
def frida(portal):
    return Api(portal, "frida")


@pytest.fixture(scope="module")
def gustav(portal):
    return Api(portal, "gustav")


def new_incident(sofie, **changes) -> dict:
    r = sofie.post("/incidents", report(**changes))
    assert r.status_code == 201, r.text
    return r.json()


# -- reporting and indicators ---------------------------------------------------------------
def test_a_centre_reports_an_incident_with_indicators_in_their_normal_form(sofie):
    given = [{"type": t, "value": v} for t, v, _ in GOOD_VALUES]
    incident = new_incident(sofie, indicators=given)
    assert incident["status"] == "new" and incident["id"].startswith("INC-")
    assert incident["indicators"] == [{"type": t, "value": n} for t, _, n in GOOD_VALUES]
    assert incident["reporting_centre"] == "Capital Region SOC" and incident["reporting_org_id"] == "ORG-025"
    detected = parse_iso(incident["detected_at"])
    assert incident["nis2"]["early_warning"] == {"due_at": iso(detected + 24 * 3600), "state": "due",
                                                 "met_at": None, "late": False}
    assert incident["nis2"]["notification"]["due_at"] == iso(detected + 72 * 3600)
    # What the centre gets back is its trimmed view: nothing of the coordinators' side.
    assert not {"triage", "duplicates", "assignee_id", "acknowledged_by"} & set(incident)


@pytest.mark.parametrize("kind,value", HOSTILE_VALUES, ids=[f"{k}-{i}" for i, (k, _) in enumerate(HOSTILE_VALUES)])
def test_hostile_indicator_values_are_refused_with_invalid_field(sofie, kind, value):
    r = sofie.post("/incidents", report(indicators=[{"type": "ipv4", "value": "192.0.2.1"},
                                                    {"type": kind, "value": value}]))
    message = assert_error(r, 422, "invalid_field")
    assert "indicators.1" in message


def test_hostile_report_fields_are_refused_never_a_500(sofie):
    cases = [
        report(title="Line\nbreak"), report(title=" "), report(description="bell\x07"),
        report(severity="urgent"), report(tlp="WHITE"), report(occurred_at="yesterday"),
        report(detected_at="2026-01-01T00:00:00"), report(detected_at="2999-01-01T00:00:00Z"),
        report(occurred_at="2026-12-31T00:00:00Z", detected_at="2026-01-01T00:00:00Z"),
        report(affected={"org_ids": [], "sectors": [], "regions": []}),
        report(affected={"org_ids": ["ORG-NOPE"]}), report(affected={"sectors": ["bakery"]}),
        report(nis2_significant="yes"), report(indicators=[{"type": "ipv4", "value": "192.0.2.1"}] * 501),
        report(indicators=[{"type": "ipv4", "value": "192.0.2.1", "extra": 1}]), report(unknown_field=1),
        report(title="\ud800"),
    ]
    for body in cases:
        r = sofie.post("/incidents", body)
        assert_error(r, 422, "invalid_field")


def test_only_a_centre_reports_and_only_its_own_incident_takes_updates(portal, sofie, frida):
    assert_error(frida.post("/incidents", report()), 403, "role_required")
    assert_error(Api(portal, "ole").post("/incidents", report()), 403, "role_required")
    # INC-2026-004 is the Region Zealand centre's: to sofie it does not exist.
    assert_error(sofie.post("/incidents/INC-2026-004/updates", {"kind": "note", "text": "mine?"}), 404, "not_found")
    assert_error(sofie.get("/incidents/INC-2026-004"), 404, "not_found")
    assert_error(frida.post("/incidents/INC-2026-003/updates", {"kind": "note", "text": "x"}), 403, "role_required")
    incident = new_incident(sofie)
    assert_error(sofie.post(f"/incidents/{incident['id']}/updates", {"kind": "rumour", "text": "x"}),
                 422, "invalid_field")
    assert_error(sofie.post(f"/incidents/{incident['id']}/updates", {"kind": "note", "text": "  "}),
                 422, "invalid_field")
    r = sofie.post(f"/incidents/{incident['id']}/updates", {"kind": "early_warning", "text": "Confirmed."})
    assert r.status_code == 201, r.text
    after = r.json()
    assert after["nis2"]["early_warning"]["state"] == "met" and after["nis2"]["early_warning"]["late"] is False
    assert after["updates"][-1]["kind"] == "early_warning" and after["updates"][-1]["text"] == "Confirmed."


def test_an_idempotent_report_is_made_once(sofie):
    body = report()
    key = {"Idempotency-Key": f"report-{uuid.uuid4()}"}
    first, again = sofie.post("/incidents", body, headers=key), sofie.post("/incidents", body, headers=key)
    assert first.status_code == again.status_code == 201 and first.json()["id"] == again.json()["id"]
    assert_error(sofie.post("/incidents", report(title="Something else"), headers=key), 422, "idempotency_key_reused")


# -- triage ------------------------------------------------------------------------------------
def test_triage_refusals_in_the_contracts_order(sofie, frida):
    incident = new_incident(sofie)
    path = f"/incidents/{incident['id']}/triage"
    assert_error(sofie.post(path, {"action": "acknowledge"}), 403, "role_required")
    assert_error(frida.post("/incidents/INC-NOPE/triage", {"action": "acknowledge"}), 404, "not_found")
    assert_error(frida.post(path, {"action": "promote"}), 422, "invalid_field")
    assert_error(frida.post(path, {"action": "assign", "user_id": "u-anna"}), 422, "invalid_field")
    assert_error(frida.post(path, {"action": "merge", "into": incident["id"]}), 422, "invalid_field")
    assert_error(frida.post(path, {"action": "merge", "into": "INC-2026-007"}), 422, "invalid_field")  # merged
    assert_error(frida.post(path, {"action": "dismiss"}), 422, "comment_required")
    assert_error(frida.post(path, {"action": "dismiss", "reason": "   "}), 422, "comment_required")
    assert_error(frida.post(path, {"action": "acknowledge", "expected_version": 999}), 409, "version_conflict")
    r = frida.post(path, {"action": "acknowledge", "note": "Called the centre."})
    assert r.status_code == 201 and r.json()["status"] == "acknowledged", r.text
    assert_error(frida.post(path, {"action": "acknowledge"}), 409, "not_open")
    r = frida.post(path, {"action": "assign", "user_id": "u-gustav"})
    assert r.status_code == 201 and r.json()["assignee_id"] == "u-gustav", r.text
    assert [t["action"] for t in r.json()["triage"]] == ["acknowledge", "assign"]
    assert r.json()["triage"][0]["note"] == "Called the centre."
    closed = frida.post(path, {"action": "close"})
    assert closed.status_code == 201 and closed.json()["status"] == "closed"
    assert_error(frida.post(path, {"action": "dismiss", "reason": "late"}), 409, "not_open")   # 409 before 422


def test_dismiss_with_a_reason_and_updates_to_an_ended_incident(sofie, frida):
    incident = new_incident(sofie)
    r = frida.post(f"/incidents/{incident['id']}/triage", {"action": "dismiss", "reason": "A planned test."})
    assert r.status_code == 201 and r.json()["status"] == "dismissed" and r.json()["dismissed_reason"]
    assert_error(sofie.post(f"/incidents/{incident['id']}/updates", {"kind": "note", "text": "x"}), 409, "not_open")
    # The centre sees the status, not the coordinators' reason or log.
    seen = sofie.get(f"/incidents/{incident['id']}").json()
    assert seen["status"] == "dismissed" and "dismissed_reason" not in seen and "triage" not in seen


def test_shared_indicators_link_likely_duplicates_and_merge_ends_one(sofie, frida):
    shared = {"type": "url", "value": f"https://drop-{uuid.uuid4().hex[:6]}.example.org/p.php"}
    first = new_incident(sofie, indicators=[shared, {"type": "ipv4", "value": "198.51.100.1"}])
    second = new_incident(sofie, indicators=[shared, {"type": "md5", "value": "0" * 32}])
    seen_first = frida.get(f"/incidents/{first['id']}").json()
    seen_second = frida.get(f"/incidents/{second['id']}").json()
    assert {"id": second["id"], "shared": [shared]} in seen_first["duplicates"]
    assert {"id": first["id"], "shared": [shared]} in seen_second["duplicates"]
    r = frida.post(f"/incidents/{second['id']}/triage", {"action": "merge", "into": first["id"]})
    assert r.status_code == 201 and r.json()["status"] == "merged" and r.json()["merged_into"] == first["id"]
    survivor = frida.get(f"/incidents/{first['id']}").json()
    assert {"type": "md5", "value": "0" * 32} in survivor["indicators"]
    assert survivor["merged_from"] == [second["id"]]
    assert all(d["id"] != second["id"] for d in survivor["duplicates"])
    # The demo holds two open reports sharing a domain (from two centres).
    demo = frida.get("/incidents/INC-2026-004").json()
    assert any(d["id"] == "INC-2026-003" for d in demo["duplicates"])


# -- visibility --------------------------------------------------------------------------------
def test_who_sees_which_incidents_in_the_feed(portal):
    everything = portal.all_changes("admin")
    all_ids = {i for (kind, i), d in everything.items() if kind == "incident" and d}
    assert {"INC-2026-001", "INC-2026-004", "INC-2026-010"} <= all_ids
    coordinator = {i: d for (kind, i), d in portal.all_changes("frida").items() if kind == "incident" and d}
    assert set(coordinator) == all_ids and "triage" in coordinator["INC-2026-001"]
    centre = {i: d for (kind, i), d in portal.all_changes("sofie").items() if kind == "incident" and d}
    assert centre and all(d["reporting_org_id"] == "ORG-025" for d in centre.values())
    assert "INC-2026-004" not in centre and "INC-2026-007" not in centre   # the Region Zealand centre's
    for d in centre.values():
        assert not {"triage", "assignee_id", "duplicates", "dismissed_reason", "acknowledged_by", "merged_from"} & set(d)
    assert centre["INC-2026-001"]["status"] == "warned" and centre["INC-2026-001"]["warnings"][0]["id"] == "W-2026-003"
    # A centre's staff are not the organisation's recipients: no warnings or staff records for them.
    assert {kind for (kind, _), d in portal.all_changes("sofie").items() if d} == {"incident"}
    for username in ("anna", "dorte", "rikke", "ole"):
        assert not [k for (k, _), d in portal.all_changes(username).items() if k == "incident" and d], username


def test_demo_incidents_cover_every_status_and_clock_state(frida, portal):
    incidents = [d for (k, _), d in portal.all_changes("frida").items() if k == "incident" and d]
    demo = [i for i in incidents if i["id"] <= "INC-2026-010"]
    assert {i["status"] for i in demo} == {"new", "acknowledged", "merged", "dismissed", "warned", "closed"}
    states = {c["state"] for i in demo if i["nis2"] for c in i["nis2"].values()}
    assert states == {"due", "met", "overdue"}
    assert any(c["late"] for i in demo if i["nis2"] for c in i["nis2"].values())


# -- the warning link -------------------------------------------------------------------------
def test_a_sent_warning_moves_its_incidents_to_warned_and_names_them(portal, sofie, frida, gustav):
    first, second = new_incident(sofie), new_incident(sofie, severity="critical")
    dismissed = new_incident(sofie)
    frida.post(f"/incidents/{dismissed['id']}/triage", {"action": "dismiss", "reason": "noise"})
    body = {"title": "Beaconing malware in ward workstations", "summary": "Block the domains.", "body": "Details.",
            "severity": "critical", "tlp": "AMBER", "recipients": {"sectors": [], "regions": [], "org_ids": ["ORG-002"]},
            "cves": [], "ack_hours": 24}
    assert_error(frida.post("/warnings", dict(body, incident_ids=["INC-NOPE"])), 422, "invalid_field")
    assert_error(frida.post("/warnings", dict(body, incident_ids=[dismissed["id"]])), 422, "invalid_field")
    r = frida.post("/warnings", dict(body, incident_ids=[first["id"], second["id"]]))
    assert r.status_code == 201, r.text
    warning = r.json()
    assert warning["incident_ids"] == [first["id"], second["id"]]
    assert frida.get(f"/incidents/{first['id']}").json()["status"] == "new"      # a draft changes nothing
    gustav.cosign(warning["id"])
    sent = frida.send(warning["id"])
    for incident in (first, second):
        seen = sofie.get(f"/incidents/{incident['id']}").json()
        assert seen["status"] == "warned"
        assert seen["warnings"] == [{"id": warning["id"], "revision": 1, "sent_at": sent["sent_at"]}]
        assert "triage" not in seen
    audit = Api(portal, "admin").get("/audit", params={"entity": "incident", "id": first["id"]}).json()["entries"]
    assert [e["action"] for e in audit if e["outcome"] == "ok"][-1] == "incident.warned"
    # The organisation's recipients see the warning, not which incident reports it answers.
    ole = {d["id"]: d for (k, _), d in portal.all_changes("ole").items() if k == "warning" and d}
    if warning["id"] in ole:
        assert "incident_ids" not in ole[warning["id"]]


# -- audit, STIX ---------------------------------------------------------------------------------
def test_refusals_and_changes_are_audited(portal, sofie, frida):
    incident = new_incident(sofie)
    frida.post(f"/incidents/{incident['id']}/triage", {"action": "dismiss"})
    frida.post(f"/incidents/{incident['id']}/triage", {"action": "acknowledge"})
    entries = Api(portal, "admin").get("/audit", params={"entity": "incident", "id": incident["id"]}).json()["entries"]
    seen = [(e["action"], e["outcome"], e["detail"].get("code")) for e in entries]
    assert ("incident.report", "ok", None) in seen
    assert ("incident.triage", "refused", "comment_required") in seen
    assert ("incident.triage", "ok", None) in seen


def test_stix_export_passes_the_oasis_validator(portal, sofie, frida):
    tricky = new_incident(sofie, tlp="AMBER+STRICT", indicators=[
        {"type": "url", "value": "http://example.org/a'b\\c?q=1"}, {"type": "email", "value": "x@example.org"},
        {"type": "ipv6", "value": "2001:db8::7"}, {"type": "sha256", "value": "b" * 64},
        {"type": "md5", "value": "c" * 32}, {"type": "cve", "value": "CVE-2024-3400"},
        {"type": "domain", "value": "bücher.example.org"}, {"type": "ipv4", "value": "192.0.2.9"}])
    options = ValidationOptions(version="2.1", strict=True)
    for incident_id in ("INC-2026-001", "INC-2026-002", "INC-2026-010", tricky["id"]):
        r = frida.get(f"/incidents/{incident_id}/stix")
        assert r.status_code == 200, r.text
        result = validate_string(r.text, options)
        problems = [str(e) for e in list(result.errors or []) + list(result.warnings or [])]
        assert result.is_valid and not problems, problems
        bundle = json.loads(r.text)
        assert any(o["type"] == "incident" for o in bundle["objects"])
        assert r.text == frida.get(f"/incidents/{incident_id}/stix").text   # stable ids: the same export twice
    bundle = frida.get(f"/incidents/{tricky['id']}/stix").json()
    patterns = [o["pattern"] for o in bundle["objects"] if o["type"] == "indicator"]
    assert "[url:value = 'http://example.org/a\\'b\\\\c?q=1']" in patterns
    assert any(o["type"] == "vulnerability" and o["name"] == "CVE-2024-3400" for o in bundle["objects"])
    assert_error(Api(portal, "admin").get(f"/incidents/{tricky['id']}/stix"), 403, "role_required")
    assert_error(sofie.get(f"/incidents/{tricky['id']}/stix"), 403, "role_required")


# -- NIS2 clocks: the rules with explicit times, and the sweep that stores overdue ----------------
def test_nis2_clock_boundaries():
    detected = parse_iso("2026-01-31T10:00:00Z")
    assert iso(one_month_after(detected)) == "2026-02-28T10:00:00Z"
    assert iso(one_month_after(parse_iso("2026-12-15T08:00:00Z"))) == "2027-01-15T08:00:00Z"
    incident = {"nis2_significant": True, "detected_at": iso(detected), "updates": []}
    due = detected + 24 * 3600
    assert clocks(incident, due)["early_warning"]["state"] == "due"          # at the deadline: still in time
    assert clocks(incident, due + 1)["early_warning"]["state"] == "overdue"
    incident["updates"] = [{"kind": "early_warning", "at": iso(due + 60)}]
    late = clocks(incident, due + 120)["early_warning"]
    assert late["state"] == "met" and late["late"] is True and late["met_at"] == iso(due + 60)
    assert clocks({"nis2_significant": False}, due) is None


def test_the_sweep_stores_overdue_clocks_and_audits_them(portal, sofie):
    incident = new_incident(sofie)
    later = parse_iso(incident["detected_at"]) + 25 * 3600
    with portal.store() as store:
        changed = sweep_clocks(PortalContext(store=store, clock=lambda: later))
        assert incident["id"] in changed
        with store.read() as tx:
            stored = tx.get("incident", incident["id"])
            entries = tx.audit_query(entity="incident", entity_id=incident["id"], limit=50)
        assert stored["nis2"]["early_warning"]["state"] == "overdue"
        assert any(e["action"] == "incident.clocks" and e["detail"]["overdue"] == ["early_warning"]
                   for e in entries)
        assert incident["id"] not in sweep_clocks(PortalContext(store=store, clock=lambda: later))
