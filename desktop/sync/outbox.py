"""Actions taken offline (or not yet sent), kept in the cache until the portal has
answered them, and the attention list of actions the portal refused.

Each action gets its Idempotency-Key (uuid4) when it is queued and keeps it across
every retry, so a repeat after a lost answer has no second effect on the portal.
States: queued -> sending -> done | refused; a transient failure puts it back to
queued with attempts+1 and a later next_attempt_at.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

from .cache import Cache, now_iso

PENDING_STATES = ("queued", "sending")
BACKOFF_BASE = 5.0       # seconds after the first failure, doubling
BACKOFF_CAP = 300.0      # never wait longer than 5 minutes
_OUTBOX_COLUMNS = ("id, idempotency_key, method, path, body, entity_kind, entity_id, summary, created_at, "
                   "state, attempts, next_attempt_at, last_error, updated_at")


def backoff_seconds(attempts: int, retry_after: float | None = None) -> float:
    delay = min(BACKOFF_CAP, BACKOFF_BASE * 2 ** max(0, attempts - 1))
    return max(delay, min(retry_after or 0.0, BACKOFF_CAP))


def sync_retry_delay(failures: int, interval: float, cap: float = BACKOFF_CAP) -> float:
    """Seconds before the next sync round after `failures` failed rounds in a row: the
    usual interval after the first, doubling after each further one, never over `cap`
    (60, 120, 240, 300, 300 ... for a 60 s interval)."""
    if failures <= 0:
        return interval
    return min(max(cap, interval), interval * 2 ** (failures - 1))


def _decode(row: dict) -> dict:
    row = dict(row)
    row["body"] = json.loads(row["body"]) if row.get("body") is not None else None
    return row


class Outbox:
    def __init__(self, cache: Cache):
        self.cache = cache

    # -- queueing -------------------------------------------------------------------
    def enqueue(self, method: str, path: str, body: Any, entity_kind: str | None,
                entity_id: str | None, summary: str) -> dict:
        """Queue one action; returns its row (with its idempotency_key)."""
        method = method.upper()
        if method != "POST":
            raise ValueError("only POST actions are queued (every portal action is a POST)")
        if not path.startswith("/"):
            raise ValueError("an API path starts with '/'")
        key = str(uuid.uuid4())
        now = now_iso()
        with self.cache.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO outbox (idempotency_key, method, path, body, entity_kind, entity_id, summary, "
                "created_at, state, attempts, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?)",
                (key, method, path, None if body is None else json.dumps(body, ensure_ascii=False, allow_nan=False),
                 entity_kind, entity_id, summary, now, now))
            outbox_id = cur.lastrowid
        return self.get(outbox_id)

    def restore(self, actions: list[dict]) -> int:
        """Queue again actions rescued from a cache that could not be used (see
        cache.rescue_outbox), each with the Idempotency-Key it had: one the portal
        already applied is answered with its first answer and has no second effect.
        Actions whose key is already here are skipped. Returns how many were queued."""
        now = now_iso()
        added = 0
        with self.cache.transaction() as conn:
            for action in actions:
                key, path = action.get("idempotency_key"), action.get("path")
                if not isinstance(key, str) or not key or not isinstance(path, str) or not path.startswith("/"):
                    continue
                body = action.get("body_text")
                if body is None and action.get("body") is not None:
                    body = json.dumps(action["body"], ensure_ascii=False, allow_nan=False)
                cur = conn.execute(
                    "INSERT INTO outbox (idempotency_key, method, path, body, entity_kind, entity_id, summary, "
                    "created_at, state, attempts, updated_at) VALUES (?, 'POST', ?, ?, ?, ?, ?, ?, 'queued', ?, ?) "
                    "ON CONFLICT (idempotency_key) DO NOTHING",
                    (key, path, body, action.get("entity_kind"), action.get("entity_id"), action.get("summary") or "",
                     action.get("created_at") or now, int(action.get("attempts") or 0), now))
                added += cur.rowcount
        return added

    def get(self, outbox_id: int) -> dict | None:
        rows = self.cache.query(f"SELECT {_OUTBOX_COLUMNS} FROM outbox WHERE id = ?", (outbox_id,))
        return _decode(rows[0]) if rows else None

    def pending(self) -> list[dict]:
        """Actions still to send, oldest first (the order they are pushed in)."""
        rows = self.cache.query(f"SELECT {_OUTBOX_COLUMNS} FROM outbox WHERE state IN ('queued', 'sending') "
                                "ORDER BY id")
        return [_decode(r) for r in rows]

    def pending_count(self) -> int:
        return self.cache.query("SELECT count(*) AS n FROM outbox WHERE state IN ('queued', 'sending')")[0]["n"]

    def all(self, limit: int = 500) -> list[dict]:
        rows = self.cache.query(f"SELECT {_OUTBOX_COLUMNS} FROM outbox ORDER BY id DESC LIMIT ?", (limit,))
        return [_decode(r) for r in rows]

    # -- state changes ----------------------------------------------------------------------
    def _set(self, outbox_id: int, sql: str, params: tuple) -> None:
        with self.cache.transaction() as conn:
            conn.execute(f"UPDATE outbox SET {sql}, updated_at = ? WHERE id = ?", (*params, now_iso(), outbox_id))

    def mark_sending(self, outbox_id: int) -> None:
        self._set(outbox_id, "state = 'sending'", ())

    def mark_done(self, outbox_id: int) -> None:
        self._set(outbox_id, "state = 'done', next_attempt_at = NULL, last_error = NULL", ())

    def prune_done(self, before: str) -> int:
        """Forget actions done before `before` (ISO time): the portal's state, pulled since,
        shows their effect. Refused ones stay (Needs attention refers to them)."""
        with self.cache.transaction() as conn:
            return conn.execute("DELETE FROM outbox WHERE state = 'done' AND updated_at < ?", (before,)).rowcount

    def mark_refused(self, outbox_id: int, error: str) -> None:
        self._set(outbox_id, "state = 'refused', next_attempt_at = NULL, last_error = ?", (error,))

    def mark_retry(self, outbox_id: int, error: str, retry_after: float | None = None) -> str:
        """Back to queued after a transient failure: attempts+1 and exponential backoff.
        Returns the new next_attempt_at."""
        row = self.get(outbox_id)
        attempts = (row["attempts"] if row else 0) + 1
        at = (datetime.now(timezone.utc) + timedelta(seconds=backoff_seconds(attempts, retry_after)))
        next_at = at.isoformat(timespec="milliseconds")
        self._set(outbox_id, "state = 'queued', attempts = ?, next_attempt_at = ?, last_error = ?",
                  (attempts, next_at, error))
        return next_at

    def requeue(self, outbox_id: int, error: str | None = None) -> None:
        """Back to queued without counting an attempt (e.g. the session expired)."""
        self._set(outbox_id, "state = 'queued', last_error = ?", (error,))

    def discard(self, outbox_id: int) -> bool:
        """The user gives up on an action that has not been sent; True if it was pending."""
        with self.cache.transaction() as conn:
            cur = conn.execute("DELETE FROM outbox WHERE id = ? AND state = 'queued'", (outbox_id,))
            return cur.rowcount == 1

    # -- attention (refused actions) ------------------------------------------------------------
    def add_attention(self, outbox_row: dict, status: int | None, code: str, message: str,
                      server_state: Any = None) -> int:
        with self.cache.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO attention (outbox_id, action, entity_kind, entity_id, status, code, message, "
                "server_state, created_at, resolved) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                (outbox_row["id"], outbox_row["summary"] or f"{outbox_row['method']} {outbox_row['path']}",
                 outbox_row["entity_kind"], outbox_row["entity_id"], status, code, message,
                 None if server_state is None else json.dumps(server_state, ensure_ascii=False), now_iso()))
            return cur.lastrowid

    def set_attention_state(self, attention_id: int, server_state: Any) -> None:
        with self.cache.transaction() as conn:
            conn.execute("UPDATE attention SET server_state = ? WHERE id = ?",
                         (None if server_state is None else json.dumps(server_state, ensure_ascii=False),
                          attention_id))

    def attention(self, include_resolved: bool = False) -> list[dict]:
        sql = ("SELECT id, outbox_id, action, entity_kind, entity_id, status, code, message, server_state, "
               "created_at, resolved, resolved_at FROM attention")
        if not include_resolved:
            sql += " WHERE resolved = 0"
        rows = self.cache.query(sql + " ORDER BY id")
        for row in rows:
            row["server_state"] = json.loads(row["server_state"]) if row["server_state"] else None
            row["resolved"] = bool(row["resolved"])
        return rows

    def resolve_attention(self, attention_id: int) -> None:
        with self.cache.transaction() as conn:
            conn.execute("UPDATE attention SET resolved = 1, resolved_at = ? WHERE id = ?",
                         (now_iso(), attention_id))
