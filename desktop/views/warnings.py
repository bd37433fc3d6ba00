"""Warnings: the security coordinators' page.

The list has sections: drafts, awaiting co-sign (a draft or a prepared revision
whose severity needs a second coordinator and has none yet, or co-signed and
ready to send), sent (with each warning's acknowledgement progress as a bar and
in numbers), overdue, expired and retracted. The detail pane shows the selected
warning as recipients read it (plain text), its revision history and its
acknowledgement board, with the actions this user may take — greyed with the
reason when a rule forbids them (the rules: `models.warnings`; the portal
enforces them again).

Actions go through the outbox with their Idempotency-Keys and a sync right
away: co-sign, send and retract (a refusal lands in Needs attention and is said
here). New drafts and revisions are composed in `warning_compose` (queued, and
pushed at once when online so the dialog shows the answer). Edits and
discarding a prepared revision are not POSTs and need the portal.

After every sync (and every minute) the page compares the warnings with what it
saw before and notifies once per event: a warning whose recipients became
overdue, a new critical warning (`desktop.notify`).
"""

from __future__ import annotations

import json
import logging
import time

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFrame, QHBoxLayout, QHeaderView,
                               QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QScrollArea, QSplitter, QTabBar,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

from ..models import certification, labels
from ..models.lazy_table import plain_tooltip
from ..models import warnings as rules
from ..sync.calls import AuthExpired, PortalCalls, PortalError, api_path
from ..tasks import Op
from .certification_status import own_certification_text
from .ack_board import AckBoard, ack_bar_pixmap, cache_is_open, progress_text, region_label, sector_label
from .page import CasePage, OUTBOX
from .sync_controller import send_soon
from .tlp import TlpLabel, bold_font, tlp_roles, tlp_text
from .warning_export import WarningExport
from .widgets import heading, plain_label, separator, set_column_widths

log = logging.getLogger(__name__)

COL_ID, COL_TITLE, COL_SEVERITY, COL_TLP, COL_STATUS, COL_ACKS = range(6)
SEVERITY_RANK = {s: n for n, s in enumerate(rules.SEVERITIES)}


def _what_was_seen(warning: dict) -> tuple:
    """The parts of a warning a co-sign, send or retract decision rests on."""
    return (warning.get("status"), warning.get("revision"), json.dumps(rules.content_of(warning), sort_keys=True),
            json.dumps(warning.get("pending_revision"), sort_keys=True), warning.get("cosigned_by"))


class WarningsModel(QAbstractTableModel):
    """The warnings of one section, as summaries (a few dozen to a few thousand)."""

    def __init__(self, view: "WarningsView"):
        super().__init__(view)
        self.view = view
        self.items: list[rules.Summary] = []
        self.titles = [self.tr("ID"), self.tr("Title"), self.tr("Severity"), self.tr("TLP"), self.tr("Status"),
                       self.tr("Acknowledgements")]
        self._sort = (COL_ID, Qt.SortOrder.DescendingOrder)

    def set_items(self, items: list[rules.Summary]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self._sort_items()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def text(self, item: rules.Summary, column: int) -> str:
        if column == COL_ID:
            return item.id
        if column == COL_TITLE:
            return " ".join(item.title.split())
        if column == COL_SEVERITY:
            return labels.severity(item.severity)
        if column == COL_TLP:
            return tlp_text(item.tlp)
        if column == COL_STATUS:
            return self.view.status_text(item)
        if column == COL_ACKS:
            return progress_text(item.progress, item.status, short=True) if item.status != "draft" else ""
        return ""

    def tooltip(self, item, column: int) -> str | None:
        if column == COL_TITLE:
            return item.title
        if column == COL_STATUS:
            text = self.view.status_text(item)
            if item.ack_due_at and item.status == "sent":
                text += "\n" + self.tr("Acknowledge by %1").replace("%1", labels.local_time(item.ack_due_at))
            return text
        if column == COL_ACKS and item.status != "draft":
            return progress_text(item.progress, item.status)
        if column == COL_TLP:
            return tlp_roles(item.tlp, Qt.ItemDataRole.ToolTipRole)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(item, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.tooltip(item, index.column())
            # Qt shows a tooltip that looks like HTML as HTML: portal text is escaped.
            return plain_tooltip(tip) if tip else None
        if role == Qt.ItemDataRole.DecorationRole and index.column() == COL_ACKS and item.status != "draft" \
                and item.progress.asks:
            return ack_bar_pixmap(item.progress)
        if index.column() == COL_TLP and role != Qt.ItemDataRole.ToolTipRole:
            return tlp_roles(item.tlp, role)
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        if role == Qt.ItemDataRole.FontRole and index.column() == COL_SEVERITY and item.severity == "critical":
            return bold_font()
        return None

    def id_at(self, row: int) -> str | None:
        return self.items[row].id if 0 <= row < len(self.items) else None

    def row_of(self, warning_id: str) -> int:
        for n, item in enumerate(self.items):
            if item.id == warning_id:
                return n
        return -1

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._sort_items()
        self.layoutChanged.emit()

    def _sort_items(self):
        column, order = self._sort

        def key(item: rules.Summary):
            if column == COL_SEVERITY:
                return (SEVERITY_RANK.get(item.severity or "", -1), item.id)
            if column == COL_TLP:
                return (rules.TLPS.index(item.tlp) if item.tlp in rules.TLPS else -1, item.id)
            if column == COL_ACKS:
                return (item.progress.overdue, item.progress.waiting, item.id)
            if column == COL_ID:
                return (item.id,)
            return (self.text(item, column).lower(), item.id)
        self.items.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)


class RetractDialog(QDialog):
    def __init__(self, warning: dict, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Retract %1").replace("%1", warning.get("id", "")))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("Retract “%1”? Recipients see the reason; the warning asks for no "
                                             "further acknowledgement.").replace("%1", warning.get("title") or ""),
                                     wrap=True))
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Why it is retracted (required)"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setTabChangesFocus(True)
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(self.tr("Retract"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setEnabled(False)
        self.ok.setToolTip(self.tr("Give the reason first"))
        self.reason.textChanged.connect(lambda: self.ok.setEnabled(bool(self.reason.toPlainText().strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(480, 240)


class WarningDetail(QWidget):
    """One warning: its header and actions, its text, revisions and acknowledgement board."""

    action_requested = Signal(str)       # action name

    def __init__(self, view: "WarningsView"):
        super().__init__(view)
        self.view = view
        self.workspace = view.workspace
        self.current_id: str | None = None
        self.warning: dict | None = None

        self.tlp = TlpLabel()
        self.severity = plain_label("")
        self.severity.setObjectName("subheading")
        self.status = plain_label("", wrap=True)
        self.status.setAccessibleName(self.tr("Status"))
        self.title_label = plain_label("", wrap=True, selectable=True)
        self.title_label.setObjectName("heading")
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.tlp)
        top.addWidget(self.severity)
        top.addWidget(self.status, 1)

        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        actions.setSpacing(6)
        for action, text in (("edit", self.tr("Edit…")), ("cosign", self.tr("&Co-sign")), ("send", self.tr("&Send")),
                             ("revise", self.tr("New revision…")), ("discard_revision", self.tr("Discard revision")),
                             ("retract", self.tr("Retract…"))):
            button = QPushButton(text)
            button.setObjectName(f"{action}Button")
            button.clicked.connect(lambda _=False, a=action: self.action_requested.emit(a))
            self.buttons[action] = button
            actions.addWidget(button)
        self.export = WarningExport(view)
        actions.addWidget(self.export.button)
        actions.addStretch(1)
        self.reason = plain_label("", wrap=True)
        self.reason.setObjectName("error")
        self.reason.setAccessibleName(self.tr("Why an action is not possible"))
        self.note = plain_label("", wrap=True)
        self.note.setObjectName("muted")
        self.note.setAccessibleName(self.tr("Last action"))
        self.note.hide()

        self.tabs = QTabWidget()
        self.content = QScrollArea()
        self.content.setWidgetResizable(True)
        self.content.setFrameShape(QFrame.Shape.NoFrame)
        self.revisions = QScrollArea()
        self.revisions.setWidgetResizable(True)
        self.revisions.setFrameShape(QFrame.Shape.NoFrame)
        self.board = AckBoard(self.workspace, online=view.is_online, clock=lambda: self.view.clock())
        self.tabs.addTab(self.content, self.tr("Warning"))
        self.tabs.addTab(self.board, self.tr("Acknowledgements"))
        self.tabs.addTab(self.revisions, self.tr("Revisions"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.title_label)
        layout.addLayout(actions)
        layout.addWidget(self.reason)
        layout.addWidget(self.note)
        layout.addWidget(self.tabs, 1)
        self.summary_label = self.body_label = None
        self._shown: tuple | None = None
        self.show_warning(None)

    # -- showing ---------------------------------------------------------------------------
    def show_warning(self, warning_id: str | None, *, force: bool = False) -> None:
        """Show this warning. Its text, revisions and board are rebuilt only when the
        warning or its version changed (a refresh keeps the reader's place); the
        status line and the actions are always brought up to date."""
        warning = self.workspace.cache.get("warning", warning_id) if warning_id else None
        changed = warning_id != self.current_id
        key = (warning_id, (warning or {}).get("version"))
        self.current_id = warning_id if warning else None
        self.warning = warning
        self.export.update(warning)
        if warning is None:
            self._shown = None
            self.tlp.set_tlp(None)
            self.severity.setText("")
            self.status.setText("")
            self.title_label.setText(self.tr("No warning selected") if self.view.model.rowCount()
                                     else self.tr("No warnings in this section."))
            self._set_content(QWidget())
            self._set_revisions(QWidget())
            self.board.show_warning(None)
            self.update_actions()
            self.tabs.setTabText(1, self.tr("Acknowledgements"))
            return
        if changed:
            self.set_note("")
        summary = self.view.summary_of(warning)
        self.status.setText(self.view.status_text(summary))
        self.update_actions()
        if key == self._shown and not force:
            return
        self._shown = key
        self.tlp.set_tlp(warning.get("tlp"))
        self.severity.setText(labels.severity(warning.get("severity")))
        self.title_label.setText(warning.get("title") or "")
        self._set_content(self._content_widget(warning))
        self._set_revisions(self._revisions_widget(warning))
        p = summary.progress
        self.tabs.setTabText(1, self.tr("Acknowledgements (%1 overdue)").replace("%1", str(p.overdue)) if p.overdue
                             else self.tr("Acknowledgements"))
        count = len(warning.get("revisions") or []) + (1 if warning.get("pending_revision") else 0)
        self.tabs.setTabText(2, self.tr("Revisions (%1)").replace("%1", str(count)) if count
                             else self.tr("Revisions"))
        self.board.show_warning(warning_id)

    def _set_content(self, widget: QWidget):
        self.content.setWidget(widget)

    def _set_revisions(self, widget: QWidget):
        self.revisions.setWidget(widget)

    def _field(self, layout: QVBoxLayout, caption: str, text: str, *, name: str | None = None):
        cap = plain_label(caption)
        cap.setObjectName("subheading")
        layout.addWidget(cap)
        label = plain_label(text, wrap=True, selectable=True)
        label.setAccessibleName(name or caption)
        layout.addWidget(label)
        return label

    def _content_widget(self, warning: dict) -> QWidget:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 6, 8, 8)
        layout.setSpacing(3)
        if warning.get("status") == "retracted":
            retracted = plain_label(self.tr("Retracted %1: %2").replace("%1", labels.local_time(
                warning.get("retracted_at"))).replace("%2", warning.get("retracted_reason") or ""), wrap=True,
                selectable=True)
            retracted.setObjectName("error")
            layout.addWidget(retracted)
        self.summary_label = self._field(layout, self.tr("Summary"), warning.get("summary") or "")
        self.body_label = self._field(layout, self.tr("Body"), warning.get("body") or "")
        cves = warning.get("cves") or []
        self._field(layout, self.tr("Vulnerabilities"), ", ".join(cves) if cves else self.tr("none named"))
        self._field(layout, self.tr("Recipients"), self.view.recipients_text(warning))
        self._field(layout, self.tr("Acknowledgement"), self._ack_text(warning))
        self._field(layout, self.tr("People"), self._people_text(warning))
        layout.addStretch(1)
        return body

    def _ack_text(self, warning: dict) -> str:
        hours = warning.get("ack_hours") or 0
        text = self.tr("Within %1 hours of sending.").replace("%1", str(hours))
        if warning.get("ack_due_at") and warning.get("status") == "sent":
            text += " " + self.tr("Due %1 (revision %2).").replace("%1", labels.local_time(warning["ack_due_at"])) \
                .replace("%2", str(rules.ack_revision(warning)))
        if warning.get("valid_until"):
            text += "\n" + self.tr("Valid until %1.").replace("%1", labels.local_time(warning["valid_until"]))
        return text

    def _people_text(self, warning: dict) -> str:
        name = self.view.staff_name
        lines = [self.tr("Written by %1, %2").replace("%1", name(warning.get("author_id")))
                 .replace("%2", labels.local_time(warning.get("created_at")))]
        editors = [e for e in warning.get("editors") or [] if e != warning.get("author_id")]
        if editors:
            lines.append(self.tr("Edited by %1").replace("%1", ", ".join(name(e) for e in editors)))
        if warning.get("cosigned_by"):
            lines.append(self.tr("Co-signed by %1").replace("%1", name(warning["cosigned_by"])))
        if warning.get("sent_at"):
            lines.append(self.tr("First sent %1").replace("%1", labels.local_time(warning["sent_at"])))
        if warning.get("incident_ids"):         # provenance: the centres' reports it answers
            lines.append(self.tr("Answers incident reports %1").replace("%1", ", ".join(warning["incident_ids"])))
        return "\n".join(lines)

    def _revisions_widget(self, warning: dict) -> QWidget:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 6, 8, 8)
        layout.setSpacing(6)
        pending = warning.get("pending_revision")
        name = self.view.staff_name
        if isinstance(pending, dict):
            card = QFrame()
            card.setObjectName("card")
            card.setFrameShape(QFrame.Shape.StyledPanel)
            box = QVBoxLayout(card)
            box.addWidget(heading(self.tr("Revision %1, in preparation").replace("%1", str(pending.get("number"))), 2))
            box.addWidget(plain_label(pending.get("summary") or "", wrap=True, selectable=True))
            state = rules.cosign_state(warning)
            state_text = {"needed": self.tr("Needs a second coordinator's co-sign before it is sent."),
                          "cosigned": self.tr("Co-signed by %1: ready to send.").replace(
                              "%1", name(pending.get("cosigned_by"))),
                          "optional": self.tr("Ready to send (no co-sign needed).")}.get(state or "", "")
            box.addWidget(plain_label(self.tr("Prepared by %1, %2. %3").replace("%1", name(pending.get("prepared_by")))
                                      .replace("%2", labels.local_time(pending.get("prepared_at")))
                                      .replace("%3", state_text), wrap=True))
            changed = rules.changed_fields(rules.content_of(warning), pending.get("content") or {})
            if changed:
                box.addWidget(plain_label(self.tr("Changes: %1").replace("%1", ", ".join(
                    self.view.field_name(f) for f in changed)), wrap=True))
            new_title = (pending.get("content") or {}).get("title")
            if new_title and new_title != warning.get("title"):
                box.addWidget(plain_label(self.tr("New title: %1").replace("%1", new_title), wrap=True,
                                          selectable=True))
            layout.addWidget(card)
        revisions = list(warning.get("revisions") or [])
        if not revisions and not pending:
            empty = plain_label(self.tr("Not sent yet: no revisions."), wrap=True)
            empty.setObjectName("muted")
            layout.addWidget(empty)
        for revision in reversed(revisions):
            line = self.tr("Revision %1 — %2").replace("%1", str(revision.get("number"))) \
                .replace("%2", labels.local_time(revision.get("at")))
            who = []
            if revision.get("by"):
                who.append(self.tr("sent by %1").replace("%1", name(revision["by"])))
            if revision.get("cosigned_by"):
                who.append(self.tr("co-signed by %1").replace("%1", name(revision["cosigned_by"])))
            caption = plain_label(line + (" · " + ", ".join(who) if who else ""), wrap=True)
            caption.setObjectName("subheading")
            layout.addWidget(caption)
            layout.addWidget(plain_label(revision.get("summary") or "", wrap=True, selectable=True))
            layout.addWidget(separator())
        layout.addStretch(1)
        return body

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    # -- actions ---------------------------------------------------------------------------
    def update_actions(self) -> None:
        warning = self.warning
        reasons = []
        for action, button in self.buttons.items():
            if warning is None:
                button.setEnabled(False)
                button.setToolTip("")
                button.setVisible(action not in ("discard_revision",))
                continue
            block = self.view.block(action, warning)
            button.setEnabled(block is None)
            text = self.view.block_text(block, action) if block else self.view.action_tip(action, warning)
            button.setToolTip(text)
            button.setAccessibleDescription(text)
            relevant = self.view.action_relevant(action, warning)
            button.setVisible(relevant)
            if block is not None and relevant and self.view.explain(action, block):
                reasons.append(self.view.block_text(block, action))
        self.reason.setText("\n".join(dict.fromkeys(reasons)))
        self.reason.setVisible(bool(reasons))


class WarningsView(CasePage, QWidget):
    """The coordinators' warnings page. `sync` is the window's SyncController
    (anything with `sync_now(user_asked)`, `running`, `online` and a `finished`
    signal); without one, `request_sync` is emitted and whoever owns the sync
    connects it."""
    KINDS = frozenset({"warning", "organisation", "acknowledgement", "staff", OUTBOX})

    request_sync = Signal()

    def __init__(self, workspace, parent=None, sync=None, *, clock=time.time):
        super().__init__(parent)
        self.workspace = workspace
        self.cache = workspace.cache
        self.outbox = workspace.engine.outbox
        self._sync = sync
        self.clock = clock
        self.section = rules.SECTION_ALL
        self.dialog = None
        self.confirm_box: QMessageBox | None = None
        self._watched: dict[int, str] = {}          # outbox id -> what it does, until the portal answers
        self._select_after_sync: str | None = None
        self._organisations: list[dict] | None = None
        self._refreshing = False
        self.setObjectName("warningsView")

        title = heading(self.tr("Warnings"))
        self.summary = plain_label("")
        self.summary.setObjectName("muted")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title or id"))
        self.search.setAccessibleName(self.tr("Search warnings"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(260)
        self.new_button = QPushButton(self.tr("New warning…"))
        self.new_button.setObjectName("newWarningButton")
        self.new_button.clicked.connect(self.compose_new)
        new_shortcut = QShortcut(QKeySequence.StandardKey.New, self, self.new_button.click)
        new_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.summary, 1, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.search, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignBottom)

        self.sections = QTabBar()
        self.sections.setObjectName("warningSections")
        self.sections.setAccessibleName(self.tr("Sections"))
        self.sections.setExpanding(False)
        self.sections.setDrawBase(False)
        self.section_keys = list(rules.SECTIONS)
        for key in self.section_keys:
            index = self.sections.addTab(self.section_title(key))
            self.sections.setTabData(index, key)
            self.sections.setTabToolTip(index, self.section_tip(key))
        self.queued_label = plain_label("", wrap=True)
        self.queued_label.setObjectName("muted")
        self.queued_label.setAccessibleName(self.tr("Actions waiting to be sent"))

        self.model = WarningsModel(self)
        self.table = QTableView()
        self.table.setObjectName("warningsList")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Warnings"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.setIconSize(QSize(110, 10))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        set_column_widths(self.table, ((COL_ID, 100), (COL_SEVERITY, 76), (COL_TLP, 150), (COL_STATUS, 210),
                                       (COL_ACKS, 400)))

        self.detail = WarningDetail(self)
        self.detail.action_requested.connect(self.act)

        # The list above, the detail below: both are wide tables (the warnings with their
        # progress; a board of every recipient).
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([290, 520])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.sections)
        layout.addWidget(self.queued_label)
        layout.addWidget(self.splitter, 1)

        header.setSortIndicator(COL_ID, Qt.SortOrder.DescendingOrder)
        self.sections.currentChanged.connect(self._section_changed)
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        if sync is not None:
            sync.finished.connect(self._sync_finished)
        self.new_button.setEnabled("coordinator" in workspace.roles)
        if "coordinator" not in workspace.roles:
            self.new_button.setToolTip(self.tr("Only coordinators write warnings."))
        self.refresh()

    # -- data -------------------------------------------------------------------------------
    def _all_warnings(self) -> list[dict]:
        return self.cache.documents("warning")

    def organisations(self) -> list[dict]:
        if self._organisations is None:
            self._organisations = self.cache.documents("organisation")
        return self._organisations

    def _queued(self) -> dict[str, list[str]]:
        return rules.queued_actions(self.outbox.pending())

    def summary_of(self, warning: dict) -> rules.Summary:
        return rules.summarise(warning, self.clock(), self._queued().get(warning.get("id"), []))

    def is_online(self) -> bool:
        if self._sync is not None and self._sync.online is False:
            return False
        return not self.workspace.offline and bool(self.workspace.client.token)

    def me(self) -> dict:
        staff = self.cache.get("staff", self.workspace.user.get("id") or "")
        return {"id": self.workspace.user.get("id"), "roles": sorted(self.workspace.roles),
                **certification.decider_facts(staff)}

    def staff_name(self, user_id: str | None) -> str:
        if not user_id:
            return self.tr("someone")
        if user_id == self.workspace.user.get("id"):
            return self.tr("you")
        staff = self.cache.get("staff", user_id)
        return (staff or {}).get("display_name") or user_id

    # -- the list -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the cache again (after a sync, an action or a filter change), keeping the selection."""
        current = self.current_id()
        self._organisations = None
        now = self.clock()
        queued = self._queued()
        summaries = [rules.summarise(w, now, queued.get(w.get("id"), [])) for w in self._all_warnings()]
        counts = rules.section_counts(summaries)
        for index, key in enumerate(self.section_keys):
            self.sections.setTabText(index, f"{self.section_title(key)} ({counts.get(key, 0)})")
        words = self.search.text().lower().split()
        shown = [s for s in summaries if s.in_section(self.section)
                 and all(w in f"{s.id} {s.title}".lower() for w in words)]
        self._refreshing = True           # a model reset is not a new selection
        try:
            self.model.set_items(shown)
        finally:
            self._refreshing = False
        overdue = sum(s.progress.overdue for s in summaries if s.status == "sent")
        text = self.tr("%1 warnings · %2 sent").replace("%1", str(len(summaries))) \
            .replace("%2", str(counts.get(rules.SECTION_SENT, 0)))
        if counts.get(rules.SECTION_AWAITING):
            text += " · " + self.tr("%1 awaiting co-sign").replace("%1", str(counts[rules.SECTION_AWAITING]))
        if overdue:
            text += " · " + self.tr("%1 overdue acknowledgements").replace("%1", str(overdue))
        self.summary.setText(text)
        self._update_queued_label()
        self._refreshing = True
        try:
            kept = bool(current) and self.select(current)
        finally:
            self._refreshing = False
        if kept:
            self.detail.show_warning(current)
        elif self.model.rowCount():
            self._select_row(0)
        else:
            self.detail.show_warning(None)

    def _update_queued_label(self):
        rows = [r for r in self.outbox.pending() if rules.warning_action(r.get("path") or "")[1]]
        if not rows:
            self.queued_label.setText("")
            self.queued_label.hide()
            return
        lines = [r.get("summary") or r.get("path") for r in rows[:3]]
        text = self.tr("Waiting to be sent: %1").replace("%1", "; ".join(lines))
        if len(rows) > 3:
            text += " " + self.tr("and %1 more").replace("%1", str(len(rows) - 3))
        self.queued_label.setText(text)
        self.queued_label.show()

    def section_title(self, key: str) -> str:
        return {rules.SECTION_ALL: self.tr("All"), rules.SECTION_DRAFTS: self.tr("Drafts"),
                rules.SECTION_AWAITING: self.tr("Awaiting co-sign"), rules.SECTION_SENT: self.tr("Sent"),
                rules.SECTION_OVERDUE: self.tr("Overdue"), rules.SECTION_EXPIRED: self.tr("Expired"),
                rules.SECTION_RETRACTED: self.tr("Retracted")}[key]

    def section_tip(self, key: str) -> str:
        return {rules.SECTION_ALL: self.tr("Every warning"),
                rules.SECTION_DRAFTS: self.tr("Drafts that need no co-sign and have none"),
                rules.SECTION_AWAITING: self.tr("Drafts and prepared revisions that need a second coordinator's "
                                                "co-sign, or are co-signed and ready to send"),
                rules.SECTION_SENT: self.tr("Sent warnings, with their acknowledgements"),
                rules.SECTION_OVERDUE: self.tr("Sent warnings with recipients past the acknowledgement deadline"),
                rules.SECTION_EXPIRED: self.tr("Past their “valid until”"),
                rules.SECTION_RETRACTED: self.tr("Withdrawn, with the reason")}[key]

    def set_section(self, key: str) -> None:
        self.sections.setCurrentIndex(self.section_keys.index(key))

    def _section_changed(self, index: int):
        self.section = self.section_keys[index] if 0 <= index < len(self.section_keys) else rules.SECTION_ALL
        self.refresh()

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def select(self, warning_id: str) -> bool:
        row = self.model.row_of(warning_id)
        if row < 0:
            return False
        self._select_row(row)
        return True

    def open_case(self, kind: str, entity_id: str) -> bool:
        return kind == "warning" and self.open_warning(entity_id) is not False

    def open_warning(self, warning_id: str) -> bool:
        """Select a warning, switching to All when its section is not the one shown."""
        if self.select(warning_id):
            return True
        if self.cache.get("warning", warning_id) is None:
            return False
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.sections.blockSignals(True)
        self.set_section(rules.SECTION_ALL)
        self.sections.blockSignals(False)
        self.section = rules.SECTION_ALL
        self.refresh()
        return self.select(warning_id)

    def _select_row(self, row: int):
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous):
        if self._refreshing:
            return
        self.detail.show_warning(self.model.id_at(current.row()) if current.isValid() else None)

    # -- words ------------------------------------------------------------------------------------
    def status_text(self, item: rules.Summary) -> str:
        if item.status == "draft":
            text = {"needed": self.tr("Draft — awaiting co-sign"),
                    "cosigned": self.tr("Draft — co-signed, ready to send")}.get(item.cosign or "", self.tr("Draft"))
        elif item.status == "sent":
            text = self.tr("Sent (revision %1)").replace("%1", str(item.revision))
            if item.stage is not None and item.stage.is_revision:
                stage = {"needed": self.tr("awaiting co-sign"), "cosigned": self.tr("co-signed, ready to send")} \
                    .get(item.cosign or "", self.tr("ready to send"))
                text += " · " + self.tr("revision %1 prepared, %2").replace("%1", str(item.stage.number)) \
                    .replace("%2", stage)
        else:
            text = labels.warning_status(item.status)
        if item.queued:
            text += " · " + self.tr("queued: %1").replace("%1", ", ".join(self.action_name(a) for a in item.queued))
        return text

    def action_name(self, action: str) -> str:
        return {"create": self.tr("create"), "cosign": self.tr("co-sign"), "send": self.tr("send"),
                "revise": self.tr("revision"), "retract": self.tr("retract"), "edit": self.tr("edit"),
                "discard_revision": self.tr("discard revision")}.get(action, action)

    def field_name(self, name: str) -> str:
        return {"title": self.tr("title"), "summary": self.tr("summary"), "body": self.tr("body"),
                "severity": self.tr("severity"), "tlp": self.tr("TLP"), "recipients": self.tr("recipients"),
                "cves": self.tr("CVEs"), "ack_hours": self.tr("acknowledgement time"),
                "valid_until": self.tr("valid until")}.get(name, name)

    def recipients_text(self, warning: dict) -> str:
        recipients = rules.normalise_recipients(warning.get("recipients"))
        parts = []
        if recipients["sectors"]:
            parts.append(self.tr("Sectors: %1").replace("%1", ", ".join(sector_label(s)
                                                                       for s in recipients["sectors"])))
        if recipients["regions"]:
            parts.append(self.tr("Regions: %1").replace("%1", ", ".join(region_label(r)
                                                                       for r in recipients["regions"])))
        if recipients["org_ids"]:
            by_id = {o.get("id"): o for o in self.organisations()}
            names = [(by_id.get(o) or {}).get("name") or o for o in recipients["org_ids"]]
            parts.append(self.tr("Named: %1").replace("%1", ", ".join(names)))
        if warning.get("status") == "draft":
            count = len(rules.addressed_org_ids(self.organisations(), recipients))
            parts.append(self.tr("Would reach %1 organisations if sent now.").replace("%1", str(count)))
        else:
            parts.append(self.tr("Sent to %1 organisations.").replace(
                "%1", str(len(warning.get("addressed_org_ids") or []))))
        return "\n".join(parts)

    def block(self, action: str, warning: dict) -> rules.Block | None:
        return rules.action_block(action, warning, self.me(), self.organisations(), self.clock(),
                                  online=self.is_online(), queued=self._queued().get(warning.get("id"), []))

    def action_relevant(self, action: str, warning: dict) -> bool:
        """Buttons that make no sense in this state are hidden rather than greyed."""
        status = rules.effective_status(warning, self.clock())
        prepared = rules.stage(warning)
        if action in ("edit", "cosign", "send"):
            return prepared is not None
        if action == "revise":
            return status == "sent" and prepared is None
        if action == "discard_revision":
            return prepared is not None and prepared.is_revision
        if action == "retract":
            return status == "sent"
        return True

    def explain(self, action: str, block: rules.Block) -> bool:
        """Whether a greyed action's reason is worth a line under the buttons (not just a tooltip)."""
        return block.code in (rules.OWN_CERTIFICATION, rules.SELF_COSIGN, rules.COSIGN_REQUIRED, rules.RED_NAMED_ONLY,
                              rules.VALID_UNTIL_PASSED, rules.NO_RECIPIENTS, rules.OFFLINE, rules.QUEUED,
                              rules.NOT_COORDINATOR) or (action == "send" and block.code == rules.NOT_OPEN)

    def block_text(self, block: rules.Block, action: str) -> str:
        code, facts = block.code, block.facts
        if code == rules.NOT_COORDINATOR:
            return self.tr("Only security coordinators write, co-sign and send warnings.")
        if code == rules.OWN_CERTIFICATION:
            return own_certification_text(block.facts.get("until"))
        if code == rules.SELF_COSIGN:
            return self.tr("Co-sign: you wrote or edited this text, so another coordinator must co-sign it.")
        if code == rules.ALREADY_COSIGNED:
            return self.tr("Already co-signed by %1; an edit would clear the co-sign.").replace(
                "%1", self.staff_name(facts.get("by")))
        if code == rules.COSIGN_REQUIRED:
            what = self.tr("revision of a high or critical warning") if facts.get("revision") else \
                self.tr("%1 warning").replace("%1", labels.severity(facts.get("severity")).lower())
            text = self.tr("Send: a %1 needs a second coordinator's co-sign first.").replace("%1", what)
            if facts.get("cosign_queued"):
                text += " " + self.tr("A co-sign is queued; send after the portal has accepted it.")
            return text
        if code == rules.RED_NAMED_ONLY:
            return self.tr("Send: TLP:RED goes to named organisations only — edit it and clear the sectors "
                           "and regions.")
        if code == rules.VALID_UNTIL_PASSED:
            return self.tr("Send: its “valid until” has passed; edit it first.")
        if code == rules.NO_RECIPIENTS:
            return self.tr("Send: the recipients reach no organisation.")
        if code == rules.NOT_OPEN and facts.get("dropped"):
            return self.tr("Send: this revision would drop organisations already warned.")
        if code == rules.NOT_OPEN:
            return self.tr("Nothing is being prepared: a sent warning changes through a new revision.")
        if code == rules.QUEUED:
            return self.tr("%1 is already queued and is sent with the next sync.").replace(
                "%1", self.action_name(facts.get("action") or action).capitalize())
        if code == rules.OFFLINE:
            return self.tr("%1 needs the portal, and you are offline.").replace(
                "%1", self.action_name(action).capitalize())
        if code == rules.REVISION_PENDING:
            return self.tr("Revision %1 is already being prepared: edit, send or discard it.").replace(
                "%1", str(facts.get("number")))
        if code == rules.NO_REVISION:
            return self.tr("No revision is being prepared.")
        if code == rules.NOT_SENT:
            return self.tr("Only a sent warning can be %1 (this one is %2).").replace(
                "%1", self.tr("revised") if action == "revise" else self.tr("retracted")).replace(
                "%2", labels.warning_status(facts.get("status")).lower())
        return code

    def action_tip(self, action: str, warning: dict) -> str:
        return {"edit": self.tr("Change the text or recipients (clears an earlier co-sign)"),
                "cosign": self.tr("Approve this text as the second coordinator"),
                "send": self.tr("Send it to %1 organisations now").replace("%1", str(self._reach_count(warning))),
                "revise": self.tr("Prepare a correction or update; recipients acknowledge it again"),
                "discard_revision": self.tr("Drop the revision being prepared"),
                "retract": self.tr("Withdraw the warning, with a reason recipients see")}.get(action, "")

    def _reach_count(self, warning: dict) -> int:
        prepared = rules.stage(warning)
        recipients = prepared.content.get("recipients") if prepared else warning.get("recipients")
        return len(rules.addressed_org_ids(self.organisations(), recipients))

    # -- acting -----------------------------------------------------------------------------------
    def act(self, action: str) -> None:
        warning = self.detail.warning
        if warning is None:
            return
        block = self.block(action, warning)
        if block is not None:
            self.detail.set_note(self.tr("Not possible: %1").replace("%1", self.block_text(block, action)))
            return
        if action == "edit":
            self.compose("edit", warning)
        elif action == "revise":
            self.compose("revise", warning)
        elif action == "retract":
            self._retract(warning)
        elif action == "cosign":
            self._confirm(self.tr("Co-sign %1?").replace("%1", warning["id"]),
                          self.tr("You confirm, as the second coordinator, that “%1” may be sent as it is now.")
                          .replace("%1", self._stage_title(warning)), self.tr("Co-sign"),
                          lambda: self.queue_step(warning, "cosign"))
        elif action == "send":
            count = self._reach_count(warning)
            self._confirm(self.tr("Send %1?").replace("%1", warning["id"]),
                          self.tr("Send “%1” to %2 organisations now? They are asked to acknowledge it.")
                          .replace("%1", self._stage_title(warning)).replace("%2", str(count)), self.tr("Send"),
                          lambda: self.queue_step(warning, "send"))
        elif action == "discard_revision":
            self._confirm(self.tr("Discard the revision?"),
                          self.tr("Drop revision %1 of %2? The sent text stays as it is.")
                          .replace("%1", str((warning.get("pending_revision") or {}).get("number")))
                          .replace("%2", warning["id"]), self.tr("Discard"),
                          lambda: self._discard_revision(warning))

    def _stage_title(self, warning: dict) -> str:
        prepared = rules.stage(warning)
        return (prepared.content.get("title") if prepared else None) or warning.get("title") or ""

    def _confirm(self, title: str, text: str, yes: str, then) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(ok)
        self.confirm_box = box

        def finished(_result):
            if box.clickedButton() is ok:
                then()
            self.confirm_box = None
        box.finished.connect(finished)
        box.open()

    def queue_step(self, warning: dict, action: str, body: dict | None = None) -> dict | None:
        """Queue co-sign, send or retract against the text the user saw, and sync now.

        A sync may have brought a newer version meanwhile: if only acknowledgements
        changed, the newer version is used; if the text or its state changed, nothing
        is queued and the page shows the warning as it is now."""
        latest = self.cache.get("warning", warning["id"]) or warning
        if _what_was_seen(latest) != _what_was_seen(warning):
            self.refresh()
            self.detail.show_warning(warning["id"], force=True)
            self.detail.set_note(self.tr("Not queued: this warning changed meanwhile. Check it and try again."))
            return None
        warning = latest
        body = dict(body or {})
        body["expected_version"] = warning.get("version") or 0
        summary = {"cosign": self.tr("Co-sign %1"), "send": self.tr("Send %1"),
                   "retract": self.tr("Retract %1")}[action].replace("%1", warning["id"])
        summary += " — " + self._stage_title(warning)
        row = self.outbox.enqueue("POST", api_path("warnings", warning["id"], action), body, "warning",
                                  warning["id"], summary)
        self._watched[row["id"]] = summary
        online = self.is_online()
        self.detail.set_note((self.tr("Queued: %1. Sending…") if online else
                                  self.tr("Queued: %1. You are offline: it is sent when the portal can be "
                                          "reached.")).replace("%1", summary))
        self.refresh()
        self._send_soon()
        return row

    def _retract(self, warning: dict):
        self.dialog = RetractDialog(warning, self)
        self.dialog.accepted.connect(lambda d=self.dialog: self.queue_step(
            warning, "retract", {"reason": d.reason.toPlainText().strip()}))
        self.dialog.open()

    def _discard_revision(self, warning: dict):
        calls = PortalCalls(self.workspace.client)
        self.detail.set_note(self.tr("Discarding the revision…"))
        Op(lambda: calls.discard_revision(warning["id"])) \
            .success(lambda _a: self._after_direct(self.tr("The revision was discarded."), warning["id"])) \
            .failure(self._direct_failed).run_in_background()

    def _after_direct(self, text: str, warning_id: str | None):
        if not shiboken6.isValid(self) or not cache_is_open(self.cache):
            return
        self.detail.set_note(text)
        if warning_id:
            self._select_after_sync = warning_id
        self._send_soon()

    def _direct_failed(self, exc: BaseException):
        if not shiboken6.isValid(self):
            return
        if isinstance(exc, AuthExpired):
            text = self.tr("Your session has expired: sign in again.")
        elif isinstance(exc, PortalError):
            text = self.tr("The portal refused it (%1): %2").replace("%1", exc.code).replace("%2", exc.message)
        else:
            text = self.tr("The portal could not be reached: %1").replace("%1", str(exc) or type(exc).__name__)
        self.detail.set_note(text)

    def compose_new(self):
        self.compose("create", None)

    def compose(self, mode: str, warning: dict | None):
        from .warning_compose import WarningComposeDialog
        if self.dialog is not None and shiboken6.isValid(self.dialog) and self.dialog.isVisible():
            self.dialog.raise_()
            return
        self.dialog = WarningComposeDialog(self.workspace, mode, warning, self, online=self.is_online,
                                           clock=self.clock)
        self.dialog.saved.connect(self._composed)
        self.dialog.open()

    def _composed(self, warning_id: str, outcome: str):
        if outcome == "queued":
            text = self.tr("Queued: it is sent to the portal with the next sync.")
        elif self.dialog is not None and self.dialog.mode == "create":
            text = self.tr("Draft %1 saved on the portal.").replace("%1", warning_id)
        elif self.dialog is not None and self.dialog.mode == "revise":
            text = self.tr("Revision prepared for %1.").replace("%1", warning_id)
        else:
            text = self.tr("Changes to %1 saved.").replace("%1", warning_id)
        self.detail.set_note(text)
        self.last_note = text
        if warning_id:
            self._select_after_sync = warning_id
        self.refresh()
        self._send_soon()

    # -- syncing ----------------------------------------------------------------------------------
    def _send_soon(self):
        send_soon(self._sync, self.request_sync)

    def _sync_finished(self, result):
        if not shiboken6.isValid(self) or not cache_is_open(self.cache):
            return
        # Refreshing is the window's (on_changes); here what the round did to the
        # actions this page watches, and the case to show once it arrived.
        self._report_watched()
        if self._select_after_sync and self.cache.get("warning", self._select_after_sync) is not None:
            target, self._select_after_sync = self._select_after_sync, None
            self.open_warning(target)

    def _report_watched(self):
        for outbox_id, summary in list(self._watched.items()):
            row = self.outbox.get(outbox_id)
            state = (row or {}).get("state")
            if state == "done":
                self.detail.set_note(self.tr("Done: %1").replace("%1", summary))
                del self._watched[outbox_id]
            elif state == "refused":
                self.detail.set_note(self.tr("The portal refused “%1”: %2. See Needs attention.")
                                         .replace("%1", summary).replace("%2", (row or {}).get("last_error") or ""))
                del self._watched[outbox_id]

    def open_acknowledgements(self, warning_id: str) -> bool:
        """A notification was opened: the warning, on its acknowledgement board."""
        if self.open_warning(warning_id) is False:
            return False
        self.detail.tabs.setCurrentWidget(self.detail.board)
        return True

    def shortcut_help(self) -> list[str]:
        return [self.tr("Warnings: select a row to see its text, acknowledgements and revisions"),
                self.tr("Ctrl+N new warning · Alt+C co-sign · Alt+S send")]
