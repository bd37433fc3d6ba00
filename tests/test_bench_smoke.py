"""The benchmark runner at smoke scale: every scenario runs end to end and produces
its figures (timings are not judged here; see bench/RESULTS.md for a full run)."""

import math

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
    assert sorted(by_scenario) == ["1", "2", "3", "4", "5", "6"]
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


def test_results_file(smoke, tmp_path):
    info, figures = smoke
    text = bench_run.markdown(info, SCALES["smoke"], figures, 12.0, "python bench/run.py --scale smoke")
    assert "## Machine" in text and info["cpu"] in text and str(info["cores"]) in text
    assert text.count("\n| ") >= len(figures) + 1
    assert "/tmp" not in text and str(tmp_path) not in text
    printed = bench_run.table(figures)
    assert all(f.name in printed for f in figures)
