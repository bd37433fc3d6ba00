"""Issue 2: sign-in, lockout, replay, tokens, change feed, idempotency, audit, bad input.

A real portal process on a loopback port, real HTTP; on SQLite and on PostgreSQL
(the `db_backend` parameter, see tests/conftest.py).
"""

import glob
import threading
import tomllib
from pathlib import Path

import pyotp
import pytest
import requests

from tests.portal_process import SECRETS, wait_until


def post_session(portal, username, password="demo", totp=None, **kw):
    body = {"username": username, "password": password,
            "totp": totp if totp is not None else portal.totp.code(username)}
    return requests.post(portal.api + "/session", json=body, timeout=10, **kw)


def assert_error(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["code"] == code, body
    assert body["error"]["message"]


def test_health_and_openapi(portal):
    r = requests.get(portal.api + "/health", timeout=5)
    assert r.json()["status"] == "ok" and r.json()["version"]
    project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert r.json()["version"] == project["project"]["version"]    # one version, kept in pyproject.toml
    spec = requests.get(portal.api + "/openapi.json", timeout=5).json()
    assert "/api/v1/session" in spec["paths"] and "/api/v1/changes" in spec["paths"]


def test_sign_in_returns_token_and_user(portal):
    r = post_session(portal, "anna")
    assert r.status_code == 201, r.text
    body = r.json()
    assert len(body["token"]) >= 32 and body["expires_at"].endswith("Z")
    assert body["user"]["username"] == "anna" and body["user"]["roles"] == ["caseworker"]
    me = requests.get(portal.api + "/changes", params={"limit": 1},
                      headers={"Authorization": f"Bearer {body['token']}"}, timeout=5)
    assert me.status_code == 200


def test_wrong_password_code_and_unknown_user_look_the_same(portal):
    wrong_password = post_session(portal, "bent", password="nope", totp="123456")
    wrong_code = post_session(portal, "bent", totp="000000" if pyotp.TOTP(SECRETS["bent"]).now() != "000000" else "111111")
    unknown = post_session(portal, "nobody", totp="123456")
    for r in (wrong_password, wrong_code, unknown):
        assert_error(r, 401, "invalid_credentials")
    assert wrong_password.json() == unknown.json()


def test_totp_code_is_accepted_once(portal):
    code = portal.totp.code("helle")
    first = post_session(portal, "helle", totp=code)
    assert first.status_code == 201
    again = post_session(portal, "helle", totp=code)
    assert_error(again, 401, "totp_replayed")


def test_lockout_after_five_failures_does_not_reveal_the_user(fresh_portal):
    p = fresh_portal
    for _ in range(5):
        assert_error(post_session(p, "emil", password="wrong", totp="123456"), 401, "invalid_credentials")
        assert_error(post_session(p, "ghost", password="wrong", totp="123456"), 401, "invalid_credentials")
    locked = post_session(p, "emil")            # right password and a fresh code
    assert_error(locked, 429, "too_many_attempts")
    assert 800 < locked.json()["error"]["retry_after"] <= 901
    assert 800 < int(locked.headers["Retry-After"]) <= 901
    ghost = post_session(p, "ghost", password="wrong", totp="123456")
    assert_error(ghost, 429, "too_many_attempts")
    assert ghost.json()["error"]["message"] == locked.json()["error"]["message"]
    # Other users are not affected.
    assert post_session(p, "dorte").status_code == 201


def test_replayed_code_counts_towards_lockout(fresh_portal):
    p = fresh_portal
    code = p.totp.code("gustav")
    assert post_session(p, "gustav", totp=code).status_code == 201
    for _ in range(5):
        assert_error(post_session(p, "gustav", totp=code), 401, "totp_replayed")
    assert_error(post_session(p, "gustav"), 429, "too_many_attempts")


def test_token_dies_on_sign_out(portal):
    token = portal.sign_in("clara")
    auth = {"Authorization": f"Bearer {token}"}
    assert requests.delete(portal.api + "/session", headers=auth, timeout=5).status_code == 204
    after = requests.get(portal.api + "/changes", headers=auth, timeout=5)
    assert_error(after, 401, "unauthorized")
    assert_error(requests.delete(portal.api + "/session", headers=auth, timeout=5), 401, "unauthorized")


def test_token_expires(make_portal):
    p = make_portal(args=["--token-ttl", "2"]).start()
    token = p.sign_in("anna")
    auth = {"Authorization": f"Bearer {token}"}
    assert requests.get(p.api + "/changes", headers=auth, timeout=5).status_code == 200
    wait_until(lambda: requests.get(p.api + "/changes", headers=auth, timeout=5).status_code == 401,
               timeout=10, message="the token to expire")


def test_tokens_and_secrets_are_not_stored_in_plaintext(portal):
    token = portal.sign_in("dorte")
    with portal.store() as store, store.read() as tx:
        stored = [str(cell) for table in ("tokens", "idempotency", "audit", "users")
                  for row in tx.execute(f"SELECT * FROM {table}") for cell in row]
        hashes = [r[0] for r in tx.execute("SELECT password_hash FROM users")]
    assert stored and not any(token in cell for cell in stored)
    assert hashes and all(h.startswith("scrypt$") for h in hashes)
    if portal.backend == "sqlite":  # the database files themselves, journal included
        data = b"".join(Path(path).read_bytes() for path in [portal.db, *glob.glob(portal.db + "-*")])
        assert token.encode() not in data


def test_missing_or_bad_token_is_401_with_body(portal):
    assert_error(requests.get(portal.api + "/changes", timeout=5), 401, "unauthorized")
    assert_error(requests.get(portal.api + "/changes", headers={"Authorization": "Bearer nope"}, timeout=5),
                 401, "unauthorized")
    assert_error(requests.get(portal.api + "/changes", headers={"Authorization": "Basic x"}, timeout=5),
                 401, "unauthorized")


# -- change feed ------------------------------------------------------------

def kinds(state):
    out = {}
    for (kind, _id), data in state.items():
        if data is not None:
            out[kind] = out.get(kind, 0) + 1
    return out


def test_change_feed_is_filtered_by_role(portal):
    anna = kinds(portal.all_changes("anna"))
    assert anna.get("application", 0) >= 60 and anna.get("researcher", 0) >= 20 and anna.get("staff", 0) >= 9
    assert "warning" not in anna and "output" not in anna and "organisation" not in anna and "sample" not in anna

    frida = kinds(portal.all_changes("frida"))
    assert frida.get("warning") == 12 and frida.get("organisation", 0) >= 150
    assert not {"application", "output", "sample", "researcher"} & set(frida)

    dorte = portal.all_changes("dorte")
    assert kinds(dorte).get("output") == 40 and kinds(dorte).get("sample", 0) >= 1
    assert not {"application", "warning", "organisation"} & set(kinds(dorte))

    admin = kinds(portal.all_changes("admin"))
    assert {"application", "output", "sample", "warning", "organisation", "staff"} <= set(admin)


def test_researcher_sees_only_own_cases_without_sample_details(portal):
    state = portal.all_changes("rikke")
    k = kinds(state)
    assert set(k) <= {"application", "output", "researcher", "institution"}
    apps = [d for (kind, _), d in state.items() if kind == "application"]
    outputs = [d for (kind, _), d in state.items() if kind == "output"]
    assert apps and all(a["applicant_id"] == "R-0001" for a in apps)
    assert outputs and all(o["researcher_id"] == "R-0001" for o in outputs)
    assert all("sample" not in o and "draw" not in o for o in outputs)
    researchers = [d for (kind, _), d in state.items() if kind == "researcher"]
    assert [r["id"] for r in researchers] == ["R-0001"]


def test_recipient_sees_sent_warnings_to_own_organisation_only(portal):
    state = portal.all_changes("ole")
    k = kinds(state)
    assert set(k) <= {"warning", "organisation", "acknowledgement"}
    assert [d["id"] for (kind, _), d in state.items() if kind == "organisation"] == ["ORG-001"]
    warnings = [d for (kind, _), d in state.items() if kind == "warning"]
    assert warnings and all(w["status"] != "draft" for w in warnings)
    assert all(a["org_id"] == "ORG-001" for w in warnings for a in w["acks"])
    assert all("addressed_org_ids" not in w for w in warnings)
    coordinator_view = {d["id"]: d for (kind, _), d in portal.all_changes("frida").items() if kind == "warning"}
    for w in warnings:
        assert "ORG-001" in coordinator_view[w["id"]]["addressed_org_ids"]


def test_changes_rejects_bad_parameters(portal):
    s = portal.session("anna")
    for params in ({"since": "abc"}, {"since": -1}, {"limit": 0}, {"limit": 1001}, {"limit": "x"}):
        assert_error(s.get(portal.api + "/changes", params=params, timeout=5), 400, "bad_request")


def test_pagination_neither_loses_nor_repeats_while_writes_happen(fresh_portal):
    """Page through the feed with small pages while another process writes between pages."""
    from portal import entities

    p = fresh_portal
    with p.store() as writer:
        s = p.session("bent")
        seen_seqs, state, since, page_no = [], {}, 0, 0
        while True:
            page = s.get(p.api + "/changes", params={"since": since, "limit": 7}, timeout=10).json()
            for c in page["changes"]:
                seen_seqs.append(c["seq"])
                state[(c["entity"], c["id"])] = c["data"]
            since = page["next"]
            page_no += 1
            if page_no % 3 == 0 and page_no < 40:
                # Another writer changes an application already delivered, and adds one.
                with writer.write() as tx:
                    app = tx.get("application", "APP-2026-0005")
                    app["title"] = f"Edited on page {page_no}"
                    entities.save(tx, "application", app)
                    new = dict(app, id=f"APP-2026-9{page_no:03d}", title=f"New on page {page_no}")
                    entities.save(tx, "application", new)
            if not page["more"]:
                break
        assert seen_seqs == sorted(seen_seqs) and len(seen_seqs) == len(set(seen_seqs))
        # A client starting from scratch now must hold exactly the same state.
        s2, full, since = p.session("bent"), {}, 0
        while True:
            page = s2.get(p.api + "/changes", params={"since": since, "limit": 1000}, timeout=10).json()
            full.update({(c["entity"], c["id"]): c["data"] for c in page["changes"]})
            since = page["next"]
            if not page["more"]:
                break
        assert state == full
        assert state[("application", "APP-2026-0005")]["title"].startswith("Edited on page")


# -- idempotency --------------------------------------------------------------

def test_idempotent_repeat_returns_first_answer_and_reused_key_refused(portal):
    headers = {"Idempotency-Key": "sign-in-attempt-1"}
    body = {"username": "frida", "password": "wrong", "totp": "123456"}
    first = requests.post(portal.api + "/session", json=body, headers=headers, timeout=5)
    second = requests.post(portal.api + "/session", json=body, headers=headers, timeout=5)
    assert first.status_code == second.status_code == 401 and first.json() == second.json()
    other = requests.post(portal.api + "/session", json=dict(body, password="other"), headers=headers, timeout=5)
    assert_error(other, 422, "idempotency_key_reused")


# -- audit --------------------------------------------------------------------

def test_audit_chain_verifies_and_detects_tampering(fresh_portal):
    p = fresh_portal
    post_session(p, "anna", password="wrong", totp="123456")
    s = p.session("admin")
    ok = s.get(p.api + "/audit/verify", timeout=10).json()
    assert ok["ok"] is True and ok["entries"] >= 2 and ok["first_bad_seq"] is None
    entries = s.get(p.api + "/audit", params={"action": "session.create"}, timeout=5).json()["entries"]
    assert any(e["outcome"] == "refused" and e["detail"].get("code") == "invalid_credentials" for e in entries)
    assert all(len(e["hash"]) == 64 and len(e["prev_hash"]) == 64 for e in entries)
    # Someone edits an entry by hand.
    with p.store() as store, store.write() as tx:
        tx.execute("UPDATE audit SET detail = '{\"username\":\"mallory\"}' WHERE seq = 2")
    bad = s.get(p.api + "/audit/verify", timeout=10).json()
    assert bad["ok"] is False and bad["first_bad_seq"] == 2
    # A caseworker may not run the verification, and that refusal is audited too.
    r = p.session("anna").get(p.api + "/audit/verify", timeout=5)
    assert_error(r, 403, "role_required")


def test_audit_entry_removed_is_detected(fresh_portal):
    p = fresh_portal
    for _ in range(3):
        post_session(p, "bent", password="wrong", totp="123456")
    with p.store() as store, store.write() as tx:
        tx.execute("DELETE FROM audit WHERE seq = 3")
    result = p.session("dorte").get(p.api + "/audit/verify", timeout=10).json()
    assert result["ok"] is False and result["first_bad_seq"] == 3


def test_audit_is_limited_to_what_the_caller_may_see(portal):
    anna = portal.session("anna").get(portal.api + "/audit", params={"limit": 5000}, timeout=10).json()["entries"]
    assert all(e["entity"] in (None, "application", "researcher", "staff", "institution", "session") or
               e["actor_id"] == "u-anna" for e in anna)
    assert not any(e["entity"] == "warning" for e in anna)


# -- bad input ------------------------------------------------------------------

def test_malformed_json_and_wrong_types_are_4xx_with_error_body(portal):
    r = requests.post(portal.api + "/session", data=b"{not json", headers={"Content-Type": "application/json"},
                      timeout=5)
    assert_error(r, 400, "bad_request")
    r = requests.post(portal.api + "/session", json={"username": 5, "password": [], "totp": {}}, timeout=5)
    assert_error(r, 422, "invalid_field")
    r = requests.post(portal.api + "/session", json={"username": "anna"}, timeout=5)
    assert_error(r, 422, "invalid_field")
    r = requests.post(portal.api + "/session", json=["a"], timeout=5)
    assert r.status_code in (400, 422) and "error" in r.json()
    assert_error(requests.get(portal.api + "/nope", timeout=5), 404, "not_found")
    assert_error(requests.put(portal.api + "/session", timeout=5), 405, "method_not_allowed")


def test_oversize_body_is_refused_early(portal):
    big = b"x" * (41 * 1024 * 1024)
    r = requests.post(portal.api + "/session", data=big, headers={"Content-Type": "application/json"}, timeout=30)
    assert_error(r, 413, "too_large")


def test_oversize_refusals_are_audited_with_their_caller(portal):
    """A 413 is answered before any route runs; it is audited all the same, naming the
    caller when the token is good (a bad token: no caller, still audited)."""
    s = portal.session("frida")
    big = b"x" * (41 * 1024 * 1024)
    assert_error(s.post(portal.api + "/warnings", data=big, headers={"Content-Type": "application/json"},
                        timeout=30), 413, "too_large")
    assert_error(requests.post(portal.api + "/warnings", data=big, timeout=30,
                               headers={"Content-Type": "application/json", "Authorization": "Bearer nonsense"}),
                 413, "too_large")
    entries = portal.session("admin").get(portal.api + "/audit", timeout=10,
                                          params={"outcome": "refused", "limit": 5000}).json()["entries"]
    oversize = [e for e in entries if e["detail"].get("code") == "too_large" and "/warnings" in e["action"]]
    assert [e["actor_id"] for e in oversize[-2:]] == ["u-frida", None], oversize[-2:]
    assert all(e["detail"]["status"] == 413 for e in oversize)


def test_sql_metacharacters_and_unicode_in_username_are_harmless(portal):
    for name in ("anna' OR '1'='1", "anna\"; DROP TABLE users; --", "ånnä\u202e", "\u0000anna"):
        r = post_session(portal, name, totp="123456")
        assert r.status_code in (401, 422), r.text
    assert post_session(portal, "bent").status_code == 201


def test_concurrent_sign_ins_do_not_fail(portal):
    results = []

    def attempt():
        results.append(requests.post(portal.api + "/session",
                                     json={"username": "nobody2", "password": "x", "totp": "123456"}, timeout=20))

    threads = [threading.Thread(target=attempt) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert {r.status_code for r in results} <= {401, 429}


def test_a_process_serves_more_clients_than_it_has_threads(make_portal):
    """`--threads 2`: twelve clients at once are all answered (they queue; none is refused)."""
    portal = make_portal(args=["--threads", "2"]).start()
    session = portal.session("admin")
    answers, lock = [], threading.Lock()
    gate = threading.Barrier(12)

    def page(i):
        gate.wait()
        r = session.get(portal.api + "/changes", params={"since": i, "limit": 50}, timeout=60)
        with lock:
            answers.append((r.status_code, len(r.json()["changes"])))

    threads = [threading.Thread(target=page, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(90)
    assert len(answers) == 12 and all(status == 200 and count == 50 for status, count in answers), answers


def test_threads_must_be_positive():
    import subprocess
    import sys
    result = subprocess.run([sys.executable, "-m", "portal", "--db", "unused.db", "--threads", "0"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "--threads" in result.stderr


def test_a_missing_route_module_stops_the_portal(monkeypatch):
    # A listed area whose module is missing was skipped silently: its calls answered 404.
    from portal import routes
    monkeypatch.setattr(routes, "DOMAIN_MODULES", (*routes.DOMAIN_MODULES, "no_such_area"))
    with pytest.raises(ModuleNotFoundError, match="no_such_area"):
        routes.load_domain_routers()
