"""Audit: the portal's hash-chained trail of what this user may see.

The trail lives on the portal only (it is not in the offline copy); it is read in
the background, filtered on the portal (person, action, entity, case, outcome,
time), shown with each entry's hash, verified on the portal (supervisors and
administrators) and exported to CSV for an auditor.
"""

from __future__ import annotations

import datetime as dt
import json

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFontDatabase, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QFileDialog, QFormLayout,
                               QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox,
                               QPlainTextEdit, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from ..models import labels
from ..models.lazy_table import plain_tooltip
from ..reports import write_audit_csv
from ..sync.calls import AuthExpired, PortalCalls, PortalError, PortalUnreachable
from ..tasks import Op
from .page import ALL, CasePage
from .widgets import heading, plain_label

PAGE_SIZE = 5000            # the portal's largest page
MAX_ENTRIES = 20000         # more than this: narrow the filter
VERIFY_ROLES = {"supervisor", "admin"}
ENTITIES = ("application", "output", "sample", "warning", "acknowledgement", "session")
KNOWN_ACTIONS = ("application.submit", "application.review", "application.resubmit", "output.submit",
                 "output.review", "sample.create", "warning.create", "warning.edit", "warning.cosign",
                 "warning.send", "warning.revise", "warning.revision_discard", "warning.retract", "warning.ack",
                 "session.create", "session.delete")


# What each audited action means, in words (the code stays in the tooltip and the filter's data).
ACTION_WORDS = {
    "application.submit": QT_TRANSLATE_NOOP("AuditModel", "submitted an application"),
    "application.review": QT_TRANSLATE_NOOP("AuditModel", "reviewed an application"),
    "application.resubmit": QT_TRANSLATE_NOOP("AuditModel", "resubmitted an application"),
    "output.submit": QT_TRANSLATE_NOOP("AuditModel", "submitted an output"),
    "output.review": QT_TRANSLATE_NOOP("AuditModel", "reviewed an output"),
    "sample.create": QT_TRANSLATE_NOOP("AuditModel", "requested a sample"),
    "warning.create": QT_TRANSLATE_NOOP("AuditModel", "wrote a warning"),
    "warning.edit": QT_TRANSLATE_NOOP("AuditModel", "edited a warning"),
    "warning.cosign": QT_TRANSLATE_NOOP("AuditModel", "co-signed a warning"),
    "warning.send": QT_TRANSLATE_NOOP("AuditModel", "sent a warning"),
    "warning.revise": QT_TRANSLATE_NOOP("AuditModel", "prepared a revision"),
    "warning.revision_discard": QT_TRANSLATE_NOOP("AuditModel", "discarded a revision"),
    "warning.retract": QT_TRANSLATE_NOOP("AuditModel", "retracted a warning"),
    "warning.ack": QT_TRANSLATE_NOOP("AuditModel", "acknowledged a warning"),
    "session.create": QT_TRANSLATE_NOOP("AuditModel", "signed in"),
    "session.delete": QT_TRANSLATE_NOOP("AuditModel", "signed out"),
}


def detail_lines(detail, prefix: str = "") -> str:
    """An entry's detail as lines of "name: value" (nested names joined by " › "), not JSON."""
    if not isinstance(detail, dict):
        return f"{prefix}: {detail}" if prefix else str(detail)
    lines = []
    for key in sorted(detail):
        name = f"{prefix} › {key}" if prefix else str(key)
        value = detail[key]
        if isinstance(value, dict) and value:
            lines.append(detail_lines(value, name))
        elif isinstance(value, list):
            shown = ", ".join(json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else str(v)
                              for v in value)
            lines.append(f"{name}: {shown or '—'}")
        else:
            lines.append(f"{name}: {'—' if value is None or value == {} else value}")
    return "\n".join(lines)


def monospace_font():
    """The system's fixed-pitch font, or another fixed-pitch family when that one is not."""
    from PySide6.QtGui import QFontInfo
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if not QFontInfo(font).fixedPitch():
        for family in ("DejaVu Sans Mono", "Menlo", "Consolas", "Liberation Mono", *QFontDatabase.families()):
            if QFontDatabase.isFixedPitch(family):
                font.setFamily(family)
                break
    return font


def utc_bound(day: dt.date, tz: dt.tzinfo | None = None) -> str:
    """The start of a local day as the portal writes times (UTC, seconds, Z)."""
    naive = dt.datetime.combine(day, dt.time())
    local = naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()
    return local.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def audit_params(*, actor: str | None = None, action: str | None = None, entity: str | None = None,
                 case: str | None = None, outcome: str | None = None, first: dt.date | None = None,
                 last: dt.date | None = None, after: int = 0, tz: dt.tzinfo | None = None) -> dict:
    """The query of GET /audit for these filters; `first` and `last` are local days, both included."""
    params: dict = {"limit": PAGE_SIZE}
    for name, value in (("actor", actor), ("action", action), ("entity", entity), ("id", case),
                        ("outcome", outcome)):
        if value:
            params[name] = value
    if first is not None:
        params["since"] = utc_bound(first, tz)
    if last is not None:
        params["until"] = utc_bound(last + dt.timedelta(days=1), tz)
    if after:
        params["after"] = after
    return params


class AuditModel(QAbstractTableModel):
    COLUMNS = ("seq", "at", "actor", "action", "entity", "entity_id", "outcome", "hash")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[dict] = []
        self.names: dict[str, str] = {}
        self.titles = [self.tr("#"), self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Entity"),
                       self.tr("Case"), self.tr("Outcome"), self.tr("Hash")]
        self.mono = monospace_font()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def who(self, actor_id: str | None) -> str:
        if not actor_id:
            return self.tr("the portal")
        if actor_id.startswith("anon:"):
            return self.tr("%1 (signing in)").replace("%1", actor_id[5:])
        if actor_id.startswith("simulated:"):     # the demo portal's simulated recipients
            return self.tr("simulated recipient %1").replace("%1", actor_id[10:])
        return self.names.get(actor_id, actor_id)

    def action_words(self, action: str | None) -> str:
        words = ACTION_WORDS.get(action or "")
        return self.tr(words) if words else (action or "")

    def outcome(self, entry: dict, with_code: bool = False) -> str:
        text = {"ok": self.tr("done"), "refused": self.tr("refused")}.get(entry.get("outcome"), entry.get("outcome") or "")
        code = (entry.get("detail") or {}).get("code") if isinstance(entry.get("detail"), dict) else None
        return f"{text} ({code})" if code and with_code else text

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.FontRole and key == "hash":
            return self.mono
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "seq":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Actor, action and entity can come from anyone (a username typed at sign-in, a URL
            # path): Qt would render a tooltip that looks like HTML as HTML, so it is escaped.
            if key == "actor":
                text = f"{self.who(entry.get('actor_id'))} ({entry.get('actor_id') or '—'})"
            elif key == "action":
                text = f"{self.action_words(entry.get('action'))} ({entry.get('action') or '—'})"
            elif key == "outcome":
                text = self.outcome(entry, with_code=True)     # the refusal's code, for support
            else:
                text = self.data(index, Qt.ItemDataRole.DisplayRole)
            return plain_tooltip(text) if text else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if key == "at":
            return labels.local_time(entry.get("at"))
        if key == "actor":
            who = self.who(entry.get("actor_id"))
            return who
        if key == "outcome":
            return self.outcome(entry)
        if key == "action":
            return self.action_words(entry.get("action"))
        value = entry.get(key)
        return "" if value is None else str(value)

    def set_entries(self, entries: list[dict]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def row_of(self, seq: int) -> int:
        for n, entry in enumerate(self.entries):
            if entry.get("seq") == seq:
                return n
        return -1


class AuditView(CasePage, QWidget):
    KINDS = ALL   # every change and refusal is audited

    loaded = Signal(int)           # entries shown
    verified = Signal(object)      # the portal's answer, or None when it failed

    def __init__(self, workspace, parent=None, *, tz: dt.tzinfo | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.tz = tz
        self.can_verify = bool(VERIFY_ROLES & set(workspace.roles))
        self._generation = 0
        self._loaded_once = False
        self._stale = False
        self._after = 0
        self.truncated = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(heading(self.tr("Audit trail")))
        intro = plain_label(self.tr("Everything done on the portal is recorded in a hash-chained trail: each "
                                    "entry's hash covers the one before it, so a changed or removed entry "
                                    "shows. You see the entries about what you may see and your own actions."),
                            wrap=True)
        intro.setObjectName("muted")
        layout.addWidget(intro)
        from .audit_witness import WitnessPanel
        self.witness_panel = WitnessPanel(workspace)
        layout.addWidget(self.witness_panel)

        # -- filters -------------------------------------------------------------------------
        self.person = QComboBox()
        self.person.setEditable(True)
        self.person.setAccessibleName(self.tr("Person"))
        self.person.setToolTip(self.tr("Choose a colleague or type a user id"))
        self.action = QComboBox()
        self.action.setEditable(True)
        self.action.setAccessibleName(self.tr("Action"))
        self.action.addItem(self.tr("Any action"), None)
        for action in KNOWN_ACTIONS:
            self.action.addItem(QCoreApplication.translate("AuditModel", ACTION_WORDS[action]), action)
        self.entity = QComboBox()
        self.entity.setAccessibleName(self.tr("Entity"))
        entity_names = {"application": self.tr("Applications"), "output": self.tr("Outputs"),
                        "sample": self.tr("Samples"), "warning": self.tr("Warnings"),
                        "acknowledgement": self.tr("Acknowledgements"), "session": self.tr("Sign-ins")}
        self.entity.addItem(self.tr("Any entity"), None)
        for entity in ENTITIES:
            self.entity.addItem(entity_names[entity], entity)
        self.case = QLineEdit()
        self.case.setPlaceholderText(self.tr("Case id, e.g. APP-2026-0001"))
        self.case.setAccessibleName(self.tr("Case"))
        self.case.setClearButtonEnabled(True)
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(self.tr("Outcome"))
        self.outcome.addItem(self.tr("Done or refused"), None)
        self.outcome.addItem(self.tr("Done"), "ok")
        self.outcome.addItem(self.tr("Refused"), "refused")
        today = QDate.currentDate()
        self.use_from = QCheckBox(self.tr("From"))
        self.date_from = QDateEdit(today.addDays(-30))
        self.use_to = QCheckBox(self.tr("To"))
        self.date_to = QDateEdit(today)
        for check, edit, name in ((self.use_from, self.date_from, self.tr("From date")),
                                  (self.use_to, self.date_to, self.tr("To date"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(labels.date_edit_format())
            edit.setAccessibleName(name)
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)

        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.addWidget(QLabel(self.tr("Person:")), 0, 0)
        grid.addWidget(self.person, 0, 1)
        grid.addWidget(QLabel(self.tr("Action:")), 0, 2)
        grid.addWidget(self.action, 0, 3)
        grid.addWidget(QLabel(self.tr("Entity:")), 0, 4)
        grid.addWidget(self.entity, 0, 5)
        grid.addWidget(self.case, 0, 6)
        dates = QHBoxLayout()
        dates.addWidget(self.use_from)
        dates.addWidget(self.date_from)
        dates.addSpacing(8)
        dates.addWidget(self.use_to)
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        grid.addWidget(QLabel(self.tr("Outcome:")), 1, 0)
        grid.addWidget(self.outcome, 1, 1)
        grid.addWidget(QLabel(self.tr("Time:")), 1, 2)
        grid.addLayout(dates, 1, 3, 1, 4)
        for column in (1, 3, 5, 6):
            grid.setColumnStretch(column, 1)
        layout.addLayout(grid)

        buttons = QHBoxLayout()
        self.load_button = QPushButton(self.tr("Show entries"))
        self.load_button.setDefault(True)
        self.load_button.clicked.connect(self.load)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.export_button = QPushButton(self.tr("Export to CSV…"))
        self.export_button.setToolTip(self.tr("Save the entries shown, with their hashes, as a CSV file for an auditor"))
        self.export_button.clicked.connect(self.ask_export)
        self.export_button.setEnabled(False)
        self.verify_button = QPushButton(self.tr("Verify chain"))
        self.verify_button.clicked.connect(self.verify)
        if self.can_verify:
            self.verify_button.setToolTip(self.tr("Ask the portal to recompute every hash of the whole trail"))
        else:
            self.verify_button.setEnabled(False)
            self.verify_button.setToolTip(self.tr("Only supervisors and administrators can verify the whole chain"))
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.verify_button)
        layout.addLayout(buttons)
        self.verify_result = plain_label("", wrap=True)
        self.verify_result.setObjectName("muted")
        if not self.can_verify:
            self.verify_result.setText(self.tr("Verifying the whole chain is for supervisors and administrators."))
        self.show_bad_button = QPushButton(self.tr("Show the first bad entry"))
        self.show_bad_button.hide()
        self.show_bad_button.clicked.connect(self._show_first_bad)
        verify_row = QHBoxLayout()
        verify_row.addWidget(self.verify_result, 1)
        verify_row.addWidget(self.show_bad_button)
        layout.addLayout(verify_row)
        self.note = plain_label(self.tr("The audit trail is read from the portal."), wrap=True)
        self.note.setObjectName("muted")
        layout.addWidget(self.note)

        # -- entries and the selected one -----------------------------------------------------------
        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Audit entries"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((56, 130, 140, 150, 100, 120, 190)):
            self.table.setColumnWidth(column, width)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.copy_hash_action = QAction(self.tr("Copy hash"), self.table)
        self.copy_hash_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_hash_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_hash_action.triggered.connect(self.copy_hashes)
        self.table.addAction(self.copy_hash_action)
        copy_row = QAction(self.tr("Copy entry as JSON"), self.table)
        copy_row.triggered.connect(self.copy_entries)
        self.table.addAction(copy_row)

        detail = QWidget()
        form = QFormLayout(detail)
        form.setContentsMargins(0, 6, 0, 0)
        mono = monospace_font()
        self.hash_field = QLineEdit()
        self.prev_field = QLineEdit()
        for field, name in ((self.hash_field, self.tr("Hash")), (self.prev_field, self.tr("Previous hash"))):
            field.setReadOnly(True)
            field.setFont(mono)
            field.setAccessibleName(name)
        copy_button = QPushButton(self.tr("Copy"))
        copy_button.setAccessibleName(self.tr("Copy hash"))
        copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.hash_field.text()))
        hash_row = QHBoxLayout()
        hash_row.addWidget(self.hash_field, 1)
        hash_row.addWidget(copy_button)
        self.detail_text = QPlainTextEdit()
        self.detail_text.setReadOnly(True)
        self.detail_text.setFont(mono)
        self.detail_text.setAccessibleName(self.tr("Entry detail"))
        self.detail_text.setMaximumHeight(120)
        form.addRow(self.tr("Hash:"), hash_row)
        form.addRow(self.tr("Previous hash:"), self.prev_field)
        form.addRow(self.tr("Detail:"), self.detail_text)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        for edit in (self.case, self.person.lineEdit(), self.action.lineEdit()):
            edit.returnPressed.connect(self.load)
        self._debounce = QTimer(self, singleShot=True, interval=350)
        self._debounce.timeout.connect(self.load)
        for combo in (self.entity, self.outcome):
            combo.currentIndexChanged.connect(self._changed)
        self.person.activated.connect(self._changed)
        self.action.activated.connect(self._changed)
        for widget in (self.use_from, self.use_to):
            widget.toggled.connect(self._changed)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._changed)
        self._fill_people()

    # -- filters ------------------------------------------------------------------------------
    def _fill_people(self) -> None:
        current = self.person.currentText()
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(self.tr("Anyone"), None)
        staff = self.workspace.cache.staff_names()
        self.model.names = dict(staff)
        for user_id, name in staff:
            self.person.addItem(name, user_id)
        index = self.person.findText(current) if current else 0
        self.person.setCurrentIndex(max(index, 0))
        self.person.blockSignals(False)

    def _changed(self, *_args) -> None:
        self._after = 0
        self._debounce.start()

    @staticmethod
    def _combo_value(combo: QComboBox) -> str | None:
        """The chosen item's code, or what was typed (a typed name is looked up)."""
        text = combo.currentText().strip()
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return combo.itemData(index)
        return text or None

    def filters(self) -> dict:
        return {
            "actor": self._combo_value(self.person), "action": self._combo_value(self.action),
            "entity": self.entity.currentData(), "case": self.case.text().strip() or None,
            "outcome": self.outcome.currentData(),
            "first": self.date_from.date().toPython() if self.use_from.isChecked() else None,
            "last": self.date_to.date().toPython() if self.use_to.isChecked() else None,
        }

    def clear_filters(self) -> None:
        for widget in (self.person, self.action, self.entity, self.outcome, self.use_from, self.use_to,
                       self.date_from, self.date_to):
            widget.blockSignals(True)
        self.person.setCurrentIndex(0)
        self.action.setCurrentIndex(0)
        self.entity.setCurrentIndex(0)
        self.outcome.setCurrentIndex(0)
        self.use_from.setChecked(False)
        self.use_to.setChecked(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        for widget in (self.person, self.action, self.entity, self.outcome, self.use_from, self.use_to,
                       self.date_from, self.date_to):
            widget.blockSignals(False)
        self.case.clear()
        self._after = 0
        self.load()

    def show_case(self, kind: str, entity_id: str) -> None:
        """The trail of one case (an application, output or warning), everything else cleared."""
        self.case.setText(entity_id)
        index = self.entity.findData(kind)
        self.entity.blockSignals(True)
        self.entity.setCurrentIndex(max(index, 0))
        self.entity.blockSignals(False)
        for combo in (self.person, self.action, self.outcome):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for check in (self.use_from, self.use_to):
            check.blockSignals(True)
            check.setChecked(False)
            check.blockSignals(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        self._after = 0
        self.load()

    # -- loading ------------------------------------------------------------------------------------
    def showEvent(self, event):
        super().showEvent(event)
        if not self._loaded_once or self._stale:
            self.load()

    def refresh(self) -> None:
        """After a sync: names may have changed; the trail is reread when it is on screen."""
        self._fill_people()
        self.witness_panel.refresh()
        if self.isVisible() and self._loaded_once:
            self.load()
        else:
            self._stale = True

    def load(self) -> Op:
        self._debounce.stop()
        self._loaded_once, self._stale = True, False
        self._generation += 1
        generation = self._generation
        params = audit_params(**self.filters(), after=self._after, tz=self.tz)
        calls = PortalCalls(self.workspace.client)
        self.note.setText(self.tr("Reading the audit trail from the portal…"))
        return Op(lambda: calls.audit_trail(params, MAX_ENTRIES)) \
            .success(lambda result: self._loaded(generation, result)) \
            .failure(lambda exc: self._failed(generation, exc)).run_in_background()

    def _loaded(self, generation: int, result) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        entries, truncated = result
        self.truncated = truncated
        self.model.set_entries(entries)
        self.export_button.setEnabled(bool(entries))
        text = self.tr("%1 entries").replace("%1", str(len(entries))) if len(entries) != 1 else self.tr("1 entry")
        if self._after:
            text += self.tr(", from entry #%1 on").replace("%1", str(self._after + 1))
        if truncated:
            text += self.tr(" — only the first %1 are shown; narrow the filter to see the rest") \
                .replace("%1", str(len(entries)))
        self.note.setText(text + ".")
        if entries:
            self.table.selectRow(0)
        else:
            self._show_entry(None)
        self.loaded.emit(len(entries))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self.note.setText(self.describe_error(exc))
        self.loaded.emit(-1)

    def describe_error(self, exc: BaseException) -> str:
        if isinstance(exc, PortalUnreachable):
            return self.tr("The portal cannot be reached. The audit trail is kept on the portal only; "
                           "try again when you are online.")
        if isinstance(exc, AuthExpired):
            return self.tr("Your session has expired. Sign in again to read the audit trail.")
        if isinstance(exc, PortalError):
            return self.tr("The portal refused: %1").replace("%1", exc.message)
        return self.tr("The audit trail cannot be read now: %1").replace("%1", str(exc))

    # -- the selected entry -------------------------------------------------------------------------
    def _current_changed(self, current, _previous) -> None:
        self._show_entry(self.model.entries[current.row()] if current.isValid() else None)

    def _show_entry(self, entry: dict | None) -> None:
        self.witness_panel.set_entry(entry)
        self.hash_field.setText((entry or {}).get("hash") or "")
        self.prev_field.setText((entry or {}).get("prev_hash") or "")
        detail = (entry or {}).get("detail")
        self.detail_text.setPlainText(detail_lines(detail) if detail else "")

    def selected_entries(self) -> list[dict]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [self.model.entries[r] for r in rows]

    def copy_hashes(self) -> None:
        hashes = [e.get("hash") or "" for e in self.selected_entries()]
        if hashes:
            QGuiApplication.clipboard().setText("\n".join(hashes))

    def copy_entries(self) -> None:
        entries = self.selected_entries()
        if entries:
            QGuiApplication.clipboard().setText(json.dumps(entries if len(entries) > 1 else entries[0],
                                                           ensure_ascii=False, indent=2, sort_keys=True))

    # -- verify --------------------------------------------------------------------------------------
    def verify(self) -> Op | None:
        if not self.can_verify:
            return None
        self.verify_button.setEnabled(False)
        self.show_bad_button.hide()
        self.verify_result.setText(self.tr("The portal is recomputing every hash of the trail…"))
        calls = PortalCalls(self.workspace.client)
        return Op(calls.audit_verify).success(self._verified).failure(self._verify_failed) \
            .run_in_background()

    def _verified(self, answer) -> None:
        if not shiboken6.isValid(self):
            return
        self.verify_button.setEnabled(True)
        self.verify_answer = answer
        when = labels.local_time(dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
        if isinstance(answer, dict) and answer.get("ok"):
            self.verify_result.setObjectName("muted")
            self.verify_result.setText(self.tr("✔ The chain is intact: all %1 entries check out (verified %2).")
                                       .replace("%1", str(answer.get("entries"))).replace("%2", when))
        elif isinstance(answer, dict) and answer.get("first_bad_seq") is None and answer.get("problem"):
            self.verify_result.setObjectName("error")
            self.verify_result.setText(self.tr("✖ The check failed: %1 (%2 entries read, verified %3).")
                                       .replace("%1", str(answer["problem"]))
                                       .replace("%2", str(answer.get("entries"))).replace("%3", when))
        elif isinstance(answer, dict):
            self.verify_result.setObjectName("error")
            self.verify_result.setText(self.tr("✖ The chain is broken: entry #%1 is the first that was changed, "
                                               "removed or reordered (%2 entries read, verified %3).")
                                       .replace("%1", str(answer.get("first_bad_seq")))
                                       .replace("%2", str(answer.get("entries"))).replace("%3", when))
            self.show_bad_button.setVisible(answer.get("first_bad_seq") is not None)
        self.verify_result.style().polish(self.verify_result)
        self.verified.emit(answer)

    def _verify_failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.verify_button.setEnabled(True)
        self.verify_result.setText(self.tr("The chain could not be verified: %1").replace("%1", self.describe_error(exc)))
        self.verified.emit(None)

    def _show_first_bad(self) -> None:
        seq = (getattr(self, "verify_answer", None) or {}).get("first_bad_seq")
        if not seq:
            return
        row = self.model.row_of(seq)
        if row >= 0:
            self.table.selectRow(row)
            return
        for widget in (self.person, self.action, self.entity, self.outcome, self.use_from, self.use_to):
            widget.blockSignals(True)
        for combo in (self.person, self.action, self.entity, self.outcome):
            combo.setCurrentIndex(0)
        self.use_from.setChecked(False)
        self.use_to.setChecked(False)
        for widget in (self.person, self.action, self.entity, self.outcome, self.use_from, self.use_to):
            widget.blockSignals(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        self.case.clear()
        self._after = max(0, seq - 1)
        self.load()

    # -- export -----------------------------------------------------------------------------------------
    def export_csv(self, path: str) -> int:
        return write_audit_csv(self.model.entries, path, self.model.names)

    def ask_export(self) -> None:
        name = f"audit-trail-{dt.date.today().isoformat()}.csv"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export audit trail"), name,
                                              self.tr("CSV file (*.csv)"))
        if not path:
            return
        if not path.lower().endswith(".csv"):
            path += ".csv"
        try:
            count = self.export_csv(path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export audit trail"),
                                self.tr("The file could not be written: %1").replace("%1", exc.strerror or str(exc)))
            return
        self.note.setText(self.tr("%1 entries exported to %2.").replace("%1", str(count)).replace("%2", path))

    def shortcut_help(self) -> list[str]:
        return [self.tr("Ctrl+C — copy the selected entries' hashes")]
