"""Users and roles change only with two administrators (PRODUCT.md, contract v1.1).

The rules of administrator requests, written once: the portal enforces them, the
desktop shows them early (a greyed button with the reason, a form that refuses
before sending). Functions return a refusal code (the contract's) or None.
"""

from __future__ import annotations

import re

from .text import is_plain_text

KINDS = ("create_user", "grant_role", "revoke_role", "set_conflicts", "reset_credentials", "deactivate")
EMERGENCY_KIND = "emergency_grant"
ALL_KINDS = KINDS + (EMERGENCY_KIND,)
STATUSES = ("pending", "approved", "rejected", "expired")

DECIDING_ROLES = frozenset({"caseworker", "supervisor", "coordinator"})
STAFF_ROLES = DECIDING_ROLES | {"admin"}
STAFF_ROLES_ORDER = ("caseworker", "supervisor", "coordinator", "admin")
# Roles a request may give: staff roles, recipients of warnings and security operations centres
# (these two with their organisation).
ASSIGNABLE_ROLES = ("caseworker", "supervisor", "coordinator", "admin", "recipient", "soc")
ORG_ROLES = frozenset({"recipient", "soc"})

MIN_ADMINS = 2
REQUEST_DAYS = 7                 # a pending request expires after this
EMERGENCY_HOURS = 24             # a break-glass grant lasts at most this
ENROLMENT_HOURS = 72             # an enrolment code is valid this long
MIN_PASSWORD_LENGTH = 12

USERNAME = re.compile(r"^[a-z][a-z0-9._-]{1,39}$")


def grants_admin(kind: str, target: dict) -> bool:
    if kind == "create_user":
        return "admin" in (target.get("roles") or [])
    return kind in ("grant_role", EMERGENCY_KIND) and target.get("role") == "admin"


def required_approvals(kind: str, target: dict) -> int:
    """Administrators besides the requester: 1, or 2 for anything that grants admin."""
    return 2 if grants_admin(kind, target) else 1


def target_user_id(kind: str, target: dict) -> str | None:
    return None if kind == "create_user" else target.get("user_id")


def separation_of_duties(roles_after) -> bool:
    """True when one person would hold admin together with a deciding role."""
    roles = set(roles_after)
    return "admin" in roles and bool(roles & DECIDING_ROLES)


def roles_after(kind: str, target: dict, current_roles) -> list[str]:
    """The roles the target holds once the request takes effect."""
    roles = list(current_roles or [])
    if kind == "create_user":
        return sorted(set(target.get("roles") or []))
    if kind in ("grant_role", EMERGENCY_KIND) and target.get("role") not in roles:
        return sorted(roles + [target["role"]])
    if kind == "revoke_role":
        return sorted(r for r in roles if r != target.get("role"))
    if kind == "deactivate":
        return []
    return sorted(roles)


def leaves_too_few_admins(kind: str, target: dict, target_roles, target_active: bool, active_admins: int) -> bool:
    """Whether the change would leave fewer than MIN_ADMINS active administrators."""
    if not target_active or "admin" not in set(target_roles or []):
        return False
    loses_admin = (kind == "revoke_role" and target.get("role") == "admin") or kind == "deactivate"
    return loses_admin and active_admins - 1 < MIN_ADMINS


def approval_refusal(request: dict, me: str) -> str | None:
    """Why `me` (a user id) cannot approve this request, or None. In the contract's order."""
    if request.get("status") != "pending":
        return "not_open"
    if request.get("requested_by") == me:
        return "self_approval"
    if target_user_id(request.get("kind", ""), request.get("target") or {}) == me:
        return "self_target"
    if any(a.get("by") == me for a in request.get("approvals") or []):
        return "already_reviewed"
    return None


def rejection_refusal(request: dict, me: str, comment: str) -> str | None:
    """Why `me` cannot reject this request with `comment`, or None (same rules as approving)."""
    return approval_refusal(request, me) or (None if (comment or "").strip() else "comment_required")


def invalid_fields(kind: str, target: dict) -> list[str]:
    """The fields of a request's target that are malformed (beyond the portal's lookups)."""
    bad = []
    if kind not in ALL_KINDS:
        return ["kind"]
    if kind == "create_user":
        if not isinstance(target.get("username"), str) or not USERNAME.match(target["username"]):
            bad.append("username")
        name = target.get("display_name")
        if not isinstance(name, str) or not name.strip() or len(name) > 200 or not is_plain_text(name, single_line=True):
            bad.append("display_name")
        roles = target.get("roles")
        if (not isinstance(roles, list) or not roles or len(set(roles)) != len(roles)
                or any(r not in ASSIGNABLE_ROLES for r in roles)):
            bad.append("roles")
        elif set(roles) & ORG_ROLES and not target.get("org_id"):
            bad.append("org_id")
    else:
        if not isinstance(target.get("user_id"), str) or not target["user_id"]:
            bad.append("user_id")
    if kind in ("grant_role", "revoke_role", EMERGENCY_KIND) and target.get("role") not in ASSIGNABLE_ROLES:
        bad.append("role")
    if kind in ("create_user", "set_conflicts"):
        conflicts = target.get("conflicts", [] if kind == "create_user" else None)
        if (not isinstance(conflicts, list) or len(conflicts) > 50
                or any(not isinstance(c, str) or not c.strip() or len(c) > 200
                       or not is_plain_text(c, single_line=True) for c in conflicts)):
            bad.append("conflicts")
    return bad


def password_refusal(password: str) -> str | None:
    return None if len(password or "") >= MIN_PASSWORD_LENGTH else "weak_password"


def password_strength(password: str) -> int:
    """0 (too short) to 4 (strong): length first, then variety of character kinds."""
    password = password or ""
    if len(password) < MIN_PASSWORD_LENGTH:
        return 0
    kinds = sum(bool(re.search(p, password)) for p in (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^A-Za-z0-9]"))
    score = 1 + (len(password) >= 16) + (len(password) >= 20) + (kinds >= 3)
    return min(4, score)
