"""The encrypted offline cache: encryption, file mode, keys, migrations, atomic
pages, search/filter/sort, and use from two threads."""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import stat
import threading

import keyring
import pytest
from keyring.backends import fail

from desktop.sync.cache import (Cache, CacheCorrupt, CacheKeyError, cache_key_for, cache_path, fts_query,
                                wipe_cache_files)
from desktop.sync.schema import migrations
from desktop.sync.secrets import SecretStore

PORTAL = "https://portal.example.org"


@pytest.fixture
def key():
    return secrets.token_bytes(32)


@pytest.fixture
def cache(tmp_path, key):
    c = Cache.open(tmp_path / "cache.db", key)
    yield c
    c.close()


def researcher(rid, name, seq=0):
    return {"seq": seq, "entity": "researcher", "id": rid,
            "data": {"id": rid, "name": name, "institution": "Aarhus University", "certified_until": "2027-01-01"}}


def application(aid, seq=0, **fields):
    data = {"id": aid, "version": 1, "title": f"Study {aid}", "status": "submitted", "required_approvals": 2,
            "reviews": [], "applicant_id": "R-1", "institution": "Aarhus University", "registers": ["BEF"],
            "purpose": "", "legal_basis": "GDPR 6(1)(e)", "submitted_at": "2026-01-01T00:00:00Z",
            "updated_at": "2026-01-01T00:00:00Z"}
    data.update(fields)
    return {"seq": seq, "entity": "application", "id": aid, "data": data}


DEMO = [
    researcher("R-1", "Søren Holt"),
    researcher("R-2", "Line Hvid"),
    application("APP-1", title="Diabetes and income", status="submitted", submitted_at="2026-03-01",
                purpose="Type 2 diabetes outcomes", registers=["LPR", "BEF"]),
    application("APP-2", title="Heart failure after surgery", status="in_review", submitted_at="2026-01-01",
                applicant_id="R-2", institution="Odense University Hospital", required_approvals=3,
                reviews=[{"reviewer_id": "u-anna", "decision": "approve", "comment": "", "at": "x"}]),
    application("APP-3", title="Asthma in Århus children", status="approved", submitted_at="2026-02-01",
                purpose="asthma incidence"),
    application("APP-4", title="Depression and diabetes", status="in_review", submitted_at=None),
]


def seeded(cache):
    cache.apply_page([dict(c, seq=i + 1) for i, c in enumerate(DEMO)], len(DEMO))
    return cache


# -- the file --------------------------------------------------------------------------------
def test_file_is_encrypted_and_private(cache, tmp_path):
    seeded(cache)
    path = tmp_path / "cache.db"
    assert not path.read_bytes().startswith(b"SQLite format 3")
    assert b"Diabetes" not in path.read_bytes()
    for f in tmp_path.iterdir():   # the main file and any -wal/-shm beside it
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f.name
    with pytest.raises(sqlite3.DatabaseError):   # the plain SQLite library cannot read it
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()


def test_loosened_mode_is_restored(tmp_path, key):
    Cache.open(tmp_path / "c.db", key).close()
    os.chmod(tmp_path / "c.db", 0o644)
    Cache.open(tmp_path / "c.db", key).close()
    assert stat.S_IMODE((tmp_path / "c.db").stat().st_mode) == 0o600


def test_wrong_key_is_refused(tmp_path, key):
    seeded(Cache.open(tmp_path / "c.db", key)).close()
    with pytest.raises(CacheKeyError, match="another key"):
        Cache.open(tmp_path / "c.db", secrets.token_bytes(32))
    with Cache.open(tmp_path / "c.db", key) as again:   # the right key still works
        assert again.cursor() == len(DEMO)


def test_plain_sqlite_file_is_corrupt_not_a_key_problem(tmp_path, key):
    conn = sqlite3.connect(tmp_path / "plain.db")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(CacheCorrupt, match="unencrypted"):
        Cache.open(tmp_path / "plain.db", key)


def test_garbage_file_is_corrupt(tmp_path, key):
    (tmp_path / "junk.db").write_bytes(b"this is not a database" * 10)
    with pytest.raises(CacheCorrupt):
        Cache.open(tmp_path / "junk.db", key)


def test_key_must_be_32_bytes(tmp_path):
    with pytest.raises(ValueError):
        Cache.open(tmp_path / "c.db", b"short")


def test_wipe_deletes_all_files(tmp_path, key):
    c = seeded(Cache.open(tmp_path / "c.db", key))
    c.wipe()
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "d.db").write_bytes(b"x")
    (tmp_path / "d.db.salt").write_bytes(b"x")
    wipe_cache_files(tmp_path / "d.db")
    assert list(tmp_path.iterdir()) == []


def test_cache_path_is_per_user_and_reveals_nothing(tmp_path):
    a = cache_path(tmp_path, PORTAL, "anna")
    assert a == cache_path(tmp_path, PORTAL + "/", "anna")
    assert a != cache_path(tmp_path, PORTAL, "bent") != cache_path(tmp_path, "http://127.0.0.1:1", "anna")
    assert "anna" not in a.name and "example" not in a.name and a.parent == tmp_path


# -- keys ------------------------------------------------------------------------------------
def test_cache_key_lives_in_keyring(tmp_path, memory_keyring):
    store = SecretStore()
    first = cache_key_for(store, PORTAL, "anna", cache_file=tmp_path / "c.db")
    assert len(first.key) == 32 and not first.from_password
    assert cache_key_for(store, PORTAL, "anna").key == first.key
    assert cache_key_for(store, PORTAL, "bent").key != first.key
    assert first.key.hex() in memory_keyring.values.values()
    assert first.key.hex() not in repr(first)
    assert not (tmp_path / "c.db.salt").exists()


def test_cache_key_from_password_without_keyring(tmp_path):
    keyring.set_keyring(fail.Keyring())
    path = tmp_path / "c.db"
    with pytest.raises(CacheKeyError):
        cache_key_for(SecretStore(), PORTAL, "anna", cache_file=path)   # no password given
    key, from_password = cache_key_for(SecretStore(), PORTAL, "anna", "demo", cache_file=path)
    assert from_password and len(key) == 32
    salt = tmp_path / "c.db.salt"
    assert stat.S_IMODE(salt.stat().st_mode) == 0o600 and b"demo" not in salt.read_bytes()
    # a later run (new process: nothing in memory) derives the same key from the same password
    assert cache_key_for(SecretStore(), PORTAL, "anna", "demo", cache_file=path).key == key
    seeded(Cache.open(path, key)).close()
    other = cache_key_for(SecretStore(), PORTAL, "anna", "changed", cache_file=path).key
    with pytest.raises(CacheKeyError):
        Cache.open(path, other)


# -- migrations ------------------------------------------------------------------------------
def test_migrations_apply_on_empty_file_and_are_idempotent(tmp_path, key):
    path = tmp_path / "c.db"
    with Cache.open(path, key) as c:
        applied = [m.name for m in migrations.applied(c.db)]
        assert applied == [m.name for m in migrations._migrations] and migrations.pending(c.db) == []
        migrations.apply(c.db)   # again: nothing to do
        tables = set(c.db.table_names())
    assert {"applications", "applications_fts", "outputs", "warnings", "staff", "researchers", "institutions",
            "organisations", "samples", "acknowledgements", "meta", "outbox", "attention"} <= tables
    with Cache.open(path, key) as c:   # re-opening does not apply anything twice
        assert [m.name for m in migrations.applied(c.db)] == applied
        assert c.cursor() == 0


# -- applying pages --------------------------------------------------------------------------
def test_apply_page_stores_data_and_cursor(cache):
    seeded(cache)
    assert cache.cursor() == len(DEMO)
    assert cache.counts()["application"] == 4 and cache.counts()["researcher"] == 2
    app = cache.get("application", "APP-2")
    assert app["title"] == "Heart failure after surgery"
    row = cache.applications_rows(["APP-2"])[0]
    assert row["approvals"] == 1 and row["sensitive"] == 1 and row["applicant_name"] == "Line Hvid"
    assert cache.meta()["last_sync_at"]


def test_deletes_and_last_state_wins(cache):
    seeded(cache)
    cache.apply_page([application("APP-1", 7, title="First"), application("APP-1", 8, title="Second"),
                      {"seq": 9, "entity": "application", "id": "APP-2", "data": None}], 9)
    assert cache.get("application", "APP-1")["title"] == "Second"
    assert cache.get("application", "APP-2") is None
    assert cache.application_ids(search="heart") == []   # the search index followed the delete


def test_unknown_kinds_are_kept(cache):
    cache.apply_page([{"seq": 1, "entity": "gizmo", "id": "G1", "data": {"x": 1}}], 1)
    assert cache.query("SELECT entity, id FROM other_entities") == [{"entity": "gizmo", "id": "G1"}]
    cache.apply_page([{"seq": 2, "entity": "gizmo", "id": "G1", "data": None}], 2)
    assert cache.query("SELECT * FROM other_entities") == []


def test_applicant_name_follows_researcher(cache):
    seeded(cache)
    cache.apply_page([researcher("R-1", "Søren Holt-Berg", 10)], 10)
    assert cache.applications_rows(["APP-1"])[0]["applicant_name"] == "Søren Holt-Berg"
    assert cache.application_ids(search="berg") == ["APP-3", "APP-1", "APP-4"]


def test_page_failing_midway_changes_nothing(cache):
    seeded(cache)
    before = cache.query("SELECT id, data FROM applications ORDER BY id")
    with cache.transaction() as conn:   # make the second table of the page fail
        conn.execute("CREATE TEMP TRIGGER boom BEFORE INSERT ON outputs BEGIN SELECT RAISE(ABORT, 'boom'); END")
    page = [application("APP-1", 20, title="Changed"), application("APP-9", 21),
            {"seq": 22, "entity": "output", "id": "O1", "data": {"id": "O1", "status": "held"}},
            {"seq": 23, "entity": "application", "id": "APP-2", "data": None}]
    with pytest.raises(Exception, match="boom"):
        cache.apply_page(page, 23)
    assert cache.cursor() == len(DEMO)
    assert cache.query("SELECT id, data FROM applications ORDER BY id") == before
    assert cache.application_ids(search="changed") == []


def test_cursor_failing_rolls_back_the_data(cache):
    seeded(cache)
    with cache.transaction() as conn:
        conn.execute("CREATE TEMP TRIGGER boom BEFORE UPDATE ON meta BEGIN SELECT RAISE(ABORT, 'boom'); END")
    with pytest.raises(Exception, match="boom"):
        cache.apply_page([application("APP-1", 30, title="Changed")], 30)
    assert cache.get("application", "APP-1")["title"] == "Diabetes and income" and cache.cursor() == len(DEMO)


def test_bad_change_is_refused_before_writing(cache):
    seeded(cache)
    with pytest.raises((AttributeError, KeyError, TypeError, ValueError)):
        cache.apply_page([application("APP-1", 40, title="Changed"), {"seq": 41, "entity": "output"}], 41)
    assert cache.get("application", "APP-1")["title"] == "Diabetes and income" and cache.cursor() == len(DEMO)


# -- views -------------------------------------------------------------------------------------
def test_search_filter_sort(cache):
    seeded(cache)
    assert cache.application_ids(order_by="submitted_at") == ["APP-2", "APP-3", "APP-1", "APP-4"]   # NULL last
    assert cache.application_ids(order_by="submitted_at", descending=True) == ["APP-1", "APP-3", "APP-2", "APP-4"]
    assert cache.application_ids(search="diab") == ["APP-1", "APP-4"]                 # prefix, title and purpose
    assert cache.application_ids(search="diabetes income") == ["APP-1"]              # every word must match
    assert cache.application_ids(search="odense") == ["APP-2"]                        # institution
    assert cache.application_ids(search="LPR") == ["APP-1"]                           # registers
    assert cache.application_ids(search="line hvid") == ["APP-2"]                     # applicant's name
    assert cache.application_ids(search="søren", order_by="title") == ["APP-3", "APP-4", "APP-1"]
    assert cache.application_ids(search="arhus") == ["APP-3"]                         # diacritics folded
    assert cache.application_ids(search="APP-2") == ["APP-2"]                         # by id
    assert cache.application_ids(status="in_review") == ["APP-2", "APP-4"]
    assert cache.application_ids(status=["approved", "submitted"], order_by="title") == ["APP-3", "APP-1"]
    assert cache.application_ids(search="diab", status="in_review") == ["APP-4"]
    assert cache.application_ids(order_by="approvals", descending=True)[0] == "APP-2"


@pytest.mark.parametrize("search", ['"', "title:x", "NEAR(a b)", "a OR b AND", "*", "'; DROP TABLE applications; --",
                                    "x\" OR \"1", "((", "-", "^"])
def test_hostile_search_is_harmless(cache, search):
    seeded(cache)
    assert isinstance(cache.application_ids(search=search), list)
    assert cache.counts()["application"] == 4


def test_fts_query_quotes_words():
    assert fts_query('heart" OR title:x') == '"heart"* "OR"* "title x"*'
    assert fts_query("APP-2026-0001") == '"APP 2026 0001"*'
    assert fts_query("  ") is None and fts_query(None) is None


@pytest.mark.parametrize("order_by", ["title; DROP TABLE applications", "data", "rowid", "TITLE", ""])
def test_sort_column_is_whitelisted(cache, order_by):
    with pytest.raises(ValueError):
        cache.application_ids(order_by=order_by)


def test_rows_keep_requested_order(cache):
    seeded(cache)
    rows = cache.applications_rows(["APP-3", "nope", "APP-1"])
    assert [r["id"] for r in rows] == ["APP-3", "APP-1"] and rows[0]["title"] == "Asthma in Århus children"
    assert "data" not in rows[0]
    assert [d["id"] for d in cache.rows("application", ["APP-2", "APP-1"])] == ["APP-2", "APP-1"]
    assert cache.application_status_counts() == {"submitted": 1, "in_review": 2, "approved": 1}
    with pytest.raises(ValueError):
        cache.get("applications; DROP", "x")


def test_reset_feed_keeps_outbox(cache):
    from desktop.sync.outbox import Outbox
    seeded(cache)
    Outbox(cache).enqueue("POST", "/applications/APP-1/reviews", {"decision": "approve"}, "application",
                          "APP-1", "Approve APP-1")
    cache.reset_feed()
    assert cache.cursor() == 0 and cache.counts()["application"] == 0 and cache.application_ids(search="diab") == []
    assert Outbox(cache).pending_count() == 1


def test_reads_and_writes_from_two_threads(cache):
    seeded(cache)
    errors, done = [], threading.Event()

    def writer():
        try:
            for n in range(30):
                cache.apply_page([application(f"W-{n}-{i}", 100 + n * 10 + i, title="Threaded")
                                  for i in range(10)], 100 + n * 10 + 9)
        except Exception as exc:   # pragma: no cover - reported below
            errors.append(exc)
        finally:
            done.set()

    thread = threading.Thread(target=writer)
    thread.start()
    seen = 0
    while not done.is_set():
        ids = cache.application_ids(search="threaded")
        assert len(ids) % 10 == 0          # never half a page
        seen = max(seen, len(ids))
    thread.join()
    assert not errors and len(cache.application_ids(search="threaded")) == 300
    assert cache.cursor() == 100 + 29 * 10 + 9


def test_outputs_and_warnings_views(cache):
    cache.apply_page([
        {"seq": 1, "entity": "output", "id": "O1", "data": {"id": "O1", "project_id": "APP-1", "researcher_id": "R-1",
                                                             "status": "held", "check": {"verdict": "fail"},
                                                             "sample": {"reason": "risk"}, "submitted_at": "2026-02-01"}},
        {"seq": 2, "entity": "output", "id": "O2", "data": {"id": "O2", "project_id": "APP-1", "researcher_id": "R-1",
                                                             "status": "released", "check": {"verdict": "pass"},
                                                             "sample": None, "submitted_at": "2026-01-01"}},
        {"seq": 3, "entity": "warning", "id": "W1", "data": {"id": "W1", "title": "b", "severity": "high",
                                                              "status": "sent", "sent_at": "2026-03-01"}},
        {"seq": 4, "entity": "warning", "id": "W2", "data": {"id": "W2", "title": "B", "severity": "low",
                                                              "status": "draft", "sent_at": None}},
        {"seq": 5, "entity": "warning", "id": "W3", "data": {"id": "W3", "title": "a", "severity": "low",
                                                              "status": "sent", "sent_at": "2026-01-01"}},
    ], 5)
    assert cache.output_ids() == ["O2", "O1"]
    assert cache.output_ids(status="held") == ["O1"] and cache.output_ids(verdict=["pass"]) == ["O2"]
    assert cache.outputs_rows(["O1"])[0]["sample_reason"] == "risk"
    assert cache.warning_ids() == ["W1", "W3", "W2"]                    # newest sent first, drafts last
    assert cache.warning_ids(status="sent", severity="low") == ["W3"]
    assert cache.warning_ids(order_by="title", descending=False)[0] == "W3"   # case-insensitive: a, b, B
    assert cache.warnings_rows(["W1"])[0]["severity"] == "high"
    with pytest.raises(ValueError):
        cache.warning_ids(order_by="body")


def test_tampered_salt_file_is_refused(tmp_path):
    keyring.set_keyring(fail.Keyring())
    path = tmp_path / "c.db"
    cache_key_for(SecretStore(), PORTAL, "anna", "demo", cache_file=path)
    salt = tmp_path / "c.db.salt"
    weakened = salt.read_text().replace('"n": 32768', '"n": 2')
    assert weakened != salt.read_text()
    salt.write_text(weakened)
    with pytest.raises(CacheCorrupt):
        cache_key_for(SecretStore(), PORTAL, "anna", "demo", cache_file=path)


def test_locked_keyring_never_gets_a_random_key_only_memory_holds(tmp_path):
    """Issue 24: two starts with a locked keyring open the same cache with the same key."""
    from tests.test_sync_secrets import LockedKeyring
    keyring.set_keyring(LockedKeyring())
    path = tmp_path / "c.db"
    with pytest.raises(CacheKeyError):     # no password: nothing to derive from, and no random key made
        cache_key_for(SecretStore(), PORTAL, "anna", cache_file=path)
    assert not (tmp_path / "c.db.salt").exists()
    first = cache_key_for(SecretStore(), PORTAL, "anna", "demo", cache_file=path)
    second = cache_key_for(SecretStore(), PORTAL, "anna", "demo", cache_file=path)
    assert first.from_password and second.key == first.key and (tmp_path / "c.db.salt").exists()


def test_keyring_readable_again_does_not_strand_a_password_keyed_cache(tmp_path, memory_keyring):
    """The salt file decides: a stale key in a keyring that works again does not shadow it."""
    path = tmp_path / "c.db"
    keyring.set_keyring(fail.Keyring())
    derived = cache_key_for(SecretStore(), PORTAL, "anna", "demo", cache_file=path)
    seeded(Cache.open(path, derived.key)).close()
    keyring.set_keyring(memory_keyring)
    store = SecretStore()
    store.set_cache_key(PORTAL, "anna", b"\x09" * 32)           # left there by an earlier run
    again = cache_key_for(store, PORTAL, "anna", "demo", cache_file=path)
    assert again.key == derived.key and again.from_password
    Cache.open(path, again.key).close()
    assert store.get_cache_key(PORTAL, "anna") == derived.key   # kept now for resuming


def test_incidents_synced_before_their_table_existed_move_into_it(tmp_path, key):
    """A cache from before migration 4 kept incidents as an unknown kind; opening it moves them."""
    path = tmp_path / "old.db"
    c = Cache.open(path, key)
    doc = {"id": "INC-2026-001", "title": "Old report", "status": "new", "severity": "high", "version": 3,
           "nis2_significant": True}
    with c.transaction() as conn:     # the cache as the version before incidents made it
        conn.execute("DROP TABLE incidents")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm004_incidents'")
        conn.execute("INSERT INTO other_entities (entity, id, version, seq, data) VALUES (?, ?, ?, ?, ?)",
                     ("incident", doc["id"], 3, 17, json.dumps(doc)))
    c.close()
    c = Cache.open(path, key)
    try:
        assert c.get("incident", "INC-2026-001") == doc
        assert c.query("SELECT status, severity, nis2_significant, seq FROM incidents") == [
            {"status": "new", "severity": "high", "nis2_significant": 1, "seq": 17}]
        assert c.query("SELECT * FROM other_entities") == []
    finally:
        c.close()
