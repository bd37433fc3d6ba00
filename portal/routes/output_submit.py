"""`POST /outputs` (researcher) `{project_id, comment, files:[{name, content_base64}]}`
-> 201 the output (as the caller may see it), with its check and whether it was sampled.

Nothing the researcher sends is trusted, and nothing is worked on before the
caller is known to be allowed to submit:

1. (before any check work) the caller is a researcher with a researcher record
   (403 `role_required`) whose certification is valid (403 `certification_expired`), `project_id` names an approved application of their
   own (403 `not_applicant`, the same answer for an unknown id, or
   `not_approved`); then the body (400 `bad_request`, 422 `invalid_field`, bad
   base64), sizes (413 `too_large`) and blocked types (422 `invalid_file`);
2. the researcher has at most MAX_CHECKING submissions in checking at once,
   across all portal processes (a lease in the database): beyond, 429
   `too_many_requests` with `Retry-After`;
3. the check runs in the check pool (`portal.checks.pool`: worker processes of
   their own, `check_workers` of them), one job per file with a budget of
   `check_seconds`; the request waits for it without holding a thread that
   serves other callers. A file past its budget gets a `check_timeout` finding
   (review: the output is held for a person); a file whose check failed gets
   `check_error` (review);
4. its tables are compared with the tables the project already released
   (`output_differencing.py`: `differencing` findings, review);
5. one write transaction (`perform`): the project is checked again, the files
   stored content-addressed, the sampling draw made, the output saved.

Status: `held` when sampled or when the verdict is not `pass` (a flagged output
always goes to a person), else `released` at once. `required_releases`: 2 when
the check flagged it (`fail` or `review`), 1 otherwise. The audit entry
(`output.submit`) of every refusal and every submission holds the check's
verdict, and for a held output `after.held_because` (`check:fail`,
`check:review`, `sampled`).

An Idempotency-Key already answered is answered again at step 1, without a
second check. The draw and its audit hash are described in `outputs.py`.
"""

from __future__ import annotations

import asyncio
import binascii
import json
import logging
import re
import uuid
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from starlette.concurrency import run_in_threadpool

from rules import applications, sampling

from .. import checks, entities
from ..api import PortalContext, context, current_user, perform
from ..certification.gate import refuse_lapsed_researcher
from ..errors import ApiError, invalid_field, role_required
from ..visibility import project
from .bodies import PlainLine, body_doc, fingerprint_body, given, read_json, validate
from .check_runner import run_checks
from .output_differencing import add_differencing, summary_key
from .core import ERRORS
from .output_common import (MAX_ID_LENGTH, Comment, Id, _count, _new_id, _outputs_of_researcher, draw_sha256,
                            required_releases)

log = logging.getLogger("portal")
router = APIRouter()

MAX_FILES = 200
MAX_CHECKING = 2          # submissions of one researcher in checking at once (the contract's figure)
RETRY_AFTER_SECONDS = 10
MIN_LEASE_SECONDS = 600   # how long a lease outlives a portal process that died while checking
_WHITESPACE = re.compile(r"\s+")


class FileIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    name: Annotated[str, StringConstraints(min_length=1, max_length=1000), PlainLine]
    content_base64: str


class OutputIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    project_id: Id
    comment: Comment | None = ""
    files: Annotated[list[FileIn], Field(min_length=1, max_length=MAX_FILES)]


@dataclass
class _Admitted:
    """A submission let through step 1 and 2: its body, files, check plan and lease."""

    body: OutputIn
    files: list[tuple[str, bytes]]
    plan: Any
    researcher_id: str
    lease: str


def _decode(text: str) -> bytes | None:
    """Standard base64 with its padding (RFC 4648), whitespace ignored; None when it is not."""
    compact = _WHITESPACE.sub("", text)
    if len(compact) % 4:
        return None
    try:
        return binascii.a2b_base64(compact, strict_mode=True)
    except (binascii.Error, ValueError):
        return None


def _own_project(tx, project_id: str, researcher: dict) -> dict:
    app = tx.get("application", project_id) if len(project_id) <= MAX_ID_LENGTH else None
    if app is None or app.get("applicant_id") != researcher["id"]:
        raise ApiError(403, "not_applicant", "Outputs can only be submitted to an approved project of your own; "
                                             f"{project_id[:MAX_ID_LENGTH]} is not one of yours.")
    if app.get("status") != "approved":
        raise ApiError(403, "not_approved", f"Your application {app['id']} is {app.get('status')}; outputs can "
                                            "only be submitted to an approved project.")
    return app


def _caller(ctx: PortalContext, tx, user: dict, payload: Any) -> tuple[dict, dict | None]:
    """The caller's researcher record and project; the 403s, before anything else."""
    if "researcher" not in user["roles"]:
        raise role_required(("researcher",))
    researcher = tx.get("researcher", user["researcher_id"]) if user.get("researcher_id") else None
    if researcher is None:
        raise ApiError(403, "role_required", "This account is not linked to a researcher record.")
    refuse_lapsed_researcher(ctx, researcher)       # 403 certification_expired
    project_id = payload.get("project_id") if isinstance(payload, dict) else None
    app = _own_project(tx, project_id, researcher) if isinstance(project_id, str) else None
    return researcher, app


def _files(payload: Any) -> tuple[OutputIn, list[tuple[str, bytes]]]:
    body = validate(OutputIn, payload)
    files = []
    for n, item in enumerate(body.files):
        data = _decode(item.content_base64)
        if data is None:
            raise invalid_field(f"files.{n}.content_base64: not valid base64")
        files.append((item.name, data))
    return body, files


def _plan(files: list[tuple[str, bytes]], rules) -> Any:
    try:
        return checks.plan_output(files, rules)
    except checks.TooLarge as refusal:
        raise ApiError(413, "too_large", refusal.message, extra={"file": refusal.file, "limit": refusal.limit})
    except checks.InvalidFile as refusal:
        raise ApiError(422, "invalid_file", refusal.message, extra={"file": refusal.file})
    except Exception:  # a fault in the checker must not lose the submission: a person checks it
        log.exception("the automatic output check could not plan its work")
        return None


@router.post("/outputs", status_code=201, responses=ERRORS, openapi_extra=body_doc(OutputIn))
async def submit_output(request: Request, user: dict = Depends(current_user), ctx: PortalContext = Depends(context)):
    payload = await read_json(request)
    admitted = await run_in_threadpool(_admit, ctx, request, user, payload)
    if not isinstance(admitted, _Admitted):
        return admitted           # a refusal, or the first answer to this Idempotency-Key
    try:
        result = await run_checks(ctx, admitted.plan, admitted.files)
    except BaseException:
        # cancelled or failed: give the lease back whatever happens to this request
        asyncio.get_running_loop().run_in_executor(None, _release, ctx, admitted)
        raise
    await run_in_threadpool(_release, ctx, admitted)
    result, summaries = await run_in_threadpool(add_differencing, ctx, admitted.body.project_id, admitted.files, result)
    return await run_in_threadpool(_record, ctx, request, user, payload, admitted, result, summaries)


def _admit(ctx: PortalContext, request: Request, user: dict, payload: Any) -> _Admitted | JSONResponse:
    detail: dict = {}
    try:
        key = request.headers.get("idempotency-key")
        if key is not None and 0 < len(key) <= 200:
            with ctx.store.read() as tx:
                answered = tx.idem_get(user["id"], key) is not None
            if answered:   # `perform` answers as the first time (or refuses a reused key)
                return _perform(ctx, request, user, payload, _never, detail)
        with ctx.store.read() as tx:
            researcher, _app = _caller(ctx, tx, user, payload)
        body, files = _files(payload)
        try:
            plan = _plan(files, ctx.rules)
        except ApiError as refusal:
            detail["file"] = (refusal.extra or {}).get("file")
            raise
        lease = uuid.uuid4().hex
        now = ctx.clock()
        jobs = len(plan.jobs) if plan is not None else 0
        until = now + max(MIN_LEASE_SECONDS, 2 * jobs * ctx.rules.check_seconds)
        with ctx.store.write() as tx:
            taken = tx.lease_take(_lease_group(researcher["id"]), lease, now, until, MAX_CHECKING)
        if not taken:
            raise ApiError(429, "too_many_requests",
                           f"You have {MAX_CHECKING} outputs in checking already; submit this one when one of "
                           "them is done.", extra={"retry_after": RETRY_AFTER_SECONDS},
                           headers={"Retry-After": str(RETRY_AFTER_SECONDS)})
        return _Admitted(body, files, plan, researcher["id"], lease)
    except ApiError as refusal:
        return _perform(ctx, request, user, payload, _raiser(refusal), detail)


def _lease_group(researcher_id: str) -> str:
    return f"checking:{researcher_id}"


def _release(ctx: PortalContext, admitted: _Admitted) -> None:
    try:
        with ctx.store.write() as tx:
            tx.lease_release(_lease_group(admitted.researcher_id), admitted.lease)
    except Exception:  # noqa: BLE001 - the lease expires on its own
        log.exception("could not give back a checking lease")


def _never(tx):
    raise AssertionError("an answered Idempotency-Key is answered by perform")


def _raiser(refusal: ApiError):
    def effect(tx):
        raise refusal
    return effect


def _perform(ctx, request, user, payload, effect, detail: dict, after: dict | None = None):
    return perform(ctx, request, user["id"], "output.submit", "output", None, fingerprint_body(payload), effect,
                   audit_detail={"project_id": given(payload, "project_id", str), "check": detail,
                                 "after": after if after is not None else {}})


def _record(ctx: PortalContext, request: Request, user: dict, payload: Any, admitted: _Admitted, result: dict,
            summaries: dict):
    checked: dict = {}   # `perform` copies the audit detail shallowly: the effect fills in these dicts
    after: dict = {}

    def effect(tx):
        researcher, app = _caller(ctx, tx, user, payload)   # the project may have changed while the check ran
        now = ctx.now_iso()
        output_id = _new_id(tx, "output", "OUT", now)
        for (_name, data), meta in zip(admitted.files, result["files"]):
            tx.blob_put(meta["sha256"], data)
        for sha256, summary in summaries.items():   # what later submissions are differenced against
            tx.blob_put(summary_key(sha256), json.dumps(summary).encode())
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
        held_because = ([f"check:{verdict}"] if verdict != "pass" else []) + (["sampled"] if sample else [])
        output = {
            "id": output_id, "project_id": app["id"], "researcher_id": researcher["id"],
            "status": "held" if held_because else "released",
            "comment": (admitted.body.comment or "").strip(),
            "files": result["files"],
            "check": {"verdict": verdict, "findings": result["findings"]},
            "sampled": bool(draw["outcome"]), "sample": sample, "draw": draw,
            "reviews": [], "required_releases": required_releases(verdict),
            "submitted_at": now, "updated_at": now,
        }
        saved = entities.save(tx, "output", output)
        rules = sorted({f["rule"] for f in result["findings"]})
        checked.update(verdict=verdict, findings=len(result["findings"]), rules=rules,
                       files=[dict(f) for f in result["files"]])
        after.update(version=saved["version"], status=saved["status"], draw_sha256=draw_sha256(draw),
                     held_because=held_because)
        return 201, project("output", saved, user)

    return _perform(ctx, request, user, payload, effect, checked, after)
