"""Indicators of compromise in incident reports: what is valid, its normal form, its defanged display.

The portal refuses an invalid indicator (422 `invalid_field`); the desktop uses the
same functions to check a value early and to show indicators defanged
(`hxxp://`, `example[.]org`) so that nobody opens one by a click.

Parsing is left to kept code: the standard library's `ipaddress` and `urllib.parse`,
the `idna` codec (UTS 46 mapping) for domain names, `email-validator` for addresses.
What is checked here on top is what those accept but an indicator must not hold:
characters that are not printable, white space, IPv6 scope ids, one-label names.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import urlsplit

import idna
from email_validator import EmailNotValidError, validate_email

from .cve import FIRST_YEAR, is_cve

TYPES = ("ipv4", "ipv6", "domain", "url", "sha256", "md5", "email", "cve")
MAX_VALUE = 2048
URL_SCHEMES = ("http", "https", "ftp")

_LABEL_RE = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$", re.ASCII)
_HEX_RE = {"sha256": re.compile(r"^[0-9a-f]{64}$", re.ASCII), "md5": re.compile(r"^[0-9a-f]{32}$", re.ASCII)}


class InvalidIndicator(ValueError):
    """The value is not a valid indicator of its type; the message says why (plain English)."""


def _printable(value: str) -> None:
    """No control, format (bidi overrides, zero-width), separator or unpaired surrogate characters."""
    for ch in value:
        category = unicodedata.category(ch)
        if category[0] in "CZ" and ch != " " or ch.isspace():
            raise InvalidIndicator(f"holds a character that is not allowed (U+{ord(ch):04X})")


def normalise(kind: str, value: str) -> str:
    """The normal form of a valid indicator (the form compared for duplicates); raises InvalidIndicator."""
    if kind not in TYPES:
        raise InvalidIndicator(f"unknown type {kind!r} (one of {', '.join(TYPES)})")
    if not isinstance(value, str) or not value:
        raise InvalidIndicator("must be a non-empty string")
    if len(value) > MAX_VALUE:
        raise InvalidIndicator(f"longer than {MAX_VALUE} characters")
    _printable(value)
    return _NORMALISERS[kind](value)


def _ipv4(value: str) -> str:
    try:
        return str(ipaddress.IPv4Address(value))
    except ValueError as problem:
        raise InvalidIndicator(f"not an IPv4 address ({problem})") from None


def _ipv6(value: str) -> str:
    if "%" in value:
        raise InvalidIndicator("an IPv6 scope id (%...) is local to one machine; give the address alone")
    try:
        return str(ipaddress.IPv6Address(value))
    except ValueError as problem:
        raise InvalidIndicator(f"not an IPv6 address ({problem})") from None


def domain(value: str) -> str:
    """A domain name in its ASCII (IDNA) form, lower case: at least two labels of letters,
    digits and hyphens, not all-numeric at the top (that would be an address)."""
    if len(value) > 253 or value.endswith(".") or ".." in value:
        raise InvalidIndicator("not a domain name (too long, or an empty label)")
    try:
        ascii_name = idna.encode(value, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError) as problem:
        raise InvalidIndicator(f"not a domain name ({problem})") from None
    labels = ascii_name.split(".")
    if len(labels) < 2 or len(ascii_name) > 253:
        raise InvalidIndicator("a domain name has at least two labels (example.org)")
    for label in labels:
        if not _LABEL_RE.match(label):
            raise InvalidIndicator(f"label {label!r} is not letters, digits and hyphens")
    if labels[-1].isdigit():
        raise InvalidIndicator("the last label is all digits: give an address as ipv4")
    return ascii_name


def _url(value: str) -> str:
    try:
        parts = urlsplit(value)
        port = parts.port          # raises ValueError for a port that is not a number in range
        host = parts.hostname
    except ValueError as problem:
        raise InvalidIndicator(f"not a URL ({problem})") from None
    scheme = parts.scheme.lower()
    if scheme not in URL_SCHEMES:
        raise InvalidIndicator(f"a URL here is {', '.join(URL_SCHEMES)} (not {parts.scheme or 'without a scheme'})")
    if not host:
        raise InvalidIndicator("a URL needs a host")
    if parts.netloc.rsplit("@", 1)[-1].startswith("["):
        normal_host = f"[{_ipv6(host)}]"
    else:
        try:
            normal_host = _ipv4(host)
        except InvalidIndicator:
            normal_host = domain(host)
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = (userinfo + "@" if userinfo else "") + normal_host + (f":{port}" if port is not None else "")
    return parts._replace(scheme=scheme, netloc=netloc).geturl()


def _hash(kind: str):
    def check(value: str) -> str:
        lowered = value.lower()
        if not _HEX_RE[kind].match(lowered):
            digits = 64 if kind == "sha256" else 32
            raise InvalidIndicator(f"a {kind} is {digits} hexadecimal digits")
        return lowered
    return check


def _email(value: str) -> str:
    try:
        found = validate_email(value, check_deliverability=False)
    except EmailNotValidError as problem:
        raise InvalidIndicator(f"not an e-mail address ({problem})") from None
    local, _, host = found.normalized.rpartition("@")
    return f"{local}@{domain(host)}"


def cve(value: str) -> str:
    """A CVE id in ASCII: CVE-YYYY-NNNN (four or more digits), as warnings take them (rules.cve)."""
    if not is_cve(value) or int(value[4:8]) < FIRST_YEAR:
        raise InvalidIndicator("not a CVE id (CVE-YYYY-NNNN, ASCII digits)")
    return value


_NORMALISERS = {"ipv4": _ipv4, "ipv6": _ipv6, "domain": domain, "url": _url, "sha256": _hash("sha256"),
                "md5": _hash("md5"), "email": _email, "cve": cve}


def key(kind: str, value: str) -> str:
    """What two reports share when they name the same indicator (type and normal form)."""
    return f"{kind}:{value}"


def defang(kind: str, value: str) -> str:
    """A display form that no viewer turns into a live link: hxxp://, example[.]org, 192[.]0[.]2[.]1, a[@]b[.]org
    (IPv6 addresses are never linked and stay as they are)."""
    if kind in ("domain", "ipv4"):
        return value.replace(".", "[.]")
    if kind == "email":
        local, _, host = value.rpartition("@")
        return f"{local}[@]{host.replace('.', '[.]')}"
    if kind == "url":
        scheme, sep, rest = value.partition("://")
        if not sep:
            return value.replace(".", "[.]")
        scheme = {"http": "hxxp", "https": "hxxps", "ftp": "fxp"}.get(scheme.lower(), scheme)
        host_end = len(rest)
        for mark in "/?#":
            at = rest.find(mark)
            if at != -1:
                host_end = min(host_end, at)
        return f"{scheme}://{rest[:host_end].replace('.', '[.]')}{rest[host_end:]}"
    return value
