"""The benchmark runner at smoke scale: every scenario runs end to end and produces
its figures (timings are not judged here; see bench/RESULTS.md for a full run)."""

import math
import tempfile

import pytest

from bench import run as bench_run
from bench.common import SCALES


@pytest.fixture(scope="module")
def smoke(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("bench-seeds")
    info, figures = bench_run.run(SCALES["smoke"], bench_run.ALL, data_dir=seeds, log=lambda *_: None)
    return info, figures


def test_every_scenario_produces_figures(smoke):
    _info, figures = smoke
    by_scenario = {}
    for f in figures:
        by_scenario.setdefault(f.scenario.split()[0], []).append(f)
    assert sorted(by_scenario) == ["1", "2", "3", "4", "5", "6", "7", "8"]
    for f in figures:
        assert isinstance(f.value, (int, float)) and math.isfinite(f.value) and f.value >= 0, f
        if f.floor is not None:
            assert f.floor > 0 and f.ratio is not None and math.isfinite(f.ratio), f
        assert f.goal == "" or f.met in (True, False), f


def test_correctness_figures_hold_at_smoke_scale(smoke):
    """The figures that are counts, not timings: no feed errors, lazy scrolling."""
    _info, figures = smoke
    errors = next(f for f in figures if f.name.endswith("errors"))
    assert errors.value == 0, errors.note
    scrolling = next(f for f in figures if f.name.startswith("blocks fetched while scrolling"))
    assert scrolling.met, scrolling.note
    sync = next(f for f in figures if f.scenario.startswith("1") and f.unit == "s")
    assert "changes in" in sync.note
    start = next(f for f in figures if f.scenario.startswith("3"))
    opening = float(start.note.split("opening the encrypted cache took ")[1].split(" s")[0])
    assert 0 < opening < start.value                    # measured, and a part of the start


def test_results_file(smoke, tmp_path):
    info, figures = smoke
    text = bench_run.markdown(info, SCALES["smoke"], figures, 12.0, "python bench/run.py --scale smoke")
    assert "## Machine" in text and info["cpu"] in text and str(info["cores"]) in text
    assert text.count("\n| ") >= len(figures) + 1
    assert tempfile.gettempdir() not in text and str(tmp_path) not in text   # no paths of this machine
    printed = bench_run.table(figures)
    assert all(f.name in printed for f in figures)


def test_portal_scenarios_on_postgresql(pg_cluster, tmp_path):
    """`--db postgresql`: the portal scenarios (sync, incremental sync after writes through
    the store, the feed with one and two processes, concurrent writers) run on PostgreSQL."""
    info, figures = bench_run.run(SCALES["smoke"], (1, 2, 5), data_dir=tmp_path, log=lambda *_: None,
                                  backends=("postgresql",), pg_url=pg_cluster.admin_url)
    assert info["backends"] == "PostgreSQL"
    assert {f.scenario.split()[0] for f in figures} >= {"1", "2", "5"}
    errors = [f for f in figures if f.unit == "errors"]
    assert len(errors) == 4 and all(f.value == 0 for f in errors), [f.note for f in errors]
    two = [f for f in figures if "2 processes" in f.name]
    assert two and all(f.value > 0 for f in two if f.unit != "errors")
    sync = next(f for f in figures if f.scenario.startswith("1") and f.unit == "s")
    assert "changes in" in sync.note
    with pytest.raises(ValueError):         # benchmark databases are named by the runner, never quoted input
        from bench.backends import _name
        _name('x"; DROP DATABASE postgres; --')


def test_compared_backends_are_labelled(smoke):
    info, figures = smoke
    assert all(f.backend == "" and f.label == f.scenario for f in figures)   # one backend: no labels
    labelled = bench_run.Figure("5 Portal change feed", "page", 1.0, "ms", backend="PostgreSQL")
    assert labelled.label == "5 Portal change feed (PostgreSQL)"
    assert "(PostgreSQL)" in bench_run.table([labelled])
    assert bench_run.comparison(figures) == ""                              # one backend: no comparison
    on_sqlite = bench_run.Figure("5 Portal change feed", "page", 2.0, "ms", backend="SQLite")
    table = bench_run.comparison([on_sqlite, labelled])
    assert "| SQLite | PostgreSQL |" in table and "| 5 Portal change feed | page | 2.0 ms | 1.0 ms |" in table


def test_sort_indexes_keep_the_order(tmp_path):
    """Large lists are sorted by reading a covering index (a benchmark fix): the order
    is the plain SQL order, rows without a value last, with filters and search."""
    import random

    from desktop.sync import cache as cache_module
    from desktop.sync.cache import APPLICATION_SORTS, TEXT_SORTS, Cache, fts_query

    rng = random.Random(5)
    count = cache_module.SORT_INDEX_MIN_ROWS + 500
    changes = []
    for n in range(count):
        data = {"id": f"APP-2026-{n:05d}", "title": rng.choice([None, "Alpha study", "beta study", "Gamma", "beta"]),
                "status": rng.choice(["submitted", "in_review", "approved"]), "applicant_id": "R-0001",
                "institution": rng.choice([None, "Aarhus University", "aalborg University"]),
                "submitted_at": rng.choice([None, "2024-01-01T00:00:00Z", "2025-02-02T00:00:00Z"]),
                "updated_at": None, "required_approvals": rng.choice([2, 3, None]), "registers": ["BEF"],
                "reviews": [], "purpose": "study", "version": 1}
        changes.append({"seq": n + 1, "entity": "application", "id": data["id"], "data": data})
    with Cache.open(tmp_path / "cache.db", b"\x07" * 32) as cache:
        cache.apply_page(changes, count)

        def plain(order_by, descending, status, search):
            where, params = [], []
            if search:
                where.append("t.rowid IN (SELECT rowid FROM applications_fts WHERE applications_fts MATCH ?)")
                params.append(fts_query(search))
            if status:
                where.append("t.status = ?")
                params.append(status)
            direction = "DESC" if descending else "ASC"
            collate = " COLLATE NOCASE" if order_by in TEXT_SORTS else ""
            sql = ("SELECT t.id FROM applications t" + (" WHERE " + " AND ".join(where) if where else "") +
                   f" ORDER BY t.{order_by} IS NULL, t.{order_by}{collate} {direction}, t.id {direction}")
            return [r["id"] for r in cache.query(sql, params)]

        for order_by in APPLICATION_SORTS:
            for descending in (False, True):
                for status, search in ((None, None), ("approved", None), (None, "aarhus"), ("submitted", "beta")):
                    assert cache.application_ids(search=search, status=status, order_by=order_by,
                                                  descending=descending) == plain(order_by, descending, status, search)
        built = {r["name"] for r in cache.query("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {f"applications_sort_{c}" for c in APPLICATION_SORTS} <= built
        cache.reset_feed()       # a full sync again runs without them
        built = {r["name"] for r in cache.query("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert not any("_sort_" in name for name in built)


def test_lazy_table_queries_once_while_a_view_is_built(qapp):
    """A view picks its sort and then refreshes: one id query, not two (a benchmark fix)."""
    from PySide6.QtCore import Qt

    from desktop.models.lazy_table import Column, LazyTableModel

    calls = []

    def fetch_ids(order_by, descending):
        calls.append((order_by, descending))
        return ["b", "a"] if descending else ["a", "b"]

    model = LazyTableModel([Column("id", "ID", "id")], fetch_ids, lambda ids: [{"id": i} for i in ids])
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert calls == []
    model.refresh()
    assert calls == [("id", True)] and model.ids == ["b", "a"]
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert calls == [("id", True), ("id", False)] and model.ids == ["a", "b"]


def test_status_counts_follow_every_write(tmp_path):
    """The status counts are kept between refreshes (a benchmark fix), never past a write."""
    from desktop.sync.cache import Cache

    def app(n, status):
        return {"seq": n, "entity": "application", "id": f"APP-{n}",
                "data": {"id": f"APP-{n}", "status": status, "title": "t", "reviews": [], "version": n}}

    with Cache.open(tmp_path / "cache.db", b"\x08" * 32) as cache:
        cache.apply_page([app(1, "submitted"), app(2, "submitted")], 2)
        assert cache.application_status_counts() == {"submitted": 2}
        assert cache.application_status_counts() == {"submitted": 2}
        cache.apply_page([{**app(3, "approved"), "id": "APP-1", "data": {**app(1, "approved")["data"]}}], 3)
        assert cache.application_status_counts() == {"submitted": 1, "approved": 1}
        cache.reset_feed()
        assert cache.application_status_counts() == {}
