"""Needs attention: actions the portal refused, each beside the case's current
state on the portal, to discard or to act on again."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget)

from ..models import labels
from .page import CasePage, OUTBOX
from .widgets import heading, plain_label

# Marked for lupdate; translated where shown (self.tr in the view's context).
REFUSAL_TEXT = {
    "version_conflict": QT_TRANSLATE_NOOP("AttentionView", "Someone changed the case before your action arrived."),
    "already_reviewed": QT_TRANSLATE_NOOP("AttentionView", "You have already reviewed this case."),
    "not_open": QT_TRANSLATE_NOOP("AttentionView", "The case was already decided."),
    "conflict_of_interest": QT_TRANSLATE_NOOP("AttentionView", "You have a conflict of interest with this case (a declared institution, or your own output)."),
    "certification_expired": QT_TRANSLATE_NOOP("AttentionView", "The applicant's certification has lapsed."),
    "comment_required": QT_TRANSLATE_NOOP("AttentionView", "A comment is required."),
    "role_required": QT_TRANSLATE_NOOP("AttentionView", "Your role does not allow this action."),
    "self_cosign": QT_TRANSLATE_NOOP("AttentionView", "The author cannot co-sign their own warning."),
    "cosign_required": QT_TRANSLATE_NOOP("AttentionView", "A second coordinator must co-sign first."),
}


class AttentionView(CasePage, QWidget):
    KINDS = frozenset({OUTBOX})
    case_requested = Signal(str, str)       # entity kind, id: the window opens it
    changed = Signal()

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.outbox = workspace.engine.outbox
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(heading(self.tr("Needs attention")))
        intro = plain_label(self.tr("Actions the portal refused when they were sent. Your action is shown beside "
                                    "the case as it is on the portal now: discard it, or open the case and act "
                                    "again. Alarms about the portal's audit log are here too."), wrap=True)
        intro.setObjectName("muted")
        layout.addWidget(intro)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.scroll, 1)
        self.refresh()

    def count(self) -> int:
        return len(self.outbox.attention())

    def refresh(self):
        body = QWidget()
        items = QVBoxLayout(body)
        items.setSpacing(10)
        entries = self.outbox.attention()
        if not entries:
            empty = plain_label(self.tr("Nothing needs your attention."), wrap=True)
            empty.setObjectName("muted")
            items.addWidget(empty)
        for entry in entries:
            items.addWidget(self._card(entry))
        items.addStretch(1)
        self.scroll.setWidget(body)

    def _card(self, entry: dict) -> QWidget:
        if entry["entity_kind"] == "audit":
            from .audit_witness import alarm_card
            return alarm_card(entry, lambda: self.open_case.emit("audit", ""), lambda: self._discard(entry["id"]))
        card = QFrame()
        card.setObjectName("card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(card)
        layout.addWidget(heading(entry["action"], 2))
        reason = REFUSAL_TEXT.get(entry["code"] or "")
        text = (self.tr(reason) if reason else "") or entry["message"] or entry["code"] or ""
        refusal = plain_label(self.tr("Refused by the portal: %1").replace("%1", text), wrap=True)
        refusal.setObjectName("error")
        layout.addWidget(refusal)
        if entry["code"]:   # the portal's code, for support: beside the words, not in them
            code = plain_label(self.tr("Refusal code: %1").replace("%1", entry["code"]), selectable=True)
            code.setObjectName("muted")
            layout.addWidget(code)
        state = entry.get("server_state")
        if isinstance(state, dict):
            status = state.get("status")
            summary = self.tr("On the portal now: %1, version %2, updated %3").replace(
                "%1", labels.application_status(status) if entry["entity_kind"] == "application" else str(status)
            ).replace("%2", str(state.get("version", "?"))).replace("%3", labels.local_time(state.get("updated_at")))
            layout.addWidget(plain_label(summary, wrap=True))
            latest = _latest_review(state)
            if latest is not None:
                staff = self.workspace.cache.get("staff", latest.get("reviewer_id") or "") or {}
                who = staff.get("display_name") or latest.get("reviewer_id") or self.tr("a caseworker")
                line = self.tr("Latest decision there: %1 — %2, %3").replace("%1", who).replace(
                    "%2", labels.decision(latest.get("decision") or latest.get("verdict"))).replace("%3", labels.local_time(latest.get("at")))
                layout.addWidget(plain_label(line, wrap=True))
                if latest.get("comment"):
                    comment = plain_label(latest["comment"], wrap=True, selectable=True)
                    comment.setObjectName("quote")
                    layout.addWidget(comment)
        layout.addWidget(plain_label(self.tr("Queued %1").replace("%1", labels.local_time(entry["created_at"])),
                                     wrap=True))
        row = QHBoxLayout()
        row.addStretch(1)
        if entry.get("entity_id"):
            open_button = QPushButton(self.tr("Open case"))
            open_button.clicked.connect(lambda: self.case_requested.emit(entry["entity_kind"] or "", entry["entity_id"]))
            row.addWidget(open_button)
        discard = QPushButton(self.tr("Discard"))
        discard.setAccessibleDescription(self.tr("Remove this refused action from the list"))
        discard.clicked.connect(lambda: self._discard(entry["id"]))
        row.addWidget(discard)
        layout.addLayout(row)
        return card

    def _discard(self, attention_id: int):
        self.outbox.resolve_attention(attention_id)
        self.refresh()
        self.changed.emit()


def _latest_review(state: dict) -> dict | None:
    """The newest review in an application's portal state (who decided before you)."""
    reviews = state.get("reviews")
    if not isinstance(reviews, list):
        return None
    reviews = [r for r in reviews if isinstance(r, dict)]
    return reviews[-1] if reviews else None
