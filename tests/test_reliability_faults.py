"""Issue 7: the portal down, slow, failing or answering garbage (tests/faults.py's
FaultProxy between the real client and a real portal process).

For every fault the client must: report it (SyncResult.error_kind "offline" or
"fault", never an exception), back off (the action's attempts and the delay to
its next_attempt_at grow), keep working offline (the cache reads, new actions
queue), and recover by itself once the portal is back: the next due sync
succeeds and every pending action takes effect exactly once, including actions
whose answer was lost after the portal had acted on them.
"""

from __future__ import annotations

import random
import secrets
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest

import desktop.sync.engine as engine_module
from desktop.sync.api import PortalClient
from desktop.sync.cache import Cache
from desktop.sync.engine import SyncEngine
from desktop.sync.outbox import Outbox
from tests.faults import (FaultProxy, cache_state, check_consistent, feed_state, live, queue_review, record,
                          reviews_by, submit_application)
from tests.portal_process import PortalProcess, wait_until

# What the client must call each fault (SyncResult.error_kind).
EXPECTED = {
    "down": "offline",            # connection refused
    "reset": "offline",           # connection reset before any answer
    "timeout": "offline",         # the answer comes after the client stopped waiting (the portal acts)
    "trickle": "offline",         # a valid answer, too slowly (the whole-answer deadline)
    "500": "fault",
    "502": "fault",               # a gateway's HTML page
    "503": "fault",
    "truncated": "fault",         # Content-Length says more than arrives
    "malformed": "fault",         # JSON cut and garbled
    "wrong_type": "fault",        # the right bytes as text/html
    "html_200": "fault",          # a captive portal's page with 200
    "lost_answer": "offline",     # the portal acted, then the connection died
    "lost_answer_502": "fault",   # the portal acted, the gateway answered 502
}
ATTEMPTS = 3


@pytest.fixture(scope="module")
def world():
    p = PortalProcess().start()
    client = PortalClient(p.url)
    user = client.sign_in("anna", "demo", p.totp.code("anna"))["user"]
    yield p, client.token, user, p.session("rikke")
    p.close()


@pytest.fixture
def proxy(world):
    with FaultProxy(world[0].url) as proxy:
        yield proxy


def make_engine(proxy, token, path, **client_options):
    options = {"timeout": (1, 0.4), "deadline": 0.5, **client_options}
    client = PortalClient(proxy.url, **options)
    client.set_token(token)
    cache = Cache.open(path, secrets.token_bytes(32))
    return SyncEngine(client, cache, page_size=200), cache


def backoff_delay(row: dict) -> float:
    return (datetime.fromisoformat(row["next_attempt_at"]) - datetime.fromisoformat(row["updated_at"])).total_seconds()


def later(seconds: float = 3600):
    """A clock past every backoff: the next sync the timer would run."""
    moment = (datetime.now(timezone.utc) + timedelta(seconds=seconds)).isoformat(timespec="milliseconds")
    return lambda: moment


@pytest.mark.parametrize("fault", list(EXPECTED))
def test_fault_backoff_offline_work_and_recovery(world, proxy, tmp_path, monkeypatch, fault):
    portal, token, user, researcher = world
    engine, cache = make_engine(proxy, token, tmp_path / "cache.db")
    with cache:
        assert engine.sync_once().error is None
        first_app = submit_application(portal, researcher, f"Fault {fault} 1")
        first = queue_review(cache, first_app, fault)
        cursor, counts = cache.cursor(), cache.counts()

        proxy.inject(fault)
        delays = []
        for attempt in range(1, ATTEMPTS + 1):
            result = engine.sync_once(ignore_backoff=True)     # "sync now", again and again
            assert result.error_kind == EXPECTED[fault], (result.error_kind, result.error)
            assert result.error and not result.auth_required and result.pending >= 1
            row = Outbox(cache).get(first["id"])
            assert row["state"] == "queued" and row["attempts"] == attempt, row
            assert row["idempotency_key"] == first["idempotency_key"]
            delays.append(backoff_delay(row))
        assert delays == sorted(delays) and delays[-1] > delays[0] * 3, delays   # 5 s, 10 s, 20 s

        # Offline, the work goes on: the copy reads, and new actions queue behind the first.
        second_app = submit_application(portal, researcher, f"Fault {fault} 2")
        second = queue_review(cache, second_app, fault)
        assert cache.cursor() == cursor and cache.counts() == counts
        assert cache.application_ids(status="submitted")
        assert [r["id"] for r in Outbox(cache).pending()] == [first["id"], second["id"]]
        # Within the backoff, a timer-driven sync does not hammer the portal with the action.
        before = proxy.requests
        result = engine.sync_once()
        assert Outbox(cache).get(first["id"])["attempts"] == ATTEMPTS
        assert proxy.requests - before <= 1   # the pull's one try at most

        proxy.heal()
        wait_until(proxy.idle, timeout=30, message="late answers to finish")
        monkeypatch.setattr(engine_module, "now_iso", later())
        result = engine.sync_once()
        assert result.error is None and result.online and result.pending == 0, result
        assert result.pushed == 2 and result.refused == 0
        feed = feed_state(portal.api, token)
        assert reviews_by(feed, first_app, user["id"]) == 1 and reviews_by(feed, second_app, user["id"]) == 1
        check_consistent(cache, feed)
        assert live(cache_state(cache)) == live(feed)
        assert Outbox(cache).attention() == []
    record("portal faults", fault=fault, error_kind=EXPECTED[fault], injected=sum(proxy.injected.values()),
           backoff_seconds=[round(d) for d in delays], actions_lost=0, duplicate_effects=0)


@pytest.mark.parametrize("fault", ["huge", "huge_declared"])
def test_change_feed_page_larger_than_memory_is_refused_early(world, proxy, tmp_path, fault):
    portal, token, user, _ = world
    max_body = 4 * 1024 * 1024
    engine, cache = make_engine(proxy, token, tmp_path / "cache.db", timeout=(1, 5), deadline=30, max_body=max_body)
    with cache:
        proxy.inject(fault, path="/changes")
        result = engine.sync_once()
        assert result.error_kind == "fault" and "larger than" in result.error, result
        assert cache.cursor() == 0 and sum(cache.counts().values()) == 0
        wait_until(proxy.idle, timeout=30, message="the proxy to notice the client left")
        # The client stopped reading at its limit; the server had gigabytes to send.
        assert proxy.huge_bytes_sent <= max_body + 8 * 1024 * 1024
        proxy.heal()
        result = engine.sync_once()
        assert result.error is None and result.pulled > 0
        assert live(cache_state(cache)) == live(feed_state(portal.api, token))
    record("portal faults", fault=fault, error_kind="fault", injected=sum(proxy.injected.values()),
           bytes_read_before_refusal=min(proxy.huge_bytes_sent, max_body), actions_lost=0)


def test_portal_stops_mid_pull_and_the_pull_resumes(world, proxy, tmp_path):
    """Pages before the fault stay; the next sync continues from the cursor."""
    portal, token, _, _ = world
    engine, cache = make_engine(proxy, token, tmp_path / "cache.db")
    engine.page_size = 10
    with cache:
        def progress(pages, changes):
            if pages == 3:
                proxy.inject("502", path="/changes")   # the portal fails from the fourth page on

        result = engine.sync_once(progress=progress)
        assert result.error_kind == "fault" and result.pages == 3
        stopped_at = cache.cursor()
        assert stopped_at > 0
        check_consistent(cache, feed_state(portal.api, token))
        proxy.heal()
        result = engine.sync_once()
        assert result.error is None and cache.cursor() > stopped_at
        assert live(cache_state(cache)) == live(feed_state(portal.api, token))


def chaos_campaign(world, proxy, tmp_path, monkeypatch, rounds: int, seed: int) -> dict:
    portal, token, user, researcher = world
    rng = random.Random(seed)
    engine, cache = make_engine(proxy, token, tmp_path / "cache.db")
    engine.page_size = 25
    faults = tuple(f for f in EXPECTED if f != "down")
    proxy.chaos(random.Random(seed + 1), 0.3, faults)
    queued: dict[str, str] = {}
    kinds = Counter()
    with cache:
        for n in range(rounds):
            for _ in range(rng.choice((0, 0, 1, 2))):
                app_id = submit_application(portal, researcher, f"Chaos {seed}-{n}")
                queued[queue_review(cache, app_id, f"chaos {n}")["idempotency_key"]] = app_id
            if rng.random() < 0.1:
                cache.reset_feed()
            result = engine.sync_once(ignore_backoff=True)
            kinds[result.error_kind or "ok"] += 1
            feed = feed_state(portal.api, token)
            check_consistent(cache, feed)
            rows = {r["idempotency_key"]: r for r in Outbox(cache).all(limit=100_000)}
            for key, app_id in queued.items():
                # A done action is pruned once a later full pull shows its effect: then it must be in the feed.
                assert rows[key]["state"] in ("queued", "sending", "done") if key in rows else \
                    reviews_by(feed, app_id, user["id"]) == 1
                assert reviews_by(feed, app_id, user["id"]) <= 1
        injected = sum(proxy.injected.values())
        proxy.heal()
        wait_until(proxy.idle, timeout=30, message="late answers to finish")
        monkeypatch.setattr(engine_module, "now_iso", later())
        result = engine.sync_once()
        assert result.error is None and result.pending == 0, result
        feed = feed_state(portal.api, token)
        assert all(reviews_by(feed, app_id, user["id"]) == 1 for app_id in queued.values())
        assert {r["state"] for r in Outbox(cache).all(limit=100_000)} <= {"done"}
        assert live(cache_state(cache)) == live(feed)
    figures = {"rounds": rounds, "requests": proxy.requests, "faults_injected": injected,
               "by_fault": dict(proxy.injected), "rounds_by_outcome": dict(kinds), "actions": len(queued),
               "actions_lost": 0, "duplicate_effects": 0, "seed": seed}
    record("random faults", **figures)
    return figures


def test_random_faults_lose_nothing(world, proxy, tmp_path, monkeypatch):
    figures = chaos_campaign(world, proxy, tmp_path, monkeypatch, rounds=25, seed=11)
    assert figures["faults_injected"] >= 10


@pytest.mark.slow
def test_random_faults_lose_nothing_long(world, proxy, tmp_path, monkeypatch):
    figures = chaos_campaign(world, proxy, tmp_path, monkeypatch, rounds=400, seed=12)
    assert figures["faults_injected"] >= 200
