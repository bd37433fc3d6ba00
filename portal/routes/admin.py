"""Administrator requests: every change to users and roles needs other administrators.

- `POST /admin/requests` (admin) `{kind, target, justification}` -> 201 the request, `pending`.
- `POST /admin/requests/{id}/approve` (another admin) -> 201; with its `required_approvals`
  (1, or 2 for anything granting admin) it takes effect in the same transaction.
- `POST /admin/requests/{id}/reject` (another admin) `{comment}` -> 201.
- `POST /admin/emergency` (admin) `{user_id, role, justification}` -> 201 an `emergency_grant`
  request: the role is granted at once for 24 hours, waiting for ratification.
- `GET /admin/requests/{id}/enrolment` (the requester, once) -> `{username, enrolment_code,
  expires_at}` once a `create_user` or `reset_credentials` took effect.

Refusal order (the contract's): 401, 403 `role_required`, (approve and reject: 403
`own_certification_expired`, the administrator's own certification lapsed), 404 `not_found`, 422 `invalid_field`,
409 `not_open`, `self_approval`, `self_target`, `already_reviewed`, `too_few_admins`,
`separation_of_duties`, then 422 `justification_required`, `comment_required`. The role check,
lookup and body validation run inside the audited transaction (as for applications).
Choices where the contract is silent: a second fetch of an enrolment code is 409
`already_issued`; a fetch by another administrator 403 `not_requester`; rejecting an
emergency grant ends it at once.
"""

from __future__ import annotations

import asyncio
import secrets
import threading
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from rules import admin as rules

from .. import auth, user_admin
from ..api import PortalContext, context, current_user, iso, perform
from ..certification.gate import refuse_lapsed_staff
from ..errors import ApiError, not_found, role_required
from .bodies import PlainText, body_doc, fingerprint_body, given, read_json, validate
from .core import ERRORS

DAY = 86400
SWEEP_SECONDS = 30.0


@asynccontextmanager
async def _lifespan(app):
    """Requests expire and grants fall away on their own, also when nobody calls."""
    ctx = getattr(app.state, "ctx", None)
    stop = threading.Event()
    thread = None
    if ctx is not None:
        def loop():
            while not stop.wait(SWEEP_SECONDS):
                user_admin.sweep_quietly(ctx)
        thread = threading.Thread(target=loop, name="admin-expiry", daemon=True)
        thread.start()
    try:
        yield None
    finally:
        stop.set()
        if thread is not None:
            await asyncio.get_running_loop().run_in_executor(None, thread.join, 5)


router = APIRouter(lifespan=_lifespan)
MAX_ID = 100


class RequestIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    kind: Literal[rules.KINDS]  # type: ignore[valid-type]
    target: dict[str, Any]
    justification: Annotated[str, PlainText] | None = Field(default="", max_length=4000)


class RejectIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    comment: Annotated[str, PlainText] | None = Field(default="", max_length=4000)


class EmergencyIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    user_id: str = Field(min_length=1, max_length=MAX_ID)
    role: str = Field(min_length=1, max_length=40)
    justification: Annotated[str, PlainText] | None = Field(default="", max_length=4000)


def _admin(user: dict) -> None:
    if "admin" not in user["roles"]:
        raise role_required(("admin",))


def _justification(text: str | None) -> str:
    text = (text or "").strip()
    if not text:
        raise ApiError(422, "justification_required", "Say why this change is needed.")
    return text


def _new_request(tx, ctx: PortalContext, kind: str, target: dict, justification: str, user: dict,
                 expires_at: float) -> dict:
    now = ctx.now_iso()
    while True:
        request_id = f"AR-{now[:4]}-{tx.next_number('admin_request'):04d}"
        if tx.get("admin_request", request_id) is None:
            break
    return {"id": request_id, "kind": kind, "target": target, "justification": justification,
            "status": "pending", "requested_by": user["id"], "approvals": [],
            "required_approvals": rules.required_approvals(kind, target), "expires_at": iso(expires_at),
            "created_at": now, "decided_at": None, "rejected_by": None, "comment": None,
            "emergency": kind == rules.EMERGENCY_KIND, "enrolment": None}


@router.post("/admin/requests", status_code=201, responses=ERRORS, openapi_extra=body_doc(RequestIn))
async def create_request(request: Request, user: dict = Depends(current_user), ctx: PortalContext = Depends(context)):
    payload = await read_json(request)
    return await run_in_threadpool(_create, ctx, request, user, payload)


def _create(ctx, request, user, payload):
    user_admin.sweep_quietly(ctx)

    def effect(tx):
        _admin(user)
        body = validate(RequestIn, payload)
        target = user_admin.judge(tx, body.kind, body.target, user["id"], ctx.clock())
        justification = _justification(body.justification)
        saved = user_admin.save_request(tx, _new_request(tx, ctx, body.kind, target, justification, user,
                                                         ctx.clock() + rules.REQUEST_DAYS * DAY))
        return 201, saved

    return perform(ctx, request, user["id"], "admin_request.create", "admin_request", None,
                   fingerprint_body(payload), effect, audit_detail={"kind": given(payload, "kind", str)})


@router.post("/admin/emergency", status_code=201, responses=ERRORS, openapi_extra=body_doc(EmergencyIn))
async def emergency(request: Request, user: dict = Depends(current_user), ctx: PortalContext = Depends(context)):
    payload = await read_json(request)
    return await run_in_threadpool(_emergency, ctx, request, user, payload)


def _emergency(ctx, request, user, payload):
    user_admin.sweep_quietly(ctx)

    def effect(tx):
        _admin(user)
        body = validate(EmergencyIn, payload)
        if body.role not in rules.DECIDING_ROLES:
            raise ApiError(422, "invalid_field", "role: an emergency grant gives a deciding role "
                                                 "(caseworker, supervisor or coordinator), never admin.")
        target = {"user_id": body.user_id, "role": body.role}
        target_user = tx.user_by_id(body.user_id)
        if target_user is not None and body.role in auth.effective(target_user, ctx.clock())["roles"]:
            raise ApiError(422, "invalid_field", "role: the user holds this role already.")
        target = user_admin.judge(tx, "grant_role", target, user["id"], ctx.clock())
        justification = _justification(body.justification)
        until = ctx.clock() + rules.EMERGENCY_HOURS * 3600
        target = {"user_id": target["user_id"], "role": target["role"], "expires_at": iso(until)}
        saved = user_admin.save_request(tx, _new_request(tx, ctx, rules.EMERGENCY_KIND, target, justification,
                                                         user, until))
        target_user = tx.user_by_id(body.user_id)
        grants = [g for g in target_user["grants"] if g["role"] != body.role]
        grants.append({"role": body.role, "expires_at": iso(until), "emergency": True})
        tx.user_set_grants(target_user["id"], grants)
        user_admin.staff_record(tx, tx.user_by_id(target_user["id"]))
        return 201, saved

    return perform(ctx, request, user["id"], "admin.emergency", "admin_request", None, fingerprint_body(payload),
                   effect, audit_detail={"emergency": True, "user_id": given(payload, "user_id", str),
                                         "role": given(payload, "role", str)})


def _load(tx, request_id: str) -> dict:
    found = tx.get("admin_request", request_id) if 0 < len(request_id) <= MAX_ID else None
    if found is None:
        raise not_found("administrator request")
    return found


_REFUSALS = {
    "not_open": (409, "This request is decided or has expired."),
    "self_approval": (409, "You made this request; another administrator must decide it."),
    "self_target": (409, "This request is about you; another administrator must decide it."),
    "already_reviewed": (409, "You have approved this request already; it needs another administrator."),
    "comment_required": (422, "A rejection needs a comment giving the reason."),
}


def _refuse(code: str | None) -> None:
    if code:
        status, message = _REFUSALS[code]
        raise ApiError(status, code, message)


@router.post("/admin/requests/{request_id}/approve", status_code=201, responses=ERRORS)
async def approve(request_id: str, request: Request, user: dict = Depends(current_user),
                  ctx: PortalContext = Depends(context)):
    payload = await read_json(request)
    return await run_in_threadpool(_approve, ctx, request, user, request_id, payload)


def _approve(ctx, request, user, request_id, payload):
    user_admin.sweep_quietly(ctx)
    after: dict = {}

    def effect(tx):
        _admin(user)
        refuse_lapsed_staff(ctx, tx, user)
        found = _load(tx, request_id)
        _refuse(rules.approval_refusal(found, user["id"]))
        found["approvals"] = list(found["approvals"]) + [{"by": user["id"], "at": ctx.now_iso()}]
        if len(found["approvals"]) >= found["required_approvals"]:
            if found["kind"] != rules.EMERGENCY_KIND:
                # Judged again: the world may have changed since the request was made.
                found["target"] = user_admin.judge(tx, found["kind"], found["target"], found["requested_by"],
                                                   ctx.clock())
            user_admin.take_effect(tx, found, ctx.clock())
            found.update(status="approved", decided_at=ctx.now_iso())
        saved = user_admin.save_request(tx, found)
        after.update(status=saved["status"], approvals=len(saved["approvals"]))
        return 201, saved

    return perform(ctx, request, user["id"], "admin_request.approve", "admin_request", request_id[:MAX_ID],
                   fingerprint_body(payload), effect, audit_detail={"after": after})


@router.post("/admin/requests/{request_id}/reject", status_code=201, responses=ERRORS, openapi_extra=body_doc(RejectIn))
async def reject(request_id: str, request: Request, user: dict = Depends(current_user),
                 ctx: PortalContext = Depends(context)):
    payload = await read_json(request)
    return await run_in_threadpool(_reject, ctx, request, user, request_id, payload)


def _reject(ctx, request, user, request_id, payload):
    user_admin.sweep_quietly(ctx)

    def effect(tx):
        _admin(user)
        refuse_lapsed_staff(ctx, tx, user)
        found = _load(tx, request_id)
        body = validate(RejectIn, payload)
        _refuse(rules.rejection_refusal(found, user["id"], body.comment or ""))
        found.update(status="rejected", decided_at=ctx.now_iso(), rejected_by=user["id"],
                     comment=(body.comment or "").strip())
        if found["kind"] == rules.EMERGENCY_KIND:
            user_admin.drop_emergency_grant(tx, found)
        return 201, user_admin.save_request(tx, found)

    return perform(ctx, request, user["id"], "admin_request.reject", "admin_request", request_id[:MAX_ID],
                   fingerprint_body(payload), effect)


@router.get("/admin/requests/{request_id}/enrolment", responses=ERRORS)
def enrolment_code(request_id: str, user: dict = Depends(current_user), ctx: PortalContext = Depends(context)):
    """The one-time enrolment code, made now and shown once; only its hash is kept."""
    code = "-".join(secrets.token_hex(2).upper() for _ in range(4))   # 64 bits, easy to read out
    now = ctx.clock()
    refusal = None
    with ctx.store.write() as tx:
        try:
            _admin(user)
            found = _load(tx, request_id)
            if found["requested_by"] != user["id"]:
                raise ApiError(403, "not_requester", "Only the administrator who made the request receives the code.")
            enrolment = tx.enrolment_for_request(found["id"])
            if enrolment is None or found["status"] != "approved":
                raise ApiError(409, "not_open", "There is no enrolment for this request (not approved, or "
                                                "superseded by a later reset).")
            if enrolment["code_hash"] is not None:
                raise ApiError(409, "already_issued", "The enrolment code was given out once already. "
                                                      "Ask for a credential reset to get a new one.")
            expires_at = now + rules.ENROLMENT_HOURS * 3600
            tx.enrolment_issue(enrolment["user_id"], auth.hash_token(code), expires_at)
            found["enrolment"] = "issued"
            user_admin.save_request(tx, found)
            username = tx.user_by_id(enrolment["user_id"])["username"]
            tx.audit_append(iso(now), user["id"], "enrolment.issue", "admin_request", found["id"], "ok",
                            {"user_id": enrolment["user_id"], "expires_at": iso(expires_at)})
        except ApiError as error:
            refusal = error
    if refusal is not None:
        raise refusal       # audited by the application's error handler
    return {"username": username, "enrolment_code": code, "expires_at": iso(expires_at)}
