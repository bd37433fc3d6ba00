"""The client side of the benchmarks, each in a process of its own:

    python bench/child.py sync|start|bare|view   (configuration as JSON on stdin)

sync   initial full sync into an empty encrypted cache (scenario 1); reports the
       time, a breakdown and the process's peak RSS (ru_maxrss).
start  cold start of the real client, offline, with a full cache, to the first
       paint of the workspace window (scenario 3); prints "painted" at that moment.
bare   a bare QApplication + QMainWindow to its first paint: the floor of `start`.
view   the applications view over the full cache (scenario 4): search, status
       filter, sort and scrolling, each timed to the repaint of the visible rows.

The last line printed is a JSON object with the figures.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time

START = time.perf_counter()
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench.common import ms, peak_rss_mb  # noqa: E402


def install_keyring(config: dict):
    """An in-memory keyring holding the benchmark's cache key (the OS keyring stays untouched)."""
    import keyring

    from tests.memory_keyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    from desktop.sync.secrets import SecretStore
    secrets = SecretStore()
    secrets.set_cache_key(config["portal_url"], config["username"], bytes.fromhex(config["key"]))
    return secrets


class Stopwatch:
    """Wraps a callable and adds up the time spent in it."""

    def __init__(self, fn):
        self.fn, self.seconds, self.calls = fn, 0.0, 0

    def __call__(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return self.fn(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - started
            self.calls += 1


# -- scenario 1 ---------------------------------------------------------------------------

def sync(config: dict) -> dict:
    secrets = install_keyring(config)
    from desktop.session import SessionManager
    from desktop.sync import api
    from desktop.sync.api import PortalClient
    from desktop.sync.cache import Cache
    from desktop.sync.engine import SyncEngine

    sessions = SessionManager(config["data_dir"], config["portal_url"], secrets=secrets)
    path = sessions.cache_file(config["username"])
    rss_before = peak_rss_mb()
    parse = api._parse_json = Stopwatch(api._parse_json)    # JSON decoding inside the client
    started = time.perf_counter()
    cache = Cache.open(path, bytes.fromhex(config["key"]))
    user = config["user"]
    cache.set_identity(config["portal_url"], config["username"], user["id"], user["roles"])
    client = PortalClient(config["portal_url"])
    client.set_token(config["token"])
    engine = SyncEngine(client, cache)
    fetch = client.changes = Stopwatch(client.changes)
    apply = cache.apply_page = Stopwatch(cache.apply_page)
    result = engine.sync_once()
    seconds = time.perf_counter() - started
    # What the app does next, in the background, while the lists are already usable.
    t = time.perf_counter()
    sort_indexes = cache.prepare_sort_orders()
    sort_index_seconds = time.perf_counter() - t
    counts = cache.counts()
    cache.close()
    return {"seconds": seconds, "pulled": result.pulled, "pages": result.pages, "error": result.error,
            "cursor": result.cursor, "fetch_seconds": fetch.seconds, "parse_seconds": parse.seconds,
            "apply_seconds": apply.seconds, "rss_before_mb": rss_before, "rss_peak_mb": peak_rss_mb(),
            "counts": counts, "cache_bytes": os.path.getsize(path),
            "sort_index_seconds": sort_index_seconds, "sort_indexes": len(sort_indexes)}


# -- scenario 3 ---------------------------------------------------------------------------

def _paint_watch(is_target):
    """An application-wide event filter that reports the first Paint of the target window."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    class Watch(QObject):
        painted_at: float | None = None
        on_paint = None

        def eventFilter(self, obj, event):
            if self.painted_at is None and event.type() == QEvent.Type.Paint and isinstance(obj, QWidget) \
                    and is_target(obj.window()):
                self.painted_at = time.perf_counter()
                print("painted", flush=True)
                if self.on_paint:
                    self.on_paint()
                QTimer.singleShot(0, QApplication.quit)
            return False

    return Watch()


def bare(config: dict) -> dict:
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1280, 800)
    watch = _paint_watch(lambda w: w is window)
    app.installEventFilter(watch)
    window.show()
    app.exec()
    return {"painted_after_s": watch.painted_at - START}


def start(config: dict) -> dict:
    import logging

    class Remember(logging.Handler):
        def __init__(self):
            super().__init__()
            self.messages: list[str] = []

        def emit(self, record):
            self.messages.append(record.getMessage())

    remember = Remember()
    logging.getLogger("desktop").addHandler(remember)
    logging.getLogger("desktop").setLevel(logging.INFO)   # says why an offline open fell back to the dialog
    install_keyring(config)
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Portal Desk")
    app.setOrganizationName("PortalDesk")
    from desktop.app import DeskApp, install_translations, load_style, parse_args
    from desktop.settings import Settings
    settings = Settings(os.path.join(config["data_dir"], "settings.ini"))
    settings.set("last_username", config["username"])
    settings.sync()
    install_translations(app, "en")
    load_style(app)
    desk = DeskApp(parse_args(["--portal", config["portal_url"], "--offline", "--data-dir", config["data_dir"],
                               "--lang", "en"]))
    seen = {"cache_open_s": 0.0}
    # What opening the encrypted cache costs of the start (its page integrity check runs in it).
    from desktop.sync.cache import Cache
    plain_open = Cache.open.__func__

    def timed_open(cls, *args, **kwargs):
        t = time.perf_counter()
        try:
            return plain_open(cls, *args, **kwargs)
        finally:
            seen["cache_open_s"] += time.perf_counter() - t
    Cache.open = classmethod(timed_open)

    def at_paint():
        window = desk.window
        page = window.stack.currentWidget() if window else None
        model = getattr(page, "model", None)
        seen.update(page=type(page).__name__, rows=model.rowCount() if model is not None else None)

    watch = _paint_watch(lambda w: desk.window is not None and w is desk.window)
    watch.on_paint = at_paint
    app.installEventFilter(watch)
    desk.start()
    if desk.window is None:
        why = [m for m in remember.messages if "offline open failed" in m]
        raise SystemExit("the client did not open the workspace: " + (why[-1] if why else "no reason logged"))
    app.exec()
    painted = watch.painted_at - START
    from PySide6.QtCore import QThreadPool
    QThreadPool.globalInstance().waitForDone(120_000)   # background work still reading the cache
    desk.shutdown()
    return {"painted_after_s": painted, **seen}


# -- scenario 4 ---------------------------------------------------------------------------

SEARCHES = ("diabetes", "Aarhus University", "LMDB", "Sofie", "cancer survival", "APP-2024")


def view(config: dict) -> dict:
    install_keyring(config)
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    from desktop.models import lazy_table
    from desktop.session import SessionManager
    from desktop.views.applications import ApplicationsView
    sessions = SessionManager(config["data_dir"], config["portal_url"])
    workspace = sessions.open_offline(config["username"])

    started = time.perf_counter()
    view = ApplicationsView(workspace)
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    view.table.viewport().repaint()
    open_ms = ms(time.perf_counter() - started)
    model = view.model
    total = model.rowCount()

    def timed(action) -> tuple[float, int]:
        before = model.blocks_loaded
        t = time.perf_counter()
        action()
        view.table.viewport().repaint()
        elapsed = ms(time.perf_counter() - t)
        if model.rowCount() and model.blocks_loaded == before:
            raise AssertionError("the repaint fetched no rows: the timing would not include them")
        return elapsed, model.rowCount()

    def set_search(text: str):
        view.search.blockSignals(True)     # no debounce: the query runs now, as after the pause
        view.search.setText(text)
        view.search.blockSignals(False)
        view.refresh()

    # The floor: fetch one block of rows by id and repaint the table.
    floor = []
    for _ in range(5):
        ids = model.ids[:lazy_table.BLOCK]
        t = time.perf_counter()
        workspace.cache.applications_rows(ids)
        view.table.viewport().repaint()
        floor.append(ms(time.perf_counter() - t))

    searches = {}
    for term in SEARCHES:
        searches[term] = timed(lambda term=term: set_search(term))
        set_search("")
    filters = {}
    for index in range(1, view.status.count()):
        filters[view.status.itemData(index)] = timed(lambda index=index: view.status.setCurrentIndex(index))
    view.status.setCurrentIndex(0)
    # Each sort twice: the first by a column may build its sort index (once per cache).
    first_sorts, sorts = {}, {}
    for column, order in ((1, Qt.SortOrder.AscendingOrder), (1, Qt.SortOrder.DescendingOrder),
                          (3, Qt.SortOrder.AscendingOrder), (4, Qt.SortOrder.AscendingOrder),
                          (2, Qt.SortOrder.AscendingOrder), (6, Qt.SortOrder.DescendingOrder)):
        label = f"{model.columns[column].key} {'desc' if order == Qt.SortOrder.DescendingOrder else 'asc'}"
        def sort(column=column, order=order):
            view.table.sortByColumn(column, order)
        first_sorts[label] = timed(sort)
        sorts[label] = timed(sort)

    # Scrolling: jump to screens spread over the whole list.
    rng = random.Random(4)
    bar = view.table.verticalScrollBar()
    jumps = 40
    before = model.blocks_loaded
    scroll = []
    for _ in range(jumps):
        value = rng.randint(bar.minimum(), bar.maximum())
        t = time.perf_counter()
        bar.setValue(value)
        view.table.viewport().repaint()
        scroll.append(ms(time.perf_counter() - t))
    for step in range(60):   # and scroll line by line through three blocks
        t = time.perf_counter()
        bar.setValue(min(bar.maximum(), bar.value() + 10))
        view.table.viewport().repaint()
        scroll.append(ms(time.perf_counter() - t))
    scroll_blocks = model.blocks_loaded - before
    result = {
        "rows": total, "open_ms": open_ms, "floor_ms": sorted(floor)[len(floor) // 2],
        "search": searches, "filter": filters, "sort": sorts, "first_sort": first_sorts,
        "scroll_jumps": jumps, "scroll_steps": 60, "scroll_ms_max": max(scroll),
        "scroll_blocks_loaded": scroll_blocks, "blocks_held": len(model._blocks),
        "block_rows": lazy_table.BLOCK, "max_blocks": lazy_table.MAX_BLOCKS,
        "rss_peak_mb": peak_rss_mb(),
    }
    view.close()
    workspace.close()
    return result


def main() -> int:
    mode = sys.argv[1]
    config = json.loads(sys.stdin.read() or "{}")
    runner = {"sync": sync, "start": start, "bare": bare, "view": view}[mode]
    print(json.dumps(runner(config)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
