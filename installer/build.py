#!/usr/bin/env python3
"""Build Portal Desk's installable bundle for the platform this runs on.

    python installer/build.py [--check] [--no-package]

1. translations: lrelease turns resources/translations/*.ts into the .qm files the app loads;
2. icons: build/icons/ (PNG sizes, .ico, .icns) drawn from resources/icons/portal-desk.svg;
3. PyInstaller with installer/portal-desk.spec: a one-folder bundle in dist/portal-desk/
   (macOS: dist/Portal Desk.app);
4. packaging: Linux: dist/portal-desk-VERSION-linux-ARCH.tar.gz (with install.sh, the desktop
   entry and the icons); Windows: dist/portal-desk-VERSION-setup.exe with Inno Setup's ISCC when
   it is installed (installer/windows/portal-desk.iss); macOS: a .dmg with hdiutil.
5. --check starts the built bundle headless and waits for its sign-in window and demo portal.

The version comes from pyproject.toml only. Run it with the project's virtual environment's
Python, with PyInstaller installed (pip install pyinstaller).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.join(ROOT, "installer")
BUILD = os.path.join(ROOT, "build")
DIST = os.path.join(ROOT, "dist")
NAME = "portal-desk"


def version() -> str:
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as f:
        return tomllib.load(f)["project"]["version"]


def bundle_dir() -> str:
    if sys.platform == "darwin":
        return os.path.join(DIST, "Portal Desk.app")
    return os.path.join(DIST, NAME)


def bundle_executable() -> str:
    if sys.platform == "darwin":
        return os.path.join(bundle_dir(), "Contents", "MacOS", NAME)
    return os.path.join(bundle_dir(), NAME + (".exe" if sys.platform == "win32" else ""))


def step(text: str) -> None:
    print(f"== {text}", flush=True)


def translations() -> None:
    step("translations (lrelease)")
    sys.path.insert(0, os.path.join(ROOT, "scripts"))
    import i18n
    for path in i18n.release():
        print("   " + os.path.relpath(path, ROOT))


def icons() -> str:
    step("icons")
    sys.path.insert(0, HERE)
    import make_icons
    out = os.path.join(BUILD, "icons")
    make_icons.make(out)
    return out


def windows_version_info(ver: str) -> None:
    """The version resource of the .exe (file properties on Windows)."""
    numbers = tuple(int(p) for p in (ver.split("+")[0].split("-")[0].split(".") + ["0"] * 4)[:4] if p.isdigit())
    numbers = (numbers + (0, 0, 0, 0))[:4]
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[StringFileInfo([StringTable('040904B0', [
          StringStruct('CompanyName', 'Portal Desk'), StringStruct('FileDescription', 'Portal Desk'),
          StringStruct('FileVersion', '{ver}'), StringStruct('InternalName', '{NAME}'),
          StringStruct('OriginalFilename', '{NAME}.exe'), StringStruct('ProductName', 'Portal Desk'),
          StringStruct('ProductVersion', '{ver}')])]),
        VarFileInfo([VarStruct('Translation', [1033, 1200, 1030, 1200])])])
"""
    with open(os.path.join(BUILD, "version_info.txt"), "w", encoding="utf-8") as f:
        f.write(text)


def pyinstaller(clean: bool) -> None:
    step("PyInstaller")
    os.environ["PORTAL_DESK_BUILD_DIR"] = BUILD
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", DIST, "--workpath", os.path.join(BUILD, "pyinstaller"),
           os.path.join(HERE, "portal-desk.spec")]
    if clean:
        cmd.insert(3, "--clean")
    subprocess.run(cmd, cwd=ROOT, check=True)


def linux_package(ver: str, icon_dir: str) -> str:
    step("Linux package")
    folder = bundle_dir()
    share = os.path.join(folder, "share")
    apps = os.path.join(share, "applications")
    os.makedirs(apps, exist_ok=True)
    shutil.copy2(os.path.join(ROOT, "resources", "portal-desk.desktop"), apps)
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        target = os.path.join(share, "icons", "hicolor", f"{size}x{size}", "apps")
        os.makedirs(target, exist_ok=True)
        shutil.copy2(os.path.join(icon_dir, f"portal-desk-{size}.png"), os.path.join(target, "portal-desk.png"))
    scalable = os.path.join(share, "icons", "hicolor", "scalable", "apps")
    os.makedirs(scalable, exist_ok=True)
    shutil.copy2(os.path.join(ROOT, "resources", "icons", "portal-desk.svg"), scalable)
    shutil.copy2(os.path.join(HERE, "linux", "install.sh"), os.path.join(folder, "install.sh"))
    os.chmod(os.path.join(folder, "install.sh"), 0o755)
    archive = os.path.join(DIST, f"{NAME}-{ver}-linux-{platform.machine()}.tar.gz")
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(folder, arcname=f"{NAME}-{ver}")
    print("   " + os.path.relpath(archive, ROOT))
    return archive


def find_iscc() -> str | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
        if base:
            candidate = os.path.join(base, "Inno Setup 6", "ISCC.exe")
            if os.path.exists(candidate):
                return candidate
    return None


def windows_package(ver: str, icon_dir: str) -> str | None:
    step("Windows installer (Inno Setup)")
    iscc = find_iscc()
    if iscc is None:
        print("   Inno Setup's ISCC.exe not found: install Inno Setup 6 for the setup program; "
              "the bundle in dist/portal-desk works without it")
        return None
    subprocess.run([iscc, f"/DAppVersion={ver}", f"/DSourceDir={bundle_dir()}",
                    f"/DIconFile={os.path.join(icon_dir, 'portal-desk.ico')}", f"/O{DIST}",
                    os.path.join(HERE, "windows", "portal-desk.iss")], check=True)
    return os.path.join(DIST, f"{NAME}-{ver}-setup.exe")


def mac_package(ver: str) -> str | None:
    step("macOS disk image")
    if not shutil.which("hdiutil"):
        return None
    image = os.path.join(DIST, f"{NAME}-{ver}.dmg")
    if os.path.exists(image):
        os.remove(image)
    subprocess.run(["hdiutil", "create", "-volname", "Portal Desk", "-srcfolder", bundle_dir(), "-ov",
                    "-format", "UDZO", image], check=True)
    return image


def startup_check(timeout: float = 120, language: str = "da") -> str:
    """Start the bundle headless; returns the sign-in window's title (raises when it does not come up)."""
    step("start-up check (headless)")
    with tempfile.TemporaryDirectory(prefix="portal-desk-check-") as data:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PORTAL_DESK_STARTUP_CHECK="1")
        env.pop("PYTHONPATH", None)
        done = subprocess.run([bundle_executable(), "--data-dir", data, "--lang", language], env=env,
                              capture_output=True, text=True, timeout=timeout)
    lines = [line for line in done.stdout.splitlines() if line.startswith("startup-check:")]
    if done.returncode != 0 or not lines or not lines[-1].startswith("startup-check: ok:"):
        raise RuntimeError(f"the bundle did not start (exit {done.returncode}):\n{done.stdout}\n{done.stderr[-3000:]}")
    title = lines[-1].split(": ", 2)[2]
    print(f"   sign-in window: {title}")
    return title


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Build Portal Desk's installable bundle for this platform.")
    parser.add_argument("--check", action="store_true", help="start the built bundle headless to its sign-in window")
    parser.add_argument("--no-package", action="store_true", help="only the bundle folder (no archive or installer)")
    parser.add_argument("--no-clean", action="store_true", help="reuse PyInstaller's cache (faster rebuilds)")
    parser.add_argument("--dist", help="where the bundle and packages go (default: dist/)")
    parser.add_argument("--work", help="PyInstaller's work folder and the icons (default: build/)")
    args = parser.parse_args(argv)
    global DIST, BUILD
    DIST = os.path.abspath(args.dist) if args.dist else DIST
    BUILD = os.path.abspath(args.work) if args.work else BUILD
    started = time.monotonic()
    ver = version()
    print(f"Portal Desk {ver} for {sys.platform} ({platform.machine()})")
    os.makedirs(BUILD, exist_ok=True)
    translations()
    icon_dir = icons()
    if sys.platform == "win32":
        windows_version_info(ver)
    pyinstaller(clean=not args.no_clean)
    if not args.no_package:
        if sys.platform.startswith("linux"):
            linux_package(ver, icon_dir)
        elif sys.platform == "win32":
            windows_package(ver, icon_dir)
        elif sys.platform == "darwin":
            mac_package(ver)
    if args.check:
        startup_check()
    print(f"done in {time.monotonic() - started:.0f} s: {os.path.relpath(bundle_dir(), ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
