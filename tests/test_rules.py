"""The rules both sides use (rules/): each written once, tested here as the rule.

The portal turns their codes into refusals (tests/test_*_api.py) and the desktop
into greyed controls (tests/test_*_client.py); these tests pin the rules themselves.
"""

from __future__ import annotations

import datetime as dt

import pytest

from rules import applications as ap
from rules import sampling, tables

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
