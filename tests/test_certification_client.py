"""Everyone is certified (desktop): the own status in the status bar, the reminder banner,
the test taken in the app with the keyboard, and a lapsed user's greyed decisions.

A real portal and the real client (pytest-qt, offscreen). lise (supervisor) lapses in
20 days: she passes and her status moves a year on. karl (caseworker) lapsed 10 days
ago: he fails in Danish, sees the topics to re-read, and stays blocked.
"""

from __future__ import annotations

import datetime as dt
import gc

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.app import install_translations
from desktop.models import labels
from portal.certification import bank as bank_file
from rules import certification as rule
from tests.client_helpers import sign_in_through_dialog, start_client, wait_for_sync

BANK = bank_file.load()
RIGHT = {q.id: q.choices for q in BANK.questions}     # language -> [right, wrong...]


@pytest.fixture
def desks(qtbot):
    started = []

    def make(portal, data_dir, username, *extra):
        desk = start_client(qtbot, portal, data_dir, *extra)
        started.append(desk)
        sign_in_through_dialog(qtbot, desk, portal, username)
        wait_for_sync(qtbot, desk)
        desk.window.show()
        return desk

    yield make
    for desk in started:
        desk.shutdown()


@pytest.fixture
def danish(qapp):
    """The user interface in Danish for one test (as `--lang da` gives when the app starts)."""
    before, locale = set(qapp.findChildren(QTranslator)), QLocale()
    assert install_translations(qapp, "da") == "da"
    yield
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def activate(qtbot, window):
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        window.windowHandle().requestActivate()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def open_test(qtbot, desk):
    presence = desk.window.certification
    qtbot.mouseClick(presence.indicator.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: presence.dialog is not None and presence.dialog.isVisible())
    dialog = presence.dialog
    activate(qtbot, dialog)
    qtbot.keyClick(dialog.begin_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.attempt is not None, timeout=15000)
    return dialog


def answer_all(qtbot, dialog, language, right: bool):
    """One question at a time, with the keyboard: a number key, then Enter."""
    questions = dialog.attempt["questions"]
    for number, q in enumerate(questions):
        assert dialog.counter.text().startswith(("Question", "Spørgsmål")) and str(number + 1) in dialog.counter.text()
        assert dialog.question.text() == q["text"]
        correct = q["choices"].index(RIGHT[q["id"]][language][0])
        choice = correct if right else (correct + 1) % len(q["choices"])
        qtbot.keyClick(QApplication.focusWidget(), str(choice + 1))
        assert dialog.answers[q["id"]] == choice
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=15000)
    return dialog.result


def test_lise_is_reminded_passes_and_moves_a_year_on(qtbot, portal, desks, tmp_path):
    desk = desks(portal, tmp_path / "lise", "lise")
    presence = desk.window.certification
    assert "20" in presence.indicator.label.text() and presence.indicator.test_button.isVisible()
    assert presence.banner.isVisible() and presence.banner.later_button.isVisible()     # a banner, not a modal
    assert "20" in presence.banner.text.text()
    assert QApplication.activeModalWidget() is None
    # Her decisions are open while she is certified.
    view = desk.window.open_page("outputs")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    assert not view.queue.me().get("certification_lapsed")

    dialog = open_test(qtbot, desk)
    assert dialog.attempt["language"] == "en" and len(dialog.attempt["questions"]) == 10
    assert dialog.time_left.text().startswith("Time left: 29:") or dialog.time_left.text().startswith("Time left: 30:")
    result = answer_all(qtbot, dialog, "en", right=True)
    year = rule.renewed_until(dt.datetime.now(dt.timezone.utc).date()).isoformat()
    assert result["passed"] is True and result["certified_until"] == year
    assert dialog.pages.currentIndex() == 2 and dialog.verdict.text().endswith("Passed")
    assert labels.local_date(year) in dialog.result_text.text()
    # The status bar moves a year on; the sync brings the portal's record; no reminder any more.
    qtbot.waitUntil(lambda: labels.local_date(year) in presence.indicator.label.text())
    qtbot.waitUntil(lambda: (desk.workspace.cache.get("staff", "u-lise") or {}).get("certified_until") == year,
                    timeout=30000)
    assert not presence.banner.isVisible() and not presence.indicator.test_button.isVisible()
    dialog.close_button.click()


def test_karl_is_blocked_fails_sees_topics_and_stays_blocked(qtbot, portal, desks, tmp_path, danish):
    desk = desks(portal, tmp_path / "karl", "karl")
    presence = desk.window.certification
    assert presence.banner.isVisible() and not presence.banner.later_button.isVisible()   # a lapse is not put away
    assert presence.indicator.test_button.isVisible()
    # He reads the queue, but every decision control is greyed with the reason.
    view = desk.window.open_page("approvals")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)

    def blocked():
        for number in range(min(view.model.rowCount(), 5)):
            item = view.model.item(number)
            view.select(item.id)
            assert all(not b.isEnabled() for b in view.buttons.values()), item.id
            tips = {b.toolTip() for b in view.buttons.values()}
            assert len(tips) == 1 and "certificering" in tips.pop().lower()
        assert view.reason.isVisible() and "certificering" in view.reason.text().lower()

    blocked()
    dialog = open_test(qtbot, desk)
    assert dialog.attempt["language"] == "da"
    result = answer_all(qtbot, dialog, "da", right=False)
    assert result["passed"] is False and result["score"] == 0
    titles = [t["title"] for t in result["topics_to_reread"]]
    assert set(titles) == {BANK.topics[t]["da"] for t in bank_file.TOPICS}
    assert all(title in dialog.topics.text() for title in titles)
    shown = dialog.result_text.text() + dialog.topics.text()
    assert not any(RIGHT[q["id"]]["da"][0] in shown for q in dialog.attempt["questions"])   # no answers given away
    dialog.close_button.click()
    # Still lapsed, still blocked.
    assert presence.banner.isVisible() and presence.status().lapsed
    view.refresh()
    blocked()


def test_caseworkers_see_applicants_lapsing_within_30_days(qtbot, portal, desks, tmp_path):
    desk = desks(portal, tmp_path / "anna", "anna")
    view = desk.window.open_page("applications")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    everything = view.model.rowCount()
    column = next(n for n, c in enumerate(view.model.columns) if c.key == "certified_until")
    today = dt.datetime.now(dt.timezone.utc).date()
    researchers = {i: d for (kind, i), d in portal.all_changes("anna").items() if kind == "researcher"}
    soon = {i for i, r in researchers.items() if rule.lapses_within(r["certified_until"], today)}
    assert soon      # the demo has applicants lapsing within 30 days
    view.lapsing.setChecked(True)
    qtbot.waitUntil(lambda: 0 < view.model.rowCount() < everything)
    for row in range(view.model.rowCount()):
        app = view.model.row(row)
        assert app["applicant_id"] in soon
        left = rule.days_left(researchers[app["applicant_id"]]["certified_until"], today)
        assert view.model.index(row, column).data().startswith(f"⚠ {left} day")
    view.lapsing.setChecked(False)
    qtbot.waitUntil(lambda: view.model.rowCount() == everything)


def test_the_dashboard_shows_lapses_coming_to_supervisors(qtbot, portal, desks, tmp_path):
    desk = desks(portal, tmp_path / "dorte", "dorte")
    view = desk.window.open_page("dashboard")
    card = view.lapses
    assert card is not None
    qtbot.waitUntil(lambda: any(lapse.name == "Karl Iversen" for lapse in card.lapses))
    by_name = {lapse.name: lapse for lapse in card.lapses}
    assert by_name["Karl Iversen"].days_left == -10 and by_name["Karl Iversen"].kind == "staff"
    assert "Lise Brandt" in by_name or portal_lise_renewed(portal)
    assert any(lapse.kind == "researcher" for lapse in card.lapses)
    days = [lapse.days_left for lapse in card.lapses]
    assert days == sorted(days)                      # soonest (and lapsed) first
    assert card.table.rowCount() == len(card.lapses) and card.table.item(0, 0).text() == card.lapses[0].name
    assert "Anna Holm" not in by_name                # certified for long: not listed
    # No chart left rendering when the client closes: a render cut short by the shutdown would
    # leave the collector paused for the tests after this one.
    desk.window.sync.stop()
    qtbot.waitUntil(lambda: view.is_drawn() and gc.isenabled(), timeout=60000)


def portal_lise_renewed(portal) -> bool:
    staff = {s["username"]: s for (kind, _), s in portal.all_changes("anna").items() if kind == "staff"}
    return rule.days_left(staff["lise"]["certified_until"], dt.datetime.now(dt.timezone.utc).date()) > 300


def test_caseworkers_do_not_get_the_lapses_card(qtbot, portal, desks, tmp_path):
    desk = desks(portal, tmp_path / "bent", "bent")
    assert desk.window.open_page("dashboard").lapses is None
