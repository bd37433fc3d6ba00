"""Issue 4 (portal): multi-person approval of project applications.

A real portal process on a loopback port, real HTTP. Tests on the shared
`portal` work on applications they submit themselves (as rikke) or on demo
applications no other test in this module touches; tests that change shared
records use `fresh_portal`.
"""

import datetime as dt
import threading
import uuid

import pytest
import requests

from portal import entities
from rules.applications import SENSITIVE_REGISTERS

OPEN = ("submitted", "in_review")
CASEWORKERS = ("anna", "bent", "clara", "helle")


# -- helpers ------------------------------------------------------------------------

def assert_error(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["code"] == code, body
    assert body["error"]["message"]


def post(portal, username, path, body=None, key=None, raw=None):
    headers = {"Idempotency-Key": key} if key else {}
    session = portal.session(username) if username else requests.Session()
    if raw is not None:
        headers["Content-Type"] = "application/json"
        return session.post(portal.api + path, data=raw, headers=headers, timeout=20)
    return session.post(portal.api + path, json=body, headers=headers, timeout=20)


def review(portal, username, app, decision, comment="", version=None, key=None):
    """Review `app` (a dict with id and version, or an id with `version` given)."""
    app_id = app if isinstance(app, str) else app["id"]
    version = app["version"] if version is None else version
    return post(portal, username, f"/applications/{app_id}/reviews",
                {"decision": decision, "comment": comment, "expected_version": version}, key=key)


def ok(response, status=201):
    assert response.status_code == status, response.text
    return response.json()


def submit(portal, registers=("BEF", "IND"), **fields):
    body = {"title": f"Test study {uuid.uuid4().hex[:8]}",
            "purpose": "To study register-based outcomes for a test.",
            "legal_basis": "GDPR art. 6(1)(e); Danish Data Protection Act section 10",
            "registers": list(registers),
            "variables": {code: ["VAR_A"] for code in registers}}
    body.update(fields)
    return ok(post(portal, "rikke", "/applications", body))


def applications(portal, username):
    return {i: d for (kind, i), d in portal.all_changes(username).items() if kind == "application"}


def current(portal, app_id, username="anna"):
    return applications(portal, username)[app_id]


def returned_app(portal, reviewer="anna", comment="Please clarify the study period."):
    """A new application of rikke's that `reviewer` returned."""
    app = submit(portal)
    return ok(review(portal, reviewer, app, "return", comment))


def today():
    return dt.datetime.now(dt.timezone.utc).date().isoformat()


def demo_world(portal):
    state = portal.all_changes("anna")
    researchers = {i: d for (kind, i), d in state.items() if kind == "researcher"}
    apps = {i: d for (kind, i), d in state.items() if kind == "application"}
    return researchers, apps


def aarhus_application(portal):
    researchers, apps = demo_world(portal)
    return next(a for a in apps.values() if a["institution"] == "Aarhus University" and a["status"] == "submitted"
                and researchers[a["applicant_id"]]["certified_until"] >= today())


def lapsed_application(portal):
    researchers, apps = demo_world(portal)
    return next(a for a in apps.values() if a["status"] == "submitted"
                and researchers[a["applicant_id"]]["certified_until"] < today()
                and a["institution"] != "Aarhus University")


# -- submitting ------------------------------------------------------------------------

def test_researcher_submits_an_application(portal):
    app = submit(portal, registers=("BEF", "IND"))
    assert app["status"] == "submitted" and app["version"] == 1 and app["round"] == 1
    assert app["required_approvals"] == 2 and app["reviews"] == []
    assert app["applicant_id"] == "R-0001" and app["institution"] == "University of Copenhagen"
    assert app["registers"] == ["BEF", "IND"] and app["variables"] == {"BEF": ["VAR_A"], "IND": ["VAR_A"]}
    assert app["submitted_at"].endswith("Z") and app["updated_at"] == app["submitted_at"]
    assert app["id"].startswith("APP-")
    sensitive = submit(portal, registers=("BEF", "LPR"))
    assert sensitive["required_approvals"] == 3 and sensitive["id"] != app["id"]
    # Caseworkers and the applicant see it in the change feed.
    assert current(portal, app["id"])["title"] == app["title"]
    assert applications(portal, "rikke")[app["id"]]["version"] == 1


def test_only_researchers_submit_and_bodies_are_validated(portal):
    good = {"title": "A study", "purpose": "Why", "legal_basis": "GDPR art. 6(1)(e)", "registers": ["BEF"]}
    for user in ("anna", "admin", "dorte"):
        assert_error(post(portal, user, "/applications", good), 403, "role_required")
    assert_error(post(portal, None, "/applications", good), 401, "unauthorized")
    for bad in ({k: v for k, v in good.items() if k != "title"},       # missing field
                dict(good, title="   "),                                # blank
                dict(good, registers=[]),                               # nothing requested
                dict(good, registers=["BEF", "BEF"]),                   # repeated
                dict(good, registers=["bef; drop"]),                    # not a register code
                dict(good, registers="BEF"),                            # wrong type
                dict(good, variables={"IND": ["X"]}),                   # register not requested
                dict(good, title=5),
                dict(good, extra="field")):
        assert_error(post(portal, "rikke", "/applications", bad), 422, "invalid_field")
    assert_error(post(portal, "rikke", "/applications", raw=b"{nope"), 400, "bad_request")
    # None of the refused submissions was stored.
    mine = applications(portal, "rikke").values()
    assert not any(a["title"] in ("A study", "   ") for a in mine)


# -- reviewing --------------------------------------------------------------------------

def test_two_distinct_approvals_approve_standard_data(portal):
    app = submit(portal)
    first = ok(review(portal, "anna", app, "approve", "Purpose and legal basis in order."))
    assert first["status"] == "in_review" and first["version"] == 2
    [r] = first["reviews"]
    assert r["reviewer_id"] == "u-anna" and r["decision"] == "approve" and r["round"] == 1
    assert r["comment"] == "Purpose and legal basis in order." and r["at"].endswith("Z")
    assert first["updated_at"] == r["at"]
    second = ok(review(portal, "bent", first, "approve"))
    assert second["status"] == "approved" and second["version"] == 3
    assert [r["reviewer_id"] for r in second["reviews"]] == ["u-anna", "u-bent"]
    # Closed: nobody reviews it any more.
    assert_error(review(portal, "helle", second, "approve"), 409, "not_open")
    assert current(portal, app["id"])["status"] == "approved"


def test_sensitive_register_needs_three_approvals(portal):
    app = submit(portal, registers=("BEF", "LPR"))
    assert app["required_approvals"] == 3
    app = ok(review(portal, "anna", app, "approve"))
    app = ok(review(portal, "bent", app, "approve"))
    assert app["status"] == "in_review" and len(app["reviews"]) == 2
    app = ok(review(portal, "helle", app, "approve"))
    assert app["status"] == "approved" and len(app["reviews"]) == 3


def test_demo_holds_an_application_needing_three_approvals(portal):
    _, apps = demo_world(portal)
    needing_three = [a for a in apps.values() if a["status"] in OPEN and a["required_approvals"] == 3]
    assert needing_three
    assert all(SENSITIVE_REGISTERS & set(a["registers"]) for a in needing_three)
    assert all(a["required_approvals"] == 2 for a in apps.values()
               if not SENSITIVE_REGISTERS & set(a["registers"]))


def test_one_reject_ends_it(portal):
    app = ok(review(portal, "anna", submit(portal), "approve"))
    app = ok(review(portal, "bent", app, "reject", "The variables exceed what the purpose needs."))
    assert app["status"] == "rejected" and app["reviews"][-1]["decision"] == "reject"
    assert app["reviews"][-1]["comment"] == "The variables exceed what the purpose needs."
    assert_error(review(portal, "helle", app, "approve"), 409, "not_open")
    assert_error(post(portal, "rikke", f"/applications/{app['id']}/resubmissions",
                      {"expected_version": app["version"]}), 409, "not_open")


def test_reject_and_return_need_a_comment(portal):
    app = submit(portal)
    for decision, comment in (("reject", ""), ("reject", "  \n\t "), ("return", ""), ("return", None)):
        assert_error(review(portal, "anna", app, decision, comment), 422, "comment_required")
    after = current(portal, app["id"])
    assert after["version"] == app["version"] and after["reviews"] == [] and after["status"] == "submitted"
    # An approval needs none.
    assert ok(review(portal, "anna", app, "approve", ""))["status"] == "in_review"


def test_helle_reviews_as_caseworker_and_others_are_refused(portal):
    app = submit(portal)
    for user in ("admin", "dorte", "frida", "rikke"):
        assert_error(review(portal, user, app, "approve"), 403, "role_required")
    assert current(portal, app["id"])["reviews"] == []
    app = ok(review(portal, "helle", app, "approve"))
    assert app["reviews"][0]["reviewer_id"] == "u-helle" and app["status"] == "in_review"


def test_nobody_reviews_twice(portal):
    app = ok(review(portal, "anna", submit(portal), "approve"))
    assert_error(review(portal, "anna", app, "approve"), 409, "already_reviewed")
    assert_error(review(portal, "anna", app, "reject", "changed my mind"), 409, "already_reviewed")
    assert current(portal, app["id"])["version"] == app["version"]


def test_conflict_of_interest_for_clara_on_aarhus_application(portal):
    app = aarhus_application(portal)
    assert_error(review(portal, "clara", app, "approve"), 409, "conflict_of_interest")
    assert_error(review(portal, "clara", app, "return", "Please clarify."), 409, "conflict_of_interest")
    unchanged = current(portal, app["id"])
    assert unchanged["version"] == app["version"] and unchanged["reviews"] == []
    # Clara has no conflict with other institutions; another caseworker may review this one.
    assert ok(review(portal, "clara", submit(portal), "approve"))["status"] == "in_review"
    assert ok(review(portal, "anna", app, "approve"))["status"] == "in_review"


def test_approval_refused_while_the_applicants_certification_has_lapsed(portal):
    app = lapsed_application(portal)
    assert_error(review(portal, "bent", app, "approve"), 422, "certification_expired")
    assert current(portal, app["id"])["version"] == app["version"]
    # Returning it to the applicant is still possible.
    returned = ok(review(portal, "bent", app, "return", "Renew your certification first."))
    assert returned["status"] == "returned"


def test_invalid_review_bodies(portal):
    app = submit(portal)
    path = f"/applications/{app['id']}/reviews"
    for bad in ({"decision": "maybe", "comment": "", "expected_version": 1},
                {"decision": "approve", "comment": ""},                      # no expected_version
                {"decision": "approve", "expected_version": "1"},
                {"decision": "approve", "expected_version": True},
                {"decision": "approve", "expected_version": 0},
                {"decision": "approve", "expected_version": 1, "comment": 7},
                {"decision": "approve", "expected_version": 1, "reviewer_id": "u-bent"},
                {"decision": "approve", "expected_version": 1, "comment": "x" * 4001},
                ["approve"], None):
        assert_error(post(portal, "anna", path, bad), 422, "invalid_field")
    assert_error(post(portal, "anna", path, raw=b"{not json"), 400, "bad_request")
    assert current(portal, app["id"])["reviews"] == []


# -- return and resubmission ------------------------------------------------------------

def test_return_resubmission_and_a_new_round(portal):
    app = ok(review(portal, "anna", submit(portal), "approve", "Fine by me."))
    app = ok(review(portal, "bent", app, "return", "Please specify the study period."))
    assert app["status"] == "returned" and app["reviews"][-1]["comment"] == "Please specify the study period."
    # The applicant sees the comment, but not who wrote it.
    seen = applications(portal, "rikke")[app["id"]]
    assert seen["status"] == "returned" and seen["reviews"][-1]["comment"] == "Please specify the study period."
    assert all("reviewer_id" not in r for r in seen["reviews"])

    again = ok(post(portal, "rikke", f"/applications/{app['id']}/resubmissions",
                    {"expected_version": app["version"], "comment": "Period added.",
                     "changes": {"purpose": "To study outcomes between 2010 and 2020."}}))
    assert again["status"] == "submitted" and again["round"] == 2 and again["version"] == app["version"] + 1
    assert again["purpose"] == "To study outcomes between 2010 and 2020."
    assert [r["round"] for r in again["reviews"]] == [1, 1]          # history kept
    assert again["resubmissions"][-1]["comment"] == "Period added."
    assert again["resubmissions"][-1]["changed"] == ["purpose"]
    assert all("reviewer_id" not in r for r in again["reviews"])     # the applicant's view

    # Whoever reviewed any round may not review again.
    assert_error(review(portal, "anna", again, "approve"), 409, "already_reviewed")
    assert_error(review(portal, "bent", again, "approve"), 409, "already_reviewed")
    # Anna's approval of round 1 does not count towards round 2.
    two = ok(review(portal, "helle", again, "approve"))
    assert two["status"] == "in_review" and two["reviews"][-1]["round"] == 2
    done = ok(review(portal, "clara", two, "approve"))
    assert done["status"] == "approved"
    assert [(r["reviewer_id"], r["round"]) for r in done["reviews"]] == [
        ("u-anna", 1), ("u-bent", 1), ("u-helle", 2), ("u-clara", 2)]


def test_resubmission_recomputes_required_approvals(portal):
    app = returned_app(portal, "anna")
    assert app["required_approvals"] == 2
    app = ok(post(portal, "rikke", f"/applications/{app['id']}/resubmissions",
                  {"expected_version": app["version"],
                   "changes": {"registers": ["BEF", "IND", "LPR"], "variables": {"LPR": ["C_ADIAG"]}}}))
    assert app["required_approvals"] == 3 and app["registers"] == ["BEF", "IND", "LPR"]
    assert app["variables"] == {"LPR": ["C_ADIAG"]}
    app = ok(review(portal, "bent", app, "return", "LPR is not justified."))
    app = ok(post(portal, "rikke", f"/applications/{app['id']}/resubmissions",
                  {"expected_version": app["version"], "changes": {"registers": ["BEF"]}}))
    assert app["required_approvals"] == 2 and app["round"] == 3
    assert app["variables"] == {}                                     # LPR's variables went with it
    app = ok(review(portal, "helle", app, "approve"))
    assert ok(review(portal, "clara", app, "approve"))["status"] == "approved"


def test_resubmission_refusals_in_order(portal):
    mine = returned_app(portal, "helle")
    path = f"/applications/{mine['id']}/resubmissions"
    good = {"expected_version": mine["version"], "changes": {}}
    assert_error(post(portal, None, path, {"bad": 1}), 401, "unauthorized")
    # Not a researcher: role_required, before the lookup.
    for user in ("anna", "admin"):
        assert_error(post(portal, user, "/applications/APP-0000-0000/resubmissions", {"bad": 1}), 403,
                     "role_required")
        assert_error(post(portal, user, path, good), 403, "role_required")
    # An unknown id and another researcher's application: the same answer (ids cannot be enumerated).
    assert_error(post(portal, "rikke", "/applications/APP-0000-0000/resubmissions", {"bad": 1}), 403,
                 "not_applicant")
    # Another researcher's returned application: not_applicant, even with a bad body.
    _, apps = demo_world(portal)
    others = next(a for a in apps.values() if a["status"] == "returned" and a["applicant_id"] != "R-0001")
    assert_error(post(portal, "rikke", f"/applications/{others['id']}/resubmissions",
                      {"expected_version": others["version"]}), 403, "not_applicant")
    assert_error(post(portal, "rikke", f"/applications/{others['id']}/resubmissions", {"bad": 1}), 403,
                 "not_applicant")
    # A bad body beats everything after it (here: not_open and version_conflict).
    pending = submit(portal)
    pending_path = f"/applications/{pending['id']}/resubmissions"
    for bad in ({"changes": {}},                                                 # no expected_version
                {"expected_version": 99, "changes": {"registers": []}},
                {"expected_version": 99, "changes": {"variables": {"LPR": ["X"]}}},  # register not requested
                {"expected_version": 99, "changes": {"status": "approved"}},
                {"expected_version": 99, "changes": {"title": "   "}},
                {"expected_version": "1"}):
        assert_error(post(portal, "rikke", pending_path, bad), 422, "invalid_field")
        if bad.get("expected_version") == 99:
            bad = dict(bad, expected_version=mine["version"])
        assert_error(post(portal, "rikke", path, bad), 422, "invalid_field")
    # Only a returned application; not_open before version_conflict.
    assert_error(post(portal, "rikke", pending_path, {"expected_version": 99}), 409, "not_open")
    assert_error(post(portal, "rikke", path, {"expected_version": mine["version"] - 1}), 409, "version_conflict")
    assert current(portal, mine["id"])["version"] == mine["version"]
    assert ok(post(portal, "rikke", path, good))["status"] == "submitted"
    assert_error(post(portal, "rikke", path, good), 409, "not_open")


# -- refusal order ------------------------------------------------------------------------

def test_review_refusal_order(fresh_portal):
    p = fresh_portal
    aarhus = aarhus_application(p)
    path = f"/applications/{aarhus['id']}/reviews"
    missing = "/applications/APP-0000-0000/reviews"
    bad_body = {"decision": "maybe", "expected_version": "x"}

    # 401 before everything.
    assert_error(post(p, None, missing, raw=b"{nope"), 401, "unauthorized")
    assert_error(post(p, None, path, bad_body), 401, "unauthorized")
    # 403 role_required before 404 and the body.
    for user in ("admin", "dorte", "rikke"):
        assert_error(post(p, user, missing, bad_body), 403, "role_required")
    # 404 before the body, malformed or invalid.
    assert_error(post(p, "anna", missing, bad_body), 404, "not_found")
    assert_error(post(p, "anna", missing, raw=b"{nope"), 404, "not_found")
    # invalid_field before conflict_of_interest.
    assert_error(post(p, "clara", path, bad_body), 422, "invalid_field")
    # version_conflict before conflict_of_interest.
    assert_error(review(p, "clara", aarhus, "approve", version=aarhus["version"] + 5), 409, "version_conflict")
    # conflict_of_interest before comment_required.
    assert_error(review(p, "clara", aarhus, "reject", ""), 409, "conflict_of_interest")

    first = ok(review(p, "anna", aarhus, "approve"))
    # version_conflict before already_reviewed.
    assert_error(review(p, "anna", first, "approve", version=aarhus["version"]), 409, "version_conflict")
    conflict = review(p, "bent", first, "approve", version=aarhus["version"])
    assert_error(conflict, 409, "version_conflict")
    assert conflict.json()["error"]["current_version"] == first["version"]
    # already_reviewed before conflict_of_interest: anna now declares a conflict with Aarhus University,
    # and the applicant's certification lapses.
    with p.store() as writer, writer.write() as tx:
        staff = tx.get("staff", "u-anna")
        entities.save(tx, "staff", dict(staff, conflicts=["Aarhus University"]))
        researcher = tx.get("researcher", aarhus["applicant_id"])
        entities.save(tx, "researcher", dict(researcher, certified_until="2001-01-01"))
    assert_error(review(p, "anna", first, "reject", ""), 409, "already_reviewed")
    # conflict_of_interest before certification_expired.
    assert_error(review(p, "clara", first, "approve"), 409, "conflict_of_interest")
    assert_error(review(p, "bent", first, "approve"), 422, "certification_expired")

    # not_open before version_conflict, already_reviewed, conflict_of_interest and comment_required.
    closed = ok(review(p, "bent", first, "reject", "The legal basis does not cover this."))
    assert closed["status"] == "rejected"
    for user in ("anna", "bent", "clara", "helle"):
        assert_error(review(p, user, closed, "reject", "", version=1), 409, "not_open")
    # invalid_field before not_open.
    assert_error(post(p, "helle", path, bad_body), 422, "invalid_field")
    final = current(p, aarhus["id"])
    assert final["version"] == closed["version"] and len(final["reviews"]) == 2


# -- idempotency, races, the change feed and the audit trail ---------------------------------

def test_repeated_review_with_the_same_idempotency_key(portal):
    app = submit(portal)
    key = f"review-{uuid.uuid4()}"
    first = review(portal, "anna", app, "approve", "ok", key=key)
    second = review(portal, "anna", app, "approve", "ok", key=key)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    stored = current(portal, app["id"])
    assert len(stored["reviews"]) == 1 and stored["version"] == app["version"] + 1
    reused = review(portal, "anna", app, "reject", "other", key=key)
    assert_error(reused, 422, "idempotency_key_reused")
    # The same key from another caller is that caller's own.
    assert ok(review(portal, "bent", stored, "approve", key=key))["status"] == "approved"
    # A remembered refusal is answered again as it was.
    refused_key = f"review-{uuid.uuid4()}"
    r1 = review(portal, "helle", app, "approve", key=refused_key)
    r2 = review(portal, "helle", app, "approve", key=refused_key)
    assert_error(r1, 409, "not_open")
    assert r2.status_code == 409 and r2.json() == r1.json()
    entries = portal.session("admin").get(portal.api + "/audit", params={
        "entity": "application", "id": app["id"], "action": "application.review", "actor": "u-anna"},
        timeout=10).json()["entries"]
    assert [e["outcome"] for e in entries] == ["ok"]


def race(portal, users, app):
    """`users` review `app` at the same moment; returns {user: response}."""
    sessions = {u: portal.session(u) for u in users}
    barrier = threading.Barrier(len(users))
    results = {}

    def go(user):
        barrier.wait(timeout=20)
        results[user] = sessions[user].post(
            portal.api + f"/applications/{app['id']}/reviews",
            json={"decision": "approve", "comment": "", "expected_version": app["version"]}, timeout=30)

    threads = [threading.Thread(target=go, args=(u,)) for u in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


def test_concurrent_approvals_end_in_one_consistent_state(portal):
    app = submit(portal)
    results = race(portal, ["anna", "bent", "helle"], app)
    codes = sorted(r.status_code for r in results.values())
    assert codes == [201, 409, 409], {u: r.text for u, r in results.items()}
    winner = next(u for u, r in results.items() if r.status_code == 201)
    for user, r in results.items():
        if user != winner:
            assert_error(r, 409, "version_conflict")
    stored = current(portal, app["id"])
    assert stored["version"] == app["version"] + 1 and stored["status"] == "in_review"
    assert [r["reviewer_id"] for r in stored["reviews"]] == [f"u-{winner}"]


def test_caseworkers_retrying_after_conflicts_approve_exactly_once(portal):
    """Each caseworker keeps trying until the portal gives a final answer."""
    app = submit(portal)
    users = list(CASEWORKERS)
    sessions = {u: portal.session(u) for u in users}
    barrier = threading.Barrier(len(users))
    finals = {}

    def go(user):
        barrier.wait(timeout=20)
        version = app["version"]
        for _ in range(20):
            r = sessions[user].post(portal.api + f"/applications/{app['id']}/reviews",
                                    json={"decision": "approve", "comment": "", "expected_version": version},
                                    timeout=30)
            if r.status_code == 409 and r.json()["error"]["code"] == "version_conflict":
                version = r.json()["error"]["current_version"]
                continue
            finals[user] = r
            return

    threads = [threading.Thread(target=go, args=(u,)) for u in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert set(finals) == set(users)
    winners = [u for u, r in finals.items() if r.status_code == 201]
    losers = [u for u, r in finals.items() if r.status_code != 201]
    assert len(winners) == 2
    for u in losers:
        assert_error(finals[u], 409, "not_open")
    stored = current(portal, app["id"])
    assert stored["status"] == "approved" and stored["version"] == app["version"] + 2
    assert sorted(r["reviewer_id"] for r in stored["reviews"]) == sorted(f"u-{u}" for u in winners)


def test_change_feed_shows_the_new_version_to_caseworkers_and_the_applicant(portal):
    app = submit(portal)
    # Follow both feeds to their end first.
    ends = {}
    for user in ("clara", "rikke"):
        since = 0
        s = portal.session(user)
        while True:
            page = s.get(portal.api + "/changes", params={"since": since, "limit": 1000}, timeout=10).json()
            since = page["next"]
            if not page["more"]:
                break
        ends[user] = since
    reviewed = ok(review(portal, "anna", app, "approve"))
    for user in ("clara", "rikke"):
        page = portal.session(user).get(portal.api + "/changes", params={"since": ends[user]}, timeout=10).json()
        mine = [c for c in page["changes"] if c["entity"] == "application" and c["id"] == app["id"]]
        assert len(mine) == 1, page
        data = mine[0]["data"]
        assert data["version"] == reviewed["version"] and data["status"] == "in_review"
        assert len(data["reviews"]) == 1
        assert ("reviewer_id" in data["reviews"][0]) == (user == "clara")
    # Those who may not see applications do not get it.
    dorte = portal.session("dorte").get(portal.api + "/changes", params={"since": 0, "limit": 1000},
                                        timeout=10).json()
    assert not any(c["entity"] == "application" for c in dorte["changes"])


def test_reviews_and_refusals_are_audited(portal):
    app = submit(portal)
    assert_error(review(portal, "admin", app, "approve"), 403, "role_required")
    assert_error(review(portal, "anna", app, "reject", " "), 422, "comment_required")
    approved = ok(review(portal, "anna", app, "approve", "fine"))
    assert_error(review(portal, "bent", app, "approve"), 409, "version_conflict")

    for viewer in ("admin", "bent"):
        entries = portal.session(viewer).get(portal.api + "/audit", params={"entity": "application", "id": app["id"]},
                                             timeout=10).json()["entries"]
        reviews = [e for e in entries if e["action"] == "application.review"]
        summary = [(e["actor_id"], e["outcome"], e["detail"].get("code")) for e in reviews]
        assert summary == [("u-admin", "refused", "role_required"), ("u-anna", "refused", "comment_required"),
                           ("u-anna", "ok", None), ("u-bent", "refused", "version_conflict")]
        assert all(e["at"].endswith("Z") and len(e["hash"]) == 64 for e in reviews)
        refusal, success, conflict = reviews[1], reviews[2], reviews[3]
        assert refusal["detail"]["decision"] == "reject" and refusal["detail"]["expected_version"] == 1
        assert refusal["detail"]["after"] == {}
        assert success["detail"]["decision"] == "approve" and success["detail"]["expected_version"] == 1
        assert success["detail"]["before"] == {"version": 1, "status": "submitted", "round": 1}
        assert success["detail"]["after"] == {"version": approved["version"], "status": "in_review", "round": 1}
        assert conflict["detail"]["before"]["version"] == approved["version"]
        assert [e["action"] for e in entries][0] == "application.submit"
    ok_chain = portal.session("admin").get(portal.api + "/audit/verify", timeout=30).json()
    assert ok_chain["ok"] is True


@pytest.mark.parametrize("path", ["/applications/{id}/reviews", "/applications/{id}/resubmissions",
                                  "/applications"])
def test_application_calls_are_described_in_openapi(portal, path):
    spec = requests.get(portal.api + "/openapi.json", timeout=10).json()
    op = spec["paths"]["/api/v1" + path.replace("{id}", "{application_id}")]["post"]
    schema = op["requestBody"]["content"]["application/json"]["schema"]
    assert schema["additionalProperties"] is False and schema["required"]
