"""Scenario 8: the audit log as a transparency log at a million entries.

A demo portal database is given `entries` audit entries; their Merkle tree is built
(the stored power-of-two subtrees, as the portal keeps them), then a real portal
serves signed checkpoints, inclusion and consistency proofs over HTTP. Each figure's
floor is SHA-256 over the same number of tree nodes, hashed in the same run.

    python bench/bench_transparency.py [--entries N]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import Figure, median, ms  # noqa: E402

SCENARIO = "8 Audit log"
REPEAT = 30


def sha256_floor(nodes: int, repeat: int = 5) -> float:
    """Seconds to hash `nodes` inner nodes (0x01 || 32 bytes || 32 bytes)."""
    data = b"\x01" + bytes(64)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(nodes):
            hashlib.sha256(data).digest()
        best = min(best, time.perf_counter() - start)
    return best


def fill(db: str, entries: int, batch: int = 50_000) -> float:
    """Append audit entries straight into the table (their chain is not the point here) and
    build the tree; returns the seconds the tree took."""
    from portal.store import open_store
    from portal.transparency import tree
    store = open_store(db)
    try:
        with store.write() as tx:
            start_seq = tx.execute("SELECT COALESCE(MAX(seq), 0) FROM audit").fetchone()[0]
        seq = start_seq
        while seq < entries:
            rows = []
            for s in range(seq + 1, min(entries, seq + batch) + 1):
                h = hashlib.sha256(s.to_bytes(8, "big")).hexdigest()
                rows.append((s, "2026-01-01T00:00:00Z", None, "bench.entry", None, None, "ok", "{}", h, h))
            with store.write() as tx:
                tx.executemany("INSERT INTO audit (seq, at, actor_id, action, entity, entity_id, outcome, detail, "
                               "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            seq = rows[-1][0]
        started = time.perf_counter()
        with store.write() as tx:
            tree.catch_up(tx)
        return time.perf_counter() - started
    finally:
        store.close()


def in_process(db: str, size: int) -> dict[str, float]:
    """Median seconds of a root, an inclusion and a consistency proof read straight from the store."""
    from portal.store import open_store
    from portal.transparency import tree
    store = open_store(db)
    rng = random.Random(8)
    found: dict[str, list[float]] = {"root": [], "inclusion": [], "consistency": []}
    try:
        with store.read() as tx:
            for _ in range(REPEAT):
                for key, action in (("root", lambda: tree.root(tx, size)),
                                    ("inclusion", lambda: tree.inclusion(tx, rng.randrange(size), size)),
                                    ("consistency", lambda: tree.consistency(tx, rng.randint(1, size), size))):
                    start = time.perf_counter()
                    action()
                    found[key].append(time.perf_counter() - start)
    finally:
        store.close()
    return {key: median(values) for key, values in found.items()}


def _timed(session, url: str, params: dict | None = None) -> tuple[float, dict]:
    start = time.perf_counter()
    r = session.get(url, params=params, timeout=30)
    elapsed = time.perf_counter() - start
    r.raise_for_status()
    return elapsed, r.json()


def run(entries: int, work: Path, log=print) -> list[Figure]:
    from portal.demo import seed_demo
    from portal.store import open_store
    from rules import checkpoint as cp
    from tests.portal_process import PortalProcess
    db = str(work / "audit-bench.db")
    store = open_store(db)
    seed_demo(store)
    store.close()
    log(f"scenario 8: audit log with {entries:,} entries: building the tree")
    build = fill(db, entries)
    existing = entries            # the demo seed's few entries are part of the count
    figures = [Figure(SCENARIO, f"tree of {existing:,} entries built (stored subtrees)", build, "s",
                      floor=sha256_floor(2 * existing, repeat=1), floor_name="SHA-256 of 2n nodes", max_ratio=20,
                      note="leaf and inner-node hashes; most of the rest is inserting 2n rows")]
    direct = in_process(db, entries)
    portal = PortalProcess(db=db, demo=False).start()
    try:
        from bench.bench_feed import sign_in
        s = requests.Session()
        s.headers["Authorization"] = f"Bearer {sign_in(portal, 'admin')['token']}"
        key = cp.decode_key(requests.get(portal.api + "/audit/key", timeout=10).json())
        times, checkpoint = [], None
        for _ in range(REPEAT):
            t, checkpoint = _timed(s, portal.api + "/audit/checkpoint")
            times.append(t)
        cp.verify_signature(checkpoint, key)
        size = checkpoint["tree_size"]
        nodes = bin(size).count("1")
        figures.append(Figure(SCENARIO, f"GET /audit/checkpoint at {size:,} entries (median)", ms(median(times)), "ms",
                              floor=ms(sha256_floor(nodes)), floor_name=f"SHA-256 of {nodes} nodes", max_value=50,
                              note=f"root from {nodes} stored subtrees, Ed25519-signed; {REPEAT} requests"))
        rng = random.Random(7)
        times, lengths = [], []
        for _ in range(REPEAT):
            seq = rng.randint(1, size)
            t, answer = _timed(s, portal.api + "/audit/inclusion", {"seq": seq, "tree_size": size})
            times.append(t)
            lengths.append(len(answer["proof"]))
        hashes = max(lengths)
        figures.append(Figure(SCENARIO, f"GET /audit/inclusion at {size:,} entries (median)", ms(median(times)), "ms",
                              floor=ms(sha256_floor(hashes)), floor_name=f"SHA-256 of {hashes} nodes", max_value=50,
                              note=f"proofs of {min(lengths)}-{hashes} hashes for random entries"))
        times, lengths = [], []
        for _ in range(REPEAT):
            old = rng.randint(1, size)
            t, answer = _timed(s, portal.api + "/audit/consistency", {"from": old, "to": size})
            times.append(t)
            lengths.append(len(answer["proof"]))
        hashes = max(lengths)
        figures.append(Figure(SCENARIO, f"GET /audit/consistency to {size:,} entries (median)", ms(median(times)), "ms",
                              floor=ms(sha256_floor(hashes)), floor_name=f"SHA-256 of {hashes} nodes", max_value=50,
                              note=f"proofs of {min(lengths)}-{hashes} hashes from random sizes"))
        health = median([_timed(s, portal.api + "/health")[0] for _ in range(REPEAT)])
        for f, key in zip(figures[1:], ("root", "inclusion", "consistency")):
            f.note += (f"; in the portal's process (no HTTP) {direct[key] * 1000:.2f} ms; GET /health median "
                       f"{health * 1000:.1f} ms in the same run")
    finally:
        portal.close()
    return figures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="audit-bench-") as work:
        for f in run(args.entries, Path(work)):
            print(f"{f.name}: {f.value:.3f} {f.unit} (floor {f.floor:.4f} {f.unit}, {f.floor_name}; {f.note})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
