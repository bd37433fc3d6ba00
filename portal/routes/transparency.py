"""The audit log as a transparency log: signed checkpoints, the signing key, consistency
and inclusion proofs (PRODUCT.md, "The audit log is anchored outside the portal")."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from ..api import PortalContext, context, current_user
from ..errors import ApiError, bad_request, not_found
from ..transparency import tree
from ..visibility import STAFF_ROLES, caller_keys
from .core import ERRORS, MAX_SEQ

router = APIRouter()


def signer(ctx: PortalContext):
    found = ctx.extra.get("audit_signer")
    if found is None:
        raise ApiError(503, "unavailable", "This portal has no audit key.", headers={"Retry-After": "60"})
    return found


def log_size(tx) -> int:
    return tx.execute("SELECT COALESCE(MAX(seq), 0) FROM audit").fetchone()[0]


@router.get("/audit/key", responses=ERRORS)
def audit_key(ctx: PortalContext = Depends(context)):
    return signer(ctx).public()


@router.get("/audit/checkpoint", responses=ERRORS)
def audit_checkpoint(user: dict = Depends(current_user), ctx: PortalContext = Depends(context)):
    key = signer(ctx)
    with ctx.store.read() as tx:
        size = log_size(tx)
        root = tree.root(tx, size)
    return key.checkpoint(size, root.hex(), ctx.now_iso())


@router.get("/audit/consistency", responses=ERRORS)
def audit_consistency(old: int = Query(..., alias="from", ge=0, le=MAX_SEQ), new: int = Query(..., alias="to", ge=0, le=MAX_SEQ),
                      user: dict = Depends(current_user), ctx: PortalContext = Depends(context)):
    with ctx.store.read() as tx:
        size = log_size(tx)
        if old > new:
            raise bad_request(f"from ({old}) is larger than to ({new}).")
        if new > size:
            raise bad_request(f"to ({new}) is beyond the log, which has {size} entries.")
        proof = tree.consistency(tx, old, new)
    return {"from": old, "to": new, "proof": [p.hex() for p in proof]}


@router.get("/audit/inclusion", responses=ERRORS)
def audit_inclusion(seq: int = Query(..., ge=1, le=MAX_SEQ), tree_size: int = Query(..., ge=1, le=MAX_SEQ),
                    user: dict = Depends(current_user), ctx: PortalContext = Depends(context)):
    roles = set(user["roles"])
    # Who may see an entry is as for GET /audit.
    keys = caller_keys(user) if STAFF_ROLES & roles else set()
    sees_all = bool({"admin", "supervisor"} & roles)
    with ctx.store.read() as tx:
        size = log_size(tx)
        if tree_size > size:
            raise bad_request(f"tree_size ({tree_size}) is beyond the log, which has {size} entries.")
        if seq > tree_size:
            raise bad_request(f"entry {seq} is not in a tree of {tree_size} entries.")
        visible = tx.audit_query(seq=seq, limit=1, visible_keys=None if sees_all else keys, self_id=user["id"])
        if not visible:
            raise not_found("audit entry")
        proof = tree.inclusion(tx, seq - 1, tree_size)
    return {"leaf_index": seq - 1, "tree_size": tree_size, "proof": [p.hex() for p in proof]}
