"""The real client with a real Secret Service (GNOME keyring on D-Bus), one case per run.

Not collected by itself (the name does not start with test_): tests/test_secret_service.py
runs it inside `dbus-run-session` on a private session bus without D-Bus activation, with
PORTAL_SECRET_SERVICE_CASE set to one of
- `unlocked`: gnome-keyring-daemon with its login keyring unlocked;
- `locked`: the login keyring exists but the daemon was started with the wrong password
  (as after an auto-login or in a remote session), so every write raises KeyringLocked;
- `absent`: no Secret Service on the bus at all.
Each case: two starts of the real client with a decision queued offline in between; the
decision reaches the portal after the second start, and the secrets are where the README's
security notes say.
"""

from __future__ import annotations

import os
import subprocess
from contextlib import closing
from pathlib import Path

import keyring
import keyring.core
import pytest
import secretstorage

from desktop.sync.cache import SALT_SUFFIX
from desktop.sync.outbox import Outbox
from desktop.sync.secrets import normalise_portal
from tests.client_helpers import sign_in_through_dialog, start_client, wait_for_sync
from tests.memory_keyring import MemoryKeyring
from tests.faults import feed_state, queue_review, reviews_by, submit_application
from tests.portal_process import PortalProcess, wait_until

CASE = os.environ.get("PORTAL_SECRET_SERVICE_CASE")
RIGHT, WRONG = "login-password", "not-the-login-password"

pytestmark = pytest.mark.skipif(CASE is None, reason="run by tests/test_secret_service.py under dbus-run-session")


def secret_service_on_bus() -> bool:
    with closing(secretstorage.dbus_init()) as connection:
        return secretstorage.check_service_availability(connection)


class KeyringDaemon:
    """gnome-keyring-daemon (secrets component) in the foreground, its login keyring unlocked
    with `password` (or created with it when there is none yet)."""

    def __init__(self, password: str):
        self.proc = subprocess.Popen(["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
                                     stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.proc.stdin.write(password.encode())
        self.proc.stdin.close()
        wait_until(secret_service_on_bus, timeout=20, message="the Secret Service on the bus")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)
        wait_until(lambda: not secret_service_on_bus(), timeout=20, message="the Secret Service to leave")


def lookup(name: str) -> str | None:
    """What the Secret Service holds for one of our entries (None: nothing, or locked)."""
    r = subprocess.run(["secret-tool", "lookup", "service", "portal-desk", "username", name],
                       capture_output=True, text=True, timeout=20)
    return r.stdout if r.returncode == 0 and r.stdout else None


@pytest.fixture(autouse=True)
def memory_keyring():
    """Overrides the suite's in-memory stand-in: here the OS keyring is the real one (see os_keyring)."""
    yield None


def os_keyring():
    """The backend keyring finds on this bus, as at the app's start (the suite's stand-in, imported
    by its conftest, is left out of the choice)."""
    keyring.core.init_backend(limit=lambda backend: not isinstance(backend, MemoryKeyring))
    return keyring.get_keyring()


@pytest.fixture
def daemon():
    started = []

    def start(password):
        started.append(KeyringDaemon(password))
        return started[-1]

    yield start
    for d in started:
        if d.proc.poll() is None:
            d.proc.terminate()
            d.proc.wait(10)


def files_holding(root: Path, secret: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]


def test_two_starts_with_a_decision_queued_offline(qtbot, tmp_path, daemon):
    home = Path(os.environ["HOME"])
    if CASE == "unlocked":
        daemon(RIGHT)
    elif CASE == "locked":
        first = daemon(RIGHT)            # makes the login keyring ...
        wait_until(lambda: any(home.rglob("login.keyring")), timeout=20, message="the login keyring on disk")
        first.stop()
        locked = daemon(WRONG)           # ... which stays locked from now on
    else:
        assert CASE == "absent" and not secret_service_on_bus()

    backend = os_keyring()
    assert ("SecretService" in type(backend).__module__) == (CASE != "absent"), backend
    portal = PortalProcess().start()
    desks = []
    try:
        app_id = submit_application(portal, portal.session("rikke"), "Keyring case " + CASE)
        data = tmp_path / "desk"

        # -- first start: sign in, sync, the portal goes away, a decision is queued offline ----------
        desk = start_client(qtbot, portal, data)
        desks.append(desk)
        sign_in_through_dialog(qtbot, desk, portal, "anna")
        assert wait_for_sync(qtbot, desk).error is None
        ws = desk.workspace
        token, cache_file = ws.client.token, ws.cache.path
        portal_id = normalise_portal(ws.portal_id)
        salt = Path(f"{cache_file}{SALT_SUFFIX}")
        if CASE == "unlocked":
            assert desk.sessions.secrets.available and not ws.key_from_password
            assert getattr(desk, "keyring_notice", None) is None
            assert lookup(f"token:{portal_id}:anna") == token
            assert len(bytes.fromhex(lookup(f"cache-key:{portal_id}:anna"))) == 32
            assert not salt.exists()
        else:
            assert not desk.sessions.secrets.available and ws.key_from_password
            qtbot.waitUntil(lambda: desk.keyring_notice.isVisible(), timeout=5000)
            expected = "locked" if CASE == "locked" else "no usable keyring"
            assert expected in desk.keyring_notice.text()
            assert salt.exists()
            assert lookup(f"token:{portal_id}:anna") is None
        assert files_holding(home, token) == []        # never a plaintext keyring file

        portal.stop()
        action = queue_review(ws.cache, app_id, "queued offline " + CASE)
        desk.shutdown()

        # -- second start: the decision is sent -------------------------------------------------------
        portal.start()
        desk = start_client(qtbot, portal, data)
        desks.append(desk)
        if CASE != "unlocked":   # nothing was kept but the salt: the password opens the copy again
            sign_in_through_dialog(qtbot, desk, portal, "anna")
        # unlocked: the session token in the keyring resumes without a sign-in
        qtbot.waitUntil(lambda: desk.workspace is not None, timeout=30000)
        ws = desk.workspace
        assert ws.notes == [] and ws.cache.path == cache_file      # the same copy, not a rebuilt one
        qtbot.waitUntil(lambda: Outbox(ws.cache).get(action["id"])["state"] == "done", timeout=30000)
        assert reviews_by(feed_state(portal.api, portal.token("admin")), app_id, "u-anna") == 1
        assert files_holding(home, ws.client.token) == []
        desk.shutdown()

        if CASE == "locked":
            # The keyring becomes readable again: the copy made with the password-derived key is not
            # stranded (the salt file decides), and from now on the key is kept in the keyring.
            locked.stop()
            daemon(RIGHT)
            desk = start_client(qtbot, portal, data)
            desks.append(desk)
            sign_in_through_dialog(qtbot, desk, portal, "anna")
            qtbot.waitUntil(lambda: desk.workspace is not None, timeout=30000)
            ws = desk.workspace
            assert ws.notes == [] and ws.key_from_password and desk.sessions.secrets.available
            assert Outbox(ws.cache).get(action["id"])["state"] == "done"
            assert lookup(f"token:{portal_id}:anna") == ws.client.token
            assert sorted(p.name for p in Path(cache_file).parent.iterdir() if "unusable" in p.name) == []
            desk.shutdown()
    finally:
        for d in desks:
            d.shutdown()
        portal.close()
