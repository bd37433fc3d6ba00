"""The rules both sides use (rules/): each written once, tested here as the rule.

The portal turns their codes into refusals (tests/test_*_api.py) and the desktop
into greyed controls (tests/test_*_client.py); these tests pin the rules themselves.
"""

from __future__ import annotations

import datetime as dt

import pytest

from rules import applications as ap
from rules import csvsafe, sampling, tables, timestamps, warnings

TODAY = dt.date(2026, 3, 1)
ME = {"id": "u-anna", "conflicts": ["Aarhus University"], "researcher_id": None}
CERTIFIED = {"id": "r-1", "certified_until": "2026-12-31"}


def application(**changes) -> dict:
    data = {"id": "APP-1", "version": 3, "status": "in_review", "institution": "University of Copenhagen",
            "applicant_id": "r-1", "registers": ["BEF", "IND"], "round": 1,
            "reviews": [{"reviewer_id": "u-bent", "decision": "approve", "round": 1}]}
    data.update(changes)
    return data


@pytest.mark.parametrize("registers, needed", [(["BEF"], 2), (["BEF", "LPR"], 3), ([], 2), (None, 2),
                                               (["DODSAARS"], 3)])
def test_approvals_needed_follow_the_sensitive_registers(registers, needed):
    assert ap.approvals_needed(registers) == needed
    assert ap.required_approvals({"registers": registers}) == needed
    # the recorded figure wins over the rule (an application keeps what it was submitted with)
    assert ap.required_approvals({"registers": registers, "required_approvals": 4}) == 4


def test_sensitive_of_keeps_the_order_requested():
    assert ap.sensitive_of(["PSYK", "BEF", "LPR"]) == ["PSYK", "LPR"]
    assert ap.sensitive_of(None) == []


def test_approvals_given_count_distinct_approvers_of_the_current_round_only():
    app = application(round=2, reviews=[
        {"reviewer_id": "a", "decision": "approve", "round": 1},
        {"reviewer_id": "b", "decision": "approve", "round": 2},
        {"reviewer_id": "b", "decision": "approve", "round": 2},
        {"reviewer_id": "c", "decision": "return", "round": 2},
        "not a review"])
    assert ap.approvals_given(app) == 1


def test_status_after_a_decision():
    app = application(required_approvals=2)
    second = app["reviews"] + [{"reviewer_id": "u-anna", "decision": "approve", "round": 1}]
    assert ap.status_after(app, "approve", second) == "approved"
    assert ap.status_after(application(required_approvals=3), "approve", second) == "in_review"
    assert ap.status_after(app, "reject", second) == "rejected"
    assert ap.status_after(app, "return", second) == "returned"


def codes(blocks) -> list[str]:
    return [b.code for b in blocks]


def test_review_blocks_come_in_the_contracts_refusal_order():
    app = application(status="approved", institution="Aarhus University", applicant_id="r-me",
                      reviews=[{"reviewer_id": "u-anna", "decision": "approve", "round": 1}])
    me = dict(ME, researcher_id="r-me")
    blocks = ap.review_blocks(app, me, researcher={"id": "r-me", "certified_until": "2020-01-01"}, today=TODAY)
    assert codes(blocks) == [ap.NOT_OPEN, ap.ALREADY_REVIEWED, ap.CONFLICT, ap.OWN_APPLICATION, ap.CERTIFICATION]
    assert ap.first_block(blocks, "return", (ap.CERTIFICATION,)) is None  # a lapsed certification stops approve only
    assert ap.first_block(blocks, "approve", (ap.CERTIFICATION,)).facts["until"] == "2020-01-01"


def test_a_clean_case_has_no_blocks():
    assert ap.review_blocks(application(), ME, researcher=CERTIFIED, today=TODAY) == ()


@pytest.mark.parametrize("researcher", [None, {"id": "r-1"}, {"id": "r-1", "certified_until": "2026-02-28"}])
def test_approve_needs_a_certification_known_to_be_valid_today(researcher):
    blocks = ap.review_blocks(application(), ME, researcher=researcher, today=TODAY)
    assert codes(blocks) == [ap.CERTIFICATION]
    assert blocks[0].decisions == frozenset({"approve"})


def test_certified_until_is_inclusive():
    assert ap.review_blocks(application(), ME, researcher={"certified_until": "2026-03-01"}, today=TODAY) == ()


def test_conflict_is_by_declared_institution_ignoring_case_and_spaces():
    assert ap.conflicted({"institution": " aarhus university"}, ["Aarhus University "])
    assert not ap.conflicted({"institution": ""}, [""])
    assert not ap.conflicted({"institution": "Aarhus University"}, [])


# -- the sampling overview ------------------------------------------------------------------

def test_sampling_overview_sums_the_draws_per_risk_class():
    outputs = [{"draw": {"risk_class": "base", "probability": 0.1, "outcome": True}},
               {"draw": {"risk_class": "base", "probability": 0.3, "outcome": False}},
               {"draw": {"risk_class": "high", "probability": 0.5, "outcome": True}},
               {"draw": {"risk_class": "unknown", "probability": 0.9, "outcome": True}},
               {"draw": None}, "junk"]
    samples = [{"reason": "management", "output_ids": ["a", "b"]}, {"reason": "random", "output_ids": ["c"]}]
    found = sampling.overview(outputs, samples)
    base, elevated, high = found["classes"]
    assert (base["draws"], base["expected"], base["observed"]) == (2, 0.4, 1)
    assert base["sd"] == pytest.approx((0.1 * 0.9 + 0.3 * 0.7) ** 0.5, abs=1e-6)
    assert (elevated["draws"], elevated["observed"]) == (0, 0)
    assert (high["draws"], high["expected"], high["observed"], high["sd"]) == (1, 0.5, 1, 0.5)
    assert found["total"] == {"draws": 3, "expected": 0.9, "observed": 2,
                              "sd": pytest.approx((0.09 + 0.21 + 0.25) ** 0.5, abs=1e-6)}
    assert found["management"] == {"samples": 1, "outputs": 2}


def test_sampling_raises_the_rate_for_the_sensitive_registers_of_the_applications_rule():
    inputs = sampling.risk_inputs(10, 0, ["BEF", "LPR"])
    assert inputs["sensitive_registers"] == ["LPR"]
    assert sampling.SENSITIVE_REGISTERS is ap.SENSITIVE_REGISTERS


# -- the table reader ---------------------------------------------------------------------

def test_read_layout_skips_titles_and_finds_the_header():
    text = "Table 1: income\n\nsex;age;count\nM;20-29;1.234\nK;30-39;5\n"
    layout = tables.read_layout(text)
    assert (layout.delimiter, layout.danish) == (";", True)
    assert layout.title_lines == [["Table 1: income"]]
    assert layout.header == ["sex", "age", "count"]
    assert layout.rows == [["M", "20-29", "1.234"], ["K", "30-39", "5"]]
    assert tables.parse_table(text).names == ["sex", "age", "count"]


def test_a_header_of_numbers_is_data():
    layout = tables.read_layout("1,2\n3,4\n")
    assert layout.header is None and layout.rows == [["1", "2"], ["3", "4"]]


@pytest.mark.parametrize("raw, danish, value", [("1.234", True, 1234), ("2,5", True, 2.5), ("1,234.5", False, 1234.5),
                                               ("1 234", False, 1234), ("<3", False, None), ("..", False, None),
                                               ("", False, None), ("men", False, None), ("1e999", False, None)])
def test_number_of_a_cell(raw, danish, value):
    assert tables.number_of(raw, danish) == value


# -- warnings: who a warning reaches, the acknowledgement report ------------------------------

def _org(n: int, sector: str, region: str) -> dict:
    return {"id": f"ORG-{n:03d}", "name": f"Organisation {n}", "sector": sector, "region": region}


ORGS = [_org(1, "hospital", "Capital Region"), _org(2, "hospital", "Region Zealand"),
        _org(3, "gp", "Capital Region"), _org(4, "municipality", "North Denmark Region")]


@pytest.mark.parametrize("recipients, reached", [
    ({}, []),
    ({"org_ids": ["ORG-004", "ORG-999"]}, ["ORG-004", "ORG-999"]),        # named ids are kept, known or not
    ({"sectors": ["hospital"]}, ["ORG-001", "ORG-002"]),
    ({"sectors": ["hospital"], "regions": ["Capital Region"]}, ["ORG-001"]),  # regions narrow the sectors
    ({"regions": ["Capital Region"]}, ["ORG-001", "ORG-003"]),             # regions alone: every org in them
    ({"sectors": ["gp"], "org_ids": ["ORG-004"]}, ["ORG-003", "ORG-004"]),
])
def test_addressed_org_ids(recipients, reached):
    assert warnings.addressed_org_ids(ORGS, recipients) == reached


def test_red_goes_to_named_organisations_only():
    assert warnings.red_violation("RED", {"sectors": ["gp"]})
    assert warnings.red_violation("RED", {"regions": ["Region Zealand"]})
    assert not warnings.red_violation("RED", {"org_ids": ["ORG-001"]})
    assert not warnings.red_violation("AMBER", {"sectors": ["gp"]})


@pytest.mark.parametrize("cve, ok", [("CVE-2024-3400", True), ("CVE-1998-0001", False), ("CVE-2027-12345", True),
                                     ("CVE-2028-12345", False), ("cve-2024-3400", False), (None, False)])
def test_valid_cve_in_2026(cve, ok):
    assert warnings.valid_cve(cve, 2026) is ok


def test_ack_report_of_a_sent_warning_and_of_a_draft():
    t0 = 1_767_225_600.0  # 2026-01-01T00:00:00Z
    sent = {"id": "W-1", "status": "sent", "revision": 1, "addressed_org_ids": ["ORG-001", "ORG-002"],
            "sent_at": timestamps.iso(t0), "ack_due_at": timestamps.iso(t0 + 3600),
            "acks": [{"org_id": "ORG-002", "state": "received", "at": timestamps.iso(t0 + 60), "revision": 1}]}
    orgs = {o["id"]: o for o in ORGS}
    report = warnings.ack_report(sent, orgs, t0 + 3601)
    assert report["counts"] == {"addressed": 2, "acknowledged": 1, "pending": 1, "overdue": 1, "late": 0}
    rows = {r["org_id"]: r for r in report["recipients"]}
    assert rows["ORG-002"]["time_to_ack_seconds"] == 60 and rows["ORG-001"]["overdue"]
    assert rows["ORG-001"]["name"] == "Organisation 1"
    # a sent warning shown as expired (desktop, before the portal stores it): nobody is overdue
    assert warnings.ack_report(sent, orgs, t0 + 3601, "expired")["counts"]["overdue"] == 0
    draft = {"id": "W-2", "status": "draft", "recipients": {"sectors": ["hospital"]}}
    assert [r["org_id"] for r in warnings.ack_report(draft, orgs, t0)["recipients"]] == ["ORG-001", "ORG-002"]


# -- timestamps and the CSV guard -----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [("2026-03-01T12:00:00Z", 1772366400.0), ("2026-03-01t12:00:00z", 1772366400.0),
                                            ("2026-03-01T13:00:00+01:00", 1772366400.0),
                                            ("2026-03-01T12:00:00", 1772366400.0), ("soon", None), (None, None)])
def test_timestamps_read_z_offsets_and_naive_as_utc(text, expected):
    assert timestamps.epoch(text) == expected


def test_age_days():
    now = dt.datetime(2026, 3, 11, 12, tzinfo=dt.timezone.utc)
    assert timestamps.age_days("2026-03-01T12:00:00Z", now) == 10
    assert timestamps.age_days("2026-03-01", now) == 10
    assert timestamps.age_days("2026-04-01T00:00:00Z", now) == 0
    assert timestamps.age_days("garbage", now) is None and timestamps.age_days(None, now) is None


@pytest.mark.parametrize("value, expected", [("=SUM(A1)", "'=SUM(A1)"), ("  +1", "'  +1"), ("-x", "'-x"),
                                             ("@cmd", "'@cmd"), ("\tx", "'\tx"), ("plain", "plain"), (5, 5),
                                             (None, ""), (True, "yes")])
def test_one_csv_formula_guard(value, expected):
    assert csvsafe.neutralise_cell(value) == expected
