"""Auditable sampling of output transfers (rules.sampling)."""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import re
from pathlib import Path

import pytest

from rules.sampling import (
    ALGORITHM,
    SamplingConfig,
    draw,
    management_record,
    recompute,
    risk_class,
    risk_inputs,
    sample_reason,
    sampling_probability,
    select_management_sample,
    uniform,
)

CFG = SamplingConfig()
SEED = "00" * 31 + "2a"

BASE = risk_inputs(prior_outputs=20, prior_breaches=0, registers=["BEF"])
ELEVATED = risk_inputs(prior_outputs=20, prior_breaches=0, registers=["BEF", "LPR"])
HIGH = risk_inputs(prior_outputs=1, prior_breaches=1, registers=["LMDB"])


def seed_for(n: int) -> str:
    # Fixed, well-spread seeds keep the statistical tests reproducible.
    return hashlib.sha256(f"test-seed-{n}".encode()).hexdigest()


# ---- config


def test_defaults():
    assert CFG.base_rate == 0.10
    assert CFG.cap == 0.90
    assert CFG.to_dict() == {
        "base_rate": 0.10,
        "new_researcher": 0.15,
        "new_researcher_below": 5,
        "earlier_breaches": 0.20,
        "sensitive_register": 0.10,
        "cap": 0.90,
    }


def test_config_from_dict_round_trips_and_overrides():
    assert SamplingConfig.from_dict(CFG.to_dict()) == CFG
    cfg = SamplingConfig.from_dict({"base_rate": 0.05, "cap": 0.5})
    assert (cfg.base_rate, cfg.cap, cfg.new_researcher) == (0.05, 0.5, 0.15)


@pytest.mark.parametrize(
    "data",
    [
        {"base_rat": 0.2},  # misspelt
        {"base_rate": -0.1},
        {"base_rate": 1.5},
        {"cap": 0.05},  # below the base rate
        {"earlier_breaches": "0.2"},
        {"sensitive_register": True},
        {"new_researcher_below": -1},
        {"new_researcher_below": 2.5},
    ],
)
def test_bad_config_is_refused(data):
    with pytest.raises(ValueError):
        SamplingConfig.from_dict(data)


# ---- inputs and probability


def test_risk_inputs_are_plain_json():
    inputs = risk_inputs(3, 1, ["lpr", "BEF", "LPR", " dodsaars "])
    assert inputs == {
        "prior_outputs": 3,
        "prior_breaches": 1,
        "registers": ["BEF", "DODSAARS", "LPR"],
        "sensitive_registers": ["DODSAARS", "LPR"],
    }
    assert json.loads(json.dumps(inputs)) == inputs


def test_sensitive_register_list_can_be_replaced():
    assert risk_inputs(9, 0, ["BEF", "LPR"], sensitive_registers={"BEF"})["sensitive_registers"] == ["BEF"]


@pytest.mark.parametrize("args", [(-1, 0, []), (0, -1, []), (1.5, 0, []), (True, 0, [])])
def test_bad_inputs_are_refused(args):
    with pytest.raises(ValueError):
        risk_inputs(*args)


def test_probability_per_factor():
    assert sampling_probability(BASE, CFG) == 0.10
    assert sampling_probability(ELEVATED, CFG) == 0.20
    assert sampling_probability(risk_inputs(4, 0, []), CFG) == 0.25
    assert sampling_probability(risk_inputs(5, 0, []), CFG) == 0.10
    assert sampling_probability(risk_inputs(50, 2, []), CFG) == 0.50
    assert sampling_probability(HIGH, CFG) == 0.55


def test_probability_is_monotone_in_each_factor_and_capped():
    for breaches in range(0, 10):
        for new in (False, True):
            for sensitive in (False, True):
                inputs = risk_inputs(0 if new else 99, breaches, ["LPR"] if sensitive else [])
                p = sampling_probability(inputs, CFG)
                assert CFG.base_rate <= p <= CFG.cap
                more_breaches = risk_inputs(0 if new else 99, breaches + 1, ["LPR"] if sensitive else [])
                assert sampling_probability(more_breaches, CFG) >= p
                if not new:
                    assert sampling_probability(risk_inputs(0, breaches, inputs["registers"]), CFG) >= p
                if not sensitive:
                    assert sampling_probability(risk_inputs(inputs["prior_outputs"], breaches, ["LPR"]), CFG) >= p
    assert sampling_probability(risk_inputs(0, 100, ["LPR"]), CFG) == CFG.cap


def test_each_factor_raises_until_the_cap():
    assert sampling_probability(risk_inputs(0, 0, []), CFG) > sampling_probability(risk_inputs(99, 0, []), CFG)
    assert sampling_probability(risk_inputs(99, 1, []), CFG) > sampling_probability(risk_inputs(99, 0, []), CFG)
    assert sampling_probability(risk_inputs(99, 0, ["LPR"]), CFG) > sampling_probability(risk_inputs(99, 0, []), CFG)


def test_probability_is_rounded_free_of_float_noise():
    p = sampling_probability(risk_inputs(99, 1, []), CFG)  # 0.1 + 0.2 is 0.30000000000000004 in floats
    assert repr(p) == "0.3"


def test_probability_follows_the_config():
    strict = SamplingConfig(base_rate=0.3, cap=0.6)
    assert sampling_probability(BASE, strict) == 0.3
    assert sampling_probability(risk_inputs(0, 3, ["LPR"]), strict) == 0.6


def test_risk_classes():
    assert risk_class(BASE, CFG) == "base"
    assert risk_class(ELEVATED, CFG) == "elevated"
    assert risk_class(risk_inputs(0, 0, []), CFG) == "elevated"
    assert risk_class(HIGH, CFG) == "high"
    assert risk_class(risk_inputs(99, 2, []), CFG) == "high"
    assert (sample_reason("base"), sample_reason("elevated"), sample_reason("high")) == ("random", "risk", "risk")


# ---- draw and recompute


def test_draw_record_holds_everything():
    record = draw("O-0042", HIGH, CFG, seed=SEED)
    assert record["algorithm"] == ALGORITHM == "hmac-sha256-uniform-v1"
    assert record["seed"] == SEED and record["subject_id"] == "O-0042"
    assert record["inputs"] == HIGH and record["config"] == CFG.to_dict()
    assert record["probability"] == 0.55
    assert 0 <= record["uniform"] < 1
    assert record["outcome"] == (record["uniform"] < 0.55)
    assert record["risk_class"] == "high" and record["reason"] == "risk"
    assert json.loads(json.dumps(record)) == record


def test_uniform_is_the_documented_hmac():
    # Spelled out independently of the module.
    d = hmac.new(bytes.fromhex(SEED), b"O-0042", hashlib.sha256).digest()
    assert uniform(SEED, "O-0042") == (int.from_bytes(d[:8], "big") >> 11) / 2**53


def test_fresh_seeds_are_random_and_long():
    seeds = {draw("O-1", BASE, CFG)["seed"] for _ in range(50)}
    assert len(seeds) == 50
    assert all(re.fullmatch(r"[0-9a-f]{64}", s) for s in seeds)


def test_same_seed_and_subject_give_same_draw():
    assert draw("O-7", ELEVATED, CFG, seed=SEED) == draw("O-7", ELEVATED, CFG, seed=SEED)
    assert uniform(SEED, "O-7") != uniform(SEED, "O-8")


def test_recompute_confirms_untampered_draws():
    for n in range(200):
        record = draw(f"O-{n}", [BASE, ELEVATED, HIGH][n % 3], CFG, seed=seed_for(n))
        again = recompute(json.loads(json.dumps(record)))  # as stored and read back
        assert again["matches"], again["mismatches"]
        assert again["probability"] == record["probability"]
        assert again["outcome"] == record["outcome"]
        assert again["uniform"] == record["uniform"]


def test_both_outcomes_occur_and_recompute():
    outcomes = {draw(f"O-{n}", HIGH, CFG, seed=seed_for(n))["outcome"] for n in range(50)}
    assert outcomes == {True, False}


def tampered(change) -> dict:
    record = json.loads(json.dumps(draw("O-0042", ELEVATED, CFG, seed=SEED)))
    change(record)
    return recompute(record)


def test_tampered_inputs_are_detected():
    result = tampered(lambda r: r["inputs"].update(sensitive_registers=[]))
    assert not result["matches"]
    assert "probability" in result["mismatches"]


def test_tampered_probability_is_detected():
    result = tampered(lambda r: r.update(probability=0.9))
    assert not result["matches"] and "probability" in result["mismatches"]


def test_tampered_config_is_detected():
    result = tampered(lambda r: r["config"].update(base_rate=0.0))
    assert not result["matches"] and "probability" in result["mismatches"]


def test_tampered_seed_is_detected():
    result = tampered(lambda r: r.update(seed="ff" * 32))
    assert not result["matches"] and "uniform" in result["mismatches"]


def test_tampered_subject_is_detected():
    result = tampered(lambda r: r.update(subject_id="O-0043"))
    assert not result["matches"] and "uniform" in result["mismatches"]


def test_tampered_outcome_is_detected():
    result = tampered(lambda r: r.update(outcome=not r["outcome"]))
    assert result["mismatches"] == ["outcome"]


def test_unknown_algorithm_is_refused():
    record = draw("O-1", BASE, CFG, seed=SEED)
    record["algorithm"] = "dice-v0"
    with pytest.raises(ValueError):
        recompute(record)


@pytest.mark.parametrize("seed", ["", "xyz", "abc"])
def test_malformed_seed_is_refused(seed):
    with pytest.raises(ValueError):
        draw("O-1", BASE, CFG, seed=seed)


def test_documented_recipe_recomputes_real_draws():
    # The hand recipe in docs/sampling.md must agree with the code.
    text = (Path(__file__).resolve().parents[1] / "docs" / "sampling.md").read_text(encoding="utf-8")
    [code] = [block for block in re.findall(r"```python\n(.*?)```", text, re.S) if "def recompute" in block]
    namespace: dict = {}
    exec(code, namespace)
    for n in range(100):
        record = draw(f"O-{n}", [BASE, ELEVATED, HIGH][n % 3], CFG, seed=seed_for(n))
        assert namespace["recompute"](record) is True
    forged = draw("O-1", BASE, CFG, seed=SEED) | {"probability": 0.9}
    assert namespace["recompute"](forged) is False
    [example] = [json.loads(block) for block in re.findall(r"```json\n(.*?)```", text, re.S)]
    assert namespace["recompute"](example) is True
    assert recompute(example)["matches"] is True


# ---- statistics: observed rates match the configured ones

N = 10_000


@pytest.mark.parametrize(
    "label, inputs, expected_p",
    [("base", BASE, 0.10), ("elevated", ELEVATED, 0.20), ("high", HIGH, 0.55),
     ("capped", risk_inputs(0, 9, ["LPR"]), 0.90)],
)
def test_sample_rate_within_binomial_bounds(label, inputs, expected_p):
    records = [draw(f"O-{label}-{n}", inputs, CFG, seed=seed_for(n)) for n in range(N)]
    assert {r["probability"] for r in records} == {expected_p}
    sampled = sum(r["outcome"] for r in records)
    sd = math.sqrt(N * expected_p * (1 - expected_p))
    assert abs(sampled - N * expected_p) <= 4 * sd, (label, sampled)


def test_rate_per_risk_class_over_mixed_population():
    # A mixed population: each class's observed count against the sum of its
    # probabilities (Poisson-binomial mean and variance).
    by_class: dict[str, list[dict]] = {"base": [], "elevated": [], "high": []}
    for n in range(N):
        inputs = risk_inputs(n % 8, (n // 8) % 3 if n % 5 == 0 else 0, ["LPR"] if n % 3 == 0 else ["BEF"])
        record = draw(f"O-mix-{n}", inputs, CFG, seed=seed_for(n + N))
        by_class[record["risk_class"]].append(record)
    for cls, records in by_class.items():
        assert len(records) > 500, cls
        mean = sum(r["probability"] for r in records)
        var = sum(r["probability"] * (1 - r["probability"]) for r in records)
        sampled = sum(r["outcome"] for r in records)
        assert abs(sampled - mean) <= 4 * math.sqrt(var), (cls, sampled, mean)


def test_uniform_values_are_evenly_spread():
    values = [uniform(seed_for(n), "O-1") for n in range(N)]
    mean_sd = math.sqrt(1 / 12 / N)
    assert abs(sum(values) / N - 0.5) <= 4 * mean_sd
    deciles = [0] * 10
    for v in values:
        deciles[int(v * 10)] += 1
    decile_sd = math.sqrt(N * 0.1 * 0.9)
    assert all(abs(count - N / 10) <= 4 * decile_sd for count in deciles), deciles


# ---- management samples


def output(id_: str, status: str, at: str) -> dict:
    return {"id": id_, "status": status, "submitted_at": at}


CANDIDATES = [
    output("O-1", "held", "2026-11-01T09:00:00Z"),
    output("O-2", "released", "2026-11-05T09:00:00Z"),
    output("O-3", "held", "2026-11-03T09:00:00Z"),
    output("O-4", "withheld", "2026-11-06T09:00:00Z"),
    output("O-5", "held", "2026-11-04T09:00:00Z"),
]


def test_management_sample_takes_most_recent_eligible_first():
    assert select_management_sample(CANDIDATES, 2) == ["O-5", "O-3"]


def test_management_sample_takes_all_available_when_count_is_larger():
    assert select_management_sample(CANDIDATES, 50) == ["O-5", "O-3", "O-1"]


def test_released_and_withheld_outputs_are_never_selected():
    chosen = select_management_sample(CANDIDATES, 5)
    assert "O-2" not in chosen and "O-4" not in chosen


def test_management_sample_of_only_released_outputs_is_empty():
    only_released = [output("O-9", "released", "2026-11-01T09:00:00Z")]
    assert select_management_sample(only_released, 3) == []
    assert select_management_sample([], 3) == []


def test_management_sample_ties_are_broken_by_id():
    same_time = [output(i, "held", "2026-11-01T09:00:00Z") for i in ("O-30", "O-10", "O-20")]
    assert select_management_sample(same_time, 2) == ["O-30", "O-20"]   # newest id first


def test_management_sample_orders_by_time_not_text():
    mixed = [output("O-a", "held", "2026-11-01T10:00:00+01:00"), output("O-b", "held", "2026-11-01T09:30:00Z")]
    assert select_management_sample(mixed, 1) == ["O-b"]  # 09:00Z is earlier than 09:30Z


@pytest.mark.parametrize("count", [0, -1, 1.5, True])
def test_management_sample_count_must_be_positive(count):
    with pytest.raises(ValueError):
        select_management_sample(CANDIDATES, count)


def test_management_record_has_no_probability():
    assert management_record("O-5") == {"reason": "management", "probability": None, "subject_id": "O-5"}
