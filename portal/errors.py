"""The contract's error answers: `{"error": {"code": ..., "message": ...}}`."""


class ApiError(Exception):
    """A refusal with the contract's status and code.

    `extra` carries additional fields placed inside the error body (for example
    `retry_after` on a lockout); `headers` become response headers.
    """

    def __init__(self, status: int, code: str, message: str, *, extra=None, headers=None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.extra = dict(extra or {})
        self.headers = dict(headers or {})

    def body(self) -> dict:
        return {"error": {"code": self.code, "message": self.message, **self.extra}}


def unauthorized(message="Sign in first.", code="unauthorized"):
    return ApiError(401, code, message, headers={"WWW-Authenticate": "Bearer"})


def role_required(roles):
    return ApiError(403, "role_required", "This action needs the role: " + " or ".join(sorted(roles)) + ".")


def not_found(what="resource"):
    return ApiError(404, "not_found", f"No such {what}.")


def invalid_field(message):
    return ApiError(422, "invalid_field", message)


def bad_request(message):
    return ApiError(400, "bad_request", message)
