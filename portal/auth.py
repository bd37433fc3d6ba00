"""Passwords, TOTP, lockout and session tokens."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

import pyotp

from .errors import ApiError

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
LOCKOUT_FAILURES = 5
LOCKOUT_WINDOW = 15 * 60
TOKEN_TTL = 8 * 3600
TOTP_STEP = 30


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
        candidate = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                                   dklen=len(digest) // 2)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(candidate.hex(), digest)


# A fixed hash to verify against when the username is unknown, so that the
# answer takes as long as for a real user and does not tell whether it exists.
_DUMMY_HASH = hash_password(secrets.token_hex(8))


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


def sign_in(tx, username: str, password: str, code: str, now: float, token_ttl: float = TOKEN_TTL) -> tuple[dict, str, float]:
    """Check credentials and TOTP; return (user, token, expires_at) or raise the contract's refusal.

    Failures are recorded by the caller in its own transaction (they must stay
    even though the refusal rolls nothing else back).
    """
    recent = tx.failures(username, now - LOCKOUT_WINDOW)
    if len(recent) >= LOCKOUT_FAILURES:
        retry_after = max(1, int(recent[LOCKOUT_FAILURES - 1] + LOCKOUT_WINDOW - now) + 1)
        raise ApiError(429, "too_many_attempts",
                       "Too many failed sign-in attempts. Try again later.",
                       extra={"retry_after": retry_after}, headers={"Retry-After": str(retry_after)})
    user = tx.user_by_username(username)
    password_ok = verify_password(password, user["password_hash"] if user else _DUMMY_HASH)
    if user is None or not user["active"] or not password_ok:
        raise ApiError(401, "invalid_credentials", "Wrong username, password or code.")
    step = totp_step(user["totp_secret"], code, now)
    if step is None:
        raise ApiError(401, "invalid_credentials", "Wrong username, password or code.")
    last = tx.totp_last_step(user["id"])
    # RFC 6238 section 5.2: a code (and any older one) is accepted once only.
    if last is not None and step <= last:
        raise ApiError(401, "totp_replayed", "This code has already been used. Wait for the next code.")
    tx.totp_set_step(user["id"], step)
    tx.failures_clear(username)
    token = new_token()
    expires_at = now + token_ttl
    tx.token_insert(hash_token(token), user["id"], now, expires_at)
    return user, token, expires_at


def user_for_token(tx, token: str, now: float) -> dict | None:
    record = tx.token_get(hash_token(token))
    if record is None or record["revoked"] or record["expires_at"] <= now:
        return None
    user = tx.user_by_id(record["user_id"])
    if user is None or not user["active"]:
        return None
    return user


def now() -> float:
    return time.time()
