"""Large, realistic databases for benchmarks: `python -m portal seed --db FILE
--applications N --outputs N [--demo]`.

`seed_scale` adds researchers, applications, outputs and their sample draws on
top of whatever the database holds (normally the demo world, so that its users
can sign in and see the new cases). It reuses the demo's vocabulary (topics,
registers, institutions, researcher names) and builds entities of the same shape
as the demo and the routes do, so the change feed, the client and the views see
ordinary data, only more of it.

Speed: entities go in through `Tx.put_many`, one transaction per chunk. The
automatic output check is not run per output: a few template transfers of each
kind are checked once, their files stored once (content-addressed), and every
output of that kind carries the template's real check result. Sample draws are
real `sampling.draw` records with seeds derived from the output id, so each one
can be recomputed.

Deterministic: one seeded random generator; dates count back from the day of
seeding (like the demo), so two runs on the same day give equal databases.
"""

from __future__ import annotations

import hashlib
import random
from rules import applications, sampling

from . import auth, checks, entities
from .api import iso
from .demo import (CONDITIONS, DAY, INSTITUTIONS, LEGAL_BASES, REGISTERS, RESEARCHER_NAMES, TOPICS,
                   output_files)

CHUNK = 10_000
VARIANTS = 6                       # template transfers per kind of output
APPLICATIONS_PER_RESEARCHER = 25   # how many extra researchers a large seed adds
MAX_RESEARCHERS = 4000

# Shares of application states in a mature portal: most cases are decided.
APPLICATION_STATES = (("approved", 0.55), ("submitted", 0.12), ("in_review", 0.12),
                      ("rejected", 0.11), ("returned", 0.10))
# Shares of output kinds (demo.output_files): most transfers are clean tables.
OUTPUT_KINDS = (("clean", 0.70), ("small_counts", 0.10), ("zero", 0.06), ("figure", 0.08),
                ("microdata", 0.03), ("cpr", 0.03))
HISTORY_DAYS = 5 * 365


class _Config(sampling.SamplingConfig):
    """The default rates, with `to_dict` answered from a copy made once
    (`dataclasses.asdict` per draw would be a third of the seeding time)."""

    def to_dict(self) -> dict:
        return dict(_CONFIG)


_CONFIG = sampling.SamplingConfig().to_dict()


def seed_scale(store, applications: int, outputs: int, *, seed: int = 2027, now: float | None = None,
               chunk: int = CHUNK) -> dict:
    """Add `applications` applications and `outputs` outputs (plus the researchers
    and sample draws they need). Returns the number added per kind."""
    if applications < 0 or outputs < 0:
        raise ValueError("counts must be non-negative")
    now = auth.now() if now is None else now
    today = now - now % DAY
    rng = random.Random(seed)
    added = {"researcher": 0, "application": 0, "output": 0, "sample": 0}

    with store.write() as tx:
        researchers = tx.list("researcher")
        caseworkers, supervisors, conflicts = _staff(tx)
        numbers = {name: _counter(tx, name) for name in ("application", "output", "sample")}
        projects = [(a["id"], a["applicant_id"], a["registers"]) for a in tx.list("application")
                    if a.get("status") == "approved"]
        new = _researchers(rng, today, len(researchers), _wanted_researchers(applications, len(researchers)))
        if new:
            tx.put_many(entities.bulk_rows(tx, "researcher", new))
            researchers += new
            added["researcher"] = len(new)
            for institution in tx.list("institution"):   # new members may see their institution
                entities.save(tx, "institution", institution)
            tx.audit_append(iso(now), None, "scale.seed", None, None, "ok", {"researcher": len(new)})
        templates = _output_templates(tx)

    valid = [r for r in researchers if r["certified_until"] >= iso(today)[:10]] or researchers
    if not valid:
        raise RuntimeError("no researchers to submit applications")
    eligible = {inst: [c for c in caseworkers if inst not in conflicts.get(c, ())] or caseworkers
                for inst, _ in INSTITUTIONS}

    for start in range(0, applications, chunk):
        batch = []
        for _ in range(min(chunk, applications - start)):
            numbers["application"] += 1
            app = _application(rng, numbers["application"], today, rng.choice(valid), eligible)
            batch.append(app)
            if app["status"] == "approved":
                projects.append((app["id"], app["applicant_id"], app["registers"]))
        with store.write() as tx:
            tx.put_many(entities.bulk_rows(tx, "application", batch))
            tx.set_counter("application", numbers["application"])
            # Each batch's entry records the states it wrote (the transparency log).
            tx.audit_append(iso(now), None, "scale.seed", None, None, "ok", {"application": len(batch)})
        added["application"] += len(batch)

    if outputs and not projects:
        raise RuntimeError("outputs need approved applications (projects) to belong to")
    cfg = _Config()
    by_id = {r["id"]: r for r in researchers}
    prior: dict[str, int] = {}
    for start in range(0, outputs, chunk):
        out_batch, sample_batch = [], []
        for _ in range(min(chunk, outputs - start)):
            numbers["output"] += 1
            project = rng.choice(projects)
            output, sample = _output(rng, numbers, today, project, by_id.get(project[1], {}), prior, cfg,
                                     templates, supervisors)
            out_batch.append(output)
            if sample is not None:
                sample_batch.append(sample)
        with store.write() as tx:
            tx.put_many(entities.bulk_rows(tx, "sample", sample_batch) + entities.bulk_rows(tx, "output", out_batch))
            tx.set_counter("output", numbers["output"])
            tx.set_counter("sample", numbers["sample"])
            tx.audit_append(iso(now), None, "scale.seed", None, None, "ok",
                            {"output": len(out_batch), "sample": len(sample_batch)})
        added["output"] += len(out_batch)
        added["sample"] += len(sample_batch)

    with store.write() as tx:
        tx.audit_append(iso(now), None, "scale.seed", None, None, "ok", dict(added))
    return added


# -- people ---------------------------------------------------------------------------

def _staff(tx) -> tuple[list[str], list[str], dict[str, set[str]]]:
    """Reviewer ids for decided cases: the database's caseworkers and supervisors
    (made-up ids when it has no staff)."""
    staff = tx.list("staff")
    caseworkers = [s["id"] for s in staff if "caseworker" in s.get("roles", [])] or ["u-caseworker-1", "u-caseworker-2",
                                                                                       "u-caseworker-3"]
    supervisors = [s["id"] for s in staff if "supervisor" in s.get("roles", [])] or ["u-supervisor-1",
                                                                                      "u-supervisor-2"]
    conflicts = {s["id"]: set(s.get("conflicts") or []) for s in staff}
    return caseworkers, supervisors, conflicts


def _counter(tx, name: str) -> int:
    row = tx.execute("SELECT value FROM counters WHERE name = ?", (name,)).fetchone()
    return row[0] if row else 0


def _wanted_researchers(applications: int, existing: int) -> int:
    return max(0, min(MAX_RESEARCHERS, applications // APPLICATIONS_PER_RESEARCHER) - existing)


def _researchers(rng: random.Random, today: float, existing: int, count: int) -> list[dict]:
    """Researchers named from the demo's first and last names."""
    firsts = [n.split()[0] for n in RESEARCHER_NAMES]
    lasts = [n.split()[-1] for n in RESEARCHER_NAMES]
    out = []
    for n in range(existing + 1, existing + count + 1):
        lapsed = rng.random() < 0.05
        certified_until = today + (-rng.randint(5, 300) if lapsed else rng.randint(20, 365)) * DAY
        out.append({"id": f"R-{n:04d}", "name": f"{rng.choice(firsts)} {rng.choice(lasts)}",
                    "institution": rng.choice(INSTITUTIONS)[0], "certified_until": iso(certified_until)[:10],
                    "email_domain": "example.dk", "earlier_breaches": 1 if rng.random() < 0.02 else 0})
    return out


# -- applications ---------------------------------------------------------------------

def _pick(rng: random.Random, shares) -> str:
    roll, total = rng.random(), 0.0
    for value, share in shares:
        total += share
        if roll < total:
            return value
    return shares[-1][0]


def _application(rng: random.Random, number: int, today: float, researcher: dict,
                 eligible: dict[str, list[str]]) -> dict:
    status = _pick(rng, APPLICATION_STATES)
    pending = status in ("submitted", "in_review")
    age_days = rng.uniform(0, 60) if pending else rng.uniform(30, HISTORY_DAYS)
    submitted = today - age_days * DAY + rng.randint(7, 17) * 3600
    template, registers = rng.choice(TOPICS)
    registers = list(registers)
    extra = rng.choice(list(REGISTERS))
    if rng.random() < 0.3 and extra not in registers:
        registers.append(extra)
    condition = rng.choice(CONDITIONS)
    required = applications.approvals_needed(registers)
    institution = researcher["institution"]
    reviewers = list(eligible.get(institution) or next(iter(eligible.values())))
    rng.shuffle(reviewers)
    reviews = []
    if status == "in_review":
        reviews = [_review(r, "approve", submitted + (i + 1) * DAY, "Purpose and legal basis in order.")
                   for i, r in enumerate(reviewers[:rng.randint(1, required - 1)])]
    elif status == "approved":
        reviews = [_review(r, "approve", submitted + (i + 1) * DAY, "Approved.")
                   for i, r in enumerate(reviewers[:required])]
    elif status == "rejected":
        reviews = [_review(reviewers[0], "reject", submitted + 2 * DAY,
                           "The requested variables exceed what the stated purpose needs.")]
    elif status == "returned":
        reviews = [_review(reviewers[0], "return", submitted + 2 * DAY,
                           "Please specify the study period and justify the requested registers.")]
    year = iso(submitted)[:4]
    first_year = rng.randint(1995, 2015)
    return {
        "id": f"APP-{year}-{number:04d}",
        "title": template.format(x=condition),
        "status": status,
        "required_approvals": required,
        "reviews": reviews,
        "applicant_id": researcher["id"],
        "applicant_name": researcher["name"],
        "institution": institution,
        "registers": registers,
        "variables": {code: REGISTERS[code][1] for code in registers},
        "purpose": (f"To study {condition} in the Danish population using linked register data, "
                    f"estimating associations with "
                    f"{', '.join(REGISTERS[c][0].lower() for c in registers[1:]) or 'demographics'}."),
        "legal_basis": rng.choice(LEGAL_BASES),
        "period": {"from": f"{first_year}-01-01", "to": f"{rng.randint(first_year + 5, 2025)}-12-31"},
        "submitted_at": iso(submitted),
        "updated_at": reviews[-1]["at"] if reviews else iso(submitted),
        "round": 1,
    }


def _review(reviewer_id: str, decision: str, at: float, comment: str) -> dict:
    return {"reviewer_id": reviewer_id, "decision": decision, "comment": comment, "at": iso(at), "round": 1}


# -- outputs --------------------------------------------------------------------------

def _output_templates(tx) -> dict[str, list[dict]]:
    """A few real transfers of each kind, checked once; their files are stored."""
    rules = checks.Rules()
    rng = random.Random(7)
    templates: dict[str, list[dict]] = {}
    for kind, _share in OUTPUT_KINDS:
        for _ in range(VARIANTS):
            files = output_files(rng, kind)
            result = checks.check_output(files, rules)
            for (_name, content), meta in zip(files, result["files"]):
                tx.blob_put(meta["sha256"], content)
            templates.setdefault(kind, []).append(result)
    return templates


def _output(rng: random.Random, numbers: dict, today: float, project: tuple, researcher: dict,
            prior: dict[str, int], cfg: sampling.SamplingConfig, templates: dict[str, list[dict]],
            supervisors: list[str]) -> tuple[dict, dict | None]:
    project_id, researcher_id, registers = project
    result = rng.choice(templates[_pick(rng, OUTPUT_KINDS)])
    age_days = rng.uniform(0, HISTORY_DAYS) if rng.random() < 0.9 else rng.uniform(0, 20)
    submitted = today - age_days * DAY + rng.randint(7, 17) * 3600
    year = iso(submitted)[:4]
    output_id = f"OUT-{year}-{numbers['output']:04d}"
    inputs = sampling.risk_inputs(prior.get(researcher_id, 0), researcher.get("earlier_breaches", 0), registers)
    prior[researcher_id] = prior.get(researcher_id, 0) + 1
    draw = sampling.draw(output_id, inputs, cfg, seed=hashlib.sha256(f"scale-{output_id}".encode()).hexdigest()[:32])
    flagged = result["verdict"] != "pass"
    sample = sample_record = None
    if draw["outcome"]:
        numbers["sample"] += 1
        sample_id = f"SMP-{year}-{numbers['sample']:04d}"
        sample = {"id": sample_id, "reason": draw["reason"], "probability": draw["probability"]}
        sample_record = {"id": sample_id, "reason": draw["reason"], "scope": "output", "target_id": output_id,
                         "output_ids": [output_id], "drawn_at": iso(submitted), "drawn_by": None,
                         **{k: v for k, v in draw.items() if k not in ("outcome", "reason")},
                         "outcome": draw["outcome"]}
    status, reviews = "released", []
    if flagged or sample:
        status = "held"
        if age_days > 14:   # older held outputs were decided already
            first, second = rng.sample(supervisors, 2) if len(supervisors) > 1 else (supervisors[0],) * 2
            decided = submitted + rng.uniform(0.2, 4) * DAY
            if result["verdict"] == "fail" and rng.random() < 0.7:
                status = "withheld"
                reviews = [{"reviewer_id": first, "verdict": "withhold", "at": iso(decided),
                            "comment": "Disclosive content; please aggregate and resubmit."}]
            else:
                status = "released"
                reviews = [{"reviewer_id": first, "verdict": "release", "at": iso(decided),
                            "comment": "Checked; fine to release."}]
                if flagged:
                    reviews.append({"reviewer_id": second, "verdict": "release", "at": iso(decided + 3600),
                                    "comment": "Agree."})
    output = {
        "id": output_id, "project_id": project_id, "researcher_id": researcher_id, "status": status,
        "comment": f"Results for project {project_id}", "files": result["files"],
        "check": {"verdict": result["verdict"], "findings": result["findings"]},
        "sample": sample, "draw": draw, "reviews": reviews,
        "required_releases": 2 if flagged else 1,
        "submitted_at": iso(submitted), "updated_at": reviews[-1]["at"] if reviews else iso(submitted),
    }
    return output, sample_record

