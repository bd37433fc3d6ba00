"""Reference portal backend for Portal Desk (contract v1)."""

from rules.version import VERSION as __version__  # noqa: F401 (pyproject.toml's, the one place it is kept)

API_PREFIX = "/api/v1"
