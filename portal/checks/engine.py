"""check_output: the automatic disclosure check of one output transfer."""

import hashlib
from dataclasses import dataclass
from typing import Any, Sequence

from .acro import covered_files, import_bundle
from rules.tables import TableError, parse_table
from .errors import InvalidFile, TooLarge
from .filetypes import classify, load_acro_bundle
from .findings import REVIEW, Finding, cap_per_rule, verdict
from .frequency import check_frequencies
from .idscan import identifier_finding, scan_table, scan_text
from rules.identifiers import find_identifiers
from .magnitude import check_magnitudes, magnitude_columns, read_contributors, sidecar_table_name
from .microdata import check_microdata
from .names import sanitize_filename, unique_names
from .roles import column_roles
from .rules import Rules
from rules.textio import decode_text

NEEDS_PERSON = {
    "image": "Images cannot be checked automatically; a person must look at it.",
    "pdf": "PDF files cannot be checked automatically; a person must look at it.",
    "office": "Office documents cannot be checked automatically; a person must look at it.",
    "log": "Program output (logs, notebooks) holds tables the check cannot read; a person must look at it.",
    "unknown": "The check does not know this type of file; a person must look at it.",
}


@dataclass
class Submitted:
    original: str
    name: str
    data: bytes
    kind: str = "unknown"

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "size": len(self.data), "sha256": hashlib.sha256(self.data).hexdigest(),
                "kind": self.kind}


def check_output(files: Sequence[tuple[str, bytes]], rules: Rules | None = None) -> dict[str, Any]:
    """Check one output transfer.

    ``files`` are (original name, raw bytes). Raises TooLarge or InvalidFile
    when the transfer is refused; otherwise returns
    ``{"verdict", "findings": [...], "files": [{"name", "size", "sha256", "kind"}]}``.
    """
    rules = rules or Rules()
    submitted = _accept(files, rules)
    findings: list[Finding] = []
    for item in submitted:
        findings += _name_findings(item)

    by_name = {item.name: item for item in submitted}
    covered: set[str] = set()
    for item in submitted:
        if item.kind == "acro_results":
            bundle = load_acro_bundle(decode_text(item.data) or "")
            judged = covered_files(bundle) & by_name.keys()
            covered |= judged
            findings += import_bundle(item.name, bundle, {n: by_name[n].data for n in judged})

    sidecars = _pair_sidecars(submitted, covered)
    paired = {sidecar.name for sidecar in sidecars.values()}
    for item in submitted:
        if item.name in covered:
            continue
        findings += _check_file(item, sidecars.get(item.name), rules)
        if item.kind == "contributors" and item.name not in paired:
            findings.append(_unpaired_sidecar(item, covered))

    findings = cap_per_rule(findings, rules.max_findings_per_rule)
    position = {item.name: i for i, item in enumerate(submitted)}
    findings.sort(key=lambda f: (position.get(f.file, len(position)), f.order))
    return {
        "verdict": verdict(findings),
        "findings": [f.as_dict() for f in findings],
        "files": [item.describe() for item in submitted],
    }


def _accept(files: Sequence[tuple[str, bytes]], rules: Rules) -> list[Submitted]:
    """Sizes first (cheap, 413), then names and blocked types (422)."""
    if not files:
        raise InvalidFile("the output has no files")
    for entry in files:
        if not (isinstance(entry, (tuple, list)) and len(entry) == 2 and isinstance(entry[0], str)
                and isinstance(entry[1], (bytes, bytearray))):
            raise TypeError("files must be a list of (name, bytes) pairs")
    names = unique_names([sanitize_filename(name) for name, _ in files])
    submitted = [Submitted(original, name, bytes(data)) for (original, data), name in zip(files, names, strict=True)]
    for item in submitted:
        if len(item.data) > rules.max_file_bytes:
            raise TooLarge(f"{item.name}: {len(item.data):,} bytes is over the limit of "
                           f"{rules.max_file_bytes:,} bytes per file", item.name, len(item.data), rules.max_file_bytes)
    total = sum(len(item.data) for item in submitted)
    if total > rules.max_total_bytes:
        raise TooLarge(f"the output holds {total:,} bytes, over the limit of {rules.max_total_bytes:,} bytes",
                       None, total, rules.max_total_bytes)
    for item in submitted:
        item.kind = classify(item.name, item.data)
    return submitted


def _name_findings(item: Submitted) -> list[Finding]:
    """Identifiers in the file name itself (the stored name has them masked)."""
    base = item.original.replace("\\", "/").rsplit("/", 1)[-1]
    return [identifier_finding(item.name, hit, None, None, where=" in the file name") for hit in find_identifiers(base)]


def _pair_sidecars(submitted: list[Submitted], covered: set[str]) -> dict[str, Submitted]:
    """Table name -> its contributors sidecar; sets the kinds of both."""
    tables = {item.name: item for item in submitted if item.kind == "table" and item.name not in covered}
    pairs = {}
    for item in submitted:
        table_name = sidecar_table_name(item.name)
        if item.kind == "table" and table_name is not None:
            item.kind = "contributors"
            if table_name in tables:
                pairs[table_name] = item
                tables[table_name].kind = "magnitude_table"
    return pairs


def _unpaired_sidecar(item: Submitted, covered: set[str]) -> Finding:
    table = sidecar_table_name(item.name)
    reason = "its table is judged by ACRO" if table in covered else f"its table {table} is not in the output"
    return Finding(file=item.name, rule="needs_person", severity=REVIEW,
                   message=f"Contributor figures are evidence for the check, not output, and {reason}; "
                           f"a person must look at it.")


def _check_file(item: Submitted, sidecar: Submitted | None, rules: Rules) -> list[Finding]:
    text = decode_text(item.data) if item.kind != "empty" else ""
    if item.kind in ("table", "magnitude_table"):
        return _check_table(item, text, sidecar, rules)
    findings = scan_text(item.name, text) if text else []
    if item.kind in NEEDS_PERSON:
        findings.append(Finding(file=item.name, rule="needs_person", severity=REVIEW, message=NEEDS_PERSON[item.kind]))
    return findings


def _check_table(item: Submitted, text: str, sidecar: Submitted | None, rules: Rules) -> list[Finding]:
    try:
        table = parse_table(text)
    except TableError as exc:
        return scan_text(item.name, text) + [
            Finding(file=item.name, rule="needs_person", severity=REVIEW,
                    message=f"The table could not be read ({exc}); a person must look at it.")]
    findings = scan_table(item.name, table, text, rules.max_findings_per_rule)
    roles = column_roles(table.columns())
    microdata = check_microdata(item.name, table, roles)
    if microdata:
        # Cell rules on a table of individuals would only add noise to a failed check.
        return findings + microdata
    if sidecar is not None:
        contributors = read_contributors(decode_text(sidecar.data) or "", keep_top=max(rules.dominance_n, 2))
        findings += check_magnitudes(item.name, table, roles, contributors, rules)
        skip = frozenset(magnitude_columns(table, contributors))
        return findings + check_frequencies(item.name, table, roles, rules, skip_columns=skip)
    return findings + check_frequencies(item.name, table, roles, rules)
