"""The audit log's Merkle tree, as RFC 9162 (Certificate Transparency v2) defines it.

Leaves are the audit entries' hashes: leaf = SHA-256(0x00 || entry hash bytes),
node = SHA-256(0x01 || left || right). The proof builders take `mth(start, end)`,
the hash of the leaves [start, end), so the portal can answer it from stored
subtree hashes instead of from every leaf; the verifiers need only the proof.
"""

from __future__ import annotations

import hashlib
from typing import Callable, Sequence

Mth = Callable[[int, int], bytes]

EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(entry_hash: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + entry_hash).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def split(n: int) -> int:
    """The largest power of two smaller than n (n >= 2): where RFC 9162 splits a tree."""
    return 1 << ((n - 1).bit_length() - 1)


def root_of(leaves: Sequence[bytes]) -> bytes:
    """MTH over leaf hashes held in memory (2.1.1); for tests and the full verification."""
    level = list(leaves)
    if not level:
        return EMPTY_ROOT
    # Pairing left to right and carrying an odd last node up gives the RFC's tree.
    while len(level) > 1:
        paired = [node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0]


def aligned_ranges(start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) as complete power-of-two subtrees, left to right, as (level, index).

    Every range the RFC's recursion asks for starts at a multiple of a power of two at
    least its size, so these are subtrees the portal has stored.
    """
    parts = []
    while start < end:
        level = (start & -start).bit_length() - 1 if start else 63
        while (1 << level) > end - start:
            level -= 1
        parts.append((level, start >> level))
        start += 1 << level
    return parts


def fold(hashes: Sequence[bytes]) -> bytes:
    """The hash of consecutive aligned subtrees (sizes falling left to right)."""
    result = hashes[-1]
    for h in reversed(hashes[:-1]):
        result = node_hash(h, result)
    return result


# -- proofs (2.1.3.1 and 2.1.4.1) ---------------------------------------------------

def inclusion_path(index: int, size: int, mth: Mth) -> list[bytes]:
    """PATH(index, D[size])."""
    if not 0 <= index < size:
        raise ValueError("leaf index outside the tree")
    path: list[bytes] = []
    start, end = 0, size
    while end - start > 1:
        k = split(end - start)
        if index - start < k:
            path.append(mth(start + k, end))
            end = start + k
        else:
            path.append(mth(start, start + k))
            start += k
    path.reverse()
    return path


def consistency_path(old: int, new: int, mth: Mth) -> list[bytes]:
    """PROOF(old, D[new]); empty when old is 0 or equals new."""
    if not 0 <= old <= new:
        raise ValueError("the old size must be between 0 and the new size")
    if old == 0 or old == new:
        return []
    proof: list[bytes] = []
    start, end, m, whole = 0, new, old, True
    while m != end - start:
        k = split(end - start)
        if m <= k:
            proof.append(mth(start + k, end))
            end = start + k
        else:
            proof.append(mth(start, start + k))
            start, m, whole = start + k, m - k, False
    if not whole:
        proof.append(mth(start, end))
    proof.reverse()
    return proof


# -- verification (2.1.3.2 and 2.1.4.2) -----------------------------------------------

def verify_inclusion(index: int, size: int, leaf: bytes, proof: Sequence[bytes], root: bytes) -> bool:
    if not 0 <= index < size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root


def verify_consistency(old: int, new: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]) -> bool:
    if not 0 <= old <= new:
        return False
    if old == new:
        return not proof and old_root == new_root
    if old == 0:
        return not proof
    if not proof:
        return False
    path = list(proof)
    if old & (old - 1) == 0:
        path.insert(0, old_root)
    fn, sn = old - 1, new - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while not fn & 1 and fn:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return fr == old_root and sr == new_root and sn == 0
