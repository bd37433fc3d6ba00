"""Issue 6 (client): the warnings rules without Qt — recipient resolution, overdue
at the deadline boundary, the acknowledgement board, CSV export, what a
coordinator may do, and escalation events. Explicit times throughout."""

from __future__ import annotations

import csv
import io
import random

import pytest

from desktop.models import warnings as rules

T0 = 1_790_000_000.0          # a fixed "now" (2026)
HOUR = 3600.0


def org(n: int, sector: str, region: str) -> dict:
    return {"id": f"ORG-{n:03d}", "name": f"Organisation {n}", "sector": sector, "region": region}


def world(seed: int = 7, count: int = 120) -> list[dict]:
    rng = random.Random(seed)
    return [org(n, rng.choice(rules.SECTORS), rng.choice(rules.REGIONS)) for n in range(1, count + 1)]


def sent_warning(**changes) -> dict:
    warning = {
        "id": "W-2026-900", "version": 7, "revision": 1, "ack_revision": 1, "status": "sent",
        "title": "VPN", "summary": "Patch", "body": "", "severity": "high", "tlp": "AMBER",
        "recipients": {"sectors": [], "regions": [], "org_ids": ["ORG-001", "ORG-002", "ORG-003"]},
        "addressed_org_ids": ["ORG-001", "ORG-002", "ORG-003"], "cves": [], "ack_hours": 24,
        "valid_until": None, "author_id": "u-frida", "editors": ["u-frida"], "cosigned_by": "u-gustav",
        "sent_at": rules.iso(T0), "ack_due_at": rules.iso(T0 + 24 * HOUR),
        "revisions": [{"number": 1, "at": rules.iso(T0), "summary": "Initial release", "by": "u-frida"}],
        "acks": [], "pending_revision": None,
    }
    warning.update(changes)
    return warning


def draft(**changes) -> dict:
    warning = {
        "id": "W-2026-901", "version": 1, "revision": 0, "status": "draft", "title": "Draft", "summary": "S",
        "body": "", "severity": "critical", "tlp": "AMBER",
        "recipients": {"sectors": ["hospital"], "regions": [], "org_ids": []}, "cves": [], "ack_hours": 24,
        "valid_until": None, "author_id": "u-frida", "editors": ["u-frida"], "cosigned_by": None,
        "revisions": [], "acks": [], "pending_revision": None,
    }
    warning.update(changes)
    return warning


FRIDA = {"id": "u-frida", "roles": ["coordinator"]}
GUSTAV = {"id": "u-gustav", "roles": ["coordinator"]}
ADMIN = {"id": "u-admin", "roles": ["admin"]}


# -- recipients (the rule itself: tests/test_rules.py) ---------------------------------------

def test_reach_counts_scope_and_named_apart():
    orgs = [org(1, "hospital", "Capital Region"), org(2, "hospital", "Region Zealand"),
            org(3, "gp", "Capital Region"), org(4, "municipality", "Region Zealand")]
    reach = rules.reach(orgs, {"sectors": ["hospital"], "regions": ["Capital Region"],
                               "org_ids": ["ORG-001", "ORG-004", "ORG-999"]})
    assert reach.org_ids == ["ORG-001", "ORG-004", "ORG-999"]      # a named id is counted as the portal does
    assert reach.total == 3
    assert reach.by_scope == 1 and reach.named_only == 2
    assert reach.unknown_named == ["ORG-999"]
    assert rules.reach(orgs, {"regions": ["Region Zealand"]}).org_ids == ["ORG-002", "ORG-004"]
    assert rules.reach(orgs, {}).total == 0


def test_a_revision_may_not_drop_anyone_already_warned():
    orgs = [org(1, "hospital", "Capital Region"), org(2, "gp", "Capital Region")]
    assert rules.dropped_org_ids(["ORG-001", "ORG-002"], orgs, {"sectors": ["hospital"]}) == ["ORG-002"]
    assert rules.dropped_org_ids(["ORG-001"], orgs, {"regions": ["Capital Region"]}) == []


# -- overdue at the deadline boundary ----------------------------------------------------------

@pytest.mark.parametrize("now, acknowledged, status, expected", [
    (T0 + 24 * HOUR - 1, False, "sent", False),
    (T0 + 24 * HOUR, False, "sent", False),          # exactly at the deadline: still in time
    (T0 + 24 * HOUR + 1, False, "sent", True),       # strictly after: overdue
    (T0 + 24 * HOUR + 1, True, "sent", False),
    (T0 + 48 * HOUR, False, "retracted", False),
    (T0 + 48 * HOUR, False, "expired", False),
    (T0 + 48 * HOUR, False, "draft", False),
])
def test_is_overdue_boundary(now, acknowledged, status, expected):
    due = T0 + 24 * HOUR
    assert rules.is_overdue(acknowledged, due, now, status) is expected


def test_no_deadline_is_never_overdue():
    assert not rules.is_overdue(False, None, T0 + 10 ** 6)


def test_board_at_the_deadline_and_one_second_after():
    warning = sent_warning(acks=[{"org_id": "ORG-002", "state": "mitigated", "at": rules.iso(T0 + HOUR),
                                  "note": "", "revision": 1}])
    due = T0 + 24 * HOUR
    at_due = rules.ack_board(warning, {}, due)
    assert at_due["counts"] == {"addressed": 3, "acknowledged": 1, "pending": 2, "overdue": 0, "late": 0}
    after = rules.ack_board(warning, {}, due + 1)
    assert after["counts"]["overdue"] == 2
    rows = {r["org_id"]: r for r in after["recipients"]}
    assert rows["ORG-002"]["state"] == "mitigated" and not rows["ORG-002"]["overdue"]
    assert rows["ORG-002"]["time_to_ack_seconds"] == 3600
    assert rows["ORG-001"]["overdue"] and rows["ORG-003"]["overdue"]
    assert rules.progress(after) == rules.Progress(addressed=3, acknowledged=1, overdue=2, waiting=0)
    assert rules.progress(at_due) == rules.Progress(addressed=3, acknowledged=1, overdue=0, waiting=2)


def test_an_ack_of_an_earlier_revision_does_not_count_and_late_acks_are_marked():
    warning = sent_warning(
        revision=2, ack_revision=2, ack_due_at=rules.iso(T0 + 50 * HOUR),
        revisions=[{"number": 1, "at": rules.iso(T0)}, {"number": 2, "at": rules.iso(T0 + 26 * HOUR)}],
        acks=[{"org_id": "ORG-001", "state": "received", "at": rules.iso(T0 + HOUR), "revision": 1},
              {"org_id": "ORG-002", "state": "received", "at": rules.iso(T0 + 51 * HOUR), "revision": 2,
               "first_at": rules.iso(T0 + 51 * HOUR)}])
    board = rules.ack_board(warning, {"ORG-001": org(1, "hospital", "Capital Region")}, T0 + 60 * HOUR)
    rows = {r["org_id"]: r for r in board["recipients"]}
    assert rows["ORG-001"]["state"] is None and rows["ORG-001"]["overdue"]
    assert rows["ORG-001"]["earlier"]["revision"] == 1
    assert rows["ORG-001"]["name"] == "Organisation 1" and rows["ORG-001"]["sector"] == "hospital"
    assert rows["ORG-002"]["late"] and rows["ORG-002"]["time_to_ack_seconds"] == 25 * 3600
    assert board["counts"]["late"] == 1 and board["counts"]["overdue"] == 2


def test_board_counts_over_time():
    orgs = {o["id"]: o for o in world(count=10)}
    warning = sent_warning(addressed_org_ids=sorted(orgs), acks=[
        {"org_id": "ORG-004", "state": "not_affected", "at": rules.iso(T0 + 2 * HOUR), "revision": 1, "note": "x"},
        {"org_id": "ORG-007", "state": "received", "at": rules.iso(T0 + 30 * HOUR), "revision": 1}])
    counts = {now: rules.ack_board(warning, orgs, now)["counts"]
              for now in (T0 + HOUR, T0 + 24 * HOUR, T0 + 24 * HOUR + 1, T0 + 100 * HOUR)}
    # the board reads every ack it holds, whatever the time asked about; overdue only after the deadline
    assert [(c["acknowledged"], c["overdue"], c["late"]) for c in counts.values()] == \
        [(2, 0, 1), (2, 0, 1), (2, 8, 1), (2, 8, 1)]
    assert all(c["addressed"] == 10 and c["pending"] == 8 for c in counts.values())


def test_a_draft_board_lists_who_would_receive_it():
    orgs = {o["id"]: o for o in [org(1, "hospital", "Capital Region"), org(2, "gp", "Capital Region")]}
    board = rules.ack_board(draft(), orgs, T0)
    assert [r["org_id"] for r in board["recipients"]] == ["ORG-001"]
    assert board["counts"]["overdue"] == 0
    assert rules.warning_progress(draft(), T0) == rules.Progress(0, 0, 0, 0)


def test_expiry_is_strictly_after_valid_until():
    warning = sent_warning(valid_until=rules.iso(T0 + 10 * HOUR))
    assert rules.effective_status(warning, T0 + 10 * HOUR) == "sent"
    assert rules.effective_status(warning, T0 + 10 * HOUR + 1) == "expired"
    # expired: nobody is overdue any more
    assert rules.ack_board(warning, {}, T0 + 30 * HOUR)["counts"]["overdue"] == 0


def test_filter_rows():
    rows = [{"org_id": "A", "sector": "hospital", "region": "Capital Region", "state": "received", "overdue": False},
            {"org_id": "B", "sector": "hospital", "region": "Region Zealand", "state": None, "overdue": True},
            {"org_id": "C", "sector": "gp", "region": "Capital Region", "state": None, "overdue": False}]
    ids = lambda found: [r["org_id"] for r in found]  # noqa: E731
    assert ids(rules.filter_rows(rows, sector="hospital")) == ["A", "B"]
    assert ids(rules.filter_rows(rows, region="Capital Region")) == ["A", "C"]
    assert ids(rules.filter_rows(rows, sector="hospital", region="Capital Region")) == ["A"]
    assert ids(rules.filter_rows(rows, state=rules.STATE_FILTER_OVERDUE)) == ["B"]
    assert ids(rules.filter_rows(rows, state=rules.STATE_FILTER_NOT_ACKNOWLEDGED)) == ["B", "C"]
    assert ids(rules.filter_rows(rows, state="received")) == ["A"]
    assert ids(rules.filter_rows(rows, state=rules.STATE_FILTER_ALL)) == ["A", "B", "C"]


# -- CSV export -------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
    ("+1+1", "'+1+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
    ("  =1", "'  =1"), ("Odense University Hospital", "Odense University Hospital"), ("", ""), (None, ""),
    (42, 42), (True, "yes"), ("Ærø <img src=x>", "Ærø <img src=x>"),
])
def test_neutralise_cell(value, expected):
    assert rules.neutralise_cell(value) == expected


def test_board_csv_neutralises_and_round_trips():
    warning = sent_warning(acks=[{"org_id": "ORG-001", "state": "received", "at": rules.iso(T0 + 90 * 60),
                                  "note": "=cmd|' /C calc'!A0\nsecond line, \"quoted\"", "revision": 1}])
    orgs = {"ORG-001": {"id": "ORG-001", "name": "@evil", "sector": "hospital", "region": "Capital Region"},
            "ORG-002": {"id": "ORG-002", "name": "Næstved Hospital", "sector": "hospital",
                        "region": "Region Zealand"}}
    board = rules.ack_board(warning, orgs, T0 + 30 * HOUR)
    text = rules.board_csv(board)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == list(rules.BOARD_CSV_FIELDS)
    assert len(rows) == 1 + 3
    first = dict(zip(rows[0], rows[1]))
    assert first["name"] == "'@evil"
    assert first["note"] == "'=cmd|' /C calc'!A0\nsecond line, \"quoted\""
    assert first["time_to_acknowledge_minutes"] == "90" and first["overdue"] == "no"
    second = dict(zip(rows[0], rows[2]))
    assert second["name"] == "Næstved Hospital" and second["state"] == "" and second["overdue"] == "yes"
    for row in rows[1:]:
        assert not any(cell[:1] in ("=", "+", "@") for cell in row)
    # the rows shown only, with translated headers
    only = rules.board_csv(board, [board["recipients"][1]], [f"h{i}" for i in range(len(rules.BOARD_CSV_FIELDS))])
    assert len(list(csv.reader(io.StringIO(only)))) == 2


# -- CVEs and text --------------------------------------------------------------------------------

def test_check_cves():
    good, bad = rules.check_cves("cve-2024-3400, CVE-2023-4966;CVE-2024-3400  CVE-24-1 CVE-1998-0001 x", T0)
    assert good == ["CVE-2024-3400", "CVE-2023-4966"]
    assert bad == ["CVE-24-1", "CVE-1998-0001", "x"]
    assert rules.check_cves("", T0) == ([], [])
    assert rules.check_cves("CVE-2027-12345", T0)[0] == ["CVE-2027-12345"]     # next year is allowed
    assert rules.check_cves("CVE-2028-12345", T0)[1] == ["CVE-2028-12345"]


def test_text_problem():
    assert rules.text_problem("", required=True) == "empty"
    assert rules.text_problem("a\nb", required=True, single_line=True) == "control"
    assert rules.text_problem("a\nb\tc", required=True) is None
    assert rules.text_problem("a\x07", required=False) == "control"
    assert rules.text_problem("x" * 301, required=True, single_line=True, limit=300) == "too_long"


# -- stages, sections and what may be done -----------------------------------------------------------

def test_sections():
    now = T0 + HOUR
    s = lambda w: rules.summarise(w, now)  # noqa: E731
    assert s(draft()).in_section(rules.SECTION_AWAITING) and not s(draft()).in_section(rules.SECTION_DRAFTS)
    low = draft(severity="low")
    assert s(low).in_section(rules.SECTION_DRAFTS) and not s(low).in_section(rules.SECTION_AWAITING)
    cosigned = draft(cosigned_by="u-gustav")
    assert s(cosigned).in_section(rules.SECTION_DRAFTS)                # co-signed, ready to send:
    assert not s(cosigned).in_section(rules.SECTION_AWAITING)          # no longer awaiting a co-sign
    queued = rules.summarise(draft(), now, ["cosign"])                 # my co-sign queued a moment ago
    assert not queued.in_section(rules.SECTION_AWAITING)
    sent = sent_warning()
    assert s(sent).in_section(rules.SECTION_SENT) and not s(sent).in_section(rules.SECTION_AWAITING)
    assert rules.summarise(sent, T0 + 25 * HOUR).in_section(rules.SECTION_OVERDUE)
    revising = sent_warning(pending_revision={"number": 2, "summary": "fix", "content": {"title": "VPN 2"},
                                              "prepared_by": "u-gustav", "editors": ["u-gustav"],
                                              "cosigned_by": None})
    assert s(revising).in_section(rules.SECTION_SENT) and s(revising).in_section(rules.SECTION_AWAITING)
    assert s(sent_warning(status="retracted")).in_section(rules.SECTION_RETRACTED)
    assert s(sent_warning(valid_until=rules.iso(T0))).in_section(rules.SECTION_EXPIRED)
    counts = rules.section_counts([s(draft()), s(low), s(sent), s(revising)])
    assert counts[rules.SECTION_ALL] == 4 and counts[rules.SECTION_AWAITING] == 2


def test_cosign_blocks():
    critical = draft()
    assert rules.action_block("cosign", critical, FRIDA, [], T0).code == rules.SELF_COSIGN
    assert rules.action_block("cosign", critical, GUSTAV, [], T0) is None
    edited = draft(editors=["u-frida", "u-gustav"])
    assert rules.action_block("cosign", edited, GUSTAV, [], T0).code == rules.SELF_COSIGN
    assert rules.action_block("cosign", draft(cosigned_by="u-gustav"), GUSTAV, [], T0).code == \
        rules.ALREADY_COSIGNED
    assert rules.action_block("cosign", critical, ADMIN, [], T0).code == rules.NOT_COORDINATOR
    assert rules.action_block("cosign", critical, GUSTAV, [], T0, queued=["cosign"]).code == rules.QUEUED
    assert rules.action_block("cosign", sent_warning(), GUSTAV, [], T0).code == rules.NOT_OPEN
    # a pending revision: its preparer may not co-sign it, the author of the sent text may
    revising = sent_warning(pending_revision={"number": 2, "summary": "fix", "content": {}, "prepared_by": "u-gustav",
                                              "editors": ["u-gustav"], "cosigned_by": None})
    assert rules.action_block("cosign", revising, GUSTAV, [], T0).code == rules.SELF_COSIGN
    assert rules.action_block("cosign", revising, FRIDA, [], T0) is None


def test_send_blocks():
    orgs = [org(1, "hospital", "Capital Region"), org(2, "gp", "Capital Region")]
    block = rules.action_block("send", draft(), FRIDA, orgs, T0)
    assert block.code == rules.COSIGN_REQUIRED and block.facts["severity"] == "critical"
    assert rules.action_block("send", draft(cosigned_by="u-gustav"), FRIDA, orgs, T0) is None
    assert rules.action_block("send", draft(severity="medium"), FRIDA, orgs, T0) is None
    red = draft(severity="medium", tlp="RED")
    assert rules.action_block("send", red, FRIDA, orgs, T0).code == rules.RED_NAMED_ONLY
    red_named = draft(severity="medium", tlp="RED", recipients={"org_ids": ["ORG-001"]})
    assert rules.action_block("send", red_named, FRIDA, orgs, T0) is None
    # RED is reported before the co-sign, as the portal does
    assert rules.action_block("send", draft(tlp="RED"), FRIDA, orgs, T0).code == rules.RED_NAMED_ONLY
    nobody = draft(severity="low", recipients={"sectors": ["care_home"]})
    assert rules.action_block("send", nobody, FRIDA, orgs, T0).code == rules.NO_RECIPIENTS
    past = draft(severity="low", valid_until=rules.iso(T0 - 1))
    assert rules.action_block("send", past, FRIDA, orgs, T0).code == rules.VALID_UNTIL_PASSED
    # a revision of a high warning needs a co-sign even when downgraded to low
    revising = sent_warning(severity="high", pending_revision={
        "number": 2, "summary": "down", "content": {"severity": "low"}, "prepared_by": "u-gustav",
        "editors": ["u-gustav"], "cosigned_by": None})
    block = rules.action_block("send", revising, FRIDA, orgs + [org(3, "gp", "Region Zealand")], T0)
    assert block.code == rules.COSIGN_REQUIRED and block.facts["revision"]


def test_other_blocks():
    assert rules.action_block("edit", draft(), FRIDA, [], T0, online=False).code == rules.OFFLINE
    assert rules.action_block("edit", draft(), GUSTAV, [], T0) is None
    assert rules.action_block("revise", draft(), FRIDA, [], T0).code == rules.NOT_SENT
    assert rules.action_block("revise", sent_warning(), FRIDA, [], T0) is None
    pending = sent_warning(pending_revision={"number": 2, "content": {}})
    assert rules.action_block("revise", pending, FRIDA, [], T0).code == rules.REVISION_PENDING
    assert rules.action_block("retract", sent_warning(), FRIDA, [], T0) is None
    assert rules.action_block("retract", sent_warning(status="retracted"), FRIDA, [], T0).code == rules.NOT_SENT
    assert rules.action_block("discard_revision", sent_warning(), FRIDA, [], T0).code == rules.NO_REVISION
    assert rules.action_block("discard_revision", pending, FRIDA, [], T0, online=False).code == rules.OFFLINE


def test_queued_actions_from_the_outbox():
    rows = [{"state": "queued", "path": "/warnings/W-1/cosign"}, {"state": "sending", "path": "/warnings/W-1/send"},
            {"state": "done", "path": "/warnings/W-2/send"}, {"state": "queued", "path": "/warnings"},
            {"state": "queued", "path": "/applications/A-1/reviews"},
            {"state": "queued", "path": "/warnings/W-3/revisions"}]
    assert rules.queued_actions(rows) == {"W-1": ["cosign", "send"], "W-3": ["revise"]}


def test_bodies():
    warning = draft(version=5, valid_until=rules.iso(T0 + 100 * HOUR))
    form = dict(rules.content_of(warning), title="New title",
                recipients={"org_ids": [], "regions": [], "sectors": ["hospital"]},
                valid_until=rules.iso(T0 + 100 * HOUR))
    assert rules.patch_body(warning, form) == {"title": "New title", "expected_version": 5}
    cleared = dict(form, valid_until=None)
    assert rules.patch_body(warning, cleared)["valid_until"] is None
    revision = rules.revision_body(sent_warning(), dict(rules.content_of(sent_warning()), severity="critical"), "why")
    assert revision == {"summary": "why", "changes": {"severity": "critical"}, "expected_version": 7}
    create = rules.create_body(dict(rules.content_of(draft()), recipients={"sectors": ["gp", "gp"]}))
    assert create["recipients"] == {"sectors": ["gp"], "regions": [], "org_ids": []}
    assert "valid_until" not in create and create["cves"] == []
    pending = sent_warning(version=9, pending_revision={"number": 2, "summary": "old why", "content": {
        **rules.content_of(sent_warning()), "title": "VPN 2"}, "prepared_by": "u-frida", "editors": ["u-frida"]})
    body = rules.patch_body(pending, dict(rules.content_of(sent_warning()), title="VPN 3"), "new why")
    assert body == {"title": "VPN 3", "revision_summary": "new why", "expected_version": 9}


# -- escalation --------------------------------------------------------------------------------------

def test_escalation_notifies_once_per_event():
    tracker = rules.EscalationTracker("u-frida")
    old_overdue = sent_warning(id="W-OLD", ack_due_at=rules.iso(T0 - HOUR))
    fresh = sent_warning(id="W-NEW")
    due = T0 + 24 * HOUR
    assert tracker.check([old_overdue, fresh], T0) == []                 # the first check is the baseline
    assert tracker.check([old_overdue, fresh], due) == []                # at the deadline: in time
    events = tracker.check([old_overdue, fresh], due + 1)
    assert [(e.kind, e.warning_id, e.count) for e in events] == [("overdue", "W-NEW", 3)]
    assert tracker.check([old_overdue, fresh], due + 2) == []            # once
    # a new revision that becomes overdue is a new event
    revised = sent_warning(id="W-NEW", revision=2, ack_revision=2, ack_due_at=rules.iso(due + 10 * HOUR))
    assert tracker.check([old_overdue, revised], due + 5 * HOUR) == []
    assert [e.revision for e in tracker.check([old_overdue, revised], due + 11 * HOUR)] == [2]


def test_escalation_new_critical_from_someone_else():
    tracker = rules.EscalationTracker("u-frida")
    tracker.prime([], T0)
    mine = draft(id="W-MINE", author_id="u-frida")
    theirs = draft(id="W-THEIRS", author_id="u-gustav")
    medium = draft(id="W-MED", author_id="u-gustav", severity="medium")
    events = tracker.check([mine, theirs, medium], T0)
    assert [(e.kind, e.warning_id) for e in events] == [("critical", "W-THEIRS")]
    assert tracker.check([mine, theirs, medium], T0 + 1) == []
    raised = dict(medium, severity="critical")
    assert [e.warning_id for e in tracker.check([mine, theirs, raised], T0 + 2)] == ["W-MED"]
