"""Secrets (session tokens, cache keys) in the OS keyring, or in memory only.

A keyring backend that would write secrets to a plain or password-less file is
treated as no keyring at all: keyring's fail and null backends, every backend
from the third-party `keyrings.*` namespace (the alternative backends that store
in plain or password-protected files) and any backend whose name says plaintext
or file. Then `available` is False and secrets live in this
process's memory only (the user signs in again after a restart; the cache key is
derived from the password, see cache.cache_key_for).

A real keyring that cannot be used (a locked Secret Service whose unlock prompt
was dismissed or cannot be shown, a daemon that went away) counts as no keyring
too: `probe()` writes and reads back a throw-away entry at sign-in, and the first
failed read or write (KeyringLocked included) settles it the same way for the
rest of the process, so nothing is promised to persist that only memory holds.

Secrets never appear in log messages, reprs or exceptions raised here.
"""

from __future__ import annotations

import logging
import secrets
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


NO_KEYRING = "none"          # no keyring, or only an unsafe one
KEYRING_UNUSABLE = "unusable"  # a real keyring that refused a read or write (e.g. locked)


class SecretStore:
    """get/set/delete the session token and the cache key per (portal, username)."""

    def __init__(self, service: str = "portal-desk", backend: object | None = None):
        self.service = service
        self._backend = usable_backend(backend)
        self._memory: dict[str, str] = {}
        self._lock = threading.Lock()
        self._failure: str | None = None       # the exception type that made the keyring unusable
        if self._backend is None:
            log.warning("no usable OS keyring: secrets are kept in memory only")

    def __repr__(self) -> str:
        return f"<SecretStore {self.service} keyring={self.backend_name}>"

    @property
    def available(self) -> bool:
        """True while secrets written here are expected to outlive the process."""
        return self._backend is not None and self._failure is None

    @property
    def unavailable_reason(self) -> str | None:
        """None when available; NO_KEYRING or KEYRING_UNUSABLE otherwise."""
        if self._backend is None:
            return NO_KEYRING
        return KEYRING_UNUSABLE if self._failure is not None else None

    @property
    def backend_name(self) -> str:
        return type(self._backend).__name__ if self.available else "memory only"

    def probe(self) -> bool:
        """Write a throw-away entry, read it back and delete it: whether secrets persist.

        Called at sign-in, before anything is stored. A keyring that fails here is
        not used again by this process (its secrets stay in memory)."""
        with self._lock:
            if not self.available:
                return False
            name, value = f"probe:{secrets.token_hex(8)}", secrets.token_hex(16)
            try:
                self._backend.set_password(self.service, name, value)
                back = self._backend.get_password(self.service, name)
                self._backend.delete_password(self.service, name)
            except Exception as exc:   # keyring, D-Bus and prompt errors alike
                self._give_up(exc)
                return False
            if back != value:
                self._give_up(None)
                return False
            return True

    def _give_up(self, exc: BaseException | None) -> None:
        """The keyring does not keep what is written to it: memory only from now on."""
        if self._failure is None:
            self._failure = type(exc).__name__ if exc is not None else "read-back mismatch"
            log.warning("the OS keyring cannot be used (%s): secrets are kept in memory only", self._failure)

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

    def set_cache_key(self, portal: str, username: str, key: bytes) -> bool:
        """Keep the key; True when it went to the keyring (it outlives the process)."""
        if not isinstance(key, bytes) or len(key) != 32:
            raise ValueError("a cache key is 32 bytes")
        return self._set(self._name("cache-key", portal, username), key.hex())

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

    # A failed read or write ends the keyring's use for this process: asking a locked
    # keyring again would only raise its unlock prompt again and again.
    def _get(self, name: str) -> str | None:
        with self._lock:
            if name in self._memory or not self.available:
                return self._memory.get(name)
            try:
                return self._backend.get_password(self.service, name)
            except Exception as exc:
                self._give_up(exc)
                return None

    def _set(self, name: str, value: str) -> bool:
        if not isinstance(value, str) or not value:
            raise ValueError("a secret is a non-empty string")
        with self._lock:
            if self.available:
                try:
                    self._backend.set_password(self.service, name, value)
                    self._memory.pop(name, None)
                    return True
                except Exception as exc:
                    self._give_up(exc)
            self._memory[name] = value
            return False

    def _delete(self, name: str) -> None:
        with self._lock:
            self._memory.pop(name, None)
            if self.available:
                try:
                    self._backend.delete_password(self.service, name)
                except keyring.errors.PasswordDeleteError:
                    pass
                except Exception as exc:
                    log.warning("keyring delete failed (%s)", type(exc).__name__)
