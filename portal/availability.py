"""When the database is away: which errors mean that, and what the portal answers.

The contract: while the portal's database is unreachable or restarting, every call answers
503 with the error body, code `unavailable`, and a `Retry-After` header, quickly; never a 500.
The same holds for an SQLite database that is locked past the busy timeout, read-only or full.
Such answers cannot be audited (the audit log lives in the database that is away): they are
logged and counted here instead, and `/health` says `degraded` with the reason.

Only errors that say the database itself is away or cannot take writes count; an SQL error
from a bug (no such table, a syntax error) stays a 500 so that it is seen and fixed.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time

from .errors import ApiError

log = logging.getLogger("portal.availability")

RETRY_AFTER_SECONDS = 2
DEGRADED_FOR_SECONDS = 5.0   # /health stays `degraded` this long after the last such answer

# SQLite's messages for a database that cannot serve, by what the operator should know.
_SQLITE_REASONS = (
    ("locked", "database locked"),
    ("busy", "database locked"),
    ("readonly", "database read-only"),
    ("read-only", "database read-only"),
    ("full", "database full"),
    ("unable to open", "database file cannot be opened"),
    ("disk i/o error", "database disk error"),
)


def _postgres_reason(exc: BaseException) -> str | None:
    try:
        import psycopg
        from psycopg import errors as pg_errors
        from psycopg_pool import PoolTimeout
    except ImportError:     # SQLite only
        return None
    if isinstance(exc, PoolTimeout):
        return "database unreachable"
    if isinstance(exc, (pg_errors.AdminShutdown, pg_errors.CrashShutdown, pg_errors.CannotConnectNow)):
        return "database restarting"
    if isinstance(exc, pg_errors.ReadOnlySqlTransaction):
        return "database read-only (a standby)"
    if isinstance(exc, (pg_errors.LockNotAvailable, pg_errors.QueryCanceled)):
        return "database busy"
    if isinstance(exc, psycopg.OperationalError):
        return "database unreachable"
    if isinstance(exc, psycopg.InterfaceError) and "connection" in str(exc).lower():
        return "database connection lost"
    return None


def database_unavailable(exc: BaseException) -> str | None:
    """The reason (short, for /health and the log) when `exc` means the database is away."""
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc).lower()
        return next((reason for part, reason in _SQLITE_REASONS if part in text), None)
    return _postgres_reason(exc)


class Availability:
    """Counts the 503 `unavailable` answers of this process and remembers the last reason."""

    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._lock = threading.Lock()
        self.answered = 0
        self.last_reason: str | None = None
        self._last_at: float | None = None

    def record(self, reason: str) -> None:
        with self._lock:
            self.answered += 1
            self.last_reason = reason
            self._last_at = self._clock()

    def recent_reason(self) -> str | None:
        """The reason of the last 503, while it is recent (else None)."""
        with self._lock:
            if self._last_at is not None and self._clock() - self._last_at < DEGRADED_FOR_SECONDS:
                return self.last_reason
            return None


def unavailable(reason: str) -> ApiError:
    return ApiError(503, "unavailable", f"The portal's database is unavailable ({reason}); try again shortly.",
                    headers={"Retry-After": str(RETRY_AFTER_SECONDS)})


def answer_unavailable(availability: Availability, method: str, path: str, exc: BaseException,
                       reason: str) -> ApiError:
    """Count and log one call met by an unavailable database; the error to answer with."""
    availability.record(reason)
    log.warning("503 unavailable on %s %s: %s (%s)", method, path, reason, type(exc).__name__)
    return unavailable(reason)


class DatabaseUnavailableMiddleware:
    """Answers 503 `unavailable` for a call that met an unavailable database, wherever it met it
    (a route, a dependency, the audit of an early refusal). Done here rather than only in the
    app's catch-all handler, which would also re-raise the error to the server (a traceback in
    its log for each such call)."""

    def __init__(self, app, availability: Availability):
        self.app, self.availability = app, availability

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            reason = database_unavailable(exc)
            if reason is None or started:
                raise
            error = answer_unavailable(self.availability, scope.get("method", ""), scope.get("path", ""), exc, reason)
            from fastapi.responses import JSONResponse
            await JSONResponse(error.body(), status_code=error.status, headers=error.headers)(scope, receive, send)
