"""This desktop as an outside witness of the portal's audit log (PRODUCT.md, "The audit
log is anchored outside the portal").

On first contact the portal's checkpoint key is pinned. Every sync then fetches a
signed checkpoint, checks its signature with the pinned key, and asks for a
consistency proof from the newest checkpoint verified before: a cut tail or a
rewritten history cannot pass, because this desktop saw the old head. Supervisors
and administrators also have the portal verify every entity's state against the log.

Any failure is an alarm, kept in the cache with the evidence (both checkpoints, the
failed proof) and never retried past: the trusted checkpoint stays the old one. No Qt.
"""

from __future__ import annotations

import base64
import json
import logging
import time
from dataclasses import dataclass

from rules import checkpoint as cp
from rules.audit_chain import audit_hash

from .api import AuthExpired, PortalError, PortalFault, PortalUnreachable
from .cache import Cache, now_iso

log = logging.getLogger(__name__)

VERIFY_ROLES = {"admin", "supervisor"}
# How often the full verification (every entity's state; O(log size)) is asked for.
STATE_CHECK_INTERVAL = 15 * 60


@dataclass
class Trust:
    public_key: bytes
    pinned_at: str
    checkpoint: dict | None
    checked_at: str | None

    @property
    def fingerprint(self) -> str:
        return cp.fingerprint(self.public_key)


class Unavailable(Exception):
    """The portal could not be asked (offline, a fault): not an alarm, try on the next sync."""


class AuditWitness:
    def __init__(self, client, cache: Cache, *, clock=time.time):
        self.client = client
        self.cache = cache
        self.clock = clock

    # -- what is kept ------------------------------------------------------------------------
    def trust(self) -> Trust | None:
        rows = self.cache.query("SELECT public_key, pinned_at, checkpoint, checked_at FROM audit_trust WHERE id = 1")
        if not rows:
            return None
        row = rows[0]
        return Trust(base64.b64decode(row["public_key"]), row["pinned_at"],
                     json.loads(row["checkpoint"]) if row["checkpoint"] else None, row["checked_at"])

    def alarms(self, include_resolved: bool = False) -> list[dict]:
        """The alarms still standing (a changed key the user accepted is resolved; tampering never is)."""
        sql = "SELECT id, kind, message, evidence, created_at, resolved_at, resolution FROM audit_alarms"
        if not include_resolved:
            sql += " WHERE resolved_at IS NULL"
        rows = self.cache.query(sql + " ORDER BY id")
        for row in rows:
            row["evidence"] = json.loads(row["evidence"])
        return rows

    def accept_new_key(self, alarm_id: int) -> bytes:
        """Pin the key a `new_key` alarm names, after the user compared its fingerprint with
        the one the portal's operator published (a key rotation, docs/audit-log.md). The
        trusted checkpoint stays: the next sync proves the log under the new key extends it."""
        alarm = next((a for a in self.alarms() if a["id"] == alarm_id), None)
        if alarm is None or alarm["kind"] != "new_key":
            raise ValueError("only a standing alarm about a changed key can be accepted")
        key = base64.b64decode(alarm["evidence"]["new_key"])
        with self.cache.transaction() as conn:
            conn.execute("UPDATE audit_trust SET public_key = ?, pinned_at = ? WHERE id = 1",
                         (base64.b64encode(key).decode("ascii"), now_iso()))
            conn.execute("UPDATE audit_alarms SET resolved_at = ?, resolution = ? WHERE id = ?",
                         (now_iso(), f"new key {cp.key_id(key)} accepted by the user", alarm_id))
        return key

    def _pin(self, public_key: bytes) -> None:
        with self.cache.transaction() as conn:
            conn.execute("INSERT INTO audit_trust (id, public_key, pinned_at) VALUES (1, ?, ?)",
                         (base64.b64encode(public_key).decode("ascii"), now_iso()))

    def _keep(self, checkpoint: dict) -> None:
        with self.cache.transaction() as conn:
            conn.execute("UPDATE audit_trust SET checkpoint = ?, checked_at = ? WHERE id = 1",
                         (json.dumps(checkpoint, sort_keys=True), now_iso()))

    def _alarm(self, kind: str, message: str, evidence: dict) -> dict:
        """Record an alarm and a Needs-attention item, once: the next syncs fail the same way
        (for the log, the trusted checkpoint stays the old one; for the portal's own check,
        the same problem is named), and a repeat would add nothing the user has not seen."""
        evidence = {"what_failed": kind, "message": message, "detected_at": now_iso(), **evidence}
        same = (lambda a: a["message"] == message) if kind == "log_verify" else \
            (lambda a: a["evidence"].get("trusted_checkpoint") == evidence.get("trusted_checkpoint"))
        for alarm in self.alarms():
            if alarm["kind"] == kind and same(alarm):
                return {**alarm, "new": False}
        text = json.dumps(evidence, sort_keys=True, ensure_ascii=False)
        with self.cache.transaction() as conn:
            cur = conn.execute("INSERT INTO audit_alarms (kind, message, evidence, created_at) VALUES (?, ?, ?, ?)",
                               (kind, message, text, evidence["detected_at"]))
            conn.execute(
                "INSERT INTO attention (outbox_id, action, entity_kind, entity_id, status, code, message, "
                "server_state, created_at, resolved) VALUES (NULL, ?, 'audit', NULL, NULL, ?, ?, ?, ?, 0)",
                ("audit log check", f"audit_{kind}", message, text, evidence["detected_at"]))
            alarm_id = cur.lastrowid
        log.warning("audit log alarm: %s", kind)
        return {"id": alarm_id, "kind": kind, "message": message, "evidence": evidence, "new": True}

    # -- the check -------------------------------------------------------------------------------
    def check(self, roles=()) -> dict | None:
        """One round. Returns the alarm raised (None when all holds); raises Unavailable
        when the portal could not be asked."""
        try:
            return self._check(set(roles))
        except (AuthExpired, PortalUnreachable, PortalFault) as exc:
            raise Unavailable(str(exc)) from exc

    def _get(self, path: str, params: dict | None = None):
        return self.client.get(path, params)

    def _check(self, roles: set) -> dict | None:
        trust = self.trust()
        try:
            key_answer = self._get("/audit/key")
        except PortalError as exc:
            if exc.status == 404 and trust is None:
                return None          # a portal without a transparency log: nothing to witness
            raise Unavailable(f"{exc.status} {exc.code}") from exc
        since = trust.checkpoint if trust else None
        base = {"pinned_key": base64.b64encode(trust.public_key).decode() if trust else None,
                "trusted_checkpoint": since}
        try:
            key = cp.decode_key(key_answer)
        except cp.CheckpointProblem as problem:
            # An answer that is no key at all (a proxy's page, a garbled body) proves nothing
            # either way: checked again on the next sync, like an unreachable portal.
            raise Unavailable(problem.message) from None
        if trust is None:
            self._pin(key)
            trust = self.trust()
        elif key != trust.public_key:
            return self._alarm("new_key", f"the portal now signs with key {cp.key_id(key)} "
                                          f"({cp.fingerprint(key)}), not the pinned key {cp.key_id(trust.public_key)}",
                               {**base, "new_key": base64.b64encode(key).decode()})
        try:
            current = self._get("/audit/checkpoint")
        except PortalError as exc:
            raise Unavailable(f"{exc.status} {exc.code}") from exc
        evidence = {**base, "new_checkpoint": current}
        try:
            cp.check_shape(current)
        except cp.CheckpointProblem as problem:
            raise Unavailable(problem.message) from None
        try:
            cp.verify_signature(current, trust.public_key)
        except cp.CheckpointProblem as problem:
            return self._alarm(problem.kind, problem.message, evidence)
        if since is not None:
            alarm = self._check_extends(since, current, evidence)
            if alarm is not None:
                return alarm
        if since is None or current["tree_size"] >= since["tree_size"]:
            self._keep(current)
        if roles & VERIFY_ROLES:
            return self._check_states(evidence)
        return None

    def _check_extends(self, since: dict, current: dict, evidence: dict) -> dict | None:
        if current["tree_size"] < since["tree_size"]:
            problem = cp.CheckpointProblem("smaller_tree", "")
            try:
                cp.verify_extends(since, current, [])
            except cp.CheckpointProblem as found:
                problem = found
            return self._alarm(problem.kind, problem.message, evidence)
        params = {"from": since["tree_size"], "to": current["tree_size"]}
        try:
            answer = self._get("/audit/consistency", params)
        except PortalError as exc:
            if exc.status >= 500 or exc.status in (408, 429):
                raise Unavailable(f"{exc.status} {exc.code}") from exc
            return self._alarm("bad_proof", f"the portal refused to prove its log extends the one signed at "
                                            f"{since['tree_size']} entries ({exc.status} {exc.code})", evidence)
        proof = answer.get("proof") if isinstance(answer, dict) else None
        if not isinstance(proof, list):
            raise Unavailable("the consistency answer holds no proof")
        evidence = {**evidence, "consistency": {**params, "proof": proof}}
        try:
            cp.verify_extends(since, current, proof)
        except cp.CheckpointProblem as problem:
            return self._alarm(problem.kind, problem.message, evidence)
        return None

    def _check_states(self, evidence: dict) -> dict | None:
        """The portal's own full verification (chain, tree, every entity's state), at most
        every STATE_CHECK_INTERVAL seconds: an edited entity row shows there."""
        rows = self.cache.query("SELECT states_checked_at FROM audit_trust WHERE id = 1")
        last = rows[0]["states_checked_at"] if rows else None
        if last is not None and self.clock() - last < STATE_CHECK_INTERVAL:
            return None
        try:
            answer = self._get("/audit/verify")
        except PortalError as exc:
            raise Unavailable(f"{exc.status} {exc.code}") from exc
        with self.cache.transaction() as conn:
            conn.execute("UPDATE audit_trust SET states_checked_at = ? WHERE id = 1", (self.clock(),))
        if isinstance(answer, dict) and answer.get("ok") is False:
            message = str(answer.get("problem") or f"entry {answer.get('first_bad_seq')} is bad")
            return self._alarm("log_verify", f"the portal's own check of its log fails: {message}",
                               {**evidence, "verify": answer})
        return None

    def inclusion(self, entry: dict) -> dict:
        """Check that `entry` (from GET /audit) is in the log of the trusted checkpoint.
        Returns that checkpoint; raises CheckpointProblem (not in it, or no trusted
        checkpoint yet), PortalError, PortalUnreachable."""
        trust = self.trust()
        if trust is None or trust.checkpoint is None:
            raise cp.CheckpointProblem("no_checkpoint", "no checkpoint verified yet: sync first")
        checkpoint = trust.checkpoint
        seq = entry.get("seq")
        if not isinstance(seq, int) or not 1 <= seq <= checkpoint["tree_size"]:
            raise cp.CheckpointProblem("not_yet", "the entry is newer than the checkpoint: sync first")
        try:
            content_ok = audit_hash(entry.get("prev_hash"), entry) == entry.get("hash")
        except (KeyError, TypeError):
            content_ok = False
        if not content_ok:
            raise cp.CheckpointProblem("bad_inclusion", f"entry {seq} as shown does not hash to its hash")
        answer = self._get("/audit/inclusion", {"seq": seq, "tree_size": checkpoint["tree_size"]})
        if not isinstance(answer, dict) or answer.get("leaf_index") != seq - 1:
            raise cp.CheckpointProblem("bad_inclusion", "the portal answered for another entry")
        cp.verify_entry_included(entry.get("hash"), seq - 1, checkpoint, answer.get("proof"))
        return checkpoint


def evidence_document(alarm: dict) -> dict:
    """The JSON a user exports to show what failed: both checkpoints and the failed proof."""
    return {"format": "portal-desk-audit-evidence", "version": 1, "alarm_id": alarm["id"], "kind": alarm["kind"],
            "message": alarm["message"], "raised_at": alarm["created_at"], **alarm["evidence"]}
