"""Saving domain entities: each kind with its audience and owner.

Routes and the demo seed call `save(tx, kind, data)`; the audience rules live
in `visibility`, the storage in `store`.
"""

from __future__ import annotations

from rules import warnings
from rules.warnings import REGIONS, SECTORS  # noqa: F401 (the demo and the bodies name them here)

from . import visibility

KINDS = ("staff", "researcher", "institution", "organisation", "application", "output", "sample",
         "warning", "acknowledgement", "incident",
         "admin_request")


def addressed_org_ids(tx, recipients: dict) -> list[str]:
    """The organisations a warning reaches (the rule: rules/warnings.py)."""
    return warnings.addressed_org_ids(tx.list("organisation"), recipients)


def audience_and_owner(tx, kind: str, data: dict) -> tuple[set[str], str | None]:
    if kind == "staff":
        return visibility.staff_audience(data), None
    if kind == "researcher":
        return visibility.researcher_audience(data), data.get("institution")
    if kind == "institution":
        members = [r["id"] for r in tx.list("researcher", owner=data["name"])]
        return visibility.institution_audience(data, members), None
    if kind == "organisation":
        return visibility.organisation_audience(data), data.get("sector")
    if kind == "application":
        return visibility.application_audience(data), data.get("applicant_id")
    if kind == "output":
        return visibility.output_audience(data), data.get("project_id")
    if kind == "sample":
        return visibility.sample_audience(data), None
    if kind == "warning":
        # listed by status: the expiry sweep reads only the sent ones (store.SCHEMA v2)
        return (visibility.warning_audience(data, addressed_org_ids(tx, data.get("recipients") or {})),
                data.get("status"))
    if kind == "acknowledgement":
        return visibility.acknowledgement_audience(data), data.get("warning_id")
    if kind == "incident":
        return visibility.incident_audience(data), data.get("status")
    if kind == "admin_request":
        # listed by status: the expiry sweep reads only the pending ones
        return visibility.admin_request_audience(data), data.get("status")
    raise ValueError(f"unknown entity kind {kind!r}")


def save(tx, kind: str, data: dict) -> dict:
    """Store the new state of an entity; returns it with its new version."""
    audience, owner = audience_and_owner(tx, kind, data)
    return tx.put(kind, data["id"], data, audience, owner)


def bulk_rows(tx, kind: str, items: list[dict]) -> list[tuple]:
    """Rows for `Tx.put_many` (seeding many new entities at once)."""
    rows = []
    for data in items:
        audience, owner = audience_and_owner(tx, kind, data)
        rows.append((kind, data["id"], data, audience, owner))
    return rows
