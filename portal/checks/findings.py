"""Findings, their severity, the per-rule cap and the overall verdict."""

from dataclasses import dataclass, field
from typing import Any, Iterable

PASS, REVIEW, FAIL = "pass", "review", "fail"
_RANK = {PASS: 0, REVIEW: 1, FAIL: 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One reason a file may not leave unchecked.

    ``severity`` decides the verdict; ``order`` sorts findings inside a file
    (file-level first, then row, then column position). Neither is part of the
    public dict, which has exactly the fields of the portal contract.
    """

    file: str
    rule: str
    severity: str
    row: int | None = None
    column: str | None = None
    value: Any = None
    threshold: Any = None
    message: str = ""
    order: tuple = field(default=(), compare=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "rule": self.rule,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "threshold": self.threshold,
            "message": self.message,
        }


def cell_order(row: int | None, column_index: int | None) -> tuple:
    """Sort key: file-level findings (no row) first, then row-major by cell."""
    return (0 if row is None else 1, -1 if row is None else row, -1 if column_index is None else column_index)


def worst(statuses: Iterable[str]) -> str:
    result = PASS
    for status in statuses:
        if _RANK.get(status, _RANK[REVIEW]) > _RANK[result]:
            result = status if status in _RANK else REVIEW
    return result


def verdict(findings: Iterable[Finding]) -> str:
    return worst(f.severity for f in findings)


def normalise_status(status: Any) -> str:
    """Map a foreign status (e.g. ACRO's "Review") onto ours; anything unknown needs review."""
    text = str(status).strip().lower() if status is not None else ""
    return text if text in _RANK else REVIEW


def cap_per_rule(findings: list[Finding], limit: int) -> list[Finding]:
    """Keep the first ``limit`` findings of each (file, rule) and summarise the rest.

    A table with a million small cells would otherwise put a million rows into
    the audit trail; the verdict is unchanged by the cap. Summaries made
    earlier (by a check that counts instead of listing) are merged in.
    """
    kept: list[Finding] = []
    listed: dict[tuple[str, str], int] = {}
    omitted: dict[tuple[str, str], tuple[str, int]] = {}
    for finding in findings:
        key = (finding.file, finding.rule)
        if is_summary(finding):
            severity, count = omitted.get(key, (finding.severity, 0))
            omitted[key] = (severity, count + finding.value)
            continue
        listed[key] = listed.get(key, 0) + 1
        if listed[key] <= limit:
            kept.append(finding)
        else:
            severity, count = omitted.get(key, (finding.severity, 0))
            omitted[key] = (severity, count + 1)
    for (file, rule), (severity, count) in omitted.items():
        kept.append(more_findings(file, rule, severity, count))
    return kept


_SUMMARY_ORDER = (2, 0, 0)


def is_summary(finding: Finding) -> bool:
    return finding.order == _SUMMARY_ORDER


def more_findings(file: str, rule: str, severity: str, count: int) -> Finding:
    """A file-level finding standing for ``count`` further findings that are not listed."""
    return Finding(
        file=file, rule=rule, severity=severity, value=count,
        message=(f"1 more {rule} finding in this file is not listed." if count == 1 else
                 f"{count:,} more {rule} findings in this file are not listed."),
        order=_SUMMARY_ORDER,
    )
