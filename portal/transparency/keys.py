"""The key that signs the audit log's checkpoints.

Made on first start beside a SQLite database (`<db>.audit-key.pem`, readable by its
owner only) or read from `--audit-key FILE`; PostgreSQL has no file beside it, so
there `--audit-key` is required, one file shared by every portal process. A
production deployment keeps the key in an HSM or a separate signer instead (docs/audit-log.md).
"""

from __future__ import annotations

import base64
import os
import secrets
import stat

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from rules.checkpoint import key_id, signed_text


class KeyFileError(Exception):
    """The key file cannot be used (unreadable, not an Ed25519 key, readable by others)."""


def default_path(db: str) -> str | None:
    """The key file beside a SQLite database; None for PostgreSQL."""
    if db.startswith(("postgresql://", "postgres://")):
        return None
    if db.startswith("sqlite:///"):
        db = db[len("sqlite:///"):]
    return db + ".audit-key.pem"


class CheckpointSigner:
    def __init__(self, private_key: Ed25519PrivateKey):
        self._key = private_key
        self.public_key = private_key.public_key().public_bytes(serialization.Encoding.Raw,
                                                                serialization.PublicFormat.Raw)
        self.key_id = key_id(self.public_key)

    def public(self) -> dict:
        return {"key_id": self.key_id, "public_key": base64.b64encode(self.public_key).decode("ascii")}

    def checkpoint(self, tree_size: int, root_hash: str, timestamp: str) -> dict:
        signature = self._key.sign(signed_text(tree_size, root_hash, timestamp))
        return {"tree_size": tree_size, "root_hash": root_hash, "timestamp": timestamp, "key_id": self.key_id,
                "signature": base64.b64encode(signature).decode("ascii")}


def load(path: str) -> CheckpointSigner:
    try:
        if os.name == "posix" and os.stat(path).st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise KeyFileError(f"the audit key {path} is readable by others: chmod 600 it")
        with open(path, "rb") as f:
            key = serialization.load_pem_private_key(f.read(), password=None)
    except OSError as exc:
        raise KeyFileError(f"cannot read the audit key {path}: {exc.strerror}") from None
    except ValueError:
        raise KeyFileError(f"{path} is not a PEM private key") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"{path} is not an Ed25519 key")
    return CheckpointSigner(key)


def load_or_create(path: str) -> CheckpointSigner:
    """The key in `path`, made there first if there is none. Processes starting together
    agree on one key: the file appears whole (a hard link of a finished file) or not at all."""
    if not os.path.exists(path):
        pem = Ed25519PrivateKey.generate().private_bytes(serialization.Encoding.PEM,
                                                         serialization.PrivateFormat.PKCS8,
                                                         serialization.NoEncryption())
        partial = f"{path}.{secrets.token_hex(6)}.tmp"
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(pem)
                f.flush()
                os.fsync(f.fileno())
            try:
                os.link(partial, path)
            except FileExistsError:
                pass            # another process made it first: use that one
        finally:
            os.unlink(partial)
    return load(path)
