"""Benchmark: the portal keeps answering while large hostile outputs are checked.

    python bench/bench_check_load.py [--submissions 8] [--rows 400000]

A demo portal (SQLite) with four researchers; each sends two outputs at once,
each a ~10 MB table of CPR-like numbers (the slowest input for the identifier
scan), so 8 submissions are in checking together. Meanwhile one client
measures `GET /health` and a supervisor's change-feed page (limit 1000) again
and again. Printed: their latencies idle and under that load, and what the
submissions got back. The checks run in the portal's check pool (worker
processes), so the request threads stay free; the goal is `/health` under 1 s.
"""

from __future__ import annotations

import argparse
import base64
import statistics
import sys
import threading
import time
from pathlib import Path

import pyotp
import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.portal_process import PortalProcess  # noqa: E402

RESEARCHERS = ("R-0002", "R-0003", "R-0005", "R-0006")   # demo researchers whose certification is valid
SUPERVISOR = "dorte"


def hostile_table(rows: int) -> bytes:
    lines = (b"%02d%02d%02d-%04d,%d,ward %d" % (1 + i % 28, 1 + i % 12, i % 100, i % 10000, i % 90, i % 30)
             for i in range(rows))
    return b"cpr,age,ward\n" + b"\n".join(lines) + b"\n"


def _add_researchers(p: PortalProcess) -> dict[str, str]:
    """Users for more demo researchers (the demo has one researcher account); username -> TOTP secret."""
    from portal import auth
    secrets = {}
    with p.store() as store, store.write() as tx:
        password_hash = auth.hash_password("demo")
        for n, researcher_id in enumerate(RESEARCHERS):
            username = f"bench{n}"
            secrets[username] = pyotp.random_base32()
            tx.insert_user({"id": f"u-{username}", "username": username, "display_name": username,
                            "roles": ["researcher"], "password_hash": password_hash,
                            "totp_secret": secrets[username], "researcher_id": researcher_id, "org_id": None})
    return secrets


def _session(p: PortalProcess, username: str, secret: str | None = None) -> requests.Session:
    totp = pyotp.TOTP(secret).now() if secret else p.totp.code(username)
    r = requests.post(p.api + "/session", json={"username": username, "password": "demo", "totp": totp}, timeout=30)
    r.raise_for_status()
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {r.json()['token']}"
    return s


def _approved_project(p: PortalProcess, researcher: requests.Session, caseworkers) -> str:
    app = researcher.post(p.api + "/applications", json={
        "title": "Load test", "purpose": "Benchmark of the output check.",
        "legal_basis": "GDPR art. 6(1)(e)", "registers": ["BEF"]}, timeout=30).json()
    for caseworker in caseworkers[:app["required_approvals"]]:
        app = caseworker.post(p.api + f"/applications/{app['id']}/reviews", json={
            "decision": "approve", "comment": "", "expected_version": app["version"]}, timeout=30).json()
    assert app["status"] == "approved", app
    return app["id"]


def _latencies(call, until) -> list[float]:
    times = []
    while not until():
        t = time.perf_counter()
        call()
        times.append(time.perf_counter() - t)
    return times


def _summary(times: list[float]) -> dict:
    ordered = sorted(times)
    return {"n": len(times), "median": statistics.median(ordered),
            "p95": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], "max": ordered[-1]}


def run(submissions: int = 8, rows: int = 400_000, log=print) -> dict:
    p = PortalProcess(demo=True).start()
    try:
        secrets = _add_researchers(p)
        researchers = [_session(p, u, s) for u, s in secrets.items()]
        caseworkers = [_session(p, u) for u in ("anna", "bent", "helle")]
        supervisor = _session(p, SUPERVISOR)
        projects = [_approved_project(p, r, caseworkers) for r in researchers]
        health = lambda: requests.get(p.api + "/health", timeout=30).raise_for_status()  # noqa: E731
        feed = lambda: supervisor.get(p.api + "/changes", params={"since": 0, "limit": 1000},  # noqa: E731
                                      timeout=30).raise_for_status()
        idle_until = time.perf_counter() + 3
        idle_health = _latencies(health, lambda: time.perf_counter() > idle_until)
        idle_until = time.perf_counter() + 3
        idle_feed = _latencies(feed, lambda: time.perf_counter() > idle_until)

        body = base64.b64encode(hostile_table(rows)).decode()
        log(f"  {submissions} submissions of {len(body) * 3 // 4 / 1e6:.1f} MB each")
        answers: list[tuple[int, float]] = []

        def submit(n: int):
            t = time.perf_counter()
            r = researchers[n % len(researchers)].post(p.api + "/outputs", json={
                "project_id": projects[n % len(projects)], "comment": "",
                "files": [{"name": "cohort.csv", "content_base64": body}]}, timeout=600)
            answers.append((r.status_code, time.perf_counter() - t))

        threads = [threading.Thread(target=submit, args=(n,)) for n in range(submissions)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        busy = lambda: not any(t.is_alive() for t in threads)  # noqa: E731
        loaded_feed: list[float] = []
        feed_thread = threading.Thread(target=lambda: loaded_feed.extend(_latencies(feed, busy)))
        feed_thread.start()
        loaded_health = _latencies(health, busy)
        feed_thread.join()
        wall = time.perf_counter() - started
    finally:
        p.close()
    return {"idle_health": _summary(idle_health), "loaded_health": _summary(loaded_health),
            "idle_feed": _summary(idle_feed), "loaded_feed": _summary(loaded_feed),
            "answers": sorted(code for code, _ in answers), "slowest_answer": max(s for _, s in answers),
            "wall": wall, "bytes": len(body) * 3 // 4}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=8)
    parser.add_argument("--rows", type=int, default=400_000, help="rows of each hostile table (400,000: ~10 MB)")
    args = parser.parse_args(argv)
    r = run(args.submissions, args.rows)
    for key in ("idle_health", "loaded_health", "idle_feed", "loaded_feed"):
        s = r[key]
        print(f"{key:14} n={s['n']:5}  median {s['median'] * 1000:8.1f} ms  p95 {s['p95'] * 1000:8.1f} ms  "
              f"max {s['max'] * 1000:8.1f} ms")
    print(f"answers {r['answers']}; slowest {r['slowest_answer']:.1f} s; load lasted {r['wall']:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
