"""Locating CPR/CVR numbers in whole files: line numbers in text, cells in tables."""

import bisect
import re

from .csvtable import CsvTable
from .findings import FAIL, Finding, cell_order
from .identifiers import (CVR_VALUE_RE, IdentifierHit, find_identifiers, is_cpr_header, is_cvr_header, mask_cvr,
                          might_contain_identifiers, scan_whole_text)

_NAMES = {"cpr": "CPR number", "cvr": "CVR number"}
_CVR_LABEL_RE = re.compile(r"^\s*CVR(?:[ .\-]*(?:nummer|number|nr|no)\.?)?\s*:?\s*$", re.IGNORECASE)


def identifier_finding(file: str, hit: IdentifierHit, row: int | None, column: str | None,
                       column_index: int | None = None, where: str = "") -> Finding:
    return Finding(
        file=file, rule=hit.rule, severity=FAIL, row=row, column=column, value=hit.masked,
        message=f"{_NAMES[hit.rule]} {hit.masked}{where} must never leave the research machine.",
        order=cell_order(row, column_index),
    )


def scan_text(file: str, text: str) -> list[Finding]:
    """Findings with row = 0-based line number and no column."""
    hits = scan_whole_text(text)
    if not hits:
        return []
    newlines = [m.start() for m in re.finditer("\n", text)]
    return [identifier_finding(file, hit, bisect.bisect_left(newlines, hit.start), None) for hit in hits]


def scan_table(file: str, table: CsvTable, text: str) -> list[Finding]:
    """Findings on the cell (data row, column name); header and title lines are file-level."""
    if not might_contain_identifiers(text):
        return []
    findings = []
    for line in table.title_lines:
        for hit in find_identifiers(" ".join(line)):
            findings.append(identifier_finding(file, hit, None, None, where=" in a title line"))
    for j, raw in enumerate(table.header or []):
        for hit in find_identifiers(raw):
            findings.append(identifier_finding(file, hit, None, None, where=f" in the header of column {j + 1}"))
    for column in table.columns():
        raw_header = table.header[column.index] if table.header else ""
        cpr_context, cvr_context = is_cpr_header(raw_header), is_cvr_header(raw_header)
        hits_by_value = {}
        for raw in column.kinds:
            if len(raw) >= 8 and any(c.isdigit() for c in raw):
                hits = list(find_identifiers(raw, cpr_context, cvr_context))
                if hits:
                    hits_by_value[raw] = hits
        for row, raw in enumerate(column.values):
            for hit in hits_by_value.get(raw, ()):
                findings.append(identifier_finding(file, hit, row, column.name, column.index))
    if any(_CVR_LABEL_RE.match(raw) for column in table.columns() for raw in column.kinds if len(raw) < 16):
        findings += _cvr_in_next_cell(file, table)
    return findings


def _cvr_in_next_cell(file: str, table: CsvTable) -> list[Finding]:
    """A cell saying just "CVR" (or "CVR-nr.") followed by a cell with the number."""
    findings = []
    for row, cells in enumerate(table.rows):
        for j in range(len(cells) - 1):
            if _CVR_LABEL_RE.match(cells[j]):
                value = CVR_VALUE_RE.match(cells[j + 1])
                if value:
                    hit = IdentifierHit("cvr", 0, 0, mask_cvr(value.group(1)))
                    findings.append(identifier_finding(file, hit, row, table.names[j + 1], j + 1))
    return findings
