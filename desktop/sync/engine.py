"""One sync round: push the outbox, then pull the change feed.

Push, oldest action first, each with the Idempotency-Key it got when queued:
- accepted                        -> done
- refused (4xx other than 401)    -> refused, plus an attention item holding the
                                     portal's error and the entity's state after the pull
- 408/429, unreachable, 5xx/fault -> stays queued, attempts+1, backoff; stop, report offline
- 401                             -> stays queued; stop, report auth_required
An action still inside its backoff window holds back the ones after it (order is
kept), but the pull still runs.

Pull from the stored cursor, following `next` while `more`; each page and its cursor
are stored in one transaction, so stopping or failing anywhere leaves a consistent
cache.

No Qt here: `sync_once` is a plain blocking call meant for a worker thread. One
round runs at a time per engine; a second caller gets `skipped=True` at once.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Callable

from .api import AuthExpired, PortalClient, PortalError, PortalFault, PortalUnreachable
from .cache import Cache, now_iso
from .outbox import Outbox
from .witness import AuditWitness, Unavailable

log = logging.getLogger(__name__)

TRANSIENT_STATUSES = (408, 425, 429)
# In `SyncResult.changed`: the state of the user's own queued actions moved (sent,
# refused, retried), beside the feed's entity kinds.
OUTBOX = "outbox"
AUDIT = "audit"      # the portal's audit log as this client witnessed it (witness.py)

Progress = Callable[[int, int], None]
ShouldStop = Callable[[], bool]


@dataclass
class SyncResult:
    pushed: int = 0                 # actions the portal accepted
    refused: int = 0                # actions the portal refused (see attention)
    pulled: int = 0                 # changes applied
    pages: int = 0                  # feed pages applied
    online: bool = False            # the portal answered this round
    pending: int = 0                # actions still queued afterwards
    error: str | None = None        # what went wrong, for the status bar (no secrets)
    error_kind: str | None = None   # "offline" | "fault" | "auth" | None
    unavailable: bool = False       # a "fault" that is the portal saying 503: it is away for now, not broken
    auth_required: bool = False     # sign in again; queued actions are kept
    stopped: bool = False           # should_stop() asked to stop
    skipped: bool = False           # another round was already running
    cursor: int = 0
    full: bool = False              # a full pull (from the start of the feed) was applied
    attention_ids: list[int] = field(default_factory=list)
    changed: set[str] = field(default_factory=set)   # entity kinds pulled, and OUTBOX: what pages refresh for
    audit_alarm: dict | None = None  # a new alarm about the portal's audit log (witness.py)


class _Halt(Exception):
    """Stop the round; the result already says why."""


class SyncEngine:
    def __init__(self, client: PortalClient, cache: Cache, *, page_size: int = 1000):
        self.client = client
        self.cache = cache
        self.outbox = Outbox(cache)
        self.witness = AuditWitness(client, cache)
        self.page_size = page_size
        self._running = threading.Lock()
        self._previous_pull: str | None = None   # when the last complete pull began

    def sync_once(self, progress: Progress | None = None, should_stop: ShouldStop | None = None,
                  *, ignore_backoff: bool = False) -> SyncResult:
        """Push, then pull. Never raises for portal or network problems: they are in
        the result. `ignore_backoff` sends due-later actions now (a "sync now" click)."""
        result = SyncResult()
        if not self._running.acquire(blocking=False):
            result.skipped = True
            result.pending = self.outbox.pending_count()
            result.cursor = self.cache.cursor()
            return result
        refused_now: list[dict] = []
        try:
            stop = should_stop or (lambda: False)
            try:
                self._push(result, refused_now, stop, ignore_backoff)
                self._pull(result, progress, stop)
                self._witness(result)
            except _Halt:
                pass
            self._record_server_state(refused_now)
        finally:
            result.pending = self.outbox.pending_count()
            result.cursor = self.cache.cursor()
            self._running.release()
        return result

    # -- push -------------------------------------------------------------------------
    def _push(self, result: SyncResult, refused_now: list[dict], stop: ShouldStop, ignore_backoff: bool) -> None:
        for row in self.outbox.pending():
            if stop():
                result.stopped = True
                raise _Halt
            if not ignore_backoff and row["next_attempt_at"] and row["next_attempt_at"] > now_iso():
                return   # keep the order: nothing after it goes first; still pull
            outcome, _answer, exc, attention_id = self._deliver(row)
            result.changed.add(OUTBOX)
            if outcome == "auth":
                self._fail(result, "auth", "the session expired: sign in again", online=True)
            elif outcome == "retry":
                self._fail(result, "fault", f"the portal asked to retry later ({exc.code})", online=True)
            elif outcome == "offline":
                self._fail(result, "offline", str(exc))
            elif outcome == "fault":
                result.unavailable = getattr(exc, "status", None) == 503
                self._fail(result, "fault", str(exc))
            elif outcome == "refused":
                result.refused += 1
                result.attention_ids.append(attention_id)
                if isinstance(exc, PortalError):
                    refused_now.append({"attention_id": attention_id, **row})
                    result.online = True
            else:
                result.pushed += 1
                result.online = True

    def _deliver(self, row: dict) -> tuple[str, object, Exception | None, int | None]:
        """Send one queued action with its key and record the outcome in the outbox: the one
        push path (a sync round, and `send_now`). Returns (outcome, answer, error, attention id);
        outcome is done, refused, retry, auth, offline or fault."""
        self.outbox.mark_sending(row["id"])
        try:
            answer = self.client.post(row["path"], row["body"], row["idempotency_key"])
        except AuthExpired as exc:
            self.outbox.requeue(row["id"], "the session expired")
            return "auth", None, exc, None
        except PortalError as exc:
            if exc.status in TRANSIENT_STATUSES:
                self.outbox.mark_retry(row["id"], f"{exc.status} {exc.code}", exc.retry_after)
                return "retry", None, exc, None
            self.outbox.mark_refused(row["id"], f"{exc.status} {exc.code}: {exc.message}")
            return "refused", None, exc, self.outbox.add_attention(row, exc.status, exc.code, exc.message,
                                                                   self._cached_state(row))
        except PortalUnreachable as exc:
            self.outbox.mark_retry(row["id"], str(exc))
            return "offline", None, exc, None
        except PortalFault as exc:
            self.outbox.mark_retry(row["id"], str(exc), exc.retry_after)
            return "fault", None, exc, None
        except (ValueError, TypeError) as exc:
            # The queued action itself is unusable (bad path, body not JSON): the
            # portal never saw it, so refuse it locally rather than block the queue.
            self.outbox.mark_refused(row["id"], f"invalid action: {exc}")
            return "refused", None, exc, self.outbox.add_attention(row, None, "invalid_action", str(exc))
        self.outbox.mark_done(row["id"])
        return "done", answer, None, None

    def send_now(self, outbox_id: int, wait: float = 30.0) -> dict | None:
        """Send one queued action now, where the user waits for the answer (a new draft's
        id, a refusal shown in the dialog), exactly as a sync round sends it: same key,
        same outcome (a refusal is also a Needs-attention item). Returns the portal's
        answer; raises what went wrong after recording it (unsent, it stays queued).
        None: not sent now (a round held the outbox longer than `wait`, or sent it
        already); the next round takes it. Blocking: call it off the UI thread."""
        if not self._running.acquire(timeout=wait):
            return None
        try:
            row = self.outbox.get(outbox_id)
            if row is None or row["state"] != "queued":
                return None
            outcome, answer, exc, _attention = self._deliver(row)
            if exc is not None:
                raise exc
            return answer
        finally:
            self._running.release()

    # -- pull -------------------------------------------------------------------------
    def _pull(self, result: SyncResult, progress: Progress | None, stop: ShouldStop) -> None:
        started = now_iso()
        cursor = self.cache.cursor()
        full = cursor == 0
        while True:
            if stop():
                result.stopped = True
                raise _Halt
            try:
                page = self.client.changes(cursor, self.page_size)
            except AuthExpired:
                self._fail(result, "auth", "the session expired: sign in again", online=True)
            except PortalError as exc:
                self._fail(result, "fault", f"the portal refused the change feed ({exc.status} {exc.code})",
                           online=True)
            except PortalUnreachable as exc:
                self._fail(result, "offline", str(exc))
            except PortalFault as exc:
                result.unavailable = exc.status == 503
                self._fail(result, "fault", str(exc))
            self.cache.apply_page(page["changes"], page["next"])
            result.changed.update(c["entity"] for c in page["changes"])
            cursor = page["next"]
            result.online = True
            result.pages += 1
            result.pulled += len(page["changes"])
            if progress is not None:
                progress(result.pages, result.pulled)
            if not page["more"]:
                if full and result.pulled:
                    result.full = True
                    self.cache.prepare_default_orders()
                self._prune(started)
                return

    # -- the audit log -------------------------------------------------------------------
    def _witness(self, result: SyncResult) -> None:
        """Check the portal's signed checkpoint and consistency proof on every sync."""
        try:
            alarm = self.witness.check(self.cache.meta()["roles"])
        except Unavailable as exc:
            log.info("audit log not checked this round: %s", exc)
            return
        if alarm is not None and alarm.get("new"):
            result.audit_alarm = alarm
            result.changed.update({AUDIT, OUTBOX})   # the audit page turns red; a Needs-attention item

    def _prune(self, started: str) -> None:
        # Actions done before the previous complete pull: that pull showed their effect, and
        # the views have had a round to note them done. Kept no longer (they were read on
        # every refresh).
        if self._previous_pull is not None:
            self.outbox.prune_done(self._previous_pull)
        self._previous_pull = started

    # -- helpers ------------------------------------------------------------------------
    @staticmethod
    def _fail(result: SyncResult, kind: str, message: str, online: bool = False) -> None:
        result.error_kind = kind
        result.error = message
        result.auth_required = kind == "auth"
        result.online = online
        log.info("sync stopped: %s", kind)
        raise _Halt

    def _cached_state(self, row: dict) -> dict | None:
        kind, entity_id = row.get("entity_kind"), row.get("entity_id")
        if not kind or not entity_id:
            return None
        try:
            return self.cache.get(kind, entity_id)
        except ValueError:
            return None

    def _record_server_state(self, refused: list[dict]) -> None:
        """After the pull, the cache holds the portal's current state of each entity an
        action was refused on: keep it with the attention item."""
        for item in refused:
            state = self._cached_state(item)
            if state is not None:
                self.outbox.set_attention_state(item["attention_id"], state)
