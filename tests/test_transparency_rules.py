"""The RFC 9162 tree and proofs (rules/merkle.py) and checkpoint checks (rules/checkpoint.py):
against the RFC's own examples (section 2.1.5), a recursive transcription of its
definitions, and an independent implementation (pymerkle)."""

from __future__ import annotations

import base64
import hashlib

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from rules import checkpoint as cp
from rules import merkle


def entry(i: int) -> bytes:
    return hashlib.sha256(f"entry {i}".encode()).digest()


def leaves(n: int) -> list[bytes]:
    return [merkle.leaf_hash(entry(i)) for i in range(n)]


def mth(ls: list[bytes]) -> bytes:
    """MTH as RFC 9162 2.1.1 writes it, recursively."""
    if not ls:
        return hashlib.sha256(b"").digest()
    if len(ls) == 1:
        return ls[0]
    k = merkle.split(len(ls))
    return merkle.node_hash(mth(ls[:k]), mth(ls[k:]))


def test_hashes_are_the_rfcs():
    assert merkle.leaf_hash(b"\x01" * 32) == hashlib.sha256(b"\x00" + b"\x01" * 32).digest()
    assert merkle.node_hash(b"L" * 32, b"R" * 32) == hashlib.sha256(b"\x01" + b"L" * 32 + b"R" * 32).digest()
    assert merkle.root_of([]) == hashlib.sha256(b"").digest()


def test_rfc_9162_examples():
    """Section 2.1.5: the tree of seven leaves d0..d6 and its named inner nodes."""
    a, b, c, d, e, f, j = leaves(7)
    g, h, i = merkle.node_hash(a, b), merkle.node_hash(c, d), merkle.node_hash(e, f)
    k, l = merkle.node_hash(g, h), merkle.node_hash(i, j)
    root = merkle.node_hash(k, l)
    ls = [a, b, c, d, e, f, j]
    assert merkle.root_of(ls) == root
    full = lambda s, t: merkle.root_of(ls[s:t])   # noqa: E731
    assert merkle.inclusion_path(0, 7, full) == [b, h, l]
    assert merkle.inclusion_path(3, 7, full) == [c, g, l]
    assert merkle.inclusion_path(4, 7, full) == [f, j, k]
    assert merkle.inclusion_path(6, 7, full) == [i, k]
    assert merkle.consistency_path(3, 7, full) == [c, d, g, l]
    assert merkle.consistency_path(4, 7, full) == [l]
    assert merkle.consistency_path(6, 7, full) == [i, j, k]
    assert merkle.verify_consistency(3, 7, merkle.node_hash(g, c), root, [c, d, g, l])
    assert merkle.verify_consistency(4, 7, k, root, [l])
    assert merkle.verify_consistency(6, 7, merkle.node_hash(k, i), root, [i, j, k])


def test_every_proof_up_to_33_leaves_verifies_and_a_wrong_one_does_not():
    ls = leaves(33)
    for n in range(1, 34):
        root = mth(ls[:n])
        assert merkle.root_of(ls[:n]) == root
        sub = lambda s, t: mth(ls[s:t])   # noqa: E731
        for m in range(n):
            proof = merkle.inclusion_path(m, n, sub)
            assert merkle.verify_inclusion(m, n, ls[m], proof, root)
            assert not merkle.verify_inclusion(m, n, merkle.leaf_hash(b"forged"), proof, root)
        for m in range(n + 1):
            proof = merkle.consistency_path(m, n, sub)
            assert merkle.verify_consistency(m, n, mth(ls[:m]), root, proof)
            if 0 < m < n:
                forged = [merkle.leaf_hash(b"x")] + ls[1:m]
                assert not merkle.verify_consistency(m, n, mth(forged), root, proof)
                assert not merkle.verify_consistency(m, n, mth(ls[:m]), root, proof[:-1])


def test_aligned_ranges_cover_exactly_the_range():
    for start, end in ((0, 7), (8, 13), (16, 32), (4, 5), (0, 1 << 20)):
        parts = merkle.aligned_ranges(start, end)
        assert sum(1 << level for level, _ in parts) == end - start
        assert (parts[0][1] << parts[0][0]) == start


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_matches_pymerkle_an_independent_implementation():
    pymerkle = pytest.importorskip("pymerkle")
    tree = pymerkle.InmemoryTree(algorithm="sha256")   # RFC 9162 prefixes (its default "security")
    ls = leaves(21)
    for i in range(21):
        tree.append_entry(entry(i))
    sub = lambda s, t: mth(ls[s:t])   # noqa: E731
    for n in range(1, 22):
        assert tree.get_state(n) == merkle.root_of(ls[:n])
        for m in range(n):
            theirs = tree.prove_inclusion(m + 1, n).serialize()["path"]    # pymerkle counts from 1
            assert [bytes.fromhex(p) for p in theirs[1:]] == merkle.inclusion_path(m, n, sub)
        for m in range(1, n):
            # pymerkle's consistency proofs take another form than RFC 9162's minimal one:
            # ours must prove its roots consistent.
            assert merkle.verify_consistency(m, n, tree.get_state(m), tree.get_state(n),
                                             merkle.consistency_path(m, n, sub))


@pytest.fixture
def key():
    private = Ed25519PrivateKey.generate()
    return private, private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def signed(private, public, size, root_hex, ts="2026-12-01T14:02:00Z"):
    sig = private.sign(cp.signed_text(size, root_hex, ts))
    return {"tree_size": size, "root_hash": root_hex, "timestamp": ts, "key_id": cp.key_id(public),
            "signature": base64.b64encode(sig).decode()}


def test_checkpoint_signature_text_and_failures(key):
    private, public = key
    assert cp.signed_text(5, "ab" * 32, "T") == f"portal-desk-audit\n5\n{'ab' * 32}\nT\n".encode()
    good = signed(private, public, 5, "ab" * 32)
    assert cp.verify_signature(good, public) is good
    with pytest.raises(cp.CheckpointProblem) as bad:
        cp.verify_signature(dict(good, tree_size=6), public)
    assert bad.value.kind == "bad_signature"
    other = Ed25519PrivateKey.generate()
    other_public = other.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    with pytest.raises(cp.CheckpointProblem) as new_key:
        cp.verify_signature(signed(other, other_public, 5, "ab" * 32), public)
    assert new_key.value.kind == "new_key"
    with pytest.raises(cp.CheckpointProblem) as malformed:
        cp.verify_signature(dict(good, root_hash="AB" * 32), public)
    assert malformed.value.kind == "malformed"
    assert len(cp.fingerprint(public).split()) == 16


def test_extends_finds_a_smaller_tree_and_a_rewritten_history(key):
    private, public = key
    ls = leaves(9)
    sub = lambda s, t: mth(ls[s:t])   # noqa: E731
    old = signed(private, public, 5, mth(ls[:5]).hex())
    new = signed(private, public, 9, mth(ls).hex())
    proof = [p.hex() for p in merkle.consistency_path(5, 9, sub)]
    cp.verify_extends(old, new, proof)
    with pytest.raises(cp.CheckpointProblem) as smaller:
        cp.verify_extends(new, old, [])
    assert smaller.value.kind == "smaller_tree"
    rewritten = [merkle.leaf_hash(b"rewritten")] + ls[1:]
    forged = signed(private, public, 9, mth(rewritten).hex())
    forged_proof = [p.hex() for p in merkle.consistency_path(5, 9, lambda s, t: mth(rewritten[s:t]))]
    with pytest.raises(cp.CheckpointProblem) as bad:
        cp.verify_extends(old, forged, forged_proof)
    assert bad.value.kind == "bad_proof"
    index_proof = [p.hex() for p in merkle.inclusion_path(3, 9, sub)]
    cp.verify_entry_included(entry(3).hex(), 3, new, index_proof)
    with pytest.raises(cp.CheckpointProblem):
        cp.verify_entry_included(entry(4).hex(), 3, new, index_proof)
