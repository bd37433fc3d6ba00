"""The embedded demo portal: the project's own portal in a child process on a
free loopback port, with its database in the user's data folder."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import requests

EMBEDDED_PORTAL_ID = "embedded-demo://local"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class EmbeddedPortal:
    MAX_RESTARTS = 3

    def __init__(self, data_dir: str):
        self.folder = os.path.join(data_dir, "demo-portal")
        os.makedirs(self.folder, mode=0o700, exist_ok=True)
        self.db = os.path.join(self.folder, "portal.db")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self._log = None
        self.restarts = 0

    def start(self) -> None:
        self._log = open(os.path.join(self.folder, "portal.log"), "ab")
        # --exit-with-parent: the portal watches the pipe on its standard input and ends when it
        # closes, which the kernel does however this process ends (quit, SIGTERM, SIGKILL, crash).
        args = ["--host", "127.0.0.1", "--port", str(self.port), "--db", self.db, "--demo", "--simulate",
                "--exit-with-parent"]
        # In an installed bundle sys.executable is the app itself: main.py hands --run-portal to the portal.
        cmd = [sys.executable, "--run-portal", *args] if getattr(sys, "frozen", False) else \
            [sys.executable, "-m", "portal", *args]
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        env = dict(os.environ, PYTHONPATH=root + os.pathsep + os.environ.get("PYTHONPATH", ""))
        self.proc = subprocess.Popen(cmd, stdout=self._log, stderr=subprocess.STDOUT, env=env,
                                     stdin=subprocess.PIPE)

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def restart(self) -> bool:
        """Start it again after it stopped on its own, at most MAX_RESTARTS times a session
        (a portal that keeps dying needs a person, not a loop). Same port: the session's
        address stays valid."""
        if self.alive() or self.restarts >= self.MAX_RESTARTS:
            return False
        self.restarts += 1
        self._close_handles()
        self.start()
        return True

    def ready(self) -> bool:
        """True once the portal answers; raises if it exited."""
        if self.proc is not None and self.proc.poll() is not None:
            raise RuntimeError(f"the demo portal stopped (exit code {self.proc.returncode}); "
                               f"see {os.path.join(self.folder, 'portal.log')}")
        try:
            with requests.Session() as session:
                session.trust_env = False     # a proxy from the environment has no business with loopback
                return session.get(self.url + "/api/v1/health", timeout=0.5).status_code == 200
        except requests.RequestException:
            return False

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._close_handles()

    def _close_handles(self) -> None:
        if self.proc is not None and self.proc.stdin is not None:
            try:
                self.proc.stdin.close()
            except OSError:
                pass
        if self._log:
            self._log.close()
            self._log = None
