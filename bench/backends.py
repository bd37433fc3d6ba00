"""The portal database a benchmark run serves: a SQLite file or a PostgreSQL database.

Both are seeded once per size with `python -m portal seed --demo` and served from
a copy, so every run starts from the same data:

- SQLite: the seeded file is kept in the data folder between runs; the copy is a
  file copy.
- PostgreSQL: a throwaway cluster on a loopback port (PostgreSQL's default
  settings, durability on), or an existing server given with --pg-url (a role
  that may create databases). The seeded database is kept on an existing server
  between runs; a throwaway cluster is seeded anew each run. The copy is
  `CREATE DATABASE ... TEMPLATE seed`.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from bench.common import ROOT, Scale, ms, seeded_db, sources_digest, working_copy

FEED_FLOOR_SQL = "SELECT seq, kind, id, data FROM entities WHERE seq > {p} ORDER BY seq LIMIT 1000"


class SqliteBackend:
    name = "SQLite"
    key = "sqlite"

    def __init__(self, data_dir: Path, log=print):
        self.data_dir = Path(data_dir)
        self.log = log

    def prepare(self, scale: Scale, work: Path) -> str:
        seed = seeded_db(self.data_dir, scale.applications, scale.outputs, log=self.log)
        return str(working_copy(seed, work / "portal"))

    def feed_floor(self, db: str, cursors: list[int]) -> list[float]:
        """Milliseconds to read each page's rows straight from the database (what any server must do)."""
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return [_timed(conn.execute, FEED_FLOOR_SQL.format(p="?"), since) for since in cursors]
        finally:
            conn.close()

    def close(self) -> None:
        pass


class PostgresBackend:
    name = "PostgreSQL"
    key = "postgresql"

    def __init__(self, pg_url: str | None = None, log=print):
        self.admin_url = pg_url
        self.log = log
        self._cluster = None
        self._work_db = None

    def _admin(self):
        import psycopg
        return psycopg.connect(self.admin_url, autocommit=True)

    def _url(self, dbname: str) -> str:
        base, _, rest = self.admin_url.rpartition("/")
        query = rest.partition("?")[2]
        return f"{base}/{dbname}" + (f"?{query}" if query else "")

    def _exists(self, conn, dbname: str) -> bool:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (dbname,)).fetchone() is not None

    def prepare(self, scale: Scale, work: Path) -> str:
        if self.admin_url is None:
            from tests.pg_cluster import PgCluster
            self.log("starting a throwaway PostgreSQL cluster (default settings) on a loopback port")
            self._cluster = PgCluster(durable=True).start()
            self.admin_url = self._cluster.admin_url
        seed = f"bench_seed_{scale.applications}_{scale.outputs}_{sources_digest(('portal/store_pg.py',))}"
        with self._admin() as conn:
            if not self._exists(conn, seed):
                for (stale,) in conn.execute("SELECT datname FROM pg_database WHERE datname LIKE %s",
                                             (f"bench_seed_{scale.applications}_{scale.outputs}_%",)).fetchall():
                    _drop(conn, stale)
                partial = seed + "_partial"
                _drop(conn, partial)
                conn.execute(f'CREATE DATABASE "{_name(partial)}"')
                self.log(f"seeding a PostgreSQL database: {scale.applications:,} applications, "
                         f"{scale.outputs:,} outputs")
                started = time.perf_counter()
                subprocess.run([sys.executable, "-m", "portal", "seed", "--demo", "--db", self._url(partial),
                                "--applications", str(scale.applications), "--outputs", str(scale.outputs)],
                               cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
                # Fresh statistics, as autovacuum would have them on a server in service.
                with _connect(self._url(partial)) as seeded:
                    seeded.execute("VACUUM ANALYZE")
                conn.execute(f'ALTER DATABASE "{_name(partial)}" RENAME TO "{_name(seed)}"')
                self.log(f"seeded in {time.perf_counter() - started:.1f} s")
            self._work_db = "bench_work"
            _drop(conn, self._work_db)
            conn.execute(f'CREATE DATABASE "{self._work_db}" TEMPLATE "{_name(seed)}"')
        return self._url(self._work_db)

    def feed_floor(self, db: str, cursors: list[int]) -> list[float]:
        with _connect(db) as conn:
            return [_timed(conn.execute, FEED_FLOOR_SQL.format(p="%s"), since) for since in cursors]

    def close(self) -> None:
        if self._work_db and self.admin_url:
            try:
                with self._admin() as conn:
                    _drop(conn, self._work_db)
            except Exception:  # noqa: BLE001 - the cluster may be gone already
                pass
        if self._cluster is not None:
            self._cluster.stop()
            self._cluster = None


BACKENDS = {"sqlite": SqliteBackend, "postgresql": PostgresBackend}


def make(key: str, data_dir: Path, pg_url: str | None, log=print):
    if key == "postgresql":
        return PostgresBackend(pg_url, log=log)
    return SqliteBackend(data_dir, log=log)


def _timed(execute, sql: str, since: int) -> float:
    t = time.perf_counter()
    execute(sql, (since,)).fetchall()
    return ms(time.perf_counter() - t)


def _connect(url: str):
    import psycopg
    return psycopg.connect(url, autocommit=True)


def _name(dbname: str) -> str:
    if not re.fullmatch(r"[a-z0-9_]+", dbname):
        raise ValueError(f"not a benchmark database name: {dbname!r}")
    return dbname


def _drop(conn, dbname: str) -> None:
    conn.execute(f'DROP DATABASE IF EXISTS "{_name(dbname)}" WITH (FORCE)')
