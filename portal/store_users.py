"""The storage of user administration: a user's roles and grants, active state,
credentials, and one-time enrolment codes. Part of `store.Tx` (a mixin), kept in
its own module; the SQL is written once with `?` parameters for both engines."""

from __future__ import annotations

import json


class UserAdminTx:
    """Methods of `store.Tx` for user administration (uses its `execute` and `_user_row`)."""

    def user_set_grants(self, user_id: str, grants: list[dict]) -> None:
        """Store a user's grants; the roles column follows them (one role once)."""
        roles = sorted({g["role"] for g in grants})
        self.execute("UPDATE users SET grants = ?, roles = ? WHERE id = ?",
                     (json.dumps(grants, sort_keys=True), json.dumps(roles), user_id))

    def user_set_active(self, user_id: str, active: bool) -> None:
        self.execute("UPDATE users SET active = ? WHERE id = ?", (1 if active else 0, user_id))

    def user_set_credentials(self, user_id: str, password_hash: str, totp_secret: str) -> None:
        self.execute("UPDATE users SET password_hash = ?, totp_secret = ? WHERE id = ?",
                     (password_hash, totp_secret, user_id))
        self.execute("DELETE FROM totp_steps WHERE user_id = ?", (user_id,))

    def tokens_revoke_user(self, user_id: str) -> None:
        """Every session of this user dies at once."""
        self.execute("UPDATE tokens SET revoked = 1 WHERE user_id = ? AND revoked = 0", (user_id,))

    def users_with_grants(self) -> list[dict]:
        return [self._user_row(r) for r in self.execute(
            f"SELECT {self._USER_COLUMNS} FROM users WHERE grants IS NOT NULL ORDER BY id")]

    # -- enrolment: one code per user at a time ------------------------------------
    _ENROLMENT_COLUMNS = "user_id, request_id, ready_at, code_hash, expires_at, new_password_hash, new_totp_secret, used"

    def enrolment_ready(self, user_id: str, request_id: str, at: float) -> None:
        """A request took effect: its requester may now fetch a code (once). Earlier codes die."""
        self.execute("DELETE FROM enrolments WHERE user_id = ?", (user_id,))
        self.execute("INSERT INTO enrolments (user_id, request_id, ready_at) VALUES (?, ?, ?)",
                     (user_id, request_id, at))

    def enrolment_for_user(self, user_id: str) -> dict | None:
        r = self.execute(f"SELECT {self._ENROLMENT_COLUMNS} FROM enrolments WHERE user_id = ?",
                         (user_id,)).fetchone()
        if r is None:
            return None
        return {"user_id": r[0], "request_id": r[1], "ready_at": r[2], "code_hash": r[3], "expires_at": r[4],
                "new_password_hash": r[5], "new_totp_secret": r[6], "used": bool(r[7])}

    def enrolment_for_request(self, request_id: str) -> dict | None:
        r = self.execute("SELECT user_id FROM enrolments WHERE request_id = ?", (request_id,)).fetchone()
        return None if r is None else self.enrolment_for_user(r[0])

    def enrolment_issue(self, user_id: str, code_hash: str, expires_at: float) -> None:
        self.execute("UPDATE enrolments SET code_hash = ?, expires_at = ? WHERE user_id = ?",
                     (code_hash, expires_at, user_id))

    def enrolment_set_pending(self, user_id: str, password_hash: str, totp_secret: str) -> None:
        self.execute("UPDATE enrolments SET new_password_hash = ?, new_totp_secret = ? WHERE user_id = ?",
                     (password_hash, totp_secret, user_id))

    def enrolment_use(self, user_id: str) -> None:
        self.execute("UPDATE enrolments SET used = 1 WHERE user_id = ?", (user_id,))
