"""CSV cells a spreadsheet will not run (CSV injection, OWASP's advice).

One guard for every CSV the desktop writes (acknowledgement board, audit trail).
"""

from __future__ import annotations

from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise_cell(value: Any) -> Any:
    """Text starting with = + - @, a tab or a line break (also after leading spaces)
    gets a leading apostrophe; numbers stay numbers; None is empty; booleans yes/no."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return value
    text = str(value)
    if text.startswith(FORMULA_START) or text.lstrip(" ").startswith(FORMULA_START[:4]):
        return "'" + text
    return text
