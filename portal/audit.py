"""Verification of the hash-chained audit trail."""

from .store import GENESIS_HASH, audit_hash


def verify_chain(entries) -> dict:
    """Recompute the chain; report the first entry that was edited, removed or reordered."""
    prev_hash, expected_seq, count = GENESIS_HASH, 1, 0
    for entry in entries:
        count += 1
        if entry["seq"] != expected_seq or entry["prev_hash"] != prev_hash or audit_hash(prev_hash, entry) != entry["hash"]:
            return {"ok": False, "entries": count, "first_bad_seq": min(entry["seq"], expected_seq)}
        prev_hash, expected_seq = entry["hash"], expected_seq + 1
    return {"ok": True, "entries": count, "first_bad_seq": None}
