"""The desktop's side of certification, without Qt: the own status and reminders, the lapses
listed on the dashboard, and the decisions a lapsed user's queues grey out."""

import datetime as dt

from desktop.models import approvals, certification, outputs
from desktop.models import warnings as warning_rules
from rules import certification as rule

TODAY = dt.date(2026, 3, 10)


def test_own_status_and_reminders():
    assert certification.status_of("2026-03-30", TODAY) == certification.Status("2026-03-30", True, 20, 30)
    assert certification.status_of("2026-06-08", TODAY).reminder == 90
    assert certification.status_of("2027-03-10", TODAY).reminder is None
    lapsed = certification.status_of("2026-02-28", TODAY)
    assert lapsed.lapsed and lapsed.days_left == -10 and lapsed.reminder is None
    assert certification.status_of(None, TODAY).lapsed


class FakeCache:
    def __init__(self, **records):
        self.records = records

    def get(self, kind, entity_id):
        return self.records.get(f"{kind}:{entity_id}")


def test_own_record_staff_first_then_researcher():
    cache = FakeCache(**{"staff:u-karl": {"id": "u-karl", "certified_until": "2026-02-28"},
                         "researcher:R-1": {"id": "R-1", "certified_until": "2027-01-01"}})
    assert certification.own_until(cache, {"id": "u-karl", "researcher_id": "R-1"}) == "2026-02-28"
    assert certification.own_until(cache, {"id": "u-rikke", "researcher_id": "R-1"}) == "2027-01-01"
    assert certification.own_known(cache, {"id": "u-karl"})
    assert not certification.own_known(FakeCache(**{"staff:u-old": {"id": "u-old"}}), {"id": "u-old"})
    assert not certification.own_known(FakeCache(), {"id": "u-new"})


def test_lapses_coming_soonest_first():
    staff = [{"id": "u-karl", "display_name": "Karl", "certified_until": "2026-02-28"},
             {"id": "u-lise", "display_name": "Lise", "certified_until": "2026-03-30"},
             {"id": "u-anna", "display_name": "Anna", "certified_until": "2027-02-01"},
             {"id": "u-new", "display_name": "New", "certified_until": None}]
    researchers = [{"id": "R-1", "name": "Ida", "certified_until": "2026-03-22"}]
    lapses = certification.coming_lapses(staff, researchers, TODAY, within=90)
    assert [(x.name, x.kind, x.days_left) for x in lapses] == [
        ("New", "staff", None), ("Karl", "staff", -10), ("Ida", "researcher", 12), ("Lise", "staff", 20)]


def test_a_lapsed_caseworker_can_take_no_decision():
    me = {"id": "u-karl", "roles": ["caseworker"], "conflicts": [],
          **certification.decider_facts({"certified_until": "2026-02-28"}, TODAY)}
    app = {"id": "APP-1", "version": 1, "status": "submitted", "required_approvals": 2, "reviews": [],
           "applicant_id": "R-1", "institution": "Aalborg University", "registers": ["BEF"], "round": 1}
    researcher = {"id": "R-1", "certified_until": "2026-12-31"}
    blocks = approvals.blocks_for(app, me, researcher=researcher, today=TODAY)
    assert blocks[0].code == approvals.OWN_CERTIFICATION == "own_certification_expired"
    assert blocks[0].blocks_all and blocks[0].facts["until"] == "2026-02-28"
    valid = dict(me, **certification.decider_facts({"certified_until": "2026-03-10"}, TODAY))
    assert approvals.blocks_for(app, valid, researcher=researcher, today=TODAY) == ()
    # No date in the offline copy (before the first sync, an older portal): the portal decides.
    assert certification.decider_facts({"id": "u-karl"}, TODAY) == {}
    assert certification.decider_facts(None, TODAY) == {}


def test_a_lapsed_supervisor_releases_and_withholds_nothing():
    me = {"id": "u-lise", "roles": ["supervisor"], **certification.decider_facts({"certified_until": "2026-03-09"},
                                                                                TODAY)}
    output = {"id": "OUT-1", "status": "held", "researcher_id": "R-1", "reviews": [], "check": {"verdict": "pass"}}
    blocks = outputs.blocks_for(output, me)
    assert blocks[0].code == outputs.OWN_CERTIFICATION and blocks[0].blocks_all


def test_a_lapsed_coordinator_may_draft_but_not_cosign_or_send():
    me = {"id": "u-gustav", "roles": ["coordinator"],
          **certification.decider_facts({"certified_until": "2026-03-09"}, TODAY)}
    warning = {"id": "W-1", "status": "draft", "severity": "low", "tlp": "GREEN", "author_id": "u-frida",
               "recipients": {"sectors": ["hospital"], "regions": [], "org_ids": []}, "title": "t", "summary": "s",
               "body": "b", "ack_hours": 24, "cves": []}
    now = dt.datetime(2026, 3, 10, tzinfo=dt.timezone.utc).timestamp()
    for action in ("cosign", "send"):
        block = warning_rules.action_block(action, warning, me, [], now)
        assert block is not None and block.code == warning_rules.OWN_CERTIFICATION, action
    assert warning_rules.action_block("edit", warning, me, [], now) is None
    assert rule.REMINDER_DAYS == (90, 60, 30, 7)
