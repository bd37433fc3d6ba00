"""check_output: the automatic disclosure check of one output transfer.

In three steps, so that the portal can run the expensive middle one in worker
processes with a time budget per file:

1. ``plan_output``: sizes, names, blocked types (the refusals), sidecar pairs,
   ACRO bundles read (cheap);
2. ``check_file`` on each job of the plan (``filecheck.py``; every file is
   checked, whatever an ACRO bundle says about it);
3. ``finish_output``: the findings together, ACRO's claims set against the
   portal's own findings, the verdict.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from .acro import covered_files, disagreements, import_bundle, passed_files
from .errors import InvalidFile, TooLarge
from .filecheck import FileJob, check_file
from .filetypes import classify, load_acro_bundle
from .findings import PASS, REVIEW, Finding, cap_per_rule, verdict
from .idscan import identifier_finding
from rules.identifiers import find_identifiers
from .magnitude import sidecar_table_name
from .names import sanitize_filename, unique_names
from .rules import Rules
from rules.textio import decode_text


@dataclass
class Submitted:
    original: str
    name: str
    data: bytes
    kind: str = "unknown"

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "size": len(self.data), "sha256": hashlib.sha256(self.data).hexdigest(),
                "kind": self.kind}


@dataclass
class Plan:
    """What the check of one transfer will do: one job per file, and the findings known before any job runs."""

    submitted: list[Submitted]
    jobs: list[FileJob]
    rules: Rules
    findings: list[Finding] = field(default_factory=list)
    bundles: list[tuple[str, dict]] = field(default_factory=list)


def check_output(files: Sequence[tuple[str, bytes]], rules: Rules | None = None,
                 run: Callable[[FileJob], tuple[str, list[Finding]]] = check_file) -> dict[str, Any]:
    """Check one output transfer.

    ``files`` are (original name, raw bytes). Raises TooLarge or InvalidFile
    when the transfer is refused; otherwise returns
    ``{"verdict", "findings": [...], "files": [{"name", "size", "sha256", "kind"}]}``.
    """
    plan = plan_output(files, rules or Rules())
    return finish_output(plan, [run(job) for job in plan.jobs])


def plan_output(files: Sequence[tuple[str, bytes]], rules: Rules) -> Plan:
    submitted = _accept(files, rules)
    plan = Plan(submitted, [], rules)
    for item in submitted:
        plan.findings += _name_findings(item)
    by_name = {item.name: item for item in submitted}
    for item in submitted:
        if item.kind == "acro_results":
            bundle = load_acro_bundle(decode_text(item.data) or "")
            named = covered_files(bundle)
            plan.bundles.append((item.name, bundle))
            plan.findings += import_bundle(item.name, bundle, {n: by_name[n].data for n in named & by_name.keys()})
            missing = sorted(named - by_name.keys())
            plan.findings += [_not_submitted(item.name, missing)] if missing else []
    sidecars = _pair_sidecars(submitted)
    for item in submitted:
        sidecar = sidecars.get(item.name)
        plan.jobs.append(FileJob(item.name, item.kind, item.data, rules, sidecar.data if sidecar else None))
    paired = {sidecar.name for sidecar in sidecars.values()}
    plan.findings += [_unpaired_sidecar(item) for item in submitted
                      if item.kind == "contributors" and item.name not in paired]
    return plan


def finish_output(plan: Plan, results: Sequence[tuple[str, list[Finding]]]) -> dict[str, Any]:
    """The check result from the plan and each job's (kind, findings), in the order of the plan's jobs."""
    findings = list(plan.findings)
    for item, (kind, file_findings) in zip(plan.submitted, results, strict=True):
        item.kind = kind
        findings += file_findings
    for bundle_name, bundle in plan.bundles:
        findings += disagreements(bundle_name, passed_files(bundle), findings)
    findings = cap_per_rule(findings, plan.rules.max_findings_per_rule)
    position = {item.name: i for i, item in enumerate(plan.submitted)}
    findings.sort(key=lambda f: (position.get(f.file, len(position)), f.order))
    return {
        "verdict": verdict(findings),
        "findings": [f.as_dict() for f in findings],
        "files": [item.describe() for item in plan.submitted],
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


def _pair_sidecars(submitted: list[Submitted]) -> dict[str, Submitted]:
    """Table name -> its contributors sidecar; sets the kinds of both. A sidecar
    is evidence for supervisors whether or not its table came with it."""
    tables = {item.name: item for item in submitted if item.kind == "table"}
    pairs = {}
    for item in submitted:
        table_name = sidecar_table_name(item.name)
        if item.kind == "table" and table_name is not None:
            item.kind = "contributors"
            if table_name in tables:
                pairs[table_name] = item
                tables[table_name].kind = "magnitude_table"
    return pairs


def _unpaired_sidecar(item: Submitted) -> Finding:
    return Finding(file=item.name, rule="needs_person", severity=REVIEW,
                   message=f"Contributor figures are evidence for the check, not output, and their table "
                           f"{sidecar_table_name(item.name)} is not in the output; a person must look at it.")


def _not_submitted(bundle_name: str, names: list[str]) -> Finding:
    """Informational (it changes no verdict): the portal checks every submitted file itself, so a bundle
    describing other files hides nothing, but a supervisor should know the claim and the output differ."""
    shown = ", ".join(names[:10]) + (f" and {len(names) - 10} more" if len(names) > 10 else "")
    return Finding(file=bundle_name, rule="acro_mismatch", severity=PASS, value=len(names),
                   message=f"The ACRO bundle also judges files that are not in this output ({shown}); "
                           f"the portal's own check decides on the files submitted.")
