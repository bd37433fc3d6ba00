"""End the portal when the process that started it ends.

The desktop starts its embedded demo portal with a pipe on the portal's standard input and
never writes to it. When the desktop ends in any way — quit, SIGTERM at log-out, SIGKILL, a
crash — the kernel closes its end, the read below returns end-of-file, and the portal shuts
down as on SIGTERM (uvicorn finishes the requests under way). A pipe works on every platform;
on Linux the parent-death signal is set as well, for a parent that dies before the reader runs.
"""

from __future__ import annotations

import os
import signal
import sys
import threading

GRACE_SECONDS = 10


def _set_parent_death_signal() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass   # the pipe still ends us


def _watch(stream) -> None:
    try:
        while stream.read(4096):
            pass   # nothing is ever sent; anything that is, is ignored
    except (OSError, ValueError):
        pass
    _end()


def _end() -> None:
    # A graceful stop first (uvicorn handles SIGTERM); if it hangs, leave anyway.
    timer = threading.Timer(GRACE_SECONDS, os._exit, args=(0,))
    timer.daemon = True
    timer.start()
    if hasattr(signal, "SIGTERM") and os.name != "nt":
        os.kill(os.getpid(), signal.SIGTERM)
    else:
        os._exit(0)


def exit_with_parent(stream=None) -> threading.Thread:
    _set_parent_death_signal()
    if os.name != "nt" and os.getppid() == 1:
        _end()   # the parent is already gone
    stream = stream if stream is not None else sys.stdin.buffer
    watcher = threading.Thread(target=_watch, args=(stream,), name="parent-watch", daemon=True)
    watcher.start()
    return watcher
