"""CSAF 2.0 export of security warnings (portal.csaf)."""

from __future__ import annotations

import copy
import json

import pytest

from portal.csaf import (
    CSAF_CATEGORY,
    DEFAULT_PUBLISHER,
    TLP_URL,
    csaf_filename,
    validate_csaf,
    warning_to_csaf,
)

TLP_LABELS = ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"]


def revisions(count: int) -> list[dict]:
    summaries = ["Initial release"] + [f"Update {n}" for n in range(2, count + 1)]
    return [
        {"number": n, "at": f"2026-11-{19 + n:02d}T08:00:00Z", "summary": summaries[n - 1]}
        for n in range(1, count + 1)
    ]


def make_warning(**changes) -> dict:
    warning = {
        "id": "W-2026-001",
        "version": 4,
        "revision": 1,
        "title": "Actively exploited firewall vulnerability",
        "summary": "Patch PAN-OS GlobalProtect gateways now.",
        "body": "Attackers exploit CVE-2024-3400.\nApply the vendor hotfix and check logs.",
        "severity": "high",
        "tlp": "AMBER",
        "recipients": {"sectors": ["hospital", "region"], "regions": ["Capital Region"], "org_ids": []},
        "cves": ["CVE-2024-3400"],
        "status": "sent",
        "author_id": "S-frida",
        "cosigned_by": "S-gustav",
        "created_at": "2026-11-19T15:30:00Z",
        "sent_at": "2026-11-20T08:00:00Z",
        "ack_due_at": "2026-11-21T08:00:00Z",
        "valid_until": "2026-12-20T08:00:00Z",
        "retracted_reason": None,
        "revisions": revisions(1),
        "acks": [],
    }
    warning.update(changes)
    return warning


def with_revisions(count: int, **changes) -> dict:
    return make_warning(revision=count, revisions=revisions(count), **changes)


def notes_titled(doc: dict, title: str) -> list[dict]:
    return [n for n in doc["document"]["notes"] if n.get("title") == title]


# ---- every kind of warning gives a schema-valid, profile-conforming document


@pytest.mark.parametrize("tlp", TLP_LABELS)
def test_every_tlp_label_validates(tlp):
    recipients = {"sectors": [], "regions": [], "org_ids": ["ORG-001"]} if tlp == "RED" else None
    warning = make_warning(tlp=tlp, **({"recipients": recipients} if recipients else {}))
    assert validate_csaf(warning_to_csaf(warning)) == []


@pytest.mark.parametrize("count", [1, 2, 5])
def test_revision_counts_validate(count):
    assert validate_csaf(warning_to_csaf(with_revisions(count))) == []


@pytest.mark.parametrize("cves", [[], ["CVE-2024-3400"], ["CVE-2024-3400", "CVE-2023-4966", "CVE-2021-44228"]])
def test_cve_counts_validate(cves):
    assert validate_csaf(warning_to_csaf(make_warning(cves=cves))) == []


@pytest.mark.parametrize("severity", ["low", "medium", "high", "critical"])
def test_every_severity_validates_and_is_aggregate_severity(severity):
    doc = warning_to_csaf(make_warning(severity=severity))
    assert validate_csaf(doc) == []
    assert doc["document"]["aggregate_severity"] == {
        "namespace": "https://portal-desk.example/warning-severity",
        "text": severity,
    }


def test_draft_validates_as_version_zero():
    draft = make_warning(status="draft", revision=0, revisions=[], sent_at=None, cosigned_by=None)
    doc = warning_to_csaf(draft)
    tracking = doc["document"]["tracking"]
    assert validate_csaf(doc) == []
    assert tracking["status"] == "draft"
    assert tracking["version"] == "0"
    assert [r["number"] for r in tracking["revision_history"]] == ["0"]
    assert tracking["initial_release_date"] == tracking["current_release_date"] == "2026-11-19T15:30:00Z"


@pytest.mark.parametrize("count", [1, 2, 5])
def test_retracted_is_final_with_reason(count):
    reason = "Vendor withdrew the advisory; not applicable to <healthcare> devices"
    doc = warning_to_csaf(with_revisions(count, status="retracted", retracted_reason=reason))
    assert validate_csaf(doc) == []
    assert doc["document"]["tracking"]["status"] == "final"
    assert doc["document"]["tracking"]["version"] == str(count)
    [note] = notes_titled(doc, "Retracted")
    assert "retracted" in note["text"]
    assert reason in note["text"]


def test_expired_is_final_with_note():
    doc = warning_to_csaf(make_warning(status="expired"))
    assert validate_csaf(doc) == []
    assert doc["document"]["tracking"]["status"] == "final"
    [note] = notes_titled(doc, "Expired")
    assert "2026-12-20T08:00:00Z" in note["text"]
    assert notes_titled(doc, "Retracted") == []


def test_sent_warning_has_no_status_note():
    doc = warning_to_csaf(make_warning())
    assert notes_titled(doc, "Retracted") == [] and notes_titled(doc, "Expired") == []


# ---- the validator really validates


def test_broken_documents_fail_schema_validation():
    doc = warning_to_csaf(make_warning())
    broken = copy.deepcopy(doc)
    del broken["document"]["tracking"]["id"]
    assert any("tracking" in e and "'id'" in e for e in validate_csaf(broken))

    broken = copy.deepcopy(doc)
    broken["document"]["distribution"]["tlp"]["label"] = "CLEAR"  # TLP 2.0 label: not in CSAF 2.0
    assert any("/document/distribution/tlp/label" in e for e in validate_csaf(broken))

    broken = copy.deepcopy(doc)
    broken["document"]["tracking"]["current_release_date"] = "20 Nov 2026"
    assert any("current_release_date" in e for e in validate_csaf(broken))

    broken = copy.deepcopy(doc)
    broken["vulnerabilities"][0]["cve"] = "CVE-24-1"
    assert any("/vulnerabilities/0/cve" in e for e in validate_csaf(broken))

    assert validate_csaf({}) != []


def test_bundled_cvss_schemas_are_used_offline():
    doc = warning_to_csaf(make_warning())
    score = {
        "products": ["CSAFPID-0001"],
        "cvss_v3": {
            "version": "3.1",
            "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "baseScore": 10.0,
            "baseSeverity": "CRITICAL",
        },
    }
    doc["vulnerabilities"][0]["scores"] = [score]
    assert validate_csaf(doc) == []
    score["cvss_v3"]["baseSeverity"] = "SEVERE"  # only the CVSS schema knows this is wrong
    assert any("/vulnerabilities/0/scores/0/cvss_v3" in e for e in validate_csaf(doc))


def test_mandatory_tests_catch_inconsistent_tracking():
    doc = warning_to_csaf(with_revisions(2))
    stale = copy.deepcopy(doc)
    stale["document"]["tracking"]["version"] = "1"
    assert any(e.startswith("6.1.16") for e in validate_csaf(stale))

    unsorted = copy.deepcopy(doc)
    history = unsorted["document"]["tracking"]["revision_history"]
    history[0]["date"], history[1]["date"] = history[1]["date"], history[0]["date"]
    assert any(e.startswith("6.1.14") for e in validate_csaf(unsorted))

    final_zero = warning_to_csaf(make_warning(status="draft", revisions=[], sent_at=None))
    final_zero["document"]["tracking"]["status"] = "final"
    errors = validate_csaf(final_zero)
    assert any(e.startswith("6.1.17") for e in errors)
    assert any(e.startswith("6.1.18") for e in errors)

    gap = copy.deepcopy(doc)
    gap["document"]["tracking"]["revision_history"][1]["number"] = "3"
    gap["document"]["tracking"]["version"] = "3"
    assert any(e.startswith("6.1.21") for e in validate_csaf(gap))

    early = copy.deepcopy(doc)
    early["document"]["tracking"]["current_release_date"] = "2026-11-20T08:00:00Z"
    assert any(e.startswith("6.2.6") for e in validate_csaf(early))


def test_mandatory_tests_catch_profile_and_cve_problems():
    doc = warning_to_csaf(make_warning())
    no_refs = copy.deepcopy(doc)
    for ref in no_refs["document"]["references"]:
        ref["category"] = "self"
    assert any(e.startswith("6.1.27.2") for e in validate_csaf(no_refs))

    no_notes = copy.deepcopy(doc)
    for note in no_notes["document"]["notes"]:
        note["category"] = "faq"
    assert any(e.startswith("6.1.27.1") for e in validate_csaf(no_notes))

    twice = copy.deepcopy(doc)
    twice["vulnerabilities"].append(copy.deepcopy(twice["vulnerabilities"][0]))
    assert any(e.startswith("6.1.23") for e in validate_csaf(twice))


# ---- mapping


def test_profile_and_publisher():
    doc = warning_to_csaf(make_warning())
    document = doc["document"]
    assert document["category"] == CSAF_CATEGORY == "csaf_security_incident_response"
    assert document["csaf_version"] == "2.0"
    assert document["publisher"] == DEFAULT_PUBLISHER
    assert document["tracking"]["id"] == "W-2026-001"
    assert any(r["category"] == "external" for r in document["references"])


def test_publisher_can_be_overridden():
    publisher = {"category": "other", "name": "Regional CERT", "namespace": "https://cert.example"}
    doc = warning_to_csaf(make_warning(), publisher=publisher)
    assert doc["document"]["publisher"] == publisher
    assert doc["document"]["aggregate_severity"]["namespace"].startswith("https://cert.example/")
    assert validate_csaf(doc) == []


@pytest.mark.parametrize(
    "tlp, label", [("CLEAR", "WHITE"), ("GREEN", "GREEN"), ("AMBER", "AMBER"), ("AMBER+STRICT", "AMBER"), ("RED", "RED")]
)
def test_tlp_mapping(tlp, label):
    doc = warning_to_csaf(make_warning(tlp=tlp))
    assert doc["document"]["distribution"]["tlp"] == {"label": label, "url": TLP_URL}
    assert f"TLP:{tlp}" in doc["document"]["distribution"]["text"]


def test_amber_strict_is_stated_in_a_note():
    doc = warning_to_csaf(make_warning(tlp="AMBER+STRICT"))
    [note] = notes_titled(doc, "Traffic Light Protocol")
    assert "original label of this warning is TLP:AMBER+STRICT" in note["text"]
    assert note["category"] == "general"


@pytest.mark.parametrize("tlp", ["GREEN", "AMBER", "RED"])
def test_labels_known_to_csaf_get_no_tlp_note(tlp):
    assert notes_titled(warning_to_csaf(make_warning(tlp=tlp)), "Traffic Light Protocol") == []


def test_clear_is_explained_in_a_note():
    [note] = notes_titled(warning_to_csaf(make_warning(tlp="CLEAR")), "Traffic Light Protocol")
    assert "TLP:CLEAR" in note["text"] and "TLP:WHITE" in note["text"]


def test_revision_history_order_and_version():
    shuffled = list(reversed(revisions(5)))
    doc = warning_to_csaf(make_warning(revision=5, revisions=shuffled))
    tracking = doc["document"]["tracking"]
    assert [r["number"] for r in tracking["revision_history"]] == ["1", "2", "3", "4", "5"]
    assert [r["summary"] for r in tracking["revision_history"]] == [r["summary"] for r in revisions(5)]
    assert tracking["version"] == "5"
    assert tracking["initial_release_date"] == "2026-11-20T08:00:00Z"
    assert tracking["current_release_date"] == "2026-11-24T08:00:00Z"
    assert validate_csaf(doc) == []


def test_cves_become_vulnerabilities_once_each():
    doc = warning_to_csaf(make_warning(cves=["CVE-2024-3400", "CVE-2023-4966", "CVE-2024-3400"]))
    assert [v["cve"] for v in doc["vulnerabilities"]] == ["CVE-2024-3400", "CVE-2023-4966"]
    for vulnerability in doc["vulnerabilities"]:
        assert vulnerability["notes"] and vulnerability["notes"][0]["text"]
        assert vulnerability["references"][0]["url"].endswith(vulnerability["cve"])


def test_no_cves_means_no_vulnerabilities():
    assert "vulnerabilities" not in warning_to_csaf(make_warning(cves=[]))


def test_organisation_ids_stay_out_of_the_document():
    warning = make_warning(tlp="RED", recipients={"sectors": [], "regions": [], "org_ids": ["ORG-017", "ORG-042"]})
    text = json.dumps(warning_to_csaf(warning))
    assert "ORG-017" not in text and "ORG-042" not in text
    assert "Named organisations: 2." in text


def test_internal_fields_stay_out_of_the_document():
    text = json.dumps(warning_to_csaf(make_warning(acks=[{"org_id": "ORG-005", "state": "received"}])))
    for internal in ("S-frida", "S-gustav", "ORG-005"):
        assert internal not in text


def test_same_warning_gives_same_document():
    assert warning_to_csaf(make_warning()) == warning_to_csaf(make_warning())


# ---- text is carried unchanged


HOSTILE = [
    "<script>alert('x')</script> & <b>bold</b> &amp; &lt;",
    'She said "patch" \\ now; \'quoted\' `tick` ${expr} {{template}}',
    "Æbleskiver på sygehuset – ß, ü, 日本語, עברית, 🚑🔥, zero\u200bwidth, \u202eRTL",
    "line one\r\nline two\n\ttabbed\n\n",
    "A" * 200_000,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_stays_unchanged(text):
    warning = make_warning(title=text, summary=text, body=text, status="retracted", retracted_reason=text)
    doc = warning_to_csaf(warning)
    assert validate_csaf(doc) == []
    roundtrip = json.loads(json.dumps(doc, ensure_ascii=False))
    assert roundtrip["document"]["title"] == text
    assert [n["text"] for n in roundtrip["document"]["notes"] if n["category"] in ("summary", "details")] == [text, text]
    assert text in notes_titled(roundtrip, "Retracted")[0]["text"]


# ---- refusals


@pytest.mark.parametrize(
    "changes",
    [
        {"tlp": "PURPLE"},
        {"severity": "severe"},
        {"status": "archived"},
        {"title": ""},
        {"summary": "", "body": ""},
        {"revision": 2},  # the warning says 2, its revisions end at 1
        {"revision": 2, "revisions": [revisions(2)[0], {**revisions(2)[1], "number": 3}]},
        {"revision": 2, "revisions": [revisions(2)[1] | {"number": 1}, revisions(2)[0] | {"number": 2}]},
        {"revisions": [], "sent_at": None},
        {"revisions": [{"number": 1, "at": "yesterday", "summary": "Initial release"}]},
    ],
)
def test_warnings_that_cannot_conform_are_refused(changes):
    with pytest.raises(ValueError):
        warning_to_csaf(make_warning(**changes))


@pytest.mark.parametrize("cve", ["CVE-2024-34", "cve-2024-3400", "CVE-\uff12\uff10\uff12\uff14-\uff11\uff12\uff13\uff14"])
def test_stored_ids_that_are_not_cve_ids_are_left_out_and_named(cve):
    doc = warning_to_csaf(make_warning(cves=[cve, "CVE-2024-3400"]))
    assert [v["cve"] for v in doc["vulnerabilities"]] == ["CVE-2024-3400"]
    assert any(repr(cve) in n["text"] for n in doc["document"]["notes"])
    assert validate_csaf(doc) == []


def test_first_revision_falls_back_to_sent_at():
    doc = warning_to_csaf(make_warning(revisions=[]))
    assert doc["document"]["tracking"]["revision_history"] == [
        {"date": "2026-11-20T08:00:00Z", "number": "1", "summary": "Initial release"}
    ]
    assert validate_csaf(doc) == []


def test_filename_follows_csaf_rules():
    assert csaf_filename("W-2026-001") == "w-2026-001.json"
    assert csaf_filename("W 2026/001:x") == "w_2026_001_x.json"
