"""Refusals raised by the output check; the route handler maps ``.code`` to the API error."""


class CheckRefused(Exception):
    """Base class: the submission is refused before any disclosure check runs."""

    code = "refused"

    def __init__(self, message: str, file: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file


class InvalidFile(CheckRefused):
    """A blocked or malformed file (HTTP 422 ``invalid_file``)."""

    code = "invalid_file"


class TooLarge(CheckRefused):
    """A file or the whole output is over the size limit (HTTP 413 ``too_large``)."""

    code = "too_large"

    def __init__(self, message: str, file: str | None = None, size: int = 0, limit: int = 0) -> None:
        super().__init__(message, file)
        self.size = size
        self.limit = limit
