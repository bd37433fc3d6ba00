"""Issue 18 (portal): users and roles change only with two administrators.

The matrix of administrator requests (requester, another administrator, the target,
a non-administrator; each kind), a grant of admin needing two, expiry, the baseline of
two administrators, break-glass grants ratified and not, deactivation killing sessions,
and enrolment with a one-time code — through a real portal process, on both backends.
"""

from __future__ import annotations

import time
import urllib.parse

import pyotp
import requests

from portal import entities
from portal.api import iso
from tests.portal_process import wait_until


def assert_error(response, status, code):
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code, response.text
    assert response.json()["error"]["message"]


def ask(portal, who, kind, target, justification="Needed for the spring intake."):
    return portal.session(who).post(f"{portal.api}/admin/requests", timeout=30,
                                    json={"kind": kind, "target": target, "justification": justification})


def approve(portal, who, request_id):
    return portal.session(who).post(f"{portal.api}/admin/requests/{request_id}/approve", json={}, timeout=30)


def reject(portal, who, request_id, comment):
    return portal.session(who).post(f"{portal.api}/admin/requests/{request_id}/reject", json={"comment": comment},
                                    timeout=30)


def staff(portal, user_id, viewer="ida"):
    return portal.all_changes(viewer).get(("staff", user_id))


def can_sample(portal, token) -> int:
    """The status a supervisor-only read gives this token: 404 with the role, 403 without, 401 dead."""
    return requests.get(f"{portal.api}/samples/NO-SUCH", headers={"Authorization": f"Bearer {token}"},
                        timeout=30).status_code


def audit(portal, request_id):
    return portal.session("jens").get(f"{portal.api}/audit", params={"entity": "admin_request", "id": request_id},
                                      timeout=30).json()["entries"]


def test_an_administrator_alone_changes_nothing(portal):
    r = ask(portal, "admin", "grant_role", {"user_id": "u-anna", "role": "supervisor"})
    assert r.status_code == 201, r.text
    req = r.json()
    assert (req["status"], req["required_approvals"], req["approvals"], req["requested_by"]) == \
        ("pending", 1, [], "u-admin")
    assert req["kind"] == "grant_role" and req["expires_at"] > iso(time.time() + 6.9 * 86400)
    assert "supervisor" not in staff(portal, "u-anna")["roles"]
    assert can_sample(portal, portal.token("anna")) == 403
    assert_error(approve(portal, "admin", req["id"]), 409, "self_approval")
    assert_error(approve(portal, "anna", req["id"]), 403, "role_required")       # the target, no admin
    assert_error(approve(portal, "dorte", req["id"]), 403, "role_required")      # a non-administrator
    assert_error(approve(portal, "ida", "AR-0000-0000"), 404, "not_found")
    assert staff(portal, "u-anna")["roles"] == ["caseworker"]
    done = approve(portal, "ida", req["id"])
    assert done.status_code == 201, done.text
    assert done.json()["status"] == "approved" and [a["by"] for a in done.json()["approvals"]] == ["u-ida"]
    record = staff(portal, "u-anna")
    assert record["roles"] == ["caseworker", "supervisor"] and record["active"] is True
    assert {"role": "supervisor", "expires_at": None, "emergency": False} in record["grants"]
    assert can_sample(portal, portal.token("anna")) == 404        # the same session holds the role at once
    assert_error(approve(portal, "jens", req["id"]), 409, "not_open")
    actions = [(e["action"], e["outcome"], e["detail"].get("code")) for e in audit(portal, req["id"])]
    assert ("admin_request.create", "ok", None) in actions
    assert ("admin_request.approve", "refused", "self_approval") in actions
    assert ("admin_request.approve", "ok", None) in actions
    assert ("admin_request.approve", "refused", "not_open") in actions
    # Administrators see requests in the feed; nobody else does.
    assert portal.all_changes("jens")[("admin_request", req["id"])]["status"] == "approved"
    assert ("admin_request", req["id"]) not in portal.all_changes("anna")


def test_refusals_of_a_new_request_in_the_contracts_order(portal):
    bad_kind = ask(portal, "admin", "make_boss", {"user_id": "u-anna"}, "")
    assert_error(bad_kind, 422, "invalid_field")
    assert_error(ask(portal, "admin", "grant_role", {"user_id": "u-nobody", "role": "supervisor"}, ""),
                 422, "invalid_field")
    assert_error(ask(portal, "admin", "create_user", {"username": "X Y", "display_name": "x", "roles": ["caseworker"]}),
                 422, "invalid_field")
    assert_error(ask(portal, "admin", "create_user", {"username": "anna", "display_name": "Anna Again",
                                                      "roles": ["caseworker"], "conflicts": []}), 422, "invalid_field")
    assert_error(ask(portal, "admin", "grant_role", {"user_id": "u-bent", "role": "caseworker"}), 422, "invalid_field")
    assert_error(ask(portal, "admin", "revoke_role", {"user_id": "u-bent", "role": "supervisor"}), 422,
                 "invalid_field")
    assert_error(ask(portal, "admin", "grant_role", {"user_id": "u-bent", "role": "supervisor",
                                                     "expires_at": "2001-01-01T00:00:00Z"}), 422, "invalid_field")
    # 409s before the missing justification; a request about yourself first of them.
    assert_error(ask(portal, "admin", "set_conflicts", {"user_id": "u-admin", "conflicts": []}, ""), 409, "self_target")
    assert_error(ask(portal, "admin", "grant_role", {"user_id": "u-bent", "role": "admin"}, ""), 409,
                 "separation_of_duties")
    assert_error(ask(portal, "admin", "grant_role", {"user_id": "u-jens", "role": "coordinator"}), 409,
                 "separation_of_duties")
    assert_error(ask(portal, "admin", "create_user", {"username": "both", "display_name": "Both Roles",
                                                      "roles": ["admin", "supervisor"]}), 409, "separation_of_duties")
    assert_error(ask(portal, "admin", "create_user", {"username": "okkie", "display_name": "Okkie", "roles": ["recipient"],
                                                      "org_id": "ORG-NONE"}), 422, "invalid_field")
    assert ask(portal, "admin", "create_user", {"username": "okkie", "display_name": "Okkie", "roles": ["recipient"],
                                                "org_id": "ORG-001"}).status_code == 201
    assert_error(ask(portal, "admin", "deactivate", {"user_id": "u-bent"}, "  "), 422, "justification_required")
    assert_error(ask(portal, "dorte", "deactivate", {"user_id": "u-bent"}), 403, "role_required")
    r = requests.post(f"{portal.api}/admin/requests", json={"kind": "deactivate", "target": {"user_id": "u-bent"}},
                      timeout=30)
    assert_error(r, 401, "unauthorized")


def test_grant_of_admin_needs_two_others_and_the_target_cannot_approve(portal):
    r = ask(portal, "admin", "create_user", {"username": "nanna", "display_name": "Nanna Admin", "roles": ["admin"],
                                             "conflicts": []})
    assert r.status_code == 201 and r.json()["required_approvals"] == 2, r.text
    req = r.json()
    first = approve(portal, "ida", req["id"])
    assert first.status_code == 201 and first.json()["status"] == "pending", first.text
    assert_error(approve(portal, "ida", req["id"]), 409, "already_reviewed")
    assert ("staff", "u-nanna") not in portal.all_changes("jens")
    second = approve(portal, "jens", req["id"])
    assert second.json()["status"] == "approved" and second.json()["user_id"] == "u-nanna", second.text
    assert staff(portal, "u-nanna")["roles"] == ["admin"]
    # A request about ida: ida may not decide it, the other administrators may.
    about_ida = ask(portal, "admin", "set_conflicts", {"user_id": "u-ida", "conflicts": ["Aalborg University"]}).json()
    assert_error(approve(portal, "ida", about_ida["id"]), 409, "self_target")
    assert_error(reject(portal, "ida", about_ida["id"], "no"), 409, "self_target")
    assert approve(portal, "jens", about_ida["id"]).json()["status"] == "approved"
    assert staff(portal, "u-ida")["conflicts"] == ["Aalborg University"]


def test_rejection_needs_a_comment_and_another_administrator(portal):
    req = ask(portal, "ida", "revoke_role", {"user_id": "u-helle", "role": "supervisor"}).json()
    assert_error(reject(portal, "jens", req["id"], "  "), 422, "comment_required")
    assert_error(reject(portal, "ida", req["id"], "changed my mind"), 409, "self_approval")
    done = reject(portal, "jens", req["id"], "Helle still runs the sample checks.")
    assert done.status_code == 201 and done.json()["status"] == "rejected", done.text
    assert done.json()["rejected_by"] == "u-jens" and done.json()["comment"] == "Helle still runs the sample checks."
    assert_error(approve(portal, "admin", req["id"]), 409, "not_open")
    assert staff(portal, "u-helle")["roles"] == ["caseworker", "supervisor"]


def test_each_kind_takes_effect_and_a_deactivated_users_session_dies_at_once(portal):
    token = portal.sign_in("emil")
    assert can_sample(portal, token) == 404
    req = ask(portal, "jens", "revoke_role", {"user_id": "u-emil", "role": "supervisor"}).json()
    assert approve(portal, "admin", req["id"]).json()["status"] == "approved"
    assert can_sample(portal, token) == 403
    grant = ask(portal, "jens", "grant_role", {"user_id": "u-emil", "role": "supervisor"}).json()
    assert approve(portal, "admin", grant["id"]).json()["status"] == "approved"
    assert can_sample(portal, token) == 404
    off = ask(portal, "jens", "deactivate", {"user_id": "u-emil"}).json()
    assert approve(portal, "ida", off["id"]).json()["status"] == "approved"
    assert can_sample(portal, token) == 401
    assert staff(portal, "u-emil")["active"] is False
    r = requests.post(portal.api + "/session", json={"username": "emil", "password": "demo",
                                                     "totp": portal.totp.code("emil")}, timeout=30)
    assert_error(r, 401, "invalid_credentials")
    assert_error(ask(portal, "jens", "grant_role", {"user_id": "u-emil", "role": "coordinator"}), 422, "invalid_field")


def test_a_request_expires_after_seven_days(portal):
    req = ask(portal, "admin", "set_conflicts", {"user_id": "u-bent", "conflicts": ["Roskilde University"]}).json()
    with portal.store() as store, store.write() as tx:
        stored = tx.get("admin_request", req["id"])
        stored["expires_at"] = iso(time.time() - 1)
        entities.save(tx, "admin_request", stored)
    assert_error(approve(portal, "ida", req["id"]), 409, "not_open")
    assert portal.all_changes("ida")[("admin_request", req["id"])]["status"] == "expired"
    assert "Roskilde University" not in staff(portal, "u-bent")["conflicts"]
    assert any(e["action"] == "admin_request.expire" and e["actor_id"] is None for e in audit(portal, req["id"]))


def test_a_time_limited_grant_falls_away_by_itself(portal):
    until = iso(time.time() + 8)
    req = ask(portal, "ida", "grant_role", {"user_id": "u-clara", "role": "supervisor", "expires_at": until}).json()
    assert req["target"]["expires_at"] == until
    assert approve(portal, "jens", req["id"]).json()["status"] == "approved"
    token = portal.token("clara")
    assert can_sample(portal, token) == 404
    assert {"role": "supervisor", "expires_at": until, "emergency": False} in staff(portal, "u-clara")["grants"]
    wait_until(lambda: can_sample(portal, token) == 403, timeout=30, message="the grant to fall away")
    ask(portal, "ida", "deactivate", {"user_id": "u-nobody"})        # any administrator call sweeps
    record = staff(portal, "u-clara")
    assert record["roles"] == ["caseworker"] and all(g["role"] != "supervisor" for g in record["grants"])
    trail = portal.session("jens").get(f"{portal.api}/audit", params={"entity": "staff", "id": "u-clara",
                                                                      "action": "grant.expire"}, timeout=30).json()
    assert [(e["actor_id"], e["detail"]["role"], e["detail"]["emergency"]) for e in trail["entries"]] == \
        [(None, "supervisor", False)]


def test_break_glass_ratified_stands_as_an_ordinary_grant(portal):
    def emergency(who, user_id, role, justification="Queue overflow during the outage."):
        return portal.session(who).post(f"{portal.api}/admin/emergency", timeout=30,
                                        json={"user_id": user_id, "role": role, "justification": justification})

    assert_error(emergency("admin", "u-admin", "caseworker"), 409, "self_target")
    assert_error(emergency("admin", "u-ida", "caseworker"), 409, "separation_of_duties")
    assert_error(emergency("admin", "u-bent", "admin"), 422, "invalid_field")
    assert_error(emergency("dorte", "u-bent", "supervisor"), 403, "role_required")
    assert_error(emergency("admin", "u-bent", "supervisor", ""), 422, "justification_required")
    r = emergency("admin", "u-bent", "supervisor")
    assert r.status_code == 201, r.text
    req = r.json()
    assert req["kind"] == "emergency_grant" and req["status"] == "pending" and req["emergency"] is True
    assert req["expires_at"] <= iso(time.time() + 24 * 3600 + 5)
    assert can_sample(portal, portal.token("bent")) == 404                            # at once
    grant = next(g for g in staff(portal, "u-bent")["grants"] if g["role"] == "supervisor")
    assert grant["emergency"] is True and grant["expires_at"] == req["expires_at"]
    entry = next(e for e in audit(portal, req["id"]) if e["action"] == "admin.emergency")
    assert entry["detail"]["emergency"] is True and entry["outcome"] == "ok"
    assert portal.all_changes("ida")[("admin_request", req["id"])]["kind"] == "emergency_grant"
    assert_error(approve(portal, "admin", req["id"]), 409, "self_approval")
    assert approve(portal, "ida", req["id"]).json()["status"] == "approved"
    grant = next(g for g in staff(portal, "u-bent")["grants"] if g["role"] == "supervisor")
    assert grant == {"role": "supervisor", "expires_at": None, "emergency": False}


def test_break_glass_not_ratified_falls_away(portal):
    r = portal.session("jens").post(f"{portal.api}/admin/emergency", timeout=30,
                                    json={"user_id": "u-frida", "role": "supervisor", "justification": "Outage."})
    req = r.json()
    token = portal.token("frida")
    assert can_sample(portal, token) == 404
    with portal.store() as store, store.write() as tx:     # 24 hours later
        past = iso(time.time() - 1)
        stored = tx.get("admin_request", req["id"])
        stored["expires_at"] = past
        entities.save(tx, "admin_request", stored)
        user = tx.user_by_id("u-frida")
        tx.user_set_grants("u-frida", [dict(g, expires_at=past) if g.get("emergency") else g for g in user["grants"]])
    assert can_sample(portal, token) == 403
    assert_error(approve(portal, "ida", req["id"]), 409, "not_open")
    assert staff(portal, "u-frida")["roles"] == ["coordinator"]
    assert portal.all_changes("ida")[("admin_request", req["id"])]["status"] == "expired"
    # A rejected emergency grant ends at once.
    req = portal.session("jens").post(f"{portal.api}/admin/emergency", timeout=30,
                                      json={"user_id": "u-gustav", "role": "caseworker", "justification": "x"}).json()
    assert reject(portal, "ida", req["id"], "Not needed.").json()["status"] == "rejected"
    assert staff(portal, "u-gustav")["roles"] == ["coordinator"]


def enrol(portal, username, code, password="correct horse battery"):
    return requests.post(f"{portal.api}/session/enrolment", timeout=30,
                         json={"username": username, "enrolment_code": code, "new_password": password})


def confirm(portal, username, code, totp):
    return requests.post(f"{portal.api}/session/enrolment/confirm", timeout=30,
                         json={"username": username, "enrolment_code": code, "totp": totp})


def test_enrolment_with_a_one_time_code(portal):
    req = ask(portal, "jens", "create_user", {"username": "mikkel", "display_name": "Mikkel Friis",
                                              "roles": ["caseworker"], "conflicts": ["Aarhus University"]}).json()
    assert_error(portal.session("jens").get(f"{portal.api}/admin/requests/{req['id']}/enrolment", timeout=30),
                 409, "not_open")
    assert approve(portal, "admin", req["id"]).json()["status"] == "approved"
    assert_error(portal.session("admin").get(f"{portal.api}/admin/requests/{req['id']}/enrolment", timeout=30),
                 403, "not_requester")
    given = portal.session("jens").get(f"{portal.api}/admin/requests/{req['id']}/enrolment", timeout=30)
    assert given.status_code == 200, given.text
    code = given.json()["enrolment_code"]
    assert given.json()["username"] == "mikkel" and given.json()["expires_at"] > iso(time.time() + 71.9 * 3600)
    assert_error(portal.session("jens").get(f"{portal.api}/admin/requests/{req['id']}/enrolment", timeout=30),
                 409, "already_issued")
    assert code not in str(audit(portal, req["id"]))
    assert_error(enrol(portal, "mikkel", "0000-0000-0000-0000"), 401, "invalid_credentials")
    assert_error(enrol(portal, "mikkel", code, "short pw"), 422, "weak_password")
    started = enrol(portal, "mikkel", code)
    assert started.status_code == 201, started.text
    uri = started.json()["totp_uri"]
    secret = urllib.parse.parse_qs(urllib.parse.urlparse(uri).query)["secret"][0]
    assert uri.startswith("otpauth://totp/") and "mikkel" in uri
    assert_error(confirm(portal, "mikkel", code, "000000"), 401, "invalid_credentials")
    done = confirm(portal, "mikkel", code, pyotp.TOTP(secret).now())
    assert done.status_code == 201, done.text
    assert done.json()["user"]["roles"] == ["caseworker"] and done.json()["token"]
    assert staff(portal, "u-mikkel")["conflicts"] == ["Aarhus University"]
    assert_error(confirm(portal, "mikkel", code, pyotp.TOTP(secret).now()), 401, "invalid_credentials")   # used
    assert_error(enrol(portal, "mikkel", code), 401, "invalid_credentials")
    # The new password and secret sign in; no administrator ever saw them.
    step = int(time.time() // 30) + 1
    r = requests.post(portal.api + "/session", timeout=30, json={"username": "mikkel", "password":
                      "correct horse battery", "totp": pyotp.TOTP(secret).generate_otp(step)})
    assert r.status_code == 201, r.text
    assert secret not in str(portal.all_changes("jens")) and secret not in str(audit(portal, req["id"]))


def test_wrong_enrolment_codes_count_towards_the_lockout(portal):
    for _ in range(5):
        assert_error(enrol(portal, "gustav", "AAAA-BBBB-CCCC-DDDD"), 401, "invalid_credentials")
    assert_error(enrol(portal, "gustav", "AAAA-BBBB-CCCC-DDDD"), 429, "too_many_attempts")
    r = requests.post(portal.api + "/session", timeout=30, json={"username": "gustav", "password": "demo",
                                                                 "totp": "123456"})
    assert_error(r, 429, "too_many_attempts")


def test_reset_credentials_gives_a_new_code_and_ends_the_old_ones(portal):
    token = portal.sign_in("anna")
    req = ask(portal, "admin", "reset_credentials", {"user_id": "u-anna"}).json()
    assert approve(portal, "jens", req["id"]).json()["status"] == "approved"
    assert can_sample(portal, token) == 401
    r = requests.post(portal.api + "/session", json={"username": "anna", "password": "demo",
                                                     "totp": portal.totp.code("anna")}, timeout=30)
    assert_error(r, 401, "invalid_credentials")
    code = portal.session("admin").get(f"{portal.api}/admin/requests/{req['id']}/enrolment", timeout=30).json()
    assert code["username"] == "anna"
    secret_uri = enrol(portal, "anna", code["enrolment_code"]).json()["totp_uri"]
    secret = urllib.parse.parse_qs(urllib.parse.urlparse(secret_uri).query)["secret"][0]
    assert secret != "WAXSE7SXQUGMZGUPXHE4ACRP2UIX4CCE"
    assert confirm(portal, "anna", code["enrolment_code"], pyotp.TOTP(secret).now()).status_code == 201


def test_the_audit_verifies_after_every_kind_of_change(portal):
    """Every state the administration wrote (staff records, requests) is stated by its audit entry."""
    result = portal.session("jens").get(f"{portal.api}/audit/verify", timeout=60).json()
    assert result["ok"] is True and result["first_bad_seq"] is None, result
    actions = {e["action"] for e in portal.session("jens").get(f"{portal.api}/audit", params={"limit": 5000},
                                                               timeout=60).json()["entries"]}
    assert {"admin_request.create", "admin_request.approve", "admin_request.reject", "admin_request.expire",
            "admin.emergency", "grant.expire", "enrolment.issue", "enrolment.start", "enrolment.confirm"} <= actions


def test_fewer_than_two_administrators_is_refused(fresh_portal):
    portal = fresh_portal
    first = ask(portal, "admin", "revoke_role", {"user_id": "u-jens", "role": "admin"}).json()
    assert first["required_approvals"] == 1
    assert approve(portal, "ida", first["id"]).json()["status"] == "approved"
    assert_error(ask(portal, "admin", "deactivate", {"user_id": "u-ida"}), 409, "too_few_admins")
    assert_error(ask(portal, "admin", "revoke_role", {"user_id": "u-ida", "role": "admin"}), 409, "too_few_admins")
    # A credential reset leaves the administrator active: allowed.
    assert ask(portal, "ida", "reset_credentials", {"user_id": "u-admin"}).status_code == 201


def test_the_shared_rules_without_a_portal():
    from rules import admin as rules
    request = {"id": "AR-1", "kind": "grant_role", "target": {"user_id": "u-anna", "role": "supervisor"},
               "status": "pending", "requested_by": "u-admin", "approvals": [{"by": "u-ida"}]}
    assert rules.approval_refusal(request, "u-admin") == "self_approval"
    assert rules.approval_refusal(request, "u-anna") == "self_target"
    assert rules.approval_refusal(request, "u-ida") == "already_reviewed"
    assert rules.approval_refusal(request, "u-jens") is None
    assert rules.approval_refusal(dict(request, status="expired"), "u-jens") == "not_open"
    assert rules.rejection_refusal(request, "u-jens", " ") == "comment_required"
    assert rules.required_approvals("create_user", {"roles": ["admin"]}) == 2
    assert rules.required_approvals("grant_role", {"role": "caseworker"}) == 1
    assert rules.separation_of_duties(["admin", "coordinator"]) and not rules.separation_of_duties(["admin"])
    assert rules.leaves_too_few_admins("deactivate", {}, ["admin"], True, 2)
    assert not rules.leaves_too_few_admins("deactivate", {}, ["admin"], True, 3)
    assert not rules.leaves_too_few_admins("reset_credentials", {}, ["admin"], True, 2)
    assert rules.invalid_fields("create_user", {"username": "x", "display_name": "", "roles": []}) == \
        ["username", "display_name", "roles"]
    assert rules.invalid_fields("create_user", {"username": "ole2", "display_name": "Ole", "roles": ["soc"]}) == \
        ["org_id"]
    assert rules.password_refusal("eleven char") == "weak_password" and rules.password_refusal("twelve chars") is None
    assert [rules.password_strength(p) for p in ("short", "twelve chars", "Twelve chars 2026!", "a" * 24)] == \
        [0, 1, 3, 3]
