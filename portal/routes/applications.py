"""Project applications: submission, multi-person review, resubmission after a return.

Calls (all under /api/v1, all POSTs through `perform`: one write transaction,
Idempotency-Key handling, and an audit entry for every success and refusal):

- `POST /applications` (researcher) `{title, purpose, legal_basis, registers:[code],
  variables:{code:[name]}}` -> 201 the new application, status `submitted`, round 1;
  applicant and institution come from the caller's researcher record.
- `POST /applications/{id}/reviews` (caseworker) `{decision: approve|reject|return,
  comment, expected_version}` -> 201 the application.
- `POST /applications/{id}/resubmissions` (the applicant) `{expected_version,
  changes:{title?, purpose?, legal_basis?, registers?, variables?}, comment?}` -> 201
  the application, status `submitted` again, `round` + 1.

Review rules:
- `submitted` (no approval yet in this round) -> `in_review` (some approvals, more
  needed) -> `approved` once `required_approvals` distinct caseworkers approved in
  the current round (2; 3 when a sensitive register is requested). One reject ends
  it (`rejected`); one return sends it back to the applicant (`returned`).
- Each review is appended to `reviews` as {reviewer_id, decision, comment, at, round}.
- A resubmission starts a new round: earlier reviews stay in the history but
  approvals of earlier rounds do not count towards the new round. Nobody reviews
  the same application twice, in any round.
- A caseworker may not review an application from an institution listed in the
  `conflicts` of their staff record, nor their own application.
- Approving needs the applicant's certification to be valid today (UTC date,
  `certified_until` inclusive); a missing researcher record counts as lapsed.

Refusal order (the contract's): 401, 403 `role_required`, (reviews: 403 `own_certification_expired`,
the reviewer's own certification lapsed), 404 `not_found`
(resubmissions: 403 `not_applicant` for an unknown id and for another's alike), 422 `invalid_field` (400 `bad_request` for a
body that is not JSON), 409 `not_open`, `version_conflict`, `already_reviewed`,
`conflict_of_interest`, then 422 `comment_required`, `certification_expired`.

Only the 401 is a FastAPI dependency. The role check, the lookup and the body
validation run inside the audited transaction, so that every refusal after the
sign-in check is audited against the application (action `application.review`,
`application.resubmit`, `application.submit`) and the order above holds even
for a body that is not JSON. The body is read raw and validated with the
Pydantic models below; the OpenAPI description still shows them.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from starlette.concurrency import run_in_threadpool

from rules import applications

from .. import entities
from ..api import PortalContext, context, current_user, iso, perform
from ..certification.gate import refuse_lapsed_staff
from ..errors import ApiError, invalid_field, not_found, role_required
from ..visibility import project
from .core import ERRORS
from .bodies import PlainLine, PlainText
from .bodies import body_doc as _body_doc, fingerprint_body as _fingerprint_body, given as _given, read_json as _read_json, validate as _validate

router = APIRouter()

MAX_ID_LENGTH = 100

RegisterCode = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9_]{0,19}$")]
VariableName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_]{0,39}$")]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300), PlainLine]
Purpose = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=10000), PlainText]
LegalBasis = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000), PlainText]
Registers = Annotated[list[RegisterCode], Field(min_length=1, max_length=30)]
Variables = dict[RegisterCode, Annotated[list[VariableName], Field(max_length=300)]]
Comment = Annotated[str, StringConstraints(max_length=4000), PlainText]


def _check_registers(registers: list[str] | None, variables: dict | None) -> None:
    if registers is not None and len(set(registers)) != len(registers):
        raise ValueError("registers must not repeat a code")
    for code, names in (variables or {}).items():
        if len(set(names)) != len(names):
            raise ValueError(f"variables of {code} must not repeat a name")
    if registers is not None and variables is not None:
        unknown = set(variables) - set(registers)
        if unknown:
            raise ValueError(f"variables given for {', '.join(sorted(unknown))}, not among the requested registers")


class ReviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    decision: Literal["approve", "reject", "return"]
    comment: Comment | None = ""
    expected_version: int = Field(ge=1)


class ApplicationIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    title: Title
    purpose: Purpose
    legal_basis: LegalBasis
    registers: Registers
    variables: Variables = Field(default_factory=dict)

    @model_validator(mode="after")
    def _consistent(self):
        _check_registers(self.registers, self.variables)
        return self


class ChangesIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    title: Title | None = None
    purpose: Purpose | None = None
    legal_basis: LegalBasis | None = None
    registers: Registers | None = None
    variables: Variables | None = None

    @model_validator(mode="after")
    def _consistent(self):
        _check_registers(self.registers, self.variables)
        return self


class ResubmissionIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    expected_version: int = Field(ge=1)
    changes: ChangesIn = Field(default_factory=ChangesIn)
    comment: Comment | None = ""


# -- reading and validating bodies: see bodies.py

# -- shared checks ----------------------------------------------------------------

def _load(tx, application_id: str) -> dict | None:
    if not application_id or len(application_id) > MAX_ID_LENGTH:
        return None
    return tx.get("application", application_id)


def _today(ctx: PortalContext) -> dt.date:
    return dt.date.fromisoformat(iso(ctx.clock())[:10])


def _me(tx, user: dict) -> dict:
    staff = tx.get("staff", user["id"]) or {}
    return {"id": user["id"], "conflicts": staff.get("conflicts") or [], "researcher_id": user.get("researcher_id")}


def _state(app: dict | None) -> dict:
    return {} if app is None else {"version": app["version"], "status": app["status"], "round": app.get("round", 1)}


# -- routes -----------------------------------------------------------------------

@router.post("/applications", status_code=201, responses=ERRORS, openapi_extra=_body_doc(ApplicationIn))
async def submit_application(request: Request, user: dict = Depends(current_user),
                             ctx: PortalContext = Depends(context)):
    payload = await _read_json(request)
    return await run_in_threadpool(_submit, ctx, request, user, payload)


def _submit(ctx: PortalContext, request: Request, user: dict, payload: Any):
    after: dict = {}

    def effect(tx):
        if "researcher" not in user["roles"]:
            raise role_required(("researcher",))
        researcher = tx.get("researcher", user["researcher_id"]) if user.get("researcher_id") else None
        if researcher is None:
            raise ApiError(403, "role_required", "This account is not linked to a researcher record.")
        body = _validate(ApplicationIn, payload)
        now = ctx.now_iso()
        while True:
            app_id = f"APP-{now[:4]}-{tx.next_number('application'):04d}"
            if tx.get("application", app_id) is None:
                break
        app = {
            "id": app_id,
            "title": body.title,
            "status": "submitted",
            "required_approvals": applications.approvals_needed(body.registers),
            "reviews": [],
            "applicant_id": researcher["id"],
            "applicant_name": researcher.get("name"),
            "institution": researcher["institution"],
            "registers": list(body.registers),
            "variables": {code: list(names) for code, names in body.variables.items()},
            "purpose": body.purpose,
            "legal_basis": body.legal_basis,
            "submitted_at": now,
            "updated_at": now,
            "round": 1,
        }
        saved = entities.save(tx, "application", app)
        after.update(_state(saved))
        return 201, project("application", saved, user)

    return perform(ctx, request, user["id"], "application.submit", "application", None,
                   _fingerprint_body(payload), effect, audit_detail={"after": after})


@router.post("/applications/{application_id}/reviews", status_code=201, responses=ERRORS,
             openapi_extra=_body_doc(ReviewIn))
async def review_application(application_id: str, request: Request, user: dict = Depends(current_user),
                             ctx: PortalContext = Depends(context)):
    payload = await _read_json(request)
    return await run_in_threadpool(_review, ctx, request, user, application_id, payload)


def _review(ctx: PortalContext, request: Request, user: dict, application_id: str, payload: Any):
    # `before` is the state the request was judged against, `after` the state it left
    # (empty on a refusal). The effect fills them in inside the transaction; `perform`
    # copies the audit detail shallowly, so these are the dicts its entry records.
    before: dict = {}
    after: dict = {}

    def effect(tx):
        app = _load(tx, application_id)
        if "caseworker" not in user["roles"]:
            raise role_required(("caseworker",))
        refuse_lapsed_staff(ctx, tx, user)
        if app is None:
            raise not_found("application")
        # Only now, when the caller may see the application: a refusal does not tell its state.
        before.update(_state(app))
        body = _validate(ReviewIn, payload)
        # The rules (rules/applications.py) give the blocks; the refusal order is the contract's.
        blocks = applications.review_blocks(app, _me(tx, user), researcher=tx.get("researcher", app["applicant_id"]),
                                            today=_today(ctx))
        if applications.first_block(blocks, body.decision, (applications.NOT_OPEN,)):
            raise ApiError(409, "not_open", f"This application is {app['status']}; only submitted applications "
                                            "and applications in review can be reviewed.")
        if body.expected_version != app["version"]:
            raise ApiError(409, "version_conflict", "The application changed since you loaded it "
                                                    f"(version {app['version']}, you had {body.expected_version}). "
                                                    "Reload it and decide again.",
                           extra={"current_version": app["version"]})
        if applications.first_block(blocks, body.decision, (applications.ALREADY_REVIEWED,)):
            raise ApiError(409, "already_reviewed", "You have already reviewed this application; "
                                                    "another caseworker must decide.")
        if applications.first_block(blocks, body.decision, (applications.CONFLICT, applications.OWN_APPLICATION)):
            raise ApiError(409, "conflict_of_interest", "You declared a conflict of interest with "
                                                        f"{app.get('institution')}; another caseworker must decide.")
        comment = (body.comment or "").strip()
        if body.decision in applications.NEEDS_COMMENT and not comment:
            raise ApiError(422, "comment_required", f"A {body.decision} needs a comment giving the reason.")
        if applications.first_block(blocks, body.decision, (applications.CERTIFICATION,)):
            raise ApiError(422, "certification_expired", "The applicant's certification has lapsed; "
                                                         "the application cannot be approved until it is renewed.")

        now = ctx.now_iso()
        current_round = app.get("round", 1)
        reviews = list(app.get("reviews", [])) + [{
            "reviewer_id": user["id"], "decision": body.decision, "comment": comment, "at": now,
            "round": current_round,
        }]
        status = applications.status_after(app, body.decision, reviews)
        app.update(reviews=reviews, status=status, updated_at=now)
        saved = entities.save(tx, "application", app)
        after.update(_state(saved))
        return 201, project("application", saved, user)

    return perform(ctx, request, user["id"], "application.review", "application", application_id[:MAX_ID_LENGTH],
                   _fingerprint_body(payload), effect,
                   audit_detail={"decision": _given(payload, "decision", str),
                                 "expected_version": _given(payload, "expected_version", int),
                                 "before": before, "after": after})


@router.post("/applications/{application_id}/resubmissions", status_code=201, responses=ERRORS,
             openapi_extra=_body_doc(ResubmissionIn))
async def resubmit_application(application_id: str, request: Request, user: dict = Depends(current_user),
                               ctx: PortalContext = Depends(context)):
    payload = await _read_json(request)
    return await run_in_threadpool(_resubmit, ctx, request, user, application_id, payload)


def _resubmit(ctx: PortalContext, request: Request, user: dict, application_id: str, payload: Any):
    before: dict = {}
    after: dict = {}
    changed_fields: list = []

    def effect(tx):
        app = _load(tx, application_id)
        if "researcher" not in user["roles"]:
            raise role_required(("researcher",))
        # An unknown id and another researcher's application get the same answer: a
        # researcher does not learn which application ids exist (as for outputs).
        if app is None or not user.get("researcher_id") or user["researcher_id"] != app.get("applicant_id"):
            raise ApiError(403, "not_applicant", "Only the applicant can resubmit an application; "
                                                 "this is not one of yours.")
        before.update(_state(app))
        body = _validate(ResubmissionIn, payload)
        changes = body.changes.model_dump(exclude_none=True)
        registers = changes.get("registers", app.get("registers", []))
        if "variables" in changes:
            variables = changes["variables"]
            unknown = set(variables) - set(registers)
            if unknown:
                raise invalid_field(f"changes.variables: {', '.join(sorted(unknown))} "
                                    "not among the requested registers")
        else:  # variables of registers no longer requested are dropped
            variables = {k: v for k, v in (app.get("variables") or {}).items() if k in registers}
        if app["status"] != "returned":
            raise ApiError(409, "not_open", f"This application is {app['status']}; only a returned application "
                                            "can be resubmitted.")
        if body.expected_version != app["version"]:
            raise ApiError(409, "version_conflict", "The application changed since you loaded it "
                                                    f"(version {app['version']}, you had {body.expected_version}).",
                           extra={"current_version": app["version"]})

        now = ctx.now_iso()
        new = dict(app, **{k: v for k, v in changes.items() if k not in ("registers", "variables")})
        new.update(registers=list(registers), variables=variables)
        changed = [f for f in ("title", "purpose", "legal_basis", "registers", "variables") if new.get(f) != app.get(f)]
        changed_fields.extend(changed)
        new_round = app.get("round", 1) + 1
        new.update(status="submitted", round=new_round, required_approvals=applications.approvals_needed(registers),
                   updated_at=now, resubmitted_at=now,
                   resubmissions=list(app.get("resubmissions", [])) + [
                       {"round": new_round, "at": now, "comment": (body.comment or "").strip(), "changed": changed}])
        saved = entities.save(tx, "application", new)
        after.update(_state(saved))
        return 201, project("application", saved, user)

    return perform(ctx, request, user["id"], "application.resubmit", "application", application_id[:MAX_ID_LENGTH],
                   _fingerprint_body(payload), effect,
                   audit_detail={"expected_version": _given(payload, "expected_version", int),
                                 "changed": changed_fields, "before": before, "after": after})
