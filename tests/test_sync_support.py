"""Test helpers for the sync layer: a tiny HTTP server on 127.0.0.1 (port 0) whose
answers each test scripts, and a small fake portal built on it.

The fake portal speaks just enough of contract v1 (session, change feed, POST
actions with Idempotency-Key) to drive the sync engine through the real client;
end-to-end tests against the reference portal live in test_sync_e2e.py.
"""

from __future__ import annotations

import json
import re
import secrets
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable
from urllib.parse import parse_qs, urlsplit


@dataclass
class Reply:
    status: int = 200
    json: Any = None
    raw: bytes | None = None
    content_type: str = "application/json"
    headers: dict = field(default_factory=dict)
    declared_length: int | None = None   # lie about Content-Length (truncation)
    no_length: bool = False              # close-delimited body without Content-Length
    block: threading.Event | None = None  # wait for this before answering (timeouts)

    def body(self) -> bytes:
        if self.raw is not None:
            return self.raw
        if self.json is None:
            return b""
        return json.dumps(self.json).encode()


def error(status: int, code: str, message: str = "refused", **extra) -> Reply:
    return Reply(status, {"error": {"code": code, "message": message, **extra}})


@dataclass
class Request:
    method: str
    path: str
    query: dict
    headers: dict
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


class FakeServer:
    """Routes are (method, regex on the path) -> fn(request, match) -> Reply."""

    def __init__(self):
        self.routes: list[tuple[str, re.Pattern, Callable]] = []
        self.requests: list[Request] = []
        self.released = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def _serve(self):
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                req = Request(self.command, parts.path, {k: v[0] for k, v in parse_qs(parts.query).items()},
                              {k.lower(): v for k, v in self.headers.items()}, self.rfile.read(length))
                server.requests.append(req)
                reply = server.dispatch(req)
                if reply.block is not None:
                    reply.block.wait(30)
                body = reply.body()
                try:
                    self.send_response(reply.status)
                    if reply.content_type:
                        self.send_header("Content-Type", reply.content_type)
                    for k, v in reply.headers.items():
                        self.send_header(k, str(v))
                    if not reply.no_length:
                        self.send_header("Content-Length", str(reply.declared_length or len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass
                self.close_connection = True

            do_GET = do_POST = do_DELETE = do_PUT = _serve

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def route(self, method: str, pattern: str):
        def register(fn):
            self.routes.insert(0, (method, re.compile(pattern + r"\Z"), fn))
            return fn
        return register

    def reply(self, method: str, path: str, reply: Reply) -> None:
        self.route(method, re.escape(path))(lambda req, m: reply)

    def dispatch(self, req: Request) -> Reply:
        for method, pattern, fn in self.routes:
            match = pattern.match(req.path)
            if method == req.method and match:
                return fn(req, match)
        return error(404, "not_found", "no such route")

    def start(self) -> "FakeServer":
        self.thread.start()
        return self

    def close(self) -> None:
        self.released.set()
        self.httpd.shutdown()
        self.httpd.server_close()


class FakePortal(FakeServer):
    """Session, change feed and POST actions, with scripted answers for actions."""

    def __init__(self):
        super().__init__()
        self.tokens: set[str] = set()
        self.feed: list[dict] = []
        self.answers: deque[Reply | Callable[[Request], Reply]] = deque()
        self.idempotent: dict[str, Reply] = {}
        self.actions: list[Request] = []
        # later routes take precedence: the catch-all for actions goes first
        self.route("POST", "/api/v1/.+")(self._action)
        self.route("GET", "/api/v1/health")(lambda req, m: Reply(200, {"status": "ok", "version": "test"}))
        self.route("POST", "/api/v1/session")(self._sign_in)
        self.route("DELETE", "/api/v1/session")(self._sign_out)
        self.route("GET", "/api/v1/changes")(self._changes)

    def add(self, entity: str, entity_id: str, data: dict | None) -> int:
        seq = (self.feed[-1]["seq"] if self.feed else 0) + 1
        self.feed.append({"seq": seq, "entity": entity, "id": entity_id, "data": data})
        return seq

    def expire_sessions(self) -> None:
        self.tokens.clear()

    def _authorised(self, req: Request) -> bool:
        auth = req.headers.get("authorization", "")
        return auth.startswith("Bearer ") and auth[7:] in self.tokens

    def _sign_in(self, req: Request, m) -> Reply:
        body = req.json()
        if body.get("password") != "demo":
            return error(401, "invalid_credentials", "wrong username, password or code")
        token = "tok-" + secrets.token_hex(24)
        self.tokens.add(token)
        return Reply(201, {"token": token, "expires_at": "2099-01-01T00:00:00Z",
                           "user": {"id": "u-" + body["username"], "username": body["username"],
                                    "display_name": body["username"].title(), "roles": ["caseworker"]}})

    def _sign_out(self, req: Request, m) -> Reply:
        if not self._authorised(req):
            return error(401, "unauthorized", "sign in first")
        self.tokens.discard(req.headers["authorization"][7:])
        return Reply(204, content_type="")

    def _changes(self, req: Request, m) -> Reply:
        if not self._authorised(req):
            return error(401, "unauthorized", "sign in first")
        since, limit = int(req.query.get("since", 0)), int(req.query.get("limit", 1000))
        after = [c for c in self.feed if c["seq"] > since]
        page = after[:limit]
        return Reply(200, {"changes": page, "next": page[-1]["seq"] if page else since,
                           "more": len(after) > limit})

    def _action(self, req: Request, m) -> Reply:
        if not self._authorised(req):
            return error(401, "unauthorized", "sign in first")
        key = req.headers.get("idempotency-key")
        if key in self.idempotent:
            return self.idempotent[key]
        self.actions.append(req)
        answer = self.answers.popleft() if self.answers else Reply(201, {"ok": True})
        if callable(answer):
            answer = answer(req)
        if answer.status < 500:
            self.idempotent[key] = answer
        return answer


def test_fake_server_answers_scripted_replies():
    import requests
    server = FakeServer().start()
    try:
        server.reply("GET", "/x", Reply(200, {"a": 1}))
        assert requests.get(server.url + "/x", timeout=5).json() == {"a": 1}
        assert requests.get(server.url + "/y", timeout=5).status_code == 404
        assert [r.path for r in server.requests] == ["/x", "/y"]
    finally:
        server.close()
