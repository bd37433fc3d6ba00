"""Coordinated security warnings: draft, co-sign, send, revise, retract, acknowledge.

Life of a warning (statuses are the contract's: draft, sent, retracted, expired)
-------------------------------------------------------------------------------
- `POST /warnings` makes a draft (revision 0). Coordinators edit it with
  `PATCH /warnings/{id}`. Editing text that was co-signed clears the co-sign:
  the co-signer approved a different text.
- `POST /warnings/{id}/cosign`: a second coordinator approves the current text.
  The co-signer must not have written any of it: the author and everyone who
  edited the draft are refused with 409 `self_cosign`. A warning that is
  already co-signed is refused with 409 `not_open` (co-signing is not
  idempotent; a repeat with the same Idempotency-Key returns the first answer).
- `POST /warnings/{id}/send`: high and critical warnings need the co-sign
  (409 `cosign_required`); TLP:RED goes to named organisations only (422
  `red_requires_named_recipients` when sectors or regions are set). Sending
  sets `revision` to 1, appends `revisions[]` {number, at, summary, by,
  cosigned_by}, sets `sent_at` (first sending) and
  `ack_due_at = time of this sending + ack_hours`.

Revisions of a sent warning
---------------------------
`POST /warnings/{id}/revisions` `{summary: what changed, changes: {any field of
the create body}}` prepares the next revision as `pending_revision` on the
warning (number, summary, content, addressed_org_ids, prepared_by, editors,
cosigned_by). The warning stays `sent` and recipients keep seeing the sent text
only (the pending revision is stripped from what they see). The pending
revision is edited with `PATCH /warnings/{id}` (same body as for a draft, plus
`revision_summary`), co-signed with `/cosign` and sent with `/send`, under the
same rules as a draft. A revision needs a fresh co-sign when the warning is
or becomes high or critical (so nobody can downgrade a critical warning alone).
A revision may add recipients but never drop an organisation already warned
(422 `invalid_field`): whoever got the warning must get its correction, and the
change feed keeps sending later states to everyone who once saw it. Sending the
revision makes it revision n+1 with a new `ack_due_at`, and recipients are asked
to acknowledge it again. `DELETE /warnings/{id}/revisions/pending` drops a
pending revision. Only one revision can be pending (409 `not_open`).

Acknowledgements
----------------
Every ack carries the `revision` it acknowledges: `ack_revision`, the last
revision that was sent with content (a retraction adds a revision but asks for
no acknowledgement). `acks[]` holds one entry per organisation and revision
{org_id, state, at, note, revision, by, first_at}: a later ack of the same
revision updates `state`, `at` and `note` and keeps `first_at`; the full history
is kept in the `acknowledgement` entity (`{warning_id}:{org_id}`, `history[]`)
and in the audit trail. An organisation is overdue when it has not acknowledged
the current revision and now is after `ack_due_at` (strictly: at exactly
`ack_due_at` it is not yet overdue, see `is_overdue`). Only sent warnings are
acknowledged; retracted and expired ones ask nothing and are never overdue.

Retraction and expiry
---------------------
`POST /warnings/{id}/retract` `{reason}` (a blank reason is 422
`comment_required`, after the 409s, as for other decisions that need a why)
sets `retracted`, drops a pending revision and appends a revision
"Retracted: reason" so the CSAF version moves. A sent warning whose
`valid_until` has passed (strictly after it, see `is_expired`) becomes
`expired` in the stored state: `expire_due` runs before every warning call and
every 30 s in a background thread of the portal process, and each expiry is
audited (actor null, action `warning.expire`).

Versions
--------
`expected_version` (required on PATCH and revisions, optional on cosign, send
and retract) guards the text, not the acknowledgements: it is accepted when it
is at least the version of the last change to the text or status
(`content_version`) and at most the current version, so recipients'
acknowledgements landing meanwhile do not cause conflicts.

Refusal order
-------------
401, 403 `role_required`, 403 `own_certification_expired` (co-sign and send, when
the caller's own certification has lapsed), 404 `not_found`, 422 `invalid_field` (the body),
409 `not_open`, 409 `version_conflict`, then 422 `invalid_field` for what depends
on the stored warning (a `valid_until` that has passed, recipients that reach
nobody or drop an organisation), 422 `red_requires_named_recipients`, 409
`cosign_required` (RED first: fixing the recipients is an edit that clears the
co-sign anyway), 409 `self_cosign`, 422 `comment_required`. For acks: 401, 403
`role_required` (only recipient users acknowledge, coordinators and admin do
not), 404, 403 `not_a_recipient` (the warning is not sent to the caller's
organisation), 422 `invalid_field`, 403 `not_a_recipient` (`org_id` is not the
caller's organisation), 409 `not_open` (retracted or expired).

Text fields are plain text, stored and returned exactly; what `rules.text` refuses
(control characters other than tab and line breaks, none at all in titles; bidi
overrides; unpaired surrogates) is refused with 422 `invalid_field`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Path, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from .. import entities, incidents
from ..api import PortalContext, audit_read, context, iso, parse_iso, perform, require
from ..certification.gate import certified_decider
from ..errors import ApiError, invalid_field, not_found
from ..visibility import project

log = logging.getLogger("portal")

# The rules (fields, limits, co-sign, overdue, the acknowledgement report) are the
# desktop's too: rules/warnings.py.
from rules.warnings import (ACK_STATES, CONTENT_FIELDS, MAX_ACK_HOURS, MAX_BODY, MAX_CVES, MAX_NOTE,  # noqa: E402,F401
                            MAX_ORG_IDS, MAX_REASON, MAX_SUMMARY, MAX_TITLE, MIN_ACK_HOURS, NEEDS_COSIGN, SEVERITIES,
                            TLPS, ack_report, ack_revision, is_expired, is_overdue, needs_cosign, red_violation,
                            revision_time as _revision_time, text_problem, valid_cve)

EXPIRY_SWEEP_SECONDS = 30.0

# ---------------------------------------------------------------------------
# Pure rules (unit-tested with explicit times)


def version_ok(expected: int, current: int, content_version: int | None) -> bool:
    """`expected` saw the current text: not older than its last change, not newer than now."""
    floor = current if content_version is None else content_version
    return floor <= expected <= current


def parse_valid_until(text: str) -> float:
    """An ISO 8601 date-time with a time zone; seconds resolution (fractions are dropped)."""
    if not isinstance(text, str) or "T" not in text.upper():
        raise ValueError("valid_until: give an ISO 8601 date-time such as 2026-12-31T23:59:00Z")
    try:
        moment = dt.datetime.fromisoformat(text.strip().upper())
    except ValueError:
        raise ValueError("valid_until: not an ISO 8601 date-time (e.g. 2026-12-31T23:59:00Z)") from None
    if moment.tzinfo is None:
        raise ValueError("valid_until: give a time zone (e.g. Z or +01:00)")
    return float(int(moment.timestamp()))


def check_text(field: str, value: str, *, required: bool, single_line: bool = False) -> str:
    """Plain text, stored exactly as given; raises ValueError naming the field."""
    if not isinstance(value, str):
        raise ValueError(f"{field}: must be a string")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{field}: contains an invalid character (an unpaired surrogate)") from None
    problem = text_problem(value, required=required, single_line=single_line)
    if problem == "control":
        what = "control characters or line breaks" if single_line else "control characters"
        raise ValueError(f"{field}: must be plain text without {what}")
    if problem == "empty":
        raise ValueError(f"{field}: must not be empty")
    return value


def check_cves(cves: list, year_now: int) -> list[str]:
    out: list[str] = []
    for i, cve in enumerate(cves):
        if not valid_cve(cve, year_now):
            raise ValueError(f"cves.{i}: {cve!r} is not a CVE id (CVE-YYYY-NNNN)")
        if cve not in out:
            out.append(cve)
    return out


# ---------------------------------------------------------------------------
# Bodies

OrgId = Annotated[str, Field(min_length=1, max_length=40)]
Sector = Literal[entities.SECTORS]
Region = Literal[entities.REGIONS]
AckHours = Annotated[int, Field(strict=True, ge=MIN_ACK_HOURS, le=MAX_ACK_HOURS)]
Version = Annotated[int, Field(strict=True, ge=0)]


class RecipientsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sectors: list[Sector] = Field(default_factory=list, max_length=20)
    regions: list[Region] = Field(default_factory=list, max_length=20)
    org_ids: list[OrgId] = Field(default_factory=list, max_length=MAX_ORG_IDS)


class WarningIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str = Field(max_length=MAX_TITLE)
    summary: str = Field(max_length=MAX_SUMMARY)
    body: str = Field(max_length=MAX_BODY)
    severity: Literal[SEVERITIES]
    tlp: Literal[TLPS]
    recipients: RecipientsIn
    cves: list[Annotated[str, Field(max_length=40)]] = Field(default_factory=list, max_length=MAX_CVES)
    ack_hours: AckHours
    valid_until: str | None = Field(None, max_length=40)
    incident_ids: list[Annotated[str, Field(min_length=1, max_length=60)]] = Field(
        default_factory=list, max_length=100, description="the incident reports this warning answers")


class ChangesIn(BaseModel):
    """Any field of the create body; absent fields stay as they are."""
    model_config = ConfigDict(extra="forbid")
    title: str | None = Field(None, max_length=MAX_TITLE)
    summary: str | None = Field(None, max_length=MAX_SUMMARY)
    body: str | None = Field(None, max_length=MAX_BODY)
    severity: Literal[SEVERITIES] | None = None
    tlp: Literal[TLPS] | None = None
    recipients: RecipientsIn | None = None
    cves: list[Annotated[str, Field(max_length=40)]] | None = Field(None, max_length=MAX_CVES)
    ack_hours: AckHours | None = None
    valid_until: str | None = Field(None, max_length=40)


class PatchIn(ChangesIn):
    expected_version: Version
    revision_summary: str | None = Field(None, max_length=MAX_REASON)


class RevisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    summary: str = Field(max_length=MAX_REASON, description="what changed in this revision")
    changes: ChangesIn = Field(default_factory=ChangesIn)
    expected_version: Version


class StepIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    expected_version: Version | None = None


class RetractIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field("", max_length=MAX_REASON)
    expected_version: Version | None = None


class AckIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    org_id: OrgId
    state: Literal[ACK_STATES]
    note: str = Field("", max_length=MAX_NOTE)


# ---------------------------------------------------------------------------
# Shared steps


def _content_changes(changes: ChangesIn, ctx: PortalContext, tx) -> dict:
    """Validated values of the fields present in `changes` (None for a cleared valid_until)."""
    given = changes.model_fields_set & set(CONTENT_FIELDS)
    out: dict[str, Any] = {}
    try:
        for name in CONTENT_FIELDS:
            if name not in given:
                continue
            value = getattr(changes, name)
            if value is None and name != "valid_until":
                raise ValueError(f"{name}: must not be null")
            out[name] = value
        out = _normalise(out, ctx, tx)
    except ValueError as problem:
        raise invalid_field(str(problem)) from None
    return out


def _normalise(values: dict, ctx: PortalContext, tx) -> dict:
    now = ctx.clock()
    out = dict(values)
    if "title" in out:
        out["title"] = check_text("title", out["title"], required=True, single_line=True)
    if "summary" in out:
        out["summary"] = check_text("summary", out["summary"], required=True)
    if "body" in out:
        out["body"] = check_text("body", out["body"], required=False)
    if "cves" in out:
        out["cves"] = check_cves(out["cves"], dt.datetime.fromtimestamp(now, dt.timezone.utc).year)
    if "recipients" in out:
        r = out["recipients"]
        r = r.model_dump() if isinstance(r, BaseModel) else dict(r)
        recipients = {k: list(dict.fromkeys(r.get(k) or [])) for k in ("sectors", "regions", "org_ids")}
        if not any(recipients.values()):
            raise ValueError("recipients: name at least one sector, region or organisation")
        for i, org_id in enumerate(recipients["org_ids"]):
            if tx.get("organisation", org_id) is None:
                raise ValueError(f"recipients.org_ids.{i}: no organisation {org_id!r}")
        out["recipients"] = recipients
    if out.get("valid_until") is not None:
        until = parse_valid_until(out["valid_until"])
        if until <= now:
            raise ValueError("valid_until: must be in the future")
        out["valid_until"] = iso(until)
    return out


def _load(tx, warning_id: str) -> dict:
    warning = tx.get("warning", warning_id)
    if warning is None:
        raise not_found("warning")
    return warning


def _check_version(warning: dict, expected: int | None) -> None:
    if expected is None:
        return
    if not version_ok(expected, warning["version"], warning.get("content_version")):
        raise ApiError(409, "version_conflict",
                       f"The warning has changed (now version {warning['version']}); reload it and try again.")


def _not_open(message: str) -> ApiError:
    return ApiError(409, "not_open", message)


def _save_content(tx, warning: dict) -> dict:
    """Save a change to the text or status; remembers it for `expected_version`."""
    warning = dict(warning)
    warning["content_version"] = warning.get("version", 0) + 1
    return entities.save(tx, "warning", warning)


def _content_of(warning: dict) -> dict:
    return {k: warning.get(k) for k in CONTENT_FIELDS}


def _editable(warning: dict) -> tuple[dict, bool]:
    """What PATCH and cosign act on: the draft itself or a sent warning's pending revision."""
    if warning["status"] == "draft":
        return warning, False
    if warning["status"] == "sent" and warning.get("pending_revision"):
        return warning["pending_revision"], True
    if warning["status"] == "sent":
        raise _not_open("This warning has been sent; prepare a revision (POST .../revisions) to change it.")
    raise _not_open(f"This warning is {warning['status']} and cannot change.")


def record_ack(tx, warning: dict, org_id: str, state: str, note: str, by: str | None, at: str) -> dict:
    """Record an acknowledgement of the warning's current revision; returns the ack entity."""
    revision = ack_revision(warning)
    warning = dict(warning)
    acks = [dict(a) for a in warning.get("acks") or []]
    entry = next((a for a in acks if a.get("org_id") == org_id and a.get("revision") == revision), None)
    if entry is None:
        entry = {"org_id": org_id, "revision": revision, "first_at": at}
        acks.append(entry)
    entry.setdefault("first_at", entry.get("at") or at)
    entry.update(state=state, at=at, note=note, by=by)
    warning["acks"] = acks
    entities.save(tx, "warning", warning)
    ack_id = f"{warning['id']}:{org_id}"
    previous = tx.get("acknowledgement", ack_id) or {}
    history = list(previous.get("history") or [])
    if not history and previous.get("state"):
        history.append({k: previous.get(k) for k in ("state", "at", "note", "revision")} | {"by": previous.get("by")})
    history.append({"state": state, "at": at, "note": note, "revision": revision, "by": by})
    ack = {"id": ack_id, "warning_id": warning["id"], "org_id": org_id, "state": state, "at": at, "note": note,
           "revision": revision, "by": by, "first_at": entry["first_at"], "history": history}
    return entities.save(tx, "acknowledgement", ack)


def expire_due(ctx: PortalContext) -> list[str]:
    """Store `expired` for every sent warning whose valid_until has passed; audited."""
    now = ctx.clock()

    def due(tx) -> list[str]:
        return [w["id"] for w in tx.list("warning", owner="sent")
                if is_expired(w.get("status"), parse_iso(w["valid_until"]) if w.get("valid_until") else None, now)]

    with ctx.store.read() as tx:
        if not due(tx):
            return []
    expired = []
    with ctx.store.write() as tx:
        for warning_id in due(tx):
            warning = tx.get("warning", warning_id)
            warning.update(status="expired", expired_at=iso(now), pending_revision=None)
            _save_content(tx, warning)
            tx.audit_append(iso(now), None, "warning.expire", "warning", warning_id, "ok",
                            {"valid_until": warning["valid_until"]})
            expired.append(warning_id)
    return expired


def _sweep_quietly(ctx: PortalContext) -> None:
    try:
        expire_due(ctx)
    except Exception:  # a failed sweep must not fail the call; the next one retries
        log.exception("warning expiry sweep failed")


def _sweep_loop(ctx: PortalContext, stop: threading.Event, interval: float) -> None:
    while not stop.wait(interval):
        _sweep_quietly(ctx)


@asynccontextmanager
async def _lifespan(app):
    ctx = getattr(app.state, "ctx", None)
    stop = threading.Event()
    thread = None
    if ctx is not None:
        thread = threading.Thread(target=_sweep_loop, args=(ctx, stop, EXPIRY_SWEEP_SECONDS),
                                  name="warning-expiry", daemon=True)
        thread.start()
    try:
        yield None
    finally:
        stop.set()
        if thread is not None:
            await asyncio.get_running_loop().run_in_executor(None, thread.join, 5)


router = APIRouter(lifespan=_lifespan)


# ---------------------------------------------------------------------------
# Dependencies: the caller's role, then the warning (404), before the body


def _warning_dep(*roles: str, decides: bool = False):
    # A decision (co-sign, send) also needs the caller's own certification, checked
    # after the role and before the warning is looked up (portal.certification.gate).
    caller = certified_decider(*roles) if decides else require(*roles)

    def dependency(warning_id: str = Path(max_length=60), user: dict = Depends(caller),
                   ctx: PortalContext = Depends(context)) -> tuple[dict, dict]:
        _sweep_quietly(ctx)
        with ctx.store.read() as tx:
            warning = _load(tx, warning_id)
        return user, warning
    return dependency


def _recipient_warning(warning_id: str = Path(max_length=60), user: dict = Depends(require("recipient")),
                       ctx: PortalContext = Depends(context)) -> tuple[dict, dict]:
    _sweep_quietly(ctx)
    with ctx.store.read() as tx:
        warning = _load(tx, warning_id)
    if not _addressed_to(warning, user.get("org_id")):
        raise _not_a_recipient()
    return user, warning


def _addressed_to(warning: dict, org_id: str | None) -> bool:
    return bool(org_id) and warning["status"] != "draft" and org_id in (warning.get("addressed_org_ids") or [])


def _not_a_recipient() -> ApiError:
    return ApiError(403, "not_a_recipient", "This warning is not addressed to your organisation.")


def _coordinator(ctx: PortalContext = Depends(context), user: dict = Depends(require("coordinator"))) -> dict:
    _sweep_quietly(ctx)
    return user


# ---------------------------------------------------------------------------
# Routes


@router.post("/warnings", status_code=201)
def create_warning(body: WarningIn, request: Request, user: dict = Depends(_coordinator),
                   ctx: PortalContext = Depends(context)):
    def effect(tx):
        values = _content_changes(ChangesIn(**body.model_dump(exclude={"incident_ids"})), ctx, tx)
        try:
            incident_ids = incidents.check_linkable(tx, body.incident_ids)
        except ValueError as problem:
            raise invalid_field(str(problem)) from None
        values.setdefault("cves", [])
        values.setdefault("valid_until", None)
        now = ctx.clock()
        number = tx.next_number("warning")
        warning = {
            "id": f"W-{dt.datetime.fromtimestamp(now, dt.timezone.utc).year}-{number:03d}",
            "revision": 0, "ack_revision": 0, "status": "draft", **values,
            "author_id": user["id"], "editors": [user["id"]], "cosigned_by": None, "cosigned_at": None,
            "created_at": iso(now), "updated_at": iso(now), "sent_at": None, "sent_by": None,
            "ack_due_at": None, "retracted_reason": None, "retracted_at": None, "retracted_by": None,
            "expired_at": None, "revisions": [], "acks": [], "pending_revision": None,
            "addressed_org_ids": entities.addressed_org_ids(tx, values["recipients"]),
            "incident_ids": incident_ids,
        }
        return 201, _save_content(tx, warning)

    return perform(ctx, request, user["id"], "warning.create", "warning", None, body.model_dump(), effect)


@router.get("/warnings/{warning_id}")
def get_warning(found=Depends(_warning_dep("coordinator", "admin", "recipient")),
                ctx: PortalContext = Depends(context)):
    user, warning = found
    if not {"coordinator", "admin"} & set(user["roles"]):
        if not _addressed_to(warning, user.get("org_id")):
            raise _not_a_recipient()
    if warning.get("tlp") == "RED":
        audit_read(ctx, user, "warning.read", "warning", warning["id"], {"tlp": "RED"})
    return project("warning", warning, user)


@router.patch("/warnings/{warning_id}")
def edit_warning(request: Request, body: PatchIn, found=Depends(_warning_dep("coordinator")),
                 ctx: PortalContext = Depends(context)):
    user, found_warning = found

    def effect(tx):
        changes = _content_changes(body, ctx, tx)
        revision_summary = None
        if body.revision_summary is not None:
            try:
                revision_summary = check_text("revision_summary", body.revision_summary, required=True)
            except ValueError as problem:
                raise invalid_field(str(problem)) from None
        if not changes and revision_summary is None:
            raise invalid_field("body: name at least one field to change")
        warning = _load(tx, found_warning["id"])
        target, is_revision = _editable(warning)
        _check_version(warning, body.expected_version)
        if revision_summary is not None and not is_revision:
            raise invalid_field("revision_summary: only a pending revision of a sent warning has one")
        content = dict(target["content"] if is_revision else _content_of(target))
        changed = sorted(k for k, v in changes.items() if content.get(k) != v)
        if is_revision and revision_summary is not None and revision_summary != target["summary"]:
            changed.append("revision_summary")
        if not changed:
            return 200, project("warning", warning, user)
        content.update(changes)
        if is_revision:
            _check_no_dropped_recipients(tx, warning, content["recipients"])
        target = dict(target)
        if is_revision:
            target["content"] = content
            if revision_summary is not None:
                target["summary"] = revision_summary
        else:
            target.update(content)
        target["addressed_org_ids"] = entities.addressed_org_ids(tx, content["recipients"])
        cleared = target.get("cosigned_by")
        target["cosigned_by"] = None
        target["cosigned_at"] = None
        target["editors"] = list(dict.fromkeys((target.get("editors") or []) + [user["id"]]))
        if is_revision:
            warning["pending_revision"] = target
        else:
            warning = target
        warning["updated_at"] = ctx.now_iso()
        if cleared:
            warning["cosign_cleared"] = {"cosigned_by": cleared, "by": user["id"], "at": ctx.now_iso()}
        return 200, _save_content(tx, warning)

    return perform(ctx, request, user["id"], "warning.edit", "warning", found_warning["id"],
                   body.model_dump(exclude_unset=True), effect,
                   audit_detail={"fields": sorted(body.model_fields_set - {"expected_version"})})


@router.post("/warnings/{warning_id}/cosign", status_code=201)
def cosign_warning(request: Request, body: StepIn | None = Body(None),
                   found=Depends(_warning_dep("coordinator", decides=True)),
                   ctx: PortalContext = Depends(context)):
    user, found_warning = found
    body = body or StepIn()

    def effect(tx):
        warning = _load(tx, found_warning["id"])
        target, is_revision = _editable(warning)
        if target.get("cosigned_by"):
            raise _not_open("This text is already co-signed; an edit clears the co-sign.")
        _check_version(warning, body.expected_version)
        editors = set(target.get("editors") or []) | {target.get("author_id") or target.get("prepared_by")}
        if user["id"] in editors:
            raise ApiError(409, "self_cosign",
                           "You wrote or edited this text; another coordinator must co-sign it.")
        target = dict(target, cosigned_by=user["id"], cosigned_at=ctx.now_iso())
        if is_revision:
            warning["pending_revision"] = target
        else:
            warning = target
        warning["updated_at"] = ctx.now_iso()
        warning["cosign_cleared"] = None
        return 201, _save_content(tx, warning)

    return perform(ctx, request, user["id"], "warning.cosign", "warning", found_warning["id"],
                   body.model_dump(exclude_none=True), effect)


def _check_no_dropped_recipients(tx, warning: dict, recipients: dict) -> None:
    reached = set(entities.addressed_org_ids(tx, recipients))
    dropped = [o for o in warning.get("addressed_org_ids") or [] if o not in reached]
    if dropped:
        shown = ", ".join(dropped[:5]) + (f" and {len(dropped) - 5} more" if len(dropped) > 5 else "")
        raise invalid_field(f"recipients: a revision cannot drop organisations already warned ({shown})")


@router.post("/warnings/{warning_id}/send", status_code=201)
def send_warning(request: Request, body: StepIn | None = Body(None),
                 found=Depends(_warning_dep("coordinator", decides=True)),
                 ctx: PortalContext = Depends(context)):
    user, found_warning = found
    body = body or StepIn()

    def effect(tx):
        warning = _load(tx, found_warning["id"])
        target, is_revision = _editable(warning)
        _check_version(warning, body.expected_version)
        content = dict(target["content"]) if is_revision else _content_of(warning)
        now = ctx.clock()
        now_text = iso(now)
        if content.get("valid_until") and parse_iso(content["valid_until"]) <= now:
            raise invalid_field("valid_until: has passed; edit it before sending")
        addressed = entities.addressed_org_ids(tx, content["recipients"])
        if not addressed:
            raise invalid_field("recipients: reach no organisation (no organisation in those sectors and regions)")
        if is_revision:
            _check_no_dropped_recipients(tx, warning, content["recipients"])
        if red_violation(content["tlp"], content["recipients"]):
            raise ApiError(422, "red_requires_named_recipients",
                           "TLP:RED goes to named organisations only: remove the sectors and regions.")
        if needs_cosign(content["severity"], warning["severity"] if is_revision else None) \
                and not target.get("cosigned_by"):
            raise ApiError(409, "cosign_required",
                           f"A {content['severity']} warning (or a revision of a high or critical one) "
                           "needs a second coordinator's co-sign before it is sent.")
        number = (warning.get("revision") or 0) + 1
        summary = target["summary"] if is_revision else "Initial release"
        warning = dict(warning)
        warning.update(content)
        warning["revisions"] = list(warning.get("revisions") or []) + [
            {"number": number, "at": now_text, "summary": summary, "by": user["id"],
             "cosigned_by": target.get("cosigned_by")}]
        sent_at = parse_iso(now_text)
        warning.update(
            status="sent", revision=number, ack_revision=number, addressed_org_ids=addressed,
            ack_due_at=iso(sent_at + content["ack_hours"] * 3600), sent_by=user["id"], updated_at=now_text,
            cosigned_by=target.get("cosigned_by"), cosigned_at=target.get("cosigned_at"), pending_revision=None)
        if not warning.get("sent_at"):
            warning["sent_at"] = now_text
        saved = _save_content(tx, warning)
        incidents.mark_warned(tx, saved, user["id"], now_text)
        return 201, saved

    return perform(ctx, request, user["id"], "warning.send", "warning", found_warning["id"],
                   body.model_dump(exclude_none=True), effect)


@router.post("/warnings/{warning_id}/revisions", status_code=201)
def prepare_revision(request: Request, body: RevisionIn, found=Depends(_warning_dep("coordinator")),
                     ctx: PortalContext = Depends(context)):
    user, found_warning = found

    def effect(tx):
        try:
            summary = check_text("summary", body.summary, required=True)
        except ValueError as problem:
            raise invalid_field(str(problem)) from None
        changes = _content_changes(body.changes, ctx, tx)
        warning = _load(tx, found_warning["id"])
        if warning["status"] != "sent":
            raise _not_open(f"Only a sent warning is revised; this one is {warning['status']}.")
        if warning.get("pending_revision"):
            raise _not_open("A revision is already being prepared; edit it (PATCH) or send it.")
        _check_version(warning, body.expected_version)
        content = _content_of(warning) | changes
        _check_no_dropped_recipients(tx, warning, content["recipients"])
        warning["pending_revision"] = {
            "number": (warning.get("revision") or 0) + 1, "summary": summary, "content": content,
            "addressed_org_ids": entities.addressed_org_ids(tx, content["recipients"]),
            "prepared_by": user["id"], "prepared_at": ctx.now_iso(), "editors": [user["id"]],
            "cosigned_by": None, "cosigned_at": None,
        }
        warning["updated_at"] = ctx.now_iso()
        return 201, _save_content(tx, warning)

    return perform(ctx, request, user["id"], "warning.revise", "warning", found_warning["id"],
                   body.model_dump(exclude_unset=True), effect)


@router.delete("/warnings/{warning_id}/revisions/pending")
def discard_revision(request: Request, found=Depends(_warning_dep("coordinator")),
                     ctx: PortalContext = Depends(context)):
    user, found_warning = found

    def effect(tx):
        warning = _load(tx, found_warning["id"])
        if warning["status"] != "sent" or not warning.get("pending_revision"):
            raise _not_open("This warning has no pending revision.")
        warning["pending_revision"] = None
        warning["updated_at"] = ctx.now_iso()
        return 200, _save_content(tx, warning)

    return perform(ctx, request, user["id"], "warning.revision_discard", "warning", found_warning["id"], {}, effect)


@router.post("/warnings/{warning_id}/retract", status_code=201)
def retract_warning(request: Request, body: RetractIn | None = Body(None), found=Depends(_warning_dep("coordinator")),
                    ctx: PortalContext = Depends(context)):
    user, found_warning = found
    body = body or RetractIn()

    def effect(tx):
        try:
            reason = check_text("reason", body.reason, required=False)
        except ValueError as problem:
            raise invalid_field(str(problem)) from None
        warning = _load(tx, found_warning["id"])
        if warning["status"] != "sent":
            raise _not_open(f"Only a sent warning is retracted; this one is {warning['status']}.")
        _check_version(warning, body.expected_version)
        if not reason.strip():
            raise ApiError(422, "comment_required", "Give the reason for the retraction; recipients will see it.")
        now = ctx.now_iso()
        number = (warning.get("revision") or 0) + 1
        warning["revisions"] = list(warning.get("revisions") or []) + [
            {"number": number, "at": now, "summary": f"Retracted: {reason}", "by": user["id"], "cosigned_by": None}]
        warning.update(status="retracted", revision=number, retracted_reason=reason, retracted_at=now,
                       retracted_by=user["id"], pending_revision=None, updated_at=now)
        return 201, _save_content(tx, warning)

    return perform(ctx, request, user["id"], "warning.retract", "warning", found_warning["id"],
                   body.model_dump(exclude_none=True), effect)


@router.post("/warnings/{warning_id}/acks", status_code=201)
def acknowledge(request: Request, body: AckIn, found=Depends(_recipient_warning),
                ctx: PortalContext = Depends(context)):
    user, found_warning = found

    def effect(tx):
        try:
            note = check_text("note", body.note, required=False)
        except ValueError as problem:
            raise invalid_field(str(problem)) from None
        if body.org_id != user.get("org_id"):
            raise ApiError(403, "not_a_recipient", "You acknowledge for your own organisation only.")
        warning = _load(tx, found_warning["id"])
        if warning["status"] != "sent":
            raise _not_open(f"This warning is {warning['status']}; it asks for no acknowledgement.")
        return 201, record_ack(tx, warning, body.org_id, body.state, note, user["id"], ctx.now_iso())

    return perform(ctx, request, user["id"], "warning.ack", "warning", found_warning["id"], body.model_dump(),
                   effect, audit_detail={"org_id": body.org_id, "state": body.state})


@router.get("/warnings/{warning_id}/acks")
def list_acks(found=Depends(_warning_dep("coordinator", "admin")), ctx: PortalContext = Depends(context)):
    _user, warning = found
    now = ctx.clock()
    with ctx.store.read() as tx:
        organisations = {o["id"]: o for o in tx.list("organisation")}
    return ack_report(warning, organisations, now)


@router.get("/warnings/{warning_id}/csaf")
def csaf_document(found=Depends(_warning_dep("coordinator")), ctx: PortalContext = Depends(context)):
    from ..csaf import csaf_filename, warning_to_csaf
    user, warning = found
    try:
        doc = warning_to_csaf(warning)
    except (ValueError, KeyError, TypeError) as exc:
        # Stored data that gives no conforming document is the caller's to fix, not a 500.
        raise invalid_field(f"This warning cannot be exported as CSAF: {exc}") from None
    audit_read(ctx, user, "warning.export_csaf", "warning", warning["id"], {"tlp": warning.get("tlp")})
    return JSONResponse(doc, headers={
        "Content-Disposition": f'attachment; filename="{csaf_filename(warning["id"])}"'})
