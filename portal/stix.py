"""An incident as a STIX 2.1 bundle (built with the `stix2` library).

The bundle holds: the reporting centre (identity), the incident, one indicator
per network or file indicator (a STIX pattern), one vulnerability per CVE, each
related to the incident, and the TLP marking. Identifiers are derived from the
incident and the indicator (name-based, in the UUIDv4 form the validator asks
for), so exporting the same incident twice names the same objects (a consumer
updates instead of duplicating).

TLP: STIX 2.1 defines the TLP 1.0 markings; CLEAR is exported as WHITE and
AMBER+STRICT as AMBER (the stricter handling stated in the incident's description
is not expressible), as for the CSAF export of warnings.
"""

from __future__ import annotations

import json
import uuid

import stix2

NAMESPACE = uuid.UUID("6f0c2d51-1f8e-4d8c-9a55-8d3b0f6a9e21")   # this portal's STIX ids
TLP = {"CLEAR": stix2.TLP_WHITE, "GREEN": stix2.TLP_GREEN, "AMBER": stix2.TLP_AMBER,
       "AMBER+STRICT": stix2.TLP_AMBER, "RED": stix2.TLP_RED}
PATTERNS = {
    "ipv4": "ipv4-addr:value", "ipv6": "ipv6-addr:value", "domain": "domain-name:value", "url": "url:value",
    "sha256": "file:hashes.'SHA-256'", "md5": "file:hashes.MD5", "email": "email-addr:value",
}


def _id(kind: str, *names: str) -> str:
    """A stable identifier: a name-based UUID given the version 4 form STIX 2.1 asks of SDOs."""
    derived = uuid.uuid5(NAMESPACE, "/".join((kind,) + names))
    return f"{kind}--{uuid.UUID(bytes=derived.bytes, version=4)}"


def _quote(value: str) -> str:
    """A STIX pattern string literal: backslash and single quote escaped."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def incident_bundle(incident: dict, centre_name: str) -> dict:
    """The incident and its indicators as a STIX 2.1 bundle (a JSON-ready dict)."""
    created, modified = incident["reported_at"], incident.get("updated_at") or incident["reported_at"]
    marking = TLP[incident["tlp"]]
    common = {"created": created, "modified": modified, "object_marking_refs": [marking]}
    centre = stix2.Identity(id=_id("identity", incident.get("reporting_org_id") or incident["reported_by"]),
                            name=centre_name, identity_class="organization", sectors=["healthcare"],
                            created=created, modified=created)
    description = incident.get("description") or ""
    if incident["tlp"] == "AMBER+STRICT":
        description = "TLP:AMBER+STRICT. " + description
    the_incident = stix2.Incident(
        id=_id("incident", incident["id"]), name=incident["title"], description=description,
        created_by_ref=centre.id, labels=[f"severity:{incident['severity']}", f"status:{incident['status']}"]
        + (["nis2-significant"] if incident.get("nis2_significant") else []),
        external_references=[{"source_name": "portal-desk", "external_id": incident["id"]}], **common)
    objects: list = [marking, centre, the_incident]
    for item in incident.get("indicators") or []:
        kind, value = item["type"], item["value"]
        if kind == "cve":
            found = stix2.Vulnerability(id=_id("vulnerability", value), name=value, created_by_ref=centre.id,
                                        external_references=[{"source_name": "cve", "external_id": value}], **common)
        else:
            found = stix2.Indicator(
                id=_id("indicator", incident["id"], kind, value), name=f"{kind} {value}",
                description=f"Reported in {incident['id']}: {incident['title']}",
                pattern=f"[{PATTERNS[kind]} = {_quote(value)}]", pattern_type="stix",
                valid_from=incident.get("detected_at") or created, indicator_types=["malicious-activity"],
                created_by_ref=centre.id, **common)
        objects.append(found)
        objects.append(stix2.Relationship(
            id=_id("relationship", incident["id"], kind, value), relationship_type="related-to",
            source_ref=found.id, target_ref=the_incident.id, created_by_ref=centre.id, **common))
    bundle = stix2.Bundle(objects=objects, id=_id("bundle", incident["id"], str(incident.get("version") or 0)),
                          allow_custom=False)
    return json.loads(bundle.serialize())
