"""Issue 7: an offline copy that cannot be used: damaged bytes, a truncated file,
a file that is not a cache, a key that does not open it (keyring reset), a schema
this version does not know, a cache from an older version.

What must hold (desktop/session.py, desktop/sync/cache.py): signing in always
works (never a crash loop): an older cache is migrated, anything else is set
aside (kept) and rebuilt from the portal; unsent actions are never lost
silently: before the rebuild they are read as far as possible, exported to a
JSON file in the data folder's "rescued" folder, queued again with their own
Idempotency-Keys (so each takes effect exactly once), and the user is told
(Workspace.notes, shown by the app). Opening offline cannot rebuild: it says
so, and still exports the actions.
"""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

import pytest

import desktop.sync.cache as cache_module
from desktop.session import SessionManager
from desktop.sync.cache import Cache, CacheCorrupt, rescue_outbox
from desktop.sync.sealed import read_sealed
from desktop.sync.outbox import Outbox
from desktop.sync.schema import migrations
from tests.faults import (TotpCodes, add_users, cache_state, feed_state, live, queue_review, record, reviews_by,
                          submit_application)
from tests.portal_process import PortalProcess

USERS = [f"cache{n:03d}" for n in range(100)]   # one per trial: the long variant needs 60 + the others
TRIALS_CI = 7
TRIALS_SLOW = 60


@pytest.fixture(scope="module")
def world():
    p = PortalProcess().start()
    codes = TotpCodes(add_users(p.db, USERS, ["caseworker"]))
    free = iter(USERS)
    yield p, codes, p.session("rikke"), free
    p.close()


def prepare(world, data_dir: Path, actions: int = 3):
    """A user with a synced cache holding `actions` unsent reviews; returns what the test needs."""
    portal, codes, researcher, free = world
    username = next(free)
    sessions = SessionManager(str(data_dir), portal.url)
    ws = sessions.sign_in(username, "demo", codes.code(username))
    assert ws.engine.sync_once().error is None
    apps = [submit_application(portal, researcher, f"Cache test {username} {i}") for i in range(actions)]
    queued = [queue_review(ws.cache, app_id, username) for app_id in apps]
    path, user_id = ws.cache.path, ws.user["id"]
    ws.close()
    return sessions, username, user_id, path, {q["idempotency_key"]: app for q, app in zip(queued, apps)}


def rescued_keys(sessions, username) -> set[str]:
    """The actions in the exports left in the rescue folder (sealed with the cache key)."""
    keys = set()
    folder = Path(sessions.rescue_dir)
    key = sessions.secrets.get_cache_key(sessions.portal_id, username)
    for file in folder.glob("*") if folder.exists() else ():
        assert (file.stat().st_mode & 0o777) == 0o600
        assert b"idempotency_key" not in file.read_bytes()      # sealed, not plain JSON
        document = read_sealed(file, key)
        assert document["format"] == "portal-desk-unsent-actions"
        keys |= {a["idempotency_key"] for a in document["actions"]}
    return keys


def sign_in_again(world, sessions, username):
    portal, codes, _, _ = world
    return sessions.sign_in(username, "demo", codes.code(username))


def check_nothing_lost_silently(world, sessions, ws, queued: dict[str, str], user_id: str) -> str:
    """Every action is queued again, or exported and the user told, or the user told it could not be read."""
    portal = world[0]
    outbox = {r["idempotency_key"] for r in Outbox(ws.cache).all(limit=100_000)}
    if not ws.notes:
        assert set(queued) <= outbox
        outcome = "opened as it was"
    else:
        exported = rescued_keys(sessions, ws.username)
        told = " ".join(ws.notes)
        assert "could not be used" in told
        if exported:
            assert str(Path(sessions.rescue_dir)) in told      # the user is told where the file is
        unread = set(queued) - outbox - exported
        if unread:
            assert "could not be read" in told, told
            outcome = "rebuilt, actions unreadable (user told)"
        else:
            outcome = "rebuilt, all actions rescued"
    # The rebuilt or reopened copy syncs; each rescued action takes effect exactly once.
    result = ws.engine.sync_once()
    assert result.error is None and result.pending == 0, result
    feed = feed_state(portal.api, ws.client.token)
    for key, app_id in queued.items():
        assert reviews_by(feed, app_id, user_id) == (1 if key in outbox else 0)
    assert live(cache_state(ws.cache)) == live(feed)
    return outcome


def damage(path: Path, how: str, rng: random.Random) -> None:
    size = path.stat().st_size
    if how == "flip":
        with open(path, "r+b") as f:
            for _ in range(rng.randint(1, 4)):
                f.seek(rng.randrange(0, size - 1))
                f.write(bytes(rng.randrange(256) for _ in range(rng.choice((1, 16, 600)))))
    elif how == "truncate":
        with open(path, "r+b") as f:
            f.truncate(rng.randrange(4096, size))
    elif how == "header":
        with open(path, "r+b") as f:
            f.write(b"\0" * 4096)
    elif how == "garbage":
        path.write_bytes(os.urandom(size))
    elif how == "plain_sqlite":
        path.unlink()
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE notes (text TEXT)")
        conn.commit()
        conn.close()
    elif how == "text":
        path.write_text("This is not a database.\n")
    elif how == "empty":
        path.write_bytes(b"")
    else:
        raise ValueError(how)


DAMAGES = ("flip", "truncate", "header", "garbage", "plain_sqlite", "text", "empty")


def corruption_campaign(world, tmp_path, trials: int, seed: int) -> dict:
    rng = random.Random(seed)
    outcomes: dict[str, int] = {}
    actions = 0
    for n in range(trials):
        how = DAMAGES[n % len(DAMAGES)] if n < len(DAMAGES) else rng.choice(("flip", "flip", "truncate"))
        sessions, username, user_id, path, queued = prepare(world, tmp_path / f"trial{n}")
        actions += len(queued)
        damage(path, how, rng)
        ws = sign_in_again(world, sessions, username)          # never refuses to open
        try:
            outcome = check_nothing_lost_silently(world, sessions, ws, queued, user_id)
        finally:
            ws.close()
        outcomes[f"{how}: {outcome}"] = outcomes.get(f"{how}: {outcome}", 0) + 1
        # No crash loop: the next sign-in opens the rebuilt copy as it is.
        again = sign_in_again(world, sessions, username)
        assert again.notes == []
        again.close()
    figures = {"trials": trials, "outcomes": outcomes, "actions_queued": actions, "actions_lost_silently": 0,
               "seed": seed}
    record("damaged cache", **figures)
    return figures


def test_damaged_cache_is_rebuilt_and_actions_rescued(world, tmp_path):
    figures = corruption_campaign(world, tmp_path, TRIALS_CI, seed=3)
    assert sum(v for k, v in figures["outcomes"].items() if "rescued" in k) >= 1, figures


@pytest.mark.slow
def test_damaged_cache_is_rebuilt_and_actions_rescued_long(world, tmp_path):
    corruption_campaign(world, tmp_path, TRIALS_SLOW, seed=4)


def test_unknown_schema_is_rebuilt_and_its_actions_sent_once(world, tmp_path):
    sessions, username, user_id, path, queued = prepare(world, tmp_path)
    key = sessions.secrets.get_cache_key(sessions.portal_id, username)
    with Cache.open(path, key) as cache:
        with cache.transaction() as conn:     # as another program (or a broken version) would leave it
            conn.execute("DELETE FROM meta")
    with pytest.raises(CacheCorrupt, match="schema"):
        Cache.open(path, key)
    ws = sign_in_again(world, sessions, username)
    try:
        assert any("could not be used" in n and "schema" in n for n in ws.notes)
        assert rescued_keys(sessions, username) == set()      # queued again: the export is removed
        pending = Outbox(ws.cache).pending()
        assert {r["idempotency_key"] for r in pending} == set(queued)
        assert check_nothing_lost_silently(world, sessions, ws, queued, user_id) == "rebuilt, all actions rescued"
        aside = [p for p in path.parent.iterdir() if ".unusable-" in p.name]
        assert aside, "the unusable copy is kept"
    finally:
        ws.close()


def test_wrong_key_keeps_the_old_copy_and_says_so(world, tmp_path):
    sessions, username, user_id, path, queued = prepare(world, tmp_path)
    sessions.secrets.delete_cache_key(sessions.portal_id, username)     # the keyring was reset
    ws = sign_in_again(world, sessions, username)
    try:
        told = " ".join(ws.notes)
        assert "could not be read" in told and "kept" in told
        aside = [p for p in path.parent.iterdir() if ".unusable-" in p.name and not p.name.endswith(("-wal", "-shm"))]
        assert len(aside) == 1 and aside[0].stat().st_size > 0
        assert check_nothing_lost_silently(world, sessions, ws, queued, user_id) == \
            "rebuilt, actions unreadable (user told)"
    finally:
        ws.close()
    record("damaged cache", trials=1, outcomes={"wrong key: old copy kept, user told": 1}, actions_lost_silently=0)


def test_older_schema_is_migrated_in_place(world, tmp_path, monkeypatch):
    """A cache made by this version opened by a later one with one more migration."""
    sessions, username, user_id, path, queued = prepare(world, tmp_path)
    newer = type(migrations)(migrations.name)
    for migration in migrations._migrations:
        newer(name=migration.name)(migration.fn)

    @newer()
    def m900_outbox_note(db):
        db.execute("ALTER TABLE outbox ADD COLUMN note TEXT")

    monkeypatch.setattr(cache_module, "migrations", newer)
    ws = sign_in_again(world, sessions, username)
    try:
        assert ws.notes == []
        assert "note" in {r["name"] for r in ws.cache.query("PRAGMA table_info(outbox)")}
        assert check_nothing_lost_silently(world, sessions, ws, queued, user_id) == "opened as it was"
    finally:
        ws.close()


def test_cache_from_before_the_outbox_existed_is_migrated(tmp_path):
    key = os.urandom(32)
    path = tmp_path / "old.db"
    with Cache.open(path, key) as cache:
        cache.apply_page([{"seq": 1, "entity": "application", "id": "A1",
                           "data": {"id": "A1", "version": 1, "title": "Old", "status": "submitted"}}], 1)
    conn = cache_module.dbapi2.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    for table in ("meta", "outbox", "attention"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm003_meta_outbox_attention'")
    conn.close()
    with Cache.open(path, key, verify=True) as cache:
        assert cache.get("application", "A1")["title"] == "Old"
        assert cache.cursor() == 0 and Outbox(cache).pending_count() == 0   # the next sync pulls it all again


def test_offline_open_of_a_damaged_cache_explains_and_exports(world, tmp_path):
    sessions, username, user_id, path, queued = prepare(world, tmp_path)
    damage_page_of(sessions, username, path, "applications")
    with pytest.raises(CacheCorrupt) as info:
        sessions.open_offline(username)
    message = str(info.value)
    assert "damaged" in message and "Sign in while the portal can be reached" in message
    assert rescued_keys(sessions, username) == set(queued) and str(Path(sessions.rescue_dir)) in message
    assert path.exists()        # nothing is destroyed offline
    ws = sign_in_again(world, sessions, username)
    try:
        assert check_nothing_lost_silently(world, sessions, ws, queued, user_id) == "rebuilt, all actions rescued"
    finally:
        ws.close()


def damage_page_of(sessions, username, path: Path, table: str) -> None:
    """Overwrite part of the root page of one table (the rest of the file stays intact)."""
    key = sessions.secrets.get_cache_key(sessions.portal_id, username)
    with Cache.open(path, key) as cache:
        page = cache.query("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))[0]["rootpage"]
        size = int(cache.query("PRAGMA cipher_page_size")[0]["cipher_page_size"])
    with open(path, "r+b") as f:
        f.seek((page - 1) * size + size // 2)
        f.write(os.urandom(32))


def test_rescue_reads_rows_around_a_damaged_page(tmp_path):
    key = os.urandom(32)
    path = tmp_path / "c.db"
    with Cache.open(path, key) as cache:
        outbox = Outbox(cache)
        rows = [outbox.enqueue("POST", f"/applications/A{i}/reviews", {"decision": "return", "comment": "x" * 900,
                                                                      "expected_version": 1}, "application", f"A{i}",
                               f"Return A{i}") for i in range(60)]
    # Damage one page in the middle of the outbox's pages.
    size = path.stat().st_size
    with open(path, "r+b") as f:
        f.seek(size - 8 * 4096 + 100)
        f.write(os.urandom(64))
    with pytest.raises(CacheCorrupt):
        Cache.open(path, key, verify=True)
    rescue = rescue_outbox(path, key, tmp_path / "rescued", reason="test")
    assert rescue.readable and rescue.file is not None
    got = {a["idempotency_key"] for a in rescue.actions}
    assert got <= {r["idempotency_key"] for r in rows}
    assert len(got) >= 40, (len(got), rescue.skipped)     # only the damaged page's rows are gone
    assert all(a["body"]["comment"] == "x" * 900 for a in rescue.actions)


def test_the_app_tells_the_user_about_the_rebuild(qtbot, world, tmp_path):
    from PySide6.QtCore import Qt

    from tests.client_helpers import start_client

    portal, codes, _, _ = world
    sessions, username, user_id, path, queued = prepare(world, tmp_path)
    damage(path, "flip", random.Random(9))
    damage(path, "header", random.Random(9))
    desk = start_client(qtbot, portal, tmp_path)
    try:
        # Sessions of the app use the same data folder: its cache file is this one.
        assert desk.sessions.cache_file(username) == path
        dialog = desk.dialog
        dialog.username.setText(username)
        dialog.password.setText("demo")
        dialog.code.setText(codes.code(username))
        qtbot.waitUntil(dialog.sign_in_button.isEnabled, timeout=5000)
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: desk.window is not None, timeout=20000)
        qtbot.waitUntil(lambda: getattr(desk, "notes_box", None) is not None and desk.notes_box.isVisible(),
                        timeout=5000)
        text = desk.notes_box.text()
        assert "could not be used" in text
        qtbot.waitUntil(lambda: desk.window.sync.last_result is not None and not desk.window.sync.running,
                        timeout=20000)
        assert desk.window.sync.last_result.error is None
    finally:
        desk.shutdown()
