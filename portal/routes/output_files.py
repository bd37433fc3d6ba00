"""`GET /outputs/{id}/files/{index}`: a file of an output, as stored.

Supervisors and admin read every file of every output (they check them). The
submitting researcher reads a file back only once the output is `released`,
and never a contributors sidecar (kind `contributors`: single enterprises'
figures, evidence for the check, not output): before the release, and for a
sidecar always, 403 `not_released`. Anyone else: 403 `role_required`; an
unknown output, another researcher's output or an unknown index: 404.

Refusal order: 401, 403 `role_required`, 404 `not_found`, 403 `not_released`.
Every file handed out is audited (`output.file.read`); every refusal too.
"""

from __future__ import annotations

import base64
import re

from fastapi import APIRouter, Depends

from ..api import PortalContext, context, require
from ..errors import ApiError, not_found
from .core import ERRORS
from .output_common import SEES_ALL, _load, _submitted_by

router = APIRouter()
_INDEX = re.compile(r"^[0-9]{1,6}$")
EVIDENCE_KINDS = frozenset({"contributors"})


def leaves_with_release(meta: dict) -> bool:
    """Whether a file is part of what a release gives out (a contributors sidecar never is)."""
    return meta.get("kind") not in EVIDENCE_KINDS


@router.get("/outputs/{output_id}/files/{index}", responses=ERRORS)
def output_file(output_id: str, index: str,
                user: dict = Depends(require("supervisor", "admin", "researcher")),
                ctx: PortalContext = Depends(context)):
    with ctx.store.write() as tx:
        output = _load(tx, output_id)
        checker = bool(SEES_ALL & set(user["roles"]))
        if output is None or not (checker or _submitted_by(user, output)):
            raise not_found("output")
        files = output.get("files") or []
        number = int(index) if _INDEX.match(index) else -1
        if not 0 <= number < len(files):
            raise not_found("file of this output")
        meta = files[number]
        if not checker:
            _refuse_unreleased(output, meta)
        content = tx.blob_get(meta["sha256"])
        if content is None:
            raise not_found("stored content of this file")
        tx.audit_append(ctx.now_iso(), user["id"], "output.file.read", "output", output["id"], "ok",
                        {"index": number, "name": meta["name"], "sha256": meta["sha256"]})
    return {"index": number, "name": meta["name"], "size": meta["size"], "sha256": meta["sha256"],
            "kind": meta["kind"], "content_base64": base64.b64encode(content).decode("ascii")}


def _refuse_unreleased(output: dict, meta: dict) -> None:
    if not leaves_with_release(meta):
        raise ApiError(403, "not_released", f"{meta['name']} holds contributor figures: evidence for the "
                                            "supervisors' check, never part of a release.")
    if output.get("status") != "released":
        raise ApiError(403, "not_released", f"Output {output['id']} is {output.get('status')}; its files "
                                            "can be read back only once it is released.")
