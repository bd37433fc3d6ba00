"""Issue 10: installable. The pieces of the installer, and (slow) a real PyInstaller build that
starts headless to its sign-in window, with the embedded demo portal running from the bundle.

The slow test runs with --slow (a clean build takes minutes; see docs/installer.md):
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest --slow tests/test_installer.py
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import subprocess
import sys
import time
import tomllib

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INSTALLER = os.path.join(ROOT, "installer")


def load(path: str, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def project_version() -> str:
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as f:
        return tomllib.load(f)["project"]["version"]


def test_version_comes_from_pyproject():
    import desktop
    import portal
    assert desktop.__version__ == project_version()
    assert portal.__version__ == project_version()     # was a second copy in portal/__init__.py
    build = load(os.path.join(INSTALLER, "build.py"), "portal_desk_build")
    assert build.version() == project_version()
    with open(os.path.join(INSTALLER, "portal-desk.spec"), encoding="utf-8") as f:
        assert 'tomllib.load(f)["project"]["version"]' in f.read()
    with open(os.path.join(INSTALLER, "windows", "portal-desk.iss"), encoding="utf-8") as f:
        iss = f.read()
    assert "AppVersion={#AppVersion}" in iss and "#error" in iss      # ISCC is told the version, never guesses


def test_desktop_entry():
    path = os.path.join(ROOT, "resources", "portal-desk.desktop")
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(path, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Exec"] == "portal-desk"
    assert section["Icon"] == "portal-desk" and section["StartupWMClass"] == "portal-desk"
    assert section["Name"] == "Portal Desk" and section["Comment[da]"]
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", path], capture_output=True, text=True)
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_icons_for_every_platform(qapp, tmp_path):
    from PySide6.QtGui import QImageReader
    make_icons = load(os.path.join(INSTALLER, "make_icons.py"), "portal_desk_make_icons")
    made = make_icons.make(str(tmp_path))
    ico = QImageReader(made["ico"])
    assert ico.imageCount() == len(make_icons.ICO_SIZES)
    sizes = set()
    for _ in range(ico.imageCount()):
        sizes.add(ico.read().width())
        ico.jumpToNextImage()
    assert {16, 32, 48, 256} <= sizes
    with open(made["icns"], "rb") as f:
        data = f.read()
    assert data[:4] == b"icns" and int.from_bytes(data[4:8], "big") == len(data)
    for kind, _size in make_icons.ICNS_TYPES:
        assert kind.encode() in data
    big = QImageReader(made["png1024"]).read()
    assert big.width() == 1024 and big.pixelColor(512, 512).alpha() == 255   # drawn, not blank


def test_embedded_portal_runs_from_a_frozen_bundle(monkeypatch, tmp_path):
    """In a bundle sys.executable is the app: the portal is started as `<app> --run-portal ...`."""
    from desktop import embedded
    started = []

    class FakePopen:
        stdin = None

        def __init__(self, cmd, **kwargs):
            started.append(cmd)

        def poll(self):
            return 0

    monkeypatch.setattr(embedded.subprocess, "Popen", FakePopen)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    portal = embedded.EmbeddedPortal(str(tmp_path))
    portal.start()
    portal.stop()
    assert started[0][:2] == [sys.executable, "--run-portal"] and "--demo" in started[0]
    assert "--exit-with-parent" in started[0]
    monkeypatch.delattr(sys, "frozen")
    portal = embedded.EmbeddedPortal(str(tmp_path))
    portal.start()
    portal.stop()
    assert started[1][:3] == [sys.executable, "-m", "portal"]


def test_main_hands_run_portal_to_the_portal():
    done = subprocess.run([sys.executable, os.path.join(ROOT, "main.py"), "--run-portal", "--help"],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0 and "--db" in done.stdout and "--demo" in done.stdout


@pytest.mark.slow
def test_bundle_builds_and_starts_to_the_sign_in_window(tmp_path):
    """A clean PyInstaller build of this platform's bundle, started headless in Danish: the
    sign-in window comes up and the embedded demo portal answers (both from the bundle)."""
    pytest.importorskip("PyInstaller")
    started = time.monotonic()
    done = subprocess.run([sys.executable, os.path.join(INSTALLER, "build.py"), "--no-package",
                           "--dist", str(tmp_path / "dist"), "--work", str(tmp_path / "build")],
                          capture_output=True, text=True, cwd=ROOT, timeout=1800)
    build_seconds = time.monotonic() - started
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    build = load(os.path.join(INSTALLER, "build.py"), "portal_desk_build_run")
    build.DIST = str(tmp_path / "dist")
    executable = build.bundle_executable()
    assert os.access(executable, os.X_OK)
    check_started = time.monotonic()
    title = build.startup_check(timeout=180, language="da")
    print(f"clean build {build_seconds:.0f} s; start to sign-in {time.monotonic() - check_started:.1f} s")
    assert title == "Log ind på Portal Desk"
