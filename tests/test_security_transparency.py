"""Whoever holds the portal's database tampers with the audit log; a real client that
synced before finds it on its next sync, and `python -m portal audit verify`, given the
checkpoint the client trusted, finds it too. Each against a real portal, on SQLite and
on PostgreSQL:

- truncate the tail (the last decisions vanish),
- rewrite history with every hash recomputed (chain and tree),
- edit an entity row (an output's state) without an audit entry,
- swap the signing key,
- replay an old checkpoint (the log rolled back to a state the portal signed earlier).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import requests

from tests.client_helpers import sign_in_through_dialog, sync_again, wait_for_sync
from tests.faults import record
from tests.portal_process import ROOT

USER = "dorte"    # a supervisor: her client also has the portal verify every entity's state


def cp_fingerprint_of(key_b64: str) -> str:
    import base64
    from rules.checkpoint import fingerprint
    return fingerprint(base64.b64decode(key_b64))


def audited_refusals(portal, n, token=None):
    """`n` audit entries: refused reviews by a signed-in administrator (anonymous refusals
    are rate-limited per address)."""
    token = token or portal.token("admin")
    for _ in range(n):
        r = requests.post(portal.api + "/applications/NO-SUCH-APP/reviews", json={"decision": "approve"},
                          headers={"Authorization": f"Bearer {token}"}, timeout=30)
        assert 400 <= r.status_code < 500, r.text


@pytest.fixture
def witnessed(fresh_portal, desk_factory, qtbot, tmp_path, monkeypatch):
    """A portal and a client that synced twice (so it trusts a checkpoint it reached by a
    verified consistency proof); returns (portal, desk, the first and second checkpoints)."""
    monkeypatch.setattr("desktop.sync.witness.STATE_CHECK_INTERVAL", 0)
    portal = fresh_portal
    desk = desk_factory(portal, tmp_path / "client")
    sign_in_through_dialog(qtbot, desk, portal, USER)
    first = wait_for_sync(qtbot, desk)
    assert first.error is None and first.audit_alarm is None
    witness = desk.window.workspace.engine.witness
    early = witness.trust().checkpoint
    audited_refusals(portal, 4)
    second = sync_again(qtbot, desk)
    assert second.audit_alarm is None, second.audit_alarm
    trusted = witness.trust().checkpoint
    assert trusted["tree_size"] >= early["tree_size"] + 4
    return portal, desk, early, trusted


def report(portal, tampering: str, evidence: dict, done: subprocess.CompletedProcess) -> None:
    record("transparency log tampering", tampering=tampering, backend=portal.backend,
           alarm=f"{evidence['kind']}: {evidence['message']}", verify=done.stdout.strip().splitlines()[-1])


def audit_verify(portal, checkpoint: dict, tmp_path) -> subprocess.CompletedProcess:
    path = tmp_path / "checkpoint.json"
    path.write_text(json.dumps(checkpoint), encoding="utf-8")
    args = [sys.executable, "-m", "portal", "audit", "verify", "--db", portal.db, "--checkpoint", str(path)]
    if portal.audit_key:
        args += ["--audit-key", portal.audit_key]
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120)


def detected(qtbot, desk, kind: str, tmp_path) -> dict:
    """The next sync raises the alarm `kind`, everywhere the user looks."""
    result = sync_again(qtbot, desk)
    alarm = result.audit_alarm
    assert alarm is not None and alarm["kind"] == kind, alarm
    window = desk.window
    notice = window.audit_notice                                        # the blocking notice
    assert notice.isVisible() and notice.isModal()
    trusted = alarm["evidence"]["trusted_checkpoint"]
    assert str(trusted["tree_size"]) in notice.informativeText()       # since which checkpoint
    notice.done(0)
    items = window.workspace.engine.outbox.attention()                  # a Needs-attention item
    assert any(i["entity_kind"] == "audit" and i["code"] == f"audit_{kind}" for i in items)
    page = window.open_page("audit")                                    # the audit page, red
    assert page.witness_panel.objectName() == "auditAlarm"
    assert page.witness_panel.export_button.isVisible()
    path = page.witness_panel.export_evidence(str(tmp_path / "evidence.json"))
    evidence = json.loads(open(path, encoding="utf-8").read())          # the evidence, exported
    assert evidence["kind"] == kind and evidence["trusted_checkpoint"] == trusted
    assert "new_checkpoint" in evidence or "new_key" in evidence
    # Never a silent retry: the next sync keeps the old checkpoint trusted and the alarm standing.
    again = sync_again(qtbot, desk)
    assert again.audit_alarm is None                                    # not raised twice...
    witness = window.workspace.engine.witness
    assert witness.alarms()                                             # ...and not forgotten
    if kind != "log_verify":        # the log itself failed: the old checkpoint stays the trusted one
        assert witness.trust().checkpoint == trusted
    return evidence


def test_a_truncated_tail_is_found(witnessed, qtbot, tmp_path):
    portal, desk, _, trusted = witnessed
    from portal.transparency import tree
    with portal.store() as store, store.write() as tx:
        keep = trusted["tree_size"] - 2
        tx.execute("DELETE FROM audit_state WHERE seq > ?", (keep,))
        tx.execute("DELETE FROM audit WHERE seq > ?", (keep,))
        tree.truncate(tx, keep)
    evidence = detected(qtbot, desk, "smaller_tree", tmp_path)
    assert evidence["new_checkpoint"]["tree_size"] < trusted["tree_size"]
    done = audit_verify(portal, trusted, tmp_path)
    assert done.returncode == 1 and "fewer than" in done.stdout, done.stdout + done.stderr
    report(portal, "truncate the tail (2 entries)", evidence, done)


def test_history_rewritten_with_recomputed_hashes_is_found(witnessed, qtbot, tmp_path):
    portal, desk, _, trusted = witnessed
    from portal.store import GENESIS_HASH, audit_hash
    from portal.transparency import tree
    with portal.store() as store, store.write() as tx:
        target = trusted["tree_size"] - 3
        tx.execute("UPDATE audit SET detail = ? WHERE seq = ?", ('{"code":"nothing to see"}', target))
        prev = tx.execute("SELECT hash FROM audit WHERE seq = ?", (target - 1,)).fetchone()[0] \
            if target > 1 else GENESIS_HASH
        for entry in [e for e in tx.audit_iter() if e["seq"] >= target]:
            entry["prev_hash"] = prev
            entry["hash"] = audit_hash(prev, entry)
            tx.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, entry["hash"], entry["seq"]))
            prev = entry["hash"]
        tx.execute("DELETE FROM audit_tree")
        tree.catch_up(tx)
        from portal.transparency.verify import verify_log
        assert verify_log(tx)["ok"]     # without a checkpoint from outside, nothing shows
    evidence = detected(qtbot, desk, "bad_proof", tmp_path)
    assert evidence["consistency"]["from"] == trusted["tree_size"]
    assert evidence["new_checkpoint"]["root_hash"] != trusted["root_hash"]
    done = audit_verify(portal, trusted, tmp_path)
    assert done.returncode == 1 and "history was rewritten" in done.stdout, done.stdout + done.stderr
    report(portal, "rewrite an entry, every hash recomputed (chain and tree)", evidence, done)


def test_an_edited_entity_row_is_found(witnessed, qtbot, tmp_path):
    portal, desk, _, trusted = witnessed
    with portal.store() as store, store.write() as tx:
        kind, id, data = tx.execute("SELECT kind, id, data FROM entities WHERE kind = 'output' AND data IS NOT NULL "
                                    "ORDER BY seq LIMIT 1").fetchone()
        edited = json.loads(data)
        edited["status"] = "released" if edited.get("status") != "released" else "rejected"
        tx.execute("UPDATE entities SET data = ? WHERE kind = ? AND id = ?",
                   (json.dumps(edited, sort_keys=True, separators=(",", ":")), kind, id))
    evidence = detected(qtbot, desk, "log_verify", tmp_path)
    assert id in evidence["verify"]["problem"]
    done = audit_verify(portal, trusted, tmp_path)
    assert done.returncode == 1 and id in done.stdout and "edited" in done.stdout, done.stdout + done.stderr
    report(portal, "edit an output's row", evidence, done)


def test_a_swapped_key_is_found(witnessed, qtbot, tmp_path):
    portal, desk, _, trusted = witnessed
    key_file = portal.audit_key or portal.db + ".audit-key.pem"
    portal.stop()
    os.unlink(key_file)
    portal.start()                       # makes a new key where the old one was
    evidence = detected(qtbot, desk, "new_key", tmp_path)
    assert evidence["new_key"] != evidence["pinned_key"]
    done = audit_verify(portal, trusted, tmp_path)
    assert done.returncode == 1 and "not the pinned key" in done.stdout, done.stdout + done.stderr
    report(portal, "swap the signing key", evidence, done)
    # A planned rotation: the user compares the fingerprint and trusts the new key; the log
    # signed with it must still extend the checkpoint verified under the old one.
    panel = desk.window.open_page("audit").witness_panel
    assert panel.accept_button.isVisible()
    box = panel.ask_accept_key()
    assert box.isVisible() and cp_fingerprint_of(evidence["new_key"]) in box.text()
    panel.accept_key(panel.alarms()[-1]["id"])
    assert panel.objectName() == "auditWitness" and not panel.accept_button.isVisible()
    box.done(0)
    audited_refusals(portal, 2)
    after = sync_again(qtbot, desk)
    assert after.audit_alarm is None
    assert panel.witness.trust().checkpoint["tree_size"] >= trusted["tree_size"] + 2


def test_a_replayed_old_checkpoint_is_found(witnessed, qtbot, tmp_path):
    portal, desk, early, trusted = witnessed
    from portal.transparency import tree
    # The log rolled back to exactly the state of an earlier checkpoint (a restored backup):
    # the portal signs that old state again, a checkpoint the client has long passed.
    admin = portal.session("admin")
    with portal.store() as store, store.write() as tx:
        tx.execute("DELETE FROM audit_state WHERE seq > ?", (early["tree_size"],))
        tx.execute("DELETE FROM audit WHERE seq > ?", (early["tree_size"],))
        tree.truncate(tx, early["tree_size"])
    replayed = admin.get(portal.api + "/audit/checkpoint", timeout=5).json()
    assert (replayed["tree_size"], replayed["root_hash"]) == (early["tree_size"], early["root_hash"])
    evidence = detected(qtbot, desk, "smaller_tree", tmp_path)
    assert evidence["new_checkpoint"]["tree_size"] <= early["tree_size"] + 1
    done = audit_verify(portal, trusted, tmp_path)
    assert done.returncode == 1 and "fewer than" in done.stdout, done.stdout + done.stderr
    report(portal, "roll back to an old signed checkpoint", evidence, done)
