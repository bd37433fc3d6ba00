"""Incident reports from the sector's security operations centres: the rules.

The routes (portal/routes/incidents.py) call these inside one write transaction.

- NIS2 clocks (`nis2_significant` incidents): early warning 24 hours after
  `detected_at`, notification 72 hours, final report one calendar month (the
  same day of the next month, the month's last day when it has fewer). A clock is
  `met` by the reporting centre's first update of that kind (`late` when after
  the deadline), `overdue` strictly after its deadline without one, `due`
  otherwise. The stored state is brought up to date by `sweep_clocks`, which runs
  before every incident call and every 30 s (each change audited, actor null,
  action `incident.clocks`, naming the clocks that ran out); `clocks()` gives
  the state at any moment.
- Likely duplicates: incidents that share an indicator (same type and normal
  form, see rules.indicators) are linked both ways in `duplicates`
  [{id, shared:[{type, value}]}], left out of merged and dismissed ones.
- Warnings: `POST /warnings` takes `incident_ids`; sending that warning moves its
  incidents from new or acknowledged to `warned` and gives each a warning
  reference {id, revision, sent_at} (merged incidents get the reference through
  the incident they were merged into; closed and dismissed keep their status).
"""

from __future__ import annotations

import calendar
import datetime as dt

from . import entities
from .api import iso, parse_iso

STATUSES = ("new", "acknowledged", "merged", "dismissed", "warned", "closed")
ENDED = frozenset({"merged", "dismissed"})
CLOCKS = (("early_warning", 24 * 3600), ("notification", 72 * 3600), ("final_report", None))
UPDATE_KINDS = ("early_warning", "notification", "final_report", "note")

def one_month_after(ts: float) -> float:
    """The same moment one calendar month later (clamped to the month's last day)."""
    moment = dt.datetime.fromtimestamp(ts, dt.timezone.utc)
    year, month = (moment.year + 1, 1) if moment.month == 12 else (moment.year, moment.month + 1)
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day).timestamp()


def clocks(incident: dict, now: float) -> dict | None:
    """The NIS2 clocks of an incident at `now`, or None when it is not NIS2-significant."""
    if not incident.get("nis2_significant"):
        return None
    detected = parse_iso(incident["detected_at"])
    out = {}
    for name, hours in CLOCKS:
        due = detected + hours if hours is not None else one_month_after(detected)
        met = next((u["at"] for u in incident.get("updates") or [] if u.get("kind") == name), None)
        if met is not None:
            state = "met"
        else:
            state = "overdue" if now > due else "due"
        out[name] = {"due_at": iso(due), "state": state, "met_at": met,
                     "late": met is not None and parse_iso(met) > due}
    return out


def clock_states(incident: dict) -> tuple:
    return tuple((incident.get("nis2") or {}).get(name, {}).get("state") for name, _ in CLOCKS)


def reports_for(user: dict, incident: dict) -> bool:
    """Whether the caller is the reporting centre of the incident (its organisation, else the reporter)."""
    if "soc" not in user["roles"]:
        return False
    if incident.get("reporting_org_id"):
        return incident["reporting_org_id"] == user.get("org_id")
    return incident.get("reported_by") == user["id"]


def indicator_keys(incident: dict) -> set[str]:
    return {f"{i['type']}:{i['value']}" for i in incident.get("indicators") or []}


def save(tx, incident: dict) -> dict:
    return entities.save(tx, "incident", incident)


def link_duplicates(tx, incident: dict) -> dict:
    """Link `incident` with every other open incident sharing an indicator (both ways); saves the others."""
    mine = indicator_keys(incident)
    links = []
    for other in tx.list("incident"):
        if other["id"] == incident["id"] or other["status"] in ENDED:
            continue
        shared = sorted(mine & indicator_keys(other))
        if not shared:
            continue
        shared_items = [dict(zip(("type", "value"), k.split(":", 1))) for k in shared]
        links.append({"id": other["id"], "shared": shared_items})
        theirs = [d for d in other.get("duplicates") or [] if d["id"] != incident["id"]]
        other = dict(other, duplicates=theirs + [{"id": incident["id"], "shared": shared_items}])
        save(tx, other)
    incident["duplicates"] = links
    return incident


def merge(tx, incident: dict, target: dict, user_id: str, at: str) -> tuple[dict, dict]:
    """`incident` ends as merged into `target`, which takes over its indicators and affected parties."""
    incident = dict(incident, status="merged", merged_into=target["id"], merged_at=at, merged_by=user_id)
    target = dict(target)
    known = indicator_keys(target)
    target["indicators"] = list(target.get("indicators") or []) + [
        i for i in incident.get("indicators") or [] if f"{i['type']}:{i['value']}" not in known]
    for part in ("org_ids", "sectors", "regions"):
        merged = list(dict.fromkeys((target["affected"].get(part) or []) + (incident["affected"].get(part) or [])))
        target["affected"] = dict(target["affected"], **{part: merged})
    target["merged_from"] = list(dict.fromkeys((target.get("merged_from") or []) + [incident["id"]]))
    target["duplicates"] = [d for d in target.get("duplicates") or [] if d["id"] != incident["id"]]
    target["updated_at"] = at
    return incident, target


def check_linkable(tx, incident_ids: list[str]) -> list[str]:
    """The incidents a new warning names: each must exist and be neither merged nor dismissed (ValueError)."""
    out: list[str] = []
    for i, incident_id in enumerate(incident_ids):
        incident = tx.get("incident", incident_id)
        if incident is None:
            raise ValueError(f"incident_ids.{i}: no incident {incident_id!r}")
        if incident["status"] in ENDED:
            raise ValueError(f"incident_ids.{i}: incident {incident_id} is {incident['status']}")
        if incident_id not in out:
            out.append(incident_id)
    return out


def mark_warned(tx, warning: dict, user_id: str, at: str) -> list[str]:
    """On sending `warning`: its incidents become `warned` and carry its reference; audited. Returns their ids."""
    reference = {"id": warning["id"], "revision": warning.get("revision"), "sent_at": warning.get("sent_at")}
    changed = []
    for incident_id in warning.get("incident_ids") or []:
        incident = tx.get("incident", incident_id)
        if incident is None:
            continue
        for one in [incident] + [tx.get("incident", m) for m in incident.get("merged_from") or []]:
            if one is None:
                continue
            one = dict(one)
            one["warnings"] = [w for w in one.get("warnings") or [] if w["id"] != warning["id"]] + [reference]
            before = one["status"]
            if before in ("new", "acknowledged"):
                one["status"] = "warned"
            one.setdefault("warned_at", None)
            one["warned_at"] = one["warned_at"] or at
            one["updated_at"] = at
            save(tx, one)
            tx.audit_append(at, user_id, "incident.warned", "incident", one["id"], "ok",
                            {"warning_id": warning["id"], "from": before, "to": one["status"]})
            changed.append(one["id"])
    return changed


def sweep_clocks(ctx) -> list[str]:
    """Store `overdue` for every clock that has run out since the incident was last saved; audited."""
    now = ctx.clock()

    def stale(tx) -> list[dict]:
        return [i for i in tx.list("incident") if i.get("nis2_significant")
                and clock_states(i) != clock_states({"nis2": clocks(i, now)})]

    with ctx.store.read() as tx:
        if not stale(tx):
            return []
    changed = []
    with ctx.store.write() as tx:
        for incident in stale(tx):
            before = clock_states(incident)
            incident["nis2"] = clocks(incident, now)
            save(tx, incident)
            ran_out = [name for (name, _), old, new in zip(CLOCKS, before, clock_states(incident))
                       if new == "overdue" and old != "overdue"]
            tx.audit_append(iso(now), None, "incident.clocks", "incident", incident["id"], "ok",
                            {"overdue": ran_out})
            changed.append(incident["id"])
    return changed
