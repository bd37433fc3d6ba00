"""One application in full: project, applicant and certification, registers and
variables, purpose and legal basis, the review history, and the case's audit
trail (read from the portal in the background). Plain text only."""

from __future__ import annotations

import datetime as dt

import shiboken6

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QScrollArea, QVBoxLayout, QWidget

from rules.applications import sensitive_of

from ..models import labels
from ..sync.calls import AuthExpired, PortalCalls, PortalClientError, PortalUnreachable
from ..tasks import Op
from .widgets import heading, plain_label, separator

AUDIT_LIMIT = 200


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
        self.audit_state = "none"     # none | loading | loaded | offline | failed (for tests and screen readers)
        self._audit_request = 0
        self.audit_box: QVBoxLayout | None = None
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
                item.widget().hide()
                item.widget().deleteLater()
            elif item.layout():
                _drop_layout(item.layout())

    def show_application(self, application_id: str | None):
        self.current_id = application_id
        self._audit_request += 1          # an answer for the previous case is dropped
        self.audit_box = None
        self.audit_state = "none"
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
            (self.tr("Case"), app["id"] + ("  (" + self.tr("round %1").replace("%1", str(app["round"])) + ")"
                                            if (app.get("round") or 1) > 1 else "")),
            (self.tr("Institution"), app.get("institution") or ""),
            (self.tr("Applicant"), applicant),
            (self.tr("Certification"), cert),
            (self.tr("Submitted"), labels.local_time(app.get("submitted_at"))
             + "  (" + labels.age_text(app.get("submitted_at")) + ")"),
            (self.tr("Registers"), ", ".join(app.get("registers") or [])),
            (self.tr("Risk"), self._risk(app)),
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

        self._layout.addWidget(heading(self.tr("Audit trail"), 2))
        self.audit_box = QVBoxLayout()
        self.audit_box.setSpacing(2)
        self._layout.addLayout(self.audit_box)
        self._load_audit(app["id"])
        self._layout.addStretch(1)

    def _risk(self, app: dict) -> str:
        sensitive = sensitive_of(app.get("registers"))
        required = str(app.get("required_approvals") or "?")
        if sensitive:
            return self.tr("Sensitive (%1): %2 approvals needed").replace("%1", ", ".join(sensitive)) \
                .replace("%2", required)
        return self.tr("Standard: %1 approvals needed").replace("%1", required)

    # -- the audit trail of this case, from the portal ------------------------------------
    def _load_audit(self, application_id: str):
        calls = PortalCalls(self.workspace.client)
        if not calls.signed_in:
            self._audit_message(self.tr("The audit trail is unavailable offline."), "offline")
            return
        request = self._audit_request
        self._audit_message(self.tr("Loading the audit trail…"), "loading")
        params = {"entity": "application", "id": application_id, "limit": AUDIT_LIMIT}
        cache = self.workspace.cache

        def fetch():
            # Names are looked up here too: when the answer reaches the UI, the
            # workspace (and its cache) may already be closed.
            answer = calls.audit_page(params)
            entries = answer.get("entries", []) if isinstance(answer, dict) else []
            actors = sorted({e["actor_id"] for e in entries if isinstance(e, dict) and e.get("actor_id")})
            names = {s["id"]: s.get("display_name") for s in cache.rows("staff", actors)}
            return answer, names

        Op(fetch).success(lambda result: self._audit_loaded(request, *result)) \
            .failure(lambda exc: self._audit_failed(request, exc)).run_in_background()

    def _audit_current(self, request: int) -> bool:
        # The view may have been closed while the portal answered.
        return shiboken6.isValid(self) and request == self._audit_request and self.audit_box is not None

    def _audit_message(self, text: str, state: str):
        self._clear_audit()
        self.audit_state = state
        label = plain_label(text, wrap=True)
        label.setObjectName("muted")
        self.audit_box.addWidget(label)

    def _clear_audit(self):
        if self.audit_box is not None:
            _drop_layout(self.audit_box)

    def _audit_loaded(self, request: int, answer, names: dict):
        if not self._audit_current(request):
            return
        entries = answer.get("entries", []) if isinstance(answer, dict) else []
        if not entries:
            self._audit_message(self.tr("No audit entries for this case yet."), "loaded")
            return
        self._clear_audit()
        self.audit_state = "loaded"
        for entry in entries:
            line = plain_label(self._audit_line(entry, names), wrap=True, selectable=True)
            line.setToolTip(self.tr("Entry hash %1, chained to %2").replace("%1", str(entry.get("hash") or "")[:16])
                            .replace("%2", str(entry.get("prev_hash") or "")[:16]))
            self.audit_box.addWidget(line)
        if isinstance(answer, dict) and answer.get("more"):
            more = plain_label(self.tr("Only the first %1 entries are shown; the Audit page has them all.")
                               .replace("%1", str(len(entries))), wrap=True)
            more.setObjectName("muted")
            self.audit_box.addWidget(more)

    def _audit_line(self, entry: dict, names: dict) -> str:
        detail = entry.get("detail") if isinstance(entry.get("detail"), dict) else {}
        action = {"application.submit": self.tr("submitted"), "application.review": self.tr("review"),
                  "application.resubmit": self.tr("resubmitted")}.get(entry.get("action"), entry.get("action") or "")
        decision = {"approve": self.tr("approve"), "reject": self.tr("reject"),
                    "return": self.tr("return")}.get(detail.get("decision"), detail.get("decision"))
        if decision:
            action += f" ({decision})"
        if entry.get("outcome") == "ok":
            outcome = self.tr("done")
        else:
            outcome = self.tr("refused: %1").replace("%1", str(detail.get("code") or entry.get("outcome") or "?"))
        actor = entry.get("actor_id")
        who = (names.get(actor) or actor) if actor else self.tr("the portal")
        return f"#{entry.get('seq', '?')}  {labels.local_time(entry.get('at'))} — {who} — {action} — {outcome}"

    def _audit_failed(self, request: int, exc: BaseException):
        if not self._audit_current(request):
            return
        if isinstance(exc, PortalUnreachable):
            self._audit_message(self.tr("The audit trail is unavailable offline."), "offline")
        elif isinstance(exc, AuthExpired):
            self._audit_message(self.tr("Sign in again to see the audit trail."), "failed")
        elif isinstance(exc, PortalClientError):
            self._audit_message(self.tr("The audit trail cannot be read now: %1").replace("%1", str(exc)), "failed")
        else:
            self._audit_message(self.tr("The audit trail cannot be read now."), "failed")

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
            item.widget().hide()
            item.widget().deleteLater()
        elif item.layout():
            _drop_layout(item.layout())
