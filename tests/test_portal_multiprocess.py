"""Issue 11: two portal processes on one database give the same answers as one.

Runs on both backends (SQLite and PostgreSQL, the `db_backend` parameter; see
tests/conftest.py): sign-in state (TOTP replay, lockout), idempotency keys,
version checks, the change feed and the audit chain, whichever process is asked
and with both taking requests at once. (The storage layer's own concurrency
tests are in tests/test_portal_store.py.)
"""

from __future__ import annotations

import threading
import uuid

import pytest
import requests


# -- two portal processes on one database ------------------------------------------------

@pytest.fixture(scope="module")
def pair(db_backend):
    """Portal A (demo data) and portal B on the same database."""
    from tests.portal_process import PortalProcess
    a = PortalProcess(backend=db_backend).start()
    b = a.peer().start()
    yield a, b
    b.close()
    a.close()


def post_session(portal, username, totp, password="demo", **kw):
    return requests.post(portal.api + "/session", json={"username": username, "password": password, "totp": totp},
                         timeout=20, **kw)


def error_code(response):
    return response.json()["error"]["code"]


def test_a_totp_code_used_on_one_process_is_replayed_on_the_other(pair):
    a, b = pair
    code = a.totp.code("helle")
    assert post_session(a, "helle", code).status_code == 201
    replay = post_session(b, "helle", code)
    assert replay.status_code == 401 and error_code(replay) == "totp_replayed"


def test_one_totp_code_sent_to_both_processes_at_once_signs_in_once(pair):
    a, b = pair
    code = a.totp.code("bent")
    barrier = threading.Barrier(2)
    answers = {}

    def go(portal):
        barrier.wait(10)
        answers[portal.port] = post_session(portal, "bent", code)

    threads = [threading.Thread(target=go, args=(p,)) for p in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    codes = sorted(r.status_code for r in answers.values())
    assert codes == [201, 401], [r.text for r in answers.values()]
    assert [error_code(r) for r in answers.values() if r.status_code == 401] == ["totp_replayed"]


def test_lockout_counts_failures_on_both_processes(pair):
    a, b = pair
    for i in range(5):
        r = post_session((a, b)[i % 2], "emil", "123456", password="wrong")
        assert r.status_code == 401 and error_code(r) == "invalid_credentials"
    for portal in (a, b):
        locked = post_session(portal, "emil", portal.totp.code("emil"))
        assert locked.status_code == 429 and error_code(locked) == "too_many_attempts"


def submit_body(title=None):
    return {"title": title or f"Cross-process study {uuid.uuid4().hex[:8]}",
            "purpose": "To study register-based outcomes across portal processes.",
            "legal_basis": "GDPR art. 6(1)(e); Danish Data Protection Act section 10",
            "registers": ["BEF", "IND"], "variables": {"BEF": ["KOEN"], "IND": ["DISPON_NY"]}}


def applications_titled(portal, title):
    return [d for (kind, _), d in portal.all_changes("anna").items()
            if kind == "application" and d and d["title"] == title]


def test_an_idempotent_repeat_on_the_other_process_returns_the_first_answer(pair):
    a, b = pair
    body = submit_body()
    key = {"Idempotency-Key": f"submit-{uuid.uuid4()}"}
    first = a.session("rikke").post(a.api + "/applications", json=body, headers=key, timeout=20)
    assert first.status_code == 201, first.text
    again = b.session("rikke").post(b.api + "/applications", json=body, headers=key, timeout=20)
    assert (again.status_code, again.json()) == (201, first.json())
    reused = b.session("rikke").post(b.api + "/applications", json=dict(body, title="Other"), headers=key, timeout=20)
    assert reused.status_code == 422 and error_code(reused) == "idempotency_key_reused"
    assert len(applications_titled(b, body["title"])) == 1


def test_one_idempotency_key_sent_to_both_processes_at_once_has_one_effect(pair):
    a, b = pair
    body = submit_body()
    key = {"Idempotency-Key": f"submit-{uuid.uuid4()}"}
    sessions = {p.port: p.session("rikke") for p in (a, b)}
    barrier = threading.Barrier(4)
    answers = []

    def go(portal):
        barrier.wait(10)
        answers.append(sessions[portal.port].post(portal.api + "/applications", json=body, headers=key, timeout=30))

    threads = [threading.Thread(target=go, args=(p,)) for p in (a, b, a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert [r.status_code for r in answers] == [201] * 4, [r.text for r in answers]
    assert len({r.text for r in answers}) == 1
    assert len(applications_titled(a, body["title"])) == 1


def test_concurrent_approvals_on_both_processes_end_in_one_consistent_state(pair):
    a, b = pair
    app = a.session("rikke").post(a.api + "/applications", json=submit_body(), timeout=20).json()
    users = [("anna", a), ("bent", b), ("helle", a), ("clara", b)]
    sessions = {u: p.session(u) for u, p in users}
    barrier = threading.Barrier(len(users))
    answers = {}

    def go(user, portal):
        barrier.wait(10)
        answers[user] = sessions[user].post(portal.api + f"/applications/{app['id']}/reviews", timeout=30,
                                            json={"decision": "approve", "comment": "",
                                                  "expected_version": app["version"]})

    threads = [threading.Thread(target=go, args=u) for u in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    codes = sorted(r.status_code for r in answers.values())
    assert codes == [201, 409, 409, 409], {u: r.text for u, r in answers.items()}
    winner = next(u for u, r in answers.items() if r.status_code == 201)
    for portal in (a, b):
        stored = {i: d for (k, i), d in portal.all_changes("anna").items() if k == "application"}[app["id"]]
        assert stored["version"] == app["version"] + 1
        assert [r["reviewer_id"] for r in stored["reviews"]] == [f"u-{winner}"]


def test_change_feed_paged_across_both_processes_while_both_take_writes(pair):
    """Readers page through the feed alternating between A and B while writers post to A and B."""
    a, b = pair
    stop = threading.Event()
    created, failures = [], []

    def writer(portal, n):
        s = portal.session("rikke")
        for i in range(n):
            r = s.post(portal.api + "/applications", json=submit_body(f"Feed race {portal.port} {i}"), timeout=30)
            (created if r.status_code == 201 else failures).append(r.json()["id"] if r.status_code == 201 else r.text)

    def reader(out):
        sessions = [a.session("anna"), b.session("anna")]
        state, since, seqs, page = {}, 0, [], 0
        while True:
            writers_done = stop.is_set()
            portal = (a, b)[page % 2]
            body = sessions[page % 2].get(portal.api + "/changes", params={"since": since, "limit": 9},
                                          timeout=30).json()
            page += 1
            for c in body["changes"]:
                seqs.append(c["seq"])
                state[(c["entity"], c["id"])] = c["data"]
            since = body["next"]
            if writers_done and not body["more"]:
                break
        out.update(state=state, seqs=seqs)

    results = [{}, {}]
    readers = [threading.Thread(target=reader, args=(out,)) for out in results]
    writers = [threading.Thread(target=writer, args=(p, 15)) for p in (a, b, a, b)]
    for t in readers + writers:
        t.start()
    for t in writers:
        t.join(120)
    stop.set()
    for t in readers:
        t.join(120)
    assert not failures and len(created) == 60
    truth_a, truth_b = a.all_changes("anna"), b.all_changes("anna")
    assert truth_a == truth_b
    for result in results:
        assert result["seqs"] == sorted(result["seqs"]) and len(set(result["seqs"])) == len(result["seqs"])
        assert result["state"] == truth_a
    assert {("application", i) for i in created} <= set(truth_a)


def test_the_audit_chain_holds_with_both_processes_appending(pair):
    a, b = pair
    sessions = [(a, a.session("admin")), (b, b.session("dorte"))]

    def refuse(portal, n):
        for _ in range(n):
            post_session(portal, "nobody-at-all", "123456")   # refused: audited

    threads = [threading.Thread(target=refuse, args=(p, 10)) for p in (a, b, a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for portal, s in sessions:
        result = s.get(portal.api + "/audit/verify", timeout=30).json()
        assert result["ok"] is True and result["first_bad_seq"] is None
    assert sessions[0][1].get(a.api + "/audit/verify", timeout=30).json()["entries"] == \
        sessions[1][1].get(b.api + "/audit/verify", timeout=30).json()["entries"]


def test_a_session_signed_out_on_one_process_is_dead_on_the_other(pair):
    a, b = pair
    token = a.sign_in("frida")
    auth = {"Authorization": f"Bearer {token}"}
    assert requests.get(b.api + "/changes", params={"limit": 1}, headers=auth, timeout=20).status_code == 200
    assert requests.delete(a.api + "/session", headers=auth, timeout=20).status_code == 204
    dead = requests.get(b.api + "/changes", params={"limit": 1}, headers=auth, timeout=20)
    assert dead.status_code == 401 and error_code(dead) == "unauthorized"
