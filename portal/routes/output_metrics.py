"""`GET /outputs/metrics?from=DATE&to=DATE` (supervisor, admin): the output checks' turnaround.

Per ISO week and in total: submitted, released, withheld, the median and
90th-percentile hours from submission to a person's decision, the share decided
within 5 working days (Danish public holidays counted), withhold reasons by
count, and reviews per supervisor (`rules/turnaround.py` says how each is
counted; the desktop dashboard computes the same from its cache).

`from` and `to` are dates (YYYY-MM-DD, UTC, both included); `to` defaults to
today, `from` to 12 weeks before `to`. A malformed date, `from` after `to`, or
more than 3 years: 422 `invalid_field`. Refusal order: 401, 403 `role_required`,
422 `invalid_field`.
"""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Query

from rules import turnaround

from ..api import PortalContext, context, require
from ..errors import invalid_field
from .core import ERRORS

router = APIRouter()
DEFAULT_WEEKS = 12
MAX_DAYS = 3 * 366


def _date(text: str | None, name: str) -> dt.date | None:
    if text is None:
        return None
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise invalid_field(f"{name}: a date as YYYY-MM-DD, not {text[:20]!r}") from None


@router.get("/outputs/metrics", responses=ERRORS)
def output_metrics(from_: str | None = Query(None, alias="from", max_length=40),
                   to: str | None = Query(None, max_length=40),
                   user: dict = Depends(require("supervisor", "admin")), ctx: PortalContext = Depends(context)):
    end = _date(to, "to") or dt.datetime.fromtimestamp(ctx.clock(), dt.timezone.utc).date()
    start = _date(from_, "from") or end - dt.timedelta(weeks=DEFAULT_WEEKS)
    if start > end:
        raise invalid_field("from: the first day comes after the last (to)")
    if (end - start).days > MAX_DAYS:
        raise invalid_field("from, to: at most 3 years at a time")
    with ctx.store.read() as tx:
        outputs = tx.list("output")
    answer = turnaround.weekly_metrics(outputs, start, end)
    answer["as_of"] = ctx.now_iso()
    return answer
