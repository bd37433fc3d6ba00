"""Tests of the automatic output check (portal/checks)."""

import csv
import hashlib
import importlib.util
import io
import json
import random
import zipfile
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

from portal.checks import (InvalidFile, Rules, TooLarge, check_output, cpr_birth_date, load_rules,
                           sanitize_filename, unique_names)
from portal.checks.acro import table_layout

DATA = Path(__file__).parent / "data" / "checks"
ACRO_BUNDLE = DATA / "acro_bundle"
ACRO_V04 = DATA / "acro_v04"
ROOT = Path(__file__).resolve().parents[1]


def check(*files, rules=None):
    """check_output on (name, str|bytes) pairs."""
    encoded = [(name, data.encode("utf-8") if isinstance(data, str) else data) for name, data in files]
    return check_output(encoded, rules or Rules())


def findings(result, rule=None):
    return [f for f in result["findings"] if rule is None or f["rule"] == rule]


def cells(result, *rules):
    return {(f["row"], f["column"]) for f in result["findings"] if f["rule"] in rules}


def bundle_files(folder, *names):
    return [(name, (folder / name).read_bytes()) for name in names]


# --------------------------------------------------------------------------- rules


def test_default_rules_follow_the_product_reference():
    rules = Rules()
    assert (rules.min_count, rules.zero_cells) == (3, "review")
    assert (rules.dominance_n, rules.dominance_k, rules.dominance_inclusive) == (2, 0.85, False)
    assert rules.p_percent == 0.10
    assert (rules.max_file_bytes, rules.max_total_bytes) == (10 * 1024 * 1024, 25 * 1024 * 1024)


def test_acro_defaults_express_acros_risk_appetite():
    rules = Rules.acro_defaults()
    assert (rules.min_count, rules.zero_cells) == (10, "fail")
    assert (rules.dominance_n, rules.dominance_k, rules.dominance_inclusive) == (2, 0.90, True)
    assert rules.p_percent == 0.10
    assert Rules.acro_defaults(min_count=5).min_count == 5


def test_rules_file_accepts_any_subset(tmp_path):
    path = tmp_path / "rules.json"
    path.write_text(json.dumps({"min_count": 5, "dominance_inclusive": True}))
    rules = load_rules(path)
    assert rules.min_count == 5 and rules.dominance_inclusive is True
    assert rules.dominance_k == 0.85  # untouched fields keep our defaults


def test_rules_file_preset_acro_with_override(tmp_path):
    path = tmp_path / "rules.json"
    path.write_text(json.dumps({"preset": "acro", "min_count": 11}))
    rules = load_rules(path)
    assert (rules.min_count, rules.dominance_k, rules.dominance_inclusive) == (11, 0.90, True)


def test_rules_file_unknown_field_is_named(tmp_path):
    path = tmp_path / "rules.json"
    path.write_text(json.dumps({"min_count": 5, "minimum_count": 4}))
    with pytest.raises(ValueError, match="unknown field.*minimum_count"):
        load_rules(path)


@pytest.mark.parametrize("content, message", [
    ({"min_count": True}, "min_count must be a whole number"),
    ({"min_count": 0}, "min_count must be at least 1"),
    ({"dominance_k": 85}, "fraction between 0 and 1"),
    ({"p_percent": -0.1}, "fraction between 0 and 1"),
    ({"zero_cells": "warn"}, "zero_cells must be one of"),
    ({"dominance_inclusive": "yes"}, "dominance_inclusive must be true or false"),
    ({"preset": "statistics-norway"}, "preset must be one of"),
    ([1, 2], "expected a JSON object"),
])
def test_rules_file_rejects_bad_values(tmp_path, content, message):
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(content))
    with pytest.raises(ValueError, match=message):
        load_rules(path)


def test_rules_file_that_is_not_json(tmp_path):
    path = tmp_path / "rules.json"
    path.write_text("min_count = 3")
    with pytest.raises(ValueError, match="not valid JSON"):
        load_rules(path)


# --------------------------------------------------------------------------- frequency tables


@pytest.mark.parametrize("minimum", [3, 10])
def test_count_equal_to_the_minimum_passes_and_one_below_fails(minimum):
    rules = Rules(min_count=minimum)
    at_limit = check(("t.csv", f"region,F,M\nNord,{minimum},{minimum + 40}\n"), rules=rules)
    below = check(("t.csv", f"region,F,M\nNord,{minimum - 1},{minimum + 40}\n"), rules=rules)
    assert at_limit["verdict"] == "pass" and findings(at_limit) == []
    assert below["verdict"] == "fail"
    [finding] = findings(below)
    assert finding == {"file": "t.csv", "rule": "threshold", "row": 0, "column": "F", "value": minimum - 1,
                       "threshold": minimum, "message": finding["message"]}
    assert "Nord" in finding["message"]


def test_zero_cell_needs_review_and_is_not_also_a_threshold_breach():
    result = check(("t.csv", "region,F,M\nNord,0,12\nSyd,5,7\n"))
    assert result["verdict"] == "review"
    assert [(f["rule"], f["row"], f["column"], f["value"]) for f in findings(result)] == [("zero", 0, "F", 0)]


@pytest.mark.parametrize("mode, verdict, listed", [("fail", "fail", 1), ("ignore", "pass", 0)])
def test_zero_cells_setting(mode, verdict, listed):
    result = check(("t.csv", "region,F,M\nNord,0,12\n"), rules=Rules(zero_cells=mode))
    assert result["verdict"] == verdict and len(findings(result, "zero")) == listed


def test_fail_outranks_review():
    result = check(("t.csv", "region,F,M\nNord,0,12\nSyd,1,7\n"))
    assert result["verdict"] == "fail"
    assert {f["rule"] for f in findings(result)} == {"zero", "threshold"}


def test_rows_are_numbered_after_the_header_skipping_blank_and_title_lines():
    text = "Table 1: people by region\n\nregion,F,M\nNord,10,12\n\nSyd,2,7\n"
    [finding] = findings(check(("t.csv", text)))
    assert (finding["row"], finding["column"]) == (1, "F")


def test_semicolons_bom_quotes_and_danish_decimal_commas():
    text = '\ufeffRegion;"Antal; i alt";Andel\n"Nord; Jylland";2;1,5\nSyd;1.234;12,25\n'
    result = check(("t.csv", text.encode("utf-8")))
    assert [(f["rule"], f["row"], f["column"], f["value"]) for f in findings(result)] == [
        ("threshold", 0, "Antal; i alt", 2)]  # 1.234 is one thousand two hundred; Andel is a share


def test_windows_1252_file_with_danish_letters():
    text = "Område;Kvinder;Mænd\nSjælland;2;40\n".encode("cp1252")
    [finding] = findings(check(("t.csv", text)))
    assert finding["column"] == "Kvinder" and "Sjælland" in finding["message"]


def test_tab_separated_and_english_thousands():
    result = check(("t.tsv", "area\tcount\nA\t1.234\nB\t2\n"), ("u.csv", 'area,count\nA,"1,234"\nB,"2"\n'))
    assert [(f["file"], f["row"], f["value"]) for f in findings(result)] == [("t.tsv", 1, 2), ("u.csv", 1, 2)]


@pytest.mark.parametrize("marker", ["", ".", "..", "-", "*", "x", "NA", "<3", "< 5", "≤4", "n/a"])
def test_suppression_markers_are_neither_findings_nor_errors(marker):
    result = check(("t.csv", f"region,F,M\nNord,{marker},12\nSyd,5,7\n"))
    assert result["verdict"] == "pass" and findings(result) == []


def test_measures_and_labels_are_not_counts():
    text = ("age,sex,n,mean_income,Andel (%),Rate\n"
            "0,F,10,1,2,1\n1,F,12,2,1,0\n2,M,11,0,0,2\n")
    assert findings(check(("t.csv", text))) == []


def test_cross_table_categories_stay_counts():
    text = "question,No,Yes,Total\nq1,2,10,12\nq2,5,0,5\n"
    result = check(("t.csv", text))
    assert cells(result, "threshold", "zero") == {(0, "No"), (1, "Yes")}


def test_result_is_strict_json_even_for_huge_numbers():
    result = check(("t.csv", "region,F,M\nNord,1e999,2\n"))
    json.dumps(result, allow_nan=False)
    assert cells(result, "threshold") == {(0, "M")}


def test_decimal_columns_are_measures():
    assert findings(check(("t.csv", "region,ratio\nNord,0.5\nSyd,1.25\n"))) == []


def test_table_without_header_row():
    [finding] = findings(check(("t.csv", "10,12\n2,7\n")))
    assert (finding["row"], finding["column"], finding["value"]) == (1, "column 1", 2)


def test_ragged_rows_do_not_crash():
    result = check(("t.csv", "region,F,M\nNord,10\nSyd,5,7,1\n"))
    assert cells(result, "threshold") == {(1, "column 4")}


def test_unreadable_csv_needs_a_person():
    result = check(("t.csv", 'a,b\n"' + "x" * 200_000 + '",1\n'))
    assert result["verdict"] == "review" and findings(result)[0]["rule"] == "needs_person"


def test_findings_per_rule_are_capped_with_a_summary():
    rows = "".join(f"r{i},1,{i + 10}\n" for i in range(7))
    result = check(("t.csv", "region,F,M\n" + rows), rules=Rules(max_findings_per_rule=3))
    listed = findings(result, "threshold")
    assert [f["row"] for f in listed[:3]] == [0, 1, 2]
    assert listed[3]["row"] is None and listed[3]["value"] == 4
    assert result["verdict"] == "fail"


# --------------------------------------------------------------------------- magnitude tables


def magnitude(contributions: dict, table: str = None, rules=None, extra=()):
    """A one-column magnitude table with its list-form contributors sidecar."""
    table = table or "region,turnover\n" + "".join(
        f"r{row},{sum(Fraction(str(x)) for x in v)}\n" for row, v in contributions.items())
    sidecar = "row,column,value\n" + "".join(
        f"{row},turnover,{value}\n" for row, values in contributions.items() for value in values)
    return check(("sales.csv", table), ("sales.contributors.csv", sidecar), *extra, rules=rules)


def test_magnitude_kinds():
    result = magnitude({0: [40, 30, 30]})
    assert [f["kind"] for f in result["files"]] == ["magnitude_table", "contributors"]


def test_dominance_exactly_at_the_limit_strict_passes_inclusive_fails():
    at_limit = {0: [50, 35, 15]}  # top two hold exactly 85 %
    assert findings(magnitude(at_limit)) == []
    inclusive = magnitude(at_limit, rules=Rules(dominance_inclusive=True))
    [finding] = findings(inclusive)
    assert (finding["rule"], finding["row"], finding["column"]) == ("dominance", 0, "turnover")
    assert finding["value"] == 0.85 and finding["threshold"] == 0.85


def test_dominance_just_over_the_limit_fails():
    result = magnitude({0: [51, 35, 14]})
    assert [f["rule"] for f in findings(result)] == ["dominance"]
    assert result["verdict"] == "fail"


def test_dominance_with_decimal_contributions_is_exact():
    # 0.1 + 0.2 style float error must not push a share of exactly 85 % over the limit
    assert findings(magnitude({0: ["42.55", "42.45", "15.0"]})) == []


@pytest.mark.parametrize("rest, breach", [(["10"], False), (["9.99"], True), (["5", "5"], False)])
def test_p_percent_boundary(rest, breach):
    rules = Rules(dominance_k=0.99)  # keep dominance out of the way
    result = magnitude({0: ["100", "50", *rest]}, rules=rules)
    assert bool(findings(result, "p_percent")) is breach
    if breach:
        assert findings(result, "p_percent")[0]["threshold"] == 0.10


def test_number_of_contributors_gets_the_threshold_rule():
    result = magnitude({0: [10, 10, 10], 1: [10, 10]}, rules=Rules(dominance_k=1.0, p_percent=0.0))
    assert [(f["rule"], f["row"], f["value"]) for f in findings(result)] == [("threshold", 1, 2)]


def test_summary_form_sidecar_gives_the_same_findings_as_the_list_form():
    contributions = {0: [51, 35, 14], 1: [30, 30, 20, 20], 2: [100, 50, 9]}
    table = "region,turnover\n" + "".join(f"r{row},{sum(v)}\n" for row, v in contributions.items())
    summary = "row,column,n,total,top1,top2\n" + "".join(
        f"{row},turnover,{len(v)},{sum(v)},{sorted(v)[-1]},{sorted(v)[-2]}\n" for row, v in contributions.items())
    from_list = magnitude(contributions)
    from_summary = check(("sales.csv", table), ("sales.contributors.csv", summary))
    assert findings(from_list) == findings(from_summary)
    assert {f["rule"] for f in findings(from_summary)} == {"dominance", "p_percent"}


def test_summary_form_without_enough_top_values_needs_review():
    table = "region,turnover\nr0,100\n"
    sidecar = "row,column,n,total,top1,top2\n0,turnover,3,100,40,30\n"
    result = check(("s.csv", table), ("s.contributors.csv", sidecar), rules=Rules(dominance_n=3))
    assert result["verdict"] == "review" and findings(result)[0]["rule"] == "contributors_mismatch"


def test_negative_contributions_make_dominance_undefined():
    result = magnitude({0: [60, -5, 45]}, table="region,turnover\nr0,100\n")
    assert [f["rule"] for f in findings(result)] == ["negative_contribution"]
    assert result["verdict"] == "review"


def test_other_count_columns_of_a_magnitude_table_are_still_counted():
    table = "region,firms,turnover\nr0,2,100\n"
    result = magnitude({0: [40, 30, 30]}, table=table)
    assert [(f["rule"], f["column"]) for f in findings(result)] == [("threshold", "firms")]


def test_magnitude_cell_without_contributors_and_stray_sidecar_lines():
    table = "region,turnover\nr0,100\nr1,70\nr2,0\nr3,x\n"
    sidecar = "row,column,value\n0,turnover,40\n0,turnover,30\n0,turnover,30\n9,turnover,5\n0,profit,1\n"
    result = check(("s.csv", table), ("s.contributors.csv", sidecar))
    got = [(f["rule"], f["row"]) for f in findings(result)]
    assert ("contributors_missing", 1) in got and ("zero", 2) in got
    assert ("contributors_mismatch", None) in got
    assert not any(row == 3 for _, row in got)  # suppressed cell
    assert result["verdict"] == "review"


def test_sidecar_without_its_table_needs_a_person():
    result = check(("lonely.contributors.csv", "row,column,value\n0,x,5\n"))
    assert [f["rule"] for f in findings(result)] == ["needs_person"]
    assert result["files"][0]["kind"] == "contributors"


# --------------------------------------------------------------------------- identifiers


def test_cpr_birth_date_century_rule():
    assert cpr_birth_date(1, 1, 90, 0) == date(1990, 1, 1)
    assert cpr_birth_date(1, 1, 10, 4) == date(2010, 1, 1)
    assert cpr_birth_date(1, 1, 40, 4) == date(1940, 1, 1)
    assert cpr_birth_date(1, 1, 50, 5) == date(2050, 1, 1)
    assert cpr_birth_date(1, 1, 90, 7) == date(1890, 1, 1)
    assert cpr_birth_date(1, 1, 36, 9) == date(2036, 1, 1)
    assert cpr_birth_date(1, 1, 37, 9) == date(1937, 1, 1)
    assert cpr_birth_date(31, 2, 90, 1) is None


@pytest.mark.parametrize("number, found", [
    ("010190-1234", True),
    ("290200-4123", True),    # 2000 is a leap year
    ("290200-5123", True),    # 5-8 with 00-57: 2000
    ("290200-0123", False),   # 1900 is not
    ("290258-5123", False),   # 5-8 with 58-99: 1858, not a leap year
    ("310290-1234", False),   # 31 February
    ("290223-4123", False),   # 2023 is not a leap year
    ("290223-1234", False),   # nor 1923
    ("011390-1234", False),   # month 13
    ("000190-1234", False),   # day 0
    ("310490-1234", False),   # 31 April
    ("12010190-1234", False),  # part of a longer number
    ("010190-12345", False),
])
def test_cpr_numbers_need_a_real_date(number, found):
    result = check(("notes.txt", f"see {number} here\n"))
    assert bool(findings(result, "cpr")) is found
    assert result["verdict"] == ("fail" if found else "pass")


def test_cpr_finding_is_masked_everywhere():
    result = check(("notes.txt", "first line\nthe person 010190-1234 moved\n"))
    [finding] = findings(result)
    assert (finding["rule"], finding["row"], finding["column"], finding["value"]) == ("cpr", 1, None, "010190-****")
    assert "1234" not in json.dumps(result)


def test_bare_ten_digits_need_a_cpr_keyword():
    assert findings(check(("a.txt", "amount 0101901234 kr\n"))) == []
    [finding] = findings(check(("a.txt", "CPR: 0101901234\n")))
    assert finding["value"] == "010190****"
    [in_column] = findings(check(("t.csv", "navn,cpr_nr\nA,0101901234\nB,\n")), "cpr")
    assert (in_column["row"], in_column["column"]) == (0, "cpr_nr")


def test_cpr_in_a_table_cell_is_located():
    table = "navn,note,antal\nA,ok,10\nB,ok,11\nC,se 150385-2931,12\n"
    [finding] = findings(check(("t.csv", table)))
    assert (finding["rule"], finding["row"], finding["column"], finding["value"]) == ("cpr", 2, "note", "150385-****")


def test_cpr_in_header_and_file_name():
    result = check(("010190-1234 results.csv", "region,150385-2931\nA,10\n"))
    name = result["files"][0]["name"]
    assert name == "010190-xxxx results.csv"
    assert [(f["rule"], f["row"], f["column"]) for f in findings(result)] == [("cpr", None, None)] * 2
    assert "1234" not in json.dumps(result) and "2931" not in json.dumps(result)


@pytest.mark.parametrize("text", [
    "Firma A/S, CVR 12345678", "CVR-nr.: 12345678", "cvr nr 12 34 56 78", "CVR: 12345678", "(CVR-nummer 12345678)",
])
def test_cvr_next_to_the_word_cvr(text):
    [finding] = findings(check(("letter.md", text)))
    assert (finding["rule"], finding["value"]) == ("cvr", "12******")


@pytest.mark.parametrize("text", ["order 12345678", "CVR 1234567", "CVR 123456789", "cvrx 12345678"])
def test_eight_digits_without_cvr_do_not_match(text):
    assert findings(check(("letter.md", text))) == []


def test_cvr_in_tables():
    by_header = check(("t.csv", "firma,CVR,antal\nA,12345678,10\nB,87654321,12\n"))
    assert cells(by_header, "cvr") == {(0, "CVR"), (1, "CVR")}
    adjacent = check(("t.csv", "what,value\nfirma,Hansen\nCVR,12345678\n"))
    assert cells(adjacent, "cvr") == {(1, "value")}


@pytest.mark.parametrize("name", ["a.json", "a.tex", "a.html", "a.log", "a.py", "a.dat"])
def test_identifiers_are_found_in_any_text_file(name):
    assert findings(check((name, "x = '010190-1234'\n")), "cpr")


# --------------------------------------------------------------------------- microdata


def people_table(header: str, row, count: int = 20) -> str:
    return header + "\n" + "".join(row(i) + "\n" for i in range(count))


def test_microdata_identifier_column():
    text = people_table("person_id,age,income", lambda i: f"P{1000 + i * 7:07d},{30 + i % 40},{200 + i}")
    [finding] = findings(check(("t.csv", text)))
    assert (finding["rule"], finding["column"], finding["value"]) == ("microdata", "person_id", 20)


def test_microdata_uuid_column_without_an_id_header():
    rng = random.Random(3)
    text = people_table("key,score", lambda i: f"{rng.getrandbits(128):032x},{i}")
    assert findings(check(("t.csv", text)), "microdata")


def test_microdata_birth_dates():
    text = people_table("fødselsdato,kommune", lambda i: f"{1 + i % 28:02d}-0{1 + i % 9}-19{50 + i},Aarhus")
    assert findings(check(("t.csv", text)), "microdata")


def test_microdata_repeating_person_attributes():
    result = check(bundle_files(ACRO_BUNDLE, "microdata.csv")[0])
    [finding] = findings(result)
    assert finding["rule"] == "microdata" and result["verdict"] == "fail"


@pytest.mark.parametrize("text", [
    # frequency table by region and sex
    people_table("region,F,M", lambda i: f"Region {i},{10 + i},{12 + i}"),
    # long table: year, region, sex and a count
    people_table("year,region,sex,antal", lambda i: f"{2000 + i // 4},R{i % 2},{'FM'[i // 2 % 2]},{10 + i}", 40),
    # means by age and sex: one row per combination, no count column
    people_table("age,sex,mean_income", lambda i: f"{20 + i // 2},{'FM'[i % 2]},{300.5 + i}", 40),
    # municipality codes are short labels, not person identifiers
    people_table("kommune_id,antal", lambda i: f"{101 + i},{10 + i}"),
    # identifiers on fewer than 10 rows
    people_table("person_id,antal", lambda i: f"P{1000 + i:07d},{10 + i}", 9),
])
def test_ordinary_tables_are_not_microdata(text):
    assert findings(check(("t.csv", text)), "microdata") == []


# --------------------------------------------------------------------------- files and names


@pytest.mark.parametrize("name", [
    "run.exe", "lib.dll", "lib.so", "go.bat", "go.cmd", "go.sh", "go.ps1", "setup.msi", "x.vbs", "app.jar",
    "out.zip", "out.tar.gz", "out.tgz", "out.7z", "out.rar", "plot.svg", "graph.gph", "data.dta", "data.sav",
    "model.pkl", "data.parquet", "book.xlsm", "RUN.EXE", "run.exe. ",
])
def test_blocked_extensions_are_refused(name):
    with pytest.raises(InvalidFile) as refused:
        check(("ok.csv", "a,b\nx,10\n"), (name, b"harmless bytes"))
    assert refused.value.code == "invalid_file"
    assert sanitize_filename(name) in str(refused.value) and refused.value.file == sanitize_filename(name)


def _zip_bytes(entries: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


PE_HEADER = b"MZ" + b"\x90" * 58 + (64).to_bytes(4, "little") + b"PE\x00\x00" + b"\x00" * 40


@pytest.mark.parametrize("name, data", [
    ("table.csv", b"\x7fELF\x02\x01\x01" + b"\x00" * 40),
    ("notes.txt", PE_HEADER),
    ("table.csv", _zip_bytes({"a.csv": "a,b\n"})),
    ("figure.png", b"\x1f\x8b\x08\x00" + b"\x00" * 20),
    ("notes.txt", b"#!/bin/sh\nrm -rf /\n"),
    ("figure.xml", b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
    ("report.pdf", b"%PDF-1.7\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n%%EOF"),
    ("book.xlsx", _zip_bytes({"[Content_Types].xml": "<x/>", "xl/vbaProject.bin": "macro"})),
    ("table.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40),
])
def test_content_that_contradicts_the_name_dangerously_is_refused(name, data):
    with pytest.raises(InvalidFile, match=name.replace(".", r"\.")):
        check((name, data))


@pytest.mark.parametrize("name, data, kind, verdict", [
    ("analysis.py", "#!/usr/bin/env python\nprint('hi')\n", "text", "pass"),
    ("table.csv", "MZ,region\n10,Nord\n", "table", "pass"),
    ("notes.txt", "all fine\n", "text", "pass"),
    ("readme.md", "# Results\n", "text", "pass"),
    ("run.log", "tabulate sex\n", "log", "review"),
    ("figure.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 30, "image", "review"),
    ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 30, "image", "review"),
    ("report.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF", "pdf", "review"),
    ("book.xlsx", _zip_bytes({"[Content_Types].xml": "<x/>", "xl/workbook.xml": "<w/>"}), "office", "review"),
    ("figure.png", "not a png at all\n", "unknown", "review"),
    ("data.xyz", b"\x01\x02\x03\x04" * 50, "unknown", "review"),
    ("empty.csv", b"", "empty", "pass"),
])
def test_kinds_and_their_verdicts(name, data, kind, verdict):
    result = check((name, data))
    assert (result["files"][0]["kind"], result["verdict"]) == (kind, verdict)
    if verdict == "review":
        assert [f["rule"] for f in findings(result)] == ["needs_person"]


def test_files_are_described_with_size_and_hash():
    data = b"region,F\nNord,10\n"
    [described] = check(("out/t.csv", data))["files"]
    assert described == {"name": "t.csv", "size": len(data), "sha256": hashlib.sha256(data).hexdigest(),
                         "kind": "table"}


def test_empty_output_is_invalid():
    with pytest.raises(InvalidFile) as refused:
        check_output([], Rules())
    assert refused.value.code == "invalid_file"


def test_too_large_file_and_total():
    rules = Rules(max_file_bytes=100, max_total_bytes=250)
    assert check(("a.csv", b"x" * 100), rules=rules)["verdict"] == "pass"  # exactly at the limit
    with pytest.raises(TooLarge) as one:
        check(("a.csv", b"x" * 101), rules=rules)
    assert (one.value.code, one.value.file, one.value.size, one.value.limit) == ("too_large", "a.csv", 101, 100)
    with pytest.raises(TooLarge) as total:
        check(("a.csv", b"x" * 100), ("b.csv", b"x" * 100), ("c.csv", b"x" * 51), rules=rules)
    assert total.value.file is None and "251" in str(total.value)


def test_size_is_refused_before_type():
    with pytest.raises(TooLarge):
        check(("run.exe", b"x" * 101), rules=Rules(max_file_bytes=100))


@pytest.mark.parametrize("raw, safe", [
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\rikke\\report.csv", "report.csv"),
    ("..", "file"),
    ("", "file"),
    ("   ", "file"),
    (".hidden.csv", "hidden.csv"),
    ("CON.txt", "_CON.txt"),
    ("com1", "_com1"),
    ("lpt9.csv", "_lpt9.csv"),
    ("a\x00b\x1f\x7f.csv", "ab.csv"),
    ("invoice\u202ecod.exe", "invoicecod.exe"),
    ("x.exe. . ", "x.exe"),
    ('a<b>:c|d?e*f".csv', "a_b__c_d_e_f_.csv"),
    ("tabel over køn.csv", "tabel over køn.csv"),
])
def test_sanitize_filename(raw, safe):
    assert sanitize_filename(raw) == safe


def test_sanitize_filename_limits_length_and_keeps_the_extension():
    name = sanitize_filename("x" * 300 + ".csv")
    assert len(name) <= 120 and name.endswith(".csv")


def test_duplicate_names_get_a_suffix():
    assert unique_names(["t.csv", "t.csv", "T.csv", "t-2.csv"]) == ["t.csv", "t-3.csv", "T-4.csv", "t-2.csv"]
    result = check(("a/t.csv", "x,n\nA,10\n"), ("b/t.csv", "x,n\nA,2\n"))
    assert [f["name"] for f in result["files"]] == ["t.csv", "t-2.csv"]
    assert [f["file"] for f in findings(result)] == ["t-2.csv"]


def test_findings_follow_file_order_then_reading_order():
    result = check(("b.csv", "r,F,M\nA,1,0\nB,2,1\n"), ("a.txt", "010190-1234"))
    assert [(f["file"], f["row"], f["column"]) for f in findings(result)] == [
        ("b.csv", 0, "F"), ("b.csv", 0, "M"), ("b.csv", 1, "F"), ("b.csv", 1, "M"), ("a.txt", 0, None)]


# --------------------------------------------------------------------------- ACRO bundles


RECORDED = ["results.json", "region_by_education_0.csv", "output_1_0.csv", "output_2_0.csv",
            "output_3_0.csv", "output_3_1.csv", "output_3_2.csv", "ages.png"]


def test_recorded_acro_bundle_is_imported():
    result = check_output(bundle_files(ACRO_BUNDLE, *RECORDED), Rules())
    assert result["verdict"] == "fail"
    kinds = {f["name"]: f["kind"] for f in result["files"]}
    assert kinds["results.json"] == "acro_results" and kinds["ages.png"] == "image"
    by_file = {}
    for f in findings(result):
        by_file.setdefault(f["file"], []).append((f["rule"], f["row"], f["column"]))
    # ACRO's cells are added; the portal's own zero finding on the same table stays
    assert by_file["region_by_education_0.csv"] == [
        ("acro:status", None, None),
        ("acro:threshold", 2, "basic"), ("acro:zeros", 2, "higher"), ("acro:threshold", 2, "higher"),
        ("acro:threshold", 2, "upper"), ("zero", 2, "higher"), ("acro:threshold", 3, "upper")]
    assert by_file["output_1_0.csv"] == [
        ("acro:status", None, None), ("acro:nk-rule", 0, "M"), ("acro:p-ratio", 0, "M"), ("acro:nk-rule", 1, "F"),
        ("acro:threshold", 2, "M"), ("acro:threshold", 3, "M")]
    # ACRO's review of the custom image does not replace the portal's own needs_person
    assert sorted(by_file["ages.png"]) == [("acro:status", None, None), ("needs_person", None, None)]
    # the bundle names session summaries that were not submitted: said once, changing no verdict
    assert by_file["results.json"] == [("acro_mismatch", None, None)]
    assert set(by_file) == {"results.json", "region_by_education_0.csv", "output_1_0.csv", "ages.png"}


def test_acro_cell_findings_carry_value_and_masked_message():
    result = check_output(bundle_files(ACRO_BUNDLE, "results.json", "region_by_education_0.csv"), Rules())
    zero = next(f for f in findings(result) if f["rule"] == "acro:zeros")
    assert zero["value"] == 0 and "Nordjylland" in zero["message"] and "higher" in zero["message"]
    status = findings(result, "acro:status")[0]
    assert status["value"] == "fail" and "MinimumThresholdCheck" in status["message"]


def test_files_covered_by_acro_are_still_checked_by_the_portal():
    # alone, our own check (min 3) finds nothing in these tables: ACRO's pass adds nothing
    result = check_output(bundle_files(ACRO_BUNDLE, "results.json", "output_2_0.csv", "output_3_0.csv"), Rules())
    assert result["verdict"] == "pass"
    assert {f["rule"] for f in findings(result)} == {"acro_mismatch"}
    # region_by_education has a zero our check reports as "zero" beside ACRO's own cells
    covered = check_output(bundle_files(ACRO_BUNDLE, "results.json", "region_by_education_0.csv"), Rules())
    assert cells(covered, "zero") == {(2, "higher")}


def test_acro_exception_request_is_mentioned():
    result = check_output(bundle_files(ACRO_BUNDLE, "results.json", "output_1_0.csv"), Rules())
    assert "asked for an exception" in findings(result, "acro:status")[0]["message"]


def test_acro_table_layout_with_multi_row_header():
    bundle = json.loads((ACRO_BUNDLE / "results.json").read_text())
    data = (ACRO_BUNDLE / "output_2_0.csv").read_bytes()
    layout = table_layout(data, bundle["results"]["output_2"]["outcome"])
    assert (layout.header_rows, layout.index_columns) == (3, 1)
    assert layout.column_name(0) == "mean / income" and layout.column_name(1) == "std / income"
    assert layout.row_label(1) == "Midtjylland"


def test_acro_04_bundle_with_two_label_columns():
    result = check_output(bundle_files(ACRO_V04, "results.json", "visits_by_clinic_0.csv", "analysis.py"), Rules())
    assert result["verdict"] == "review"  # suppression applied: ACRO asks for review
    got = [(f["rule"], f["row"], f["column"], f["value"]) for f in findings(result) if f["row"] is not None]
    assert got == [("acro:p-ratio", 0, "referred", None), ("acro:nk-rule", 0, "referred", None),
                   ("acro:threshold", 1, "planned", None), ("acro:threshold", 2, "referred", None),
                   ("acro:threshold", 3, "referred", None)]
    assert "Aalborg / Q1" in findings(result, "acro:p-ratio")[0]["message"]
    # one status finding per submitted file, in submission order
    assert [f["file"] for f in findings(result, "acro:status")] == ["visits_by_clinic_0.csv", "analysis.py"]


def test_json_that_is_not_an_acro_bundle_is_plain_text():
    result = check(("results.json", '{"results": [1, 2]}'), ("t.csv", "x,n\nA,2\n"))
    assert result["files"][0]["kind"] == "text"
    assert cells(result, "threshold") == {(0, "n")}


def test_identifiers_in_the_acro_bundle_itself_are_found():
    bundle = json.loads((ACRO_V04 / "results.json").read_text())
    bundle["results"]["output_1"]["comments"] = ["patient 010190-1234 excluded"]
    result = check_output([("results.json", json.dumps(bundle).encode()),
                           ("analysis.py", (ACRO_V04 / "analysis.py").read_bytes())], Rules())
    assert result["verdict"] == "fail" and findings(result, "cpr")[0]["file"] == "results.json"


# --------------------------------------------------------------------------- agreement with ACRO


def assert_agrees_with_acro(folder, frequency_csv, magnitude_csv):
    """Our checker with ACRO's thresholds flags exactly the cells ACRO flagged.

    ACRO counts a zero as below its threshold, so its threshold cells are our
    threshold plus zero cells; its nk-rule is our dominance, its p-ratio our p%.
    """
    acro = check_output(bundle_files(folder, "results.json", frequency_csv, magnitude_csv), Rules())
    ours_frequency = check_output(bundle_files(folder, frequency_csv), Rules.acro_defaults())
    ours_magnitude = check_output(
        bundle_files(folder, magnitude_csv, magnitude_csv.replace(".csv", ".contributors.csv")), Rules.acro_defaults())
    by = {}
    for f in findings(acro):
        by.setdefault((f["file"], f["rule"]), set()).add((f["row"], f["column"]))
    assert cells(ours_frequency, "threshold", "zero") == by.get((frequency_csv, "acro:threshold"), set())
    assert cells(ours_frequency, "zero") == by.get((frequency_csv, "acro:zeros"), set())
    assert cells(ours_magnitude, "threshold") == by.get((magnitude_csv, "acro:threshold"), set())
    assert cells(ours_magnitude, "dominance") == by.get((magnitude_csv, "acro:nk-rule"), set())
    assert cells(ours_magnitude, "p_percent") == by.get((magnitude_csv, "acro:p-ratio"), set())
    return by


def test_agreement_with_the_recorded_acro_bundle():
    by = assert_agrees_with_acro(ACRO_BUNDLE, "region_by_education_0.csv", "output_1_0.csv")
    # the recording exercises every rule, so the equalities above are not vacuous
    assert {rule for _, rule in by} >= {"acro:threshold", "acro:zeros", "acro:nk-rule", "acro:p-ratio"}


@pytest.mark.filterwarnings("ignore::FutureWarning")  # inside acro's use of pandas
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_agreement_with_live_acro(tmp_path, monkeypatch, seed):
    acro = pytest.importorskip("acro", reason="the acro package is optional (heavy: pandas, statsmodels, scipy)")
    pd = pytest.importorskip("pandas")
    monkeypatch.chdir(tmp_path)
    people = random_people(seed, pd)
    session = acro.ACRO(suppress=False)
    session.crosstab(people.region, people.education)
    session.crosstab(people.region, people.sex, values=people.income, aggfunc="mean")
    session.finalise("out", "json")
    out = tmp_path / "out"
    labels = [row[0] for row in csv.reader(io.StringIO((out / "output_1_0.csv").read_text()))][1:]
    sidecar = ["row,column,value"] + [f"{labels.index(p.region)},{p.sex},{p.income}" for p in people.itertuples()]
    (out / "output_1_0.contributors.csv").write_text("\n".join(sidecar) + "\n")
    by = assert_agrees_with_acro(out, "output_0_0.csv", "output_1_0.csv")
    # small groups and dominant earners: every rule is exercised, so the comparison is not vacuous
    assert {rule for _, rule in by} >= {"acro:threshold", "acro:zeros", "acro:nk-rule", "acro:p-ratio"}


def random_people(seed, pd):
    """People in 6 regions; group sizes from 1 to 60, incomes with occasional dominant earners."""
    rng = random.Random(seed)
    rows = []
    for region in [f"Region {name}" for name in "ABCDEF"]:
        for sex in ("F", "M"):
            for _ in range(rng.choice([1, 2, 5, 9, 10, 11, 25, 60])):
                income = rng.randint(100, 900) * 1000
                if rng.random() < 0.05:
                    income *= rng.choice([20, 200])
                education = rng.choice(["basic", "upper", "higher"] if region != "Region F" else ["basic", "upper"])
                rows.append({"region": region, "sex": sex, "education": education, "income": income})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- benchmark


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_checks", ROOT / "bench" / "bench_checks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_smoke():
    figures = load_bench().run(2_000, repeat=1)
    assert set(figures) >= {"cells", "check_seconds", "csv_reader_seconds", "ratio", "verdict"}
    assert figures["cells"] == 2_000 and figures["verdict"] == "fail"


@pytest.mark.parametrize("delimiter", ["\t", ";"])
def test_title_line_without_delimiters_does_not_hide_small_counts(delimiter):
    # A title line above a tab- or semicolon-separated table must not make it one column.
    rows = ["Table 5: cases by group", delimiter.join(["group", "cases"]),
            delimiter.join(["a", "0"]), delimiter.join(["b", "1"]), delimiter.join(["c", "2"]),
            delimiter.join(["d", "40"])]
    result = check_output([("t.csv", ("\n".join(rows) + "\n").encode())], Rules())
    assert result["verdict"] == "fail"
    cells = {(f["rule"], f["row"], f["column"]) for f in result["findings"]}
    assert ("threshold", 1, "cases") in cells and ("threshold", 2, "cases") in cells
    assert ("zero", 0, "cases") in cells


def test_title_line_with_a_comma_above_a_tab_table():
    text = "Table 6: admissions, by region\nregion\tadmissions\nNorth\t2\nSouth\t55\n"
    result = check_output([("t.tsv", text.encode())], Rules())
    assert ("threshold", 0, "admissions") in {(f["rule"], f["row"], f["column"]) for f in result["findings"]}


# --------------------------------------------------------------------------- tables in any file (issue 15)


def test_latex_tabular_with_multicolumn_and_formatting():
    text = (r"\begin{tabular}{l r r}\toprule \multicolumn{1}{c}{\textbf{Region}} & Men & Women \\ \midrule"
            "\n" r"Capital & \textbf{412} & 398 \\" "\n" r"Zealand & 2 & 250 \\ % a comment & 1" "\n"
            r"\bottomrule\end{tabular}")
    result = check(("table.tex", text))
    assert cells(result, "threshold") == {(1, "Men")}
    assert findings(result, "threshold")[0]["message"].startswith("Table 1 (LaTeX tabular, line 1)")


def test_html_nested_tables_are_read_apart():
    text = ("<table><tr><th>layout</th></tr><tr><td><table><tr><th>group</th><th>n</th></tr>"
            "<tr><td>A</td><td>1</td></tr><tr><td>B</td><td>40</td></tr></table></td></tr></table>")
    assert cells(check(("page.html", text)), "threshold") == {(0, "n")}


def test_yaml_is_read_with_the_safe_loader_only():
    hostile = "- !!python/object/apply:os.system ['echo owned']\n- group: A\n  n: 1\n"
    result = check(("data.yaml", hostile))
    assert result["verdict"] == "pass" and result["files"][0]["kind"] == "text"
    assert cells(check(("data.yml", "- group: A\n  n: 1\n- group: B\n  n: 40\n")), "threshold") == {(0, "n")}


def test_json_list_of_rows_and_markdown_without_outer_pipes():
    assert cells(check(("rows.json", '[["group", "n"], ["A", 2], ["B", 50]]')), "threshold") == {(0, "n")}
    assert cells(check(("t.md", "group | n\n--- | ---\nA | 2\nB | 50\n")), "threshold") == {(0, "n")}


def test_text_that_is_one_delimited_table_is_kind_table_whatever_its_name():
    result = check(("counts.txt", "region;n\nA;2\nB;40\n"), ("counts.R", "region,n\nA,7\nB,40\n"))
    assert [f["kind"] for f in result["files"]] == ["table", "table"]
    assert [(f["file"], f["row"]) for f in findings(result, "threshold")] == [("counts.txt", 0)]


def test_prose_with_a_few_commas_gives_no_findings():
    text = "Dear reviewer,\nthanks, and see below.\nBest, Rikke\n\nThe model converged after 12 iterations.\n"
    assert check(("letter.txt", text))["verdict"] == "pass"


def test_acro_disagrees_where_the_bundle_passes_a_breach():
    bundle = json.dumps({"version": "1.0", "results": {"t": {"status": "pass", "files": [{"name": "t.csv"}]}}})
    result = check(("results.json", bundle), ("t.csv", "group,n\nA,1\nB,50\n"))
    assert result["verdict"] == "fail"
    [disagree] = findings(result, "acro_disagrees")
    assert disagree["file"] == "t.csv" and disagree["value"] == "threshold"
    # a bundle that flags the file too is no disagreement
    bundle = bundle.replace('"pass"', '"fail"')
    assert findings(check(("results.json", bundle), ("t.csv", "group,n\nA,1\nB,50\n")), "acro_disagrees") == []
