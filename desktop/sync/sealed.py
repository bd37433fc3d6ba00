"""Unsent actions rescued from a cache that cannot be used, sealed on disk.

The actions may hold TLP:RED drafts and review comments: the exported file is encrypted
(AES-256-GCM) with a key derived (HKDF-SHA256) from the cache key of the same user, the key
from the OS keyring or, without a keyring, the one derived from the password. Only a file
whose actions could not be queued again is kept at all (see session.Sessions._rebuild).
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SEALED_FORMAT = "portal-desk-unsent-actions-sealed"
_INFO = b"portal-desk rescued unsent actions v1"


class SealError(ValueError):
    """A sealed file that this key does not open, or that was changed."""


def _file_key(cache_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(cache_key)


def write_sealed(target: Path, document: dict, cache_key: bytes) -> None:
    """Write `document` (JSON) encrypted to a new file readable by the user only."""
    header = {"format": SEALED_FORMAT, "version": 1, "cipher": "AES-256-GCM", "kdf": "HKDF-SHA256(cache key)"}
    aad = json.dumps(header, sort_keys=True).encode()
    nonce = os.urandom(12)
    plain = json.dumps(document, ensure_ascii=False, default=str).encode("utf-8")
    sealed = AESGCM(_file_key(cache_key)).encrypt(nonce, plain, aad)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump({**header, "nonce": base64.b64encode(nonce).decode(),
                   "ciphertext": base64.b64encode(sealed).decode()}, f)


def read_sealed(path: str | os.PathLike, cache_key: bytes) -> dict:
    """The document of a sealed file; SealError when the key is not its key or it was changed."""
    with open(path, encoding="utf-8") as f:
        envelope = json.load(f)
    if not isinstance(envelope, dict) or envelope.get("format") != SEALED_FORMAT:
        raise SealError("not a sealed file of unsent actions")
    header = {k: envelope.get(k) for k in ("format", "version", "cipher", "kdf")}
    try:
        plain = AESGCM(_file_key(cache_key)).decrypt(base64.b64decode(envelope["nonce"]),
                                                     base64.b64decode(envelope["ciphertext"]),
                                                     json.dumps(header, sort_keys=True).encode())
    except Exception as exc:  # noqa: BLE001 - InvalidTag, bad base64, missing fields: all "cannot open"
        raise SealError("this key does not open the file, or the file was changed") from exc
    return json.loads(plain.decode("utf-8"))
