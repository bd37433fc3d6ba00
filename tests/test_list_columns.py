"""Lists give the main column the room, size the others to what they hold, elide in the middle,
and remember each person's own widths."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from tests.client_helpers import sign_in_through_dialog, wait_for_sync


def test_lists_fit_their_columns_and_remember_each_users_widths(qtbot, portal, tmp_path, desk_factory):
    desk = desk_factory(portal, tmp_path)
    sign_in_through_dialog(qtbot, desk, portal, "anna")
    wait_for_sync(qtbot, desk)
    desk.window.resize(1366, 768)
    view = desk.window.open_page("approvals")
    table, fit = view.table, view.column_fit
    qtbot.waitUntil(lambda: table.isVisible() and table.viewport().width() > 300)
    header = table.horizontalHeader()
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert header.sectionSize(fit.main) >= fit.main_min                 # never a title of a few letters
    for column in fit.samples:                                          # no header cut ("nstitutio")
        assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width()
    default_width = header.sectionSize(2)

    header.resizeSection(2, default_width + 90)                        # Anna widens Institution
    qtbot.waitUntil(lambda: "anna" in json.loads(desk.settings.get("tables/layouts") or "{}"), timeout=5000)
    desk.sign_out(wipe=False)
    qtbot.waitUntil(lambda: desk.dialog is not None and desk.dialog.isVisible(), timeout=10000)
    sign_in_through_dialog(qtbot, desk, portal, "bent")
    qtbot.waitUntil(lambda: desk.window is not None, timeout=30000)
    desk.window.resize(1366, 768)
    view = desk.window.open_page("approvals")
    qtbot.waitUntil(lambda: view.table.isVisible() and view.table.viewport().width() > 300)
    assert abs(view.table.horizontalHeader().sectionSize(2) - default_width) <= 2    # Bent's own, not Anna's
    desk.sign_out(wipe=False)
    qtbot.waitUntil(lambda: desk.dialog is not None and desk.dialog.isVisible(), timeout=10000)
    sign_in_through_dialog(qtbot, desk, portal, "anna")
    qtbot.waitUntil(lambda: desk.window is not None, timeout=30000)
    view = desk.window.open_page("approvals")
    qtbot.waitUntil(lambda: view.table.isVisible())
    assert abs(view.table.horizontalHeader().sectionSize(2) - (default_width + 90)) <= 2
