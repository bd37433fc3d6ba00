"""Passwords, TOTP, lockout and session tokens."""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import hmac
import secrets
import time

import pyotp


# OWASP's minimum for scrypt (Password Storage Cheat Sheet): N=2^17, r=8, p=1 (128 MiB, a
# fraction of a second per check). Older hashes are rehashed at the next successful sign-in.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
MAX_SCRYPT_N = 2**20       # what a stored hash may ask for (bounds the memory a check takes)
LOCKOUT_FAILURES = 5
LOCKOUT_WINDOW = 15 * 60
TOKEN_TTL = 8 * 3600
TOTP_STEP = 30


def _maxmem(n: int, r: int, p: int) -> int:
    # scrypt needs 128 * r * (n + p) bytes and a little more; OpenSSL's default cap is 32 MiB.
    return 128 * r * (n + p + 2) + 1024 * 1024


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    return hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, dklen=dklen, maxmem=_maxmem(n, r, p))


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, 32)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
        n, r, p = int(n), int(r), int(p)
        if not (1 < n <= MAX_SCRYPT_N and 0 < r <= 32 and 0 < p <= 16):
            return False
        candidate = _scrypt(password, bytes.fromhex(salt), n, r, p, len(digest) // 2)
    except (ValueError, TypeError, MemoryError):
        return False
    return hmac.compare_digest(candidate.hex(), digest)


def needs_rehash(stored: str) -> bool:
    """Whether a stored hash was made with other parameters than today's."""
    try:
        kind, n, r, p, _salt, _digest = stored.split("$")
        return kind != "scrypt" or (int(n), int(r), int(p)) != (SCRYPT_N, SCRYPT_R, SCRYPT_P)
    except (ValueError, AttributeError):
        return True


@functools.lru_cache(maxsize=1)
def dummy_hash() -> str:
    """A hash to verify against when the username is unknown, so that the answer takes as long
    as for a real user and does not tell whether it exists. Made on first need, once per process."""
    return hash_password(secrets.token_hex(8))


def totp_step(secret: str, code: str, now: float) -> int | None:
    """The time step (one step of drift either side) whose code matches, or None."""
    if not (isinstance(code, str) and len(code) == 6 and code.isdigit()):
        return None
    totp = pyotp.TOTP(secret)
    current = int(now // TOTP_STEP)
    for step in (current - 1, current, current + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def user_for_token(tx, token: str, now: float) -> dict | None:
    record = tx.token_get(hash_token(token))
    if record is None or record["revoked"] or record["expires_at"] <= now:
        return None
    user = tx.user_by_id(record["user_id"])
    if user is None or not user["active"]:
        return None
    return effective(user, now)


def grant_live(grant: dict, now: float) -> bool:
    """A grant holds until its expiry (ISO 8601 UTC), exclusive; none: it stands."""
    until = grant.get("expires_at")
    if not until:
        return True
    try:
        return _dt.datetime.strptime(until, "%Y-%m-%dT%H:%M:%SZ").replace(
            tzinfo=_dt.timezone.utc).timestamp() > now
    except (TypeError, ValueError):
        return False


def effective(user: dict, now: float) -> dict:
    """The user with the roles of live grants only: a time-limited grant falls away by
    itself at its expiry, whether or not the sweep has removed it yet."""
    live = {g["role"] for g in user.get("grants") or [] if grant_live(g, now)}
    return dict(user, roles=[r for r in user["roles"] if r in live])


def now() -> float:
    return time.time()
