"""Run the reliability and security scenarios and write docs/reliability.md.

    python scripts/reliability_report.py            # the CI variants (about a minute and a half)
    python scripts/reliability_report.py --slow     # the long variants too (tens of minutes)
    python scripts/reliability_report.py -k kill    # only some scenarios (pytest -k)

It runs pytest on tests/test_reliability_*.py and tests/test_security_*.py with
PORTAL_DESK_FIGURES pointing at a scratch file, where the scenarios record what
they did (tests/faults.py `record`), and pytest's JUnit XML for the outcome and
time of each test. The report is written even when a test fails: it says so.
Exit status: pytest's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "docs" / "reliability.md"
TEST_FILES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").glob("test_reliability_*.py")) + \
    sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").glob("test_security_*.py"))

SCENARIOS = {
    "tests/test_reliability_kill.py": "Client killed (SIGKILL) at random points of pull and push",
    "tests/test_reliability_faults.py": "Portal down, slow, failing or answering garbage (fault proxy)",
    "tests/test_reliability_session.py": "Session expiry mid-session, status bar under faults, two machines",
    "tests/test_reliability_cache.py": "Damaged, foreign, wrong-key and older-schema caches",
    "tests/test_reliability_load.py": "Fifty clients syncing and reviewing at once",
    "tests/test_reliability_database.py": "PostgreSQL stopped, restarted, failed over to a promoted standby",
    "tests/test_security_matrix.py": "Role-by-endpoint matrix, object-level access",
    "tests/test_security_fuzz.py": "API fuzzing from the OpenAPI document",
    "tests/test_security_auth.py": "Brute force, TOTP replay, tokens, audit tampering",
    "tests/test_security_input.py": "Oversize bodies and files, hostile text in every free-text field",
    "tests/test_security_pentest_portal.py": "Penetration test findings, portal: leaks, token before body, "
                                             "audit flooding, text hygiene, password hashing",
    "tests/test_security_pentest_desktop.py": "Penetration test findings, desktop: no portal text as rich text, "
                                              "no proxy from the environment, sealed rescue, per-user lockout",
    "tests/test_security_release_path.py": "Output release path: ACRO claims, disguised tables, sidecars, "
                                           "unreleased files, hostile load",
    "tests/test_security_transparency.py": "Audit log tampered with by whoever holds the database: found by "
                                           "a client that synced before, and by audit verify",
}

# The findings of the penetration test (issue 16): each closed, each with the test that shows it.
PORTAL_PENTEST = "tests/test_security_pentest_portal.py"
DESKTOP_PENTEST = "tests/test_security_pentest_desktop.py"
PENTEST = [
    ("A refused review does not tell the case's state in the caller's own audit entries",
     PORTAL_PENTEST, "test_a_refused_review_does_not_tell_the_case_state"),
    ("Resubmitting to an unknown application and to another's: the same answer (no enumeration)",
     PORTAL_PENTEST, "test_an_unknown_application_and_anothers_answer_alike"),
    ("Recipients see their own organisation and the text, no other recipients, no staff fields (feed and GET)",
     PORTAL_PENTEST, "test_a_recipient_sees_only_its_own_organisation_and_no_staff"),
    ("Reads of TLP:RED text (GET and feed), CSAF exports and sample draws are audited",
     PORTAL_PENTEST, "test_reads_of_red_text_csaf_and_samples_are_audited"),
    ("A 500 leaves an audit entry", PORTAL_PENTEST, "test_a_500_leaves_an_audit_entry"),
    ("The token is checked before a body is read or parsed",
     PORTAL_PENTEST, "test_a_body_without_a_good_token_is_refused_before_it_is_read"),
    ("Body caps per route (sign-in: 4 KB)", PORTAL_PENTEST, "test_sign_in_takes_a_few_hundred_bytes"),
    ("An unmatched URL is stored cut short in the audit", PORTAL_PENTEST, "test_an_unmatched_url_is_stored_cut_short"),
    ("Anonymous callers write to the audit within a budget per address",
     PORTAL_PENTEST, "test_anonymous_callers_write_to_the_audit_within_a_budget"),
    ("C0 controls and bidi overrides refused in every stored text field (rules/text.py)",
     PORTAL_PENTEST, "test_controls_and_bidi_overrides_are_refused_in_stored_text"),
    ("CVE ids in ASCII digits only", PORTAL_PENTEST, "test_a_cve_takes_ascii_digits_only"),
    ("A stored malformed CVE id does not make the CSAF export a 500",
     PORTAL_PENTEST, "test_a_stored_malformed_cve_does_not_break_the_csaf_export"),
    ("scrypt N=2^17, r=8, p=1; older hashes rehashed at the next sign-in",
     PORTAL_PENTEST, "test_passwords_are_hashed_with_scrypt_n_2_17_and_old_hashes_rehashed"),
    ("No portal text reaches a tooltip, label or model tooltip as rich text (every page of caseworker, supervisor, coordinator and admin windows)",
     DESKTOP_PENTEST, "test_no_portal_text_reaches_a_tooltip_or_label_as_rich_text"),
    ("HTTP(S)_PROXY from the environment is ignored; a proxy only by setting",
     DESKTOP_PENTEST, "test_requests_ignore_proxies_from_the_environment"),
    ("Rescued unsent actions are sealed with the cache key (and removed once queued again)",
     DESKTOP_PENTEST, "test_rescued_actions_are_sealed_with_the_cache_key"),
    ("The sign-in dialog's lockout holds one username", DESKTOP_PENTEST, "test_the_sign_in_lockout_holds_one_username"),
]

LIMITATIONS = [
    "The audit log is anchored outside the portal: a cut tail, a history rewritten with every hash recomputed, "
    "a swapped key or a rolled-back log is found by any client that verified a checkpoint before, and by "
    "`audit verify` given such a checkpoint. A client that never synced before the tampering has nothing to "
    "compare with (it pins the key and trusts the first checkpoint it sees); an edited entity row is found by "
    "the portal's full verification, which a supervisor's or administrator's client asks for at most every 15 "
    "minutes, not by every client.",
    "SIGKILL tests kill the process, not the machine: SQLite's write-ahead log with synchronous=NORMAL keeps "
    "every committed transaction across a process crash; a power cut can lose the last transactions (never "
    "half of one).",
    "A damaged page of the cache is found when the app opens the cache (a page-by-page HMAC check, about a "
    "second per 100 MB). Damage that happens while the app runs is met at the next query: that sync round "
    "fails and is retried on the timer (the status bar shows offline), and the next start or sign-in checks "
    "the cache and rebuilds it.",
    "Unsent actions that sat only in the damaged part of a cache (for example cut off by a truncation) cannot "
    "be rescued; the user is told that some could not be read, and the old file is kept.",
    "The budget for what callers without a token write to the audit (120 entries per client address and "
    "minute) is kept in each portal process's memory: with several processes each has its own, and behind a "
    "proxy or NAT every caller shares one address (a flood from it holds off sign-ins from it for a minute).",
    "Bodies the routes read themselves (applications, outputs, samples, administrators' requests) are parsed "
    "on a worker thread; those FastAPI parses (sign-in, warnings, incidents) are parsed on the event loop, "
    "after the token check and within their cap (4 KB for sign-in, 1 MB otherwise).",
    "Calls answered 503 unavailable while the database is away are not in the audit log (it lives in that "
    "database): they are logged, counted in /health (`unavailable_answers`), and the client retries them.",
    "With asynchronous replication a failover can lose the last writes the old primary acknowledged; only "
    "synchronous replication (synchronous_standby_names, synchronous_commit on) keeps every acknowledged write.",
]

FIXED = [
    "Portal: a database stopped or restarting answered 500 internal_error (and, after a restart, 500 from "
    "connections the pool still held); now 503 unavailable with Retry-After within a second, connections are "
    "checked before use, and a multi-host URL follows a promoted standby.",
    "Portal: SQLite's own rollback on a full disk turned the answer into a 500 (\"cannot rollback\"); now 503.",
    "Portal: a JSON body with an unpaired surrogate escape (\"\\ud800\") answered 500 on the application, "
    "output and sample routes; now 400 bad_request.",
    "Portal: a change-feed cursor or audit position beyond 2^63-1 answered 500; now 400 bad_request.",
    "Portal: a streamed (chunked) body over the size limit answered 400 on routes whose body FastAPI parses; "
    "now 413 too_large like every other oversize body.",
    "Portal: a body that is not JSON was refused with 400 before the sign-in and role checks on the warning "
    "routes; now 401 and 403 come first, as the contract's refusal order says.",
    "Portal: failed sign-ins were counted in a second transaction after the refusal; now in the same one, so "
    "a burst of parallel guesses cannot slip past the five-failure lockout.",
    "Client: the status bar said \"Online\" while the app waited for a new sign-in (auth_required); and a "
    "dismissed sign-in dialog left no way to ask again; \"Sync now\" now asks again.",
    "Client: a damaged, foreign, unknown-schema or wrong-key cache made sign-in fail (or failed later at some "
    "query); now it is checked when opened and rebuilt at sign-in, after its unsent actions are exported to "
    "a file and queued again with their own Idempotency-Keys, and the user is told.",
]


def run_pytest(slow: bool, select: str | None, figures: Path, junit: Path) -> int:
    command = [sys.executable, "-m", "pytest", *TEST_FILES, "-q", "-p", "no:cacheprovider",
               f"--junitxml={junit}", "-o", "junit_family=xunit2"]
    if slow:
        command.append("--slow")
    if select:
        command += ["-k", select]
    env = dict(os.environ, PORTAL_DESK_FIGURES=str(figures))
    print("running:", " ".join(["python -m pytest", *command[3:]]), flush=True)
    return subprocess.call(command, cwd=ROOT, env=env)


def read_junit(junit: Path) -> list[dict]:
    if not junit.exists():
        return []
    tests = []
    for case in ET.parse(junit).getroot().iter("testcase"):
        outcome = "passed"
        for child in case:
            if child.tag in ("failure", "error"):
                outcome = "failed"
            elif child.tag == "skipped":
                outcome = "skipped"
        module = case.get("classname", "").replace(".", "/") + ".py"
        tests.append({"file": module, "name": case.get("name"), "outcome": outcome,
                      "seconds": float(case.get("time") or 0)})
    return tests


def read_figures(path: Path) -> dict[str, list[dict]]:
    by_scenario: dict[str, list[dict]] = defaultdict(list)
    if path.exists():
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                by_scenario[entry.pop("scenario")].append(entry)
    return by_scenario


def total(entries: list[dict], key: str) -> int:
    return sum(int(e.get(key) or 0) for e in entries)


def merged(entries: list[dict], key: str) -> Counter:
    out: Counter = Counter()
    for e in entries:
        out.update(e.get(key) or {})
    return out


def fmt(counter: Counter) -> str:
    return ", ".join(f"{k}: {v}" for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))) or "none"


def render(figures: dict[str, list[dict]], tests: list[dict], slow: bool, select: str | None, status: int,
           elapsed: float) -> str:
    kill = figures.get("sigkill during sync", [])
    in_flight = figures.get("kill with request in flight", [])
    faults = figures.get("portal faults", [])
    chaos = figures.get("random faults", [])
    ui = figures.get("client status under faults", [])
    expiry = figures.get("token expiry", [])
    machines = figures.get("two machines of one user", [])
    damaged = figures.get("damaged cache", [])
    matrix = figures.get("role by endpoint matrix", [])
    fuzz = figures.get("api fuzzing", [])
    brute = figures.get("sign-in brute force", [])
    replay = figures.get("totp replay", [])
    tamper = figures.get("audit tampering", [])
    anchored = figures.get("transparency log tampering", [])
    text = figures.get("hostile text", [])
    oversize = figures.get("oversize bodies", [])
    load = figures.get("fifty clients at once", [])
    db_stop = figures.get("database stop and start", [])
    db_restart = figures.get("database fast restart", [])
    db_failover = figures.get("database failover", [])

    faults_injected = (sum(e.get("injected", 0) for e in faults) + total(chaos, "faults_injected")
                       + sum(e.get("injected", 0) for e in ui))
    lost = (total(kill, "actions_lost") + total(in_flight, "actions_lost") + total(faults, "actions_lost")
            + total(chaos, "actions_lost") + total(expiry, "actions_lost") + total(machines, "actions_lost")
            + total(damaged, "actions_lost_silently") + total(load, "lost_updates"))
    duplicates = (total(kill, "duplicate_effects") + total(in_flight, "duplicate_effects")
                  + total(faults, "duplicate_effects") + total(chaos, "duplicate_effects")
                  + total(load, "duplicate_reviews"))
    passed = sum(t["outcome"] == "passed" for t in tests)
    failed = sum(t["outcome"] == "failed" for t in tests)
    skipped = sum(t["outcome"] == "skipped" for t in tests)

    out: list[str] = []
    w = out.append
    w("# Reliability and security report")
    w("")
    w("Generated by `python scripts/reliability_report.py"
      + (" --slow" if slow else "") + (f" -k '{select}'" if select else "") + "`; do not edit by hand, rerun it.")
    w(f"Run {dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} on Python "
      f"{platform.python_version()}, {os.cpu_count()} CPUs, {platform.system()}; "
      f"{'long variants (--slow)' if slow else 'CI variants'}; {elapsed:.0f} s in all.")
    w("")
    w(f"**Result: {'all scenarios passed' if status == 0 and not failed else 'FAILURES, see below'}** "
      f"({passed} passed, {failed} failed, {skipped} skipped).")
    w("")
    w("## Headline figures")
    w("")
    w("| what | figure |")
    w("|---|---|")
    w(f"| client kill points tried (SIGKILL during pull and push) | {total(kill, 'kill_points') + len(in_flight)} "
      f"({total(kill, 'killed')} killed mid-sync, {len(in_flight)} with a request in flight) |")
    w(f"| faults injected between client and portal | {faults_injected} |")
    w(f"| API fuzz cases run | {total(fuzz, 'cases')} over {max([e.get('operations', 0) for e in fuzz] or [0])} "
      f"operations |")
    w(f"| role-by-endpoint calls | {total(matrix, 'calls')} ({max([e.get('endpoints', 0) for e in matrix] or [0])} "
      f"endpoints x {max([e.get('callers', 0) for e in matrix] or [0])} callers) |")
    w(f"| requests under load (50 clients at once) | {total(load, 'requests_under_load')} "
      f"({', '.join(str(e.get('requests_per_second')) + '/s' for e in load) or '-'}) |")
    w(f"| damaged caches opened | {total(damaged, 'trials')} |")
    w(f"| actions lost | {lost} |")
    w(f"| actions applied twice | {duplicates} |")
    w(f"| server errors (5xx other than 503 unavailable) | {total(fuzz, 'server_errors') + total(load, 'server_errors') + total(db_stop, 'server_errors') + total(db_failover, 'server_errors')} |")
    w("")

    w("## Client and sync")
    w("")
    w("### SIGKILL during sync")
    if kill:
        w(f"{total(kill, 'kill_points')} kill points at seeded random moments (seeds "
          f"{', '.join(str(e['seed']) for e in kill)}), {total(kill, 'killed')} landed while the child was "
          f"syncing; where the process died: {fmt(merged(kill, 'phases'))}. {total(kill, 'actions_queued')} "
          "actions were queued along the way. After every kill the cache opened, passed SQLite's and the "
          "full-text index's integrity checks and held exactly the feed up to its cursor (no half-applied "
          "page); every action was still queued or done, and never applied twice. Resumed to the end, the "
          "cache equalled a fresh full sync and every action had taken effect exactly once.")
    if in_flight:
        w("")
        w("Killed on purpose with a review in flight: "
          + "; ".join({"hold": "after the portal acted, before its answer arrived",
                       "blackhole": "after the request left, before the portal saw it"}.get(e["moment"], e["moment"])
                      for e in in_flight)
          + ". Each time the restarted client sent it again with the same Idempotency-Key: one review.")
    w("")
    w("### Faults between client and portal")
    if faults:
        w("| fault | reported as | faults injected | backoff after each failure (s) |")
        w("|---|---|---|---|")
        for e in faults:
            w(f"| {e['fault']} | {e.get('error_kind')} | {e.get('injected')} | "
              f"{', '.join(str(b) for b in e.get('backoff_seconds', [])) or '-'} |")
        w("")
        w("For each fault: the sync reported it (never raised), the queued action's attempts and backoff grew, "
          "the cache kept answering and new actions queued, and once the portal was back the next due sync "
          "delivered every action exactly once, including those whose answer was lost after the portal acted. "
          "A change-feed page of gigabytes was refused at the client's size limit without reading it whole.")
    for e in chaos:
        w("")
        w(f"Random faults (seed {e['seed']}): {e['rounds']} sync rounds, {e['requests']} requests through the "
          f"proxy, {e['faults_injected']} faults ({fmt(Counter(e.get('by_fault', {})))}); rounds ended "
          f"{fmt(Counter(e.get('rounds_by_outcome', {})))}; {e['actions']} actions, all delivered once.")
    if ui or expiry or machines:
        w("")
        w("### The desktop client")
        if ui:
            w(f"- Status bar under faults ({', '.join(e['fault'] for e in ui)}): showed offline and the waiting "
              "actions, the views kept working, and it came back online and sent them.")
        if expiry:
            w(f"- Session expiry mid-session (token lifetime {expiry[0]['ttl_seconds']} s): the app asked for the "
              "password again over the same window and page, kept the queued action, and sent it after the "
              "sign-in.")
        if machines:
            w("- Two machines of one user: both ended with the same cache, equal to the portal's feed; the "
              "decision that clashed was refused and shown, not lost.")
    w("")
    w("### Damaged caches")
    if damaged:
        w(f"{total(damaged, 'trials')} caches opened after damage: {fmt(merged(damaged, 'outcomes'))}. Signing in "
          "always worked, the next sign-in opened the rebuilt cache as it was (no crash loop), and no action was "
          "lost silently.")
    w("")
    w("### Fifty clients at once")
    for e in load:
        w(f"{e['clients']} clients for {e['seconds']} s (seed {e['seed']}): {e['requests_under_load']} requests "
          f"({e['requests_per_second']}/s), {e['sync_rounds']} sync rounds ({fmt(Counter(e.get('rounds_by_outcome', {})))}), "
          f"{e['reviews_accepted']} reviews accepted, {e['reviews_refused_with_reason']} refused with a reason "
          f"and shown as attention ({fmt(Counter(e.get('refusals_by_code', {})))}); "
          f"{e['server_errors']} server errors, {e['lost_updates']} lost updates, {e['duplicate_reviews']} duplicate "
          "reviews; every cache equal to its user's feed; the audit chain verified.")
    w("")

    w("## Portal")
    w("")
    for e in matrix[:1]:
        w(f"- Role-by-endpoint matrix: {e['endpoints']} endpoints (enumerated from the routes and the OpenAPI "
          f"document) x {e['callers']} callers (six roles, anonymous, each role's expired and signed-out token): "
          f"{e['calls']} calls, {e['mismatches']} differences from the contract.")
    for e in fuzz:
        w(f"- Fuzzing: {e['cases']} generated requests ({e['examples_per_operation']} per operation, positive and "
          f"negative) over {e['operations']} operations; statuses {fmt(Counter(e.get('statuses', {})))}; "
          f"{e['server_errors']} server errors, {e['contract_violations']} answers outside the contract.")
    for e in brute:
        w(f"- Brute force: {e['parallel_guesses']} guesses at once for one user: {e['evaluated']} evaluated, "
          f"{e['refused_429']} refused with 429.")
    for e in replay:
        w(f"- TOTP replay: the same code sent {e['parallel_replays']} times at once signed in {e['accepted']} time.")
    if tamper:
        w(f"- Audit tampering detected: {', '.join(e['tampering'] for e in tamper if e.get('detected'))}.")
    if anchored:
        w("")
        w("Tampering with the audit log by whoever holds the database, each against a real portal and a real "
          "client that had synced (and verified a checkpoint) before:")
        w("")
        w("| tampering | database | client's alarm on its next sync | `audit verify --checkpoint` said |")
        w("|---|---|---|---|")
        for e in anchored:
            w(f"| {e['tampering']} | {e['backend']} | {e['alarm']} | {e['verify']} |")
        w("")
        w("Each alarm was a blocking notice naming what failed and since which checkpoint, a Needs-attention "
          "item, the audit page red and evidence exported as JSON (both checkpoints and the failed proof); the "
          "next sync kept the old checkpoint trusted and raised no second notice.")
    for e in text:
        w(f"- Hostile text: {e['round_trips_exact']} round trips through {e['fields']} free-text fields returned "
          f"exactly what was sent; {e['refused_4xx']} inputs a field does not take were refused with 4xx; "
          f"{e['altered']} altered.")
    for e in oversize:
        w(f"- Oversize: {e['endpoints']} POST and PATCH endpoints refused a declared oversize body with 413 "
          "before reading it; a streamed one was cut off; an oversize file and an oversize set of files got 413.")
    w("")
    if db_stop or db_restart or db_failover:
        w("### The database away: restart and failover")
        w("")
        w("A reader and a writer call the portal (on PostgreSQL) without pause while its database goes away; "
          "the writer repeats a write with the same Idempotency-Key after a 503. Times in seconds; "
          "\"failed\" counts the 503 answers (each retried), never a 500.")
        w("")
        w("| what happened to the database | first 503 after it went | one call while away | back after it "
          "returned | requests failed (503) | server errors (500) | requests |")
        w("|---|---|---|---|---|---|---|")
        for e in db_stop:
            w(f"| `pg_ctl stop -m fast`, then start | {e['first_503_s']} | {e['direct_503_s']} | "
              f"{e['recovered_after_start_s']} | {e['failed_requests']} | {e['server_errors']} | {e['requests']} |")
        for e in db_restart:
            w(f"| `pg_ctl restart -m fast` | - | - | {e['recovered_after_restart_s']} | {e['failed_requests']} | "
              f"0 | {e['requests']} |")
        for e in db_failover:
            w(f"| primary killed (`-m immediate`), synchronous standby promoted; multi-host URL | "
              f"{e['first_503_s']} | {e['direct_503_s']} | {e['recovered_after_start_s']} | "
              f"{e['failed_requests']} | {e['server_errors']} | {e['requests']} |")
        for e in db_failover:
            w("")
            w(f"Failover: {e['acknowledged']} writes acknowledged, {e['lost']} lost; the change feed's numbering "
              "exact (each acknowledged write numbered once, in order, across the failover); the audit chain "
              "verified on the new primary.")
        w("")

    w("## Tests")
    w("")
    w("| scenario | file | passed | failed | skipped | seconds |")
    w("|---|---|---|---|---|---|")
    per_file: dict[str, Counter] = defaultdict(Counter)
    seconds: Counter = Counter()
    for t in tests:
        per_file[t["file"]][t["outcome"]] += 1
        seconds[t["file"]] += t["seconds"]
    for file in TEST_FILES:
        c = per_file.get(file, Counter())
        w(f"| {SCENARIOS.get(file, '')} | `{file}` | {c['passed']} | {c['failed']} | {c['skipped']} | "
          f"{seconds[file]:.1f} |")
    failures = [t for t in tests if t["outcome"] == "failed"]
    if failures:
        w("")
        w("Failed:")
        for t in failures:
            w(f"- `{t['file']}::{t['name']}`")
    w("")
    w("## Penetration test findings, closed")
    w("")
    w("| finding | test | result |")
    w("|---|---|---|")
    for finding, file, name in PENTEST:
        runs = [t for t in tests if t["file"] == file and (t["name"] == name or t["name"].startswith(name + "["))]
        result = ("not run" if not runs else "failed" if any(t["outcome"] == "failed" for t in runs)
                  else f"passed ({len(runs)})" if all(t["outcome"] == "passed" for t in runs) else "skipped")
        w(f"| {finding} | `{file.rsplit('/', 1)[-1]}::{name}` | {result} |")
    w("")
    w("## Fixed while writing these scenarios")
    w("")
    for line in FIXED:
        w(f"- {line}")
    w("")
    w("## Known limits")
    w("")
    for line in LIMITATIONS:
        w(f"- {line}")
    w("")
    return "\n".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--slow", action="store_true", help="run the long variants too")
    parser.add_argument("-k", dest="select", help="only scenarios matching this pytest -k expression")
    parser.add_argument("--output", default=str(DEFAULT_OUTPUT), help="where to write the report")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="reliability-") as scratch:
        figures, junit = Path(scratch) / "figures.jsonl", Path(scratch) / "junit.xml"
        started = dt.datetime.now()
        status = run_pytest(args.slow, args.select, figures, junit)
        elapsed = (dt.datetime.now() - started).total_seconds()
        report = render(read_figures(figures), read_junit(junit), args.slow, args.select, status, elapsed)
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report, encoding="utf-8")
    print(f"wrote {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}")
    return status


if __name__ == "__main__":
    sys.exit(main())
