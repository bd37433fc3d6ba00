"""The portal's storage on PostgreSQL (psycopg 3): several portal processes, one database.

`PostgresStore` offers what `store.SqliteStore` offers: `read()` and `write()`
context managers yielding a `store.Tx`. The SQL of `Tx` is shared; this module
adds the PostgreSQL dialect, the schema, the connection pool and the locking.

Concurrency design
------------------
Every write transaction takes one transaction-level advisory lock
(`pg_advisory_xact_lock`) as its first statement, and keeps it until it
commits or rolls back. Writers are thus serialised across all portal processes
on the database, as `BEGIN IMMEDIATE` serialises them on SQLite, while readers
never wait (they read a snapshot, `REPEATABLE READ READ ONLY`).

Why one lock taken up front, rather than finer locks or a visibility horizon:

* The change feed stays exact. A sequence number is `max(seq) + 1` computed
  inside the lock, and the lock is released only after the commit is visible
  (PostgreSQL ends a transaction's visibility before it releases its locks).
  So sequence numbers commit in the order they are handed out, and every
  reader's snapshot holds a prefix of the feed: a reader that has seen seq N
  can never later meet a newly committed change below N. (With a database
  sequence or a free-running counter, seq 11 could commit before seq 10 and a
  reader paging past 11 would lose 10 forever. Serving only below a horizon of
  in-flight transactions would also work, but needs bookkeeping of
  in-flight transactions and delays every change; portal writes are short, so
  serialising them costs little.)
* The audit chain stays a chain: `audit_append` reads the head and appends
  after it inside the same lock, so two processes never fork it.
* The check-then-act rules hold across processes with no extra code:
  an `Idempotency-Key` looked up and stored in one write transaction, TOTP
  replay protection (the last used step read and raised), the lockout's
  failure count, version checks of the entities. Two portal processes on one
  database give the same answers as one.
* One lock means no lock-ordering deadlocks: a transaction that appends to the
  audit and then to the feed, or the other way round, cannot deadlock another.
  Slow work (password hashing, file checks) happens outside the write
  transaction, as on SQLite.

Writes use READ COMMITTED: each statement sees everything committed before it,
in particular everything the previous lock holder wrote. A write transaction
waits at most `lock_timeout` for the lock (like SQLite's busy timeout).

Schema: `SCHEMA` is a list of migrations (the same tables as SQLite's, in
PostgreSQL types); the number applied is kept in the table `schema_version`.
Migrations run under their own advisory lock, so processes starting together
migrate once.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from collections.abc import Iterator

from .store import Tx, utc_now_iso

try:
    import psycopg
    from psycopg_pool import ConnectionPool, PoolTimeout
except ImportError as missing:  # pragma: no cover - depends on the installation
    raise ImportError("PostgreSQL support needs psycopg 3: pip install 'psycopg[binary,pool]'") from missing

# Advisory lock keys (64-bit; advisory locks are per database).
WRITE_LOCK = 0x506F7274616C01   # "Portal" 01: every write transaction
MIGRATE_LOCK = 0x506F7274616C02  # schema migrations

LOCK_TIMEOUT_MS = 30_000

# While the database is away a call must fail fast (503, see portal.availability), not wait out
# psycopg_pool's default of 30 s for a connection. The pool holds as many connections as the
# process serves calls at once (see app.create_app), so a wait this long means trouble, not load.
CONNECTION_WAIT_S = 0.5
CONNECT_TIMEOUT_S = 2        # libpq's connect_timeout, per host of a multi-host URL
# The pool would retry a lost connection on its own schedule, with a doubling delay: after an
# outage of a few seconds the database could be back for seconds before the next attempt. Giving
# up at once leaves the trying to the calls: each call that finds no connection starts one attempt
# (one at a time), so the first call after the database is back gets a new connection.
RECONNECT_GIVE_UP_S = 0.0

SCHEMA = [
    # v1: the tables of store.SCHEMA v1
    """
    CREATE TABLE entities (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        seq BIGINT NOT NULL UNIQUE,
        owner TEXT,
        data TEXT,
        PRIMARY KEY (kind, id)
    );
    CREATE INDEX entities_owner ON entities(kind, owner);
    CREATE TABLE audience (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        key TEXT NOT NULL,
        seq BIGINT NOT NULL,
        PRIMARY KEY (kind, id, key)
    );
    CREATE INDEX audience_key_seq ON audience(key, seq);
    CREATE TABLE audit (
        seq BIGINT PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id TEXT,
        action TEXT NOT NULL,
        entity TEXT,
        entity_id TEXT,
        outcome TEXT NOT NULL,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE INDEX audit_entity ON audit(entity, entity_id);
    CREATE INDEX audit_actor ON audit(actor_id);
    CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        totp_secret TEXT NOT NULL,
        roles TEXT NOT NULL,
        display_name TEXT NOT NULL,
        researcher_id TEXT,
        org_id TEXT,
        active INTEGER NOT NULL DEFAULT 1
    );
    CREATE TABLE tokens (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        created_at DOUBLE PRECISION NOT NULL,
        expires_at DOUBLE PRECISION NOT NULL,
        revoked INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE totp_steps (
        user_id TEXT PRIMARY KEY,
        last_step BIGINT NOT NULL
    );
    CREATE TABLE sign_in_failures (
        username TEXT NOT NULL,
        at DOUBLE PRECISION NOT NULL
    );
    CREATE INDEX sign_in_failures_user ON sign_in_failures(username, at);
    CREATE TABLE idempotency (
        caller TEXT NOT NULL,
        key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        at DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (caller, key)
    );
    CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY,
        content BYTEA NOT NULL
    );
    CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value BIGINT NOT NULL
    )
    """,
    # v2: store.SCHEMA v2 (a warning's list key is its status)
    """
    UPDATE entities SET owner = (data::jsonb)->>'status' WHERE kind = 'warning' AND data IS NOT NULL;
    """,
    # v3: store.SCHEMA v3 (grants with their expiry; enrolment codes)
    """
    ALTER TABLE users ADD COLUMN grants TEXT;
    CREATE TABLE enrolments (
        user_id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL,
        ready_at DOUBLE PRECISION NOT NULL,
        code_hash TEXT,
        expires_at DOUBLE PRECISION,
        new_password_hash TEXT,
        new_totp_secret TEXT,
        used INTEGER NOT NULL DEFAULT 0
    )
    """,
    # v4: store.SCHEMA v4 (the transparency log: entity states per entry, the Merkle tree)
    """
    ALTER TABLE audit ADD COLUMN state_digest TEXT;
    CREATE TABLE audit_state (
        seq BIGINT NOT NULL,
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        state_hash TEXT,
        PRIMARY KEY (kind, id, seq)
    );
    CREATE INDEX audit_state_seq ON audit_state(seq);
    CREATE TABLE audit_tree (
        node BIGINT PRIMARY KEY,
        hash BYTEA NOT NULL
    )
    """,
]


class PostgresDialect:
    """`store.Tx`'s SQL on PostgreSQL: `%s` parameters, arrays for list parameters."""

    name = "postgresql"

    def __init__(self):
        self._converted: dict[str, str] = {}

    def sql(self, text: str) -> str:
        converted = self._converted.get(text)
        if converted is None:
            # The shared SQL holds no literal `?` or `%`; `%` is escaped all the same.
            converted = text.replace("%", "%%").replace("?", "%s")
            if len(self._converted) < 10_000:
                self._converted[text] = converted
        return converted

    def in_list(self, column: str) -> str:
        return f"{column} = ANY(?)"

    def list_param(self, values) -> object:
        return list(values)

    def execute(self, conn, sql: str, args=()):
        return conn.execute(sql, args or None)

    def executemany(self, conn, sql: str, rows) -> None:
        if rows:
            with conn.cursor() as cursor:
                cursor.executemany(sql, rows)

    def bulk_insert(self, conn, table: str, columns: tuple[str, ...], rows) -> None:
        with conn.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def after_bulk_insert(self, conn, tables: tuple[str, ...]) -> None:
        # Fresh statistics, or the planner may sort a whole audience key instead of
        # walking its (key, seq) index for a page of the change feed.
        conn.execute(f"ANALYZE {', '.join(tables)}")


POSTGRES = PostgresDialect()


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


class PostgresStore:
    """PostgreSQL through a pool of connections; writes serialised by an advisory lock (see above)."""

    engine = "postgresql"

    def __init__(self, url: str, pool_size: int = 10):
        self.url = url
        self._migrate()
        # `check`: a pooled connection is tried before use and replaced when dead (after a database
        # restart or a failover), so the first call after it succeeds instead of failing.
        self._pool = ConnectionPool(url, min_size=1, max_size=max(1, pool_size), open=True,
                                    kwargs={"autocommit": True, "connect_timeout": CONNECT_TIMEOUT_S},
                                    configure=self._configure, check=ConnectionPool.check_connection,
                                    timeout=CONNECTION_WAIT_S, reconnect_timeout=RECONNECT_GIVE_UP_S,
                                    name="portal-store")
        self._closed = threading.Event()

    @staticmethod
    def _configure(conn) -> None:
        conn.execute(f"SET lock_timeout = {int(LOCK_TIMEOUT_MS)}")
        conn.execute("SET idle_in_transaction_session_timeout = 600000")

    def _migrate(self) -> None:
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute("BEGIN")
            try:
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
                conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
                current = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]
                for number, script in enumerate(SCHEMA[current:], start=current + 1):
                    for statement in _statements(script):
                        conn.execute(statement)
                    conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (number,))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def schema_version(self) -> int:
        with self._pool.connection() as conn:
            return conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]

    def _busy(self) -> bool:
        """Every connection the pool may hold exists and is lent out: a wait for one is load
        (the database answers), not an outage (then dead connections are dropped, none made)."""
        return self._pool.get_stats().get("pool_size", 0) >= self._pool.max_size

    def _connection(self):
        """A checked connection; PoolTimeout within CONNECTION_WAIT_S when the database is away,
        but waiting as long as a lock would while the pool is merely busy."""
        deadline = time.monotonic() + LOCK_TIMEOUT_MS / 1000
        while True:
            try:
                return self._pool.getconn(timeout=CONNECTION_WAIT_S)
            except PoolTimeout:
                if not self._busy() or time.monotonic() > deadline:
                    raise

    def ping(self) -> bool:
        """Whether the database answers (for /health), within about CONNECTION_WAIT_S; a pool busy
        with calls counts as answering."""
        try:
            with self._pool.connection(timeout=CONNECTION_WAIT_S) as conn:
                conn.execute("SELECT 1")
            return True
        except PoolTimeout:
            if self._busy():
                return True
            raise

    @contextmanager
    def _transaction(self, begin: str, lock: bool) -> Iterator[Tx]:
        conn = self._connection()
        try:
            conn.execute(begin)
            try:
                if lock:
                    conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                tx = Tx(conn, POSTGRES)
                yield tx
                if lock:
                    tx.audit_unattributed(utc_now_iso())
            except BaseException:
                if not conn.closed:
                    try:
                        conn.execute("ROLLBACK")
                    except psycopg.Error:
                        pass  # a broken connection: the pool replaces it
                raise
            else:
                conn.execute("COMMIT")
        finally:
            self._pool.putconn(conn)

    def read(self):
        """A consistent snapshot; writing in it is an error."""
        return self._transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", lock=False)

    def write(self):
        """A write transaction, serialised with every other writer on the database."""
        return self._transaction("BEGIN ISOLATION LEVEL READ COMMITTED", lock=True)

    def close(self) -> None:
        if not self._closed.is_set():
            self._closed.set()
            self._pool.close()
