"""The sampling overview, without Qt: draws, expected and observed samples per risk class, with a
simple interval for the observed count, from the portal's answer or computed offline from the
draws in the cache (the rule itself: rules/sampling.py overview).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any, Iterable

from rules import sampling

from .output_files import _int


RISK_CLASSES = sampling.RISK_CLASSES
Z95 = 1.96


@dataclass(frozen=True)
class ClassRow:
    risk_class: str | None          # None: all classes together
    draws: int
    expected: float                 # sum of the draws' probabilities
    observed: int                   # draws that sampled
    sd: float                       # sqrt of the sum of p(1-p)

    @property
    def low(self) -> int:
        return max(0, math.floor(self.expected - Z95 * self.sd + 1e-9))

    @property
    def high(self) -> int:
        return min(self.draws, math.ceil(self.expected - 1e-9 + Z95 * self.sd)) if self.draws else 0

    @property
    def state(self) -> str:
        """"none" (no draws), "within", "below" or "above" the expected range."""
        if not self.draws:
            return "none"
        if self.observed < self.low:
            return "below"
        if self.observed > self.high:
            return "above"
        return "within"

    @property
    def expected_rate(self) -> float | None:
        return self.expected / self.draws if self.draws else None

    @property
    def observed_rate(self) -> float | None:
        return self.observed / self.draws if self.draws else None


@dataclass(frozen=True)
class Overview:
    classes: tuple                  # ClassRow per risk class, in RISK_CLASSES order
    total: ClassRow
    management_samples: int
    management_outputs: int
    config: dict | None = None
    source: str = "cache"           # "portal" or "cache"
    as_of: str | None = None

    @property
    def state(self) -> str:
        """"none", "within" (every class with draws is), or "outside"."""
        states = [c.state for c in self.classes if c.state != "none"]
        if not states:
            return "none"
        return "within" if all(s == "within" for s in states) and self.total.state == "within" else "outside"

    def outside(self) -> list[ClassRow]:
        return [c for c in (*self.classes, self.total) if c.state in ("below", "above")]


def _number(value: Any) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def overview_from_outputs(outputs: Iterable[dict], samples: Iterable[dict] = ()) -> Overview:
    """The overview from the draws stored on the outputs (the portal's own rule, offline)."""
    outputs = list(outputs)
    config = None
    for output in outputs:
        draw = output.get("draw") if isinstance(output, dict) else None
        if isinstance(draw, dict) and isinstance(draw.get("config"), dict):
            config = draw["config"]
    found = overview_from_answer(dict(sampling.overview(outputs, samples), config=config))
    return dataclasses.replace(found, source="cache", as_of=None)


def overview_from_answer(answer: Any) -> Overview:
    """The portal's `GET /sampling/overview` answer, checked."""
    if not isinstance(answer, dict) or not isinstance(answer.get("classes"), list):
        raise ValueError("the sampling overview answer is not the expected shape")

    def row(data: Any, risk_class: str | None) -> ClassRow:
        data = data if isinstance(data, dict) else {}
        return ClassRow(risk_class, _int(data.get("draws")) or 0, _number(data.get("expected")),
                        _int(data.get("observed")) or 0, _number(data.get("sd")))

    by_class = {c.get("risk_class"): c for c in answer["classes"] if isinstance(c, dict)}
    classes = tuple(row(by_class.get(c), c) for c in RISK_CLASSES)
    management = answer.get("management") if isinstance(answer.get("management"), dict) else {}
    return Overview(classes, row(answer.get("total"), None), _int(management.get("samples")) or 0,
                    _int(management.get("outputs")) or 0,
                    answer.get("config") if isinstance(answer.get("config"), dict) else None,
                    "portal", answer.get("as_of") if isinstance(answer.get("as_of"), str) else None)
