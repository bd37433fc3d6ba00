"""The caseworker's approvals queue, without Qt.

Which applications wait for a decision (status `submitted` or `in_review`),
oldest first; how many approvals each needs and has in its current round; its
risk; and, for the signed-in caseworker, which decisions they may take and why
not. The portal enforces every one of these rules; the client shows them early
(a greyed button with the reason) so that a decision the portal would refuse is
not even queued.

Everything here is a pure function over the cache's documents (application,
researcher and staff dicts) and the outbox's rows, except `ApprovalQueue`, a
thin reader that fetches those from a cache and an outbox. Messages are codes
with facts (`Block`); the views turn them into translated text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable

from . import certification as own_certification, outbox_marks

SENSITIVE_REGISTERS = frozenset({"LPR", "LMDB", "DODSAARS", "CAR", "PSYK"})
OPEN_STATUSES = ("submitted", "in_review")
DECISIONS = ("approve", "reject", "return")
ALL_DECISIONS = frozenset(DECISIONS)

# Why a decision is not possible. Where the portal has a refusal code for the
# same rule, the code is the portal's.
NOT_OPEN = "not_open"                        # decided already (approved, rejected, returned)
PENDING = "pending"                          # an own decision on it waits in the outbox
SENT = "sent"                                # sent and accepted; the portal's new state is not pulled yet
ALREADY_REVIEWED = "already_reviewed"        # reviewed by this user, in any round
CONFLICT = "conflict_of_interest"            # the user declared a conflict with the institution
OWN_APPLICATION = "own_application"          # the user is the applicant (the portal says conflict_of_interest)
CERTIFICATION = "certification_expired"      # the applicant's certification lapsed: approve only
NOT_CASEWORKER = "role_required"
OWN_CERTIFICATION = own_certification.OWN_CERTIFICATION   # the caseworker's own certification lapsed: nothing

# Queue filters
SHOW_ALL = "all"
SHOW_REVIEWABLE = "reviewable"
SHOW_BLOCKED = "blocked"


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


@dataclass(frozen=True)
class QueueItem:
    id: str
    title: str
    institution: str
    status: str
    version: int | None
    round: int
    submitted_at: str | None
    age_days: int | None
    required: int
    given: int                      # distinct approvals in the current round
    sensitive: bool
    registers: tuple
    applicant_id: str | None
    applicant_name: str
    certified_until: str | None     # the applicant's, as a date; None: unknown
    certification_valid: bool | None
    blocks: tuple = ()              # Block, most important first
    pending: dict | None = None     # {"decision", "state", "outbox_id"} of an own action not sent yet
    refused: dict | None = None     # the latest unresolved refusal of an own action on it (attention row)
    my_review: dict | None = None   # this user's review, any round

    def block_for(self, decision: str) -> Block | None:
        """The first reason `decision` is not possible, or None if it is."""
        return next((b for b in self.blocks if decision in b.decisions), None)

    def may(self, decision: str) -> bool:
        return self.block_for(decision) is None

    @property
    def reviewable(self) -> bool:
        """At least one decision is possible (a lapsed certification still lets
        the caseworker reject or return)."""
        return any(self.may(d) for d in DECISIONS)

    @property
    def fully_blocked(self) -> Block | None:
        """The reason nothing at all can be decided, or None."""
        return next((b for b in self.blocks if b.blocks_all), None)

    @property
    def ordinal(self) -> int:
        """Which approval this user's approve would be (1-based)."""
        return self.given + 1

    @property
    def approve_completes(self) -> bool:
        """An approve now would be the last one needed: the application is then approved."""
        return self.given + 1 >= self.required


# -- pure rules -----------------------------------------------------------------

def is_sensitive(registers: Iterable[str] | None) -> bool:
    return bool(SENSITIVE_REGISTERS & set(registers or ()))


def required_approvals(app: dict) -> int:
    """The portal's figure when it gives one; else 3 for a sensitive register, 2 otherwise."""
    value = app.get("required_approvals")
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    return 3 if is_sensitive(app.get("registers")) else 2


def current_round(app: dict) -> int:
    value = app.get("round")
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 1


def approvals_given(app: dict) -> int:
    """Distinct caseworkers who approved in the current round (earlier rounds do not count)."""
    this_round = current_round(app)
    return len({r.get("reviewer_id") or f"#{i}" for i, r in enumerate(_reviews(app))
                if r.get("decision") == "approve" and (r.get("round") or 1) == this_round})


def review_by(app: dict, user_id: str | None) -> dict | None:
    """This user's review of the application, in any round (the latest if several)."""
    if not user_id:
        return None
    mine = [r for r in _reviews(app) if r.get("reviewer_id") == user_id]
    return mine[-1] if mine else None


def certification(researcher: dict | None, today: dt.date) -> tuple[bool | None, str | None]:
    """(valid today?, until) of the applicant's certification; `certified_until` is
    inclusive, as on the portal. A missing record or date: (None, None)."""
    until = (researcher or {}).get("certified_until")
    if not isinstance(until, str) or len(until) < 10:
        return None, None
    try:
        return dt.date.fromisoformat(until[:10]) >= today, until[:10]
    except ValueError:
        return None, until[:10]


def age_days(timestamp: str | None, now: dt.datetime) -> int | None:
    if not timestamp:
        return None
    try:
        value = dt.datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    except ValueError:
        try:
            value = dt.datetime.combine(dt.date.fromisoformat(timestamp[:10]), dt.time())
        except ValueError:
            return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return max(0, (now - value).days)


def is_review_action(row: dict, application_id: str | None = None) -> bool:
    """An outbox row that is a review of an application (of this one, if given)."""
    return (row.get("entity_kind") == "application" and bool(row.get("entity_id"))
            and (application_id is None or row.get("entity_id") == application_id)
            and str(row.get("path") or "").endswith("/reviews"))


def review_path(application_id: str) -> str:
    return f"/applications/{application_id}/reviews"


def review_body(app: dict, decision: str, comment: str = "") -> dict:
    """The portal's review request for this application as the cache knows it
    (`expected_version` makes the portal refuse it if the case changed meanwhile)."""
    if decision not in DECISIONS:
        raise ValueError(f"unknown decision {decision!r}")
    comment = (comment or "").strip()
    if decision in ("reject", "return") and not comment:
        raise ValueError("a reject or return needs a comment")
    return {"decision": decision, "comment": comment, "expected_version": app.get("version")}


def blocks_for(app: dict, me: dict, *, researcher: dict | None, today: dt.date,
               pending: dict | None = None, sent: bool = False) -> tuple[Block, ...]:
    """Why this user may not take each decision, most important first.

    `me` is the user: {"id", "roles", "conflicts", "researcher_id"?} (the staff
    record's `conflicts`). `pending`: an own action on it not yet sent; `sent`: an
    own action was accepted but the pulled state does not show it yet.
    """
    blocks: list[Block] = []
    status = app.get("status")
    if "caseworker" not in set(me.get("roles") or ()):
        blocks.append(Block(NOT_CASEWORKER))
    elif me.get("certification_lapsed"):
        blocks.append(Block(OWN_CERTIFICATION, facts={"until": me.get("certified_until")}))
    if pending:
        blocks.append(Block(PENDING, facts={"decision": pending.get("decision"), "state": pending.get("state")}))
    elif sent:
        blocks.append(Block(SENT))
    if status not in OPEN_STATUSES:
        blocks.append(Block(NOT_OPEN, facts={"status": status}))
    mine = review_by(app, me.get("id"))
    if mine is not None:
        blocks.append(Block(ALREADY_REVIEWED, facts={"decision": mine.get("decision"), "at": mine.get("at"),
                                                     "round": mine.get("round") or 1}))
    institution = str(app.get("institution") or "")
    declared = {str(c).strip().casefold() for c in me.get("conflicts") or ()}
    if institution.strip().casefold() in declared and institution.strip():
        blocks.append(Block(CONFLICT, facts={"institution": institution}))
    if me.get("researcher_id") and me.get("researcher_id") == app.get("applicant_id"):
        blocks.append(Block(OWN_APPLICATION))
    valid, until = certification(researcher, today)
    if valid is False or (researcher is None and app.get("applicant_id")):
        # The portal counts a missing researcher record as lapsed too.
        blocks.append(Block(CERTIFICATION, frozenset({"approve"}), {"until": until}))
    return tuple(blocks)


def queue_item(app: dict, me: dict, *, researcher: dict | None, today: dt.date, now: dt.datetime,
               pending: dict | None = None, sent: bool = False, refused: dict | None = None) -> QueueItem:
    valid, until = certification(researcher, today)
    registers = tuple(str(r) for r in app.get("registers") or ())
    required = required_approvals(app)
    return QueueItem(
        id=app["id"], title=str(app.get("title") or ""), institution=str(app.get("institution") or ""),
        status=str(app.get("status") or ""), version=app.get("version"), round=current_round(app),
        submitted_at=app.get("submitted_at"), age_days=age_days(app.get("submitted_at"), now),
        required=required, given=approvals_given(app), sensitive=is_sensitive(registers) or required >= 3,
        registers=registers, applicant_id=app.get("applicant_id"),
        applicant_name=str((researcher or {}).get("name") or app.get("applicant_name")
                           or app.get("applicant_id") or ""),
        certified_until=until, certification_valid=valid,
        blocks=blocks_for(app, me, researcher=researcher, today=today, pending=pending, sent=sent),
        pending=pending, refused=refused, my_review=review_by(app, me.get("id")))


def pending_by_application(rows: Iterable[dict]) -> dict[str, dict]:
    return outbox_marks.pending_reviews(rows, is_review_action, "decision")


def sent_not_pulled(rows: Iterable[dict], apps_by_id: dict[str, dict], user_id: str | None) -> set[str]:
    return outbox_marks.sent_not_pulled(rows, apps_by_id, user_id, is_review_action, review_by)


def refused_by_application(attention_rows: Iterable[dict]) -> dict[str, dict]:
    return outbox_marks.refused_by_case(attention_rows, "application")


def build_queue(apps: Iterable[dict], me: dict, *, researchers: dict[str, dict], today: dt.date,
                now: dt.datetime, outbox_rows: Iterable[dict] = (), attention_rows: Iterable[dict] = ()
                ) -> list[QueueItem]:
    """Queue items for these applications, in the given order."""
    apps = list(apps)
    rows = list(outbox_rows)
    pending = pending_by_application(rows)
    sent = sent_not_pulled(rows, {a["id"]: a for a in apps}, me.get("id"))
    refused = refused_by_application(attention_rows)
    return [queue_item(a, me, researcher=researchers.get(a.get("applicant_id") or ""), today=today, now=now,
                       pending=pending.get(a["id"]), sent=a["id"] in sent, refused=refused.get(a["id"]))
            for a in apps]


def keep(item: QueueItem, show: str) -> bool:
    if show == SHOW_REVIEWABLE:
        return item.reviewable
    if show == SHOW_BLOCKED:
        return not item.reviewable
    return True


def next_reviewable(ids: list[str], items: dict[str, QueueItem], after: str | None,
                    *, wrap: bool = True) -> str | None:
    """The first reviewable application after `after` in the queue's order (from
    the top when `after` is None or gone), wrapping round; None if there is none.
    `after` itself is only chosen when it is the only reviewable one."""
    if not ids:
        return None
    start = ids.index(after) + 1 if after in ids else 0
    order = ids[start:] + (ids[:start] if wrap else [])
    for app_id in order:
        item = items.get(app_id)
        if item is not None and item.reviewable and app_id != after:
            return app_id
    item = items.get(after) if after else None
    return after if item is not None and item.reviewable and wrap else None


def utc_today(now: dt.datetime | None = None) -> dt.date:
    """Certification is judged on the portal's (UTC) date."""
    return (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).date()


# -- reading the cache -------------------------------------------------------------

class ApprovalQueue:
    """Reads the queue from a cache and an outbox (no Qt, no network). The status
    filter and the order run in SQL; the per-user rules above run over the few
    open applications."""

    SORTS = ("submitted_at", "title", "institution", "status", "required_approvals", "id")

    def __init__(self, cache: Any, outbox: Any, user: dict):
        self.cache = cache
        self.outbox = outbox
        self.user = user

    def me(self) -> dict:
        staff = self.cache.get("staff", self.user.get("id") or "") or {}
        return {"id": self.user.get("id"), "roles": self.user.get("roles") or staff.get("roles") or [],
                "conflicts": staff.get("conflicts") or [], "researcher_id": self.user.get("researcher_id"),
                **own_certification.decider_facts(staff or None)}

    def ids(self, order_by: str = "submitted_at", descending: bool = False, search: str | None = None) -> list[str]:
        """Open applications, oldest first by default; status filter, full-text
        search and order all in SQL."""
        if order_by not in self.SORTS:
            order_by = "submitted_at"
        return self.cache.application_ids(search=search or None, status=list(OPEN_STATUSES), order_by=order_by,
                                          descending=descending)

    def items(self, ids: list[str], now: dt.datetime | None = None) -> list[QueueItem]:
        """Queue items for these applications (any status), in the order of `ids`."""
        now = now or dt.datetime.now(dt.timezone.utc)
        apps = self.cache.rows("application", list(ids))
        applicants = sorted({a.get("applicant_id") for a in apps if a.get("applicant_id")})
        researchers = {r["id"]: r for r in self.cache.rows("researcher", applicants)}
        return build_queue(apps, self.me(), researchers=researchers, today=utc_today(now), now=now,
                           outbox_rows=self._own_actions(), attention_rows=self.outbox.attention())

    def item(self, application_id: str, now: dt.datetime | None = None) -> QueueItem | None:
        found = self.items([application_id], now)
        return found[0] if found else None

    def _own_actions(self) -> list[dict]:
        return sorted((r for r in self.outbox.all() if is_review_action(r)), key=lambda r: r["id"])

    def decide(self, application_id: str, decision: str, comment: str, summary: str,
               expected_version: int | None = None) -> dict:
        """Queue one decision in the outbox, against the cached version (or refuse,
        ValueError, when the cache already holds a newer one than `expected_version`,
        the one the user looked at). Also refuses what the rules above forbid, so
        that nothing is queued that the portal would certainly refuse (e.g. a second
        decision while one is pending)."""
        app = self.cache.get("application", application_id)
        if app is None:
            raise ValueError("unknown application")
        if expected_version is not None and app.get("version") != expected_version:
            raise ValueError("the application changed")
        item = self.item(application_id)
        block = item.block_for(decision) if item else None
        if block is not None:
            raise ValueError(f"not allowed: {block.code}")
        body = review_body(app, decision, comment)
        return self.outbox.enqueue("POST", review_path(application_id), body, "application", application_id, summary)


def _reviews(app: dict) -> list[dict]:
    reviews = app.get("reviews")
    return [r for r in reviews if isinstance(r, dict)] if isinstance(reviews, list) else []
