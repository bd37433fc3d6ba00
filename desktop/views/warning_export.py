"""Exporting a warning from its detail: the portal's CSAF 2.0 document (for other CSIRTs'
tools) and the warning itself as JSON (what this copy holds). Files are written whole or not
at all (a temporary file, then renamed)."""

from __future__ import annotations

import json
import os

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMenu, QPushButton

from ..sync.calls import PortalCalls
from ..tasks import Op

KINDS = ("csaf", "json")


def write_json(path: str, document) -> None:
    temporary = f"{path}.part"
    with open(temporary, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False, indent=2, sort_keys=True)
        f.write("\n")
    os.replace(temporary, path)


class WarningExport(QObject):
    """The Export menu of the warning shown in `view` (a WarningsView)."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.button = QPushButton(self.tr("Export"))
        self.button.setObjectName("exportButton")
        self.button.setAccessibleName(self.tr("Export this warning"))
        menu = QMenu(self.button)
        self.csaf_action = menu.addAction(self.tr("CSAF 2.0 document (JSON)…"), lambda: self.ask("csaf"))
        self.json_action = menu.addAction(self.tr("Warning as JSON…"), lambda: self.ask("json"))
        self.button.setMenu(menu)
        self.last_outcome: str | None = None

    def update(self, warning: dict | None):
        """CSAF comes from the portal, for coordinators, when it can be reached; JSON is local."""
        coordinator = "coordinator" in self.view.workspace.roles
        self.button.setEnabled(warning is not None)
        online = self.view.is_online()
        self.csaf_action.setEnabled(warning is not None and coordinator and online)
        self.csaf_action.setToolTip("" if coordinator and online else
                                    self.tr("Only coordinators export CSAF") if not coordinator else
                                    self.tr("The CSAF document comes from the portal: you are offline"))

    def ask(self, kind: str):
        warning = self.view.detail.warning
        if warning is None:
            return
        suffix = "-csaf.json" if kind == "csaf" else ".json"
        path, _ = QFileDialog.getSaveFileName(self.view, self.tr("Export %1").replace("%1", warning["id"]),
                                              warning["id"] + suffix, self.tr("JSON files (*.json)"))
        if path:
            self.export_to(warning, kind, path)

    def export_to(self, warning: dict, kind: str, path: str):
        """Write the export to `path` (CSAF fetched in the background); says the outcome on the detail."""
        if kind == "json":
            self._written(path, warning)
            return
        calls = PortalCalls(self.view.workspace.client)
        warning_id = warning["id"]
        Op(lambda: calls.warning_csaf(warning_id)).success(lambda document: self._written(path, document)) \
            .failure(self._failed).run_in_background()

    def _written(self, path: str, document):
        try:
            write_json(path, document)
        except OSError as exc:
            self._say("failed", self.tr("Not exported: %1").replace("%1", exc.strerror or str(exc)))
            return
        self._say("written", self.tr("Exported to %1").replace("%1", path))

    def _failed(self, exc: BaseException):
        self._say("failed", self.tr("The portal could not give the CSAF document: %1")
                  .replace("%1", getattr(exc, "message", None) or str(exc) or type(exc).__name__))

    def _say(self, outcome: str, text: str):
        self.last_outcome = outcome
        self.view.detail.set_note(text)
