"""What the benchmark scenarios share: the machine's description, seeded portal
databases (built once per size and kept), figures with their floors, child
processes, and an in-memory keyring for the client under test."""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BENCH = ROOT / "bench"
DEFAULT_DATA_DIR = Path(tempfile.gettempdir()) / "portal-desk-bench"
USERNAME = "admin"          # sees applications and outputs (and everything else)

# Sources whose change makes a kept seed database stale.
SEED_SOURCES = ("portal/scale.py", "portal/demo.py", "portal/store.py", "portal/entities.py",
                "portal/visibility.py", "rules/sampling.py", "rules/applications.py")


# -- figures ----------------------------------------------------------------------------

@dataclass
class Figure:
    """One measured figure, its floor measured in the same run, and its goal.

    `ratio` is value / floor. The goal is either a bound on the ratio
    (`max_ratio`, or `min_ratio` for throughputs) or on the value itself
    (`max_value`)."""

    scenario: str
    name: str
    value: float
    unit: str
    floor: float | None = None
    floor_name: str = ""
    max_ratio: float | None = None
    min_ratio: float | None = None
    max_value: float | None = None
    note: str = ""
    backend: str = ""       # the portal's database, when a run compares them

    @property
    def label(self) -> str:
        return f"{self.scenario} ({self.backend})" if self.backend else self.scenario

    @property
    def ratio(self) -> float | None:
        if self.floor in (None, 0):
            return None
        return self.value / self.floor

    @property
    def goal(self) -> str:
        if self.max_ratio is not None:
            return f"≤ {self.max_ratio:g}× floor"
        if self.min_ratio is not None:
            return f"≥ {self.min_ratio:g}× floor"
        if self.max_value is not None:
            return f"< {_fmt(self.max_value, self.unit)}"
        return ""

    @property
    def met(self) -> bool | None:
        if self.max_ratio is not None:
            return self.ratio is not None and self.ratio <= self.max_ratio
        if self.min_ratio is not None:
            return self.ratio is not None and self.ratio >= self.min_ratio
        if self.max_value is not None:
            return self.value < self.max_value
        return None

    def as_dict(self) -> dict:
        d = asdict(self)
        d.update(ratio=self.ratio, goal=self.goal, met=self.met)
        return d


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit in ("s",):
        return f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit in ("count", "rows", "blocks", "errors", "pages"):
        return f"{value:,.0f}" + ("" if unit == "count" else f" {unit}")
    return f"{value:,.1f} {unit}"


def fmt_value(value: float | None, unit: str) -> str:
    return _fmt(value, unit)


def fmt_ratio(ratio: float | None) -> str:
    return "—" if ratio is None else f"{ratio:.2f}×"


# -- timing --------------------------------------------------------------------------------

def ms(seconds: float) -> float:
    return seconds * 1000.0


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = max(0, min(len(ordered) - 1, int(round(p / 100.0 * len(ordered) + 0.5)) - 1))
    return ordered[k]


def median(values: list[float]) -> float:
    return statistics.median(values)


# -- the machine ---------------------------------------------------------------------------

def machine() -> dict:
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gb": _ram_gb(),
        "python": platform.python_version(),
        "os": platform.platform(),
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "load": load_average(),
    }


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    if sys.platform == "darwin":
        try:
            return subprocess.run(["sysctl", "-n", "machdep.cpu.brand_string"], capture_output=True,
                                  text=True, timeout=5).stdout.strip() or platform.processor()
        except (OSError, subprocess.SubprocessError):
            pass
    return platform.processor() or platform.machine()


def _ram_gb() -> float | None:
    try:
        return round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024 ** 3, 1)
    except (ValueError, OSError, AttributeError):
        return None


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except (OSError, AttributeError):
        return "n/a"


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB: VmHWM on Linux (ru_maxrss there
    can carry the high-water mark of the parent the process was forked from),
    ru_maxrss elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


# -- seeded portal databases ----------------------------------------------------------------

def sources_digest(extra: tuple[str, ...] = ()) -> str:
    h = hashlib.sha256()
    for name in SEED_SOURCES + extra:
        path = ROOT / name
        h.update(name.encode())
        h.update(path.read_bytes() if path.exists() else b"")
    return h.hexdigest()[:12]


def seeded_db(data_dir: Path, applications: int, outputs: int, log=print) -> Path:
    """A portal database with the demo world plus `applications` and `outputs`,
    built once per size (and per version of the seeding code) and kept in `data_dir`.
    Never served directly: callers work on a copy (`working_copy`)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / f"seed-{applications}-{outputs}-{sources_digest()}.db"
    if path.exists():
        return path
    for stale in data_dir.glob(f"seed-{applications}-{outputs}-*.db*"):
        stale.unlink()
    partial = path.with_suffix(".partial")
    for leftover in data_dir.glob(partial.name + "*"):
        leftover.unlink()
    log(f"seeding a portal database: {applications:,} applications, {outputs:,} outputs (kept for later runs)")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "portal", "seed", "--demo", "--db", str(partial),
                    "--applications", str(applications), "--outputs", str(outputs)],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    _checkpoint(partial)
    partial.rename(path)
    log(f"seeded in {time.perf_counter() - started:.1f} s")
    return path


def _checkpoint(path: Path) -> None:
    import sqlite3
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()


def working_copy(seed: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "portal.db"
    for old in folder.glob("portal.db*"):
        old.unlink()
    shutil.copyfile(seed, target)
    return target


# -- child processes ------------------------------------------------------------------------

CHILD = BENCH / "child.py"


def child_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run_child(mode: str, config: dict, timeout: float = 3600) -> dict:
    """Run `bench/child.py MODE` with `config` on stdin; returns its last JSON line."""
    proc = subprocess.run([sys.executable, str(CHILD), mode], input=json.dumps(config), text=True,
                          capture_output=True, cwd=ROOT, env=child_env(), timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"bench child {mode} failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"bench child {mode} printed no result:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return json.loads(lines[-1])


@dataclass
class Client:
    """Where the client under test keeps its data, and how it signs in."""

    data_dir: Path
    portal_url: str
    username: str
    key_hex: str
    token: str = ""
    user: dict = field(default_factory=dict)

    def config(self) -> dict:
        return {"data_dir": str(self.data_dir), "portal_url": self.portal_url, "username": self.username,
                "key": self.key_hex, "token": self.token, "user": self.user}


# -- one benchmark run ------------------------------------------------------------------------

@dataclass(frozen=True)
class Scale:
    name: str
    applications: int
    outputs: int
    clients: int            # concurrent feed clients (scenario 5)
    pages_per_client: int
    start_runs: int         # cold starts of each kind (scenario 3)
    rounds: int             # incremental syncs with changes (scenario 2)
    changes: int            # changes per round
    cells: int              # table cells for the output check (scenario 6)
    writers: int = 20       # concurrent writers of warning drafts (scenario 5)
    writes_per_writer: int = 10
    check_rows: int = 400_000   # rows of each hostile table checked under load (scenario 7; ~10 MB)
    audit_entries: int = 1_000_000   # the audit log's size for its proofs (scenario 7)


SCALES = {
    "smoke": Scale("smoke", 1_000, 1_000, clients=10, pages_per_client=1, start_runs=1, rounds=1, changes=200,
                   cells=20_000, writers=4, writes_per_writer=3, check_rows=20_000, audit_entries=5_000),
    "full": Scale("full", 100_000, 100_000, clients=50, pages_per_client=8, start_runs=5, rounds=3, changes=1_000,
                  cells=1_000_000),
}


@dataclass
class Run:
    scale: Scale
    work: Path              # this run's scratch folder
    db: str                 # the portal's database: a working copy of the seed (a file or a postgresql:// URL)
    portal: object          # tests.portal_process.PortalProcess
    client: Client
    log: object = print
    backend: object = None  # bench.backends.SqliteBackend or PostgresBackend
