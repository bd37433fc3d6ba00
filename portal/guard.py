"""The gate every request passes before routing: body size per route, the caller's token
before any body is read or parsed, and a budget for what anonymous callers write to the audit.

FastAPI reads and validates a JSON body before a route's dependencies run, so without this
gate an anonymous caller could make the portal parse megabytes of JSON (blocking the event
loop) before it is told to sign in. Here:
- a declared `Content-Length` over the route's cap is refused (413) before anything is read;
- a request with a body to a route that needs a token is refused (401) unless its bearer
  token is good, before the body is read;
- a streamed body is cut off (413) once it passes the route's cap.
"""

from __future__ import annotations

import collections
import logging
import re
import threading
import time

from fastapi import Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from . import API_PREFIX
from .api import PortalContext, audit_refusal
from .errors import ApiError

log = logging.getLogger("portal")

MAX_BODY_BYTES = 40 * 1024 * 1024   # outputs carry files as base64; the per-file limits are the check's
DEFAULT_BODY_BYTES = 1024 * 1024    # warnings are the largest other bodies (50,000-character texts, org lists)
SIGN_IN_BODY_BYTES = 4096           # username, password and code: a few hundred bytes

# (method, path pattern, cap in bytes, needs a token), first match wins.
ROUTE_BODIES = (
    ("POST", re.compile(r"^/session(/enrolment(/confirm)?)?$"), SIGN_IN_BODY_BYTES, False),
    ("POST", re.compile(r"^/outputs$"), MAX_BODY_BYTES, True),
)
BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def body_rule(method: str, path: str) -> tuple[int, bool]:
    """The body cap for a request and whether it needs a signed-in caller to send one."""
    if path.startswith(API_PREFIX):
        path = path[len(API_PREFIX):]
    for rule_method, pattern, cap, needs_token in ROUTE_BODIES:
        if method == rule_method and pattern.match(path):
            return cap, needs_token
    return DEFAULT_BODY_BYTES, True


class AnonymousBudget:
    """How many audit entries callers without a token may cause, per client address and minute.

    Past it, their refusals are answered but not written one by one (the first one past it
    leaves one `audit.throttled` entry per minute), and sign-in attempts are refused with 429.
    Kept per process, in memory; the number of addresses tracked is bounded too."""

    def __init__(self, per_minute: int = 120, window: float = 60.0, max_addresses: int = 10_000,
                 clock=time.monotonic):
        self.per_minute, self.window, self.max_addresses, self.clock = per_minute, window, max_addresses, clock
        self._seen: collections.OrderedDict[str, collections.deque] = collections.OrderedDict()
        self._throttled: dict[str, float] = {}
        self._lock = threading.Lock()

    def _recent(self, address: str, now: float) -> collections.deque:
        times = self._seen.get(address)
        if times is None:
            times = self._seen[address] = collections.deque()
            while len(self._seen) > self.max_addresses:
                old, _ = self._seen.popitem(last=False)
                self._throttled.pop(old, None)
        self._seen.move_to_end(address)
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def exhausted(self, address: str) -> bool:
        with self._lock:
            return len(self._recent(address, self.clock())) >= self.per_minute

    def take(self, address: str) -> str:
        """"ok" (write the entry), "first_over" (write one note that entries are held back) or "over"."""
        with self._lock:
            now = self.clock()
            times = self._recent(address, now)
            if len(times) < self.per_minute:
                times.append(now)
                return "ok"
            if self._throttled.get(address, -self.window) <= now - self.window:
                self._throttled[address] = now
                return "first_over"
            return "over"

    def retry_after(self, address: str) -> int:
        with self._lock:
            times = self._seen.get(address)
            oldest = times[0] if times else self.clock()
            return max(1, int(oldest + self.window - self.clock()) + 1)


def client_address(scope_or_request) -> str:
    scope = getattr(scope_or_request, "scope", scope_or_request)
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


class RequestGate:
    """Pure ASGI middleware: size caps per route and the token check before any body is read."""

    def __init__(self, app, ctx: PortalContext):
        self.app, self.ctx = app, ctx

    async def _refuse(self, scope, receive, send, error: ApiError):
        await run_in_threadpool(_audit_early_refusal, self.ctx, scope, error)
        await JSONResponse(error.body(), status_code=error.status, headers=error.headers or None)(scope, receive, send)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") not in BODY_METHODS:
            return await self.app(scope, receive, send)
        limit, needs_token = body_rule(scope["method"], scope.get("path", ""))
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        too_large = ApiError(413, "too_large", "The request body is too large.")
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                return await self._refuse(scope, receive, send, ApiError(400, "bad_request", "Bad Content-Length."))
            if declared > limit:
                return await self._refuse(scope, receive, send, too_large)
        has_body = (length is not None and declared > 0) or b"chunked" in headers.get(b"transfer-encoding", b"")
        if has_body and needs_token:
            refusal = await run_in_threadpool(_token_refusal, self.ctx, scope)
            if refusal is not None:
                return await self._refuse(scope, receive, send, refusal)

        seen = 0
        answered = False

        async def limited_receive():
            nonlocal seen, answered
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    # Answer 413 now: a route whose body FastAPI parses would turn the
                    # exception below into its own 400 ("error parsing the body").
                    if not answered:
                        answered = True
                        await self._refuse(scope, receive, send, too_large)
                    raise _BodyTooLarge()
            return message

        async def guarded_send(message):
            if not answered:             # nothing after the 413
                await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except _BodyTooLarge:
            if not answered:
                await self._refuse(scope, receive, send, too_large)


class _BodyTooLarge(Exception):
    pass


def _token_refusal(ctx: PortalContext, scope) -> ApiError | None:
    """The 401 for a request whose bearer token is missing or not good; None when it is good."""
    from .api import current_user
    try:
        current_user(Request(scope), ctx)
    except ApiError as refusal:
        return refusal
    return None


def _audit_early_refusal(ctx: PortalContext, scope, error: ApiError) -> None:
    """Audit a refusal made before routing: the caller from its token when it is a good one."""
    from .api import current_user
    request = Request(scope)
    if error.status != 401:
        try:
            request.state.user = current_user(request, ctx)
        except ApiError:
            pass          # no caller, or a bad token: audited without one
        except Exception:  # noqa: BLE001 - the refusal is answered and audited all the same
            log.exception("could not identify the caller of a refused request")
    audit_refusal(ctx, request, error)

