"""About Portal Desk: the version (pyproject.toml's, via desktop.__version__) and the licences of
the libraries the program ships with, read from their installed metadata."""

from __future__ import annotations

from importlib import metadata

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QDialogButtonBox, QHeaderView, QLabel,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from .widgets import heading, plain_label

# The libraries bundled with the program (the installer copies their metadata), in the order shown.
LIBRARIES = [
    ("PySide6-Essentials", "Qt for Python"), ("shiboken6", "Qt for Python"), ("requests", ""),
    ("sqlite-utils", ""), ("sqlcipher3-binary", "SQLCipher"), ("keyring", ""), ("platformdirs", ""),
    ("fastapi", ""), ("starlette", ""), ("uvicorn", ""), ("pydantic", ""), ("pydantic-core", ""),
    ("pyotp", ""), ("matplotlib", ""), ("numpy", ""),
]
PROJECT_LICENCE = "EUPL-1.2"


def licence_of(meta) -> str:
    """A distribution's licence: its License-Expression, a one-line License field, or its classifiers."""
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) <= 80:
        return text
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return ", ".join(classifiers)
    return text.splitlines()[0][:80] if text else "?"


def bundled_libraries() -> list[tuple[str, str, str]]:
    """(name, version, licence) of each bundled library found in this installation."""
    rows = []
    for name, _note in LIBRARIES:
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue
        rows.append((meta.get("Name") or name, meta.get("Version") or "", licence_of(meta)))
    return rows


class AboutDialog(QDialog):
    def __init__(self, parent=None, *, audit_key_fingerprint: str | None = None):
        super().__init__(parent)
        from .. import __version__
        self.setWindowTitle(self.tr("About Portal Desk"))
        self.setMinimumSize(560, 480)
        layout = QVBoxLayout(self)
        top = QLabel()
        icon = QApplication.windowIcon() if QApplication.instance() else QIcon()
        if not icon.isNull():
            top.setPixmap(icon.pixmap(64, 64))
            layout.addWidget(top)
        layout.addWidget(heading(self.tr("Portal Desk %1").replace("%1", __version__)))
        layout.addWidget(plain_label(self.tr("A workspace for research-data caseworkers, output supervisors and "
                                             "health-sector security coordinators."), wrap=True))
        layout.addWidget(plain_label(self.tr("Portal Desk is licensed under %1.").replace("%1", PROJECT_LICENCE),
                                     wrap=True))
        # The key this desktop pinned on first use: compare it with the one your portal's
        # operator publishes (docs/audit-log.md).
        self.audit_key = plain_label(
            self.tr("Portal's audit log key (pinned on first use), SHA-256 fingerprint:\n%1").replace(
                "%1", audit_key_fingerprint) if audit_key_fingerprint
            else self.tr("Portal's audit log key: not pinned yet (it is on the first sync)."), wrap=True,
            selectable=True)
        self.audit_key.setAccessibleName(self.tr("Audit log key fingerprint"))
        layout.addWidget(self.audit_key)
        layout.addWidget(heading(self.tr("Libraries and their licences"), 2))
        rows = bundled_libraries()
        self.table = QTableWidget(len(rows), 3)
        self.table.setObjectName("licences")
        self.table.setAccessibleName(self.tr("Libraries and their licences"))
        self.table.setAccessibleDescription(self.tr("One row per library: name, version and licence"))
        self.table.setHorizontalHeaderLabels([self.tr("Library"), self.tr("Version"), self.tr("Licence")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        layout.addWidget(self.table, 1)
        note = plain_label(self.tr("Qt for Python (PySide6) is used under the GNU LGPL version 3; its source "
                                   "is available from the Qt Project. The full licence texts are installed "
                                   "with each library."), wrap=True)
        note.setObjectName("muted")
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.buttons = buttons
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus(Qt.FocusReason.OtherFocusReason)

    def licences(self) -> dict[str, str]:
        return {self.table.item(r, 0).text(): self.table.item(r, 2).text() for r in range(self.table.rowCount())}
