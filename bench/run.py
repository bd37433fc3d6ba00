"""Portal Desk benchmarks: 100,000 cases stay instant.

    ./dev bench                         the full run (100,000 applications + 100,000 outputs)
    python bench/run.py --scale full    the same
    python bench/run.py --scale smoke   a small run (CI smoke test: figures, not timings)
    python bench/run.py --db both --only 1,2,5
                                        the portal on SQLite and on PostgreSQL, compared

Scenarios (each figure is printed beside its floor, measured in the same run):
  1 initial full sync into an empty encrypted cache, and the client's peak memory
  2 incremental sync: no changes, and after 1,000 changes on the portal
  3 cold start of the client with a full cache to the first painted workspace
  4 applications view: search, status filter, sort, scrolling
  5 the portal's change feed: page time, many concurrent clients (one and two
    portal processes on one database), concurrent writers
  6 the automatic output check of a 1,000,000-cell table
  7 the portal answering (/health, a feed page) while 8 large hostile outputs are checked
  8 the audit log at 1,000,000 entries: building its Merkle tree, signed checkpoints,
    inclusion and consistency proofs over HTTP (the portal on SQLite)

The seeded portal database is kept between runs (see --data-dir; bench/backends.py
for PostgreSQL) and served from a copy. A full run writes bench/RESULTS.md; a full
run with --db both writes bench/RESULTS-backends.md.
"""

from __future__ import annotations

import argparse
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (DEFAULT_DATA_DIR, ROOT, SCALES, USERNAME, Client, Figure, Run, Scale,  # noqa: E402
                          fmt_ratio, fmt_value, load_average, machine)

RESULTS = ROOT / "bench" / "RESULTS.md"
RESULTS_BACKENDS = ROOT / "bench" / "RESULTS-backends.md"   # the portal on SQLite and PostgreSQL (--db both)
ALL = (1, 2, 3, 4, 5, 6, 7, 8)
PORTAL_SCENARIOS = (1, 2, 5)      # the ones whose figures depend on the portal's database
BACKEND_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="bench/run.py", description="Portal Desk benchmarks")
    parser.add_argument("--scale", choices=sorted(SCALES), default="full",
                        help="full: 100,000 applications and outputs; smoke: a small run for CI")
    parser.add_argument("--applications", type=int, help="override the scale's number of applications")
    parser.add_argument("--outputs", type=int, help="override the scale's number of outputs")
    parser.add_argument("--only", help="comma-separated scenario numbers (1-8); 2-4 also run 1, which fills the cache")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR,
                        help="where seeded portal databases are kept between runs (default: the temp folder)")
    parser.add_argument("--results", type=Path,
                        help="write the results here (default: bench/RESULTS.md after a complete full run)")
    parser.add_argument("--no-results", action="store_true", help="write no results file")
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="sqlite",
                        help="the portal's database; with both, scenarios 1, 2 and 5 run on each and are compared")
    parser.add_argument("--pg-url", help="an existing PostgreSQL server (a role that may create databases) instead "
                                         "of a throwaway cluster on a loopback port")
    return parser.parse_args(argv)


def _scenarios(only: str | None) -> tuple[int, ...]:
    if not only:
        return ALL
    chosen = {int(x) for x in only.split(",") if x.strip()}
    if not chosen <= set(ALL):
        raise SystemExit(f"unknown scenario in --only: {sorted(chosen - set(ALL))}")
    return tuple(sorted(chosen))


def run(scale: Scale, scenarios=ALL, data_dir: Path = DEFAULT_DATA_DIR, log=print,
        backends: tuple[str, ...] = ("sqlite",), pg_url: str | None = None) -> tuple[dict, list[Figure]]:
    """Run the chosen scenarios at `scale`; returns (the machine, the figures).

    With more than one backend the portal scenarios (1, 2 and 5) run on each, and
    the client-only ones (3, 4 and 6) once, on the first backend's cache."""
    info = machine()
    figures: list[Figure] = []
    for n, key in enumerate(backends):
        chosen = tuple(s for s in scenarios if n == 0 or s in PORTAL_SCENARIOS)
        if not chosen:
            continue
        made = _run_backend(scale, chosen, data_dir, log, key, pg_url)
        if len(backends) > 1:
            on_portal = [f for f in made if int(f.scenario.split()[0]) in PORTAL_SCENARIOS]
            for figure in on_portal:
                figure.backend = BACKEND_NAMES[key]
            # a client-only figure made on the way (scenario 2 times the first list query) is kept once
            made = made if n == 0 else on_portal
        figures += made
    figures.sort(key=lambda f: f.scenario.split()[0])   # stable: each scenario's figures in the order made
    info["load_end"] = load_average()
    info["backends"] = ", ".join(BACKEND_NAMES[k] for k in backends)
    return info, figures


def _run_backend(scale: Scale, scenarios, data_dir: Path, log, key: str, pg_url: str | None) -> list[Figure]:
    from bench import backends as portal_backends
    from bench import bench_checks, bench_feed, bench_startup, bench_sync, bench_view
    from tests.portal_process import PortalProcess

    figures: list[Figure] = []
    needs_client = bool(set(scenarios) & {1, 2, 3, 4})
    needs_portal = needs_client or 5 in scenarios
    work = Path(tempfile.mkdtemp(prefix="portal-desk-bench-"))
    backend = portal_backends.make(key, Path(data_dir), pg_url, log=log)
    portal = None
    try:
        if needs_portal:
            log(f"portal database: {backend.name}")
            db = backend.prepare(scale, work)
            portal = PortalProcess(db=db, demo=False).start()
            answer = bench_feed.sign_in(portal, USERNAME)
            client = Client(data_dir=work / "client", portal_url=portal.url, username=USERNAME,
                            key_hex=secrets.token_hex(32), token=answer["token"], user=answer["user"])
            client.data_dir.mkdir(parents=True)
            ctx = Run(scale=scale, work=work, db=db, portal=portal, client=client, log=log, backend=backend)
            if 5 in scenarios:
                figures += bench_feed.run(ctx)
            if needs_client:
                figures += bench_sync.initial(ctx)
            if 2 in scenarios:
                figures += bench_sync.incremental(ctx)
            portal.stop()          # the client starts offline (scenario 3) and works from its cache (4)
            if 3 in scenarios:
                figures += bench_startup.run(ctx)
            if 4 in scenarios:
                figures += bench_view.run(ctx)
        if 6 in scenarios:
            log(f"scenario 6: automatic output check of a {scale.cells:,}-cell table")
            r = bench_checks.run(scale.cells)
            figures.append(Figure("6 Output check", f"check of a {r['cells']:,}-cell CSV table ({r['bytes'] / 1e6:.1f} MB)",
                                  r["check_seconds"], "s", floor=r["csv_reader_seconds"],
                                  floor_name="csv.reader over the same bytes", max_value=2.0,
                                  note=f"best of 3; verdict {r['verdict']}, {r['findings']} findings listed"))
            from bench import bench_differencing
            d = bench_differencing.run(1000 if scale.name == "full" else 50)
            figures.append(Figure("6 Output check", f"differencing a new table against {d['tables']:,} released tables",
                                  d["cold"], "s", floor=d["floor"], floor_name="reading their stored summaries",
                                  max_value=1.0, note=f"{d['rows']} rows x 4 counts each; warm process cache "
                                                      f"{d['warm']:.3f} s; {d['findings']} findings listed"))
        if 7 in scenarios:
            figures += _checks_under_load(scale, log)
        if 8 in scenarios:
            from bench import bench_transparency
            figures += bench_transparency.run(scale.audit_entries, work, log=log)
    finally:
        if portal is not None:
            portal.close()
        backend.close()
        shutil.rmtree(work, ignore_errors=True)
    return figures


def _checks_under_load(scale: Scale, log) -> list[Figure]:
    from bench import bench_check_load
    log("scenario 7: /health and a feed page while 8 large hostile outputs are checked")
    r = bench_check_load.run(8, scale.check_rows, log=log)
    answers = ", ".join(f"{r['answers'].count(c)} x {c}" for c in sorted(set(r["answers"])))
    note = (f"8 submissions of {r['bytes'] / 1e6:.1f} MB of CPR-like numbers from 4 researchers (2 each); answers "
            f"{answers}; the load lasted {r['wall']:.1f} s; {r['loaded_health']['n']} health calls and "
            f"{r['loaded_feed']['n']} feed pages under load (median health {r['loaded_health']['median'] * 1000:.0f} ms)")
    return [
        Figure("7 Checks under load", "/health, slowest answer while outputs are checked", r["loaded_health"]["max"],
               "s", floor=r["idle_health"]["max"], floor_name="slowest /health idle", max_value=1.0, note=note),
        Figure("7 Checks under load", "feed page (1,000 changes), median while outputs are checked",
               r["loaded_feed"]["median"], "s", floor=r["idle_feed"]["median"], floor_name="the same page idle",
               note=f"p95 {r['loaded_feed']['p95']:.3f} s, max {r['loaded_feed']['max']:.3f} s under load"),
    ]


# -- reporting --------------------------------------------------------------------------------

def table(figures: list[Figure]) -> str:
    header = ("Figure", "Measured", "Floor (same run)", "Ratio", "Goal", "Met")
    rows = [(f"{f.label}: {f.name}", fmt_value(f.value, f.unit), fmt_value(f.floor, f.unit),
             fmt_ratio(f.ratio), f.goal or "—", {True: "yes", False: "NO", None: "—"}[f.met]) for f in figures]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    line = lambda r: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))  # noqa: E731
    return "\n".join([line(header), line(tuple("-" * w for w in widths)), *map(line, rows)])


def comparison(figures: list[Figure]) -> str:
    """A markdown table with a column per backend, for the figures measured on more than one."""
    backends: list[str] = []
    rows: dict[tuple[str, str], dict[str, Figure]] = {}
    for f in figures:
        if not f.backend:
            continue
        if f.backend not in backends:
            backends.append(f.backend)
        rows.setdefault((f.scenario, f.name), {})[f.backend] = f
    if len(backends) < 2:
        return ""
    out = ["| Scenario | Figure | " + " | ".join(backends) + " |", "|---|---|" + "---|" * len(backends)]
    for (scenario, name), by_backend in rows.items():
        cells = [fmt_value(by_backend[b].value, by_backend[b].unit) if b in by_backend else "—" for b in backends]
        out.append(f"| {scenario} | {name} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def markdown(info: dict, scale: Scale, figures: list[Figure], seconds: float, command: str) -> str:
    judged = [f for f in figures if f.met is not None]
    met = sum(1 for f in judged if f.met)
    out = [
        "# Benchmark results",
        "",
        f"Written by `{command}` on {info['date']} ({scale.applications:,} applications and "
        f"{scale.outputs:,} outputs on the portal, besides the demo data, in {info['backends']}; "
        f"the run took {seconds / 60:.1f} min).",
        "Every floor is measured in the same run on the same machine; the ratio is measured / floor.",
        "",
        "## Machine",
        "",
        "| CPU | Cores | RAM | Python | OS | Load average (1, 5, 15 min) at start; at end |",
        "|---|---|---|---|---|---|",
        f"| {info['cpu']} | {info['cores']} | {info['ram_gb']} GB | {info['python']} | {info['os']} | "
        f"{info['load']}; {info.get('load_end', 'n/a')} |",
        "",
        "A load average above the number of cores means other processes competed for the CPU during the run: "
        "ratios to floors measured in the same run are steadier than the absolute figures then.",
        "",
        f"## Figures: {met} of {len(judged)} goals met",
        "",
        "| Scenario | Figure | Measured | Floor (same run) | Ratio | Goal | Met |",
        "|---|---|---|---|---|---|---|",
    ]
    for f in figures:
        met_text = {True: "yes", False: "**no**", None: "—"}[f.met]
        out.append(f"| {f.label} | {f.name} | {fmt_value(f.value, f.unit)} | {fmt_value(f.floor, f.unit)} | "
                   f"{fmt_ratio(f.ratio)} | {f.goal or '—'} | {met_text} |")
    side_by_side = comparison(figures)
    if side_by_side:
        out += ["", "## The backends side by side", "", side_by_side]
    out += ["", "## What each figure measures", ""]
    for f in figures:
        floor = f" Floor: {f.floor_name}." if f.floor_name else ""
        out.append(f"- **{f.label}: {f.name}** —{floor} {f.note}".rstrip())
    out += ["", "## Running it", "",
            "    ./dev bench                          # or: python bench/run.py --scale full",
            "    python bench/run.py --scale smoke    # small and quick; CI runs it as a smoke test",
            "    python bench/run.py --db both --only 1,2,5   # the portal on SQLite and on PostgreSQL, compared",
            "",
            "Scenario 3 and 4 run the Qt client with QT_QPA_PLATFORM=offscreen. The seeded portal database is "
            "built once per size with `python -m portal seed --demo` and kept in the temp folder for later runs.",
            ""]
    return "\n".join(out)


def main(argv=None) -> int:
    args = parse_args(argv)
    scale = SCALES[args.scale]
    if args.applications is not None or args.outputs is not None:
        from dataclasses import replace
        scale = replace(scale, applications=args.applications if args.applications is not None else scale.applications,
                        outputs=args.outputs if args.outputs is not None else scale.outputs)
    scenarios = _scenarios(args.only)
    started = time.perf_counter()
    backends = ("sqlite", "postgresql") if args.db == "both" else (args.db,)
    try:
        info, figures = run(scale, scenarios, args.data_dir, backends=backends, pg_url=args.pg_url)
    except Exception as error:
        if type(error).__name__ in ("PgUnavailable", "OperationalError") and "postgresql" in backends:
            hint = ("Check the server and the role in --pg-url (it must be able to create databases)."
                    if args.pg_url else "Install it (Debian: apt-get install postgresql) or give --pg-url.")
            raise SystemExit(f"PostgreSQL cannot be used for the benchmarks: {error}\n{hint}") from None
        raise
    seconds = time.perf_counter() - started
    print()
    print(f"{info['cpu']}, {info['cores']} cores, {info['ram_gb']} GB RAM; Python {info['python']}; {info['os']}; "
          f"load {info['load']} at start, {info['load_end']} at end")
    print(table(figures))
    judged = [f for f in figures if f.met is not None]
    print(f"\n{sum(1 for f in judged if f.met)} of {len(judged)} goals met ({seconds / 60:.1f} min)")
    target = args.results
    if target is None and scale == SCALES["full"]:
        if backends == ("sqlite",) and scenarios == ALL:
            target = RESULTS
        elif len(backends) > 1 and 5 in scenarios:
            target = RESULTS_BACKENDS
    if target is not None and not args.no_results:
        command = f"python bench/run.py --scale {args.scale}"
        if args.db != "sqlite":
            command += f" --db {args.db}"
        if args.only:
            command += f" --only {args.only}"
        if args.applications is not None or args.outputs is not None:
            command += f" --applications {scale.applications} --outputs {scale.outputs}"
        Path(target).write_text(markdown(info, scale, figures, seconds, command), encoding="utf-8")
        print(f"results written to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
