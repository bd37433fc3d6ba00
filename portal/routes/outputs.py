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

Submission
----------
`project_id` must name an approved application of the caller's researcher record.
An unknown application and another researcher's application get the same answer,
403 `not_applicant` (a researcher does not learn which application ids exist); the
caller's own application that is not approved gets 403 `not_approved`. File
contents are standard base64 (whitespace such as line breaks is ignored; anything
else that is not base64 is 422 `invalid_field`). The files go through
`portal.checks.check_output` with the portal's rules: names are sanitised, sizes,
SHA-256 and kinds recorded, contents stored content-addressed. The check runs
before the write transaction (it can take a while on large tables); its result
is used inside it.

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

Status: `held` when sampled or when the verdict is not `pass` (a flagged output
always goes to a person), else `released` at once. `required_releases`: 2 when
the check flagged it (`fail` or `review`), 1 otherwise.

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
- Submission: 401, 403 `role_required` (not a researcher, or no researcher
  record), 403 `certification_expired` (the researcher's own), 403 `not_applicant` / `not_approved` (when `project_id` is a string),
  400 `bad_request` (not JSON) / 422 `invalid_field` (the body, bad base64, no
  files), 413 `too_large`, 422 `invalid_file`. A body over the portal's overall
  limit is refused with 413 `too_large` before anything else.
- Reviews: 401, 403 `role_required`, 403 `own_certification_expired`, 404 `not_found`, 422 `invalid_field`, 409
  `not_open` (not `held`), `version_conflict`, `already_reviewed`,
  `conflict_of_interest`, then 422 `comment_required` (withhold).
- Management samples: 401, 403 `role_required`, 422 `invalid_field`, 404
  `not_found` (no such project or researcher), 422 `reason_required`.
- File contents: 401, 403 `role_required` (caseworkers, coordinators,
  recipients), 404 `not_found` (no such output, another researcher's output, no
  such file index). Samples: 401, 403 `role_required`, 404.

Audit actions: `output.submit`, `output.review`, `sample.create`, and
`output.file.read` for every file content handed out.
"""

from __future__ import annotations

import logging

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from starlette.concurrency import run_in_threadpool

from rules import applications, sampling

from .. import checks, entities
from ..api import PortalContext, context, current_user, perform, require
from ..certification.gate import refuse_lapsed_researcher, refuse_lapsed_staff
from ..errors import ApiError, invalid_field, not_found, role_required
from ..store import canonical_json
from ..visibility import project
from .bodies import body_doc as _body_doc, fingerprint_body as _fingerprint_body, given as _given, read_json as _read_json, validate as _validate
from .core import ERRORS

log = logging.getLogger("portal")
router = APIRouter()

MAX_ID_LENGTH = 100
MAX_FILES = 200
MAX_SAMPLE_COUNT = 1000
SEES_ALL = frozenset({"supervisor", "admin"})
DRAW_KEYS = ("algorithm", "seed", "subject_id", "inputs", "config", "factors", "probability", "uniform",
             "outcome", "risk_class", "reason")
MANAGEMENT_ALGORITHM = "management-newest-eligible-v1"
_WHITESPACE = re.compile(r"\s+")
_INDEX = re.compile(r"^[0-9]{1,6}$")

Comment = Annotated[str, StringConstraints(max_length=4000)]
Id = Annotated[str, StringConstraints(min_length=1, max_length=MAX_ID_LENGTH)]


class FileIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    name: Annotated[str, StringConstraints(min_length=1, max_length=1000)]
    content_base64: str


class OutputIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    project_id: Id
    comment: Comment | None = ""
    files: Annotated[list[FileIn], Field(min_length=1, max_length=MAX_FILES)]


class OutputReviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    verdict: Literal["release", "withhold"]
    comment: Comment | None = ""
    expected_version: int = Field(ge=1)


class SampleIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    scope: Literal["project", "researcher"]
    target_id: Id
    count: int = Field(ge=1, le=MAX_SAMPLE_COUNT)
    reason: Comment | None = None


# -- shared -----------------------------------------------------------------------

def _new_id(tx, counter: str, prefix: str, now: str) -> str:
    while True:
        candidate = f"{prefix}-{now[:4]}-{tx.next_number(counter):04d}"
        if tx.get(counter, candidate) is None:
            return candidate


def _load(tx, output_id: str) -> dict | None:
    if not output_id or len(output_id) > MAX_ID_LENGTH:
        return None
    return tx.get("output", output_id)


def _state(output: dict | None) -> dict:
    if output is None:
        return {}
    return {"version": output["version"], "status": output["status"],
            "releases": len(_releasers(output.get("reviews", [])))}


def _submitted_by(user: dict, output: dict) -> bool:
    return bool(user.get("researcher_id")) and user["researcher_id"] == output.get("researcher_id")


def _releasers(reviews: list[dict]) -> set[str]:
    return {r.get("reviewer_id") for r in reviews if r.get("verdict") == "release"}


def required_releases(verdict: str, stored: Any = None) -> int:
    """Two distinct releases for an output the check flagged, one for a clean one
    (a stored value may ask for more, never for fewer)."""
    by_rule = 1 if verdict == "pass" else 2
    if isinstance(stored, int) and not isinstance(stored, bool):
        return max(stored, by_rule)
    return by_rule


def _count(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def _outputs_of_researcher(tx, researcher_id: str) -> list[dict]:
    """A researcher's outputs: they are filed under the researcher's own projects."""
    found = []
    for app in tx.list("application", owner=researcher_id):
        found += [o for o in tx.list("output", owner=app["id"]) if o.get("researcher_id") == researcher_id]
    return found


def _outputs_of_project(tx, project_id: str) -> list[dict]:
    return tx.list("output", owner=project_id)


def draw_sha256(draw: dict) -> str:
    return hashlib.sha256(canonical_json(draw).encode()).hexdigest()


# -- submission -------------------------------------------------------------------------

@dataclass
class _Prepared:
    """What can be worked out before the write transaction: the body, the decoded
    files and the automatic check (or the refusal each step ended in)."""

    body: OutputIn | None = None
    body_error: ApiError | None = None
    files: list[tuple[str, bytes]] | None = None
    result: dict | None = None
    check_error: ApiError | None = None
    check_file: str | None = None


def _decode(text: str) -> bytes | None:
    """Standard base64 with its padding (RFC 4648), whitespace ignored; None when it is not."""
    compact = _WHITESPACE.sub("", text)
    if len(compact) % 4:
        return None
    try:
        return binascii.a2b_base64(compact, strict_mode=True)
    except (binascii.Error, ValueError):
        return None


def _prepare(payload: Any, rules) -> _Prepared:
    try:
        body = _validate(OutputIn, payload)
    except ApiError as refusal:
        return _Prepared(body_error=refusal)
    files = []
    for n, item in enumerate(body.files):
        data = _decode(item.content_base64)
        if data is None:
            return _Prepared(body_error=invalid_field(f"files.{n}.content_base64: not valid base64"))
        files.append((item.name, data))
    try:
        result = checks.check_output(files, rules)
    except checks.TooLarge as refusal:
        return _Prepared(body, files=files, check_file=refusal.file, check_error=ApiError(
            413, "too_large", refusal.message, extra={"file": refusal.file, "limit": refusal.limit}))
    except checks.InvalidFile as refusal:
        return _Prepared(body, files=files, check_file=refusal.file, check_error=ApiError(
            422, "invalid_file", refusal.message, extra={"file": refusal.file}))
    except Exception:  # a fault in the checker must not lose the submission: a person checks it
        log.exception("the automatic output check failed")
        result = _unchecked(files)
    return _Prepared(body, files=files, result=result)


def _unchecked(files: list[tuple[str, bytes]]) -> dict:
    """The check result when the checker itself failed: everything goes to a person."""
    names = checks.unique_names([checks.sanitize_filename(name) for name, _ in files])
    return {
        "verdict": "review",
        "findings": [{"file": None, "rule": "check_error", "row": None, "column": None, "value": None,
                      "threshold": None,
                      "message": "The automatic check could not run; a person must check every file."}],
        "files": [{"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest(), "kind": "unknown"}
                  for name, (_, data) in zip(names, files)],
    }


def _own_project(tx, project_id: str, researcher: dict) -> dict:
    app = tx.get("application", project_id) if len(project_id) <= MAX_ID_LENGTH else None
    if app is None or app.get("applicant_id") != researcher["id"]:
        raise ApiError(403, "not_applicant", "Outputs can only be submitted to an approved project of your own; "
                                             f"{project_id[:MAX_ID_LENGTH]} is not one of yours.")
    if app.get("status") != "approved":
        raise ApiError(403, "not_approved", f"Your application {app['id']} is {app.get('status')}; outputs can "
                                            "only be submitted to an approved project.")
    return app


@router.post("/outputs", status_code=201, responses=ERRORS, openapi_extra=_body_doc(OutputIn))
async def submit_output(request: Request, user: dict = Depends(current_user), ctx: PortalContext = Depends(context)):
    payload = await _read_json(request)
    return await run_in_threadpool(_submit, ctx, request, user, payload)


def _submit(ctx: PortalContext, request: Request, user: dict, payload: Any):
    is_researcher = "researcher" in user["roles"]
    prepared = _prepare(payload, ctx.rules) if is_researcher else None
    # `perform` copies the audit detail shallowly: the effect fills in these dicts.
    checked: dict = {}
    after: dict = {}

    def effect(tx):
        if not is_researcher:
            raise role_required(("researcher",))
        researcher = tx.get("researcher", user["researcher_id"]) if user.get("researcher_id") else None
        if researcher is None:
            raise ApiError(403, "role_required", "This account is not linked to a researcher record.")
        refuse_lapsed_researcher(ctx, researcher)
        project_id = payload.get("project_id") if isinstance(payload, dict) else None
        app = _own_project(tx, project_id, researcher) if isinstance(project_id, str) else None
        if prepared.body_error is not None:
            raise prepared.body_error
        if prepared.check_error is not None:
            checked["file"] = prepared.check_file
            raise prepared.check_error
        if app is None:  # cannot happen: a valid body has a string project_id
            raise invalid_field("project_id: a project id is required")
        body, result = prepared.body, prepared.result

        now = ctx.now_iso()
        output_id = _new_id(tx, "output", "OUT", now)
        for (_name, data), meta in zip(prepared.files, result["files"]):
            tx.blob_put(meta["sha256"], data)

        earlier = _outputs_of_researcher(tx, researcher["id"])
        breaches = sum(1 for o in earlier if o.get("status") == "withheld") + _count(researcher.get("earlier_breaches"))
        inputs = sampling.risk_inputs(len(earlier), breaches, app.get("registers") or [], applications.SENSITIVE_REGISTERS)
        draw = sampling.draw(output_id, inputs, ctx.sampling or sampling.SamplingConfig())
        sample = None
        if draw["outcome"]:
            sample_id = _new_id(tx, "sample", "SMP", now)
            reason = sampling.sample_reason(draw["risk_class"])
            sample = {"id": sample_id, "reason": reason, "probability": draw["probability"]}
            entities.save(tx, "sample", {**draw, "id": sample_id, "reason": reason, "scope": "output",
                                         "target_id": output_id, "output_ids": [output_id],
                                         "drawn_at": now, "drawn_by": None})
        verdict = result["verdict"]
        output = {
            "id": output_id, "project_id": app["id"], "researcher_id": researcher["id"],
            "status": "held" if (sample is not None or verdict != "pass") else "released",
            "comment": (body.comment or "").strip(),
            "files": result["files"],
            "check": {"verdict": verdict, "findings": result["findings"]},
            "sampled": bool(draw["outcome"]), "sample": sample, "draw": draw,
            "reviews": [], "required_releases": required_releases(verdict),
            "submitted_at": now, "updated_at": now,
        }
        saved = entities.save(tx, "output", output)
        checked.update(verdict=verdict, findings=len(result["findings"]), files=[dict(f) for f in result["files"]])
        after.update(version=saved["version"], status=saved["status"], draw_sha256=draw_sha256(draw))
        return 201, project("output", saved, user)

    return perform(ctx, request, user["id"], "output.submit", "output", None, _fingerprint_body(payload), effect,
                   audit_detail={"project_id": _given(payload, "project_id", str), "check": checked, "after": after})


# -- file contents ----------------------------------------------------------------------

@router.get("/outputs/{output_id}/files/{index}", responses=ERRORS)
def output_file(output_id: str, index: str,
                user: dict = Depends(require("supervisor", "admin", "researcher")),
                ctx: PortalContext = Depends(context)):
    with ctx.store.write() as tx:
        output = _load(tx, output_id)
        if output is None or not (SEES_ALL & set(user["roles"]) or _submitted_by(user, output)):
            raise not_found("output")
        files = output.get("files") or []
        number = int(index) if _INDEX.match(index) else -1
        if not 0 <= number < len(files):
            raise not_found("file of this output")
        meta = files[number]
        content = tx.blob_get(meta["sha256"])
        if content is None:
            raise not_found("stored content of this file")
        tx.audit_append(ctx.now_iso(), user["id"], "output.file.read", "output", output["id"], "ok",
                        {"index": number, "name": meta["name"], "sha256": meta["sha256"]})
    return {"index": number, "name": meta["name"], "size": meta["size"], "sha256": meta["sha256"],
            "kind": meta["kind"], "content_base64": base64.b64encode(content).decode("ascii")}


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
        reviews = list(output.get("reviews", [])) + [
            {"reviewer_id": user["id"], "verdict": body.verdict, "comment": comment, "at": now}]
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
                   audit_detail={"verdict": _given(payload, "verdict", str),
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
