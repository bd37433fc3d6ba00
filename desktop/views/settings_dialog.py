"""Settings (File ▸ Settings…): the user-interface language, the portal and how often to sync.

The language and the portal take effect the next time Portal Desk starts (the dialog says so);
the sync interval applies at the next sync.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox,
                               QVBoxLayout)

from ..sync.calls import InsecurePortal, normalise_base_url
from .widgets import heading, plain_label

# Each language is named in itself (how a user who cannot read the current one finds theirs).
LANGUAGES = [("da", "Dansk"), ("en", "English")]
MIN_INTERVAL, MAX_INTERVAL = 5, 3600


def system_language() -> str:
    name = QLocale.system().name().split("_")[0]
    return "en" if name in ("C", "") else name       # the POSIX "C" locale: English


class SettingsDialog(QDialog):
    """Edits Settings in place on OK. `restart_needed` tells whether a change waits for a restart."""

    def __init__(self, settings, sync=None, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.sync = sync
        self.restart_needed = False
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Settings")))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.language = QComboBox()
        self.language.setObjectName("languageSetting")
        self.language.setAccessibleName(self.tr("Language"))
        self.language.setAccessibleDescription(self.tr("The language of menus, buttons and messages, and the "
                                                       "format of dates and numbers"))
        system = dict(LANGUAGES).get(system_language()) or QLocale.system().nativeLanguageName() or system_language()
        self.language.addItem(self.tr("The system's language (%1)").replace("%1", system), "")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        index = self.language.findData(settings.get("language") or "")
        self.language.setCurrentIndex(max(index, 0))
        language_label = QLabel(self.tr("&Language:"))
        language_label.setBuddy(self.language)
        form.addRow(language_label, self.language)

        self.interval = QSpinBox()
        self.interval.setObjectName("syncIntervalSetting")
        self.interval.setRange(MIN_INTERVAL, MAX_INTERVAL)
        self.interval.setSuffix(self.tr(" s"))
        self.interval.setValue(min(MAX_INTERVAL, max(MIN_INTERVAL, int(settings.get("sync_interval_seconds")))))
        self.interval.setAccessibleName(self.tr("Sync interval in seconds"))
        interval_label = QLabel(self.tr("&Sync every:"))
        interval_label.setBuddy(self.interval)
        form.addRow(interval_label, self.interval)

        self.portal = QLineEdit(settings.get("portal_url") or "")
        self.portal.setObjectName("portalSetting")
        self.portal.setPlaceholderText(self.tr("Empty: the demo portal on this computer"))
        self.portal.setAccessibleName(self.tr("Portal address"))
        self.portal.setAccessibleDescription(self.tr("https address of the portal; empty for the demo portal "
                                                     "on this computer"))
        self.portal.setClearButtonEnabled(True)
        portal_label = QLabel(self.tr("&Portal:"))
        portal_label.setBuddy(self.portal)
        form.addRow(portal_label, self.portal)
        layout.addLayout(form)

        self.message = plain_label("", wrap=True)
        self.message.setObjectName("error")
        self.message.hide()
        layout.addWidget(self.message)
        note = plain_label(self.tr("Changes to the language and the portal take effect the next time Portal Desk "
                                   "starts."), wrap=True)
        note.setObjectName("muted")
        layout.addWidget(note)
        where = plain_label(self.tr("Settings are kept in %1").replace("%1", settings.path), wrap=True,
                            selectable=True)
        where.setObjectName("muted")
        layout.addWidget(where)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.language.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show(self, text: str):
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def accept(self):
        portal = self.portal.text().strip()
        if portal:
            try:
                portal = normalise_base_url(portal)
            except InsecurePortal:
                self._show(self.tr("Enter the portal's https address, e.g. https://portal.example.org (plain "
                                   "http is allowed only on this computer)."))
                self.portal.setFocus()
                return
        language = self.language.currentData() or ""
        self.restart_needed = (language != (self.settings.get("language") or "")
                               or portal != (self.settings.get("portal_url") or ""))
        self.settings.set("language", language)
        self.settings.set("portal_url", portal)
        self.settings.set("sync_interval_seconds", self.interval.value())
        self.settings.sync()
        if self.sync is not None:
            self.sync.interval = self.interval.value()
        super().accept()
