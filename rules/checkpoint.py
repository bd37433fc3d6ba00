"""Signed checkpoints of the audit log (PRODUCT.md, "The audit log is anchored outside
the portal"): what is signed, how a key is named, and how a client checks a checkpoint
and a consistency proof against the newest checkpoint it already trusts.

Ed25519 through `cryptography`; no Qt, no HTTP: the desktop's sync and the portal's
`audit verify` both use these.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from . import merkle

HEX64 = re.compile(r"^[0-9a-f]{64}$")
FIELDS = ("tree_size", "root_hash", "timestamp", "key_id", "signature")


class CheckpointProblem(Exception):
    """A checkpoint or proof that must not be trusted. `kind` names what failed:
    malformed, bad_signature, new_key, smaller_tree, bad_proof, bad_inclusion."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message


def signed_text(tree_size: int, root_hash: str, timestamp: str) -> bytes:
    return f"portal-desk-audit\n{tree_size}\n{root_hash}\n{timestamp}\n".encode("utf-8")


def key_id(public_key: bytes) -> str:
    """A short name of a key: the first 16 hex digits of SHA-256 of the raw key."""
    return hashlib.sha256(public_key).hexdigest()[:16]


def fingerprint(public_key: bytes) -> str:
    """SHA-256 of the raw key in groups of four hex digits, for people to compare."""
    digest = hashlib.sha256(public_key).hexdigest()
    return " ".join(digest[i:i + 4] for i in range(0, len(digest), 4))


def decode_key(answer) -> bytes:
    """The raw 32-byte key of a GET /audit/key answer."""
    if not isinstance(answer, dict) or not isinstance(answer.get("public_key"), str):
        raise CheckpointProblem("malformed", "the portal's key answer has no public key")
    try:
        raw = base64.b64decode(answer["public_key"], validate=True)
    except (binascii.Error, ValueError):
        raise CheckpointProblem("malformed", "the portal's public key is not base64") from None
    if len(raw) != 32:
        raise CheckpointProblem("malformed", "the portal's public key is not a 32-byte Ed25519 key")
    return raw


def check_shape(checkpoint) -> dict:
    """The checkpoint's fields, checked for type and form."""
    if not isinstance(checkpoint, dict) or any(f not in checkpoint for f in FIELDS):
        raise CheckpointProblem("malformed", "the checkpoint lacks one of " + ", ".join(FIELDS))
    size = checkpoint["tree_size"]
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise CheckpointProblem("malformed", "the checkpoint's tree size is not a whole number")
    if not isinstance(checkpoint["root_hash"], str) or not HEX64.match(checkpoint["root_hash"]):
        raise CheckpointProblem("malformed", "the checkpoint's root hash is not 64 lowercase hex digits")
    if not all(isinstance(checkpoint[f], str) for f in ("timestamp", "key_id", "signature")):
        raise CheckpointProblem("malformed", "the checkpoint's timestamp, key or signature is not text")
    if "\n" in checkpoint["timestamp"]:
        raise CheckpointProblem("malformed", "the checkpoint's timestamp holds a line break")
    return checkpoint


def verify_signature(checkpoint, public_key: bytes) -> dict:
    """The checkpoint, if `public_key` signed it; otherwise CheckpointProblem."""
    checkpoint = check_shape(checkpoint)
    if checkpoint["key_id"] != key_id(public_key):
        raise CheckpointProblem("new_key", f"the checkpoint names key {checkpoint['key_id']}, "
                                           f"not the pinned key {key_id(public_key)}")
    try:
        signature = base64.b64decode(checkpoint["signature"], validate=True)
        Ed25519PublicKey.from_public_bytes(public_key).verify(
            signature, signed_text(checkpoint["tree_size"], checkpoint["root_hash"], checkpoint["timestamp"]))
    except (binascii.Error, ValueError, InvalidSignature):
        raise CheckpointProblem("bad_signature", f"the signature of the checkpoint at size "
                                                 f"{checkpoint['tree_size']} does not verify") from None
    return checkpoint


def decode_proof(proof) -> list[bytes]:
    if not isinstance(proof, list) or not all(isinstance(p, str) and HEX64.match(p) for p in proof):
        raise CheckpointProblem("bad_proof", "the proof is not a list of 64-digit hex hashes")
    return [bytes.fromhex(p) for p in proof]


def verify_extends(old: dict, new: dict, proof) -> None:
    """That the log of checkpoint `new` extends the log of checkpoint `old` (both
    already signature-checked): the tree did not shrink and the consistency proof holds."""
    if new["tree_size"] < old["tree_size"]:
        raise CheckpointProblem("smaller_tree", f"the log has {new['tree_size']} entries, fewer than the "
                                                f"{old['tree_size']} it had signed before")
    hashes = decode_proof(proof)
    if not merkle.verify_consistency(old["tree_size"], new["tree_size"], bytes.fromhex(old["root_hash"]),
                                     bytes.fromhex(new["root_hash"]), hashes):
        raise CheckpointProblem("bad_proof", f"the log at {new['tree_size']} entries does not extend the log "
                                             f"signed at {old['tree_size']} entries (consistency proof fails)")


def verify_entry_included(entry_hash: str, leaf_index: int, checkpoint: dict, proof) -> None:
    """That the entry with `entry_hash` is leaf `leaf_index` of the checkpoint's tree."""
    if not isinstance(entry_hash, str) or not HEX64.match(entry_hash):
        raise CheckpointProblem("bad_inclusion", "the entry's hash is not 64 hex digits")
    leaf = merkle.leaf_hash(bytes.fromhex(entry_hash))
    if not merkle.verify_inclusion(leaf_index, checkpoint["tree_size"], leaf, decode_proof(proof),
                                   bytes.fromhex(checkpoint["root_hash"])):
        raise CheckpointProblem("bad_inclusion", f"entry {leaf_index + 1} is not in the log signed at "
                                                 f"{checkpoint['tree_size']} entries")
