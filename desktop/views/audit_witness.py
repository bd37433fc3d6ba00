"""The audit log as this desktop witnesses it: the pinned key, the newest checkpoint it
verified, the alarms (a blocking notice, a Needs-attention card, the audit page red,
evidence to export) and, for a selected entry, its inclusion in the signed log.

The checks themselves are in desktop/sync/witness.py (no Qt); this is how they show.
"""

from __future__ import annotations

import json

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QFileDialog, QFrame, QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget)

from rules.checkpoint import CheckpointProblem
from rules.checkpoint import fingerprint as _fingerprint
from ..models import labels
from ..sync.witness import AuditWitness, evidence_document
from ..tasks import Op
from ..theme import status_colour
from .widgets import heading, plain_label


def cp_fingerprint(key_b64: str) -> str:
    import base64
    return _fingerprint(base64.b64decode(key_b64))


def tr(text: str) -> str:
    return QCoreApplication.translate("AuditWitness", text)


def what_failed(kind: str) -> str:
    return {
        "bad_signature": tr("The portal's checkpoint has a signature that does not verify."),
        "new_key": tr("The portal signs its audit log with a different key than the one this desktop pinned."),
        "smaller_tree": tr("The portal's audit log is shorter than it was: entries were removed."),
        "bad_proof": tr("The portal's audit log no longer extends the log it signed before: history was rewritten."),
        "log_verify": tr("The portal's own check of its audit log and stored cases fails."),
    }.get(kind, tr("The portal's audit log failed a check."))


def since_text(checkpoint: dict | None) -> str:
    if not checkpoint:
        return tr("This desktop had not yet verified a checkpoint (only the key was pinned).")
    return tr("Last good checkpoint: signed %1, %2 entries.").replace(
        "%1", labels.local_time(checkpoint.get("timestamp"))).replace("%2", str(checkpoint.get("tree_size")))


def save_evidence(parent: QWidget, alarm: dict, path: str | None = None) -> str | None:
    """Write the alarm's evidence JSON (both checkpoints, the failed proof); asks where."""
    if path is None:
        stamp = (alarm.get("created_at") or "").replace(":", "").replace("-", "")
        path, _ = QFileDialog.getSaveFileName(parent, tr("Export audit evidence"),
                                              f"audit-evidence-{stamp}.json", tr("JSON files (*.json)"))
        if not path:
            return None
    with open(path, "w", encoding="utf-8") as f:
        json.dump(evidence_document(alarm), f, indent=2, sort_keys=True, ensure_ascii=False)
    return path


def alarm_notice(parent: QWidget, alarm: dict) -> QMessageBox:
    """The blocking notice: application-modal, naming what failed and since which checkpoint."""
    box = QMessageBox(QMessageBox.Icon.Critical, tr("Audit log alarm"), what_failed(alarm["kind"]), parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(since_text(alarm["evidence"].get("trusted_checkpoint")) + "\n\n"
                           + tr("Details: %1").replace("%1", alarm["message"]) + "\n\n"
                           + tr("Tell your security officer. Export the evidence and keep it: it holds both "
                                "checkpoints and the proof that failed."))
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    export = box.addButton(tr("Export evidence…"), QMessageBox.ButtonRole.ActionRole)
    export.clicked.disconnect()
    export.clicked.connect(lambda: save_evidence(box, alarm))
    box.addButton(QMessageBox.StandardButton.Close)
    box.setObjectName("auditAlarmNotice")
    box.open()
    return box


class WitnessPanel(QFrame):
    """The audit page's part about the signed log."""

    checked = Signal(bool)     # the selected entry's inclusion verified (True) or not

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        engine = getattr(workspace, "engine", None)
        self.witness = engine.witness if engine is not None else AuditWitness(workspace.client, workspace.cache)
        self.entry: dict | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.state = plain_label("", wrap=True)
        self.state.setAccessibleName(tr("Audit log state"))
        self.key = plain_label("", wrap=True, selectable=True)
        self.key.setObjectName("muted")
        layout.addWidget(self.state)
        layout.addWidget(self.key)
        self.alarm_text = plain_label("", wrap=True, selectable=True)
        self.alarm_text.setObjectName("error")
        layout.addWidget(self.alarm_text)
        row = QHBoxLayout()
        self.inclusion = plain_label("", wrap=True)
        row.addWidget(self.inclusion, 1)
        self.check_button = QPushButton(tr("Check it is in the signed log"))
        self.check_button.setToolTip(tr("Ask the portal for the entry's inclusion proof and verify it against "
                                        "the checkpoint this desktop verified"))
        self.check_button.clicked.connect(self.check_entry)
        self.export_button = QPushButton(tr("Export evidence…"))
        self.export_button.clicked.connect(lambda: self.export_evidence())
        self.accept_button = QPushButton(tr("Trust the new key…"))
        self.accept_button.setToolTip(tr("Only after comparing its fingerprint with the one your portal's "
                                         "operator published for a key change"))
        self.accept_button.clicked.connect(self.ask_accept_key)
        row.addWidget(self.check_button)
        row.addWidget(self.export_button)
        row.addWidget(self.accept_button)
        layout.addLayout(row)
        self.refresh()

    def alarms(self) -> list[dict]:
        return self.witness.alarms()

    def refresh(self) -> None:
        trust, alarms = self.witness.trust(), self.alarms()
        self.setObjectName("auditAlarm" if alarms else "auditWitness")
        self.setProperty("alarm", bool(alarms))
        paint_alarm(self, bool(alarms))
        if alarms:
            latest = alarms[-1]
            self.state.setObjectName("error")
            self.state.setText(tr("✖ ALARM: %1").replace("%1", what_failed(latest["kind"])))
            self.alarm_text.setText(since_text(latest["evidence"].get("trusted_checkpoint")) + " "
                                    + tr("Detected %1: %2").replace("%1", labels.local_time(latest["created_at"]))
                                    .replace("%2", latest["message"]))
        elif trust is not None and trust.checkpoint:
            self.state.setObjectName("")
            self.state.setText(tr("✔ The portal's signed log only grew: newest checkpoint verified, signed %1, "
                                  "%2 entries.").replace("%1", labels.local_time(trust.checkpoint["timestamp"]))
                               .replace("%2", str(trust.checkpoint["tree_size"])))
            self.alarm_text.setText("")
        else:
            self.state.setObjectName("muted")
            self.state.setText(tr("No signed checkpoint verified yet: it is checked on every sync."))
            self.alarm_text.setText("")
        self.state.style().unpolish(self.state)
        self.state.style().polish(self.state)
        self.alarm_text.setVisible(bool(alarms))
        self.export_button.setVisible(bool(alarms))
        self.accept_button.setVisible(bool(alarms) and alarms[-1]["kind"] == "new_key")
        self.key.setText(tr("Pinned key fingerprint (SHA-256): %1").replace("%1", trust.fingerprint)
                         if trust else tr("No key pinned yet."))
        self.check_button.setEnabled(self.entry is not None and trust is not None and trust.checkpoint is not None)

    def set_entry(self, entry: dict | None) -> None:
        self.entry = entry
        self.inclusion.setText("")
        self.refresh()

    def check_entry(self) -> Op | None:
        entry = self.entry
        if entry is None:
            return None
        self.check_button.setEnabled(False)
        self.inclusion.setObjectName("muted")
        self.inclusion.setText(tr("Checking entry #%1…").replace("%1", str(entry.get("seq"))))
        witness = self.witness
        return Op(lambda: witness.inclusion(entry)).success(lambda cp: self._included(entry, cp)) \
            .failure(lambda exc: self._not_included(entry, exc)).run_in_background()

    def _included(self, entry: dict, checkpoint: dict) -> None:
        if not shiboken6.isValid(self) or entry is not self.entry:
            return
        self._show(True, tr("✔ Entry #%1 is in the log the portal signed at %2 (%3 entries).")
                   .replace("%1", str(entry.get("seq"))).replace("%2", labels.local_time(checkpoint["timestamp"]))
                   .replace("%3", str(checkpoint["tree_size"])))

    def _not_included(self, entry: dict, exc: BaseException) -> None:
        if not shiboken6.isValid(self) or entry is not self.entry:
            return
        if isinstance(exc, CheckpointProblem) and exc.kind in ("no_checkpoint", "not_yet"):
            self._show(False, tr("Not checked: %1").replace("%1", exc.message), style="muted")
        elif isinstance(exc, CheckpointProblem):
            self._show(False, tr("✖ Entry #%1 is NOT in the signed log: %2").replace("%1", str(entry.get("seq")))
                       .replace("%2", exc.message))
        else:
            self._show(False, tr("The proof could not be fetched: %1").replace("%1", str(exc)), style="muted")

    def _show(self, ok: bool, text: str, style: str | None = None) -> None:
        self.inclusion.setObjectName(style if style is not None else "" if ok else "error")
        self.inclusion.setText(text)
        self.inclusion.style().unpolish(self.inclusion)
        self.inclusion.style().polish(self.inclusion)
        self.check_button.setEnabled(True)
        self.checked.emit(ok)

    def ask_accept_key(self) -> QMessageBox | None:
        alarms = self.alarms()
        if not alarms or alarms[-1]["kind"] != "new_key":
            return None
        alarm = alarms[-1]
        fingerprint = cp_fingerprint(alarm["evidence"]["new_key"])
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Trust the new key?"),
                          tr("The portal now signs its audit log with the key with this fingerprint:\n\n%1\n\n"
                             "Trust it only if your portal's operator announced a key change and published "
                             "exactly this fingerprint. The log must still extend the last checkpoint this "
                             "desktop verified.").replace("%1", fingerprint), parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        trust = box.addButton(tr("Trust the new key"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: self.accept_key(alarm["id"]) if button is trust else None)
        box.open()
        self.accept_box = box
        return box

    def accept_key(self, alarm_id: int) -> None:
        self.witness.accept_new_key(alarm_id)
        self.refresh()

    def export_evidence(self, path: str | None = None) -> str | None:
        alarms = self.alarms()
        return save_evidence(self, alarms[-1], path) if alarms else None


def paint_alarm(frame: QFrame, alarm: bool) -> None:
    """Red, in the palette's error colour, whatever style sheet the application has."""
    if not alarm:
        frame.setStyleSheet("")
        return
    red = status_colour("error", frame.palette()).name()
    frame.setStyleSheet(f"QFrame#auditAlarm {{ border: 3px solid {red}; border-radius: 4px; }} "
                        f"QFrame#auditAlarm QLabel#error {{ color: {red}; font-weight: bold; }}")


def alarm_card(entry: dict, open_audit, acknowledge) -> QWidget:
    """The Needs-attention card of an audit alarm (its evidence is the item's server_state)."""
    card = QFrame()
    card.setObjectName("auditAlarm")
    paint_alarm(card, True)
    layout = QVBoxLayout(card)
    evidence = entry.get("server_state") if isinstance(entry.get("server_state"), dict) else {}
    layout.addWidget(heading(tr("Audit log alarm"), 2))
    text = plain_label(what_failed(evidence.get("what_failed") or ""), wrap=True)
    text.setObjectName("error")
    layout.addWidget(text)
    layout.addWidget(plain_label(since_text(evidence.get("trusted_checkpoint")), wrap=True))
    layout.addWidget(plain_label(tr("Detected %1: %2").replace("%1", labels.local_time(entry["created_at"]))
                                 .replace("%2", entry.get("message") or ""), wrap=True, selectable=True))
    row = QHBoxLayout()
    row.addStretch(1)
    show = QPushButton(tr("Open the audit page"))
    show.clicked.connect(open_audit)
    row.addWidget(show)
    done = QPushButton(tr("Acknowledge"))
    done.setAccessibleDescription(tr("Remove this card; the audit page stays red and the evidence is kept"))
    done.clicked.connect(acknowledge)
    row.addWidget(done)
    layout.addLayout(row)
    return card
