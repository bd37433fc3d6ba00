"""Issue 7: who may call what. Every endpoint of the portal, enumerated from the
application's own routes and its OpenAPI document (so a new endpoint fails this
test until it is given a row below), called by every role, anonymously, with an
expired token and with a token that was signed out. The set of callers let
through must equal the contract's (PRODUCT.md; the routes' documentation for the
calls beyond its table) and nothing else.

"Let through" means: not 401 and not 403 `role_required`. The calls use ids that
do not exist and empty bodies, so nobody changes anything: a caller that is let
through meets 404, 422 or 400, and the contract's refusal order (401, then 403,
then 404 and 422) guarantees that a refused one meets 401 or 403 first.
Everything refused carries the contract's error body.
"""

from __future__ import annotations

import re
import time

import pytest
import requests

from portal import API_PREFIX, auth
from portal.api import PortalContext
from portal.app import create_app
from portal.store import open_store
from tests.faults import feed_state, record
from tests.portal_process import PortalProcess

ROLES = {"caseworker": "anna", "supervisor": "dorte", "coordinator": "frida", "admin": "admin",
         "researcher": "rikke", "recipient": "ole", "soc": "sofie"}
SIGNED_IN = frozenset(ROLES)
EVERYONE = frozenset(ROLES) | {"anonymous", "expired", "signed_out"}

# The contract as data: (method, path) -> the roles let through.
EXPECTED: dict[tuple[str, str], frozenset] = {
    ("GET", "/health"): EVERYONE,
    ("POST", "/session"): EVERYONE,
    ("DELETE", "/session"): SIGNED_IN,
    ("GET", "/changes"): SIGNED_IN,
    ("GET", "/audit"): SIGNED_IN,
    ("GET", "/audit/verify"): frozenset({"admin", "supervisor"}),
    ("GET", "/audit/key"): EVERYONE,
    ("GET", "/audit/checkpoint"): SIGNED_IN,
    ("GET", "/audit/consistency"): SIGNED_IN,
    ("GET", "/audit/inclusion"): SIGNED_IN,
    ("POST", "/applications"): frozenset({"researcher"}),
    ("POST", "/applications/{application_id}/reviews"): frozenset({"caseworker"}),
    ("POST", "/applications/{application_id}/resubmissions"): frozenset({"researcher"}),
    ("POST", "/outputs"): frozenset({"researcher"}),
    ("GET", "/outputs/{output_id}/files/{index}"): frozenset({"supervisor", "admin", "researcher"}),
    ("POST", "/outputs/{output_id}/reviews"): frozenset({"supervisor"}),
    ("POST", "/samples"): frozenset({"supervisor"}),
    ("GET", "/samples/{sample_id}"): frozenset({"supervisor", "admin"}),
    ("GET", "/sampling/overview"): frozenset({"supervisor", "admin"}),
    ("GET", "/outputs/metrics"): frozenset({"supervisor", "admin"}),
    ("POST", "/warnings"): frozenset({"coordinator"}),
    ("GET", "/warnings/{warning_id}"): frozenset({"coordinator", "admin", "recipient"}),
    ("PATCH", "/warnings/{warning_id}"): frozenset({"coordinator"}),
    ("POST", "/warnings/{warning_id}/cosign"): frozenset({"coordinator"}),
    ("POST", "/warnings/{warning_id}/send"): frozenset({"coordinator"}),
    ("POST", "/warnings/{warning_id}/revisions"): frozenset({"coordinator"}),
    ("DELETE", "/warnings/{warning_id}/revisions/pending"): frozenset({"coordinator"}),
    ("POST", "/warnings/{warning_id}/retract"): frozenset({"coordinator"}),
    ("POST", "/warnings/{warning_id}/acks"): frozenset({"recipient"}),
    ("GET", "/warnings/{warning_id}/acks"): frozenset({"coordinator", "admin"}),
    ("GET", "/warnings/{warning_id}/csaf"): frozenset({"coordinator"}),
    ("POST", "/incidents"): frozenset({"soc"}),
    ("GET", "/incidents/{incident_id}"): frozenset({"coordinator", "admin", "soc"}),
    ("POST", "/incidents/{incident_id}/updates"): frozenset({"soc"}),
    ("POST", "/incidents/{incident_id}/triage"): frozenset({"coordinator"}),
    ("GET", "/incidents/{incident_id}/stix"): frozenset({"coordinator"}),
    # Users and roles change only with two administrators (contract v1.1)
    ("POST", "/admin/requests"): frozenset({"admin"}),
    ("POST", "/admin/requests/{request_id}/approve"): frozenset({"admin"}),
    ("POST", "/admin/requests/{request_id}/reject"): frozenset({"admin"}),
    ("GET", "/admin/requests/{request_id}/enrolment"): frozenset({"admin"}),
    ("POST", "/admin/emergency"): frozenset({"admin"}),
    ("POST", "/session/enrolment"): EVERYONE,
    ("POST", "/session/enrolment/confirm"): EVERYONE,
    # Everyone who works with the data takes the certification test: staff and researchers.
    ("GET", "/certification"): frozenset({"caseworker", "supervisor", "coordinator", "admin", "researcher"}),
    ("POST", "/certification/attempts"): frozenset({"caseworker", "supervisor", "coordinator", "admin", "researcher"}),
    ("POST", "/certification/attempts/{attempt_id}/answers"):
        frozenset({"caseworker", "supervisor", "coordinator", "admin", "researcher"}),
}
NO_SUCH = {"index": "0"}   # other path parameters: an id that does not exist


def endpoints_of_the_app() -> set[tuple[str, str]]:
    """Every (method, path) the application routes, from its route table (in process),
    including routes left out of the OpenAPI document."""
    from fastapi.routing import APIRoute

    app = create_app(PortalContext(store=None))
    found = set()

    def walk(routes, prefix: str) -> None:
        for route in routes:
            included = getattr(route, "original_router", None)   # FastAPI's included routers
            if included is not None:
                walk(included.routes, prefix + route.include_context.prefix)
            elif isinstance(route, APIRoute):
                for method in route.methods - {"HEAD", "OPTIONS"}:
                    found.add((method, prefix + route.path))

    walk(app.routes, "")
    return {(m, p[len(API_PREFIX):]) for m, p in found if p.startswith(API_PREFIX)}


def endpoints_of_the_openapi(portal) -> set[tuple[str, str]]:
    spec = requests.get(portal.api + "/openapi.json", timeout=30).json()
    return {(method.upper(), path[len(API_PREFIX):]) for path, ops in spec["paths"].items() for method in ops
            if method.upper() in ("GET", "POST", "PUT", "PATCH", "DELETE")}


@pytest.fixture(scope="module")
def portal():
    p = PortalProcess().start()
    yield p
    p.close()


@pytest.fixture(scope="module")
def callers(portal):
    """token per caller; 'expired:<role>' and 'signed_out:<role>' hold dead tokens."""
    tokens = {role: portal.sign_in(user) for role, user in ROLES.items()}
    store = open_store(portal.db)
    now = time.time()
    try:
        with store.write() as tx:
            for role, user in ROLES.items():
                token = auth.new_token()
                tx.token_insert(auth.hash_token(token), tx.user_by_username(user)["id"], now - 7200, now - 1)
                tokens[f"expired:{role}"] = token
    finally:
        store.close()
    for role, user in ROLES.items():          # signed in, then out: the token must stay dead
        token = portal.sign_in(user)
        r = requests.delete(portal.api + "/session", headers={"Authorization": f"Bearer {token}"}, timeout=30)
        assert r.status_code == 204
        tokens[f"signed_out:{role}"] = token
    return tokens


def call(portal, method: str, path: str, token: str | None) -> requests.Response:
    url = portal.api + path.format(**{name: NO_SUCH.get(name, "NO-SUCH-ID") for name in _params(path)})
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    body = {} if method in ("POST", "PATCH", "PUT") else None
    return requests.request(method, url, json=body, headers=headers, timeout=30)


def _params(path: str) -> list[str]:
    return re.findall(r"{(\w+)}", path)


def let_through(response: requests.Response) -> bool:
    if response.status_code == 401:
        return False
    if response.status_code == 403 and response.json()["error"]["code"] == "role_required":
        return False
    return True


def test_every_endpoint_has_a_row_in_the_matrix(portal):
    app_routes = endpoints_of_the_app()
    documented = endpoints_of_the_openapi(portal)
    assert len(app_routes) >= 20
    assert not app_routes - documented, f"undocumented routes: {sorted(app_routes - documented)}"
    unknown = app_routes - set(EXPECTED)
    assert not unknown, f"new endpoints without a row in EXPECTED: {sorted(unknown)}"


def test_role_by_endpoint_matrix(portal, callers):
    endpoints = sorted(endpoints_of_the_app() & set(EXPECTED))
    mismatches, calls, observed = [], 0, {}
    for method, path in endpoints:
        allowed = set()
        kinds = [(role, callers[role]) for role in ROLES if not (method, path) == ("DELETE", "/session")]
        kinds += [("anonymous", None)]
        kinds += [(f"expired:{role}", callers[f"expired:{role}"]) for role in ROLES]
        kinds += [(f"signed_out:{role}", callers[f"signed_out:{role}"]) for role in ROLES]
        for who, token in kinds:
            response = call(portal, method, path, token)
            calls += 1
            assert response.status_code < 500, (method, path, who, response.text)
            if response.status_code >= 400:
                error = response.json()["error"]
                assert error["code"] and error["message"], (method, path, who, response.text)
            through = let_through(response)
            family = who.split(":")[0]
            if family in ("expired", "signed_out"):
                if through != (family in EXPECTED[(method, path)]):
                    mismatches.append((method, path, who, response.status_code, response.text[:80]))
                elif not through:
                    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"
                continue
            if through:
                allowed.add(who)
            elif who == "anonymous":
                assert response.status_code == 401, (method, path, response.text)
            elif response.status_code != 403:
                mismatches.append((method, path, who, response.status_code, response.text[:80]))
        if (method, path) == ("DELETE", "/session"):
            allowed |= SIGNED_IN   # each role's DELETE was made in `callers` (204), which the token check proves
        expected_callers = {w for w in EXPECTED[(method, path)] if w in ROLES or w == "anonymous"}
        observed[(method, path)] = allowed
        if allowed != expected_callers:
            mismatches.append((method, path, "let through", sorted(allowed), "expected", sorted(expected_callers)))
    assert not mismatches, "\n".join(map(str, mismatches))
    record("role by endpoint matrix", endpoints=len(endpoints), callers=len(ROLES) * 3 + 1, calls=calls,
           mismatches=0)


def test_a_body_that_is_not_json_is_refused_after_the_sign_in_and_role_checks(portal, callers):
    """Refusal order: 401, then 403, before the body is judged (a body-parsing bug would put 400 first)."""
    checked = 0
    for method, path in sorted(set(EXPECTED)):
        if method not in ("POST", "PATCH") or path.startswith("/session"):
            continue
        url = portal.api + path.format(**{name: NO_SUCH.get(name, "NO-SUCH-ID") for name in _params(path)})
        garbage = {"data": b"{not json", "headers": {"Content-Type": "application/json"}}
        anonymous = requests.request(method, url, timeout=30, **garbage)
        assert anonymous.status_code == 401, (method, path, anonymous.text)
        outsider = next(role for role in ROLES if role not in EXPECTED[(method, path)])
        wrong_role = requests.request(method, url, timeout=30, data=garbage["data"],
                                      headers={**garbage["headers"], "Authorization": f"Bearer {callers[outsider]}"})
        assert wrong_role.status_code == 403 and wrong_role.json()["error"]["code"] == "role_required", \
            (method, path, outsider, wrong_role.text)
        checked += 1
    assert checked >= 10


# -- object-level checks: the right role, the wrong object -----------------------------------
def test_recipient_reads_only_warnings_sent_to_their_organisation(portal, callers):
    ole = {"Authorization": f"Bearer {callers['recipient']}"}
    state = feed_state(portal.api, callers["coordinator"])
    warnings = [d for (kind, _), (_, d) in state.items() if kind == "warning" and d]
    mine = [w for w in warnings if w["status"] != "draft" and "ORG-001" in w.get("addressed_org_ids", [])]
    not_mine = [w for w in warnings if w["status"] != "draft" and "ORG-001" not in w.get("addressed_org_ids", [])]
    drafts = [w for w in warnings if w["status"] == "draft"]
    assert mine and not_mine and drafts
    assert requests.get(f"{portal.api}/warnings/{mine[0]['id']}", headers=ole, timeout=30).status_code == 200
    for w in not_mine[:3] + drafts[:3]:
        r = requests.get(f"{portal.api}/warnings/{w['id']}", headers=ole, timeout=30)
        assert r.status_code in (403, 404) and r.json()["error"]["code"] in ("not_a_recipient", "not_found"), r.text
        ack = requests.post(f"{portal.api}/warnings/{w['id']}/acks", headers=ole, timeout=30,
                            json={"org_id": "ORG-001", "state": "received", "note": ""})
        assert ack.status_code in (403, 404), ack.text
    # Acknowledging for another organisation is refused even on one's own warning.
    other = requests.post(f"{portal.api}/warnings/{mine[0]['id']}/acks", headers=ole, timeout=30,
                          json={"org_id": "ORG-002", "state": "received", "note": ""})
    assert other.status_code == 403 and other.json()["error"]["code"] == "not_a_recipient", other.text
    assert requests.get(f"{portal.api}/warnings/{mine[0]['id']}/csaf", headers=ole, timeout=30).status_code == 403


def test_researcher_reaches_only_own_outputs_and_applications(portal, callers):
    rikke = {"Authorization": f"Bearer {callers['researcher']}"}
    state = {k: d for k, (_, d) in feed_state(portal.api, callers["admin"]).items()}
    outputs = [d for (kind, _), d in state.items() if kind == "output" and d]
    apps = [d for (kind, _), d in state.items() if kind == "application" and d]
    foreign_output = next(o for o in outputs if o["researcher_id"] != "R-0001")
    r = requests.get(f"{portal.api}/outputs/{foreign_output['id']}/files/0", headers=rikke, timeout=30)
    assert r.status_code in (403, 404), r.text
    own_output = next((o for o in outputs if o["researcher_id"] == "R-0001"), None)
    if own_output is not None:
        assert requests.get(f"{portal.api}/outputs/{own_output['id']}/files/0", headers=rikke,
                            timeout=30).status_code == 200
    foreign_app = next(a for a in apps if a["applicant_id"] != "R-0001" and a["status"] == "returned") \
        if any(a["applicant_id"] != "R-0001" and a["status"] == "returned" for a in apps) \
        else next(a for a in apps if a["applicant_id"] != "R-0001")
    r = requests.post(f"{portal.api}/applications/{foreign_app['id']}/resubmissions", headers=rikke, timeout=30,
                      json={"expected_version": foreign_app["version"], "changes": {"title": "Mine now"}})
    assert r.status_code == 403 and r.json()["error"]["code"] == "not_applicant", r.text
    # Sample records are for supervisors and admin only.
    sample = next(d for (kind, _), d in state.items() if kind == "sample" and d)
    assert requests.get(f"{portal.api}/samples/{sample['id']}", headers=rikke, timeout=30).status_code == 403


def test_admin_has_no_approving_role(portal, callers):
    """Four eyes for everyone: admin is let through to read, never to decide a case; what an
    administrator may change (users and roles) goes through requests that others approve."""
    deciding = {k for k, v in EXPECTED.items() if k[0] in ("POST", "PATCH", "DELETE") and "admin" in v}
    # Taking the certification test is no decision either: everyone who works with the data takes it.
    assert deciding - {k for k in deciding if k[1].startswith(("/admin/", "/session", "/certification/"))} == set(), \
        deciding
    assert {k for k in deciding if k[1].startswith("/admin/")} == {
        ("POST", "/admin/requests"), ("POST", "/admin/requests/{request_id}/approve"),
        ("POST", "/admin/requests/{request_id}/reject"), ("POST", "/admin/emergency")}


def test_an_administrator_alone_cannot_approve_their_own_request(portal, callers):
    """The matrix lets admin through to /admin/*; the rule behind it needs a second administrator."""
    admin = {"Authorization": f"Bearer {callers['admin']}"}
    made = requests.post(f"{portal.api}/admin/requests", headers=admin, timeout=30, json={
        "kind": "set_conflicts", "target": {"user_id": "u-bent", "conflicts": ["Aalborg University"]},
        "justification": "Declared at the team meeting."})
    assert made.status_code == 201, made.text
    own = requests.post(f"{portal.api}/admin/requests/{made.json()['id']}/approve", headers=admin, json={}, timeout=30)
    assert own.status_code == 409 and own.json()["error"]["code"] == "self_approval", own.text
    for role in ("caseworker", "supervisor", "coordinator", "researcher", "recipient"):
        other = requests.post(f"{portal.api}/admin/requests/{made.json()['id']}/approve", json={}, timeout=30,
                              headers={"Authorization": f"Bearer {callers[role]}"})
        assert other.status_code == 403 and other.json()["error"]["code"] == "role_required", (role, other.text)
