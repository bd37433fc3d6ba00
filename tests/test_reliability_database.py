"""Issue 25: the portal through a database restart and a failover.

- PostgreSQL stopped, started, and restarted fast while clients read and write: never a 500;
  a 503 `unavailable` with Retry-After within a second while it is down, `/health` degraded
  with the reason; reads and writes back within seconds, without restarting the portal.
- A primary with a synchronous streaming standby made by pg_basebackup; the primary dies
  (`pg_ctl stop -m immediate`), the standby is promoted, and the portal on the multi-host URL
  (`target_session_attrs=read-write`) carries on by itself: every acknowledged write is there,
  the change feed's numbering is exact, and the audit chain verifies.
- SQLite locked, read-only or full: 503, never 500.

Each PostgreSQL scenario starts its own throwaway cluster (tests/pg_cluster.py), not the
session's shared one. Figures go to the reliability report (tests/faults.py `record`).
"""

from __future__ import annotations

import threading
import time
import uuid

import pytest
import requests

from tests import pg_cluster
from tests.faults import feed_state, record
from tests.portal_process import PortalProcess, wait_until


@pytest.fixture
def own_cluster():
    """Clusters of this test only (stopped at its end); skips like the `pg_cluster` fixture."""
    clusters = []

    def make(**kwargs) -> pg_cluster.PgCluster:
        try:
            clusters.append(pg_cluster.PgCluster(**kwargs).start())
        except pg_cluster.PgUnavailable as error:
            if pg_cluster.required():
                pytest.fail(f"PostgreSQL is required for these tests: {error}", pytrace=False)
            pytest.skip(f"PostgreSQL not available: {error}")
        return clusters[-1]

    yield make, clusters
    for cluster in clusters:
        cluster.stop()


class Traffic:
    """Readers and a writer against one portal, each answer kept as (time, kind, status, seconds).

    The writer submits applications as the researcher, each with its own Idempotency-Key, and
    repeats the same key after a 503 until it is acknowledged (as the desktop's outbox does)."""

    def __init__(self, portal: PortalProcess):
        self.portal = portal
        self.answers: list[tuple[float, str, int, float]] = []
        self.acknowledged: list[tuple[str, int]] = []     # (application id, number of the attempt)
        self.no_answer: list[str] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._read, daemon=True),
                         threading.Thread(target=self._write, daemon=True)]
        self.reader = portal.session("anna")
        self.writer = portal.session("rikke")

    def __enter__(self):
        for t in self._threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for t in self._threads:
            t.join(30)

    def _note(self, kind, started, status):
        with self._lock:
            self.answers.append((started, kind, status, time.monotonic() - started))

    def _call(self, kind, method, session, path, **kwargs):
        started = time.monotonic()
        try:
            r = session.request(method, self.portal.api + path, timeout=15, **kwargs)
        except requests.RequestException as exc:   # no answer at all: kept, and fails the test
            self._note(kind, started, 0)
            self.no_answer.append(f"{kind} {type(exc).__name__} after {time.monotonic() - started:.1f} s")
            return None
        self._note(kind, started, r.status_code)
        return r

    def _read(self):
        while not self._stop.is_set():
            self._call("read", "GET", self.reader, "/changes", params={"since": 0, "limit": 5})
            self._stop.wait(0.02)   # pacing, not synchronisation

    def _write(self):
        n = 0
        while not self._stop.is_set():
            n += 1
            key = str(uuid.uuid4())
            body = {"title": f"Failover study {n}", "purpose": "Register study of outcomes.",
                    "legal_basis": "GDPR art. 6(1)(e)", "registers": ["BEF"]}
            while not self._stop.is_set():
                r = self._call("write", "POST", self.writer, "/applications", json=body,
                               headers={"Idempotency-Key": key})
                if r is not None and r.status_code == 201:
                    with self._lock:
                        self.acknowledged.append((r.json()["id"], n))
                    break
                self._stop.wait(0.05)

    # -- what happened ----------------------------------------------------------
    def statuses(self, since: float = 0.0, kind: str | None = None) -> list[int]:
        with self._lock:
            return [s for t, k, s, _ in self.answers if t >= since and (kind is None or k == kind)]

    def first_time(self, status: int, since: float) -> float | None:
        with self._lock:
            times = [t + took for t, _k, s, took in self.answers if s == status and t >= since]
        return min(times) if times else None

    def recovered(self, since: float) -> float | None:
        """When both a read and a write were answered well again after `since`."""
        with self._lock:
            ends = {}
            for t, kind, status, took in self.answers:
                if t >= since and status in (200, 201):
                    ends[kind] = min(ends.get(kind, float("inf")), t + took)
        return max(ends.values()) if len(ends) == 2 else None


def assert_unavailable_quickly(portal: PortalProcess, token: str) -> float:
    """One call while the database is away: 503 `unavailable` with Retry-After, within a second."""
    started = time.monotonic()
    r = requests.get(portal.api + "/changes", params={"since": 0, "limit": 1},
                     headers={"Authorization": f"Bearer {token}"}, timeout=10)
    took = time.monotonic() - started
    assert r.status_code == 503, r.text
    assert r.json()["error"]["code"] == "unavailable" and int(r.headers["Retry-After"]) > 0
    assert took < 1.5, f"the 503 took {took:.2f} s"
    health = requests.get(portal.api + "/health", timeout=10)
    assert health.status_code == 503 and health.json()["status"] == "degraded" and health.json()["reason"]
    return took


def outage(traffic: Traffic, portal, token, stop, start) -> dict:
    """Take the database away (`stop`), check the answers while it is away, bring it back (`start`)."""
    wait_until(lambda: traffic.recovered(time.monotonic() - 5) is not None, timeout=30, message="traffic flowing")
    down_at = time.monotonic()
    stop()
    wait_until(lambda: traffic.first_time(503, down_at) is not None, timeout=10, message="a 503 while down")
    first_503 = traffic.first_time(503, down_at) - down_at
    direct = assert_unavailable_quickly(portal, token)
    up_at = time.monotonic()
    start()
    wait_until(lambda: traffic.recovered(time.monotonic() - 0.5) is not None and traffic.recovered(up_at),
               timeout=30, message="reads and writes to come back")
    back = traffic.recovered(up_at)
    return {"first_503_s": round(first_503, 2), "direct_503_s": round(direct, 2),
            "recovered_after_start_s": round(back - up_at, 2), "failed_requests": traffic.statuses(down_at).count(503),
            "server_errors": sum(1 for s in traffic.statuses(down_at) if s >= 500 and s != 503)}


def feed_seqs(portal: PortalProcess, token: str) -> list[int]:
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {token}"
    seqs, since = [], 0
    while True:
        page = s.get(portal.api + "/changes", params={"since": since, "limit": 1000}, timeout=60).json()
        seqs += [c["seq"] for c in page["changes"]]
        since = page["next"]
        if not page["more"]:
            return seqs


def test_database_stop_start_and_fast_restart_mid_run(own_cluster):
    make, _ = own_cluster
    cluster = make()
    portal = PortalProcess(db=cluster.new_database(), backend="postgresql").start()
    try:
        token = portal.token("dorte")
        with Traffic(portal) as traffic:
            stopped = outage(traffic, portal, token, lambda: cluster.stop_server("fast"), cluster.start_server)
            # A fast restart: the pool holds connections the server killed (AdminShutdown).
            restart_at = time.monotonic()
            cluster.restart_server("fast")
            wait_until(lambda: traffic.recovered(restart_at) is not None, timeout=30, message="back after restart")
            restarted = {"recovered_after_restart_s": round(traffic.recovered(restart_at) - restart_at, 2),
                         "failed_requests": traffic.statuses(restart_at).count(503)}
            # And once more, to see the first calls after a restart succeed on a checked pool.
            wait_until(lambda: len(traffic.statuses(time.monotonic() - 1)) > 5, timeout=10, message="more traffic")
        statuses = traffic.statuses()
        assert set(statuses) <= {200, 201, 503}, (sorted(set(statuses)), traffic.no_answer)
        assert stopped["first_503_s"] < 1.5 and stopped["recovered_after_start_s"] < 10
        assert restarted["recovered_after_restart_s"] < 10
        # Every acknowledged write is there once; the feed still pages in order.
        admin = portal.token("admin")
        seqs = feed_seqs(portal, admin)
        assert seqs == sorted(set(seqs))
        feed_ids = {c for c in portal.all_changes("admin") if c[0] == "application"}
        assert {("application", app_id) for app_id, _ in traffic.acknowledged} <= feed_ids
        health = requests.get(portal.api + "/health", timeout=10).json()
        assert health["unavailable_answers"] >= stopped["failed_requests"]
        record("database stop and start", **stopped, requests=len(statuses))
        record("database fast restart", **restarted, requests=len(statuses))
    finally:
        portal.close()


def test_failover_to_a_promoted_standby_on_a_multi_host_url(own_cluster):
    make, clusters = own_cluster
    primary = make(options="-c synchronous_commit=on -c wal_keep_size=64MB")
    url = primary.new_database()
    dbname = url.rpartition("/")[2]
    standby = primary.standby()
    clusters.append(standby)
    # Synchronous replication: a commit is acknowledged once the standby has it.
    primary.execute("ALTER SYSTEM SET synchronous_standby_names = '*'")
    primary.execute("SELECT pg_reload_conf()")
    wait_until(lambda: primary.execute("SELECT sync_state FROM pg_stat_replication") == [("sync",)], timeout=30,
               message="the standby to be synchronous")
    multi = (f"postgresql://{pg_cluster.SUPERUSER}@127.0.0.1:{primary.port},127.0.0.1:{standby.port}/{dbname}"
             "?target_session_attrs=read-write")
    portal = PortalProcess(db=multi, backend="postgresql").start()
    try:
        token = portal.token("dorte")
        admin = portal.token("admin")
        before = feed_seqs(portal, admin)
        with Traffic(portal) as traffic:
            figures = outage(traffic, portal, token, lambda: primary.stop_server("immediate"), standby.promote)
            acknowledged_at_failover = len(traffic.acknowledged)
            wait_until(lambda: len(traffic.acknowledged) > acknowledged_at_failover + 3, timeout=30,
                       message="writes on the new primary")
        statuses = traffic.statuses()
        assert set(statuses) <= {200, 201, 503}, (sorted(set(statuses)), traffic.no_answer)
        assert standby.execute("SELECT pg_is_in_recovery()") == [(False,)]
        # Nothing acknowledged is lost; each write is there once; the numbering is exact.
        feed = feed_state(portal.api, admin)
        ids = [app_id for app_id, _ in traffic.acknowledged]
        assert len(ids) == len(set(ids)) and all(("application", i) in feed for i in ids)
        # Numbered in the order they were acknowledged, across the failover, each number once.
        app_seqs = [feed[("application", i)][0] for i in ids]
        assert app_seqs == sorted(set(app_seqs)) and app_seqs[0] > max(before)
        seqs = feed_seqs(portal, admin)
        assert seqs == sorted(set(seqs))
        r = requests.get(portal.api + "/audit/verify", headers={"Authorization": f"Bearer {admin}"}, timeout=60)
        assert r.status_code == 200 and r.json()["ok"] is True, r.text
        record("database failover", **figures, requests=len(statuses), acknowledged=len(ids), lost=0,
               synchronous=True)
    finally:
        portal.close()


def test_desktop_says_portal_unavailable_in_words_and_carries_on(qtbot, tmp_path, own_cluster):
    """The real client while the portal's database is stopped: the status bar says the portal is
    unavailable and when it tries again (no fault text); a decision queued meanwhile is sent after."""
    from desktop.sync.outbox import Outbox
    from tests.client_helpers import sign_in_through_dialog, start_client, sync_again, wait_for_sync
    from tests.faults import queue_review, reviews_by, submit_application

    make, _ = own_cluster
    cluster = make()
    portal = PortalProcess(db=cluster.new_database(), backend="postgresql").start()
    desk = None
    try:
        app_id = submit_application(portal, portal.session("rikke"), "While the database restarts")
        desk = start_client(qtbot, portal, tmp_path)
        sign_in_through_dialog(qtbot, desk, portal, "bent")
        assert wait_for_sync(qtbot, desk).error is None
        window, workspace = desk.window, desk.workspace
        cluster.stop_server("fast")
        action = queue_review(workspace.cache, app_id, "database away")
        result = sync_again(qtbot, desk)
        assert result.unavailable and result.error_kind == "fault"
        message = window.status.message
        qtbot.waitUntil(lambda: message.text().startswith("Portal unavailable, retrying in "), timeout=5000)
        seconds = int(message.text().rsplit(" ", 2)[1])
        assert 0 <= seconds <= window.sync.interval
        assert "503" not in message.text() and "failed" not in message.text()
        assert Outbox(workspace.cache).get(action["id"])["state"] == "queued"
        # Signing in meanwhile (another computer) is told the same in words.
        other = start_client(qtbot, portal, tmp_path / "other")
        try:
            sign_in_through_dialog(qtbot, other, portal, "anna")
            qtbot.waitUntil(lambda: other.dialog.message.text().startswith(
                "The portal is unavailable for the moment. Try again in "), timeout=10000)
        finally:
            other.shutdown()
        cluster.start_server()
        wait_until(lambda: requests.get(portal.api + "/health", timeout=5).status_code == 200, timeout=20,
                   message="the portal to see its database again")
        result = sync_again(qtbot, desk)
        assert result.error is None and result.pushed == 1 and not result.unavailable
        qtbot.waitUntil(lambda: not message.text().startswith("Portal unavailable"), timeout=5000)
        assert reviews_by(feed_state(portal.api, portal.token("admin")), app_id, "u-bent") == 1
    finally:
        if desk is not None:
            desk.shutdown()
        portal.close()
