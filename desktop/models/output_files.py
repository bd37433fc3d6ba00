"""File contents of an output as the portal hands them out, and where its findings are, without Qt.

- File contents (`GET /outputs/{id}/files/{i}`): decoded and checked against the SHA-256
  recorded when the output was submitted. They live in memory only, for the output being read.
- CSV tables read for display the way the portal's check reads them (the one reader in
  rules/tables.py), so that a finding's (row, column) -- the 0-based data row and the header
  name -- lands on the cell it names; ACRO tables with several header rows too.
- Identifier findings in text files (row = 0-based line; the value is masked): the span on
  that line that the masked value stands for.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import math
import re
from dataclasses import dataclass, field
from typing import Any

from rules.tables import TableError, number_of, read_layout, read_rows


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _findings(output: dict) -> list[dict]:
    check = output.get("check") if isinstance(output.get("check"), dict) else {}
    found = check.get("findings")
    return [f for f in found if isinstance(f, dict)] if isinstance(found, list) else []


@dataclass(frozen=True)
class Verification:
    """The SHA-256 of the bytes received against the one recorded at submission.
    `state`: "verified", "mismatch" (the bytes differ from what was checked) or
    "unrecorded" (the output records no checksum for this file)."""
    state: str
    actual: str
    expected: str | None
    answered: str | None = None      # what the portal's answer said it was sending

    @property
    def ok(self) -> bool:
        return self.state == "verified"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def verify(data: bytes, recorded: str | None, answered: str | None = None) -> Verification:
    """Recompute the SHA-256 of `data` and compare it with the output's recorded one
    (and the one in the portal's answer, which must agree with both)."""
    actual = sha256_hex(data)
    expected = recorded.strip().lower() if isinstance(recorded, str) and recorded.strip() else None
    said = answered.strip().lower() if isinstance(answered, str) and answered.strip() else None
    if expected is None:
        state = "unrecorded"
    elif actual == expected and (said is None or said == expected):
        state = "verified"
    else:
        state = "mismatch"
    return Verification(state, actual, expected, said)


@dataclass(frozen=True)
class FileContent:
    index: int
    name: str
    kind: str
    size: int | None
    data: bytes = field(repr=False)
    verification: Verification = None  # type: ignore[assignment]


def decode_file_answer(answer: Any, meta: dict, index: int) -> FileContent:
    """The portal's `{index, name, size, sha256, kind, content_base64}` for file
    `index` of an output whose cached record of that file is `meta`."""
    if not isinstance(answer, dict) or not isinstance(answer.get("content_base64"), str):
        raise ValueError("the answer holds no file contents")
    try:
        data = base64.b64decode(answer["content_base64"], validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("the file contents are not valid base64") from None
    meta = meta if isinstance(meta, dict) else {}
    name = str(meta.get("name") or answer.get("name") or f"file {index + 1}")
    kind = str(meta.get("kind") or answer.get("kind") or "unknown")
    size = _int(meta.get("size"))
    return FileContent(index, name, kind, size, data, verify(data, meta.get("sha256"), answer.get("sha256")))


# -- reading text and tables as the portal does ------------------------------------------------
# The viewer must decode text and read a table exactly as the portal's check did, or
# findings land on the wrong cells: both use the one reader in rules/.

MAX_TITLE_LINES = 10


def read_records(text: str, delimiter: str) -> list[list[str]]:
    """Non-blank CSV records, read by the check's own reader (ValueError when not readable CSV)."""
    try:
        return read_rows(text, delimiter)
    except TableError as exc:
        raise ValueError(str(exc)) from None


def column_name(raw: str, index: int) -> str:
    """The header as written (unmasked: the reviewer sees the file; findings name it masked)."""
    name = raw.strip()
    return name if name else f"column {index + 1}"


@dataclass
class DisplayTable:
    """A CSV table as shown: `names` are the column headers (as the findings name
    them), `rows` the data rows (row 0 is the finding's row 0), `titles` the
    lines above the header that the check skips, `header_rows` how many lines
    the header took (0: the file has no header row)."""
    names: list[str]
    rows: list[list[str]]
    titles: list[str] = field(default_factory=list)
    header_rows: int = 1
    delimiter: str = ","
    danish: bool = False
    layout: str = "single"            # "single" (the portal's own reading) or "acro" (several header rows)

    @property
    def width(self) -> int:
        return len(self.names)

    def cell(self, row: int, col: int) -> str:
        return self.rows[row][col] if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row]) else ""


def parse_table(text: str) -> DisplayTable:
    """The portal's reading of a CSV file (docs/checks.md, "CSV tables")."""
    try:
        layout = read_layout(text, MAX_TITLE_LINES)
    except TableError as exc:
        raise ValueError(str(exc)) from None
    titles = [" ".join(c.strip() for c in r if c.strip()) for r in layout.title_lines]
    names = [column_name(layout.header[j] if layout.header else "", j) for j in range(layout.width)]
    return DisplayTable(names, layout.rows, titles, 1 if layout.header is not None else 0,
                        layout.delimiter, layout.danish)


def acro_table(text: str, header_rows: int) -> DisplayTable | None:
    """ACRO's CSV (written by pandas) read with `header_rows` header lines joined
    as "level 1 / level 2", the way the portal names ACRO's flagged cells."""
    try:
        records = read_records(text, ",")
    except ValueError:
        return None
    if header_rows < 1 or len(records) <= header_rows:
        return None
    width = max(len(r) for r in records)
    names = []
    for j in range(width):
        levels = [r[j].strip() for r in records[:header_rows] if j < len(r) and r[j].strip()]
        names.append(" / ".join(dict.fromkeys(levels)) if levels else f"column {j + 1}")
    rows = [r + [""] * (width - len(r)) for r in records[header_rows:]]
    return DisplayTable(names, rows, [], header_rows, ",", False, "acro")


# -- where findings are ------------------------------------------------------------------------

CELL, COLUMN, ROW, LINE, FILE, UNPLACED = "cell", "column", "row", "line", "file", "unplaced"


@dataclass(frozen=True)
class Placed:
    """One finding of a file and where it sits in what is shown: a cell (row,
    col), a whole column, a text line (row = line, span = (start, end) or None),
    the file as a whole, or nowhere (`UNPLACED`: it names a cell that is not in
    the table as read)."""
    index: int                   # position in the file's findings
    finding: dict
    level: str
    row: int | None = None
    col: int | None = None
    span: tuple | None = None


def findings_of_file(output: dict, name: str) -> list[dict]:
    return [f for f in _findings(output) if f.get("file") == name]


def _masked_pattern(text: str) -> re.Pattern | None:
    """A column name or value as the portal masked it ("010190-****") as a pattern
    for the text it stands for."""
    if "*" not in text:
        return None
    parts = []
    for ch in text:
        parts.append(r"\d" if ch == "*" else re.escape(ch))
    return re.compile("".join(parts) + r"\Z")


def _same_name(finding_column: str, name: str) -> bool:
    if finding_column == name:
        return True
    if finding_column.strip().casefold() == name.strip().casefold():
        return True
    pattern = _masked_pattern(finding_column)
    return bool(pattern and pattern.match(name))


def _value_matches(raw: str, value: Any, danish: bool) -> bool:
    if value is None:
        return True
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        number = number_of(raw, danish)
        return number is not None and math.isclose(float(number), float(value), rel_tol=1e-9, abs_tol=1e-9)
    text = str(value)
    if raw.strip() == text.strip():
        return True
    pattern = _masked_pattern(text)
    return bool(pattern and pattern.search(raw.replace(" ", "")))


def column_index(table: DisplayTable, finding: dict) -> int | None:
    column = finding.get("column")
    if not isinstance(column, str):
        return None
    matches = [j for j, name in enumerate(table.names) if _same_name(column, name)]
    if len(matches) > 1:
        row = _int(finding.get("row"))
        if row is not None:
            exact = [j for j in matches if _value_matches(table.cell(row, j), finding.get("value"), table.danish)]
            if exact:
                return exact[0]
    return matches[0] if matches else None


def place_in_table(table: DisplayTable, findings: list[dict]) -> list[Placed]:
    placed = []
    for n, f in enumerate(findings):
        row, col = _int(f.get("row")), column_index(table, f)
        if row is not None and f.get("column") is not None:
            if col is not None and 0 <= row < len(table.rows):
                placed.append(Placed(n, f, CELL, row, col))
            else:
                placed.append(Placed(n, f, UNPLACED, row, col))
        elif row is None and f.get("column") is not None:
            placed.append(Placed(n, f, COLUMN if col is not None else UNPLACED, None, col))
        elif row is not None:
            placed.append(Placed(n, f, ROW if 0 <= row < len(table.rows) else UNPLACED, row, None))
        else:
            placed.append(Placed(n, f, FILE))
    return placed


def table_for_findings(text: str, findings: list[dict]) -> tuple[DisplayTable, list[Placed]]:
    """The reading of the CSV text under which the findings land on their cells:
    the portal's own first; for ACRO's tables with several header rows (their
    columns are called "level / level"), the ACRO reading with 1-4 header rows
    when it places more findings, or the same number with more of their values
    where they should be (pandas writes the index names as a last header line)."""
    table = parse_table(text)
    placed = place_in_table(table, findings)
    best = (_score(table, placed), table, placed)
    if any(p.level == UNPLACED for p in placed) and any(str(f.get("rule", "")).startswith("acro:") for f in findings):
        for header_rows in range(1, 5):
            other = acro_table(text, header_rows)
            if other is None:
                continue
            again = place_in_table(other, findings)
            score = _score(other, again)
            if score > best[0]:
                best = (score, other, again)
    return best[1], best[2]


def _score(table: DisplayTable, placed: list[Placed]) -> tuple:
    located = sum(1 for p in placed if p.level in (CELL, COLUMN, ROW))
    values = sum(1 for p in placed if p.level == CELL and p.finding.get("value") is not None
                 and _value_matches(table.cell(p.row, p.col), p.finding.get("value"), table.danish))
    return located, not _index_names_row(table.rows[0] if table.rows else []), values


def _index_names_row(row: list[str]) -> bool:
    """A line with labels at the left and nothing after them: pandas' index names."""
    filled = [bool(c.strip()) for c in row]
    if not any(filled) or all(filled):
        return False
    first_blank = filled.index(False)
    return not any(filled[first_blank:])


# -- identifier hits in text files -------------------------------------------------------------

def text_lines(text: str) -> list[str]:
    """Lines numbered as the portal numbers them (split at "\\n" only); a "\\r"
    is shown as a space so that offsets stay the same."""
    return [line.replace("\r", " ") for line in text.split("\n")]


def _span_pattern(finding: dict) -> re.Pattern | None:
    value = finding.get("value")
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    between = r"[ \u00a0.\-]?" if finding.get("rule") == "cvr" else ""
    parts = [r"\d" if ch == "*" else re.escape(ch) for ch in value]
    return re.compile(r"(?<!\d)" + between.join(parts) + r"(?!\d)")


def place_in_text(lines: list[str], findings: list[dict]) -> list[Placed]:
    """Findings on a line (row = 0-based line) with the span of the masked value
    when it can be found on that line; file-level findings stay FILE."""
    placed = []
    for n, f in enumerate(findings):
        row = _int(f.get("row"))
        if row is None:
            placed.append(Placed(n, f, FILE))
            continue
        if not 0 <= row < len(lines):
            placed.append(Placed(n, f, UNPLACED, row))
            continue
        span = None
        pattern = _span_pattern(f)
        if pattern is not None:
            match = pattern.search(lines[row])
            if match:
                span = (match.start(), match.end())
        placed.append(Placed(n, f, LINE, row, None, span))
    return placed
