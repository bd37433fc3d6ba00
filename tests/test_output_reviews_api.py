"""Issue 21 (portal): blind second reviews, coded withhold reasons, the rounding rule and
GET /outputs/metrics, on the real portal (both database backends)."""

import datetime as dt
import json

import pytest

from rules import turnaround
from tests.portal_process import PortalProcess
from tests.test_outputs_api import (SMALL, STEERED, assert_error, audit, feed, get, new_project, ok, outputs,
                                    review, submit)


@pytest.fixture(scope="module")
def steered(db_backend, tmp_path_factory):
    folder = tmp_path_factory.mktemp("reviews")
    (folder / "sampling.json").write_text(json.dumps(STEERED))
    (folder / "rules.json").write_text(json.dumps({"rounding_base": 5}))
    p = PortalProcess(backend=db_backend, args=["--sampling", str(folder / "sampling.json"),
                                                "--rules", str(folder / "rules.json")]).start()
    yield p
    p.close()


@pytest.fixture(scope="module")
def project(steered):
    return new_project(steered)


def test_second_supervisor_reviews_blind_until_they_decide(steered, project):
    out = ok(submit(steered, project, ("small.csv", SMALL)))
    first = ok(review(steered, "dorte", outputs(steered)[out["id"]], "release", "Structural small cell."))
    assert first["status"] == "held"
    # dorte, who reviewed, sees her own review; emil and helle see that one release was given, not by whom
    assert outputs(steered, "dorte")[out["id"]]["reviews"][0]["comment"] == "Structural small cell."
    for colleague in ("emil", "helle"):
        seen = outputs(steered, colleague)[out["id"]]
        assert seen["reviews"] == [{"verdict": "release", "blind": True}] and seen["reviews_blind"] is True
        assert "u-dorte" not in json.dumps(seen) and "Structural" not in json.dumps(seen)
    # admin reviews nothing and sees everything; the researcher never sees who
    assert outputs(steered, "admin")[out["id"]]["reviews"][0]["reviewer_id"] == "u-dorte"
    assert "reviewer_id" not in feed(steered, "rikke", "output")[out["id"]]["reviews"][0]
    # once emil decides, the answer and the feed show him both reviews
    decided = ok(review(steered, "emil", outputs(steered, "emil")[out["id"]], "release", "Agreed."))
    assert decided["status"] == "released"
    assert [r["reviewer_id"] for r in decided["reviews"]] == ["u-dorte", "u-emil"]
    assert [r["reviewer_id"] for r in outputs(steered, "helle")[out["id"]]["reviews"]] == ["u-dorte", "u-emil"]


def test_withhold_reasons_are_coded(steered, project):
    out = ok(submit(steered, project, ("small.csv", SMALL)))
    held = outputs(steered)[out["id"]]
    assert_error(post_review(steered, "dorte", held, reason="rude"), 422, "invalid_field")
    assert_error(post_review(steered, "dorte", held, reason="small_counts", comment=""), 422, "comment_required")
    withheld = ok(post_review(steered, "dorte", held, reason="small_counts", comment="Count of 2 in Zealand."))
    assert withheld["status"] == "withheld" and withheld["reviews"][-1]["reason"] == "small_counts"
    mine = feed(steered, "rikke", "output")[out["id"]]   # the researcher reads the reason
    assert mine["withhold_reason"] == "small_counts" and mine["reviews"][-1]["reason"] == "small_counts"
    # absent: other
    other = ok(submit(steered, project, ("small.csv", SMALL)))
    assert ok(review(steered, "emil", outputs(steered)[other["id"]], "withhold", "No context."))["withhold_reason"] \
        == "other"
    entries = [e for e in audit(steered, entity="output", id=out["id"]) if e["action"] == "output.review"]
    assert [(e["outcome"], e["detail"]["reason"]) for e in entries][-1] == ("ok", "small_counts")


def post_review(p, username, output, reason, comment="Too small.", verdict="withhold"):
    from tests.test_outputs_api import post
    return post(p, username, f"/outputs/{output['id']}/reviews",
                {"verdict": verdict, "comment": comment, "expected_version": output["version"], "reason": reason})


def test_rounding_rule_from_the_rules_file(steered, project):
    out = ok(submit(steered, project, ("rounded.csv", b"group,n\nA,15\nB,20\nC,12\n")))
    [unrounded] = [f for f in out["check"]["findings"] if f["rule"] == "unrounded"]
    assert (unrounded["row"], unrounded["value"], unrounded["threshold"]) == (2, 12, 5)
    assert out["check"]["verdict"] == "review" and out["status"] == "held"


def test_metrics_against_hand_computed_figures(steered, project):
    out = ok(submit(steered, project, ("small.csv", SMALL)))
    ok(post_review(steered, "helle", outputs(steered)[out["id"]], reason="microdata", comment="Rows of people."))
    today = dt.datetime.now(dt.timezone.utc).date()
    answer = ok(get(steered, "emil", "/outputs/metrics", **{"from": (today - dt.timedelta(days=1)).isoformat(),
                                                           "to": today.isoformat()}), 200)
    mine = [o for o in outputs(steered).values() if o["project_id"] == project["id"]]
    total = answer["total"]
    assert total["submitted"] >= len(mine)
    assert total["withhold_reasons"]["microdata"] >= 1
    assert total["reviews_per_supervisor"]["u-helle"] >= 1
    # the same figures from the outputs the supervisor sees, with the shared rules
    expected = turnaround.weekly_metrics(outputs(steered).values(), today - dt.timedelta(days=1), today)
    assert answer["total"] == expected["total"] and answer["weeks"] == expected["weeks"]
    assert 0 <= total["within_target_share"] <= 1 and total["median_hours"] <= total["p90_hours"]
    for bad in ({"from": "2026-13-01"}, {"to": "yesterday"}, {"from": today.isoformat(), "to": "2020-01-01"},
                {"from": "2000-01-01", "to": today.isoformat()}):
        assert_error(get(steered, "dorte", "/outputs/metrics", **bad), 422, "invalid_field")
    for user in ("anna", "rikke", "frida"):
        assert_error(get(steered, user, "/outputs/metrics"), 403, "role_required")
    assert_error(get(steered, None, "/outputs/metrics"), 401, "unauthorized")


def test_working_days_skip_danish_holidays():
    # Maundy Thursday 2026-04-02 to Easter Monday 2026-04-06 are holidays: 5 working days after
    # Wednesday 1 April is Monday 13 April? 7, 8, 9, 10 (Tue-Fri) and 13 (Mon).
    assert turnaround.add_working_days(dt.date(2026, 4, 1), 5) == dt.date(2026, 4, 13)
    assert turnaround.add_working_days(dt.date(2026, 11, 27), 1) == dt.date(2026, 11, 30)   # Friday -> Monday
    start = dt.datetime(2026, 4, 1, 9, tzinfo=dt.timezone.utc)
    assert turnaround.within_target(start, dt.datetime(2026, 4, 13, 23, tzinfo=dt.timezone.utc))
    assert not turnaround.within_target(start, dt.datetime(2026, 4, 14, 8, tzinfo=dt.timezone.utc))
    assert turnaround.percentile([1, 2, 3, 4], 0.5) == 2.5 and turnaround.percentile([10, 20], 0.9) == 19.0


def test_differencing_against_what_the_project_released(steered):
    project = new_project(steered)
    first = ok(submit(steered, project, ("cases.csv", b"region,n\nCapital,120\nZealand,45\nNorth,30\n")))
    assert first["status"] == "released"
    # the same groups, two people fewer in the Capital: the difference isolates them
    leak = ok(submit(steered, project, ("cases_adults.csv", b"region,n\nCapital,118\nZealand,45\nNorth,30\n")))
    [diff] = [f for f in leak["check"]["findings"] if f["rule"] == "differencing"]
    assert (diff["row"], diff["column"], diff["value"], diff["threshold"]) == (0, "n", 2, 3)
    assert diff["other"] == {"output_id": first["id"], "file": "cases.csv", "row": 0, "column": "n", "value": 120}
    assert first["id"] in diff["message"] and leak["status"] == "held"
    # a subset of the rows leaks the same way; a large difference is safe
    subset = ok(submit(steered, project, ("two.csv", b"region,n\nCapital,119\nZealand,45\n")))
    assert [f["value"] for f in subset["check"]["findings"] if f["rule"] == "differencing"] == [1]
    safe = ok(submit(steered, project, ("later.csv", b"region,n\nCapital,100\nZealand,45\nNorth,30\n")))
    assert not [f for f in safe["check"]["findings"] if f["rule"] == "differencing"]
    assert safe["status"] == "released"
    # other projects' releases are not compared
    other = ok(submit(steered, new_project(steered), ("cases.csv", b"region,n\nCapital,119\nZealand,45\nNorth,30\n")))
    assert not [f for f in other["check"]["findings"] if f["rule"] == "differencing"]


def test_recoverable_suppression_with_row_and_column_totals(steered, project):
    table = (b"region;men;women;total\nCapital;120;*;250\nZealand;<3;..;90\nNorth;40;45;85\n"
             b"Total;162;178;425\n")
    out = ok(submit(steered, project, ("suppressed.csv", table)))
    found = {(f["row"], f["column"], f["value"]) for f in out["check"]["findings"]
             if f["rule"] == "recoverable_suppression"}
    assert found == {(0, "women", 130), (1, "men", 2), (1, "women", 3)}
    assert out["check"]["verdict"] == "fail"
    clean = ok(submit(steered, project, ("unrecoverable.csv", b"region;men;women\nCapital;120;*\nZealand;<3;..\n")))
    assert not [f for f in clean["check"]["findings"] if f["rule"] == "recoverable_suppression"]
