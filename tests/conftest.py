import inspect
import os

import keyring
import pytest

from tests.pg_cluster import pg_cluster  # noqa: F401  (the session's PostgreSQL, a fixture)
from tests.memory_keyring import MemoryKeyring
from tests.portal_process import PortalProcess

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The portal's API suites run against both database backends (SQLite and PostgreSQL):
# their `portal`, `fresh_portal` and `make_portal` fixtures are parametrised by `db_backend`.
# Every other module runs on SQLite only.
BOTH_BACKEND_MODULES = {
    "test_portal_core", "test_applications_api", "test_warnings_api", "test_outputs_api",
    "test_portal_multiprocess", "test_portal_store", "test_sync_e2e", "test_admin_api",
    "test_incidents_api", "test_security_pentest_portal", "test_security_release_path", "test_output_reviews_api",
    "test_transparency_api", "test_security_transparency",
    "test_certification_api",
}
BACKENDS = {"sqlite": ["sqlite"], "postgresql": ["postgresql"], "both": ["sqlite", "postgresql"]}


def pytest_addoption(parser):
    parser.addoption("--slow", action="store_true", default=False, help="run the long variants too")
    parser.addoption("--db-backend", choices=sorted(BACKENDS), default=os.environ.get("PORTAL_TEST_DB_BACKEND", "both"),
                     help="database backend(s) for the portal API suites (default: both; PostgreSQL variants are "
                          "skipped when it is not installed, unless PORTAL_TEST_PG=require)")


def pytest_generate_tests(metafunc):
    if "db_backend" in metafunc.fixturenames and metafunc.module.__name__.rpartition(".")[2] in BOTH_BACKEND_MODULES:
        metafunc.parametrize("db_backend", BACKENDS[metafunc.config.getoption("--db-backend")],
                             indirect=True, scope="module")


def _opens_sqlite_directly(item) -> bool:
    try:
        source = inspect.getsource(item.function)
    except (OSError, TypeError):
        return False
    return "SqliteStore(" in source or "sqlite3.connect(" in source


def pytest_collection_modifyitems(config, items):
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("db_backend") == "postgresql" and _opens_sqlite_directly(item):
            item.add_marker(pytest.mark.skip(
                reason="opens the portal's database as SQLite; use portal.store() or open_store(portal.db) "
                       "to run on both backends"))
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="long variant: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def memory_keyring():
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend


@pytest.fixture(scope="module")
def db_backend(request):
    """The portal's database backend: "sqlite", or "postgresql" in the API suites' second run."""
    backend = getattr(request, "param", "sqlite")
    if backend == "postgresql":
        request.getfixturevalue("pg_cluster")
    return backend


@pytest.fixture(scope="module")
def portal(db_backend):
    """A demo portal for one test module."""
    p = PortalProcess(backend=db_backend).start()
    yield p
    p.close()


@pytest.fixture
def fresh_portal(db_backend):
    """A demo portal for one test (for tests that change much or kill it)."""
    p = PortalProcess(backend=db_backend).start()
    yield p
    p.close()


@pytest.fixture
def make_portal(db_backend):
    """Makes portal processes (not started) on the module's backend; closes them after the test."""
    made = []

    def make(**kwargs):
        kwargs.setdefault("backend", db_backend)
        made.append(PortalProcess(**kwargs))
        return made[-1]

    yield make
    for p in reversed(made):
        p.close()


@pytest.fixture
def desk_factory(qtbot):
    """Start real clients (DeskApp) for a test; they are shut down after it."""
    from tests.client_helpers import start_client
    started = []

    def make(portal, data_dir, *extra):
        desk = start_client(qtbot, portal, data_dir, *extra)
        started.append(desk)
        return desk

    yield make
    for desk in started:
        desk.shutdown()


@pytest.fixture(scope="session", autouse=True)
def english_plurals(qapp):
    """The English plural forms ("1 action", "2 actions") installed as the app installs them."""
    from desktop.app import install_translations
    from PySide6.QtCore import QLocale
    from tests.test_i18n import i18n
    i18n.release(if_outdated=True)
    old_locale = QLocale()
    install_translations(qapp, "en")
    QLocale.setDefault(old_locale)
    yield
