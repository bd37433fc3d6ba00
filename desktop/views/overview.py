"""Dashboard: the state of the work at a glance, from the offline copy."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget

from ..models import labels
from .widgets import heading, plain_label


class OverviewView(QWidget):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 12, 16, 12)
        self._layout.addWidget(heading(self.tr("Dashboard")))
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        self._layout.addLayout(self.grid)
        self._layout.addStretch(1)
        self.refresh()

    def _card(self, title: str, value: str, note: str = "") -> QWidget:
        card = QFrame()
        card.setObjectName("card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(card)
        number = plain_label(value)
        number.setObjectName("bigNumber")
        layout.addWidget(plain_label(title, wrap=True))
        layout.addWidget(number)
        if note:
            n = plain_label(note, wrap=True)
            n.setObjectName("muted")
            layout.addWidget(n)
        card.setAccessibleName(f"{title}: {value}")
        return card

    def cards(self) -> list[tuple[str, str, str]]:
        cache, roles = self.workspace.cache, self.workspace.roles
        out = []
        if roles & {"caseworker", "admin"}:
            counts = cache.application_status_counts()
            waiting = counts.get("submitted", 0) + counts.get("in_review", 0)
            out.append((self.tr("Applications waiting for a decision"), str(waiting),
                        self.tr("%1 submitted, %2 in review").replace("%1", str(counts.get("submitted", 0)))
                        .replace("%2", str(counts.get("in_review", 0)))))
            for status in ("approved", "rejected", "returned"):
                out.append((labels.application_status(status), str(counts.get(status, 0)), ""))
        if roles & {"supervisor", "admin"}:
            rows = cache.query("SELECT status, count(*) AS n FROM outputs GROUP BY status")
            by = {r["status"]: r["n"] for r in rows}
            out.append((self.tr("Outputs held for a person"), str(by.get("held", 0)),
                        self.tr("%1 released, %2 withheld").replace("%1", str(by.get("released", 0)))
                        .replace("%2", str(by.get("withheld", 0)))))
        if roles & {"coordinator", "admin"}:
            rows = cache.query("SELECT status, count(*) AS n FROM warnings GROUP BY status")
            by = {r["status"]: r["n"] for r in rows}
            out.append((self.tr("Warnings sent and active"), str(by.get("sent", 0)),
                        self.tr("%1 drafts").replace("%1", str(by.get("draft", 0)))))
        out.append((self.tr("Actions waiting to be sent"), str(self.workspace.engine.outbox.pending_count()), ""))
        return out

    def refresh(self):
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for n, (title, value, note) in enumerate(self.cards()):
            self.grid.addWidget(self._card(title, value, note), n // 3, n % 3)
