"""Health, sign-in and sign-out, the change feed and the audit trail."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from .. import __version__, auth
from ..api import PortalContext, audit_read, context, current_user, iso, perform, public_user, require
from ..availability import database_unavailable, unavailable
from ..errors import ApiError
from ..guard import client_address
from .bodies import PlainLine
from ..store import canonical_json
from ..visibility import STAFF_ROLES, caller_keys, needs_projection, project

router = APIRouter()


class Problem(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    error: Problem


MAX_SEQ = 2 ** 63 - 1   # sequence numbers are SQL integers: a larger cursor is a bad request, not a crash
ERRORS = {s: {"model": ErrorBody} for s in (400, 401, 403, 404, 409, 413, 422, 429)}


class SessionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    username: Annotated[str, PlainLine] = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=1000)
    totp: str = Field(min_length=1, max_length=20)


@router.get("/health")
def health(request: Request, ctx: PortalContext = Depends(context)):
    """`ok`, or 503 `degraded` with the reason while the database is away (see portal.availability)."""
    availability = request.app.state.availability
    reason = None
    try:
        if hasattr(ctx.store, "ping"):   # PostgreSQL: never waits long for a pool busy with calls
            ctx.store.ping()
        else:                            # SQLite: a read never waits for writers (WAL)
            with ctx.store.read() as tx:
                tx.execute("SELECT 1")
    except Exception as exc:
        reason = database_unavailable(exc)
        if reason is None:
            raise
    reason = reason or availability.recent_reason()
    if reason is None:
        return {"status": "ok", "version": __version__, "unavailable_answers": availability.answered}
    error = unavailable(reason)
    return JSONResponse({"status": "degraded", "reason": reason, "version": __version__,
                         "unavailable_answers": availability.answered, **error.body()},
                        status_code=503, headers=error.headers)


@router.post("/session", status_code=201, responses=ERRORS)
def create_session(body: SessionIn, request: Request, ctx: PortalContext = Depends(context)):
    # The slow password check runs outside the write lock; the answer is the
    # same for an unknown user, so the lockout does not reveal who exists.
    address = client_address(request)
    budget = ctx.anonymous_budget
    if budget is not None and budget.exhausted(address):
        # Failed attempts from this address fill the audit and the lockout table: hold them off.
        retry_after = budget.retry_after(address)
        raise ApiError(429, "too_many_attempts", "Too many failed requests from your address. Try again later.",
                       extra={"retry_after": retry_after}, headers={"Retry-After": str(retry_after)})
    with ctx.store.read() as tx:
        known = tx.user_by_username(body.username)
    stored_hash = known["password_hash"] if known else auth.dummy_hash()
    password_ok = auth.verify_password(body.password, stored_hash)

    def effect(tx):
        now = ctx.clock()
        recent = tx.failures(body.username, now - auth.LOCKOUT_WINDOW)
        if len(recent) >= auth.LOCKOUT_FAILURES:
            retry_after = max(1, int(recent[auth.LOCKOUT_FAILURES - 1] + auth.LOCKOUT_WINDOW - now) + 1)
            raise ApiError(429, "too_many_attempts", "Too many failed sign-in attempts. Try again later.",
                           extra={"retry_after": retry_after}, headers={"Retry-After": str(retry_after)})
        user = tx.user_by_username(body.username)
        if user is not None:
            user = auth.effective(user, now)
        if user is None or not user["active"] or not password_ok:
            raise ApiError(401, "invalid_credentials", "Wrong username, password or code.")
        step = auth.totp_step(user["totp_secret"], body.totp, now)
        if step is None:
            raise ApiError(401, "invalid_credentials", "Wrong username, password or code.")
        last = tx.totp_last_step(user["id"])
        # RFC 6238 5.2: a code, and any older one, is accepted once only.
        if last is not None and step <= last:
            raise ApiError(401, "totp_replayed", "This code has already been used. Wait for the next code.")
        tx.totp_set_step(user["id"], step)
        tx.failures_clear(body.username)
        token = auth.new_token()
        expires_at = now + ctx.token_ttl
        tx.token_insert(auth.hash_token(token), user["id"], now, expires_at)
        request.state.user = user
        return 201, {"token": token, "expires_at": iso(expires_at), "user": public_user(user)}

    def count_failure(tx, refusal: ApiError) -> None:
        # A failure counts towards the lockout. Recorded in the refusal's own transaction
        # (after its rollback), so a burst of parallel guesses cannot slip past the count.
        if refusal.status == 401:
            tx.failure_add(body.username, ctx.clock())
        if budget is not None:
            budget.take(address)

    answer = perform(ctx, request, f"anon:{body.username}", "session.create", "session", None,
                     {"username": body.username, "totp": body.totp, "password_sha": auth.hash_token(body.password)},
                     effect, audit_detail={"username": body.username}, remember_success=False,
                     on_refusal=count_failure)
    if answer.status_code == 201 and known is not None and auth.needs_rehash(stored_hash):
        # The password is known to be right only now: rehash it with today's parameters.
        new_hash = auth.hash_password(body.password)
        with ctx.store.write() as tx:
            if tx.user_set_password_hash(known["id"], new_hash, stored_hash):
                tx.audit_append(ctx.now_iso(), known["id"], "session.rehash", "session", None, "ok",
                                {"scrypt_n": auth.SCRYPT_N})
    return answer


@router.delete("/session", status_code=204, responses=ERRORS)
def delete_session(request: Request, user: dict = Depends(current_user), ctx: PortalContext = Depends(context)):
    with ctx.store.write() as tx:
        tx.token_revoke(auth.hash_token(request.state.token))
        tx.audit_append(ctx.now_iso(), user["id"], "session.delete", "session", None, "ok", {})
    return Response(status_code=204)


@router.get("/changes", responses=ERRORS)
def changes(since: int = Query(0, ge=0, le=MAX_SEQ), limit: int = Query(500, ge=1, le=1000),
            user: dict = Depends(current_user), ctx: PortalContext = Depends(context)):
    with ctx.store.read() as tx:
        rows, more = tx.changes(since, limit, caller_keys(user), raw=True)
    # The stored documents are canonical JSON already: they are spliced into the answer
    # as they are, and parsed only when this caller sees a trimmed view. (Encoding a page
    # of 1,000 documents through FastAPI's encoder cost four times the database read.)
    items = []
    red = []
    for seq, kind, id, data in rows:
        if kind == "warning" and data is not None and '"tlp":"RED"' in data:
            red.append(id)
        if data is not None and needs_projection(kind, user, data):
            data = canonical_json(project(kind, json.loads(data), user))
        items.append(f'{{"seq":{int(seq)},"entity":{json.dumps(kind)},"id":{json.dumps(id)},'
                     f'"data":{"null" if data is None else data}}}')
    if red:   # who received TLP:RED text is on record, as for GET /warnings/{id}
        audit_read(ctx, user, "warning.read", None, None, {"via": "changes", "tlp": "RED", "ids": red[:100]})
    body = (f'{{"changes":[{",".join(items)}],"next":{int(rows[-1][0]) if rows else int(since)},'
            f'"more":{"true" if more else "false"}}}')
    return Response(content=body.encode("utf-8"), media_type="application/json")


@router.get("/audit", responses=ERRORS)
def audit(entity: str | None = Query(None, max_length=40), id: str | None = Query(None, max_length=100),
          actor: str | None = Query(None, max_length=100), action: str | None = Query(None, max_length=100),
          outcome: str | None = Query(None, pattern="^(ok|refused)$"),
          since: str | None = Query(None, max_length=40), until: str | None = Query(None, max_length=40),
          after: int = Query(0, ge=0, le=MAX_SEQ), limit: int = Query(500, ge=1, le=5000),
          user: dict = Depends(current_user), ctx: PortalContext = Depends(context)):
    roles = set(user["roles"])
    sees_all = bool({"admin", "supervisor"} & roles)
    # Staff see the trail of what they may see; researchers and recipients only their
    # own actions (entries about their cases name the staff who decided them).
    keys = caller_keys(user) if STAFF_ROLES & roles else set()
    with ctx.store.read() as tx:
        entries = tx.audit_query(entity=entity, entity_id=id, actor_id=actor, action=action, outcome=outcome,
                                 since=since, until=until, after_seq=after, limit=limit + 1,
                                 visible_keys=None if sees_all else keys, self_id=user["id"])
    more = len(entries) > limit
    entries = entries[:limit]
    return {"entries": entries, "next": entries[-1]["seq"] if entries else after, "more": more}


@router.get("/audit/verify", responses=ERRORS)
def audit_verify(checkpoint: str | None = Query(None, max_length=4000),
                 user: dict = Depends(require("admin", "supervisor")), ctx: PortalContext = Depends(context)):
    """The checks of `python -m portal audit verify`; `checkpoint`: the JSON of a checkpoint
    saved earlier, to check that today's log extends it."""
    from ..transparency.verify import verify_log
    saved = None
    if checkpoint is not None:
        try:
            saved = json.loads(checkpoint)
        except ValueError:
            raise ApiError(400, "bad_request", "checkpoint is not JSON.") from None
    signer = ctx.extra.get("audit_signer")
    with ctx.store.read() as tx:
        return verify_log(tx, signer.public_key if signer else None, saved)
