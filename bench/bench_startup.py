"""Scenario 3: cold start of the client with a full cache to the first painted
workspace, beside a bare QApplication + QMainWindow measured in the same run.

Each start is a new process (bench/child.py start|bare, QT_QPA_PLATFORM=offscreen),
timed here from launch to the moment it prints "painted" (an event filter on the
window's first Paint event). The client opens its cache offline with the key from
an in-memory keyring and goes straight to the workspace, as `--offline` does. In a full run one
start of each kind runs first untimed: processes start cold, the OS file cache is
warm.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time

from bench.common import CHILD, ROOT, Figure, Run, child_env, median

S3 = "3 Cold start"


def timed_start(mode: str, config: dict, timeout: float = 300) -> tuple[float, dict]:
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, str(CHILD), mode], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=err, text=True, cwd=ROOT, env=child_env())
        proc.stdin.write(json.dumps(config))
        proc.stdin.close()
        painted = None
        lines = []
        for line in proc.stdout:
            if painted is None and line.strip() == "painted":
                painted = time.perf_counter() - started
            lines.append(line)
        proc.wait(timeout)
        if proc.returncode != 0 or painted is None:
            err.seek(0)
            raise RuntimeError(f"cold start ({mode}) failed ({proc.returncode}):\n"
                               f"{err.read().decode(errors='replace')[-3000:]}")
    result = json.loads([line for line in lines if line.startswith("{")][-1])
    return painted, result


def run(run: Run) -> list[Figure]:
    run.log("scenario 3: cold start to the first painted workspace")
    config = run.client.config()
    failures: list[str] = []

    def client_start() -> tuple[float, dict]:
        """A start that does not reach the workspace is recorded and tried again (twice at most)."""
        for _ in range(3):
            try:
                return timed_start("start", config)
            except RuntimeError as exc:
                failures.append(str(exc).strip().splitlines()[-1][:300])
                run.log(f"  a cold start failed: {failures[-1]}")
        raise RuntimeError("the client failed to start three times: " + " | ".join(failures[-3:]))

    if run.scale.start_runs > 1:
        timed_start("bare", config)
        client_start()
    bare, client, shown, opening = [], [], {}, []
    for _ in range(run.scale.start_runs):
        bare.append(timed_start("bare", config)[0])
        seconds, shown = client_start()
        client.append(seconds)
        opening.append(shown.get("cache_open_s", 0.0))
    note = (f"median of {len(client)} starts each, launch to first Paint of the window "
            f"(client: {', '.join(f'{x:.2f}' for x in client)} s; bare: {', '.join(f'{x:.2f}' for x in bare)} s); "
            f"the first page ({shown.get('page')}) showed {shown.get('rows')} rows; of the start, opening the "
            f"encrypted cache took {median(opening):.2f} s (median), most of it its page integrity check "
            f"(SQLCipher's HMAC of every page, kept at open so that a damaged copy is rebuilt before it is used)")
    if failures:
        note += f"; {len(failures)} start(s) did not reach the workspace and were repeated: {failures[0]}"
    run.log("  " + note)
    return [Figure(S3, "launch to first painted workspace", median(client), "s", floor=median(bare),
                   floor_name="bare QApplication + QMainWindow to first paint", max_ratio=2, note=note)]
