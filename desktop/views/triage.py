"""The coordinators' Triage page: incident reports from the security operations
centres, queued by severity and age with their NIS2 clocks; acknowledge, assign,
merge a duplicate (M), dismiss with a reason, close; and "Draft a warning from
these incidents", which opens the compose dialog filled in and linked.

Every action is queued in the outbox and sent by the next sync (the portal has
the last word); a greyed button says why it is not possible now."""

from __future__ import annotations

import time

import shiboken6
from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QBrush, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QInputDialog, QLineEdit,
                               QMenu, QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..models import incidents as rules
from ..models import labels
from ..sync import incidents as store
from .page import CasePage, OUTBOX
from .sync_controller import send_soon
from .tlp import bold_font
from .triage_detail import IncidentDetail, clock_colour, clock_words, duration, status_name
from .widgets import heading, plain_label, set_column_widths

COLUMNS = ("id", "severity", "title", "centre", "status", "age", "clock")
ACTION_KEYS = {"acknowledge": "A", "merge": "M", "dismiss": "D", "close": "C", "draft": "W"}


class TriageView(CasePage, QWidget):
    KINDS = frozenset({"incident", "organisation", "warning", "staff", OUTBOX})

    request_sync = Signal()

    def __init__(self, workspace, parent=None, sync=None, *, clock=time.time):
        super().__init__(parent)
        self.workspace = workspace
        self.cache = workspace.cache
        self.outbox = workspace.engine.outbox
        self._sync = sync
        self.clock = clock
        self.roles = set(workspace.roles)
        self.me = workspace.user.get("id")
        self.incidents: dict[str, dict] = {}
        self.shown: list[dict] = []
        self.dialog = None
        self.reason_dialog: QInputDialog | None = None
        self.setObjectName("triageView")
        self._build()
        self.refresh()

    # -- building ---------------------------------------------------------------------------------
    def _build(self):
        self.summary = plain_label("")
        self.summary.setObjectName("muted")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search id, title, centre or indicator"))
        self.search.setAccessibleName(self.tr("Search incidents"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Status"))
        for value, text in (("open", self.tr("Open")), ("", self.tr("All")), ("new", self.tr("New")),
                            ("acknowledged", self.tr("Acknowledged")), ("warned", self.tr("Warned")),
                            ("merged", self.tr("Merged")), ("dismissed", self.tr("Dismissed")),
                            ("closed", self.tr("Closed"))):
            self.status_filter.addItem(text, value)
        self.severity_filter = QComboBox()
        self.severity_filter.setAccessibleName(self.tr("Severity"))
        self.severity_filter.addItem(self.tr("Any severity"), "")
        for severity in reversed(rules.SEVERITIES):
            self.severity_filter.addItem(labels.severity(severity), severity)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Triage")))
        top.addWidget(self.summary, 1, Qt.AlignmentFlag.AlignBottom)
        for widget in (self.search, self.status_filter, self.severity_filter):
            top.addWidget(widget, 0, Qt.AlignmentFlag.AlignBottom)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("triageQueue")
        self.table.setAccessibleName(self.tr("Incident queue"))
        self.table.setHorizontalHeaderLabels([self.tr("Id"), self.tr("Severity"), self.tr("Title"),
                                              self.tr("Reported by"), self.tr("Status"), self.tr("Age"),
                                              self.tr("NIS2 clock")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        set_column_widths(self.table, ((0, 105), (1, 70), (3, 135), (4, 95), (5, 85), (6, 215)))

        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, text in (("acknowledge", self.tr("Acknowledge (A)")), ("assign", self.tr("Assign to…")),
                          ("merge", self.tr("Merge into duplicate (M)")), ("dismiss", self.tr("Dismiss… (D)")),
                          ("close", self.tr("Close (C)")), ("draft", self.tr("Draft a warning from these incidents (W)"))):
            button = QPushButton(text)
            button.setObjectName(f"triage_{key}")
            if key == "assign":
                self.assign_menu = QMenu(button)        # to me, or to another coordinator
                button.setMenu(self.assign_menu)
            else:
                button.clicked.connect(lambda _=False, k=key: self.act(k))
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self.note = plain_label("", wrap=True)
        self.note.setObjectName("muted")

        self.detail = IncidentDetail(self, clock=lambda: self.clock())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.note)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([900, 440])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.search.textChanged.connect(self._fill)
        self.status_filter.currentIndexChanged.connect(self._fill)
        self.severity_filter.currentIndexChanged.connect(self._fill)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        for key, letter in ACTION_KEYS.items():
            shortcut = QShortcut(QKeySequence(letter), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda k=key: self.act(k))

    # -- data -------------------------------------------------------------------------------------
    def refresh(self):
        if not shiboken6.isValid(self):
            return
        self.incidents = store.by_id(self.cache)
        self.names = store.staff_names(self.cache)
        self.queued = store.queued_incident_ids(self.outbox)
        self.assign_menu.clear()
        for user_id, name in store.coordinators(self.cache):
            text = self.tr("Me (%1)").replace("%1", name) if user_id == self.me else name
            self.assign_menu.addAction(text, lambda u=user_id: self.act("assign", u))
        self._fill()

    def _fill(self):
        now = self.clock()
        keep = set(self.selected_ids())
        self.shown = [i for i in rules.queue_order(self.incidents.values(), now)
                      if rules.matches(i, self.status_filter.currentData(), self.severity_filter.currentData(),
                                       self.search.text())]
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(len(self.shown))
        for row, incident in enumerate(self.shown):
            clock = rules.next_clock(incident, now)
            status = status_name(incident.get("status"))
            status += (" " + self.tr("(queued)")) if incident["id"] in self.queued else ""
            clock_text = clock_words(clock, now) if clock is not None else (
                self.tr("All clocks met") if incident.get("nis2_significant") else "—")
            values = (incident["id"], labels.severity(incident.get("severity")), incident.get("title") or "",
                      incident.get("reporting_centre") or "", status, duration(rules.age_seconds(incident, now)), clock_text)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, incident["id"])
                if column == 6:
                    colour = clock_colour(clock, now)
                    if colour is not None:
                        item.setForeground(QBrush(colour))
                    item.setToolTip("\n".join(clock_words(c, now) for c in rules.clocks(incident, now)))
                if column == 1 and incident.get("severity") == "critical":
                    item.setFont(bold_font())
                self.table.setItem(row, column, item)
            if incident["id"] in keep:
                self.table.selectionModel().select(
                    self.table.model().index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
        self.table.blockSignals(False)
        if not self.selected_ids() and self.shown:
            self.table.selectRow(0)
        self._summarise(now)
        self._selection_changed()

    def _summarise(self, now: float):
        open_ = [i for i in self.incidents.values() if i.get("status") in rules.OPEN]
        overdue = sum(1 for i in open_ for c in rules.clocks(i, now) if c.state == "overdue")
        critical = sum(1 for i in open_ if i.get("severity") == "critical" and i.get("status") == "new")
        self.summary.setText(self.tr("%1 open · %2 new critical · %3 clocks overdue").replace("%1", str(len(open_)))
                             .replace("%2", str(critical)).replace("%3", str(overdue)))

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.shown[r]["id"] for r in rows if r < len(self.shown)]

    def current(self) -> dict | None:
        ids = self.selected_ids()
        return self.incidents.get(ids[0]) if ids else None

    def open_case(self, kind: str, entity_id: str) -> bool:
        return kind == "incident" and self.open_incident(entity_id) is not False

    def open_incident(self, incident_id: str) -> bool:
        if incident_id not in self.incidents:
            return False
        if all(i["id"] != incident_id for i in self.shown):
            self.status_filter.setCurrentIndex(self.status_filter.findData(""))
        row = next((n for n, i in enumerate(self.shown) if i["id"] == incident_id), None)
        if row is None:
            return False
        self.table.clearSelection()
        self.table.selectRow(row)
        return True

    def _selection_changed(self):
        incident = self.current()
        self.detail.show_incident(incident, self.incidents, self.names)
        for key, button in self.buttons.items():
            reason = self.block_reason(key)
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")

    def block_reason(self, key: str) -> str | None:
        """Why an action is greyed now, in words (None: possible)."""
        if key == "draft":
            if "coordinator" not in self.roles:
                return self.tr("Only coordinators draft warnings.")
            chosen = [self.incidents[i] for i in self.selected_ids()]
            if not [i for i in chosen if i.get("status") not in rules.ENDED]:
                return self.tr("Choose incidents that are neither merged nor dismissed.")
            return None
        incident = self.current()
        code = rules.action_block(incident, key, self.roles)
        if code is None and incident["id"] in self.queued:
            return self.tr("An action on this incident is waiting to be sent.")
        return {None: None, "not_coordinator": self.tr("Only coordinators triage incidents."),
                "no_incident": self.tr("Choose an incident."),
                "no_duplicate": self.tr("No open incident shares an indicator with this one."),
                "not_open": self.tr("Not possible for an incident that is %1.").replace(
                    "%1", status_name((incident or {}).get("status")).lower())}[code]

    # -- acting -----------------------------------------------------------------------------------
    def act(self, key: str, assignee: str | None = None):
        if self.block_reason(key) is not None:
            return
        incident = self.current()
        if key == "draft":
            self.draft_warning()
        elif key == "dismiss":
            self.ask_reason(incident)
        elif key == "merge":
            target = self.detail.merge_target() or rules.open_duplicates(incident, self.incidents)[0]["id"]
            self._queue(incident, {"action": "merge", "into": target},
                        self.tr("Merge %1 into %2").replace("%1", incident["id"]).replace("%2", target))
        elif key == "assign":
            assignee = assignee or self.me
            self._queue(incident, {"action": "assign", "user_id": assignee},
                        self.tr("Assign %1 to %2").replace("%1", incident["id"])
                        .replace("%2", self.names.get(assignee, assignee)))
        else:
            text = {"acknowledge": self.tr("Acknowledge %1"), "close": self.tr("Close %1")}[key]
            self._queue(incident, {"action": key}, text.replace("%1", incident["id"]))

    def ask_reason(self, incident: dict):
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Dismiss %1").replace("%1", incident["id"]))
        dialog.setLabelText(self.tr("Why is it dismissed? (kept for the coordinators)"))
        dialog.textValueSelected.connect(lambda text: text.strip() and self._queue(
            incident, {"action": "dismiss", "reason": text.strip()},
            self.tr("Dismiss %1").replace("%1", incident["id"])))
        self.reason_dialog = dialog
        dialog.open()

    def _queue(self, incident: dict, body: dict, summary: str):
        store.queue_triage(self.outbox, incident, body, summary)
        self.note.setText(self.tr("Queued: %1. It is sent with the next sync.").replace("%1", summary))
        self.refresh()
        send_soon(self._sync, self.request_sync)

    def draft_warning(self):
        from .warning_compose import WarningComposeDialog
        chosen = [self.incidents[i] for i in self.selected_ids()]
        form, ids = rules.warning_from(chosen)
        self.dialog = WarningComposeDialog(self.workspace, "create", None, self, prefill=form, incident_ids=ids,
                                           online=lambda: bool(self.workspace.client.token), clock=self.clock)
        self.dialog.saved.connect(self._drafted)
        self.dialog.open()

    def _drafted(self, warning_id: str, outcome: str):
        text = (self.tr("Warning %1 drafted from the incidents; co-sign and send it on the Warnings page.")
                if outcome == "saved" else self.tr("The warning draft is queued: it is sent with the next sync."))
        self.note.setText(text.replace("%1", warning_id))
        send_soon(self._sync, self.request_sync)

    def shortcut_help(self) -> list[str]:
        return [self.tr("Triage: A acknowledge, M merge into the chosen duplicate, D dismiss, C close, "
                        "W draft a warning from the selected incidents")]
