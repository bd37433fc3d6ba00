"""Differencing a submission against what its project already released (`portal.checks.differencing`).

Runs after the check, on a request thread, with the released outputs of the
project read in one read transaction. Each table's summary is kept as a blob
(`table-summary:SHA256`, written with the output) and in a per-process cache,
so a project with many released tables costs a read of their summaries, not a
parse of their files; tables released before summaries existed are summarised
from their files once per process.
"""

from __future__ import annotations

import json
import threading

from ..checks.differencing import TABLE_KINDS, differencing, table_summary

MAX_CACHED = 20_000
_cache: dict[str, dict | None] = {}
_lock = threading.Lock()


def summary_key(sha256: str) -> str:
    return f"table-summary:{sha256}"


def _summary_of(tx, sha256: str) -> dict | None:
    with _lock:
        if sha256 in _cache:
            return _cache[sha256]
    stored = tx.blob_get(summary_key(sha256))
    if stored is not None:
        summary = json.loads(stored)
    else:
        content = tx.blob_get(sha256)
        summary = table_summary(content) if content is not None else None
    with _lock:
        if len(_cache) >= MAX_CACHED:
            _cache.clear()
        _cache[sha256] = summary
    return summary


def add_differencing(ctx, project_id: str, files: list[tuple[str, bytes]], result: dict) -> tuple[dict, dict]:
    """(the result with `differencing` findings added, {sha256: summary} of the new tables to store)."""
    new = {}
    for (_name, data), meta in zip(files, result["files"]):
        if meta.get("kind") in TABLE_KINDS:
            summary = table_summary(data)
            if summary is not None:
                new[meta["name"]] = (meta["sha256"], summary)
    if not new:
        return result, {}
    released = []
    with ctx.store.read() as tx:
        for output in tx.list("output", owner=project_id):
            if output.get("status") != "released":
                continue
            for meta in output.get("files") or []:
                if meta.get("kind") in TABLE_KINDS and meta.get("sha256"):
                    summary = _summary_of(tx, meta["sha256"])
                    if summary is not None:
                        released.append((output["id"], meta.get("name") or "?", summary))
    found = []
    for name, (_sha, summary) in new.items():
        found += differencing(name, summary, released, ctx.rules.min_count, ctx.rules.max_findings_per_rule)
    if found:
        result = dict(result, findings=result["findings"] + found,
                      verdict="review" if result["verdict"] == "pass" else result["verdict"])
    return result, {sha: summary for sha, summary in new.values()}
