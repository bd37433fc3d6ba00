"""Turning submitted bytes into text, or deciding that they are not text."""

import codecs

_SAMPLE = 64 * 1024
# Control characters that do not occur in text files (tab, LF, CR, FF are fine).
_BINARY_CONTROLS = bytes(c for c in range(32) if c not in (9, 10, 12, 13))


def decode_text(data: bytes) -> str | None:
    """Decode a text file (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252).

    Returns None for binary content. Windows-1252 is the fallback because
    Danish spreadsheet exports (æ, ø, å) are often written in it.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if looks_binary(data):
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    sample = data[:_SAMPLE]
    if not sample:
        return False
    controls = sum(sample.count(bytes([c])) for c in _BINARY_CONTROLS)
    return controls > len(sample) // 100
