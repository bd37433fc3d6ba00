"""Scenario 5: the portal's change feed at scale.

a. One client pages through the whole feed (pages of 1,000), each GET timed from
   the request to the last byte of the answer. Floor: reading the same rows' JSON
   text straight from the portal's database with SQL (what any server must do).
b. Many clients at once (threads, each with its own HTTP session, signed in as
   several users), each paging the feed from its own starting point. Every answer
   must be a 200 with a well-formed feed page. Floor: the throughput of the single
   client in (a).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time

import requests

from bench.common import Figure, Run, median, ms, percentile

S5 = "5 Portal change feed"
FEED_USERS = ("admin", "helle", "dorte", "anna", "emil", "bent")


def sign_in(portal, username: str) -> dict:
    r = requests.post(portal.api + "/session", json={"username": username, "password": "demo",
                                                     "totp": portal.totp.code(username)}, timeout=30)
    if r.status_code != 201:
        raise RuntimeError(f"sign-in of {username} failed: {r.status_code} {r.text[:200]}")
    return r.json()


def _sql_floor(run: Run, cursors: list[int]) -> list[float]:
    conn = sqlite3.connect(f"file:{run.db}?mode=ro", uri=True)
    try:
        out = []
        for since in cursors:
            t = time.perf_counter()
            conn.execute("SELECT seq, kind, id, data FROM entities WHERE seq > ? ORDER BY seq LIMIT 1000",
                         (since,)).fetchall()
            out.append(ms(time.perf_counter() - t))
        return out
    finally:
        conn.close()


def run(run: Run) -> list[Figure]:
    run.log("scenario 5: change feed, one client through the whole feed")
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {run.client.token}"
    since, times, cursors, changes = 0, [], [], 0
    started = time.perf_counter()
    while True:
        t = time.perf_counter()
        r = s.get(run.portal.api + "/changes", params={"since": since, "limit": 1000}, timeout=120)
        body = r.content
        times.append(ms(time.perf_counter() - t))
        if r.status_code != 200:
            raise RuntimeError(f"the feed answered {r.status_code}")
        page = json.loads(body)
        cursors.append(since)
        changes += len(page["changes"])
        since = page["next"]
        if not page["more"]:
            break
    single_seconds = time.perf_counter() - started
    floor = _sql_floor(run, cursors)
    full_pages = times[:-1] or times       # the last page may be short
    single_rate = len(times) / single_seconds
    figures = [
        Figure(S5, f"page of 1,000, slowest of {len(full_pages)}", max(full_pages), "ms", floor=median(floor),
               floor_name="SQL read of the same 1,000 rows", max_value=50,
               note=f"median {median(full_pages):.0f} ms, p95 {percentile(full_pages, 95):.0f} ms; "
                    f"{changes:,} changes for admin in {len(times)} pages"),
    ]
    run.log(f"  page median {median(full_pages):.0f} ms, slowest {max(full_pages):.0f} ms, "
            f"SQL floor {median(floor):.1f} ms")

    clients, per_client = run.scale.clients, run.scale.pages_per_client
    run.log(f"scenario 5: {clients} concurrent clients, {per_client} pages each")
    tokens = [run.client.token] + [sign_in(run.portal, u)["token"] for u in FEED_USERS[1:]]
    top = max(cursors)
    errors: list[str] = []
    latencies: list[float] = []
    counted = {"pages": 0, "changes": 0}
    lock = threading.Lock()
    gate = threading.Barrier(clients + 1)

    def client(i: int):
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {tokens[i % len(tokens)]}"
        cursor = top * i // clients
        gate.wait()
        for _ in range(per_client):
            t = time.perf_counter()
            try:
                r = session.get(run.portal.api + "/changes", params={"since": cursor, "limit": 1000}, timeout=300)
                body = r.content
            except requests.RequestException as exc:
                with lock:
                    errors.append(type(exc).__name__)
                continue
            elapsed = ms(time.perf_counter() - t)
            try:
                page = json.loads(body) if r.status_code == 200 else None
                changes, next_cursor, more = page["changes"], page["next"], page["more"]
                if not isinstance(changes, list) or not isinstance(next_cursor, int) or next_cursor < cursor:
                    raise ValueError("not a feed page")
            except (ValueError, TypeError, KeyError):
                with lock:
                    errors.append(f"{r.status_code} {body[:80]!r}")
                continue
            with lock:
                latencies.append(elapsed)
                counted["pages"] += 1
                counted["changes"] += len(changes)
            cursor = next_cursor if more else 0

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    gate.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    pages_rate = counted["pages"] / seconds
    changes_rate = counted["changes"] / seconds
    load_note = (f"{counted['pages']:,} pages, {counted['changes']:,} changes in {seconds:.1f} s by {clients} "
                 f"clients (threads, tokens of {len(tokens)} users); latency under load median "
                 f"{median(latencies) if latencies else 0:.0f} ms, p95 {percentile(latencies, 95):.0f} ms")
    run.log("  " + load_note + f"; {len(errors)} errors")
    figures += [
        Figure(S5, f"{clients} concurrent clients: errors", len(errors), "errors", max_value=1,
               note=("; ".join(errors[:5]) if errors else "every answer a 200 with a well-formed feed page")),
        Figure(S5, f"{clients} concurrent clients: throughput", pages_rate, "pages/s", floor=single_rate,
               floor_name="one client paging alone", note=f"{changes_rate:,.0f} changes/s; " + load_note),
    ]
    return figures
