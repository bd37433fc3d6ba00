"""Scenario 5: the portal's change feed at scale.

a. One client pages through the whole feed (pages of 1,000), each GET timed from
   the request to the last byte of the answer. Floor: reading the same rows' JSON
   text straight from the portal's database with SQL (what any server must do).
b. Many clients at once (threads, each with its own HTTP session, signed in as
   several users), each paging the feed from its own starting point. Every answer
   must be a 200 with a well-formed feed page. Floor: the throughput of the single
   client in (a). Run against one portal process, then against two processes on
   the same database (the clients take turns between them).
c. Concurrent writers: coordinators saving warning drafts at once, on one and on
   two portal processes. Every answer must be a 201. Floor: one writer alone.
"""

from __future__ import annotations

import json
import multiprocessing
import secrets
import threading
import time

import requests

from bench.common import Figure, Run, median, ms, percentile

S5 = "5 Portal change feed"
FEED_USERS = ("admin", "helle", "dorte", "anna", "emil", "bent")
WRITERS = ("frida", "gustav")
LOAD_PROCESSES = 4                      # processes the concurrent feed clients are spread over           # the demo coordinators
DRAFT = {"title": "", "summary": "Patch the VPN gateways now.",
         "body": "Attackers exploit the gateway.\nApply the vendor hotfix.", "severity": "medium", "tlp": "AMBER",
         "recipients": {"sectors": [], "regions": [], "org_ids": ["ORG-001", "ORG-002"]},
         "cves": ["CVE-2024-3400"], "ack_hours": 24}


def sign_in(portal, username: str) -> dict:
    r = requests.post(portal.api + "/session", json={"username": username, "password": "demo",
                                                     "totp": portal.totp.code(username)}, timeout=30)
    if r.status_code != 201:
        raise RuntimeError(f"sign-in of {username} failed: {r.status_code} {r.text[:200]}")
    return r.json()


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
    floor = run.backend.feed_floor(run.db, cursors)
    full_pages = times[:-1] or times       # the last page may be short
    single_rate = len(times) / single_seconds
    figures = [
        Figure(S5, f"page of 1,000, slowest of {len(full_pages)}", max(full_pages), "ms", floor=median(floor),
               floor_name="SQL read of the same 1,000 rows", max_value=50,
               note=f"median {median(full_pages):.0f} ms, p95 {percentile(full_pages, 95):.0f} ms; "
                    f"{changes:,} changes for admin in {len(times)} pages"),
        Figure(S5, "page of 1,000, median", median(full_pages), "ms", floor=median(floor),
               floor_name="SQL read of the same 1,000 rows", note=f"p95 {percentile(full_pages, 95):.0f} ms"),
    ]
    run.log(f"  page median {median(full_pages):.0f} ms, slowest {max(full_pages):.0f} ms, "
            f"SQL floor {median(floor):.1f} ms")

    tokens = [run.client.token] + [sign_in(run.portal, u)["token"] for u in FEED_USERS[1:]]
    writer_tokens = [sign_in(run.portal, u)["token"] for u in WRITERS]
    figures += _concurrent_readers(run, [run.portal.api], tokens, max(cursors), single_rate)
    single_write_rate = _writers(run, [run.portal.api], writer_tokens, 1, alone=True)["rate"]
    figures += _writer_figures(run, "one portal process", _writers(run, [run.portal.api], writer_tokens,
                                                                   run.scale.writers), single_write_rate)
    # The deployment PostgreSQL is for: two portal processes on one database behind a balancer
    # (here: the clients take turns between them). Tokens, idempotency and the feed are shared.
    peer = run.portal.peer().start()
    try:
        both = [run.portal.api, peer.api]
        figures += _concurrent_readers(run, both, tokens, max(cursors), single_rate)
        figures += _writer_figures(run, "2 portal processes, one database", _writers(run, both, writer_tokens,
                                                                         run.scale.writers), single_write_rate)
    finally:
        peer.close()
    return figures


def _concurrent_readers(run: Run, apis: list[str], tokens: list[str], top: int, single_rate: float) -> list[Figure]:
    """Many clients at once, each paging the feed from its own starting point (b).

    The clients are threads spread over a few load processes: in one process their
    json.loads of 1,000-change pages queued on one GIL, and the figure measured the
    load generator (about 22 pages/s whatever the portal did)."""
    clients, per_client = run.scale.clients, run.scale.pages_per_client
    where = "one portal process" if len(apis) == 1 else f"{len(apis)} portal processes, one database"
    loaders = min(LOAD_PROCESSES, clients)
    run.log(f"scenario 5: {clients} concurrent clients, {per_client} pages each ({where}; "
            f"{loaders} load processes)")
    jobs = [(apis[i % len(apis)], tokens[i % len(tokens)], top * i // clients) for i in range(clients)]
    mp = multiprocessing.get_context("spawn")
    gate = mp.Barrier(loaders + 1)
    results = mp.Queue()
    procs = [mp.Process(target=_load_process, args=(jobs[n::loaders], per_client, gate, results), daemon=True)
             for n in range(loaders)]
    for proc in procs:
        proc.start()
    try:
        gate.wait(timeout=120)
        started = time.perf_counter()
        parts = [results.get(timeout=600) for _ in procs]
        seconds = time.perf_counter() - started
    finally:
        for proc in procs:
            proc.join(30)
            if proc.is_alive():
                proc.kill()
    latencies = [x for part in parts for x in part["latencies"]]
    errors = [x for part in parts for x in part["errors"]]
    pages, changes = sum(p["pages"] for p in parts), sum(p["changes"] for p in parts)
    pages_rate = pages / seconds
    changes_rate = changes / seconds
    load_note = (f"{pages:,} pages, {changes:,} changes in {seconds:.1f} s by {clients} clients (threads in "
                 f"{loaders} processes, tokens of {len(tokens)} users; {where}); latency under load median "
                 f"{median(latencies) if latencies else 0:.0f} ms, p95 {percentile(latencies, 95):.0f} ms")
    run.log("  " + load_note + f"; {len(errors)} errors")
    label = f"{clients} concurrent clients" + ("" if len(apis) == 1 else f", {len(apis)} processes")
    return [
        Figure(S5, f"{label}: errors", len(errors), "errors", max_value=1,
               note=("; ".join(errors[:5]) if errors else "every answer a 200 with a well-formed feed page")),
        Figure(S5, f"{label}: throughput", pages_rate, "pages/s", floor=single_rate,
               floor_name="one client paging alone", note=f"{changes_rate:,.0f} changes/s; " + load_note),
        Figure(S5, f"{label}: latency p95", percentile(latencies, 95) if latencies else float("nan"), "ms",
               note=f"median {median(latencies) if latencies else 0:.0f} ms"),
    ]


def _load_process(jobs: list[tuple[str, str, int]], per_client: int, gate, results) -> None:
    """One load process: a thread per client, released together when every process is ready."""
    found = {"latencies": [], "errors": [], "pages": 0, "changes": 0}
    lock = threading.Lock()
    ready = threading.Barrier(len(jobs) + 1)

    def client(api: str, token: str, cursor: int):
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {token}"
        ready.wait()
        for _ in range(per_client):
            t = time.perf_counter()
            try:
                r = session.get(api + "/changes", params={"since": cursor, "limit": 1000}, timeout=300)
                body = r.content
            except requests.RequestException as exc:
                with lock:
                    found["errors"].append(type(exc).__name__)
                continue
            elapsed = ms(time.perf_counter() - t)
            try:
                page = json.loads(body) if r.status_code == 200 else None
                changes, next_cursor, more = page["changes"], page["next"], page["more"]
                if not isinstance(changes, list) or not isinstance(next_cursor, int) or next_cursor < cursor:
                    raise ValueError("not a feed page")
            except (ValueError, TypeError, KeyError):
                with lock:
                    found["errors"].append(f"{r.status_code} {body[:80]!r}")
                continue
            with lock:
                found["latencies"].append(elapsed)
                found["pages"] += 1
                found["changes"] += len(changes)
            cursor = next_cursor if more else 0

    threads = [threading.Thread(target=client, args=job, daemon=True) for job in jobs]
    for thread in threads:
        thread.start()
    gate.wait(timeout=120)
    ready.wait()
    for thread in threads:
        thread.join()
    results.put(found)


def _writers(run: Run, apis: list[str], tokens: list[str], writers: int, alone: bool = False) -> dict:
    """Coordinators saving warning drafts at once (c): a write transaction with an audit entry,
    a change-feed entry and an idempotency record each. Every answer must be a 201."""
    per_writer = run.scale.writes_per_writer * (3 if alone else 1)
    errors: list[str] = []
    latencies: list[float] = []
    lock = threading.Lock()
    gate = threading.Barrier(writers + 1)
    tag = secrets.token_hex(3)

    def writer(i: int):
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {tokens[i % len(tokens)]}"
        api = apis[i % len(apis)]
        gate.wait()
        for n in range(per_writer):
            body = dict(DRAFT, title=f"Benchmark draft {tag}-{i}-{n}")
            t = time.perf_counter()
            try:
                r = session.post(api + "/warnings", json=body, timeout=300,
                                 headers={"Idempotency-Key": f"bench-{tag}-{i}-{n}"})
            except requests.RequestException as exc:
                with lock:
                    errors.append(type(exc).__name__)
                continue
            elapsed = ms(time.perf_counter() - t)
            with lock:
                if r.status_code == 201:
                    latencies.append(elapsed)
                else:
                    errors.append(f"{r.status_code} {r.content[:80]!r}")

    seconds = _together(writers, writer, gate)
    return {"rate": len(latencies) / seconds, "writes": len(latencies), "seconds": seconds, "errors": errors,
            "latencies": latencies, "writers": writers, "processes": len(apis)}


def _writer_figures(run: Run, where: str, r: dict, single_rate: float) -> list[Figure]:
    lat = r["latencies"]
    note = (f"{r['writes']:,} warning drafts saved in {r['seconds']:.1f} s by {r['writers']} writers "
            f"({where}); latency median {median(lat) if lat else 0:.0f} ms, "
            f"p95 {percentile(lat, 95) if lat else 0:.0f} ms; "
            + ("; ".join(r["errors"][:3]) if r["errors"] else "every answer a 201"))
    run.log("  " + note)
    label = f"{r['writers']} concurrent writers" + ("" if r["processes"] == 1 else f", {r['processes']} processes")
    return [Figure(S5, f"{label}: throughput", r["rate"], "writes/s", floor=single_rate,
                   floor_name="one writer alone", note=note),
            Figure(S5, f"{label}: errors", len(r["errors"]), "errors", max_value=1,
                   note="; ".join(r["errors"][:5]) or "every answer a 201")]


def _together(count: int, work, gate: threading.Barrier) -> float:
    """Run work(i) on `count` threads released together; the seconds until the last one ends."""
    threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(count)]
    for thread in threads:
        thread.start()
    gate.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started
