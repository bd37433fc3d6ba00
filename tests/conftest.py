import os

import keyring
import keyring.backend
import pytest

from tests.portal_process import PortalProcess

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_addoption(parser):
    parser.addoption("--slow", action="store_true", default=False, help="run the long variants too")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="long variant: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """The OS keyring stands outside the project: tests keep secrets in memory."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.values = {}

    def get_password(self, service, username):
        return self.values.get((service, username))

    def set_password(self, service, username, password):
        self.values[(service, username)] = password

    def delete_password(self, service, username):
        if (service, username) not in self.values:
            import keyring.errors
            raise keyring.errors.PasswordDeleteError(username)
        del self.values[(service, username)]


@pytest.fixture(autouse=True)
def memory_keyring():
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend


@pytest.fixture(scope="module")
def portal():
    """A demo portal for one test module."""
    p = PortalProcess().start()
    yield p
    p.close()


@pytest.fixture
def fresh_portal():
    """A demo portal for one test (for tests that change much or kill it)."""
    p = PortalProcess().start()
    yield p
    p.close()
