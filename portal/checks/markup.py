"""Tables in markup and data files: HTML tables (the standard library's
``html.parser``) and JSON or YAML lists of records (``json``, PyYAML's safe
loader: no object construction, no code)."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser

import yaml

from .texttables import MAX_TABLES, FoundTable

MAX_DEPTH = 4            # how deep in a document lists of records are looked for
MAX_COLUMNS = 500
_YAML_RECORD = re.compile(r"(?m)^[ \t]*-[ \t]+[^\s:#][^:\n]*:(?:[ \t]|$)")
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # the C parser when PyYAML has it
NESTED = "(nested)"


class _HtmlTables(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[FoundTable] = []
        self.cell: list[str] | None = None
        self.done: list[FoundTable] = []

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._end_cell()
            self.stack.append(FoundTable("html", self.getpos()[0] - 1, []))
        elif not self.stack:
            return
        elif tag == "tr":
            self._end_cell()
            self.stack[-1].records.append([])
        elif tag in ("td", "th"):
            self._end_cell()
            if not self.stack[-1].records:
                self.stack[-1].records.append([])
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append(" ")

    def handle_endtag(self, tag):
        if tag in ("td", "th", "tr"):
            self._end_cell()
        elif tag == "table" and self.stack:
            self._end_cell()
            self.done.append(self.stack.pop())

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)

    def _end_cell(self):
        if self.cell is not None and self.stack and self.stack[-1].records:
            self.stack[-1].records[-1].append(" ".join("".join(self.cell).split()))
        self.cell = None


def html_tables(text: str) -> list[FoundTable]:
    if "<table" not in text and "<TABLE" not in text and "<table" not in text.lower():
        return []
    parser = _HtmlTables()
    parser.feed(text)
    parser.close()
    tables = parser.done + parser.stack      # an unclosed table is read as far as it goes
    for table in tables:
        table.records = [r for r in table.records if r]
    return tables[:MAX_TABLES]


def record_tables(text: str) -> list[FoundTable]:
    """Lists of records (objects with the same kind of fields) or of rows, anywhere in a JSON or YAML document."""
    document, form = _load(text)
    if form is None:
        return []
    found: list[FoundTable] = []
    _walk(document, form, found, 0)
    return found


def _load(text: str):
    stripped = text.lstrip()
    if stripped[:1] in ("[", "{"):
        try:
            return json.loads(stripped), "json"
        except (ValueError, RecursionError):
            pass
    if not _YAML_RECORD.search(text):
        return None, None
    try:
        return yaml.load(text, Loader=_SAFE_LOADER), "yaml"
    except (yaml.YAMLError, RecursionError, ValueError, TypeError):
        return None, None


def _walk(node, form: str, found: list[FoundTable], depth: int) -> None:
    if depth > MAX_DEPTH or len(found) >= MAX_TABLES:
        return
    if isinstance(node, dict):
        for value in node.values():
            _walk(value, form, found, depth + 1)
    elif isinstance(node, list) and node:
        if all(isinstance(item, dict) for item in node):
            found.append(FoundTable(form, None, _records_to_rows(node)))
        elif len(node) >= 2 and all(isinstance(item, list) and all(_scalar(v) for v in item) for item in node):
            found.append(FoundTable(form, None, [[_cell(v) for v in item] for item in node]))
        else:
            for item in node[:1000]:
                _walk(item, form, found, depth + 1)


def _records_to_rows(records: list[dict]) -> list[list[str]]:
    columns: dict[str, None] = {}
    for record in records:
        for key in record:
            if len(columns) >= MAX_COLUMNS:
                break
            columns.setdefault(str(key), None)
    names = list(columns)
    rows = [names]
    for record in records:
        by_name = {str(k): v for k, v in record.items()}
        rows.append([_cell(by_name.get(name)) for name in names])
    return rows


def _scalar(value) -> bool:
    return value is None or isinstance(value, (str, int, float, bool, dt.date))


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, str)):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return NESTED
