#!/usr/bin/env bash
# Build the installable bundle for this platform (see docs/installer.md):
#   installer/build.sh [--check] [--no-package] [--no-clean]
# Uses the project's .venv (made by ./dev) and installs PyInstaller into it when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
[ -x "$PY" ] || { echo "no .venv: run ./dev test (or ./dev run) once first" >&2; exit 1; }
"$PY" -c 'import PyInstaller' 2>/dev/null || "$PY" -m pip install -q pyinstaller
exec "$PY" installer/build.py "$@"
