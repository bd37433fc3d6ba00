"""The audit entries' Merkle tree, kept in the table `audit_tree`.

Only complete, aligned power-of-two subtrees are stored: node (level, index) is the
hash of leaves [index * 2^level, (index + 1) * 2^level). Appending leaf i stores it
and every subtree it completes (one more on average), so the table holds about 2n
hashes. Any range a root or a proof needs splits into at most ~log n stored
subtrees: a checkpoint or a proof reads O(log n) rows, whatever the log's size.

Leaf i is audit entry seq i + 1.
"""

from __future__ import annotations

from rules import merkle

LEVEL_SHIFT = 48     # node key = level << 48 | index: one integer primary key


def node_key(level: int, index: int) -> int:
    return (level << LEVEL_SHIFT) | index


def size(tx) -> int:
    """How many leaves the stored tree has."""
    row = tx.execute("SELECT MAX(node) FROM audit_tree WHERE node < ?", (1 << LEVEL_SHIFT,)).fetchone()
    return 0 if row is None or row[0] is None else row[0] + 1


def _get(tx, level: int, index: int) -> bytes:
    row = tx.execute("SELECT hash FROM audit_tree WHERE node = ?", (node_key(level, index),)).fetchone()
    if row is None:
        raise LookupError(f"the audit tree lacks node {level}/{index}")
    return bytes(row[0])


def _store(tx, rows: list[tuple[int, bytes]]) -> None:
    tx.executemany("INSERT INTO audit_tree (node, hash) VALUES (?, ?)", rows)


def append_leaf(tx, seq: int, entry_hash: str) -> None:
    """Add audit entry `seq` (whose chain hash is `entry_hash`) to the tree."""
    index = seq - 1
    stored = size(tx)
    if stored > index:       # entries were removed under the tree: it follows the log
        truncate(tx, index)
    elif stored < index:     # entries from before the tree existed
        catch_up(tx, upto=index)
    _store(tx, _completed(tx, index, merkle.leaf_hash(bytes.fromhex(entry_hash)), {}))


def _completed(tx, index: int, leaf: bytes, fresh: dict) -> list[tuple[int, bytes]]:
    """The rows that leaf `index` adds: itself and the subtrees it completes. `fresh`
    holds nodes made earlier in the same batch, not yet in the table."""
    rows = [(node_key(0, index), leaf)]
    fresh[(0, index)] = leaf
    level, h = 0, leaf
    while index & 1:
        left = fresh.get((level, index - 1)) or _get(tx, level, index - 1)
        h = merkle.node_hash(left, h)
        level, index = level + 1, index >> 1
        rows.append((node_key(level, index), h))
        fresh[(level, index)] = h
    return rows


def truncate(tx, leaves: int) -> None:
    """Drop every stored subtree that reaches past the first `leaves` leaves."""
    for level in range(LEVEL_SHIFT):
        if leaves >> level == 0 and level:
            tx.execute("DELETE FROM audit_tree WHERE node >= ?", (node_key(level, 0),))
            return
        tx.execute("DELETE FROM audit_tree WHERE node >= ? AND node < ?",
                   (node_key(level, leaves >> level), node_key(level + 1, 0)))


def catch_up(tx, upto: int | None = None, batch: int = 5000) -> int:
    """Add the audit entries the tree lacks (entries written before the tree existed);
    returns how many were added."""
    start = size(tx)
    added = 0
    while upto is None or start < upto:
        limit = batch if upto is None else min(batch, upto - start)
        hashes = [r[0] for r in tx.execute("SELECT hash FROM audit WHERE seq > ? ORDER BY seq LIMIT ?",
                                           (start, limit)).fetchall()]
        if not hashes:
            break
        fresh: dict = {}
        rows = []
        for offset, entry_hash in enumerate(hashes):
            rows += _completed(tx, start + offset, merkle.leaf_hash(bytes.fromhex(entry_hash)), fresh)
        _store(tx, rows)
        start += len(hashes)
        added += len(hashes)
    return added


def _nodes(tx, wanted: set[tuple[int, int]]) -> dict[tuple[int, int], bytes]:
    """Read stored subtrees in one query."""
    if not wanted:
        return {}
    keys = {node_key(level, index): (level, index) for level, index in wanted}
    rows = tx.execute(f"SELECT node, hash FROM audit_tree WHERE {tx._d.in_list('node')}",
                      (tx._d.list_param(sorted(keys)),)).fetchall()
    found = {keys[r[0]]: bytes(r[1]) for r in rows}
    if len(found) != len(keys):
        raise LookupError("the audit tree lacks nodes a proof needs")
    return found


def _answer(tx, build):
    """Run a proof builder twice: once to learn which ranges it needs, once with their
    hashes read in one query."""
    ranges: list[tuple[int, int]] = []
    build(lambda start, end: ranges.append((start, end)) or b"")
    nodes = _nodes(tx, {n for start, end in ranges for n in merkle.aligned_ranges(start, end)})
    return build(lambda start, end: merkle.fold([nodes[n] for n in merkle.aligned_ranges(start, end)]))


def root(tx, tree_size: int) -> bytes:
    if tree_size == 0:
        return merkle.EMPTY_ROOT
    return _answer(tx, lambda mth: mth(0, tree_size))


def inclusion(tx, index: int, tree_size: int) -> list[bytes]:
    return _answer(tx, lambda mth: merkle.inclusion_path(index, tree_size, mth))


def consistency(tx, old: int, new: int) -> list[bytes]:
    return _answer(tx, lambda mth: merkle.consistency_path(old, new, mth))
