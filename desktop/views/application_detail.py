"""One application in full: project, applicant and certification, registers and
variables, purpose and legal basis, and the review history. Plain text only."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QScrollArea, QVBoxLayout, QWidget

from ..models import labels
from .widgets import heading, plain_label, separator


def certification_state(researcher: dict | None, today: dt.date | None = None) -> tuple[bool | None, str]:
    """(valid?, until) for the applicant's data-security certification."""
    if not researcher or not researcher.get("certified_until"):
        return None, ""
    until = researcher["certified_until"][:10]
    today = today or dt.datetime.now(dt.timezone.utc).date()
    try:
        return dt.date.fromisoformat(until) >= today, until
    except ValueError:
        return None, until


class ApplicationDetail(QScrollArea):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(self.tr("Application detail"))
        self.current_id: str | None = None
        self._body = QWidget()
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(16, 8, 16, 16)
        self._layout.setSpacing(8)
        self.setWidget(self._body)
        self.show_application(None)

    def _clear(self):
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
            elif item.layout():
                _drop_layout(item.layout())

    def show_application(self, application_id: str | None):
        self.current_id = application_id
        self._clear()
        app = self.workspace.cache.get("application", application_id) if application_id else None
        if app is None:
            empty = plain_label(self.tr("Select an application to see its details."), wrap=True)
            empty.setObjectName("muted")
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._layout.addStretch(1)
            self._layout.addWidget(empty)
            self._layout.addStretch(1)
            return
        self._layout.addWidget(heading(app.get("title") or app["id"]))
        status = plain_label(f"{labels.application_status(app.get('status'))}  ·  "
                             + self.tr("%1 of %2 approvals").replace("%1", str(_approvals(app)))
                             .replace("%2", str(app.get("required_approvals") or "?")))
        status.setObjectName(f"status_{app.get('status')}")
        self._layout.addWidget(status)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        researcher = self.workspace.cache.get("researcher", app.get("applicant_id") or "")
        applicant = (researcher or {}).get("name") or app.get("applicant_name") or app.get("applicant_id") or ""
        valid, until = certification_state(researcher)
        if valid is True:
            cert = self.tr("Certified until %1").replace("%1", labels.local_date(until))
        elif valid is False:
            cert = self.tr("Certification lapsed on %1 — cannot be approved").replace("%1", labels.local_date(until))
        else:
            cert = self.tr("Certification unknown")
        rows = [
            (self.tr("Case"), app["id"] + (f"  (" + self.tr("round %1").replace("%1", str(app["round"])) + ")"
                                            if (app.get("round") or 1) > 1 else "")),
            (self.tr("Institution"), app.get("institution") or ""),
            (self.tr("Applicant"), applicant),
            (self.tr("Certification"), cert),
            (self.tr("Submitted"), labels.local_time(app.get("submitted_at"))
             + "  (" + labels.age_text(app.get("submitted_at")) + ")"),
            (self.tr("Registers"), ", ".join(app.get("registers") or [])),
            (self.tr("Legal basis"), app.get("legal_basis") or ""),
        ]
        period = app.get("period") or {}
        if period:
            rows.append((self.tr("Period"), f"{period.get('from', '')} – {period.get('to', '')}"))
        for name, value in rows:
            label = plain_label(value, wrap=True, selectable=True)
            if name == self.tr("Certification") and valid is False:
                label.setObjectName("error")
            form.addRow(plain_label(name), label)
        self._layout.addLayout(form)

        self._layout.addWidget(separator())
        self._layout.addWidget(heading(self.tr("Purpose"), 2))
        self._layout.addWidget(plain_label(app.get("purpose") or "", wrap=True, selectable=True))

        variables = app.get("variables") or {}
        if variables:
            self._layout.addWidget(heading(self.tr("Requested variables"), 2))
            for code in sorted(variables):
                self._layout.addWidget(plain_label(f"{code}: {', '.join(variables[code])}", wrap=True,
                                                   selectable=True))

        self._layout.addWidget(heading(self.tr("Review history"), 2))
        reviews = app.get("reviews") or []
        if not reviews:
            self._layout.addWidget(plain_label(self.tr("No reviews yet."), wrap=True))
        for review in reviews:
            who = self._staff_name(review.get("reviewer_id"))
            line = f"{labels.local_time(review.get('at'))} — {who}: {labels.decision(review.get('decision'))}"
            if review.get("round") and (app.get("round") or 1) > 1:
                line += "  (" + self.tr("round %1").replace("%1", str(review["round"])) + ")"
            self._layout.addWidget(plain_label(line, wrap=True))
            if review.get("comment"):
                comment = plain_label(review["comment"], wrap=True, selectable=True)
                comment.setObjectName("quote")
                self._layout.addWidget(comment)
        self._layout.addStretch(1)

    def _staff_name(self, user_id: str | None) -> str:
        if not user_id:
            return self.tr("a caseworker")
        staff = self.workspace.cache.get("staff", user_id)
        return (staff or {}).get("display_name") or user_id


def _approvals(app: dict) -> int:
    current = app.get("round") or 1
    return sum(1 for r in app.get("reviews") or [] if r.get("decision") == "approve"
               and (r.get("round") or 1) == current)


def _drop_layout(layout):
    while layout.count():
        item = layout.takeAt(0)
        if item.widget():
            item.widget().deleteLater()
        elif item.layout():
            _drop_layout(item.layout())
