"""Issue 5 (portal): output transfers, the automatic check, sampling, supervisors'
reviews, management samples and the sampling overview.

Real portal processes on loopback ports, real HTTP. `portal` is the demo with the
default sampling rates: its draws are random, so tests there assert what follows
from each draw, whatever it was. `steered` is the demo with rates that make every
draw certain: an output of a project using a sensitive register is always sampled
(p = 1), any other never (p = 0), so flows that depend on the outcome are
deterministic. Tests make their own projects (approved applications of rikke's)
when they need outputs no other test touches.
"""

import base64
import datetime as dt
import hashlib
import json
import uuid

import pyotp
import pytest
import requests

from portal import auth
from rules import sampling
from portal.store import canonical_json
from tests.portal_process import PortalProcess

STEERED = {"base_rate": 0.0, "new_researcher": 0.0, "earlier_breaches": 0.0, "sensitive_register": 1.0, "cap": 1.0}

CLEAN = b"region,men,women\nCapital Region,412,398\nRegion Zealand,233,250\nNorth Denmark Region,120,131\n"
SMALL = b"age_group,cases,controls\n0-17,12,40\n18-34,2,51\n35-49,25,60\n"
CPR_TEXT = b"Follow-up notes\nPatient 010190-1234 excluded after review.\n"
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
MAX_FILE_BYTES = 10 * 1024 * 1024   # the default rules' per-file limit


@pytest.fixture(scope="module")
def steered(db_backend, tmp_path_factory):
    path = tmp_path_factory.mktemp("sampling") / "sampling.json"
    path.write_text(json.dumps(STEERED))
    p = PortalProcess(backend=db_backend, args=["--sampling", str(path)]).start()
    yield p
    p.close()


# -- helpers ------------------------------------------------------------------------

def assert_error(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["code"] == code, body
    assert body["error"]["message"]
    return body["error"]


def ok(response, status=201):
    assert response.status_code == status, response.text
    return response.json()


def post(p, username, path, body=None, key=None, raw=None):
    headers = {"Idempotency-Key": key} if key else {}
    session = p.session(username) if username else requests.Session()
    if raw is not None:
        headers["Content-Type"] = "application/json"
        return session.post(p.api + path, data=raw, headers=headers, timeout=60)
    return session.post(p.api + path, json=body, headers=headers, timeout=60)


def get(p, username, path, **params):
    session = p.session(username) if username else requests.Session()
    return session.get(p.api + path, params=params, timeout=30)


def upload(name, data):
    return {"name": name, "content_base64": base64.b64encode(data).decode()}


def submit(p, project, *files, comment="Tables for the paper.", username="rikke", key=None):
    files = files or (("table.csv", CLEAN),)
    body = {"project_id": project if isinstance(project, str) else project["id"], "comment": comment,
            "files": [upload(n, d) for n, d in files]}
    return post(p, username, "/outputs", body, key=key)


def new_project(p, sensitive=False):
    """A new application of rikke's, approved by as many caseworkers as it needs."""
    registers = ["BEF", "IND", "LPR"] if sensitive else ["BEF", "IND"]
    app = ok(post(p, "rikke", "/applications", {
        "title": f"Output test project {uuid.uuid4().hex[:8]}", "purpose": "To test output transfers.",
        "legal_basis": "GDPR art. 6(1)(e); Danish Data Protection Act section 10", "registers": registers}))
    for reviewer in ("anna", "bent", "helle")[:app["required_approvals"]]:
        app = ok(post(p, reviewer, f"/applications/{app['id']}/reviews",
                      {"decision": "approve", "comment": "", "expected_version": app["version"]}))
    assert app["status"] == "approved"
    return app


def project_of(p, sensitive=False):
    """One shared project of each kind per portal."""
    cache = p.__dict__.setdefault("_output_test_projects", {})
    if sensitive not in cache:
        cache[sensitive] = new_project(p, sensitive)
    return cache[sensitive]


def feed(p, username, kind):
    return {i: d for (k, i), d in p.all_changes(username).items() if k == kind}


def outputs(p, username="dorte"):
    return feed(p, username, "output")


def as_supervisor(p, output):
    """The output as a supervisor sees it now (with its sample and draw)."""
    return outputs(p)[output["id"]]


def review(p, username, output, verdict, comment="", version=None, key=None):
    version = output["version"] if version is None else version
    return post(p, username, f"/outputs/{output['id']}/reviews",
                {"verdict": verdict, "comment": comment, "expected_version": version}, key=key)


def audit(p, username="admin", **params):
    return get(p, username, "/audit", **params).json()["entries"]


def feed_end(p, username):
    s, since = p.session(username), 0
    while True:
        page = s.get(p.api + "/changes", params={"since": since, "limit": 1000}, timeout=30).json()
        since = page["next"]
        if not page["more"]:
            return since


def number(output_id):
    return int(output_id.rsplit("-", 1)[1])


def submitted_time(output):
    return dt.datetime.strptime(output["submitted_at"], "%Y-%m-%dT%H:%M:%SZ")


# -- submission and the automatic check -------------------------------------------------------------

def test_clean_output_without_a_sample_is_released_at_once(steered):
    p = steered
    project = project_of(p)
    before = outputs(p)
    mine_before = [o for o in before.values() if o["researcher_id"] == "R-0001"]
    out = ok(submit(p, project, ("results/table.csv", CLEAN), comment="  Main table.  "))
    assert out["id"].startswith(f"OUT-{dt.datetime.now(dt.timezone.utc).year}-")
    assert number(out["id"]) > max(number(i) for i in before)   # the demo's counter continues
    assert out["status"] == "released" and out["version"] == 1
    assert out["check"] == {"verdict": "pass", "findings": []}
    assert out["files"] == [{"name": "table.csv", "size": len(CLEAN), "sha256": hashlib.sha256(CLEAN).hexdigest(),
                             "kind": "table"}]
    assert out["sampled"] is False and out["required_releases"] == 1 and out["reviews"] == []
    assert out["project_id"] == project["id"] and out["researcher_id"] == "R-0001"
    assert out["comment"] == "Main table." and out["submitted_at"].endswith("Z")
    # The researcher's answer has no sample details; a supervisor's copy has the draw.
    assert "sample" not in out and "draw" not in out
    seen = outputs(p)[out["id"]]
    assert seen["sample"] is None and seen["status"] == "released"
    draw = seen["draw"]
    assert draw["subject_id"] == out["id"] and draw["probability"] == 0 and draw["outcome"] is False
    assert draw["config"] == sampling.SamplingConfig.from_dict(STEERED).to_dict()
    assert draw["inputs"]["prior_outputs"] == len(mine_before)
    assert draw["inputs"]["registers"] == ["BEF", "IND"] and draw["inputs"]["sensitive_registers"] == []
    assert sampling.recompute(draw)["matches"] is True


def test_disclosive_outputs_fail_and_are_held_for_two_supervisors(steered):
    p = steered
    project = project_of(p)
    small = ok(submit(p, project, ("cases_by_age.csv", SMALL)))
    assert small["check"]["verdict"] == "fail" and small["status"] == "held"
    assert small["required_releases"] == 2 and small["sampled"] is False
    [finding] = small["check"]["findings"]
    assert finding == {"file": "cases_by_age.csv", "rule": "threshold", "row": 1, "column": "cases", "value": 2,
                       "threshold": 3, "message": finding["message"]} and finding["message"]

    cpr = submit(p, project, ("../home/rikke/notes 010190-1234.txt", CPR_TEXT))
    assert "010190-1234" not in cpr.text        # masked in names, values and messages
    cpr = ok(cpr)
    assert cpr["check"]["verdict"] == "fail" and cpr["status"] == "held" and cpr["required_releases"] == 2
    assert cpr["files"][0]["name"] == "notes 010190-xxxx.txt"
    assert {f["rule"] for f in cpr["check"]["findings"]} == {"cpr"}
    assert {f["value"] for f in cpr["check"]["findings"]} == {"010190-****"}
    assert [f["row"] for f in cpr["check"]["findings"]] == [None, 1]     # the file name, then line 1
    # Held without a sample: the check sent it to a person, not the draw.
    assert outputs(p)[cpr["id"]]["sample"] is None


def test_image_needs_a_person(steered):
    out = ok(submit(steered, project_of(steered), ("trend.csv", CLEAN), ("trend.png", PNG)))
    assert out["check"]["verdict"] == "review" and out["status"] == "held" and out["required_releases"] == 2
    assert [f["kind"] for f in out["files"]] == ["table", "image"]
    assert [(f["file"], f["rule"]) for f in out["check"]["findings"]] == [("trend.png", "needs_person")]


def test_blocked_files_are_refused_and_nothing_is_stored(steered):
    p = steered
    project = project_of(p)
    first = ok(submit(p, project))
    for name, data in (("tool.exe", b"MZ\x90\x00\x03"), ("bundle.zip", b"PK\x03\x04rest"),
                       ("plot.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"), ("table.csv", b"\x7fELF\x02\x01")):
        error = assert_error(submit(p, project, ("ok.csv", CLEAN), (name, data)), 422, "invalid_file")
        assert error["file"] == name
    second = ok(submit(p, project))
    assert number(second["id"]) == number(first["id"]) + 1   # the refusals used no id
    assert not any(f["name"] in ("tool.exe", "bundle.zip") for o in outputs(p).values() for f in o["files"])


def test_too_large_file_is_refused(portal):
    project = project_of(portal)
    error = assert_error(submit(portal, project, ("big.csv", b"x" * (MAX_FILE_BYTES + 1))), 413, "too_large")
    assert error["file"] == "big.csv" and error["limit"] == MAX_FILE_BYTES
    # Sizes are judged before types: an oversize program is too large, not invalid.
    assert_error(submit(portal, project, ("big.exe", b"MZ" + b"\0" * MAX_FILE_BYTES)), 413, "too_large")
    # Exactly at the limit is accepted.
    at_limit = b"note\n" + b"a" * (MAX_FILE_BYTES - 5)
    assert ok(submit(portal, project, ("limit.txt", at_limit)))["files"][0]["size"] == MAX_FILE_BYTES


def test_invalid_submission_bodies(steered):
    p = steered
    project = project_of(p)
    good = {"project_id": project["id"], "comment": "", "files": [upload("t.csv", CLEAN)]}
    for bad in (dict(good, files=[]),
                dict(good, files=[{"name": "t.csv", "content_base64": "not base64!"}]),
                dict(good, files=[{"name": "t.csv", "content_base64": "QUJD="}]),         # bad padding
                dict(good, files=[{"name": "", "content_base64": "QUJD"}]),
                dict(good, files=[{"name": "t.csv"}]),
                dict(good, files=[{"name": "t.csv", "content_base64": "QUJD", "path": "/tmp"}]),
                dict(good, files="t.csv"),
                {k: v for k, v in good.items() if k != "files"},
                {k: v for k, v in good.items() if k != "project_id"},
                dict(good, project_id=7),
                dict(good, comment="x" * 4001),
                dict(good, status="released"),
                [good], None):
        assert_error(post(p, "rikke", "/outputs", bad), 422, "invalid_field")
    assert_error(post(p, "rikke", "/outputs", raw=b"{nope"), 400, "bad_request")
    # Base64 broken over lines (as MIME encoders write it) is fine.
    wrapped = base64.encodebytes(CLEAN).decode()
    assert "\n" in wrapped.strip()
    out = ok(post(p, "rikke", "/outputs", dict(good, files=[{"name": "t.csv", "content_base64": wrapped}])))
    assert out["files"][0]["sha256"] == hashlib.sha256(CLEAN).hexdigest()


def test_only_the_researcher_of_an_approved_project_submits(steered):
    p = steered
    all_apps = feed(p, "anna", "application")
    others = next(a for a in all_apps.values() if a["status"] == "approved" and a["applicant_id"] != "R-0001")
    pending = next(a for a in all_apps.values() if a["status"] == "submitted" and a["applicant_id"] == "R-0001")
    count = len(outputs(p))
    for user in ("dorte", "admin", "anna", "frida", "ole"):
        assert_error(submit(p, project_of(p), username=user), 403, "role_required")
    assert_error(submit(p, project_of(p), username=None), 401, "unauthorized")
    unknown = assert_error(submit(p, "APP-0000-0000"), 403, "not_applicant")
    foreign = assert_error(submit(p, others), 403, "not_applicant")
    # The same answer whether the application exists or not.
    assert unknown["message"].replace("APP-0000-0000", "X") == foreign["message"].replace(others["id"], "X")
    assert_error(submit(p, pending), 403, "not_approved")
    # Refusal order: the project before the body, the body before the file checks, sizes before types.
    bad_file = {"name": "t.csv", "content_base64": "%%%"}
    assert_error(post(p, "rikke", "/outputs", {"project_id": others["id"], "files": [bad_file]}), 403, "not_applicant")
    assert_error(post(p, "rikke", "/outputs", {"project_id": project_of(p)["id"],
                                                "files": [upload("a.exe", b"MZ"), bad_file]}), 422, "invalid_field")
    assert_error(submit(p, project_of(p), ("a.exe", b"MZ"), ("big.csv", b"1" * (MAX_FILE_BYTES + 1))),
                 413, "too_large")
    assert_error(post(p, "dorte", "/outputs", {"project_id": others["id"], "files": [bad_file]}), 403, "role_required")
    assert len(outputs(p)) == count


def test_idempotent_submission(steered):
    p = steered
    key = f"out-{uuid.uuid4()}"
    first = submit(p, project_of(p), key=key)
    again = submit(p, project_of(p), key=key)
    assert first.status_code == again.status_code == 201 and first.json() == again.json()
    assert number(ok(submit(p, project_of(p)))["id"]) == number(first.json()["id"]) + 1
    assert_error(submit(p, project_of(p), ("other.csv", CLEAN), key=key), 422, "idempotency_key_reused")


# -- sampling on submission --------------------------------------------------------------------

def test_draw_with_default_rates_is_recorded_and_recomputable(portal):
    project = project_of(portal)
    before = outputs(portal)
    mine = [o for o in before.values() if o["researcher_id"] == "R-0001"]
    withheld = sum(1 for o in mine if o["status"] == "withheld")
    out = ok(submit(portal, project))
    seen = outputs(portal)[out["id"]]
    draw = seen["draw"]
    assert draw["seed"] and draw["algorithm"] == sampling.ALGORITHM
    assert draw["inputs"] == sampling.risk_inputs(len(mine), withheld, ["BEF", "IND"])
    assert draw["config"] == sampling.SamplingConfig().to_dict()
    assert sampling.recompute(draw)["matches"] is True
    assert out["sampled"] is draw["outcome"]
    assert out["status"] == ("held" if draw["outcome"] else "released")
    if draw["outcome"]:
        assert seen["sample"]["reason"] == sampling.sample_reason(draw["risk_class"])
        assert seen["sample"]["probability"] == draw["probability"]
        record = ok(get(portal, "dorte", f"/samples/{seen['sample']['id']}"), 200)
        assert record["draw"] == draw
    else:
        assert seen["sample"] is None
    # The audit entry of the submission holds the hash of the draw record, never the seed.
    [entry] = [e for e in audit(portal, entity="output", id=out["id"]) if e["action"] == "output.submit"]
    assert entry["detail"]["after"]["draw_sha256"] == hashlib.sha256(canonical_json(draw).encode()).hexdigest()
    assert draw["seed"] not in json.dumps(entry)


def test_sampled_output_has_a_sample_record_that_recomputes(steered):
    p = steered
    project = project_of(p, sensitive=True)
    out = ok(submit(p, project))
    assert out["sampled"] is True and out["status"] == "held" and out["required_releases"] == 1
    assert "sample" not in out and "draw" not in out
    seen = outputs(p)[out["id"]]
    sample = seen["sample"]
    assert sample["id"].startswith("SMP-") and sample["reason"] == "risk" and sample["probability"] == 1.0
    assert seen["draw"]["risk_class"] == "elevated" and seen["draw"]["inputs"]["sensitive_registers"] == ["LPR"]

    for viewer in ("dorte", "admin", "helle"):
        record = ok(get(p, viewer, f"/samples/{sample['id']}"), 200)
        assert record["id"] == sample["id"] and record["reason"] == "risk" and record["probability"] == 1.0
        assert record["output_ids"] == [out["id"]] and record["scope"] == "output"
        assert record["seed"] == seen["draw"]["seed"] and record["algorithm"] == sampling.ALGORITHM
        assert record["inputs"] == seen["draw"]["inputs"] and record["config"]["sensitive_register"] == 1.0
        assert record["draw"] == seen["draw"]
        again = sampling.recompute(record["draw"])
        assert again["matches"] is True and again["outcome"] is True and again["probability"] == 1.0
        assert record["recomputed"]["matches"] is True
    # Tampering shows: another seed does not give the recorded uniform.
    forged = dict(record["draw"], seed="00" * 32)
    assert "uniform" in sampling.recompute(forged)["mismatches"]
    # The sample entity is in supervisors' feed, never in the researcher's.
    assert feed(p, "dorte", "sample")[sample["id"]]["output_ids"] == [out["id"]]
    assert feed(p, "rikke", "sample") == {}

    for user in ("rikke", "anna", "frida"):
        assert_error(get(p, user, f"/samples/{sample['id']}"), 403, "role_required")
    assert_error(get(p, None, f"/samples/{sample['id']}"), 401, "unauthorized")
    assert_error(get(p, "dorte", "/samples/SMP-0000-0000"), 404, "not_found")
    assert_error(get(p, "dorte", "/samples/" + "S" * 300), 404, "not_found")


def test_every_demo_sample_recomputes(portal):
    samples = feed(portal, "dorte", "sample")
    drawn = {i: s for i, s in samples.items() if s["reason"] != "management"}
    assert drawn
    all_outputs = outputs(portal)
    for sample_id in drawn:
        record = ok(get(portal, "admin", f"/samples/{sample_id}"), 200)
        assert sampling.recompute(record["draw"])["matches"] is True
        [output_id] = record["output_ids"]
        assert record["draw"] == all_outputs[output_id]["draw"]
    for out in all_outputs.values():
        if "sampled" in out:
            assert out["sampled"] is out["draw"]["outcome"]


def test_earlier_breaches_count_withheld_outputs(steered):
    p = steered
    project = project_of(p)
    first = ok(submit(p, project, ("cases.csv", SMALL)))
    breaches = outputs(p)[first["id"]]["draw"]["inputs"]["prior_breaches"]
    ok(review(p, "dorte", first, "withhold", "Counts below 3; aggregate the age groups."))
    later = ok(submit(p, project))
    inputs = outputs(p)[later["id"]]["draw"]["inputs"]
    assert inputs["prior_breaches"] == breaches + 1
    assert inputs["prior_outputs"] == outputs(p)[first["id"]]["draw"]["inputs"]["prior_outputs"] + 1


# -- reviews ------------------------------------------------------------------------------------

def test_flagged_output_needs_two_distinct_supervisors(steered):
    p = steered
    out = ok(submit(p, project_of(p), ("cases.csv", SMALL)))
    out = outputs(p)[out["id"]]
    first = ok(review(p, "dorte", out, "release", "Checked the counts."))
    assert first["status"] == "held" and first["version"] == out["version"] + 1
    assert first["reviews"] == [{"reviewer_id": "u-dorte", "verdict": "release", "comment": "Checked the counts.",
                                 "at": first["reviews"][0]["at"]}]
    assert first["sample"] is None and first["draw"]["outcome"] is False     # a supervisor's answer
    assert_error(review(p, "dorte", first, "release"), 409, "already_reviewed")
    assert_error(review(p, "dorte", first, "withhold", "second thoughts"), 409, "already_reviewed")
    second = ok(review(p, "emil", first, "release"))
    assert second["status"] == "released" and [r["reviewer_id"] for r in second["reviews"]] == ["u-dorte", "u-emil"]
    assert_error(review(p, "helle", second, "release"), 409, "not_open")
    assert outputs(p)[out["id"]]["status"] == "released"


def test_clean_sampled_output_needs_one_release(steered):
    p = steered
    out = ok(submit(p, project_of(p, sensitive=True)))
    assert out["status"] == "held" and out["check"]["verdict"] == "pass"
    released = ok(review(p, "helle", outputs(p)[out["id"]], "release"))
    assert released["status"] == "released" and released["reviews"][0]["reviewer_id"] == "u-helle"
    assert_error(review(p, "emil", released, "release"), 409, "not_open")


def test_withhold_needs_a_comment_and_ends_it(steered):
    p = steered
    out = as_supervisor(p, ok(submit(p, project_of(p), ("trend.png", PNG))))
    for comment in ("", "   \n", None):
        assert_error(review(p, "dorte", out, "withhold", comment), 422, "comment_required")
    assert outputs(p)[out["id"]]["version"] == out["version"]
    first = ok(review(p, "dorte", out, "release"))
    withheld = ok(review(p, "emil", first, "withhold", "  The figure shows single persons.  "))
    assert withheld["status"] == "withheld" and withheld["reviews"][-1]["comment"] == "The figure shows single persons."
    assert_error(review(p, "helle", withheld, "release"), 409, "not_open")
    # The researcher learns the outcome and the reason, not who decided.
    theirs = outputs(p, "rikke")[out["id"]]
    assert theirs["status"] == "withheld" and theirs["reviews"][-1]["comment"] == "The figure shows single persons."
    assert all("reviewer_id" not in r for r in theirs["reviews"])


def test_review_refusal_order(steered):
    p = steered
    out = as_supervisor(p, ok(submit(p, project_of(p), ("cases.csv", SMALL))))
    path = f"/outputs/{out['id']}/reviews"
    missing = "/outputs/OUT-0000-0000/reviews"
    bad_body = {"verdict": "maybe", "expected_version": "x"}
    assert_error(post(p, None, missing, raw=b"{nope"), 401, "unauthorized")
    assert_error(post(p, None, path, bad_body), 401, "unauthorized")
    for user in ("admin", "rikke", "anna", "frida"):
        assert_error(post(p, user, missing, bad_body), 403, "role_required")
        assert_error(review(p, user, out, "release"), 403, "role_required")
    assert_error(post(p, "dorte", missing, bad_body), 404, "not_found")
    assert_error(post(p, "dorte", missing, raw=b"{nope"), 404, "not_found")
    for bad in (bad_body, {"verdict": "release"}, {"verdict": "release", "expected_version": True},
                {"verdict": "release", "expected_version": 0}, {"verdict": "release", "expected_version": 1, "x": 1},
                {"verdict": "release", "expected_version": 1, "comment": 5}, ["release"]):
        assert_error(post(p, "dorte", path, bad), 422, "invalid_field")
    assert_error(post(p, "dorte", path, raw=b"{nope"), 400, "bad_request")
    # version_conflict before comment_required.
    conflict = assert_error(review(p, "dorte", out, "withhold", "", version=out["version"] + 3), 409,
                            "version_conflict")
    assert conflict["current_version"] == out["version"]
    first = ok(review(p, "dorte", out, "release"))
    # version_conflict before already_reviewed; already_reviewed before comment_required.
    assert_error(review(p, "dorte", first, "release", version=out["version"]), 409, "version_conflict")
    assert_error(review(p, "dorte", first, "withhold", ""), 409, "already_reviewed")
    done = ok(review(p, "emil", first, "release"))
    # invalid_field before not_open; not_open before version_conflict, already_reviewed, comment_required.
    assert_error(post(p, "helle", path, bad_body), 422, "invalid_field")
    for user in ("dorte", "emil", "helle"):
        assert_error(review(p, user, done, "withhold", "", version=1), 409, "not_open")
    assert outputs(p)[out["id"]]["version"] == done["version"]


def test_nobody_reviews_their_own_output(steered):
    """A user who is both the submitting researcher and a supervisor cannot release their output."""
    p = steered
    secret = pyotp.random_base32()
    with p.store() as store, store.write() as tx:
        tx.insert_user({"id": "u-rikke2", "username": "rikke2", "password_hash": auth.hash_password("demo"),
                        "totp_secret": secret, "roles": ["researcher", "supervisor"], "display_name": "Rikke T.",
                        "researcher_id": "R-0001"})
    r = requests.post(p.api + "/session", json={"username": "rikke2", "password": "demo",
                                                "totp": pyotp.TOTP(secret).now()}, timeout=10)
    s = requests.Session()
    s.headers["Authorization"] = "Bearer " + ok(r)["token"]
    out = ok(s.post(p.api + "/outputs", json={"project_id": project_of(p)["id"], "comment": "",
                                               "files": [upload("cases.csv", SMALL)]}, timeout=30))
    assert out["researcher_id"] == "R-0001" and "draw" in out     # a supervisor sees the draw
    path = p.api + f"/outputs/{out['id']}/reviews"
    assert_error(s.post(path, json={"verdict": "withhold", "comment": "", "expected_version": out["version"]},
                        timeout=10), 409, "conflict_of_interest")
    first = ok(review(p, "dorte", out, "release"))
    # already_reviewed comes first for a supervisor who reviewed; this one never did.
    assert_error(s.post(path, json={"verdict": "release", "comment": "", "expected_version": first["version"]},
                        timeout=10), 409, "conflict_of_interest")
    assert outputs(p)[out["id"]]["status"] == "held"


# -- management samples ------------------------------------------------------------------------

def test_management_sample_reholds_what_is_not_yet_released(steered):
    p = steered
    project = new_project(p)
    released = ok(submit(p, project))
    a = ok(submit(p, project, ("a.csv", SMALL)))
    b = ok(submit(p, project, ("b.png", PNG)))
    gone = as_supervisor(p, ok(submit(p, project, ("c.csv", SMALL))))
    ok(review(p, "dorte", gone, "withhold", "Small counts."))
    half = ok(review(p, "emil", outputs(p)[a["id"]], "release"))      # one of two releases given
    before = outputs(p)
    assert before[released["id"]]["status"] == "released" and before[gone["id"]]["status"] == "withheld"

    answer = ok(post(p, "dorte", "/samples", {"scope": "project", "target_id": project["id"], "count": 10,
                                              "reason": "  Spot check after a complaint.  "}))
    expected = sorted((before[a["id"]], before[b["id"]]), key=lambda o: (submitted_time(o), o["id"]), reverse=True)
    assert answer["output_ids"] == [o["id"] for o in expected]      # all available, newest first (ties: newest id)
    sample_id = answer["sample_id"]
    after = outputs(p)
    for output_id in (a["id"], b["id"]):
        o = after[output_id]
        assert o["status"] == "held" and o["version"] == before[output_id]["version"] + 1
        assert o["sample"] == {"id": sample_id, "reason": "management", "probability": None}
    assert outputs(p, "emil")[a["id"]]["reviews"] == half["reviews"] and after[a["id"]]["required_releases"] == 2
    assert after[a["id"]]["reviews"] == [{"verdict": "release", "blind": True}]   # dorte has not reviewed it
    assert after[released["id"]] == before[released["id"]] and after[gone["id"]] == before[gone["id"]]

    record = ok(get(p, "dorte", f"/samples/{sample_id}"), 200)
    assert record["reason"] == "management" and record["probability"] is None and record["seed"] is None
    assert record["note"] == "Spot check after a complaint." and record["drawn_by"] == "u-dorte"
    assert record["scope"] == "project" and record["target_id"] == project["id"] and record["count"] == 10
    assert record["output_ids"] == answer["output_ids"] and record["draw"] is None
    candidates = record["inputs"]["candidates"]
    assert {c["id"] for c in candidates} == {released["id"], a["id"], b["id"], gone["id"]}
    assert sampling.select_management_sample(candidates, record["inputs"]["count"]) == record["output_ids"]
    assert record["recomputed"] == {"output_ids": record["output_ids"], "matches": True}
    assert feed(p, "admin", "sample")[sample_id]["note"] == "Spot check after a complaint."

    # A smaller count takes the newest; the decided ones are never taken.
    one = ok(post(p, "emil", "/samples", {"scope": "project", "target_id": project["id"], "count": 1,
                                          "reason": "Second look."}))
    assert one["output_ids"] == answer["output_ids"][:1]
    assert outputs(p)[one["output_ids"][0]]["sample"]["id"] == one["sample_id"]
    assert ok(get(p, "emil", f"/samples/{one['sample_id']}"), 200)["previous_samples"] == {
        one["output_ids"][0]: {"id": sample_id, "reason": "management", "probability": None}}

    # Still two distinct releases for the flagged one.
    current = outputs(p)[a["id"]]
    assert ok(review(p, "helle", current, "release"))["status"] == "released"


def test_management_sample_of_a_researcher(steered):
    p = steered
    drawn = ok(submit(p, project_of(p, sensitive=True)))            # held by the draw
    flagged = ok(submit(p, project_of(p), ("cases.csv", SMALL)))   # held by the check
    before = outputs(p)
    eligible = [o for o in before.values() if o["researcher_id"] == "R-0001" and o["status"] == "held"]
    answer = ok(post(p, "emil", "/samples", {"scope": "researcher", "target_id": "R-0001", "count": 1000,
                                             "reason": "Quarterly review."}))
    assert sorted(answer["output_ids"]) == sorted(o["id"] for o in eligible)
    assert {drawn["id"], flagged["id"]} <= set(answer["output_ids"])
    after = outputs(p)
    assert all(after[i]["sample"]["id"] == answer["sample_id"] and after[i]["status"] == "held"
               for i in answer["output_ids"])
    record = ok(get(p, "admin", f"/samples/{answer['sample_id']}"), 200)
    assert record["previous_samples"][drawn["id"]] == before[drawn["id"]]["sample"]
    assert record["previous_samples"][drawn["id"]]["reason"] == "risk"
    # The drawn sample keeps its own record.
    old = ok(get(p, "admin", f"/samples/{before[drawn['id']]['sample']['id']}"), 200)
    assert old["output_ids"] == [drawn["id"]] and old["recomputed"]["matches"] is True
    # A researcher with nothing held: an empty sample, still recorded.
    held_by = {o["researcher_id"] for o in before.values() if o["status"] == "held"}
    idle = next(r for r in sorted(feed(p, "emil", "researcher")) if r not in held_by)
    empty = ok(post(p, "emil", "/samples", {"scope": "researcher", "target_id": idle, "count": 5,
                                            "reason": "Check."}))
    assert empty["output_ids"] == [] and feed(p, "emil", "sample")[empty["sample_id"]]["output_ids"] == []


def test_management_sample_refusals(steered):
    p = steered
    project = project_of(p)
    pending = next(a for a in feed(p, "anna", "application").values() if a["status"] == "submitted")
    count = len(feed(p, "dorte", "sample"))
    good = {"scope": "project", "target_id": project["id"], "count": 2, "reason": "Spot check."}
    assert_error(post(p, None, "/samples", good), 401, "unauthorized")
    for user in ("admin", "rikke", "anna", "frida"):
        assert_error(post(p, user, "/samples", good), 403, "role_required")
    for bad in (dict(good, count=0), dict(good, count=-1), dict(good, count="3"), dict(good, count=True),
                dict(good, count=1001), dict(good, scope="institution"), dict(good, target_id=""),
                {k: v for k, v in good.items() if k != "target_id"}, {k: v for k, v in good.items() if k != "count"},
                dict(good, reason=5), dict(good, extra=1), [good]):
        assert_error(post(p, "dorte", "/samples", bad), 422, "invalid_field")
    assert_error(post(p, "dorte", "/samples", raw=b"{nope"), 400, "bad_request")
    for target in ({"target_id": "APP-0000-0000"}, {"target_id": pending["id"]},
                   {"scope": "researcher", "target_id": "R-9999"}, {"scope": "researcher", "target_id": project["id"]}):
        assert_error(post(p, "dorte", "/samples", dict(good, **target)), 404, "not_found")
    for reason in ("", "   ", None):
        assert_error(post(p, "dorte", "/samples", dict(good, reason=reason)), 422, "reason_required")
    assert_error(post(p, "dorte", "/samples", {k: v for k, v in good.items() if k != "reason"}), 422, "reason_required")
    # Order: invalid_field before not_found before reason_required.
    assert_error(post(p, "dorte", "/samples", dict(good, target_id="APP-0000-0000", count=0)), 422, "invalid_field")
    assert_error(post(p, "dorte", "/samples", dict(good, target_id="APP-0000-0000", reason="")), 404, "not_found")
    assert len(feed(p, "dorte", "sample")) == count


# -- what the researcher sees ----------------------------------------------------------------------

def test_researcher_sees_status_changes_but_no_sample_details(steered):
    p = steered
    since = feed_end(p, "rikke")
    out = ok(submit(p, project_of(p, sensitive=True)))
    assert out["status"] == "held" and out["sampled"] is True
    ok(review(p, "emil", outputs(p)[out["id"]], "release", "Fine."))
    page = p.session("rikke").get(p.api + "/changes", params={"since": since, "limit": 1000}, timeout=10).json()
    mine = [c["data"] for c in page["changes"] if c["entity"] == "output" and c["id"] == out["id"]]
    assert len(mine) == 1
    seen = mine[0]
    assert seen["status"] == "released" and seen["version"] == 2 and seen["sampled"] is True
    assert "sample" not in seen and "draw" not in seen
    assert seen["reviews"] == [{"verdict": "release", "comment": "Fine.", "at": seen["reviews"][0]["at"]}]
    assert not any(c["entity"] == "sample" for c in page["changes"])
    # Nor in the audit entries the researcher may read.
    seed = outputs(p)[out["id"]]["draw"]["seed"]
    entries = audit(p, "rikke", entity="output", id=out["id"])
    assert [e["action"] for e in entries][:1] == ["output.submit"]
    assert seed not in json.dumps(entries)
    # And a management sample of theirs shows only as an unchanged status.
    project = new_project(p)
    held = ok(submit(p, project, ("cases.csv", SMALL)))
    since = feed_end(p, "rikke")
    ok(post(p, "dorte", "/samples", {"scope": "project", "target_id": project["id"], "count": 5, "reason": "Look."}))
    page = p.session("rikke").get(p.api + "/changes", params={"since": since, "limit": 1000}, timeout=10).json()
    [change] = [c for c in page["changes"] if c["entity"] == "output"]
    assert change["id"] == held["id"] and change["data"]["status"] == "held"
    assert "sample" not in change["data"] and "draw" not in change["data"]


# -- file contents --------------------------------------------------------------------------------

def test_file_contents_for_supervisors_admin_and_the_owner(steered):
    p = steered
    out = ok(submit(p, project_of(p), ("trend.csv", CLEAN), ("trend.png", PNG)))
    assert out["status"] == "held"   # the image needs a person
    # the researcher reads the files back only once the output is released
    for index in (0, 1):
        assert_error(get(p, "rikke", f"/outputs/{out['id']}/files/{index}"), 403, "not_released")
    held = ok(review(p, "dorte", as_supervisor(p, out), "release", "Checked the image."))
    ok(review(p, "emil", held, "release", "Agreed."))
    for user in ("dorte", "admin", "rikke", "helle"):
        for index, data, kind in ((0, CLEAN, "table"), (1, PNG, "image")):
            body = ok(get(p, user, f"/outputs/{out['id']}/files/{index}"), 200)
            assert base64.b64decode(body["content_base64"]) == data
            assert body == {"index": index, "name": out["files"][index]["name"], "size": len(data),
                            "sha256": hashlib.sha256(data).hexdigest(), "kind": kind,
                            "content_base64": body["content_base64"]}
    for bad in ("2", "-1", "abc", "01x", "99999999"):
        assert_error(get(p, "dorte", f"/outputs/{out['id']}/files/{bad}"), 404, "not_found")
    assert_error(get(p, "dorte", "/outputs/OUT-0000-0000/files/0"), 404, "not_found")
    assert_error(get(p, "dorte", f"/outputs/{'X' * 300}/files/{'9' * 300}"), 404, "not_found")
    for user in ("anna", "frida", "ole"):
        assert_error(get(p, user, f"/outputs/{out['id']}/files/0"), 403, "role_required")
    assert_error(get(p, None, f"/outputs/{out['id']}/files/0"), 401, "unauthorized")
    # Another researcher's output (a demo output) is not found for rikke, but readable for supervisors.
    other = next(o for o in outputs(p).values() if o["researcher_id"] != "R-0001")
    assert_error(get(p, "rikke", f"/outputs/{other['id']}/files/0"), 404, "not_found")
    stored = ok(get(p, "emil", f"/outputs/{other['id']}/files/0"), 200)
    assert hashlib.sha256(base64.b64decode(stored["content_base64"])).hexdigest() == other["files"][0]["sha256"]
    reads = [e for e in audit(p, entity="output", id=out["id"]) if e["action"] == "output.file.read"]
    assert [(e["actor_id"], e["detail"]["index"]) for e in reads] == [
        (f"u-{u}", i) for u in ("dorte", "admin", "rikke", "helle") for i in (0, 1)]


# -- audit, overview, description ------------------------------------------------------------------

def test_submissions_reviews_and_samples_are_audited(steered):
    p = steered
    project = new_project(p)
    assert_error(submit(p, project, ("x.exe", b"MZ")), 422, "invalid_file")
    out = ok(submit(p, project, ("notes 010190-1234.txt", CPR_TEXT)))
    assert_error(review(p, "dorte", outputs(p)[out["id"]], "withhold", ""), 422, "comment_required")
    ok(review(p, "dorte", outputs(p)[out["id"]], "withhold", "Holds a CPR number."))
    assert_error(post(p, "emil", "/samples", {"scope": "project", "target_id": project["id"], "count": 1,
                                              "reason": ""}), 422, "reason_required")
    sample = ok(post(p, "emil", "/samples", {"scope": "project", "target_id": project["id"], "count": 1,
                                             "reason": "After the CPR finding."}))

    entries = audit(p, entity="output", id=out["id"])
    summary = [(e["action"], e["actor_id"], e["outcome"], e["detail"].get("code")) for e in entries]
    assert summary == [("output.submit", "u-rikke", "ok", None),
                       ("output.review", "u-dorte", "refused", "comment_required"),
                       ("output.review", "u-dorte", "ok", None)]
    submitted, _, reviewed = entries
    draw = outputs(p)[out["id"]]["draw"]
    assert submitted["detail"]["after"] == {"version": 1, "status": "held", "held_because": ["check:fail"],
                                            "draw_sha256": hashlib.sha256(canonical_json(draw).encode()).hexdigest()}
    assert submitted["detail"]["check"] == {"verdict": "fail", "findings": 2, "rules": ["cpr"], "files": out["files"]}
    assert submitted["detail"]["project_id"] == project["id"]
    assert reviewed["detail"]["before"] == {"version": 1, "status": "held", "releases": 0}
    assert reviewed["detail"]["after"] == {"version": 2, "status": "withheld", "releases": 0}
    assert "010190-1234" not in json.dumps(entries)

    refused = [e for e in audit(p, action="output.submit", outcome="refused", actor="u-rikke")
               if e["detail"].get("project_id") == project["id"]]
    assert [(e["detail"]["code"], e["detail"]["check"], e["detail"]["after"]) for e in refused] == [
        ("invalid_file", {"file": "x.exe"}, {})]
    creates = [e for e in audit(p, action="sample.create", actor="u-emil") if e["detail"]["target_id"] == project["id"]]
    assert [(e["outcome"], e["detail"].get("code")) for e in creates] == [("refused", "reason_required"), ("ok", None)]
    assert creates[1]["entity"] == "sample" and creates[1]["entity_id"] == sample["sample_id"]
    assert creates[1]["detail"]["after"] == {"output_ids": [], "available": 0}   # the only one was withheld
    assert ok(get(p, "admin", "/audit/verify"), 200)["ok"] is True


def test_sampling_overview(portal):
    first = ok(get(portal, "dorte", "/sampling/overview"), 200)
    ok(submit(portal, project_of(portal, sensitive=True)))
    overview = ok(get(portal, "admin", "/sampling/overview"), 200)
    draws = [o["draw"] for o in outputs(portal).values() if o.get("draw")]
    assert overview["total"]["draws"] == len(draws) == first["total"]["draws"] + 1
    assert [c["risk_class"] for c in overview["classes"]] == list(sampling.RISK_CLASSES)
    for row in overview["classes"]:
        mine = [d for d in draws if d["risk_class"] == row["risk_class"]]
        assert row["draws"] == len(mine)
        assert row["expected"] == pytest.approx(sum(d["probability"] for d in mine), abs=1e-6)
        assert row["observed"] == sum(1 for d in mine if d["outcome"])
        assert row["sd"] == pytest.approx(sum(d["probability"] * (1 - d["probability"]) for d in mine) ** 0.5,
                                          abs=1e-6)
    assert overview["total"]["observed"] == sum(c["observed"] for c in overview["classes"])
    assert overview["config"] == sampling.SamplingConfig().to_dict()
    managed = [s for s in feed(portal, "dorte", "sample").values() if s["reason"] == "management"]
    assert overview["management"]["samples"] == len(managed)
    for user in ("rikke", "anna", "frida"):
        assert_error(get(portal, user, "/sampling/overview"), 403, "role_required")


@pytest.mark.parametrize("path", ["/outputs", "/outputs/{output_id}/reviews", "/samples"])
def test_output_calls_are_described_in_openapi(portal, path):
    spec = requests.get(portal.api + "/openapi.json", timeout=10).json()
    schema = spec["paths"]["/api/v1" + path]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert schema["additionalProperties"] is False and schema["required"]
