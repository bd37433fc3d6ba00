"""Importing ACRO ``results.json`` bundles (https://github.com/AI-SDC/ACRO).

A bundle maps output ids to ``{"status", "type", "files": [{"name", "sdc"}],
"outcome", "summary", "exception", ...}``. ``sdc.cells`` lists the flagged
cells per check as ``[row, col]`` indices into the table body (labels and
header excluded). Check names differ by ACRO version: 0.4 uses ``threshold``,
``p-ratio``, ``nk-rule``, ...; 1.x uses ``MinimumThresholdCheck``,
``PPercentCheck``, ``NKCheck``, ... Both are reported under the 0.4 names.
"""

from dataclasses import dataclass

from rules.tables import MISSING, TEXT, TableError, parse_cell, read_rows
from .findings import FAIL, PASS, Finding, cell_order, normalise_status
from rules.identifiers import mask_identifiers
from .names import sanitize_filename
from rules.textio import decode_text

ACRO_CHECK_NAMES = {
    "MinimumThresholdCheck": "threshold",
    "PPercentCheck": "p-ratio",
    "NKCheck": "nk-rule",
    "AllSameValuesCheck": "all-values-are-same",
    "MissingCheck": "missing",
    "PresenceOfZeroCheck": "zeros",
    "MinimumDoFCheck": "dof",
}
MAX_SUMMARY_CHARS = 300


@dataclass
class TableLayout:
    """Where ACRO's table body sits in the CSV it wrote with ``DataFrame.to_csv()``."""

    rows: list[list[str]]
    header_rows: int
    index_columns: int

    def column_name(self, col: int) -> str | None:
        j = self.index_columns + col
        levels = [r[j].strip() for r in self.rows[: self.header_rows] if j < len(r) and r[j].strip()]
        if levels:
            return mask_identifiers(" / ".join(dict.fromkeys(levels)))
        return f"column {j + 1}" if j < self._width() else None

    def row_label(self, row: int) -> str:
        line = self._data_row(row)
        return " / ".join(c.strip() for c in (line or [])[: self.index_columns] if c.strip())

    def value(self, row: int, col: int):
        line = self._data_row(row)
        j = self.index_columns + col
        if line is None or j >= len(line):
            return None
        parsed = parse_cell(line[j], danish=False)
        if parsed is MISSING or parsed is TEXT:
            return line[j].strip() or None  # None: suppressed by ACRO
        return parsed

    def _data_row(self, row: int) -> list[str] | None:
        index = self.header_rows + row
        return self.rows[index] if row >= 0 and index < len(self.rows) else None

    def _width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def covered_files(bundle: dict) -> set[str]:
    """Sanitised names of every file the bundle judges."""
    return {name for output in bundle["results"].values() for name, _ in _entries(output)}


def passed_files(bundle: dict) -> set[str]:
    """Sanitised names of the files the bundle says pass (every output naming them has status pass)."""
    verdicts: dict[str, set[str]] = {}
    for output in bundle["results"].values():
        status = normalise_status(output.get("status"))
        for name, _ in _entries(output):
            verdicts.setdefault(name, set()).add(status)
    return {name for name, statuses in verdicts.items() if statuses == {PASS}}


def disagreements(bundle_name: str, passed: set[str], findings: list[Finding]) -> list[Finding]:
    """A file the bundle passes on which the portal's own checks found a breach: the portal's verdict stands.

    The bundle is made on the research machine by the researcher; it is their
    claim, never a reason to skip or soften a portal finding.
    """
    breaches: dict[str, list[str]] = {}
    for finding in findings:
        if finding.file in passed and finding.severity == FAIL and not finding.rule.startswith("acro"):
            breaches.setdefault(finding.file, [])
            if finding.rule not in breaches[finding.file]:
                breaches[finding.file].append(finding.rule)
    return [Finding(file=name, rule="acro_disagrees", severity=FAIL, value=", ".join(rules),
                    message=f"ACRO ({bundle_name}) says this file passes, but the portal's own check finds "
                            f"{', '.join(rules)}; the portal's verdict stands.", order=cell_order(None, None))
            for name, rules in breaches.items()]


def _entries(output: dict):
    """(sanitised name, sdc dict) of each file entry; malformed entries are skipped."""
    for entry in _as_list(output.get("files")):
        if isinstance(entry, dict) and isinstance(entry.get("name"), str) and entry["name"]:
            yield sanitize_filename(entry["name"]), _as_dict(entry.get("sdc"))


def _as_dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def _as_list(value) -> list:
    return value if isinstance(value, list) else []


def import_bundle(bundle_name: str, bundle: dict, submitted: dict[str, bytes]) -> list[Finding]:
    """Findings for every submitted file the bundle covers; outputs with no submitted file are skipped."""
    findings: list[Finding] = []
    for uid, output in bundle["results"].items():
        status = normalise_status(output.get("status"))
        for name, sdc in _entries(output):
            if name not in submitted:
                continue
            if status != PASS:
                findings.append(_status_finding(bundle_name, name, uid, output, status))
            findings += _cell_findings(name, uid, output, sdc, submitted[name], status)
    return findings


def _status_finding(bundle_name: str, file: str, uid: str, output: dict, status: str) -> Finding:
    summary = _shorten(" ".join(str(output.get("summary", "")).split()))
    detail = f" {summary}" if summary and summary.lower() != status else ""
    exception = " The researcher asked for an exception." if output.get("exception") else ""
    kind = output.get("type", "output")
    message = f"ACRO ({bundle_name}) judged {kind} {uid!r}: {status}.{detail}{exception}"
    return Finding(file=file, rule="acro:status", severity=status, value=status,
                   message=mask_identifiers(message), order=cell_order(None, None))


def _shorten(text: str) -> str:
    if len(text) <= MAX_SUMMARY_CHARS:
        return text
    return text[:MAX_SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"


def _cell_findings(file: str, uid: str, output: dict, sdc: dict, data: bytes, status: str) -> list[Finding]:
    """Flagged cells of a failed or reviewed output.

    ACRO's status is the verdict, so a passed output adds no cell findings;
    and where ACRO 1.x records a per-check status, cells of a passed check are
    skipped (its MinimumDoFCheck "cells" are non-zero degrees of freedom, not
    risks).
    """
    cells = _as_dict(sdc.get("cells"))
    if status == PASS or not any(cells.values()):
        return []
    check_status = _as_dict(_as_dict(output.get("fair")).get("check_status"))
    layout = table_layout(data, output.get("outcome"))
    findings = []
    for check, positions in cells.items():
        if not positions or normalise_status(check_status.get(check, status)) == PASS:
            continue
        rule = "acro:" + ACRO_CHECK_NAMES.get(check, str(check))
        # a malformed list still yields a finding ("cannot be located") rather than nothing
        for position in positions if isinstance(positions, list) else [positions]:
            findings.append(_cell_finding(file, uid, rule, status, position, layout))
    return findings


def _cell_finding(file, uid, rule, severity, position, layout: TableLayout | None) -> Finding:
    index = _cell_index(position)
    if index is None:
        return Finding(file=file, rule=rule, severity=severity, value=str(position)[:40],
                       message=f"ACRO flagged a cell of {uid!r} that cannot be located.", order=cell_order(None, None))
    row, col = index
    column = layout.column_name(col) if layout else None
    label = layout.row_label(row) if layout else ""
    value = layout.value(row, col) if layout else None
    at = f'"{label}" × "{column}"' if label and column else f"[{row}, {col}]"
    return Finding(file=file, rule=rule, severity=severity, row=row, column=column, value=value,
                   message=mask_identifiers(f"ACRO {rule[5:]} check flagged the cell {at} of {uid!r}."),
                   order=cell_order(row, col))


def _cell_index(position) -> tuple[int, int] | None:
    """ACRO's [row, col]; anything else (wrong shape, negative, not whole numbers) is None."""
    if not isinstance(position, (list, tuple)) or len(position) != 2:
        return None
    if not all(isinstance(i, int) and not isinstance(i, bool) and i >= 0 for i in position):
        return None
    return position[0], position[1]


def table_layout(data: bytes, outcome) -> TableLayout | None:
    """Header rows and label columns of ACRO's CSV, from the shape of its ``outcome`` when present."""
    text = decode_text(data)
    if text is None:
        return None
    try:
        rows = read_rows(text, ",")
    except TableError:
        return None
    if not rows:
        return None
    width = max(len(r) for r in rows)
    if isinstance(outcome, dict) and outcome and all(isinstance(v, dict) for v in outcome.values()):
        body_columns = len(outcome)
        body_rows = len(next(iter(outcome.values())))
        index_columns, header_rows = width - body_columns, len(rows) - body_rows
        if index_columns >= 0 and header_rows >= 1:
            return TableLayout(rows, header_rows, index_columns)
    # No usable outcome: one header row; labels are the leading non-numeric cells of the last row.
    last = rows[-1]
    index_columns = next((j for j, c in enumerate(last) if parse_cell(c, danish=False) is not TEXT), len(last))
    return TableLayout(rows, 1, index_columns)
