"""The portal's storage layer.

Rules, routes and audit code talk only to a store and its transactions (`Tx`),
never to SQL. Two engines sit behind the same interface, chosen by the database
URL (`open_store`): SQLite (`SqliteStore`, here) and PostgreSQL (`PostgresStore`,
in `store_pg`). The SQL of `Tx` is written once; the few differences between the
engines (parameter style, list parameters, bulk execution) live in a small
dialect object. This module and `store_pg` are the only code that knows SQL.

Entities are JSON documents keyed by (kind, id) with a version. Each write
gives the entity the next number of one global sequence: the change feed is the
entities ordered by that number (a compacted log: an entity appears once, at its
latest change; deletions stay as tombstones with data None).

Who may see an entity is recorded as audience keys ("role:caseworker",
"researcher:R-0001", "org:ORG-001", ...). Audiences only grow: whoever once saw an
entity keeps receiving its later states (a retraction, a deletion), so a client
that follows the feed never keeps a stale copy.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import sqlite3
import threading
import time
from contextlib import contextmanager
from typing import Iterable, Iterator

from rules.audit_chain import GENESIS_HASH, audit_hash, canonical_json  # noqa: F401  (re-exported)

from .store_users import UserAdminTx

SCHEMA = [
    # v1
    """
    CREATE TABLE entities (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        seq INTEGER NOT NULL UNIQUE,
        owner TEXT,
        data TEXT,
        PRIMARY KEY (kind, id)
    );
    CREATE INDEX entities_owner ON entities(kind, owner);
    CREATE TABLE audience (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        key TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (kind, id, key)
    );
    CREATE INDEX audience_key_seq ON audience(key, seq);
    CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
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
        created_at REAL NOT NULL,
        expires_at REAL NOT NULL,
        revoked INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE totp_steps (
        user_id TEXT PRIMARY KEY,
        last_step INTEGER NOT NULL
    );
    CREATE TABLE sign_in_failures (
        username TEXT NOT NULL,
        at REAL NOT NULL
    );
    CREATE INDEX sign_in_failures_user ON sign_in_failures(username, at);
    CREATE TABLE idempotency (
        caller TEXT NOT NULL,
        key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        at REAL NOT NULL,
        PRIMARY KEY (caller, key)
    );
    CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY,
        content BLOB NOT NULL
    );
    CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    );
    """,
    # v2: a warning's list key (`owner`) is its status, so the expiry sweep reads the sent
    # ones through the (kind, owner) index instead of parsing every warning ever written.
    """
    UPDATE entities SET owner = json_extract(data, '$.status') WHERE kind = 'warning' AND data IS NOT NULL;
    """,
    # v3: user administration: each role's grant (with its expiry) and one-time enrolment codes
    """
    ALTER TABLE users ADD COLUMN grants TEXT;
    CREATE TABLE enrolments (
        user_id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL,
        ready_at REAL NOT NULL,
        code_hash TEXT,
        expires_at REAL,
        new_password_hash TEXT,
        new_totp_secret TEXT,
        used INTEGER NOT NULL DEFAULT 0
    );
    """,
    # v4: the transparency log (portal/transparency): each audit entry names, through a
    # digest it is hashed with, the entity states it wrote (audit_state); the entries are
    # the leaves of a Merkle tree whose complete power-of-two subtrees are stored.
    """
    ALTER TABLE audit ADD COLUMN state_digest TEXT;
    CREATE TABLE audit_state (
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        state_hash TEXT,
        PRIMARY KEY (kind, id, seq)
    );
    CREATE INDEX audit_state_seq ON audit_state(seq);
    CREATE TABLE audit_tree (
        node INTEGER PRIMARY KEY,
        hash BLOB NOT NULL
    );
    """,
]


def state_hash(text: str | None) -> str | None:
    """What an audit entry records of an entity's stored state: SHA-256 of its stored text
    (None: deleted)."""
    return None if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()


def state_digest(states: dict) -> str:
    """One hash over the (kind, id, state) an entry wrote, hashed into the entry's chain hash."""
    lines = sorted(f"{k}\t{i}\t{h or '-'}" for (k, i), h in states.items())
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _no_nul(value):
    """Text never holds NUL characters (PostgreSQL cannot store them): they become U+FFFD,
    on both engines alike. NUL can only arrive in garbage input (a path, a username)."""
    if isinstance(value, str) and "\x00" in value:
        return value.replace("\x00", "\ufffd")
    return value


class SqliteDialect:
    """What differs between the engines, for SQL written once with `?` parameters."""

    name = "sqlite"

    def sql(self, text: str) -> str:
        return text

    def in_list(self, column: str) -> str:
        """A condition `column` is one of a list given as one parameter (see `list_param`)."""
        return f"{column} IN (SELECT value FROM json_each(?))"

    def list_param(self, values) -> object:
        return json.dumps(list(values))

    def execute(self, conn, sql: str, args=()):
        return conn.execute(sql, args)

    def executemany(self, conn, sql: str, rows) -> None:
        conn.executemany(sql, rows)

    def bulk_insert(self, conn, table: str, columns: tuple[str, ...], rows) -> None:
        """Insert many new rows (seeding)."""
        marks = ", ".join("?" * len(columns))
        conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def after_bulk_insert(self, conn, tables: tuple[str, ...]) -> None:
        """Bring the query planner up to date after a bulk insert (SQLite's plans need nothing)."""


SQLITE = SqliteDialect()


def utc_now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class Tx(UserAdminTx):
    """One transaction. Obtained from a store's `read()` or `write()`."""

    def __init__(self, conn, dialect=SQLITE):
        self._conn = conn
        self._d = dialect
        self._states: dict[tuple[str, str], str | None] = {}   # written, not yet audited

    @staticmethod
    def _args(args):
        for a in args:
            if a.__class__ is str and "\x00" in a:
                return tuple(_no_nul(x) for x in args)
        return args

    def executemany(self, sql: str, rows) -> None:
        self._d.executemany(self._conn, self._d.sql(sql), [self._args(r) for r in rows])

    # -- savepoints: part of a transaction that can be undone on its own ----
    @contextmanager
    def savepoint(self, name: str = "sp") -> Iterator[None]:
        """Undo what the block wrote if it raises (the exception propagates); keep it otherwise."""
        if not name.isidentifier():
            raise ValueError(f"bad savepoint name {name!r}")
        self.execute(f"SAVEPOINT {name}")
        states = dict(self._states)
        try:
            yield
        except BaseException as original:
            self._states = states
            try:
                self.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.execute(f"RELEASE SAVEPOINT {name}")
            except Exception:
                # The database ended the whole transaction (SQLite does on a full disk, PostgreSQL
                # when the connection is lost): the error that ended it is the one to answer for.
                raise original from None
            raise
        else:
            self.execute(f"RELEASE SAVEPOINT {name}")

    # -- entities ---------------------------------------------------------
    def get(self, kind: str, id: str) -> dict | None:
        row = self.execute("SELECT data FROM entities WHERE kind = ? AND id = ?", (kind, id)).fetchone()
        if row is None or row[0] is None:
            return None
        return json.loads(row[0])

    def list(self, kind: str, owner: str | None = None) -> list[dict]:
        if owner is None:
            rows = self.execute(
                "SELECT data FROM entities WHERE kind = ? AND data IS NOT NULL ORDER BY seq", (kind,)
            )
        else:
            rows = self.execute(
                "SELECT data FROM entities WHERE kind = ? AND owner = ? AND data IS NOT NULL ORDER BY seq",
                (kind, owner),
            )
        return [json.loads(r[0]) for r in rows]

    def count(self, kind: str) -> int:
        return self.execute(
            "SELECT COUNT(*) FROM entities WHERE kind = ? AND data IS NOT NULL", (kind,)
        ).fetchone()[0]

    def audience_of(self, kind: str, id: str) -> set[str]:
        return {r[0] for r in self.execute("SELECT key FROM audience WHERE kind = ? AND id = ?", (kind, id))}

    def put(self, kind: str, id: str, data: dict | None, audience: Iterable[str], owner: str | None = None) -> dict | None:
        """Store the new state of an entity (None deletes it) and append it to the feed.

        The version is the store's to keep: it is set on `data` and returned.
        """
        row = self.execute("SELECT version FROM entities WHERE kind = ? AND id = ?", (kind, id)).fetchone()
        version = (row[0] if row else 0) + 1
        seq = self.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM entities").fetchone()[0]
        if data is not None:
            data = dict(data)
            data["version"] = version
        text = None if data is None else canonical_json(data)
        self._states[(kind, id)] = state_hash(text)
        self.execute(
            "INSERT INTO entities (kind, id, version, seq, owner, data) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version, seq = excluded.seq, "
            "owner = excluded.owner, data = excluded.data",
            (kind, id, version, seq, owner, text),
        )
        self.execute("UPDATE audience SET seq = ? WHERE kind = ? AND id = ?", (seq, kind, id))
        self.executemany(
            "INSERT INTO audience (kind, id, key, seq) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [(kind, id, key, seq) for key in sorted(set(audience))],
        )
        return data

    def put_many(self, rows: list[tuple[str, str, dict, Iterable[str], str | None]]) -> None:
        """Bulk insert of new entities (seeding): version 1, consecutive sequence numbers."""
        seq = self.execute("SELECT COALESCE(MAX(seq), 0) FROM entities").fetchone()[0]
        entity_rows, audience_rows = [], []
        for kind, id, data, audience, owner in rows:
            seq += 1
            text = canonical_json(dict(data, version=1))
            self._states[(kind, id)] = state_hash(text)
            entity_rows.append((kind, id, 1, seq, owner, text))
            audience_rows.extend((kind, id, key, seq) for key in set(audience))
        self._d.bulk_insert(self._conn, "entities", ("kind", "id", "version", "seq", "owner", "data"),
                            [self._args(r) for r in entity_rows])
        self._d.bulk_insert(self._conn, "audience", ("kind", "id", "key", "seq"), [self._args(r) for r in audience_rows])
        self._d.after_bulk_insert(self._conn, ("entities", "audience"))

    def max_seq(self) -> int:
        return self.execute("SELECT COALESCE(MAX(seq), 0) FROM entities").fetchone()[0]

    def changes(self, since: int, limit: int, keys: Iterable[str],
                raw: bool = False) -> tuple[list[tuple[int, str, str, dict | str | None]], bool]:
        """The next `limit` changes after `since` visible to any of `keys`, and whether more follow.

        Each key is scanned on its own index range and the scans are merged, so a
        page costs O(limit x keys) whatever the size of the database. With `raw`,
        data is the stored canonical JSON text (not parsed).
        """
        per_key = []
        for key in sorted(set(keys)):
            per_key.append([
                r[0] for r in self.execute(
                    "SELECT seq FROM audience WHERE key = ? AND seq > ? ORDER BY seq LIMIT ?",
                    (key, since, limit + 1),
                )
            ])
        seqs: list[int] = []
        for s in heapq.merge(*per_key):
            if not seqs or seqs[-1] != s:
                seqs.append(s)
            if len(seqs) > limit:
                break
        more = len(seqs) > limit
        seqs = seqs[:limit]
        if not seqs:
            return [], False
        rows = self.execute(
            f"SELECT seq, kind, id, data FROM entities WHERE {self._d.in_list('seq')} ORDER BY seq",
            (self._d.list_param(seqs),),
        ).fetchall()
        if raw:
            return [(s, k, i, d) for s, k, i, d in rows], more
        return [(s, k, i, None if d is None else json.loads(d)) for s, k, i, d in rows], more

    def next_number(self, name: str) -> int:
        """A named counter for human-readable ids (APP-2026-0001, ...)."""
        return self.execute(
            "INSERT INTO counters (name, value) VALUES (?, 1) "
            "ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value",
            (name,),
        ).fetchone()[0]

    def set_counter(self, name: str, value: int) -> None:
        self.execute("INSERT INTO counters (name, value) VALUES (?, ?) "
                     "ON CONFLICT (name) DO UPDATE SET value = excluded.value", (name, value))

    # -- leases: at most N of something in progress, across processes ----------
    # Kept in `counters` as "lease:GROUP:ID" -> expiry (epoch seconds): no schema of their own.
    def lease_take(self, group: str, lease_id: str, now: float, until: float, limit: int) -> bool:
        """Take one of `limit` leases of `group` until `until`, dropping expired ones first; False when all are held."""
        prefix = f"lease:{group}:"
        self.execute("DELETE FROM counters WHERE substr(name, 1, ?) = ? AND value < ?",
                     (len(prefix), prefix, int(now)))
        held = self.execute("SELECT COUNT(*) FROM counters WHERE substr(name, 1, ?) = ?",
                            (len(prefix), prefix)).fetchone()[0]
        if held >= limit:
            return False
        self.execute("INSERT INTO counters (name, value) VALUES (?, ?)", (prefix + lease_id, int(until) + 1))
        return True

    def lease_release(self, group: str, lease_id: str) -> None:
        self.execute("DELETE FROM counters WHERE name = ?", (f"lease:{group}:{lease_id}",))

    def leases_held(self, group: str) -> int:
        prefix = f"lease:{group}:"
        return self.execute("SELECT COUNT(*) FROM counters WHERE substr(name, 1, ?) = ?",
                            (len(prefix), prefix)).fetchone()[0]

    # -- audit ------------------------------------------------------------
    def audit_append(self, at: str, actor_id: str | None, action: str, entity: str | None,
                     entity_id: str | None, outcome: str, detail: dict) -> dict:
        actor_id, action, entity, entity_id, outcome = (
            _no_nul(v) for v in (actor_id, action, entity, entity_id, outcome))
        last = self.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
        states, self._states = self._states, {}
        entry = {"seq": seq, "at": at, "actor_id": actor_id, "action": action, "entity": entity,
                 "entity_id": entity_id, "outcome": outcome, "detail": detail,
                 "state_digest": state_digest(states) if states else None}
        entry["prev_hash"] = prev
        entry["hash"] = audit_hash(prev, entry)
        self.execute(
            "INSERT INTO audit (seq, at, actor_id, action, entity, entity_id, outcome, detail, prev_hash, hash, "
            "state_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, at, actor_id, action, entity, entity_id, outcome, canonical_json(detail), prev, entry["hash"],
             entry["state_digest"]),
        )
        if states:
            self.executemany("INSERT INTO audit_state (seq, kind, id, state_hash) VALUES (?, ?, ?, ?)",
                             [(seq, k, i, h) for (k, i), h in states.items()])
        # The Merkle tree grows under the same lock and in the same transaction as the chain.
        from .transparency.tree import append_leaf
        append_leaf(self, seq, entry["hash"])
        return entry

    def audit_unattributed(self, at: str) -> None:
        """Entity writes no audit entry covered (code that forgot one): audited all the same,
        so every stored state has an entry that states it."""
        if self._states:
            self.audit_append(at, None, "entity.write", None, None, "ok", {"entities": len(self._states)})

    _AUDIT_COLUMNS = "seq, at, actor_id, action, entity, entity_id, outcome, detail, prev_hash, hash, state_digest"

    @staticmethod
    def _audit_row(r) -> dict:
        return {"seq": r[0], "at": r[1], "actor_id": r[2], "action": r[3], "entity": r[4], "entity_id": r[5],
                "outcome": r[6], "detail": json.loads(r[7]), "prev_hash": r[8], "hash": r[9], "state_digest": r[10]}

    def audit_query(self, *, entity=None, entity_id=None, actor_id=None, action=None, outcome=None,
                    since=None, until=None, after_seq=0, limit=500, visible_keys=None, self_id=None,
                    seq=None) -> list[dict]:
        """Audit entries matching the filters, oldest first.

        `visible_keys` restricts to entries about entities the caller may see
        (or entries of the caller's own actions, `self_id`); None means all.
        """
        where, args = ["seq > ?"], [after_seq]
        for column, value in (("entity", entity), ("entity_id", entity_id), ("actor_id", actor_id),
                              ("action", action), ("outcome", outcome), ("seq", seq)):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        if since is not None:
            where.append("at >= ?")
            args.append(since)
        if until is not None:
            where.append("at < ?")
            args.append(until)
        if visible_keys is not None:
            where.append(
                "(actor_id = ? OR EXISTS (SELECT 1 FROM audience x WHERE x.kind = audit.entity "
                f"AND x.id = audit.entity_id AND {self._d.in_list('x.key')}))"
            )
            args.extend([self_id, self._d.list_param(sorted(visible_keys))])
        args.append(limit)
        rows = self.execute(
            f"SELECT {self._AUDIT_COLUMNS} FROM audit WHERE {' AND '.join(where)} ORDER BY seq LIMIT ?", args
        )
        return [self._audit_row(r) for r in rows]

    def audit_iter(self, batch: int = 5000) -> Iterator[dict]:
        after = 0
        while True:
            rows = self.execute(
                f"SELECT {self._AUDIT_COLUMNS} FROM audit WHERE seq > ? ORDER BY seq LIMIT ?", (after, batch)
            ).fetchall()
            if not rows:
                return
            for r in rows:
                yield self._audit_row(r)
            after = rows[-1][0]

    # -- users, tokens, sign-in state -------------------------------------
    _USER_COLUMNS = ("id, username, password_hash, totp_secret, roles, display_name, researcher_id, org_id, active, "
                     "grants")

    def _user_row(self, r) -> dict | None:
        if r is None:
            return None
        roles = json.loads(r[4])
        # No grants recorded (users seeded before v3): every role is a standing grant.
        grants = json.loads(r[9]) if r[9] else [{"role": role, "expires_at": None, "emergency": False}
                                                for role in roles]
        return {"id": r[0], "username": r[1], "password_hash": r[2], "totp_secret": r[3], "roles": roles,
                "display_name": r[5], "researcher_id": r[6], "org_id": r[7], "active": bool(r[8]),
                "grants": grants}

    def user_by_username(self, username: str) -> dict | None:
        return self._user_row(self.execute(
            f"SELECT {self._USER_COLUMNS} FROM users WHERE username = ?", (username,)).fetchone())

    def user_by_id(self, user_id: str) -> dict | None:
        return self._user_row(self.execute(
            f"SELECT {self._USER_COLUMNS} FROM users WHERE id = ?", (user_id,)).fetchone())

    def users(self) -> list[dict]:
        return [self._user_row(r) for r in self.execute(f"SELECT {self._USER_COLUMNS} FROM users ORDER BY id")]

    def insert_user(self, user: dict) -> None:
        self.execute(
            "INSERT INTO users (id, username, password_hash, totp_secret, roles, display_name, researcher_id, org_id, "
            "grants) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (user["id"], user["username"], user["password_hash"], user["totp_secret"], json.dumps(user["roles"]),
             user["display_name"], user.get("researcher_id"), user.get("org_id"),
             json.dumps(user["grants"]) if user.get("grants") is not None else None),
        )

    def user_set_password_hash(self, user_id: str, new_hash: str, old_hash: str) -> bool:
        """Replace a password hash (a rehash with stronger parameters) unless it changed meanwhile."""
        cur = self.execute("UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?",
                           (new_hash, user_id, old_hash))
        return cur.rowcount == 1

    def token_insert(self, token_hash: str, user_id: str, created_at: float, expires_at: float) -> None:
        self.execute("INSERT INTO tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                     (token_hash, user_id, created_at, expires_at))

    def token_get(self, token_hash: str) -> dict | None:
        r = self.execute("SELECT user_id, expires_at, revoked FROM tokens WHERE token_hash = ?",
                         (token_hash,)).fetchone()
        return None if r is None else {"user_id": r[0], "expires_at": r[1], "revoked": bool(r[2])}

    def token_revoke(self, token_hash: str) -> None:
        self.execute("UPDATE tokens SET revoked = 1 WHERE token_hash = ?", (token_hash,))

    def totp_last_step(self, user_id: str) -> int | None:
        r = self.execute("SELECT last_step FROM totp_steps WHERE user_id = ?", (user_id,)).fetchone()
        return None if r is None else r[0]

    def totp_set_step(self, user_id: str, step: int) -> None:
        self.execute("INSERT INTO totp_steps (user_id, last_step) VALUES (?, ?) "
                     "ON CONFLICT (user_id) DO UPDATE SET last_step = excluded.last_step", (user_id, step))

    def failures(self, username: str, since: float) -> list[float]:
        return [r[0] for r in self.execute(
            "SELECT at FROM sign_in_failures WHERE username = ? AND at >= ? ORDER BY at", (username, since))]

    def failure_add(self, username: str, at: float) -> None:
        self.execute("INSERT INTO sign_in_failures (username, at) VALUES (?, ?)", (username, at))

    def failures_clear(self, username: str) -> None:
        self.execute("DELETE FROM sign_in_failures WHERE username = ?", (username,))

    # -- idempotency ------------------------------------------------------
    def idem_get(self, caller: str, key: str) -> dict | None:
        r = self.execute("SELECT request_hash, status, body FROM idempotency WHERE caller = ? AND key = ?",
                         (caller, key)).fetchone()
        return None if r is None else {"request_hash": r[0], "status": r[1], "body": json.loads(r[2])}

    def idem_put(self, caller: str, key: str, request_hash: str, status: int, body, at: float) -> None:
        self.execute("INSERT INTO idempotency (caller, key, request_hash, status, body, at) VALUES (?, ?, ?, ?, ?, ?)",
                     (caller, key, request_hash, status, json.dumps(body), at))

    # -- file contents of outputs, content-addressed ---------------------------
    def blob_put(self, sha256: str, content: bytes) -> None:
        self.execute("INSERT INTO blobs (sha256, content) VALUES (?, ?) ON CONFLICT DO NOTHING", (sha256, content))

    def blob_get(self, sha256: str) -> bytes | None:
        r = self.execute("SELECT content FROM blobs WHERE sha256 = ?", (sha256,)).fetchone()
        return None if r is None else bytes(r[0])

    # -- raw access (the queries above, tests of tamper detection, benchmarks) --
    def execute(self, sql: str, args=()):
        """Run one statement written with `?` parameters; returns a cursor (fetchone, fetchall, iteration)."""
        if not args:
            return self._d.execute(self._conn, sql, ())
        return self._d.execute(self._conn, self._d.sql(sql), self._args(args))


class SqliteStore:
    """SQLite in WAL mode; one connection per thread; writes serialised by BEGIN IMMEDIATE."""

    engine = "sqlite"

    def __init__(self, path: str):
        self.path = path
        self._local = threading.local()
        self._migrate()

    def _connect(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 30000")
            self._local.conn = conn
        return conn

    def _migrate(self) -> None:
        conn = self._connect()
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            for number, script in enumerate(SCHEMA[current:], start=current + 1):
                for statement in script.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {int(number)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    @contextmanager
    def _transaction(self, begin: str) -> Iterator[Tx]:
        conn = self._connect()
        conn.execute(begin)
        try:
            tx = Tx(conn)
            yield tx
            tx.audit_unattributed(utc_now_iso())
        except BaseException:
            if conn.in_transaction:    # SQLite may have rolled back already (a full disk)
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass               # the error being raised says what went wrong
            raise
        else:
            conn.execute("COMMIT")

    def read(self):
        return self._transaction("BEGIN")

    def write(self):
        return self._transaction("BEGIN IMMEDIATE")

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def open_store(url: str, connections: int | None = None):
    """Open the store named by `--db`: a file path or sqlite:///FILE (SQLite),
    or postgresql://USER@HOST:PORT/DBNAME (PostgreSQL). `connections`: the most
    PostgreSQL connections the process holds (SQLite has one per thread)."""
    if url.startswith(POSTGRES_SCHEMES):
        from .store_pg import PostgresStore
        return PostgresStore(url) if connections is None else PostgresStore(url, pool_size=connections)
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///"):]
    elif "://" in url:
        raise ValueError(f"unsupported database URL: {url.split('://')[0]}://")
    return SqliteStore(url)
