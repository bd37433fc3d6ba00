"""Issue 7: fifty clients syncing and reviewing at once against one portal, for a
bounded time (a few seconds in CI, a minute with --slow).

Each client is the real client stack (PortalClient, encrypted Cache, SyncEngine)
in its own thread; two clients per caseworker, as if on two machines, so the
same person's decisions race each other too. Meanwhile a researcher keeps
submitting applications. Afterwards:

- no answer was 5xx, and no sync round ended in a fault;
- no duplicate review: nobody appears twice among an application's reviewers;
- no lost update: every action the portal accepted is on the portal exactly
  once, every other was refused with a reason (shown as attention), none is
  still pending; an application's status follows from its reviews;
- every client's cache equals what the portal's feed gives its user;
- the audit chain still verifies.
"""

from __future__ import annotations

import random
import secrets
import threading
import time
from collections import Counter

import pytest
import requests

from desktop.sync.api import PortalClient
from desktop.sync.cache import Cache
from desktop.sync.engine import SyncEngine
from desktop.sync.outbox import Outbox
from tests.faults import TotpCodes, add_users, cache_state, feed_state, live, record, submit_application
from tests.portal_process import PortalProcess

CLIENTS = 50
PER_USER = 2
SECONDS_CI = 5.0
SECONDS_SLOW = 60.0


class Counted(requests.Session):
    """Counts every request and its status (a shared Counter)."""

    def __init__(self, counts: Counter, lock: threading.Lock):
        super().__init__()
        self._counts, self._lock = counts, lock

    def request(self, method, url, *args, **kwargs):
        try:
            response = super().request(method, url, *args, **kwargs)
        except requests.RequestException:
            with self._lock:
                self._counts["no answer"] += 1
            raise
        with self._lock:
            self._counts["requests"] += 1
            self._counts[f"{response.status_code // 100}xx"] += 1
            if response.status_code >= 500:
                self._counts[f"status {response.status_code}"] += 1
        return response


@pytest.fixture(scope="module")
def portal():
    p = PortalProcess().start()
    yield p
    p.close()


def client_loop(n: int, engine: SyncEngine, user_id: str, until: float, results: Counter, lock, seed: int):
    rng = random.Random(seed)
    outbox = engine.outbox
    while time.monotonic() < until:
        result = engine.sync_once(ignore_backoff=True)
        with lock:
            results[result.error_kind or "ok"] += 1
        cache = engine.cache
        open_ids = cache.application_ids(status=("submitted", "in_review"))
        queued = {r["entity_id"] for r in outbox.all(limit=10_000)}
        choices = []
        for app_id in rng.sample(open_ids, min(len(open_ids), 20)):
            app = cache.get("application", app_id)
            if app_id not in queued and not any(r.get("reviewer_id") == user_id for r in app["reviews"]):
                choices.append(app)
        if choices:
            app = rng.choice(choices)
            decision = rng.choices(("approve", "return", "reject"), weights=(8, 1, 1))[0]
            row = outbox.enqueue("POST", f"/applications/{app['id']}/reviews",
                                 {"decision": decision, "comment": "" if decision == "approve" else f"Load test {n}",
                                  "expected_version": app["version"]}, "application", app["id"],
                                 f"{decision} {app['id']}")
            engine.enqueued.append(row)      # kept here too: a done row is pruned from the outbox later


def load_run(portal, tmp_path, seconds: float, seed: int) -> dict:
    names = [f"load{seed}x{n:02d}" for n in range(CLIENTS // PER_USER)]
    codes = TotpCodes(add_users(portal.db, names, ["caseworker"]))
    ours = {f"u-{name}" for name in names}
    counts, lock, results = Counter(), threading.Lock(), Counter()
    clients, signed_in = [], {}
    for i in range(CLIENTS):
        name = names[i // PER_USER]
        client = PortalClient(portal.url, session=Counted(counts, lock))
        if name not in signed_in:      # both machines of a user hold a session of that user
            signed_in[name] = (client.sign_in(name, "demo", codes.code(name))["user"], client.token)
        user, token = signed_in[name]
        client.set_token(token)
        cache = Cache.open(tmp_path / f"client{i}.db", secrets.token_bytes(32))
        engine = SyncEngine(client, cache, page_size=200)
        engine.enqueued = []          # what this client queued (the test's own record)
        clients.append((client, cache, engine, user["id"]))
    researcher = portal.session("rikke")
    for i in range(30):
        submit_application(portal, researcher, f"Load study {seed}-{i}")

    stop = threading.Event()

    def feeder():      # new work arrives while the clients run
        k = 0
        while not stop.wait(0.2):
            submit_application(portal, researcher, f"Load study {seed}-late-{k}")
            k += 1

    until = time.monotonic() + seconds
    threads = [threading.Thread(target=client_loop, args=(i, engine, uid, until, results, lock, seed * 1000 + i))
               for i, (_, _, engine, uid) in enumerate(clients)]
    feed_thread = threading.Thread(target=feeder)
    started = time.monotonic()
    feed_thread.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 300)
        assert not t.is_alive(), "a client hung"
    stop.set()
    feed_thread.join(60)
    elapsed = time.monotonic() - started
    under_load = counts["requests"]

    # Settle: every client sends what it still has and catches up.
    for _ in range(2):
        for client, cache, engine, _ in clients:
            engine.sync_once(ignore_backoff=True)
    admin = portal.sign_in("admin")
    apps = {i: d for (kind, i), (_, d) in feed_state(portal.api, admin).items() if kind == "application" and d}
    assert counts["5xx"] == 0, counts
    assert results["fault"] == 0, results

    accepted, refusal_codes = Counter(), Counter()
    done = refused = 0
    for client, cache, engine, user_id in clients:
        outbox = Outbox(cache)
        assert outbox.pending_count() == 0
        present = {r["id"]: r for r in outbox.all(limit=100_000)}
        assert set(present) <= {r["id"] for r in engine.enqueued}
        # Every action queued is accounted for: still in the outbox (done or refused), or pruned,
        # which only a done action is (its effect is in the feed: checked below like the others).
        for queued in engine.enqueued:
            row = present.get(queued["id"]) or {**queued, "state": "done"}
            app = apps[row["entity_id"]]
            mine = [r for r in app["reviews"] if r["reviewer_id"] == user_id]
            if row["state"] == "done":
                done += 1
                assert len(mine) == 1 and mine[0]["decision"] == row["body"]["decision"], (row, app["reviews"])
                accepted[(row["entity_id"], user_id)] += 1
            else:
                assert row["state"] == "refused"
                refused += 1
        attention = outbox.attention()
        assert {a["outbox_id"] for a in attention} == \
            {r["id"] for r in outbox.all(limit=100_000) if r["state"] == "refused"}
        refusal_codes.update(a["code"] for a in attention)
    for app_id, app in apps.items():
        reviewers = [r["reviewer_id"] for r in app["reviews"]]
        assert len(reviewers) == len(set(reviewers)), f"duplicate review on {app_id}: {reviewers}"
        load_reviews = [r for r in app["reviews"] if r["reviewer_id"] in ours]
        for r in load_reviews:
            # accepted once by the portal; both machines of a user share the identity, at most one was done
            assert accepted[(app_id, r["reviewer_id"])] == 1, (app_id, r)
        current = [r for r in app["reviews"] if r.get("round", 1) == app.get("round", 1)]
        approvals = {r["reviewer_id"] for r in current if r["decision"] == "approve"}
        if any(r["decision"] == "reject" for r in current):
            assert app["status"] == "rejected"
        elif any(r["decision"] == "return" for r in current):
            assert app["status"] == "returned"
        elif len(approvals) >= app["required_approvals"]:
            assert app["status"] == "approved"
        elif approvals:
            assert app["status"] == "in_review"
    assert sum(accepted.values()) == done
    feeds = {}
    for client, cache, engine, _ in clients:
        if client.token not in feeds:
            feeds[client.token] = live(feed_state(portal.api, client.token))
        assert live(cache_state(cache)) == feeds[client.token]
        cache.close()
    verify = requests.get(portal.api + "/audit/verify", headers={"Authorization": f"Bearer {admin}"}, timeout=120)
    assert verify.json()["ok"] is True
    figures = {"clients": CLIENTS, "seconds": round(elapsed, 1), "requests_under_load": under_load,
               "requests_per_second": round(under_load / elapsed, 1), "sync_rounds": sum(results.values()),
               "rounds_by_outcome": dict(results), "reviews_accepted": done, "reviews_refused_with_reason": refused,
               "refusals_by_code": dict(refusal_codes),
               "server_errors": counts["5xx"], "lost_updates": 0, "duplicate_reviews": 0, "seed": seed}
    record("fifty clients at once", **figures)
    return figures


def test_fifty_clients_sync_and_review_at_once(portal, tmp_path):
    figures = load_run(portal, tmp_path, SECONDS_CI, seed=1)
    assert figures["reviews_accepted"] > 0 and figures["requests_under_load"] > CLIENTS


@pytest.mark.slow
def test_fifty_clients_sync_and_review_at_once_long(portal, tmp_path):
    figures = load_run(portal, tmp_path, SECONDS_SLOW, seed=2)
    assert figures["reviews_accepted"] > 50
