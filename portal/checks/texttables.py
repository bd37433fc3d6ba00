"""Tables inside text: content decides how a file is checked, not its name.

A researcher can rename a CSV table ``.txt`` or paste it into a longer text;
the check must still read it as a table. This module finds, in decoded text:

- delimited blocks: 3 or more consecutive lines with the same number (1 or
  more) of one of ``; \\t , |`` (outside double quotes);
- Markdown pipe tables (a header line, a ``|---|---|`` separator, rows);
- LaTeX ``tabular`` (also ``tabular*``, ``tabularx``, ``longtable``, ``array``);
- HTML tables and JSON or YAML lists of records (``markup.py``).

``reads_as_table`` says whether a whole file is one delimited table (then it
is checked exactly like a ``.csv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rules.tables import (DELIMITERS, MISSING, TEXT, CsvTable, TableError, column_name, parse_cell, read_rows,
                          sniff_delimiter, title_line_count)

MIN_BLOCK_LINES = 3
MAX_TABLES = 50   # per file: more would only repeat the same findings
_QUOTED = re.compile(r'"[^"\n]*"')
_MD_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?\s*$")
_MD_SPLIT = re.compile(r"(?<!\\)\|")
_LATEX_BEGIN = re.compile(r"\\begin\{(tabular\*?|tabularx|longtable|array)\}")
_LATEX_RULES = re.compile(r"\\(?:hline|toprule|midrule|bottomrule|endhead|endfirsthead|endfoot|endlastfoot|"
                          r"noalign\{[^}]*\}|c?line\{[^}]*\}|cmidrule(?:\([^)]*\))?\{[^}]*\}|addlinespace"
                          r"(?:\[[^\]]*\])?)")
_LATEX_ROW_END = re.compile(r"\\\\(?:\s*\[[^\]]*\])?")
_LATEX_CELL = re.compile(r"(?<!\\)&")
_LATEX_MULTI = re.compile(r"\\multi(?:column|row)\{[^}]*\}\{[^}]*\}\{([^{}]*)\}")
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+\*?\s*(?:\[[^\]]*\])?\{([^{}]*)\}")
_LATEX_ESCAPE = re.compile(r"\\([%&_#$])")
_LATEX_COMMENT = re.compile(r"(?<!\\)%[^\n]*")


@dataclass
class FoundTable:
    form: str                  # delimited, markdown, latex, html, json, yaml
    line: int | None           # 0-based line where it starts (None when the form has no lines)
    records: list[list[str]]
    delimiter: str = ","
    danish: bool = False
    lines: set[int] = field(default_factory=set, repr=False)

    def where(self, number: int) -> str:
        names = {"delimited": "delimited table", "markdown": "Markdown table", "latex": "LaTeX tabular",
                 "html": "HTML table", "json": "JSON list of records", "yaml": "YAML list of records"}
        at = f", line {self.line + 1}" if self.line is not None else ""
        return f"Table {number} ({names.get(self.form, self.form)}{at})"


def table_from_records(records: list[list[str]], delimiter: str = ",", danish: bool = False) -> CsvTable:
    """A table from rows of cells read from Markdown, LaTeX, HTML, JSON or YAML, read as a CSV's rows are:
    title lines skipped, the first row the header unless all its cells are numbers, short rows padded."""
    start = title_line_count(records)
    title_lines, records = records[:start], records[start:]
    width = max((len(r) for r in records), default=0)
    header = None
    if records and not _all_numbers(records[0], danish):
        header = records[0] + [""] * (width - len(records[0]))
        records = records[1:]
    rows = [r if len(r) == width else r + [""] * (width - len(r)) for r in records]
    names = [column_name(header[j] if header else "", j) for j in range(width)]
    return CsvTable(header, names, rows, delimiter, danish, title_lines)


def _all_numbers(row: list[str], danish: bool) -> bool:
    kinds = [parse_cell(c, danish) for c in row if c.strip()]
    return bool(kinds) and all(k is not TEXT and k is not MISSING for k in kinds)


def reads_as_table(text: str) -> bool:
    """The whole text is one delimited table: every record (after title lines) as wide as the others, 2+ columns."""
    delimiter = sniff_delimiter(text)
    if delimiter not in text:
        return False
    if delimiter == "|" and any(_MD_SEPARATOR.match(line) for line in text.split("\n") if "-" in line):
        return False   # a Markdown table: its separator row would hide the counts as text
    try:
        records = read_rows(text, delimiter)
    except TableError:
        return False
    records = records[title_line_count(records):]
    if len(records) < 2:
        return False
    width = len(records[0])
    return width >= 2 and all(len(r) == width for r in records)


def find_tables(text: str) -> list[FoundTable]:
    """Every table found in the text, in reading order (at most MAX_TABLES)."""
    from .markup import html_tables, record_tables
    tables: list[FoundTable] = []
    records = record_tables(text)
    tables += records
    tables += html_tables(text)
    tables += latex_tables(text)
    lines = text.split("\n")
    markdown = markdown_tables(lines)
    tables += markdown
    if not records:  # JSON/YAML lines look delimited but are not tables of their own
        used = set().union(*(t.lines for t in markdown)) if markdown else set()
        tables += delimited_blocks(lines, used)
    tables.sort(key=lambda t: (t.line is not None, t.line or 0))
    return [t for t in tables if len(t.records) >= 2][:MAX_TABLES]


def markdown_tables(lines: list[str]) -> list[FoundTable]:
    found = []
    i = 0
    while i < len(lines) - 1:
        if "|" in lines[i] and "-" in lines[i + 1] and _MD_SEPARATOR.match(lines[i + 1]):
            rows = [_md_cells(lines[i])]
            used = {i, i + 1}
            j = i + 2
            while j < len(lines) and "|" in lines[j] and lines[j].strip():
                rows.append(_md_cells(lines[j]))
                used.add(j)
                j += 1
            found.append(FoundTable("markdown", i, rows, lines=used))
            i = j
        else:
            i += 1
    return found


def _md_cells(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    return [c.strip().replace("\\|", "|").strip("*_`") for c in _MD_SPLIT.split(s)]


def delimited_blocks(lines: list[str], used: set[int]) -> list[FoundTable]:
    """Runs of MIN_BLOCK_LINES+ lines with the same count of one delimiter; overlaps go to the longest run."""
    runs: list[tuple[int, int, str, int]] = []        # (start, end exclusive, delimiter, count)
    open_runs: dict[str, tuple[int, int]] = {}        # delimiter -> (start, count)

    def close(d: str, end: int) -> None:
        start, count = open_runs.pop(d)
        if end - start >= MIN_BLOCK_LINES:
            runs.append((start, end, d, count))

    for i, line in enumerate(lines):
        bare = _QUOTED.sub("", line) if '"' in line else line
        blank = i in used or not line.strip()
        for d in DELIMITERS:
            count = 0 if blank else bare.count(d)
            current = open_runs.get(d)
            if current is not None and current[1] != count:
                close(d, i)
                current = None
            if current is None and count:
                open_runs[d] = (i, count)
    for d in list(open_runs):
        close(d, len(lines))
    runs.sort(key=lambda r: (-(r[1] - r[0]), -r[3], DELIMITERS.index(r[2])))
    taken: set[int] = set()
    found = []
    for start, end, d, _count in runs:
        span = set(range(start, end))
        if span & taken:
            continue
        taken |= span
        try:
            records = read_rows("\n".join(lines[start:end]), d)
        except TableError:
            continue
        found.append(FoundTable("delimited", start, records, delimiter=d, danish=d in (";", "\t"), lines=span))
    return found


def latex_tables(text: str) -> list[FoundTable]:
    if "\\begin{" not in text:
        return []
    found = []
    for begin in _LATEX_BEGIN.finditer(text):
        env = begin.group(1)
        end = text.find("\\end{" + env + "}", begin.end())
        if end < 0:
            continue
        body = _skip_arguments(text, begin.end(), end)
        rows = _latex_rows(text[body:end])
        found.append(FoundTable("latex", text.count("\n", 0, begin.start()), rows))
    return found


def _skip_arguments(text: str, i: int, end: int) -> int:
    """Past the environment's arguments: [pos], {width}, {column spec} (braces may nest)."""
    while i < end:
        while i < end and text[i] in " \t\r\n":
            i += 1
        if i < end and text[i] in "[{":
            opening, closing = text[i], "]" if text[i] == "[" else "}"
            depth, i = 1, i + 1
            while i < end and depth:
                depth += 1 if text[i] == opening else -1 if text[i] == closing else 0
                i += 1
        else:
            return i
    return i


def _latex_rows(body: str) -> list[list[str]]:
    body = _LATEX_RULES.sub(" ", _LATEX_COMMENT.sub("", body))
    rows = []
    for raw in _LATEX_ROW_END.split(body):
        if not raw.strip():
            continue
        rows.append([_latex_cell(c) for c in _LATEX_CELL.split(raw)])
    return rows


def _latex_cell(cell: str) -> str:
    cell = _LATEX_MULTI.sub(r"\1", cell)
    for _ in range(4):   # nested formatting: \textbf{\emph{12}}
        cell, n = _LATEX_COMMAND.subn(r"\1", cell)
        if not n:
            break
    cell = _LATEX_ESCAPE.sub(r"\1", cell).replace("~", " ").replace("$", "")
    return " ".join(cell.replace("{", "").replace("}", "").split())
