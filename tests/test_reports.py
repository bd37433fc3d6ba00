"""Issue 8: the monthly PDF report and the audit CSV writer (no window needed)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import secrets

import pytest

from desktop.reports import AUDIT_CSV_COLUMNS, audit_csv_text, csv_safe, monthly_report, write_audit_csv
from desktop.sync.cache import Cache
from tests.test_dashboard import ALL_ROLES, NOW, UTC, fill, pdf_page_count


@pytest.fixture
def cache(tmp_path):
    c = fill(Cache.open(tmp_path / "cache.db", secrets.token_bytes(32)))
    yield c
    c.close()


def test_monthly_report_has_a_page_per_area(cache, tmp_path):
    path = tmp_path / "report.pdf"
    pages = monthly_report(cache, ALL_ROLES, dt.date(2026, 3, 1), path, user_id="u-anna", now=NOW, tz=UTC)
    data = path.read_bytes()
    assert pages == 3 and pdf_page_count(data) == 3
    assert b"Portal Desk monthly report" in data                # the document title
    assert not (tmp_path / "report.pdf.part").exists()


def test_monthly_report_follows_the_roles(cache, tmp_path):
    path = tmp_path / "coordinator.pdf"
    assert monthly_report(cache, {"coordinator"}, dt.date(2026, 4, 30), path, now=NOW, tz=UTC) == 1
    assert pdf_page_count(path.read_bytes()) == 1
    with pytest.raises(ValueError):
        monthly_report(cache, {"researcher"}, dt.date(2026, 4, 1), tmp_path / "none.pdf", now=NOW, tz=UTC)
    assert not (tmp_path / "none.pdf").exists()


def test_monthly_report_of_an_empty_month(tmp_path):
    with Cache.open(tmp_path / "empty.db", secrets.token_bytes(32)) as empty:
        path = tmp_path / "empty.pdf"
        assert monthly_report(empty, {"admin"}, dt.date(2026, 1, 1), path, now=NOW, tz=UTC) == 3
        assert pdf_page_count(path.read_bytes()) == 3


# -- audit CSV -----------------------------------------------------------------------------------
@pytest.mark.parametrize("value, expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1+1", "'+1+1"), ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("APP-2026-0001", "APP-2026-0001"),
    # as strong as the acknowledgement board's guard (it was not): a line break, spaces before a formula
    ("\n=1", "'\n=1"), ("  =1+1", "'  =1+1"), (" @SUM(A1)", "' @SUM(A1)"),
    ("a=b", "a=b"), ("", ""), (None, ""), (42, "42"), (True, "true"),
    ({"b": 1, "a": "ø"}, '{"a":"ø","b":1}'),
])
def test_csv_safe_neutralises_formulas(value, expected):
    assert csv_safe(value) == expected


ENTRIES = [
    {"seq": 1, "at": "2026-04-01T08:00:00Z", "actor_id": None, "action": "demo.seed", "entity": None,
     "entity_id": None, "outcome": "ok", "detail": {"application": 3}, "prev_hash": "0" * 64, "hash": "a" * 64},
    {"seq": 2, "at": "2026-04-01T09:00:00Z", "actor_id": "u-anna", "action": "application.review",
     "entity": "application", "entity_id": "=cmd|' /C calc'!A0", "outcome": "refused",
     "detail": {"code": "not_found", "comment": "Søren's ønske"}, "prev_hash": "a" * 64, "hash": "b" * 64},
]


def test_audit_csv_round_trip(tmp_path):
    path = tmp_path / "audit.csv"
    assert write_audit_csv(ENTRIES, path, {"u-anna": "Anna Holm"}) == 2
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")                    # a BOM, for spreadsheet programs
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == list(AUDIT_CSV_COLUMNS)
    first, second = (dict(zip(rows[0], r)) for r in rows[1:])
    assert first["actor_id"] == "" and first["hash"] == "a" * 64 and first["detail"] == '{"application":3}'
    assert second["actor_name"] == "Anna Holm" and second["code"] == "not_found"
    assert second["entity_id"] == "'=cmd|' /C calc'!A0"
    assert "Søren's ønske" in second["detail"]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert not (tmp_path / "audit.csv.part").exists()


def test_audit_csv_to_an_open_file():
    text = audit_csv_text(ENTRIES[:1])
    assert text.splitlines()[0] == ",".join(AUDIT_CSV_COLUMNS) and len(text.splitlines()) == 2


def test_a_months_report_counts_that_month_only_and_names_no_reader(cache, tmp_path):
    """The chart's total is the table's: approvals in the month's first and last (partial)
    weeks that fall outside the month are not counted; no "by you" in a report for management."""
    from desktop.models import dashboard as model
    for month in (dt.date(2026, 2, 1), dt.date(2026, 3, 1), dt.date(2026, 4, 1)):
        data = model.month_data(cache, ALL_ROLES, month, "u-anna", now=NOW, tz=UTC)
        weekly = data.applications.approvals
        charted = sum(len(ids) for series in weekly.series.values() for ids in series)
        assert charted == data.applications.numbers["approvals"], month
    path = tmp_path / "report.pdf"
    monthly_report(cache, ALL_ROLES, dt.date(2026, 3, 1), path, user_id="u-anna", now=NOW, tz=UTC)
    import zlib, re
    raw = path.read_bytes()
    text = b"".join(zlib.decompress(m) for m in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", raw, re.S)
                    if _inflates(m))
    assert b"by you" not in raw and b"by you" not in text


def _inflates(data: bytes) -> bool:
    import zlib
    try:
        zlib.decompress(data)
        return True
    except zlib.error:
        return False


def test_the_outputs_page_gives_the_months_turnaround(cache):
    """Issue 21: the monthly report's output numbers include the turnaround as GET /outputs/metrics counts it."""
    from desktop.models import dashboard as model
    from desktop.views.chart_painter import ChartPainter
    from desktop.views.report_painter import ReportPainter
    from rules import turnaround
    month = dt.date(2026, 3, 1)
    data = model.month_data(cache, ALL_ROLES, month, "u-anna", now=NOW, tz=UTC)
    rows = dict(ReportPainter(ChartPainter(UTC), data, cache).numbers("outputs"))
    total = turnaround.weekly_metrics(cache.rows("output", cache.output_ids()), month, dt.date(2026, 3, 31))["total"]
    median = "–" if total["median_hours"] is None else f"{total['median_hours']:.1f}"
    assert rows["Decided by a supervisor: median / 90th percentile hours"].startswith(median)
    assert "Decided within 5 working days (Danish public holidays not counted)" in rows
    assert "Withhold reasons" in rows
