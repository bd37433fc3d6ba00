"""First sign-in with a one-time enrolment code: the new user sets a password and enrols a
fresh TOTP secret that no administrator ever sees.

- `POST /session/enrolment` `{username, enrolment_code, new_password}` -> 201 `{totp_uri}`
  (the code stays valid until confirmed, so a lost QR code can be asked for again).
- `POST /session/enrolment/confirm` `{username, enrolment_code, totp}` -> 201 as `POST /session`;
  the code is used up, the new password and secret replace the old ones.

Wrong, expired or used codes: 401 `invalid_credentials`, counted towards the lockout of the
username like a failed sign-in (429 `too_many_attempts` after 5 in 15 minutes). Passwords
shorter than 12 characters: 422 `weak_password` (judged after the code, so the password rule
tells nothing to someone without one).
"""

from __future__ import annotations

import hmac

import pyotp
from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field

from rules import admin as rules

from .. import auth
from ..api import PortalContext, context, iso, perform, public_user
from ..errors import ApiError
from .core import ERRORS

router = APIRouter()
ISSUER = "Portal Desk"


class EnrolIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    username: str = Field(min_length=1, max_length=100)
    enrolment_code: str = Field(min_length=1, max_length=100)
    new_password: str = Field(min_length=1, max_length=1000)


class ConfirmIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    username: str = Field(min_length=1, max_length=100)
    enrolment_code: str = Field(min_length=1, max_length=100)
    totp: str = Field(min_length=1, max_length=20)


def _wrong() -> ApiError:
    return ApiError(401, "invalid_credentials", "Wrong username or enrolment code, or the code was used or has expired.")


def _locked_out(tx, username: str, now: float) -> None:
    recent = tx.failures(username, now - auth.LOCKOUT_WINDOW)
    if len(recent) >= auth.LOCKOUT_FAILURES:
        retry_after = max(1, int(recent[auth.LOCKOUT_FAILURES - 1] + auth.LOCKOUT_WINDOW - now) + 1)
        raise ApiError(429, "too_many_attempts", "Too many failed attempts. Try again later.",
                       extra={"retry_after": retry_after}, headers={"Retry-After": str(retry_after)})


def _enrolment(tx, username: str, code: str, now: float) -> tuple[dict, dict]:
    user = tx.user_by_username(username)
    enrolment = tx.enrolment_for_user(user["id"]) if user is not None else None
    if (enrolment is None or enrolment["code_hash"] is None or enrolment["used"] or not user["active"]
            or enrolment["expires_at"] <= now
            or not hmac.compare_digest(enrolment["code_hash"], auth.hash_token(code.strip().upper()))):
        raise _wrong()
    return user, enrolment


def _counting(ctx: PortalContext, username: str):
    def count_failure(tx, refusal: ApiError) -> None:
        if refusal.status == 401:
            tx.failure_add(username, ctx.clock())
    return count_failure


@router.post("/session/enrolment", status_code=201, responses=ERRORS)
def enrol(body: EnrolIn, request: Request, ctx: PortalContext = Depends(context)):
    # The slow hash is made outside the write lock (it is thrown away on a refusal).
    password_hash = auth.hash_password(body.new_password) if not rules.password_refusal(body.new_password) else None
    secret = pyotp.random_base32()

    def effect(tx):
        now = ctx.clock()
        _locked_out(tx, body.username, now)
        user, _ = _enrolment(tx, body.username, body.enrolment_code, now)
        if password_hash is None:
            raise ApiError(422, "weak_password", f"Choose a password of at least {rules.MIN_PASSWORD_LENGTH} "
                                                 "characters.")
        tx.enrolment_set_pending(user["id"], password_hash, secret)
        uri = pyotp.TOTP(secret).provisioning_uri(name=user["username"], issuer_name=ISSUER)
        return 201, {"totp_uri": uri}

    return perform(ctx, request, f"anon:{body.username}", "enrolment.start", "session", None,
                   {"username": body.username, "code_sha": auth.hash_token(body.enrolment_code),
                    "password_sha": auth.hash_token(body.new_password)},
                   effect, audit_detail={"username": body.username}, remember_success=False,
                   on_refusal=_counting(ctx, body.username))


@router.post("/session/enrolment/confirm", status_code=201, responses=ERRORS)
def confirm(body: ConfirmIn, request: Request, ctx: PortalContext = Depends(context)):
    def effect(tx):
        now = ctx.clock()
        _locked_out(tx, body.username, now)
        user, enrolment = _enrolment(tx, body.username, body.enrolment_code, now)
        if enrolment["new_totp_secret"] is None:
            raise _wrong()
        step = auth.totp_step(enrolment["new_totp_secret"], body.totp, now)
        if step is None:
            raise ApiError(401, "invalid_credentials", "Wrong code from the authenticator app.")
        tx.user_set_credentials(user["id"], enrolment["new_password_hash"], enrolment["new_totp_secret"])
        tx.totp_set_step(user["id"], step)
        tx.enrolment_use(user["id"])
        tx.failures_clear(body.username)
        token = auth.new_token()
        expires_at = now + ctx.token_ttl
        tx.token_insert(auth.hash_token(token), user["id"], now, expires_at)
        request.state.user = user
        return 201, {"token": token, "expires_at": iso(expires_at),
                     "user": public_user(auth.effective(tx.user_by_id(user["id"]), now))}

    return perform(ctx, request, f"anon:{body.username}", "enrolment.confirm", "session", None,
                   {"username": body.username, "code_sha": auth.hash_token(body.enrolment_code), "totp": body.totp},
                   effect, audit_detail={"username": body.username}, remember_success=False,
                   on_refusal=_counting(ctx, body.username))
