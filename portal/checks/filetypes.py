"""What kind of file was submitted, and which files are refused outright.

Kinds: table, magnitude_table, contributors, text, log, image, pdf, office,
acro_results, empty, unknown. Refused (InvalidFile): executables and scripts,
archives, SVG and Stata graphs (as ACRO blocks them), statistical data sets and
pickles, macro-enabled Office files, PDFs with active content, and any file
whose bytes are one of those whatever its name says.
"""

import io
import json
import re
import zipfile

from .errors import InvalidFile
from .names import split_extension
from rules.textio import decode_text

EXECUTABLE_EXTENSIONS = {
    ".exe", ".dll", ".so", ".dylib", ".bat", ".cmd", ".com", ".sh", ".bash", ".zsh", ".csh", ".ksh",
    ".ps1", ".psm1", ".psd1", ".msi", ".msp", ".mst", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".wsh",
    ".hta", ".scr", ".pif", ".cpl", ".lnk", ".reg", ".jar", ".class", ".pyc", ".pyo", ".app", ".apk",
    ".deb", ".rpm", ".run", ".bin", ".elf", ".sys", ".drv", ".ocx", ".xll", ".appimage", ".gadget",
    ".application", ".inf", ".ko", ".wasm",
}
ARCHIVE_EXTENSIONS = {
    ".zip", ".tar", ".gz", ".tgz", ".bz2", ".tbz", ".xz", ".txz", ".7z", ".rar", ".zst", ".lz",
    ".lzma", ".z", ".cab", ".iso", ".dmg", ".img", ".war", ".ear", ".whl", ".egg", ".arj", ".lzh",
}
# Data sets leave the research machines as aggregated tables, never as files a
# statistics package can reopen; pickles also execute code when loaded.
DATASET_EXTENSIONS = {
    ".dta", ".sav", ".zsav", ".por", ".sas7bdat", ".sas7bcat", ".xpt", ".rds", ".rdata", ".rda",
    ".parquet", ".feather", ".arrow", ".pkl", ".pickle", ".joblib", ".npy", ".npz", ".h5", ".hdf5",
    ".sqlite", ".sqlite3", ".db", ".mdb", ".accdb", ".dbf",
}
OTHER_BLOCKED = {".svg": "SVG images can carry scripts", ".svgz": "SVG images can carry scripts",
                 ".gph": "Stata graph files cannot be checked; export the graph as PNG or PDF"}
MACRO_OFFICE_EXTENSIONS = {".xlsm", ".xltm", ".xlsb", ".xlam", ".docm", ".dotm", ".pptm", ".potm", ".ppsm"}
OFFICE_ZIP_EXTENSIONS = {".xlsx", ".docx", ".pptx", ".odt", ".ods", ".odp"}
OFFICE_OLE_EXTENSIONS = {".xls", ".doc", ".ppt"}

TABLE_EXTENSIONS = {".csv", ".tsv"}
IMAGE_EXTENSIONS = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp"}
# Program output: readable, but it holds tables we cannot parse, so a person looks.
LOG_EXTENSIONS = {".log", ".smcl", ".lst", ".out", ".ipynb", ".rout"}
TEXT_EXTENSIONS = {
    ".txt", ".md", ".markdown", ".rst", ".json", ".tex", ".bib", ".html", ".htm", ".xml", ".yaml",
    ".yml", ".toml", ".ini", ".cfg", ".py", ".r", ".rmd", ".qmd", ".do", ".ado", ".sas", ".sps",
    ".jl", ".sql", ".m", ".stan",
}
# Source code may legitimately start with "#!"; any other text file that does is a disguised script.
SHEBANG_OK_EXTENSIONS = {".py", ".r", ".jl"}

_MAGIC = [
    (b"\x7fELF", "executable"), (b"\xca\xfe\xba\xbe", "executable"), (b"\xfe\xed\xfa\xce", "executable"),
    (b"\xfe\xed\xfa\xcf", "executable"), (b"\xce\xfa\xed\xfe", "executable"), (b"\xcf\xfa\xed\xfe", "executable"),
    (b"\x00asm", "executable"), (b"PK\x03\x04", "zip"), (b"PK\x05\x06", "zip"), (b"PK\x07\x08", "zip"),
    (b"\x1f\x8b", "archive"), (b"7z\xbc\xaf\x27\x1c", "archive"), (b"Rar!\x1a\x07", "archive"),
    (b"BZh", "archive"), (b"\xfd7zXZ\x00", "archive"), (b"\x28\xb5\x2f\xfd", "archive"),
    (b"MSCF", "archive"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"\x89PNG\r\n\x1a\n", "image"), (b"\xff\xd8\xff", "image"), (b"GIF87a", "image"), (b"GIF89a", "image"),
    (b"BM", "bmp?"), (b"II*\x00", "image"), (b"MM\x00*", "image"), (b"%PDF-", "pdf"),
]
_PDF_ACTIVE_RE = re.compile(rb"/(?:JavaScript|JS|Launch|EmbeddedFiles?|RichMedia)(?![A-Za-z])")
_SVG_RE = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE\s+svg[^>]*>\s*)?<svg[\s>]",
                     re.IGNORECASE | re.DOTALL)


def classify(name: str, data: bytes) -> str:
    """The kind of a submitted file; raises InvalidFile for blocked files."""
    ext = split_extension(name)[1].lower()
    _refuse_by_extension(name, ext)
    if not data:
        return "empty"
    magic = sniff_magic(data)
    if magic is not None:
        return _kind_from_magic(name, ext, magic, data)
    text = decode_text(data)
    if text is None:
        return "unknown"
    return _kind_of_text(name, ext, text)


def sniff_magic(data: bytes) -> str | None:
    for signature, kind in _MAGIC:
        if data.startswith(signature):
            if kind == "bmp?":
                return "image" if len(data) > 14 and data[6:10] == b"\x00\x00\x00\x00" else None
            return kind
    if data.startswith(b"MZ") and _is_dos_executable(data):
        return "executable"
    if len(data) > 262 and data[257:262] == b"ustar":
        return "archive"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image"
    return None


def _is_dos_executable(data: bytes) -> bool:
    """MZ with a PE header, or MZ that is not text (a CSV may start with the letters MZ)."""
    if len(data) >= 0x40:
        offset = int.from_bytes(data[0x3C:0x40], "little")
        if data[offset:offset + 4] == b"PE\x00\x00":
            return True
    return decode_text(data) is None


def _refuse_by_extension(name: str, ext: str) -> None:
    if ext in EXECUTABLE_EXTENSIONS:
        raise InvalidFile(f"{name}: programs and scripts ({ext}) cannot be transferred", name)
    if ext in ARCHIVE_EXTENSIONS:
        raise InvalidFile(f"{name}: archives ({ext}) cannot be transferred; submit the files themselves", name)
    if ext in DATASET_EXTENSIONS:
        raise InvalidFile(f"{name}: data set files ({ext}) cannot be transferred; "
                          f"export aggregated tables as CSV", name)
    if ext in MACRO_OFFICE_EXTENSIONS:
        raise InvalidFile(f"{name}: macro-enabled Office files ({ext}) cannot be transferred", name)
    if ext in OTHER_BLOCKED:
        raise InvalidFile(f"{name}: {OTHER_BLOCKED[ext]}", name)


def _kind_from_magic(name: str, ext: str, magic: str, data: bytes) -> str:
    if magic == "executable":
        raise InvalidFile(f"{name}: the content is an executable program although the name ends in "
                          f"{ext or 'nothing'}", name)
    if magic == "zip":
        if ext in OFFICE_ZIP_EXTENSIONS:
            _refuse_office_macros(name, data)
            return "office"
        raise InvalidFile(f"{name}: the content is a ZIP archive; archives cannot be transferred", name)
    if magic == "archive":
        raise InvalidFile(f"{name}: the content is a compressed archive; archives cannot be transferred", name)
    if magic == "ole":
        if ext in OFFICE_OLE_EXTENSIONS:
            return "office"
        raise InvalidFile(f"{name}: the content is an installer or legacy Office container, "
                          f"not {ext or 'a known type'}", name)
    if magic == "pdf":
        if _PDF_ACTIVE_RE.search(data):
            raise InvalidFile(f"{name}: the PDF contains scripts, launch actions or attached files", name)
        return "pdf"
    return "image"


def _refuse_office_macros(name: str, data: bytes) -> None:
    """Look at the archive's directory only (never decompress: zip bombs)."""
    try:
        entries = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError):
        raise InvalidFile(f"{name}: not a readable Office file", name) from None
    lowered = [e.lower() for e in entries]
    if any(e.endswith("vbaproject.bin") or e.startswith("basic/") or ("activex" in e and e.endswith(".bin"))
           for e in lowered):
        raise InvalidFile(f"{name}: the Office file contains macros or ActiveX controls", name)


def _kind_of_text(name: str, ext: str, text: str) -> str:
    if _SVG_RE.match(text[:4096]):
        raise InvalidFile(f"{name}: the content is an SVG image, which can carry scripts", name)
    if text.startswith("#!") and ext not in SHEBANG_OK_EXTENSIONS:
        raise InvalidFile(f"{name}: the content is a script (it starts with #!)", name)
    if ext in TABLE_EXTENSIONS:
        return "table"
    if ext == ".json" and is_acro_bundle(text):
        return "acro_results"
    if ext in LOG_EXTENSIONS:
        return "log"
    if ext in TEXT_EXTENSIONS:
        return "text"
    # named as an image, PDF, Office file or something unknown, but holds text
    return "unknown"


def is_acro_bundle(text: str) -> bool:
    """ACRO's results.json: {"version", "results": {uid: {"status", "files", ...}}}."""
    bundle = load_acro_bundle(text)
    return bundle is not None


def load_acro_bundle(text: str) -> dict | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("results"), dict) or "version" not in data:
        return None
    outputs = data["results"].values()
    if not all(isinstance(o, dict) and "status" in o and isinstance(o.get("files"), list) for o in outputs):
        return None
    return data
