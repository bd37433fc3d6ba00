"""What the output routes share: ids, loading, who submitted, how many releases an output needs."""

from __future__ import annotations

import hashlib
from typing import Annotated, Any

from pydantic import StringConstraints

from ..store import canonical_json
from .bodies import PlainText

MAX_ID_LENGTH = 100
SEES_ALL = frozenset({"supervisor", "admin"})

Comment = Annotated[str, StringConstraints(max_length=4000), PlainText]
Id = Annotated[str, StringConstraints(min_length=1, max_length=MAX_ID_LENGTH)]


def _new_id(tx, counter: str, prefix: str, now: str) -> str:
    while True:
        candidate = f"{prefix}-{now[:4]}-{tx.next_number(counter):04d}"
        if tx.get(counter, candidate) is None:
            return candidate


def _load(tx, output_id: str) -> dict | None:
    if not output_id or len(output_id) > MAX_ID_LENGTH:
        return None
    return tx.get("output", output_id)


def _state(output: dict | None) -> dict:
    if output is None:
        return {}
    return {"version": output["version"], "status": output["status"],
            "releases": len(_releasers(output.get("reviews", [])))}


def _submitted_by(user: dict, output: dict) -> bool:
    return bool(user.get("researcher_id")) and user["researcher_id"] == output.get("researcher_id")


def _releasers(reviews: list[dict]) -> set[str]:
    return {r.get("reviewer_id") for r in reviews if r.get("verdict") == "release"}


def required_releases(verdict: str, stored: Any = None) -> int:
    """Two distinct releases for an output the check flagged, one for a clean one
    (a stored value may ask for more, never for fewer)."""
    by_rule = 1 if verdict == "pass" else 2
    if isinstance(stored, int) and not isinstance(stored, bool):
        return max(stored, by_rule)
    return by_rule


def _count(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def _outputs_of_researcher(tx, researcher_id: str) -> list[dict]:
    """A researcher's outputs: they are filed under the researcher's own projects."""
    found = []
    for app in tx.list("application", owner=researcher_id):
        found += [o for o in tx.list("output", owner=app["id"]) if o.get("researcher_id") == researcher_id]
    return found


def _outputs_of_project(tx, project_id: str) -> list[dict]:
    return tx.list("output", owner=project_id)


def draw_sha256(draw: dict) -> str:
    return hashlib.sha256(canonical_json(draw).encode()).hexdigest()
