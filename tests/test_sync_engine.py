"""Outbox and SyncEngine, through the real PortalClient and an encrypted cache,
against the fake portal of test_sync_support."""

from __future__ import annotations

import logging
import secrets
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.sync.api import PortalClient, PortalError
from desktop.sync.cache import Cache, cache_key_for, cache_path
from desktop.sync.engine import OUTBOX, SyncEngine
from desktop.sync.outbox import BACKOFF_CAP, Outbox, backoff_seconds, sync_retry_delay
from desktop.sync.secrets import SecretStore
from tests.test_sync_support import FakePortal, error

REVIEW = "/applications/APP-1/reviews"


@pytest.fixture
def portal():
    p = FakePortal().start()
    for i in range(1, 6):
        p.add("application", f"APP-{i}", {"id": f"APP-{i}", "version": 1, "title": f"Study {i}",
                                          "status": "submitted", "reviews": [], "required_approvals": 2})
    yield p
    p.close()


@pytest.fixture
def cache(tmp_path):
    c = Cache.open(tmp_path / "cache.db", secrets.token_bytes(32))
    yield c
    c.close()


@pytest.fixture
def client(portal):
    c = PortalClient(portal.url, timeout=(2, 5))
    c.sign_in("anna", "demo", "123456")
    return c


@pytest.fixture
def engine(client, cache):
    return SyncEngine(client, cache, page_size=2)


def approve(outbox: Outbox, n: int = 1):
    return outbox.enqueue("POST", f"/applications/APP-{n}/reviews", {"decision": "approve", "comment": "",
                          "expected_version": 1}, "application", f"APP-{n}", f"Approve APP-{n}")


def closed_port_url() -> str:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


# -- outbox -----------------------------------------------------------------------------------
def test_enqueue_gives_a_stable_uuid_key(cache):
    outbox = Outbox(cache)
    row = approve(outbox)
    assert row["state"] == "queued" and row["attempts"] == 0 and len(row["idempotency_key"]) == 36
    assert row["body"] == {"decision": "approve", "comment": "", "expected_version": 1}
    assert [r["id"] for r in outbox.pending()] == [row["id"]]
    outbox.mark_retry(row["id"], "offline")
    again = outbox.get(row["id"])
    assert again["idempotency_key"] == row["idempotency_key"] and again["attempts"] == 1
    assert approve(outbox)["idempotency_key"] != row["idempotency_key"]
    with pytest.raises(ValueError):
        outbox.enqueue("GET", REVIEW, None, None, None, "")


def test_backoff_grows_and_is_capped():
    assert [backoff_seconds(n) for n in (1, 2, 3)] == [5, 10, 20]
    assert backoff_seconds(30) == BACKOFF_CAP
    assert backoff_seconds(1, retry_after=60) == 60


def test_sync_rounds_back_off_from_the_interval_up_to_the_cap():
    # was 60, 20, 40, 60: the later delays fell below the interval and the cap never applied
    assert [sync_retry_delay(n, 60) for n in range(0, 7)] == [60, 60, 120, 240, 300, 300, 300]
    assert [sync_retry_delay(n, 5) for n in (1, 2, 3)] == [5, 10, 20]
    assert sync_retry_delay(50, 60) == BACKOFF_CAP
    assert sync_retry_delay(3, 600) == 600     # an interval above the cap is never shortened


def test_discard_only_unsent(cache):
    outbox = Outbox(cache)
    a, b = approve(outbox), approve(outbox, 2)
    outbox.mark_done(b["id"])
    assert outbox.discard(a["id"]) and not outbox.discard(b["id"])
    assert outbox.pending() == []


# -- pull ------------------------------------------------------------------------------------
def test_pull_follows_pages_and_reports_progress(engine, cache, portal):
    calls = []
    result = engine.sync_once(progress=lambda pages, changes: calls.append((pages, changes)))
    assert result.online and result.error is None and result.pulled == 5 and result.pages == 3
    assert calls == [(1, 2), (2, 4), (3, 5)]
    assert result.changed == {"application"}          # what the pages refresh for
    assert cache.cursor() == result.cursor == 5 and cache.counts()["application"] == 5
    portal.add("application", "APP-2", None)
    result = engine.sync_once()
    assert result.pulled == 1 and cache.get("application", "APP-2") is None and cache.cursor() == 6


def test_stop_between_pages_leaves_consistent_cache(engine, cache):
    pages = []
    result = engine.sync_once(progress=lambda p, c: pages.append(p), should_stop=lambda: len(pages) >= 1)
    assert result.stopped and result.pages == 1
    assert cache.cursor() == 2 and cache.counts()["application"] == 2
    assert engine.sync_once().pulled == 3 and cache.cursor() == 5


def test_second_round_while_running_is_skipped(engine):
    inner = []
    result = engine.sync_once(progress=lambda p, c: inner.append(engine.sync_once()) if not inner else None)
    assert inner[0].skipped and not result.skipped and result.pulled == 5


# -- push ------------------------------------------------------------------------------------
def test_push_in_order_with_the_queued_keys(engine, cache, portal):
    outbox = Outbox(cache)
    rows = [approve(outbox, n) for n in (3, 1, 2)]
    result = engine.sync_once()
    assert result.pushed == 3 and result.pending == 0 and result.online
    assert OUTBOX in result.changed
    assert [r.path for r in portal.actions] == [f"/api/v1/applications/APP-{n}/reviews" for n in (3, 1, 2)]
    assert [r.headers["idempotency-key"] for r in portal.actions] == [r["idempotency_key"] for r in rows]
    assert all(outbox.get(r["id"])["state"] == "done" for r in rows)


def test_done_actions_are_pruned_once_a_later_pull_has_shown_them(engine, cache, monkeypatch):
    import desktop.sync.engine as engine_module
    import desktop.sync.outbox as outbox_module
    clock = iter(f"2026-03-01T12:00:{s:02d}Z" for s in range(60))
    tick = lambda: next(clock)  # noqa: E731  (one second per reading: done, then the pulls, in order)
    monkeypatch.setattr(engine_module, "now_iso", tick)
    monkeypatch.setattr(outbox_module, "now_iso", tick)
    outbox = Outbox(cache)
    row = approve(outbox)
    assert engine.sync_once().pushed == 1
    assert outbox.get(row["id"])["state"] == "done"       # the views still see it done after this round
    refused = approve(outbox, 2)
    outbox.mark_refused(refused["id"], "409 not_open")
    engine.sync_once()
    assert outbox.get(row["id"]) is None                  # pruned by the next round
    assert outbox.get(refused["id"])["state"] == "refused"  # refusals stay for Needs attention
    assert [r["id"] for r in outbox.all()] == [refused["id"]]


def test_transient_fault_keeps_action_and_key_for_retry(engine, cache, portal):
    outbox = Outbox(cache)
    first, second = approve(outbox), approve(outbox, 2)
    portal.answers.append(error(500, "internal", "boom"))
    result = engine.sync_once()
    assert not result.online and result.error_kind == "fault" and result.pushed == 0 and result.pending == 2
    assert result.pulled == 0   # stopped: nothing pulled after a fault
    row = outbox.get(first["id"])
    assert row["state"] == "queued" and row["attempts"] == 1 and row["last_error"]
    assert row["next_attempt_at"] > datetime.now(timezone.utc).isoformat()
    assert len(portal.actions) == 1   # the second was not sent before the first

    # inside the backoff window: nothing is pushed (order kept), but the pull runs
    result = engine.sync_once()
    assert result.pushed == 0 and result.pulled == 5 and result.online and len(portal.actions) == 1

    result = engine.sync_once(ignore_backoff=True)   # "sync now"
    assert result.pushed == 2 and result.pending == 0
    keys = [r.headers["idempotency-key"] for r in portal.actions]
    assert keys == [first["idempotency_key"], first["idempotency_key"], second["idempotency_key"]]


def test_429_is_retried_later_not_refused(engine, cache, portal):
    outbox = Outbox(cache)
    row = approve(outbox)
    portal.answers.append(error(429, "too_many_requests", "slow down", retry_after=120))
    result = engine.sync_once()
    assert result.refused == 0 and result.pending == 1 and result.online
    after = outbox.get(row["id"])
    due = datetime.fromisoformat(after["next_attempt_at"])
    assert due - datetime.now(timezone.utc) > timedelta(seconds=100)


def test_send_now_is_the_rounds_push_a_refusal_needs_attention(engine, cache, portal):
    # The warnings' own push (gone) marked a refusal refused with no Needs-attention item.
    outbox = Outbox(cache)
    row = approve(outbox)
    portal.answers.append(error(409, "not_open", "decided already"))
    with pytest.raises(PortalError) as refused:
        engine.send_now(row["id"])
    assert refused.value.code == "not_open"
    assert outbox.get(row["id"])["state"] == "refused"
    attention = outbox.attention()
    assert [(a["code"], a["entity_id"]) for a in attention] == [("not_open", "APP-1")]
    accepted = approve(outbox, 2)
    assert isinstance(engine.send_now(accepted["id"]), dict)     # the portal's answer, for the dialog
    assert outbox.get(accepted["id"])["state"] == "done"
    assert [r.headers["idempotency-key"] for r in portal.actions][-1] == accepted["idempotency_key"]
    assert engine.send_now(accepted["id"]) is None          # sent already: nothing twice


def test_send_now_does_not_race_a_running_round(engine, cache, portal):
    outbox = Outbox(cache)
    row = approve(outbox)
    answers = []
    # While a round runs (the lock held), send_now leaves the action to that round.
    engine.sync_once(progress=lambda p, c: answers.append(engine.send_now(row["id"], wait=0.01)) if not answers
                     else None)
    assert answers == [None]
    assert outbox.get(row["id"])["state"] == "done" and len(portal.actions) == 1


def test_offline_keeps_everything_queued(cache):
    outbox = Outbox(cache)
    row = approve(outbox)
    client = PortalClient(closed_port_url(), timeout=(1, 1))
    client.set_token("tok-test-0123456789")
    result = SyncEngine(client, cache).sync_once()
    assert not result.online and result.error_kind == "offline" and result.pending == 1
    assert outbox.get(row["id"])["attempts"] == 1 and outbox.get(row["id"])["state"] == "queued"


def test_refusal_becomes_attention_with_server_state(engine, cache, portal):
    outbox = Outbox(cache)
    engine.sync_once()
    refused, accepted = approve(outbox), approve(outbox, 2)
    # meanwhile someone else changed APP-1: the portal refuses, and the feed carries the new state

    def conflict(req):
        portal.add("application", "APP-1", {"id": "APP-1", "version": 2, "title": "Study 1", "status": "rejected",
                                            "reviews": [{"reviewer_id": "u-bent", "decision": "reject"}]})
        return error(409, "version_conflict", "the application changed")
    portal.answers.append(conflict)
    result = engine.sync_once()
    assert result.refused == 1 and result.pushed == 1 and result.pending == 0 and result.online
    assert outbox.get(refused["id"])["state"] == "refused" and outbox.get(accepted["id"])["state"] == "done"
    [item] = outbox.attention()
    assert item["id"] in result.attention_ids
    assert (item["code"], item["status"], item["entity_id"]) == ("version_conflict", 409, "APP-1")
    assert item["action"] == "Approve APP-1" and item["message"] == "the application changed"
    assert item["server_state"]["status"] == "rejected" and item["server_state"]["version"] == 2
    outbox.resolve_attention(item["id"])
    assert outbox.attention() == [] and outbox.attention(include_resolved=True)[0]["resolved"]


def test_expired_session_keeps_actions_and_asks_to_sign_in(engine, cache, portal, client):
    outbox = Outbox(cache)
    row = approve(outbox)
    portal.expire_sessions()
    result = engine.sync_once()
    assert result.auth_required and result.error_kind == "auth" and result.pending == 1 and result.pulled == 0
    after = outbox.get(row["id"])
    assert after["state"] == "queued" and after["attempts"] == 0 and after["next_attempt_at"] is None
    client.sign_in("anna", "demo", "123456")
    result = engine.sync_once()
    assert result.pushed == 1 and not result.auth_required and result.pulled == 5
    assert portal.actions[-1].headers["idempotency-key"] == row["idempotency_key"]


def test_expired_session_during_pull(engine, portal):
    portal.expire_sessions()
    result = engine.sync_once()
    assert result.auth_required and result.pulled == 0


def test_malformed_queued_action_is_refused_locally(engine, cache, portal):
    outbox = Outbox(cache)
    bad = outbox.enqueue("POST", "/a/../session", {}, None, None, "broken")
    good = approve(outbox)
    result = engine.sync_once()
    assert result.refused == 1 and result.pushed == 1
    assert outbox.get(bad["id"])["state"] == "refused" and outbox.attention()[0]["code"] == "invalid_action"
    assert len(portal.actions) == 1 and outbox.get(good["id"])["state"] == "done"


# -- secrets stay secret ----------------------------------------------------------------------
def test_token_and_key_never_reach_files_or_logs(tmp_path, portal, caplog):
    caplog.set_level(logging.DEBUG)
    store = SecretStore()
    path = cache_path(tmp_path, portal.url, "anna")
    key = cache_key_for(store, portal.url, "anna", cache_file=path).key
    client = PortalClient(portal.url)
    client.sign_in("anna", "demo", "123456")
    store.set_token(portal.url, "anna", client.token)
    token = client.token
    with Cache.open(path, key) as cache:
        engine = SyncEngine(client, cache)
        approve(engine.outbox)
        portal.expire_sessions()
        engine.sync_once()                      # 401 on the way
        client.sign_in("anna", "demo", "123456")
        tokens = [token, client.token]
        assert engine.sync_once().pushed == 1
        cache.set_identity(portal.url, "anna", "u-anna", ["caseworker"])
        files = [p for p in tmp_path.rglob("*") if p.is_file()]
        assert files
        for f in files:                         # while open (WAL) ...
            data = f.read_bytes()
            for secret in (*[t.encode() for t in tokens], key, key.hex().encode()):
                assert secret not in data, f.name
    for f in [p for p in tmp_path.rglob("*") if p.is_file()]:   # ... and after closing
        data = f.read_bytes()
        for secret in (*[t.encode() for t in tokens], key, key.hex().encode()):
            assert secret not in data, f.name
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert all(t not in text for t in tokens) and key.hex() not in text


def test_sync_package_has_no_qt_and_no_insecure_switches():
    root = Path(__file__).resolve().parent.parent / "desktop" / "sync"
    for source in root.glob("*.py"):
        text = source.read_text("utf-8")
        assert "PySide6" not in text and "verify=False" not in text and "keyrings.alt import" not in text, source
    code = ("import sys, desktop.sync.api, desktop.sync.cache, desktop.sync.engine, desktop.sync.outbox, "
            "desktop.sync.secrets; sys.exit(1 if any(m.startswith(('PySide6', 'shiboken')) for m in sys.modules) else 0)")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root.parent.parent)


def test_a_full_sync_prepares_the_lists_default_orders(portal, client, cache, monkeypatch):
    """After a full pull (cursor 0 to the end) the sort indexes of the lists' default
    orders are built on the sync's thread, not by the first list query on the UI thread;
    an incremental round does not rebuild anything."""
    from desktop.sync import cache as cache_module
    monkeypatch.setattr(cache_module, "SORT_INDEX_MIN_ROWS", 3)      # the fake portal holds 5 applications
    built = lambda: {r["name"] for r in cache.query("SELECT name FROM sqlite_master WHERE type = 'index'")}  # noqa: E731
    engine = SyncEngine(client, cache, page_size=2)
    assert "applications_sort_submitted_at" not in built()
    result = engine.sync_once()
    assert result.pulled == 5 and "applications_sort_submitted_at" in built()
    prepared = []
    monkeypatch.setattr(cache, "prepare_default_orders", lambda: prepared.append(True))
    portal.add("application", "APP-9", {"id": "APP-9", "version": 1, "title": "Study 9", "status": "submitted",
                                        "reviews": [], "required_approvals": 2})
    assert engine.sync_once().pulled == 1 and prepared == []


def test_every_sortable_column_gets_its_index_after_a_full_sync(portal, client, cache, monkeypatch):
    """The first sort by any column reads an index (built once, off the UI thread) rather than
    sorting every decrypted row; the queries as written use it (no temporary B-tree)."""
    from desktop.sync import cache as cache_module
    monkeypatch.setattr(cache_module, "SORT_INDEX_MIN_ROWS", 3)
    engine = SyncEngine(client, cache, page_size=2)
    result = engine.sync_once()
    assert result.full and result.pulled == 5
    built = cache.prepare_sort_orders()
    names = {r["name"] for r in cache.query("SELECT name FROM sqlite_master WHERE type = 'index'")}
    for column in cache_module.APPLICATION_SORTS:
        assert f"applications_sort_{column}" in names
    assert "applications_sort_title" in built
    assert cache.prepare_sort_orders() == []            # once per cache
    with cache.reading() as conn:
        plan = " ".join(str(r[-1]) for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT t.id FROM applications t INDEXED BY applications_sort_institution "
            "WHERE t.institution IS NOT NULL ORDER BY t.institution COLLATE NOCASE DESC, t.id DESC"))
    assert "TEMP B-TREE" not in plan.upper()
    assert not engine.sync_once().full                 # an incremental round is not a full one
