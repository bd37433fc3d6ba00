"""CSAF 2.0 export of security warnings.

A warning becomes a document of the profile "Security incident response"
(`csaf_security_incident_response`, CSAF 2.0 section 4.2): the unit warns
health-sector organisations about incidents and threats in other parties'
products, it has no product tree to offer (which rules out
`csaf_security_advisory` and `csaf_vex`), and it names CVEs (which rules out
`csaf_informational_advisory`, whose documents must not have vulnerabilities).
The profile adds two requirements to the base profile, both met here: a
document note of category summary/details/description/general and a document
reference of category external.

`validate_csaf` checks a document offline against the bundled OASIS schema
(the CVSS schemas it references are bundled too, never fetched) and then runs
the mandatory tests of section 6.1 that concern what this exporter writes
(revision history, version, status, CVEs, profile).

Text from the warning (title, summary, body, reasons) is copied unchanged:
CSAF notes are plain text, so nothing is escaped or rendered here.
"""

from __future__ import annotations

import json
import re

from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from portal import __version__
from rules.cve import is_cve

CSAF_VERSION = "2.0"
CSAF_CATEGORY = "csaf_security_incident_response"
TLP_URL = "https://www.first.org/tlp/"
CVE_RECORD_URL = "https://www.cve.org/CVERecord?id="
GENERATOR_NAME = "Portal Desk"

DEFAULT_PUBLISHER = {
    "category": "coordinator",
    "name": "Health-Sector Security Unit (demo)",
    "namespace": "https://portal-desk.example",
}

SEVERITIES = ("low", "medium", "high", "critical")

# CSAF 2.0 predates TLP 2.0 and only knows the TLP 1.0 labels.
TLP_TO_CSAF = {
    "CLEAR": "WHITE",
    "GREEN": "GREEN",
    "AMBER": "AMBER",
    "AMBER+STRICT": "AMBER",
    "RED": "RED",
}

# Warning status -> /document/tracking/status. Retracted and expired warnings
# were published and are not expected to change again: final.
TRACKING_STATUS = {
    "draft": "draft",
    "sent": "final",
    "retracted": "final",
    "expired": "final",
}

SCHEMA_DIR = Path(__file__).resolve().parent / "standards" / "csaf-2.0"
CSAF_SCHEMA_FILE = "csaf_json_schema.json"
# The $ref URIs used by the CSAF schema, mapped to the bundled copies.
CVSS_SCHEMA_FILES = {
    "https://www.first.org/cvss/cvss-v2.0.json": "cvss-v2.0.json",
    "https://www.first.org/cvss/cvss-v3.0.json": "cvss-v3.0.json",
    "https://www.first.org/cvss/cvss-v3.1.json": "cvss-v3.1.json",
}



# --------------------------------------------------------------------------
# Export


def warning_to_csaf(warning: dict, publisher: dict | None = None) -> dict:
    """The CSAF 2.0 document for one warning (a plain JSON-able dict).

    Raises ValueError when the warning cannot give a conforming document
    (unknown severity/TLP/status, malformed CVE, inconsistent revisions).
    """
    publisher = _publisher(publisher)
    tlp = _tlp(warning)
    document: dict[str, Any] = {
        "category": CSAF_CATEGORY,
        "csaf_version": CSAF_VERSION,
        "title": _text(warning, "title"),
        "publisher": publisher,
        "distribution": _distribution(warning, tlp),
        "aggregate_severity": _aggregate_severity(warning, publisher),
        "notes": _document_notes(warning, tlp),
        "references": _document_references(warning),
        "tracking": _tracking(warning),
    }
    if warning.get("lang"):
        document["lang"] = warning["lang"]
    doc: dict[str, Any] = {"document": document}
    vulnerabilities = [_vulnerability(warning, cve) for cve in _cves(warning)]
    if vulnerabilities:  # the schema forbids an empty list
        doc["vulnerabilities"] = vulnerabilities
    return doc


def csaf_filename(tracking_id: str) -> str:
    """File name for a CSAF document per CSAF 2.0 section 5.1 (e.g. for a
    Content-Disposition header): lower case, other characters than
    `+`, `-`, a-z and 0-9 replaced by `_`, extension `.json`."""
    return re.sub(r"[^+\-a-z0-9]+", "_", tracking_id.lower()) + ".json"


def _publisher(publisher: dict | None) -> dict:
    merged = {**DEFAULT_PUBLISHER, **(publisher or {})}
    for key in ("category", "name", "namespace"):
        if not merged.get(key):
            raise ValueError(f"publisher.{key} is required")
    return merged


def _text(warning: dict, key: str) -> str:
    value = warning.get(key)
    if not isinstance(value, str) or not value:
        raise ValueError(f"warning.{key} must be a non-empty string")
    return value


def _tlp(warning: dict) -> str:
    tlp = warning.get("tlp")
    if tlp not in TLP_TO_CSAF:
        raise ValueError(f"unknown TLP label {tlp!r}")
    return tlp


def _distribution(warning: dict, tlp: str) -> dict:
    return {
        "text": _distribution_text(warning, tlp),
        "tlp": {"label": TLP_TO_CSAF[tlp], "url": TLP_URL},
    }


def _distribution_text(warning: dict, tlp: str) -> str:
    # Organisation ids are internal; the count is enough to see the reach.
    recipients = warning.get("recipients") or {}
    parts = [f"Original label TLP:{tlp}."]
    if recipients.get("sectors"):
        parts.append("Sectors: " + ", ".join(recipients["sectors"]) + ".")
    if recipients.get("regions"):
        parts.append("Regions: " + ", ".join(recipients["regions"]) + ".")
    if recipients.get("org_ids"):
        parts.append(f"Named organisations: {len(recipients['org_ids'])}.")
    return " ".join(parts)


def _aggregate_severity(warning: dict, publisher: dict) -> dict:
    severity = warning.get("severity")
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}")
    namespace = publisher["namespace"].rstrip("/") + "/warning-severity"
    return {"namespace": namespace, "text": severity}


def _document_notes(warning: dict, tlp: str) -> list[dict]:
    notes = _status_notes(warning)
    if warning.get("summary"):
        notes.append({"category": "summary", "title": "Summary", "text": warning["summary"]})
    if warning.get("body"):
        notes.append({
            "category": "details",
            "title": "Security warning: details and recommended response",
            "text": warning["body"],
        })
    if not any(n["category"] in ("summary", "details") for n in notes):
        # The profile needs a note with the substance of the warning.
        raise ValueError("warning needs a summary or a body")
    notes.extend(_tlp_notes(tlp))
    notes.extend(_deadline_notes(warning))
    return notes


def _status_notes(warning: dict) -> list[dict]:
    status = warning.get("status")
    if status == "retracted":
        reason = warning.get("retracted_reason") or "no reason given"
        return [{
            "category": "general",
            "title": "Retracted",
            "text": f"This warning has been retracted. Reason: {reason}",
        }]
    if status == "expired":
        until = warning.get("valid_until")
        text = f"This warning expired on {until}." if until else "This warning has expired."
        return [{"category": "general", "title": "Expired", "text": text}]
    return []


def _tlp_notes(tlp: str) -> list[dict]:
    if TLP_TO_CSAF[tlp] == tlp:
        return []
    if tlp == "AMBER+STRICT":
        text = (
            "The original label of this warning is TLP:AMBER+STRICT: share only "
            "within the recipient organisation, not with its clients or partners. "
            "CSAF 2.0 knows only the TLP 1.0 labels, so the document is labelled TLP:AMBER."
        )
    else:
        text = (
            f"The original label of this warning is TLP:{tlp}. CSAF 2.0 knows only "
            f"the TLP 1.0 labels, so the document is labelled TLP:{TLP_TO_CSAF[tlp]}."
        )
    return [{"category": "general", "title": "Traffic Light Protocol", "text": text}]


def _deadline_notes(warning: dict) -> list[dict]:
    notes = []
    if warning.get("ack_due_at") and warning.get("status") == "sent":
        notes.append({
            "category": "general",
            "title": "Acknowledgement requested",
            "text": (
                f"Recipients are asked to acknowledge this warning by {warning['ack_due_at']} "
                "(received, mitigated or not affected)."
            ),
        })
    if warning.get("valid_until") and warning.get("status") in ("draft", "sent"):
        notes.append({
            "category": "general",
            "title": "Validity",
            "text": f"This warning is valid until {warning['valid_until']}.",
        })
    malformed = _malformed_cves(warning)
    if malformed:
        notes.append({
            "category": "other",
            "title": "Identifiers left out",
            "text": "These identifiers of the warning are not CVE ids and are not listed as vulnerabilities: "
                    + ", ".join(malformed),
        })
    return notes


def _document_references(warning: dict) -> list[dict]:
    references = [_cve_reference(cve) for cve in _cves(warning)]
    for extra in warning.get("references") or []:
        references.append({"category": "external", "summary": extra["summary"], "url": extra["url"]})
    # Always present, so the profile's external reference exists even for a
    # warning without CVEs: the definitions the distribution label relies on.
    references.append({
        "category": "external",
        "summary": "FIRST Traffic Light Protocol (TLP): definitions of the sharing labels",
        "url": TLP_URL,
    })
    return references


def _cve_reference(cve: str) -> dict:
    return {"category": "external", "summary": f"CVE record {cve}", "url": CVE_RECORD_URL + cve}


def _cves(warning: dict) -> list[str]:
    """The warning's CVEs, each once (mandatory test 6.1.23), in given order. A stored id
    that is not a CVE id (say, one kept from before ids were checked in ASCII) is left out
    and named in a note (`_malformed_cves`), not a failed export."""
    seen: dict[str, None] = {}
    for cve in warning.get("cves") or []:
        if is_cve(cve):
            seen.setdefault(cve, None)
    return list(seen)


def _malformed_cves(warning: dict) -> list[str]:
    return [repr(c) for c in warning.get("cves") or [] if not is_cve(c)]


def _vulnerability(warning: dict, cve: str) -> dict:
    return {
        "cve": cve,
        "notes": [{
            "category": "description",
            "title": "Relevance",
            "text": (
                f"{cve} is covered by security warning {warning['id']}. "
                "See the document notes for the details and the recommended response."
            ),
        }],
        "references": [_cve_reference(cve)],
    }


def _tracking(warning: dict) -> dict:
    status = warning.get("status")
    if status not in TRACKING_STATUS:
        raise ValueError(f"unknown warning status {status!r}")
    history = _revision_history(warning)
    return {
        "id": _text(warning, "id"),
        "status": TRACKING_STATUS[status],
        "version": history[-1]["number"],
        "revision_history": history,
        "initial_release_date": history[0]["date"],
        "current_release_date": history[-1]["date"],
        "generator": {"engine": {"name": GENERATOR_NAME, "version": __version__}},
    }


def _revision_history(warning: dict) -> list[dict]:
    """One entry per warning revision, numbered "1", "2", ...

    A draft that was never sent has no revision yet: CSAF gives drafts
    version 0 (6.1.17/6.1.21), dated when the draft was created.
    """
    revisions = sorted(warning.get("revisions") or [], key=lambda r: r["number"])
    if not revisions and warning.get("status") != "draft" and warning.get("sent_at"):
        # Older records carry only sent_at for their first (and only) revision.
        revisions = [{"number": 1, "at": warning["sent_at"], "summary": "Initial release"}]
    if not revisions:
        if warning.get("status") != "draft":
            raise ValueError("a sent warning needs at least one revision")
        created = _text(warning, "created_at")
        _parse_time(created)
        return [{"date": created, "number": "0", "summary": "Draft, not yet sent"}]
    _check_revisions(warning, revisions)
    return [
        {"date": r["at"], "number": str(r["number"]), "summary": r["summary"]}
        for r in revisions
    ]


def _check_revisions(warning: dict, revisions: list[dict]) -> None:
    numbers = [r["number"] for r in revisions]
    if numbers != list(range(1, len(numbers) + 1)):
        raise ValueError(f"revision numbers must be 1..n without gaps or repeats, got {numbers}")
    times = [_parse_time(r["at"]) for r in revisions]
    if times != sorted(times):
        raise ValueError("revision dates must not go back in time as the numbers rise")
    if any(not r.get("summary") for r in revisions):
        raise ValueError("every revision needs a summary")
    revision = warning.get("revision")
    if revision is not None and warning.get("status") != "draft" and revision != numbers[-1]:
        raise ValueError(f"warning.revision {revision} is not the latest revision {numbers[-1]}")


def _parse_time(value: str) -> datetime:
    if not isinstance(value, str) or not _is_date_time(value):
        raise ValueError(f"not an RFC 3339 date-time with time zone: {value!r}")
    return datetime.fromisoformat(value.upper())


# --------------------------------------------------------------------------
# Validation


def validate_csaf(doc: Any) -> list[str]:
    """Problems with a CSAF 2.0 document; empty when it is valid.

    Schema errors come first as "path: message". Only a schema-valid document
    is put through the mandatory tests (messages start with the test number).
    """
    schema_errors = [
        f"{_path(error.absolute_path)}: {error.message}"
        for error in sorted(_validator().iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    ]
    if schema_errors:
        return schema_errors
    return _mandatory_test_errors(doc)


def _path(parts) -> str:
    return "/" + "/".join(str(p) for p in parts)


@lru_cache(maxsize=1)
def _validator():
    # Imported here so exporting needs no validation library at run time.
    from jsonschema import Draft202012Validator

    schema = _load(CSAF_SCHEMA_FILE)
    return Draft202012Validator(schema, registry=_registry(), format_checker=_format_checker())


def _load(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def _registry():
    """Every schema the CSAF schema can reach, from the bundled files only.

    A Registry without a retrieve function cannot fetch anything, so an
    unknown $ref fails instead of going to the network.
    """
    from referencing import Registry, Resource

    resources = []
    for ref_uri, name in CVSS_SCHEMA_FILES.items():
        resource = Resource.from_contents(_load(name))
        resources.append((ref_uri, resource))
        own_id = resource.id()  # e.g. "...cvss-v3.1.json?20211103": its own refs resolve against it
        if own_id and own_id != ref_uri:
            resources.append((own_id, resource))
    return Registry().with_resources(resources)


def _format_checker():
    # jsonschema only checks these two formats with optional extra packages;
    # small local checks keep validation strict without new dependencies.
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    checker.checks("date-time")(_is_date_time)
    checker.checks("uri")(_is_uri)
    return checker


_DATE_TIME_RE = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"
)


def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True  # formats only constrain strings
    if not _DATE_TIME_RE.match(value):
        return False
    try:
        datetime.fromisoformat(value.upper())
    except ValueError:
        return False
    return True


_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*$")


def _is_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not value or any(c.isspace() or ord(c) < 0x20 for c in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return bool(_SCHEME_RE.match(parts.scheme)) and bool(parts.netloc or parts.path)


# ---- mandatory tests (CSAF 2.0 section 6.1) and the two date checks of 6.2


def _mandatory_test_errors(doc: dict) -> list[str]:
    document = doc["document"]
    tracking = document["tracking"]
    errors: list[str] = []
    errors += _profile_errors(document)
    errors += _revision_history_errors(tracking)
    errors += _release_date_errors(tracking)
    errors += _cve_errors(doc.get("vulnerabilities") or [])
    return errors


def _profile_errors(document: dict) -> list[str]:
    if document["category"] not in (CSAF_CATEGORY, "csaf_informational_advisory"):
        return []
    errors = []
    note_categories = {n["category"] for n in document.get("notes") or []}
    if not note_categories & {"description", "details", "general", "summary"}:
        errors.append("6.1.27.1 Document Notes: no note of category description, details, general or summary")
    if not any(r.get("category", "external") == "external" for r in document.get("references") or []):
        errors.append("6.1.27.2 Document References: no reference of category external")
    return errors


def _revision_history_errors(tracking: dict) -> list[str]:
    status = tracking["status"]
    released = status in ("final", "interim")
    history = _by_date(tracking["revision_history"])
    numbers = [r["number"] for r in history]
    keys = [_version_key(n) for n in numbers]
    errors = []
    if keys != sorted(keys):
        errors.append(f"6.1.14 Sorted Revision History: numbers {numbers} do not rise with the dates")
    latest = _strip_build(numbers[-1])
    version = _strip_build(tracking["version"])
    if status == "draft":
        version = _strip_prerelease(version)
    if version != latest:
        errors.append(f"6.1.16 Latest Document Version: version {tracking['version']!r} is not the latest revision {numbers[-1]!r}")
    if (_major(tracking["version"]) == 0 or _prerelease(tracking["version"])) and status != "draft":
        errors.append(f"6.1.17 Document Status Draft: version {tracking['version']!r} needs status draft")
    if released and any(_major(n) == 0 for n in numbers):
        errors.append("6.1.18 Released Revision History: a final or interim document has a revision 0")
    if any(_prerelease(n) for n in numbers):
        errors.append("6.1.19 Revision History Entries for Pre-release Versions: a revision number has a pre-release part")
    if released and _prerelease(tracking["version"]):
        errors.append(f"6.1.20 Non-draft Document Version: version {tracking['version']!r} has a pre-release part")
    majors = [_major(n) for n in numbers]
    if majors[0] not in (0, 1) or any(b - a > 1 for a, b in zip(majors, majors[1:])):
        errors.append(f"6.1.21 Missing Item in Revision History: numbers {numbers} skip a version or start above 1")
    if len(set(numbers)) != len(numbers):
        errors.append(f"6.1.22 Multiple Definition in Revision History: numbers {numbers} repeat")
    return errors


def _release_date_errors(tracking: dict) -> list[str]:
    dates = [_parse_time(r["date"]) for r in tracking["revision_history"]]
    errors = []
    if _parse_time(tracking["initial_release_date"]) < min(dates):
        errors.append("6.2.5 Older Initial Release Date than Revision History")
    if _parse_time(tracking["current_release_date"]) < max(dates):
        errors.append("6.2.6 Older Current Release Date than Revision History")
    return errors


def _cve_errors(vulnerabilities: list[dict]) -> list[str]:
    cves = [v["cve"] for v in vulnerabilities if "cve" in v]
    repeated = sorted({c for c in cves if cves.count(c) > 1})
    return [f"6.1.23 Multiple Use of Same CVE: {c}" for c in repeated]


def _by_date(history: list[dict]) -> list[dict]:
    return sorted(history, key=lambda r: _parse_time(r["date"]))  # stable for equal dates


def _strip_build(version: str) -> str:
    return version.split("+", 1)[0]


def _strip_prerelease(version: str) -> str:
    return version.split("-", 1)[0]


def _prerelease(version: str) -> bool:
    return "-" in _strip_build(version)


def _version_key(version: str) -> tuple[int, ...]:
    """Integer versions as (n,), semantic versions as (major, minor, patch)."""
    core = _strip_prerelease(_strip_build(version))
    return tuple(int(part) for part in core.split("."))


def _major(version: str) -> int:
    return _version_key(version)[0]
