"""The question bank of the certification test: read from questions.yaml, checked, drawn from.

The file is edited by people who do not program (its own header says how); `problems`
lists everything wrong with it in plain words, and the portal refuses to start on a
bad bank rather than test people on one. In the file, each question's answers are
written as one `right` and some `wrong`; an attempt shows them in a new random order
and keeps that order to itself, so the key never leaves the portal.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from rules import certification as rule

BANK_FILE = Path(__file__).with_name("questions.yaml")
LANGUAGES = ("en", "da")
MIN_QUESTIONS = 30
TOPICS = ("pseudonymised_data", "discretion", "data_minimisation", "reporting_breaches", "two_factor",
          "account_sharing", "leaving_research_machine", "sanctions")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class BankError(ValueError):
    pass


@dataclass(frozen=True)
class Question:
    id: str
    topic: str
    text: dict          # language -> question text
    choices: dict       # language -> [right answer, wrong answers...] (index 0 is right)


@dataclass(frozen=True)
class Bank:
    topics: dict        # topic -> {language: title}
    questions: tuple

    def by_id(self) -> dict:
        return {q.id: q for q in self.questions}

    def draw(self, count: int = rule.QUESTIONS_PER_ATTEMPT, rng=None) -> list[tuple[str, list[int]]]:
        """`count` questions, at least one from each topic, in a random order, each with its
        choices in a random order: [(question id, [original choice index, ...])]."""
        rng = rng or secrets.SystemRandom()
        by_topic: dict[str, list[Question]] = {}
        for q in self.questions:
            by_topic.setdefault(q.topic, []).append(q)
        picked = [rng.choice(qs) for qs in by_topic.values()][:count]
        rest = [q for q in self.questions if q not in picked]
        picked += rng.sample(rest, max(0, count - len(picked)))
        rng.shuffle(picked)
        drawn = []
        for q in picked:
            order = list(range(len(q.choices[LANGUAGES[0]])))
            rng.shuffle(order)
            drawn.append((q.id, order))
        return drawn


def _text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def problems(data) -> list[str]:
    """Everything wrong with a parsed bank file, as sentences (empty when it is good)."""
    found: list[str] = []
    if not isinstance(data, dict):
        return ["The file must have a 'topics' part and a 'questions' part."]
    topics = data.get("topics")
    if not isinstance(topics, dict):
        found.append("The 'topics' part is missing.")
        topics = {}
    for topic in TOPICS:
        if topic not in topics:
            found.append(f"The topic '{topic}' is missing from 'topics'.")
    for topic, titles in topics.items():
        if topic not in TOPICS:
            found.append(f"Unknown topic '{topic}' (known: {', '.join(TOPICS)}).")
        if not isinstance(titles, dict) or not all(_text(titles.get(lang)) for lang in LANGUAGES):
            found.append(f"The topic '{topic}' needs a title in English (en) and Danish (da).")
    questions = data.get("questions")
    if not isinstance(questions, list):
        return found + ["The 'questions' part is missing."]
    if len(questions) < MIN_QUESTIONS:
        found.append(f"The bank has {len(questions)} questions; it needs at least {MIN_QUESTIONS}.")
    seen: set[str] = set()
    per_topic = {t: 0 for t in TOPICS}
    for n, q in enumerate(questions, start=1):
        where = f"Question {n}"
        if not isinstance(q, dict):
            found.append(f"{where} is not written as a question (id, topic, en, da).")
            continue
        qid = q.get("id")
        if not isinstance(qid, str) or not _ID.match(qid):
            found.append(f"{where}: the id must be lower-case letters, digits and dashes.")
        else:
            where = f"Question '{qid}'"
            if qid in seen:
                found.append(f"{where}: the id is used twice.")
            seen.add(qid)
        if q.get("topic") not in TOPICS:
            found.append(f"{where}: unknown topic '{q.get('topic')}'.")
        else:
            per_topic[q["topic"]] += 1
        wrong_counts = set()
        for lang in LANGUAGES:
            part = q.get(lang)
            if not isinstance(part, dict):
                found.append(f"{where}: the '{lang}' text is missing.")
                continue
            if not _text(part.get("question")):
                found.append(f"{where} ({lang}): the question text is missing.")
            if not _text(part.get("right")):
                found.append(f"{where} ({lang}): the right answer is missing.")
            wrong = part.get("wrong")
            if not isinstance(wrong, list) or not 2 <= len(wrong) <= 4 or not all(_text(w) for w in wrong):
                found.append(f"{where} ({lang}): give 2 to 4 wrong answers, each a text.")
                continue
            wrong_counts.add(len(wrong))
            choices = [str(part.get("right", "")).strip().casefold()] + [w.strip().casefold() for w in wrong]
            if len(set(choices)) != len(choices):
                found.append(f"{where} ({lang}): two answers are the same.")
        if len(wrong_counts) > 1:
            found.append(f"{where}: English and Danish must have the same number of wrong answers.")
    for topic, count in per_topic.items():
        if count == 0:
            found.append(f"No question has the topic '{topic}'.")
    return found


def parse(text: str) -> Bank:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise BankError(f"The question bank is not readable YAML: {exc}") from None
    found = problems(data)
    if found:
        raise BankError("The question bank has problems:\n- " + "\n- ".join(found))
    questions = tuple(
        Question(id=q["id"], topic=q["topic"],
                 text={lang: q[lang]["question"].strip() for lang in LANGUAGES},
                 choices={lang: [q[lang]["right"].strip()] + [w.strip() for w in q[lang]["wrong"]]
                          for lang in LANGUAGES})
        for q in data["questions"])
    topics = {t: {lang: data["topics"][t][lang].strip() for lang in LANGUAGES} for t in TOPICS}
    return Bank(topics=topics, questions=questions)


@lru_cache(maxsize=None)
def load(path: str | None = None) -> Bank:
    return parse(Path(path or BANK_FILE).read_text(encoding="utf-8"))
