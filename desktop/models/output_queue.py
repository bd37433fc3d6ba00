"""The output queue read from the cache and the outbox (no Qt, no network): the ids for a
filter, sorted in the cache; queue items with this supervisor's blocks; decisions and
management samples queued in the outbox.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from . import certification
from .outputs import (QueueItem, SHOW_DECIDED, SHOW_HELD, SHOW_RELEASED, SHOW_REVIEWABLE, SHOW_WITHHELD, SORTS,
                      _SHOW_STATUSES, is_review_action, is_sample_action, keep, pending_by_output, queue_item,
                      refused_by_output, review_body, review_path, sample_body, sent_not_pulled)


class OutputQueue:
    """Reads the queue from a cache and an outbox (no Qt, no network)."""

    def __init__(self, cache: Any, outbox: Any, user: dict):
        self.cache = cache
        self.outbox = outbox
        self.user = user

    def me(self) -> dict:
        staff = self.cache.get("staff", self.user.get("id") or "") or {}
        return {"id": self.user.get("id"), "roles": self.user.get("roles") or staff.get("roles") or [],
                "researcher_id": self.user.get("researcher_id"), **certification.decider_facts(staff or None)}

    def ids(self, show: str = SHOW_HELD, order_by: str = "submitted_at", descending: bool = False, *,
            search: str | None = None, verdict: str | None = None, sampled: bool | None = None) -> list[str]:
        """Ids for a filter, sorted in SQL. Released and withheld outputs count as
        decided only when they went through a person (sampled, flagged or reviewed);
        "all" includes the clean ones released at once."""
        if order_by not in SORTS:
            order_by = "submitted_at"
        ids = self.cache.output_queue_ids(_SHOW_STATUSES.get(show, ("held",)), order_by=order_by,
                                          descending=descending,
                                          through_a_person=show in (SHOW_RELEASED, SHOW_WITHHELD, SHOW_DECIDED),
                                          search=search, verdict=verdict, sampled=sampled)
        if show == SHOW_REVIEWABLE:
            ids = [i.id for i in self.items(ids) if keep(i, show)]
        return ids

    def items(self, ids: list[str], now: dt.datetime | None = None) -> list[QueueItem]:
        now = now or dt.datetime.now(dt.timezone.utc)
        outputs = self.cache.rows("output", list(ids))
        researcher_ids = sorted({o.get("researcher_id") for o in outputs if o.get("researcher_id")})
        researchers = {r["id"]: r for r in self.cache.rows("researcher", researcher_ids)}
        sample_ids = sorted({(o.get("sample") or {}).get("id") for o in outputs
                             if isinstance(o.get("sample"), dict) and (o.get("sample") or {}).get("id")})
        samples = {s["id"]: s for s in self.cache.rows("sample", sample_ids)}
        rows = self._own_actions()
        pending = pending_by_output(rows)
        sent = sent_not_pulled(rows, {o["id"]: o for o in outputs}, self.user.get("id"))
        refused = refused_by_output(self.outbox.attention())
        me = self.me()
        return [queue_item(o, me, researcher=researchers.get(o.get("researcher_id") or ""),
                           sample=samples.get((o.get("sample") or {}).get("id") or "")
                           if isinstance(o.get("sample"), dict) else None, now=now,
                           pending=pending.get(o["id"]), sent=o["id"] in sent, refused=refused.get(o["id"]))
                for o in outputs]

    def item(self, output_id: str, now: dt.datetime | None = None) -> QueueItem | None:
        found = self.items([output_id], now)
        return found[0] if found else None

    def counts(self) -> dict[str, int]:
        return self.cache.output_status_counts()

    def _own_actions(self) -> list[dict]:
        return sorted((r for r in self.outbox.all() if is_review_action(r)), key=lambda r: r["id"])

    def pending_samples(self) -> list[dict]:
        return [r for r in self.outbox.pending() if is_sample_action(r)]

    def decide(self, output_id: str, verdict: str, comment: str, summary: str,
               expected_version: int | None = None, reason: str | None = None) -> dict:
        """Queue one review in the outbox against the version the user looked at
        (ValueError if the cache holds a newer one, or the rules above forbid it)."""
        output = self.cache.get("output", output_id)
        if output is None:
            raise ValueError("unknown output")
        if expected_version is not None and output.get("version") != expected_version:
            raise ValueError("the output changed")
        item = self.item(output_id)
        block = item.block_for(verdict) if item else None
        if block is not None:
            raise ValueError(f"not allowed: {block.code}")
        body = review_body(output, verdict, comment, reason)
        return self.outbox.enqueue("POST", review_path(output_id), body, "output", output_id, summary)

    def request_sample(self, scope: str, target_id: str, count: int, reason: str, summary: str) -> dict:
        body = sample_body(scope, target_id, count, reason)
        return self.outbox.enqueue("POST", "/samples", body, "sample", None, summary)

    # -- choices for the sample dialog -------------------------------------------------
    def projects(self) -> list[dict]:
        """Projects known from the outputs in the cache (supervisors do not see
        applications): [{"id", "researcher_id", "researcher_name", "outputs", "open"}]."""
        rows = self.cache.output_projects()
        names = {r["id"]: r.get("name") for r in
                 self.cache.rows("researcher", sorted({r["researcher_id"] for r in rows if r["researcher_id"]}))}
        return [{"id": r["project_id"], "researcher_id": r["researcher_id"],
                 "researcher_name": names.get(r["researcher_id"]) or r["researcher_id"] or "",
                 "outputs": r["n"], "held": r["held"] or 0} for r in rows]

    def researchers(self) -> list[dict]:
        return [{"id": r["id"], "name": r["name"] or r["id"], "institution": r["institution"] or "",
                 "outputs": r["outputs"]} for r in self.cache.researchers_with_output_counts()]

    def samples_by(self, user_id: str | None) -> list[dict]:
        """Management samples this user drew, newest first (from the cache)."""
        ids = self.cache.management_sample_ids()
        return [s for s in self.cache.rows("sample", ids) if s.get("drawn_by") == user_id]
