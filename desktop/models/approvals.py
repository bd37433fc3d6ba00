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
from dataclasses import dataclass
from typing import Any, Iterable

from rules.applications import (ALL_DECISIONS, ALREADY_REVIEWED, CERTIFICATION, CONFLICT, DECISIONS,  # noqa: F401
                                NOT_OPEN, OPEN_STATUSES, OWN_APPLICATION, SENSITIVE_REGISTERS, Block,
                                approvals_given, certification, current_round, is_sensitive, required_approvals,
                                review_blocks, review_by)
from rules.timestamps import age_days  # noqa: F401 (queue items' age)

from . import certification as own_certification, outbox_marks

# Why a decision is not possible, besides the portal's rules (rules/applications.py):
# the desktop's own state of the case.
PENDING = "pending"                          # an own decision on it waits in the outbox
SENT = "sent"                                # sent and accepted; the portal's new state is not pulled yet
NOT_CASEWORKER = "role_required"
OWN_CERTIFICATION = own_certification.OWN_CERTIFICATION   # the caseworker's own certification lapsed: nothing

# Queue filters
SHOW_ALL = "all"
SHOW_REVIEWABLE = "reviewable"
SHOW_BLOCKED = "blocked"


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
    if "caseworker" not in set(me.get("roles") or ()):
        blocks.append(Block(NOT_CASEWORKER))
    elif me.get("certification_lapsed"):
        blocks.append(Block(OWN_CERTIFICATION, facts={"until": me.get("certified_until")}))
    if pending:
        blocks.append(Block(PENDING, facts={"decision": pending.get("decision"), "state": pending.get("state")}))
    elif sent:
        blocks.append(Block(SENT))
    blocks.extend(review_blocks(app, me, researcher=researcher, today=today))
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

