"""Everyone is certified and recertified yearly (portal): the gates and the test's rules.

A real portal on a loopback port, on SQLite and PostgreSQL. karl's own certification
lapsed 10 days ago, lise's lapses in 20 days; tests that lapse or renew someone else
use `fresh_portal`. Each person may begin 3 attempts a day, so the tests below spread
their attempts over different demo users.
"""

import datetime as dt
import json
import uuid

import pytest
import requests

from portal import entities
from portal.certification import bank as bank_file
from rules import certification as rule

BANK = bank_file.load()
RIGHT = {q.id: {lang: q.choices[lang][0] for lang in bank_file.LANGUAGES} for q in BANK.questions}
EVERY_RIGHT_TEXT = {text for texts in RIGHT.values() for text in texts.values()}


# -- helpers ------------------------------------------------------------------------------

def assert_error(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["code"] == code, body
    assert body["error"]["message"]
    return body


def post(portal, username, path, body=None, headers=None, key=None):
    headers = dict(headers or {})
    if key:
        headers["Idempotency-Key"] = key
    return portal.session(username).post(portal.api + path, json=body, headers=headers, timeout=30)


def begin(portal, username, lang="en", key=None):
    return post(portal, username, "/certification/attempts", {}, headers={"Accept-Language": lang}, key=key)


def answer(portal, username, attempt_id, answers, key=None):
    return post(portal, username, f"/certification/attempts/{attempt_id}/answers", {"answers": answers}, key=key)


def right_answers(attempt, lang="en"):
    return {q["id"]: q["choices"].index(RIGHT[q["id"]][lang]) for q in attempt["questions"]}


def wrong_answers(attempt, lang="en"):
    return {q["id"]: next(i for i, c in enumerate(q["choices"]) if c != RIGHT[q["id"]][lang])
            for q in attempt["questions"]}


def keys_of(value) -> set:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in keys_of(v)}
    if isinstance(value, list):
        return {k for v in value for k in keys_of(v)}
    return set()


def today():
    return dt.datetime.now(dt.timezone.utc).date()


def set_certified(portal, kind, record_id, until):
    with portal.store() as store, store.write() as tx:
        record = tx.get(kind, record_id)
        entities.save(tx, kind, dict(record, certified_until=until))


def feed(portal, username, kind):
    return {i: d for (k, i), d in portal.all_changes(username).items() if k == kind}


def open_application(portal):
    apps = feed(portal, "anna", "application")
    return next(a for a in apps.values() if a["status"] == "submitted")


def held_output(portal):
    outputs = feed(portal, "dorte", "output")
    return next(o for o in outputs.values() if o["status"] == "held")


def draft_warning(portal):
    warnings = feed(portal, "frida", "warning")
    return next(w for w in warnings.values() if w["status"] == "draft")


def audit(portal, **params):
    r = portal.session("admin").get(portal.api + "/audit", params=params, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()["entries"]


# -- the demo and the staff records ------------------------------------------------------------

def test_staff_records_carry_their_certification(portal):
    staff = {s["username"]: s for s in feed(portal, "anna", "staff").values()}
    day = today()
    assert rule.days_left(staff["karl"]["certified_until"], day) == -10
    assert rule.days_left(staff["lise"]["certified_until"], day) == 20
    for name, record in staff.items():
        if name not in ("karl", "lise"):
            assert rule.days_left(record["certified_until"], day) >= 300, name
    rikke = feed(portal, "rikke", "researcher")["R-0001"]
    assert rule.days_left(rikke["certified_until"], day) >= 300
    # Caseworkers see applicants whose certification lapses within 30 days.
    researchers = feed(portal, "anna", "researcher").values()
    assert any(rule.lapses_within(r["certified_until"], day) for r in researchers)


def test_own_status(portal):
    mine = portal.session("lise").get(portal.api + "/certification", timeout=10).json()
    assert mine["valid"] is True and mine["days_left"] == 20 and mine["reminder"] == 30
    karl = portal.session("karl").get(portal.api + "/certification", timeout=10).json()
    assert karl["valid"] is False and karl["days_left"] == -10 and karl["reminder"] is None
    ole = portal.session("ole").get(portal.api + "/certification", timeout=10)
    assert_error(ole, 403, "role_required")


# -- the gates ------------------------------------------------------------------------------------

@pytest.mark.parametrize("decision,comment", [("approve", ""), ("reject", "No."), ("return", "Clarify.")])
def test_lapsed_caseworker_reviews_nothing(portal, decision, comment):
    app = open_application(portal)
    r = post(portal, "karl", f"/applications/{app['id']}/reviews",
             {"decision": decision, "comment": comment, "expected_version": app["version"]})
    body = assert_error(r, 403, "own_certification_expired")
    assert body["error"]["certified_until"] == (today() - dt.timedelta(days=10)).isoformat()
    assert feed(portal, "anna", "application")[app["id"]]["version"] == app["version"]


def test_the_gate_sits_after_the_role_and_before_the_target(portal):
    # 403 role_required first: karl is no supervisor or coordinator.
    assert_error(post(portal, "karl", "/outputs/OUT-2026-0001/reviews", {"verdict": "release"}), 403, "role_required")
    assert_error(post(portal, "karl", "/warnings/W-2026-006/cosign", {}), 403, "role_required")
    # Then his own certification, before a missing application (404) and a bad body (422).
    assert_error(post(portal, "karl", "/applications/APP-NOPE/reviews", {"decision": "approve"}),
                 403, "own_certification_expired")
    app = open_application(portal)
    assert_error(post(portal, "karl", f"/applications/{app['id']}/reviews", {"decision": "maybe"}),
                 403, "own_certification_expired")
    r = portal.session("karl").post(portal.api + f"/applications/{app['id']}/reviews", data=b"{not json",
                                    headers={"Content-Type": "application/json"}, timeout=10)
    assert_error(r, 403, "own_certification_expired")
    refused = audit(portal, actor="u-karl", action="application.review", outcome="refused")
    assert {e["detail"]["code"] for e in refused} == {"own_certification_expired"}


def test_lapsed_staff_decide_nothing_anywhere(fresh_portal):
    portal = fresh_portal
    lapsed = (today() - dt.timedelta(days=1)).isoformat()
    for user in ("u-dorte", "u-frida"):
        set_certified(portal, "staff", user, lapsed)
    output, warning = held_output(portal), draft_warning(portal)
    r = post(portal, "dorte", f"/outputs/{output['id']}/reviews",
             {"verdict": "release", "comment": "", "expected_version": output["version"]})
    assert_error(r, 403, "own_certification_expired")
    assert_error(post(portal, "dorte", "/outputs/OUT-NOPE/reviews", {}), 403, "own_certification_expired")
    assert_error(post(portal, "frida", f"/warnings/{warning['id']}/cosign", {}), 403, "own_certification_expired")
    assert_error(post(portal, "frida", f"/warnings/{warning['id']}/send", {}), 403, "own_certification_expired")
    assert_error(post(portal, "frida", "/warnings/W-NOPE/send", {}), 403, "own_certification_expired")
    r = portal.session("frida").post(portal.api + f"/warnings/{warning['id']}/send", data=b"[",
                                     headers={"Content-Type": "application/json"}, timeout=10)
    assert_error(r, 403, "own_certification_expired")
    # Nothing changed; lise (20 days left) still decides.
    assert feed(portal, "emil", "output")[output["id"]]["version"] == output["version"]
    assert feed(portal, "gustav", "warning")[warning["id"]]["version"] == warning["version"]
    r = post(portal, "lise", f"/outputs/{output['id']}/reviews",
             {"verdict": "release", "comment": "", "expected_version": output["version"]})
    assert r.status_code == 201, r.text
    refused = audit(portal, actor="u-frida", outcome="refused")
    assert sum(e["detail"].get("code") == "own_certification_expired" for e in refused) >= 3


def test_a_lapsed_administrator_approves_no_request(fresh_portal):
    portal = fresh_portal
    set_certified(portal, "staff", "u-ida", (today() - dt.timedelta(days=1)).isoformat())
    made = post(portal, "admin", "/admin/requests", {"kind": "set_conflicts", "justification": "Declared today.",
                                                     "target": {"user_id": "u-bent", "conflicts": ["Aalborg University"]}})
    assert made.status_code == 201, made.text
    request_id = made.json()["id"]
    assert_error(post(portal, "ida", f"/admin/requests/{request_id}/approve", {}), 403, "own_certification_expired")
    assert_error(post(portal, "ida", f"/admin/requests/{request_id}/reject", {"comment": "No."}),
                 403, "own_certification_expired")
    assert_error(post(portal, "ida", "/admin/requests/NO-SUCH/approve", {}), 403, "own_certification_expired")
    assert_error(post(portal, "anna", f"/admin/requests/{request_id}/approve", {}), 403, "role_required")
    done = post(portal, "jens", f"/admin/requests/{request_id}/approve", {})
    assert done.status_code == 201 and done.json()["status"] == "approved", done.text


def test_lapsed_researcher_submits_no_output(fresh_portal):
    portal = fresh_portal
    project = next(a for a in feed(portal, "rikke", "application").values() if a["status"] == "approved")
    set_certified(portal, "researcher", "R-0001", (today() - dt.timedelta(days=1)).isoformat())
    body = {"project_id": project["id"], "comment": "table",
            "files": [{"name": "t.csv", "content_base64": "YSxiCjEwLDIwCg=="}]}
    body_error = assert_error(post(portal, "rikke", "/outputs", body), 403, "certification_expired")
    assert body_error["error"]["certified_until"]
    assert_error(post(portal, "rikke", "/outputs", {"files": "nope"}), 403, "certification_expired")
    assert not [o for o in feed(portal, "rikke", "output").values() if o["project_id"] == project["id"]
                and o.get("comment") == "table"]
    # Certified again (the test passed), the same submission goes through.
    set_certified(portal, "researcher", "R-0001", today().isoformat())
    assert post(portal, "rikke", "/outputs", body).status_code == 201


# -- the test's rules -----------------------------------------------------------------------------

def test_an_attempt_draws_ten_shuffled_questions_without_the_key(portal):
    r = begin(portal, "anna", "en")
    assert r.status_code == 201, r.text
    attempt = r.json()
    questions = attempt["questions"]
    assert len(questions) == 10 and len({q["id"] for q in questions}) == 10
    assert attempt["required"] == 8 and attempt["language"] == "en"
    expires = dt.datetime.strptime(attempt["expires_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
    assert dt.timedelta(minutes=29) < expires - dt.datetime.now(dt.timezone.utc) <= dt.timedelta(minutes=30)
    by_id = BANK.by_id()
    assert {by_id[q["id"]].topic for q in questions} == set(bank_file.TOPICS)   # every topic asked
    for q in questions:
        assert set(q) == {"id", "text", "choices"}
        assert q["text"] == by_id[q["id"]].text["en"]
        assert sorted(q["choices"]) == sorted(by_id[q["id"]].choices["en"])
    # Shuffled: the right answer is not always first, the questions not in the bank's order.
    positions = list(right_answers(attempt).values())
    assert len(set(positions)) > 1
    bank_order = [q.id for q in BANK.questions]
    ids = [q["id"] for q in questions]
    assert ids != sorted(ids, key=bank_order.index) or positions != sorted(positions)
    # No key: no field of the answer says which choice is right (nor its topic).
    assert keys_of(attempt) == {"attempt_id", "expires_at", "language", "questions", "required", "seconds",
                                "id", "text", "choices"}


def test_danish_and_english(portal):
    da = begin(portal, "bent", "da-DK,da;q=0.9,en;q=0.5").json()
    by_id = BANK.by_id()
    assert da["language"] == "da"
    assert all(q["text"] == by_id[q["id"]].text["da"] for q in da["questions"])
    assert all(set(q["choices"]) == set(by_id[q["id"]].choices["da"]) for q in da["questions"])
    fail = answer(portal, "bent", da["attempt_id"], wrong_answers(da, "da")).json()
    assert fail["passed"] is False and fail["score"] == 0
    assert {t["title"] for t in fail["topics_to_reread"]} == {BANK.topics[t]["da"] for t in bank_file.TOPICS}
    other = begin(portal, "bent", "fr").json()
    assert other["language"] == "en"


def test_a_pass_renews_for_a_year_and_lifts_the_gate(fresh_portal):
    portal = fresh_portal
    attempt = begin(portal, "karl").json()
    result = answer(portal, "karl", attempt["attempt_id"], right_answers(attempt))
    assert result.status_code == 201, result.text
    result = result.json()
    year = rule.renewed_until(today()).isoformat()
    assert result == {"passed": True, "score": 10, "required": 8, "questions": 10,
                      "certified_until": year, "topics_to_reread": []}
    staff = {s["username"]: s for s in feed(portal, "anna", "staff").values()}
    assert staff["karl"]["certified_until"] == year
    app = open_application(portal)
    r = post(portal, "karl", f"/applications/{app['id']}/reviews",
             {"decision": "return", "comment": "Clarify the period.", "expected_version": app["version"]})
    assert r.status_code == 201, r.text
    # A researcher's pass renews the researcher record.
    attempt = begin(portal, "rikke").json()
    answers = right_answers(attempt)
    answers[attempt["questions"][0]["id"]] = wrong_answers(attempt)[attempt["questions"][0]["id"]]
    answers[attempt["questions"][1]["id"]] = wrong_answers(attempt)[attempt["questions"][1]["id"]]
    result = answer(portal, "rikke", attempt["attempt_id"], answers).json()
    assert result["passed"] is True and result["score"] == 8       # 80 % passes
    assert feed(portal, "rikke", "researcher")["R-0001"]["certified_until"] == year


def test_a_fail_names_topics_not_answers(portal):
    attempt = begin(portal, "clara").json()
    answers = right_answers(attempt)
    missed = attempt["questions"][:3]
    for q in missed:
        answers[q["id"]] = wrong_answers(attempt)[q["id"]]
    r = answer(portal, "clara", attempt["attempt_id"], answers)
    result = r.json()
    assert result["passed"] is False and result["score"] == 7 and result["required"] == 8
    by_id = BANK.by_id()
    assert [t["topic"] for t in result["topics_to_reread"]] == list(dict.fromkeys(by_id[q["id"]].topic for q in missed))
    assert all(t["title"] == BANK.topics[t["topic"]]["en"] for t in result["topics_to_reread"])
    assert not any(text in r.text for text in EVERY_RIGHT_TEXT)
    staff = {s["username"]: s for s in feed(portal, "anna", "staff").values()}
    assert result["certified_until"] == staff["clara"]["certified_until"]   # unchanged


def test_attempts_close_once_answered_or_after_thirty_minutes(portal):
    attempt = begin(portal, "helle").json()
    assert answer(portal, "helle", attempt["attempt_id"], {}).json()["score"] == 0   # none answered: all wrong
    assert_error(answer(portal, "helle", attempt["attempt_id"], right_answers(attempt)), 409, "not_open")
    old = begin(portal, "helle").json()
    with portal.store() as store, store.write() as tx:     # begun 31 minutes ago
        record = tx.get("certification_attempt", old["attempt_id"])
        past = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=1)
        tx.put("certification_attempt", record["id"], dict(record, expires_at=past.strftime("%Y-%m-%dT%H:%M:%SZ")),
               audience=(), owner=record["user_id"])
    assert_error(answer(portal, "helle", old["attempt_id"], right_answers(old)), 409, "not_open")


def test_three_attempts_a_day(portal):
    for _ in range(3):
        assert begin(portal, "gustav").status_code == 201
    r = begin(portal, "gustav")
    body = assert_error(r, 429, "too_many_attempts")
    assert 0 < int(r.headers["Retry-After"]) <= 24 * 3600 and body["error"]["next_attempt_at"]
    status = portal.session("gustav").get(portal.api + "/certification", timeout=10).json()
    assert status["attempts_left"] == 0 and status["next_attempt_at"]
    refused = audit(portal, actor="u-gustav", action="certification.attempt", outcome="refused")
    assert refused and refused[-1]["detail"]["code"] == "too_many_attempts"


def test_bad_answers_and_other_peoples_attempts(portal):
    attempt = begin(portal, "emil").json()
    path = f"/certification/attempts/{attempt['attempt_id']}/answers"
    assert_error(answer(portal, "dorte", attempt["attempt_id"], {}), 404, "not_found")
    assert_error(answer(portal, "emil", "CA-nope", {}), 404, "not_found")
    assert_error(post(portal, "ole", "/certification/attempts", {}), 403, "role_required")
    assert_error(post(portal, "ole", path, {"answers": {}}), 403, "role_required")
    qid = attempt["questions"][0]["id"]
    assert_error(answer(portal, "emil", attempt["attempt_id"], {"no-such-question": 0}), 422, "invalid_field")
    assert_error(answer(portal, "emil", attempt["attempt_id"], {qid: 7}), 422, "invalid_field")
    assert_error(answer(portal, "emil", attempt["attempt_id"], {qid: "0"}), 422, "invalid_field")
    assert_error(post(portal, "emil", path, {"answer": {}}), 422, "invalid_field")
    r = portal.session("emil").post(portal.api + path, data=b"{", headers={"Content-Type": "application/json"},
                                    timeout=10)
    assert_error(r, 400, "bad_request")
    r = requests.post(portal.api + path, json={"answers": {}}, timeout=10)
    assert_error(r, 401, "unauthorized")
    # Still open after the refusals; an Idempotency-Key repeat answers the first result again.
    key = uuid.uuid4().hex
    first = answer(portal, "emil", attempt["attempt_id"], right_answers(attempt), key=key)
    again = answer(portal, "emil", attempt["attempt_id"], right_answers(attempt), key=key)
    assert first.status_code == again.status_code == 201 and first.json() == again.json()


def test_every_attempt_is_audited_with_its_score_never_its_answers(portal):
    attempt = begin(portal, "frida", key=uuid.uuid4().hex).json()
    answers = right_answers(attempt)
    answer(portal, "frida", attempt["attempt_id"], answers)
    entries = audit(portal, entity="certification_attempt", id=attempt["attempt_id"])
    assert [e["action"] for e in entries] == ["certification.attempt", "certification.answer"]
    assert entries[0]["actor_id"] == "u-frida" and entries[0]["outcome"] == "ok"
    assert entries[1]["detail"]["result"]["score"] == 10 and entries[1]["detail"]["result"]["passed"] is True
    dumped = json.dumps(entries)
    assert '"answers"' not in dumped and "order" not in dumped
    assert not any(text in dumped for text in EVERY_RIGHT_TEXT)
    # The attempts never reach a change feed, not even their owner's.
    assert not [k for k in portal.all_changes("frida") if k[0] == "certification_attempt"]
