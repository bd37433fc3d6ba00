"""Auditable sampling of output transfers.

Every submitted output is drawn for a manual check. The probability is a base
rate raised by risk factors; the draw itself is

    uniform = first 53 bits of HMAC-SHA256(key=seed, msg=subject_id) / 2**53
    sampled = uniform < probability

with a fresh secret seed per draw. The record of a draw stores the seed, the
inputs and the rates used, so anyone can recompute it (docs/sampling.md) and
see that the outcome followed from them. The researcher cannot game the draw:
the seed is made by the portal at submission time and the researcher never
sees it (their feed carries outputs without sample details).

Supervisors' management samples are not random: `select_management_sample`
picks which outputs they re-hold; their sample reason is "management" and
their probability null.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any, Iterable

from . import applications

ALGORITHM = "hmac-sha256-uniform-v1"
SEED_BYTES = 32
PROBABILITY_DIGITS = 6  # rounding keeps the stored probability free of float noise

# Outputs of projects using a sensitive register are sampled more often.
SENSITIVE_REGISTERS = applications.SENSITIVE_REGISTERS

RISK_CLASSES = ("base", "elevated", "high")
MANAGEMENT_REASON = "management"
# Outputs a management sample can (re-)hold: only those still in the portal.
# Released outputs have already left the research machines and withheld ones
# are decided for good, so neither is eligible.
NOT_ELIGIBLE_FOR_MANAGEMENT = frozenset({"released", "withheld"})


@dataclass(frozen=True)
class SamplingConfig:
    """Rates for random sampling. Raises are additive; the sum is capped."""

    base_rate: float = 0.10
    new_researcher: float = 0.15      # raise when the researcher is new
    new_researcher_below: int = 5     # "new": fewer earlier outputs than this
    earlier_breaches: float = 0.20    # raise per earlier breach
    sensitive_register: float = 0.10  # raise when a sensitive register is used
    cap: float = 0.90                 # never certain: a sample stays a sample

    def __post_init__(self) -> None:
        for name in ("base_rate", "new_researcher", "earlier_breaches", "sensitive_register", "cap"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
                raise ValueError(f"{name} must be a number between 0 and 1, got {value!r}")
        if self.base_rate > self.cap:
            raise ValueError("base_rate must not exceed cap")
        if not _is_count(self.new_researcher_below):
            raise ValueError("new_researcher_below must be a non-negative integer")

    @classmethod
    def from_dict(cls, data: dict) -> "SamplingConfig":
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:  # a misspelt rate must not silently fall back to a default
            raise ValueError(f"unknown sampling settings: {sorted(unknown)}")
        return cls(**data)

    def to_dict(self) -> dict:
        return asdict(self)


# --------------------------------------------------------------------------
# Probability


def risk_inputs(
    prior_outputs: int,
    prior_breaches: int,
    registers: Iterable[str],
    sensitive_registers: Iterable[str] = SENSITIVE_REGISTERS,
) -> dict:
    """The facts a draw depends on, as a plain JSON-able dict."""
    if not _is_count(prior_outputs) or not _is_count(prior_breaches):
        raise ValueError("prior_outputs and prior_breaches must be non-negative integers")
    codes = sorted({code.strip().upper() for code in registers})
    sensitive = {code.strip().upper() for code in sensitive_registers}
    return {
        "prior_outputs": prior_outputs,
        "prior_breaches": prior_breaches,
        "registers": codes,
        "sensitive_registers": [code for code in codes if code in sensitive],
    }


def risk_factors(inputs: dict, cfg: SamplingConfig) -> dict:
    """Which risk factors apply, derived from the inputs and the config."""
    return {
        "new_researcher": inputs["prior_outputs"] < cfg.new_researcher_below,
        "earlier_breaches": inputs["prior_breaches"],
        "sensitive_register": bool(inputs["sensitive_registers"]),
    }


def sampling_probability(inputs: dict, cfg: SamplingConfig) -> float:
    """base_rate + applicable raises, capped at cfg.cap, rounded to 6 digits."""
    factors = risk_factors(inputs, cfg)
    raised = cfg.base_rate
    if factors["new_researcher"]:
        raised += cfg.new_researcher
    raised += cfg.earlier_breaches * factors["earlier_breaches"]
    if factors["sensitive_register"]:
        raised += cfg.sensitive_register
    return round(min(cfg.cap, raised), PROBABILITY_DIGITS)


def risk_class(inputs: dict, cfg: SamplingConfig) -> str:
    """"base" with no risk factor, "elevated" with one, "high" with two or
    more (each earlier breach counts as one)."""
    factors = risk_factors(inputs, cfg)
    points = int(factors["new_researcher"]) + factors["earlier_breaches"] + int(factors["sensitive_register"])
    return RISK_CLASSES[min(points, 2)]


def sample_reason(risk: str) -> str:
    """The output's sample.reason for a random draw: "random" at the base
    rate, "risk" when risk factors raised the probability."""
    return "random" if risk == "base" else "risk"


# --------------------------------------------------------------------------
# Draw and recompute


def new_seed() -> str:
    return secrets.token_hex(SEED_BYTES)


def uniform(seed: str, subject_id: str) -> float:
    """A number in [0, 1) from HMAC-SHA256(key=seed bytes, msg=subject_id UTF-8):
    the first 8 bytes big-endian, top 53 bits, divided by 2**53 (exact in a float)."""
    digest = hmac.new(_seed_bytes(seed), subject_id.encode("utf-8"), hashlib.sha256).digest()
    return (int.from_bytes(digest[:8], "big") >> 11) / 2**53


def draw(subject_id: str, inputs: dict, cfg: SamplingConfig, seed: str | None = None) -> dict:
    """Draw one submission; the record holds everything needed to recompute it."""
    if not isinstance(subject_id, str) or not subject_id:
        raise ValueError("subject_id must be a non-empty string")
    seed = new_seed() if seed is None else seed
    _seed_bytes(seed)  # refuse a malformed seed before anything is recorded
    probability = sampling_probability(inputs, cfg)
    value = uniform(seed, subject_id)
    risk = risk_class(inputs, cfg)
    return {
        "algorithm": ALGORITHM,
        "seed": seed,
        "subject_id": subject_id,
        "inputs": dict(inputs),
        "config": cfg.to_dict(),
        "factors": risk_factors(inputs, cfg),
        "probability": probability,
        "uniform": value,
        "outcome": value < probability,
        "risk_class": risk,
        "reason": sample_reason(risk),
    }


def recompute(record: dict) -> dict:
    """Re-derive a draw from its seed, subject, inputs and config only.

    Returns the recomputed probability, uniform, outcome and risk class, plus
    `matches` and the names of stored fields that disagree (`mismatches`):
    any tampering with seed, subject, inputs, config or results shows there.
    """
    if record.get("algorithm") != ALGORITHM:
        raise ValueError(f"unknown sampling algorithm {record.get('algorithm')!r}")
    cfg = SamplingConfig.from_dict(record["config"])
    inputs = record["inputs"]
    probability = sampling_probability(inputs, cfg)
    value = uniform(record["seed"], record["subject_id"])
    risk = risk_class(inputs, cfg)
    derived = {
        "probability": probability,
        "uniform": value,
        "outcome": value < probability,
        "risk_class": risk,
        "factors": risk_factors(inputs, cfg),
        "reason": sample_reason(risk),
    }
    mismatches = [name for name, fresh in derived.items() if name in record and record[name] != fresh]
    return {**derived, "matches": not mismatches, "mismatches": mismatches}


def _seed_bytes(seed: str) -> bytes:
    try:
        raw = bytes.fromhex(seed)
    except (TypeError, ValueError):
        raise ValueError("seed must be a hex string") from None
    if not raw:
        raise ValueError("seed must not be empty")
    return raw


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


# --------------------------------------------------------------------------
# Management samples


def select_management_sample(candidates: list[dict], count: int) -> list[str]:
    """Ids of the outputs a management sample re-holds: the `count` most
    recently submitted outputs that are neither released nor withheld (all of
    them when fewer are eligible). Ties on submitted_at go by id, newest id
    first, so the choice is reproducible."""
    if not _is_count(count) or count < 1:
        raise ValueError("count must be a positive integer")
    eligible = [c for c in candidates if c.get("status") not in NOT_ELIGIBLE_FOR_MANAGEMENT]
    eligible.sort(key=lambda c: (_submitted(c), c["id"]), reverse=True)
    return [c["id"] for c in eligible[:count]]


def management_record(subject_id: str) -> dict:
    """The sample a management selection attaches to an output."""
    return {"reason": MANAGEMENT_REASON, "probability": None, "subject_id": subject_id}


def _submitted(candidate: dict) -> datetime:
    return datetime.fromisoformat(candidate["submitted_at"])


def overview(outputs: Iterable[dict], samples: Iterable[dict]) -> dict:
    """Per risk class: draws, expected samples (sum of probabilities), observed samples, and the
    standard deviation of the observed count; management samples counted apart. The portal
    answers `GET /sampling/overview` with it; the desktop computes it offline from its cache."""
    classes = {c: {"risk_class": c, "draws": 0, "expected": 0.0, "observed": 0, "_var": 0.0}
               for c in RISK_CLASSES}
    for output in outputs:
        draw = output.get("draw") if isinstance(output, dict) else None
        if not isinstance(draw, dict) or draw.get("risk_class") not in classes:
            continue
        p = draw.get("probability")
        p = float(p) if isinstance(p, (int, float)) and not isinstance(p, bool) else 0.0
        row = classes[draw["risk_class"]]
        row["draws"] += 1
        row["expected"] += p
        row["_var"] += p * (1 - p)
        row["observed"] += 1 if draw.get("outcome") is True else 0

    def finish(row):
        return {"risk_class": row["risk_class"], "draws": row["draws"], "expected": round(row["expected"], 6),
                "observed": row["observed"], "sd": round(math.sqrt(row["_var"]), 6)}

    total = {"risk_class": None, "draws": 0, "expected": 0.0, "observed": 0, "_var": 0.0}
    for row in classes.values():
        for key in ("draws", "expected", "observed", "_var"):
            total[key] += row[key]
    managed = [s for s in samples if isinstance(s, dict) and s.get("reason") == MANAGEMENT_REASON]
    result_total = finish(total)
    result_total.pop("risk_class")
    return {"classes": [finish(row) for row in classes.values()], "total": result_total,
            "management": {"samples": len(managed), "outputs": sum(len(s.get("output_ids") or []) for s in managed)}}
