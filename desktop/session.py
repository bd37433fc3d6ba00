"""Signing in, resuming, working offline and signing out (no Qt here).

A `Workspace` is what a signed-in (or offline) user works in: the portal
client, the encrypted cache and the sync engine.

A cache that cannot be used (damaged, of a schema this version does not know,
not a cache at all, or not opened by the key at hand) never blocks signing in
and never loses unsent actions silently. At sign-in it is rebuilt: its unsent
actions are read as far as possible and exported, encrypted with the cache key
(sync/sealed.py), to a file in the "rescued" folder of the data folder, the
cache file is set aside (kept, not deleted), a new cache is made, the rescued
actions are queued again with their own Idempotency-Keys (one the portal already
applied has no second effect) and the export is then removed; `Workspace.notes`
tells the user all of it (naming the export file when it stays: actions of
another account). Opening offline cannot rebuild (the portal is needed): it
exports the actions, sealed, and says to sign in online.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from .sync import admin as admin_calls
from .sync.api import AuthExpired, PortalClient
from .sync.cache import (SALT_SUFFIX, Cache, CacheBusy, CacheCorrupt, CacheError, CacheKeyError, cache_key_for,
                         cache_path, rescue_outbox, set_aside, wipe_cache_files)
from .sync.engine import SyncEngine
from .sync.outbox import Outbox
from .sync.sealed import SealError, read_sealed
from .sync.secrets import SecretStore, normalise_portal

RESCUE_FOLDER = "rescued"


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
    stay_offline: bool = False     # opened in offline mode: the portal is not contacted this run
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

    @property
    def rescue_dir(self) -> str:
        """Where unsent actions of an unusable cache are exported (see rescue_outbox)."""
        return os.path.join(self.data_dir, RESCUE_FOLDER)

    def cache_exists(self, username: str) -> bool:
        return bool(username) and self.cache_file(username).exists()

    def new_client(self) -> PortalClient:
        return PortalClient(self.portal_url)

    def sign_in(self, username: str, password: str, totp: str) -> Workspace:
        """Sign in on the portal, keep the token in the keyring, open the cache."""
        client = self.new_client()
        answer = client.sign_in(username, password, totp)
        user = answer["user"]
        # Settle now whether the keyring keeps what it is given (a locked one does not):
        # the token and the cache key are stored, and the cache opened, accordingly.
        self.secrets.probe()
        self.secrets.set_token(self.portal_id, username, client.token)
        return self._open(client, username, user, password, offline=False)

    def start_enrolment(self, username: str, code: str, new_password: str) -> str:
        """First sign-in, step one: set the password; returns the otpauth URI of a fresh secret."""
        return admin_calls.start_enrolment(self.new_client(), username, code, new_password)

    def finish_enrolment(self, username: str, code: str, totp: str, password: str) -> Workspace:
        """First sign-in, step two: a first code from the new secret signs in, as `sign_in` does."""
        client = self.new_client()
        user = admin_calls.confirm_enrolment(client, username, code, totp)["user"]
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
        except CacheError:   # the sign-in dialog explains, and rebuilds at sign-in
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
        try:
            cache, from_password = self._cache(username, password)
        except CacheCorrupt as exc:
            # Without the portal there is nothing to rebuild from: save the unsent actions, keep the file.
            rescue = self._rescue(username, password, exc)
            message = f"{exc}. Sign in while the portal can be reached to rebuild the offline copy."
            if rescue.file is not None:
                message += f" Its {len(rescue.actions)} unsent action(s) were saved to {rescue.file}."
            raise CacheCorrupt(message) from None
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
        # An existing file is checked page by page once, when the app opens it.
        return Cache.open(path, key.key, verify=path.exists()), key.from_password

    def _rescue(self, username: str, password: str | None, error: Exception):
        path = self.cache_file(username)
        try:
            key = cache_key_for(self.secrets, self.portal_id, username, password, cache_file=path).key
        except CacheError:
            key = None
        return rescue_outbox(path, key, self.rescue_dir, reason=str(error))

    def _rebuild(self, username: str, password: str, user: dict, error: CacheError) -> tuple[Cache, bool, list[str]]:
        """Replace an unusable cache by a new one, keeping its unsent actions (see the module doc)."""
        path = self.cache_file(username)
        salt = Path(f"{path}{SALT_SUFFIX}")
        try:
            cache_key_for(self.secrets, self.portal_id, username, password, cache_file=path)
        except CacheCorrupt:     # the salt beside a password-derived cache is damaged: set it aside too
            set_aside(salt)
        rescue = self._rescue(username, password, error)
        aside = set_aside(path) if path.exists() else None
        key = cache_key_for(self.secrets, self.portal_id, username, password, cache_file=path)
        cache = Cache.open(path, key.key)
        meta = rescue.meta
        same_owner = (meta.get("user_id") in (None, user["id"]) and meta.get("username") in (None, username)
                      and (not meta.get("portal_url")
                           or normalise_portal(meta["portal_url"]) == normalise_portal(self.portal_id)))
        requeued = Outbox(cache).restore(rescue.actions) if rescue.actions and same_owner else 0
        notes = [f"The offline copy on this computer could not be used ({error})."
                 + (f" It was set aside as {aside.name}" if aside else "")
                 + " and a new copy is being fetched from the portal."]
        if rescue.actions and same_owner:
            # Queued again in the new copy: exports of them (this one, one made offline) have done their job.
            self._remove_requeued_exports(cache, key.key)
            notes.append(f"{len(rescue.actions)} unsent action(s) were rescued and {requeued} queued again: they "
                         "are sent now (one the portal already received has no second effect).")
        elif rescue.file is not None:
            notes.append(f"{len(rescue.actions)} unsent action(s) were saved, encrypted, to {rescue.file}; they "
                         "belong to another account and were not queued again.")
        elif rescue.readable:
            notes.append("It held no unsent actions.")
        else:
            notes.append("Unsent actions in it, if any, could not be read with this computer's key; the old copy "
                         "is kept in case the key is restored.")
        if rescue.skipped:
            notes.append(f"{rescue.skipped} damaged entries of its outbox could not be read.")
        return cache, key.from_password, notes

    def _remove_requeued_exports(self, cache: Cache, key: bytes) -> None:
        """Delete the sealed exports this key opens whose every action is in the outbox now."""
        queued = {r["idempotency_key"] for r in Outbox(cache).all(limit=1_000_000)}
        folder = Path(self.rescue_dir)
        for file in folder.glob("*.sealed") if folder.is_dir() else ():
            try:
                actions = read_sealed(file, key).get("actions") or []
            except (SealError, OSError, ValueError):
                continue     # another user's, or damaged: not ours to remove
            if all(a.get("idempotency_key") in queued for a in actions):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(file)

    def _open(self, client: PortalClient, username: str, user: dict, password: str, offline: bool) -> Workspace:
        notes: list[str] = []
        try:
            cache, from_password = self._cache(username, password)
        except CacheBusy:
            raise
        except CacheError as exc:
            cache, from_password, notes = self._rebuild(username, password, user, exc)
        meta = cache.meta()
        if meta.get("user_id") and meta["user_id"] != user["id"]:
            cache.reset_feed()   # same name, another account: never mix their data
        cache.set_identity(self.portal_id, username, user["id"], user["roles"])
        ws = Workspace(self.portal_id, self.portal_url, username, user, client, cache, SyncEngine(client, cache),
                       key_from_password=from_password, offline=offline, notes=notes)
        return ws

    @staticmethod
    def _staff_record(cache: Cache, user_id: str | None) -> dict:
        if not user_id:
            return {}
        record = cache.get("staff", user_id)
        return {"display_name": record.get("display_name")} if record else {}
