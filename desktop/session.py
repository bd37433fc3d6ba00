"""Signing in, resuming, working offline and signing out (no Qt here).

A `Workspace` is what a signed-in (or offline) user works in: the portal
client, the encrypted cache and the sync engine.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .sync.api import AuthExpired, PortalClient
from .sync.cache import Cache, CacheKeyError, cache_key_for, cache_path, wipe_cache_files
from .sync.engine import SyncEngine
from .sync.secrets import SecretStore


@dataclass
class Workspace:
    portal_id: str
    portal_url: str
    username: str
    user: dict
    client: PortalClient
    cache: Cache
    engine: SyncEngine
    key_from_password: bool = False
    offline: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def roles(self) -> set[str]:
        return set(self.user.get("roles") or [])

    def close(self) -> None:
        self.cache.close()


class SessionManager:
    """Opens workspaces for one portal. `portal_id` names the portal in the
    keyring and the cache file (stable even when the demo portal's port changes)."""

    def __init__(self, data_dir: str, portal_url: str, portal_id: str | None = None,
                 secrets: SecretStore | None = None):
        self.data_dir = data_dir
        self.portal_url = portal_url
        self.portal_id = portal_id or portal_url
        self.secrets = secrets or SecretStore()
        os.makedirs(os.path.join(data_dir, "caches"), mode=0o700, exist_ok=True)

    def cache_file(self, username: str):
        return cache_path(os.path.join(self.data_dir, "caches"), self.portal_id, username)

    def cache_exists(self, username: str) -> bool:
        return bool(username) and self.cache_file(username).exists()

    def new_client(self) -> PortalClient:
        return PortalClient(self.portal_url)

    def sign_in(self, username: str, password: str, totp: str) -> Workspace:
        """Sign in on the portal, keep the token in the keyring, open the cache."""
        client = self.new_client()
        answer = client.sign_in(username, password, totp)
        user = answer["user"]
        self.secrets.set_token(self.portal_id, username, client.token)
        return self._open(client, username, user, password, offline=False)

    def resume(self, username: str) -> Workspace | None:
        """Reopen a session whose token is still in the keyring and still valid."""
        if not username or not self.secrets.available:
            return None
        token = self.secrets.get_token(self.portal_id, username)
        if not token or not self.cache_exists(username):
            return None
        client = self.new_client()
        client.set_token(token)
        try:
            client.changes(0, 1)   # cheap check that the portal still honours the token
        except AuthExpired:
            self.secrets.delete_token(self.portal_id, username)
            return None
        try:
            cache = self._cache(username, None)[0]
        except CacheKeyError:
            return None
        meta = cache.meta()
        user = {"id": meta["user_id"], "username": username, "roles": meta["roles"]}
        user.update(self._staff_record(cache, meta["user_id"]))
        return Workspace(self.portal_id, self.portal_url, username, user, client, cache,
                         SyncEngine(client, cache))

    def open_offline(self, username: str, password: str | None = None) -> Workspace:
        """Open the cache without the portal (the network is never touched)."""
        if not self.cache_exists(username):
            raise CacheKeyError("there is no offline copy for this user on this computer")
        cache, from_password = self._cache(username, password)
        meta = cache.meta()
        user = {"id": meta["user_id"], "username": username, "roles": meta["roles"]}
        user.update(self._staff_record(cache, meta["user_id"]))
        client = self.new_client()
        token = self.secrets.get_token(self.portal_id, username)
        if token:
            client.set_token(token)
        return Workspace(self.portal_id, self.portal_url, username, user, client, cache,
                         SyncEngine(client, cache), key_from_password=from_password, offline=True)

    def reauthenticate(self, workspace: Workspace, password: str, totp: str) -> None:
        """Sign in again after the token expired; the cache and outbox stay as they are."""
        answer = workspace.client.sign_in(workspace.username, password, totp)
        self.secrets.set_token(self.portal_id, workspace.username, workspace.client.token)
        workspace.user.update(answer["user"])
        workspace.offline = False

    def sign_out(self, workspace: Workspace, wipe: bool = False) -> bool:
        """End the session on the portal (when reachable) and forget the token.
        With `wipe`, delete the offline copy and its key too."""
        told = workspace.client.sign_out()
        self.secrets.delete_token(self.portal_id, workspace.username)
        path = workspace.cache.path
        workspace.close()
        if wipe:
            wipe_cache_files(path)
            self.secrets.delete_cache_key(self.portal_id, workspace.username)
        return told

    # -- internals -------------------------------------------------------------
    def _cache(self, username: str, password: str | None) -> tuple[Cache, bool]:
        path = self.cache_file(username)
        key = cache_key_for(self.secrets, self.portal_id, username, password, cache_file=path)
        return Cache.open(path, key.key), key.from_password

    def _open(self, client: PortalClient, username: str, user: dict, password: str, offline: bool) -> Workspace:
        cache, from_password = self._cache(username, password)
        meta = cache.meta()
        if meta.get("user_id") and meta["user_id"] != user["id"]:
            cache.reset_feed()   # same name, another account: never mix their data
        cache.set_identity(self.portal_id, username, user["id"], user["roles"])
        ws = Workspace(self.portal_id, self.portal_url, username, user, client, cache, SyncEngine(client, cache),
                       key_from_password=from_password, offline=offline)
        return ws

    @staticmethod
    def _staff_record(cache: Cache, user_id: str | None) -> dict:
        if not user_id:
            return {}
        record = cache.get("staff", user_id)
        return {"display_name": record.get("display_name")} if record else {}
