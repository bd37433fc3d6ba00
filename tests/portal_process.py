"""A real portal process on a loopback port, for end-to-end tests and benchmarks."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

import pyotp
import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SECRETS = {
    "anna": "WAXSE7SXQUGMZGUPXHE4ACRP2UIX4CCE", "bent": "XGKMEMPNLMD6J644PUKEKRSQTMUVZ45S",
    "clara": "RGS23Y2OKP6RIOO3YL2RIYM4QQNNLBAK", "dorte": "GYUW7HROG7NCF36I5UDKRQXDHGIALG2D",
    "emil": "6O4YOJKVJZYO2JHGV5VA5MSFXCQ5JUWU", "frida": "A7PD3XUNA2O4XRGBMN7BTAAEJK7MN3X4",
    "gustav": "CBX4MC7WVOFNDLA22FR4PMTVADKP5D4Z", "helle": "NUWJDQVQEIXJSFBTRVQ245SPBPLCVHZO",
    "admin": "H3SYV6KKADICATPKFKKZI2PICYU5OROR", "rikke": "645O4ADYDKIRS6NQM3YKOISXRDJZP6YE",
    "ole": "TTD7ZDZYEK4QBWV2RCFDZ77PGSDULCIV",
    "sofie": "ZXDBCLO265AHOZOLMVMRAKMC7AXZXZZ4",
    "ida": "ESU6GH6DDRQECJK7HZBDRP55QCAX34KW", "jens": "37PPZQYNKBGU6SCNLWSEDGSJ2KQDMA3P",
    "karl": "GAV4YIDF4X4GHKYU66KIUYPVIXBAFMYQ", "lise": "CTXU5TSXE4SYSABXEWSTZUFCE4AXGYFF",
}


def wait_until(predicate, timeout: float = 10.0, interval: float = 0.05, message: str = "condition"):
    """Poll a condition until it holds (a wait on a condition, not a fixed sleep)."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {message}")
        pause.wait(interval)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TotpClock:
    """Hands out TOTP codes the portal has not seen yet for each user.

    The portal accepts a time step once and never an older one (RFC 6238 5.2),
    with one step of drift either side: so a user can sign in at most three
    times per 30 s. When those are spent, wait for the next step.
    """

    def __init__(self):
        self._last: dict[str, int] = {}
        self._lock = threading.Lock()

    def code(self, username: str) -> str:
        with self._lock:
            secret = SECRETS[username]
            step = wait_until(lambda: self._free_step(username), timeout=35, message="a fresh TOTP step")
            self._last[username] = step
            return pyotp.TOTP(secret).generate_otp(step)

    def _free_step(self, username: str):
        current = int(time.time() // 30)
        last = self._last.get(username)
        for step in (current - 1, current, current + 1):
            # Keep a margin at the edge of the window so the code is still valid on arrival.
            if (last is None or step > last) and not (step == current - 1 and time.time() % 30 > 25):
                return step
        return None


POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def audit_key_path(db: str) -> str:
    """Where the portals on PostgreSQL database `db` keep their checkpoint key."""
    import hashlib
    folder = os.path.join(tempfile.gettempdir(), "portal-desk-audit-keys")
    os.makedirs(folder, mode=0o700, exist_ok=True)
    return os.path.join(folder, hashlib.sha256(db.encode()).hexdigest()[:16] + ".pem")


class PortalProcess:
    """A portal process. `backend` "sqlite" (the default) puts its database in a temporary file,
    "postgresql" in a new database of the test PostgreSQL (tests/pg_cluster.py); `db` names an
    existing database instead (a file or URL), e.g. to run a second process on the same one."""

    def __init__(self, db: str | None = None, demo: bool = True, args=(), backend: str | None = None):
        self._tmp = tempfile.TemporaryDirectory(prefix="portal-")
        if backend is None:
            backend = "postgresql" if db and db.startswith(POSTGRES_SCHEMES) else "sqlite"
        if backend not in ("sqlite", "postgresql"):
            raise ValueError(f"unknown database backend {backend!r}")
        self.backend = backend
        self._own_database = None
        if db is None and backend == "postgresql":
            from tests import pg_cluster
            db = self._own_database = pg_cluster.new_database()
        self.db = db or os.path.join(self._tmp.name, "portal.db")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.api = self.url + "/api/v1"
        self.demo = demo
        self.args = list(args)
        # The checkpoint key: beside a SQLite file by default; PostgreSQL needs --audit-key,
        # one file for every process on the database (keyed by its URL).
        self.audit_key = None if backend == "sqlite" else audit_key_path(self.db)
        if self.audit_key and "--audit-key" not in self.args:
            self.args += ["--audit-key", self.audit_key]
        self.proc = None
        self.totp = TotpClock()
        self._tokens: dict[str, str] = {}

    def start(self, timeout: float = 60) -> "PortalProcess":
        cmd = [sys.executable, "-m", "portal", "--host", "127.0.0.1", "--port", str(self.port), "--db", self.db]
        if self.demo:
            cmd.append("--demo")
        cmd += self.args
        self.log = open(os.path.join(self._tmp.name, "portal.log"), "w+b")
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)
        wait_until(self._healthy, timeout=timeout, message="the portal to answer /health")
        return self

    def _healthy(self):
        if self.proc.poll() is not None:
            self.log.seek(0)
            raise RuntimeError("portal exited:\n" + self.log.read().decode(errors="replace")[-3000:])
        try:
            return requests.get(self.api + "/health", timeout=1).status_code == 200
        except requests.RequestException:
            return False

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def close(self):
        self.stop()
        if getattr(self, "log", None) is not None and not self.log.closed:
            self.log.close()
        if self._own_database:
            from tests import pg_cluster
            pg_cluster.drop_database(self._own_database)
            self._own_database = None
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.audit_key)
        self._tmp.cleanup()

    def peer(self, args=()) -> PortalProcess:
        """Another portal process on this one's database (not started; it shares the TOTP clock)."""
        other = PortalProcess(db=self.db, demo=False, args=args, backend=self.backend)
        other.totp = self.totp
        return other

    @contextlib.contextmanager
    def store(self):
        """The portal's database opened in the test process (for direct reads and writes)."""
        from portal.store import open_store
        store = open_store(self.db)
        try:
            yield store
        finally:
            store.close()

    # -- signing in ---------------------------------------------------------
    def sign_in(self, username: str, password: str = "demo") -> str:
        r = requests.post(self.api + "/session", json={"username": username, "password": password,
                                                        "totp": self.totp.code(username)}, timeout=10)
        assert r.status_code == 201, r.text
        return r.json()["token"]

    def token(self, username: str) -> str:
        """A cached session token for `username` (one sign-in per user per portal)."""
        if username not in self._tokens:
            self._tokens[username] = self.sign_in(username)
        return self._tokens[username]

    def session(self, username: str) -> requests.Session:
        s = requests.Session()
        s.headers["Authorization"] = f"Bearer {self.token(username)}"
        return s

    def all_changes(self, username: str, limit: int = 1000) -> dict:
        """Follow the change feed to its end; returns {(entity, id): data}."""
        s = self.session(username)
        state, since = {}, 0
        while True:
            page = s.get(self.api + "/changes", params={"since": since, "limit": limit}, timeout=30).json()
            for change in page["changes"]:
                state[(change["entity"], change["id"])] = change["data"]
            since = page["next"]
            if not page["more"]:
                return state
