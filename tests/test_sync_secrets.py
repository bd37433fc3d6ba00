"""SecretStore: the OS keyring when it is a real one, process memory otherwise.

The autouse `memory_keyring` fixture (tests/conftest.py) stands in for the OS keyring.
"""

from __future__ import annotations

import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring.backends import fail, null
from keyring.backends.chainer import ChainerBackend

from desktop.sync.secrets import SecretStore, usable_backend
from tests.memory_keyring import MemoryKeyring

PORTAL = "https://portal.example.org"


class PlaintextKeyring(MemoryKeyring):
    """Looks like keyrings.alt's plaintext file backend (not imported on purpose)."""
    priority = 0.5


PlaintextKeyring.__module__ = "keyrings.alt.file"


class LockedKeyring(keyring.backend.KeyringBackend):
    """A real-looking keyring that fails at use (e.g. a locked Secret Service)."""
    priority = 5

    def get_password(self, service, username):
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service, username, password):
        raise keyring.errors.PasswordSetError("locked")

    def delete_password(self, service, username):
        raise keyring.errors.KeyringLocked("locked")


def test_memory_keyring_is_used(memory_keyring):
    store = SecretStore()
    assert store.available
    store.set_token(PORTAL, "anna", "tok-abc")
    store.set_cache_key(PORTAL, "anna", b"\x01" * 32)
    assert store.get_token(PORTAL + "/", "anna") == "tok-abc"     # the address is normalised
    assert store.get_cache_key(PORTAL, "anna") == b"\x01" * 32
    assert store.get_token(PORTAL, "bent") is None
    assert "tok-abc" in memory_keyring.values.values()
    store.forget(PORTAL, "anna")
    assert store.get_token(PORTAL, "anna") is None and store.get_cache_key(PORTAL, "anna") is None
    assert memory_keyring.values == {}
    store.delete_token(PORTAL, "anna")   # deleting what is not there is fine


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), PlaintextKeyring()],
                         ids=["fail", "null", "plaintext"])
def test_unusable_backends_keep_secrets_in_memory(backend):
    keyring.set_keyring(backend)
    store = SecretStore()
    assert not store.available and store.backend_name == "memory only"
    store.set_token(PORTAL, "anna", "tok-abc")
    assert store.get_token(PORTAL, "anna") == "tok-abc"
    if isinstance(backend, PlaintextKeyring):
        assert backend.values == {}
    assert "tok-abc" not in repr(store)


def test_chain_uses_its_best_safe_member(monkeypatch, memory_keyring):
    plaintext = PlaintextKeyring()
    monkeypatch.setattr(ChainerBackend, "backends", [plaintext, memory_keyring])
    assert usable_backend(ChainerBackend()) is memory_keyring
    monkeypatch.setattr(ChainerBackend, "backends", [plaintext])
    assert usable_backend(ChainerBackend()) is None
    monkeypatch.setattr(ChainerBackend, "backends", [])
    assert usable_backend(ChainerBackend()) is None


def test_keyring_failing_at_use_falls_back_to_memory():
    keyring.set_keyring(LockedKeyring())
    store = SecretStore()
    store.set_token(PORTAL, "anna", "tok-abc")
    assert store.get_token(PORTAL, "anna") == "tok-abc"
    store.delete_token(PORTAL, "anna")
    assert store.get_token(PORTAL, "anna") is None


def test_cache_key_must_be_32_bytes():
    with pytest.raises(ValueError):
        SecretStore().set_cache_key(PORTAL, "anna", b"short")


def test_probe_settles_a_locked_keyring_as_none():
    keyring.set_keyring(LockedKeyring())
    store = SecretStore()
    assert store.available                     # a real-looking keyring, until it is tried
    assert store.probe() is False
    assert not store.available and store.unavailable_reason == "unusable" and store.backend_name == "memory only"
    assert store.set_cache_key(PORTAL, "anna", b"\x02" * 32) is False
    assert store.get_cache_key(PORTAL, "anna") == b"\x02" * 32     # this process only


def test_first_failed_write_settles_it_too():
    keyring.set_keyring(LockedKeyring())
    store = SecretStore()
    store.set_token(PORTAL, "anna", "tok-abc")
    assert not store.available and store.unavailable_reason == "unusable"


def test_probe_passes_on_a_working_keyring_and_leaves_nothing(memory_keyring):
    store = SecretStore()
    assert store.probe() is True and store.available and store.unavailable_reason is None
    assert memory_keyring.values == {}
    assert store.set_cache_key(PORTAL, "anna", b"\x03" * 32) is True


class ForgetfulKeyring(MemoryKeyring):
    """Accepts writes and keeps nothing."""
    priority = 5

    def set_password(self, service, username, password):
        pass


def test_probe_reads_back_what_it_wrote():
    keyring.set_keyring(ForgetfulKeyring())
    store = SecretStore()
    assert store.probe() is False and store.unavailable_reason == "unusable"
