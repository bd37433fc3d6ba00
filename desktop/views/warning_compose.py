"""Composing a warning: a new draft, an edit of a draft or of a pending revision,
or a new revision of a sent warning; with a live preview of what recipients see.

How it reaches the portal (and why):
- a new draft and a new revision are POSTs: they are queued in the outbox (with
  their Idempotency-Key) and, when online, pushed at once in the background so
  the dialog can show the new draft's id or the portal's refusal right away.
  Offline, or if the portal does not answer, they stay queued and the next sync
  sends them with the same key (never twice).
- an edit is a PATCH against the version the user saw: it is not queued (the
  outbox holds POSTs only, and an edit queued for later would overwrite
  whatever others changed meanwhile), so editing needs the portal: Save is
  greyed offline, with the reason.

Everything the client checks here (CVE format, required texts, recipients that
reach nobody, dropping organisations from a revision, TLP:RED with sectors) the
portal checks again; its refusal is shown in the dialog.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QMessageBox, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QFrame,
                               QGridLayout, QGroupBox, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QPushButton, QScrollArea, QSpinBox, QSplitter, QVBoxLayout, QWidget)

from ..models import labels
from ..models import warnings as rules
from ..sync.calls import AuthExpired, PortalCalls, PortalError, api_path
from ..sync.engine import TRANSIENT_STATUSES
from ..tasks import Op
from .ack_board import region_label, sector_label, sector_plural
from .tlp import TlpLabel, tlp_meaning
from .widgets import fit_to_screen, heading, plain_label

MODE_CREATE, MODE_EDIT, MODE_REVISE = "create", "edit", "revise"


class RecipientPreview(QFrame):
    """The warning as a recipient organisation reads it, in plain text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.tlp = TlpLabel()
        self.severity = plain_label("")
        self.severity.setObjectName("subheading")
        top.addWidget(self.tlp)
        top.addWidget(self.severity)
        top.addStretch(1)
        self.revision = plain_label("", wrap=True)
        self.revision.setObjectName("quote")
        self.revision.hide()
        self.title = plain_label("", wrap=True)
        self.title.setObjectName("heading")
        self.summary = plain_label("", wrap=True)
        self.summary.setStyleSheet("font-weight: 600;")
        self.body = plain_label("", wrap=True)
        self.cves = plain_label("", wrap=True)
        self.ack = plain_label("", wrap=True)
        self.ack.setObjectName("quote")
        self.valid = plain_label("", wrap=True)
        self.valid.setObjectName("muted")
        self.tlp_note = plain_label("", wrap=True)
        self.tlp_note.setObjectName("muted")
        layout.addLayout(top)
        for label in (self.revision, self.title, self.summary, self.body, self.cves, self.ack, self.valid,
                      self.tlp_note):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        layout.addStretch(1)

    def show_form(self, form: dict, cves: list[str], revision: tuple[int, str] | None = None) -> None:
        """`revision`: (number, what changed) when this is a revision of a sent warning."""
        if revision is not None:
            self.revision.setText(self.tr("Update — revision %1: %2").replace("%1", str(revision[0]))
                                  .replace("%2", revision[1] or "…"))
        self.revision.setVisible(revision is not None)
        self.tlp.set_tlp(form.get("tlp"))
        self.severity.setText(self.tr("Severity: %1").replace("%1", labels.severity(form.get("severity"))))
        self.title.setText(form.get("title") or self.tr("(no title yet)"))
        self.summary.setText(form.get("summary") or "")
        self.body.setText(form.get("body") or "")
        self.body.setVisible(bool(form.get("body")))
        self.cves.setText(self.tr("Vulnerabilities: %1").replace("%1", ", ".join(cves)) if cves else "")
        self.cves.setVisible(bool(cves))
        hours = form.get("ack_hours") or 0
        within = self.tr("1 hour") if hours == 1 else self.tr("%1 hours").replace("%1", str(hours))
        self.ack.setText(self.tr("Please acknowledge this warning within %1 of receiving it: received, mitigated "
                                 "or not affected.").replace("%1", within))
        until = form.get("valid_until")
        self.valid.setText(self.tr("Valid until %1.").replace("%1", labels.local_time(until)) if until else "")
        self.valid.setVisible(bool(until))
        self.tlp_note.setText(tlp_meaning(form.get("tlp")))


class WarningComposeDialog(QDialog):
    """`saved(warning_id, outcome)`: outcome "saved" (the portal accepted; the id is
    known for a new draft) or "queued" (sent with the next sync)."""

    saved = Signal(str, str)

    def __init__(self, workspace, mode: str = MODE_CREATE, warning: dict | None = None, parent=None, *,
                 online=lambda: True, clock=time.time, prefill: dict | None = None, incident_ids=()):
        super().__init__(parent)
        # A draft from the Triage page: its content filled in, the incident reports it answers linked.
        self.prefill = dict(prefill or {}) if mode == MODE_CREATE else {}
        self.incident_ids = list(incident_ids) if mode == MODE_CREATE else []
        if mode not in (MODE_CREATE, MODE_EDIT, MODE_REVISE):
            raise ValueError(mode)
        self.workspace = workspace
        self.mode = mode
        self.warning = warning
        self.online = online
        self.clock = clock
        self.busy = False
        self.result_id: str | None = None
        self.outcome: str | None = None
        self.prepared = rules.stage(warning) if warning and mode == MODE_EDIT else None
        self.is_revision = mode == MODE_REVISE or bool(self.prepared and self.prepared.is_revision)
        self.already_warned = list((warning or {}).get("addressed_org_ids") or []) if self.is_revision else []
        self.organisations = self._load_organisations()
        self.setObjectName("warningCompose")
        self.setWindowTitle({MODE_CREATE: self.tr("New warning"),
                             MODE_EDIT: self.tr("Edit %1").replace("%1", (warning or {}).get("id", "")),
                             MODE_REVISE: self.tr("New revision of %1").replace("%1", (warning or {}).get("id", ""))
                             }[mode])
        self._build()
        self._fill(self._initial())
        self._connect()
        fit_to_screen(self, 1180, 820)
        self._changed()

    # -- data --------------------------------------------------------------------------
    def _load_organisations(self) -> list[dict]:
        orgs = self.workspace.cache.documents("organisation")
        return sorted(orgs, key=lambda o: ((o.get("name") or "").lower(), o.get("id") or ""))

    def _initial(self) -> dict:
        if self.mode == MODE_EDIT and self.prepared is not None:
            return dict(self.prepared.content)
        if self.mode == MODE_REVISE and self.warning:
            return rules.content_of(self.warning)
        return {"title": "", "summary": "", "body": "", "severity": "medium", "tlp": "AMBER",
                "recipients": {"sectors": [], "regions": [], "org_ids": []}, "cves": [], "ack_hours": 72,
                "valid_until": None} | self.prefill

    # -- building ----------------------------------------------------------------------------
    def _build(self):
        self.title = QLineEdit()
        self.title.setMaxLength(rules.MAX_TITLE)
        self.title.setPlaceholderText(self.tr("What is it, in one line"))
        self.title.setAccessibleName(self.tr("Title"))
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(self.tr("What recipients must know first (plain text)"))
        self.summary.setAccessibleName(self.tr("Summary"))
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(74)
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(self.tr("Details, indicators and what to do (plain text)"))
        self.body.setAccessibleName(self.tr("Body"))
        self.body.setTabChangesFocus(True)
        self.body.setMinimumHeight(110)
        self.severity = QComboBox()
        self.severity.setAccessibleName(self.tr("Severity"))
        for code in rules.SEVERITIES:
            self.severity.addItem(labels.severity(code), code)
        self.tlp = QComboBox()
        self.tlp.setAccessibleName(self.tr("Traffic Light Protocol"))
        for code in rules.TLPS:
            self.tlp.addItem(f"TLP:{code}", code)
        self.tlp_label = TlpLabel()
        self.ack_hours = QSpinBox()
        self.ack_hours.setRange(rules.MIN_ACK_HOURS, rules.MAX_ACK_HOURS)
        self.ack_hours.setSuffix(self.tr(" h"))
        self.ack_hours.setAccessibleName(self.tr("Acknowledge within (hours)"))
        self.cves = QLineEdit()
        self.cves.setPlaceholderText(self.tr("CVE-2024-3400, CVE-2023-4966"))
        self.cves.setAccessibleName(self.tr("CVE ids"))
        self.cve_note = plain_label("", wrap=True)
        self.cve_note.setObjectName("muted")
        self.has_valid_until = QCheckBox(self.tr("Valid until"))
        self.valid_until = QDateTimeEdit()
        self.valid_until.setCalendarPopup(True)
        self.valid_until.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.valid_until.setAccessibleName(self.tr("Valid until (local time)"))
        self.revision_summary = QLineEdit()
        self.revision_summary.setMaxLength(rules.MAX_REASON)
        self.revision_summary.setPlaceholderText(self.tr("What changed in this revision (recipients see it)"))
        self.revision_summary.setAccessibleName(self.tr("What changed"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        if self.is_revision:
            form.addRow(self.tr("What changed:"), self.revision_summary)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Summary:"), self.summary)
        form.addRow(self.tr("Body:"), self.body)
        line = QHBoxLayout()
        line.addWidget(self.severity)
        line.addSpacing(12)
        tlp_caption = plain_label(self.tr("TLP:"))
        tlp_caption.setBuddy(self.tlp)
        line.addWidget(tlp_caption)
        line.addWidget(self.tlp)
        line.addWidget(self.tlp_label)
        line.addSpacing(12)
        ack_caption = plain_label(self.tr("Acknowledge within:"))
        ack_caption.setBuddy(self.ack_hours)
        line.addWidget(ack_caption)
        line.addWidget(self.ack_hours)
        line.addStretch(1)
        form.addRow(self.tr("Severity:"), line)
        cve_box = QVBoxLayout()
        cve_box.setSpacing(2)
        cve_box.addWidget(self.cves)
        cve_box.addWidget(self.cve_note)
        form.addRow(self.tr("CVEs:"), cve_box)
        valid = QHBoxLayout()
        valid.addWidget(self.has_valid_until)
        valid.addWidget(self.valid_until)
        valid.addStretch(1)
        form.addRow("", valid)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        if self.is_revision:
            intro = plain_label(self.tr("A revision is sent to everyone who received the warning (and anyone you "
                                        "add); it cannot drop an organisation already warned. Recipients are asked "
                                        "to acknowledge it again."), wrap=True)
            intro.setObjectName("muted")
            left_layout.addWidget(intro)
        if self.incident_ids:
            self.linked = plain_label(self.tr("Answers the incident reports: %1").replace(
                "%1", ", ".join(self.incident_ids)), wrap=True)
            self.linked.setObjectName("muted")
            self.linked.setAccessibleName(self.tr("Linked incident reports"))
            left_layout.addWidget(self.linked)
        left_layout.addLayout(form)
        left_layout.addWidget(self._recipients_box(), 1)
        scroll = self.form_scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(left)
        # Up and down only: the form is never cut on the right nor scrolled sideways; the
        # splitter keeps it at least as wide as it needs.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(left.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 4)

        self.preview = RecipientPreview()
        preview_scroll = QScrollArea()
        preview_scroll.setWidgetResizable(True)
        preview_scroll.setFrameShape(QFrame.Shape.NoFrame)
        preview_scroll.setWidget(self.preview)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(heading(self.tr("How recipients see it"), 2))
        note = plain_label(self.tr("Each organisation sees the warning as plain text, never who else received it."),
                           wrap=True)
        note.setObjectName("muted")
        right_layout.addWidget(note)
        right_layout.addWidget(preview_scroll, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 400])

        self.problems = plain_label("", wrap=True)
        self.problems.setObjectName("error")
        self.problems.setAccessibleName(self.tr("Why it cannot be saved yet"))
        self.status = plain_label("", wrap=True)
        self.status.setObjectName("muted")
        self.status.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton(self._save_text())
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(lambda: self.save())

        self.reach_summary = plain_label("", wrap=True)
        self.reach_summary.setStyleSheet("font-weight: 600;")
        self.reach_summary.setAccessibleName(self.tr("Organisations reached"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.reach_summary, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.status)
        layout.addLayout(bottom)

    def _save_text(self) -> str:
        if self.mode == MODE_EDIT:
            return self.tr("Save changes")
        if self.mode == MODE_REVISE:
            return self.tr("Prepare revision")
        return self.tr("Save draft")

    def _recipients_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Recipients"))
        layout = QVBoxLayout(box)
        layout.setSpacing(6)
        self.reach_label = plain_label("", wrap=True)
        self.reach_label.setStyleSheet("font-weight: 600;")
        self.reach_label.setAccessibleName(self.tr("Organisations reached"))
        layout.addWidget(self.reach_label)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        grid.addWidget(plain_label(self.tr("Sectors:")), 0, 0, Qt.AlignmentFlag.AlignTop)
        self.sector_boxes: dict[str, QCheckBox] = {}
        for n, code in enumerate(rules.SECTORS):
            check = QCheckBox(sector_label(code))
            check.setProperty("code", code)
            self.sector_boxes[code] = check
            grid.addWidget(check, n // 3, 1 + n % 3)
        grid.addWidget(plain_label(self.tr("Regions:")), 2, 0, Qt.AlignmentFlag.AlignTop)
        self.region_boxes: dict[str, QCheckBox] = {}
        for n, name in enumerate(rules.REGIONS):
            check = QCheckBox(region_label(name))
            check.setProperty("code", name)
            self.region_boxes[name] = check
            grid.addWidget(check, 2 + n // 3, 1 + n % 3)
        grid.setColumnStretch(4, 1)
        layout.addLayout(grid)
        scope = plain_label(self.tr("Sectors and regions together mean: those sectors within those regions. "
                                    "Regions alone: every organisation in them."), wrap=True)
        scope.setObjectName("muted")
        layout.addWidget(scope)
        self.clear_scope = QPushButton(self.tr("Clear sectors and regions"))
        self.clear_scope.setToolTip(self.tr("TLP:RED goes to named organisations only"))
        self.clear_scope.clicked.connect(self._clear_scope)
        self.red_note = plain_label("", wrap=True)
        self.red_note.setObjectName("error")
        red_row = QHBoxLayout()
        red_row.addWidget(self.red_note, 1)
        red_row.addWidget(self.clear_scope, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(red_row)

        named_row = QHBoxLayout()
        named_row.addWidget(plain_label(self.tr("Named organisations:")))
        self.org_search = QLineEdit()
        self.org_search.setPlaceholderText(self.tr("Search by name, id, sector or region"))
        self.org_search.setAccessibleName(self.tr("Search organisations"))
        self.org_search.setClearButtonEnabled(True)
        named_row.addWidget(self.org_search, 1)
        self.only_named = QCheckBox(self.tr("Only chosen"))
        named_row.addWidget(self.only_named)
        layout.addLayout(named_row)
        self.org_list = QListWidget()
        self.org_list.setAccessibleName(self.tr("Named organisations"))
        self.org_list.setMinimumHeight(self.fontMetrics().height() * 13)   # a dozen organisations at a glance
        self.org_list.setUniformItemSizes(True)
        for org in self.organisations:
            text = f"{org.get('name')} — {sector_label(org.get('sector'))}, {region_label(org.get('region'))} " \
                   f"({org.get('id')})"
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, org.get("id"))
            item.setData(Qt.ItemDataRole.UserRole + 1, text.lower())
            self.org_list.addItem(item)
        layout.addWidget(self.org_list, 1)
        return box

    def _fill(self, content: dict):
        self.title.setText(content.get("title") or "")
        self.summary.setPlainText(content.get("summary") or "")
        self.body.setPlainText(content.get("body") or "")
        self.severity.setCurrentIndex(max(0, self.severity.findData(content.get("severity") or "medium")))
        self.tlp.setCurrentIndex(max(0, self.tlp.findData(content.get("tlp") or "AMBER")))
        self.ack_hours.setValue(int(content.get("ack_hours") or 72))
        self.cves.setText(", ".join(content.get("cves") or []))
        until = rules.parse_iso(content.get("valid_until"))
        self.has_valid_until.setChecked(until is not None)
        default = self.clock() + 30 * 86400 if until is None else until
        self.valid_until.setDateTime(QDateTime.fromSecsSinceEpoch(int(default)))
        self.valid_until.setEnabled(until is not None)
        recipients = rules.normalise_recipients(content.get("recipients"))
        for code, check in self.sector_boxes.items():
            check.setChecked(code in recipients["sectors"])
        for name, check in self.region_boxes.items():
            check.setChecked(name in recipients["regions"])
        named = set(recipients["org_ids"])
        for i in range(self.org_list.count()):
            item = self.org_list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in named
                               else Qt.CheckState.Unchecked)
        self._unknown_named = [o for o in recipients["org_ids"]
                               if o not in {org.get("id") for org in self.organisations}]
        if self.prepared is not None and self.prepared.is_revision:
            self.revision_summary.setText(self.prepared.summary or "")

    def _connect(self):
        for widget in (self.title, self.cves, self.revision_summary):
            widget.textChanged.connect(self._changed)
        for widget in (self.summary, self.body):
            widget.textChanged.connect(self._changed)
        for combo in (self.severity, self.tlp):
            combo.currentIndexChanged.connect(self._changed)
        self.ack_hours.valueChanged.connect(self._changed)
        self.valid_until.dateTimeChanged.connect(self._changed)
        self.has_valid_until.toggled.connect(self.valid_until.setEnabled)
        self.has_valid_until.toggled.connect(self._changed)
        for check in (*self.sector_boxes.values(), *self.region_boxes.values()):
            check.toggled.connect(self._changed)
        self.org_list.itemChanged.connect(lambda _item: self._changed())
        self.org_search.textChanged.connect(self._filter_orgs)
        self.only_named.toggled.connect(lambda _on: self._filter_orgs())

    # -- the form's value -------------------------------------------------------------------------
    def named_ids(self) -> list[str]:
        ids = [self.org_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.org_list.count())
               if self.org_list.item(i).checkState() == Qt.CheckState.Checked]
        return ids + [o for o in getattr(self, "_unknown_named", []) if o not in ids]

    def recipients(self) -> dict:
        return {"sectors": [c for c, b in self.sector_boxes.items() if b.isChecked()],
                "regions": [n for n, b in self.region_boxes.items() if b.isChecked()],
                "org_ids": self.named_ids()}

    def valid_until_iso(self) -> str | None:
        if not self.has_valid_until.isChecked():
            return None
        return rules.iso(self.valid_until.dateTime().toSecsSinceEpoch())

    def form(self) -> dict:
        cves, _bad = rules.check_cves(self.cves.text(), self.clock())
        return {"title": self.title.text(), "summary": self.summary.toPlainText(), "body": self.body.toPlainText(),
                "severity": self.severity.currentData(), "tlp": self.tlp.currentData(),
                "recipients": self.recipients(), "cves": cves, "ack_hours": self.ack_hours.value(),
                "valid_until": self.valid_until_iso()}

    def set_named(self, org_ids: list[str]) -> None:
        wanted = set(org_ids)
        for i in range(self.org_list.count()):
            item = self.org_list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                               else Qt.CheckState.Unchecked)

    def _filter_orgs(self):
        words = self.org_search.text().lower().split()
        only = self.only_named.isChecked()
        for i in range(self.org_list.count()):
            item = self.org_list.item(i)
            text = item.data(Qt.ItemDataRole.UserRole + 1) or ""
            hide = any(w not in text for w in words) or (only and item.checkState() != Qt.CheckState.Checked)
            item.setHidden(hide)

    def _clear_scope(self):
        for check in (*self.sector_boxes.values(), *self.region_boxes.values()):
            check.setChecked(False)

    # -- live checks and preview -------------------------------------------------------------
    def reach(self) -> rules.Reach:
        return rules.reach(self.organisations, self.recipients())

    def _reach_text(self, reached: rules.Reach) -> str:
        if not reached.total:
            return self.tr("Reaches no organisation yet: choose sectors, regions or named organisations.")
        parts = [f"{count} {sector_plural(sector)}" for sector, count in
                 sorted(reached.by_sector.items(), key=lambda kv: (-kv[1], kv[0]))]
        text = (self.tr("Reaches 1 organisation") if reached.total == 1 else
                self.tr("Reaches %1 organisations").replace("%1", str(reached.total))) + ": " + ", ".join(parts)
        if reached.named_only and reached.by_scope:
            text += " " + self.tr("(%1 by sector or region, %2 named)").replace("%1", str(reached.by_scope)) \
                .replace("%2", str(reached.named_only))
        return text

    def problems_now(self) -> list[str]:
        """Why Save is greyed, in words (empty: it can be saved)."""
        out: list[str] = []
        form = self.form()
        problem = rules.text_problem(form["title"], required=True, single_line=True, limit=rules.MAX_TITLE)
        if problem:
            out.append({"empty": self.tr("Give a title."),
                        "control": self.tr("The title must be one line of plain text."),
                        "too_long": self.tr("The title is too long.")}[problem])
        problem = rules.text_problem(form["summary"], required=True, limit=rules.MAX_SUMMARY)
        if problem:
            out.append({"empty": self.tr("Give a summary."),
                        "control": self.tr("The summary contains control characters."),
                        "too_long": self.tr("The summary is too long.")}[problem])
        problem = rules.text_problem(form["body"], required=False, limit=rules.MAX_BODY)
        if problem:
            out.append({"control": self.tr("The body contains control characters."),
                        "too_long": self.tr("The body is too long.")}.get(problem, problem))
        _cves, bad = rules.check_cves(self.cves.text(), self.clock())
        if bad:
            out.append(self.tr("Not a CVE id (CVE-YYYY-NNNN): %1").replace("%1", ", ".join(bad[:5])))
        if form["valid_until"] and (rules.parse_iso(form["valid_until"]) or 0) <= self.clock():
            out.append(self.tr("“Valid until” must be in the future."))
        reached = self.reach()
        if not reached.total:
            out.append(self.tr("Choose who receives it."))
        if self.is_revision:
            if not self.revision_summary.text().strip():
                out.append(self.tr("Say what changed in this revision."))
            dropped = rules.dropped_org_ids(self.already_warned, self.organisations, form["recipients"])
            if dropped:
                out.append(self.tr("A revision cannot drop organisations already warned: %1")
                           .replace("%1", self._org_names(dropped)))
        if self.mode == MODE_EDIT:
            if not self.online():
                out.append(self.tr("Editing needs the portal: you are offline. (An edit is checked against the "
                                   "current version, so it is not queued.)"))
            elif self.warning is not None and not self._patch_body_changes():
                out.append(self.tr("Nothing has changed yet."))
        return out

    def _patch_body_changes(self) -> dict:
        body = rules.patch_body(self.warning, self.form(),
                                self.revision_summary.text() if self.is_revision else None)
        return {k: v for k, v in body.items() if k != "expected_version"}

    def _org_names(self, ids: list[str]) -> str:
        by_id = {o.get("id"): o for o in self.organisations}
        names = [(by_id.get(i) or {}).get("name") or i for i in ids[:5]]
        text = ", ".join(names)
        if len(ids) > 5:
            text += " " + self.tr("and %1 more").replace("%1", str(len(ids) - 5))
        return text

    def _changed(self, *_args):
        form = self.form()
        self.tlp_label.set_tlp(form["tlp"])
        cves, bad = rules.check_cves(self.cves.text(), self.clock())
        if bad:
            self.cve_note.setObjectName("error")
            self.cve_note.setText(self.tr("Not a CVE id: %1 — write them as CVE-2024-3400.")
                                  .replace("%1", ", ".join(bad[:5])))
        else:
            self.cve_note.setObjectName("muted")
            self.cve_note.setText((self.tr("1 CVE id") if len(cves) == 1 else
                                   self.tr("%1 CVE ids").replace("%1", str(len(cves)))) if cves else
                                  self.tr("Optional; separate several with commas."))
        self.cve_note.style().unpolish(self.cve_note)
        self.cve_note.style().polish(self.cve_note)
        reach_text = self._reach_text(self.reach())
        self.reach_label.setText(reach_text)
        self.reach_summary.setText(reach_text)
        red = rules.red_violation(form["tlp"], form["recipients"])
        if red:
            self.red_note.setText(self.tr("TLP:RED goes to named organisations only. It can be saved like this, "
                                          "but Send stays greyed until the sectors and regions are cleared."))
        elif form["tlp"] == "RED":
            self.red_note.setText(self.tr("TLP:RED: only the named organisations below receive it."))
        else:
            self.red_note.setText("")
        self.red_note.setVisible(bool(self.red_note.text()))
        self.clear_scope.setVisible(red)
        for check in (*self.sector_boxes.values(), *self.region_boxes.values()):
            check.setEnabled(form["tlp"] != "RED" or check.isChecked())
        self.preview.show_form(form, cves, (self._revision_number(), self.revision_summary.text())
                               if self.is_revision else None)
        problems = self.problems_now()
        self.problems.setText("\n".join(f"• {p}" for p in problems))
        self.problems.setVisible(bool(problems))
        self.save_button.setEnabled(not problems and not self.busy)
        self.save_button.setToolTip("\n".join(problems) if problems else self._save_tip())
        if self.mode != MODE_EDIT:
            self.save_button.setText(self._save_text() if self.online() else self.tr("Queue (offline)"))

    def _revision_number(self) -> int:
        if self.prepared is not None:
            return self.prepared.number
        return ((self.warning or {}).get("revision") or 0) + 1

    def _save_tip(self) -> str:
        if self.mode == MODE_EDIT:
            return self.tr("Save the changes on the portal; an edit clears an earlier co-sign")
        if not self.online():
            return self.tr("You are offline: it is queued and sent when the portal can be reached")
        return self.tr("Save on the portal")

    # -- saving ------------------------------------------------------------------------------------
    def voids_cosign(self) -> str | None:
        """Who co-signed the draft being edited: saving the edit removes that co-sign."""
        if self.mode == MODE_EDIT and self.prepared is not None and self.prepared.cosigned_by:
            staff = self.workspace.cache.get("staff", self.prepared.cosigned_by) or {}
            return staff.get("display_name") or self.prepared.cosigned_by
        return None

    def save(self, cosign_void_confirmed: bool = False):
        if self.busy or self.problems_now():
            return
        cosigner = self.voids_cosign()
        if cosigner and not cosign_void_confirmed:
            # Said before saving, not discovered afterwards: the edit needs a new co-sign.
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Remove the co-sign?"), self.tr(
                "%1 co-signed this draft. Saving your changes removes that co-sign: another coordinator must "
                "co-sign the changed text before it can be sent.").replace("%1", cosigner), parent=self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            go = box.addButton(self.tr("Save and remove co-sign"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            box.buttonClicked.connect(lambda b: self.save(cosign_void_confirmed=True) if b is go else None)
            self.cosign_question = box
            box.open()
            return
        form = self.form()
        if self.mode == MODE_EDIT:
            calls = PortalCalls(self.workspace.client)
            body = rules.patch_body(self.warning, form, self.revision_summary.text() if self.is_revision else None)
            warning_id = self.warning["id"]
            self._set_busy(True, self.tr("Saving…"))
            Op(lambda: calls.edit_warning(warning_id, body)).success(lambda answer: self._done(answer, "saved")) \
                .failure(self._edit_failed).run_in_background()
            return
        outbox = self.workspace.engine.outbox
        if self.mode == MODE_CREATE:
            body = rules.create_body(form) | ({"incident_ids": self.incident_ids} if self.incident_ids else {})
            row = outbox.enqueue("POST", "/warnings", body, "warning", None,
                                 self.tr("New warning draft: %1").replace("%1", form["title"]))
        else:
            row = outbox.enqueue("POST", api_path("warnings", self.warning["id"], "revisions"),
                                 rules.revision_body(self.warning, form, self.revision_summary.text()),
                                 "warning", self.warning["id"],
                                 self.tr("Revision of %1: %2").replace("%1", self.warning["id"])
                                 .replace("%2", self.revision_summary.text()))
        if not (self.online() and self.workspace.client.token):
            self._done(None, "queued")
            return
        self._set_busy(True, self.tr("Sending to the portal…"))
        engine = self.workspace.engine
        Op(lambda: engine.send_now(row["id"])) \
            .success(lambda answer: self._done(answer, "saved" if answer is not None else "queued")) \
            .failure(self._push_failed).run_in_background()

    def _set_busy(self, busy: bool, text: str = ""):
        self.busy = busy
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self.save_button.setEnabled(not busy and not self.problems_now())

    def _done(self, answer: dict | None, outcome: str):
        self.busy = False
        self.outcome = outcome
        if isinstance(answer, dict) and answer.get("id"):
            self.result_id = answer["id"]
        elif self.warning is not None:
            self.result_id = self.warning["id"]
        self.saved.emit(self.result_id or "", outcome)
        self.accept()

    def _refusal_text(self, exc: BaseException) -> str:
        if isinstance(exc, PortalError):
            return self.tr("The portal refused it (%1): %2").replace("%1", exc.code).replace("%2", exc.message)
        return self.tr("The portal could not be reached: %1").replace("%1", str(exc) or type(exc).__name__)

    def _push_failed(self, exc: BaseException):
        if isinstance(exc, PortalError) and not isinstance(exc, AuthExpired) \
                and exc.status not in TRANSIENT_STATUSES:
            self._set_busy(False, self._refusal_text(exc))
            self.status.setObjectName("error")
            self.status.style().unpolish(self.status)
            self.status.style().polish(self.status)
            return
        # Not answered (offline, a fault, the session expired): it stays queued with its key.
        self._done(None, "queued")

    def _edit_failed(self, exc: BaseException):
        self._set_busy(False, "")
        if isinstance(exc, AuthExpired):
            text = self.tr("Your session has expired: sign in again, then save. Your changes are still here.")
        elif isinstance(exc, PortalError) and exc.code == "version_conflict":
            text = self.tr("Someone changed this warning meanwhile. Close, sync and edit it again.")
        elif isinstance(exc, PortalError):
            text = self._refusal_text(exc)
        else:
            text = self._refusal_text(exc) + " " + self.tr("Your changes are still here; try again.")
        self.status.setText(text)
        self.status.setVisible(True)
        self.status.setObjectName("error")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
