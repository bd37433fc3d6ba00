"""Magnitude tables: dominance and p% rules from a contributors sidecar file.

``NAME.contributors.csv`` next to ``NAME.csv`` describes who contributed to
the cells of NAME.csv, in one of two forms (told apart by the header):

- list form, one line per contribution:   row,column,value
- summary form, one line per cell:        row,column,n,total,top1,top2[,top3...]

``row`` is the 0-based data row of NAME.csv and ``column`` its header name.
Columns named in the sidecar are magnitude columns; every other numeric column
of NAME.csv is checked as an ordinary count column.
"""

import heapq
from dataclasses import dataclass, field
from fractions import Fraction

from rules.tables import MISSING, TEXT, CsvTable, TableError, parse_exact, parse_table
from .findings import FAIL, REVIEW, Finding, cell_order
from .frequency import where
from rules.identifiers import mask_identifiers
from .roles import LABEL
from .rules import Rules

SIDECAR_SUFFIX = ".contributors.csv"
LIST_FIELDS = ("row", "column", "value")
SUMMARY_FIELDS = ("row", "column", "n", "total", "top1")


@dataclass
class CellContributions:
    n: int = 0
    total: int | Fraction = 0
    top: list[int | Fraction] = field(default_factory=list)  # largest first
    negative: bool = False


@dataclass
class Contributors:
    cells: dict[tuple[int, str], CellContributions]
    problems: list[str]
    top_known: int  # how many of the largest contributions each cell carries


def sidecar_table_name(sidecar: str) -> str | None:
    """``sales.contributors.csv`` -> ``sales.csv``; None for any other name."""
    if not sidecar.lower().endswith(SIDECAR_SUFFIX) or len(sidecar) == len(SIDECAR_SUFFIX):
        return None
    return sidecar[: -len(SIDECAR_SUFFIX)] + ".csv"


def read_contributors(text: str, keep_top: int) -> Contributors:
    try:
        table = parse_table(text)
    except TableError as exc:
        return Contributors({}, [str(exc)], 0)
    header = [h.strip().lower() for h in (table.header or [])]
    if all(f in header for f in LIST_FIELDS):
        return _read_list_form(table, header, keep_top)
    if all(f in header for f in SUMMARY_FIELDS):
        return _read_summary_form(table, header)
    return Contributors({}, ["the header must be row,column,value or row,column,n,total,top1,top2,..."], 0)


def _read_list_form(table: CsvTable, header: list[str], keep_top: int) -> Contributors:
    at = {name: header.index(name) for name in LIST_FIELDS}
    values: dict[tuple[int, str], list[int | Fraction]] = {}
    bad = 0
    for line in table.rows:
        row, value = _row_number(line[at["row"]]), parse_exact(line[at["value"]], table.danish)
        if row is None or value is None:
            bad += 1
            continue
        values.setdefault((row, line[at["column"]].strip()), []).append(value)
    cells = {
        key: CellContributions(len(vs), sum(vs), heapq.nlargest(keep_top, vs), any(v < 0 for v in vs))
        for key, vs in values.items()
    }
    return Contributors(cells, [f"{bad} unreadable lines"] if bad else [], keep_top)


def _read_summary_form(table: CsvTable, header: list[str]) -> Contributors:
    top_columns = []
    while f"top{len(top_columns) + 1}" in header:
        top_columns.append(header.index(f"top{len(top_columns) + 1}"))
    cells: dict[tuple[int, str], CellContributions] = {}
    bad = 0
    for line in table.rows:
        row, n = _row_number(line[header.index("row")]), _row_number(line[header.index("n")])
        total = parse_exact(line[header.index("total")], table.danish)
        tops = [parse_exact(line[j], table.danish) or Fraction(0) for j in top_columns]
        if row is None or n is None or total is None:
            bad += 1
            continue
        tops = sorted(tops[:n], reverse=True)
        negative = total < 0 or any(t < 0 for t in tops)
        cells[(row, line[header.index("column")].strip())] = CellContributions(n, total, tops, negative)
    return Contributors(cells, [f"{bad} unreadable lines"] if bad else [], len(top_columns))


def _row_number(raw: str) -> int | None:
    raw = raw.strip()
    return int(raw) if raw.isascii() and raw.isdigit() else None


def magnitude_columns(table: CsvTable, contributors: Contributors) -> dict[int, str]:
    """Column index -> name for every table column the sidecar names."""
    named = {column for _, column in contributors.cells}
    return {j: name for j, name in enumerate(table.names) if name in named}


def check_magnitudes(file: str, table: CsvTable, roles: list[str], contributors: Contributors,
                     rules: Rules) -> list[Finding]:
    findings = [_problem(file, p) for p in contributors.problems]
    columns = magnitude_columns(table, contributors)
    findings += _mismatches(file, table, contributors, columns)
    needed_top = max(rules.dominance_n, 2)
    if contributors.cells and contributors.top_known < needed_top:
        findings.append(_problem(file, f"dominance needs the {needed_top} largest contributions per cell "
                                       f"(top1..top{needed_top}); only {contributors.top_known} given"))
        return findings
    labels = [j for j, role in enumerate(roles) if role == LABEL]
    for j, name in columns.items():
        column = table.columns()[j]
        for row, raw in enumerate(column.values):
            cell = contributors.cells.get((row, name))
            findings += _check_cell(file, table, labels, row, j, column.kinds[raw], cell, rules)
    return findings


def _check_cell(file, table, labels, row, j, value, cell, rules: Rules) -> list[Finding]:
    def finding(rule, severity, found, threshold, message):
        return Finding(file=file, rule=rule, severity=severity, row=row, column=table.names[j], value=found,
                       threshold=threshold, message=message, order=cell_order(row, j))

    def place() -> str:  # built only for a finding: masking every cell's label would be slow
        return where(table, labels, row, j)

    if value is MISSING:
        return []  # suppressed in the table itself
    if cell is None or cell.n == 0:
        if value == 0 and rules.zero_cells != "ignore":
            return [finding("zero", rules.zero_cells, 0, None, f"Zero cell {place()}.")]
        if value is TEXT or value == 0:
            return []
        return [finding("contributors_missing", REVIEW, None, None,
                        f"No contributor figures {place()}; dominance cannot be checked.")]
    found = []
    if cell.n < rules.min_count:
        found.append(finding("threshold", FAIL, cell.n, rules.min_count,
                             f"{cell.n} contributors {place()}: below the minimum of {rules.min_count}."))
    if cell.negative:
        found.append(finding("negative_contribution", REVIEW, None, None,
                             f"Negative contributions {place()}: dominance is not defined; a person must judge."))
        return found
    if cell.total <= 0:
        return found
    share = sum(cell.top[: rules.dominance_n], Fraction(0)) / cell.total
    k = rules.dominance_k_exact
    if share >= k if rules.dominance_inclusive else share > k:
        comparison = "at least" if rules.dominance_inclusive else "more than"
        found.append(finding("dominance", FAIL, round(float(share), 4), rules.dominance_k,
                             f"The {rules.dominance_n} largest contributors hold {float(share):.1%} of the total "
                             f"{place()} ({comparison} {float(k):.0%})."))
    largest = cell.top[0] if cell.top else Fraction(0)
    second = cell.top[1] if len(cell.top) > 1 else Fraction(0)
    remainder = cell.total - largest - second
    if largest > 0 and remainder < rules.p_percent_exact * largest:
        found.append(finding("p_percent", FAIL, round(float(remainder / largest), 4), rules.p_percent,
                             f"The others besides the two largest contributors add up to "
                             f"{float(remainder / largest):.1%} of the largest {place()}: the second largest could "
                             f"estimate the largest within {float(rules.p_percent_exact):.0%}."))
    return found


def _mismatches(file, table, contributors: Contributors, columns: dict[int, str]) -> list[Finding]:
    known = set(columns.values())
    stray = [key for key in contributors.cells if key[1] not in known or key[0] >= len(table.rows)]
    if not stray:
        return []
    examples = ", ".join(f"row {r} column {c!r}" for r, c in stray[:3])
    return [_problem(file, f"{len(stray)} cells in the contributor figures are not in the table ({examples})")]


def _problem(file: str, text: str) -> Finding:
    return Finding(file=file, rule="contributors_mismatch", severity=REVIEW,
                   message=mask_identifiers(f"Contributor figures: {text}."),
                   order=cell_order(None, None))
