"""Secrets (session tokens, cache keys) in the OS keyring, or in memory only.

A keyring backend that would write secrets to a plain or password-less file is
treated as no keyring at all: keyring's fail and null backends, every backend
from the third-party `keyrings.*` namespace (the alternative backends that store
in plain or password-protected files) and any backend whose name says plaintext
or file. Then `available` is False and secrets live in this
process's memory only (the user signs in again after a restart; the cache key is
derived from the password, see cache.cache_key_for).

Secrets never appear in log messages, reprs or exceptions raised here.
"""

from __future__ import annotations

import logging
import threading
from urllib.parse import urlsplit

import keyring
import keyring.errors
from keyring.backends.chainer import ChainerBackend

log = logging.getLogger(__name__)

# "keyrings." (with the s) is the third-party namespace of file-based alternatives.
_UNUSABLE_MODULE_PREFIXES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.")
_UNUSABLE_NAME_PARTS = ("plaintext", "file", "null", "fail")


def _is_unusable(backend: object) -> bool:
    cls = type(backend)
    module = (cls.__module__ or "").lower()
    name = cls.__name__.lower()
    if module.startswith(_UNUSABLE_MODULE_PREFIXES):
        return True
    if any(part in name for part in _UNUSABLE_NAME_PARTS) or "plaintext" in module or "file" in module:
        return True
    try:
        return float(getattr(backend, "priority", 1)) <= 0
    except Exception:  # a backend's priority may probe the system and fail
        return True


def usable_backend(backend: object | None = None) -> object | None:
    """The keyring backend secrets may go to, or None when there is no safe one.

    A chain is reduced to its best safe member (a chain would otherwise write to
    whichever member ranks first, which may be a plaintext file)."""
    backend = backend if backend is not None else keyring.get_keyring()
    if isinstance(backend, ChainerBackend):
        safe = [b for b in backend.backends if not _is_unusable(b)]
        return safe[0] if safe else None
    return None if _is_unusable(backend) else backend


def normalise_portal(portal: str) -> str:
    parts = urlsplit(portal.strip())
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{parts.path.rstrip('/')}"


class SecretStore:
    """get/set/delete the session token and the cache key per (portal, username)."""

    def __init__(self, service: str = "portal-desk", backend: object | None = None):
        self.service = service
        self._backend = usable_backend(backend)
        self._memory: dict[str, str] = {}
        self._lock = threading.Lock()
        if self._backend is None:
            log.warning("no usable OS keyring: secrets are kept in memory only")

    def __repr__(self) -> str:
        return f"<SecretStore {self.service} keyring={self.backend_name}>"

    @property
    def available(self) -> bool:
        return self._backend is not None

    @property
    def backend_name(self) -> str:
        return type(self._backend).__name__ if self._backend is not None else "memory only"

    # -- token ----------------------------------------------------------------
    def get_token(self, portal: str, username: str) -> str | None:
        return self._get(self._name("token", portal, username))

    def set_token(self, portal: str, username: str, token: str) -> None:
        self._set(self._name("token", portal, username), token)

    def delete_token(self, portal: str, username: str) -> None:
        self._delete(self._name("token", portal, username))

    # -- cache key --------------------------------------------------------------
    def get_cache_key(self, portal: str, username: str) -> bytes | None:
        value = self._get(self._name("cache-key", portal, username))
        if value is None:
            return None
        try:
            key = bytes.fromhex(value)
        except ValueError:
            return None
        return key if len(key) == 32 else None

    def set_cache_key(self, portal: str, username: str, key: bytes) -> None:
        if not isinstance(key, bytes) or len(key) != 32:
            raise ValueError("a cache key is 32 bytes")
        self._set(self._name("cache-key", portal, username), key.hex())

    def delete_cache_key(self, portal: str, username: str) -> None:
        self._delete(self._name("cache-key", portal, username))

    def forget(self, portal: str, username: str) -> None:
        """Delete everything held for this user on this portal."""
        self.delete_token(portal, username)
        self.delete_cache_key(portal, username)

    # -- plumbing -----------------------------------------------------------------
    @staticmethod
    def _name(kind: str, portal: str, username: str) -> str:
        if not username or not isinstance(username, str):
            raise ValueError("a username is needed")
        return f"{kind}:{normalise_portal(portal)}:{username}"

    def _get(self, name: str) -> str | None:
        with self._lock:
            if self._backend is not None:
                try:
                    value = self._backend.get_password(self.service, name)
                    if value is not None:
                        return value
                except keyring.errors.KeyringError as exc:
                    log.warning("keyring read failed (%s); using memory", type(exc).__name__)
            return self._memory.get(name)

    def _set(self, name: str, value: str) -> None:
        if not isinstance(value, str) or not value:
            raise ValueError("a secret is a non-empty string")
        with self._lock:
            if self._backend is not None:
                try:
                    self._backend.set_password(self.service, name, value)
                    self._memory.pop(name, None)
                    return
                except keyring.errors.KeyringError as exc:
                    log.warning("keyring write failed (%s); kept in memory only", type(exc).__name__)
            self._memory[name] = value

    def _delete(self, name: str) -> None:
        with self._lock:
            self._memory.pop(name, None)
            if self._backend is not None:
                try:
                    self._backend.delete_password(self.service, name)
                except keyring.errors.PasswordDeleteError:
                    pass
                except keyring.errors.KeyringError as exc:
                    log.warning("keyring delete failed (%s)", type(exc).__name__)
