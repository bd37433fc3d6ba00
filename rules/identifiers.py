"""Danish personal (CPR) and business (CVR) identifiers in text.

CPR: DDMMYY-NNNN whose date exists, the century taken from the 7th digit as
the CPR office defines it. Ten digits without the hyphen are only taken as a
CPR number when a CPR keyword is next to them (same line, same cell or the
column header), because bare 10-digit amounts are common in magnitude tables.
CVR: 8 digits next to the word CVR. Values are always masked: findings go to
supervisors and the audit trail, which must never hold a full identifier.
"""

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterator

CPR_HYPHEN_RE = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})-(\d{4})(?!\d)")
# bare digits must not be part of a longer number or a decimal amount
CPR_BARE_RE = re.compile(r"(?<![\d.,])(\d{2})(\d{2})(\d{2})(\d{4})(?!\d|[.,]\d)")
CPR_KEYWORD_RE = re.compile(
    r"(?<![^\W\d_])(?:cpr|pnr|cprnr|personnr|personnummer|person[-\s]?nr|cpr[-\s]?nr|cpr[-\s]?nummer)(?![^\W\d_])",
    re.IGNORECASE,
)
CVR_WORD_RE = re.compile(r"(?<![^\W\d_])cvr(?![^\W\d_])", re.IGNORECASE)
# "CVR 12345678", "CVR-nr.: 12345678", "cvr nummer 12 34 56 78", "CVR;12345678" (adjacent CSV cells)
CVR_RE = re.compile(
    r"(?<![^\W\d_])CVR(?:[ \t.\-]*(?:nummer|number|nr|no)(?![^\W\d_])\.?)?[ \t:;,#\-\"'|=]{0,4}"
    r"(\d{8}|\d{2}(?: \d{2}){3})(?![\d])",
    re.IGNORECASE,
)
CVR_VALUE_RE = re.compile(r"^\s*(\d{8}|\d{2}(?: \d{2}){3})\s*$")


@dataclass(frozen=True, slots=True)
class IdentifierHit:
    rule: str          # "cpr" or "cvr"
    start: int         # offset in the scanned text
    end: int
    masked: str        # safe to show and store


def cpr_birth_date(day: int, month: int, yy: int, seventh_digit: int) -> date | None:
    """The birth date a CPR number encodes, or None when no such date exists."""
    if seventh_digit <= 3:
        century = 1900
    elif seventh_digit in (4, 9):
        century = 2000 if yy <= 36 else 1900
    else:  # 5-8
        century = 2000 if yy <= 57 else 1800
    try:
        return date(century + yy, month, day)
    except ValueError:
        return None


def _valid_cpr(match: re.Match) -> bool:
    dd, mm, yy, serial = match.group(1), match.group(2), match.group(3), match.group(4)
    return cpr_birth_date(int(dd), int(mm), int(yy), int(serial[0])) is not None


def mask_cpr(text: str) -> str:
    """Keep the date part, hide the serial: 010190-1234 -> 010190-****."""
    return f"{text[:6]}-****" if "-" in text else f"{text[:6]}****"


def mask_cvr(text: str) -> str:
    """12345678 or "12 34 56 78" -> 12******."""
    return text.replace(" ", "")[:2] + "*" * 6


def find_identifiers(text: str, cpr_context: bool = False, cvr_context: bool = False) -> Iterator[IdentifierHit]:
    """All CPR and CVR numbers in ``text`` (a line, a cell or a whole file).

    ``cpr_context``/``cvr_context`` say the keyword is present outside the text
    (e.g. in the column header), so bare digits count.
    """
    for match in CPR_HYPHEN_RE.finditer(text):
        if _valid_cpr(match):
            yield IdentifierHit("cpr", match.start(), match.end(), mask_cpr(match.group(0)))
    if cpr_context or CPR_KEYWORD_RE.search(text):
        for match in CPR_BARE_RE.finditer(text):
            if _valid_cpr(match):
                yield IdentifierHit("cpr", match.start(), match.end(), mask_cpr(match.group(0)))
    if cvr_context:
        value = CVR_VALUE_RE.match(text)
        if value:
            yield IdentifierHit("cvr", value.start(1), value.end(1), mask_cvr(value.group(1)))
            return
    for match in CVR_RE.finditer(text):
        yield IdentifierHit("cvr", match.start(1), match.end(1), mask_cvr(match.group(1)))


def scan_whole_text(text: str) -> list[IdentifierHit]:
    """Every identifier in a whole file, fast enough for multi-megabyte tables.

    Regexes that must test every position are slow on large files, so cheap
    literal searches ("-NNNN", "cvr", "cpr") find candidates and the full
    patterns are only tried there. A bare 10-digit CPR counts only on a line
    that has a CPR keyword.
    """
    hits = {hit.start: hit for hit in _cpr_hyphen_hits(text)}
    lowered = lower_same_length(text)
    for match in keyword_matches(text, lowered, CVR_RE, ("cvr",)):
        hits.setdefault(match.start(1), IdentifierHit("cvr", match.start(1), match.end(1), mask_cvr(match.group(1))))
    done = -1
    for keyword in sorted(keyword_matches(text, lowered, CPR_KEYWORD_RE, _CPR_NEEDLES), key=lambda m: m.start()):
        line_start = text.rfind("\n", 0, keyword.start()) + 1
        if line_start <= done:
            continue
        line_end = text.find("\n", keyword.end())
        done = line_end = len(text) if line_end < 0 else line_end
        for match in CPR_BARE_RE.finditer(text, line_start, line_end):
            if _valid_cpr(match):
                hit = IdentifierHit("cpr", match.start(), match.end(), mask_cpr(match.group(0)))
                hits.setdefault(match.start(), hit)
    return [hits[start] for start in sorted(hits)]


def might_contain_identifiers(text: str) -> bool:
    """Cheap pre-filter over a whole file before a cell-by-cell scan: any candidate at all."""
    if next(_cpr_hyphen_hits(text), None) is not None:
        return True
    lowered = lower_same_length(text)
    if lowered is None:
        return bool(CVR_WORD_RE.search(text) or CPR_KEYWORD_RE.search(text))
    return any(needle in lowered for needle in ("cvr", *_CPR_NEEDLES))


_CPR_NEEDLES = ("cpr", "pnr", "person")
_DASH_SERIAL_RE = re.compile(r"-\d{4}")


def _cpr_hyphen_hits(text: str) -> Iterator[IdentifierHit]:
    for dash in _DASH_SERIAL_RE.finditer(text):
        start = dash.start() - 6
        match = CPR_HYPHEN_RE.match(text, start) if start >= 0 else None
        if match and _valid_cpr(match):
            yield IdentifierHit("cpr", match.start(), match.end(), mask_cpr(match.group(0)))


def lower_same_length(text: str) -> str | None:
    """Lower-cased text with the same offsets, or None when lower-casing changes lengths."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


def keyword_matches(text: str, lowered: str | None, pattern: re.Pattern, needles: tuple[str, ...]):
    if lowered is None:  # rare: fall back to the full scan
        yield from pattern.finditer(text)
        return
    for needle in needles:
        index = lowered.find(needle)
        while index >= 0:
            match = pattern.match(text, index)
            if match:
                yield match
            index = lowered.find(needle, index + 1)


def mask_identifiers(text: str, mask_char: str = "*") -> str:
    """Replace every identifier in free text by its masked form (for messages and names)."""
    hits = sorted(find_identifiers(text), key=lambda h: h.start)
    if not hits:
        return text
    parts, last = [], 0
    for hit in hits:
        if hit.start < last:
            continue
        parts.append(text[last:hit.start])
        parts.append(hit.masked.replace("*", mask_char))
        last = hit.end
    parts.append(text[last:])
    return "".join(parts)


def is_cpr_header(name: str) -> bool:
    return bool(CPR_KEYWORD_RE.search(name))


def is_cvr_header(name: str) -> bool:
    return bool(CVR_WORD_RE.search(name))
