"""Output transfers: submission with the automatic check and the sampling draw,
supervisors' reviews, management samples, the record of each sample, and the
sampling overview.

Calls (all under /api/v1; every POST goes through `perform`: one write
transaction, Idempotency-Key handling, an audit entry for every success and
refusal):

- `POST /outputs` (researcher) `{project_id, comment, files:[{name, content_base64}]}`
  -> 201 the output (as the caller may see it).
- `GET /outputs/{id}/files/{index}` (supervisor, admin, the submitting researcher)
  -> 200 `{index, name, size, sha256, kind, content_base64}`.
- `POST /outputs/{id}/reviews` (supervisor) `{verdict: release|withhold, comment,
  expected_version}` -> 201 the output.
- `POST /samples` (supervisor) `{scope: project|researcher, target_id, count, reason}`
  -> 201 `{sample_id, output_ids}`.
- `GET /samples/{id}` (supervisor, admin) -> 200 the sample with its draw.
- `GET /sampling/overview` (supervisor, admin) -> 200 draws, expected and observed
  samples per risk class.

Submission (`output_submit.py`) and file contents (`output_files.py`) are described
in their own modules. The sampling draw of each submission:

Every submission is drawn (`rules.sampling.draw`, a fresh secret seed per draw)
with the risk inputs: the number of outputs the researcher submitted before, their
earlier breaches (their `withheld` outputs plus `earlier_breaches` on their
researcher record) and the project's registers. The draw record is stored on the
output as `draw`. A sampled output gets a `sample` entity (SMP-YYYY-NNNN, scope
`output`, the draw's fields, reason `random` at the base rate, `risk` when risk
factors raised it) and `output.sample = {id, reason, probability}`. `sampled`
(true/false) is the outcome of that draw: the contract's answer says whether the
output was sampled, so the researcher sees this flag; `sample` and `draw` (how and
why, the seed) are for supervisors and admin only (`portal.visibility`). The
audit entry of the submission holds `after.draw_sha256`, the SHA-256 of the draw
record's canonical JSON, so a record changed afterwards shows up against the
hash-chained audit log without the seed ever reaching the researcher (who may
read the audit entries of their own actions).

Reviews
-------
A review is appended to `reviews` as {reviewer_id, verdict, comment, at}. One
withhold ends it (`withheld`, its comment required). Releases by distinct
supervisors are counted: `required_releases` of them release it (`released`),
fewer leave it `held`. Nobody reviews the same output twice; a supervisor who is
the submitting researcher (a user linked to that researcher record) is refused
with 409 `conflict_of_interest`. Admin has no approving role (403).

Management samples
------------------
A supervisor's sample of a project (an approved application) or a researcher:
`rules.sampling.select_management_sample` picks the most recently submitted of
their outputs that are neither `released` (they have left the research machines;
a sample cannot recall them) nor `withheld` (decided for good, left as they are),
up to `count`, all of them when fewer are eligible (possibly none: the sample is
still recorded, with no outputs). Each selected output stays or becomes `held`,
keeps its reviews and `required_releases`, and gets `sample = {id, reason:
"management", probability: null}` (a sample it was in before stays recorded in
that sample's entity and in `previous_samples` of the new one). The sample entity
holds scope, target_id, count, output_ids, drawn_by, drawn_at, reason
`management`, `note` (the supervisor's reason), probability null, and as its
inputs the candidates it chose from ({id, status, submitted_at}), so that the
choice can be recomputed.

`GET /samples/{id}` answers the sample entity plus `draw` (the draw record, for
`random` and `risk` samples; null for management samples) and `recomputed`: the
portal's own recomputation (`rules.sampling.recompute`, or the management
selection run again on the recorded candidates) with `matches`.

`GET /sampling/overview` counts, over the draws stored on all outputs, per risk
class (`base`, `elevated`, `high`): `draws`, `expected` (the sum of the draws'
probabilities), `observed` (draws that sampled) and `sd` (the standard deviation
of the observed count, sqrt of the sum of p(1-p)), the same for all classes
together (`total`), management samples (`samples`, `outputs`), and the sampling
settings in force.

Refusal order
-------------
- Reviews: 401, 403 `role_required`, 403 `own_certification_expired`, 404 `not_found`, 422 `invalid_field`, 409
  `not_open` (not `held`), `version_conflict`, `already_reviewed`,
  `conflict_of_interest`, then 422 `comment_required` (withhold).
- Management samples: 401, 403 `role_required`, 422 `invalid_field`, 404
  `not_found` (no such project or researcher), 422 `reason_required`.
- Samples: 401, 403 `role_required`, 404.

Audit actions: `output.review`, `sample.create` (and, in their modules,
`output.submit` and `output.file.read`).
"""

from __future__ import annotations

import logging
from typing import Any, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from rules import sampling
from rules.turnaround import WITHHOLD_REASONS

from .. import entities
from ..api import PortalContext, audit_read, context, current_user, perform, require
from ..certification.gate import refuse_lapsed_staff
from ..errors import ApiError, not_found, role_required
from ..visibility import project
from . import check_runner, output_files, output_metrics, output_submit
from .bodies import body_doc as _body_doc, fingerprint_body as _fingerprint_body, given as _given, read_json as _read_json, validate as _validate
from .core import ERRORS
from .output_common import (MAX_ID_LENGTH, Comment, Id, _load, _new_id, _outputs_of_project, _outputs_of_researcher,
                            _releasers, _state, _submitted_by, draw_sha256, required_releases)

log = logging.getLogger("portal")
router = APIRouter()
router.include_router(output_metrics.router)
router.include_router(output_submit.router)
router.include_router(output_files.router)
router.include_router(check_runner.router)

MAX_SAMPLE_COUNT = 1000
DRAW_KEYS = ("algorithm", "seed", "subject_id", "inputs", "config", "factors", "probability", "uniform",
             "outcome", "risk_class", "reason")
MANAGEMENT_ALGORITHM = "management-newest-eligible-v1"
__all__ = ["router", "required_releases", "draw_sha256", "sample_view"]




class OutputReviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    verdict: Literal["release", "withhold"]
    comment: Comment | None = ""
    expected_version: int = Field(ge=1)
    # Coded, so that the reasons can be counted (GET /outputs/metrics); absent: "other".
    reason: Literal[WITHHOLD_REASONS] | None = None  # type: ignore[valid-type]


class SampleIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    scope: Literal["project", "researcher"]
    target_id: Id
    count: int = Field(ge=1, le=MAX_SAMPLE_COUNT)
    reason: Comment | None = None


# -- reviews ------------------------------------------------------------------------------

@router.post("/outputs/{output_id}/reviews", status_code=201, responses=ERRORS,
             openapi_extra=_body_doc(OutputReviewIn))
async def review_output(output_id: str, request: Request, user: dict = Depends(current_user),
                        ctx: PortalContext = Depends(context)):
    payload = await _read_json(request)
    return await run_in_threadpool(_review, ctx, request, user, output_id, payload)


def _review(ctx: PortalContext, request: Request, user: dict, output_id: str, payload: Any):
    before: dict = {}
    after: dict = {}

    def effect(tx):
        output = _load(tx, output_id)
        before.update(_state(output))
        if "supervisor" not in user["roles"]:
            raise role_required(("supervisor",))
        refuse_lapsed_staff(ctx, tx, user)
        if output is None:
            raise not_found("output")
        body = _validate(OutputReviewIn, payload)
        if output["status"] != "held":
            raise ApiError(409, "not_open", f"This output is {output['status']}; only held outputs are reviewed.")
        if body.expected_version != output["version"]:
            raise ApiError(409, "version_conflict", "The output changed since you loaded it "
                                                    f"(version {output['version']}, you had {body.expected_version}). "
                                                    "Reload it and decide again.",
                           extra={"current_version": output["version"]})
        if any(r.get("reviewer_id") == user["id"] for r in output.get("reviews", [])):
            raise ApiError(409, "already_reviewed", "You have already reviewed this output; "
                                                    "another supervisor must decide.")
        if _submitted_by(user, output):
            raise ApiError(409, "conflict_of_interest", "You submitted this output; another supervisor must decide.")
        comment = (body.comment or "").strip()
        if body.verdict == "withhold" and not comment:
            raise ApiError(422, "comment_required", "A withhold needs a comment telling the researcher why.")

        now = ctx.now_iso()
        review = {"reviewer_id": user["id"], "verdict": body.verdict, "comment": comment, "at": now}
        if body.verdict == "withhold":
            review["reason"] = body.reason or "other"
            output["withhold_reason"] = review["reason"]
        reviews = list(output.get("reviews", [])) + [review]
        needed = required_releases((output.get("check") or {}).get("verdict"), output.get("required_releases"))
        if body.verdict == "withhold":
            status = "withheld"
        else:
            status = "released" if len(_releasers(reviews)) >= needed else "held"
        output.update(reviews=reviews, status=status, required_releases=needed, updated_at=now)
        saved = entities.save(tx, "output", output)
        after.update(_state(saved))
        return 201, project("output", saved, user)

    return perform(ctx, request, user["id"], "output.review", "output", output_id[:MAX_ID_LENGTH],
                   _fingerprint_body(payload), effect,
                   audit_detail={"verdict": _given(payload, "verdict", str), "reason": _given(payload, "reason", str),
                                 "expected_version": _given(payload, "expected_version", int),
                                 "before": before, "after": after})


# -- management samples ------------------------------------------------------------------

def _candidates(tx, scope: str, target_id: str) -> list[dict]:
    if scope == "project":
        app = tx.get("application", target_id)
        if app is None or app.get("status") != "approved":
            raise not_found("project")
        outputs = _outputs_of_project(tx, target_id)
    else:
        if tx.get("researcher", target_id) is None:
            raise not_found("researcher")
        outputs = _outputs_of_researcher(tx, target_id)
    return [{"id": o["id"], "status": o.get("status"), "submitted_at": o["submitted_at"]}
            for o in sorted(outputs, key=lambda o: o["id"])]


@router.post("/samples", status_code=201, responses=ERRORS, openapi_extra=_body_doc(SampleIn))
async def create_sample(request: Request, user: dict = Depends(current_user), ctx: PortalContext = Depends(context)):
    payload = await _read_json(request)
    return await run_in_threadpool(_create_sample, ctx, request, user, payload)


def _create_sample(ctx: PortalContext, request: Request, user: dict, payload: Any):
    after: dict = {}

    def effect(tx):
        if "supervisor" not in user["roles"]:
            raise role_required(("supervisor",))
        body = _validate(SampleIn, payload)
        candidates = _candidates(tx, body.scope, body.target_id)
        note = (body.reason or "").strip()
        if not note:
            raise ApiError(422, "reason_required", "A management sample needs a reason.")
        chosen = sampling.select_management_sample(candidates, body.count)
        now = ctx.now_iso()
        sample_id = _new_id(tx, "sample", "SMP", now)
        previous = {}
        for output_id in chosen:
            output = tx.get("output", output_id)
            if output.get("sample"):
                previous[output_id] = output["sample"]
            output.update(status="held", updated_at=now,
                          sample={"id": sample_id, "reason": sampling.MANAGEMENT_REASON, "probability": None})
            entities.save(tx, "output", output)
        entities.save(tx, "sample", {
            "id": sample_id, "reason": sampling.MANAGEMENT_REASON, "note": note, "probability": None,
            "scope": body.scope, "target_id": body.target_id, "count": body.count, "output_ids": chosen,
            "drawn_by": user["id"], "drawn_at": now, "algorithm": MANAGEMENT_ALGORITHM, "seed": None,
            "inputs": {"scope": body.scope, "target_id": body.target_id, "count": body.count,
                       "candidates": candidates},
            "outcome": chosen, "previous_samples": previous,
        })
        after.update(output_ids=chosen, available=len(chosen))
        return 201, {"sample_id": sample_id, "output_ids": chosen}

    return perform(ctx, request, user["id"], "sample.create", "sample", None, _fingerprint_body(payload), effect,
                   audit_detail={"scope": _given(payload, "scope", str), "target_id": _given(payload, "target_id", str),
                                 "count": _given(payload, "count", int), "note": _given(payload, "reason", str),
                                 "after": after})


# -- sample records and the overview ------------------------------------------------------------

def sample_view(sample: dict) -> dict:
    """The stored sample with its draw and the portal's own recomputation of it."""
    view = dict(sample)
    if sample.get("reason") == sampling.MANAGEMENT_REASON:
        view["draw"] = None
        inputs = sample.get("inputs") or {}
        try:
            again = sampling.select_management_sample(inputs["candidates"], inputs["count"])
            view["recomputed"] = {"output_ids": again, "matches": again == sample.get("output_ids")}
        except (KeyError, TypeError, ValueError) as exc:
            view["recomputed"] = {"matches": False, "error": f"cannot recompute: {exc}"}
        return view
    draw = {k: sample[k] for k in DRAW_KEYS if k in sample}
    view["draw"] = draw
    try:
        view["recomputed"] = sampling.recompute(draw)
    except (KeyError, TypeError, ValueError) as exc:
        view["recomputed"] = {"matches": False, "error": f"cannot recompute: {exc}"}
    return view


@router.get("/samples/{sample_id}", responses=ERRORS)
def get_sample(sample_id: str, user: dict = Depends(require("supervisor", "admin")),
               ctx: PortalContext = Depends(context)):
    with ctx.store.read() as tx:
        sample = tx.get("sample", sample_id) if len(sample_id) <= MAX_ID_LENGTH else None
    if sample is None:
        raise not_found("sample")
    audit_read(ctx, user, "sample.read", "sample", sample_id)
    return sample_view(sample)


@router.get("/sampling/overview", responses=ERRORS)
def get_sampling_overview(user: dict = Depends(require("supervisor", "admin")), ctx: PortalContext = Depends(context)):
    with ctx.store.read() as tx:
        outputs = tx.list("output")
        samples = tx.list("sample")
    overview = sampling.overview(outputs, samples)
    overview["config"] = (ctx.sampling or sampling.SamplingConfig()).to_dict()
    overview["as_of"] = ctx.now_iso()
    return overview
