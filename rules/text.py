"""Plain text that is stored and shown: one rule for every free-text field.

Refused everywhere: C0 control characters (only tab, line feed and carriage return in
multi-line text; none at all in single-line fields such as titles), DEL, the C1 controls,
and the bidirectional overrides, embeddings and isolates (U+202A..U+202E, U+2066..U+2069),
which make text read differently from what it says ("Trojan Source"). Marks that do not
reorder text (LRM, RLM, zero-width joiners) and everything else in Unicode stay.
"""

from __future__ import annotations

import re

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

# Multi-line text keeps tab, LF and CR; single-line text keeps none of them.
_MULTI_LINE_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + BIDI_CONTROLS + "]")
_SINGLE_LINE_REFUSED = re.compile("[\x00-\x1f\x7f-\x9f" + BIDI_CONTROLS + "]")


def text_problem(value: str, *, single_line: bool = False) -> str | None:
    """Why `value` is not acceptable plain text, or None when it is."""
    if not isinstance(value, str):
        return "must be text"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "contains an invalid character (an unpaired surrogate)"
    bad = (_SINGLE_LINE_REFUSED if single_line else _MULTI_LINE_REFUSED).search(value)
    if bad is None:
        return None
    char = bad.group()
    if char in BIDI_CONTROLS:
        return f"must not contain bidirectional override characters (U+{ord(char):04X})"
    if single_line and char in "\t\n\r":
        return "must be a single line (no tabs or line breaks)"
    return f"must be plain text without control characters (U+{ord(char):04X})"


def is_plain_text(value: str, *, single_line: bool = False) -> bool:
    return text_problem(value, single_line=single_line) is None
