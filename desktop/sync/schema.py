"""The offline cache's schema: entity kinds, the columns extracted for SQL, and
the sqlite-utils migrations that create them.

Each entity kind of the change feed has a table with the full JSON document in
`data` plus the few fields the views sort and filter on, extracted into real
columns when a change is applied. Table and column names below are the only
identifiers ever formatted into SQL; values always go in as parameters.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable

from sqlite_utils.migrations import Migrations

from rules import applications

Extractor = Callable[[dict], Any]


def _path(*keys: str) -> Extractor:
    def get(data: dict) -> Any:
        value: Any = data
        for key in keys:
            if not isinstance(value, dict):
                return None
            value = value.get(key)
        return value
    return get


def _approvals(data: dict) -> int:
    """Approvals given in the application's current round (a resubmission starts afresh)."""
    return applications.approvals_given(data)


def _sensitive(data: dict) -> bool:
    if isinstance(data.get("sensitive"), bool):
        return data["sensitive"]
    return applications.required_approvals(data) >= 3


def _registers(data: dict) -> str | None:
    registers = data.get("registers")
    if not isinstance(registers, list):
        return None
    return " ".join(str(r) for r in registers)


@dataclass(frozen=True)
class Kind:
    entity: str                      # the feed's name: "application"
    table: str                       # the cache table: "applications"
    columns: dict[str, tuple[type, Extractor]] = field(default_factory=dict)
    indexes: tuple[str, ...] = ()


def _cols(*names: str, types: dict[str, type] | None = None) -> dict[str, tuple[type, Extractor]]:
    types = types or {}
    return {n: (types.get(n, str), _path(n)) for n in names}


KINDS: dict[str, Kind] = {k.entity: k for k in (
    Kind("staff", "staff", _cols("username", "display_name", "roles")),
    Kind("researcher", "researchers", _cols("name", "institution", "certified_until"), ("institution",)),
    Kind("institution", "institutions", _cols("name")),
    Kind("organisation", "organisations", _cols("name", "sector", "region"), ("sector",)),
    Kind("application", "applications", {
        **_cols("title", "status", "institution", "applicant_id", "submitted_at", "updated_at", "purpose"),
        # taken from the document, else looked up in researchers (see cache.py)
        "applicant_name": (str, _path("applicant_name")),
        "registers": (str, _registers),
        "required_approvals": (int, _path("required_approvals")),
        "approvals": (int, _approvals),
        "sensitive": (int, _sensitive),
    }, ("status", "submitted_at", "updated_at", "applicant_id")),
    Kind("output", "outputs", {
        **_cols("project_id", "researcher_id", "status", "submitted_at", "updated_at"),
        "verdict": (str, _path("check", "verdict")),
        "sample_reason": (str, _path("sample", "reason")),
    }, ("status", "project_id", "researcher_id", "submitted_at")),
    Kind("sample", "samples", {**_cols("reason", "scope", "target_id", "drawn_at"),
                               "probability": (float, _path("probability"))}),
    Kind("warning", "warnings", {
        **_cols("title", "severity", "tlp", "status", "sent_at", "ack_due_at", "author_id"),
        "revision": (int, _path("revision")),
    }, ("status", "sent_at", "severity")),
    Kind("acknowledgement", "acknowledgements", _cols("warning_id", "org_id", "state", "at"), ("warning_id",)),
    Kind("incident", "incidents", {
        **_cols("title", "severity", "tlp", "status", "reported_at", "detected_at", "reporting_centre"),
        "nis2_significant": (int, _path("nis2_significant")),
    }, ("status",)),
)}

TABLE_KINDS = {k.table: k for k in KINDS.values()}
OTHER_TABLE = "other_entities"   # kinds this client version does not know yet
FTS_COLUMNS = ("id", "title", "purpose", "institution", "registers", "applicant_name")


def column_value(kind: Kind, name: str, data: dict) -> Any:
    """The value of an extracted column, coerced to what SQLite stores."""
    typ, extract = kind.columns[name]
    value = extract(data)
    if value is None:
        return None
    if isinstance(value, bool):
        return int(value)
    if typ is int:
        return value if isinstance(value, int) else None
    if typ is float:
        return float(value) if isinstance(value, (int, float)) else None
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value if isinstance(value, (str, int, float)) else str(value)


migrations = Migrations("portal-desk-cache")


@migrations()
def m001_entity_tables(db) -> None:
    for kind in KINDS.values():
        columns = {"id": str, "version": int, "seq": int, "data": str}
        columns.update({name: typ for name, (typ, _) in kind.columns.items()})
        db[kind.table].create(columns, pk="id", not_null={"data"})
        for column in kind.indexes:
            db[kind.table].create_index([column], find_unique_name=True)
    db[OTHER_TABLE].create({"entity": str, "id": str, "version": int, "seq": int, "data": str},
                           pk=("entity", "id"), not_null={"data"})


@migrations()
def m002_application_search(db) -> None:
    # External-content FTS5 kept in sync by triggers (rowid of applications).
    db["applications"].enable_fts(FTS_COLUMNS, create_triggers=True, tokenize="unicode61 remove_diacritics 2")


@migrations()
def m003_meta_outbox_attention(db) -> None:
    db.execute("""
        CREATE TABLE meta (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            cursor INTEGER NOT NULL DEFAULT 0,
            portal_url TEXT,
            username TEXT,
            user_id TEXT,
            roles TEXT,
            last_sync_at TEXT
        )""")
    db.execute("INSERT INTO meta (id, cursor) VALUES (1, 0)")
    db.execute("""
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            idempotency_key TEXT NOT NULL UNIQUE,
            method TEXT NOT NULL,
            path TEXT NOT NULL,
            body TEXT,
            entity_kind TEXT,
            entity_id TEXT,
            summary TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'queued'
                CHECK (state IN ('queued', 'sending', 'done', 'refused')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            last_error TEXT,
            updated_at TEXT
        )""")
    db.execute("CREATE INDEX outbox_state ON outbox (state, id)")
    db.execute("""
        CREATE TABLE attention (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            outbox_id INTEGER REFERENCES outbox (id),
            action TEXT NOT NULL,
            entity_kind TEXT,
            entity_id TEXT,
            status INTEGER,
            code TEXT,
            message TEXT,
            server_state TEXT,
            created_at TEXT NOT NULL,
            resolved INTEGER NOT NULL DEFAULT 0,
            resolved_at TEXT
        )""")
    db.execute("CREATE INDEX attention_open ON attention (resolved, id)")


def _create_kind_table(db, kind: Kind) -> None:
    columns = {"id": str, "version": int, "seq": int, "data": str}
    columns.update({name: typ for name, (typ, _) in kind.columns.items()})
    db[kind.table].create(columns, pk="id", not_null={"data"}, if_not_exists=True)
    for column in kind.indexes:
        db[kind.table].create_index([column], find_unique_name=True, if_not_exists=True)


@migrations()
def m004_incidents(db) -> None:
    """Incident reports get a table of their own; those a sync stored as an unknown kind move into it."""
    kind = KINDS["incident"]
    if kind.table in db.table_names():
        return            # a new cache: m001 made it
    _create_kind_table(db, kind)
    rows = db.execute(f"SELECT id, version, seq, data FROM {OTHER_TABLE} WHERE entity = ?", (kind.entity,)).fetchall()
    for entity_id, version, seq, data in rows:
        document = json.loads(data)
        db[kind.table].insert({"id": entity_id, "version": version, "seq": seq, "data": data,
                               **{name: column_value(kind, name, document) for name in kind.columns}})
    db.execute(f"DELETE FROM {OTHER_TABLE} WHERE entity = ?", (kind.entity,))


@migrations()
def m005_audit_witness(db) -> None:
    # What this desktop, as an outside witness of the portal's audit log, has seen:
    # the key pinned on first use, the newest checkpoint it verified, and every alarm.
    db.execute("""
        CREATE TABLE audit_trust (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            public_key TEXT NOT NULL,
            pinned_at TEXT NOT NULL,
            checkpoint TEXT,
            checked_at TEXT,
            states_checked_at REAL
        )""")
    db.execute("""
        CREATE TABLE audit_alarms (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            message TEXT NOT NULL,
            evidence TEXT NOT NULL,
            created_at TEXT NOT NULL,
            resolved_at TEXT,
            resolution TEXT
        )""")
