"""The audit log as a transparency log, over HTTP (PRODUCT.md, "The audit log is anchored
outside the portal"): key, signed checkpoints, consistency and inclusion proofs, their
refusals, two portal processes growing one tree, and audit verify. Both backends."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import requests

from rules import checkpoint as cp
from tests.portal_process import ROOT


def error(response, status, code):
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code


def audited_refusals(portal, n, token=None):
    """`n` audit entries: refused reviews by a signed-in administrator (anonymous refusals
    are rate-limited per address)."""
    token = token or portal.token("admin")
    for _ in range(n):
        r = requests.post(portal.api + "/applications/NO-SUCH-APP/reviews", json={"decision": "approve"},
                          headers={"Authorization": f"Bearer {token}"}, timeout=30)
        assert 400 <= r.status_code < 500, r.text


def public_key(portal) -> bytes:
    answer = requests.get(portal.api + "/audit/key", timeout=5)
    assert answer.status_code == 200
    return cp.decode_key(answer.json())


def test_key_is_public_and_checkpoints_are_signed_with_it(portal):
    key = public_key(portal)
    assert requests.get(portal.api + "/audit/key", timeout=5).json()["key_id"] == cp.key_id(key)
    error(requests.get(portal.api + "/audit/checkpoint", timeout=5), 401, "unauthorized")
    s = portal.session("anna")
    checkpoint = s.get(portal.api + "/audit/checkpoint", timeout=5).json()
    assert cp.verify_signature(checkpoint, key)
    assert checkpoint["tree_size"] >= 1 and checkpoint["timestamp"].endswith("Z")
    forged = dict(checkpoint, tree_size=checkpoint["tree_size"] + 1)
    try:
        cp.verify_signature(forged, key)
        raise AssertionError("a changed checkpoint verified")
    except cp.CheckpointProblem as problem:
        assert problem.kind == "bad_signature"


def test_consistency_proofs_show_the_log_only_grew(portal):
    key = public_key(portal)
    s = portal.session("anna")
    old = cp.verify_signature(s.get(portal.api + "/audit/checkpoint", timeout=5).json(), key)
    audited_refusals(portal, 3)
    new = cp.verify_signature(s.get(portal.api + "/audit/checkpoint", timeout=5).json(), key)
    assert new["tree_size"] >= old["tree_size"] + 3
    answer = s.get(portal.api + "/audit/consistency", params={"from": old["tree_size"], "to": new["tree_size"]},
                   timeout=5).json()
    assert answer["from"] == old["tree_size"] and answer["to"] == new["tree_size"] and answer["proof"]
    cp.verify_extends(old, new, answer["proof"])
    same = s.get(portal.api + "/audit/consistency", params={"from": 5, "to": 5}, timeout=5).json()
    assert same["proof"] == []
    # Refusals: M > N, N beyond the log, not numbers, not signed in.
    error(s.get(portal.api + "/audit/consistency", params={"from": 6, "to": 5}, timeout=5), 400, "bad_request")
    error(s.get(portal.api + "/audit/consistency", params={"from": 1, "to": new["tree_size"] + 1000}, timeout=5),
          400, "bad_request")
    error(s.get(portal.api + "/audit/consistency", params={"from": "x", "to": 5}, timeout=5), 400, "bad_request")
    error(requests.get(portal.api + "/audit/consistency", params={"from": 1, "to": 2}, timeout=5),
          401, "unauthorized")


def test_inclusion_proof_of_a_visible_entry_against_a_checkpoint(portal):
    key = public_key(portal)
    s = portal.session("anna")
    checkpoint = cp.verify_signature(s.get(portal.api + "/audit/checkpoint", timeout=5).json(), key)
    mine = s.get(portal.api + "/audit", params={"actor": "u-anna"}, timeout=5).json()["entries"] or \
        s.get(portal.api + "/audit", timeout=5).json()["entries"]
    entry = [e for e in mine if e["seq"] <= checkpoint["tree_size"]][-1]
    answer = s.get(portal.api + "/audit/inclusion", params={"seq": entry["seq"], "tree_size": checkpoint["tree_size"]},
                   timeout=5).json()
    assert answer["leaf_index"] == entry["seq"] - 1 and answer["tree_size"] == checkpoint["tree_size"]
    cp.verify_entry_included(entry["hash"], answer["leaf_index"], checkpoint, answer["proof"])
    error(s.get(portal.api + "/audit/inclusion", params={"seq": 1, "tree_size": checkpoint["tree_size"] + 1000},
                timeout=5), 400, "bad_request")
    error(s.get(portal.api + "/audit/inclusion", params={"seq": checkpoint["tree_size"], "tree_size": 1},
                timeout=5), 400, "bad_request")


def test_inclusion_refuses_entries_the_caller_may_not_see(portal):
    audited_refusals(portal, 1)                            # the administrator's, about no case of rikke's
    admin = portal.session("admin")
    size = admin.get(portal.api + "/audit/checkpoint", timeout=5).json()["tree_size"]
    entry = admin.get(portal.api + "/audit", params={"actor": "u-admin", "outcome": "refused"},
                      timeout=5).json()["entries"]
    seq = entry[-1]["seq"]
    assert admin.get(portal.api + "/audit/inclusion", params={"seq": seq, "tree_size": size}, timeout=5).status_code == 200
    researcher = portal.session("rikke")
    error(researcher.get(portal.api + "/audit/inclusion", params={"seq": seq, "tree_size": size}, timeout=5),
          404, "not_found")


def test_two_processes_grow_one_tree(make_portal):
    a = make_portal().start()
    b = a.peer()
    try:
        b.start()
        grow_one_tree(a, b)
    finally:
        b.close()


def grow_one_tree(a, b):
    assert public_key(a) == public_key(b)
    key = public_key(a)
    old = cp.verify_signature(a.session("admin").get(a.api + "/audit/checkpoint", timeout=5).json(), key)
    import threading
    token = a.token("admin")
    threads = [threading.Thread(target=audited_refusals, args=(p, 8, token)) for p in (a, b, a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    s = b.session("admin")
    new = cp.verify_signature(s.get(b.api + "/audit/checkpoint", timeout=5).json(), key)
    assert new["tree_size"] >= old["tree_size"] + 32
    proof = s.get(b.api + "/audit/consistency", params={"from": old["tree_size"], "to": new["tree_size"]},
                  timeout=5).json()["proof"]
    cp.verify_extends(old, new, proof)
    result = s.get(b.api + "/audit/verify", params={"checkpoint": json.dumps(old)}, timeout=60).json()
    assert result["ok"] is True, result
    assert result["entries"] >= new["tree_size"]


def test_audit_verify_reports_the_first_problem(fresh_portal):
    p = fresh_portal
    s = p.session("admin")
    checkpoint = s.get(p.api + "/audit/checkpoint", timeout=5).json()
    result = s.get(p.api + "/audit/verify", params={"checkpoint": json.dumps(checkpoint)}, timeout=30).json()
    assert result["ok"] is True and result["problem"] is None
    error(s.get(p.api + "/audit/verify", params={"checkpoint": "{not json"}, timeout=5), 400, "bad_request")
    with p.store() as store, store.write() as tx:
        row = tx.execute("SELECT kind, id, data FROM entities WHERE kind = 'application' AND data IS NOT NULL "
                         "ORDER BY seq LIMIT 1").fetchone()
        tx.execute("UPDATE entities SET data = ? WHERE kind = ? AND id = ?",
                   (row[2].replace('"status":"', '"status":"x'), row[0], row[1]))
    result = s.get(p.api + "/audit/verify", timeout=30).json()
    assert result["ok"] is False and row[1] in result["problem"] and "edited" in result["problem"]


def test_key_file_beside_a_sqlite_database_is_owner_only(make_portal, db_backend):
    p = make_portal().start()
    if db_backend == "sqlite":
        path = p.db + ".audit-key.pem"
    else:
        path = p.audit_key
    assert os.path.exists(path)
    if os.name == "posix":
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    p.stop()
    # The same key on the next start.
    first = public_key(p.start())
    p.stop()
    assert first == public_key(p.start())


def test_postgresql_needs_an_audit_key_file(db_backend, pg_cluster):
    if db_backend != "postgresql":
        return
    from tests import pg_cluster as cluster
    url = cluster.new_database()
    try:
        done = subprocess.run([sys.executable, "-m", "portal", "--db", url, "--port", "1"], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 2 and "--audit-key" in done.stderr
    finally:
        cluster.drop_database(url)
