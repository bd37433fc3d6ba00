"""Who sees what (PRODUCT.md, data minimisation), as audience keys.

An entity is stored with the keys of everyone who may see it; a caller holds
keys derived from its roles and links. The change feed and the audit trail
match the two sets in SQL; `project` trims fields a caller may not see.
"""

from __future__ import annotations

STAFF_ROLES = {"caseworker", "supervisor", "coordinator", "admin"}
ALL_ROLES = STAFF_ROLES | {"researcher", "recipient", "soc"}


def caller_keys(user: dict) -> set[str]:
    keys = {f"user:{user['id']}"} | {f"role:{r}" for r in user["roles"]}
    if STAFF_ROLES & set(user["roles"]):
        keys.add("staff")
    if user.get("researcher_id"):
        keys.add(f"researcher:{user['researcher_id']}")
    if user.get("org_id"):
        if set(user["roles"]) - {"soc"}:
            keys.add(f"org:{user['org_id']}")
        if "soc" in user["roles"]:
            # A centre's staff see the centre's reports, not what is addressed to the organisation.
            keys.add(f"soc:{user['org_id']}")
    return keys


def staff_audience(_staff: dict) -> set[str]:
    return {"staff"}


def researcher_audience(researcher: dict) -> set[str]:
    return {"role:caseworker", "role:supervisor", "role:admin", f"researcher:{researcher['id']}"}


def institution_audience(_institution: dict, member_researcher_ids=()) -> set[str]:
    return {"role:caseworker", "role:supervisor", "role:admin"} | {f"researcher:{r}" for r in member_researcher_ids}


def organisation_audience(org: dict) -> set[str]:
    return {"role:coordinator", "role:admin", f"org:{org['id']}"}


def application_audience(app: dict) -> set[str]:
    return {"role:caseworker", "role:admin", f"researcher:{app['applicant_id']}"}


def output_audience(output: dict) -> set[str]:
    return {"role:supervisor", "role:admin", f"researcher:{output['researcher_id']}"}


def sample_audience(_sample: dict) -> set[str]:
    return {"role:supervisor", "role:admin"}


def warning_audience(warning: dict, addressed_org_ids) -> set[str]:
    keys = {"role:coordinator", "role:admin"}
    if warning["status"] != "draft":
        keys |= {f"org:{o}" for o in addressed_org_ids}
    return keys


def acknowledgement_audience(ack: dict) -> set[str]:
    return {"role:coordinator", "role:admin", f"org:{ack['org_id']}"}


def incident_audience(incident: dict) -> set[str]:
    reporter = (f"soc:{incident['reporting_org_id']}" if incident.get("reporting_org_id")
                else f"user:{incident['reported_by']}")
    return {"role:coordinator", "role:admin", reporter}


# What a reporting centre sees of its own incident: its report, the status, the NIS2
# clocks and the warning reference; not who triaged it, their notes or the duplicates.
INCIDENT_REPORTER_FIELDS = (
    "id", "version", "title", "description", "severity", "tlp", "occurred_at", "detected_at", "affected",
    "indicators", "nis2_significant", "nis2", "status", "reported_by", "reporting_org_id", "reporting_centre",
    "reported_at", "updated_at", "updates", "acknowledged_at", "merged_into", "warnings", "warned_at",
    "closed_at", "dismissed_at")


def admin_request_audience(_request: dict) -> set[str]:
    return {"role:admin"}


def needs_projection(kind: str, user: dict, raw: str | None = None) -> bool:
    """Whether `project` would change this kind of entity for this caller (with the stored
    canonical JSON at hand, whether it would change this one: only held outputs with reviews
    are blinded for supervisors)."""
    roles = set(user["roles"])
    if kind == "output" and "supervisor" in roles:
        return raw is None or ('"status":"held"' in raw and '"reviews":[]' not in raw)
    return ((kind == "output" and not roles & {"supervisor", "admin"})
            or (kind == "application" and not roles & {"caseworker", "admin"})
            or (kind in ("warning", "incident") and not roles & {"coordinator", "admin"}))


def project(kind: str, data: dict | None, user: dict) -> dict | None:
    """The part of an entity this caller may see (the audience already matched)."""
    if data is None:
        return None
    roles = set(user["roles"])
    if kind == "output" and not roles & {"supervisor", "admin"}:
        # The submitting researcher sees the outcome, not how or why it was sampled.
        data = {k: v for k, v in data.items() if k not in ("sample", "draw")}
        data["reviews"] = [{k: v for k, v in r.items() if k != "reviewer_id"} for r in data.get("reviews", [])]
    elif kind == "output" and "supervisor" in roles:
        data = blind_reviews(data, user["id"])
    elif kind == "application" and not roles & {"caseworker", "admin"}:
        data = dict(data)
        data["reviews"] = [{k: v for k, v in r.items() if k != "reviewer_id"} for r in data.get("reviews", [])]
    elif kind == "warning" and not roles & {"coordinator", "admin"}:
        # Not who else was warned, nor a revision in preparation, nor which centres reported it.
        data = recipient_view(data, user.get("org_id"))
    elif kind == "incident" and not roles & {"coordinator", "admin"}:
        data = {k: data.get(k) for k in INCIDENT_REPORTER_FIELDS}
    return data


# What a recipient organisation sees of a warning: the text and its own part, never who
# else was told (other organisations) nor which staff wrote, edited, co-signed or sent it.
RECIPIENT_WARNING_FIELDS = (
    "id", "version", "revision", "ack_revision", "content_version", "title", "summary", "body", "severity",
    "tlp", "cves", "valid_until", "ack_hours", "status", "sent_at", "ack_due_at", "retracted_reason",
    "retracted_at", "expired_at", "created_at", "updated_at",
)
RECIPIENT_REVISION_FIELDS = ("number", "at", "summary")


def recipient_view(data: dict, org: str | None) -> dict:
    view = {k: data[k] for k in RECIPIENT_WARNING_FIELDS if k in data}
    recipients = data.get("recipients") or {}
    view["recipients"] = {"sectors": list(recipients.get("sectors") or []),
                          "regions": list(recipients.get("regions") or []),
                          "org_ids": [o for o in recipients.get("org_ids") or [] if o == org]}
    view["revisions"] = [{k: r.get(k) for k in RECIPIENT_REVISION_FIELDS} for r in data.get("revisions") or []]
    view["acks"] = [a for a in data.get("acks") or [] if a.get("org_id") == org]
    return view


def blind_reviews(output: dict, user_id: str) -> dict:
    """Blind second review: while an output waits for more releases, a supervisor who has not
    reviewed it sees how many releases it has, not who gave them, when, nor their comments, so
    that a second review is made on the output itself. Once they decide, or the output is decided,
    the reviews are theirs to see."""
    reviews = output.get("reviews") or []
    if output.get("status") != "held" or not reviews or any(r.get("reviewer_id") == user_id for r in reviews):
        return output
    blinded = dict(output)
    blinded["reviews"] = [{"verdict": r.get("verdict"), "blind": True} for r in reviews]
    blinded["reviews_blind"] = True
    return blinded
