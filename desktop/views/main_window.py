"""The workspace: navigation, the current page, and the sync state."""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import import_module

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QListWidget, QListWidgetItem, QMainWindow, QMessageBox,
                               QStackedWidget, QWidget)

from .applications import ApplicationsView
from .attention import AttentionView
from .certification_status import CertificationPresence
from .sync_controller import SyncController, SyncStatus


CASE_PAGES = {"application": ["approvals", "applications"], "output": ["outputs"], "warning": ["warnings"],
              "incident": ["triage"], "admin_request": ["admin"]}


class LazyPages(Mapping):
    """The window's pages by key, each built on first access."""

    def __init__(self, keys, build):
        self._keys = list(keys)
        self._build = build
        self._built: dict[str, QWidget] = {}

    def __getitem__(self, key: str) -> QWidget:
        if key not in self._keys:
            raise KeyError(key)
        if key not in self._built:
            self._built[key] = self._build(key)
        return self._built[key]

    def __iter__(self):
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def built(self) -> dict[str, QWidget]:
        return dict(self._built)


class Page:
    def __init__(self, key: str, title: str, roles: set[str] | None, make):
        self.key, self.title, self.roles, self.make = key, title, roles, make


class MainWindow(QMainWindow):
    signed_out = Signal(bool)          # wipe requested
    reauth_needed = Signal()

    def __init__(self, workspace, settings, sessions, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.settings = settings
        self.sessions = sessions
        name = workspace.user.get("display_name") or workspace.username
        self.setWindowTitle(self.tr("Portal Desk — %1").replace("%1", name))
        self.setMinimumSize(QSize(960, 600))
        self.sync = SyncController(workspace, settings.get("sync_interval_seconds"), self)
        self._build()
        self._actions()
        self.status = SyncStatus(self.statusBar(), self.sync)
        self.certification = CertificationPresence(self, settings)
        self.sync.finished.connect(self._after_sync)
        self.sync.auth_required.connect(self.reauth_needed.emit)
        self._restore()

    # -- pages -----------------------------------------------------------------------
    def _page_specs(self) -> list[Page]:
        ws = self.workspace
        return [
            Page("applications", self.tr("Applications"), {"caseworker", "admin"}, lambda: ApplicationsView(ws)),
            Page("approvals", self.tr("Approvals"), {"caseworker"}, self._make_approvals),
            Page("outputs", self.tr("Output checks"), {"supervisor", "admin"}, self._make_outputs),
            Page("warnings", self.tr("Warnings"), {"coordinator", "admin"}, self._make_warnings),
            Page("triage", self.tr("Triage"), {"coordinator", "admin"}, lambda: import_module(".triage", __package__).TriageView(ws, sync=self.sync)),
            Page("admin", self.tr("Administration"), {"admin"}, self._make_admin),
            Page("dashboard", self.tr("Dashboard"), None, self._make_dashboard),
            Page("audit", self.tr("Audit"), None, self._make_audit),
            Page("attention", self.tr("Needs attention"), None, lambda: AttentionView(ws)),
        ]

    # The pages are imported when first shown: a cold start imports only the first one.
    def _make_approvals(self):
        from .approvals import ApprovalsView
        return ApprovalsView(self.workspace, sync=self.sync)

    def _make_outputs(self):
        from .outputs import OutputChecksView
        return OutputChecksView(self.workspace, sync=self.sync)

    def _make_warnings(self):
        from .warnings import WarningsView
        return WarningsView(self.workspace, sync=self.sync)

    def _make_admin(self):
        from .admin_page import AdminView
        return AdminView(self.workspace, sync=self.sync)

    def _make_dashboard(self):
        # imported when first shown: the charts bring matplotlib, 0.7 s of a cold start
        from .dashboard import DashboardView
        return DashboardView(self.workspace)

    def _make_audit(self):
        from .audit import AuditView
        return AuditView(self.workspace)

    def _build(self):
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setFixedWidth(190)
        self.stack = QStackedWidget()
        roles = self.workspace.roles
        self.page_keys: list[str] = []
        specs = {}
        for number, spec in enumerate(p for p in self._page_specs() if p.roles is None or p.roles & roles):
            specs[spec.key] = spec
            self.page_keys.append(spec.key)
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(self.tr("%1 (Ctrl+%2)").replace("%1", spec.title).replace("%2", str(number + 1)))
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())          # replaced by the page when first shown
        # Pages are built when first shown (or asked for): at 100,000 cases building every
        # page before the first paint took seconds.
        self.pages = LazyPages(self.page_keys, lambda key: self._build_page(specs[key]))
        self.nav.currentRowChanged.connect(self._show_row)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._update_attention_badge()

    def _build_page(self, spec: Page) -> QWidget:
        widget = spec.make()
        index = self.page_keys.index(spec.key)
        placeholder = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, widget)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.stack.setCurrentIndex(current)
        if spec.key == "attention":
            widget.case_requested.connect(self.open_case)
            widget.changed.connect(self._update_attention_badge)
        if spec.key == "dashboard":
            widget.open_list.connect(self.open_list)
        return widget

    def _show_row(self, row: int):
        if 0 <= row < len(self.page_keys):
            self.pages[self.page_keys[row]]
        self.stack.setCurrentIndex(row)

    def _actions(self):
        menu = self.menuBar().addMenu(self.tr("&File"))
        self.sync_action = QAction(self.tr("&Sync now"), self, shortcut=QKeySequence(Qt.Key.Key_F5))
        self.sync_action.triggered.connect(lambda: self.sync.sync_now(user_asked=True))
        menu.addAction(self.sync_action)
        report = QAction(self.tr("&Monthly report…"), self)
        report.triggered.connect(self.monthly_report)
        menu.addAction(report)
        settings = QAction(self.tr("S&ettings…"), self, shortcut=QKeySequence("Ctrl+,"))
        settings.triggered.connect(self.show_settings)
        menu.addAction(settings)
        menu.addSeparator()
        sign_out = QAction(self.tr("Sign &out…"), self)
        sign_out.triggered.connect(self.sign_out)
        menu.addAction(sign_out)
        quit_action = QAction(self.tr("&Quit"), self, shortcut=QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.request_quit)
        menu.addAction(quit_action)
        go = self.menuBar().addMenu(self.tr("&Go"))
        for number, key in enumerate(self.page_keys):
            action = QAction(self.nav.item(number).text(), self,
                             shortcut=QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(lambda _=False, n=number: self.nav.setCurrentRow(n))
            go.addAction(action)
        go.addSeparator()
        find = QAction(self.tr("&Search on this page"), self, shortcut=QKeySequence(QKeySequence.StandardKey.Find))
        find.triggered.connect(self.focus_search)
        go.addAction(find)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        shortcuts = QAction(self.tr("&Keyboard shortcuts"), self, shortcut=QKeySequence(QKeySequence.StandardKey.HelpContents))
        shortcuts.triggered.connect(self.show_shortcuts)
        help_menu.addAction(shortcuts)
        about = QAction(self.tr("&About Portal Desk"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    # -- behaviour --------------------------------------------------------------------
    def start(self):
        self.notifier, self.escalation, self.incident_alerts = import_module(".alerts", __package__).install(self)
        self.sync.start(immediately=True)

    def _open_acknowledgements(self, warning_id: str):
        page = self.open_page("warnings")
        if page is not None:
            page.open_acknowledgements(warning_id)

    def _after_sync(self, result):
        # The one refresh path: each built page hears which kinds changed and refreshes
        # only if it shows one of them (page.py).
        changed = frozenset(result.changed)
        for page in self.pages.built().values():
            page.on_changes(changed)
        if result.audit_alarm:
            from .audit_witness import alarm_notice
            self.audit_notice = alarm_notice(self, result.audit_alarm)
        self._update_attention_badge()
        self.certification.refresh()

    def _update_attention_badge(self):
        if "attention" not in self.page_keys:
            return
        count = len(self.workspace.engine.outbox.attention())
        row = self.page_keys.index("attention")
        title = self.tr("Needs attention")
        self.nav.item(row).setText(f"{title} ({count})" if count else title)

    def open_page(self, key: str) -> QWidget | None:
        if key not in self.page_keys:
            return None
        self.nav.setCurrentRow(self.page_keys.index(key))
        return self.pages[key]

    def open_case(self, kind: str, entity_id: str):
        if kind == "audit":          # an audit log alarm in Needs attention
            self.open_page("audit")
            return
        # Caseworkers act on open applications in Approvals; a decided one is read in Applications.
        for key in CASE_PAGES.get(kind, []):
            page = self.pages.get(key)
            if page is not None and page.open_case(kind, entity_id):
                self.open_page(key)
                return

    def open_list(self, kind: str, filt: dict):
        """A click on a dashboard chart: the matching list, filtered as far as the page allows."""
        target = (CASE_PAGES.get(kind) or [None])[-1]
        page = self.open_page(target) if target else None
        if page is None:
            return
        page.apply_filter({**filt, "kind": kind})

    def open_audit(self, kind: str, entity_id: str):
        """The Audit page, filtered to one case's trail (from a case detail)."""
        page = self.open_page("audit")
        if page is not None:
            page.show_case(kind, entity_id)

    def monthly_report(self):
        from .dashboard import MonthlyReportDialog
        dialog = MonthlyReportDialog(self.workspace, self)
        dialog.finished_report.connect(
            lambda path: self.statusBar().showMessage(self.tr("Monthly report saved: %1").replace("%1", path), 8000))
        self.report_dialog = dialog
        dialog.open()

    def show_shortcuts(self):
        from .shortcuts_dialog import ShortcutsDialog, window_sections
        self.shortcuts_dialog = ShortcutsDialog(window_sections(self), self)
        self.shortcuts_dialog.open()

    def show_about(self):
        from .about_dialog import AboutDialog
        trust = self.workspace.engine.witness.trust()
        self.about_dialog = AboutDialog(self, audit_key_fingerprint=trust.fingerprint if trust else None)
        self.about_dialog.open()

    def show_settings(self):
        from .settings_dialog import SettingsDialog
        dialog = SettingsDialog(self.settings, self.sync, self)
        dialog.accepted.connect(lambda: dialog.restart_needed and self.statusBar().showMessage(
            self.tr("The new language or portal is used the next time Portal Desk starts."), 10000))
        self.settings_dialog = dialog
        dialog.open()

    def focus_search(self):
        """Ctrl+F: the search field of the open page (its `search`, else its first text field)."""
        from PySide6.QtWidgets import QLineEdit
        page = self.stack.currentWidget()
        field = getattr(page, "search", None)
        if not isinstance(field, QLineEdit) or not field.isVisible():
            field = next((f for f in page.findChildren(QLineEdit) if f.isVisible() and f.isEnabled()
                          and not f.isReadOnly()), None) if page is not None else None
        if field is None:
            self.statusBar().showMessage(self.tr("This page has no search field."), 4000)
            return
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.selectAll()

    def sign_out(self):
        pending = self.sync.pending()
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Sign out"))
        text = self.tr("Sign out of Portal Desk?")
        if pending:
            text += "\n\n" + self.tr("%1 actions have not been sent yet. They stay in the offline copy unless "
                                     "you remove it.").replace("%1", str(pending))
        box.setText(text)
        box.setTextFormat(Qt.TextFormat.PlainText)
        keep = box.addButton(self.tr("Sign out, keep offline copy"), QMessageBox.ButtonRole.AcceptRole)
        wipe = box.addButton(self.tr("Sign out and remove offline copy"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        if clicked not in (keep, wipe):
            return
        self.shut_down()
        self.signed_out.emit(clicked is wipe)

    def _restore(self):
        geometry = self.settings.get("window/geometry")
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        else:
            screen = self.screen().availableGeometry() if self.screen() else None
            width = min(1440, screen.width() - 40) if screen else 1280
            height = min(900, screen.height() - 60) if screen else 800
            self.resize(max(width, 960), max(height, 600))
        state = self.settings.get("window/state")
        if state:
            self.restoreState(QByteArray(state))
        # Each user starts where they left off, never on the previous user's page.
        page = self._pages_by_user().get(self.workspace.username)
        self.nav.setCurrentRow(self.page_keys.index(page) if page in self.page_keys else 0)

    def _save_layout(self):
        self.settings.set("window/geometry", bytes(self.saveGeometry()))
        self.settings.set("window/state", bytes(self.saveState()))
        pages = self._pages_by_user()
        if 0 <= self.nav.currentRow() < len(self.page_keys):
            pages[self.workspace.username] = self.page_keys[self.nav.currentRow()]
        self.settings.set("window/pages", json.dumps(pages, sort_keys=True))
        self.settings.sync()

    def _pages_by_user(self) -> dict:
        try:
            pages = json.loads(self.settings.get("window/pages") or "{}")
        except ValueError:
            return {}
        return pages if isinstance(pages, dict) else {}

    def request_quit(self):
        if self._may_quit():
            self.close()

    def closeEvent(self, event):
        # Asked when the person closes the window; a close from the program (sign-out, tests) is not.
        if event.spontaneous() and not self._may_quit():
            event.ignore()
            return
        self.shut_down()
        super().closeEvent(event)

    def _may_quit(self) -> bool:
        """Quitting with decisions not yet sent asks first: they stay in the offline copy and go
        at the next sign-in. (A SIGTERM at log-out does not ask: nothing is lost either way.)"""
        try:
            waiting = self.sync.pending()
        except Exception:
            return True
        if not waiting:
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Quit Portal Desk"), self.tr(
            "%n action(s) you took are not sent to the portal yet. They are kept safely in the offline copy "
            "on this computer and will be sent the next time you sign in.", "", waiting), parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        quit_button = box.addButton(self.tr("Quit, send later"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep working"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(quit_button)
        self.quit_question = box
        box.exec()
        return box.clickedButton() is quit_button

    def shut_down(self):
        """Stop background work and every view's timers before the cache closes."""
        from PySide6.QtCore import QTimer

        from ..tasks import cancel_pending
        self.sync.stop()
        cancel_pending()
        for timer in self.findChildren(QTimer):
            timer.stop()
        self._save_layout()
