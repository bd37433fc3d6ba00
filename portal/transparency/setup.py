"""Bringing a database's audit log up to the transparency log at start."""

from __future__ import annotations

from ..store import state_hash, utc_now_iso
from . import keys, tree

BASELINE_BATCH = 5000
BASELINE_DONE = "audit.baseline"


def prepare(store) -> None:
    """Give entries written before the tree existed their leaves, and entities written
    before entries recorded states an entry that records them ("audit.baseline")."""
    with store.write() as tx:
        tree.catch_up(tx)
        done = tx.execute("SELECT value FROM counters WHERE name = ?", (BASELINE_DONE,)).fetchone()
        if done is not None:
            return
        after = 0
        while True:
            rows = tx.execute(
                "SELECT e.seq, e.kind, e.id, e.data FROM entities e WHERE e.seq > ? AND NOT EXISTS "
                "(SELECT 1 FROM audit_state s WHERE s.kind = e.kind AND s.id = e.id) ORDER BY e.seq LIMIT ?",
                (after, BASELINE_BATCH)).fetchall()
            if not rows:
                break
            for _, kind, id, data in rows:
                tx._states[(kind, id)] = state_hash(data)
            tx.audit_append(utc_now_iso(), None, "audit.baseline", None, None, "ok", {"entities": len(rows)})
            after = rows[-1][0]
        tx.set_counter(BASELINE_DONE, 1)


def signer_for(db: str, key_path: str | None) -> keys.CheckpointSigner:
    """The checkpoint key: `--audit-key FILE`, or the file beside a SQLite database."""
    path = key_path or keys.default_path(db)
    if path is None:
        raise keys.KeyFileError("with PostgreSQL give --audit-key FILE: the key every portal process on "
                                "the database signs checkpoints with")
    return keys.load_or_create(path)
