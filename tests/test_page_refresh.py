"""One refresh path: a sync round reports which kinds changed, and the window asks each
built page (desktop/views/page.py) to refresh only when it shows one of them."""

from __future__ import annotations

from desktop.sync.engine import OUTBOX
from desktop.views.page import ALL, CasePage
from tests.client_helpers import sign_in_through_dialog, sync_again, wait_for_sync


class _Counting(CasePage):
    KINDS = frozenset({"application", OUTBOX})

    def __init__(self):
        self.refreshed = 0

    def refresh(self):
        self.refreshed += 1


def test_a_page_refreshes_only_for_the_kinds_it_shows():
    page = _Counting()
    page.on_changes(frozenset({"warning", "organisation"}))
    page.on_changes(frozenset())
    assert page.refreshed == 0
    page.on_changes(frozenset({"warning", "application"}))
    page.on_changes(frozenset({OUTBOX}))
    assert page.refreshed == 2
    assert not page.open_case("application", "APP-1")      # the default opens nothing
    every = _Counting()
    every.KINDS = ALL
    every.on_changes(frozenset({"acknowledgement"}))
    assert every.refreshed == 1


def test_every_page_of_the_window_is_a_case_page():
    from importlib import import_module
    pages = {"applications": "ApplicationsView", "approvals": "ApprovalsView", "outputs": "OutputChecksView",
             "warnings": "WarningsView", "admin_page": "AdminView", "dashboard": "DashboardView",
             "audit": "AuditView", "attention": "AttentionView", "triage": "TriageView"}
    for module, name in pages.items():
        cls = getattr(import_module(f"desktop.views.{module}"), name)
        assert issubclass(cls, CasePage) and cls.KINDS, name


def _count_refreshes(page) -> list:
    calls = []
    original = page.refresh
    page.refresh = lambda *a: (calls.append(1), original(*a))[1]
    return calls


def test_sync_refreshes_the_pages_whose_kinds_changed(qtbot, fresh_portal, tmp_path, desk_factory):
    desk = desk_factory(fresh_portal, tmp_path)
    sign_in_through_dialog(qtbot, desk, fresh_portal, "helle")          # caseworker and supervisor
    wait_for_sync(qtbot, desk)
    window = desk.window
    applications, outputs = window.open_page("applications"), window.open_page("outputs")
    app_refreshes, output_refreshes = _count_refreshes(applications), _count_refreshes(outputs)

    # Nothing changed on the portal: no page refreshes.
    result = sync_again(qtbot, desk)
    assert result.changed == set() and app_refreshes == [] and output_refreshes == []

    # An application changes on the portal: the applications page refreshes, the outputs page does not.
    cache = desk.workspace.cache
    app = next(a for a in cache.documents("application") if a["status"] == "submitted"
               and "Aarhus" not in a["institution"])
    answer = fresh_portal.session("bent").post(f"{fresh_portal.api}/applications/{app['id']}/reviews", json={
        "decision": "return", "comment": "Please name the cohort.", "expected_version": app["version"]}, timeout=10)
    assert answer.status_code == 201, answer.text
    result = sync_again(qtbot, desk)
    assert "application" in result.changed and "output" not in result.changed
    assert len(app_refreshes) == 1 and output_refreshes == []

    # An output changes: the other way round.
    held = next(o for o in cache.documents("output") if o["status"] == "held" and not o.get("reviews"))
    answer = fresh_portal.session("dorte").post(f"{fresh_portal.api}/outputs/{held['id']}/reviews", json={
        "verdict": "release", "comment": "", "expected_version": held["version"]}, timeout=10)
    assert answer.status_code == 201, answer.text
    result = sync_again(qtbot, desk)
    assert "output" in result.changed and "application" not in result.changed
    assert len(app_refreshes) == 1 and len(output_refreshes) == 1
