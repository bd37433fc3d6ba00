"""Differencing across releases: two tables each safe, whose difference isolates a few people.

A table is summarised once (``table_summary``): its count cells by row label
(the label columns joined) and column name. A new table is compared with each
table already released for the same project whose row labels are a subset or
a superset of its own and which shares count columns: where a cell of one
minus the matching cell of the other is a positive count below the minimum,
a ``differencing`` finding (review) names the cell and the other output.

Review, not fail: tables of the same labels for two populations that do not
nest (2021 and 2022) also differ by small counts; a person judges whether one
population holds the other.
"""

from __future__ import annotations

from rules.tables import TableError, parse_cell, parse_table
from rules.textio import decode_text

from .findings import REVIEW, Finding, cell_order
from .roles import COUNT, LABEL, column_roles

MAX_SUMMARY_BYTES = 2 * 1024 * 1024   # larger tables are not compared (their summary would be as large)
TABLE_KINDS = ("table", "magnitude_table")


def table_summary(data: bytes) -> dict | None:
    """{"columns": [count column names], "rows": {row label: [row index, {column: count}]}}, or None
    when the file is no table with labels and counts, or its row labels repeat."""
    if len(data) > MAX_SUMMARY_BYTES:
        return None
    text = decode_text(data)
    if text is None:
        return None
    try:
        table = parse_table(text)
    except TableError:
        return None
    roles = column_roles(table.columns())
    labels = [j for j, role in enumerate(roles) if role == LABEL]
    counts = [j for j, role in enumerate(roles) if role == COUNT]
    if not labels or not counts:
        return None
    rows: dict[str, list] = {}
    for i, row in enumerate(table.rows):
        key = " / ".join(row[j].strip() for j in labels)
        if key in rows:
            return None
        cells = {}
        for j in counts:
            value = parse_cell(row[j], table.danish) if row[j].strip() else None
            if isinstance(value, int) and not isinstance(value, bool):
                cells[table.names[j]] = value
        rows[key] = [i, cells]
    return {"columns": [table.names[j] for j in counts], "rows": rows}


def differencing(file: str, new: dict, released: list[tuple[str, str, dict]], min_count: int,
                 limit: int = 100) -> list[dict]:
    """Findings (as dicts, with `other`: the output, file, row and column subtracted) on the new
    table's cells against each released (output id, file name, summary)."""
    findings: list[dict] = []
    new_keys = set(new["rows"])
    for output_id, other_file, old in released:
        old_keys = set(old["rows"])
        if not (new_keys <= old_keys or old_keys <= new_keys):
            continue
        columns = [c for c in new["columns"] if c in set(old["columns"])]
        if not columns:
            continue
        for key in sorted(new_keys & old_keys, key=lambda k: new["rows"][k][0]):
            row, cells = new["rows"][key]
            other_row, other_cells = old["rows"][key]
            for column in columns:
                a, b = cells.get(column), other_cells.get(column)
                if a is None or b is None or not 0 < abs(a - b) < min_count:
                    continue
                finding = Finding(
                    file=file, rule="differencing", severity=REVIEW, row=row, column=column, value=abs(a - b),
                    threshold=min_count,
                    message=f'"{key}" × "{column}" is {a} here and {b} in {other_file} of {output_id} (row '
                            f"{other_row}): the difference, {abs(a - b)}, is below the minimum of {min_count}.",
                    order=cell_order(row, None)).as_dict()
                finding["other"] = {"output_id": output_id, "file": other_file, "row": other_row, "column": column,
                                    "value": b}
                findings.append(finding)
                if len(findings) >= limit:
                    return findings
    return findings
