"""The window's notifications, whatever page is open: the warnings' escalation (see
escalation.py) and, for coordinators, incident alerts: a new critical incident and a
NIS2 clock about to run out (within six hours), each announced once, through one
notifier (the tray, else the in-window banner) shared by both.

Listens to the window's sync rounds; the first complete round is the baseline
(nobody wants an alert for every old incident at sign-in)."""

from __future__ import annotations

import time

import shiboken6
from PySide6.QtCore import QObject, Signal

from ..models import incidents as rules
from ..sync import incidents as store
from .triage_detail import clock_name, duration


class IncidentAlerts(QObject):
    """`open_incident(id)` when a notification is opened."""

    open_incident = Signal(str)

    def __init__(self, workspace, sync, notifier, parent=None, *, clock=time.time):
        super().__init__(parent)
        self.workspace = workspace
        self.notifier = notifier
        self.clock = clock
        self.tracker = rules.IncidentAlerts()
        sync.finished.connect(self._after_sync)

    def _after_sync(self, result):
        if not shiboken6.isValid(self):
            return
        incidents = store.all_incidents(self.workspace.cache)
        if not self.tracker.primed:
            if result.online and not result.error and not getattr(result, "stopped", False):
                self.tracker.prime(incidents, self.clock())
            return
        self.check(incidents)

    def check(self, incidents: list[dict] | None = None) -> list[rules.Alert]:
        """Notify each alert not given before; returns them."""
        if incidents is None:
            incidents = store.all_incidents(self.workspace.cache)
        now = self.clock()
        alerts = self.tracker.check(incidents, now)
        for alert in alerts:
            if alert.kind == "critical":
                title = self.tr("New critical incident: %1").replace("%1", alert.incident_id)
                self.notifier.notify(("incident", alert.incident_id), title, alert.title, alert.incident_id,
                                     critical=True)
            else:
                title = self.tr("NIS2 clock running out: %1").replace("%1", alert.incident_id)
                message = self.tr("%1 due in %2: “%3”").replace("%1", clock_name(alert.clock)) \
                    .replace("%2", duration(alert.due_at - now)).replace("%3", alert.title)
                self.notifier.notify(("clock", alert.incident_id, alert.clock), title, message, alert.incident_id,
                                     critical=True)
        return alerts


def install(window) -> tuple:
    """(notifier, warning escalation, incident alerts) for the window, each None where its
    pages are not the user's. One notifier for both (one banner, not two); a notification
    opens its incident on the Triage page, or its warning's acknowledgements."""
    from ..notify import Notifier
    from .escalation import WarningEscalation

    if "warnings" not in window.page_keys:
        return None, None, None
    notifier = Notifier(window)

    def opened(case_id: str) -> None:
        if case_id.startswith("INC-"):
            window.open_case("incident", case_id)
        else:
            window._open_acknowledgements(case_id)
        window.raise_()
        window.activateWindow()

    notifier.activated.connect(opened)
    escalation = WarningEscalation(window.workspace, window, window.sync, notifier=notifier)
    alerts = (IncidentAlerts(window.workspace, window.sync, notifier, window)
              if "coordinator" in window.workspace.roles else None)
    return notifier, escalation, alerts
