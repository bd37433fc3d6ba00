"""Issue 4: the approvals queue's rules, without Qt: who may decide what, and why not."""

from __future__ import annotations

import datetime as dt
import secrets

import pytest

from desktop.models import approvals as q
from desktop.sync.cache import Cache
from desktop.sync.outbox import Outbox

NOW = dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.timezone.utc)
TODAY = NOW.date()
ANNA = {"id": "u-anna", "roles": ["caseworker"], "conflicts": []}
CLARA = {"id": "u-clara", "roles": ["caseworker"], "conflicts": ["Aarhus University"]}
VALID = {"id": "R-1", "name": "Sofie Lauridsen", "institution": "Aalborg University", "certified_until": "2026-12-31"}
LAPSED = {"id": "R-2", "name": "Jonas Kristiansen", "institution": "Aalborg University",
          "certified_until": "2026-03-09"}


def app(app_id="APP-1", **fields):
    data = {"id": app_id, "version": 1, "title": "A study", "status": "submitted", "required_approvals": 2,
            "reviews": [], "applicant_id": "R-1", "institution": "Aalborg University", "registers": ["BEF"],
            "submitted_at": "2026-03-01T08:00:00Z", "round": 1}
    data.update(fields)
    return data


def review(who, decision="approve", round_=1):
    return {"reviewer_id": who, "decision": decision, "comment": "", "at": "2026-03-02T10:00:00Z", "round": round_}


def item(application, me=ANNA, researcher=VALID, **kw):
    return q.queue_item(application, me, researcher=researcher, today=TODAY, now=NOW, **kw)


def codes(it):
    return [b.code for b in it.blocks]


def test_a_fresh_application_is_open_to_every_decision():
    it = item(app())
    assert it.blocks == () and it.reviewable and all(it.may(d) for d in q.DECISIONS)
    assert (it.given, it.required, it.ordinal, it.approve_completes) == (0, 2, 1, False)
    assert it.age_days == 9 and it.sensitive is False and it.certification_valid is True


@pytest.mark.parametrize("registers", [["BEF", "LPR"], ["LMDB"], ["DODSAARS"], ["CAR"], ["PSYK"]])
def test_sensitive_registers_need_three(registers):
    it = item(app(registers=registers, required_approvals=None))
    assert it.sensitive and it.required == 3


def test_the_portals_figure_wins_and_only_this_rounds_approvals_count():
    a = app(required_approvals=3, round=2, status="in_review",
            reviews=[review("u-bent", round_=1), review("u-helle", round_=2), review("u-helle", round_=2)])
    it = item(a)
    assert it.given == 1 and it.ordinal == 2 and it.required == 3 and not it.approve_completes
    assert item(app(reviews=[review("u-bent")], status="in_review")).approve_completes


def test_already_reviewed_in_any_round_blocks_everything():
    a = app(round=2, reviews=[review("u-anna", "return", round_=1)])
    it = item(a)
    assert codes(it) == [q.ALREADY_REVIEWED] and not it.reviewable
    assert it.fully_blocked.facts["decision"] == "return" and it.my_review["decision"] == "return"


def test_conflict_of_interest_blocks_everything_whatever_the_case():
    it = item(app(institution="aarhus university "), me=CLARA)
    assert codes(it) == [q.CONFLICT] and not it.reviewable
    assert item(app(), me=CLARA).reviewable


def test_lapsed_certification_blocks_approve_only():
    it = item(app(applicant_id="R-2"), researcher=LAPSED)
    assert codes(it) == [q.CERTIFICATION]
    assert not it.may("approve") and it.may("reject") and it.may("return") and it.reviewable
    assert it.block_for("approve").facts["until"] == "2026-03-09"
    # certified_until is inclusive, judged on the UTC date
    assert item(app(), researcher=dict(VALID, certified_until="2026-03-10")).may("approve")
    # no researcher record: the portal counts it as lapsed
    assert not item(app(), researcher=None).may("approve")


def test_pending_and_sent_actions_block_a_second_decision():
    pending = {"decision": "approve", "state": "queued", "outbox_id": 7}
    it = item(app(), pending=pending)
    assert codes(it) == [q.PENDING] and not it.reviewable and it.pending["decision"] == "approve"
    assert codes(item(app(), sent=True)) == [q.SENT]


def test_decided_applications_and_non_caseworkers():
    assert codes(item(app(status="approved"))) == [q.NOT_OPEN]
    assert q.CONFLICT not in codes(item(app(), me={"id": "u-x", "roles": ["supervisor"]}))
    assert codes(item(app(), me={"id": "u-x", "roles": ["supervisor"]})) == [q.NOT_CASEWORKER]
    own = item(app(), me=dict(ANNA, researcher_id="R-1"))
    assert codes(own) == [q.OWN_APPLICATION]


def test_several_reasons_are_listed_most_important_first():
    a = app(institution="Aarhus University", applicant_id="R-2", reviews=[review("u-clara")])
    it = item(a, me=CLARA, researcher=LAPSED, pending={"decision": "reject", "state": "sending"})
    assert codes(it) == [q.PENDING, q.ALREADY_REVIEWED, q.CONFLICT, q.CERTIFICATION]


def test_outbox_rows_become_pending_sent_and_refused_marks():
    apps = [app("APP-1"), app("APP-2"), app("APP-3"), app("APP-4", reviews=[review("u-anna")])]
    rows = [
        {"id": 1, "state": "queued", "entity_kind": "application", "entity_id": "APP-1",
         "path": "/applications/APP-1/reviews", "body": {"decision": "approve"}},
        {"id": 2, "state": "done", "entity_kind": "application", "entity_id": "APP-2",
         "path": "/applications/APP-2/reviews", "body": {"decision": "reject"}},
        {"id": 3, "state": "done", "entity_kind": "application", "entity_id": "APP-4",
         "path": "/applications/APP-4/reviews", "body": {"decision": "approve"}},
        {"id": 4, "state": "queued", "entity_kind": "warning", "entity_id": "W-1", "path": "/warnings/W-1/cosign"},
    ]
    attention = [{"id": 9, "entity_kind": "application", "entity_id": "APP-3", "code": "version_conflict",
                  "resolved": False}]
    items = q.build_queue(apps, ANNA, researchers={"R-1": VALID}, today=TODAY, now=NOW, outbox_rows=rows,
                          attention_rows=attention)
    by_id = {i.id: i for i in items}
    assert [i.id for i in items] == ["APP-1", "APP-2", "APP-3", "APP-4"]
    assert codes(by_id["APP-1"]) == [q.PENDING]
    assert codes(by_id["APP-2"]) == [q.SENT]                    # accepted, not pulled yet
    assert by_id["APP-3"].reviewable and by_id["APP-3"].refused["code"] == "version_conflict"
    assert codes(by_id["APP-4"]) == [q.ALREADY_REVIEWED]        # pulled: the review shows, no "sent" mark


def test_next_reviewable_skips_blocked_and_wraps():
    apps = [app("A"), app("B", reviews=[review("u-anna")]), app("C"), app("D", status="approved")]
    items = {i.id: i for i in q.build_queue(apps, ANNA, researchers={"R-1": VALID}, today=TODAY, now=NOW)}
    ids = list(items)
    assert q.next_reviewable(ids, items, "A") == "C"
    assert q.next_reviewable(ids, items, "C") == "A"            # wraps round
    assert q.next_reviewable(ids, items, None) == "A"
    assert q.next_reviewable(ids, items, "gone") == "A"
    assert q.next_reviewable(["A"], {"A": items["A"]}, "A") == "A"
    assert q.next_reviewable(["B", "D"], items, "B") is None
    assert [i for i in ids if q.keep(items[i], q.SHOW_BLOCKED)] == ["B", "D"]
    assert [i for i in ids if q.keep(items[i], q.SHOW_REVIEWABLE)] == ["A", "C"]


def test_review_body_needs_a_reason_for_reject_and_return():
    assert q.review_body(app(version=4), "approve") == {"decision": "approve", "comment": "", "expected_version": 4}
    assert q.review_body(app(), "return", "  Say why.\n")["comment"] == "Say why."
    for decision in ("reject", "return"):
        with pytest.raises(ValueError):
            q.review_body(app(), decision, "   \n")
    with pytest.raises(ValueError):
        q.review_body(app(), "approve-all")


def test_age_and_certification_parsing():
    assert q.age_days("2026-03-10T11:00:00+00:00", NOW) == 0
    assert q.age_days("2026-02-08", NOW) == 30
    assert q.age_days("garbage", NOW) is None and q.age_days(None, NOW) is None
    assert q.certification({"certified_until": "2026-03-10T00:00:00Z"}, TODAY) == (True, "2026-03-10")
    assert q.certification({"certified_until": "soon"}, TODAY) == (None, None)
    assert q.certification(None, TODAY) == (None, None)


# -- against a real (encrypted) cache and outbox -------------------------------------

@pytest.fixture
def cache(tmp_path):
    c = Cache.open(tmp_path / "cache.db", secrets.token_bytes(32))
    yield c
    c.close()


def feed(cache, *docs):
    cache.apply_page([{"seq": n, "entity": kind, "id": d["id"], "data": d} for n, (kind, d) in enumerate(docs, 1)],
                     len(docs))


def test_queue_from_the_cache_oldest_first_open_only(cache):
    feed(cache, ("researcher", VALID), ("researcher", LAPSED),
         ("staff", {"id": "u-clara", "username": "clara", "roles": ["caseworker"], "conflicts": ["Aarhus University"]}),
         ("application", app("APP-1", submitted_at="2026-03-05T00:00:00Z")),
         ("application", app("APP-2", submitted_at="2026-02-01T00:00:00Z", institution="Aarhus University")),
         ("application", app("APP-3", submitted_at="2026-02-20T00:00:00Z", status="in_review", applicant_id="R-2")),
         ("application", app("APP-4", submitted_at="2026-01-01T00:00:00Z", status="approved")))
    outbox = Outbox(cache)
    queue = q.ApprovalQueue(cache, outbox, {"id": "u-clara", "roles": ["caseworker"]})
    assert queue.ids() == ["APP-2", "APP-3", "APP-1"]
    assert queue.ids(descending=True) == ["APP-1", "APP-3", "APP-2"]
    items = {i.id: i for i in queue.items(queue.ids(), now=NOW)}
    assert [b.code for b in items["APP-2"].blocks] == [q.CONFLICT]
    assert items["APP-3"].block_for("approve").code == q.CERTIFICATION
    assert items["APP-3"].applicant_name == LAPSED["name"]

    row = queue.decide("APP-1", "approve", "", "Approve APP-1", expected_version=1)
    assert row["body"] == {"decision": "approve", "comment": "", "expected_version": 1}
    assert row["path"] == "/applications/APP-1/reviews" and row["entity_id"] == "APP-1"
    assert queue.item("APP-1", now=NOW).pending["decision"] == "approve"
    with pytest.raises(ValueError, match="pending"):
        queue.decide("APP-1", "reject", "No.", "Reject APP-1")          # one at a time
    with pytest.raises(ValueError, match="conflict"):
        queue.decide("APP-2", "return", "Why.", "Return APP-2")
    with pytest.raises(ValueError, match="changed"):
        queue.decide("APP-3", "return", "Why.", "Return APP-3", expected_version=0)
    assert outbox.pending_count() == 1
