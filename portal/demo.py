"""Demo data: the fixed users of PRODUCT.md and a realistic, reproducible world.

Dates are relative to the moment of seeding (ages in the queues and lapsed
certifications stay meaningful whenever the demo is started); everything else
comes from a seeded random generator, so two seeds on the same day are equal.
"""

from __future__ import annotations

import base64
import hashlib
import random

from rules import applications

from . import auth, entities
from .api import iso

DAY = 86400

USERS = [
    # username, display name, roles, TOTP secret, links
    ("anna", "Anna Holm", ["caseworker"], "WAXSE7SXQUGMZGUPXHE4ACRP2UIX4CCE", {}),
    ("bent", "Bent Kjær", ["caseworker"], "XGKMEMPNLMD6J644PUKEKRSQTMUVZ45S", {}),
    ("clara", "Clara Mortensen", ["caseworker"], "RGS23Y2OKP6RIOO3YL2RIYM4QQNNLBAK", {"conflicts": ["Aarhus University"]}),
    ("dorte", "Dorte Lund", ["supervisor"], "GYUW7HROG7NCF36I5UDKRQXDHGIALG2D", {}),
    ("emil", "Emil Dahl", ["supervisor"], "6O4YOJKVJZYO2JHGV5VA5MSFXCQ5JUWU", {}),
    ("frida", "Frida Nørgaard", ["coordinator"], "A7PD3XUNA2O4XRGBMN7BTAAEJK7MN3X4", {}),
    ("gustav", "Gustav Bech", ["coordinator"], "CBX4MC7WVOFNDLA22FR4PMTVADKP5D4Z", {}),
    ("helle", "Helle Skov", ["caseworker", "supervisor"], "NUWJDQVQEIXJSFBTRVQ245SPBPLCVHZO", {}),
    ("admin", "Portal Administrator", ["admin"], "H3SYV6KKADICATPKFKKZI2PICYU5OROR", {}),
    ("ida", "Ida Kragh", ["admin"], "ESU6GH6DDRQECJK7HZBDRP55QCAX34KW", {}),
    ("jens", "Jens Vinther", ["admin"], "37PPZQYNKBGU6SCNLWSEDGSJ2KQDMA3P", {}),
    ("rikke", "Rikke Thomsen", ["researcher"], "645O4ADYDKIRS6NQM3YKOISXRDJZP6YE", {"researcher_id": "R-0001"}),
    ("ole", "Ole Madsen", ["recipient"], "TTD7ZDZYEK4QBWV2RCFDZ77PGSDULCIV", {"org_id": "ORG-001"}),
    ("karl", "Karl Iversen", ["caseworker"], "GAV4YIDF4X4GHKYU66KIUYPVIXBAFMYQ", {"certified_days": -10}),
    ("lise", "Lise Brandt", ["supervisor"], "CTXU5TSXE4SYSABXEWSTZUFCE4AXGYFF", {"certified_days": 20}),
    # The Capital Region's security operations centre (ORG-025 is the region's organisation).
    ("sofie", "Sofie Brandt", ["soc"], "ZXDBCLO265AHOZOLMVMRAKMC7AXZXZZ4", {"org_id": "ORG-025"}),
]
# Own certifications, in days from the seeding day: karl's lapsed 10 days ago, lise's lapses
# in 20 days (links above); everybody else's holds for at least 300 days.
CERTIFIED_DAYS = 330
# Researchers whose certification lapses within 30 days (the caseworkers' "lapsing soon").
LAPSING_SOON = {4: 12, 9: 25}
DEMO_PASSWORD = "demo"
# The demo password's scrypt hash (today's parameters), made once: the password is public, so
# one salt for every demo user and database costs nothing, and seeding a demo portal skips a
# slow hash (a fraction of a second on an idle core, several on a busy one). Made afresh should
# the parameters change (auth.needs_rehash).
DEMO_PASSWORD_HASH = ("scrypt$131072$8$1$3e61f2dce9becf820bc009e8f3f93bb7$"
                      "df54c82723c6d575bc0b2b6eb81137a6c163ed2f7c8940f7c70e4118fbc13599")

INSTITUTIONS = [
    ("University of Copenhagen", "university"), ("Aarhus University", "university"),
    ("University of Southern Denmark", "university"), ("Aalborg University", "university"),
    ("Technical University of Denmark", "university"), ("Roskilde University", "university"),
    ("Copenhagen Business School", "university"), ("Rigshospitalet", "hospital"),
    ("Aarhus University Hospital", "hospital"), ("Odense University Hospital", "hospital"),
    ("Aalborg University Hospital", "hospital"), ("Statens Serum Institut", "research institute"),
]

REGISTERS = {
    "BEF": ("Population register", ["PNR", "KOEN", "ALDER", "KOM", "CIVST"]),
    "IND": ("Income statistics register", ["DISPON_NY", "LOENMV", "FAMAEKVIVADISP"]),
    "UDDA": ("Education register", ["HFAUDD", "HF_VFRA"]),
    "AKM": ("Labour market account", ["SOCIO13", "BESKST13"]),
    "LPR": ("National Patient Register", ["C_ADIAG", "D_INDDTO", "C_SGH", "V_SENGDAGE"]),
    "LMDB": ("Register of Medicinal Product Statistics", ["ATC", "EKSD", "VOLUME"]),
    "DODSAARS": ("Cause of Death Register", ["C_DODSAARS", "D_DODSDTO"]),
    "CAR": ("Cancer Register", ["C_ICD10", "D_DIAGNOSEDATO"]),
}

RESEARCHER_NAMES = [
    "Rikke Thomsen", "Mads Winther", "Sofie Lauridsen", "Jonas Kristiansen", "Ida Poulsen", "Lars Vestergaard",
    "Mette Frandsen", "Kasper Bruun", "Line Hvid", "Thomas Krogh", "Camilla Juhl", "Niels Bak", "Signe Dam",
    "Peter Friis", "Julie Kofoed", "Morten Lykke", "Anne Sørensen", "Henrik Munk", "Louise Berg", "Søren Holt",
    "Katrine Ravn", "Jakob Skytte", "Maja Østergaard", "Rasmus Kjeldsen",
]

TOPICS = [
    ("Socioeconomic gradients in {x} incidence", ["BEF", "IND", "LPR"]),
    ("Long-term labour market attachment after {x}", ["BEF", "AKM", "LPR"]),
    ("Educational attainment and {x} outcomes", ["BEF", "UDDA"]),
    ("Medication adherence among patients with {x}", ["BEF", "LMDB", "LPR"]),
    ("Mortality following {x}: a register-based cohort", ["BEF", "DODSAARS", "LPR"]),
    ("Income mobility of families affected by {x}", ["BEF", "IND"]),
    ("Regional variation in {x} treatment", ["BEF", "LPR"]),
    ("Cancer survival and {x}", ["BEF", "CAR", "DODSAARS"]),
    ("Household income and {x} in young adults", ["BEF", "IND", "UDDA"]),
]
CONDITIONS = ["type 2 diabetes", "stroke", "depression", "COVID-19", "hip fracture", "asthma", "ADHD",
              "heart failure", "breast cancer", "chronic kidney disease", "long-term unemployment", "divorce"]
LEGAL_BASES = [
    "GDPR art. 6(1)(e) and art. 9(2)(j); Danish Data Protection Act section 10",
    "GDPR art. 6(1)(e); Danish Data Protection Act section 10 (statistics and scientific research)",
    "GDPR art. 9(2)(j); Health Act section 46",
]

ORG_NAMES = {
    "hospital": ["Odense University Hospital", "Rigshospitalet", "Aarhus University Hospital", "Aalborg University Hospital",
                 "Herlev Hospital", "Hvidovre Hospital", "Bispebjerg Hospital", "Zealand University Hospital",
                 "Holbæk Hospital", "Nykøbing F. Hospital", "Hospital of Southern Jutland", "Lillebaelt Hospital",
                 "Esbjerg Hospital", "Regional Hospital Central Jutland", "Gødstrup Hospital", "Randers Regional Hospital",
                 "Horsens Regional Hospital", "North Zealand Hospital", "Svendborg Hospital", "Hjørring Hospital",
                 "Thisted Hospital", "Slagelse Hospital", "Næstved Hospital", "Viborg Regional Hospital"],
    "municipality": ["Copenhagen Municipality", "Aarhus Municipality", "Odense Municipality", "Aalborg Municipality",
                     "Esbjerg Municipality", "Vejle Municipality", "Randers Municipality", "Kolding Municipality",
                     "Horsens Municipality", "Roskilde Municipality", "Næstved Municipality", "Herning Municipality",
                     "Silkeborg Municipality", "Frederiksberg Municipality", "Holbæk Municipality",
                     "Slagelse Municipality", "Hjørring Municipality", "Svendborg Municipality", "Viborg Municipality",
                     "Sønderborg Municipality", "Thisted Municipality", "Gentofte Municipality", "Helsingør Municipality",
                     "Guldborgsund Municipality", "Faaborg-Midtfyn Municipality"],
}
TOWNS = {
    "Capital Region": ["Copenhagen", "Hillerød", "Herlev", "Gentofte", "Helsingør", "Ballerup", "Glostrup", "Bornholm"],
    "Region Zealand": ["Roskilde", "Næstved", "Holbæk", "Slagelse", "Køge", "Nykøbing F.", "Kalundborg", "Ringsted"],
    "Region of Southern Denmark": ["Odense", "Esbjerg", "Kolding", "Vejle", "Svendborg", "Sønderborg", "Haderslev", "Middelfart"],
    "Central Denmark Region": ["Aarhus", "Randers", "Horsens", "Viborg", "Herning", "Silkeborg", "Skive", "Holstebro"],
    "North Denmark Region": ["Aalborg", "Hjørring", "Thisted", "Frederikshavn", "Brønderslev", "Skagen", "Hobro", "Aars"],
}


# Where a name names no town of TOWNS, its region is stated (never guessed).
REGION_OF = {
    "Rigshospitalet": "Capital Region", "Hvidovre Hospital": "Capital Region", "Bispebjerg Hospital": "Capital Region",
    "North Zealand Hospital": "Capital Region", "Frederiksberg Municipality": "Capital Region",
    "Zealand University Hospital": "Region Zealand", "Guldborgsund Municipality": "Region Zealand",
    "Hospital of Southern Jutland": "Region of Southern Denmark", "Lillebaelt Hospital": "Region of Southern Denmark",
    "Faaborg-Midtfyn Municipality": "Region of Southern Denmark",
    "Regional Hospital Central Jutland": "Central Denmark Region", "Gødstrup Hospital": "Central Denmark Region",
}


def _region_of(name: str, rng: random.Random) -> str:
    if name in REGION_OF:
        # These names once took a random region; the draw is still made, and ignored, so that
        # everything seeded after them (researchers, cases, samples) stays as it was.
        rng.choice(entities.REGIONS)
        return REGION_OF[name]
    for region, towns in TOWNS.items():
        if any(t in name for t in towns):
            return region
    raise ValueError(f"no region known for {name!r}")


def organisations(rng: random.Random) -> list[dict]:
    orgs: list[dict] = []

    def add(name, sector, region):
        orgs.append({"id": f"ORG-{len(orgs) + 1:03d}", "name": name, "sector": sector, "region": region})

    for name in ORG_NAMES["hospital"]:
        add(name, "hospital", _region_of(name, rng))
    for region in entities.REGIONS:
        add(region, "region", region)
    for name in ORG_NAMES["municipality"]:
        add(name, "municipality", _region_of(name, rng))
    for region, towns in TOWNS.items():
        for town in towns:
            for i in range(2):
                add(f"{town} {'Lægehus' if i == 0 else 'Lægeklinik'}", "gp", region)
    for region, towns in TOWNS.items():
        for town in towns[:5]:
            for kind in ("Plejecenter", "Friplejehjem") if town != towns[4] else ("Plejecenter",):
                add(f"{kind} {town}", "care_home", region)
    return orgs


def _csv(rows: list[list]) -> bytes:
    return ("\n".join(",".join(str(c) for c in row) for row in rows) + "\n").encode()


def output_files(rng: random.Random, kind: str) -> list[tuple[str, bytes]]:
    """Realistic researcher outputs: clean tables, small counts, identifiers, images."""
    regions = list(entities.REGIONS)
    if kind == "clean":
        rows = [["region", "men", "women"]] + [[r, rng.randint(40, 900), rng.randint(40, 900)] for r in regions]
        return [("table_by_region.csv", _csv(rows))]
    if kind == "small_counts":
        rows = [["age_group", "cases", "controls"]] + [[g, rng.randint(0, 2) if i == 3 else rng.randint(5, 90), rng.randint(10, 300)]
                                                       for i, g in enumerate(["0-17", "18-34", "35-49", "50-64", "65+"])]
        return [("cases_by_age.csv", _csv(rows))]
    if kind == "zero":
        rows = [["municipality_group", "admissions"], ["urban", 120], ["suburban", 48], ["rural", 0]]
        return [("admissions.csv", _csv(rows))]
    if kind == "cpr":
        text = ("Follow-up notes\nPatient with id 010190-1234 excluded after review.\n"
                "Remaining cohort size: 1,204\n")
        return [("notes.txt", text.encode())]
    if kind == "microdata":
        rows = [["person_id", "age", "sex", "income"]] + [[f"P{i:05d}", rng.randint(18, 90), rng.choice("MF"),
                                                          rng.randint(150, 900) * 1000] for i in range(40)]
        return [("extract.csv", _csv(rows))]
    if kind == "figure":
        png = base64.b64decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
        rows = [["year", "rate_per_100k"]] + [[y, round(rng.uniform(20, 60), 1)] for y in range(2015, 2025)]
        return [("trend.csv", _csv(rows)), ("trend.png", png)]
    raise ValueError(kind)


def seed_demo(store, now: float | None = None, seed: int = 2026) -> dict:
    """Seed an empty database with the demo world. Returns counts per kind."""
    now = auth.now() if now is None else now
    today = now - now % DAY
    rng = random.Random(seed)
    with store.write() as tx:
        if tx.user_by_username("anna") is not None:
            return {}
        _seed(tx, rng, now, today)
        counts = {kind: tx.count(kind) for kind in entities.KINDS}
        tx.audit_append(iso(now), None, "demo.seed", None, None, "ok", counts)
    return counts


def _seed(tx, rng: random.Random, now: float, today: float) -> None:
    password_hash = DEMO_PASSWORD_HASH if not auth.needs_rehash(DEMO_PASSWORD_HASH) \
        else auth.hash_password(DEMO_PASSWORD)   # one slow hash, shared salt is fine for demo users only
    for username, name, roles, secret, links in USERS:
        user = {"id": f"u-{username}", "username": username, "display_name": name, "roles": roles,
                "password_hash": password_hash, "totp_secret": secret,
                "researcher_id": links.get("researcher_id"), "org_id": links.get("org_id"),
                "grants": [{"role": role, "expires_at": None, "emergency": False} for role in roles]}
        tx.insert_user(user)
        if set(roles) & {"caseworker", "supervisor", "coordinator", "admin"}:
            days = links.get("certified_days", CERTIFIED_DAYS)
            entities.save(tx, "staff", {"id": user["id"], "username": username, "display_name": name,
                                        "roles": roles, "conflicts": links.get("conflicts", []), "active": True,
                                        "grants": [{"role": role, "expires_at": None, "emergency": False}
                                                   for role in roles],
                                        "certified_until": iso(today + days * DAY)[:10]})

    researchers = []
    for i, name in enumerate(RESEARCHER_NAMES):
        institution = INSTITUTIONS[1][0] if i in (2, 5) else rng.choice(INSTITUTIONS)[0]
        if i == 0:
            institution = "University of Copenhagen"
        lapsed = i in (3, 11)
        certified_until = today + (-rng.randint(5, 60) if lapsed else rng.randint(40, 360)) * DAY
        if i == 0:    # rikke, a demo user: certified for long
            certified_until = max(certified_until, today + CERTIFIED_DAYS * DAY)
        if i in LAPSING_SOON:
            certified_until = today + LAPSING_SOON[i] * DAY
        researchers.append({"id": f"R-{i + 1:04d}", "name": name, "institution": institution,
                            "certified_until": iso(certified_until)[:10], "email_domain": "example.dk",
                            "earlier_breaches": 1 if i in (7, 15) else 0})
    for r in researchers:
        entities.save(tx, "researcher", r)
    for i, (name, kind) in enumerate(INSTITUTIONS):
        entities.save(tx, "institution", {"id": f"I-{i + 1:02d}", "name": name, "kind": kind})

    for org in organisations(rng):
        entities.save(tx, "organisation", org)

    _seed_applications(tx, rng, now, today, researchers)
    _seed_outputs(tx, rng, now, researchers)
    _seed_warnings(tx, rng, now)
    from .demo_incidents import seed_incidents
    seed_incidents(tx, now)


def _application(rng, number, now, researcher, status, age_days, sensitive=None):
    template, registers = rng.choice(TOPICS)
    if sensitive is True and not applications.SENSITIVE_REGISTERS & set(registers):
        registers = registers + ["LPR"]
    if sensitive is False:
        registers = [r for r in registers if r not in applications.SENSITIVE_REGISTERS] or ["BEF", "IND"]
    condition = rng.choice(CONDITIONS)
    submitted = now - age_days * DAY - rng.randint(0, 8) * 3600
    return {
        "id": f"APP-2026-{number:04d}",
        "title": template.format(x=condition),
        "status": status,
        "required_approvals": applications.approvals_needed(registers),
        "reviews": [],
        "applicant_id": researcher["id"],
        "applicant_name": researcher["name"],
        "institution": researcher["institution"],
        "registers": registers,
        "variables": {code: REGISTERS[code][1] for code in registers},
        "purpose": (f"To study {condition} in the Danish population using linked register data, "
                    f"estimating associations with {', '.join(REGISTERS[c][0].lower() for c in registers[1:]) or 'demographics'}."),
        "legal_basis": rng.choice(LEGAL_BASES),
        "period": {"from": "2000-01-01", "to": "2025-12-31"},
        "submitted_at": iso(submitted),
        "updated_at": iso(submitted),
        "round": 1,
    }


def _review(reviewer, decision, at, comment=""):
    return {"reviewer_id": f"u-{reviewer}", "decision": decision, "comment": comment, "at": iso(at), "round": 1}


def _seed_applications(tx, rng, now, today, researchers):
    by_institution = {}
    for r in researchers:
        by_institution.setdefault(r["institution"], []).append(r)
    lapsed = [r for r in researchers if r["certified_until"] < iso(today)[:10]]
    valid = [r for r in researchers if r not in lapsed]
    aarhus = [r for r in valid if r["institution"] == "Aarhus University"]
    caseworkers = ["anna", "bent", "clara", "helle"]
    plan = (["submitted"] * 22 + ["in_review"] * 14 + ["approved"] * 14 + ["rejected"] * 6 + ["returned"] * 6)
    apps = []
    for n, status in enumerate(plan, start=1):
        researcher = rng.choice(valid)
        sensitive = None
        if n == 1:
            researcher = aarhus[0]       # from Aarhus University, awaiting review (clara has a conflict)
            sensitive = False
        elif n == 2:
            researcher = lapsed[0]       # the applicant's certification has lapsed
            sensitive = False
        elif n == 3:
            sensitive = True             # needs three approvals
        elif n == 4:
            researcher = researchers[0]  # rikke's own, pending
        age = rng.randint(1, 35) if status in ("submitted", "in_review") else rng.randint(20, 200)
        app = _application(rng, n, now, researcher, status, age, sensitive)
        start = now - age * DAY
        eligible = [c for c in caseworkers
                    if not (c == "clara" and app["institution"] == "Aarhus University")]
        rng.shuffle(eligible)
        if status == "in_review":
            approvals = rng.randint(1, app["required_approvals"] - 1)
            app["reviews"] = [_review(c, "approve", start + (i + 1) * DAY, "Purpose and legal basis in order.")
                              for i, c in enumerate(eligible[:approvals])]
        elif status == "approved":
            app["reviews"] = [_review(c, "approve", start + (i + 1) * DAY, "Approved.")
                              for i, c in enumerate(eligible[:app["required_approvals"]])]
        elif status == "rejected":
            app["reviews"] = [_review(eligible[0], "reject", start + DAY,
                                      "The requested variables exceed what the stated purpose needs.")]
        elif status == "returned":
            app["reviews"] = [_review(eligible[0], "return", start + DAY,
                                      "Please specify the study period and justify the LPR diagnosis codes.")]
        if app["reviews"]:
            app["updated_at"] = app["reviews"][-1]["at"]
        apps.append(app)
    for app in apps:
        entities.save(tx, "application", app)
    tx.set_counter("application", len(apps))


def _seed_outputs(tx, rng, now, researchers):
    """40 outputs through the real automatic check and sampling draw."""
    from rules import sampling

    from . import checks

    rules = checks.Rules()
    cfg = sampling.SamplingConfig()
    projects = [a for a in tx.list("application") if a["status"] == "approved"]
    own = next(p for p in projects if p["applicant_id"] == "R-0001") if any(
        p["applicant_id"] == "R-0001" for p in projects) else None
    kinds = (["clean"] * 20 + ["small_counts"] * 6 + ["zero"] * 4 + ["cpr"] * 3 + ["microdata"] * 3 + ["figure"] * 4)
    rng.shuffle(kinds)
    prior = {}
    samples = 0
    for n, kind in enumerate(kinds, start=1):
        project = own if (own is not None and n <= 4) else rng.choice(projects)
        researcher = next(r for r in researchers if r["id"] == project["applicant_id"])
        files = output_files(rng, kind)
        result = checks.check_output(files, rules)
        for (name, content), meta in zip(files, result["files"]):
            tx.blob_put(meta["sha256"], content)
        submitted = now - (45 - n) * DAY - rng.randint(0, 20) * 3600
        inputs = sampling.risk_inputs(prior.get(researcher["id"], 0), researcher.get("earlier_breaches", 0),
                                      project["registers"])
        output_id = f"OUT-2026-{n:04d}"
        draw = sampling.draw(output_id, inputs, cfg, seed=hashlib.sha256(f"demo-{n}".encode()).hexdigest()[:32])
        prior[researcher["id"]] = prior.get(researcher["id"], 0) + 1
        flagged = result["verdict"] != "pass"
        sample = None
        if draw["outcome"]:
            samples += 1
            sample_id = f"SMP-2026-{samples:04d}"
            reason = "random" if draw.get("risk_class") in (None, "base") else "risk"
            sample = {"id": sample_id, "reason": reason, "probability": draw["probability"]}
            entities.save(tx, "sample", {"id": sample_id, "reason": reason, "scope": "output", "target_id": output_id,
                                         "output_ids": [output_id], "drawn_at": iso(submitted), "drawn_by": None,
                                         **{k: draw[k] for k in draw if k not in ("outcome",)},
                                         "outcome": draw["outcome"]})
        status = "held" if (flagged or sample) else "released"
        reviews = []
        if status == "held" and n <= 24:
            # Older held outputs were decided already.
            if result["verdict"] == "fail" and n % 3 == 0:
                status = "withheld"
                reviews = [{"reviewer_id": "u-dorte", "verdict": "withhold", "at": iso(submitted + DAY),
                            "comment": "Cells below the minimum count; please aggregate and resubmit."}]
            elif result["verdict"] == "pass":
                status = "released"
                reviews = [{"reviewer_id": "u-emil", "verdict": "release", "at": iso(submitted + DAY),
                            "comment": "Sample check passed."}]
        entities.save(tx, "output", {
            "id": output_id, "project_id": project["id"], "researcher_id": researcher["id"], "status": status,
            "comment": f"Results for {project['title'].lower()}", "files": result["files"], "check": {
                "verdict": result["verdict"], "findings": result["findings"]},
            "sampled": bool(draw["outcome"]), "sample": sample, "draw": draw, "reviews": reviews,
            "required_releases": 2 if flagged else 1,
            "submitted_at": iso(submitted), "updated_at": iso(submitted + (DAY if reviews else 0)),
        })
    tx.set_counter("output", len(kinds))
    tx.set_counter("sample", samples)


WARNINGS = [
    # title, severity, tlp, status, cves, recipients
    ("Actively exploited VPN gateway vulnerability", "critical", "AMBER", "sent", ["CVE-2024-3400"],
     {"sectors": ["hospital", "region"], "regions": [], "org_ids": []}),
    ("Phishing campaign impersonating the Danish Health Authority", "medium", "GREEN", "sent", [],
     {"sectors": ["gp", "care_home"], "regions": [], "org_ids": []}),
    ("Ransomware group targeting medical imaging archives", "high", "AMBER+STRICT", "sent", ["CVE-2023-4966"],
     {"sectors": ["hospital"], "regions": ["Capital Region", "Region Zealand"], "org_ids": []}),
    ("Compromised account at a regional IT supplier", "high", "RED", "sent", [],
     {"sectors": [], "regions": [], "org_ids": ["ORG-001", "ORG-002", "ORG-003"]}),
    ("Patch for infusion pump management software", "medium", "CLEAR", "sent", ["CVE-2025-0001"],
     {"sectors": ["hospital"], "regions": [], "org_ids": []}),
    ("File transfer appliance vulnerability", "critical", "AMBER", "draft", ["CVE-2023-34362"],
     {"sectors": ["hospital", "region", "municipality"], "regions": [], "org_ids": []}),
    ("Suspicious login attempts on municipal care systems", "low", "GREEN", "draft", [],
     {"sectors": ["municipality", "care_home"], "regions": ["North Denmark Region"], "org_ids": []}),
    ("Exchange server remote code execution", "high", "AMBER", "draft", ["CVE-2021-26855", "CVE-2021-27065"],
     {"sectors": ["hospital", "region"], "regions": [], "org_ids": []}),
    ("Outdated guidance on USB media in GP clinics", "low", "CLEAR", "retracted", [],
     {"sectors": ["gp"], "regions": [], "org_ids": []}),
    ("Log4j follow-up for laboratory systems", "high", "AMBER", "expired", ["CVE-2021-44228"],
     {"sectors": ["hospital"], "regions": [], "org_ids": []}),
    ("DDoS activity against public health websites", "medium", "GREEN", "expired", [],
     {"sectors": ["region", "municipality"], "regions": [], "org_ids": []}),
    ("Citrix session hijacking in remote access portals", "critical", "AMBER", "sent", ["CVE-2023-4966"],
     {"sectors": ["hospital", "region", "municipality"], "regions": [], "org_ids": []}),
]


def _seed_warnings(tx, rng, now):
    for n, (title, severity, tlp, status, cves, recipients) in enumerate(WARNINGS, start=1):
        created = now - (30 - n * 2) * DAY
        author, other = ("u-frida", "u-gustav") if n % 2 else ("u-gustav", "u-frida")
        warning = {
            "id": f"W-2026-{n:03d}", "revision": 0, "title": title,
            "summary": f"{title}. Check exposure and apply the vendor's mitigation.",
            "body": (f"Summary\n{title}.\n\nWhat to do\n1. Check whether the product is in use.\n"
                     "2. Apply the vendor's patch or mitigation.\n3. Acknowledge this warning and report findings.\n"),
            "severity": severity, "tlp": tlp, "recipients": recipients, "cves": cves, "status": status,
            "author_id": author, "cosigned_by": None, "created_at": iso(created), "sent_at": None,
            "ack_hours": 24 if severity in ("high", "critical") else 72, "ack_due_at": None,
            "valid_until": iso(created + 60 * DAY), "retracted_reason": None, "revisions": [], "acks": [],
        }
        if status == "draft" and n == 8:
            warning["cosigned_by"] = other      # co-signed, awaiting send
        if status != "draft":
            sent = created + 3600
            if severity in ("high", "critical"):
                warning["cosigned_by"] = other
            warning.update(sent_at=iso(sent), revision=1, ack_due_at=iso(sent + warning["ack_hours"] * 3600),
                           revisions=[{"number": 1, "at": iso(sent), "summary": "Initial release"}])
            if n == 1:
                # Revision 2 went out two days later; recipients acknowledge it against its own deadline.
                warning["revision"] = 2
                warning["revisions"].append({"number": 2, "at": iso(sent + 2 * DAY),
                                             "summary": "Added indicators of compromise"})
                warning["ack_due_at"] = iso(sent + 2 * DAY + warning["ack_hours"] * 3600)
            if status == "retracted":
                warning["retracted_reason"] = "Superseded by national guidance."
            if status == "expired":
                warning["valid_until"] = iso(now - DAY)
        warning["addressed_org_ids"] = entities.addressed_org_ids(tx, recipients)
        if status != "draft":
            _seed_acks(tx, rng, warning, now)
        entities.save(tx, "warning", warning)
    tx.set_counter("warning", len(WARNINGS))


def _seed_acks(tx, rng, warning, now):
    """Some recipients acknowledge fast, some late, some never (ORG-001 is left for ole)."""
    from .api import parse_iso
    sent = parse_iso(warning["revisions"][-1]["at"])   # acknowledgements answer the latest revision
    due = parse_iso(warning["ack_due_at"])
    for org_id in warning["addressed_org_ids"]:
        if org_id == "ORG-001" and warning["id"] in ("W-2026-001", "W-2026-012"):
            continue
        roll = rng.random()
        if roll < 0.55:
            at = sent + rng.uniform(0.05, 0.9) * (due - sent)
        elif roll < 0.75:
            at = due + rng.uniform(0.1, 2.0) * 3600 * 12
        else:
            continue
        if at > now:
            continue
        state = rng.choice(["received", "received", "mitigated", "not_affected"])
        ack = {"org_id": org_id, "state": state, "at": iso(at), "note": "", "revision": warning["revision"]}
        warning["acks"].append(ack)
        entities.save(tx, "acknowledgement", {"id": f"{warning['id']}:{org_id}", "warning_id": warning["id"], **ack})
