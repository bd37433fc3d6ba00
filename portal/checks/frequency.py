"""Frequency rules on count cells: counts below the minimum, and zero cells."""

from rules.tables import CsvTable
from .findings import FAIL, REVIEW, Finding, cell_order, more_findings
from rules.identifiers import mask_identifiers
from .roles import COUNT, LABEL
from .rules import Rules


def check_frequencies(file: str, table: CsvTable, roles: list[str], rules: Rules,
                      skip_columns: frozenset[int] = frozenset()) -> list[Finding]:
    """Every count 1..min_count-1 fails ("threshold"); every 0 is a "zero" finding.

    Works column by column on the distinct values (tables repeat values a lot),
    then lists only the first ``max_findings_per_rule`` cells in reading order.
    """
    limit = rules.max_findings_per_rule
    small: dict[int, tuple[list[int], int]] = {}
    zero: dict[int, tuple[list[int], int]] = {}
    for column in table.columns():
        if roles[column.index] != COUNT or column.index in skip_columns:
            continue
        numbers = [(raw, v) for raw, v in column.kinds.items() if type(v) in (int, float) and v < rules.min_count]
        below = {raw for raw, v in numbers if v > 0}
        zeros = {raw for raw, v in numbers if v == 0} if rules.zero_cells != "ignore" else set()
        if below:
            small[column.index] = (column.positions(below, limit), sum(column.counts[r] for r in below))
        if zeros:
            zero[column.index] = (column.positions(zeros, limit), sum(column.counts[r] for r in zeros))

    unrounded: dict[int, tuple[list[int], int]] = {}
    base = rules.rounding_base
    if base:
        for column in table.columns():
            if roles[column.index] != COUNT or column.index in skip_columns:
                continue
            raws = {raw for raw, v in column.kinds.items() if type(v) is int and v % base
                    and not (0 < v < rules.min_count)}   # a small count is already a threshold finding
            if raws:
                unrounded[column.index] = (column.positions(raws, limit), sum(column.counts[r] for r in raws))

    labels = [j for j, role in enumerate(roles) if role == LABEL]
    findings: list[Finding] = []
    findings += _cell_findings(file, table, labels, unrounded, rules, "unrounded", REVIEW, base,
                               lambda v, where: f"Count {v} {where} is not rounded to a multiple of {base}.")
    findings += _cell_findings(file, table, labels, small, rules, "threshold", FAIL, rules.min_count,
                               lambda v, where: f"Count {v} {where} is below the minimum of {rules.min_count}.")
    findings += _cell_findings(file, table, labels, zero, rules, "zero", rules.zero_cells, None,
                               lambda v, where: f"Zero cell {where}: it can reveal that nobody in a group has "
                                                f"a characteristic.")
    return findings


def _cell_findings(file, table, labels, per_column, rules, rule, severity, threshold, describe) -> list[Finding]:
    cells, total = first_cells(per_column, rules.max_findings_per_rule)
    findings = []
    for row, j in cells:
        value = table.columns()[j].kinds[table.rows[row][j]]
        findings.append(Finding(
            file=file, rule=rule, severity=severity, row=row, column=table.names[j], value=value,
            threshold=threshold, message=describe(value, where(table, labels, row, j)), order=cell_order(row, j),
        ))
    if total > len(cells):
        findings.append(more_findings(file, rule, severity, total - len(cells)))
    return findings


def first_cells(per_column: dict[int, tuple[list[int], int]], limit: int) -> tuple[list[tuple[int, int]], int]:
    """The first ``limit`` flagged cells in reading order, and how many there are in all.

    ``per_column`` holds each column's first ``limit`` flagged rows and its
    total; the first N cells overall are among the first N of each column.
    """
    total = sum(count for _, count in per_column.values())
    candidates = sorted((row, j) for j, (rows, _) in per_column.items() for row in rows)
    return candidates[:limit], total


def where(table: CsvTable, labels: list[int], row: int, column: int) -> str:
    """'in "Nordjylland / Women" × "2021"' — safe to store: identifiers are masked."""
    label = table.row_label(row, labels)
    row_text = f'"{label}"' if label else f"row {row}"
    return mask_identifiers(f'in {row_text} × "{table.names[column]}"')
