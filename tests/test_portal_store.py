"""Issue 11: the storage layer on both engines (SQLite and PostgreSQL, the `db_backend`
parameter; see tests/conftest.py): the change feed and the audit chain under concurrent
writers in several threads and processes, savepoints, text without NUL, the feed's index
at scale, and the schema migrations of both engines.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time

import pytest

from portal.audit import verify_chain
from portal.store import open_store
from tests.portal_process import ROOT

KINDS = ("application", "output")
KEYS = ("role:caseworker", "role:supervisor", "researcher:R-1", "researcher:R-2", "org:ORG-1")
READER_KEYS = [
    ["role:caseworker"],
    ["role:supervisor", "researcher:R-1"],
    ["researcher:R-2", "org:ORG-1"],
    list(KEYS),
]


@pytest.fixture
def store_url(db_backend):
    """An empty database on the module's backend (a file or a PostgreSQL database)."""
    if db_backend == "postgresql":
        from tests import pg_cluster
        url = pg_cluster.new_database()
        yield url
        pg_cluster.drop_database(url)
    else:
        with tempfile.TemporaryDirectory(prefix="portal-store-") as tmp:
            yield os.path.join(tmp, "portal.db")


def write_batches(url: str, name: str, count: int, seed: int) -> int:
    """`count` write transactions of 1-3 entity changes each, plus an audit entry; returns the changes.

    A transaction sometimes pauses between taking its sequence numbers and committing,
    to widen the window in which another writer could commit a later number first.
    """
    rng = random.Random(seed)
    store = open_store(url)
    changes = 0
    try:
        for i in range(count):
            with store.write() as tx:
                for _ in range(rng.randint(1, 3)):
                    kind = rng.choice(KINDS)
                    entity_id = f"{kind[:3]}-{rng.randrange(40):02d}"
                    existing = tx.audience_of(kind, entity_id)
                    deleted = bool(existing) and rng.random() < 0.1
                    data = None if deleted else {"id": entity_id, "by": name, "n": i, "note": "æøå \u20ac"}
                    tx.put(kind, entity_id, data, existing | set(rng.sample(KEYS, rng.randint(1, 2))))
                    changes += 1
                if rng.random() < 0.3:
                    time.sleep(rng.random() * 0.003)
                tx.audit_append("2026-01-01T00:00:00Z", name, "test.write", None, None, "ok", {"i": i})
    finally:
        store.close()
    return changes


def follow_feed(url: str, keys: list[str], stop: threading.Event, limit: int, out: dict) -> None:
    """Follow the feed in small pages until the writers are done and the feed is drained."""
    store = open_store(url)
    state, since, seqs = {}, 0, []
    try:
        while True:
            writers_done = stop.is_set()  # read before the page: the last page then sees every commit
            with store.read() as tx:
                rows, more = tx.changes(since, limit, keys)
            for seq, kind, entity_id, data in rows:
                seqs.append(seq)
                state[(kind, entity_id)] = data
                since = seq
            if writers_done and not more:
                break
            if not rows:
                time.sleep(0.001)  # caught up: let the writers have the CPU
    finally:
        store.close()
    out.update(state=state, seqs=seqs)


def database_view(url: str, keys: list[str]) -> dict:
    """What the database holds for a reader with `keys`: every entity (tombstones too) it may see."""
    store = open_store(url)
    try:
        with store.read() as tx:
            rows = tx.execute("SELECT kind, id, data FROM entities").fetchall()
            return {(kind, entity_id): None if data is None else json.loads(data)
                    for kind, entity_id, data in rows if tx.audience_of(kind, entity_id) & set(keys)}
    finally:
        store.close()


WRITER_PROCESS = """
import sys
from tests.test_portal_store import write_batches
print(write_batches(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])))
"""


def test_change_feed_stays_exact_under_concurrent_writers_and_readers(store_url):
    threads_n, processes_n, batches = 4, 2, 60
    open_store(store_url).close()  # migrate once before the writers start
    stop = threading.Event()
    results = [{} for _ in READER_KEYS]
    readers = [threading.Thread(target=follow_feed, args=(store_url, keys, stop, 5, out))
               for keys, out in zip(READER_KEYS, results)]
    for r in readers:
        r.start()
    processes = [subprocess.Popen([sys.executable, "-c", WRITER_PROCESS, store_url, f"proc-{i}", str(batches),
                                   str(1000 + i)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for i in range(processes_n)]
    written = []
    writers = [threading.Thread(target=lambda i=i: written.append(write_batches(store_url, f"thread-{i}", batches, i)))
               for i in range(threads_n)]
    for w in writers:
        w.start()
    for w in writers:
        w.join(120)
    for p in processes:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode(errors="replace")
        written.append(int(out.decode().strip().splitlines()[-1]))
    stop.set()
    for r in readers:
        r.join(120)
        assert not r.is_alive()

    assert len(written) == threads_n + processes_n and sum(written) >= (threads_n + processes_n) * batches
    for keys, result in zip(READER_KEYS, results):
        seqs = result["seqs"]
        assert seqs == sorted(seqs) and len(seqs) == len(set(seqs)), keys
        assert result["state"] == database_view(store_url, keys), keys
    store = open_store(store_url)
    try:
        with store.read() as tx:
            chain = verify_chain(tx.audit_iter())
            max_seq = tx.max_seq()
    finally:
        store.close()
    assert chain == {"ok": True, "entries": (threads_n + processes_n) * batches, "first_bad_seq": None}
    assert max_seq == sum(written)  # every change took the next number: none lost, none skipped


def test_savepoint_undoes_only_its_own_part(store_url):
    store = open_store(store_url)
    try:
        with store.write() as tx:
            tx.put("application", "A-1", {"id": "A-1"}, {"role:caseworker"})
            with pytest.raises(RuntimeError), tx.savepoint("effect"):
                tx.put("application", "A-2", {"id": "A-2"}, {"role:caseworker"})
                raise RuntimeError("the effect fails")
            with tx.savepoint("effect"):
                tx.put("application", "A-3", {"id": "A-3"}, {"role:caseworker"})
        with store.read() as tx:
            assert [a["id"] for a in tx.list("application")] == ["A-1", "A-3"]
            assert tx.max_seq() == 2  # the undone change's number is handed out again: no gap
    finally:
        store.close()


def test_text_never_holds_nul_on_either_engine(store_url):
    store = open_store(store_url)
    try:
        with store.write() as tx:
            assert tx.user_by_username("\x00anna") is None
            tx.failure_add("\x00anna", 1.0)
            entry = tx.audit_append("2026-01-01T00:00:00Z", None, "GET /x\x00", "application", "\x00", "refused",
                                    {"username": "\x00"})
        assert entry["action"] == "GET /x\ufffd" and entry["entity_id"] == "\ufffd"
        with store.read() as tx:
            assert tx.failures("\x00anna", 0) == [1.0]
            assert verify_chain(tx.audit_iter())["ok"]
    finally:
        store.close()


# -- the change feed at scale ------------------------------------------------------------

def seed_entities(store, count: int) -> None:
    """`count` applications and as many outputs, with the audiences of the real kinds."""
    rows = []
    for i in range(count):
        researcher = f"researcher:R-{i % 500:04d}"
        rows.append(("application", f"APP-{i:06d}", {"id": f"APP-{i:06d}", "title": f"Study {i}"},
                     {"role:caseworker", "role:admin", researcher}, None))
        rows.append(("output", f"OUT-{i:06d}", {"id": f"OUT-{i:06d}", "project_id": f"APP-{i:06d}"},
                     {"role:supervisor", "role:admin", researcher}, None))
    with store.write() as tx:
        tx.put_many(rows)


def feed_query_plan(store, db_backend: str) -> str:
    query = "SELECT seq FROM audience WHERE key = ? AND seq > ? ORDER BY seq LIMIT ?"
    args = ("role:caseworker", 10, 1001)
    with store.read() as tx:
        if db_backend == "postgresql":
            return "\n".join(r[0] for r in tx.execute("EXPLAIN " + query, args))
        return "\n".join(str(r[-1]) for r in tx.execute("EXPLAIN QUERY PLAN " + query, args))


def page_times(store, keys, pages: int = 5) -> list[float]:
    with store.read() as tx:
        top = tx.max_seq()
    times = []
    for since in [0, top // 2, top - 20] * pages:
        start = time.perf_counter()
        with store.read() as tx:
            tx.changes(since, 1000, keys)
        times.append(time.perf_counter() - start)
    return times


def test_a_feed_page_walks_the_audience_index_after_a_bulk_load(store_url, db_backend):
    """Right after seeding (before any autovacuum), a page is an index range scan, not a sort of the key."""
    store = open_store(store_url)
    try:
        seed_entities(store, 10_000)
        plan = feed_query_plan(store, db_backend)
        assert "audience_key_seq" in plan, plan
        assert "Sort" not in plan and "TEMP B-TREE" not in plan.upper(), plan
        assert max(page_times(store, ["role:caseworker", "user:u-anna", "staff"], pages=1)) < 1.0
    finally:
        store.close()


@pytest.mark.slow
def test_change_feed_pages_stay_fast_at_100k_entities(store_url, db_backend):
    store = open_store(store_url)
    try:
        seed_entities(store, 50_000)   # 100k entities
        assert "audience_key_seq" in feed_query_plan(store, db_backend)
        for keys in (["role:caseworker", "staff"], ["role:admin"], ["researcher:R-0007"]):
            times = sorted(page_times(store, keys))
            assert times[len(times) // 2] < 0.25, (keys, times)   # the median page of 1000 changes
    finally:
        store.close()


# -- schema migrations -------------------------------------------------------------------

def test_both_engines_have_the_same_tables_and_columns(pg_cluster, tmp_path):
    from portal import store as sqlite_store
    from portal import store_pg

    assert len(sqlite_store.SCHEMA) == len(store_pg.SCHEMA)
    lite = open_store(str(tmp_path / "portal.db"))
    url = pg_cluster.new_database()
    pg = open_store(url)
    try:
        with lite.read() as tx:
            assert tx.execute("PRAGMA user_version").fetchone()[0] == len(sqlite_store.SCHEMA)
            tables = [r[0] for r in tx.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
            lite_columns = {t: [r[1] for r in tx.execute(f"PRAGMA table_info({t})")] for t in tables}
        assert pg.schema_version() == len(store_pg.SCHEMA)
        with pg.read() as tx:
            pg_columns = {}
            for table, column in tx.execute(
                    "SELECT table_name, column_name FROM information_schema.columns "
                    "WHERE table_schema = 'public' AND table_name <> 'schema_version' "
                    "ORDER BY table_name, ordinal_position"):
                pg_columns.setdefault(table, []).append(column)
        assert pg_columns == lite_columns
    finally:
        lite.close()
        pg.close()
        pg_cluster.drop_database(url)


def test_migration_2_lists_warnings_by_status(store_url, db_backend):
    """A database written before v2 (warnings without a list key) gets its warnings' statuses
    as their list key, so the expiry sweep, which reads only the sent ones, still finds them."""
    from portal import entities

    store = open_store(store_url)
    try:
        with store.write() as tx:
            for wid, status in (("W-1", "sent"), ("W-2", "draft"), ("W-3", "sent"), ("W-4", "expired")):
                tx.put("warning", wid, {"id": wid, "status": status}, ["role:coordinator"], None)  # as v1 did
            tx.put("warning", "W-5", None, [], None)                                             # deleted
        with store.write() as tx:
            # back to version 1 (undoing the later migrations' tables and columns)
            tx.execute("DROP TABLE enrolments")
            tx.execute("ALTER TABLE users DROP COLUMN grants")
            tx.execute("DROP TABLE audit_state")
            tx.execute("DROP TABLE audit_tree")
            tx.execute("ALTER TABLE audit DROP COLUMN state_digest")
            if db_backend == "postgresql":
                tx.execute("DELETE FROM schema_version WHERE version > 1")
            else:
                tx.execute("PRAGMA user_version = 1")
        with store.read() as tx:
            assert tx.list("warning", owner="sent") == []
    finally:
        store.close()
    store = open_store(store_url)            # migrates to the current version
    try:
        with store.read() as tx:
            assert [w["id"] for w in tx.list("warning", owner="sent")] == ["W-1", "W-3"]
            assert [w["id"] for w in tx.list("warning", owner="draft")] == ["W-2"]
            assert len(tx.list("warning")) == 4
        with store.write() as tx:             # new states keep the key up to date
            entities.save(tx, "warning", {"id": "W-2", "status": "sent", "recipients": {"org_ids": []}})
        with store.read() as tx:
            assert [w["id"] for w in tx.list("warning", owner="sent")] == ["W-1", "W-3", "W-2"]   # by change
    finally:
        store.close()


def test_processes_starting_together_migrate_once(store_url):
    errors = []

    def start():
        try:
            open_store(store_url).close()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=start) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    store = open_store(store_url)
    try:
        with store.write() as tx:
            tx.put("application", "A-1", {"id": "A-1"}, {"role:caseworker"})
        with store.read() as tx:
            assert tx.changes(0, 10, ["role:caseworker"])[0][0][:3] == (1, "application", "A-1")
    finally:
        store.close()
