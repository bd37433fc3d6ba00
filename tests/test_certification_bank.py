"""The certification test's question bank (portal/certification/questions.yaml) and the shared
certification rules (rules/certification.py)."""

import copy
import datetime as dt
import random

import pytest
import yaml

from portal.certification import bank as bank_file
from rules import certification as rule


@pytest.fixture(scope="module")
def raw():
    return yaml.safe_load(bank_file.BANK_FILE.read_text(encoding="utf-8"))


def test_the_bank_file_is_valid(raw):
    assert bank_file.problems(raw) == []
    bank = bank_file.load()
    assert len(bank.questions) >= 30
    counts = {t: sum(q.topic == t for q in bank.questions) for t in bank_file.TOPICS}
    assert min(counts.values()) >= 2, counts       # every topic can be asked more than one way
    for q in bank.questions:
        for lang in ("en", "da"):
            assert len(q.choices[lang]) >= 3 and q.choices[lang][0] not in q.choices[lang][1:]
        # Danish is written, not copied: the texts differ between the languages.
        assert q.text["da"] != q.text["en"] and q.choices["da"][0] != q.choices["en"][0]


@pytest.mark.parametrize("spoil,expected", [
    (lambda d: d["questions"].__delitem__(slice(5, None)), "it needs at least 30"),
    (lambda d: d["questions"][1].__setitem__("id", d["questions"][0]["id"]), "the id is used twice"),
    (lambda d: d["questions"][0]["en"].pop("right"), "the right answer is missing"),
    (lambda d: d["questions"][0]["da"].__setitem__("wrong", ["only one"]), "give 2 to 4 wrong answers"),
    (lambda d: d["questions"][0]["da"]["wrong"].pop(), "same number of wrong answers"),
    (lambda d: d["questions"][0]["en"]["wrong"].__setitem__(0, d["questions"][0]["en"]["right"]),
     "two answers are the same"),
    (lambda d: d["questions"][0].pop("da"), "the 'da' text is missing"),
    (lambda d: d["questions"][0].__setitem__("topic", "gossip"), "unknown topic 'gossip'"),
    (lambda d: d["topics"].pop("sanctions"), "The topic 'sanctions' is missing"),
    (lambda d: d["questions"][0].__setitem__("id", "Has Spaces"), "lower-case letters"),
])
def test_mistakes_in_the_file_are_named(raw, spoil, expected):
    data = copy.deepcopy(raw)
    spoil(data)
    found = bank_file.problems(data)
    assert any(expected in p for p in found), found
    with pytest.raises(bank_file.BankError, match="problems"):
        bank_file.parse(yaml.safe_dump(data, allow_unicode=True))


def test_unreadable_yaml_and_code_in_it_are_refused():
    with pytest.raises(bank_file.BankError, match="not readable YAML"):
        bank_file.parse("questions: [unclosed")
    # The safe loader builds no Python objects from tags.
    with pytest.raises(bank_file.BankError):
        bank_file.parse("!!python/object/apply:os.system ['true']")


def test_a_draw_covers_every_topic_in_a_random_order():
    bank = bank_file.load()
    topics = {q.id: q.topic for q in bank.questions}
    firsts, right_positions = set(), set()
    for seed in range(20):
        drawn = bank.draw(rng=random.Random(seed))
        assert len(drawn) == 10 and len({qid for qid, _ in drawn}) == 10
        assert {topics[qid] for qid, _ in drawn} == set(bank_file.TOPICS)
        firsts.add(drawn[0][0])
        right_positions |= {order.index(0) for _, order in drawn}
        assert all(sorted(order) == list(range(len(order))) for _, order in drawn)
    assert len(firsts) > 5 and right_positions == {0, 1, 2, 3}


def test_the_shared_rules():
    day = dt.date(2026, 3, 1)
    assert rule.is_valid("2026-03-01", day) and not rule.is_valid("2026-02-28", day)
    assert not rule.is_valid(None, day) and not rule.is_valid("soon", day)
    assert rule.days_left("2026-03-21", day) == 20 and rule.days_left("2026-02-19", day) == -10
    assert [rule.reminder((day + dt.timedelta(days=n)).isoformat(), day) for n in (120, 90, 61, 60, 31, 20, 8, 7, 0, -1)] \
        == [None, 90, 90, 60, 60, 30, 30, 7, 7, None]
    assert rule.lapses_within("2026-03-31", day) and not rule.lapses_within("2026-04-01", day)
    assert not rule.lapses_within("2026-02-27", day)
    assert rule.renewed_until(day) == dt.date(2027, 3, 1)
    assert rule.renewed_until(dt.date(2028, 2, 29)) == dt.date(2029, 2, 28)
    assert rule.required_right(10) == 8 and rule.passed(8) and not rule.passed(7)
