"""The audit entry's chain hash, written once for the portal (which appends entries)
and the desktop (which checks that an entry it shows is the entry the log holds)."""

from __future__ import annotations

import hashlib
import json

GENESIS_HASH = "0" * 64
FIELDS = ("seq", "at", "actor_id", "action", "entity", "entity_id", "outcome", "detail")


def canonical_json(value) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def audit_hash(prev_hash: str, entry: dict) -> str:
    """SHA-256 over the previous hash and the entry's canonical JSON (with the digest of the
    entity states it wrote, when it wrote any: entries from before that have none)."""
    fields = {k: entry[k] for k in FIELDS}
    if entry.get("state_digest") is not None:
        fields["state_digest"] = entry["state_digest"]
    return hashlib.sha256((prev_hash + "\n" + canonical_json(fields)).encode()).hexdigest()
