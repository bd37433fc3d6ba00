"""Marks a queue shows for the user's own actions, read from the outbox and the
attention list (no Qt): still waiting to be sent, sent but not pulled back yet,
refused by the portal. Shared by the approvals and output-check queues."""

from __future__ import annotations

from typing import Callable, Iterable


def pending_reviews(rows: Iterable[dict], is_review_action: Callable[[dict], bool], field: str) -> dict[str, dict]:
    """Own review actions still in the outbox (queued or sending), by case; the newest wins.
    `field` is the body's decision field ("decision" or "verdict")."""
    found: dict[str, dict] = {}
    for row in rows:
        if row.get("state") in ("queued", "sending") and is_review_action(row):
            body = row.get("body") if isinstance(row.get("body"), dict) else {}
            found[row["entity_id"]] = {field: body.get(field), "state": row.get("state"),
                                       "outbox_id": row.get("id"), "created_at": row.get("created_at")}
    return found


def sent_not_pulled(rows: Iterable[dict], cases_by_id: dict[str, dict], user_id: str | None,
                    is_review_action: Callable[[dict], bool],
                    review_by: Callable[[dict, str | None], dict | None]) -> set[str]:
    """Cases with an own review the portal accepted that the cache does not show yet
    (the pull after the push has not happened): they cannot be decided again."""
    out = set()
    for row in rows:
        if row.get("state") == "done" and is_review_action(row):
            case = cases_by_id.get(row["entity_id"])
            if case is not None and review_by(case, user_id) is None:
                out.add(row["entity_id"])
    return out


def refused_by_case(attention_rows: Iterable[dict], kind: str) -> dict[str, dict]:
    """Unresolved refusals of this kind of case, by case id."""
    found: dict[str, dict] = {}
    for row in attention_rows:
        if not row.get("resolved") and row.get("entity_kind") == kind and row.get("entity_id"):
            found[row["entity_id"]] = row
    return found
