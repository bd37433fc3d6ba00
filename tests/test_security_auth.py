"""Issue 7: getting in where one does not belong: brute force on sign-in, TOTP
replay, tokens after sign-out and after expiry, and tampering with the audit
trail. A real portal process on loopback, real HTTP, many requests at once where
a race could let an attacker through.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import Counter

import pyotp
import pytest
import requests

from portal import auth
from tests.faults import record
from tests.portal_process import SECRETS, PortalProcess

BURST = 30


@pytest.fixture(scope="module")
def portal():
    p = PortalProcess().start()
    yield p
    p.close()


def post_session(portal, username, password="demo", totp=None, session=None):
    body = {"username": username, "password": password,
            "totp": totp if totp is not None else portal.totp.code(username)}
    return (session or requests).post(portal.api + "/session", json=body, timeout=120)


def burst(n: int, fn) -> Counter:
    """Run fn(i) n times at once (released together); count the answers' status codes."""
    results: Counter = Counter()
    lock = threading.Lock()
    gate = threading.Barrier(n)

    def run(i):
        session = requests.Session()
        gate.wait()
        status = fn(i, session).status_code
        with lock:
            results[status] += 1

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


# -- brute force ------------------------------------------------------------------------------
def test_a_burst_of_parallel_guesses_gets_five_tries_only(portal):
    results = burst(BURST, lambda i, s: post_session(portal, "emil", password=f"guess-{i}", totp="123456",
                                                      session=s))
    assert results == Counter({401: 5, 429: BURST - 5}), results
    # Locked: even the right password with a fresh code is refused, with how long to wait.
    locked = post_session(portal, "emil")
    assert locked.status_code == 429 and locked.json()["error"]["code"] == "too_many_attempts"
    assert 0 < int(locked.headers["Retry-After"]) <= auth.LOCKOUT_WINDOW + 1
    # Others are not affected.
    assert post_session(portal, "dorte").status_code == 201
    record("sign-in brute force", parallel_guesses=BURST, evaluated=results[401], refused_429=results[429])


def test_guessing_codes_with_the_right_password_locks_too(portal):
    current = pyotp.TOTP(SECRETS["gustav"]).now()
    wrong = [c for c in ("000000", "111111", "222222", "333333", "444444", "555555") if c != current][:5]
    for code in wrong:
        r = post_session(portal, "gustav", totp=code)
        assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_credentials"
    assert post_session(portal, "gustav").status_code == 429


def test_unknown_users_lock_out_alike(portal):
    for _ in range(5):
        assert post_session(portal, "nobody-at-all", password="x", totp="123456").status_code == 401
    known = [post_session(portal, "frida", password="x", totp="123456") for _ in range(5)]
    assert {r.status_code for r in known} == {401}
    a = post_session(portal, "nobody-at-all", password="x", totp="123456")
    b = post_session(portal, "frida", password="x", totp="123456")
    assert a.status_code == b.status_code == 429
    assert a.json()["error"]["message"] == b.json()["error"]["message"]


# -- TOTP replay ------------------------------------------------------------------------------
def test_the_same_code_sent_many_times_at_once_signs_in_once(portal):
    code = portal.totp.code("helle")
    results = burst(20, lambda i, s: post_session(portal, "helle", totp=code, session=s))
    assert results[201] == 1 and results == Counter({201: 1, 401: 5, 429: 14}), results   # replays count as failures
    record("totp replay", parallel_replays=20, accepted=results[201])


def test_an_older_code_after_a_newer_one_is_a_replay(portal):
    secret = SECRETS["bent"]
    step = int(time.time() // 30)
    newer = pyotp.TOTP(secret).generate_otp(step + 1)   # one step of drift is accepted
    older = pyotp.TOTP(secret).generate_otp(step)
    assert post_session(portal, "bent", totp=newer).status_code == 201
    r = post_session(portal, "bent", totp=older)
    assert r.status_code == 401 and r.json()["error"]["code"] == "totp_replayed"
    # A code two steps away is no code at all.
    far = pyotp.TOTP(secret).generate_otp(step + 3)
    assert post_session(portal, "bent", totp=far).json()["error"]["code"] == "invalid_credentials"


def test_one_users_code_is_not_anothers(portal):
    code = pyotp.TOTP(SECRETS["anna"]).now()
    r = post_session(portal, "clara", totp=code)
    if pyotp.TOTP(SECRETS["clara"]).verify(code, valid_window=1):
        pytest.skip("the two users' codes coincide in this step")
    assert r.status_code == 401


# -- tokens -------------------------------------------------------------------------------------
def test_signing_out_kills_that_token_only(portal):
    first, second = portal.sign_in("clara"), portal.sign_in("clara")
    h1, h2 = ({"Authorization": f"Bearer {t}"} for t in (first, second))
    assert requests.delete(portal.api + "/session", headers=h1, timeout=30).status_code == 204
    for method, path in (("GET", "/changes"), ("GET", "/audit"), ("DELETE", "/session"),
                         ("POST", "/applications/APP-2026-0001/reviews")):
        r = requests.request(method, portal.api + path, headers=h1, json={}, timeout=30)
        assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized", (method, path, r.text)
    assert requests.get(portal.api + "/changes", headers=h2, params={"limit": 1}, timeout=30).status_code == 200


def test_tokens_are_accepted_in_the_bearer_header_only(portal):
    token = portal.token("anna")
    url = portal.api + "/changes"
    assert requests.get(url, headers={"Authorization": f"Bearer {token}"}, timeout=30).status_code == 200
    for attempt in ({"params": {"token": token}}, {"params": {"access_token": token}},
                    {"headers": {"Authorization": token}}, {"headers": {"Authorization": f"Basic {token}"}},
                    {"headers": {"Cookie": f"token={token}"}}, {"headers": {"X-Token": token}},
                    {"headers": {"Authorization": f"Bearer {token[:-1]}"}},
                    {"headers": {"Authorization": f"Bearer {token}x"}}):
        r = requests.get(url, timeout=30, **attempt)
        assert r.status_code == 401, attempt




# -- audit tampering ----------------------------------------------------------------------------
@pytest.fixture
def audit_db(portal):
    """Direct access to the audit table; every test's tampering is undone afterwards."""
    for _ in range(3):      # some entries to tamper with
        post_session(portal, "nobody-tamper", password="x", totp="123456")
    conn = sqlite3.connect(portal.db, timeout=30)
    saved = conn.execute("SELECT * FROM audit ORDER BY seq").fetchall()
    yield conn
    with conn:
        conn.execute("DELETE FROM audit")
        conn.executemany(f"INSERT INTO audit VALUES ({', '.join('?' * len(saved[0]))})", saved)
    conn.close()


def verify(portal) -> dict:
    r = requests.get(portal.api + "/audit/verify", headers={"Authorization": f"Bearer {portal.token('admin')}"},
                     timeout=60)
    assert r.status_code == 200, r.text
    return r.json()


def _rehash(conn, seq: int) -> None:
    """Recompute one entry's own hash, as an attacker who knows the algorithm would."""
    import json as _json

    from portal.store import audit_hash
    row = conn.execute("SELECT seq, at, actor_id, action, entity, entity_id, outcome, detail, prev_hash "
                       "FROM audit WHERE seq = ?", (seq,)).fetchone()
    entry = dict(zip(("seq", "at", "actor_id", "action", "entity", "entity_id", "outcome", "detail", "prev_hash"),
                     row))
    entry["detail"] = _json.loads(entry["detail"])
    conn.execute("UPDATE audit SET hash = ? WHERE seq = ?", (audit_hash(entry["prev_hash"], entry), seq))


TAMPERING = {
    "edit a detail": lambda c, k: c.execute("UPDATE audit SET detail = '{\"username\":\"mallory\"}' WHERE seq = ?", (k,)),
    "blame someone else": lambda c, k: c.execute("UPDATE audit SET actor_id = 'u-bent' WHERE seq = ?", (k,)),
    "turn a refusal into a success": lambda c, k: c.execute("UPDATE audit SET outcome = 'ok' WHERE seq = ?", (k,)),
    "move it in time": lambda c, k: c.execute("UPDATE audit SET at = '2020-01-01T00:00:00Z' WHERE seq = ?", (k,)),
    "delete an entry": lambda c, k: c.execute("DELETE FROM audit WHERE seq = ?", (k,)),
    "edit and rehash it": lambda c, k: (c.execute("UPDATE audit SET outcome = 'ok' WHERE seq = ?", (k,)),
                                        _rehash(c, k)),
    "swap two entries": lambda c, k: (
        c.execute("UPDATE audit SET seq = -1 WHERE seq = ?", (k,)),
        c.execute("UPDATE audit SET seq = ? WHERE seq = ?", (k, k + 1)),
        c.execute("UPDATE audit SET seq = ? WHERE seq = -1", (k + 1,))),
    "insert a forged entry": lambda c, k: (
        c.execute("UPDATE audit SET seq = seq + 1000000 WHERE seq > ?", (k,)),
        c.execute("UPDATE audit SET seq = seq - 1000000 + 1 WHERE seq > 1000000"),
        c.execute("INSERT INTO audit (seq, at, actor_id, action, entity, entity_id, outcome, detail, prev_hash, hash) "
                  "SELECT seq + 1, at, 'u-admin', 'application.review', 'application', 'APP-2026-0001', 'ok', '{}', "
                  "hash, hash FROM audit WHERE seq = ?", (k,))),
}


@pytest.mark.parametrize("how", list(TAMPERING))
def test_audit_tampering_is_detected(portal, audit_db, how):
    before = verify(portal)
    assert before["ok"] is True and before["first_bad_seq"] is None
    target = before["entries"] - 2
    with audit_db:
        TAMPERING[how](audit_db, target)
    after = verify(portal)
    assert after["ok"] is False, how
    assert after["first_bad_seq"] in (target, target + 1), (how, target, after)
    record("audit tampering", tampering=how, detected=True)
