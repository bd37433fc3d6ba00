"""Issue 6 (portal): coordinated security warnings.

Draft, co-sign, send, revise, retract, expire; acknowledgements and who is
overdue; the recipients' view; CSAF export. Through a real portal process on
loopback (the `portal` fixture), plus a portal served in this process on a
loopback port with a clock the test moves (deadline and expiry boundaries),
plus the pure rules with explicit times.
"""

from __future__ import annotations

import json
import os
import re
import signal
import tempfile
import threading

import pyotp
import pytest
import requests

from portal.api import iso, parse_iso
from portal.csaf import validate_csaf
from portal.routes.warnings import is_expired, is_overdue, needs_cosign, red_violation, version_ok
from tests.portal_process import SECRETS, PortalProcess, free_port, wait_until

HOSTILE_TITLE = "<script>alert('x')</script> \" ' OR 1=1; -- DROP TABLE entities; 😀 Ærø ﷺ \u200fevil"
HOSTILE_BODY = (
    "<img src=x onerror=alert(document.cookie)>\n"
    "Robert'); DROP TABLE entities;--\n"
    "%s %(x)s {0} ${jndi:ldap://x/a} \\x00 \\u0000\n"
    "\tTabbed line; \r\nCRLF line; emoji 👩‍⚕️ combining e\u0301; zero width\u200bjoiner\n"
    "<a href=\"javascript:alert(1)\">click</a> &amp; &lt;b&gt;"
)


def base_body(**changes) -> dict:
    body = {
        "title": "Actively exploited VPN vulnerability",
        "summary": "Patch the VPN gateways now.",
        "body": "Attackers exploit the gateway.\nApply the vendor hotfix.",
        "severity": "medium",
        "tlp": "AMBER",
        "recipients": {"sectors": [], "regions": [], "org_ids": ["ORG-001", "ORG-002"]},
        "cves": ["CVE-2024-3400"],
        "ack_hours": 24,
    }
    body.update(changes)
    return body


def assert_error(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["code"] == code, body
    assert body["error"]["message"]
    return body["error"]["message"]


class Api:
    """Short calls against one portal as one user."""

    def __init__(self, portal, username):
        self.portal, self.username = portal, username
        self.s = portal.session(username)

    def url(self, path):
        return self.portal.api + path

    def post(self, path, json=None, **kw):
        return self.s.post(self.url(path), json=json, timeout=15, **kw)

    def patch(self, path, json=None, **kw):
        return self.s.patch(self.url(path), json=json, timeout=15, **kw)

    def get(self, path, **kw):
        return self.s.get(self.url(path), timeout=15, **kw)

    def delete(self, path, **kw):
        return self.s.delete(self.url(path), timeout=15, **kw)

    # -- steps that must succeed ------------------------------------------
    def create(self, **changes) -> dict:
        r = self.post("/warnings", base_body(**changes))
        assert r.status_code == 201, r.text
        return r.json()

    def warning(self, wid) -> dict:
        r = self.get(f"/warnings/{wid}")
        assert r.status_code == 200, r.text
        return r.json()

    def cosign(self, wid) -> dict:
        r = self.post(f"/warnings/{wid}/cosign")
        assert r.status_code == 201, r.text
        return r.json()

    def send(self, wid) -> dict:
        r = self.post(f"/warnings/{wid}/send")
        assert r.status_code == 201, r.text
        return r.json()

    def revise(self, wid, summary, **changes) -> dict:
        version = self.warning(wid)["version"]
        r = self.post(f"/warnings/{wid}/revisions",
                      {"summary": summary, "changes": changes, "expected_version": version})
        assert r.status_code == 201, r.text
        return r.json()

    def ack(self, wid, state, note="", org_id="ORG-001") -> dict:
        r = self.post(f"/warnings/{wid}/acks", {"org_id": org_id, "state": state, "note": note})
        assert r.status_code == 201, r.text
        return r.json()

    def report(self, wid) -> dict:
        r = self.get(f"/warnings/{wid}/acks")
        assert r.status_code == 200, r.text
        return r.json()

    def csaf(self, wid) -> dict:
        r = self.get(f"/warnings/{wid}/csaf")
        assert r.status_code == 200, r.text
        return r.json()


@pytest.fixture(scope="module")
def api(portal):
    return {name: Api(portal, name) for name in ("frida", "gustav", "ole", "admin", "anna")}


def sent_medium(api, **changes) -> dict:
    w = api["frida"].create(**changes)
    return api["frida"].send(w["id"])


def sent_critical(api, **changes) -> dict:
    w = api["frida"].create(severity="critical", **changes)
    api["gustav"].cosign(w["id"])
    return api["frida"].send(w["id"])


def feed(portal, username):
    return portal.all_changes(username)


# ---------------------------------------------------------------------------
# Pure rules with explicit times


def test_overdue_is_strictly_after_the_deadline():
    due = parse_iso("2026-03-01T12:00:00Z")
    assert is_overdue(False, due, due - 1) is False
    assert is_overdue(False, due, due) is False              # at exactly ack_due_at: still in time
    assert is_overdue(False, due, due + 0.001) is True
    assert is_overdue(False, due, due + 1) is True
    assert is_overdue(True, due, due + 86400) is False       # acknowledged: never overdue
    assert is_overdue(False, None, due + 1) is False         # nothing asked (a draft)
    for status in ("draft", "retracted", "expired"):
        assert is_overdue(False, due, due + 1, status) is False


def test_expiry_is_strictly_after_valid_until():
    until = parse_iso("2026-03-01T12:00:00Z")
    assert is_expired("sent", until, until) is False
    assert is_expired("sent", until, until + 0.5) is True
    assert is_expired("sent", None, until + 10**9) is False
    assert is_expired("draft", until, until + 1) is False
    assert is_expired("retracted", until, until + 1) is False


def test_cosign_red_and_version_rules():
    assert [needs_cosign(s) for s in ("low", "medium", "high", "critical")] == [False, False, True, True]
    assert needs_cosign("medium", "critical") is True    # a downgrade of a critical warning is co-signed
    assert needs_cosign("high", "low") is True
    assert needs_cosign("low", "medium") is False
    assert red_violation("RED", {"sectors": ["gp"], "regions": [], "org_ids": ["ORG-001"]})
    assert red_violation("RED", {"sectors": [], "regions": ["Capital Region"], "org_ids": []})
    assert not red_violation("RED", {"sectors": [], "regions": [], "org_ids": ["ORG-001"]})
    assert not red_violation("AMBER", {"sectors": ["gp"], "regions": [], "org_ids": []})
    assert version_ok(5, 7, 5) and version_ok(7, 7, 5) and version_ok(6, 7, 5)
    assert not version_ok(4, 7, 5) and not version_ok(8, 7, 5)
    assert version_ok(7, 7, None) and not version_ok(6, 7, None)


# ---------------------------------------------------------------------------
# Drafts and their validation


def test_create_gives_a_draft_with_computed_recipients(portal, api):
    frida = api["frida"]
    w = frida.create(recipients={"sectors": ["region"], "regions": ["Capital Region"], "org_ids": ["ORG-001"]})
    assert re.fullmatch(r"W-\d{4}-\d{3,}", w["id"]), w["id"]
    assert (w["status"], w["revision"], w["author_id"], w["cosigned_by"]) == ("draft", 0, "u-frida", None)
    assert w["acks"] == [] and w["revisions"] == [] and w["sent_at"] is None and w["ack_due_at"] is None
    orgs = {d["id"]: d for (kind, _), d in feed(portal, "frida").items() if kind == "organisation"}
    expected = sorted({"ORG-001"} | {o for o, d in orgs.items()
                                     if d["sector"] == "region" and d["region"] == "Capital Region"})
    assert len(expected) == 2 and w["addressed_org_ids"] == expected
    # Numbers rise.
    other = frida.create()
    assert int(other["id"].rsplit("-", 1)[1]) == int(w["id"].rsplit("-", 1)[1]) + 1


@pytest.mark.parametrize("changes, field", [
    ({"title": ""}, "title"),
    ({"title": "   "}, "title"),
    ({"title": "two\nlines"}, "title"),
    ({"summary": ""}, "summary"),
    ({"body": "x" * 50_001}, "body"),
    ({"body": "nul \x00 inside"}, "body"),
    ({"severity": "urgent"}, "severity"),
    ({"tlp": "WHITE"}, "tlp"),
    ({"recipients": {"sectors": ["hospitals"], "regions": [], "org_ids": []}}, "recipients.sectors"),
    ({"recipients": {"sectors": [], "regions": ["Region Hovedstaden"], "org_ids": []}}, "recipients.regions"),
    ({"recipients": {"sectors": [], "regions": [], "org_ids": ["ORG-999"]}}, "recipients.org_ids"),
    ({"recipients": {"sectors": [], "regions": [], "org_ids": []}}, "recipients"),
    ({"recipients": {"sectors": ["gp"], "cities": ["Odense"]}}, "recipients.cities"),
    ({"cves": ["CVE-24-1"]}, "cves.0"),
    ({"cves": ["CVE-2024-3400", "cve-2024-3400"]}, "cves.1"),
    ({"cves": ["CVE-1988-0001"]}, "cves.0"),
    ({"ack_hours": 0}, "ack_hours"),
    ({"ack_hours": 721}, "ack_hours"),
    ({"ack_hours": "24"}, "ack_hours"),
    ({"ack_hours": 1.5}, "ack_hours"),
    ({"valid_until": "2001-01-01T00:00:00Z"}, "valid_until"),
    ({"valid_until": "2999-01-01T00:00:00"}, "valid_until"),
    ({"valid_until": "next tuesday"}, "valid_until"),
    ({"colour": "red"}, "colour"),
])
def test_invalid_fields_are_refused_naming_the_field(api, changes, field):
    r = api["frida"].post("/warnings", base_body(**changes))
    message = assert_error(r, 422, "invalid_field")
    assert field in message, message


def test_missing_fields_and_unpaired_surrogates_are_refused(api):
    body = base_body()
    del body["title"]
    assert "title" in assert_error(api["frida"].post("/warnings", body), 422, "invalid_field")
    raw = json.dumps(base_body(body="PLACEHOLDER")).replace("PLACEHOLDER", "\\ud800 lone")
    r = api["frida"].s.post(api["frida"].url("/warnings"), data=raw.encode(),
                            headers={"Content-Type": "application/json"}, timeout=10)
    assert "body" in assert_error(r, 422, "invalid_field")


def test_valid_until_is_normalised_to_utc_and_limits_hold(api):
    w = api["frida"].create(valid_until="2999-06-01T14:30:00+02:00", body="x" * 50_000, ack_hours=720,
                            cves=["CVE-2024-3400", "CVE-2024-3400", "CVE-2021-44228"])
    assert w["valid_until"] == "2999-06-01T12:30:00Z"
    assert len(w["body"]) == 50_000 and w["ack_hours"] == 720
    assert w["cves"] == ["CVE-2024-3400", "CVE-2021-44228"]


def test_only_coordinators_change_warnings(portal, api):
    w = api["frida"].create()
    for name in ("anna", "admin", "ole"):
        assert_error(api[name].post("/warnings", base_body()), 403, "role_required")
        assert_error(api[name].post(f"/warnings/{w['id']}/cosign"), 403, "role_required")
        assert_error(api[name].post(f"/warnings/{w['id']}/send"), 403, "role_required")
        assert_error(api[name].get(f"/warnings/{w['id']}/csaf"), 403, "role_required")
    assert_error(requests.post(portal.api + "/warnings", json=base_body(), timeout=5), 401, "unauthorized")
    # Admin follows acknowledgements but approves nothing.
    assert api["admin"].get(f"/warnings/{w['id']}/acks").status_code == 200
    assert_error(api["anna"].get(f"/warnings/{w['id']}/acks"), 403, "role_required")


def test_refusal_order(portal, api):
    frida, anna = api["frida"], api["anna"]
    bad = {"title": "", "expected_version": 1}
    # 401 before anything else
    r = requests.patch(portal.api + "/warnings/W-1999-999", json=bad, timeout=5)
    assert_error(r, 401, "unauthorized")
    # 403 before 404
    assert_error(anna.patch("/warnings/W-1999-999", bad), 403, "role_required")
    # 404 before 422
    assert_error(frida.patch("/warnings/W-1999-999", bad), 404, "not_found")
    assert_error(frida.post("/warnings/W-1999-999/send", {"bogus": 1}), 404, "not_found")
    # 422 invalid_field before 409 not_open
    sent = sent_medium(api)
    assert_error(frida.patch(f"/warnings/{sent['id']}", {"title": "", "expected_version": sent["version"]}),
                 422, "invalid_field")
    # 409 not_open before 409 version_conflict
    assert_error(frida.patch(f"/warnings/{sent['id']}", {"title": "New", "expected_version": 999}),
                 409, "not_open")
    # RED before cosign_required (a critical RED draft to a sector, not co-signed)
    red = frida.create(severity="critical", tlp="RED",
                       recipients={"sectors": ["hospital"], "regions": [], "org_ids": []})
    assert_error(frida.post(f"/warnings/{red['id']}/send"), 422, "red_requires_named_recipients")
    fixed = frida.patch(f"/warnings/{red['id']}", {"recipients": {"org_ids": ["ORG-001"]},
                                                   "expected_version": red["version"]})
    assert fixed.status_code == 200, fixed.text
    assert_error(frida.post(f"/warnings/{red['id']}/send"), 409, "cosign_required")


# ---------------------------------------------------------------------------
# Editing, co-signing, sending


def test_edit_a_draft_and_version_conflict(api):
    frida = api["frida"]
    w = frida.create()
    r = frida.patch(f"/warnings/{w['id']}", {"title": "Sharper title", "cves": [],
                                             "expected_version": w["version"]})
    assert r.status_code == 200, r.text
    edited = r.json()
    assert edited["title"] == "Sharper title" and edited["cves"] == [] and edited["version"] == w["version"] + 1
    assert edited["summary"] == w["summary"]
    stale = frida.patch(f"/warnings/{w['id']}", {"title": "Lost update", "expected_version": w["version"]})
    assert_error(stale, 409, "version_conflict")
    assert frida.warning(w["id"])["title"] == "Sharper title"
    assert_error(frida.patch(f"/warnings/{w['id']}", {"expected_version": edited["version"]}),
                 422, "invalid_field")
    assert "expected_version" in assert_error(frida.patch(f"/warnings/{w['id']}", {"title": "No version"}),
                                              422, "invalid_field")


def test_author_cannot_cosign_and_nobody_cosigns_twice(api):
    frida, gustav = api["frida"], api["gustav"]
    w = frida.create(severity="high")
    assert_error(frida.post(f"/warnings/{w['id']}/cosign"), 409, "self_cosign")
    signed = gustav.cosign(w["id"])
    assert signed["cosigned_by"] == "u-gustav" and signed["cosigned_at"]
    assert_error(gustav.post(f"/warnings/{w['id']}/cosign"), 409, "not_open")
    assert_error(frida.post(f"/warnings/{w['id']}/cosign"), 409, "not_open")


def test_an_editor_cannot_cosign_what_they_wrote(api):
    frida, gustav = api["frida"], api["gustav"]
    w = frida.create(severity="critical")
    r = gustav.patch(f"/warnings/{w['id']}", {"body": "Gustav's wording.", "expected_version": w["version"]})
    assert r.status_code == 200, r.text
    assert set(r.json()["editors"]) == {"u-frida", "u-gustav"}
    assert_error(gustav.post(f"/warnings/{w['id']}/cosign"), 409, "self_cosign")
    assert_error(frida.post(f"/warnings/{w['id']}/cosign"), 409, "self_cosign")
    assert_error(frida.post(f"/warnings/{w['id']}/send"), 409, "cosign_required")


def test_an_edit_after_the_cosign_clears_it(api):
    frida, gustav = api["frida"], api["gustav"]
    w = frida.create(severity="critical")
    signed = gustav.cosign(w["id"])
    r = frida.patch(f"/warnings/{w['id']}", {"body": "Changed after the co-sign.",
                                             "expected_version": signed["version"]})
    assert r.status_code == 200, r.text
    assert r.json()["cosigned_by"] is None and r.json()["cosign_cleared"]["cosigned_by"] == "u-gustav"
    assert_error(frida.post(f"/warnings/{w['id']}/send"), 409, "cosign_required")
    # An edit that changes nothing keeps the co-sign.
    again = gustav.cosign(w["id"])
    same = frida.patch(f"/warnings/{w['id']}", {"body": "Changed after the co-sign.",
                                                "expected_version": again["version"]})
    assert same.status_code == 200 and same.json()["cosigned_by"] == "u-gustav"
    assert frida.send(w["id"])["status"] == "sent"


def test_cosign_with_a_stale_version_is_a_conflict(api):
    frida, gustav = api["frida"], api["gustav"]
    w = frida.create(severity="high")
    edited = frida.patch(f"/warnings/{w['id']}", {"summary": "Reworded.", "expected_version": w["version"]}).json()
    assert_error(gustav.post(f"/warnings/{w['id']}/cosign", {"expected_version": w["version"]}),
                 409, "version_conflict")
    r = gustav.post(f"/warnings/{w['id']}/cosign", {"expected_version": edited["version"]})
    assert r.status_code == 201, r.text


@pytest.mark.parametrize("severity, needs", [("low", False), ("medium", False), ("high", True), ("critical", True)])
def test_cosign_required_for_high_and_critical(api, severity, needs):
    frida, gustav = api["frida"], api["gustav"]
    w = frida.create(severity=severity)
    r = frida.post(f"/warnings/{w['id']}/send")
    if needs:
        assert_error(r, 409, "cosign_required")
        assert frida.warning(w["id"])["status"] == "draft"
        gustav.cosign(w["id"])
        r = frida.post(f"/warnings/{w['id']}/send")
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "sent"


def test_send_sets_revision_deadline_and_history(api):
    frida = api["frida"]
    w = frida.create(ack_hours=36)
    sent = frida.send(w["id"])
    assert sent["status"] == "sent" and sent["revision"] == 1 and sent["sent_at"].endswith("Z")
    assert parse_iso(sent["ack_due_at"]) - parse_iso(sent["sent_at"]) == 36 * 3600
    assert sent["revisions"] == [{"number": 1, "at": sent["sent_at"], "summary": "Initial release",
                                  "by": "u-frida", "cosigned_by": None}]
    assert sent["sent_by"] == "u-frida"
    assert_error(frida.post(f"/warnings/{w['id']}/send"), 409, "not_open")
    assert_error(frida.post(f"/warnings/{w['id']}/cosign"), 409, "not_open")
    assert_error(frida.patch(f"/warnings/{w['id']}", {"title": "x", "expected_version": sent["version"]}),
                 409, "not_open")


@pytest.mark.parametrize("recipients, refused", [
    ({"sectors": ["hospital"], "regions": [], "org_ids": []}, True),
    ({"sectors": [], "regions": ["Region Zealand"], "org_ids": []}, True),
    ({"sectors": ["gp"], "regions": [], "org_ids": ["ORG-001"]}, True),
    ({"sectors": [], "regions": [], "org_ids": ["ORG-001", "ORG-003"]}, False),
])
def test_red_goes_to_named_organisations_only(api, recipients, refused):
    w = api["frida"].create(tlp="RED", recipients=recipients)
    r = api["frida"].post(f"/warnings/{w['id']}/send")
    if refused:
        assert_error(r, 422, "red_requires_named_recipients")
        assert api["frida"].warning(w["id"])["status"] == "draft"
    else:
        assert r.status_code == 201 and r.json()["addressed_org_ids"] == ["ORG-001", "ORG-003"]


def test_send_is_idempotent_with_a_key(api):
    frida = api["frida"]
    w = frida.create()
    key = {"Idempotency-Key": f"send-{w['id']}"}
    first = frida.post(f"/warnings/{w['id']}/send", headers=key)
    second = frida.post(f"/warnings/{w['id']}/send", headers=key)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json() and second.json()["revision"] == 1
    assert frida.warning(w["id"])["revisions"] == first.json()["revisions"]
    assert_error(frida.post(f"/warnings/{w['id']}/send", headers=key, json={"expected_version": 1}),
                 422, "idempotency_key_reused")


# ---------------------------------------------------------------------------
# Acknowledgements


def test_acks_only_by_recipients_of_their_own_organisation(api):
    frida, ole = api["frida"], api["ole"]
    to_ole = sent_medium(api)
    to_gps = sent_medium(api, recipients={"sectors": ["gp"], "regions": [], "org_ids": []})
    draft = frida.create()
    assert "ORG-001" not in to_gps["addressed_org_ids"] and "ORG-001" in draft["addressed_org_ids"]
    body = {"org_id": "ORG-001", "state": "received", "note": ""}
    assert_error(ole.post(f"/warnings/{to_gps['id']}/acks", body), 403, "not_a_recipient")
    assert_error(ole.post(f"/warnings/{draft['id']}/acks", body), 403, "not_a_recipient")
    assert_error(ole.post(f"/warnings/{to_ole['id']}/acks", dict(body, org_id="ORG-002")), 403, "not_a_recipient")
    for name in ("frida", "gustav", "admin", "anna"):
        assert_error(api[name].post(f"/warnings/{to_ole['id']}/acks", dict(body, org_id="ORG-002")),
                     403, "role_required")
    assert_error(ole.post("/warnings/W-1999-999/acks", body), 404, "not_found")
    assert_error(ole.post(f"/warnings/{to_ole['id']}/acks", dict(body, state="done")), 422, "invalid_field")
    assert_error(ole.get(f"/warnings/{to_gps['id']}"), 403, "not_a_recipient")
    assert frida.report(to_ole["id"])["counts"]["acknowledged"] == 0
    ack = ole.ack(to_ole["id"], "not_affected", "Not in use here.")
    assert (ack["id"], ack["org_id"], ack["state"], ack["revision"], ack["by"]) == \
        (f"{to_ole['id']}:ORG-001", "ORG-001", "not_affected", 1, "u-ole")


def test_a_later_ack_updates_the_state_and_keeps_the_history(api):
    frida, ole = api["frida"], api["ole"]
    w = sent_medium(api)
    first = ole.ack(w["id"], "received", "Forwarded to IT.")
    second = ole.ack(w["id"], "mitigated", "Patched.")
    assert second["state"] == "mitigated" and second["first_at"] == first["at"]
    assert [(h["state"], h["note"], h["revision"]) for h in second["history"]] == \
        [("received", "Forwarded to IT.", 1), ("mitigated", "Patched.", 1)]
    stored = frida.warning(w["id"])
    mine = [a for a in stored["acks"] if a["org_id"] == "ORG-001"]
    assert len(mine) == 1 and mine[0]["state"] == "mitigated" and mine[0]["revision"] == 1
    row = next(r for r in frida.report(w["id"])["recipients"] if r["org_id"] == "ORG-001")
    assert row["state"] == "mitigated" and row["overdue"] is False
    assert row["time_to_ack_seconds"] == int(parse_iso(first["at"]) - parse_iso(w["sent_at"]))


def test_ack_report_lists_every_addressed_organisation(api):
    frida = api["frida"]
    w = sent_medium(api, recipients={"sectors": ["region"], "regions": [], "org_ids": ["ORG-001"]})
    api["ole"].ack(w["id"], "received")
    report = frida.report(w["id"])
    assert [r["org_id"] for r in report["recipients"]] == w["addressed_org_ids"]
    assert len(report["recipients"]) == 6
    assert report["counts"] == {"addressed": 6, "acknowledged": 1, "pending": 5, "overdue": 0, "late": 0}
    regions = [r for r in report["recipients"] if r["org_id"] != "ORG-001"]
    assert all(r["sector"] == "region" and r["name"] == r["region"] for r in regions)
    assert all(r["state"] is None and r["at"] is None and r["time_to_ack_seconds"] is None for r in regions)
    ole_row = report["recipients"][0]
    assert (ole_row["name"], ole_row["sector"], ole_row["region"], ole_row["state"], ole_row["revision"]) == \
        ("Odense University Hospital", "hospital", "Region of Southern Denmark", "received", 1)
    assert_error(frida.get("/warnings/W-1999-999/acks"), 404, "not_found")


def test_overdue_on_a_real_portal(api):
    """A demo warning sent weeks ago: everyone who has not acknowledged is overdue, the others are not."""
    frida = api["frida"]
    report = frida.report("W-2026-002")
    assert report["status"] == "sent" and parse_iso(report["now"]) > parse_iso(report["ack_due_at"])
    rows = report["recipients"]
    assert any(r["overdue"] for r in rows) and any(r["state"] for r in rows)
    for r in rows:
        assert r["overdue"] == (r["state"] is None), r
    assert report["counts"]["overdue"] == sum(r["state"] is None for r in rows)
    fresh = frida.report(sent_medium(api)["id"])
    assert fresh["counts"]["overdue"] == 0 and parse_iso(fresh["now"]) < parse_iso(fresh["ack_due_at"])


# ---------------------------------------------------------------------------
# The whole life of a critical warning, and what the recipient sees


def test_life_of_a_critical_warning(portal, api):
    frida, gustav, ole = api["frida"], api["gustav"], api["ole"]
    draft = frida.create(severity="critical", title="Critical gateway flaw",
                         recipients={"sectors": [], "regions": [], "org_ids": ["ORG-001", "ORG-002", "ORG-003"]})
    wid = draft["id"]
    # Not visible to the recipient while a draft.
    assert ("warning", wid) not in feed(portal, "ole")
    assert_error(frida.post(f"/warnings/{wid}/send"), 409, "cosign_required")
    gustav.cosign(wid)
    sent = frida.send(wid)
    assert (sent["status"], sent["revision"], sent["cosigned_by"]) == ("sent", 1, "u-gustav")
    seen = feed(portal, "ole")[("warning", wid)]
    assert seen["status"] == "sent" and seen["title"] == "Critical gateway flaw" and seen["acks"] == []

    ole.ack(wid, "received", "Looking into it.")
    ole.ack(wid, "mitigated", "Hotfix applied.")
    row = next(r for r in frida.report(wid)["recipients"] if r["org_id"] == "ORG-001")
    assert (row["state"], row["revision"]) == ("mitigated", 1)

    # Revision 2: prepared, invisible to the recipient until sent, co-signed afresh.
    revised = frida.revise(wid, "Added indicators of compromise", body="New IoCs: 203.0.113.7")
    assert revised["status"] == "sent" and revised["revision"] == 1
    assert revised["pending_revision"]["number"] == 2 and revised["pending_revision"]["content"]["body"] \
        == "New IoCs: 203.0.113.7"
    assert revised["body"] == sent["body"]
    seen = feed(portal, "ole")[("warning", wid)]
    assert "pending_revision" not in seen and seen["body"] == sent["body"]
    assert "pending_revision" not in ole.warning(wid)
    assert_error(frida.post(f"/warnings/{wid}/send"), 409, "cosign_required")
    assert_error(frida.post(f"/warnings/{wid}/cosign"), 409, "self_cosign")
    gustav.cosign(wid)
    resent = frida.send(wid)
    assert resent["revision"] == 2 and resent["body"] == "New IoCs: 203.0.113.7" and resent["pending_revision"] is None
    assert [r["number"] for r in resent["revisions"]] == [1, 2]
    assert resent["revisions"][1]["summary"] == "Added indicators of compromise"
    assert parse_iso(resent["ack_due_at"]) == parse_iso(resent["revisions"][1]["at"]) + 24 * 3600
    assert resent["sent_at"] == sent["sent_at"]

    # Ole must acknowledge the new revision.
    row = next(r for r in frida.report(wid)["recipients"] if r["org_id"] == "ORG-001")
    assert row["state"] is None and row["revision"] == 2
    assert row["earlier"] == {"revision": 1, "state": "mitigated", "at": row["earlier"]["at"]}
    seen = feed(portal, "ole")[("warning", wid)]
    assert seen["revision"] == 2 and seen["body"] == "New IoCs: 203.0.113.7"
    ack = ole.ack(wid, "mitigated", "IoCs checked, none found.")
    assert ack["revision"] == 2 and len(ack["history"]) == 3
    report = frida.report(wid)
    assert report["counts"]["acknowledged"] == 1 and report["revision"] == 2
    stored_acks = frida.warning(wid)["acks"]
    assert sorted((a["org_id"], a["revision"], a["state"]) for a in stored_acks) == \
        [("ORG-001", 1, "mitigated"), ("ORG-001", 2, "mitigated")]
    doc = frida.csaf(wid)
    assert validate_csaf(doc) == [] and doc["document"]["tracking"]["version"] == "2"
    assert [h["summary"] for h in doc["document"]["tracking"]["revision_history"]] == [
        "Initial release", "Added indicators of compromise"]


def test_the_recipient_sees_only_sent_warnings_to_his_organisation_and_his_own_acks(portal, api):
    frida = api["frida"]
    mine = sent_medium(api)                       # ORG-001 and ORG-002
    others = sent_medium(api, recipients={"sectors": ["gp"], "regions": [], "org_ids": []})
    draft = frida.create()
    # The demo has no recipient user for ORG-002: its acknowledgement is recorded the way the
    # simulator records one, by another writer on the portal's database.
    from portal.routes.warnings import record_ack
    with portal.store() as store, store.write() as tx:
        record_ack(tx, tx.get("warning", mine["id"]), "ORG-002", "received", "theirs", None, mine["sent_at"])
    api["ole"].ack(mine["id"], "received", "ours")
    state = feed(portal, "ole")
    assert set(k for k, _ in state) <= {"warning", "organisation", "acknowledgement"}
    warnings = {i: d for (k, i), d in state.items() if k == "warning"}
    assert mine["id"] in warnings and others["id"] not in warnings and draft["id"] not in warnings
    assert all(w["status"] != "draft" for w in warnings.values())
    assert [(a["org_id"], a["note"]) for a in warnings[mine["id"]]["acks"]] == [("ORG-001", "ours")]
    assert all(a["org_id"] == "ORG-001" for w in warnings.values() for a in w["acks"])
    assert all("addressed_org_ids" not in w and "pending_revision" not in w for w in warnings.values())
    acks = [d for (k, _), d in state.items() if k == "acknowledgement"]
    assert acks and all(a["org_id"] == "ORG-001" for a in acks)
    coordinator = feed(portal, "frida")
    assert coordinator[("acknowledgement", f"{mine['id']}:ORG-002")]["note"] == "theirs"
    assert {a["org_id"] for a in coordinator[("warning", mine["id"])]["acks"]} == {"ORG-001", "ORG-002"}


# ---------------------------------------------------------------------------
# Revisions


def test_revision_rules(api):
    frida = api["frida"]
    draft = frida.create()
    assert_error(frida.post(f"/warnings/{draft['id']}/revisions",
                            {"summary": "x", "changes": {}, "expected_version": draft["version"]}), 409, "not_open")
    w = sent_medium(api, severity="low")
    base = {"summary": "Wider reach", "changes": {}, "expected_version": w["version"]}
    assert_error(frida.post(f"/warnings/{w['id']}/revisions", dict(base, summary=" ")), 422, "invalid_field")
    assert_error(frida.post(f"/warnings/{w['id']}/revisions", dict(base, expected_version=w["version"] - 1)),
                 409, "version_conflict")
    assert "recipients" in assert_error(frida.post(f"/warnings/{w['id']}/revisions", dict(
        base, changes={"recipients": {"org_ids": ["ORG-001"]}})), 422, "invalid_field")
    assert_error(frida.post(f"/warnings/{w['id']}/revisions", dict(base, changes={"title": ""})),
                 422, "invalid_field")
    r = frida.post(f"/warnings/{w['id']}/revisions",
                   dict(base, changes={"recipients": {"org_ids": ["ORG-001", "ORG-002", "ORG-003"]}}))
    assert r.status_code == 201, r.text
    pending = r.json()["pending_revision"]
    assert pending["addressed_org_ids"] == ["ORG-001", "ORG-002", "ORG-003"] and r.json()["addressed_org_ids"] == [
        "ORG-001", "ORG-002"]
    assert_error(frida.post(f"/warnings/{w['id']}/revisions", dict(base, expected_version=r.json()["version"])),
                 409, "not_open")
    # The pending revision is edited with PATCH, like a draft.
    p = frida.patch(f"/warnings/{w['id']}", {"ack_hours": 4, "revision_summary": "Wider reach, shorter deadline",
                                            "expected_version": r.json()["version"]})
    assert p.status_code == 200, p.text
    assert p.json()["pending_revision"]["content"]["ack_hours"] == 4 and p.json()["ack_hours"] == 24
    # A low warning's revision needs no co-sign.
    sent = frida.send(w["id"])
    assert sent["revision"] == 2 and sent["addressed_org_ids"] == ["ORG-001", "ORG-002", "ORG-003"]
    assert sent["revisions"][-1]["summary"] == "Wider reach, shorter deadline" and sent["ack_hours"] == 4
    assert parse_iso(sent["ack_due_at"]) == parse_iso(sent["revisions"][-1]["at"]) + 4 * 3600
    # revision_summary only belongs to a pending revision.
    d = frida.create()
    assert_error(frida.patch(f"/warnings/{d['id']}", {"revision_summary": "x", "expected_version": d["version"]}),
                 422, "invalid_field")


def test_a_critical_warning_cannot_be_downgraded_alone(api):
    frida, gustav = api["frida"], api["gustav"]
    w = sent_critical(api)
    frida.revise(w["id"], "Downgraded", severity="medium", body="Quietly changed.")
    assert_error(frida.post(f"/warnings/{w['id']}/send"), 409, "cosign_required")
    gustav.cosign(w["id"])
    assert frida.send(w["id"])["severity"] == "medium"
    # A medium warning becoming high needs one too.
    m = sent_medium(api)
    frida.revise(m["id"], "Escalated", severity="high")
    assert_error(frida.post(f"/warnings/{m['id']}/send"), 409, "cosign_required")


def test_a_pending_revision_can_be_discarded(api):
    frida = api["frida"]
    w = sent_medium(api)
    frida.revise(w["id"], "Not needed after all", title="Other title")
    r = frida.delete(f"/warnings/{w['id']}/revisions/pending")
    assert r.status_code == 200 and r.json()["pending_revision"] is None and r.json()["title"] == w["title"]
    assert_error(frida.delete(f"/warnings/{w['id']}/revisions/pending"), 409, "not_open")
    assert frida.warning(w["id"])["revision"] == 1


def test_acks_during_a_pending_revision_do_not_conflict_with_its_edits(api):
    frida, ole = api["frida"], api["ole"]
    w = sent_medium(api)
    prepared = frida.revise(w["id"], "Clarified")
    ole.ack(w["id"], "received")                        # bumps the stored version
    assert frida.warning(w["id"])["version"] == prepared["version"] + 1
    r = frida.patch(f"/warnings/{w['id']}", {"summary": "Clarified summary", "expected_version": prepared["version"]})
    assert r.status_code == 200, r.text
    assert_error(frida.patch(f"/warnings/{w['id']}", {"summary": "Stale", "expected_version": prepared["version"]}),
                 409, "version_conflict")


# ---------------------------------------------------------------------------
# Retraction


def test_retraction(portal, api):
    frida, ole = api["frida"], api["ole"]
    w = sent_medium(api)
    frida.revise(w["id"], "Pending, dropped by the retraction", title="Never sent")
    draft = frida.create()
    assert_error(frida.post(f"/warnings/{draft['id']}/retract", {"reason": ""}), 409, "not_open")
    assert_error(frida.post(f"/warnings/{w['id']}/retract", {"reason": "   "}), 422, "comment_required")
    assert_error(frida.post(f"/warnings/{w['id']}/retract"), 422, "comment_required")
    assert_error(frida.post(f"/warnings/{w['id']}/retract", {"reason": 5}), 422, "invalid_field")
    assert_error(ole.post(f"/warnings/{w['id']}/retract", {"reason": "x"}), 403, "role_required")
    r = frida.post(f"/warnings/{w['id']}/retract", {"reason": "Sent to the wrong sector."})
    assert r.status_code == 201, r.text
    done = r.json()
    assert (done["status"], done["retracted_reason"], done["revision"], done["pending_revision"]) == \
        ("retracted", "Sent to the wrong sector.", 2, None)
    assert done["title"] == w["title"] and done["revisions"][-1]["summary"] == "Retracted: Sent to the wrong sector."
    assert_error(frida.post(f"/warnings/{w['id']}/retract", {"reason": "again"}), 409, "not_open")
    assert_error(ole.post(f"/warnings/{w['id']}/acks", {"org_id": "ORG-001", "state": "received", "note": ""}),
                 409, "not_open")
    seen = feed(portal, "ole")[("warning", w["id"])]
    assert seen["status"] == "retracted" and seen["retracted_reason"] == "Sent to the wrong sector."
    report = frida.report(w["id"])
    assert report["counts"]["overdue"] == 0 and report["revision"] == 1
    doc = frida.csaf(w["id"])
    assert validate_csaf(doc) == [] and doc["document"]["tracking"]["version"] == "2"
    assert any(n["title"] == "Retracted" and "Sent to the wrong sector." in n["text"] for n in doc["document"]["notes"])


# ---------------------------------------------------------------------------
# CSAF


@pytest.mark.parametrize("tlp, label", [("CLEAR", "WHITE"), ("GREEN", "GREEN"), ("AMBER", "AMBER"),
                                        ("AMBER+STRICT", "AMBER"), ("RED", "RED")])
def test_csaf_for_every_tlp_validates(api, tlp, label):
    w = sent_medium(api, tlp=tlp)
    doc = api["frida"].csaf(w["id"])
    assert validate_csaf(doc) == []
    assert doc["document"]["distribution"]["tlp"]["label"] == label
    assert doc["document"]["tracking"]["id"] == w["id"] and doc["document"]["tracking"]["status"] == "final"
    assert [v["cve"] for v in doc["vulnerabilities"]] == ["CVE-2024-3400"]
    if tlp == "AMBER+STRICT":
        assert any("AMBER+STRICT" in n["text"] for n in doc["document"]["notes"])


@pytest.mark.parametrize("revisions", [1, 2, 3])
def test_csaf_for_one_two_three_revisions_validates(api, revisions):
    frida = api["frida"]
    w = sent_medium(api, cves=[])
    for n in range(2, revisions + 1):
        frida.revise(w["id"], f"Update {n}", body=f"Body of revision {n}")
        frida.send(w["id"])
    doc = frida.csaf(w["id"])
    assert validate_csaf(doc) == []
    tracking = doc["document"]["tracking"]
    assert tracking["version"] == str(revisions)
    assert [h["number"] for h in tracking["revision_history"]] == [str(n) for n in range(1, revisions + 1)]
    assert "vulnerabilities" not in doc


def test_csaf_for_drafts_and_demo_warnings_validates_and_404(api):
    frida = api["frida"]
    draft = frida.csaf(frida.create()["id"])
    assert validate_csaf(draft) == [] and draft["document"]["tracking"]["status"] == "draft"
    for n in range(1, 13):
        doc = frida.csaf(f"W-2026-{n:03d}")
        assert validate_csaf(doc) == [], n
    assert_error(frida.get("/warnings/W-1999-999/csaf"), 404, "not_found")


# ---------------------------------------------------------------------------
# Hostile text and the audit


def test_hostile_text_is_stored_and_returned_exactly(portal, api):
    frida, ole = api["frida"], api["ole"]
    w = frida.create(title=HOSTILE_TITLE, summary=HOSTILE_BODY, body=HOSTILE_BODY)
    assert (w["title"], w["summary"], w["body"]) == (HOSTILE_TITLE, HOSTILE_BODY, HOSTILE_BODY)
    sent = frida.send(w["id"])
    assert sent["body"] == HOSTILE_BODY
    ack = ole.ack(w["id"], "received", HOSTILE_BODY)
    assert ack["note"] == HOSTILE_BODY
    seen = feed(portal, "ole")[("warning", w["id"])]
    assert (seen["title"], seen["body"], seen["acks"][0]["note"]) == (HOSTILE_TITLE, HOSTILE_BODY, HOSTILE_BODY)
    assert frida.warning(w["id"])["title"] == HOSTILE_TITLE
    doc = frida.csaf(w["id"])
    assert validate_csaf(doc) == [] and doc["document"]["title"] == HOSTILE_TITLE
    assert any(n["text"] == HOSTILE_BODY for n in doc["document"]["notes"])
    r = frida.post(f"/warnings/{w['id']}/retract", {"reason": HOSTILE_TITLE})
    assert r.status_code == 201 and r.json()["retracted_reason"] == HOSTILE_TITLE
    # The store still works after all that.
    assert len(feed(portal, "frida")) > 100


def test_changes_and_refusals_are_audited(api):
    frida, gustav, ole = api["frida"], api["gustav"], api["ole"]
    w = frida.create(severity="high")
    frida.post(f"/warnings/{w['id']}/cosign")                # refused: self_cosign
    frida.post(f"/warnings/{w['id']}/send")                  # refused: cosign_required
    gustav.cosign(w["id"])
    frida.send(w["id"])
    ole.ack(w["id"], "received")
    entries = frida.get("/audit", params={"entity": "warning", "id": w["id"]}).json()["entries"]
    seen = [(e["action"], e["outcome"], e["detail"].get("code")) for e in entries]
    assert seen == [("warning.create", "ok", None), ("warning.cosign", "refused", "self_cosign"),
                    ("warning.send", "refused", "cosign_required"), ("warning.cosign", "ok", None),
                    ("warning.send", "ok", None), ("warning.ack", "ok", None)]
    assert [e["actor_id"] for e in entries] == ["u-frida", "u-frida", "u-frida", "u-gustav", "u-frida", "u-ole"]
    verify = api["admin"].get("/audit/verify").json()
    assert verify["ok"] is True


# ---------------------------------------------------------------------------
# Deadlines and expiry with a clock the test moves: the portal app served in
# this process on a loopback port, the same routes and store.


class ClockedPortal:
    def __init__(self):
        import uvicorn

        from portal.server import build
        self._tmp = tempfile.TemporaryDirectory(prefix="portal-clock-")
        self.now = float(int(__import__("time").time()))
        app = build(os.path.join(self._tmp.name, "portal.db"), demo=True)
        self.ctx = app.state.ctx
        self.ctx.clock = lambda: self.now
        self.port = free_port()
        self.api = f"http://127.0.0.1:{self.port}/api/v1"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                    access_log=False))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        wait_until(lambda: self.server.started, timeout=30, message="the in-process portal to start")
        self.sessions = {}

    def session(self, username) -> requests.Session:
        if username not in self.sessions:
            r = requests.post(self.api + "/session", timeout=10, json={
                "username": username, "password": "demo", "totp": pyotp.TOTP(SECRETS[username]).at(self.now)})
            assert r.status_code == 201, r.text
            s = requests.Session()
            s.headers["Authorization"] = "Bearer " + r.json()["token"]
            self.sessions[username] = s
        return self.sessions[username]

    def close(self):
        self.server.should_exit = True
        self.thread.join(15)
        self._tmp.cleanup()


@pytest.fixture(scope="module")
def clocked():
    p = ClockedPortal()
    yield p
    p.close()


def test_overdue_at_the_deadline_boundary_end_to_end(clocked):
    frida = clocked.session("frida")
    ole = clocked.session("ole")
    w = frida.post(clocked.api + "/warnings", json=base_body(ack_hours=1), timeout=10).json()
    sent = frida.post(clocked.api + f"/warnings/{w['id']}/send", timeout=10).json()
    due = parse_iso(sent["ack_due_at"])
    assert due == parse_iso(sent["sent_at"]) + 3600

    def rows():
        report = frida.get(clocked.api + f"/warnings/{w['id']}/acks", timeout=10).json()
        return {r["org_id"]: r for r in report["recipients"]}, report

    clocked.now = due                                     # exactly at the deadline: in time
    by_org, report = rows()
    assert report["now"] == sent["ack_due_at"]
    assert by_org["ORG-001"]["overdue"] is False and by_org["ORG-002"]["overdue"] is False
    r = ole.post(clocked.api + f"/warnings/{w['id']}/acks", json={"org_id": "ORG-001", "state": "received",
                                                                   "note": ""}, timeout=10)
    assert r.status_code == 201, r.text
    clocked.now = due + 1                                 # one second later: overdue unless acknowledged
    by_org, report = rows()
    assert by_org["ORG-001"]["overdue"] is False and by_org["ORG-001"]["late"] is False
    assert by_org["ORG-001"]["time_to_ack_seconds"] == 3600
    assert by_org["ORG-002"]["overdue"] is True and report["counts"]["overdue"] == 1
    # A late acknowledgement ends the overdue state and is marked late.
    clocked.now = due + 7200
    r = ole.post(clocked.api + f"/warnings/{w['id']}/acks", json={"org_id": "ORG-001", "state": "mitigated",
                                                                   "note": ""}, timeout=10)
    assert r.status_code == 201 and r.json()["first_at"] == sent["ack_due_at"]


def test_expiry_at_valid_until_end_to_end(clocked):
    frida = clocked.session("frida")
    ole = clocked.session("ole")
    until = clocked.now + 2 * 3600
    w = frida.post(clocked.api + "/warnings", json=base_body(valid_until=iso(until)), timeout=10).json()
    assert w["valid_until"] == iso(until)
    sent = frida.post(clocked.api + f"/warnings/{w['id']}/send", timeout=10).json()
    assert sent["status"] == "sent"
    clocked.now = until                                   # valid until then, inclusive
    assert frida.get(clocked.api + f"/warnings/{w['id']}", timeout=10).json()["status"] == "sent"
    clocked.now = until + 1
    got = frida.get(clocked.api + f"/warnings/{w['id']}", timeout=10).json()
    assert got["status"] == "expired" and got["expired_at"] == iso(until + 1)
    # The stored state changed (the feed says so), the expiry is audited, acks are closed.
    with clocked.ctx.store.read() as tx:
        assert tx.get("warning", w["id"])["status"] == "expired"
        entries = tx.audit_query(entity="warning", entity_id=w["id"], action="warning.expire")
    assert len(entries) == 1 and entries[0]["actor_id"] is None
    r = ole.post(clocked.api + f"/warnings/{w['id']}/acks", json={"org_id": "ORG-001", "state": "received",
                                                                   "note": ""}, timeout=10)
    assert_error(r, 409, "not_open")
    assert_error(frida.post(clocked.api + f"/warnings/{w['id']}/retract", json={"reason": "x"}, timeout=10),
                 409, "not_open")
    doc = frida.get(clocked.api + f"/warnings/{w['id']}/csaf", timeout=10).json()
    assert validate_csaf(doc) == [] and any(n["title"] == "Expired" for n in doc["document"]["notes"])
    # A draft whose valid_until passed is refused at sending.
    d = frida.post(clocked.api + "/warnings", json=base_body(valid_until=iso(clocked.now + 60)), timeout=10).json()
    clocked.now += 61
    assert "valid_until" in assert_error(frida.post(clocked.api + f"/warnings/{d['id']}/send", timeout=10),
                                         422, "invalid_field")


def test_the_expiry_sweep_needs_no_call(clocked):
    from portal.routes.warnings import expire_due
    frida = clocked.session("frida")
    w = frida.post(clocked.api + "/warnings", json=base_body(valid_until=iso(clocked.now + 600)), timeout=10).json()
    frida.post(clocked.api + f"/warnings/{w['id']}/send", timeout=10)
    assert expire_due(clocked.ctx) == []
    clocked.now += 601
    assert expire_due(clocked.ctx) == [w["id"]]
    assert expire_due(clocked.ctx) == []


# ---------------------------------------------------------------------------
# The acknowledgement simulator


def test_simulator_ticks_are_bounded_and_leave_ole_alone(clocked):
    from portal.simulator import AckSimulator
    frida = clocked.session("frida")
    w = frida.post(clocked.api + "/warnings", json=base_body(
        recipients={"sectors": ["hospital"], "regions": [], "org_ids": []}), timeout=10).json()
    sent = frida.post(clocked.api + f"/warnings/{w['id']}/send", timeout=10).json()
    sim = AckSimulator(clocked.ctx, max_per_tick=3)
    start = parse_iso(sent["sent_at"])
    plans = {o: sim.plan(w["id"], 1, o, 24) for o in sent["addressed_org_ids"]}
    assert plans == {o: sim.plan(w["id"], 1, o, 24) for o in sent["addressed_org_ids"]}   # stable
    kinds = {p.kind for o, p in plans.items() if o != "ORG-001"}
    assert {"prompt", "never"} <= kinds
    ours = []
    for step in range(200):                               # two days in ten-minute steps
        now = start + step * 600
        done = sim.tick(now)
        assert len(done) <= 3
        ours += [(wid, org, now) for wid, org, _ in done if wid == w["id"]]
    with clocked.ctx.store.read() as tx:
        stored = tx.get("warning", w["id"])
    acked = {a["org_id"] for a in stored["acks"]}
    assert "ORG-001" not in acked
    expected = {o for o, p in plans.items() if p.kind != "never" and o != "ORG-001"}
    assert acked == expected
    due = parse_iso(stored["ack_due_at"])
    for org_id in acked:
        entry = next(a for a in stored["acks"] if a["org_id"] == org_id)
        assert (parse_iso(entry["first_at"]) > due) == (plans[org_id].kind == "late"), org_id


def test_simulator_runs_in_the_portal_process_and_stops_with_it():
    p = PortalProcess(args=["--simulate"]).start()
    try:
        frida = p.session("frida")

        def simulated():
            entries = frida.get(p.api + "/audit", params={"action": "warning.ack", "limit": 5000},
                                timeout=10).json()["entries"]
            return [e for e in entries if (e["actor_id"] or "").startswith("simulated:")]

        entries = wait_until(lambda: len(simulated()) >= 6 and simulated(), timeout=60,
                             message="simulated acknowledgements")
        assert all(e["actor_id"] != "simulated:ORG-001" for e in entries)
        per_moment = {}
        for e in entries:
            per_moment[e["at"]] = per_moment.get(e["at"], 0) + 1
        assert max(per_moment.values()) <= 3
        state = p.all_changes("frida")
        assert not any(a.get("org_id") == "ORG-001" and a.get("by") is None and a.get("history")
                       for (k, _), a in state.items() if k == "acknowledgement")
        # A graceful stop: the server re-raises SIGTERM after its shutdown, so the code is 0 or -SIGTERM.
        p.proc.send_signal(signal.SIGTERM)
        assert p.proc.wait(15) in (0, -signal.SIGTERM)
    finally:
        p.close()


def test_simulator_thread_stops_when_the_portal_shuts_down():
    import uvicorn

    from portal.server import build
    with tempfile.TemporaryDirectory(prefix="portal-sim-") as tmp:
        app = build(os.path.join(tmp, "portal.db"), demo=True, simulate=True)
        simulator = app.state.ctx.extra["ack_simulator"]
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        wait_until(lambda: server.started, timeout=30, message="the in-process portal to start")
        assert simulator._thread.is_alive()
        server.should_exit = True
        thread.join(15)
        assert not thread.is_alive() and not simulator._thread.is_alive()
