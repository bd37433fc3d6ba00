"""Running a submission's check in the check pool, off the threads that serve callers.

One pool per portal process (`portal.checks.pool.CheckPool`, `check_workers`
worker processes), made on first use and closed when the portal stops. Each
file is one job with the budget `check_seconds`; the request awaits the jobs
without holding a request thread.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import threading

from fastapi import APIRouter

from .. import checks
from ..checks.filecheck import check_file
from ..checks.findings import REVIEW, Finding
from ..checks.pool import CheckPool, CheckTimeout

log = logging.getLogger("portal")
router = APIRouter()
_pools: list[CheckPool] = []
_lock = threading.Lock()


def check_pool(ctx) -> CheckPool:
    with _lock:
        pool = ctx.extra.get("check_pool")
        if pool is None:
            pool = ctx.extra["check_pool"] = CheckPool(ctx.rules.check_workers)
            _pools.append(pool)
        return pool


def _close_pools() -> None:
    with _lock:
        pools, _pools[:] = list(_pools), []
    for pool in pools:
        pool.close()


router.add_event_handler("shutdown", _close_pools)


async def run_checks(ctx, plan, files: list[tuple[str, bytes]]) -> dict:
    """The check result of a planned submission (or of an unplanned one: everything to a person)."""
    if plan is None:
        return unchecked(files)
    pool = check_pool(ctx)
    seconds = plan.rules.check_seconds
    jobs = [asyncio.wrap_future(pool.submit(check_file, job, seconds)) for job in plan.jobs]
    outcomes = await asyncio.gather(*jobs, return_exceptions=True)
    results = []
    for job, outcome in zip(plan.jobs, outcomes):
        if isinstance(outcome, CheckTimeout):
            results.append((job.kind, [_timed_out(job.name, seconds)]))
        elif isinstance(outcome, BaseException):
            log.error("the check of a file failed: %s", outcome)
            results.append((job.kind, [_failed(job.name)]))
        else:
            results.append(outcome)
    try:
        return checks.finish_output(plan, results)
    except Exception:  # noqa: BLE001 - a fault in the checker must not lose the submission
        log.exception("the automatic output check could not finish")
        return unchecked(files)


def _timed_out(name: str, seconds: float) -> Finding:
    return Finding(file=name, rule="check_timeout", severity=REVIEW, threshold=seconds,
                   message=f"The automatic check of this file took longer than its budget of {seconds:g} s "
                           f"and was stopped; a person must check the file.")


def _failed(name: str) -> Finding:
    return Finding(file=name, rule="check_error", severity=REVIEW,
                   message="The automatic check of this file failed; a person must check the file.")


def unchecked(files: list[tuple[str, bytes]]) -> dict:
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
