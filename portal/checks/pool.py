"""A bounded pool of worker processes for the output check, with a time budget per job.

Why processes: the check is pure Python, so in threads it would hold the GIL
that the threads serving other callers need, and a thread cannot be stopped
when it runs past its budget. A worker process runs one job at a time; a job
past its budget has its worker killed (a fresh one takes its place), so a
hostile file costs at most the budget. Jobs beyond the number of workers wait
their turn; the budget counts from the moment a worker starts the job.

``CheckPool.submit(fn, arg, seconds)`` returns a ``concurrent.futures.Future``
that raises ``CheckTimeout`` past the budget, or ``WorkerLost`` when the worker
died (killed by the system, out of memory).
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

STARTUP_SECONDS = 120   # a worker that is not ready by then is given up (the job ends in WorkerLost)


class CheckTimeout(Exception):
    """The job ran past its time budget; its worker was stopped."""


class WorkerLost(Exception):
    """The worker process died or could not start."""


def _serve(conn) -> None:
    """The worker's loop: (fn, arg) in, ("ok", value) or ("error", text) out."""
    conn.send(("ready", None))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        fn, arg = message
        try:
            conn.send(("ok", fn(arg)))
        except Exception as exc:  # noqa: BLE001 - reported to the caller, who decides
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self, mp):
        self.conn, child = mp.Pipe()
        self.process = mp.Process(target=_serve, args=(child,), daemon=True, name="output-check")
        self.process.start()
        child.close()
        try:
            if not self.conn.poll(STARTUP_SECONDS):
                raise EOFError
            self.conn.recv()
        except (EOFError, OSError):
            self.stop()
            raise WorkerLost("the check worker did not start") from None

    def run(self, fn: Callable, arg: Any, seconds: float):
        try:
            self.conn.send((fn, arg))
            if not self.conn.poll(seconds):
                raise CheckTimeout(f"the check ran past its budget of {seconds:g} s")
            status, value = self.conn.recv()
        except (EOFError, OSError, BrokenPipeError) as exc:
            raise WorkerLost(f"the check worker stopped ({exc.__class__.__name__})") from None
        if status == "error":
            raise RuntimeError(value)
        return value

    def alive(self) -> bool:
        return self.process.is_alive()

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class CheckPool:
    def __init__(self, workers: int = 2):
        self.workers = workers
        # spawn: a fresh interpreter, never a fork of a process with request threads and open connections
        self._mp = multiprocessing.get_context("spawn")
        self._drivers = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="output-check")
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False

    def submit(self, fn: Callable, arg: Any, seconds: float) -> Future:
        return self._drivers.submit(self._drive, fn, arg, seconds)

    def _drive(self, fn: Callable, arg: Any, seconds: float):
        worker = self._take()
        try:
            value = worker.run(fn, arg, seconds)
        except (CheckTimeout, WorkerLost):
            self._discard(worker)
            raise
        except BaseException:
            self._idle.put(worker)   # the job failed, the worker is fine
            raise
        self._idle.put(worker)
        return value

    def _take(self) -> _Worker:
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                break
            if worker.alive():
                return worker
            self._discard(worker)
        with self._lock:
            if self._closed:
                raise WorkerLost("the check pool is closed")
        worker = _Worker(self._mp)
        with self._lock:
            self._all.add(worker)
        return worker

    def _discard(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._all.discard(worker)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()
        self._drivers.shutdown(wait=False, cancel_futures=True)
