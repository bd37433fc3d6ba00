"""Safe display and storage names for submitted files."""

import re
import unicodedata

from rules.identifiers import mask_identifiers

MAX_NAME_CHARS = 120
MAX_EXTENSION_CHARS = 16
FALLBACK_NAME = "file"
# Characters Windows refuses in names; also the path separators.
_FORBIDDEN_RE = re.compile(r'[<>:"/\\|?*]')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                     *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def sanitize_filename(name: str) -> str:
    """A name safe on Windows, macOS and Linux; never empty.

    Drops directories (including ``..`` traversal, either slash), control and
    format characters (bidi overrides that disguise ``exe``), characters
    Windows forbids, leading dots/spaces (hidden files) and trailing dots/spaces
    (which Windows silently drops, turning ``x.exe.`` into ``x.exe``); prefixes
    reserved device names; limits the length while keeping the extension; and
    masks CPR/CVR numbers, because names are shown and audited like findings.
    """
    text = unicodedata.normalize("NFC", str(name))
    text = text.replace("\\", "/").rsplit("/", 1)[-1]
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Zl", "Zp"))
    text = mask_identifiers(text, mask_char="x")
    text = _FORBIDDEN_RE.sub("_", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    if text.split(".", 1)[0].strip().upper() in _WINDOWS_RESERVED:
        text = "_" + text
    text = _limit_length(text)
    return text or FALLBACK_NAME


def _limit_length(text: str) -> str:
    if len(text) <= MAX_NAME_CHARS:
        return text
    stem, dot, ext = text.rpartition(".")
    if dot and stem and len(ext) <= MAX_EXTENSION_CHARS:
        return stem[: MAX_NAME_CHARS - len(ext) - 1].rstrip(" .") + "." + ext
    return text[:MAX_NAME_CHARS].rstrip(" .")


def split_extension(name: str) -> tuple[str, str]:
    """``("report", ".csv")``, case kept; a name without a dot has the extension ``""``."""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        return name, ""
    return stem, "." + ext


def unique_names(names: list[str]) -> list[str]:
    """Give repeated names a suffix (``table-2.csv``); case-insensitive, as on Windows and macOS."""
    taken = {n.lower() for n in names}
    seen: set[str] = set()
    result = []
    for name in names:
        candidate = name
        if candidate.lower() in seen:
            stem, ext = split_extension(name)
            number = 2
            while True:
                candidate = f"{stem}-{number}{ext}"
                if candidate.lower() not in seen and candidate.lower() not in taken:
                    break
                number += 1
        seen.add(candidate.lower())
        result.append(candidate)
    return result
