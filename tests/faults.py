"""Fault injection for the reliability and security tests.

- `FaultProxy`: an HTTP proxy on 127.0.0.1 (in a thread) between the client and
  a real portal process. Rules decide, per request, whether it passes through
  untouched or meets a fault: the portal down (connection refused), a reset, a
  late answer (after the client stopped waiting), 500/502/503 with a gateway's HTML
  page, an answer cut off, malformed JSON, the wrong content type, a change
  feed page larger than any memory, an answer lost after the portal acted, or
  an answer held until the test lets it go (to kill a client at that moment).
- `SyncChild`: the real SyncEngine with a real PortalClient and the real
  encrypted Cache in a child process (forked from a fork server that imported
  the sync code once, so a child starts in milliseconds), for a test to SIGKILL.
  Its settings (the cache key and session token among them) reach it through a
  pipe, never the environment, a command line or a keyring file.
- Extra users in a portal's database (for tests that need many distinct
  caseworkers), snapshots of a cache and of the change feed to compare them.
- `record(...)`: figures for the reliability report (scripts/reliability_report.py
  sets PORTAL_DESK_FIGURES to a file; without it nothing is written).
"""

from __future__ import annotations

import datetime
import http.client
import json
import os
import signal
import socket
import struct
import multiprocessing
import threading
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pyotp
import requests

from tests.portal_process import TotpClock, wait_until

FIGURES_ENV = "PORTAL_DESK_FIGURES"

FAULTS = ("down", "reset", "timeout", "trickle", "500", "502", "503", "truncated", "malformed", "wrong_type",
          "html_200", "huge", "huge_declared", "lost_answer", "lost_answer_502", "hold", "blackhole")


# -- figures for the report ---------------------------------------------------------------
def record(scenario: str, **figures) -> None:
    """Append figures of one scenario to the report's file (a no-op outside the report)."""
    path = os.environ.get(FIGURES_ENV)
    if not path:
        return
    line = json.dumps({"scenario": scenario, **figures}, sort_keys=True, default=str)
    with open(path, "a", encoding="utf-8") as f:
        f.write(line + "\n")


# -- the proxy ----------------------------------------------------------------------------
@dataclass
class Rule:
    fault: str
    method: str | None = None                 # None: any method
    path: str | None = None                   # a substring of the path; None: any path
    count: int | None = None                  # None: until healed
    delay: float = 1.0                        # timeout / trickle: how long the answer takes

    def matches(self, method: str, path: str) -> bool:
        return (self.method is None or self.method == method) and (self.path is None or self.path in path)


class FaultProxy:
    """A fault-injecting HTTP proxy on 127.0.0.1 in front of `upstream` (a portal URL)."""

    def __init__(self, upstream: str):
        parts = urlsplit(upstream)
        self.upstream = (parts.hostname, parts.port)
        self.rules: list[Rule] = []
        self.injected: Counter = Counter()     # fault -> how many times it was applied
        self.forwarded = 0                     # requests that reached the portal
        self.requests = 0                      # requests the proxy received
        self.huge_bytes_sent = 0
        self.held = threading.Event()          # a "hold" answer is waiting for release()
        self._release = threading.Event()
        self._closing = threading.Event()
        self._lock = threading.Lock()
        self._inflight = 0
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.port = 0
        self._down = False
        self._chaos: tuple | None = None       # (random.Random, rate, faults)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- life ------------------------------------------------------------------
    def start(self) -> "FaultProxy":
        self._serve()
        return self

    def _serve(self) -> None:
        proxy = self

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            allow_reuse_address = True
            request_queue_size = 128

        class Handler(_Handler):
            pass

        Handler.proxy = proxy
        self._server = Server(("127.0.0.1", self.port), Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True, name="fault-proxy")
        self._thread.start()

    def _stop_server(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(5)
            self._server = None

    def close(self) -> None:
        self._closing.set()
        self._release.set()
        self._stop_server()

    def __enter__(self) -> "FaultProxy":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    # -- faults ----------------------------------------------------------------
    def inject(self, fault: str, *, method: str | None = None, path: str | None = None,
               count: int | None = None, delay: float = 1.0) -> None:
        """Add a rule; the first matching rule with count left applies to a request."""
        if fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}")
        if fault == "down":
            self.go_down()
            return
        with self._lock:
            self.rules.append(Rule(fault, method, path, count, delay))

    def chaos(self, rng, rate: float, faults: tuple[str, ...]) -> None:
        """Each request not matched by a rule meets one of `faults` with probability `rate`."""
        with self._lock:
            self._chaos = (rng, rate, tuple(faults))

    def go_down(self) -> None:
        """The portal is down: nothing listens on the proxy's port (connection refused)."""
        with self._lock:
            if self._down:
                return
            self._down = True
            self.injected["down"] += 1
        self._stop_server()

    def heal(self) -> None:
        """Remove every rule, release held answers, come back up on the same port."""
        with self._lock:
            self.rules.clear()
            self._chaos = None
            was_down, self._down = self._down, False
        self._release.set()
        if was_down:
            self._serve()

    def release(self) -> None:
        """Let held answers go to the client."""
        self._release.set()

    def idle(self) -> bool:
        """No request is being handled (for waits: the portal has seen everything sent)."""
        with self._lock:
            return self._inflight == 0

    def _take(self, method: str, path: str) -> Rule | None:
        with self._lock:
            self.requests += 1
            for rule in self.rules:
                if rule.matches(method, path) and (rule.count is None or rule.count > 0):
                    if rule.count is not None:
                        rule.count -= 1
                    self.injected[rule.fault] += 1
                    return rule
            if self._chaos is not None:
                rng, rate, faults = self._chaos
                if rng.random() < rate:
                    fault = rng.choice(faults)
                    self.injected[fault] += 1
                    return Rule(fault, delay=1.5)
            return None

    def forward(self, method: str, path: str, headers: dict, body: bytes) -> tuple[int, list, bytes]:
        conn = http.client.HTTPConnection(*self.upstream, timeout=60)
        try:
            conn.request(method, path, body=body or None, headers=headers)
            response = conn.getresponse()
            payload = response.read()
            with self._lock:
                self.forwarded += 1
            return response.status, response.getheaders(), payload
        finally:
            conn.close()


_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "proxy-connection", "te", "upgrade"}
_GATEWAY_PAGE = b"<html><head><title>%d</title></head><body><h1>%d</h1><p>upstream trouble</p></body></html>"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    proxy: FaultProxy = None

    def log_message(self, *args):   # quiet
        pass

    def do_GET(self):
        self._handle()

    do_POST = do_DELETE = do_PATCH = do_PUT = do_HEAD = do_OPTIONS = do_GET

    def _handle(self):
        proxy = self.proxy
        with proxy._lock:
            proxy._inflight += 1
        try:
            self._serve(proxy)
        except (BrokenPipeError, ConnectionResetError, socket.timeout, OSError):
            pass   # the client went away (it timed out, or refused a huge answer)
        finally:
            self.close_connection = True
            with proxy._lock:
                proxy._inflight -= 1

    def _serve(self, proxy: FaultProxy):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        rule = proxy._take(self.command, self.path)
        fault = rule.fault if rule else None
        if fault == "reset":
            return self._reset()
        if fault in ("500", "502", "503"):
            status = int(fault)
            return self._send(status, [("Content-Type", "text/html")], _GATEWAY_PAGE % (status, status))
        if fault == "html_200":
            return self._send(200, [("Content-Type", "text/html")], b"<html><body>Captive portal: sign in to "
                                                                    b"the hotel Wi-Fi</body></html>")
        if fault == "huge_declared":
            return self._huge(declared=True)
        if fault == "huge":
            return self._huge(declared=False)
        if fault == "blackhole":
            # The request never reaches the portal; the connection dies when the test says so.
            proxy.held.set()
            proxy._release.wait(60)
            return self._reset()
        if fault == "timeout":
            # The answer comes, but later than the client waits; the portal still acts on it.
            proxy._closing.wait(rule.delay)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP and k.lower() != "host"}
        status, answer_headers, payload = proxy.forward(self.command, self.path, headers, body)
        answer_headers = [(k, v) for k, v in answer_headers if k.lower() not in _HOP]
        if fault == "lost_answer":
            return self._reset()
        if fault == "lost_answer_502":
            return self._send(502, [("Content-Type", "text/html")], _GATEWAY_PAGE % (502, 502))
        if fault == "hold":
            proxy.held.set()
            proxy._release.wait(60)
            if proxy._closing.is_set():
                return self._reset()
        if fault == "truncated":
            return self._send(status, answer_headers, payload, cut=max(1, len(payload) // 2))
        if fault == "malformed":
            payload = payload[: len(payload) // 2] + b"\x00}{]"
        if fault == "wrong_type":
            answer_headers = [(k, v) for k, v in answer_headers if k.lower() != "content-type"]
            answer_headers.append(("Content-Type", "text/html; charset=utf-8"))
        if fault == "trickle":
            return self._trickle(status, answer_headers, payload, rule.delay)
        self._send(status, answer_headers, payload)

    # -- ways of answering ---------------------------------------------------------
    def _send(self, status: int, headers: list, payload: bytes, cut: int | None = None):
        self.send_response_only(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(payload if cut is None else payload[:cut])
        self.wfile.flush()

    def _reset(self):
        """Close the connection with a TCP reset, no answer at all."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()

    def _trickle(self, status, headers, payload, seconds):
        """A valid answer sent a few bytes at a time, taking `seconds` overall."""
        self.send_response_only(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Connection", "close")
        self.end_headers()
        step = max(1, len(payload) // 40)
        pause = seconds / 40
        for i in range(0, len(payload), step):
            self.wfile.write(payload[i:i + step])
            self.wfile.flush()
            if self.proxy._closing.wait(pause):
                return

    def _huge(self, declared: bool, limit: int = 2 * 1024 ** 3):
        """A change feed page without end (or declaring 10 GB): the client must stop reading."""
        self.send_response_only(200)
        self.send_header("Content-Type", "application/json")
        if declared:
            self.send_header("Content-Length", str(10 * 1024 ** 3))
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = (b'{"seq": 1, "entity": "application", "id": "X", "data": {"title": "' + b"x" * 65000 + b'"}},')
        self.wfile.write(b'{"changes": [')
        sent = 0
        while sent < limit and not self.proxy._closing.is_set():
            self.wfile.write(chunk)
            sent += len(chunk)
            with self.proxy._lock:
                self.proxy.huge_bytes_sent += len(chunk)


# -- users and sessions -------------------------------------------------------------------
def add_users(db: str, names: list[str], roles: list[str], password: str = "demo",
              staff: bool = True) -> dict[str, str]:
    """Create users in a portal's database (while it runs); returns {username: totp_secret}.

    Staff users also get their staff record in the change feed, as the demo's do."""
    from portal import auth, entities
    from portal.store import open_store

    store = open_store(db)
    password_hash = auth.hash_password(password)
    certified_until = (datetime.date.today() + datetime.timedelta(days=365)).isoformat()
    made = {}
    try:
        with store.write() as tx:
            for name in names:
                secret = pyotp.random_base32()
                user = {"id": f"u-{name}", "username": name, "display_name": name.title(), "roles": list(roles),
                        "password_hash": password_hash, "totp_secret": secret}
                tx.insert_user(user)
                if staff:   # certified a year ahead, as the demo's staff: a lapsed member decides nothing
                    entities.save(tx, "staff", {"id": user["id"], "username": name, "display_name": user["display_name"],
                                                "roles": list(roles), "conflicts": [], "active": True,
                                                "certified_until": certified_until})
                made[name] = secret
    finally:
        store.close()
    return made


class TotpCodes(TotpClock):
    """TotpClock (fresh, never-used codes per user) for users made by add_users."""

    def __init__(self, user_secrets: dict[str, str] | None = None):
        super().__init__()
        self.secrets = dict(user_secrets or {})

    def code(self, username: str) -> str:
        secret = self.secrets[username]
        with self._lock:
            step = wait_until(lambda: self._free_step(username), timeout=35, message="a fresh TOTP step")
            self._last[username] = step
            return pyotp.TOTP(secret).generate_otp(step)


def sign_in(api: str, username: str, codes: TotpCodes, password: str = "demo") -> str:
    """A session token for a user created by add_users."""
    r = requests.post(api + "/session", json={"username": username, "password": password,
                                               "totp": codes.code(username)}, timeout=30)
    assert r.status_code == 201, r.text
    return r.json()["token"]


# -- snapshots --------------------------------------------------------------------------------
def feed_state(api: str, token: str, limit: int = 1000) -> dict[tuple[str, str], tuple[int, dict | None]]:
    """The whole change feed for a session: {(entity, id): (seq, data)}."""
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {token}"
    state, since = {}, 0
    while True:
        r = s.get(api + "/changes", params={"since": since, "limit": limit}, timeout=60)
        assert r.status_code == 200, r.text
        page = r.json()
        for change in page["changes"]:
            state[(change["entity"], change["id"])] = (change["seq"], change["data"])
        since = page["next"]
        if not page["more"]:
            return state


def cache_state(cache) -> dict[tuple[str, str], tuple[int | None, dict]]:
    """Everything a cache holds from the feed: {(entity, id): (seq, data)}."""
    from desktop.sync.schema import KINDS, OTHER_TABLE

    out = {}
    for kind in KINDS.values():
        for row in cache.query(f"SELECT id, seq, data FROM {kind.table}"):
            out[(kind.entity, row["id"])] = (row["seq"], json.loads(row["data"]))
    for row in cache.query(f"SELECT entity, id, seq, data FROM {OTHER_TABLE}"):
        out[(row["entity"], row["id"])] = (row["seq"], json.loads(row["data"]))
    return out


def live(state: dict) -> dict[tuple[str, str], dict]:
    """Drop sequence numbers and tombstones: what a client should hold."""
    return {k: data for k, (_seq, data) in state.items() if data is not None}


# -- actions and checks shared by the scenarios -------------------------------------------------------
def submit_application(portal, researcher, title: str) -> str:
    r = researcher.post(portal.api + "/applications", json={
        "title": title, "purpose": "Register study of outcomes.", "legal_basis": "GDPR art. 6(1)(e)",
        "registers": ["BEF"]}, timeout=30)
    assert r.status_code == 201, r.text
    return r.json()["id"]


def queue_review(cache, app_id: str, marker: str) -> dict:
    from desktop.sync.outbox import Outbox

    return Outbox(cache).enqueue("POST", f"/applications/{app_id}/reviews",
                                 {"decision": "return", "comment": f"Needs a data plan ({marker}).",
                                  "expected_version": 1}, "application", app_id, f"Return {app_id}")


def reviews_by(feed: dict, app_id: str, user_id: str) -> int:
    """How many reviews `user_id` has on the application, in a feed_state()."""
    _seq, app = feed.get(("application", app_id), (None, {"reviews": []}))
    return sum(1 for r in app["reviews"] if r.get("reviewer_id") == user_id)


def check_consistent(cache, feed: dict) -> None:
    """The cache is exactly the feed up to its cursor: no page applied in part."""
    assert cache.query("PRAGMA integrity_check")[0]["integrity_check"] == "ok"
    with cache.transaction() as conn:   # the external-content full-text index matches its table
        conn.execute("INSERT INTO applications_fts(applications_fts) VALUES ('integrity-check')")
    cursor = cache.cursor()
    held = cache_state(cache)
    beyond = [k for k, (seq, _) in held.items() if seq is None or seq > cursor]
    assert not beyond, f"entities beyond the cursor {cursor}: {beyond[:5]}"
    assert set(held) <= set(feed), "the cache holds entities the portal never sent"
    for key, (seq, data) in feed.items():
        if seq <= cursor:
            if data is None:
                assert key not in held, key
            else:
                assert key in held and held[key][1] == data, f"{key} at seq {seq} <= cursor {cursor} differs"


# -- the sync child -----------------------------------------------------------------------------
_CONTEXT = None
_PRELOAD = ["desktop.sync.api", "desktop.sync.cache", "desktop.sync.engine", "desktop.sync.outbox", "tests.faults"]


def _context():
    """Children are forked from a fork server that has imported the sync code once, so a
    child is ready in milliseconds and hundreds of kills stay affordable."""
    global _CONTEXT
    if _CONTEXT is None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        _CONTEXT = context
    return _CONTEXT


class SyncChild:
    """The real SyncEngine, PortalClient and encrypted Cache in a child process, to be killed.

    `settings` = {portal, token, cache, key (hex), page_size, rounds}: they reach the child
    through a pipe (never the environment or a command line, never a keyring file)."""

    def __init__(self, settings: dict):
        context = _context()
        self.conn, child_end = context.Pipe()
        self.proc = context.Process(target=_sync_child, args=(child_end, settings), daemon=True)
        self.proc.start()
        child_end.close()
        self.results: list[dict] = []

    @property
    def pid(self) -> int:
        return self.proc.pid

    def _recv(self, timeout: float):
        if not self.conn.poll(timeout):
            raise TimeoutError("the sync child said nothing")
        return self.conn.recv()

    def wait_ready(self, timeout: float = 60.0) -> None:
        message = self._recv(timeout)
        if message != "ready":
            raise RuntimeError(f"the sync child failed to start: {message}")

    def run_for(self, seconds: float) -> bool:
        """Let it run up to `seconds`; True if it ended by itself before that."""
        self.proc.join(seconds)
        return not self.proc.is_alive()

    def kill(self) -> None:
        if self.proc.is_alive():
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.join(30)
        self.conn.close()

    def finish(self, timeout: float = 120.0) -> list[dict]:
        """Wait for the child to finish its rounds; returns each round's result."""
        try:
            while True:
                message = self._recv(timeout)
                if message == "done":
                    break
                if isinstance(message, str):
                    raise RuntimeError(f"the sync child failed: {message}")
                self.results.append(message)
            self.proc.join(timeout)
            if self.proc.exitcode != 0:
                raise RuntimeError(f"the sync child exited with {self.proc.exitcode}")
            return self.results
        finally:
            self.kill()


def _sync_child(conn, settings: dict) -> None:
    import traceback

    from desktop.sync.api import PortalClient
    from desktop.sync.cache import Cache
    from desktop.sync.engine import SyncEngine

    try:
        client = PortalClient(settings["portal"], timeout=tuple(settings.get("timeout", (5, 30))))
        client.set_token(settings["token"])
        cache = Cache.open(settings["cache"], bytes.fromhex(settings["key"]))
        engine = SyncEngine(client, cache, page_size=settings.get("page_size", 1000))
    except Exception:
        conn.send(traceback.format_exc())
        return
    conn.send("ready")
    try:
        for _ in range(settings.get("rounds", 20)):
            result = engine.sync_once(ignore_backoff=True)
            conn.send({"pushed": result.pushed, "pulled": result.pulled, "pending": result.pending,
                       "error_kind": result.error_kind, "cursor": result.cursor})
            if result.error_kind is None and result.pending == 0:
                break
        cache.close()
    except Exception:
        conn.send(traceback.format_exc())
        return
    conn.send("done")
