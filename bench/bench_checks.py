"""Benchmark of the automatic output check on a generated frequency table.

    python bench/bench_checks.py [--cells N] [--repeat R]

Prints the time ``check_output`` takes beside the floor of ``csv.reader`` over
the same bytes, and their ratio. ``run(cells)`` returns the same figures as a
dict, small enough by default to serve as a CI smoke test.
"""

import argparse
import csv
import io
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from portal.checks import Rules, check_output  # noqa: E402

COLUMNS = 10  # one label column and nine count columns
DEFAULT_CELLS = 20_000


def table_rows(cells: int) -> int:
    return max(1, cells // COLUMNS)


def make_table(cells: int, seed: int = 20240601) -> bytes:
    """A region-style frequency table with about ``cells`` cells; about 1 % small counts and zeros."""
    rng = random.Random(seed)
    rows = table_rows(cells)
    lines = ["area;" + ";".join(f"group {j}" for j in range(1, COLUMNS))]
    for i in range(rows):
        counts = (str(rng.randint(0, 2) if rng.random() < 0.01 else rng.randint(3, 5000)) for _ in range(COLUMNS - 1))
        lines.append(f"area {i:07d};" + ";".join(counts))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _best_of(repeat: int, action) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def run(cells: int = DEFAULT_CELLS, repeat: int = 3) -> dict:
    data = make_table(cells)
    rules = Rules(max_file_bytes=max(len(data), Rules().max_file_bytes),
                  max_total_bytes=max(len(data), Rules().max_total_bytes))
    result = check_output([("bench.csv", data)], rules)
    check_seconds = _best_of(repeat, lambda: check_output([("bench.csv", data)], rules))
    floor_seconds = _best_of(repeat, lambda: list(csv.reader(io.StringIO(data.decode("utf-8")), delimiter=";")))
    return {
        "cells": table_rows(cells) * COLUMNS,
        "bytes": len(data),
        "check_seconds": round(check_seconds, 4),
        "csv_reader_seconds": round(floor_seconds, 4),
        "ratio": round(check_seconds / floor_seconds, 2),
        "verdict": result["verdict"],
        "findings": len(result["findings"]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=DEFAULT_CELLS, help=f"table cells (default {DEFAULT_CELLS:,})")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is kept")
    args = parser.parse_args(argv)
    figures = run(args.cells, args.repeat)
    print(f"cells              {figures['cells']:>12,}")
    print(f"bytes              {figures['bytes']:>12,}")
    print(f"check_output       {figures['check_seconds']:>12.3f} s")
    print(f"csv.reader floor   {figures['csv_reader_seconds']:>12.3f} s")
    print(f"ratio              {figures['ratio']:>12.2f} x")
    print(f"verdict            {figures['verdict']:>12} ({figures['findings']} findings listed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
