"""Starting Portal Desk: arguments, the embedded demo portal, sign-in, the workspace."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, Qt, QTimer, QTranslator, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from .embedded import EMBEDDED_PORTAL_ID, EmbeddedPortal
from .session import SessionManager, Workspace
from .settings import Settings
from .sync.api import InsecurePortal, normalise_base_url
from .sync.secrets import KEYRING_UNUSABLE
from .tasks import Op

log = logging.getLogger("desktop")
RESOURCES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "resources")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="portal-desk", description="Portal Desk")
    parser.add_argument("--portal", help="portal URL (https, or http on loopback); default: the embedded demo portal")
    parser.add_argument("--offline", action="store_true", help="open the offline copy without the network")
    parser.add_argument("--data-dir", help="where settings, caches and the demo portal live")
    parser.add_argument("--lang", help="user-interface language: da or en (default: the system's)")
    return parser.parse_args(argv)


def default_data_dir() -> str:
    if os.environ.get("PORTAL_DESK_DATA"):
        return os.environ["PORTAL_DESK_DATA"]
    import platformdirs
    return platformdirs.user_data_dir("portal-desk", "PortalDesk")


def install_translations(app: QApplication, language: str | None) -> str:
    """Load our Danish or English strings (and Qt's own) for the chosen language."""
    locale = QLocale(language) if language else QLocale.system()
    QLocale.setDefault(locale)
    name = locale.name().split("_")[0]
    ours = QTranslator(app)
    if ours.load("portal_desk_" + name, os.path.join(RESOURCES, "translations")):
        app.installTranslator(ours)
    else:
        # No translation of ours: English throughout, Qt's own buttons included, with the
        # English plural forms ("1 output", "2 outputs") that the source strings leave open.
        if ours.load("portal_desk_en", os.path.join(RESOURCES, "translations")):
            app.installTranslator(ours)
        if name != "en":
            return "en"
    qt = QTranslator(app)
    if qt.load("qtbase_" + name, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    return name


def load_style(app: QApplication) -> None:
    """The style sheet for the system's light or dark palette and font size, and the app icon."""
    from . import theme
    theme.apply(app, RESOURCES)
    icon = os.path.join(RESOURCES, "icons", "portal-desk.svg")
    if os.path.exists(icon):
        app.setWindowIcon(QIcon(icon))


def saved_language(args) -> str | None:
    """The language chosen in Settings (empty there: the system's)."""
    try:
        return Settings(os.path.join(args.data_dir or default_data_dir(), "settings.ini")).get("language") or None
    except Exception:
        return None


class DeskApp(QObject):
    """The application's flow: sign-in -> workspace -> sign-out -> sign-in."""

    workspace_opened = Signal(object)

    def __init__(self, args, parent=None):
        super().__init__(parent)
        self.args = args
        self.data_dir = args.data_dir or default_data_dir()
        os.makedirs(self.data_dir, mode=0o700, exist_ok=True)
        self.settings = Settings(os.path.join(self.data_dir, "settings.ini"))
        self.embedded: EmbeddedPortal | None = None
        self.window = None
        self.dialog = None
        self.workspace: Workspace | None = None
        portal = args.portal or self.settings.get("portal_url")
        if portal:
            url = normalise_base_url(portal)      # raises InsecurePortal for http off loopback
            self.sessions = SessionManager(self.data_dir, url)
        else:
            self.embedded = EmbeddedPortal(self.data_dir)
            self.sessions = SessionManager(self.data_dir, self.embedded.url, EMBEDDED_PORTAL_ID)

    @property
    def demo(self) -> bool:
        return self.embedded is not None

    def start(self):
        if self.embedded and not self.args.offline:
            self.embedded.start()
            self._watchdog = QTimer(self, interval=2000)
            self._watchdog.timeout.connect(self._check_embedded)
            self._watchdog.start()
        username = self.settings.get("last_username")
        if self.args.offline and username and self.sessions.cache_exists(username) and self.sessions.secrets.available:
            try:
                workspace = self.sessions.open_offline(username)
                workspace.stay_offline = True
                self.open_workspace(workspace)
                return
            except Exception as exc:  # fall back to the dialog, which explains
                log.info("offline open failed: %s", exc)
        self.show_sign_in()
        if username and not self.args.offline:
            self._try_resume(username)

    # -- sign-in ---------------------------------------------------------------------
    def _check_embedded(self):
        """The embedded demo portal stopped on its own: start it again (a few times at most)."""
        if self.embedded is None or self.embedded.alive():
            return
        if self.embedded.restart():
            log.warning("the embedded demo portal stopped; started it again (%d)", self.embedded.restarts)
        else:
            self._watchdog.stop()
            QMessageBox.warning(self.window or self.dialog, self.tr("Portal Desk"), self.tr(
                "The demo portal on this computer keeps stopping, so it is no longer restarted. You can go on "
                "working with the offline copy; restart Portal Desk to try again."))

    def portal_ready(self) -> bool:
        if self.embedded is None or self.args.offline:
            return True
        try:
            return self.embedded.ready()
        except RuntimeError as exc:
            if self.embedded.restart():
                return False   # asked again shortly, by then it may answer
            QMessageBox.critical(None, self.tr("Portal Desk"), str(exc))
            self.embedded = None
            return False

    def show_sign_in(self):
        from .views.sign_in import SignInDialog
        self.dialog = SignInDialog(self.sessions, demo=self.demo, username=self.settings.get("last_username"),
                                   portal_ready=self.portal_ready if self.embedded else None,
                                   offline=self.args.offline)
        self.dialog.signed_in.connect(self.open_workspace)
        self.dialog.rejected.connect(self._dialog_closed)
        self.dialog.show()

    def _try_resume(self, username: str):
        """A session token still in the keyring opens the workspace without a sign-in."""
        def when_ready():
            if self.dialog is None or not self.dialog.isVisible():
                return
            if not self.portal_ready():
                QTimer.singleShot(200, when_ready)
                return
            Op(lambda: self.sessions.resume(username)).success(self._resumed).failure(lambda e: None) \
                .run_in_background()

        when_ready()

    def _resumed(self, workspace):
        if workspace is None or self.workspace is not None:
            if workspace is not None and self.workspace is not None:
                workspace.close()
            return
        if self.dialog is not None:
            self.dialog.signed_in.disconnect(self.open_workspace)
            self.dialog.rejected.disconnect(self._dialog_closed)
            self.dialog.close()
            self.dialog = None
        self.open_workspace(workspace)

    def _dialog_closed(self):
        if self.workspace is None:
            self.quit()

    # -- workspace --------------------------------------------------------------------
    def open_workspace(self, workspace: Workspace):
        from .views.main_window import MainWindow
        self.dialog = None
        self.workspace = workspace
        self.settings.set("last_username", workspace.username)
        self.window = MainWindow(workspace, self.settings, self.sessions)
        self.window.signed_out.connect(self.sign_out)
        self.window.reauth_needed.connect(self.reauthenticate)
        self.window.show()
        if workspace.key_from_password or not self.sessions.secrets.available:
            # Not modal: the workspace is usable while the notice is read.
            if self.sessions.secrets.unavailable_reason == KEYRING_UNUSABLE:
                text = self.tr(
                    "The keyring on this computer is locked or refused to store secrets, so it is treated as no "
                    "keyring. Your session is kept in memory only and your offline copy is encrypted with a key "
                    "derived from your password: you will sign in again after a restart.")
            else:
                text = self.tr(
                    "This computer has no usable keyring. Your session is kept in memory only and your offline "
                    "copy is encrypted with a key derived from your password: you will sign in again after a "
                    "restart.")
            # Said once per person on this computer; after that a quiet mark in the status bar.
            mark = QLabel(self.tr("No keyring"))
            mark.setObjectName("muted")
            mark.setToolTip(text)      # our own words, no portal text
            mark.setAccessibleName(self.tr("No keyring: you sign in again after a restart"))
            self.window.statusBar().addPermanentWidget(mark)
            self.keyring_mark = mark
            told = self._told_about_keyring()
            if workspace.username not in told:
                self.keyring_notice = QMessageBox(QMessageBox.Icon.Information, self.tr("No keyring"), text,
                                                  QMessageBox.StandardButton.Ok, self.window)
                self.keyring_notice.setTextFormat(Qt.TextFormat.PlainText)
                self.keyring_notice.open()
                self.settings.set("notices/keyring", json.dumps(sorted({*told, workspace.username})))
        if workspace.notes:
            self.show_notes(workspace.notes)
        self.window.start()
        self.workspace_opened.emit(workspace)

    def _told_about_keyring(self) -> set[str]:
        try:
            told = json.loads(self.settings.get("notices/keyring") or "[]")
        except ValueError:
            return set()
        return {str(u) for u in told} if isinstance(told, list) else set()

    def show_notes(self, notes: list[str]):
        """What happened while opening the workspace (e.g. an unusable offline copy was rebuilt and
        its unsent actions exported): told in a window-modal box that does not block the app."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Portal Desk"), "\n\n".join(notes),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes_box = box
        box.open()

    def reauthenticate(self):
        from .views.sign_in import SignInDialog
        existing = getattr(self, "reauth_dialog", None)
        if existing is not None and existing.isVisible():   # asked again while it is open
            existing.raise_()
            existing.activateWindow()
            return
        dialog = SignInDialog(self.sessions, demo=self.demo, reauth_for=self.workspace.username,
                              portal_ready=self.portal_ready if self.embedded else None, parent=self.window)
        dialog.workspace = self.workspace
        dialog.signed_in.connect(lambda _ws: self.window.sync.resume_after_auth())
        self.reauth_dialog = dialog
        dialog.open()

    def sign_out(self, wipe: bool):
        workspace, window = self.workspace, self.window
        self.workspace, self.window = None, None
        window.shut_down()
        window.hide()
        window.deleteLater()
        Op(lambda: self.sessions.sign_out(workspace, wipe=wipe)).success(lambda _: None) \
            .failure(lambda e: log.warning("sign-out: %s", e)).run_in_background()
        self.show_sign_in()

    def shutdown(self):
        """Close the workspace and stop the embedded portal (the application keeps running)."""
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None
        if self.window is not None:
            self.window.shut_down()
            self.window.hide()
            self.window.deleteLater()
            self.window = None
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None
        if getattr(self, "_watchdog", None) is not None:
            self._watchdog.stop()
        if self.embedded is not None:
            self.embedded.stop()

    def quit(self):
        self.shutdown()
        QApplication.quit()


def main(argv=None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Portal Desk")
    app.setOrganizationName("PortalDesk")
    app.setDesktopFileName("portal-desk")
    install_translations(app, args.lang or saved_language(args))
    load_style(app)
    try:
        desk = DeskApp(args)
    except InsecurePortal:
        QMessageBox.critical(None, "Portal Desk", QApplication.translate(
            "main", "The portal address must use https (plain http is allowed only on this computer)."))
        return 2
    app.aboutToQuit.connect(lambda: desk.embedded.stop() if desk.embedded else None)
    from .quit_signals import QuitOnSignal
    quit_on_signal = QuitOnSignal(desk.quit, parent=app)   # log-out sends SIGTERM: close, stop the portal
    desk.start()
    code = app.exec()
    quit_on_signal.uninstall()
    return code
