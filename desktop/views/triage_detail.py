"""One incident on the Triage page: the report and where it came from, the NIS2
clocks (in words and colour), the indicators (defanged on display, copyable), the
suggested duplicates, the centre's updates and the triage log. Plain text only."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QListWidget, QListWidgetItem, QPlainTextEdit,
                               QPushButton, QScrollArea, QVBoxLayout, QWidget)

from ..models import incidents as rules
from ..models import labels
from .tlp import TlpLabel
from .widgets import heading, plain_label

OVERDUE_COLOUR, SOON_COLOUR, MET_COLOUR = QColor("#b3261e"), QColor("#8a5a00"), QColor("#1e7b34")


def _t(text: str) -> str:
    return QCoreApplication.translate("TriageDetail", text)


def clock_name(name: str) -> str:
    return {"early_warning": _t("Early warning"), "notification": _t("Notification"),
            "final_report": _t("Final report")}.get(name, name)


class Durations(QObject):
    """A length of time in words, in the unit that reads best (plural forms through tr)."""

    def words(self, seconds: float) -> str:
        seconds = abs(seconds)
        if seconds < 2 * 3600:
            return self.tr("%n minute(s)", "", max(1, int(seconds // 60)))
        if seconds < 48 * 3600:
            return self.tr("%n hour(s)", "", int(seconds // 3600))
        return self.tr("%n day(s)", "", int(seconds // 86400))


def duration(seconds: float) -> str:
    return Durations().words(seconds)


def status_name(status: str | None) -> str:
    return {"new": _t("New"), "acknowledged": _t("Acknowledged"), "merged": _t("Merged"),
            "dismissed": _t("Dismissed"), "warned": _t("Warned"), "closed": _t("Closed")}.get(status or "", status or "")


def clock_words(clock: rules.Clock, now: float) -> str:
    """“Early warning overdue by 6 hours”, “Notification due in 2 days”, “Final report met (late)”."""
    name = clock_name(clock.name)
    if clock.state == "met":
        return (_t("%1 met (late)") if clock.late else _t("%1 met")).replace("%1", name)
    if clock.state == "overdue":
        return _t("%1 overdue by %2").replace("%1", name).replace("%2", duration(now - clock.due_at))
    return _t("%1 due in %2").replace("%1", name).replace("%2", duration(clock.due_at - now))


def clock_colour(clock: rules.Clock | None, now: float) -> QColor | None:
    if clock is None:
        return None
    if clock.state == "overdue":
        return OVERDUE_COLOUR
    if clock.state == "met":
        return MET_COLOUR
    return SOON_COLOUR if clock.seconds_left(now) <= rules.SOON else None


def when(text: str | None) -> str:
    moment = rules.parse_iso(text)
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(moment)) if moment is not None else "—"


class IncidentDetail(QWidget):
    """`merge_target_changed` when another suggested duplicate is chosen."""

    merge_target_changed = Signal(str)

    def __init__(self, parent=None, *, clock=time.time):
        super().__init__(parent)
        self.clock = clock
        self.incident: dict | None = None
        self.setObjectName("incidentDetail")
        self.title = heading("", 2)
        self.meta = plain_label("", wrap=True, selectable=True)
        self.meta.setObjectName("muted")
        self.tlp = TlpLabel()
        self.provenance = plain_label("", wrap=True, selectable=True)
        self.provenance.setAccessibleName(_t("Where the report came from"))
        self.clock_labels = [plain_label("", wrap=True) for _ in rules.CLOCKS]
        self.description = QPlainTextEdit()
        self.description.setReadOnly(True)
        self.description.setAccessibleName(_t("Description"))
        self.description.setMaximumHeight(110)
        self.indicators = QListWidget()
        self.indicators.setObjectName("indicatorList")
        self.indicators.setAccessibleName(_t("Indicators (defanged)"))
        self.copy_value = QPushButton(_t("Copy value"))
        self.copy_value.setToolTip(_t("Copies the indicator as reported (for a block list); the list shows it "
                                      "defanged so that it cannot be opened by a click"))
        self.copy_defanged = QPushButton(_t("Copy defanged"))
        self.copy_value.clicked.connect(lambda: self.copy(defanged=False))
        self.copy_defanged.clicked.connect(lambda: self.copy(defanged=True))
        self.duplicates = QListWidget()
        self.duplicates.setObjectName("duplicateList")
        self.duplicates.setAccessibleName(_t("Suggested duplicates"))
        self.duplicates.currentItemChanged.connect(
            lambda item, _old: self.merge_target_changed.emit(item.data(Qt.ItemDataRole.UserRole) if item else ""))
        self.updates = QListWidget()
        self.updates.setAccessibleName(_t("Updates from the reporting centre and the triage log"))
        self._layout()

    def _layout(self):
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.tlp, 0, Qt.AlignmentFlag.AlignTop)
        clocks = QGridLayout()
        clocks.addWidget(heading(_t("NIS2 clocks"), 2), 0, 0)
        for row, label in enumerate(self.clock_labels, start=1):
            clocks.addWidget(label, row, 0)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_value)
        copy_row.addWidget(self.copy_defanged)
        copy_row.addStretch(1)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addLayout(head)
        for widget in (self.meta, self.provenance):
            layout.addWidget(widget)
        layout.addLayout(clocks)
        layout.addWidget(self.description)
        layout.addWidget(heading(_t("Indicators"), 2))
        layout.addWidget(self.indicators, 1)
        layout.addLayout(copy_row)
        layout.addWidget(heading(_t("Suggested duplicates (M merges into the one chosen)"), 2))
        layout.addWidget(self.duplicates)
        layout.addWidget(heading(_t("Updates and triage log"), 2))
        layout.addWidget(self.updates, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # -- showing --------------------------------------------------------------------------------
    def show_incident(self, incident: dict | None, known: dict[str, dict], names: dict[str, str]) -> None:
        self.incident = incident
        now = self.clock()
        self.setEnabled(incident is not None)
        incident = incident or {}
        self.title.setText(" · ".join(x for x in (incident.get("id"), incident.get("title")) if x))
        self.tlp.set_tlp(incident.get("tlp"))
        self.meta.setText(_t("Severity %1 · status %2 · occurred %3 · detected %4")
                          .replace("%1", labels.severity(incident.get("severity")) or "—")
                          .replace("%2", status_name(incident.get("status")) or "—")
                          .replace("%3", when(incident.get("occurred_at"))).replace("%4", when(incident.get("detected_at"))))
        self.provenance.setText(self._provenance(incident, names) if incident else "")
        shown = rules.clocks(incident, now)
        for label, clock in zip(self.clock_labels, shown + [None] * (len(self.clock_labels) - len(shown))):
            label.setVisible(clock is not None)
            if clock is not None:
                label.setText(f"{clock_words(clock, now)} — {when(_iso(clock.due_at))}")
                colour = clock_colour(clock, now)
                label.setStyleSheet(f"color: {colour.name()}; font-weight: 600;" if colour else "")
        if not shown and incident:
            self.clock_labels[0].setVisible(True)
            self.clock_labels[0].setText(_t("Not NIS2-significant: no reporting clocks"))
            self.clock_labels[0].setStyleSheet("")
        self.description.setPlainText(incident.get("description") or "")
        self._fill_indicators(incident)
        self._fill_duplicates(incident, known)
        self._fill_updates(incident, names)

    def _provenance(self, incident: dict, names: dict[str, str]) -> str:
        text = _t("Reported by %1 at %2").replace("%1", incident.get("reporting_centre") or "—") \
            .replace("%2", when(incident.get("reported_at")))
        affected = incident.get("affected") or {}
        parts = [", ".join(affected.get(k) or []) for k in ("org_ids", "sectors", "regions")]
        text += "\n" + _t("Affected: %1").replace("%1", "; ".join(p for p in parts if p) or "—")
        if incident.get("assignee_id"):
            text += "\n" + _t("Assigned to %1").replace("%1", names.get(incident["assignee_id"], incident["assignee_id"]))
        for warning in incident.get("warnings") or []:
            text += "\n" + _t("Warned in %1 (sent %2)").replace("%1", warning.get("id") or "") \
                .replace("%2", when(warning.get("sent_at")))
        if incident.get("merged_into"):
            text += "\n" + _t("Merged into %1").replace("%1", incident["merged_into"])
        if incident.get("merged_from"):
            text += "\n" + _t("Takes in %1").replace("%1", ", ".join(incident["merged_from"]))
        return text

    def _fill_indicators(self, incident: dict) -> None:
        self.indicators.clear()
        for indicator in incident.get("indicators") or []:
            item = QListWidgetItem(f"{indicator.get('type')}\t{rules.display(indicator)}")
            item.setData(Qt.ItemDataRole.UserRole, indicator)
            self.indicators.addItem(item)
        has = self.indicators.count() > 0
        self.copy_value.setEnabled(has)
        self.copy_defanged.setEnabled(has)
        if has:
            self.indicators.setCurrentRow(0)

    def _fill_duplicates(self, incident: dict, known: dict[str, dict]) -> None:
        self.duplicates.clear()
        for duplicate in rules.open_duplicates(incident, known):
            other = known.get(duplicate["id"]) or {}
            shared = ", ".join(rules.display(s) for s in duplicate.get("shared") or [])
            item = QListWidgetItem(_t("%1 %2 — shares %3").replace("%1", duplicate["id"])
                                   .replace("%2", other.get("title") or "").replace("%3", shared))
            item.setData(Qt.ItemDataRole.UserRole, duplicate["id"])
            self.duplicates.addItem(item)
        if self.duplicates.count():
            self.duplicates.setCurrentRow(0)

    def _fill_updates(self, incident: dict, names: dict[str, str]) -> None:
        self.updates.clear()
        entries = [(u.get("at") or "", f"{when(u.get('at'))}  {u.get('kind')}: {u.get('text') or ''}")
                   for u in incident.get("updates") or []]
        entries += [(t.get("at") or "", f"{when(t.get('at'))}  {t.get('action')} — {names.get(t.get('by'), t.get('by'))}"
                     + (f": {t.get('note')}" if t.get("note") else "") + (f" ({t.get('reason')})" if t.get("reason") else ""))
                    for t in incident.get("triage") or []]
        for _at, text in sorted(entries):
            self.updates.addItem(text)

    def merge_target(self) -> str:
        item = self.duplicates.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    def copy(self, defanged: bool) -> str:
        item = self.indicators.currentItem()
        if item is None:
            return ""
        indicator = item.data(Qt.ItemDataRole.UserRole)
        text = rules.display(indicator) if defanged else indicator.get("value") or ""
        QGuiApplication.clipboard().setText(text)
        return text


def _iso(ts: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))



