"""Demo incidents: reports from two security operations centres, in every status.

sofie reports for the Capital Region's centre (ORG-025); the Region Zealand centre
(ORG-026) has no demo user, so sofie's view shows that a centre sees its own reports
only. NIS2 clocks are met, met late and overdue; two open reports share an
indicator (a likely duplicate); two incidents are linked to sent warnings.
Times are relative to the moment of seeding.
"""

from __future__ import annotations

from . import incidents
from .api import iso

HOUR = 3600
DAY = 24 * HOUR
CAPITAL = ("u-sofie", "ORG-025", "Capital Region SOC")
ZEALAND = ("soc-region-zealand", "ORG-026", "Region Zealand SOC")

# title, centre, severity, tlp, nis2, status, detected (hours before now),
# affected, indicators, updates [(kind, hours after detection)], warning id
PLAN = [
    ("Ransomware encryption on a PACS imaging archive", CAPITAL, "critical", "AMBER+STRICT", True, "warned", 25 * 24,
     {"org_ids": ["ORG-002"], "sectors": ["hospital"], "regions": ["Capital Region"]},
     [("sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"), ("ipv4", "203.0.113.45"),
      ("domain", "pacs-update.example.net")],
     [("early_warning", 10), ("notification", 60)], "W-2026-003"),
    ("Exploitation attempts against the VPN gateways", CAPITAL, "critical", "AMBER", True, "warned", 29 * 24,
     {"org_ids": [], "sectors": ["hospital", "region"], "regions": ["Capital Region"]},
     [("cve", "CVE-2024-3400"), ("ipv4", "198.51.100.23"), ("url", "https://198.51.100.23/global-protect/login.esp")],
     [("early_warning", 30)], "W-2026-001"),
    ("Phishing e-mails with fake Danish Health Authority invoices", CAPITAL, "medium", "GREEN", False,
     "acknowledged", 3 * 24, {"org_ids": [], "sectors": ["gp", "care_home"], "regions": ["Capital Region"]},
     [("email", "faktura@sst-betaling.example.com"), ("domain", "sst-betaling.example.com"),
      ("url", "http://sst-betaling.example.com/faktura?id=2211")], [("note", 4)], None),
    ("Phishing landing page imitating regional webmail", ZEALAND, "medium", "GREEN", False, "new", 30,
     {"org_ids": [], "sectors": ["municipality"], "regions": ["Region Zealand"]},
     [("domain", "sst-betaling.example.com"), ("url", "https://webmail-regionsj.example.org/owa/auth")], [], None),
    ("Unusual outbound traffic from an infusion pump network", CAPITAL, "high", "AMBER", True, "new", 30,
     {"org_ids": ["ORG-001"], "sectors": [], "regions": []},
     [("ipv6", "2001:db8:85a3::8a2e:370:7334"), ("domain", "telemetry-pump.example.net")], [], None),
    ("Credential stuffing against a patient portal", CAPITAL, "high", "AMBER", True, "acknowledged", 20,
     {"org_ids": ["ORG-005", "ORG-006"], "sectors": [], "regions": []},
     [("ipv4", "192.0.2.77"), ("ipv4", "192.0.2.78")], [("early_warning", 5)], None),
    ("Same webmail phishing page, second report", ZEALAND, "low", "GREEN", False, "merged", 26,
     {"org_ids": [], "sectors": ["municipality"], "regions": ["Region Zealand"]},
     [("url", "https://webmail-regionsj.example.org/owa/auth")], [], None),
    ("Port scan from a research network", CAPITAL, "low", "GREEN", False, "dismissed", 6 * 24,
     {"org_ids": ["ORG-002"], "sectors": [], "regions": []}, [("ipv4", "10.20.30.40")], [], None),
    ("Malware on a GP clinic workstation", CAPITAL, "medium", "AMBER", True, "closed", 40 * 24,
     {"org_ids": [], "sectors": ["gp"], "regions": ["Capital Region"]},
     [("md5", "44d88612fea8a8f36de82e1278abb02f")],
     [("early_warning", 8), ("notification", 50), ("final_report", 20 * 24)], None),
    ("Data exfiltration from a laboratory information system", CAPITAL, "critical", "RED", True, "new", 2,
     {"org_ids": ["ORG-002"], "sectors": [], "regions": []},
     [("domain", "lab-sync.example.org"), ("ipv4", "203.0.113.99")], [], None),
]

UPDATE_TEXT = {
    "early_warning": "Early warning: incident confirmed, suspected malicious; no cross-border impact known yet.",
    "notification": "Notification: initial assessment, severity and impact; indicators of compromise attached.",
    "final_report": "Final report: root cause, mitigations applied, no further spread observed.",
    "note": "Two more clinics forwarded the same e-mail.",
}


def seed_incidents(tx, now: float) -> None:
    saved: dict[str, dict] = {}
    for n, (title, centre, severity, tlp, nis2, status, detected_h, affected, found, updates, warning_id) \
            in enumerate(PLAN, start=1):
        reporter, org_id, centre_name = centre
        detected = now - detected_h * HOUR
        reported = detected + 2 * HOUR if detected_h > 2 else detected + 600
        incident = {
            "id": f"INC-2026-{n:03d}", "title": title, "severity": severity, "tlp": tlp,
            "description": f"{title}. Reported by {centre_name}; details and indicators below.",
            "occurred_at": iso(detected - 6 * HOUR), "detected_at": iso(detected), "affected": affected,
            "indicators": [{"type": t, "value": v} for t, v in found], "nis2_significant": nis2, "status": status,
            "reported_by": reporter, "reporting_org_id": org_id, "reporting_centre": centre_name,
            "reported_at": iso(reported), "updated_at": iso(reported),
            "updates": [{"kind": k, "text": UPDATE_TEXT[k], "at": iso(detected + h * HOUR), "by": reporter}
                        for k, h in updates if detected + h * HOUR <= now],
            "triage": [], "acknowledged_at": None, "acknowledged_by": None, "assignee_id": None,
            "merged_into": None, "merged_from": [], "dismissed_at": None, "dismissed_reason": None,
            "closed_at": None, "warnings": [], "warned_at": None, "duplicates": [],
        }
        if status != "new":
            acked = reported + (1 + n % 3) * HOUR
            incident.update(acknowledged_at=iso(acked), acknowledged_by="u-frida")
            incident["triage"].append({"action": "acknowledge", "by": "u-frida", "at": iso(acked),
                                       "note": "Checked with the reporting centre by phone."})
        if status == "acknowledged":
            incident["assignee_id"] = "u-gustav" if n % 2 else "u-frida"
        if status == "dismissed":
            incident.update(dismissed_at=iso(reported + 5 * HOUR),
                            dismissed_reason="Authorised vulnerability scan by the region's own IT department.")
        if status == "closed":
            incident["closed_at"] = iso(detected + 21 * DAY)
        if status == "warned":
            warning = tx.get("warning", warning_id)
            incident["warnings"] = [{"id": warning_id, "revision": warning["revision"], "sent_at": warning["sent_at"]}]
            incident["warned_at"] = warning["sent_at"]
            warning["incident_ids"] = [incident["id"]]
            tx.put("warning", warning_id, warning, tx.audience_of("warning", warning_id), warning["status"])
        incident["nis2"] = incidents.clocks(incident, now)
        if status == "merged":
            target = saved["INC-2026-004"]
            incident, target = incidents.merge(tx, incident, target, "u-gustav", iso(reported + HOUR))
            saved[target["id"]] = incidents.save(tx, target)
        else:
            incidents.link_duplicates(tx, incident)
            for other in incident["duplicates"]:
                saved[other["id"]] = tx.get("incident", other["id"])
        saved[incident["id"]] = incidents.save(tx, incident)
    tx.set_counter("incident", len(PLAN))
