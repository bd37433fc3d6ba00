"""Project applications: sensitive registers, approvals needed and given, and why a
caseworker may not review one.

The portal enforces these (`portal/routes/applications.py` turns a `Block` code
into its refusal); the desktop shows them early (`desktop/models/approvals.py`
turns the same codes into greyed buttons with the reason). Codes are the
portal's refusal codes, except `own_application`, which the portal answers as
`conflict_of_interest`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable

# Registers whose request makes an application need three approvals and raises
# the sampling risk of its outputs (health data and causes of death).
SENSITIVE_REGISTERS = frozenset({
    "LPR",        # national patient register
    "LMDB",       # medicinal product statistics
    "DODSAARS",   # causes of death
    "CAR",        # cancer register
    "PSYK",       # psychiatric central research register
})
OPEN_STATUSES = ("submitted", "in_review")
DECISIONS = ("approve", "reject", "return")
ALL_DECISIONS = frozenset(DECISIONS)
NEEDS_COMMENT = frozenset({"reject", "return"})

# Why a review is not possible, in the contract's refusal order.
NOT_OPEN = "not_open"                        # decided already (approved, rejected, returned)
ALREADY_REVIEWED = "already_reviewed"        # reviewed by this user, in any round
CONFLICT = "conflict_of_interest"            # the user declared a conflict with the institution
OWN_APPLICATION = "own_application"          # the user is the applicant (the portal says conflict_of_interest)
CERTIFICATION = "certification_expired"      # the applicant's certification lapsed: approve only


@dataclass(frozen=True)
class Block:
    """One reason a decision is not possible. `decisions` are the ones it blocks;
    `facts` feed the message (institution, date, decision, state)."""
    code: str
    decisions: frozenset = ALL_DECISIONS
    facts: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def blocks_all(self) -> bool:
        return self.decisions >= ALL_DECISIONS


def _positive_int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def is_sensitive(registers: Iterable[str] | None) -> bool:
    return bool(SENSITIVE_REGISTERS & set(registers or ()))


def sensitive_of(registers: Iterable[str] | None) -> list[str]:
    """The requested registers that are sensitive, in the order requested."""
    return [r for r in registers or () if r in SENSITIVE_REGISTERS]


def approvals_needed(registers: Iterable[str] | None) -> int:
    """2 distinct approvals for standard data, 3 when a sensitive register is requested."""
    return 3 if is_sensitive(registers) else 2


def required_approvals(app: dict) -> int:
    """The application's recorded figure when it has one; else the rule."""
    return _positive_int(app.get("required_approvals")) or approvals_needed(app.get("registers"))


def reviews_of(app: dict) -> list[dict]:
    reviews = app.get("reviews")
    return [r for r in reviews if isinstance(r, dict)] if isinstance(reviews, list) else []


def current_round(app: dict) -> int:
    return _positive_int(app.get("round")) or 1


def approvers(app: dict, reviews: Iterable[dict] | None = None) -> set[str]:
    """Distinct caseworkers who approved in the current round (a resubmission starts afresh)."""
    this_round = current_round(app)
    return {r.get("reviewer_id") or f"#{i}" for i, r in enumerate(reviews_of(app) if reviews is None else reviews)
            if r.get("decision") == "approve" and (_positive_int(r.get("round")) or 1) == this_round}


def approvals_given(app: dict) -> int:
    return len(approvers(app))


def status_after(app: dict, decision: str, reviews: list[dict]) -> str:
    """The application's status once `reviews` (including the new one) stand."""
    if decision == "approve":
        return "approved" if len(approvers(app, reviews)) >= required_approvals(app) else "in_review"
    return "rejected" if decision == "reject" else "returned"


def review_by(app: dict, user_id: str | None) -> dict | None:
    """This user's review of the application, in any round (the latest if several)."""
    if not user_id:
        return None
    mine = [r for r in reviews_of(app) if r.get("reviewer_id") == user_id]
    return mine[-1] if mine else None


def certification(researcher: dict | None, today: dt.date) -> tuple[bool | None, str | None]:
    """(valid today?, until) of a certification; `certified_until` is inclusive.
    A missing record or date: (None, None); an unreadable date: (None, text)."""
    until = (researcher or {}).get("certified_until")
    if not isinstance(until, str) or len(until) < 10:
        return None, None
    try:
        return dt.date.fromisoformat(until[:10]) >= today, until[:10]
    except ValueError:
        return None, until[:10]


def conflicted(app: dict, conflicts: Iterable[str] | None) -> bool:
    """The user declared a conflict of interest with the application's institution."""
    institution = str(app.get("institution") or "").strip().casefold()
    return bool(institution) and institution in {str(c).strip().casefold() for c in conflicts or ()}


def review_blocks(app: dict, me: dict, *, researcher: dict | None, today: dt.date) -> tuple[Block, ...]:
    """Why this user may not review the application, in the contract's refusal order.

    `me` is {"id", "conflicts", "researcher_id"?} (the staff record's `conflicts`);
    `researcher` the applicant's record. A missing record or date counts as lapsed.
    """
    blocks: list[Block] = []
    status = app.get("status")
    if status not in OPEN_STATUSES:
        blocks.append(Block(NOT_OPEN, facts={"status": status}))
    mine = review_by(app, me.get("id"))
    if mine is not None:
        blocks.append(Block(ALREADY_REVIEWED, facts={"decision": mine.get("decision"), "at": mine.get("at"),
                                                     "round": mine.get("round") or 1}))
    if conflicted(app, me.get("conflicts")):
        blocks.append(Block(CONFLICT, facts={"institution": str(app.get("institution") or "")}))
    # Nobody approves their own application, whatever roles they hold.
    if me.get("researcher_id") and me.get("researcher_id") == app.get("applicant_id"):
        blocks.append(Block(OWN_APPLICATION))
    valid, until = certification(researcher, today)
    if valid is not True and (researcher is not None or app.get("applicant_id")):
        # Approving needs a certification known to be valid today.
        blocks.append(Block(CERTIFICATION, frozenset({"approve"}), {"until": until}))
    return tuple(blocks)


def first_block(blocks: Iterable[Block], decision: str, codes: Iterable[str]) -> Block | None:
    """The first block among `codes` that stops `decision`."""
    wanted = set(codes)
    return next((b for b in blocks if b.code in wanted and decision in b.decisions), None)
