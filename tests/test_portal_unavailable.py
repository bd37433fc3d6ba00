"""Issue 25 on SQLite: a locked, read-only or full database answers 503 `unavailable`, never 500.

The portal's real application runs in this process over its real SQLite store; the conditions
are SQLite's own (another connection holding the lock, `query_only`, `max_page_count` at the
file's size: what a read-only file and a full disk give), set on the store's connections
because the tests run as a user no file permission stops. The PostgreSQL restarts and the
failover are in tests/test_reliability_database.py.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3

import pytest

from portal import API_PREFIX
from portal.api import PortalContext
from portal.app import create_app
from portal.availability import database_unavailable
from portal.demo import seed_demo
from portal.store import SqliteStore
from tests.portal_process import TotpClock


class ConditionedStore(SqliteStore):
    """The portal's SQLite store with PRAGMAs applied to each of its connections at use."""

    pragmas: tuple[str, ...] = ()

    def _connect(self):
        conn = super()._connect()
        for pragma in self.pragmas:
            conn.execute(pragma)
        return conn


def call(app, method: str, path: str, token: str | None = None, body=None):
    """One HTTP call through the ASGI application: (status, headers, JSON body)."""
    data = json.dumps(body).encode() if body is not None else b""
    headers = [(b"host", b"portal.test"), (b"content-type", b"application/json"),
               (b"content-length", str(len(data)).encode())]
    if token:
        headers.append((b"authorization", f"Bearer {token}".encode()))
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
             "scheme": "http", "path": API_PREFIX + path, "raw_path": (API_PREFIX + path).encode(),
             "query_string": b"", "root_path": "", "headers": headers, "client": ("127.0.0.1", 50000),
             "server": ("portal.test", 80)}
    inbox = [{"type": "http.request", "body": data, "more_body": False}]
    answer = {"body": b""}

    async def receive():
        return inbox.pop(0) if inbox else {"type": "http.disconnect"}

    async def send(message):
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
            answer["headers"] = {k.decode().lower(): v.decode() for k, v in message["headers"]}
        elif message["type"] == "http.response.body":
            answer["body"] += message.get("body", b"")

    asyncio.run(app(scope, receive, send))
    return answer["status"], answer["headers"], json.loads(answer["body"] or b"null")


@pytest.fixture
def portal_app(tmp_path):
    store = ConditionedStore(str(tmp_path / "portal.db"))
    seed_demo(store)
    app = create_app(PortalContext(store=store))
    totp = TotpClock()
    status, _, answer = call(app, "POST", "/session", body={"username": "rikke", "password": "demo",
                                                             "totp": totp.code("rikke")})
    assert status == 201, answer
    yield app, store, answer["token"]
    store.close()


def submit(app, token, title, purpose="Register study."):
    return call(app, "POST", "/applications", token, {"title": title, "purpose": purpose,
                                                      "legal_basis": "GDPR art. 6(1)(e)", "registers": ["BEF"]})


def assert_unavailable(app, token, reason_word):
    status, headers, body = submit(app, token, "While the database cannot write")
    assert status == 503, body
    assert body["error"]["code"] == "unavailable" and int(headers["retry-after"]) > 0
    status, headers, health = call(app, "GET", "/health")
    assert status == 503 and health["status"] == "degraded" and reason_word in health["reason"]
    assert health["unavailable_answers"] >= 1 and health["error"]["code"] == "unavailable"


def test_locked_database_is_503(portal_app, tmp_path):
    app, store, token = portal_app
    store.pragmas = ("PRAGMA busy_timeout = 200",)   # the portal's own 30 s, shortened for the test
    holder = sqlite3.connect(store.path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert_unavailable(app, token, "locked")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    status, _, body = submit(app, token, "After the lock")
    assert status == 201, body


def test_read_only_database_is_503(portal_app):
    app, store, token = portal_app
    store.pragmas = ("PRAGMA query_only = 1",)
    assert_unavailable(app, token, "read-only")
    assert call(app, "GET", "/changes", token)[0] == 200     # reading still works
    store.pragmas = ("PRAGMA query_only = 0",)
    assert submit(app, token, "Writable again")[0] == 201


def test_full_database_is_503(portal_app):
    app, store, token = portal_app
    pages = sqlite3.connect(store.path).execute("PRAGMA page_count").fetchone()[0]
    store.pragmas = (f"PRAGMA max_page_count = {pages}",)
    for n in range(200):      # fill the last free pages until SQLite says it is full
        status, _, body = submit(app, token, f"Filling the disk {n}", "Register study. " * 100)
        if status != 201:
            break
    assert status == 503 and body["error"]["code"] == "unavailable", body
    status, _, health = call(app, "GET", "/health")
    assert status == 503 and health["status"] == "degraded" and "full" in health["reason"]
    store.pragmas = ("PRAGMA max_page_count = 1073741823",)
    assert submit(app, token, "Room again")[0] == 201


def test_a_bug_in_sql_stays_a_server_error():
    """Only a database that is away or cannot write is a 503; an SQL mistake is not hidden."""
    assert database_unavailable(sqlite3.OperationalError("no such table: nothing")) is None
    assert database_unavailable(sqlite3.OperationalError('near "SELEC": syntax error')) is None
    assert database_unavailable(sqlite3.OperationalError("database is locked")) == "database locked"
