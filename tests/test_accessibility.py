"""Issue 10: accessible. Every interactive widget of every view has an accessible name and is
reachable with Tab; the keyboard focus is visible; the style follows a dark palette and the
system's font size; the shortcuts are listed in the help.

The widget walk covers the sign-in dialog (demo and normal), the workspace of anna (caseworker),
dorte (supervisor), frida (coordinator), admin and helle (caseworker and supervisor) with every
page they have, and the dialogs the File and Help menus open (settings, keyboard shortcuts,
about, monthly report).
"""

from __future__ import annotations

import os
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QApplication, QCalendarWidget,
                               QCheckBox, QComboBox, QDialog, QFrame, QHeaderView, QLabel, QLineEdit, QMenu,
                               QPlainTextEdit, QPushButton, QScrollBar, QTabBar, QTextEdit, QVBoxLayout, QWidget)

from desktop import theme
from desktop.app import RESOURCES
from tests.client_helpers import sign_in_through_dialog, start_client, wait_for_sync

CHECKED = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QTextEdit, QPlainTextEdit, QAbstractSpinBox,
           QCheckBox)
# Qt's own parts of a composite widget: named and focused through their owner.
OWNERS = (QComboBox, QAbstractSpinBox, QTabBar, QCalendarWidget, QScrollBar, QLineEdit, QMenu)
INTERNAL_CLASSES = {"QTableCornerButton", "QLineEditIconButton", "QComboBoxListView", "QCalendarView"}
ROLES = ["anna", "dorte", "frida", "admin", "helle"]
# Methods of pages that open a dialog (when the role and the selected case allow it).
PAGE_DIALOGS = [("compose_new", ()), ("start_decision", ("approve",)), ("start_decision", ("reject",)),
                ("start_decision", ("release",)), ("start_decision", ("withhold",)), ("request_sample", ()),
                ("show_overview", ())]


def open_dialogs() -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


# -- the walk ---------------------------------------------------------------------------------------
def is_internal(widget: QWidget, root: QWidget) -> bool:
    if widget.objectName().startswith("qt_") or widget.objectName() == "focusRing":
        return True
    if isinstance(widget, QHeaderView) or widget.metaObject().className() in INTERNAL_CLASSES:
        return True
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, OWNERS):
            return True
        parent = parent.parentWidget()
    return widget.window().windowType() == Qt.WindowType.Popup


def accessible_name(widget: QWidget, root: QWidget) -> str:
    """Own name, else a label that is the widget's buddy, else (buttons) the visible text."""
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    for label in root.window().findChildren(QLabel):
        if label.buddy() is widget and label.text().strip():
            return label.text().replace("&", "").strip()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text().replace("&", "").strip()
    return ""


def describe(widget: QWidget, root: QWidget) -> str:
    path = []
    node = widget
    while node is not None and node is not root and len(path) < 4:
        path.append(node.objectName() or node.metaObject().className())
        node = node.parentWidget()
    text = ""
    if isinstance(widget, QAbstractButton):
        text = f" text={widget.text()!r}"
    elif isinstance(widget, QLineEdit):
        text = f" placeholder={widget.placeholderText()!r}"
    elif widget.toolTip():
        text = f" tooltip={widget.toolTip()!r}"
    return f"{widget.metaObject().className()} [{' < '.join(path)}]{text}"


def inside(widget: QWidget, container: QWidget) -> bool:
    while widget is not None:
        if widget is container:
            return True
        widget = widget.parentWidget()
    return False


def audit(root: QWidget, where: str, skip: QWidget | None = None) -> list[str]:
    """Every checked widget under root (shown or not) without a name or out of the Tab order."""
    problems = []
    widgets = [root] + root.findChildren(QWidget)
    for widget in widgets:
        if not isinstance(widget, CHECKED) or is_internal(widget, root):
            continue
        if skip is not None and inside(widget, skip):
            continue
        if not accessible_name(widget, root):
            problems.append(f"{where}: no accessible name: {describe(widget, root)}")
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            problems.append(f"{where}: not reachable with Tab (focus policy {widget.focusPolicy().name}): "
                            f"{describe(widget, root)}")
    return problems


def checked_widgets(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if isinstance(w, CHECKED) and not is_internal(w, root)]


@pytest.fixture
def desks(qtbot):
    started = []
    yield started
    for desk in started:
        desk.shutdown()


@pytest.fixture
def styled(qapp):
    """The application's style sheet and focus ring, as main() applies them; removed afterwards."""
    old_sheet, old_palette, old_font = qapp.styleSheet(), qapp.palette(), qapp.font()
    theme.apply(qapp, RESOURCES)
    yield qapp
    theme.remove(qapp)
    qapp.setPalette(old_palette)
    qapp.setFont(old_font)
    qapp.setStyleSheet(old_sheet)


# -- sign-in ------------------------------------------------------------------------------------
def test_sign_in_dialog_names_and_tab_order(qtbot, portal, tmp_path, desks, styled):
    from desktop.views.sign_in import SignInDialog
    desk = start_client(qtbot, portal, tmp_path)
    desks.append(desk)
    problems = audit(desk.dialog, "sign-in")
    demo = SignInDialog(desk.sessions, demo=True, username="anna")
    qtbot.addWidget(demo)
    problems += audit(demo, "sign-in (demo)")
    assert not problems, "\n".join(problems)

    # Tab visits every control that can be used, in a loop, with the focus ring on each.
    demo.show()
    demo.activateWindow()
    qtbot.waitUntil(demo.isActiveWindow)
    qtbot.mouseClick(demo.demo_code, Qt.MouseButton.LeftButton)          # fills the code and password
    qtbot.waitUntil(demo.sign_in_button.isEnabled)
    demo.username.setFocus()
    usable = {w for w in checked_widgets(demo) if w.isVisible() and w.isEnabled()}
    seen, rings = [], 0
    for _ in range(len(usable) + 3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
        rings += theme.focus_ring() is not None and theme.focus_ring().parent() is QApplication.focusWidget()
    missing = [describe(w, demo) for w in usable if w not in seen]
    assert not missing, f"not reachable with Tab: {missing}"
    assert rings == len(seen), "every control reached by Tab shows the focus ring"
    demo.close()


# -- the workspace, every page, every role ------------------------------------------------------------
@pytest.mark.parametrize("username", ROLES)
def test_every_page_and_dialog_is_named_and_tab_reachable(qtbot, portal, tmp_path, desks, username):
    desk = start_client(qtbot, portal, tmp_path)
    desks.append(desk)
    sign_in_through_dialog(qtbot, desk, portal, username)
    wait_for_sync(qtbot, desk)
    window = desk.window
    assert window.page_keys, "every role has pages"
    problems = []
    for row, key in enumerate(window.page_keys):
        window.nav.setCurrentRow(row)
        page = window.pages[key]
        qtbot.waitUntil(page.isVisible)
        problems += audit(page, f"{username}/{key}")
    problems += audit(window, f"{username}/window", skip=window.stack)      # navigation, status bar

    # the dialogs a page opens (compose a warning, a reason for a decision, a sample, the overview)
    opened = []
    for key in window.page_keys:
        page = window.open_page(key)
        for opener, args in PAGE_DIALOGS:
            method = getattr(page, opener, None)
            if not callable(method):
                continue
            before = set(open_dialogs())
            method(*args)
            for dialog in set(open_dialogs()) - before:
                problems += audit(dialog, f"{username}/{key}/{opener}{args}")
                opened.append(f"{key}/{opener}{args}")
                dialog.reject()

    window.show_settings()
    problems += audit(window.settings_dialog, f"{username}/settings")
    window.settings_dialog.reject()
    window.show_shortcuts()
    problems += audit(window.shortcuts_dialog, f"{username}/shortcuts")
    window.shortcuts_dialog.reject()
    window.show_about()
    problems += audit(window.about_dialog, f"{username}/about")
    window.about_dialog.reject()
    window.monthly_report()
    problems += audit(window.report_dialog, f"{username}/monthly report")
    window.report_dialog.reject()
    problems = list(dict.fromkeys(problems))
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
    assert opened or username == "admin", "the pages' own dialogs were opened and walked"
    print(username, "page dialogs walked:", opened)


def test_shortcuts_help_lists_menus_and_page_keys(qtbot, portal, tmp_path, desks):
    desk = start_client(qtbot, portal, tmp_path)
    desks.append(desk)
    sign_in_through_dialog(qtbot, desk, portal, "helle")
    wait_for_sync(qtbot, desk)
    window = desk.window
    window.open_page("approvals")
    window.show_shortcuts()
    rows = window.shortcuts_dialog.rows()
    keys = {k for _section, k, _what in rows}
    assert {"F5", "Ctrl+1", "Ctrl+F", "F1", "Ctrl+,"} <= keys, keys
    sections = [s for s, _k, _w in rows]
    assert any("(" in s for s in sections[:1] + sections), "the open page's keys are marked"
    # the open page's own keys (approve, reject …) are there, and those of the other pages helle has
    assert any(k.startswith("A") for _s, k, _w in rows) and any("R" in k for _s, k, _w in rows)
    window.shortcuts_dialog.reject()

    # Ctrl+F puts the focus in the page's search field
    window.open_page("applications")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.pages["applications"].search)


# -- visible focus ------------------------------------------------------------------------------------
def highlight_pixels(widget: QWidget, colour: QColor) -> int:
    image = widget.grab().toImage()
    target = colour.rgb() & 0xFFFFFF
    count = 0
    for x in range(image.width()):
        for y in (0, 1, image.height() - 2, image.height() - 1):
            if image.pixel(x, y) & 0xFFFFFF == target:
                count += 1
    return count


def test_keyboard_focus_is_drawn_as_a_ring(qtbot, styled):
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    first, button, field = QLineEdit("first"), QPushButton("Button"), QLineEdit("field")
    for w in (first, button, field):
        layout.addWidget(w)
    host.show()
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    highlight = QApplication.palette().color(QPalette.ColorRole.Highlight)
    before = highlight_pixels(button, highlight)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    qtbot.waitUntil(button.hasFocus)
    assert theme.focus_ring() is not None and theme.focus_ring().parent() is button
    after = highlight_pixels(button, highlight)
    assert after >= before + button.width(), (before, after)      # a solid line along top and bottom
    qtbot.keyClick(button, Qt.Key.Key_Tab)
    qtbot.waitUntil(field.hasFocus)
    assert theme.focus_ring().parent() is field
    assert highlight_pixels(button, highlight) == before          # the ring moved on


# -- light and dark palettes, font size -------------------------------------------------------------------
def dark_palette() -> QPalette:
    p = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#202124", QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#171717", QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#e8eaed", QPalette.ColorRole.Button: "#303134",
        QPalette.ColorRole.ButtonText: "#e8eaed", QPalette.ColorRole.Highlight: "#8ab4f8",
        QPalette.ColorRole.HighlightedText: "#202124", QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.Mid: "#5f6368", QPalette.ColorRole.Midlight: "#3c4043",
        QPalette.ColorRole.Light: "#5f6368", QPalette.ColorRole.Dark: "#101010",
        QPalette.ColorRole.ToolTipBase: "#303134", QPalette.ColorRole.ToolTipText: "#e8eaed",
    }
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    return p


def label_colour(name: str, state: str | None = None) -> QColor:
    label = QLabel("text")
    label.setObjectName(name)
    if state:
        label.setProperty("state", state)
    label.ensurePolished()
    colour = label.palette().color(QPalette.ColorRole.WindowText)
    label.deleteLater()
    return colour


COLOURED = [("muted", None), ("error", None), ("onlineIndicator", "online"), ("onlineIndicator", "offline"),
            ("onlineIndicator", "auth")]


def test_style_sheet_has_no_hard_coded_colours():
    """Colours in resources/style.qss are palette roles (or a faint tint), so a dark palette never
    meets a light background or dark text hard-coded for a light one."""
    with open(os.path.join(RESOURCES, "style.qss"), encoding="utf-8") as f:
        sheet = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
    bad = []
    for prop, value in re.findall(r"([a-z-]*(?:color|background|border[a-z-]*))\s*:\s*([^;}]+)", sheet):
        for colour in re.findall(r"#[0-9a-fA-F]{3,8}\b|rgba?\([^)]*\)|\b(?:white|black|gray|grey)\b", value):
            alpha = re.match(r"rgba\([^,]+,[^,]+,[^,]+,\s*([\d.]+)\)", colour)
            if alpha and float(alpha.group(1)) <= 0.2:
                continue
            bad.append(f"{prop}: {value.strip()}")
    assert not bad, "hard-coded colours in style.qss (use palette(...) roles):\n" + "\n".join(bad)


@pytest.mark.parametrize("palette_name", ["light", "dark"])
def test_text_colours_are_readable_on_light_and_dark_palettes(qtbot, styled, palette_name):
    palette = dark_palette() if palette_name == "dark" else QApplication.style().standardPalette()
    styled.setPalette(palette)
    qtbot.waitUntil(lambda: theme.muted_colour(palette).name() in styled.styleSheet())   # rebuilt for it
    window, base = palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base)
    for name, state in COLOURED:
        colour = label_colour(name, state)
        assert theme.contrast(colour, window) >= 4.5, (name, state, colour.name(), window.name())
        assert theme.contrast(colour, base) >= 4.5 or name == "onlineIndicator", (name, colour.name(), base.name())

    card = QFrame()
    card.setObjectName("card")
    card.resize(80, 40)
    qtbot.addWidget(card)
    image = card.grab().toImage()
    centre = QColor(image.pixel(40, 20))
    assert abs(centre.lightness() - base.lightness()) < 16, "a card's background is the palette's base colour"


def test_switching_to_dark_rebuilds_the_sheet(qtbot, styled):
    styled.setPalette(QApplication.style().standardPalette())
    qtbot.waitUntil(lambda: label_colour("error").lightnessF() < 0.5)
    styled.setPalette(dark_palette())
    qtbot.waitUntil(lambda: label_colour("error").lightnessF() > 0.5)
    assert theme.is_dark(styled.palette())


def test_notification_banner_follows_light_and_dark(qtbot, styled):
    """The in-window banner (no system tray) is amber on light and dark amber on dark, its
    text readable on both, and it changes when the system does."""
    from desktop.notify import NotificationBanner
    from PySide6.QtWidgets import QMainWindow
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(700, 400)
    banner = NotificationBanner(window)
    banner.add("Critical warning W-1", "Patch now.", "W-1")
    window.show()
    qtbot.waitExposed(window)

    def banner_colours():
        label = banner.findChildren(QLabel)[0]
        image = banner.grab().toImage()
        return QColor(image.pixel(4, banner.height() // 2)), label.palette().color(QPalette.ColorRole.WindowText)

    for palette in (QApplication.style().standardPalette(), dark_palette()):
        styled.setPalette(palette)
        dark = theme.is_dark(palette)
        qtbot.waitUntil(lambda: (banner_colours()[0].lightnessF() < 0.5) == dark)
        background, text = banner_colours()
        assert theme.contrast(background, text) >= 7, (background.name(), text.name())


def test_font_sizes_follow_the_system_font(qtbot, styled):
    from desktop.views.widgets import heading
    body = QFont(styled.font())
    body.setPointSizeF(15)
    styled.setFont(body)
    qtbot.waitUntil(lambda: "25.5pt" in styled.styleSheet())       # 17 pt heading for a 10 pt body
    label = heading("Heading")
    qtbot.addWidget(label)
    label.ensurePolished()
    assert label.font().pointSizeF() == pytest.approx(25.5, abs=0.5)


# -- colour is never the only carrier -----------------------------------------------------------------
def test_tlp_and_states_are_written_out():
    from desktop.models import labels
    from desktop.views.tlp import TlpLabel
    for tlp in ("RED", "AMBER", "AMBER+STRICT", "GREEN", "CLEAR"):
        label = TlpLabel(tlp)
        assert label.text() == f"TLP:{tlp}" and label.accessibleDescription()
        label.deleteLater()
    assert labels.verdict("fail") and labels.verdict("review") and labels.verdict("pass")
    assert len({labels.verdict(v) for v in ("pass", "review", "fail")}) == 3
