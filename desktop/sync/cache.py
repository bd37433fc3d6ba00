"""The encrypted offline cache: one SQLCipher file per (portal, user).

The key is 32 random bytes kept in the OS keyring (see secrets.SecretStore), or,
when there is no usable keyring, derived from the user's password with scrypt and
a random salt kept beside the cache (`cache_key_for` says which happened). The
key is handed to SQLCipher in its raw form, never written anywhere.

Threading discipline: one SQLCipher connection per `Cache`, opened with
check_same_thread=False and serialised by one re-entrant lock. Every public
method takes the lock and runs its transaction to the end before releasing it,
so a `Cache` may be used from the UI thread and a sync worker thread at once;
a reader waits at most for the page being applied. Network I/O never happens
while the lock is held (the engine fetches a page, then applies it).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import json
import os
import re
import secrets
import stat
import sys
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator

from sqlcipher3 import dbapi2


def _import_sqlite_utils():
    """sqlite-utils imports pandas and numpy whenever they are installed, only to
    map their types on insert, which the cache never does. That import costs one
    to two seconds at every start of the client, so they are hidden from it while
    it loads (unless something imported them already)."""
    hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None   # import_module(name) raises ImportError
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]
    return sqlite_utils


sqlite_utils = _import_sqlite_utils()

from .reads import CacheReads
from .schema import KINDS, OTHER_TABLE, TABLE_KINDS, Kind, column_value, migrations
from .secrets import SecretStore, normalise_portal

PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
KEY_BYTES = 32
SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")
SALT_SUFFIX = ".salt"
SCRYPT = {"n": 2 ** 15, "r": 8, "p": 1}
_SCRYPT_N = {2 ** e for e in range(15, 21)}   # a tampered salt file cannot weaken the KDF

# What the views may sort by and which columns their rows carry (the only column
# names that reach SQL from a caller's choice, and only after a whitelist check).
APPLICATION_SORTS = ("title", "status", "institution", "applicant_name", "submitted_at",
                     "updated_at", "required_approvals", "approvals", "id")
APPLICATION_COLUMNS = ("id", "version", "title", "status", "institution", "applicant_id", "applicant_name",
                       "submitted_at", "updated_at", "required_approvals", "approvals", "sensitive")
OUTPUT_SORTS = ("submitted_at", "updated_at", "status", "verdict", "project_id", "researcher_id", "id")
OUTPUT_COLUMNS = ("id", "version", "project_id", "researcher_id", "status", "verdict", "sample_reason",
                  "submitted_at", "updated_at")
WARNING_SORTS = ("sent_at", "ack_due_at", "title", "severity", "tlp", "status", "id")
WARNING_COLUMNS = ("id", "version", "revision", "title", "severity", "tlp", "status", "author_id", "sent_at",
                   "ack_due_at")
TEXT_SORTS = {"title", "institution", "applicant_name"}
# The filter columns each list query passes to _ids: a sort index covers them too.
_SORT_FILTERS = {"applications": ("status",), "outputs": ("status", "verdict", "project_id"),
                 "warnings": ("status", "severity")}
SORT_INDEX_MIN_ROWS = 5_000   # below this, sorting the table itself is fast enough
SORT_INDEX_NAMES = {f"{table}_sort_{column}" for table, sorts in (
    ("applications", APPLICATION_SORTS), ("outputs", OUTPUT_SORTS), ("warnings", WARNING_SORTS)) for column in sorts}


class CacheError(Exception):
    """The cache cannot be used; the UI offers to wipe it and sync again."""


class CacheKeyError(CacheError):
    """The cache exists but this key does not open it."""


class CacheCorrupt(CacheError):
    """The file is damaged or is not a Portal Desk cache."""


class CacheBusy(CacheError):
    """Another Portal Desk window has the cache open: nothing is wrong with it."""


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


# -- where the cache lives, and its key ------------------------------------------
def cache_path(data_dir: str | os.PathLike, portal_url: str, username: str) -> Path:
    """The cache file of one user on one portal. The name is a digest, so neither
    the portal nor the username shows in the file system."""
    digest = hashlib.sha256(f"{normalise_portal(portal_url)}\n{username}".encode()).hexdigest()[:32]
    return Path(data_dir) / f"cache-{digest}.db"


@dataclass(frozen=True)
class CacheKey:
    key: bytes = field(repr=False)
    from_password: bool            # True: no usable keyring, derived from the password

    def __iter__(self):
        return iter((self.key, self.from_password))


def cache_key_for(secret_store: SecretStore, portal: str, username: str, password: str | None = None,
                  *, cache_file: str | os.PathLike | None = None) -> CacheKey:
    """The key of this user's cache.

    With a keyring that keeps what is written to it: 32 random bytes created once
    and kept there. Without one, or when the keyring refuses the write (locked),
    or when the cache was created without one (a salt file exists): scrypt(password,
    salt) with the salt in `<cache_file>.salt`; `from_password` is then True so the
    UI can say the cache is only as strong as the password. A random key is never
    made unless the keyring took it: one held in memory only would lose the cache
    (and its unsent actions) at the next start.

    The salt file decides: given the password, a cache that has one is always opened
    with the derived key, whatever a keyring that has become readable again holds.
    """
    salt_file = Path(f"{cache_file}{SALT_SUFFIX}") if cache_file is not None else None
    has_salt = bool(salt_file and salt_file.exists())
    if not (has_salt and password is not None):
        stored = secret_store.get_cache_key(portal, username)
        if stored is not None:
            return CacheKey(stored, from_password=has_salt)
        if secret_store.available and not has_salt:
            key = secrets.token_bytes(KEY_BYTES)
            if secret_store.set_cache_key(portal, username, key):
                return CacheKey(key, from_password=False)
            # The keyring refused it (now counted as no keyring): derive from the password instead.
    if password is None or salt_file is None:
        raise CacheKeyError("this cache's key is derived from the password (no usable keyring): "
                            "sign in with the password to open it")
    params = _read_or_create_salt(salt_file)
    key = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(params["salt"]), n=params["n"],
                         r=params["r"], p=params["p"], maxmem=128 * 1024 * 1024, dklen=KEY_BYTES)
    # Kept for resuming without the password (in memory only when there is no keyring).
    secret_store.set_cache_key(portal, username, key)
    return CacheKey(key, from_password=True)


def _read_or_create_salt(salt_file: Path) -> dict:
    try:
        params = json.loads(salt_file.read_text("utf-8"))
        if params.get("kdf") == "scrypt" and all(isinstance(params.get(k), int) for k in SCRYPT) \
                and len(bytes.fromhex(params["salt"])) == 16 and params["n"] in _SCRYPT_N \
                and 1 <= params["r"] <= 16 and 1 <= params["p"] <= 4:
            return params
        raise CacheCorrupt("the cache's salt file is not valid")
    except FileNotFoundError:
        pass
    except (ValueError, TypeError, AttributeError):
        raise CacheCorrupt("the cache's salt file is not valid") from None
    params = {"kdf": "scrypt", **SCRYPT, "salt": secrets.token_hex(16)}
    salt_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(salt_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(params, f)
    return params


def wipe_cache_files(path: str | os.PathLike) -> None:
    """Delete a cache and its side files (also when it cannot be opened)."""
    path = Path(path)
    for candidate in (path, *(Path(f"{path}{s}") for s in (*SIDE_FILE_SUFFIXES, SALT_SUFFIX))):
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()


def _restrict(path: Path) -> None:
    if path.exists() and stat.S_IMODE(path.stat().st_mode) != 0o600:
        os.chmod(path, 0o600)


# -- the cache ------------------------------------------------------------------------
class Cache(CacheReads):
    """Open with `Cache.open(path, key)`; close with `close()` or a `with` block."""

    def __init__(self, path: Path, conn: Any):
        self.path = path
        self._conn = conn
        self.db = sqlite_utils.Database(conn, execute_plugins=False)
        self._lock = threading.RLock()
        self._sort_indexes: set[str] | None = None   # names of the sort indexes built so far
        self._status_counts: tuple[int, dict[str, int]] | None = None

    def __repr__(self) -> str:
        return f"<Cache {self.path.name}>"

    @classmethod
    def open(cls, path: str | os.PathLike, key: bytes, *, verify: bool = False) -> "Cache":
        """Open (or create) the cache. `verify` also checks every page's HMAC first
        (SQLCipher's cipher_integrity_check, about a second per 100 MB): done once
        per start of the app, it finds a damaged file before it is used rather than
        at some later query. Raises CacheKeyError, CacheCorrupt or CacheBusy."""
        if not isinstance(key, bytes) or len(key) != KEY_BYTES:
            raise ValueError("a cache key is 32 bytes")
        path = Path(path)
        if verify and _cut_to_nothing(path):
            raise CacheCorrupt("the cache file is empty: it was cut off, its contents are gone")
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        _restrict(path)
        conn = dbapi2.connect(str(path), check_same_thread=False, isolation_level=None)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")   # a wrong key is reported by our exception
            # The raw-key form skips SQLCipher's passphrase KDF; the hex comes from bytes, not input.
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if verify:
                bad = conn.execute("PRAGMA cipher_integrity_check").fetchall()
                if bad:
                    conn.close()
                    raise CacheCorrupt(f"the cache is damaged ({len(bad)} problems found by its integrity check)")
        except dbapi2.DatabaseError as exc:
            conn.close()
            if "not a database" in str(exc):
                raise _open_error(path) from None
            if "locked" in str(exc) or "busy" in str(exc):
                raise CacheBusy("the cache is in use by another Portal Desk window") from None
            raise CacheCorrupt(f"the cache cannot be opened: {exc}") from None
        cache = cls(path, conn)
        try:
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            with cache._lock:
                migrations.apply(cache.db)
                _check_schema(conn)
            for suffix in SIDE_FILE_SUFFIXES:
                _restrict(Path(f"{path}{suffix}"))
        except (dbapi2.DatabaseError, MemoryError, CacheCorrupt) as exc:   # MemoryError: see _READ_ERRORS
            conn.close()
            if isinstance(exc, CacheCorrupt):
                raise
            raise CacheCorrupt(f"the cache could not be prepared: {exc or 'a damaged page'}") from None
        except BaseException:
            conn.close()
            raise
        return cache

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> "Cache":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def wipe(self) -> None:
        """Close the cache and delete its files (the key stays with the caller)."""
        with self._lock:
            with contextlib.suppress(dbapi2.Error):
                self._conn.close()
            wipe_cache_files(self.path)

    # -- locking helpers (also used by outbox.py) ----------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        """Lock the cache and run one write transaction; yields the connection."""
        with self._lock, self.db.atomic():
            yield self._conn

    @contextlib.contextmanager
    def reading(self) -> Iterator[Any]:
        with self._lock:
            yield self._conn

    def query(self, sql: str, params: Iterable = ()) -> list[dict]:
        """Run one read query; `sql` is a constant, every value goes in `params`."""
        with self.reading() as conn:
            cur = conn.execute(sql, tuple(params))
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row)) for row in cur.fetchall()]

    # -- meta -----------------------------------------------------------------------------
    def cursor(self) -> int:
        return self.query("SELECT cursor FROM meta WHERE id = 1")[0]["cursor"]

    def meta(self) -> dict:
        row = self.query("SELECT cursor, portal_url, username, user_id, roles, last_sync_at FROM meta WHERE id = 1")[0]
        row["roles"] = json.loads(row["roles"]) if row["roles"] else []
        return row

    def set_identity(self, portal_url: str, username: str, user_id: str, roles: list[str]) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE meta SET portal_url = ?, username = ?, user_id = ?, roles = ? WHERE id = 1",
                         (normalise_portal(portal_url), username, user_id, _dumps(list(roles))))

    def reset_feed(self) -> None:
        """Forget all synced entities and the cursor (the outbox stays): the next
        sync pulls everything again."""
        with self.transaction() as conn:
            for kind in KINDS.values():
                conn.execute(f"DELETE FROM {kind.table}")
            conn.execute(f"DELETE FROM {OTHER_TABLE}")
            conn.execute("UPDATE meta SET cursor = 0, last_sync_at = NULL WHERE id = 1")
            for name in self._built_sort_indexes(conn):   # rebuilt after the next full sync (see _sort_index)
                conn.execute(f"DROP INDEX IF EXISTS {name}")
            self._sort_indexes = set()

    # -- applying the change feed ---------------------------------------------------------
    def apply_page(self, changes: list[dict], next_cursor: int) -> int:
        """Apply one page of the change feed and move the cursor, in one transaction:
        either the whole page and the new cursor are stored, or nothing is."""
        if isinstance(next_cursor, bool) or not isinstance(next_cursor, int) or next_cursor < 0:
            raise ValueError("the cursor is a non-negative integer")
        latest: dict[tuple[str, str], dict] = {}
        for change in changes:   # an entity changed twice in a page: its last state wins
            latest.pop((change["entity"], change["id"]), None)
            latest[(change["entity"], change["id"])] = change
        upserts: dict[str, list[tuple]] = {}
        deletes: dict[str, list[str]] = {}
        others: list[tuple] = []
        other_deletes: list[tuple] = []
        researcher_names: list[tuple] = []
        for (entity, entity_id), change in latest.items():
            data, kind = change.get("data"), KINDS.get(entity)
            if kind is None:
                if data is None:
                    other_deletes.append((entity, entity_id))
                else:
                    others.append((entity, entity_id, _version(change, data), change.get("seq"), _dumps(data)))
            elif data is None:
                deletes.setdefault(kind.table, []).append(entity_id)
            else:
                upserts.setdefault(kind.table, []).append(_row(kind, entity_id, change, data))
                if entity == "researcher":
                    name = column_value(kind, "name", data)
                    researcher_names.append((name, entity_id, name))
        with self.transaction() as conn:
            for table in ("researchers", *(t for t in upserts if t != "researchers")):
                if table in upserts:
                    _upsert_rows(conn, TABLE_KINDS[table], upserts[table])
            if researcher_names:
                # documents that carry no applicant_name follow the researcher's record
                conn.executemany("UPDATE applications SET applicant_name = ? WHERE applicant_id = ? "
                                 "AND applicant_name IS NOT ? AND json_extract(data, '$.applicant_name') IS NULL",
                                 researcher_names)
            for table, ids in deletes.items():
                conn.execute(f"DELETE FROM {table} WHERE id IN (SELECT value FROM json_each(?))", (_dumps(ids),))
            if others:
                conn.executemany(f"INSERT INTO {OTHER_TABLE} (entity, id, version, seq, data) VALUES (?, ?, ?, ?, ?) "
                                 "ON CONFLICT (entity, id) DO UPDATE SET version = excluded.version, "
                                 "seq = excluded.seq, data = excluded.data", others)
            if other_deletes:
                conn.executemany(f"DELETE FROM {OTHER_TABLE} WHERE entity = ? AND id = ?", other_deletes)
            conn.execute("UPDATE meta SET cursor = ?, last_sync_at = ? WHERE id = 1", (next_cursor, now_iso()))
        return len(latest)

    # -- reading --------------------------------------------------------------------------
    def get(self, kind: str, entity_id: str) -> dict | None:
        """The cached document of one entity ("application", id), or None."""
        table = _kind(kind).table
        rows = self.query(f"SELECT data FROM {table} WHERE id = ?", (entity_id,))
        return json.loads(rows[0]["data"]) if rows else None

    def counts(self) -> dict[str, int]:
        """How many entities of each kind the cache holds."""
        with self.reading() as conn:
            return {k.entity: conn.execute(f"SELECT count(*) FROM {k.table}").fetchone()[0]
                    for k in KINDS.values()}

    def application_status_counts(self) -> dict[str, int]:
        """Applications per status. Kept until the next write through this cache's
        connection (its total_changes moves): the list asks on every refresh, and at
        100,000 applications counting them costs a scan."""
        with self.reading() as conn:
            stamp = conn.total_changes
            if self._status_counts is None or self._status_counts[0] != stamp:
                rows = conn.execute("SELECT status, count(*) FROM applications GROUP BY status").fetchall()
                self._status_counts = (stamp, {status: n for status, n in rows})
            return dict(self._status_counts[1])

    def application_ids(self, search: str | None = None, status: str | Iterable[str] | None = None,
                        order_by: str = "submitted_at", descending: bool = False,
                        applicant_ids: Iterable[str] | None = None) -> list[str]:
        """Ids of the applications matching a full-text search, a status filter and (when
        given) a set of applicants, sorted in SQL. `order_by` must be one of APPLICATION_SORTS."""
        match = fts_query(search)
        if match is None and search and search.strip():
            return []   # only punctuation: nothing can match
        filters = {"status": status}
        if applicant_ids is not None:
            filters["applicant_id"] = list(applicant_ids)
        return self._ids("applications", APPLICATION_SORTS, order_by, descending, filters, match)

    def certifications_ending(self, last_day: str) -> tuple[list[dict], list[dict]]:
        """Staff and researchers whose certification ends by `last_day` (an ISO date) or is
        not known: ({id, display_name, certified_until}, {id, name, certified_until})."""
        staff = []
        for row in self.query("SELECT data FROM staff WHERE data IS NOT NULL"):
            record = json.loads(row["data"])
            until = record.get("certified_until")
            if not isinstance(until, str) or until[:10] <= last_day:
                staff.append({k: record.get(k) for k in ("id", "display_name", "certified_until")})
        researchers = self.query("SELECT id, name, certified_until FROM researchers "
                                 "WHERE certified_until IS NULL OR substr(certified_until, 1, 10) <= ?", (last_day,))
        return staff, researchers

    def researcher_certifications(self) -> dict[str, str | None]:
        """Each researcher's certification date, by id (the applicants' certification column)."""
        return {r["id"]: r["certified_until"] for r in self.query("SELECT id, certified_until FROM researchers")}

    def applications_rows(self, ids: list[str]) -> list[dict]:
        """The list columns of these applications, in the order of `ids` (lazy loading)."""
        return self._rows("applications", APPLICATION_COLUMNS, ids)

    def output_ids(self, status: str | Iterable[str] | None = None, verdict: str | Iterable[str] | None = None,
                   project_id: str | None = None, order_by: str = "submitted_at",
                   descending: bool = False) -> list[str]:
        return self._ids("outputs", OUTPUT_SORTS, order_by, descending,
                         {"status": status, "verdict": verdict, "project_id": project_id})

    def outputs_rows(self, ids: list[str]) -> list[dict]:
        return self._rows("outputs", OUTPUT_COLUMNS, ids)

    def warning_ids(self, status: str | Iterable[str] | None = None, severity: str | Iterable[str] | None = None,
                    order_by: str = "sent_at", descending: bool = True) -> list[str]:
        return self._ids("warnings", WARNING_SORTS, order_by, descending, {"status": status, "severity": severity})

    def warnings_rows(self, ids: list[str]) -> list[dict]:
        return self._rows("warnings", WARNING_COLUMNS, ids)

    def prepare_default_orders(self) -> None:
        """Build the sort indexes of the lists' default orders now (after a full sync, on the
        sync's thread), so that the first list shown after it does not build one on the UI
        thread (0.6 s at 100,000 applications)."""
        self.application_ids()
        self.output_ids()
        self.warning_ids()

    def prepare_sort_orders(self, should_stop=lambda: False) -> list[str]:
        """Build the sort index of every sortable column (after a full sync, off the UI
        thread, once the lists are usable): the first sort by any column then reads an
        index instead of sorting 100,000 decrypted rows on the UI thread (0.7-1.5 s).
        Returns the indexes built."""
        built = []
        for table, sorts in (("applications", APPLICATION_SORTS), ("outputs", OUTPUT_SORTS),
                             ("warnings", WARNING_SORTS)):
            for column in sorts:
                if should_stop():
                    return built
                collate = " COLLATE NOCASE" if column in TEXT_SORTS else ""
                with self.reading() as conn:
                    before = set(self._built_sort_indexes(conn))
                    name = self._sort_index(conn, table, column, collate, _SORT_FILTERS[table])
                if name and name not in before:
                    built.append(name)
        return built

    def _ids(self, table: str, sorts: tuple[str, ...], order_by: str, descending: bool,
             filters: dict[str, Any], match: str | None = None) -> list[str]:
        """Filter (equality or membership, as parameters) and sort (a whitelisted column) in SQL.

        Rows without a value in the sort column come last. On a large table the sort
        reads a narrow covering index in its order (see `_sort_index`) instead of
        decrypting and sorting every row: the rows with a value in index order, then
        those without."""
        if order_by not in sorts:
            raise ValueError(f"cannot sort {table} by {order_by!r}")
        where, params = [], []
        if match:
            where.append(f"t.rowid IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?)")
            params.append(match)
        for column, wanted in filters.items():   # column names come from this module, never from input
            if wanted is not None:
                where.append(f"t.{column} IN (SELECT value FROM json_each(?))")
                params.append(_dumps([wanted] if isinstance(wanted, str) else list(wanted)))
        direction = "DESC" if descending else "ASC"
        collate = " COLLATE NOCASE" if order_by in TEXT_SORTS else ""
        with self.reading() as conn:
            index = self._sort_index(conn, table, order_by, collate, tuple(filters))
            source = f"SELECT t.id FROM {table} t" + (f" INDEXED BY {index}" if index else "")
            valued = " AND ".join([*where, f"t.{order_by} IS NOT NULL"])
            empty = " AND ".join([*where, f"t.{order_by} IS NULL"])
            ids = [row[0] for row in conn.execute(
                f"{source} WHERE {valued} ORDER BY t.{order_by}{collate} {direction}, t.id {direction}", params)]
            ids += [row[0] for row in conn.execute(f"{source} WHERE {empty} ORDER BY t.id {direction}", params)]
            return ids

    def _sort_index(self, conn: Any, table: str, order_by: str, collate: str, filters: tuple[str, ...]) -> str | None:
        """The covering index (sort column, id, filter columns) that serves a sort, or
        None while the table is small enough to sort without one.

        Built on first use: the initial sync runs before any exists (keeping an index
        up to date through 100,000 inserts costs several times what building it once
        afterwards does, about a second), and only the sorts people use get one."""
        name = f"{table}_sort_{order_by}"
        if name in self._built_sort_indexes(conn):
            return name
        if conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] < SORT_INDEX_MIN_ROWS:
            return None
        columns = [f"{order_by}{collate}", *(["id"] if order_by != "id" else []),
                   *(c for c in filters if c not in (order_by, "id"))]
        with self.transaction():
            conn.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({', '.join(columns)})")
        self._sort_indexes.add(name)
        return name

    def _built_sort_indexes(self, conn: Any) -> set[str]:
        if self._sort_indexes is None:
            self._sort_indexes = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
                                  if row[0] in SORT_INDEX_NAMES}
        return self._sort_indexes

    def rows(self, kind: str, ids: list[str]) -> list[dict]:
        """Full documents of these entities, in the order of `ids` (missing ones skipped)."""
        return [json.loads(r["data"]) for r in self._rows(_kind(kind).table, ("id", "data"), ids)]

    def _rows(self, table: str, columns: tuple[str, ...], ids: list[str]) -> list[dict]:
        ids = list(ids)
        rows = self.query(f"SELECT {', '.join(columns)} FROM {table} "
                          "WHERE id IN (SELECT value FROM json_each(?))", (_dumps(ids),))
        by_id = {r["id"]: r for r in rows}
        return [by_id[i] for i in ids if i in by_id]


def fts_query(search: str | None) -> str | None:
    """Turn what a user typed into a safe FTS5 query: every whitespace-separated word
    must match as a prefix; a word with inner punctuation ("APP-2026-0001") is a phrase.
    Only \\w characters reach FTS5, always inside quotes, so no query syntax gets through."""
    if not search:
        return None
    phrases = [" ".join(re.findall(r"\w+", word)) for word in search.split()]
    return " ".join(f'"{p}"*' for p in phrases[:32] if p) or None


def _kind(kind: str) -> Kind:
    found = KINDS.get(kind) or TABLE_KINDS.get(kind)
    if found is None:
        raise ValueError(f"unknown entity kind {kind!r}")
    return found


def _version(change: dict, data: dict) -> int | None:
    version = data.get("version", change.get("version"))
    return version if isinstance(version, int) and not isinstance(version, bool) else None


def _row(kind: Kind, entity_id: str, change: dict, data: dict) -> tuple:
    values = [entity_id, _version(change, data), change.get("seq"), _dumps(data)]
    values += [column_value(kind, name, data) for name in kind.columns if name != "applicant_name"]
    if "applicant_name" in kind.columns:
        values += [column_value(kind, "applicant_name", data), column_value(kind, "applicant_id", data)]
    return tuple(values)


UPSERT_BATCH = 100   # rows per INSERT statement: far fewer statements for the FTS triggers to run in


def _upsert_rows(conn: Any, kind: Kind, rows: list[tuple]) -> None:
    """executemany over multi-row INSERT ... ON CONFLICT DO UPDATE statements.

    An UPDATE keeps the rowid, which the full-text index is keyed on. Applications
    look the applicant's name up in researchers."""
    full = len(rows) - len(rows) % UPSERT_BATCH
    if full:
        conn.executemany(_upsert_sql(kind.table, UPSERT_BATCH),
                         [_flat(rows[i:i + UPSERT_BATCH]) for i in range(0, full, UPSERT_BATCH)])
    if full < len(rows):
        conn.execute(_upsert_sql(kind.table, len(rows) - full), _flat(rows[full:]))


def _flat(rows: list[tuple]) -> tuple:
    return tuple(itertools.chain.from_iterable(rows))


@functools.lru_cache(maxsize=256)
def _upsert_sql(table: str, count: int) -> str:
    kind = TABLE_KINDS[table]
    plain = [c for c in kind.columns if c != "applicant_name"]
    names = ["id", "version", "seq", "data", *plain]
    values = ["?"] * len(names)
    if "applicant_name" in kind.columns:
        names.append("applicant_name")
        values.append("coalesce(?, (SELECT name FROM researchers WHERE id = ?))")
    updates = ", ".join(f"{n} = excluded.{n}" for n in names if n != "id")
    tuples = ", ".join([f"({', '.join(values)})"] * count)
    return (f"INSERT INTO {kind.table} ({', '.join(names)}) VALUES {tuples} "
            f"ON CONFLICT (id) DO UPDATE SET {updates}")


def _open_error(path: Path) -> CacheError:
    """SQLCipher says "file is not a database" for a wrong key and for garbage alike;
    tell them apart as well as the file allows."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError as exc:
        return CacheCorrupt(f"the cache file cannot be read: {exc.strerror}")
    if head == PLAIN_SQLITE_HEADER:
        return CacheCorrupt("the cache file is an unencrypted SQLite database, not a Portal Desk cache")
    if size >= 1024 and size % 512 == 0:
        return CacheKeyError("the cache cannot be opened with this key (it was encrypted with another "
                             "key, e.g. after the keyring was reset or the password changed); "
                             "it can be wiped and synced again")
    return CacheCorrupt("the cache file is damaged or is not a Portal Desk cache")


# -- a cache that cannot be used: check, rescue its unsent actions, set it aside ------------------
OUTBOX_FIELDS = ("id", "idempotency_key", "method", "path", "body", "entity_kind", "entity_id", "summary",
                 "created_at", "state", "attempts", "next_attempt_at", "last_error", "updated_at")
RESCUE_FORMAT = "portal-desk-unsent-actions"
# SQLCipher reports a page that fails its HMAC as "out of memory" (SQLITE_NOMEM), which
# Python raises as MemoryError: on a damaged file that is what a read meets.
_READ_ERRORS = (dbapi2.DatabaseError, MemoryError)


def _cut_to_nothing(path: Path) -> bool:
    """An existing cache of zero bytes with no write-ahead log to replay. A new cache is
    never left like that (switching it to WAL mode writes its first page at once)."""
    try:
        if path.stat().st_size != 0:
            return False
    except FileNotFoundError:
        return False
    wal = Path(f"{path}-wal")
    return not (wal.exists() and wal.stat().st_size > 0)


def _check_schema(conn: Any) -> None:
    """The tables and the one meta row this version relies on (after its migrations ran):
    a file from another program, or one whose schema was damaged, is refused here."""
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = ({"meta", "outbox", "attention", OTHER_TABLE} | set(TABLE_KINDS)) - tables
        if missing:
            raise CacheCorrupt(f"the cache's schema is not one this version knows (missing {', '.join(sorted(missing))})")
        columns = {r[1] for r in conn.execute("PRAGMA table_info(outbox)")}
        if not set(OUTBOX_FIELDS) <= columns:
            raise CacheCorrupt("the cache's schema is not one this version knows (its outbox differs)")
        if conn.execute("SELECT count(*) FROM meta WHERE id = 1").fetchone()[0] != 1:
            raise CacheCorrupt("the cache's schema is not one this version knows (no meta row)")
    except _READ_ERRORS as exc:
        raise CacheCorrupt(f"the cache's schema cannot be read: {exc or 'a damaged page'}") from None


@dataclass
class Rescue:
    """What `rescue_outbox` could read from a cache that cannot be used."""

    readable: bool                       # the outbox table could be read at all
    actions: list[dict]                  # unsent actions (queued or being sent), oldest first
    file: Path | None = None             # the JSON file they were exported to (None: nothing to export)
    meta: dict = field(default_factory=dict)   # portal_url, username, user_id when readable
    skipped: int = 0                     # rows that could not be read (damaged pages)


def _connect_raw(path: Path, key: bytes | None) -> Any:
    conn = dbapi2.connect(str(path), check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def _read_outbox(path: Path, key: bytes | None) -> tuple[list[dict], int]:
    """Unsent actions, row by row where the table as a whole cannot be read. After
    SQLCipher meets a damaged page the connection fails every later query, so each
    failure costs a new connection."""
    conn = _connect_raw(path, key)
    try:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(outbox)")]
        wanted = [c for c in OUTBOX_FIELDS if c in columns]
        if "idempotency_key" not in wanted or "path" not in wanted:
            raise CacheCorrupt("the outbox has no idempotency keys or paths")
        select = f"SELECT {', '.join(wanted)} FROM outbox"
        pending = "state IN ('queued', 'sending')" if "state" in wanted else "1"
        try:
            rows = conn.execute(f"{select} WHERE {pending} ORDER BY rowid").fetchall()
            return [dict(zip(wanted, r)) for r in rows], 0
        except _READ_ERRORS:
            pass
    finally:
        conn.close()

    def attempt(sql: str, args: tuple = ()) -> list | None:
        nonlocal conn
        try:
            return conn.execute(sql, args).fetchall()
        except _READ_ERRORS:
            with contextlib.suppress(dbapi2.Error):
                conn.close()
            conn = _connect_raw(path, key)
            return None

    conn = _connect_raw(path, key)
    try:
        # Which rows are pending: from the (state, id) index alone if it is intact, else every rowid.
        ids = attempt(f"SELECT rowid FROM outbox WHERE {pending} ORDER BY rowid")
        if ids is not None:
            candidates = [r[0] for r in ids]
        else:
            highest = 0
            for probe in ("SELECT max(rowid) FROM outbox", "SELECT seq FROM sqlite_sequence WHERE name = 'outbox'"):
                found = attempt(probe)
                if found and found[0][0]:
                    highest = max(highest, int(found[0][0]))
            candidates = list(range(1, min(highest, 1_000_000) + 1))
        actions, skipped = [], 0
        for rowid in candidates:
            found = attempt(f"{select} WHERE rowid = ? AND {pending}", (rowid,))
            if found is None:
                skipped += 1
            elif found:
                actions.append(dict(zip(wanted, found[0])))
        return actions, skipped
    finally:
        with contextlib.suppress(dbapi2.Error):
            conn.close()


def rescue_outbox(path: str | os.PathLike, key: bytes | None, dest_dir: str | os.PathLike | None = None,
                  reason: str = "", seal_key: bytes | None = None) -> Rescue:
    """Read the unsent actions of a cache that cannot be used (damaged, of an unknown
    schema, or opened with the wrong key) and export them to a file in `dest_dir`
    (default: a "rescued" folder beside the cache), readable by the user only and
    encrypted with `seal_key` (default: `key`, the cache key from the keyring or the
    password; see sealed.py). Without any key nothing is written (the actions are still
    returned to be queued again). Best effort and read-only as far as SQLite allows: a
    table that cannot be read whole is read row by row. Never raises for a damaged file;
    the returned Rescue says what was found and where it went."""
    path = Path(path)
    rescue = Rescue(readable=False, actions=[])
    opened, usable_key = False, None
    for candidate in ((key,) if key is not None else ()) + (None,):   # None: a plain SQLite file
        try:
            _connect_raw(path, candidate).close()
        except (*_READ_ERRORS, OSError):
            continue
        opened, usable_key = True, candidate
        break
    if opened:
        try:
            actions, rescue.skipped = _read_outbox(path, usable_key)
            rescue.readable = True
            for action in actions:
                body = action.get("body")
                try:
                    action["body"] = json.loads(body) if isinstance(body, str) else body
                except ValueError:
                    action["body"] = None
                    action["body_text"] = body   # kept as the text it was
            rescue.actions = actions
        except (*_READ_ERRORS, OSError, CacheCorrupt):
            pass
        try:
            conn = _connect_raw(path, usable_key)
            try:
                row = conn.execute("SELECT portal_url, username, user_id FROM meta WHERE id = 1").fetchone()
                if row:
                    rescue.meta = {"portal_url": row[0], "username": row[1], "user_id": row[2]}
            finally:
                conn.close()
        except (*_READ_ERRORS, OSError):
            pass
    seal_key = seal_key if seal_key is not None else key
    if rescue.actions and seal_key is not None:
        from .sealed import write_sealed
        folder = Path(dest_dir) if dest_dir is not None else path.parent / "rescued"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        target = folder / f"unsent-actions-{stamp}.sealed"
        document = {"format": RESCUE_FORMAT, "version": 1, "exported_at": now_iso(), "cache_file": path.name,
                    "reason": reason, **rescue.meta, "unreadable_rows": rescue.skipped,
                    "actions": rescue.actions}
        write_sealed(target, document, seal_key)
        rescue.file = target
    return rescue


def set_aside(path: str | os.PathLike) -> Path:
    """Move a cache that cannot be used (and its side files) out of the way, keeping it:
    with the right key it may still be read later. Returns its new name."""
    path = Path(path)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.unusable-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.unusable-{stamp}-{n}")
    for suffix in ("", *SIDE_FILE_SUFFIXES):
        with contextlib.suppress(FileNotFoundError):
            os.replace(f"{path}{suffix}", f"{target}{suffix}")
    return target
