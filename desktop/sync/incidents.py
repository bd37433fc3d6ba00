"""Incident reports in the offline copy, and the triage actions queued for the portal.

The Triage page, the dashboard and the alerts read through here (no SQL in the
views); every action is a POST queued in the outbox with its Idempotency-Key and
sent by the next sync.
"""

from __future__ import annotations

import json

from .api import api_path
from .cache import Cache
from .outbox import Outbox


def all_incidents(cache: Cache) -> list[dict]:
    """Every cached incident document."""
    return [json.loads(r["data"]) for r in cache.query("SELECT data FROM incidents ORDER BY reported_at, id")]


def by_id(cache: Cache) -> dict[str, dict]:
    return {i["id"]: i for i in all_incidents(cache)}


def organisation_sectors(cache: Cache) -> dict[str, str]:
    """Organisation id -> sector (to count incidents by the sectors they touch)."""
    return {r["id"]: r["sector"] for r in cache.query("SELECT id, sector FROM organisations")}


def staff_names(cache: Cache) -> dict[str, str]:
    return {r["id"]: r["display_name"] or r["id"] for r in cache.query("SELECT id, display_name FROM staff")}


def coordinators(cache: Cache) -> list[tuple[str, str]]:
    """(id, name) of the coordinators in the staff records, by name."""
    out = []
    for r in cache.query("SELECT id, display_name, roles FROM staff"):
        roles = json.loads(r["roles"]) if r["roles"] else []
        if "coordinator" in roles:
            out.append((r["id"], r["display_name"] or r["id"]))
    return sorted(out, key=lambda p: p[1].lower())


def queue_triage(outbox: Outbox, incident: dict, body: dict, summary: str) -> dict:
    """Queue `POST /incidents/{id}/triage`. Without `expected_version`: the clocks and new
    duplicates move an incident's version while nobody triages it, and each action is
    guarded by the status it starts from (a second acknowledge is refused `not_open`)."""
    return outbox.enqueue("POST", api_path("incidents", incident["id"], "triage"), body, "incident",
                          incident["id"], summary)


def queued_incident_ids(outbox: Outbox) -> set[str]:
    """Incidents with a triage action waiting to be sent."""
    return {r["entity_id"] for r in outbox.pending() if r.get("entity_kind") == "incident" and r.get("entity_id")}
