"""The Administration page's data, from the offline copy (no Qt): users with their grants,
and administrator requests sorted into waiting for me, made by me, and recently decided.
The rules are `rules.admin`'s, so the page greys what the portal would refuse."""

from __future__ import annotations

from dataclasses import dataclass

from rules import admin as rules

from ..sync.admin import admin_requests, is_admin_action, staff_records
from ..sync.outbox import PENDING_STATES

PENDING = "pending_send"       # a decision of mine waits in the outbox


@dataclass
class RequestItem:
    request: dict
    approve_block: str | None      # a rules.admin code, PENDING, or None
    reject_block: str | None       # same, before the comment is judged
    refused: dict | None = None    # the portal refused my last action on it (Needs attention)

    @property
    def id(self) -> str:
        return self.request["id"]


class AdminData:
    def __init__(self, workspace):
        self.cache = workspace.cache
        self.outbox = workspace.engine.outbox
        self.me = workspace.user.get("id") or ""

    def staff(self) -> list[dict]:
        return staff_records(self.cache)

    def staff_by_id(self) -> dict[str, dict]:
        return {s["id"]: s for s in self.staff()}

    def requests(self) -> list[dict]:
        return admin_requests(self.cache)

    def get(self, request_id: str) -> dict | None:
        return next((r for r in self.requests() if r["id"] == request_id), None)

    def items(self) -> dict[str, RequestItem]:
        pending_ids = {r.get("entity_id") for r in self.outbox.all()
                       if is_admin_action(r) and r.get("state") in PENDING_STATES}
        refused = {a.get("entity_id"): a for a in self.outbox.attention() if a.get("entity_kind") == "admin_request"}
        items = {}
        for request in self.requests():
            if request["id"] in pending_ids:
                approve = reject = PENDING
            else:
                approve = rules.approval_refusal(request, self.me)
                reject = approve
            items[request["id"]] = RequestItem(request, approve, reject, refused.get(request["id"]))
        return items

    def sorted_lists(self) -> tuple[list[RequestItem], list[RequestItem], list[RequestItem]]:
        """(waiting for me, requests I made, recent decisions), newest first."""
        items = list(self.items().values())
        waiting = [i for i in items if i.request.get("status") == "pending" and i.request.get("requested_by") != self.me]
        mine = [i for i in items if i.request.get("requested_by") == self.me]
        recent = [i for i in items if i.request.get("status") != "pending"]
        waiting.sort(key=lambda i: i.request.get("created_at") or "")
        mine.sort(key=lambda i: i.request.get("created_at") or "", reverse=True)
        recent.sort(key=lambda i: i.request.get("decided_at") or "", reverse=True)
        return waiting, mine, recent[:100]

    def other_admins(self) -> list[dict]:
        """Who is told of an emergency grant: every other active administrator."""
        return [s for s in self.staff() if "admin" in (s.get("roles") or []) and s.get("active", True)
                and s["id"] != self.me]

    def enrolment_ready(self, request: dict) -> bool:
        return (request.get("requested_by") == self.me and request.get("status") == "approved"
                and request.get("enrolment") == "ready")


def matches(record: dict, search: str) -> bool:
    """A user matches a search by name, username, role or conflict (case-insensitive)."""
    needle = search.strip().casefold()
    if not needle:
        return True
    hay = " ".join([record.get("display_name") or "", record.get("username") or "", record.get("id") or "",
                    *(record.get("roles") or []), *(record.get("conflicts") or [])]).casefold()
    return needle in hay
