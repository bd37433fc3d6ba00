"""Portal Desk desktop client."""


def _read_version() -> str:
    """The version in pyproject.toml (the one place it is kept): from the installed package's
    metadata, else from pyproject.toml beside the package (a source tree, or a bundle, which carries it)."""
    try:
        from importlib.metadata import version
        return version("portal-desk")
    except Exception:
        pass
    try:
        import os
        import tomllib
        path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "pyproject.toml")
        with open(path, "rb") as f:
            return tomllib.load(f)["project"]["version"]
    except Exception:
        return "unknown"


__version__ = _read_version()
