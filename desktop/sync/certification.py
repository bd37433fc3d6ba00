"""The certification test's calls to the portal (no Qt).

They run on a background thread of their own while the sync engine may be using the
workspace's client, so they go through a client of their own with the same token.
The portal grades; the client never sees, and never needs, the answer key.
"""

from __future__ import annotations

import uuid

from .api import PortalClient, PortalError, PortalUnreachable, api_path


def refusal_code(error: BaseException) -> str | None:
    """The portal's refusal code (`too_many_attempts`, `not_open` ...) of a failed call, or None."""
    return error.code if isinstance(error, PortalError) else None


def refusal_message(error: BaseException) -> str | None:
    return error.message if isinstance(error, PortalError) else None


def unreachable(error: BaseException) -> bool:
    return isinstance(error, PortalUnreachable)


class CertificationCalls:
    def __init__(self, client: PortalClient):
        self._client = PortalClient(client.base_url, timeout=(5, 30))
        self._client.set_token(client.token)

    def status(self) -> dict:
        """GET /certification: {certified_until, valid, days_left, reminder, attempts_left, next_attempt_at}."""
        return self._client.get("/certification")

    def begin(self, language: str) -> dict:
        """A new attempt: {attempt_id, expires_at, seconds, required, questions:[{id, text, choices}]}."""
        return self._client.post("/certification/attempts", {}, uuid.uuid4().hex,
                                 headers={"Accept-Language": language})

    def answer(self, attempt_id: str, answers: dict[str, int], key: str) -> dict:
        """{passed, score, required, questions, certified_until, topics_to_reread:[{topic, title}]}.
        `key` is the Idempotency-Key: a retry after a lost answer is graded once."""
        return self._client.post(api_path("certification", "attempts", attempt_id, "answers"),
                                 {"answers": answers}, key)
