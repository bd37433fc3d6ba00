"""Incident reports from security operations centres (role `soc`) and their triage by coordinators.

Calls (under /api/v1; every POST through `perform`: one audited, idempotent write):
- `POST /incidents` (soc) `{title, description, severity, tlp, occurred_at, detected_at,
  affected:{org_ids, sectors, regions}, indicators:[{type, value}], nis2_significant}` ->
  201 the incident, status `new`; indicators in their normal form (rules.indicators);
  linked with the incidents that share an indicator (`duplicates`).
- `POST /incidents/{id}/updates` (the reporting centre) `{kind: early_warning|notification|
  final_report|note, text}` -> 201 the incident; an update of a clock's kind meets that clock.
- `POST /incidents/{id}/triage` (coordinator) `{action, user_id?, into?, reason?, note?,
  expected_version?}` -> 201 the incident. `acknowledge` (new only); `assign {user_id}` (an
  active coordinator; a new incident is acknowledged by it); `merge {into}` (new or
  acknowledged, into another incident that is neither merged nor dismissed: it ends as
  `merged`, the other takes over its indicators and affected parties); `dismiss {reason}` (new
  or acknowledged); `close` (new, acknowledged or warned). `note` is kept in the triage log,
  which only coordinators and admin see.
- `GET /incidents/{id}` (coordinator, admin, the reporting centre) and
  `GET /incidents/{id}/stix` (coordinator): a STIX 2.1 bundle.

Refusal order: 401, 403 `role_required`, 404 `not_found` (also for another centre's incident:
a centre does not learn which others exist), 422 `invalid_field`, 409 `not_open`,
`version_conflict`, then 422 `comment_required` (dismiss without a reason).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading
from contextlib import asynccontextmanager
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from rules import indicators as rules_indicators

from .. import entities, incidents
from ..api import PortalContext, context, iso, perform, require
from ..errors import ApiError, invalid_field, not_found
from ..visibility import project
from .warnings import SEVERITIES, TLPS, check_text, parse_valid_until

MAX_TITLE, MAX_TEXT, MAX_INDICATORS = 300, 20_000, 500
CLOCK_SKEW = 300          # a detection "now" from a clock a little ahead is still accepted
SWEEP_SECONDS = 30.0

log = logging.getLogger("portal")


def _sweep_quietly(ctx: PortalContext) -> None:
    try:
        incidents.sweep_clocks(ctx)
    except Exception:  # noqa: BLE001 - a failed sweep must not fail the call; the next one retries
        log.exception("incident clock sweep failed")


@asynccontextmanager
async def _lifespan(app):
    """Clocks run out while nobody calls: a thread of the portal process stores it (see incidents.sweep_clocks)."""
    ctx = getattr(app.state, "ctx", None)
    stop = threading.Event()
    thread = None
    if ctx is not None:
        def loop():
            while not stop.wait(SWEEP_SECONDS):
                _sweep_quietly(ctx)
        thread = threading.Thread(target=loop, name="incident-clocks", daemon=True)
        thread.start()
    try:
        yield None
    finally:
        stop.set()
        if thread is not None:
            await asyncio.get_running_loop().run_in_executor(None, thread.join, 5)


router = APIRouter(lifespan=_lifespan)

OrgId = Annotated[str, Field(min_length=1, max_length=40)]


class AffectedIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    org_ids: list[OrgId] = Field(default_factory=list, max_length=5000)
    sectors: list[Literal[entities.SECTORS]] = Field(default_factory=list, max_length=20)
    regions: list[Literal[entities.REGIONS]] = Field(default_factory=list, max_length=20)


class IndicatorIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: Literal[rules_indicators.TYPES]
    value: str = Field(max_length=rules_indicators.MAX_VALUE)


class IncidentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str = Field(max_length=MAX_TITLE)
    description: str = Field(max_length=MAX_TEXT)
    severity: Literal[SEVERITIES]
    tlp: Literal[TLPS]
    occurred_at: str = Field(max_length=40)
    detected_at: str = Field(max_length=40)
    affected: AffectedIn
    indicators: list[IndicatorIn] = Field(default_factory=list, max_length=MAX_INDICATORS)
    nis2_significant: bool = Field(strict=True)


class UpdateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal[incidents.UPDATE_KINDS]
    text: str = Field(max_length=MAX_TEXT)


class TriageIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    action: Literal["acknowledge", "assign", "merge", "dismiss", "close"]
    user_id: str | None = Field(None, max_length=100)
    into: str | None = Field(None, max_length=60)
    reason: str | None = Field(None, max_length=2000)
    note: str | None = Field(None, max_length=MAX_TEXT)
    expected_version: Annotated[int, Field(strict=True, ge=0)] | None = None


# Which statuses each triage action starts from.
FROM = {"acknowledge": ("new",), "assign": ("new", "acknowledged", "warned"), "merge": ("new", "acknowledged"),
        "dismiss": ("new", "acknowledged"), "close": ("new", "acknowledged", "warned")}


def _incident_dep(*roles: str):
    def dependency(incident_id: str = Path(max_length=60), user: dict = Depends(require(*roles)),
                   ctx: PortalContext = Depends(context)) -> tuple[dict, dict]:
        _sweep_quietly(ctx)
        with ctx.store.read() as tx:
            incident = tx.get("incident", incident_id)
        if incident is None or not ({"coordinator", "admin"} & set(user["roles"])
                                    or incidents.reports_for(user, incident)):
            raise not_found("incident")
        return user, incident
    return dependency


def _moment(field: str, text: str) -> float:
    try:
        return parse_valid_until(text)
    except ValueError as problem:
        raise ValueError(str(problem).replace("valid_until", field)) from None


def _report_values(body: IncidentIn, ctx: PortalContext, tx) -> dict:
    now = ctx.clock()
    try:
        title = check_text("title", body.title, required=True, single_line=True)
        description = check_text("description", body.description, required=True)
        occurred, detected = _moment("occurred_at", body.occurred_at), _moment("detected_at", body.detected_at)
        if detected > now + CLOCK_SKEW:
            raise ValueError("detected_at: is in the future")
        if occurred > detected:
            raise ValueError("occurred_at: is after detected_at")
        affected = {k: list(dict.fromkeys(v)) for k, v in body.affected.model_dump().items()}
        if not any(affected.values()):
            raise ValueError("affected: name at least one organisation, sector or region")
        for i, org_id in enumerate(affected["org_ids"]):
            if tx.get("organisation", org_id) is None:
                raise ValueError(f"affected.org_ids.{i}: no organisation {org_id!r}")
        found, seen = [], set()
        for i, item in enumerate(body.indicators):
            try:
                value = rules_indicators.normalise(item.type, item.value)
            except rules_indicators.InvalidIndicator as problem:
                raise ValueError(f"indicators.{i}.value: {problem}") from None
            if (item.type, value) not in seen:
                seen.add((item.type, value))
                found.append({"type": item.type, "value": value})
    except ValueError as problem:
        raise invalid_field(str(problem)) from None
    return {"title": title, "description": description, "severity": body.severity, "tlp": body.tlp,
            "occurred_at": iso(occurred), "detected_at": iso(detected), "affected": affected,
            "indicators": found, "nis2_significant": body.nis2_significant}


@router.post("/incidents", status_code=201)
def report_incident(body: IncidentIn, request: Request, user: dict = Depends(require("soc")),
                    ctx: PortalContext = Depends(context)):
    def effect(tx):
        values = _report_values(body, ctx, tx)
        now = ctx.clock()
        org = tx.get("organisation", user["org_id"]) if user.get("org_id") else None
        incident = {
            "id": f"INC-{dt.datetime.fromtimestamp(now, dt.timezone.utc).year}-{tx.next_number('incident'):03d}",
            **values, "status": "new", "reported_by": user["id"], "reporting_org_id": user.get("org_id"),
            "reporting_centre": f"{org['name']} SOC" if org else user["display_name"],
            "reported_at": iso(now), "updated_at": iso(now), "updates": [], "triage": [],
            "acknowledged_at": None, "acknowledged_by": None, "assignee_id": None, "merged_into": None,
            "merged_from": [], "dismissed_at": None, "dismissed_reason": None, "closed_at": None,
            "warnings": [], "warned_at": None,
        }
        incident["nis2"] = incidents.clocks(incident, now)
        incidents.link_duplicates(tx, incident)
        return 201, project("incident", incidents.save(tx, incident), user)

    return perform(ctx, request, user["id"], "incident.report", "incident", None, body.model_dump(), effect)


@router.get("/incidents/{incident_id}")
def get_incident(found=Depends(_incident_dep("coordinator", "admin", "soc")), ctx: PortalContext = Depends(context)):
    user, incident = found
    return project("incident", dict(incident, nis2=incidents.clocks(incident, ctx.clock())), user)


@router.post("/incidents/{incident_id}/updates", status_code=201)
def add_update(request: Request, body: UpdateIn, found=Depends(_incident_dep("soc")),
               ctx: PortalContext = Depends(context)):
    user, found_incident = found

    def effect(tx):
        try:
            text = check_text("text", body.text, required=True)
        except ValueError as problem:
            raise invalid_field(str(problem)) from None
        incident = tx.get("incident", found_incident["id"])
        if incident["status"] in incidents.ENDED:
            raise ApiError(409, "not_open", f"This incident is {incident['status']}; it takes no more updates.")
        now = ctx.clock()
        incident["updates"] = list(incident.get("updates") or []) + [
            {"kind": body.kind, "text": text, "at": iso(now), "by": user["id"]}]
        incident["updated_at"] = iso(now)
        incident["nis2"] = incidents.clocks(incident, now)
        return 201, project("incident", incidents.save(tx, incident), user)

    return perform(ctx, request, user["id"], "incident.update", "incident", found_incident["id"], body.model_dump(),
                   effect, audit_detail={"kind": body.kind})


def _check_triage_fields(tx, body: TriageIn, incident: dict) -> dict | None:
    """422 invalid_field for what the action needs; returns the merge target."""
    for name in ("reason", "note"):
        if getattr(body, name) is not None:
            try:
                check_text(name, getattr(body, name), required=False)
            except ValueError as problem:
                raise invalid_field(str(problem)) from None
    if body.action == "assign":
        assignee = tx.user_by_id(body.user_id) if body.user_id else None
        if assignee is None or not assignee["active"] or "coordinator" not in assignee["roles"]:
            raise invalid_field("user_id: give an active coordinator's id")
    if body.action == "merge":
        target = tx.get("incident", body.into) if body.into else None
        if target is None or target["id"] == incident["id"]:
            raise invalid_field("into: give another incident's id")
        if target["status"] in incidents.ENDED:
            raise invalid_field(f"into: incident {target['id']} is {target['status']}")
        return target
    return None


@router.post("/incidents/{incident_id}/triage", status_code=201)
def triage(request: Request, body: TriageIn, found=Depends(_incident_dep("coordinator")),
           ctx: PortalContext = Depends(context)):
    user, found_incident = found

    def effect(tx):
        incident = tx.get("incident", found_incident["id"])
        target = _check_triage_fields(tx, body, incident)
        if incident["status"] not in FROM[body.action]:
            raise ApiError(409, "not_open", f"An incident that is {incident['status']} cannot be {body.action}ed "
                                            f"(only from: {', '.join(FROM[body.action])}).")
        if body.expected_version is not None and body.expected_version != incident["version"]:
            raise ApiError(409, "version_conflict",
                           f"The incident has changed (now version {incident['version']}); reload it and try again.")
        reason = (body.reason or "").strip()
        if body.action == "dismiss" and not reason:
            raise ApiError(422, "comment_required", "Give the reason for dismissing the incident.")
        at = ctx.now_iso()
        entry = {"action": body.action, "by": user["id"], "at": at, "note": body.note or ""}
        if body.action in ("acknowledge", "assign") and incident["status"] == "new":
            incident.update(status="acknowledged", acknowledged_at=at, acknowledged_by=user["id"])
        if body.action == "assign":
            incident["assignee_id"] = entry["user_id"] = body.user_id
        elif body.action == "dismiss":
            incident.update(status="dismissed", dismissed_at=at, dismissed_reason=body.reason)
            entry["reason"] = body.reason
        elif body.action == "close":
            incident.update(status="closed", closed_at=at)
        elif body.action == "merge":
            entry["into"] = target["id"]
            incident, target = incidents.merge(tx, incident, target, user["id"], at)
            incidents.save(tx, target)
            tx.audit_append(at, user["id"], "incident.merged_in", "incident", target["id"], "ok",
                            {"from": incident["id"]})
        incident["triage"] = list(incident.get("triage") or []) + [entry]
        incident["updated_at"] = at
        return 201, incidents.save(tx, incident)

    return perform(ctx, request, user["id"], "incident.triage", "incident", found_incident["id"],
                   body.model_dump(exclude_none=True), effect, audit_detail={"action": body.action})


@router.get("/incidents/{incident_id}/stix")
def stix_bundle(found=Depends(_incident_dep("coordinator")), ctx: PortalContext = Depends(context)):
    from ..stix import incident_bundle
    _user, incident = found
    return JSONResponse(incident_bundle(incident, incident.get("reporting_centre") or "Security operations centre"),
                        headers={"Content-Disposition": f'attachment; filename="{incident["id"]}.stix.json"'})
