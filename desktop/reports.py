"""Reports for management and auditors: the monthly PDF report and the audit CSV.

`monthly_report` draws the dashboard's figures for one calendar month from the
offline cache, one A4 page per area the user's roles cover, each with a short
table of numbers; it needs no window and may run off the UI thread.

`write_audit_csv` writes audit entries for an auditor. Cells that a spreadsheet
would run as a formula get a leading apostrophe (the one guard, rules/csvsafe.py, also
used by the acknowledgement board), so opening the file cannot execute anything.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from typing import IO, Iterable

from rules.csvsafe import neutralise_cell

from .models import dashboard as model

A4_PORTRAIT = (8.27, 11.69)
AUDIT_CSV_COLUMNS = ("seq", "at", "actor_id", "actor_name", "action", "entity", "entity_id", "outcome", "code",
                     "detail", "prev_hash", "hash")


# -- audit CSV -------------------------------------------------------------------------------------
def csv_safe(value) -> str:
    """A cell as text that a spreadsheet shows and never evaluates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return neutralise_cell(str(value))


def audit_rows(entries: Iterable[dict], actor_names: dict[str, str] | None = None) -> list[list[str]]:
    names = actor_names or {}
    rows = []
    for entry in entries:
        detail = entry.get("detail") if isinstance(entry.get("detail"), dict) else {}
        values = {**entry, "actor_name": names.get(entry.get("actor_id") or "", ""),
                  "code": detail.get("code"), "detail": detail}
        rows.append([csv_safe(values.get(column)) for column in AUDIT_CSV_COLUMNS])
    return rows


def write_audit_csv(entries: Iterable[dict], target: str | os.PathLike | IO[str],
                    actor_names: dict[str, str] | None = None) -> int:
    """Write the entries (header first) to a path or an open text file; returns the
    number of entries. A path is written as UTF-8 with a byte-order mark, which
    spreadsheet programs need to show æ, ø and å."""
    rows = audit_rows(entries, actor_names)
    if isinstance(target, (str, os.PathLike)):
        temporary = f"{os.fspath(target)}.part"
        with open(temporary, "w", encoding="utf-8-sig", newline="") as f:
            _write_rows(f, rows)
        os.replace(temporary, target)
    else:
        _write_rows(target, rows)
    return len(rows)


def _write_rows(f: IO[str], rows: list[list[str]]) -> None:
    writer = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(AUDIT_CSV_COLUMNS)
    writer.writerows(rows)


def audit_csv_text(entries: Iterable[dict], actor_names: dict[str, str] | None = None) -> str:
    buffer = io.StringIO()
    write_audit_csv(entries, buffer, actor_names)
    return buffer.getvalue()


# -- the monthly report ----------------------------------------------------------------------------
def monthly_report(cache, roles: Iterable[str], month: dt.date, path: str | os.PathLike, *,
                   user_id: str | None = None, now: dt.datetime | None = None, tz: dt.tzinfo | None = None,
                   calendar: model.WorkCalendar | None = None) -> int:
    """Write the PDF report of `month` (any day in it) to `path`; returns its page count."""
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    from .views.chart_painter import ChartPainter
    from .views.report_painter import ReportPainter

    roles = set(roles)
    data = model.month_data(cache, roles, month, user_id, now=now, tz=tz, calendar=calendar)
    if not data.areas:
        raise ValueError("these roles have no area to report on")
    painter = ReportPainter(ChartPainter(tz), data, cache)
    temporary = f"{os.fspath(path)}.part"
    pages = 0
    try:
        with PdfPages(temporary, metadata={"Title": painter.document_title(), "Creator": "Portal Desk"}) as pdf:
            for area in data.areas:
                figure = Figure(figsize=A4_PORTRAIT, facecolor="white",
                                layout=ConstrainedLayoutEngine(h_pad=0.1, w_pad=0.08))
                # A report for management names no reader: no "by you" split.
                painter.page(figure, area, show_mine=False)
                pdf.savefig(figure)
                pages += 1
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
    return pages
