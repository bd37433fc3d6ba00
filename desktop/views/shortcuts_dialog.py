"""Keyboard shortcuts (Help ▸ Keyboard shortcuts, F1): every menu command with a shortcut, read from
the window's actions, then each page's own keys (a page lists them in `shortcut_help()` as
"keys — what they do"), the open page first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout)

from .widgets import heading, plain_label

SEPARATOR = " — "


def _t(text: str) -> str:
    return QCoreApplication.translate("ShortcutsDialog", text)


def split_help(line: str) -> tuple[str, str]:
    """'F5 — sync now' -> ('F5', 'sync now'); a line without the dash is all description."""
    keys, sep, text = line.partition(SEPARATOR)
    return (keys.strip(), text.strip()) if sep else ("", line.strip())


def action_rows(actions) -> list[tuple[str, str]]:
    rows, seen = [], set()
    for action in actions:
        if not isinstance(action, QAction) or action.isSeparator() or action.menu() is not None:
            continue
        keys = [k for k in action.shortcuts() if not k.isEmpty()]
        if not keys:
            continue
        text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()
        shown = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        if (shown, text) not in seen:
            seen.add((shown, text))
            rows.append((shown, text))
    return rows


class ShortcutsDialog(QDialog):
    """sections: [(title, [(keys, what)])]."""

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]], parent=None):
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Keyboard shortcuts")))
        intro = plain_label(self.tr("Tab and Shift+Tab move between controls; Space or Enter operates the one "
                                    "with the focus; the arrow keys move in lists and tables. Menus open with "
                                    "Alt and the underlined letter."), wrap=True)
        intro.setObjectName("muted")
        layout.addWidget(intro)
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutsList")
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setAccessibleDescription(self.tr("Grouped by where they work: keys, then what they do"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        bold = self.tree.font()
        bold.setBold(True)
        for title, rows in sections:
            if not rows:
                continue
            group = QTreeWidgetItem([title, ""])
            group.setFont(0, bold)
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            for keys, what in rows:
                item = QTreeWidgetItem([keys, what])
                item.setToolTip(1, what)
                group.addChild(item)
        self.tree.expandAll()
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def rows(self) -> list[tuple[str, str, str]]:
        """(section, keys, what) of every row (for tests)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                child = group.child(j)
                out.append((group.text(0), child.text(0), child.text(1)))
        return out


def window_sections(window) -> list[tuple[str, list[tuple[str, str]]]]:
    """The shortcut sections of a MainWindow: its menus' commands, then each page's keys (open page first)."""
    sections = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        title = menu_action.text().replace("&", "")
        sections.append((title, action_rows(menu.actions())))
    general = [split_help(_t("Tab / Shift+Tab — next / previous control")),
               split_help(_t("Space — press the button or tick the box that has the focus")),
               split_help(_t("Alt+letter — open a menu (the underlined letter)")),
               split_help(_t("Esc — close a dialog without changes"))]
    sections.append((_t("Everywhere"), [row for row in general if row[0]]))
    pages = getattr(window, "page_keys", [])
    current = window.stack.currentWidget() if hasattr(window, "stack") else None
    order = sorted(range(len(pages)), key=lambda i: window.pages[pages[i]] is not current)
    for i in order:
        page = window.pages[pages[i]]
        helper = getattr(page, "shortcut_help", None)
        if not callable(helper):
            continue
        title = window.nav.item(i).text() if hasattr(window, "nav") else pages[i]
        if page is current:
            title = _t("%1 (open now)").replace("%1", title)
        sections.append((title, [split_help(line) for line in helper()]))
    return sections
