"""The check of one submitted file: what runs in a check worker.

``check_file(job)`` is a plain function of picklable data, so the portal can
run it in a worker process with a time budget (``pool.py``). It returns the
file's kind as its content decided it and the file's findings.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rules.tables import CsvTable, TableError, parse_table
from .findings import REVIEW, Finding, cap_per_rule, is_summary
from .frequency import check_frequencies
from .idscan import scan_table, scan_text
from .magnitude import check_magnitudes, magnitude_columns, read_contributors
from .microdata import check_microdata
from .roles import column_roles
from .rules import Rules
from .suppression import check_recoverable
from rules.textio import decode_text
from .texttables import FoundTable, find_tables, reads_as_table, table_from_records

NEEDS_PERSON = {
    "image": "Images cannot be checked automatically; a person must look at it.",
    "pdf": "PDF files cannot be checked automatically; a person must look at it.",
    "office": "Office documents cannot be checked automatically; a person must look at it.",
    "log": "Program output (logs, notebooks) holds tables the check cannot read; a person must look at it.",
    "unknown": "The check does not know this type of file; a person must look at it.",
}
TABLE_KINDS = ("table", "magnitude_table")
# Text kinds whose content may turn out to be a table (whatever the file is called).
TEXT_KINDS = ("text", "log", "unknown")


@dataclass(frozen=True)
class FileJob:
    name: str
    kind: str
    data: bytes
    rules: Rules
    sidecar: bytes | None = None      # the contributors figures of a magnitude table


def check_file(job: FileJob) -> tuple[str, list[Finding]]:
    """(the file's kind, its findings, at most ``max_findings_per_rule`` listed per rule)."""
    kind, findings = _check(job)
    return kind, cap_per_rule(findings, job.rules.max_findings_per_rule)


def _check(job: FileJob) -> tuple[str, list[Finding]]:
    if job.kind == "empty":
        return job.kind, []
    text = decode_text(job.data)
    if job.kind in TABLE_KINDS:
        return job.kind, check_table_text(job.name, text or "", job.sidecar, job.rules)
    if text is None:
        return job.kind, _needs_person(job.name, job.kind)
    if job.kind in TEXT_KINDS and reads_as_table(text):
        return "table", check_table_text(job.name, text, None, job.rules)
    findings = scan_text(job.name, text)   # identifiers are looked for in every readable file
    if job.kind in TEXT_KINDS:
        findings += _embedded_tables(job.name, text, findings, job.rules)
    return job.kind, findings + _needs_person(job.name, job.kind)


def _needs_person(name: str, kind: str) -> list[Finding]:
    if kind not in NEEDS_PERSON:
        return []
    return [Finding(file=name, rule="needs_person", severity=REVIEW, message=NEEDS_PERSON[kind])]


def _embedded_tables(name: str, text: str, text_findings: list[Finding], rules: Rules) -> list[Finding]:
    """Each table inside the text gets the table rules; its findings say which table they are about."""
    seen = {(f.rule, f.value) for f in text_findings}
    findings: list[Finding] = []
    for number, found in enumerate(find_tables(text), start=1):
        table = table_from_records(found.records, found.delimiter, found.danish)
        if table.width < 2 or not table.rows:
            continue
        table_text = "\n".join(found.delimiter.join(r) for r in found.records)
        for finding in check_table(name, table, table_text, None, rules):
            if finding.rule in ("cpr", "cvr") and (finding.rule, finding.value) in seen:
                continue   # already found by the scan of the whole text
            findings.append(_in_table(finding, found, number))
    return findings


def _in_table(finding: Finding, found: FoundTable, number: int) -> Finding:
    if is_summary(finding):
        return finding
    return replace(finding, message=f"{found.where(number)}: {finding.message}", order=(number,) + finding.order)


def check_table_text(name: str, text: str, sidecar: bytes | None, rules: Rules) -> list[Finding]:
    try:
        table = parse_table(text)
    except TableError as exc:
        return scan_text(name, text) + [
            Finding(file=name, rule="needs_person", severity=REVIEW,
                    message=f"The table could not be read ({exc}); a person must look at it.")]
    return check_table(name, table, text, sidecar, rules)


def check_table(name: str, table: CsvTable, text: str, sidecar: bytes | None, rules: Rules) -> list[Finding]:
    findings = scan_table(name, table, text, rules.max_findings_per_rule)
    roles = column_roles(table.columns())
    microdata = check_microdata(name, table, roles)
    if microdata:
        # Cell rules on a table of individuals would only add noise to a failed check.
        return findings + microdata
    findings += check_recoverable(name, table, roles)
    if sidecar is not None:
        contributors = read_contributors(decode_text(sidecar) or "", keep_top=max(rules.dominance_n, 2))
        findings += check_magnitudes(name, table, roles, contributors, rules)
        skip = frozenset(magnitude_columns(table, contributors))
        return findings + check_frequencies(name, table, roles, rules, skip_columns=skip)
    return findings + check_frequencies(name, table, roles, rules)
