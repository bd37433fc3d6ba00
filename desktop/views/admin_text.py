"""Texts of the Administration page: what a request asks, its status, and why a decision
is not possible (the rule, as the review queues say it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from rules import admin as rules

from ..models import labels
from ..models.admin import PENDING


def _t(text: str) -> str:
    return QCoreApplication.translate("AdminText", text)


def status(value: str | None) -> str:
    return {"pending": _t("Waiting"), "approved": _t("Approved"), "rejected": _t("Rejected"),
            "expired": _t("Expired")}.get(value or "", value or "")


def person(staff_by_id: dict, user_id: str | None) -> str:
    record = staff_by_id.get(user_id or "")
    if record:
        return f"{record.get('display_name') or record.get('username')} ({record.get('username')})"
    return user_id or "?"


def roles_text(roles) -> str:
    return ", ".join(labels.role(r) for r in roles or []) or _t("no roles")


def describe(request: dict, staff_by_id: dict) -> str:
    """One line: what the request asks for, about whom."""
    kind, target = request.get("kind"), request.get("target") or {}
    who = person(staff_by_id, target.get("user_id"))
    role = labels.role(target.get("role") or "")
    if kind == "create_user":
        return _t("Create user %1 (%2) as %3").replace("%1", target.get("display_name") or "?") \
            .replace("%2", target.get("username") or "?").replace("%3", roles_text(target.get("roles")))
    if kind == "grant_role":
        if target.get("expires_at"):
            return _t("Give %1 the role %2 until %3").replace("%1", who).replace("%2", role) \
                .replace("%3", labels.local_time(target["expires_at"]))
        return _t("Give %1 the role %2").replace("%1", who).replace("%2", role)
    if kind == "revoke_role":
        return _t("Take the role %2 from %1").replace("%1", who).replace("%2", role)
    if kind == "set_conflicts":
        conflicts = ", ".join(target.get("conflicts") or []) or _t("none")
        return _t("Set the declared conflicts of %1 to: %2").replace("%1", who).replace("%2", conflicts)
    if kind == "reset_credentials":
        return _t("Reset the password and authenticator of %1").replace("%1", who)
    if kind == "deactivate":
        return _t("Deactivate %1").replace("%1", who)
    if kind == rules.EMERGENCY_KIND:
        return _t("Emergency access: %1 holds %2 now; ratify or it ends at %3").replace("%1", who) \
            .replace("%2", role).replace("%3", labels.local_time(request.get("expires_at")))
    return str(kind)


def block(code: str | None) -> str:
    """Why I cannot decide: the rule, in a sentence."""
    return {
        "not_open": _t("This request is already decided or has expired."),
        "self_approval": _t("You made this request: another administrator must decide it."),
        "self_target": _t("This request is about you: another administrator must decide it."),
        "already_reviewed": _t("You have approved it already: it needs another administrator."),
        "comment_required": _t("A rejection needs a comment giving the reason."),
        PENDING: _t("Your decision is waiting to be sent; wait until the portal has answered."),
    }.get(code or "", code or "")


def refusal(code: str | None) -> str:
    """A refusal of a new request, shown before sending (same words as the portal's rules)."""
    return {
        "justification_required": _t("Say why this change is needed."),
        "self_target": _t("Nobody asks for a change about themselves; another administrator must."),
        "too_few_admins": _t("This would leave fewer than 2 active administrators."),
        "separation_of_duties": _t("Nobody holds admin together with a deciding role (caseworker, supervisor "
                                   "or coordinator)."),
        "username": _t("A username is 2 to 40 small letters, digits, dots, dashes or underscores, "
                       "starting with a letter."),
        "display_name": _t("Give the person's name."),
        "roles": _t("Choose at least one role."),
        "org_id": _t("A recipient or a security operations centre needs an organisation."),
        "role": _t("Choose a role."),
        "user_id": _t("Choose a user."),
        "conflicts": _t("Each conflict is an institution's name."),
        "taken": _t("This username is taken."),
        "holds_role": _t("The user holds this role already."),
        "lacks_role": _t("The user does not hold this role."),
    }.get(code or "", code or "")
