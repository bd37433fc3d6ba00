"""Issue 8: the dashboard's numbers from a cache of known entities, its charts in the
window (rendered off the UI thread, sharp, clickable, exported), and the real client's dashboard."""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import re
import secrets
import struct
import threading
import time
import zoneinfo
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer

from desktop.models import dashboard as d
from desktop.sync.cache import Cache

UTC = dt.timezone.utc
# Wednesday after Easter 2026 (Easter Sunday is 5 April): Maundy Thursday 2 April, Good
# Friday 3 April and Easter Monday 6 April are Danish public holidays.
NOW = dt.datetime(2026, 4, 8, 12, 0, tzinfo=UTC)


def change(seq, entity, data):
    return {"seq": seq, "entity": entity, "id": data["id"], "data": data}


def review(who, decision, at, rnd=1):
    return {"reviewer_id": who, "decision": decision, "comment": "", "at": at, "round": rnd}


def application(aid, status, submitted, reviews=(), required=2, **extra):
    data = {"id": aid, "version": 1, "title": f"Study {aid}", "status": status, "required_approvals": required,
            "reviews": list(reviews), "applicant_id": "R-1", "institution": "Aarhus University",
            "registers": ["BEF"], "purpose": "", "legal_basis": "GDPR", "submitted_at": submitted,
            "updated_at": submitted}
    data.update(extra)
    return data


APPLICATIONS = [
    application("A1", "submitted", "2026-04-08T08:00:00Z"),                       # 0 working days
    application("A2", "submitted", "2026-03-27T10:00:00Z"),                       # 5: not past 5
    application("A3", "in_review", "2026-03-26T10:00:00Z",                        # 6: past 5
                [review("u-anna", "approve", "2026-04-07T09:00:00Z")]),
    application("A4", "submitted", "2026-03-20T10:00:00Z"),                       # 10: not past 10
    application("A5", "in_review", "2026-03-19T10:00:00Z",                        # 11: past 10
                [review("u-bent", "approve", "2026-03-31T10:00:00Z")]),
    application("A6", "submitted", "2026-03-06T10:00:00Z"),                       # 20: not past 20
    application("A7", "submitted", "2026-03-05T10:00:00Z"),                       # 21: past 20
    application("A8", "approved", "2026-03-02T10:00:00Z",
                [review("u-anna", "approve", "2026-03-03T10:00:00Z"),
                 review("u-bent", "approve", "2026-03-04T10:00:00Z")]),
    application("A9", "rejected", "2026-03-10T10:00:00Z", [review("u-bent", "reject", "2026-03-12T10:00:00Z")]),
    # returned in round 1, resubmitted on 30 March, one approval in round 2
    application("A10", "in_review", "2026-03-02T09:00:00Z",
                [review("u-anna", "return", "2026-03-03T09:00:00Z"),
                 review("u-bent", "approve", "2026-04-01T09:00:00Z", rnd=2)],
                round=2, resubmissions=[{"round": 2, "at": "2026-03-30T09:00:00Z", "comment": "", "changed": []}]),
]


def draw(cls, probability, outcome):
    return {"risk_class": cls, "probability": probability, "outcome": outcome, "config": {"base_rate": 0.1}}


def finding(rule):
    return {"file": "t.csv", "rule": rule, "row": 0, "column": "n", "value": 1, "threshold": 3, "message": ""}


def output(oid, submitted, status, drawn, findings=(), sample=None):
    return {"id": oid, "version": 1, "project_id": "A8", "researcher_id": "R-1", "status": status, "files": [],
            "check": {"verdict": "fail" if findings else "pass", "findings": [finding(r) for r in findings]},
            "sample": sample, "draw": drawn, "reviews": [], "submitted_at": submitted, "updated_at": submitted}


OUTPUTS = [
    output("O1", "2026-03-30T10:00:00Z", "released", draw("base", 0.1, False)),
    output("O2", "2026-03-31T10:00:00Z", "held", draw("elevated", 0.25, True), ["zero", "zero"],
           {"id": "S1", "reason": "risk", "probability": 0.25}),
    output("O3", "2026-04-01T10:00:00Z", "withheld", draw("high", 0.35, True), ["threshold", "cpr"],
           {"id": "S2", "reason": "risk", "probability": 0.35}),
    output("O4", "2026-04-07T10:00:00Z", "held", draw("high", 0.45, False), ["threshold"],
           {"id": "S3", "reason": "management", "probability": None}),
    output("O5", "2026-03-23T10:00:00Z", "released", draw("elevated", 0.2, False)),
]

ORGANISATIONS = [
    {"id": "ORG-1", "name": "Rigshospitalet", "sector": "hospital", "region": "Capital Region"},
    {"id": "ORG-2", "name": "Holbæk Hospital", "sector": "hospital", "region": "Region Zealand"},
    {"id": "ORG-3", "name": "Herlev Lægehus", "sector": "gp", "region": "Capital Region"},
    {"id": "ORG-4", "name": "Plejecenter Hjørring", "sector": "care_home", "region": "North Denmark Region"},
]


def warning(wid, status, sent, due, addressed, acks):
    return {"id": wid, "version": 1, "revision": 1, "title": f"Warning {wid}", "summary": "", "body": "",
            "severity": "high", "tlp": "AMBER", "recipients": {"sectors": [], "regions": [], "org_ids": addressed},
            "cves": [], "status": status, "author_id": "u-frida", "cosigned_by": "u-gustav", "sent_at": sent,
            "ack_due_at": due, "addressed_org_ids": addressed,
            "acks": [{"org_id": o, "state": s, "at": at, "note": ""} for o, s, at in acks]}


WARNINGS = [
    warning("W1", "sent", "2026-04-06T08:00:00Z", "2026-04-07T08:00:00Z", ["ORG-1", "ORG-2", "ORG-3", "ORG-4"],
            [("ORG-1", "received", "2026-04-06T10:00:00Z"), ("ORG-1", "mitigated", "2026-04-06T12:00:00Z"),
             ("ORG-2", "received", "2026-04-07T09:00:00Z"),          # after the deadline
             ("ORG-9", "received", "2026-04-06T09:00:00Z")]),        # not addressed: ignored
    warning("W2", "sent", "2026-04-08T09:00:00Z", "2026-04-09T09:00:00Z", ["ORG-1", "ORG-3"],
            [("ORG-3", "received", "2026-04-08T10:00:00Z")]),
    warning("W3", "draft", None, None, ["ORG-1"], []),
    warning("W4", "expired", "2026-03-01T08:00:00Z", "2026-03-02T08:00:00Z", ["ORG-1"], []),
]

ALL_ROLES = {"caseworker", "supervisor", "coordinator"}


def fill(cache):
    entities = ([("staff", {"id": "u-anna", "username": "anna", "display_name": "Anna Holm", "roles": ["caseworker"]})]
                + [("organisation", o) for o in ORGANISATIONS] + [("application", a) for a in APPLICATIONS]
                + [("output", o) for o in OUTPUTS] + [("warning", w) for w in WARNINGS])
    changes = [change(n + 1, kind, data) for n, (kind, data) in enumerate(entities)]
    cache.apply_page(changes, len(changes))
    return cache


@pytest.fixture
def cache(tmp_path):
    c = fill(Cache.open(tmp_path / "cache.db", secrets.token_bytes(32)))
    yield c
    c.close()


# -- working days ---------------------------------------------------------------------------
def test_danish_holidays_and_working_days():
    cal = d.WorkCalendar()
    holidays = d.danish_public_holidays(2026)
    assert {dt.date(2026, 4, 2), dt.date(2026, 4, 3), dt.date(2026, 4, 6), dt.date(2026, 5, 14),
            dt.date(2026, 5, 25), dt.date(2026, 12, 25), dt.date(2026, 12, 26), dt.date(2026, 1, 1)} <= holidays
    assert dt.date(2026, 5, 1) not in holidays and dt.date(2026, 6, 5) not in holidays
    assert dt.date(2023, 5, 5) in d.danish_public_holidays(2023)        # Great Prayer Day, until 2023
    assert dt.date(2024, 4, 26) not in d.danish_public_holidays(2024)
    assert cal.working_days_after(dt.date(2026, 3, 27), dt.date(2026, 4, 8)) == 5     # Easter skipped
    assert d.WorkCalendar(None).working_days_after(dt.date(2026, 3, 27), dt.date(2026, 4, 8)) == 8
    assert cal.working_days_after(dt.date(2026, 3, 28), dt.date(2026, 4, 8)) == 5     # a Saturday
    assert cal.working_days_after(dt.date(2026, 4, 8), dt.date(2026, 4, 8)) == 0
    assert cal.working_days_after(dt.date(2026, 4, 9), dt.date(2026, 4, 8)) == 0
    assert cal.working_days_after(dt.date(2026, 1, 2), dt.date(2026, 1, 9)) == 5      # Friday to Friday


# -- caseworkers ---------------------------------------------------------------------------------
def test_pending_ages_by_working_day_bucket(cache):
    data = d.dashboard_data(cache, {"caseworker"}, "u-anna", now=NOW, tz=UTC)
    pending = data.applications.pending
    assert pending.ages == {"A1": 0, "A2": 5, "A3": 6, "A4": 10, "A5": 11, "A6": 20, "A7": 21, "A10": 4}
    assert pending.counts("submitted") == [2, 1, 1, 1]
    assert pending.counts("in_review") == [1, 1, 1, 0]
    assert pending.counts() == [3, 2, 2, 1]
    assert (pending.past(5), pending.past(10), pending.past(20)) == (5, 3, 1)
    assert pending.bucket_ids(2) == ["A6", "A5"]            # oldest first
    assert not pending.holidays_counted


def test_pending_age_uses_the_local_day(cache):
    # 23:30 UTC on Thursday 26 March is Friday 27 March in Copenhagen: one working day younger.
    apps = [application("X", "submitted", "2026-03-26T23:30:00Z")]
    cal = d.WorkCalendar()
    utc = d.pending_ages(apps, dt.date(2026, 4, 8), NOW, cal, UTC)
    cph = d.pending_ages(apps, dt.date(2026, 4, 8), NOW, cal, zoneinfo.ZoneInfo("Europe/Copenhagen"))
    assert utc.ages["X"] == 6 and cph.ages["X"] == 5


def test_approvals_per_week_mine_and_colleagues(cache):
    data = d.dashboard_data(cache, {"caseworker"}, "u-anna", now=NOW, tz=UTC)
    weekly = data.applications.approvals
    assert len(weekly.weeks) == 12 and weekly.weeks[-1] == dt.date(2026, 4, 6)
    assert all(w.weekday() == 0 for w in weekly.weeks)
    by_week = {w: (m, o) for w, m, o in zip(weekly.weeks, weekly.counts("mine"), weekly.counts("others")) if m or o}
    assert by_week == {dt.date(2026, 3, 2): (1, 1), dt.date(2026, 3, 30): (0, 2), dt.date(2026, 4, 6): (1, 0)}
    assert weekly.series["others"][weekly.weeks.index(dt.date(2026, 3, 30))] == ["A5", "A10"]


def test_queue_rebuilt_from_submissions_and_decisions(cache):
    data = d.dashboard_data(cache, {"caseworker"}, "u-anna", now=NOW, tz=UTC)
    queue = data.applications.queue
    at = dict(zip(queue.days, queue.counts()))
    assert queue.days[0] == dt.date(2026, 1, 19) and queue.days[-1] == dt.date(2026, 4, 8)
    assert at[dt.date(2026, 3, 1)] == 0
    assert at[dt.date(2026, 3, 2)] == 2          # A8 and A10's first round
    assert at[dt.date(2026, 3, 3)] == 1          # A10 returned on the 3rd
    assert at[dt.date(2026, 3, 4)] == 0          # A8 approved on the 4th
    assert at[dt.date(2026, 3, 10)] == 3         # A6, A7, A9
    assert at[dt.date(2026, 3, 12)] == 2         # A9 rejected
    assert at[dt.date(2026, 3, 30)] == 7         # A10 back in the queue
    assert at[dt.date(2026, 4, 8)] == 8          # today: every pending application
    assert sorted(queue.ids[-1]) == sorted(data.applications.pending.ages)


# -- supervisors -------------------------------------------------------------------------------
def test_outputs_per_week_sample_rates_and_findings(cache):
    data = d.dashboard_data(cache, {"supervisor"}, "u-dorte", now=NOW, tz=UTC)
    out = data.outputs
    weekly = {w: (s, p, h) for w, s, p, h in zip(out.weekly.weeks, out.weekly.counts("submitted"),
                                                  out.weekly.counts("sampled"), out.weekly.counts("withheld")) if s}
    assert weekly == {dt.date(2026, 3, 23): (1, 0, 0), dt.date(2026, 3, 30): (3, 2, 1), dt.date(2026, 4, 6): (1, 1, 0)}
    rates = {c.risk_class: c for c in out.rates.classes}
    assert [(len(c.drawn), len(c.sampled)) for c in out.rates.classes] == [(1, 0), (2, 1), (2, 1)]
    assert rates["elevated"].expected == pytest.approx(0.225)
    assert rates["high"].expected == pytest.approx(0.4)
    assert rates["base"].rate == 0 and rates["high"].rate == 0.5
    low, high = rates["high"].interval()
    assert 0 < low < 0.5 < high < 1
    assert out.rates.base_rate == 0.1
    assert [(r.rule, r.outputs, r.findings) for r in out.rules] == [
        ("threshold", ["O3", "O4"], 2), ("zero", ["O2"], 2), ("cpr", ["O3"], 1)]
    assert out.numbers["sampled_management"] == 1 and out.numbers["withheld"] == 1


# -- coordinators ------------------------------------------------------------------------------
def test_ack_curves_and_overdue_recipients(cache):
    data = d.dashboard_data(cache, {"coordinator"}, "u-frida", now=NOW, tz=UTC)
    curves = {c.warning_id: c for c in data.warnings.curves}
    assert list(curves) == ["W2", "W1"]                     # open (sent) ones, newest first
    w1 = curves["W1"]
    assert len(w1.addressed) == 4 and w1.acked_by_due == 1 and w1.acked_now == 2
    assert w1.times == [dt.datetime(2026, 4, 6, 10, tzinfo=UTC), dt.datetime(2026, 4, 7, 9, tzinfo=UTC)]
    assert w1.overdue and w1.missing() == ["ORG-3", "ORG-4"]
    assert w1.late_or_missing() == ["ORG-2", "ORG-3", "ORG-4"]
    assert not curves["W2"].overdue and curves["W2"].acked_now == 1
    matrix = data.warnings.overdue
    assert matrix.total == 2
    assert matrix.count("gp", "Capital Region") == 1 and matrix.count("care_home", "North Denmark Region") == 1
    assert matrix.sector_total("hospital") == 0 and matrix.region_total("Capital Region") == 1
    assert matrix.warning_ids("gp", "Capital Region") == ["W1"]


def test_month_figures(cache):
    march = d.month_data(cache, ALL_ROLES, dt.date(2026, 3, 15), "u-anna", now=NOW, tz=UTC)
    n = march.applications.numbers
    assert (n["received"], n["approved"], n["rejected"], n["returned"], n["approvals"]) == (10, 1, 1, 1, 3)
    assert n["median_days_to_decision"] == 2
    assert n["pending"] == 7 and (n["past_5"], n["past_10"], n["past_20"]) == (4, 2, 0)
    assert march.applications.pending.counts("in_review") == [0, 1, 0, 0]    # only A5 had an approval by then
    assert march.outputs.numbers["submitted"] == 3
    april = d.month_data(cache, ALL_ROLES, dt.date(2026, 4, 1), "u-anna", now=NOW, tz=UTC)
    assert [c.warning_id for c in april.warnings.curves] == ["W2", "W1"]
    assert april.warnings.overdue.total == 3                   # late ones count in a report
    assert april.warnings.numbers["in_time_share"] == pytest.approx(1 / 4)
    assert d.month_bounds(dt.date(2026, 2, 10)) == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))


def test_areas_follow_roles():
    assert d.areas_for({"caseworker"}) == ["applications"]
    assert d.areas_for({"caseworker", "supervisor"}) == ["applications", "outputs"]
    assert d.areas_for({"admin"}) == ["applications", "outputs", "warnings"]
    assert d.areas_for({"researcher"}) == []


# -- the view ---------------------------------------------------------------------------------
def pdf_page_count(data: bytes) -> int:
    """Pages of a PDF as its page tree says (matplotlib writes it uncompressed)."""
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    counts = [int(c) for c in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data, re.S)]
    counts += [int(c) for c in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", data, re.S)]
    assert counts, "no page tree"
    return max(counts)


def make_view(qtbot, cache):
    from desktop.views.dashboard import DashboardView
    ws = SimpleNamespace(cache=cache, roles=set(ALL_ROLES), user={"id": "u-anna"}, engine=None)
    v = DashboardView(ws, now=NOW, tz=UTC)
    qtbot.addWidget(v)
    v.resize(1200, 900)
    v.show()
    return v


@pytest.fixture
def view(qtbot, cache):
    return make_view(qtbot, cache)


class UiGaps:
    """Ticks of a 10 ms timer on the UI thread: how long the UI thread went without running
    its event loop (the longest gap), and how often it ran."""

    def __init__(self):
        self.times: list[float] = []
        self.timer = QTimer(interval=10)
        self.timer.timeout.connect(lambda: self.times.append(time.perf_counter()))

    def __enter__(self):
        self.times = [time.perf_counter()]
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self.timer.stop()
        self.times.append(time.perf_counter())

    def longest(self) -> float:
        return max(b - a for a, b in zip(self.times, self.times[1:]))

    def ticks_between(self, start: float, end: float) -> int:
        return sum(start <= t <= end for t in self.times)


@pytest.fixture
def draws(monkeypatch):
    """Every matplotlib figure drawn: (thread, start, end)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    seen = []
    draw = FigureCanvasAgg.draw

    def recorded(canvas, *args, **kwargs):
        started = time.perf_counter()
        try:
            return draw(canvas, *args, **kwargs)
        finally:
            seen.append((threading.get_ident(), started, time.perf_counter()))

    monkeypatch.setattr(FigureCanvasAgg, "draw", recorded)
    return seen


def test_dashboard_renders_without_blocking(qtbot, cache, draws):
    view = make_view(qtbot, cache)
    # Constructed and shown, nothing computed yet: the numbers come from a background
    # thread and reach the window through the event loop.
    assert view.data is None and not view.is_drawn()
    qtbot.waitUntil(view.is_drawn, timeout=30000)
    assert set(view.cards) == {"pending-age", "approvals-per-week", "queue", "outputs-per-week", "sample-rates",
                               "findings-by-rule", "acknowledgements", "overdue-recipients"}
    description = view.cards["pending-age"].chart.accessibleDescription()
    assert "past 5 working days: 5" in description and "past 10: 3" in description and "past 20: 1" in description
    assert "2 organisations" in view.cards["overdue-recipients"].chart.accessibleDescription()

    # after a sync: computed and rendered again, while the UI thread keeps running its event loop
    gc.collect()                    # a full collection due anyway is not the dashboard's pause
    draws.clear()
    with UiGaps() as gaps, qtbot.waitSignal(view.updated, timeout=30000):
        view.refresh()
    assert view.is_drawn()
    ui_thread = threading.main_thread().ident
    assert len(draws) >= len(view.cards)
    assert all(thread != ui_thread for thread, _, _ in draws), "a chart was drawn on the UI thread"
    # Drawn on the UI thread (as before), each chart blocked it for as long as its draw took.
    # Relative figures, not absolute timings: a loaded machine slows both alike.
    longest_render = max(card.last_render.seconds for card in view.cards.values())
    assert gaps.longest() < longest_render / 2, (gaps.longest(), longest_render)
    first, last = min(s for _, s, _ in draws), max(e for _, _, e in draws)
    possible = (last - first) / 0.010
    assert gaps.ticks_between(first, last) >= possible / 4, (gaps.ticks_between(first, last), possible)
    qtbot.waitUntil(gc.isenabled, timeout=5000)      # the collector's pause during renders is over


def test_charts_are_as_sharp_as_the_screen(qtbot, view):
    """An image pixel for every device pixel, at the widget's size; the places of the bars
    do not depend on the pixel ratio."""
    from desktop.views.chart_render import render_chart
    qtbot.waitUntil(view.is_drawn, timeout=30000)
    for card in view.cards.values():
        chart = card.chart
        ratio = chart.devicePixelRatioF()
        assert chart.image.devicePixelRatio() == ratio
        assert abs(chart.image.width() - chart.width() * ratio) <= 1
        assert abs(chart.image.height() - chart.height() * ratio) <= 1
    a = view.data.applications

    def draw(figure):
        return view.painter.pending_age(figure, a)

    single, double = render_chart(draw, 500, 300, 1.0), render_chart(draw, 500, 300, 2.0)
    assert (single.width, single.height) == (500, 300) and (double.width, double.height) == (1000, 600)
    assert len(double.rgba) == 1000 * 600 * 4
    assert len(single.regions) == len(double.regions) == 7
    for one, two in zip(single.regions, double.regions):
        assert one.result == two.result
        assert all(abs(p - q) <= 1.5 for p, q in zip(one.anchor(), two.anchor()))


def click(qtbot, card, region):
    """A left click on a clickable bar, point or cell, where the image shows it."""
    x, y = region.anchor()
    qtbot.mouseClick(card.chart, Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y)))


def test_clicking_a_bar_opens_the_matching_list(qtbot, view):
    qtbot.waitUntil(view.is_drawn, timeout=30000)
    card = view.cards["pending-age"]
    # the "no approval yet" segment of the 11–20 working days bar
    region = next(r for r in card.regions if r.result[1]["ids"] == ["A6"])
    with qtbot.waitSignal(view.open_list, timeout=5000) as signal:
        click(qtbot, card, region)
    kind, filt = signal.args
    assert kind == "application" and filt["status"] == "submitted" and filt["ids"] == ["A6"]
    x, y = region.anchor()
    qtbot.mouseMove(card.chart, QPoint(round(x), round(y)))
    qtbot.waitUntil(lambda: card.chart.cursor().shape() == Qt.CursorShape.PointingHandCursor, timeout=5000)
    with qtbot.assertNotEmitted(view.open_list, wait=50):          # blank space opens nothing
        qtbot.mouseClick(card.chart, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))

    card = view.cards["queue"]
    with qtbot.waitSignal(view.open_list, timeout=5000) as signal:
        click(qtbot, card, card.regions[0])
    assert signal.args[0] == "application" and isinstance(signal.args[1]["ids"], list)
    assert signal.args[1]["label"].startswith("Waiting at the end of")

    card = view.cards["acknowledgements"]
    with qtbot.waitSignal(view.open_list, timeout=5000) as signal:
        click(qtbot, card, card.regions[-1])
    assert signal.args == ["warning", {"ids": ["W1"], "label": "Warning W1"}]

    card = view.cards["overdue-recipients"]
    assert len(card.regions) == 2                     # the two cells with an overdue organisation
    with qtbot.waitSignal(view.open_list, timeout=5000) as signal:
        click(qtbot, card, card.regions[0])
    kind, filt = signal.args
    assert kind == "warning" and filt["ids"] == ["W1"] and len(filt["org_ids"]) == 1


def test_a_resized_chart_is_rendered_again_at_its_new_size(qtbot, view):
    qtbot.waitUntil(view.is_drawn, timeout=30000)
    chart = view.cards["queue"].chart
    before = chart.image.width()
    view.resize(900, 900)
    qtbot.waitUntil(lambda: chart.width() < before, timeout=5000)
    # meanwhile the last image is stretched to fit, and clicks still find their bars
    card = view.cards["queue"]
    qtbot.waitUntil(lambda: abs(chart.image.width() / chart.image.devicePixelRatio() - chart.width()) <= 1,
                    timeout=30000)
    assert view.is_drawn()
    with qtbot.waitSignal(view.open_list, timeout=5000):
        click(qtbot, card, card.regions[0])


def test_charts_export_to_png_and_pdf(qtbot, view, tmp_path, monkeypatch):
    from desktop.views import chart_render
    qtbot.waitUntil(view.is_drawn, timeout=30000)
    threads = []
    export_figure = chart_render.export_figure
    monkeypatch.setattr(chart_render, "export_figure",
                        lambda *a: (threads.append(threading.get_ident()), export_figure(*a)))
    for key in ("pending-age", "acknowledgements", "overdue-recipients"):
        card = view.cards[key]
        png, pdf = tmp_path / f"{key}.png", tmp_path / f"{key}.pdf"
        for path in (png, pdf):
            with qtbot.waitSignal(card.exported, timeout=30000) as done:
                card.export(str(path))
            assert done.args == [str(path)]
        data = png.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and png.stat().st_size > 5000
        # the chart as laid out on screen, at 200 dpi (2 pixels for every logical pixel)
        width, height = struct.unpack(">II", data[16:24])
        assert abs(width - 2 * card.chart.width()) <= 2 and abs(height - 2 * card.chart.height()) <= 2
        assert pdf_page_count(pdf.read_bytes()) == 1
    assert len(threads) == 6 and threading.main_thread().ident not in threads
    assert not list(tmp_path.glob("*.part"))
    with pytest.raises(ValueError):
        view.cards["queue"].export(str(tmp_path / "chart.svg"))
    card = view.cards["queue"]
    with qtbot.waitSignal(card.export_failed, timeout=30000) as failed:
        card.export(str(tmp_path / "no such folder" / "chart.png"))
    assert failed.args[0].endswith("chart.png")


def test_a_chart_that_cannot_be_drawn_says_so(qtbot, view):
    qtbot.waitUntil(view.is_drawn, timeout=30000)
    card = view.cards["queue"]

    def broken(figure):
        raise RuntimeError("no axes today")

    with qtbot.waitSignal(card.drawn, timeout=30000):
        card.set_chart(broken)
    assert "This chart cannot be drawn: no axes today" in card.summary.text()
    assert card.is_drawn and not card.regions and card.chart.image.isNull()


def test_empty_cache_draws_plain_messages(qtbot, tmp_path):
    from desktop.views.dashboard import DashboardView
    with Cache.open(tmp_path / "empty.db", secrets.token_bytes(32)) as empty:
        ws = SimpleNamespace(cache=empty, roles=set(ALL_ROLES), user={"id": "u-anna"}, engine=None)
        v = DashboardView(ws, now=NOW, tz=UTC)
        qtbot.addWidget(v)
        qtbot.waitUntil(lambda: v.data is not None, timeout=30000)
        qtbot.wait(50)
        assert not v.is_drawn()                 # hidden: the charts wait until the page is shown
        assert all(card.last_render is None for card in v.cards.values())
        v.show()
        qtbot.waitUntil(v.is_drawn, timeout=30000)
        assert "No application is waiting" in v.cards["pending-age"].chart.accessibleDescription()
        assert "No warning is open" in v.cards["acknowledgements"].chart.accessibleDescription()
        assert not v.cards["pending-age"].regions


# -- colours, labels that fit, the keyboard ------------------------------------------------------
def dark_palette():
    from PySide6.QtGui import QColor, QPalette
    palette = QPalette()
    role = QPalette.ColorRole
    for r, colour in [(role.Window, "#2b2b2b"), (role.WindowText, "#e8e8e8"), (role.Base, "#1e1e1e"),
                      (role.AlternateBase, "#262626"), (role.Text, "#e8e8e8"), (role.Button, "#333333"),
                      (role.ButtonText, "#e8e8e8"), (role.Mid, "#555555"), (role.Midlight, "#444444"),
                      (role.Dark, "#151515"), (role.Light, "#5a5a5a"), (role.Highlight, "#3d8ee6"),
                      (role.HighlightedText, "#ffffff")]:
        palette.setColor(r, QColor(colour))
    return palette


def dark_share(image) -> float:
    """The share of a grid of the image's pixels that are dark."""
    points = [(x, y) for x in range(2, image.width() - 2, 7) for y in range(2, image.height() - 2, 7)]
    return sum(image.pixelColor(x, y).lightnessF() < 0.3 for x, y in points) / len(points)


def test_charts_follow_a_dark_palette(qtbot, qapp, view):
    from PySide6.QtGui import QColor

    from desktop import theme
    from desktop.views.chart_style import chart_colours
    qtbot.waitUntil(view.is_drawn, timeout=30000)
    light = view.cards["pending-age"].chart.image
    assert light.pixelColor(3, 3).lightnessF() > 0.9 and dark_share(light) < 0.2
    old = qapp.palette()
    try:
        qapp.setPalette(dark_palette())
        colours = chart_colours(qapp.palette())
        assert colours.dark and colours.background == "#1e1e1e"
        for name in ("text", "muted", "accent_text", "alert_text"):       # text reads on the background
            assert theme.contrast(QColor(getattr(colours, name)), QColor(colours.background)) >= 4.5, name
        # every card is drawn again, in the palette's colours (the render thread gets plain strings)
        for card in view.cards.values():
            qtbot.waitUntil(lambda card=card: not card.chart.image.isNull()
                            and card.chart.image.pixelColor(3, 3).lightnessF() < 0.2, timeout=30000)
            assert dark_share(card.chart.image) > 0.6, card.key
        assert view.cards["pending-age"].regions          # still clickable
    finally:
        qapp.setPalette(old)
    qtbot.waitUntil(lambda: view.cards["pending-age"].chart.image.pixelColor(3, 3).lightnessF() > 0.9,
                    timeout=30000)


@pytest.fixture(params=["da_DK", "en_GB"])
def language(request, qapp):
    """The painter's words and dates in Danish (translations loaded) or British English."""
    from PySide6.QtCore import QLocale, QTranslator

    from desktop.app import install_translations
    from tests.test_i18n import i18n
    i18n.release(if_outdated=True)
    before, old_locale = set(qapp.findChildren(QTranslator)), QLocale()
    install_translations(qapp, request.param)
    yield request.param
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(old_locale)


def drawn_figure(draw, width, height):
    """Render as the render thread does and keep the figure it drew."""
    from desktop.views.chart_render import render_chart
    kept = []
    render_chart(lambda figure: (kept.append(figure), draw(figure))[1], width, height)
    return kept[0]


def chart_sizes(view):
    """The charts' sizes in the dashboard as laid out, and a narrower and the default one."""
    return {key: (card.chart.width(), card.chart.height()) for key, card in view.cards.items()}


def test_week_labels_never_overlap(qtbot, cache, language):
    from PySide6.QtCore import QLocale
    view = make_view(qtbot, cache)
    qtbot.waitUntil(view.is_drawn, timeout=30000)
    sizes = chart_sizes(view)
    p, a, o = view.painter, view.data.applications, view.data.outputs
    charts = {"approvals-per-week": lambda f: p.approvals(f, a, "Last 12 weeks"),
              "approvals-all": lambda f: p.approvals(f, a, "Last 12 weeks", show_mine=False),
              "outputs-per-week": lambda f: p.outputs_weekly(f, o, "Last 12 weeks"),
              "queue": lambda f: p.queue(f, a, "Last 12 weeks")}
    danish_month = QLocale().toString(dt.date(2026, 3, 2), "MMM")
    for key, draw in charts.items():
        size = sizes.get(key, sizes["approvals-per-week"])
        for width, height in (size, (600, 340), (420, 300)):
            figure = drawn_figure(draw, width, height)
            renderer = figure.canvas.get_renderer()
            ax = figure.axes[0]
            low, high = ax.get_xlim()          # a locator's ticks beyond the limits are not drawn
            shown = [t for t, at in zip(ax.get_xticklabels(), ax.get_xticks())
                     if t.get_visible() and t.get_text() and low <= at <= high]
            boxes = sorted((t.get_window_extent(renderer) for t in shown), key=lambda b: b.x0)
            assert len(boxes) >= 3, (key, width, [t.get_text() for t in shown])
            for left, right in itertools.pairwise(boxes):
                assert left.x1 + 2 <= right.x0, (language, key, width, [t.get_text() for t in shown])
            assert boxes[0].x0 >= 0 and boxes[-1].x1 <= figure.bbox.width, (language, key, width)
            if key != "queue":              # the latest week is always labelled
                assert ax.get_xticklabels()[-1].get_text() == view.painter.day(view.data.applications.approvals.weeks[-1])
    assert (danish_month == "mar.") == (language == "da_DK")


def test_time_labels_of_acknowledgement_curves_are_distinct(qtbot, cache, language):
    """A curve of a few hours (W2: sent three hours ago) is labelled by time of day, one over
    days (W1) by whole days: no label repeats and none overlaps its neighbour."""
    view = make_view(qtbot, cache)
    qtbot.waitUntil(view.is_drawn, timeout=30000)
    w = d.dashboard_data(cache, {"coordinator"}, "u-frida", now=NOW, tz=UTC).warnings
    figure = drawn_figure(lambda f: view.painter.ack_curves(f, w), 900, 320)
    renderer = figure.canvas.get_renderer()
    kinds = []
    for ax in figure.axes:
        if not ax.get_visible() or not ax.axison:
            continue
        low, high = ax.get_xlim()
        shown = [t for t, at in zip(ax.get_xticklabels(), ax.get_xticks())
                 if t.get_visible() and t.get_text() and low <= at <= high]
        texts = [t.get_text() for t in shown]
        assert len(texts) >= 2 and len(set(texts)) == len(texts), texts
        boxes = sorted((t.get_window_extent(renderer) for t in shown), key=lambda b: b.x0)
        for left, right in itertools.pairwise(boxes):
            assert left.x1 <= right.x0, texts
        kinds.append(all(re.search(r"\d\d[:.]\d\d", t) for t in texts))
    assert kinds == [True, False]           # W2 by the hour, W1 by the day


def test_titles_and_subtitles_fit_in_the_figure(qtbot, cache, language):
    from matplotlib.text import Text
    view = make_view(qtbot, cache)
    qtbot.waitUntil(view.is_drawn, timeout=30000)
    sizes = chart_sizes(view)
    p, a = view.painter, view.data.applications
    for width, height in (sizes["pending-age"], (420, 300), (600, 340)):
        figure = drawn_figure(lambda f: p.pending_age(f, a), width, height)
        renderer = figure.canvas.get_renderer()
        ax = figure.axes[0]
        subtitle = ax.get_title(loc="left")
        assert "20" in subtitle and ("past" in subtitle) == (language == "en_GB")
        ticks = set(ax.get_xticklabels() + ax.get_yticklabels())   # those beyond the limits are not drawn
        for text in figure.findobj(Text):
            if not text.get_visible() or not text.get_text().strip() or text in ticks:
                continue
            box = text.get_window_extent(renderer)
            assert box.x0 >= -0.5 and box.x1 <= figure.bbox.width + 0.5, (language, width, text.get_text())
            assert box.y0 >= -0.5 and box.y1 <= figure.bbox.height + 0.5, (language, width, text.get_text())
        if width <= 420:
            assert "\n" in subtitle                # wrapped, not cut off


def test_the_keyboard_opens_what_a_click_opens(qtbot, view):
    from PySide6.QtWidgets import QApplication
    qtbot.waitUntil(view.is_drawn, timeout=30000)
    card = view.cards["pending-age"]
    chart = card.chart
    assert chart.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert "arrow keys" in chart.accessibleDescription() and "Enter" in chart.accessibleDescription()
    region = next(r for r in card.regions if r.result[1]["ids"] == ["A6"])
    with qtbot.waitSignal(view.open_list, timeout=5000) as clicked:
        click(qtbot, card, region)

    # Tab from the chart before reaches this one, which then shows its first bar selected
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=5000)
    card.save_button.setFocus()
    qtbot.keyClick(card.save_button, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(chart.hasFocus, timeout=5000)
    assert QApplication.focusWidget() is chart and chart.current == 0
    assert len(chart.stops) == len(card.regions) == 7
    # bars left to right: the stacks of 0–5, 6–10, 11–20 and over 20 working days, top first
    assert [s.result[1]["ids"] for s in chart.stops][:2] == [card.regions[4].result[1]["ids"],
                                                            card.regions[0].result[1]["ids"]]
    target = next(n for n, s in enumerate(chart.stops) if s.result == region.result)
    for _ in range(target):
        qtbot.keyClick(chart, Qt.Key.Key_Right)
    assert chart.current == target
    assert card.summary.text().startswith("Selected: No approval yet, 11–20 working days")
    with qtbot.waitSignal(view.open_list, timeout=5000) as entered:
        qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert entered.args == clicked.args
    with qtbot.waitSignal(view.open_list, timeout=5000) as spaced:
        qtbot.keyClick(chart, Qt.Key.Key_Space)
    assert spaced.args == clicked.args

    # the selection is drawn over the image in the highlight colour
    highlight = chart.palette().color(chart.palette().ColorRole.Highlight)
    rect = chart.stop_rect(chart.stops[chart.current]).adjusted(-3, -3, 3, 3)
    grabbed = chart.grab().toImage()
    edge = grabbed.pixelColor(round(rect.center().x()), round(rect.top()))
    assert max(abs(edge.red() - highlight.red()), abs(edge.green() - highlight.green()),
               abs(edge.blue() - highlight.blue())) < 40

    # Home, End and Left stay within the chart; a line's points are stops of their own
    qtbot.keyClick(chart, Qt.Key.Key_Home)
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    assert chart.current == 0
    queue = view.cards["queue"]
    queue.chart.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(queue.chart.hasFocus, timeout=5000)
    assert len(queue.chart.stops) == len(view.data.applications.queue.days)
    qtbot.keyClick(queue.chart, Qt.Key.Key_End)
    with qtbot.waitSignal(view.open_list, timeout=5000) as entered:
        qtbot.keyClick(queue.chart, Qt.Key.Key_Enter)
    assert entered.args[1]["ids"] == view.data.applications.queue.ids[-1]
    # the heatmap's cells and the curves (one stop each) too
    for key in ("overdue-recipients", "acknowledgements"):
        chart = view.cards[key].chart
        assert len(chart.stops) == len(view.cards[key].regions)
        chart.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(chart.hasFocus, timeout=5000)
        with qtbot.waitSignal(view.open_list, timeout=5000) as entered:
            qtbot.keyClick(chart, Qt.Key.Key_Return)
        assert entered.args[0] == "warning"
    chart.clearFocus()
    assert view.cards["acknowledgements"].summary.text() == "Click a curve to open its warning."


# -- the real client -----------------------------------------------------------------------------
def test_client_dashboard_after_sync_routes_clicks_to_the_list(qtbot, portal, tmp_path):
    from tests.client_helpers import sign_in_through_dialog, start_client, wait_for_sync

    desk = start_client(qtbot, portal, tmp_path)
    try:
        sign_in_through_dialog(qtbot, desk, portal, "anna")
        wait_for_sync(qtbot, desk)
        window = desk.window
        dashboard = window.open_page("dashboard")
        qtbot.waitUntil(lambda: dashboard.is_drawn() and dashboard.data.applications.pending.total > 0,
                        timeout=30000)
        pending = dashboard.data.applications.pending
        counts = desk.workspace.cache.application_status_counts()
        assert pending.total == counts.get("submitted", 0) + counts.get("in_review", 0)
        card = dashboard.cards["pending-age"]
        region = next(r for r in card.regions if r.result[1].get("status") == "in_review")
        expected = region.result[1]["ids"][0]
        with qtbot.waitSignal(dashboard.open_list, timeout=5000):
            click(qtbot, card, region)
        applications = window.pages["applications"]
        assert window.stack.currentWidget() is applications
        # Exactly the rows the bar counted, the filter named after the bar.
        assert applications.status.currentData() == "dashboard"
        assert "From the dashboard" in applications.status.currentText()
        assert sorted(applications.model.ids) == sorted(region.result[1]["ids"])
        qtbot.waitUntil(lambda: applications.current_id() in region.result[1]["ids"])
        assert expected in applications.model.ids

        # File > Monthly report…: a dialog, then a PDF made in the background
        menu = window.menuBar().actions()[0].menu()
        action = next(a for a in menu.actions() if a.text().replace("&", "") == "Monthly report…")
        action.trigger()
        dialog = window.report_dialog
        qtbot.waitUntil(dialog.isVisible)
        assert dialog.month.currentData() == (dt.date.today().replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        dialog.month.setCurrentIndex(0)                 # this month so far
        path = tmp_path / "report.pdf"
        with qtbot.waitSignal(dialog.finished_report, timeout=60000):
            dialog.make(str(path))
        assert pdf_page_count(path.read_bytes()) == 1     # a caseworker: the applications page
        assert not dialog.isVisible()
    finally:
        desk.shutdown()


def test_closing_the_workspace_mid_render_gives_the_collector_back():
    import gc

    from desktop.tasks import cancel_pending
    from desktop.views.chart_render import _collector
    assert gc.isenabled()
    _collector.begin()                 # a render under way
    assert not gc.isenabled()
    cancel_pending()                   # the workspace closes: the render's report (and its end) is dropped
    assert gc.isenabled() and _collector.renders == 0
