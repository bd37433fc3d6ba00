"""Requesting a management sample: a project or a researcher, how many outputs,
and why (required). Sent through the outbox as `POST /samples`."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QPlainTextEdit, QRadioButton, QSpinBox, QVBoxLayout, QWidget)

from ..models import outputs as rules
from ..models.output_queue import OutputQueue
from .widgets import plain_label


class SampleDialog(QDialog):
    """`body()` after accept: {"scope", "target_id", "count", "reason"}."""

    def __init__(self, queue: OutputQueue, parent=None, *, project_id: str | None = None,
                 researcher_id: str | None = None):
        super().__init__(parent)
        self.queue = queue
        self.setObjectName("sampleDialog")
        self.setWindowTitle(self.tr("Request a management sample"))
        self.setModal(True)
        self.setMinimumWidth(560)
        self.projects = queue.projects()
        self.researchers = queue.researchers()

        intro = plain_label(self.tr("Hold outputs of a project or a researcher for a supervisor's check. The newest "
                                    "outputs that are still held are taken, up to the number you ask for; released "
                                    "ones have left the research machines and cannot be recalled, withheld ones are "
                                    "decided."), wrap=True)
        intro.setObjectName("muted")

        self.project_radio = QRadioButton(self.tr("A &project"))
        self.researcher_radio = QRadioButton(self.tr("A r&esearcher"))
        self.scope_group = QButtonGroup(self)
        self.scope_group.addButton(self.project_radio)
        self.scope_group.addButton(self.researcher_radio)
        scope_row = QWidget()
        scope_layout = QHBoxLayout(scope_row)
        scope_layout.setContentsMargins(0, 0, 0, 0)
        scope_layout.addWidget(self.project_radio)
        scope_layout.addWidget(self.researcher_radio)
        scope_layout.addStretch(1)

        self.target = QComboBox()
        self.target.setObjectName("sampleTarget")
        self.target.setAccessibleName(self.tr("Project or researcher"))
        self.target.setMinimumContentsLength(40)
        self.count = QSpinBox()
        self.count.setObjectName("sampleCount")
        self.count.setAccessibleName(self.tr("Number of outputs"))
        self.count.setRange(1, rules.MAX_SAMPLE_COUNT)
        self.count.setValue(3)
        self.eligible = plain_label("", wrap=True)
        self.eligible.setObjectName("muted")
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("sampleReason")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("Why this sample? It is recorded with the sample and in the audit "
                                               "trail."))
        self.reason.setTabChangesFocus(True)
        self.reason.setMinimumHeight(90)

        form = QFormLayout()
        form.addRow(self.tr("Sample of:"), scope_row)
        form.addRow(self.tr("&Which:"), self.target)
        form.addRow(self.tr("&Outputs, at most:"), self.count)
        form.addRow("", self.eligible)
        form.addRow(self.tr("&Reason (required):"), self.reason)

        self.hint = plain_label("")
        self.hint.setObjectName("muted")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(self.tr("Request sample"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("confirmButton")
        self.ok_button.setAutoDefault(False)
        self.ok_button.setDefault(False)
        self.buttons.accepted.connect(self._accept_if_ready)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

        self._wanted = {"project": project_id, "researcher": researcher_id}
        self.project_radio.toggled.connect(lambda _on: self._fill_targets())
        self.target.currentIndexChanged.connect(lambda _i: self._update())
        self.count.valueChanged.connect(lambda _v: self._update())
        self.reason.textChanged.connect(self._update)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self._accept_if_ready)
        self.project_radio.setChecked(True)   # fills the targets
        self.target.setFocus()
        self._update()

    # -- choices ---------------------------------------------------------------------------------
    def scope(self) -> str:
        return "project" if self.project_radio.isChecked() else "researcher"

    def _fill_targets(self):
        scope = self.scope()
        self.target.blockSignals(True)
        self.target.clear()
        if scope == "project":
            for p in self.projects:
                text = self.tr("%1 — %2 (%3, %4)").replace("%1", p["id"]).replace("%2", p["researcher_name"]) \
                    .replace("%3", self.tr("%n output(s)", "", p["outputs"])) \
                    .replace("%4", self.tr("%n held", "", p["held"]))
                self.target.addItem(text, p["id"])
        else:
            for r in self.researchers:
                text = self.tr("%1 — %2 (%3, %4)").replace("%1", r["name"]) \
                    .replace("%2", r["institution"] or "?").replace("%3", r["id"]) \
                    .replace("%4", self.tr("%n output(s)", "", r["outputs"]))
                self.target.addItem(text, r["id"])
        wanted = self._wanted.get(scope)
        index = self.target.findData(wanted) if wanted else -1
        self.target.setCurrentIndex(max(index, 0) if self.target.count() else -1)
        self.target.blockSignals(False)
        self._update()

    def select_target(self, scope: str, target_id: str) -> bool:
        (self.project_radio if scope == "project" else self.researcher_radio).setChecked(True)
        index = self.target.findData(target_id)
        if index >= 0:
            self.target.setCurrentIndex(index)
        return index >= 0

    def target_text(self) -> str:
        target = self.target.currentData() or ""
        if self.scope() == "project":
            return self.tr("project %1").replace("%1", target)
        name = next((r["name"] for r in self.researchers if r["id"] == target), target)
        return self.tr("researcher %1 (%2)").replace("%1", name).replace("%2", target)

    def _eligible_count(self) -> int | None:
        target = self.target.currentData()
        if not target:
            return None
        if self.scope() == "project":
            found = next((p for p in self.projects if p["id"] == target), None)
            return found["held"] if found else 0
        return self.queue.cache.held_outputs_of(target)

    # -- readiness -------------------------------------------------------------------------------
    def _update(self):
        eligible = self._eligible_count()
        if eligible is None:
            self.eligible.setText(self.tr("Nothing to choose from in the offline copy yet."))
        elif eligible == 0:
            self.eligible.setText(self.tr("None of its outputs is held now: the sample is recorded with no "
                                          "outputs (as far as this copy knows)."))
        else:
            taken = min(eligible, self.count.value())
            self.eligible.setText(self.tr("Held now: %1; taken: %2 (as far as this copy knows).")
                                  .replace("%1", self.tr("%n output(s)", "", eligible))
                                  .replace("%2", self.tr("%n output(s)", "", taken)))
        problem = self.problem()
        self.ok_button.setEnabled(problem is None)
        self.hint.setText(problem or self.tr("Ctrl+Enter to request, Esc to cancel."))

    def problem(self) -> str | None:
        if not self.target.currentData():
            return self.tr("Choose a project or a researcher.")
        if not self.reason.toPlainText().strip():
            return self.tr("Write a reason to enable Request sample. Esc cancels.")
        if len(self.reason.toPlainText()) > rules.MAX_COMMENT:
            return self.tr("The reason is too long (at most %1 characters).").replace("%1", str(rules.MAX_COMMENT))
        return None

    def _accept_if_ready(self):
        if self.problem() is None:
            self.accept()

    def body(self) -> dict:
        return rules.sample_body(self.scope(), self.target.currentData() or "", self.count.value(),
                                 self.reason.toPlainText())
