"""CVE identifiers: `CVE-YYYY-NNNN...` in ASCII digits only.

(`\\d` in a Python pattern also matches other scripts' digits, e.g. full-width ones; a
CVE id with those is not a CVE id and breaks the CSAF export.)
"""

from __future__ import annotations

import re

CVE_RE = re.compile(r"^CVE-([0-9]{4})-[0-9]{4,19}\Z", re.ASCII)
FIRST_YEAR = 1999


def cve_problem(value, year_now: int) -> str | None:
    """Why `value` is not a CVE id that can be referred to, or None."""
    match = CVE_RE.match(value) if isinstance(value, str) else None
    if not match or not FIRST_YEAR <= int(match.group(1)) <= year_now + 1:
        return f"{value!r} is not a CVE id (CVE-YYYY-NNNN)"
    return None


def is_cve(value) -> bool:
    """The shape alone, with no year bound (for reading stored data)."""
    return isinstance(value, str) and CVE_RE.match(value) is not None
