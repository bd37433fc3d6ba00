"""The layering holds (import-linter contracts in pyproject.toml, [tool.importlinter]):

- the desktop never imports the portal (shared rules live in rules/);
- views and models never import the HTTP client module (every portal call goes
  through desktop.sync);
- rules/ and desktop/sync import no Qt;
- rules/ imports neither the web framework nor the portal nor the desktop.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _lint(config: Path) -> subprocess.CompletedProcess:
    script = "import sys; from importlinter.cli import lint_imports; " \
             "sys.exit(lint_imports(config_filename=sys.argv[1], no_cache=True, no_logo=True))"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", script, str(config)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_the_import_contracts_are_kept():
    result = _lint(ROOT / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_contracts_cover_the_layering():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    sources: dict[str, set] = {}
    for contract in config["contracts"]:
        for source in contract["source_modules"]:
            sources.setdefault(source, set()).update(contract["forbidden_modules"])
    assert "portal" in sources["desktop"]
    assert "desktop.sync.api" in sources["desktop.views"] and "desktop.sync.api" in sources["desktop.models"]
    assert "PySide6" in sources["rules"] and "PySide6" in sources["desktop.sync"]
    assert {"fastapi", "portal", "desktop"} <= sources["rules"]


def test_a_broken_contract_is_reported(tmp_path):
    # The same check on a contract the code does not keep (views do use item models): it fails.
    config = tmp_path / "broken.toml"
    config.write_text('[tool.importlinter]\nroot_packages = ["desktop", "rules"]\n\n'
                      '[[tool.importlinter.contracts]]\nname = "no models in views"\ntype = "forbidden"\n'
                      'source_modules = ["desktop.views"]\nforbidden_modules = ["desktop.models"]\n',
                      encoding="utf-8")
    result = _lint(config)
    assert result.returncode != 0 and "1 broken" in result.stdout


def test_no_sql_outside_the_sync_layer():
    # Views and models ask the cache by name (desktop/sync/reads.py); SQL lives in desktop/sync.
    offenders = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        if "sync" in path.relative_to(ROOT / "desktop").parts:
            continue
        text = path.read_text(encoding="utf-8")
        for needle in (".query(", "SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM"):
            if needle in text:
                offenders.append(f"{path.relative_to(ROOT)}: {needle.strip()}")
    assert offenders == []


def test_views_build_no_portal_client():
    # (the session's sign-in, desktop/session.py, makes the workspace's client)
    paths = sorted([*(ROOT / "desktop" / "views").rglob("*.py"), *(ROOT / "desktop" / "models").rglob("*.py")])
    offenders = [str(p.relative_to(ROOT)) for p in paths
                 if "PortalClient(" in p.read_text(encoding="utf-8") or "._request(" in p.read_text(encoding="utf-8")]
    assert offenders == []
