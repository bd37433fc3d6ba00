"""Locating CPR/CVR numbers in whole files: line numbers in text, cells in tables."""

import bisect
import re

from rules.tables import Column, CsvTable
from .findings import FAIL, Finding, cell_order, more_findings
from rules.identifiers import (CVR_VALUE_RE, IdentifierHit, find_identifiers, is_cpr_header, is_cvr_header,
                          keyword_matches, lower_same_length, mask_cvr, might_contain_identifiers, scan_whole_text)

_NAMES = {"cpr": "CPR number", "cvr": "CVR number"}
_CVR_LABEL_RE = re.compile(r"^\s*CVR(?:[ .\-]*(?:nummer|number|nr|no)\.?)?\s*:?\s*$", re.IGNORECASE)
# the same label as a whole CSV cell, followed by a delimiter: worth the row-by-row search
_CVR_CELL_RE = re.compile(r"CVR(?:[ .\-]*(?:nummer|number|nr|no)\.?)?\s*:?\s*\"?\s*[,;\t|]\s*\"?\s*\d",
                          re.IGNORECASE)
_DIGIT_RE = re.compile(r"\d")


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


def scan_table(file: str, table: CsvTable, text: str, limit: int) -> list[Finding]:
    """Findings on the cell (data row, column name); header and title lines are file-level.

    Lists at most ``limit`` cells per rule in reading order (a column of a
    million CVR numbers must not build a million findings) and one summary
    finding with the number of the others.
    """
    if not might_contain_identifiers(text):
        return []
    findings = []
    for line in table.title_lines:
        for hit in find_identifiers(" ".join(line)):
            findings.append(identifier_finding(file, hit, None, None, where=" in a title line"))
    for j, raw in enumerate(table.header or []):
        for hit in find_identifiers(raw):
            findings.append(identifier_finding(file, hit, None, None, where=f" in the header of column {j + 1}"))
    candidates: dict[str, list[tuple[int, int, IdentifierHit]]] = {}
    totals: dict[str, int] = {}
    for column in table.columns():
        hits_by_value = _column_hits(table, column)
        if not hits_by_value:
            continue
        listed: dict[str, int] = {}
        for row in [row for row, raw in enumerate(column.values) if raw in hits_by_value]:
            for hit in hits_by_value[column.values[row]]:
                totals[hit.rule] = totals.get(hit.rule, 0) + 1
                listed[hit.rule] = listed.get(hit.rule, 0) + 1
                if listed[hit.rule] <= limit:  # the first N overall are among each column's first N
                    candidates.setdefault(hit.rule, []).append((row, column.index, hit))
    for rule, cells in candidates.items():
        cells.sort(key=lambda cell: cell[:2])
        for row, j, hit in cells[:limit]:
            findings.append(identifier_finding(file, hit, row, table.names[j], j))
        if totals[rule] > limit:
            findings.append(more_findings(file, rule, FAIL, totals[rule] - limit))
    if next(keyword_matches(text, lower_same_length(text), _CVR_CELL_RE, ("cvr",)), None) is not None:
        findings += _cvr_in_next_cell(file, table)
    return findings


def _column_hits(table: CsvTable, column: Column) -> dict[str, list[IdentifierHit]]:
    """Distinct cell value -> the identifiers in it, for one column."""
    raw_header = table.header[column.index] if table.header else ""
    cpr_context, cvr_context = is_cpr_header(raw_header), is_cvr_header(raw_header)
    hits_by_value = {}
    values = column.kinds
    if cvr_context:  # fast path for a column of CVR numbers
        matches = ((raw, CVR_VALUE_RE.match(raw)) for raw in values)
        hits_by_value = {raw: [IdentifierHit("cvr", m.start(1), m.end(1), mask_cvr(m.group(1)))]
                         for raw, m in matches if m}
        values = [raw for raw in values if raw not in hits_by_value]
    for raw in values:
        if _worth_scanning(raw, cpr_context or cvr_context):
            hits = list(find_identifiers(raw, cpr_context, cvr_context))
            if hits:
                hits_by_value[raw] = hits
    return hits_by_value


_KEYWORDS = ("cvr", "cpr", "pnr", "person")


def _worth_scanning(raw: str, header_context: bool) -> bool:
    """Skip the regexes for the many cells that cannot hold an identifier."""
    if len(raw) < 8 or not _DIGIT_RE.search(raw):
        return False
    if header_context or "-" in raw:
        return True
    lowered = raw.lower()
    return any(keyword in lowered for keyword in _KEYWORDS)


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
