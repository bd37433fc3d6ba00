"""Disclosure-check thresholds (``Rules``) and the JSON rules file that sets them."""

import json
from dataclasses import asdict, dataclass, fields, replace
from fractions import Fraction
from os import PathLike
from typing import Any, Mapping

MIB = 1024 * 1024
ZERO_CELL_MODES = ("review", "fail", "ignore")
PRESETS = ("default", "acro")


@dataclass(frozen=True)
class Rules:
    """Thresholds of the automatic output check.

    Defaults follow the product reference (Statistics Denmark style): a count
    equal to ``min_count`` passes, one below fails; zero cells need review; a
    cell fails dominance when its ``dominance_n`` largest contributors hold
    more than ``dominance_k`` of the total (or at least that share when
    ``dominance_inclusive``); it fails p% when the total minus the two largest
    contributions is less than ``p_percent`` times the largest.
    """

    min_count: int = 3
    zero_cells: str = "review"
    dominance_n: int = 2
    dominance_k: float = 0.85
    dominance_inclusive: bool = False
    p_percent: float = 0.10
    max_file_bytes: int = 10 * MIB
    max_total_bytes: int = 25 * MIB
    max_findings_per_rule: int = 100
    # How the portal runs the check: this many worker processes, each file within this many seconds
    # (past it the file is held for a person, finding `check_timeout`).
    check_workers: int = 2
    check_seconds: float = 30.0
    # The rounding rule (off when None): counts that are not a multiple of the base need review.
    rounding_base: int | None = None

    def __post_init__(self) -> None:
        _require_int(self, "min_count", minimum=1)
        _require_int(self, "dominance_n", minimum=1)
        _require_int(self, "max_file_bytes", minimum=1)
        _require_int(self, "max_total_bytes", minimum=1)
        _require_int(self, "max_findings_per_rule", minimum=1)
        _require_int(self, "check_workers", minimum=1)
        if self.rounding_base is not None:
            _require_int(self, "rounding_base", minimum=2)
        if isinstance(self.check_seconds, bool) or not isinstance(self.check_seconds, (int, float)) \
                or not 0 < self.check_seconds <= 3600:
            raise ValueError(f"check_seconds must be a number of seconds above 0 and at most 3600, "
                             f"not {self.check_seconds!r}")
        if not isinstance(self.dominance_inclusive, bool):
            raise ValueError("dominance_inclusive must be true or false")
        if self.zero_cells not in ZERO_CELL_MODES:
            raise ValueError(f"zero_cells must be one of {', '.join(ZERO_CELL_MODES)}, not {self.zero_cells!r}")
        _require_fraction(self, "dominance_k", low_open=True)
        _require_fraction(self, "p_percent", low_open=False)

    @classmethod
    def acro_defaults(cls, **overrides: Any) -> "Rules":
        """ACRO's default risk appetite: threshold 10, N=2 k=0.90 inclusive, p-ratio 0.10, zeros disclosive."""
        base = cls(min_count=10, zero_cells="fail", dominance_n=2, dominance_k=0.90,
                   dominance_inclusive=True, p_percent=0.10)
        return replace(base, **overrides)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], source: str = "rules") -> "Rules":
        """Build rules from a mapping with any subset of the fields (plus an optional ``preset``)."""
        if not isinstance(data, Mapping):
            raise ValueError(f"{source}: expected a JSON object with rule fields")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known - {"preset"})
        if unknown:
            raise ValueError(
                f"{source}: unknown field(s) {', '.join(unknown)}; "
                f"known fields are preset, {', '.join(sorted(known))}"
            )
        preset = data.get("preset", "default")
        if preset not in PRESETS:
            raise ValueError(f"{source}: preset must be one of {', '.join(PRESETS)}, not {preset!r}")
        base = cls.acro_defaults() if preset == "acro" else cls()
        values = {k: v for k, v in data.items() if k != "preset"}
        try:
            return replace(base, **values)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{source}: {exc}") from None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    # Exact thresholds, so a share exactly at the limit compares as equal.
    @property
    def dominance_k_exact(self) -> Fraction:
        return Fraction(repr(float(self.dominance_k)))

    @property
    def p_percent_exact(self) -> Fraction:
        return Fraction(repr(float(self.p_percent)))


def load_rules(path: str | PathLike[str]) -> Rules:
    """Read a JSON rules file; any subset of the fields; unknown fields raise ValueError."""
    with open(path, encoding="utf-8") as handle:
        try:
            data = json.load(handle)
        except json.JSONDecodeError as exc:
            raise ValueError(f"rules file {path}: not valid JSON ({exc})") from None
    return Rules.from_dict(data, source=f"rules file {path}")


def _require_int(rules: Rules, name: str, minimum: int) -> None:
    value = getattr(rules, name)
    # bool is an int subclass; "true" as a count is a mistake worth reporting
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number, not {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, not {value}")


def _require_fraction(rules: Rules, name: str, low_open: bool) -> None:
    value = getattr(rules, name)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{name} must be a number, not {value!r}")
    too_low = value <= 0 if low_open else value < 0
    if too_low or value > 1:
        raise ValueError(f"{name} must be a fraction between 0 and 1 (e.g. 0.85 for 85 %), not {value}")
