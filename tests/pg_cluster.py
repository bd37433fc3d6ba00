"""A throwaway PostgreSQL cluster for the tests, and the pytest fixture that provides it.

The cluster is started on first use, once per test session: `initdb` into a
temporary directory, then `pg_ctl start` on a free loopback port with its
socket in that directory (as an ordinary user when the tests run as root:
PostgreSQL refuses to run as root). Every portal under test gets its own
database in it (`new_database()`), dropped when the portal is closed; the
cluster is stopped and its directory removed at the end of the session (or, if
the test process is killed, by a small watcher that outlives it).

The binaries are looked for in PORTAL_TEST_PG_BIN, then `pg_config --bindir`,
then Debian's /usr/lib/postgresql/*/bin (newest first), then the PATH. With
PORTAL_TEST_PG_URL set to the URL of an existing server (a role that may
create databases), no cluster is started and that server is used.

When PostgreSQL is not available the PostgreSQL variants of the tests are
skipped, unless PORTAL_TEST_PG=require (set by `./dev test`): then they fail.

Durability is switched off (fsync, synchronous_commit, full_page_writes): the
cluster lives for one test run; none of this changes what a transaction sees.
The benchmark runner starts its cluster with `PgCluster(durable=True)`, which
keeps PostgreSQL's defaults, so its figures are those of a real server.
"""

from __future__ import annotations

import atexit
import glob
import itertools
import os
import pwd
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
import threading

import pytest

ENV_BIN = "PORTAL_TEST_PG_BIN"
ENV_URL = "PORTAL_TEST_PG_URL"
ENV_REQUIRE = "PORTAL_TEST_PG"
SUPERUSER = "portal"


class PgUnavailable(RuntimeError):
    """PostgreSQL cannot be used for the tests (not installed, or it would not start)."""


def required() -> bool:
    return os.environ.get(ENV_REQUIRE, "").lower() == "require"


def find_bin_dir() -> str | None:
    candidates = []
    if os.environ.get(ENV_BIN):
        candidates.append(os.environ[ENV_BIN])
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            candidates.append(subprocess.run([pg_config, "--bindir"], capture_output=True, text=True,
                                             timeout=10, check=False).stdout.strip())
        except (OSError, subprocess.SubprocessError):
            pass

    def version(path):
        match = re.search(r"/postgresql/(\d+)(?:\.(\d+))?/bin$", path)
        return tuple(int(g or 0) for g in match.groups()) if match else (0, 0)

    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True)
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(os.path.dirname(initdb))
    for directory in candidates:
        if directory and os.path.isfile(os.path.join(directory, "initdb")) and \
                os.path.isfile(os.path.join(directory, "pg_ctl")):
            return directory
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _unprivileged_user() -> pwd.struct_passwd:
    """Who runs the cluster when the tests run as root: the postgres user Debian's package creates."""
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise PgUnavailable("running as root and there is no postgres (or nobody) user to run PostgreSQL as")


class PgCluster:
    """One PostgreSQL server for the test session: a throwaway cluster, or an existing server."""

    def __init__(self, durable: bool = False, options: str = ""):
        self.durable = durable
        self.extra_options = options      # more `-c name=value` for the server
        self._options = None
        self.tmp = None
        self.data = None
        self.port = None
        self.admin_url = None
        self._user = None
        self._bin = None
        self._names = itertools.count(1)
        self._lock = threading.Lock()

    # -- the cluster -------------------------------------------------------
    def _run(self, args, timeout=120):
        cmd = [os.path.join(self._bin, args[0])] + list(args[1:])
        if self._user is not None:
            cmd = ["runuser", "-u", self._user.pw_name, "--"] + cmd
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=self.tmp, check=False)
        if result.returncode != 0:
            raise PgUnavailable(f"{args[0]} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
                                + self._log_tail())
        return result

    def _log_tail(self) -> str:
        try:
            with open(os.path.join(self.tmp, "server.log"), errors="replace") as f:
                return "\nserver log:\n" + f.read()[-3000:]
        except OSError:
            return ""

    def start(self) -> PgCluster:
        if os.environ.get(ENV_URL):
            self.admin_url = os.environ[ENV_URL]
            self._check()
            return self
        self._bin = find_bin_dir()
        if self._bin is None:
            raise PgUnavailable("PostgreSQL is not installed (no initdb found); on Debian: apt-get install postgresql")
        if os.geteuid() == 0:
            self._user = _unprivileged_user()
            if shutil.which("runuser") is None:
                raise PgUnavailable("running as root and runuser (util-linux) is missing")
        self.tmp = tempfile.mkdtemp(prefix="portal-pg-")
        if self._user is not None:
            os.chown(self.tmp, self._user.pw_uid, self._user.pw_gid)
        self.data = os.path.join(self.tmp, "data")
        self._run(["initdb", "-D", self.data, "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--locale=C",
                   "--no-sync"])
        last_error = None
        for _attempt in range(3):  # the free port may be taken between choosing it and binding it
            self.port = _free_port()
            try:
                self.start_server()
                break
            except PgUnavailable as error:
                last_error = error
        else:
            self.stop()
            raise last_error
        self.admin_url = f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/postgres"
        atexit.register(self.stop)
        self._watch()
        self._check()
        return self

    def _server_options(self) -> str:
        options = f"-p {self.port} -k {self.tmp} -c listen_addresses=127.0.0.1 -c max_connections=300"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        return f"{options} {self.extra_options}".strip()

    # -- the server's life (restarts, a standby, a failover) ----------------------------------
    def start_server(self) -> None:
        """Start (again) the server of this cluster on its port."""
        self._run(["pg_ctl", "-D", self.data, "-l", os.path.join(self.tmp, "server.log"), "-w", "-t", "60",
                   "-o", self._server_options(), "start"])

    def stop_server(self, mode: str = "fast") -> None:
        """`pg_ctl stop -m fast` (or smart, immediate): the data stay, start_server() brings it back."""
        self._run(["pg_ctl", "-D", self.data, "-m", mode, "-w", "-t", "60", "stop"], timeout=90)

    def restart_server(self, mode: str = "fast") -> None:
        self._run(["pg_ctl", "-D", self.data, "-l", os.path.join(self.tmp, "server.log"), "-m", mode, "-w",
                   "-t", "60", "-o", self._server_options(), "restart"], timeout=120)

    def standby(self, options: str = "") -> PgCluster:
        """A streaming standby of this (running) cluster, made by pg_basebackup -R, started on its own port."""
        other = PgCluster(durable=self.durable, options=options or self.extra_options)
        other._bin, other._user = self._bin, self._user
        other.tmp = tempfile.mkdtemp(prefix="portal-pg-standby-")
        if other._user is not None:
            os.chown(other.tmp, other._user.pw_uid, other._user.pw_gid)
        other.data = os.path.join(other.tmp, "data")
        self._run(["pg_basebackup", "-D", other.data, "-h", "127.0.0.1", "-p", str(self.port), "-U", SUPERUSER,
                   "-X", "stream", "-R", "--no-sync", "-c", "fast"], timeout=300)
        other.port = _free_port()
        other.start_server()
        other.admin_url = f"postgresql://{SUPERUSER}@127.0.0.1:{other.port}/postgres"
        atexit.register(other.stop)
        other._watch()
        return other

    def promote(self) -> None:
        """Make this standby a primary (pg_ctl promote, waiting until it takes writes)."""
        self._run(["pg_ctl", "-D", self.data, "-w", "-t", "60", "promote"], timeout=90)

    def execute(self, sql: str, params=()) -> list:
        """Run one statement as the superuser on the postgres database; returns the rows (if any)."""
        import psycopg
        with psycopg.connect(self.admin_url, autocommit=True, connect_timeout=10) as conn:
            cursor = conn.execute(sql, params)
            return cursor.fetchall() if cursor.description else []

    def _watch(self) -> None:
        """Stop the cluster when this process dies without running its exit handlers (killed)."""
        pg_ctl = [os.path.join(self._bin, "pg_ctl"), "-D", self.data, "-m", "immediate", "stop"]
        if self._user is not None:
            pg_ctl = ["runuser", "-u", self._user.pw_name, "--"] + pg_ctl
        script = (f"while kill -0 {os.getpid()} 2>/dev/null; do sleep 2; done; "
                  f"if [ -d {shlex.quote(self.data)} ]; then {shlex.join(pg_ctl)}; rm -rf {shlex.quote(self.tmp)}; fi")
        subprocess.Popen(["sh", "-c", script], start_new_session=True, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def _check(self) -> None:
        import psycopg
        try:
            with psycopg.connect(self.admin_url, autocommit=True, connect_timeout=10) as conn:
                conn.execute("SELECT 1")
        except psycopg.Error as error:
            raise PgUnavailable(f"cannot connect to the test PostgreSQL: {error}") from error

    def stop(self) -> None:
        if self.data and os.path.isdir(self.data):
            try:
                self._run(["pg_ctl", "-D", self.data, "-m", "immediate", "-w", "-t", "30", "stop"], timeout=60)
            except (PgUnavailable, subprocess.SubprocessError):
                pass
        if self.tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)
        self.tmp = self.data = None

    # -- databases -----------------------------------------------------------
    def url(self, dbname: str) -> str:
        base, _, _ = self.admin_url.rpartition("/")
        return f"{base}/{dbname}"

    def new_database(self, prefix: str = "portal") -> str:
        """A new empty database; returns its URL."""
        import psycopg
        with self._lock:
            name = f"{prefix}_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        import psycopg
        name = url.rpartition("/")[2].split("?")[0]
        if not re.fullmatch(r"[A-Za-z0-9_]+", name):
            raise ValueError(f"not a test database: {name!r}")
        try:
            with psycopg.connect(self.admin_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        except psycopg.Error:
            pass  # the whole cluster goes at the end anyway


_cluster: PgCluster | None = None
_failure: PgUnavailable | None = None
_cluster_lock = threading.Lock()


def cluster() -> PgCluster:
    """The session's PostgreSQL, started on first use; raises PgUnavailable."""
    global _cluster, _failure
    with _cluster_lock:
        if _cluster is None and _failure is None:
            try:
                _cluster = PgCluster().start()
            except PgUnavailable as error:
                _failure = error
        if _failure is not None:
            raise _failure
        return _cluster


def new_database() -> str:
    return cluster().new_database()


def drop_database(url: str) -> None:
    if _cluster is not None:
        _cluster.drop_database(url)


def shutdown() -> None:
    global _cluster
    with _cluster_lock:
        if _cluster is not None:
            _cluster.stop()
            _cluster = None


@pytest.fixture(scope="session")
def pg_cluster():
    """The session's PostgreSQL server (skips, or fails with PORTAL_TEST_PG=require, when unavailable)."""
    try:
        yield cluster()
    except PgUnavailable as error:
        if required():
            pytest.fail(f"PostgreSQL is required for these tests: {error}", pytrace=False)
        pytest.skip(f"PostgreSQL not available: {error}")
    finally:
        shutdown()
