"""Issue 15: nothing disclosive leaves on one researcher's word.

Each bypass found by trying the release path as an attacker, as a test on the
real portal (both database backends), plus variants: an ACRO bundle that says
"pass" for a microdata file, the same table renamed or wrapped in Markdown,
LaTeX, HTML, JSON or YAML, a table inside a longer text, a contributors sidecar
released with its table, the researcher reading files of held or withheld
outputs, hostile submissions to someone else's project, more than two
submissions in checking, a file whose check runs past its budget.
"""

import base64
import json
import threading

import pytest
import yaml

from tests.portal_process import PortalProcess, wait_until
from tests.test_outputs_api import (STEERED, as_supervisor, assert_error, audit, get, new_project, ok, outputs,
                                    review, submit)

PATIENTS = [("P%06d" % (1000 + i), 20 + i, "F" if i % 2 else "M", 8000 + i) for i in range(12)]
HEADER = ["patient_id", "age", "sex", "postcode"]
MICRODATA = ("\n".join([",".join(HEADER)] + [",".join(map(str, r)) for r in PATIENTS]) + "\n").encode()
CPR_MICRODATA = ("cpr,age,sex\n" + "\n".join(f"{d:02d}0190-{1000 + d:04d},{30 + d},F" for d in range(1, 13))
                 + "\n").encode()
SMALL = b"region,cases\nCapital Region,412\nRegion Zealand,2\nNorth Denmark Region,120\n"


def markdown(rows):
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(map(str, r)) + " |" for r in rows]
    return ("# Cohort\n\nThe table below lists the cohort.\n\n" + "\n".join(lines) + "\n\nEnd of notes.\n").encode()


def latex(rows):
    body = "\n".join(" & ".join(map(str, r)) + r" \\" for r in rows)
    return ("\\begin{tabular}{|l|r|l|r|}\n\\hline\n" + " & ".join(h.replace("_", "\\_") for h in HEADER)
            + " \\\\ \\hline\n" + body + "\n\\end{tabular}\n").encode()


def html(rows):
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return ("<html><body><h1>Cohort</h1><table><tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr>"
            + cells + "</table></body></html>").encode()


RECORDS = [dict(zip(HEADER, r)) for r in PATIENTS]
DISGUISES = {
    "cohort.txt": MICRODATA,
    "cohort.dat": MICRODATA,
    "cohort.md": markdown(PATIENTS),
    "cohort.tex": latex(PATIENTS),
    "cohort.html": html(PATIENTS),
    "cohort.json": json.dumps({"cohort": RECORDS}, indent=2).encode(),
    "cohort.yaml": yaml.safe_dump(RECORDS).encode(),
    "letter.txt": b"Dear supervisor,\n\nplease find the cohort below.\n\n" + MICRODATA + b"\nKind regards, Rikke\n",
}


def acro_bundle(*names, status="pass"):
    return json.dumps({"version": "0.4.5", "results": {
        f"output_{i}": {"uid": f"output_{i}", "status": status, "type": "table", "properties": {}, "outcome": {},
                        "command": "", "summary": "pass", "exception": "", "comments": [],
                        "files": [{"name": name, "sdc": {}}]}
        for i, name in enumerate(names)}}).encode()


@pytest.fixture(scope="module")
def steered(db_backend, tmp_path_factory):
    path = tmp_path_factory.mktemp("sampling") / "sampling.json"
    path.write_text(json.dumps(STEERED))
    p = PortalProcess(backend=db_backend, args=["--sampling", str(path)]).start()
    yield p
    p.close()


@pytest.fixture(scope="module")
def project(steered):
    return new_project(steered)


def rules_of(output):
    return {f["rule"] for f in output["check"]["findings"]}


# -- the ACRO bundle is the researcher's claim, not proof --------------------------------------

def test_acro_pass_does_not_release_microdata_with_cpr_numbers(steered, project):
    out = ok(submit(steered, project, ("results.json", acro_bundle("cohort.csv")), ("cohort.csv", CPR_MICRODATA)))
    assert out["status"] == "held" and out["check"]["verdict"] == "fail"
    assert {"cpr", "acro_disagrees"} <= rules_of(out)
    disagree = next(f for f in out["check"]["findings"] if f["rule"] == "acro_disagrees")
    assert disagree["file"] == "cohort.csv" and "cpr" in disagree["value"]
    assert as_supervisor(steered, out)["required_releases"] == 2


def test_bundle_whose_files_do_not_match_the_submission_exempts_nothing(steered, project):
    out = ok(submit(steered, project, ("results.json", acro_bundle("other.csv", "cohort.csv")),
                    ("cohort_v2.csv", MICRODATA)))
    assert out["status"] == "held" and out["check"]["verdict"] == "fail"
    assert {"microdata", "acro_mismatch"} <= rules_of(out)
    mismatch = next(f for f in out["check"]["findings"] if f["rule"] == "acro_mismatch")
    assert "other.csv" in mismatch["message"] and "cohort.csv" in mismatch["message"]


# -- content decides the kind ------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(DISGUISES))
def test_microdata_under_any_name_or_form_is_read_as_a_table(steered, project, name):
    out = ok(submit(steered, project, (name, DISGUISES[name])))
    assert out["status"] == "held" and out["check"]["verdict"] == "fail", out["check"]
    microdata = [f for f in out["check"]["findings"] if f["rule"] == "microdata"]
    assert microdata and microdata[0]["file"] == name and microdata[0]["column"] == "patient_id"


def test_small_count_in_a_table_inside_a_longer_text(steered, project):
    text = (b"Results of the interim analysis.\n\nThe counts by region were as follows:\n\n"
            b"region;cases;controls\nCapital Region;412;398\nRegion Zealand;2;250\nNorth Denmark Region;120;131\n\n"
            b"We will send the final tables later.\n")
    out = ok(submit(steered, project, ("notes.txt", text)))
    [small] = [f for f in out["check"]["findings"] if f["rule"] == "threshold"]
    assert (small["row"], small["column"], small["value"]) == (1, "cases", 2)
    assert "line 5" in small["message"]
    assert out["status"] == "held"


def test_identifiers_are_found_in_every_readable_file(steered, project):
    for name in ("model.py", "summary.rst", "figure.png"):
        out = ok(submit(steered, project, (name, b"# excluded: 010190-1234\nprint('done')\n")))
        assert "cpr" in rules_of(out) and out["check"]["verdict"] == "fail", name


def test_nested_and_disguised_archives_are_still_refused(steered, project):
    import io
    import zipfile
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("cohort.csv", MICRODATA)
    outer = io.BytesIO()
    with zipfile.ZipFile(outer, "w") as z:
        z.writestr("inner.zip", inner.getvalue())
    for name, data in (("outer.zip", outer.getvalue()), ("outer.txt", outer.getvalue()),
                       ("cohort.csv", inner.getvalue()), ("cohort.md", b"\x1f\x8b\x08\x00rest")):
        error = assert_error(submit(steered, project, (name, data)), 422, "invalid_file")
        assert error["file"] == name


# -- what a release gives out ------------------------------------------------------------------

def test_sidecar_never_leaves_and_held_files_are_not_read_back(steered, project):
    table = b"sector,Turnover\nRetail,1000000\nFarming,900000\n"
    sidecar = (b"row,column,n,total,top1,top2\n0,Turnover,40,1000000,100000,90000\n"
               b"1,Turnover,35,900000,80000,70000\n")
    out = ok(submit(steered, project, ("sales.csv", table), ("sales.contributors.csv", sidecar)))
    kinds = [f["kind"] for f in out["files"]]
    assert kinds == ["magnitude_table", "contributors"] and out["status"] == "released", out["check"]
    assert base64.b64decode(ok(get(steered, "rikke", f"/outputs/{out['id']}/files/0"), 200)["content_base64"]) == table
    assert_error(get(steered, "rikke", f"/outputs/{out['id']}/files/1"), 403, "not_released")
    assert ok(get(steered, "dorte", f"/outputs/{out['id']}/files/1"), 200)["kind"] == "contributors"

    held = ok(submit(steered, project, ("small.csv", SMALL)))
    assert held["status"] == "held"
    assert_error(get(steered, "rikke", f"/outputs/{held['id']}/files/0"), 403, "not_released")
    withheld = ok(review(steered, "dorte", as_supervisor(steered, held), "withhold", "Count of 2."))
    assert withheld["status"] == "withheld"
    assert_error(get(steered, "rikke", f"/outputs/{held['id']}/files/0"), 403, "not_released")
    refusals = [e for e in audit(steered, actor="u-rikke", outcome="refused")
                if e["detail"].get("code") == "not_released"]
    assert len(refusals) >= 3


# -- ownership before work, a bounded number in checking ---------------------------------------

def test_hostile_submissions_to_a_project_not_theirs_are_refused_before_any_check(steered):
    others = [a for a in steered.all_changes("admin").items()
              if a[0][0] == "application" and a[1]["applicant_id"] != "R-0001"]
    target = others[0][0][1]
    hostile = b"".join(b"%02d0190-%04d patient record\n" % (1 + i % 28, i % 10000) for i in range(300_000))
    answers = []

    def attack():
        answers.append(submit(steered, target, ("notes.txt", hostile)))

    threads = [threading.Thread(target=attack) for _ in range(8)]
    for t in threads:
        t.start()
    assert ok(get(steered, None, "/health"), 200)["status"] == "ok"
    for t in threads:
        t.join(120)
    assert [r.status_code for r in answers] == [403] * 8
    assert {r.json()["error"]["code"] for r in answers} == {"not_applicant"}
    refused = [e for e in audit(steered, action="output.submit", actor="u-rikke", outcome="refused")
               if e["detail"].get("project_id") == target]
    assert len(refused) == 8 and all(e["detail"]["check"] == {} for e in refused)


def test_at_most_two_submissions_in_checking(steered, project):
    with steered.store() as store:   # another portal process is checking two of rikke's outputs
        with store.write() as tx:
            assert tx.lease_take("checking:R-0001", "elsewhere-1", 0, 4e9, 2)
            assert tx.lease_take("checking:R-0001", "elsewhere-2", 0, 4e9, 2)
    try:
        response = submit(steered, project, ("clean.csv", SMALL))
        assert_error(response, 429, "too_many_requests")
        assert int(response.headers["Retry-After"]) > 0
    finally:
        with steered.store() as store:
            with store.write() as tx:
                tx.lease_release("checking:R-0001", "elsewhere-1")
    out = ok(submit(steered, project, ("clean.csv", SMALL)))
    assert out["check"]["verdict"] == "fail"
    with steered.store() as store:
        with store.read() as tx:
            assert tx.leases_held("checking:R-0001") == 1     # ours was given back; the other process's stays
        with store.write() as tx:
            tx.lease_release("checking:R-0001", "elsewhere-2")
    [refusal] = [e for e in audit(steered, action="output.submit", actor="u-rikke", outcome="refused")
                 if e["detail"].get("code") == "too_many_requests"]
    assert refusal["detail"]["project_id"] == project["id"]


@pytest.fixture(scope="module")
def tight(db_backend, tmp_path_factory):
    """A portal whose check has one worker and a budget of 2 s per file."""
    folder = tmp_path_factory.mktemp("tight")
    (folder / "sampling.json").write_text(json.dumps(STEERED))
    (folder / "rules.json").write_text(json.dumps({"check_seconds": 2, "check_workers": 1}))
    p = PortalProcess(backend=db_backend, args=["--sampling", str(folder / "sampling.json"),
                                                "--rules", str(folder / "rules.json")]).start()
    yield p
    p.close()


def big_cpr_table() -> bytes:
    rows = (b"%02d%02d%02d-%04d,%d,ward %d" % (1 + i % 28, 1 + i % 12, i % 100, i % 10000, i % 90, i % 30)
            for i in range(400_000))
    return b"cpr,age,ward\n" + b"\n".join(rows) + b"\n"


def test_a_check_past_its_budget_holds_the_output_and_others_keep_their_answers(tight):
    project = new_project(tight)
    data = big_cpr_table()
    answers = []

    def send():
        answers.append(submit(tight, project, ("cohort.csv", data)))

    threads = [threading.Thread(target=send) for _ in range(4)]
    for t in threads:
        t.start()
    for _ in range(3):   # the portal answers other callers meanwhile
        assert ok(get(tight, None, "/health"), 200)["status"] == "ok"
        assert get(tight, "dorte", "/changes", since=0, limit=50).status_code == 200
    for t in threads:
        t.join(180)
    codes = sorted(r.status_code for r in answers)
    assert codes.count(201) >= 2 and set(codes) <= {201, 429}, codes
    for response in answers:
        if response.status_code == 201:
            out = response.json()
            assert out["status"] == "held" and out["check"]["verdict"] == "review"
            [timeout] = [f for f in out["check"]["findings"] if f["rule"] == "check_timeout"]
            assert timeout["file"] == "cohort.csv" and timeout["threshold"] == 2
    wait_until(lambda: _leases(tight) == 0, timeout=30, message="the checking leases to be given back")
    # the worker stopped for its budget was replaced: the next check runs
    out = ok(submit(tight, project, ("small.csv", SMALL)))
    assert "threshold" in rules_of(out)
    submitted = [e for e in audit(tight, action="output.submit", actor="u-rikke", outcome="ok")
                 if e["detail"].get("project_id") == project["id"]]
    assert all(e["detail"]["after"]["held_because"] for e in submitted)
    assert any("check_timeout" in e["detail"]["check"]["rules"] for e in submitted)


def _leases(p) -> int:
    with p.store() as store:
        with store.read() as tx:
            return tx.leases_held("checking:R-0001")


def test_output_files_stay_in_for_the_researcher_until_released(steered, project):
    out = ok(submit(steered, project, ("figure.png", base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="))))
    assert out["status"] == "held"
    assert_error(get(steered, "rikke", f"/outputs/{out['id']}/files/0"), 403, "not_released")
    once = ok(review(steered, "dorte", as_supervisor(steered, out), "release", "Looked at the figure."))
    assert once["status"] == "held"
    assert_error(get(steered, "rikke", f"/outputs/{out['id']}/files/0"), 403, "not_released")
    ok(review(steered, "emil", once, "release", "Agreed."))
    assert ok(get(steered, "rikke", f"/outputs/{out['id']}/files/0"), 200)["kind"] == "image"
    assert outputs(steered, "rikke")[out["id"]]["status"] == "released"
