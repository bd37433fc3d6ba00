"""Issue 5 (client, no Qt): the supervisors' queue rules, reading files as the
portal's check reads them (so that findings land on their cells), checksum
verification, and the sampling overview. The portal's own checker and overview
are the oracle where there is one."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import random
import secrets
from pathlib import Path

import pytest

from desktop.models import outputs as m
from desktop.models.output_queue import OutputQueue
from desktop.sync.cache import Cache
from desktop.sync.outbox import Outbox
from portal import checks
from rules import sampling

DATA = Path(__file__).parent / "data" / "checks"
NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.timezone.utc)
DORTE = {"id": "u-dorte", "roles": ["supervisor"]}
EMIL = {"id": "u-emil", "roles": ["supervisor"]}


def check(*files, rules=None):
    return checks.check_output([(n, d.encode() if isinstance(d, str) else d) for n, d in files],
                               rules or checks.Rules())


def placed_cells(text: str, findings: list[dict]) -> tuple[m.DisplayTable, list[m.Placed]]:
    return m.table_for_findings(text, findings)


VALUE_IS_THE_CELL = {"threshold", "zero", "cpr", "cvr"}   # other rules' value is a share, a count of contributors


def assert_lands_on_its_cell(name: str, data: bytes, result: dict, values: bool = True):
    """Every cell finding the portal made for `name` is placed on the cell it names:
    same data row, same header name, and (where the value is the cell's) the value
    shown there."""
    findings = [f for f in result["findings"] if f["file"] == name]
    table, placed = m.table_for_findings(m.decode_text(data), findings)
    cells = [p for p in placed if p.finding["row"] is not None and p.finding["column"] is not None]
    assert cells, "the example should have cell findings"
    for p in cells:
        assert p.level == m.CELL, p.finding
        assert p.row == p.finding["row"]
        assert table.names[p.col] == p.finding["column"]
        if values and (p.finding["rule"] in VALUE_IS_THE_CELL or p.finding["rule"].startswith("acro:")):
            assert m._value_matches(table.cell(p.row, p.col), p.finding["value"], table.danish), \
                (p.finding, table.cell(p.row, p.col))
    return table, placed


# -- reading CSV tables as the check does ---------------------------------------------------

def test_parse_table_follows_the_portals_conventions():
    text = ("Table 1: admissions by region;;\n\n"
            "region;men;women\r\n"
            "Hovedstaden;1.234;2,5\n"
            "\n"
            "Sjælland;7\n")
    table = m.parse_table(text)
    assert table.delimiter == ";" and table.danish
    assert table.titles == ["Table 1: admissions by region"]
    assert table.names == ["region", "men", "women"]
    assert table.rows == [["Hovedstaden", "1.234", "2,5"], ["Sjælland", "7", ""]]    # blank lines skipped, padded
    assert m.number_of("1.234", True) == 1234 and m.number_of("2,5", True) == 2.5
    assert m.number_of("1,234.5", False) == 1234.5 and m.number_of("1 234", False) == 1234
    assert m.number_of("<3", False) is None and m.number_of("..", False) is None

    headless = m.parse_table("1,2,3\n4,5,6\n")
    assert headless.header_rows == 0 and headless.names == ["column 1", "column 2", "column 3"]
    assert headless.rows[0] == ["1", "2", "3"]
    unnamed = m.parse_table("group,,n\nA,x,4\n")
    assert unnamed.names == ["group", "column 2", "n"]


@pytest.mark.parametrize("seed", range(12))
def test_findings_land_on_the_cells_they_name(seed):
    """Generated frequency tables (commas or semicolons, title lines, blank lines,
    markers, small counts and zeros) through the portal's own check."""
    rng = random.Random(seed)
    sep = rng.choice([",", ";", "\t"])
    lines = []
    columns = ["group"] + [f"year {2015 + j}" for j in range(rng.randint(2, 5))]
    if rng.random() < 0.5:   # a title line as spreadsheets export it (with the row's empty cells)
        lines += ["Table %d: cases by group" % seed + sep * (len(columns) - 1), ""]
    lines.append(sep.join(columns))
    for i in range(rng.randint(4, 30)):
        cells = [f"group {i}"]
        for _ in columns[1:]:
            roll = rng.random()
            cells.append("0" if roll < 0.1 else str(rng.randint(1, 2)) if roll < 0.25 else ".." if roll < 0.3
                         else str(rng.randint(3, 900)))
        if i == 0:
            cells[rng.randrange(1, len(cells))] = "1"      # at least one small cell in every draw
        lines.append(sep.join(cells))
        if rng.random() < 0.1:
            lines.append("")
    data = ("\n".join(lines) + "\n").encode()
    result = check(("cases.csv", data))
    table, placed = assert_lands_on_its_cell("cases.csv", data, result)
    assert table.layout == "single"


def test_identifier_cells_and_microdata_columns():
    rows = ["person_id,age,sex,income"] + [f"P{i:05d},{20 + i},{'MF'[i % 2]},{300000 + i}" for i in range(30)]
    result = check(("extract.csv", "\n".join(rows) + "\n"))
    microdata = [f for f in result["findings"] if f["rule"] == "microdata"]
    table, placed = m.table_for_findings(m.decode_text(("\n".join(rows) + "\n").encode()), microdata)
    assert [p.level for p in placed] == [m.COLUMN] and table.names[placed[0].col] == microdata[0]["column"]

    data = b"name;cpr;n\nA;010190-1234;5\nB;020290-2345;7\n"
    result = check(("ids.csv", data))
    table, placed = assert_lands_on_its_cell("ids.csv", data, result)
    assert {(p.row, table.names[p.col]) for p in placed if p.level == m.CELL} >= {(0, "cpr"), (1, "cpr")}


def test_magnitude_findings_land_on_their_cells():
    table = b"industry,Turnover,firms\nA,1000000,12\nB,50000,40\nC,900,2\n"
    sidecar = b"row,column,n,total,top1,top2\n0,Turnover,12,1000000,950000,20000\n1,Turnover,40,50000,3000,2000\n" \
              b"2,Turnover,2,900,800,100\n"
    result = check(("sales.csv", table), ("sales.contributors.csv", sidecar))
    rules = {f["rule"] for f in result["findings"] if f["file"] == "sales.csv"}
    assert {"dominance", "threshold"} <= rules
    assert_lands_on_its_cell("sales.csv", table, result, values=False)   # their values are shares and counts


def test_acro_tables_with_several_header_rows():
    """ACRO's CSVs can carry several header rows; the portal names their columns
    "level / level": the display reads them the same way."""
    bundle = json.loads((DATA / "acro_bundle" / "results.json").read_text())
    output = bundle["results"]["output_2"]
    output["status"] = "fail"
    output["files"][0]["sdc"] = {"cells": {"threshold": [[0, 0], [1, 1]]}, "summary": {}}
    data = (DATA / "acro_bundle" / "output_2_0.csv").read_bytes()
    result = check(("results.json", json.dumps(bundle)), ("output_2_0.csv", data))
    cells = [f for f in result["findings"] if f["rule"] == "acro:threshold"]
    assert {f["column"] for f in cells} == {"mean / income", "std / income"}
    table, placed = m.table_for_findings(m.decode_text(data), [f for f in result["findings"]
                                                                if f["file"] == "output_2_0.csv"])
    assert table.layout == "acro" and table.header_rows == 3
    for p in placed:
        if p.finding["rule"] == "acro:threshold":
            assert p.level == m.CELL and table.names[p.col] == p.finding["column"] and p.row == p.finding["row"]
            assert m._value_matches(table.cell(p.row, p.col), p.finding["value"], False)
        else:
            assert p.level == m.FILE
    # The recorded bundles' own flagged cells land too.
    for folder, name in (("acro_bundle", "region_by_education_0.csv"), ("acro_v04", "visits_by_clinic_0.csv")):
        files = [(p.name, p.read_bytes()) for p in (DATA / folder).iterdir() if p.is_file()]
        result = checks.check_output(files, checks.Rules())
        assert_lands_on_its_cell(name, dict(files)[name], result)


def test_a_finding_that_is_not_in_the_table_is_said_so():
    table = m.parse_table("a,n\nx,1\n")
    placed = m.place_in_table(table, [{"file": "t.csv", "rule": "threshold", "row": 5, "column": "n", "value": 1},
                                      {"file": "t.csv", "rule": "threshold", "row": 0, "column": "gone", "value": 1},
                                      {"file": "t.csv", "rule": "needs_person", "row": None, "column": None}])
    assert [p.level for p in placed] == [m.UNPLACED, m.UNPLACED, m.FILE]


def test_masked_column_names_still_match():
    table = m.parse_table("group,010190-1234\nA,4\n")
    finding = {"rule": "threshold", "row": 0, "column": "010190-****", "value": 4}
    assert m.place_in_table(table, [finding])[0].level == m.CELL


# -- identifiers in text -----------------------------------------------------------------------

def test_text_findings_mark_the_line_and_the_span_of_the_masked_value():
    text = "Follow-up notes\r\nPatient with id 010190-1234 excluded.\nCompany CVR 12 34 56 78 paid.\n"
    result = check(("notes.txt", text))
    findings = result["findings"]
    assert {f["rule"] for f in findings} == {"cpr", "cvr"}
    lines = m.text_lines(m.decode_text(text.encode()))
    placed = m.place_in_text(lines, findings)
    by_rule = {p.finding["rule"]: p for p in placed}
    cpr, cvr = by_rule["cpr"], by_rule["cvr"]
    assert cpr.level == m.LINE and cpr.row == 1 and lines[1][slice(*cpr.span)] == "010190-1234"
    assert cvr.level == m.LINE and cvr.row == 2 and lines[2][slice(*cvr.span)] == "12 34 56 78"
    assert all(len(line) == len(raw) for line, raw in zip(lines, text.split("\n")))   # offsets kept

    file_level = m.place_in_text(lines, [{"rule": "needs_person", "row": None, "value": None}])
    assert file_level[0].level == m.FILE
    far = m.place_in_text(lines, [{"rule": "cpr", "row": 99, "value": "010190-****"}])
    assert far[0].level == m.UNPLACED


def test_decode_text_like_the_portal():
    assert m.decode_text(b"\xef\xbb\xbfa,b\n") == "a,b\n"
    assert m.decode_text("æ;ø\n".encode("utf-16")) == "æ;ø\n"
    assert m.decode_text("æ;ø\n".encode("cp1252")) == "æ;ø\n"
    assert m.decode_text(b"\x89PNG\r\n\x1a\n\x00\x00") is None


# -- checksums ---------------------------------------------------------------------------------

def test_checksum_verified_and_altered_bytes_detected():
    data = b"region,men,women\nCapital Region,412,398\n"
    recorded = hashlib.sha256(data).hexdigest()
    ok = m.verify(data, recorded, recorded)
    assert ok.state == "verified" and ok.ok and ok.actual == recorded

    altered = bytearray(data)
    altered[20] ^= 0x01
    bad = m.verify(bytes(altered), recorded, recorded)
    assert bad.state == "mismatch" and not bad.ok and bad.actual != recorded and bad.expected == recorded
    # One byte more, one byte less, the portal's answer disagreeing with the record: all loud.
    assert m.verify(data + b"\n", recorded).state == "mismatch"
    assert m.verify(data[:-1], recorded).state == "mismatch"
    assert m.verify(data, recorded, "0" * 64).state == "mismatch"
    assert m.verify(data, recorded.upper()).state == "verified"
    assert m.verify(data, None).state == "unrecorded"

    answer = {"index": 0, "name": "t.csv", "size": len(data), "sha256": recorded, "kind": "table",
              "content_base64": base64.b64encode(data).decode()}
    meta = {"name": "t.csv", "size": len(data), "sha256": recorded, "kind": "table"}
    content = m.decode_file_answer(answer, meta, 0)
    assert content.data == data and content.verification.ok
    tampered = dict(answer, content_base64=base64.b64encode(bytes(altered)).decode())
    assert m.decode_file_answer(tampered, meta, 0).verification.state == "mismatch"
    with pytest.raises(ValueError):
        m.decode_file_answer(dict(answer, content_base64="not base64!"), meta, 0)
    with pytest.raises(ValueError):
        m.decode_file_answer({"name": "t.csv"}, meta, 0)


# -- the queue rules ---------------------------------------------------------------------------

def output(**changes) -> dict:
    doc = {"id": "OUT-2026-0100", "version": 3, "project_id": "APP-2026-0041", "researcher_id": "R-0001",
           "status": "held", "files": [{"name": "t.csv", "size": 10, "sha256": "0" * 64, "kind": "table"}],
           "check": {"verdict": "fail", "findings": [
               {"file": "t.csv", "rule": "threshold", "row": 1, "column": "n", "value": 2, "threshold": 3,
                "message": "..."},
               {"file": "t.csv", "rule": "threshold", "row": 2, "column": "n", "value": 1, "threshold": 3,
                "message": "..."},
               {"file": "t.csv", "rule": "zero", "row": 3, "column": "n", "value": 0, "threshold": None,
                "message": "..."}]},
           "sample": {"id": "SMP-2026-0009", "reason": "risk", "probability": 0.35},
           "draw": {"risk_class": "high", "probability": 0.35, "outcome": True,
                    "factors": {"new_researcher": True, "earlier_breaches": 0, "sensitive_register": True}},
           "reviews": [], "required_releases": 2, "submitted_at": "2026-02-20T09:00:00Z",
           "updated_at": "2026-02-20T09:00:00Z", "comment": "Tables for the paper."}
    doc.update(changes)
    return doc


def item(doc, me=DORTE, **kw):
    return m.queue_item(doc, me, researcher={"id": "R-0001", "name": "Rikke Thomsen"}, sample=kw.pop("sample", None),
                        now=NOW, **kw)


def test_why_an_output_is_held_in_facts():
    it = item(output())
    assert [r.kind for r in it.reasons] == [m.RISK, m.FINDING]
    risk, finding = it.reasons
    assert risk.facts["probability"] == 0.35
    assert dict(risk.facts["factors"]) == {"new_researcher": True, "sensitive_register": True}
    assert finding.facts == {"verdict": "fail", "count": 3, "rules": (("threshold", 2), ("zero", 1))}
    assert it.age_days == 9 and it.researcher_name == "Rikke Thomsen" and it.required == 2 and it.releases == 0
    assert it.reviewable and it.ordinal == 1 and not it.release_completes

    managed = output(sample={"id": "SMP-2026-0050", "reason": "management", "probability": None},
                     check={"verdict": "pass", "findings": []}, required_releases=1)
    it = item(managed, sample={"id": "SMP-2026-0050", "note": "Spot check after a complaint", "drawn_by": "u-emil"})
    assert [(r.kind, r.facts["note"]) for r in it.reasons] == [(m.MANAGEMENT, "Spot check after a complaint")]
    assert it.required == 1 and it.release_completes

    clean = item(output(sample=None, check={"verdict": "pass", "findings": []}, status="released"))
    assert clean.reasons == ()


def test_own_release_marks_it_and_blocks_a_second_review():
    doc = output(reviews=[{"reviewer_id": "u-dorte", "verdict": "release", "comment": "",
                           "at": "2026-02-21T10:00:00Z"}])
    mine = item(doc)
    block = mine.block_for("release")
    assert block.code == m.ALREADY_REVIEWED and block.blocks_all
    assert block.facts["releases"] == 1 and block.facts["required"] == 2
    assert not mine.reviewable and mine.releases == 1
    other = item(doc, me=EMIL)
    assert other.reviewable and other.ordinal == 2 and other.release_completes


def test_other_blocks():
    admin = item(output(), me={"id": "u-admin", "roles": ["admin"]})
    assert admin.block_for("release").code == m.NOT_SUPERVISOR and admin.block_for("release").facts["admin"]
    decided = item(output(status="withheld"))
    assert decided.block_for("withhold").code == m.NOT_OPEN
    own = item(output(), me={"id": "u-x", "roles": ["supervisor"], "researcher_id": "R-0001"})
    assert own.block_for("release").code == m.OWN_OUTPUT
    pending = item(output(), pending={"verdict": "release", "state": "queued"})
    assert pending.block_for("withhold").code == m.PENDING
    sent = item(output(), sent=True)
    assert sent.block_for("release").code == m.SENT


def test_outbox_rows_give_pending_and_sent():
    rows = [{"id": 1, "state": "queued", "entity_kind": "output", "entity_id": "OUT-1",
             "path": "/outputs/OUT-1/reviews", "body": {"verdict": "withhold"}},
            {"id": 2, "state": "done", "entity_kind": "output", "entity_id": "OUT-2", "path": "/outputs/OUT-2/reviews",
             "body": {"verdict": "release"}},
            {"id": 3, "state": "queued", "entity_kind": "sample", "entity_id": None, "path": "/samples", "body": {}}]
    assert m.pending_by_output(rows)["OUT-1"]["verdict"] == "withhold" and "OUT-2" not in m.pending_by_output(rows)
    assert m.sent_not_pulled(rows, {"OUT-2": {"id": "OUT-2", "reviews": []}}, "u-dorte") == {"OUT-2"}
    assert m.sent_not_pulled(rows, {"OUT-2": {"id": "OUT-2", "reviews": [{"reviewer_id": "u-dorte"}]}},
                             "u-dorte") == set()
    assert [r["id"] for r in rows if m.is_sample_action(r)] == [3]


def test_request_bodies():
    assert m.review_body(output(), "release") == {"verdict": "release", "comment": "", "expected_version": 3}
    with pytest.raises(ValueError):
        m.review_body(output(), "withhold", "   \n")
    assert m.review_body(output(), "withhold", " Too small. ")["comment"] == "Too small."
    with pytest.raises(ValueError):
        m.review_body(output(), "approve")
    assert m.sample_body("project", "APP-2026-0041", 2, " Complaint ") == {
        "scope": "project", "target_id": "APP-2026-0041", "count": 2, "reason": "Complaint"}
    for bad in (("project", "APP-1", 2, "  "), ("team", "APP-1", 2, "x"), ("project", "", 2, "x"),
                ("project", "APP-1", 0, "x"), ("project", "APP-1", 1001, "x")):
        with pytest.raises(ValueError):
            m.sample_body(*bad)


def test_next_reviewable_wraps():
    items = {i: item(output(id=i)) for i in ("A", "B", "C")}
    items["B"] = item(output(id="B", status="released"))
    assert m.next_reviewable(["A", "B", "C"], items, "A") == "C"
    assert m.next_reviewable(["A", "B", "C"], items, "C") == "A"
    assert m.next_reviewable(["B"], items, None) is None


# -- the queue over a real cache and outbox ---------------------------------------------------------

@pytest.fixture
def demo_feed(tmp_path):
    """The demo portal's outputs, samples and researchers as dorte's feed."""
    from portal import demo
    from portal.store import open_store
    store = open_store(str(tmp_path / "portal.db"))
    demo.seed_demo(store, now=NOW.timestamp())
    with store.read() as tx:
        docs = {kind: tx.list(kind) for kind in ("output", "sample", "researcher", "staff")}
    store.close()
    return docs


def test_queue_over_the_cache(tmp_path, demo_feed):
    cache = Cache.open(tmp_path / "cache.db", secrets.token_bytes(32))
    try:
        changes = [{"seq": n, "entity": kind, "id": doc["id"], "data": doc}
                   for n, (kind, doc) in enumerate(((k, d) for k, docs in demo_feed.items() for d in docs), start=1)]
        cache.apply_page(changes, len(changes))
        outbox = Outbox(cache)
        queue = OutputQueue(cache, outbox, DORTE)
        outputs = {o["id"]: o for o in demo_feed["output"]}
        held = queue.ids(m.SHOW_HELD)
        assert set(held) == {i for i, o in outputs.items() if o["status"] == "held"}
        submitted = [outputs[i]["submitted_at"] for i in held]
        assert submitted == sorted(submitted)
        went_through_a_person = {i for i, o in outputs.items() if o["status"] != "held" and (
            o["check"]["verdict"] != "pass" or o["sample"] or o["reviews"])}
        assert set(queue.ids(m.SHOW_DECIDED)) == went_through_a_person
        assert set(queue.ids(m.SHOW_WITHHELD)) == {i for i, o in outputs.items() if o["status"] == "withheld"}
        assert set(queue.ids(m.SHOW_ALL)) == set(outputs)

        flagged = next(i for i in held if outputs[i]["check"]["verdict"] != "pass")
        row = queue.decide(flagged, "release", "", "Release", expected_version=outputs[flagged]["version"])
        assert row["path"] == f"/outputs/{flagged}/reviews" and row["entity_kind"] == "output"
        assert row["body"] == {"verdict": "release", "comment": "", "expected_version": outputs[flagged]["version"]}
        assert queue.item(flagged).pending["verdict"] == "release"
        assert flagged not in queue.ids(m.SHOW_REVIEWABLE)
        with pytest.raises(ValueError, match="pending"):
            queue.decide(flagged, "withhold", "No.", "Withhold")
        other = next(i for i in held if i != flagged)
        with pytest.raises(ValueError, match="changed"):
            queue.decide(other, "release", "", "Release", expected_version=outputs[other]["version"] + 1)
        with pytest.raises(ValueError, match="comment"):
            queue.decide(other, "withhold", " ", "Withhold")

        sample = queue.request_sample("researcher", "R-0001", 2, "Spot check", "Sample")
        assert sample["path"] == "/samples" and sample["body"]["reason"] == "Spot check"
        assert [r["id"] for r in queue.pending_samples()] == [sample["id"]]
        projects = {p["id"]: p for p in queue.projects()}
        assert set(projects) == {o["project_id"] for o in outputs.values()}
        assert {r["id"] for r in queue.researchers()} == {r["id"] for r in demo_feed["researcher"]}
    finally:
        cache.close()


# -- the sampling overview ----------------------------------------------------------------------------

def test_overview_from_the_cache_is_the_rules_overview_with_its_config(demo_feed):
    ours = m.overview_from_outputs(demo_feed["output"], demo_feed["sample"])
    rule = sampling.overview(demo_feed["output"], demo_feed["sample"])
    assert [(c.risk_class, c.draws, c.expected, c.observed, c.sd) for c in ours.classes] == \
        [(c["risk_class"], c["draws"], c["expected"], c["observed"], c["sd"]) for c in rule["classes"]]
    assert ours.total.draws == rule["total"]["draws"] > 0
    assert ours.source == "cache" and ours.as_of is None
    assert isinstance(ours.config, dict) and "base_rate" in ours.config
    again = m.overview_from_answer({**rule, "config": {"base_rate": 0.1}, "as_of": "2026-03-01T12:00:00Z"})
    assert again.classes == ours.classes and again.total == ours.total and again.source == "portal"
    with pytest.raises(ValueError):
        m.overview_from_answer({"total": {}})


def test_overview_ranges_and_verdicts():
    def draws(p, n, hits):
        return [{"draw": {"risk_class": "base", "probability": p, "outcome": i < hits}} for i in range(n)]

    honest = m.overview_from_outputs(draws(0.1, 200, 21))
    base = honest.classes[0]
    assert base.expected == pytest.approx(20.0) and base.sd == pytest.approx(200 ** 0.5 * 0.3)
    assert (base.low, base.high) == (11, 29) and base.state == "within" and honest.state == "within"
    rigged = m.overview_from_outputs(draws(0.1, 200, 45))
    assert rigged.classes[0].state == "above" and rigged.state == "outside"
    assert [c.risk_class for c in rigged.outside()] == ["base", None]
    starved = m.overview_from_outputs(draws(0.1, 200, 3))
    assert starved.classes[0].state == "below"
    empty = m.overview_from_outputs([])
    assert empty.state == "none" and all(c.state == "none" for c in empty.classes)
    certain = m.overview_from_outputs(draws(1.0, 5, 5))
    assert (certain.classes[0].low, certain.classes[0].high, certain.classes[0].state) == (5, 5, "within")
