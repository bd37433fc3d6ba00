"""The product's version, kept in one place: pyproject.toml.

Read from the installed package's metadata, else from pyproject.toml beside the
packages (a source tree, or a bundle, which carries it). The portal reports it in
`GET /health` and its CSAF documents; the desktop shows it in About.
"""

from __future__ import annotations

import os
import tomllib


def read_version() -> str:
    try:
        from importlib.metadata import version
        return version("portal-desk")
    except Exception:
        pass
    try:
        path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "pyproject.toml")
        with open(path, "rb") as f:
            return tomllib.load(f)["project"]["version"]
    except Exception:
        return "unknown"


VERSION = read_version()
