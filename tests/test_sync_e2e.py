"""The sync layer against the real reference portal on loopback (the `portal`
fixture of tests/conftest.py): sign in as anna, sync the demo feed into an
encrypted cache, push an approval and see a refusal come back as attention.
Runs against a portal on SQLite and on PostgreSQL (tests/conftest.py)."""

from __future__ import annotations

import datetime
import json

import pytest

from desktop.sync.api import AuthExpired, PortalClient, PortalError
from desktop.sync.cache import Cache, cache_key_for, cache_path
from desktop.sync.engine import SyncEngine
from desktop.sync.secrets import SecretStore


@pytest.fixture(scope="module")
def anna(portal):
    client = PortalClient(portal.url)
    info = client.sign_in("anna", "demo", portal.totp.code("anna"))
    assert info["user"]["username"] == "anna" and "token" not in info
    return client, info


@pytest.fixture
def synced(portal, anna, tmp_path):
    client, info = anna
    store = SecretStore()
    path = cache_path(tmp_path, portal.url, "anna")
    key = cache_key_for(store, portal.url, "anna", cache_file=path)
    cache = Cache.open(path, key.key)
    cache.set_identity(portal.url, "anna", info["user"]["id"], info["user"]["roles"])
    engine = SyncEngine(client, cache, page_size=50)
    progress = []
    result = engine.sync_once(progress=lambda pages, changes: progress.append((pages, changes)))
    yield engine, cache, result, progress, path
    cache.close()


def test_full_demo_feed_lands_in_encrypted_cache(portal, synced):
    engine, cache, result, progress, path = synced
    assert result.online and result.error is None and not result.auth_required
    assert result.pages >= 2 and progress[-1] == (result.pages, result.pulled)
    expected = portal.all_changes("anna")
    apps = {i: d for (kind, i), d in expected.items() if kind == "application" and d is not None}
    assert len(apps) >= 60 and cache.counts()["application"] == len(apps)
    for app_id, data in apps.items():
        assert cache.get("application", app_id) == data
    assert cache.cursor() == result.cursor > 0
    assert not path.read_bytes().startswith(b"SQLite format 3")
    # anna is a caseworker: no outputs, samples or warnings reach her cache
    counts = cache.counts()
    assert counts["output"] == counts["sample"] == counts["warning"] == 0
    # the views' queries work on the real data
    ids = cache.application_ids(search="Aarhus", order_by="title")
    assert ids and all("aarhus" in (r["institution"] + r["title"] + (r["applicant_name"] or "")).lower()
                       for r in cache.applications_rows(ids))
    assert set(cache.application_status_counts()) <= {"submitted", "in_review", "approved", "rejected", "returned"}
    # a second round has nothing new
    assert engine.sync_once().pulled == 0


def _reviewable(cache) -> dict:
    today = datetime.date.today().isoformat()
    for app_id in cache.application_ids(status="submitted", order_by="submitted_at"):
        app = cache.get("application", app_id)
        applicant = cache.get("researcher", app["applicant_id"]) or {}
        if (applicant.get("certified_until") or "") > today and app["required_approvals"] >= 2 \
                and not any(r.get("reviewer_id") == "u-anna" for r in app["reviews"]):
            return app
    pytest.skip("no application anna can approve in the demo data")


def test_approval_is_pushed_and_a_repeat_is_refused(synced):
    engine, cache, _, _, _ = synced
    app = _reviewable(cache)
    body = {"decision": "approve", "comment": "", "expected_version": app["version"]}
    first = engine.outbox.enqueue("POST", f"/applications/{app['id']}/reviews", body, "application", app["id"],
                                  f"Approve {app['id']}")
    second = engine.outbox.enqueue("POST", f"/applications/{app['id']}/reviews", body, "application", app["id"],
                                   f"Approve {app['id']} again")
    result = engine.sync_once()
    assert result.pushed == 1 and result.refused == 1 and result.pending == 0 and result.online
    assert engine.outbox.get(first["id"])["state"] == "done"
    assert engine.outbox.get(second["id"])["state"] == "refused"
    now = cache.get("application", app["id"])
    assert now["status"] == "in_review" and any(r["reviewer_id"] == "u-anna" for r in now["reviews"])
    [item] = [a for a in engine.outbox.attention() if a["outbox_id"] == second["id"]]
    assert item["status"] == 409 and item["code"] in ("version_conflict", "already_reviewed")
    assert item["server_state"] == now


def test_dead_token_is_auth_expired(portal, tmp_path):
    client = PortalClient(portal.url)
    client.sign_in("bent", "demo", portal.totp.code("bent"))
    token = client.token
    assert client.sign_out() is True
    client.set_token(token)
    with pytest.raises(AuthExpired):
        client.changes(0)


def test_wrong_password_is_refused(portal):
    client = PortalClient(portal.url)
    with pytest.raises(PortalError) as info:
        client.sign_in("anna", "not-demo", "000000")
    assert info.value.status == 401 and not isinstance(info.value, AuthExpired)


def _cached_state(portal_process, username: str, folder) -> dict:
    """Sync `username`'s feed from `portal_process` into a new cache; returns
    {(kind, id): (version, status)} of every entity in it."""
    from desktop.sync.cache import KINDS
    client = PortalClient(portal_process.url)
    info = client.sign_in(username, "demo", portal_process.totp.code(username))
    path = cache_path(folder, portal_process.url, username)
    cache = Cache.open(path, cache_key_for(SecretStore(), portal_process.url, username, cache_file=path).key)
    try:
        cache.set_identity(portal_process.url, username, info["user"]["id"], info["user"]["roles"])
        result = SyncEngine(client, cache, page_size=100).sync_once()
        assert result.online and result.error is None
        state = {}
        for kind in KINDS.values():
            for row in cache.query(f"SELECT id, data FROM {kind.table}"):
                data = json.loads(row["data"])
                state[(kind.entity, row["id"])] = (data.get("version"), data.get("status"))
        return state
    finally:
        cache.close()


def test_the_client_syncs_the_same_from_either_database(pg_cluster, tmp_path):
    """The demo world on a SQLite portal and on a PostgreSQL portal: the desktop's sync
    engine fills the same cache from either (every entity, its version and status)."""
    from tests.portal_process import PortalProcess
    states = {}
    for backend in ("sqlite", "postgresql"):
        process = PortalProcess(backend=backend).start()
        try:
            states[backend] = {user: _cached_state(process, user, tmp_path / backend / user)
                               for user in ("helle", "frida")}
        finally:
            process.close()
    for user in ("helle", "frida"):
        assert len(states["sqlite"][user]) > 100
        assert states["sqlite"][user] == states["postgresql"][user], user
