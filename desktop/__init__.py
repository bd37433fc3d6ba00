"""Portal Desk desktop client."""

from rules.version import VERSION as __version__  # noqa: F401 (pyproject.toml's, the one place it is kept)
