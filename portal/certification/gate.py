"""The certification gate: a person whose own certification has lapsed decides nothing
and submits nothing. Every decision route asks here, in one place.

Where it sits in the contract's refusal order: it is about the caller, like the role,
so it comes right after 403 `role_required` and before anything about the target
(404, the body, the 409s): 401, 403 `role_required`, 403 `own_certification_expired`
(staff) or `certification_expired` (a researcher submitting an output), 404, ...

Decisions gated (staff): application reviews, output reviews, warning co-sign and
send, approving administrator requests.
"""

from __future__ import annotations

from fastapi import Depends

from rules import certification as rule

from ..api import PortalContext, context, require
from ..errors import ApiError

STAFF_CODE = "own_certification_expired"
RESEARCHER_CODE = "certification_expired"


def _today(ctx: PortalContext):
    return rule.today_utc(ctx.clock())


def staff_lapsed(ctx: PortalContext, until) -> ApiError:
    return ApiError(403, STAFF_CODE,
                    "Your own certification has lapsed"
                    + (f" (valid until {until[:10]})" if isinstance(until, str) else "")
                    + ". You can read everything but decide nothing until you pass the certification test.",
                    extra={"certified_until": until})


def refuse_lapsed_staff(ctx: PortalContext, tx, user: dict) -> None:
    """403 `own_certification_expired` unless the caller is certified today (their staff record;
    for one who has none, their researcher record; neither: lapsed)."""
    from .attempts import current_until
    until = current_until(tx, user)
    if not rule.is_valid(until, _today(ctx)):
        raise staff_lapsed(ctx, until)


def refuse_lapsed_researcher(ctx: PortalContext, researcher: dict) -> None:
    """403 `certification_expired` unless this researcher is certified today."""
    until = (researcher or {}).get("certified_until")
    if not rule.is_valid(until, _today(ctx)):
        raise ApiError(403, RESEARCHER_CODE,
                       "Your certification has lapsed"
                       + (f" (valid until {until[:10]})" if isinstance(until, str) else "")
                       + ". Pass the certification test before you submit outputs.",
                       extra={"certified_until": until})


def certified_decider(*roles: str):
    """A dependency for routes whose role check is a dependency: the role, then the gate."""
    role_check = require(*roles)

    def check(user: dict = Depends(role_check), ctx: PortalContext = Depends(context)) -> dict:
        with ctx.store.read() as tx:
            refuse_lapsed_staff(ctx, tx, user)
        return user

    check.certified = True    # read by app.caller_refusal (a body that is not JSON)
    return check
