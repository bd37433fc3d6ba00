"""Benchmark: differencing a new table against a project's 1,000 released tables.

    python bench/bench_differencing.py [--tables 1000] [--rows 50]

A SQLite store holds one project with N released outputs, each a region-by-group
count table with its stored summary. Printed: the time to difference a new
table against all of them, first in a fresh process cache (the summaries are
read from the database) and then warm, beside the floor of reading those
summaries from the database. The goal: under a second.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from portal.checks import Rules  # noqa: E402
from portal.checks.differencing import table_summary  # noqa: E402
from portal.routes import output_differencing  # noqa: E402
from portal.store import open_store  # noqa: E402

PROJECT = "APP-BENCH-0001"


def make_table(rng: random.Random, rows: int) -> bytes:
    lines = ["region,group 1,group 2,group 3,group 4"]
    lines += [f"region {i:03d}," + ",".join(str(rng.randint(3, 900)) for _ in range(4)) for i in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def seed(store, tables: int, rows: int) -> None:
    import hashlib
    rng = random.Random(7)
    with store.write() as tx:
        for n in range(tables):
            data = make_table(rng, rows)
            sha = hashlib.sha256(data).hexdigest()
            tx.blob_put(sha, data)
            tx.blob_put(output_differencing.summary_key(sha), json.dumps(table_summary(data)).encode())
            tx.put("output", f"OUT-BENCH-{n:05d}", {
                "id": f"OUT-BENCH-{n:05d}", "project_id": PROJECT, "status": "released",
                "files": [{"name": f"table_{n}.csv", "sha256": sha, "kind": "table", "size": len(data)}]},
                ["role:supervisor"], owner=PROJECT)


def run(tables: int = 1000, rows: int = 50) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "bench.db"))
        seed(store, tables, rows)
        ctx = SimpleNamespace(store=store, rules=Rules())
        new = make_table(random.Random(99), rows)
        import hashlib
        meta = {"name": "new.csv", "sha256": hashlib.sha256(new).hexdigest(), "kind": "table"}
        result = {"verdict": "pass", "findings": [], "files": [meta]}
        output_differencing._cache.clear()
        start = time.perf_counter()
        cold_result, _ = output_differencing.add_differencing(ctx, PROJECT, [("new.csv", new)], result)
        cold = time.perf_counter() - start
        start = time.perf_counter()
        output_differencing.add_differencing(ctx, PROJECT, [("new.csv", new)], result)
        warm = time.perf_counter() - start
        start = time.perf_counter()
        with store.read() as tx:
            for output in tx.list("output", owner=PROJECT):
                json.loads(tx.blob_get(output_differencing.summary_key(output["files"][0]["sha256"])))
        floor = time.perf_counter() - start
        store.close()
    findings = sum(1 for f in cold_result["findings"] if f["rule"] == "differencing")
    return {"tables": tables, "rows": rows, "cold": cold, "warm": warm, "floor": floor, "findings": findings}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=1000)
    parser.add_argument("--rows", type=int, default=50)
    args = parser.parse_args(argv)
    r = run(args.tables, args.rows)
    print(f"{r['tables']} released tables of {r['rows']} rows x 4 counts; {r['findings']} differencing findings")
    print(f"cold (summaries read from the database)  {r['cold']:.3f} s")
    print(f"warm (summaries cached in the process)   {r['warm']:.3f} s")
    print(f"floor: reading the 1,000 summaries       {r['floor']:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
