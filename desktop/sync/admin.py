"""User administration and enrolment through the portal API (no Qt).

Requests and decisions are queued in the outbox like every other decision (they are
sent by the sync engine, refusals land in Needs attention); the one-time enrolment
code and the first sign-in are direct calls, made from a background task.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from rules import admin as rules

from .api import PortalClient, PortalError, PortalFault, PortalUnreachable, api_path
from .cache import Cache
from .outbox import Outbox

__all__ = ["PortalError", "PortalUnreachable"]   # for the enrolment dialog's messages

ADMIN_PATHS = ("/admin/requests", "/admin/emergency")


def staff_records(cache: Cache) -> list[dict]:
    rows = cache.query("SELECT data FROM staff ORDER BY display_name COLLATE NOCASE, id")
    return [json.loads(r["data"]) for r in rows]


def admin_requests(cache: Cache) -> list[dict]:
    """The administrator requests of the feed (a kind the cache keeps as a document only)."""
    rows = cache.query("SELECT data FROM other_entities WHERE entity = 'admin_request'")
    found = [json.loads(r["data"]) for r in rows]
    return [r for r in found if isinstance(r, dict) and isinstance(r.get("id"), str)]


def is_admin_action(row: dict) -> bool:
    return str(row.get("path") or "").startswith(ADMIN_PATHS)


def queue_request(outbox: Outbox, kind: str, target: dict, justification: str, summary: str) -> dict:
    """Queue a new administrator request; refuses (ValueError) what the portal would certainly refuse."""
    bad = rules.invalid_fields(kind, target)
    if bad:
        raise ValueError(f"invalid: {bad[0]}")
    if not justification.strip():
        raise ValueError("justification_required")
    body = {"kind": kind, "target": target, "justification": justification.strip()}
    return outbox.enqueue("POST", "/admin/requests", body, "admin_request", None, summary)


def queue_decision(outbox: Outbox, request: dict, me: str, decision: str, comment: str, summary: str) -> dict:
    """Queue an approval or a rejection of `request` by user `me`, unless the rules forbid it."""
    if decision == "approve":
        refusal = rules.approval_refusal(request, me)
        body: dict[str, Any] = {}
    else:
        refusal = rules.rejection_refusal(request, me, comment)
        body = {"comment": comment.strip()}
    if refusal:
        raise ValueError(refusal)
    path = api_path("admin", "requests", request["id"], "approve" if decision == "approve" else "reject")
    return outbox.enqueue("POST", path, body, "admin_request", request["id"], summary)


def queue_emergency(outbox: Outbox, user_id: str, role: str, justification: str, summary: str) -> dict:
    if role not in rules.DECIDING_ROLES:
        raise ValueError("invalid: role")
    if not justification.strip():
        raise ValueError("justification_required")
    body = {"user_id": user_id, "role": role, "justification": justification.strip()}
    return outbox.enqueue("POST", "/admin/emergency", body, "admin_request", None, summary)


def fetch_enrolment_code(client: PortalClient, request_id: str) -> dict:
    """GET the one-time enrolment code of an approved create_user / reset_credentials (once)."""
    answer = client.get(api_path("admin", "requests", request_id, "enrolment"))
    if not isinstance(answer, dict) or not all(isinstance(answer.get(k), str)
                                               for k in ("username", "enrolment_code", "expires_at")):
        raise PortalFault("the enrolment answer is not the expected shape")
    return answer


def start_enrolment(client: PortalClient, username: str, code: str, new_password: str) -> str:
    """POST /session/enrolment: the otpauth URI of a fresh TOTP secret (for this user's eyes only)."""
    answer = client._request("POST", "/session/enrolment", auth=False, json_body={
        "username": username, "enrolment_code": code, "new_password": new_password})
    uri = answer.get("totp_uri") if isinstance(answer, dict) else None
    if not isinstance(uri, str) or not uri.startswith("otpauth://totp/"):
        raise PortalFault("the enrolment answer holds no TOTP URI")
    return uri


def confirm_enrolment(client: PortalClient, username: str, code: str, totp: str) -> dict:
    """POST /session/enrolment/confirm; keeps the session token in the client as sign_in does."""
    answer = client._request("POST", "/session/enrolment/confirm", auth=False, json_body={
        "username": username, "enrolment_code": code, "totp": totp})
    if not isinstance(answer, dict) or not isinstance(answer.get("token"), str) \
            or not isinstance(answer.get("user"), dict):
        raise PortalFault("the enrolment answer has no token or user")
    try:
        client.set_token(answer["token"])
    except ValueError:
        raise PortalFault("the enrolment answer holds an unusable token") from None
    return {k: v for k, v in answer.items() if k != "token"}


def totp_secret(uri: str) -> str:
    """The base32 secret of an otpauth URI (shown as text beside the QR code)."""
    values = parse_qs(urlsplit(uri).query).get("secret") or [""]
    return unquote(values[0])
