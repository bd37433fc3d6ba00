"""The audit log as a transparency log (RFC 9162): the Merkle tree over the audit
entries (`tree`), the key that signs checkpoints (`keys`), and the full verification
behind `python -m portal audit verify` and GET /audit/verify (`verify`)."""
