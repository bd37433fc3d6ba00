"""User administration: judging administrator requests, their effects, and the sweep
that lets requests expire and time-limited grants fall away (PRODUCT.md, "Users and
roles change only with two administrators"). The rules are `rules.admin`'s; the HTTP
side is `routes/admin.py` and `routes/enrolment.py`.
"""

from __future__ import annotations

import datetime as dt
import logging

import pyotp

from rules import admin as rules

from . import auth, entities
from .api import PortalContext, iso
from .errors import ApiError, invalid_field

log = logging.getLogger("portal")

UNUSABLE_PASSWORD = "!"   # no scrypt record: no password matches until the user enrols


def parse_time(text) -> float | None:
    """An ISO 8601 time with a zone (or Z) -> epoch seconds; None when it is not one."""
    if not isinstance(text, str) or len(text) > 40:
        return None
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value.timestamp() if value.tzinfo is not None else None


def active_admins(tx, now: float) -> int:
    return sum(1 for u in tx.users() if u["active"] and "admin" in auth.effective(u, now)["roles"])


def staff_record(tx, user: dict, conflicts=None) -> dict | None:
    """Save the feed's record of a member of staff (kept for those who were staff once)."""
    existing = tx.get("staff", user["id"])
    if existing is None and not rules.STAFF_ROLES & set(user["roles"]):
        return None
    record = dict(existing or {})
    record.pop("version", None)
    record.update(id=user["id"], username=user["username"], display_name=user["display_name"],
                  roles=list(user["roles"]), active=bool(user["active"]),
                  grants=[{"role": g["role"], "expires_at": g.get("expires_at"), "emergency": bool(g.get("emergency"))}
                          for g in user["grants"]])
    record["conflicts"] = list(conflicts) if conflicts is not None else list(record.get("conflicts") or [])
    # A new member of staff is not certified until they pass the certification test (null: decides nothing).
    record.setdefault("certified_until", None)
    if user.get("org_id"):
        record["org_id"] = user["org_id"]
    return entities.save(tx, "staff", record)


def judge(tx, kind: str, target: dict, requester_id: str, now: float) -> dict:
    """Check a request's target; returns it normalised. Raises the contract's refusals in
    its order: 422 invalid_field, then 409 self_target, too_few_admins, separation_of_duties."""
    bad = rules.invalid_fields(kind, target)
    if bad:
        raise invalid_field(f"target.{bad[0]}: missing or not valid for {kind}.")
    target = dict(target)
    user = None
    if kind == "create_user":
        target = {"username": target["username"], "display_name": target["display_name"].strip(),
                  "roles": list(target["roles"]), "conflicts": [c.strip() for c in target.get("conflicts") or []],
                  "org_id": target.get("org_id") or None}
        if tx.user_by_username(target["username"]) is not None or tx.user_by_id(f"u-{target['username']}"):
            raise invalid_field("target.username: this username is taken.")
        if target["org_id"] is not None and (not isinstance(target["org_id"], str)
                                             or tx.get("organisation", target["org_id"]) is None):
            raise invalid_field("target.org_id: no such organisation.")
        roles_now, active = [], True
    else:
        user = tx.user_by_id(target["user_id"]) if len(target["user_id"]) <= 100 else None
        if user is None:
            raise invalid_field("target.user_id: no such user.")
        roles_now, active = auth.effective(user, now)["roles"], user["active"]
        if not active and kind != "set_conflicts":
            raise invalid_field("target.user_id: this user is deactivated.")
        allowed = {"grant_role": {"user_id", "role", "expires_at"}, "revoke_role": {"user_id", "role"},
                   "set_conflicts": {"user_id", "conflicts"}}.get(kind, {"user_id"})
        if set(target) - allowed:
            raise invalid_field(f"target: unexpected field {sorted(set(target) - allowed)[0]}.")
        if kind == "grant_role":
            expires = target.get("expires_at")
            if expires is not None:
                at = parse_time(expires)
                if at is None or at <= now:
                    raise invalid_field("target.expires_at: give a time in the future (ISO 8601 with a zone).")
                target["expires_at"] = iso(at)
            else:
                target["expires_at"] = None
            if any(g["role"] == target["role"] and not g.get("expires_at") for g in user["grants"]):
                raise invalid_field("target.role: the user holds this role already.")
            if target["role"] in rules.ORG_ROLES and not user.get("org_id"):
                raise invalid_field("target.role: this role needs an organisation.")
        if kind == "revoke_role" and target["role"] not in roles_now:
            raise invalid_field("target.role: the user does not hold this role.")
        if kind == "set_conflicts":
            target["conflicts"] = [c.strip() for c in target["conflicts"]]
    if rules.target_user_id(kind, target) == requester_id:
        raise ApiError(409, "self_target", "Nobody asks for a change about themselves; another administrator must.")
    if rules.leaves_too_few_admins(kind, target, roles_now, active, active_admins(tx, now)):
        raise ApiError(409, "too_few_admins", f"This would leave fewer than {rules.MIN_ADMINS} active "
                                              "administrators.")
    if rules.separation_of_duties(rules.roles_after(kind, target, roles_now)):
        raise ApiError(409, "separation_of_duties", "Nobody holds admin together with a deciding role "
                                                    "(caseworker, supervisor or coordinator).")
    return target


def take_effect(tx, request: dict, now: float) -> None:
    """Carry out an approved request (in the approving transaction)."""
    kind, target = request["kind"], request["target"]
    if kind == "create_user":
        user = {"id": f"u-{target['username']}", "username": target["username"],
                "display_name": target["display_name"], "roles": sorted(target["roles"]),
                "password_hash": UNUSABLE_PASSWORD, "totp_secret": pyotp.random_base32(),
                "org_id": target.get("org_id"),
                "grants": [{"role": r, "expires_at": None, "emergency": False} for r in sorted(target["roles"])]}
        tx.insert_user(user)
        staff_record(tx, tx.user_by_id(user["id"]), conflicts=target.get("conflicts") or [])
        tx.enrolment_ready(user["id"], request["id"], now)
        request["user_id"] = user["id"]
        request["enrolment"] = "ready"
        return
    user = tx.user_by_id(target["user_id"])
    grants = [dict(g) for g in user["grants"]]
    conflicts = None
    if kind == "grant_role":
        grants = [g for g in grants if g["role"] != target["role"]]
        grants.append({"role": target["role"], "expires_at": target.get("expires_at"), "emergency": False})
    elif kind == "revoke_role":
        grants = [g for g in grants if g["role"] != target["role"]]
    elif kind == rules.EMERGENCY_KIND:
        # Ratified: the emergency grant stands as an ordinary one.
        for g in grants:
            if g["role"] == target["role"] and g.get("emergency"):
                g.update(expires_at=None, emergency=False)
    elif kind == "set_conflicts":
        conflicts = target["conflicts"]
    elif kind == "reset_credentials":
        tx.user_set_credentials(user["id"], UNUSABLE_PASSWORD, pyotp.random_base32())
        tx.tokens_revoke_user(user["id"])
        tx.enrolment_ready(user["id"], request["id"], now)
        request["enrolment"] = "ready"
    elif kind == "deactivate":
        tx.user_set_active(user["id"], False)
        tx.tokens_revoke_user(user["id"])
    tx.user_set_grants(user["id"], grants)
    staff_record(tx, tx.user_by_id(user["id"]), conflicts=conflicts)


def drop_emergency_grant(tx, request: dict) -> None:
    """An emergency grant not ratified (rejected, or its 24 hours over) falls away."""
    user = tx.user_by_id(request["target"]["user_id"])
    if user is None:
        return
    kept = [g for g in user["grants"] if not (g["role"] == request["target"]["role"] and g.get("emergency"))]
    if kept != user["grants"]:
        tx.user_set_grants(user["id"], kept)
        staff_record(tx, tx.user_by_id(user["id"]))


def save_request(tx, request: dict) -> dict:
    return entities.save(tx, "admin_request", request)


def sweep(ctx: PortalContext) -> None:
    """Requests past their expiry become `expired`; grants past theirs fall away. Audited (actor none)."""
    now = ctx.clock()

    def due_requests(tx):
        return [r for r in tx.list("admin_request", owner="pending") if parse_time(r["expires_at"]) <= now]

    def lapsed_users(tx):
        return [u for u in tx.users_with_grants() if any(not auth.grant_live(g, now) for g in u["grants"])]

    with ctx.store.read() as tx:
        if not due_requests(tx) and not lapsed_users(tx):
            return
    with ctx.store.write() as tx:
        for request in due_requests(tx):
            request.update(status="expired", decided_at=iso(now))
            if request["kind"] == rules.EMERGENCY_KIND:
                drop_emergency_grant(tx, request)     # not ratified in time: the grant falls away
            save_request(tx, request)
            tx.audit_append(iso(now), None, "admin_request.expire", "admin_request", request["id"], "ok",
                            {"kind": request["kind"]})
        for user in lapsed_users(tx):
            lapsed = [g for g in user["grants"] if not auth.grant_live(g, now)]
            tx.user_set_grants(user["id"], [g for g in user["grants"] if auth.grant_live(g, now)])
            staff_record(tx, tx.user_by_id(user["id"]))
            for g in lapsed:
                tx.audit_append(iso(now), None, "grant.expire", "staff", user["id"], "ok",
                                {"role": g["role"], "expires_at": g["expires_at"],
                                 "emergency": bool(g.get("emergency"))})


def sweep_quietly(ctx: PortalContext) -> None:
    try:
        sweep(ctx)
    except Exception:  # a failed sweep must not fail the call; the next one retries
        log.exception("administration expiry sweep failed")
