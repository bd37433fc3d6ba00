"""Scenario 4: the applications view over the full cache (bench/child.py view).

Search, status filter and sort are each timed from the action to the end of the
repaint that shows the first visible rows (the search runs as it does after the
typing pause, without the debounce). Floor: fetching one block of rows by id and
repainting the table, measured in the same process. Scrolling jumps to 40 screens
spread over the list and steps through three blocks line by line; the model must
fetch only the blocks it shows.
"""

from __future__ import annotations

from bench.common import Figure, Run, median, run_child

S4 = "4 Applications view"


def run(run: Run) -> list[Figure]:
    run.log("scenario 4: applications view (search, filter, sort, scroll)")
    r = run_child("view", run.client.config())
    rows, floor = r["rows"], r["floor_ms"]
    figures = [Figure(S4, f"open the view with {rows:,} rows (first paint)", r["open_ms"], "ms", floor=floor,
                      floor_name="fetch one block by id + repaint",
                      note="informational: building the view runs the id query, the status counts and the "
                           "first block")]
    for key, title, extra in (
            ("search", "full-text search", ""), ("filter", "status filter", ""),
            ("sort", "sort", "each sort repeated, its column's sort index built"),
            ("first_sort", "first sort by each column", "the first sort by a column builds that column's sort "
                                                          "index (once per cache; kept and updated from then on)")):
        timings = {name: t for name, (t, _) in r[key].items()}
        worst = max(timings, key=timings.get)
        detail = "; ".join(f"{name!r} {t:.0f} ms ({r[key][name][1]:,} rows)" for name, t in timings.items())
        figures.append(Figure(S4, f"{title}, slowest of {len(timings)}", timings[worst], "ms", floor=floor,
                              floor_name="fetch one block by id + repaint", max_value=100,
                              note=f"{extra + '; ' if extra else ''}median {median(list(timings.values())):.0f} ms; "
                                   f"{detail}"))
    bound = 2 * r["scroll_jumps"] + 6
    figures.append(Figure(
        S4, f"blocks fetched while scrolling ({r['scroll_jumps']} jumps + {r['scroll_steps']} steps)",
        r["scroll_blocks_loaded"], "blocks", floor=r["scroll_jumps"], floor_name="one block per jump",
        max_value=bound + 1,
        note=f"{r['scroll_blocks_loaded'] * r['block_rows']:,} of {rows:,} rows fetched at most "
             f"(blocks of {r['block_rows']}); {r['blocks_held']} blocks held (cap {r['max_blocks']}); "
             f"slowest scroll repaint {r['scroll_ms_max']:.1f} ms; goal: at most 2 blocks per jump"))
    run.log(f"  search {figures[1].value:.0f} ms, filter {figures[2].value:.0f} ms, sort {figures[3].value:.0f} ms "
            f"(first by a column {figures[4].value:.0f} ms), scroll blocks {r['scroll_blocks_loaded']}")
    return figures
