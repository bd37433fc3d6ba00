"""Everything the audit log promises, checked from the database up: the hash chain,
the entity states each entry recorded, the stored Merkle tree, a checkpoint signed
earlier, and that every entity's stored state is the one its latest entry recorded.

Behind `python -m portal audit verify` and GET /audit/verify. The first problem found
is named; `first_bad_seq` is the first entry found wrong (None when the entries are
sound and the problem lies elsewhere).
"""

from __future__ import annotations

from rules import merkle
from rules.checkpoint import CheckpointProblem, verify_signature

from ..store import GENESIS_HASH, audit_hash, state_digest, state_hash
from . import tree

BATCH = 5000


class _Findings:
    def __init__(self):
        self.problem: str | None = None
        self.kind: str | None = None
        self.first_bad_seq: int | None = None
        self.count = 0

    def add(self, kind: str, message: str, seq: int | None = None) -> None:
        self.count += 1
        if self.problem is None:
            self.problem, self.kind = message, kind
        if seq is not None and self.first_bad_seq is None:
            self.first_bad_seq = seq


def verify_log(tx, public_key: bytes | None = None, checkpoint=None) -> dict:
    found = _Findings()
    entries, checkpoint_root, root = _entries(tx, found, checkpoint)
    _stored_tree(tx, found, entries, root)
    if checkpoint is not None:
        _checkpoint(found, checkpoint, public_key, entries, checkpoint_root)
    _entity_states(tx, found)
    return {"ok": found.problem is None, "entries": entries, "first_bad_seq": found.first_bad_seq,
            "problem": found.problem, "problem_kind": found.kind, "problems": found.count,
            "tree_size": entries, "root_hash": root.hex()}


def _entries(tx, found: _Findings, checkpoint) -> tuple[int, bytes | None, bytes]:
    """One pass over the entries: chain, recorded states, and the tree's root (at the
    checkpoint's size and at the end), built as a stack of complete subtrees."""
    wanted = checkpoint.get("tree_size") if isinstance(checkpoint, dict) else None
    prev, expected, count, stack = GENESIS_HASH, 1, 0, []
    at_checkpoint = merkle.EMPTY_ROOT if wanted == 0 else None
    after = 0
    while True:
        batch = [tx._audit_row(r) for r in tx.execute(
            f"SELECT {tx._AUDIT_COLUMNS} FROM audit WHERE seq > ? ORDER BY seq LIMIT ?", (after, BATCH)).fetchall()]
        if not batch:
            break
        states: dict[int, dict] = {}
        for seq, kind, id, h in tx.execute(
                "SELECT seq, kind, id, state_hash FROM audit_state WHERE seq >= ? AND seq <= ?",
                (batch[0]["seq"], batch[-1]["seq"])):
            states.setdefault(seq, {})[(kind, id)] = h
        for entry in batch:
            count += 1
            seq = entry["seq"]
            if seq != expected or entry["prev_hash"] != prev or audit_hash(prev, entry) != entry["hash"]:
                if found.first_bad_seq is None:
                    found.add("chain", f"audit entry {min(seq, expected)} was changed, removed or reordered "
                                       "(the hash chain breaks there)", min(seq, expected))
            recorded = states.get(seq)
            if (state_digest(recorded) if recorded else None) != entry["state_digest"]:
                found.add("states", f"the entity states recorded with audit entry {seq} were changed", seq)
            prev, expected = entry["hash"], expected + 1
            stack.append((0, merkle.leaf_hash(bytes.fromhex(entry["hash"]))))
            while len(stack) > 1 and stack[-1][0] == stack[-2][0]:
                (level, right), (_, left) = stack.pop(), stack.pop()
                stack.append((level + 1, merkle.node_hash(left, right)))
            if count == wanted:
                at_checkpoint = merkle.fold([h for _, h in stack])
        after = batch[-1]["seq"]
    root = merkle.fold([h for _, h in stack]) if stack else merkle.EMPTY_ROOT
    return count, at_checkpoint, root


def _stored_tree(tx, found: _Findings, entries: int, root: bytes) -> None:
    """The tree the portal signs from must be the tree of the entries."""
    stored = tree.size(tx)
    try:
        same = stored == entries and tree.root(tx, entries) == root
    except LookupError:
        same = False
    if not same:
        found.add("tree", f"the stored Merkle tree ({stored} leaves) is not the tree of the "
                          f"{entries} audit entries")


def _checkpoint(found: _Findings, checkpoint, public_key: bytes | None, entries: int,
                root_then: bytes | None) -> None:
    if public_key is None:
        found.add("checkpoint", "no audit key to check the checkpoint's signature with")
        return
    try:
        verify_signature(checkpoint, public_key)
    except CheckpointProblem as problem:
        found.add(problem.kind, f"checkpoint: {problem.message}")
        return
    size, signed_root = checkpoint["tree_size"], checkpoint["root_hash"]
    if entries < size:
        found.add("smaller_tree", f"the log has {entries} entries, fewer than the {size} of the checkpoint "
                                  f"signed at {checkpoint['timestamp']}")
    elif root_then is None or root_then.hex() != signed_root:
        found.add("bad_proof", f"the log's first {size} entries are not those of the checkpoint signed at "
                               f"{checkpoint['timestamp']} (the root differs): history was rewritten")


def _entity_states(tx, found: _Findings) -> None:
    """Each entity's stored state is the state its latest audit entry recorded."""
    latest: dict[tuple[str, str], tuple[int, str | None]] = {}
    for kind, id, seq, h in tx.execute(
            "SELECT s.kind, s.id, s.seq, s.state_hash FROM audit_state s JOIN "
            "(SELECT kind, id, MAX(seq) AS seq FROM audit_state GROUP BY kind, id) m "
            "ON m.kind = s.kind AND m.id = s.id AND m.seq = s.seq").fetchall():
        latest[(kind, id)] = (seq, h)
    after = 0
    while True:
        rows = tx.execute("SELECT seq, kind, id, data FROM entities WHERE seq > ? ORDER BY seq LIMIT ?",
                          (after, BATCH)).fetchall()
        if not rows:
            break
        for _, kind, id, data in rows:
            recorded = latest.pop((kind, id), None)
            if recorded is None:
                found.add("entity", f"{kind} {id} has no audit entry recording its state")
            elif recorded[1] != state_hash(data):
                found.add("entity", f"{kind} {id}: its stored state is not the state audit entry "
                                    f"{recorded[0]} recorded (the row was edited)")
        after = rows[-1][0]
    for (kind, id), (seq, _) in sorted(latest.items(), key=lambda item: item[1][0]):
        found.add("entity", f"{kind} {id} is missing: audit entry {seq} recorded it")
