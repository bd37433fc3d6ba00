"""Issue 7: the client is killed (SIGKILL) at random moments while it syncs.

The real SyncEngine, PortalClient and encrypted Cache run in a child process
(tests/faults.py, `SyncChild`) against a real portal process; the test kills
the child at seeded random moments during pull and push, reopens the cache and
checks, after every kill:

- the cache opens and passes SQLite's integrity check and the full-text index's;
- no half-applied page: nothing in the cache lies beyond the cursor, and every
  entity the portal's feed holds at or before the cursor is in the cache as the
  portal has it (nothing in the cache the feed does not know);
- every queued action is still in the outbox (queued or being sent) or done,
  and on the portal it took effect at most once ("queued" never, "done" exactly
  once, "sending" at most once: the answer may have been lost with the process).

After the last kill the sync is resumed and finished: the cache then equals a
fresh full sync and every action took effect exactly once (the Idempotency-Key
makes the retry of an action that reached the portal harmless).

Two deterministic cases pin down the worst moments: the portal has acted but
its answer has not reached the client yet, and the request has left the client
but not reached the portal.
"""

from __future__ import annotations

import random
import secrets
import sys
import time

import pytest
import requests

from desktop.sync.api import PortalClient
from desktop.sync.cache import Cache
from desktop.sync.engine import SyncEngine
from desktop.sync.outbox import Outbox
from tests.faults import (FaultProxy, SyncChild, cache_state, check_consistent, feed_state, live, queue_review,
                          record, reviews_by, submit_application)
from tests.portal_process import PortalProcess, wait_until

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and a fork server are POSIX only")

SEED = 7
PAGE_SIZE = 8
KILLS_CI = 24
KILLS_SLOW = 200


@pytest.fixture(scope="module")
def world():
    p = PortalProcess().start()
    client = PortalClient(p.url)
    user = client.sign_in("anna", "demo", p.totp.code("anna"))["user"]
    researcher = p.session("rikke")
    yield p, client.token, user, researcher
    p.close()


def check_actions(cache, feed: dict, queued: dict[str, str], user_id: str) -> dict[str, int]:
    """Every queued action is pending or done, and took effect at most (done: exactly) once."""
    rows = {r["idempotency_key"]: r for r in Outbox(cache).all(limit=100_000)}
    states: dict[str, int] = {}
    for key, app_id in queued.items():
        assert key in rows, f"queued action {key} vanished from the outbox"
        state = rows[key]["state"]
        states[state] = states.get(state, 0) + 1
        effect = reviews_by(feed, app_id, user_id)
        assert state in ("queued", "sending", "done"), (state, rows[key]["last_error"])
        if state == "queued":
            assert effect == 0, f"{app_id}: a queued action already took effect"
        elif state == "sending":
            assert effect in (0, 1), f"{app_id}: {effect} reviews"
        else:
            assert effect == 1, f"{app_id}: done but {effect} reviews"
    return states


def outbox_states(cache, queued: dict[str, str]) -> dict[str, int]:
    rows = {r["idempotency_key"]: r["state"] for r in Outbox(cache).all(limit=100_000)}
    states: dict[str, int] = {}
    for key in queued:
        states[rows[key]] = states.get(rows[key], 0) + 1
    return states


def phase_of(before: dict, after_states: dict, cursor: int, feed_max: int) -> str:
    if after_states.get("sending"):
        return "push (request in flight)"
    if after_states.get("queued") and after_states.get("done", 0) > before.get("done", 0):
        return "push (between actions)"
    if after_states.get("queued"):
        return "before push"
    if cursor < feed_max:
        return "pull"
    return "after sync"


def child_settings(portal_url, token, path, key, **extra) -> dict:
    return {"portal": portal_url, "token": token, "cache": str(path), "key": key.hex(), "page_size": PAGE_SIZE,
            **extra}


def run_to_end(settings: dict) -> list[dict]:
    child = SyncChild(settings)
    child.wait_ready()
    return child.finish()


def kill_campaign(world, tmp_path, kills: int, seed: int = SEED) -> dict:
    portal, token, user, researcher = world
    rng = random.Random(seed)
    path, key = tmp_path / "cache.db", secrets.token_bytes(32)
    Cache.open(path, key).close()
    settings = child_settings(portal.url, token, path, key)
    queued: dict[str, str] = {}
    phases: dict[str, int] = {}
    killed = finished = 0

    # Calibrate: how long a full first sync takes from "ready" to the end.
    child = SyncChild(settings)
    child.wait_ready()
    started = time.monotonic()
    child.finish()
    window = max(0.05, time.monotonic() - started)

    for n in range(kills):
        with Cache.open(path, key) as cache:
            if rng.random() < 0.7:
                for _ in range(rng.randint(1, 3)):
                    app_id = submit_application(portal, researcher, f"Kill test {seed}-{n}")
                    queued[queue_review(cache, app_id, f"{seed}-{n}")["idempotency_key"]] = app_id
            if rng.random() < 0.5:
                cache.reset_feed()    # a full pull again: many pages to be killed in
            before = outbox_states(cache, queued)
        child = SyncChild(settings)
        try:
            child.wait_ready()
            if child.run_for(rng.uniform(0, window)):   # it runs until the random kill moment
                finished += 1
            else:
                killed += 1
        finally:
            child.kill()
        with Cache.open(path, key) as cache:     # a damaged cache would fail to open here
            feed = feed_state(portal.api, token)
            check_consistent(cache, feed)
            states = check_actions(cache, feed, queued, user["id"])
            phase = phase_of(before, states, cache.cursor(), max(seq for seq, _ in feed.values()))
            phases[phase] = phases.get(phase, 0) + 1

    # Resume and finish: the cache equals a fresh full sync; every action took effect once.
    run_to_end(settings)
    feed = feed_state(portal.api, token)
    with Cache.open(path, key) as cache:
        check_consistent(cache, feed)
        states = check_actions(cache, feed, queued, user["id"])
        assert states == {"done": len(queued)}, states
        resumed = live(cache_state(cache))
        assert resumed == live(feed)
        assert Outbox(cache).pending_count() == 0
    fresh_client = PortalClient(portal.url)
    fresh_client.set_token(token)
    with Cache.open(tmp_path / "fresh.db", secrets.token_bytes(32)) as fresh:
        assert SyncEngine(fresh_client, fresh).sync_once().error is None
        assert live(cache_state(fresh)) == resumed
    for app_id in queued.values():
        assert reviews_by(feed, app_id, user["id"]) == 1
    figures = {"kill_points": kills, "killed": killed, "finished_before_kill": finished, "phases": phases,
               "actions_queued": len(queued), "actions_lost": 0, "duplicate_effects": 0, "seed": seed}
    record("sigkill during sync", **figures)
    return figures


def test_sigkill_at_random_points_loses_nothing(world, tmp_path):
    figures = kill_campaign(world, tmp_path, KILLS_CI)
    assert figures["killed"] >= KILLS_CI // 3, figures
    # Where the kills land depends on timing (reported, not asserted): the push's worst moments are
    # pinned down deterministically by test_kill_with_the_request_in_flight.
    assert len(figures["phases"]) >= 2, figures


@pytest.mark.slow
def test_sigkill_at_random_points_loses_nothing_long(world, tmp_path):
    figures = kill_campaign(world, tmp_path, KILLS_SLOW, seed=SEED + 1)
    assert figures["killed"] >= KILLS_SLOW // 3, figures


# -- the worst moments, on purpose --------------------------------------------------------
@pytest.mark.parametrize("moment", ["hold", "blackhole"])
def test_kill_with_the_request_in_flight(world, tmp_path, moment):
    """hold: the portal acted, its answer has not reached the client when it dies.
    blackhole: the request left the client but never reached the portal."""
    portal, token, user, researcher = world
    path, key = tmp_path / "cache.db", secrets.token_bytes(32)
    with Cache.open(path, key) as cache:
        app_id = submit_application(portal, researcher, f"In flight ({moment})")
        action = queue_review(cache, app_id, moment)
    with FaultProxy(portal.url) as proxy:
        proxy.inject(moment, method="POST", path="/reviews")
        child = SyncChild(child_settings(proxy.url, token, path, key))
        try:
            child.wait_ready()
            wait_until(proxy.held.is_set, timeout=30, message="the review to be in flight")
        finally:
            child.kill()
        proxy.heal()
        wait_until(proxy.idle, message="the proxy to drop the held connection")
        with Cache.open(path, key) as cache:
            row = Outbox(cache).get(action["id"])
            assert row["state"] == "sending"
        feed = feed_state(portal.api, token)
        assert reviews_by(feed, app_id, user["id"]) == (1 if moment == "hold" else 0)
        # The next start sends it again with the same Idempotency-Key.
        run_to_end(child_settings(proxy.url, token, path, key))
    feed = feed_state(portal.api, token)
    assert reviews_by(feed, app_id, user["id"]) == 1
    with Cache.open(path, key) as cache:
        assert Outbox(cache).get(action["id"])["state"] == "done"
        assert Outbox(cache).attention() == []
        check_consistent(cache, feed)
    # The portal saw the key twice at most and applied it once.
    audit = requests.get(portal.api + "/audit", params={"entity": "application", "id": app_id},
                         headers={"Authorization": f"Bearer {portal.token('admin')}"}, timeout=30).json()
    assert [e["outcome"] for e in audit["entries"] if e["action"] == "application.review"] == ["ok"]
    record("kill with request in flight", moment=moment, actions_lost=0, duplicate_effects=0)
