"""Row-level microdata: a table whose rows are single individuals.

Aggregated tables have one row per combination of their labels and usually a
count column; microdata has a column that identifies people, or several
person attributes that repeat across rows with no count. The heuristic flags a
table with at least MIN_ROWS data rows when one of these holds:

A. an identifier column: the header says id/pnr/cpr/patient... (or the values
   are UUIDs), every filled value is distinct, and the values are opaque codes
   of 6+ characters (short codes like municipality numbers are labels);
B. a date-of-birth column: the header says birth/fødsel/dob and nearly all
   values are full dates, and no column header says it counts (n, antal, ...);
C. two or more person-attribute columns (age, sex, birth year, postcode, ...),
   no counting column, and the label columns repeat the same combination on
   several rows (an aggregate table never does).
"""

import re

from rules.tables import CsvTable, Column
from .findings import FAIL, Finding, cell_order
from .roles import LABEL, has_count_header

MIN_ROWS = 10
ID_WORDS = frozenset({
    "id", "pid", "pnr", "cpr", "cprnr", "personid", "personnummer", "lbnr", "løbenr", "loebenr", "recnum",
    "patient", "patientid", "subject", "respondent", "journalnr", "sagsnr", "uuid", "guid", "identifier",
})
DOB_WORDS = frozenset({"birth", "birthdate", "dob", "fødselsdato", "foedselsdato", "fødsel", "foedsel",
                       "født", "foedt", "fdato", "bday", "birthday"})
PERSON_WORDS = frozenset({
    "age", "alder", "sex", "gender", "køn", "koen", "kon", "birth", "born", "birthyear", "fødselsår",
    "foedselsaar", "dob", "fødselsdato", "foedselsdato", "death", "dødsdato", "doedsdato", "postnr",
    "postnummer", "postcode", "zip", "bmi", "height", "højde", "civilstand", "marital", "ethnicity",
    "herkomst", "education", "uddannelse",
})
_UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$")
_OPAQUE_RE = re.compile(r"^(?=(?:\D*\d){3})[A-Za-z0-9_\-]{6,}$")  # 6+ chars, at least 3 digits
_DATE_RE = re.compile(r"^\s*(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})(?:[ T]\d{1,2}:\d{2}.*)?\s*$")


def check_microdata(file: str, table: CsvTable, roles: list[str]) -> list[Finding]:
    if len(table.rows) < MIN_ROWS:
        return []
    columns = table.columns()
    for column in columns:
        if _is_identifier_column(column):
            return [_finding(file, column, len(table.rows),
                             f'Column "{column.name}" holds a distinct identifier on each of '
                             f"{len(table.rows)} rows: the rows are single individuals.")]
    counted = has_count_header(columns)
    for column in columns:
        if not counted and _is_birth_date_column(column):
            return [_finding(file, column, len(table.rows),
                             f'Column "{column.name}" holds full dates of birth and no column counts '
                             f"people: the rows are single individuals.")]
    attributes = [c for c in columns if c.tokens & PERSON_WORDS]
    labels = [j for j, role in enumerate(roles) if role == LABEL]
    if len(attributes) >= 2 and not counted and labels and _labels_repeat(table, labels):
        names = ", ".join(c.name for c in attributes)
        return [_finding(file, None, len(table.rows),
                         f"Person attributes ({names}) repeat across rows and no column counts people: "
                         f"the rows look like single individuals.")]
    return []


def _finding(file: str, column: Column | None, rows: int, message: str) -> Finding:
    return Finding(file=file, rule="microdata", severity=FAIL, row=None,
                   column=column.name if column else None, value=rows, threshold=None, message=message,
                   order=cell_order(None, column.index if column else None))


def _is_identifier_column(column: Column) -> bool:
    named = bool(column.tokens & ID_WORDS)
    if not named and not any(_UUID_RE.match(v.strip()) for v in column.values[:3]):
        return False  # cheap exit for the usual table
    filled = column.filled()
    if len(filled) < MIN_ROWS or len(filled) < 0.9 * len(column.values):
        return False
    distinct = set(filled)
    if len(distinct) != len(filled):
        return False
    uuids = all(_UUID_RE.match(v.strip()) for v in distinct)
    return uuids or (named and all(_OPAQUE_RE.match(v.strip()) for v in distinct))


def _is_birth_date_column(column: Column) -> bool:
    if not column.tokens & DOB_WORDS:
        return False
    filled = column.filled()
    dates = sum(1 for v in filled if _DATE_RE.match(v))
    return len(filled) >= MIN_ROWS and dates >= 0.9 * len(filled)


def _labels_repeat(table: CsvTable, labels: list[int]) -> bool:
    keys = [tuple(row[j].strip() for j in labels) for row in table.rows]
    return len(set(keys)) < len(keys)
