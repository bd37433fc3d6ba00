"""The door to the portal for views: every call they make that cannot wait for a sync
round (reads of what the change feed does not carry, and the edits that are not
queued because they are not POSTs). No Qt; call from a background task (tasks.Op).

Each call runs on a client of its own, signed in with the workspace's token: the sync
worker may be using the workspace's client at that very moment. Queued actions are
not sent here: `SyncEngine.send_now` sends one now, the same way a sync round does.

The errors the views tell apart are exported here too, so that views never import the
HTTP client module (tests/test_layering.py).
"""

from __future__ import annotations

from typing import Any

from .api import (AuthExpired, InsecurePortal, PortalClient, PortalClientError, PortalError,  # noqa: F401
                  PortalFault, PortalUnreachable, api_path, normalise_base_url)

AUDIT_TRAIL_LIMIT = 5000     # entries a trail read follows pages for


class PortalCalls:
    """Direct calls for one signed-in session: `PortalCalls(workspace.client)`."""

    def __init__(self, client: PortalClient, timeout: tuple[float, float] = (3, 30)):
        self.base_url = client.base_url
        self.token = client.token
        self.timeout = timeout

    @property
    def signed_in(self) -> bool:
        return bool(self.token)

    def _client(self, read_timeout: float | None = None) -> PortalClient:
        timeout = self.timeout if read_timeout is None else (self.timeout[0], read_timeout)
        client = PortalClient(self.base_url, timeout=timeout)
        client.set_token(self.token)
        return client

    # -- audit ------------------------------------------------------------------------------------
    def audit_page(self, params: dict) -> Any:
        """One page of `GET /audit` (entity, id, actor, ... as the portal takes them)."""
        return self._client(15).get("/audit", params)

    def audit_trail(self, params: dict, limit: int = AUDIT_TRAIL_LIMIT) -> tuple[list[dict], bool]:
        """Follow the trail's pages; returns the entries and whether more were left unread."""
        client = self._client()
        entries: list[dict] = []
        query = dict(params)
        while True:
            answer = client.get("/audit", query)
            page = answer.get("entries", []) if isinstance(answer, dict) else []
            entries += page
            if not (isinstance(answer, dict) and answer.get("more")) or not page:
                return entries[:limit], len(entries) > limit
            if len(entries) >= limit:
                return entries[:limit], True
            query["after"] = answer.get("next") or page[-1]["seq"]

    def audit_verify(self) -> Any:
        """`GET /audit/verify`: the portal recomputes every hash of the chain (slow on a long log)."""
        return self._client(120).get("/audit/verify")

    # -- outputs ----------------------------------------------------------------------------------
    def output_file(self, output_id: str, index: int) -> Any:
        return self._client(60).get(api_path("outputs", output_id, "files", str(index)))

    def sampling_overview(self) -> Any:
        return self._client().get("/sampling/overview")

    # -- warnings ---------------------------------------------------------------------------------
    def warning_acks(self, warning_id: str) -> dict:
        """The acknowledgement board (`GET /warnings/{id}/acks`), its shape checked."""
        answer = self._client(20).get(api_path("warnings", warning_id, "acks"))
        if not isinstance(answer, dict) or not isinstance(answer.get("recipients"), list) \
                or not isinstance(answer.get("counts"), dict):
            raise PortalFault("the acknowledgement board is not the expected shape")
        return answer

    def warning_csaf(self, warning_id: str) -> dict:
        """The portal's CSAF 2.0 document of a warning (`GET /warnings/{id}/csaf`, coordinators)."""
        answer = self._client(20).get(api_path("warnings", warning_id, "csaf"))
        if not isinstance(answer, dict) or not isinstance(answer.get("document"), dict):
            raise PortalFault("the CSAF document is not the expected shape")
        return answer

    def edit_warning(self, warning_id: str, body: dict) -> Any:
        """Edit a draft or a pending revision (PATCH: not queued, it needs the portal now)."""
        return self._client(20).patch(api_path("warnings", warning_id), body)

    def discard_revision(self, warning_id: str) -> Any:
        return self._client(20).delete(api_path("warnings", warning_id, "revisions", "pending"))
