"""Shared pieces of every route: the portal context, the signed-in caller,
role checks, and `perform`, which runs a POST as one audited, idempotent
transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass, field
from typing import Any, Callable

from fastapi import Depends, Request
from fastapi.responses import JSONResponse

from . import auth
from .errors import ApiError, role_required, unauthorized
from .store import canonical_json

log = logging.getLogger("portal")


@dataclass
class PortalContext:
    """What every route needs: the store, the settings and the clock."""

    store: Any
    token_ttl: float = auth.TOKEN_TTL
    rules: Any = None             # output check rules (portal.checks.Rules)
    sampling: Any = None          # sampling config (rules.sampling.SamplingConfig)
    clock: Callable[[], float] = auth.now
    threads: int = 8              # requests served at once by this process (see app.create_app)
    anonymous_budget: Any = None  # guard.AnonymousBudget: audit entries per minute for callers without a token
    extra: dict = field(default_factory=dict)

    def now_iso(self) -> str:
        return iso(self.clock())


def iso(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text: str) -> float:
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc).timestamp()


def context(request: Request) -> PortalContext:
    return request.app.state.ctx


def current_user(request: Request, ctx: PortalContext = Depends(context)) -> dict:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise unauthorized()
    with ctx.store.read() as tx:
        user = auth.user_for_token(tx, token.strip(), ctx.clock())
    if user is None:
        raise unauthorized("The session has expired or was signed out. Sign in again.", code="unauthorized")
    request.state.user = user
    request.state.token = token.strip()
    return user


def require(*roles: str):
    """A dependency that admits only callers holding one of `roles`."""

    def check(user: dict = Depends(current_user)) -> dict:
        if not set(roles) & set(user["roles"]):
            raise role_required(roles)
        return user

    check.roles = tuple(roles)   # read by app.caller_refusal
    return check


def public_user(user: dict) -> dict:
    return {"id": user["id"], "username": user["username"], "display_name": user["display_name"],
            "roles": user["roles"], "researcher_id": user.get("researcher_id"), "org_id": user.get("org_id")}


def request_fingerprint(request: Request, body: Any) -> str:
    return hashlib.sha256(canonical_json({"method": request.method, "path": request.url.path,
                                          "body": body}).encode()).hexdigest()


def perform(ctx: PortalContext, request: Request, caller_id: str, action: str, entity: str | None,
            entity_id: str | None, body: Any, effect: Callable[[Any], tuple[int, Any]],
            audit_detail: dict | None = None, remember_success: bool = True,
            on_refusal: Callable[[Any, ApiError], None] | None = None) -> JSONResponse:
    """Run one POST: idempotency check, the effect, its audit entry, in one write transaction.

    `effect(tx)` returns (status, answer) or raises ApiError; a refusal rolls
    back whatever the effect wrote but is itself audited and, with an
    Idempotency-Key, remembered as the first answer. `on_refusal(tx, refusal)`
    records what a refusal must leave behind (a failed sign-in) in the same
    transaction, so concurrent requests see it.
    """
    key = request.headers.get("idempotency-key")
    if key is not None and not (0 < len(key) <= 200):
        raise ApiError(422, "invalid_field", "Idempotency-Key must be 1 to 200 characters.")
    fingerprint = request_fingerprint(request, body)
    with ctx.store.write() as tx:
        if key is not None:
            previous = tx.idem_get(caller_id, key)
            if previous is not None:
                if previous["request_hash"] != fingerprint:
                    raise ApiError(422, "idempotency_key_reused",
                                   "This Idempotency-Key was used before with a different request.")
                return JSONResponse(previous["body"], status_code=previous["status"])
        detail = dict(audit_detail or {})
        headers = None
        try:
            with tx.savepoint("effect"):
                status, answer = effect(tx)
            outcome = "ok"
            if entity_id is None and isinstance(answer, dict):
                entity_id = answer.get("id") or answer.get("sample_id")
        except ApiError as refusal:
            # The savepoint has undone whatever the effect wrote.
            status, answer, outcome = refusal.status, refusal.body(), "refused"
            headers = refusal.headers or None
            detail["code"] = refusal.code
            if refusal.status in (401, 403, 404):
                # Refused before the caller was shown to may see the case: its entry (which
                # the caller reads back in /audit) must not tell the case's state.
                detail.pop("before", None)
                detail.pop("after", None)
            if on_refusal is not None:
                on_refusal(tx, refusal)
        tx.audit_append(ctx.now_iso(), caller_id, action, entity, entity_id, outcome, detail)
        # An answer holding a secret (a new session token) is never stored.
        if key is not None and (remember_success or outcome != "ok"):
            tx.idem_put(caller_id, key, fingerprint, status, answer, ctx.clock())
    return JSONResponse(answer, status_code=status, headers=headers)


def audit_read(ctx: PortalContext, user: dict, action: str, entity: str, entity_id: str,
               detail: dict | None = None) -> None:
    """Reads of sensitive things (TLP:RED text, CSAF exports, sample draws) are audited too."""
    with ctx.store.write() as tx:
        tx.audit_append(ctx.now_iso(), user["id"], action, entity, entity_id, "ok", dict(detail or {}))


MAX_AUDITED_PATH = 200   # an unmatched URL is stored up to this many characters


def audit_refusal(ctx: PortalContext, request: Request, error: ApiError, outcome: str = "refused") -> None:
    """Every refused call is audited, including those refused before a route ran.

    What an entry stores is bounded (the route's template, else the path cut short), and
    callers without a token write only as much as the anonymous budget allows."""
    user = getattr(request.state, "user", None)
    route = request.scope.get("route")
    path = route.path if route is not None else request.url.path
    if len(path) > MAX_AUDITED_PATH:
        path = path[:MAX_AUDITED_PATH] + "…"
    action = f"{request.method} {path}"
    detail = {"code": error.code, "status": error.status}
    if user is None and ctx.anonymous_budget is not None:
        from .guard import client_address
        verdict = ctx.anonymous_budget.take(client_address(request))
        if verdict == "over":
            return
        if verdict == "first_over":
            action, outcome = "audit.throttled", "refused"
            detail = {"code": "too_many_requests", "address": client_address(request),
                      "per_minute": ctx.anonymous_budget.per_minute}
    try:
        with ctx.store.write() as tx:
            tx.audit_append(ctx.now_iso(), user["id"] if user else None, action, None, None, outcome, detail)
    except Exception:  # the refusal must still be answered
        log.exception("could not audit a refusal")
