"""Issue 24: the real client against a real Secret Service (GNOME keyring on D-Bus).

Each case of tests/secret_service_session.py runs in its own `dbus-run-session` on a private
session bus that activates nothing (so "absent" really means no Secret Service, and the only
daemon is the one the case starts), with its own home folder. `./dev test` installs
gnome-keyring, dbus and libsecret-tools when missing and then requires these tests to run
(PORTAL_TEST_KEYRING=require); elsewhere they are skipped when the tools are missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ("dbus-run-session", "gnome-keyring-daemon", "secret-tool")

# A session bus like the desktop's, but without service files: nothing is started on demand.
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir={tmp}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@pytest.mark.parametrize("case", ["unlocked", "locked", "absent"])
def test_real_secret_service(tmp_path, case):
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        if os.environ.get("PORTAL_TEST_KEYRING") == "require":
            pytest.fail(f"missing {', '.join(missing)} (Debian: gnome-keyring dbus libsecret-tools)")
        pytest.skip(f"missing {', '.join(missing)}")
    config = tmp_path / "session-bus.conf"
    config.write_text(BUS_CONFIG.format(tmp=tmp_path))
    home = tmp_path / "home"
    runtime = tmp_path / "run"
    for folder in (home, runtime):
        folder.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "GNOME_KEYRING", "PYTHON_KEYRING"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local/share"), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_RUNTIME_DIR=str(runtime), PORTAL_SECRET_SERVICE_CASE=case, QT_QPA_PLATFORM="offscreen")
    cmd = ["dbus-run-session", f"--config-file={config}", "--", sys.executable, "-m", "pytest", "-q",
           "-p", "no:cacheprovider", "--basetemp", str(tmp_path / "inner"), "tests/secret_service_session.py"]
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0 and " passed" in result.stdout, result.stdout[-6000:] + result.stderr[-3000:]
