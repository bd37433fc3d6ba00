"""Scenarios 1 and 2: the client's sync against a real portal process.

1. Initial full sync into an empty encrypted cache, in a process of its own
   (bench/child.py sync) so that its peak RSS is the client's alone. Floor:
   `json.loads` of the same payload plus one `executemany` of its rows into a
   plain SQLite table (each document turned back into text with `json.dumps`),
   measured here in the same run; the HTTP calls are not part of the floor.
2. Incremental sync (PortalClient + Cache + SyncEngine, in this process): with no
   changes, and after changes written through the portal's store. Floors: the
   bare HTTP round trip of the same feed call; for the round with changes, that
   plus `json.loads`, `json.dumps` and one `executemany` of its rows.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

import requests

from bench.common import Figure, Run, median, ms, run_child

S1 = "1 Initial full sync"
S2 = "2 Incremental sync"


def _session(run: Run) -> requests.Session:
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {run.client.token}"
    return s


def _plain_table(path: Path) -> sqlite3.Connection:
    for old in path.parent.glob(path.name + "*"):
        old.unlink()
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE entities (entity TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER, data TEXT, "
                 "PRIMARY KEY (entity, id))")
    return conn


def _floor(run: Run, since: int, name: str) -> dict:
    """Fetch the feed from `since` to its end (the HTTP calls are not timed); time
    json.loads of every page, turning each change into a row (the document back to
    JSON text with json.dumps, as any store of it must), and one executemany of all
    rows into a plain SQLite table."""
    s = _session(run)
    loads = dumps = 0.0
    rows = []
    pages = 0
    while True:
        body = s.get(run.portal.api + "/changes", params={"since": since, "limit": 1000}, timeout=120).content
        t = time.perf_counter()
        page = json.loads(body)
        t2 = time.perf_counter()
        rows.extend([(c["entity"], c["id"], c["seq"], None if c["data"] is None else json.dumps(c["data"]))
                     for c in page["changes"]])
        dumps += time.perf_counter() - t2
        loads += t2 - t
        pages += 1
        since = page["next"]
        if not page["more"]:
            break
    conn = _plain_table(run.work / f"floor-{name}.db")
    t = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO entities (entity, id, seq, data) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT (entity, id) DO UPDATE SET seq = excluded.seq, data = excluded.data", rows)
    conn.execute("COMMIT")
    insert = time.perf_counter() - t
    conn.close()
    return {"loads": loads, "insert": dumps + insert, "dumps": dumps, "rows": len(rows), "pages": pages}


def initial(run: Run) -> list[Figure]:
    run.log("scenario 1: initial full sync (client in its own process)")
    result = run_child("sync", run.client.config())
    if result["error"] or not result["pulled"]:
        raise RuntimeError(f"the initial sync failed: {result['error']}")
    floor = _floor(run, 0, "initial")
    if floor["rows"] != result["pulled"]:
        run.log(f"  note: the client pulled {result['pulled']} changes, the floor read {floor['rows']}")
    floor_s = floor["loads"] + floor["insert"]
    other = result["seconds"] - result["fetch_seconds"] - result["apply_seconds"]
    breakdown = (f"{result['pulled']:,} changes in {result['pages']} pages; client time: fetch "
                 f"{result['fetch_seconds']:.2f} s (HTTP wait incl. the portal's work, of which JSON decoding "
                 f"{result['parse_seconds']:.2f} s), apply to the cache {result['apply_seconds']:.2f} s, "
                 f"other {other:.2f} s. Floor: json.loads {floor['loads']:.2f} s + rows (json.dumps) "
                 f"{floor['dumps']:.2f} s + executemany {floor['insert'] - floor['dumps']:.2f} s; encrypted cache file {result['cache_bytes'] / 1e6:.0f} MB")
    run.log("  " + breakdown)
    return [
        Figure(S1, f"total, {result['pulled']:,} changes", result["seconds"], "s", floor=floor_s,
               floor_name="json.loads + json.dumps + one executemany of the same payload", max_ratio=3, note=breakdown),
        Figure(S1, "client peak RSS", result["rss_peak_mb"], "MB", floor=result["rss_before_mb"],
               floor_name="the same process after its imports, before the sync", max_value=400,
               note="peak resident set size of the syncing client process, imports included (Linux: the "
                    "process's VmHWM; elsewhere getrusage ru_maxrss)"),
        Figure(S1, f"then every list column's sort index ({result.get('sort_indexes', 0)})",
               result.get("sort_index_seconds", 0.0), "s",
               note="informational: built in the background after the first full sync, while the lists are "
                    "already usable; afterwards the first sort by any column reads an index"),
    ]


def _changes(run: Run, count: int, round_no: int) -> None:
    """Write `count` changes on the portal's database through its store, as the
    routes would: half applications get a review, half outputs a supervisor's decision."""
    from portal import entities
    from portal.api import iso
    from portal.store import open_store

    store = open_store(str(run.db))
    now = iso(time.time())
    apps = count // 2
    try:
        with store.write() as tx:
            for kind, n in (("application", apps), ("output", count - apps)):
                ids = [r[0] for r in tx.execute(
                    "SELECT id FROM entities WHERE kind = ? AND data IS NOT NULL ORDER BY id LIMIT ? OFFSET ?",
                    (kind, n, round_no * n))]
                for entity_id in ids:
                    data = tx.get(kind, entity_id)
                    if kind == "application":
                        if data["status"] in ("submitted", "in_review"):
                            data["reviews"].append({"reviewer_id": "u-bent", "decision": "approve", "at": now,
                                                    "comment": "Fine.", "round": data.get("round", 1)})
                            data["status"] = "in_review"
                    elif data["status"] == "held":
                        data["reviews"].append({"reviewer_id": "u-emil", "verdict": "release", "at": now,
                                                "comment": "Checked."})
                    data["updated_at"] = now
                    entities.save(tx, kind, data)
    finally:
        store.close()


def incremental(run: Run) -> list[Figure]:
    from desktop.sync.api import PortalClient
    from desktop.sync.cache import Cache, cache_path
    from desktop.sync.engine import SyncEngine

    run.log("scenario 2: incremental sync")
    c = run.client
    cache = Cache.open(cache_path(os.path.join(c.data_dir, "caches"), c.portal_url, c.username),
                       bytes.fromhex(c.key_hex))
    try:
        client = PortalClient(c.portal_url)
        client.set_token(c.token)
        engine = SyncEngine(client, cache)
        # The workspace opens its applications list after the initial sync: the first
        # list query on the full cache builds the sort index it reads (once per cache).
        t = time.perf_counter()
        listed = len(cache.application_ids(order_by="submitted_at", descending=True))
        first_list = ms(time.perf_counter() - t)
        t = time.perf_counter()
        cache.application_ids(order_by="submitted_at", descending=True)
        again_list = ms(time.perf_counter() - t)
        first = engine.sync_once()   # warm: the first round after opening reads the schema
        if first.error:
            raise RuntimeError(first.error)
        idle, idle_floor = [], []
        s = _session(run)
        for _ in range(7):
            t = time.perf_counter()
            result = engine.sync_once()
            idle.append(ms(time.perf_counter() - t))
            if result.error or result.pulled:
                raise RuntimeError(f"an idle sync pulled {result.pulled} ({result.error})")
            t = time.perf_counter()
            body = s.get(run.portal.api + "/changes", params={"since": result.cursor, "limit": 1000}, timeout=30).content
            idle_floor.append(ms(time.perf_counter() - t))
            if json.loads(body)["changes"]:
                raise RuntimeError("the floor's feed call found changes the idle sync did not")

        busy, busy_floor = [], []
        n = run.scale.changes
        for round_no in range(run.scale.rounds):
            _changes(run, n, round_no)
            before = cache.cursor()
            t = time.perf_counter()
            result = engine.sync_once()
            busy.append(ms(time.perf_counter() - t))
            if result.error or result.pulled != n:
                raise RuntimeError(f"the sync after {n} changes pulled {result.pulled} ({result.error})")
            t = time.perf_counter()
            body = s.get(run.portal.api + "/changes", params={"since": before, "limit": 1000}, timeout=30).content
            fetch = time.perf_counter() - t
            floor = _floor_page(run, body, round_no)
            busy_floor.append(ms(fetch) + floor)
    finally:
        cache.close()
    rounds = f"median of {len(busy)} rounds ({', '.join(f'{x:.0f}' for x in busy)} ms)"
    return [
        Figure("4 Applications view", f"first list query after the initial sync ({listed:,} ids)", first_list, "ms",
               floor=again_list, floor_name="the same query again", max_value=100,
               note="the initial sync builds the default orders' covering sort indexes at its end, on its own "
                    "thread (it inserts without them: keeping them up to date through 100,000 inserts costs more "
                    "than building them once); before, this first query built one on the UI thread (0.6 s)"),
        Figure(S2, "no changes", median(idle), "ms", floor=median(idle_floor),
               floor_name="the bare HTTP call of the same feed page", max_value=100,
               note=f"median of 7 rounds, slowest {max(idle):.1f} ms; a round pushes the (empty) outbox "
                    f"and pulls one empty page"),
        Figure(S2, f"{n:,} changes", median(busy), "ms", floor=median(busy_floor),
               floor_name="HTTP call + json.loads + json.dumps + executemany of the same page",
               max_value=500, note=rounds + "; changes written through the portal's store"),
    ]


def _floor_page(run: Run, body: bytes, round_no: int) -> float:
    conn = _plain_table(run.work / f"floor-page-{round_no}.db")
    t = time.perf_counter()
    page = json.loads(body)
    rows = [(c["entity"], c["id"], c["seq"], json.dumps(c["data"])) for c in page["changes"]]
    elapsed = time.perf_counter() - t
    t = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO entities (entity, id, seq, data) VALUES (?, ?, ?, ?)", rows)
    conn.execute("COMMIT")
    elapsed += time.perf_counter() - t
    conn.close()
    return ms(elapsed)
