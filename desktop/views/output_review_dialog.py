"""Release or withhold one output: the supervisor's confirmation dialog.

A release of an output the automatic check flagged (verdict fail or review)
lists the check's findings, warns first about personal data (CPR or CVR
numbers, microdata, a file ACRO passed that the portal did not), and needs a
justification in words: the supervisor says why it may leave anyway. A
withhold needs a reason the researcher reads.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout

from ..models import labels
from ..models import outputs as rules
from .output_viewer import Words
from .widgets import plain_label

MAX_LISTED = 12   # findings listed in the dialog; the viewer shows them all


class OutputReviewDialog(QDialog):
    """Release (a confirmation; a justification when the check flagged the output, else an
    optional comment) or withhold (a reason is required) one output. `verdict()` and
    `comment()` after accept."""

    def __init__(self, item: rules.QueueItem, verdict: str, parent=None, *, unverified: list[str] | None = None,
                 findings: list[dict] | None = None):
        super().__init__(parent)
        self.item = item
        self._verdict = verdict
        self.justify = rules.needs_justification(item.verdict, verdict)
        self.setObjectName(f"outputReviewDialog_{verdict}")
        self.setModal(True)
        self.setMinimumWidth(500)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        if verdict == "release":
            self.setWindowTitle(self.tr("Release output"))
            if item.required > 1:
                question = self.tr("Release %1 as release %2 of %3?").replace("%1", item.id) \
                    .replace("%2", str(item.ordinal)).replace("%3", str(item.required))
                if item.release_completes:
                    consequence = self.tr("This is the last release needed: the output leaves the research "
                                          "machine for the researcher.")
                else:
                    consequence = self.tr("1 of 2 releases: the automatic check flagged this output, so after "
                                          "yours a second supervisor must release it too. It stays held until then.") \
                        if item.required == 2 and item.ordinal == 1 else \
                        self.tr("After yours, %1 more releases from other supervisors are needed.").replace(
                            "%1", str(item.required - item.ordinal))
            else:
                question = self.tr("Release %1?").replace("%1", item.id)
                consequence = self.tr("One release is needed for this clean, sampled output: it leaves the research "
                                      "machine for the researcher.")
            ok_text = self.tr("Release")
            prompt = self.tr("Justification (required): why may it leave despite the findings?") if self.justify \
                else self.tr("Comment (optional):")
        else:
            self.setWindowTitle(self.tr("Withhold output"))
            question = self.tr("Withhold %1?").replace("%1", item.id)
            consequence = self.tr("A withhold ends it: the output does not leave the research machine. Say why; the "
                                  "researcher reads it.")
            ok_text = self.tr("Withhold")
            prompt = self.tr("Reason (required):")
        self.question = plain_label(question, wrap=True)
        self.question.setObjectName("subheading")
        layout.addWidget(self.question)
        case = plain_label(f"{item.project_id}  ·  {item.researcher_name}\n" + ", ".join(item.files), wrap=True)
        case.setObjectName("muted")
        layout.addWidget(case)
        self.consequence = plain_label(consequence, wrap=True)
        layout.addWidget(self.consequence)
        self.findings_label = None
        if self.justify:
            self._add_findings(layout, findings or [])
        if unverified and verdict == "release":
            warn = plain_label(self.tr("Not every file has been checked against its SHA-256 yet (%1). You have not "
                                       "seen what you are releasing.").replace("%1", ", ".join(unverified)), wrap=True)
            warn.setObjectName("error")
            layout.addWidget(warn)
        self.reason_box = None
        if verdict == "withhold":
            # Coded, so that supervisors see which reasons dominate (the dashboard counts them).
            reason_label = plain_label(self.tr("Reason (required):"))
            self.reason_box = QComboBox()
            self.reason_box.setObjectName("withholdReason")
            self.reason_box.setAccessibleName(self.tr("Withhold reason"))
            self.reason_box.addItem(self.tr("Choose a reason…"), None)
            for code in rules.WITHHOLD_REASONS:
                self.reason_box.addItem(labels.withhold_reason(code), code)
            reason_label.setBuddy(self.reason_box)
            layout.addWidget(reason_label)
            layout.addWidget(self.reason_box)
            self.reason_box.currentIndexChanged.connect(self._update)
            prompt = self.tr("Explanation for the researcher (required):")
        label = plain_label(prompt)
        self.comment_box = QPlainTextEdit()
        self.comment_box.setAccessibleName(self.tr("Comment") if verdict == "release" else self.tr("Reason"))
        self.comment_box.setPlaceholderText(
            self.tr("The researcher reads this.") if verdict == "withhold" else
            self.tr("For the record: what you checked and why the findings do not disclose anyone.")
            if self.justify else self.tr("For the record (optional)."))
        self.comment_box.setTabChangesFocus(True)
        self.comment_box.setMinimumHeight(96)
        label.setBuddy(self.comment_box)
        layout.addWidget(label)
        layout.addWidget(self.comment_box, 1)
        self.hint = plain_label("")
        self.hint.setObjectName("muted")
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("confirmButton")
        self.ok_button.setDefault(False)
        self.ok_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.comment_box.textChanged.connect(self._update)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self._confirm_if_ready)
        self.comment_box.setFocus()
        self._update()

    def _update(self):
        text = self.comment()
        ready = (self._verdict == "release" and not self.justify) or bool(text.strip())
        if self.reason_box is not None and self.reason() is None:
            ready = False
        too_long = len(text) > rules.MAX_COMMENT
        self.ok_button.setEnabled(ready and not too_long)
        if too_long:
            self.hint.setText(self.tr("Too long (at most %1 characters).").replace("%1", str(rules.MAX_COMMENT)))
        elif self.reason_box is not None and self.reason() is None:
            self.hint.setText(self.tr("Choose a reason and write an explanation to enable %1. Esc cancels.")
                              .replace("%1", self.ok_button.text()))
        elif not ready and self.justify:
            self.hint.setText(self.tr("Write a justification to enable %1. Esc cancels.")
                              .replace("%1", self.ok_button.text()))
        elif not ready:
            self.hint.setText(self.tr("Write a reason to enable %1. Esc cancels.").replace("%1", self.ok_button.text()))
        else:
            self.hint.setText(self.tr("Ctrl+Enter to confirm, Esc to cancel."))

    def _add_findings(self, layout, findings: list[dict]):
        """The check's findings, personal data first, as plain text (they come from the portal)."""
        words = Words(self)
        personal = [f for f in findings if f.get("rule") in rules.PERSONAL_DATA_RULES]
        if personal:
            names = ", ".join(dict.fromkeys(words.rule_short(f.get("rule")) for f in personal))
            warn = plain_label(self.tr("The automatic check found personal data (%1). Releasing gives it out of the "
                                       "research machine.").replace("%1", names), wrap=True)
            warn.setObjectName("error")
            layout.addWidget(warn)
        ordered = personal + [f for f in findings if f.get("rule") not in rules.PERSONAL_DATA_RULES]
        groups: dict[tuple, list[dict]] = {}
        for f in ordered:
            groups.setdefault((f.get("file") or "", str(f.get("rule") or "")), []).append(f)
        lines = []
        for (file, rule), group in list(groups.items())[:MAX_LISTED]:
            places = [self.tr("row %1").replace("%1", str(f["row"] + 1)) + (f" · {f['column']}" if f.get("column")
                      else "") for f in group if isinstance(f.get("row"), int)]
            shown = ", ".join(places[:3]) + (", …" if len(places) > 3 else "")
            count = f" ×{len(group)}" if len(group) > 1 else ""
            lines.append(f"• {file or self.tr('all files')} — {words.rule(rule)}{count}" + (f" ({shown})" if shown else ""))
        if len(groups) > MAX_LISTED:
            lines.append(self.tr("… and %n more (all of them in the files on the right)", "", len(groups) - MAX_LISTED))
        if not lines:
            lines.append(self.tr("The check flagged this output (verdict %1).").replace("%1", self.item.verdict))
        title = plain_label(self.tr("What the automatic check found:"))
        layout.addWidget(title)
        self.findings_label = plain_label("\n".join(lines), wrap=True)
        self.findings_label.setObjectName("findingsList")
        layout.addWidget(self.findings_label)

    def _confirm_if_ready(self):
        if self.ok_button.isEnabled():
            self.accept()

    def verdict(self) -> str:
        return self._verdict

    decision = verdict      # what the queue page asks its dialog for

    def comment(self) -> str:
        return self.comment_box.toPlainText()

    def reason(self) -> str | None:
        """The coded withhold reason chosen (None until one is)."""
        return self.reason_box.currentData() if self.reason_box is not None else None
