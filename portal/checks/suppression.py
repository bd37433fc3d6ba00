"""Recoverable suppression: a suppressed cell the table's own totals give back.

A cell is suppressed when it holds a marker (``*``, ``<3``, ``..``, empty, ...).
When a table has a total column (header ``Total``, ``I alt``, ``Sum``, ``All``
...) and a row has exactly one suppressed count cell, the row total minus the
other cells is that cell; likewise down a column with a total row (a label
``Total``, ``I alt`` ...). Recovered cells help recover others (two suppressed
cells in a row, each alone in its column), so the passes repeat until nothing
new is found. Every recovered cell is a ``recoverable_suppression`` finding
(fail): suppressing it protected nothing.
"""

from __future__ import annotations

from rules.tables import MISSING, TEXT, CsvTable, parse_cell

from .findings import FAIL, Finding, cell_order
from .frequency import where
from .roles import COUNT, LABEL

TOTAL_WORDS = frozenset({"total", "totals", "totalt", "ialt", "i alt", "sum", "all", "alle", "samlet", "overall",
                         "grand total", "hele landet", "in total"})
MAX_PASSES = 5


def is_total(text: str) -> bool:
    return " ".join(text.lower().replace(":", " ").split()) in TOTAL_WORDS


def check_recoverable(file: str, table: CsvTable, roles: list[str]) -> list[Finding]:
    columns = table.columns()
    # A column of markers only has no numbers to call it a count column; it is one all the same.
    counts = [j for j, role in enumerate(roles) if role == COUNT or (
        j > 0 and TEXT not in columns[j].kinds.values() and MISSING in columns[j].kinds.values())]
    labels = [j for j, role in enumerate(roles) if role == LABEL and j not in counts]
    total_col = next((j for j in counts if is_total(table.names[j])), None)
    total_row = next((i for i, row in enumerate(table.rows) if any(is_total(row[j]) for j in labels)), None)
    if total_col is None and total_row is None:
        return []
    body = [j for j in counts if j != total_col]
    values: dict[tuple[int, int], object] = {}
    for i, row in enumerate(table.rows):
        for j in counts:
            values[(i, j)] = parse_cell(row[j], table.danish) if row[j].strip() else MISSING
    recovered: dict[tuple[int, int], int | float] = {}

    def known(cell):
        value = recovered.get(cell, values.get(cell))
        return value if value is not MISSING and value is not TEXT else None

    def solve(cells: list[tuple[int, int]], total_cell: tuple[int, int]) -> None:
        total = known(total_cell)
        if total is None:
            return
        unknown = [c for c in cells if known(c) is None and values.get(c) is MISSING]
        if len(unknown) != 1 or any(known(c) is None for c in cells if c not in unknown):
            return
        recovered[unknown[0]] = total - sum(known(c) for c in cells if c not in unknown)

    for _ in range(MAX_PASSES):
        before = len(recovered)
        if total_col is not None:
            for i in range(len(table.rows)):
                solve([(i, j) for j in body], (i, total_col))
        if total_row is not None:
            rows = [i for i in range(len(table.rows)) if i != total_row]
            for j in counts:
                solve([(i, j) for i in rows], (total_row, j))
        if len(recovered) == before:
            break
    findings = []
    for (i, j), value in sorted(recovered.items()):
        value = int(value) if float(value).is_integer() else value
        findings.append(Finding(
            file=file, rule="recoverable_suppression", severity=FAIL, row=i, column=table.names[j], value=value,
            message=f"The suppressed cell {where(table, labels, i, j)} is {value}: the table's own totals give "
                    f"it back.", order=cell_order(i, j)))
    return findings
