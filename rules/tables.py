"""Reading CSV tables: delimiter, header, numbers, suppression markers, column roles.

Conventions (see docs/checks.md):
- the delimiter is the one of ``; \\t , |`` found on most of the first 20 lines (outside quotes);
- with ``;`` or tab the Danish number style comes first (``1.234,5``), otherwise
  the English one (``1,234.5``); a lone decimal comma (``"2,5"``) is read as a
  decimal in either; spaces as thousands separators are accepted;
- blank lines are skipped and not numbered; leading title lines with at most one
  filled cell are skipped; the first remaining row is the header unless every
  cell in it is a number; data rows are numbered from 0 after the header;
- suppression and missing markers (``""  .  ..  -  *  x  NA  <3  ≤5`` ...) are
  neither numbers nor labels: they are never findings and never crash the check.
"""

import csv
import io
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property

from .identifiers import mask_identifiers

DELIMITERS = (";", "\t", ",", "|")


class _Marker:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


MISSING = _Marker("MISSING")  # empty cell or suppression marker
TEXT = _Marker("TEXT")        # anything else that is not a number

MISSING_MARKERS = frozenset({
    "", ".", "..", "...", "-", "--", "–", "—", "*", "**", "***", "x", "X", "xx", "XX", "s", "S", ":", "?",
    "na", "NA", "Na", "N/A", "n/a", "n.a.", "N.A.", "nan", "NaN", "NAN", "null", "NULL", "None", "none",
    "#N/A", "(s)", "(x)", "§", "†", "<NA>", "suppressed", "diskretioneret",
})
_BOUND_RE = re.compile(r"^(?:<=?|>=?|≤|≥)\s*\d+(?:[.,]\d+)?$")  # "<3", "< 5", "≤4", ">1000"
_ENGLISH_RE = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?$|^[+-]?\.\d+$")
_DANISH_RE = re.compile(r"^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")
_SPACED_RE = re.compile(r"^[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$")


class TableError(ValueError):
    """The file is not a readable CSV table."""


def normalise_number(raw: str, danish: bool) -> str | None:
    """A plain decimal string (``"-1234.5"``) for a number cell, else None."""
    s = raw.strip()
    if not s:
        return None
    if _SPACED_RE.match(s):
        s = re.sub(r"[ \u00a0\u202f]", "", s)
    patterns = ((_DANISH_RE, True), (_ENGLISH_RE, False)) if danish else ((_ENGLISH_RE, False), (_DANISH_RE, True))
    for pattern, comma_decimal in patterns:
        if pattern.match(s):
            if comma_decimal:
                return s.replace(".", "").replace(",", ".")
            return s.replace(",", "")
    return None


def parse_cell(raw: str, danish: bool):
    """A number (int or float), MISSING or TEXT."""
    if raw.isascii() and raw.isdigit():  # the common case in count tables
        return int(raw)
    s = raw.strip()
    if s in MISSING_MARKERS:
        return MISSING
    if s[0] in "<>≤≥":
        return MISSING if _BOUND_RE.match(s) else TEXT
    if s[0] not in _NUMBER_START:  # labels: skip the number patterns
        return TEXT
    plain = _plain_decimal(s, danish)
    if plain is None:
        plain = normalise_number(s, danish)
    if plain is None:
        return TEXT
    if any(c in plain for c in ".eE"):
        value = float(plain)
        return value if math.isfinite(value) else TEXT  # 1e999: keep findings valid JSON
    return int(plain)


def _plain_decimal(s: str, danish: bool) -> str | None:
    """Fast path for ``-12.5`` (or ``-12,5`` in Danish files) without thousands separators."""
    if danish:
        if "." in s or s.count(",") > 1:
            return None
        s = s.replace(",", ".")
    elif "," in s:
        return None
    return s if _SIMPLE_DECIMAL_RE.match(s) else None


def number_of(raw: str, danish: bool) -> int | float | None:
    """The number a cell holds, or None for labels, suppression markers and empty
    cells (the desktop places findings on cells with this)."""
    value = parse_cell(raw, danish) if raw else MISSING
    return None if value is MISSING or value is TEXT else value


_SIMPLE_DECIMAL_RE = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\Z")
_NUMBER_START = frozenset("0123456789+-.")


def parse_exact(raw: str, danish: bool) -> int | Fraction | None:
    """Exact value of a number cell, so shares exactly at a limit compare as equal.

    Whole numbers stay ints (fast, and exact); decimals become Fractions.
    """
    s = raw.strip()
    if s.isascii() and s.isdigit():
        return int(s)
    plain = normalise_number(s, danish)
    if plain is None:
        return None
    return Fraction(plain) if any(c in plain for c in ".eE") else int(plain)


@dataclass
class Column:
    index: int
    name: str
    values: tuple[str, ...]
    kinds: dict  # distinct raw value -> number | MISSING | TEXT
    counts: Counter  # distinct raw value -> how many cells hold it
    tokens: frozenset[str] = frozenset()

    @cached_property
    def words(self) -> list[str]:
        """Header words in order: "Mean income (DKK)" -> mean, income, dkk."""
        return header_words(self.name)

    @cached_property
    def numbers(self) -> list:
        return [v for v in self.kinds.values() if v is not MISSING and v is not TEXT]

    @cached_property
    def numeric(self) -> bool:
        return TEXT not in self.kinds.values() and bool(self.numbers)

    @cached_property
    def integral(self) -> bool:
        return all(isinstance(v, int) or v.is_integer() for v in self.numbers)

    @cached_property
    def has_negative(self) -> bool:
        return any(v < 0 for v in self.numbers)

    def positions(self, raws: set[str], limit: int) -> list[int]:
        """The first ``limit`` rows (in order) whose cell is one of ``raws``; tuple.index scans in C."""
        found: list[int] = []
        for raw in raws:
            start = 0
            for _ in range(min(limit, self.counts[raw])):
                start = self.values.index(raw, start) + 1
                found.append(start - 1)
        found.sort()
        return found[:limit]

    def filled(self) -> list[str]:
        """Values that are not empty and not suppression markers."""
        return [v for v in self.values if self.kinds[v] is not MISSING]


@dataclass
class CsvTable:
    header: list[str] | None     # raw header cells, None when the file has no header row
    names: list[str]             # display name per column (never empty)
    rows: list[list[str]]        # data rows, each padded to the table width
    delimiter: str
    danish: bool
    title_lines: list[list[str]] = field(default_factory=list)  # skipped lines above the header
    _columns: list[Column] | None = field(default=None, repr=False)

    @property
    def width(self) -> int:
        return len(self.names)

    def columns(self) -> list[Column]:
        if self._columns is None:
            transposed = list(zip(*self.rows, strict=True)) if self.rows else [() for _ in self.names]
            self._columns = [self._profile(j, values) for j, values in enumerate(transposed)]
        return self._columns

    def _profile(self, index: int, values: tuple[str, ...]) -> Column:
        danish = self.danish
        counts = Counter(values)
        kinds = {raw: parse_cell(raw, danish) for raw in counts}
        return Column(index, self.names[index], values, kinds, counts, header_tokens(self.names[index]))

    def row_label(self, row: int, label_columns: list[int]) -> str:
        return " / ".join(self.rows[row][j].strip() for j in label_columns if self.rows[row][j].strip())


def header_words(name: str) -> list[str]:
    return re.findall(r"[^\W_]+", name.lower())


def header_tokens(name: str) -> frozenset[str]:
    tokens = set(header_words(name))
    if "%" in name:
        tokens.add("%")
    return frozenset(tokens)


def sniff_delimiter(text: str, sample_lines: int = 20) -> str:
    """The delimiter found on the most of the first non-blank lines (ties: the most
    occurrences, then the order of DELIMITERS). Judging by one line would let a title
    line without delimiters ("Table 5: cases by group") turn a whole tab- or
    semicolon-separated table into one column, and its small counts would pass."""
    lines = []
    for line in text.splitlines():
        if line.strip():
            lines.append(re.sub(r'"[^"]*"', "", line))
            if len(lines) >= sample_lines:
                break
    lines_with = {d: sum(1 for line in lines if d in line) for d in DELIMITERS}
    totals = {d: sum(line.count(d) for line in lines) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: (lines_with[d], totals[d], -DELIMITERS.index(d)))
    return best if totals[best] else ","


def read_rows(text: str, delimiter: str) -> list[list[str]]:
    """All non-blank records; csv.Error (e.g. a field over the size limit) becomes TableError."""
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise TableError(f"not a readable CSV table ({exc})") from None
    # the first cell settles most rows; join only when it is blank
    return [r for r in records if r and (r[0].strip() or "".join(r).strip())]


@dataclass
class Layout:
    """How a CSV text reads as a table: the title lines the check skips, the header
    (padded to the table's width; None when the first row is all numbers) and the
    data rows (padded). The portal checks it; the desktop shows it."""
    delimiter: str
    danish: bool
    title_lines: list[list[str]]
    header: list[str] | None
    rows: list[list[str]]
    width: int


def read_layout(text: str, title_limit: int = 10) -> Layout:
    """The one reading of a CSV table (docs/checks.md, "CSV tables"); TableError when unreadable."""
    delimiter = sniff_delimiter(text)
    danish = delimiter in (";", "\t")
    records = read_rows(text, delimiter)
    start = title_line_count(records, title_limit)
    title_lines, records = records[:start], records[start:]
    width = max((len(r) for r in records), default=0)
    header: list[str] | None = None
    if records and not _all_numbers(records[0], danish):
        header = records[0] + [""] * (width - len(records[0]))
        records = records[1:]
    rows = [r if len(r) == width else r + [""] * (width - len(r)) for r in records]
    return Layout(delimiter, danish, title_lines, header, rows, width)


def parse_table(text: str) -> CsvTable:
    layout = read_layout(text)
    header = layout.header
    names = [column_name(header[j] if header else "", j) for j in range(layout.width)]
    return CsvTable(header, names, layout.rows, layout.delimiter, layout.danish, layout.title_lines)


def column_name(raw: str, index: int) -> str:
    """The header name as written; unnamed columns are called "column N" (1-based)."""
    name = raw.strip()
    return mask_identifiers(name) if name else f"column {index + 1}"


def title_line_count(records: list[list[str]], limit: int = 10) -> int:
    """Leading title lines ("Table 1: ...") have one filled cell above a wider table."""
    def filled(r: list[str]) -> int:
        return sum(1 for c in r if c.strip())

    start = 0
    while start < min(limit, len(records) - 1) and filled(records[start]) <= 1 and \
            any(filled(r) >= 2 for r in records[start + 1:start + 50]):
        start += 1
    return start


def _all_numbers(row: list[str], danish: bool) -> bool:
    kinds = [parse_cell(c, danish) for c in row if c.strip()]
    return bool(kinds) and all(k is not TEXT and k is not MISSING for k in kinds)
