"""Issue 5 (client): the supervisors' Output checks page against a real portal on
loopback (pytest-qt, offscreen). Dorte works in the client; Rikke submits and
Emil reviews through the API (`fresh_portal.session`). Each user signs in once
per portal (TOTP replay protection)."""

from __future__ import annotations

import base64
import json
import os
import tempfile

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QLabel

from desktop.models import outputs as rules
from desktop.views.output_viewer import Words
from tests.client_helpers import sign_in_through_dialog, start_client, sync_again, wait_for_sync

SHOTS = os.environ.get("PORTAL_DESK_SHOTS") or tempfile.gettempdir()   # screenshots for a person to look at

TABLE = ("Table 3: first admissions by region and age;;;\n"
         "\n"
         "region;0-17;18-64;65+\n"
         "Hovedstaden;1.204;2;311\n"
         "Sjælland;17;0;88\n"
         "Syddanmark;..;1;145\n"
         "Midtjylland;402;2.950;7\n"
         "Nordjylland;2;96;40\n").encode("cp1252")
NOTES = b"Follow-up notes\nPatient with id 010190-1234 excluded after review.\nSupplier CVR 12 34 56 78 paid.\n"
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")


def png_bytes() -> bytes:
    image = QImage(240, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for n, height in enumerate((30, 55, 80, 100, 70)):
        painter.fillRect(20 + n * 42, 110 - height, 30, height, QColor(0, 114, 178))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


@pytest.fixture
def desks(qtbot):
    started = []

    def make(portal, data_dir, username="dorte"):
        desk = start_client(qtbot, portal, data_dir)
        started.append(desk)
        sign_in_through_dialog(qtbot, desk, portal, username)
        result = wait_for_sync(qtbot, desk)
        assert result.online and result.error is None
        return desk

    yield make
    for desk in started:
        desk.shutdown()


def activate(qtbot, window):
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        window.windowHandle().requestActivate()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def outputs_page(qtbot, desk):
    window = desk.window
    window.resize(1440, 900)
    view = window.open_page("outputs")
    assert type(view).__name__ == "OutputChecksView"
    window.show()
    activate(qtbot, window)
    view.focus_list()
    qtbot.waitUntil(view.table.hasFocus)
    return view


def key(qtbot, view, k, modifier=Qt.KeyboardModifier.NoModifier):
    activate(qtbot, view.window())
    qtbot.keyClick(QApplication.focusWidget() or view.table, k, modifier)


def wait_sent(qtbot, desk, timeout=15000):
    outbox, sync = desk.workspace.engine.outbox, desk.window.sync
    qtbot.waitUntil(lambda: outbox.pending_count() == 0 and not sync.running, timeout=timeout)


def wait_files(qtbot, view, output_id, states=("loaded",), timeout=15000):
    qtbot.waitUntil(lambda: view.viewer.output_id == output_id and view.viewer.state in states, timeout=timeout)


def feed(portal, username, kind):
    return {i: d for (k, i), d in portal.all_changes(username).items() if k == kind and d is not None}


def rikke_submits(portal, *files, comment="Tables for the paper.") -> dict:
    projects = [a for a in feed(portal, "rikke", "application").values()
                if a["status"] == "approved" and a["applicant_id"] == "R-0001"]
    assert projects, "the demo gives rikke an approved project"
    body = {"project_id": projects[0]["id"], "comment": comment,
            "files": [{"name": n, "content_base64": base64.b64encode(d).decode()} for n, d in files]}
    r = portal.session("rikke").post(portal.api + "/outputs", json=body, timeout=30)
    assert r.status_code == 201, r.text
    return r.json()


def cell_findings(output: dict, name: str) -> set[tuple[int, str]]:
    return {(f["row"], f["column"]) for f in output["check"]["findings"]
            if f["file"] == name and f["row"] is not None and f["column"] is not None}


def save_shot(widget, name: str) -> str:
    path = os.path.join(SHOTS, name)
    assert widget.grab().save(path)
    return path


def with_style(app):
    """The application's style sheet, as main() loads it (for the screenshots)."""
    from desktop.app import load_style
    before = app.styleSheet()
    load_style(app)
    return before


def assert_marks_match(model, output: dict, name: str):
    """The highlighted cells are exactly the cells the findings name, each with its
    value, a marker, a colour and the finding in its tooltip."""
    expected = cell_findings(output, name)
    assert model.flagged() == expected
    table = model.table
    for f in (f for f in output["check"]["findings"] if f["file"] == name and f["row"] is not None):
        col = table.names.index(f["column"])
        index = model.index(f["row"], col)
        shown = index.data(Qt.ItemDataRole.DisplayRole)
        assert shown.startswith("⚠ "), shown
        assert rules.number_of(shown[2:], table.danish) == f["value"]
        assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
        assert f["message"] in index.data(Qt.ItemDataRole.ToolTipRole)
        assert "flagged" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    clean = [(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
             if (r, table.names[c]) not in expected]
    for r, c in clean:
        index = model.index(r, c)
        assert not index.data(Qt.ItemDataRole.DisplayRole).startswith("⚠")
        assert index.data(Qt.ItemDataRole.BackgroundRole) is None


# -- reading an output -------------------------------------------------------------------------

def test_portal_text_in_tooltips_is_shown_as_text(qtbot):
    """Findings quote labels the researcher wrote: a tooltip never renders them as HTML."""
    from desktop.views.output_viewer import CsvModel, Words
    hostile = '<img src="x" onerror="alert(1)"><b>bold</b>'
    table = rules.parse_table(f"group,n\n{hostile},2\nB,40\n")
    finding = {"file": "t.csv", "rule": "threshold", "row": 0, "column": "n", "value": 2, "threshold": 3,
               "message": f'Count 2 in "{hostile}" × "n" is below the minimum of 3.'}
    words = Words()
    model = CsvModel(table, rules.place_in_table(table, [finding]), "fail", words)
    tip = model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tip and "<b>" not in tip and "&lt;img" in tip and "&lt;b&gt;bold" in tip
    assert model.index(0, 0).data(Qt.ItemDataRole.DisplayRole) == hostile      # the cell itself: plain data
    assert model.index(0, 1).data(Qt.ItemDataRole.DisplayRole) == "⚠ 2"


def test_viewer_marks_the_cells_lines_and_files_the_findings_name(qtbot, fresh_portal, tmp_path, desks):
    submitted = rikke_submits(fresh_portal, ("admissions.csv", TABLE), ("notes.txt", NOTES),
                              ("figure.png", png_bytes()), ("report.pdf", PDF))
    assert submitted["status"] == "held" and submitted["check"]["verdict"] == "fail"
    output_id = submitted["id"]

    desk = desks(fresh_portal, tmp_path)
    view = outputs_page(qtbot, desk)
    output = desk.workspace.cache.get("output", output_id)
    assert output["check"] == submitted["check"]

    assert view.open_output(output_id) and view.current_id() == output_id
    wait_files(qtbot, view, output_id)
    viewer = view.viewer
    assert [p.meta["name"] for p in viewer.pages] == ["admissions.csv", "notes.txt", "figure.png", "report.pdf"]
    # Every file arrived intact: its SHA-256 recomputed matches the one recorded at submission.
    for page in viewer.pages:
        assert page.verification is not None and page.verification.ok, page.meta["name"]
        assert page.verification.actual == page.meta["sha256"]
        assert "verified" in page.checksum.text()
    assert viewer.mismatches() == []

    # The table: a title line, Danish numbers, header row as column headers, the cells marked.
    page = viewer.page_named("admissions.csv")
    assert page.prepared.shown == "table" and page.model is not None
    assert [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == ["region", "0-17", "18-64", "65+"]
    assert cell_findings(output, "admissions.csv") >= {(0, "18-64"), (1, "18-64"), (2, "18-64"), (4, "0-17")}
    assert_marks_match(page.model, output, "admissions.csv")
    assert "Title lines" in page.titles.text()

    # Clicking a finding selects its cell; F goes on to the next one.
    listed = page.placed
    second = listed[1]
    item = page.findings_list.item(1)
    rect = page.findings_list.visualItemRect(item)
    qtbot.mouseClick(page.findings_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.current_cell() == (second.row, second.col)
    view.focus_list()
    key(qtbot, view, Qt.Key.Key_F)
    third = listed[2]
    assert page.current_cell() == (third.row, third.col)
    assert page.findings_list.currentRow() == 2

    # The text file: the lines with identifiers are marked, the masked values' spans found.
    key(qtbot, view, Qt.Key.Key_BracketRight)
    notes = viewer.current_page()
    assert notes.meta["name"] == "notes.txt" and notes.prepared.shown == "text"
    identifier_lines = {f["row"] for f in output["check"]["findings"] if f["file"] == "notes.txt"}
    assert identifier_lines == {1, 2} and notes.text_view.flagged_lines() == identifier_lines
    lines = NOTES.decode().split("\n")
    assert {lines[p.row][slice(*p.span)] for p in notes.placed} == {"010190-1234", "12 34 56 78"}

    # The image is shown; the PDF needs a person, with its metadata.
    figure = viewer.page_named("figure.png")
    assert figure.prepared.shown == "image" and not figure.image_label.pixmap().isNull()
    pdf = viewer.page_named("report.pdf")
    assert pdf.prepared.shown == "person"
    assert "needs a person" in pdf.message.text() and pdf.meta["sha256"] in pdf.message.text()
    assert [f["rule"] for f in pdf.findings] == ["needs_person"]

    # The decision bar: a flagged output needs two releases.
    assert view.position.text() == "Your release would be 1 of 2 releases"
    assert view.release_button.isEnabled() and view.withhold_button.isEnabled()

    # A disclosive demo output: small counts in a table of the seeded demo.
    demo = next(o for o in feed(fresh_portal, "emil", "output").values()
                if o["status"] == "held" and o["files"][0]["name"] == "cases_by_age.csv"
                and any(f["rule"] == "threshold" for f in o["check"]["findings"]))
    assert view.open_output(demo["id"])
    wait_files(qtbot, view, demo["id"])
    demo_page = viewer.page_named("cases_by_age.csv")
    assert demo_page.verification.ok
    assert_marks_match(demo_page.model, demo, "cases_by_age.csv")

    # Screenshots of the queue and of the viewer on a disclosive table (looked at by a person).
    app = QApplication.instance()
    before = with_style(app)
    try:
        assert view.open_output(output_id)
        wait_files(qtbot, view, output_id)
        viewer.tabs.setCurrentIndex(0)
        viewer.current_page().select_finding(0)
        qtbot.waitUntil(lambda: desk.window.isVisible())
        save_shot(desk.window, "outputs-queue.png")
        save_shot(viewer, "outputs-viewer-table.png")
        for index, name in enumerate(("text", "image", "pdf"), start=1):
            viewer.tabs.setCurrentIndex(index)
            save_shot(viewer, f"outputs-viewer-{name}.png")
        viewer.tabs.setCurrentIndex(0)
    finally:
        app.setStyleSheet(before)

    # A file whose bytes differ from what the portal checked: loud, and release is off.
    cache = desk.workspace.cache
    tampered = dict(output)
    tampered["files"] = [dict(output["files"][0], sha256="0" * 64)] + output["files"][1:]
    cache.apply_page([{"seq": cache.cursor(), "entity": "output", "id": output_id, "data": tampered}], cache.cursor())
    viewer.reload()
    wait_files(qtbot, view, output_id)
    assert viewer.mismatches() == ["admissions.csv"]
    page = viewer.page_named("admissions.csv")
    assert "CHECKSUM MISMATCH" in page.checksum.text() and "Do not release" in page.checksum.text()
    assert viewer.tabs.tabText(0).startswith("✖")
    view._show(output_id)
    assert not view.release_button.isEnabled() and "checksum" in view.release_button.toolTip()
    assert view.withhold_button.isEnabled()


# -- deciding ----------------------------------------------------------------------------------

def test_two_supervisors_release_a_flagged_output_and_a_withhold_needs_a_comment(qtbot, fresh_portal, tmp_path,
                                                                                   desks):
    desk = desks(fresh_portal, tmp_path)
    view = outputs_page(qtbot, desk)
    held = [view.model.item(n) for n in range(view.model.rowCount())]
    flagged = next(i for i in held if i.flagged and i.required == 2 and not i.reviews)
    assert view.select(flagged.id)
    wait_files(qtbot, view, flagged.id)

    # Dorte releases it from the keyboard: 1 of 2.
    key(qtbot, view, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    dialog = view.dialog
    assert "as release 1 of 2" in dialog.question.text()
    assert "1 of 2 releases" in dialog.consequence.text()
    # a flagged output: the dialog lists the findings and the release needs a justification
    assert dialog.justify and not dialog.ok_button.isEnabled()
    assert "Write a justification" in dialog.hint.text()
    assert dialog.findings_label is not None and "—" in dialog.findings_label.text()
    dialog.comment_box.setPlainText("Zero cells are structural here.")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_sent(qtbot, desk)
    sync_again(qtbot, desk)

    portal_state = feed(fresh_portal, "admin", "output")[flagged.id]
    assert portal_state["status"] == "held"
    assert [(r["reviewer_id"], r["verdict"]) for r in portal_state["reviews"]] == [("u-dorte", "release")]
    # emil, the second supervisor, sees one release given, not by whom (blind second review)
    assert feed(fresh_portal, "emil", "output")[flagged.id]["reviews"] == [{"verdict": "release", "blind": True}]

    # Still held, marked, and Release greyed with the reason.
    assert view.select(flagged.id)
    item = view.current_item()
    assert item.status == "held" and item.releases == 1 and item.my_review["verdict"] == "release"
    assert view.position.text() == "You released it; a second supervisor must release it too"
    assert not view.release_button.isEnabled() and not view.withhold_button.isEnabled()
    assert "a second supervisor must release it too" in view.release_button.toolTip()
    row = view.model.row_of(flagged.id)
    assert view.model.index(row, view.model.columnCount() - 1).data() == "you released it; needs a second"
    key(qtbot, view, Qt.Key.Key_R)
    assert view.dialog is dialog and not dialog.isVisible() and "Not possible" in view.note.text()

    # Emil, through the API, gives the second release: released after a sync.
    r = fresh_portal.session("emil").post(f"{fresh_portal.api}/outputs/{flagged.id}/reviews", json={
        "verdict": "release", "comment": "", "expected_version": portal_state["version"]}, timeout=10)
    assert r.status_code == 201 and r.json()["status"] == "released", r.text
    sync_again(qtbot, desk)
    assert flagged.id not in view.model.ids                 # gone from the held queue
    assert view.open_output(flagged.id)
    assert view.show_filter.currentData() == rules.SHOW_RELEASED
    assert view.current_item().status == "released" and view.current_item().releases == 2
    assert not view.release_button.isEnabled() and "already" in view.release_button.toolTip().lower()

    # A withhold needs a comment: OK stays off until there is one.
    view.show_filter.setCurrentIndex(view.show_filter.findData(rules.SHOW_HELD))
    other = next(view.model.item(n) for n in range(view.model.rowCount()) if view.model.item(n).reviewable)
    assert view.select(other.id)
    view.focus_list()
    key(qtbot, view, Qt.Key.Key_W)
    qtbot.waitUntil(lambda: view.dialog is not dialog and view.dialog.isVisible())
    dialog = view.dialog
    assert dialog.verdict() == "withhold" and not dialog.ok_button.isEnabled()
    assert "Choose a reason" in dialog.hint.text()
    dialog.comment_box.setPlainText("   \n ")
    assert not dialog.ok_button.isEnabled()
    dialog.comment_box.setPlainText("Cells below the minimum count; aggregate the age groups and resubmit.")
    assert not dialog.ok_button.isEnabled()          # the coded reason is asked for too
    codes = [dialog.reason_box.itemData(n) for n in range(dialog.reason_box.count())]
    assert codes == [None] + list(rules.WITHHOLD_REASONS)
    assert dialog.reason_box.itemText(1) == "Small counts"
    dialog.reason_box.setCurrentIndex(codes.index("small_counts"))
    assert dialog.ok_button.isEnabled() and dialog.reason() == "small_counts"
    activate(qtbot, dialog)
    qtbot.keyClick(dialog.comment_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_sent(qtbot, desk)
    withheld = feed(fresh_portal, "emil", "output")[other.id]
    assert withheld["status"] == "withheld"
    assert withheld["reviews"][-1]["comment"] == "Cells below the minimum count; aggregate the age groups and resubmit."
    assert withheld["reviews"][-1]["reason"] == "small_counts" and withheld["withhold_reason"] == "small_counts"


def test_release_dialog_of_a_cpr_finding_warns_and_the_viewer_names_the_new_findings(qtbot, fresh_portal, tmp_path,
                                                                                    desks):
    """Issue 15: an ACRO bundle passing a table of individuals with CPR numbers; the supervisor sees the
    portal's findings (acro_disagrees among them) and the release dialog warns about personal data."""
    rows = "\n".join(f"{d:02d}0190-{1000 + d:04d},{30 + d},F" for d in range(1, 13))
    bundle = json.dumps({"version": "0.4.5", "results": {"out": {
        "status": "pass", "type": "table", "files": [{"name": "cohort.csv", "sdc": {}}]}}}).encode()
    out = rikke_submits(fresh_portal, ("results.json", bundle), ("cohort.csv", f"cpr,age,sex\n{rows}\n".encode()))
    assert out["status"] == "held"
    desk = desks(fresh_portal, tmp_path)
    view = outputs_page(qtbot, desk)
    assert view.select(out["id"])
    wait_files(qtbot, view, out["id"])
    item = view.current_item()
    assert item.verdict == "fail" and dict(item.rules)["acro_disagrees"] == 1
    words = Words()
    assert "ACRO passed it" in words.rule("acro_disagrees") and "time budget" in words.rule("check_timeout")
    key(qtbot, view, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    dialog = view.dialog
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("personal data" in t and "CPR numbers" in t for t in texts), texts
    assert "cohort.csv" in dialog.findings_label.text() and "CPR number" in dialog.findings_label.text()
    assert not dialog.ok_button.isEnabled()
    app = QApplication.instance()
    before = with_style(app)
    dialog.resize(1366 // 2, 600)
    save_shot(dialog, "outputs-release-dialog-cpr.png")
    app.setStyleSheet(before)
    dialog.reject()


# -- management samples and the overview ---------------------------------------------------------

def test_management_sample_request_lands_on_the_portal(qtbot, fresh_portal, tmp_path, desks):
    desk = desks(fresh_portal, tmp_path)
    view = outputs_page(qtbot, desk)
    current = view.current_item()
    assert current is not None

    key(qtbot, view, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: view.sample_dialog is not None and view.sample_dialog.isVisible())
    dialog = view.sample_dialog
    assert dialog.scope() == "project" and dialog.target.currentData() == current.project_id   # the current one
    assert not dialog.ok_button.isEnabled() and "reason" in dialog.hint.text()
    dialog.count.setValue(2)
    dialog.reason.setPlainText("   ")
    assert not dialog.ok_button.isEnabled()
    reason = "Complaint from a journal reviewer about small cells in this project's tables."
    dialog.reason.setPlainText(reason)
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_sent(qtbot, desk)
    sync_again(qtbot, desk)

    # A dashboard chart's list of outputs, then back to the held queue.
    some = view.model.ids[:2]
    view.apply_filter({"ids": some, "label": "Sampled outputs"})
    assert view.model.ids == some and "Sampled outputs" in view.show_filter.currentText()
    view.show_filter.setCurrentIndex(view.show_filter.findData(rules.SHOW_HELD))
    assert view.show_filter.findData("dashboard") == -1 and len(view.model.ids) > 2

    mine = view.queue.samples_by("u-dorte")
    assert len(mine) == 1 and mine[0]["note"] == reason
    sample_id = mine[0]["id"]
    r = fresh_portal.session("emil").get(f"{fresh_portal.api}/samples/{sample_id}", timeout=10)
    assert r.status_code == 200, r.text
    on_portal = r.json()
    assert (on_portal["reason"], on_portal["note"], on_portal["scope"], on_portal["target_id"], on_portal["count"]) \
        == ("management", reason, "project", current.project_id, 2)
    assert on_portal["drawn_by"] == "u-dorte" and on_portal["recomputed"]["matches"] is True
    # The sampled outputs say why they are held, in the queue.
    for output_id in on_portal["output_ids"]:
        item = view.queue.item(output_id)
        assert item.status == "held"
        assert any(r.kind == rules.MANAGEMENT and r.facts["note"] == reason for r in item.reasons)
        assert "management sample" in view.reasons_short(item)


def test_sampling_overview_numbers_match_the_portals(qtbot, fresh_portal, tmp_path, desks):
    desk = desks(fresh_portal, tmp_path)
    view = outputs_page(qtbot, desk)
    key(qtbot, view, Qt.Key.Key_O)
    dialog = view.overview_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.state == "portal", timeout=10000)
    portal_answer = fresh_portal.session("emil").get(f"{fresh_portal.api}/sampling/overview", timeout=10).json()
    shown = dialog.shown_rows()
    expected_rows = portal_answer["classes"] + [portal_answer["total"]]
    assert len(shown) == 4
    for row, theirs in zip(shown, expected_rows):
        assert (int(row[1]), row[2], int(row[3])) == (theirs["draws"], f"{theirs['expected']:.2f}", theirs["observed"])
    assert "expected range" in dialog.verdict.text()
    app = QApplication.instance()
    before = with_style(app)
    try:
        dialog.adjustSize()
        save_shot(dialog, "outputs-sampling-overview.png")
    finally:
        app.setStyleSheet(before)

    # The same figures from the draws in the offline copy.
    dialog._from_cache("test")
    assert dialog.state == "cache"
    ours = dialog.overview
    assert [(c.risk_class, c.draws, c.observed) for c in ours.classes] == \
        [(c["risk_class"], c["draws"], c["observed"]) for c in portal_answer["classes"]]
    for c, theirs in zip(ours.classes, portal_answer["classes"]):
        assert c.expected == pytest.approx(theirs["expected"]) and c.sd == pytest.approx(theirs["sd"])
    assert dialog.shown_rows() == shown


# -- offline ---------------------------------------------------------------------------------------

def test_offline_the_findings_still_show_and_a_verdict_waits(qtbot, fresh_portal, tmp_path, desks):
    desk = desks(fresh_portal, tmp_path)
    view = outputs_page(qtbot, desk)
    with_findings = [view.model.item(n) for n in range(view.model.rowCount())]
    first, second = [i for i in with_findings if i.findings][:2]
    assert view.select(first.id)
    wait_files(qtbot, view, first.id)

    fresh_portal.stop()
    assert view.select(second.id)
    wait_files(qtbot, view, second.id, states=("offline",))
    output = desk.workspace.cache.get("output", second.id)
    for page in view.viewer.pages:
        assert page.state == "offline" and "need the portal" in page.message.text()
        listed = [page.findings_list.item(n) for n in range(page.findings_list.count())]
        findings = rules.findings_of_file(output, page.meta["name"])
        assert sum(1 for i in listed if i.flags() & Qt.ItemFlag.ItemIsSelectable) == len(findings)
        assert [p.finding for p in page.placed] == findings
    assert view.viewer.banner.isVisible()

    view.focus_list()
    key(qtbot, view, Qt.Key.Key_W)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    view.dialog.comment_box.setPlainText("Withheld while offline: identifiable cells.")
    view.dialog.reason_box.setCurrentIndex(view.dialog.reason_box.findData("identifiers"))
    qtbot.mouseClick(view.dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not desk.window.sync.running and desk.window.sync.online is False, timeout=15000)
    item = view.queue.item(second.id)
    assert item.pending == {"verdict": "withhold", "state": "queued", "outbox_id": item.pending["outbox_id"],
                            "created_at": item.pending["created_at"]}
    # The queue moved on, as the approvals queue does; the status line names the decided output.
    assert second.id in view.note.text() and "Withheld" in view.note.text()
    assert view.select(second.id)
    assert view.position.text() == "Pending: withhold (queued)"
    row = view.model.row_of(second.id)
    assert view.model.index(row, view.model.columnCount() - 1).data() == "pending: withhold (queued)"
    assert not view.release_button.isEnabled() and "sent at the next sync" in view.release_button.toolTip()


def test_output_checks_search_and_filter_by_project_researcher_sampled_and_verdict(qtbot, portal, tmp_path,
                                                                                   desk_factory):
    from tests.client_helpers import sign_in_through_dialog, wait_for_sync
    desk = desk_factory(portal, tmp_path)
    sign_in_through_dialog(qtbot, desk, portal, "dorte")
    wait_for_sync(qtbot, desk)
    view = desk.window.open_page("outputs")
    view.show_filter.setCurrentIndex(view.show_filter.findData(rules.SHOW_ALL))
    everything = list(view.model.ids)
    items = {i.id: i for i in view.queue.items(everything)}
    some = items[everything[0]]
    # Ctrl+F finds the search field; the project narrows the list to that project's outputs.
    desk.window.focus_search()
    qtbot.waitUntil(view.search.hasFocus)
    view.search.setText(some.project_id)
    qtbot.waitUntil(lambda: view.model.ids and all(items[i].project_id == some.project_id for i in view.model.ids))
    assert some.id in view.model.ids
    view.search.setText(some.researcher_name.split()[0])          # by the researcher's name
    qtbot.waitUntil(lambda: some.id in view.model.ids and len(view.model.ids) < len(everything))
    view.search.clear()
    qtbot.waitUntil(lambda: len(view.model.ids) == len(everything))
    view.sampled_filter.setCurrentIndex(view.sampled_filter.findData(True))
    assert view.model.ids and all(items[i].sampled for i in view.model.ids)
    view.sampled_filter.setCurrentIndex(0)
    view.verdict_filter.setCurrentIndex(view.verdict_filter.findData("fail"))
    assert view.model.ids and all(items[i].verdict == "fail" for i in view.model.ids)
