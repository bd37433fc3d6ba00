"""Issue 7: hostile input. Oversize bodies and files are refused early (413);
SQL metacharacters and Unicode oddities in every free-text field are stored and
returned exactly (in the answer, in the change feed and on reading back), or,
for the characters no stored text takes (control characters other than tab and
line breaks, none at all in titles; bidi overrides and isolates; an unpaired
surrogate), refused with a 4xx: never changed silently, never a 500.

Free-text fields covered: application title, purpose, legal basis, review
comment and resubmission comment; warning title, summary, body, revision
summary and retraction reason; acknowledgement note; output comment, output
review comment and management-sample reason. (The application's title,
purpose and legal basis, and review comments, are trimmed of surrounding
whitespace by design: the payloads have none.)
"""

from __future__ import annotations

import base64
import select
import socket
import time

import pytest
import requests

from portal.app import MAX_BODY_BYTES
from tests.faults import record
from tests.portal_process import PortalProcess
from tests.test_security_matrix import EXPECTED

PAYLOADS = [
    "Robert'); DROP TABLE entities;--",
    "' OR '1'='1' --",
    "\"; DELETE FROM audit WHERE 1=1; --",
    "%_[]^\\ LIKE '%' ESCAPE '\\' /* */",
    "1; ATTACH DATABASE '/tmp/x' AS x; SELECT load_extension('y')",
    "😀 👩🏽‍⚕️ 🇩🇰 🏳️‍🌈",
    "e\u0301 is not \u00e9",
    "A\u030a \u00c5 \u212b",
    "mark\u200eLRM\u200fRLM\u061cALM (marks that do not reorder text)",
    "zero\u200bwidth\u200djoin\ufeffbom\u00ad",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟙𝟚𝟛 \U0010fffd",
    "Ærø Ø å — “quotes” ‘single’ «guillemets» … ½ ≥ €",
    "数据保护 データ 데이터 البيانات שלום",
    "<script>alert(1)</script> &amp; &lt; ${jndi:ldap://x}",
    "{\"json\": [1, 2]} \\u0000 \\n literal backslashes",
    "line\u2028sep\u2029para",
]
MULTILINE = "line one\nline two\r\n\tindented end"
NUL = "before\u0000after"
BIG_TEXT = "ø" * 300


@pytest.fixture(scope="module")
def portal():
    p = PortalProcess().start()
    yield p
    p.close()


@pytest.fixture(scope="module")
def s(portal):
    sessions = {}
    for user in ("anna", "rikke", "frida", "ole", "dorte", "admin"):
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {portal.sign_in(user)}"
        sessions[user] = session
    return sessions


def feed_entity(portal, session, kind: str, entity_id: str) -> dict:
    state, since = {}, 0
    while True:
        page = session.get(portal.api + "/changes", params={"since": since, "limit": 1000}, timeout=60).json()
        for change in page["changes"]:
            state[(change["entity"], change["id"])] = change["data"]
        since = page["next"]
        if not page["more"]:
            return state[(kind, entity_id)]


class Ledger:
    """Counts what went through, for the report."""

    def __init__(self):
        self.exact = 0
        self.refused = 0
        self.fields: set[str] = set()

    def same(self, field: str, sent: str, *got: str) -> None:
        self.fields.add(field)
        for value in got:
            assert value == sent, f"{field}: sent {sent!r}, got {value!r}"
        self.exact += 1


@pytest.fixture(scope="module")
def ledger():
    ledger = Ledger()
    yield ledger
    record("hostile text", fields=len(ledger.fields), payloads=len(PAYLOADS) + 3, round_trips_exact=ledger.exact,
           refused_4xx=ledger.refused, altered=0, server_errors=0)


# -- text round trips ------------------------------------------------------------------------------
def test_application_texts_round_trip(portal, s, ledger):
    for text in PAYLOADS + [BIG_TEXT]:
        body = {"title": text[:300], "purpose": text + " purpose", "legal_basis": text + " basis",
                "registers": ["BEF"]}
        r = s["rikke"].post(portal.api + "/applications", json=body, timeout=30)
        assert r.status_code == 201, (text, r.text)
        app = r.json()
        stored = feed_entity(portal, s["anna"], "application", app["id"])
        for field in ("title", "purpose", "legal_basis"):
            ledger.same(f"application.{field}", body[field], app[field], stored[field])
        comment = text if text != BIG_TEXT else MULTILINE
        review = s["anna"].post(f"{portal.api}/applications/{app['id']}/reviews", timeout=30,
                                json={"decision": "return", "comment": comment, "expected_version": app["version"]})
        assert review.status_code == 201, (text, review.text)
        after = review.json()
        stored = feed_entity(portal, s["rikke"], "application", app["id"])
        ledger.same("review.comment", comment, after["reviews"][-1]["comment"], stored["reviews"][-1]["comment"])
        resubmit = s["rikke"].post(f"{portal.api}/applications/{app['id']}/resubmissions", timeout=30,
                                   json={"expected_version": after["version"], "comment": text,
                                         "changes": {"purpose": text + " revised"}})
        assert resubmit.status_code == 201, (text, resubmit.text)
        again = resubmit.json()
        ledger.same("resubmission.comment", text, again["resubmissions"][-1]["comment"])
        ledger.same("application.purpose (changed)", text + " revised", again["purpose"])


def test_warning_and_acknowledgement_texts_round_trip(portal, s, ledger):
    coordinator = s["frida"]
    for text in PAYLOADS + [MULTILINE, BIG_TEXT]:
        title = text if "\n" not in text and "\t" not in text else text.replace("\n", " ").replace("\r", " ") \
            .replace("\t", " ")
        body = {"title": title, "summary": text, "body": text + "\n\n" + text, "severity": "low", "tlp": "GREEN",
                "recipients": {"org_ids": ["ORG-001"]}, "cves": [], "ack_hours": 24}
        r = coordinator.post(portal.api + "/warnings", json=body, timeout=30)
        assert r.status_code == 201, (text, r.text)
        warning = r.json()
        read = coordinator.get(f"{portal.api}/warnings/{warning['id']}", timeout=30).json()
        for field in ("title", "summary", "body"):
            ledger.same(f"warning.{field}", body[field], warning[field], read[field])
        sent = coordinator.post(f"{portal.api}/warnings/{warning['id']}/send", json={}, timeout=30)
        assert sent.status_code == 201, sent.text
        ack = s["ole"].post(f"{portal.api}/warnings/{warning['id']}/acks", timeout=30,
                            json={"org_id": "ORG-001", "state": "received", "note": text})
        assert ack.status_code == 201, (text, ack.text)
        mine = feed_entity(portal, s["ole"], "warning", warning["id"])
        listed = coordinator.get(f"{portal.api}/warnings/{warning['id']}", timeout=30).json()
        ledger.same("ack.note", text, next(a["note"] for a in mine["acks"] if a["org_id"] == "ORG-001"),
                    next(a["note"] for a in listed["acks"] if a["org_id"] == "ORG-001"))
        revision = coordinator.post(f"{portal.api}/warnings/{warning['id']}/revisions", timeout=30,
                                    json={"summary": text, "changes": {"body": text + " (revised)"},
                                          "expected_version": listed["version"]})
        assert revision.status_code == 201, (text, revision.text)
        ledger.same("revision.summary", text, revision.json()["pending_revision"]["summary"])
        retract = coordinator.post(f"{portal.api}/warnings/{warning['id']}/retract", json={"reason": text},
                                   timeout=30)
        assert retract.status_code == 201, (text, retract.text)
        assert text in retract.json()["revisions"][-1]["summary"]
        ledger.exact += 1


def test_control_characters_in_warning_texts_are_refused_not_changed(portal, s, ledger):
    base = {"title": "t", "summary": "s", "body": "b", "severity": "low", "tlp": "GREEN",
            "recipients": {"org_ids": ["ORG-001"]}, "cves": [], "ack_hours": 24}
    for field, text in (("title", "tab\there"), ("title", "new\nline"), ("summary", NUL), ("body", "bell\x07"),
                        ("body", "esc\x1b[31m")):
        r = s["frida"].post(portal.api + "/warnings", json={**base, field: text}, timeout=30)
        assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_field", (field, text, r.text)
        ledger.refused += 1


REFUSED_TEXT = [NUL, "bell\x07", "esc\x1b[31m", "\u202eevil\u202c", "\u2066isolate\u2069", "c1\x85next line"]


def test_controls_and_bidi_overrides_are_refused_in_every_stored_text(portal, s, ledger):
    """One rule (rules/text.py) for every free-text field the portal stores: 422 invalid_field."""
    project = approved_project_of_rikke(portal, s)
    app_id = next(iter(feed_ids(portal, s["anna"], "application")))
    table = base64.b64encode(b"group,count\nA,120\n").decode()
    application = {"title": "t", "purpose": "p", "legal_basis": "l", "registers": ["BEF"]}
    warning = {"title": "t", "summary": "s", "body": "b", "severity": "low", "tlp": "GREEN",
               "recipients": {"org_ids": ["ORG-001"]}, "cves": [], "ack_hours": 24}
    for text in REFUSED_TEXT:
        calls = [(s["rikke"], "/applications", {**application, field: text}) for field in application
                 if field != "registers"]
        calls += [(s["anna"], f"/applications/{app_id}/reviews",
                   {"decision": "return", "comment": text, "expected_version": 1}),
                  (s["rikke"], "/outputs", {"project_id": project, "comment": text,
                                            "files": [{"name": "t.csv", "content_base64": table}]}),
                  (s["rikke"], "/outputs", {"project_id": project, "comment": "c",
                                            "files": [{"name": f"t{text}.csv", "content_base64": table}]}),
                  (s["dorte"], "/samples", {"scope": "researcher", "target_id": "R-0001", "count": 1,
                                            "reason": text})]
        calls += [(s["frida"], "/warnings", {**warning, field: text}) for field in ("title", "summary", "body")]
        for session, path, body in calls:
            r = session.post(portal.api + path, json=body, timeout=60)
            assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_field", (path, text, r.text)
            ledger.refused += 1


def test_unpaired_surrogates_are_refused_everywhere(portal, s, ledger):
    """Valid JSON syntax, but no text: a 4xx on every route, never a 500."""
    app_id = next(iter(feed_ids(portal, s["anna"], "application")))
    bodies = [
        (s["rikke"], "/applications", '{"title":"x\\ud800","purpose":"p","legal_basis":"l","registers":["BEF"]}'),
        (s["anna"], f"/applications/{app_id}/reviews",
         '{"decision":"return","comment":"\\udfff","expected_version":1}'),
        (s["frida"], "/warnings", '{"title":"\\ud83d","summary":"s","body":"b","severity":"low","tlp":"GREEN",'
                                  '"recipients":{"org_ids":["ORG-001"]},"cves":[],"ack_hours":24}'),
        (s["dorte"], "/samples", '{"scope":"researcher","target_id":"R-0001","count":1,"reason":"\\udc00"}'),
        (requests, "/session", '{"username":"\\ud800","password":"x","totp":"123456"}'),
    ]
    for session, path, raw in bodies:
        r = session.post(portal.api + path, data=raw.encode(), headers={"Content-Type": "application/json"},
                         timeout=30)
        assert r.status_code in (400, 422), (path, r.status_code, r.text)
        assert r.json()["error"]["code"] in ("bad_request", "invalid_field"), r.text
        ledger.refused += 1


def feed_ids(portal, session, kind: str) -> list[str]:
    page = session.get(portal.api + "/changes", params={"limit": 1000}, timeout=60).json()
    return [c["id"] for c in page["changes"] if c["entity"] == kind and c["data"]]


def approved_project_of_rikke(portal, s) -> str:
    page = s["rikke"].get(portal.api + "/changes", params={"limit": 1000}, timeout=60).json()
    return next(c["id"] for c in page["changes"]
                if c["entity"] == "application" and c["data"] and c["data"]["status"] == "approved")


def test_output_and_sample_texts_round_trip(portal, s, ledger):
    project = approved_project_of_rikke(portal, s)
    table = base64.b64encode(b"group,count\nA,120\nB,340\n").decode()
    for text in PAYLOADS[:8] + [MULTILINE]:
        r = s["rikke"].post(portal.api + "/outputs", timeout=60, json={
            "project_id": project, "comment": text, "files": [{"name": "table.csv", "content_base64": table}]})
        assert r.status_code == 201, (text, r.text)
        output = r.json()
        seen = feed_entity(portal, s["dorte"], "output", output["id"])
        ledger.same("output.comment", text, output["comment"], seen["comment"])
        review = s["dorte"].post(f"{portal.api}/outputs/{output['id']}/reviews", timeout=30,
                                 json={"verdict": "withhold", "comment": text, "expected_version": seen["version"]})
        if review.status_code == 409 and review.json()["error"]["code"] == "not_open":
            continue    # released at once (clean and not sampled): nothing to review
        assert review.status_code == 201, (text, review.text)
        ledger.same("output review.comment", text, review.json()["reviews"][-1]["comment"])
    for text in PAYLOADS[8:] + [MULTILINE]:
        r = s["dorte"].post(portal.api + "/samples", timeout=30,
                            json={"scope": "researcher", "target_id": "R-0001", "count": 1, "reason": text})
        assert r.status_code == 201, (text, r.text)
        if r.status_code == 201:
            sample = s["dorte"].get(f"{portal.api}/samples/{r.json()['sample_id']}", timeout=30).json()
            stored = feed_entity(portal, s["admin"], "sample", sample["id"])
            ledger.same("sample reason (note)", text, sample["note"], stored["note"])


# -- oversize ------------------------------------------------------------------------------------------
def raw_request(portal, head: str, body_chunks=(), timeout: float = 10.0) -> tuple[int, bytes, int]:
    """Send a request by hand; stop sending as soon as an answer arrives. Returns
    (status, answer bytes, body bytes sent)."""
    sock = socket.create_connection(("127.0.0.1", portal.port), timeout=timeout)
    sent = 0
    try:
        sock.sendall(head.encode())
        answer = b""
        for chunk in body_chunks:
            ready, _, _ = select.select([sock], [], [], 0)
            if ready:
                break
            try:
                sock.sendall(chunk)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:     # the portal closes the connection after its answer
            try:
                data = sock.recv(65536)
            except ConnectionResetError:
                break
            if not data:
                break
            answer += data
        status = int(answer.split(b" ", 2)[1]) if answer else 0
        return status, answer, sent
    finally:
        sock.close()


def test_a_declared_oversize_body_is_refused_before_it_is_sent(portal):
    """Every POST and PATCH: Content-Length over the limit gets 413 at once, no body needed."""
    started = time.monotonic()
    paths = sorted({(m, p.replace("{", "").replace("}", "")) for m, p in EXPECTED if m in ("POST", "PATCH")})
    for method, path in paths:
        status, answer, _ = raw_request(portal, f"{method} /api/v1{path} HTTP/1.1\r\nHost: x\r\n"
                                                f"Content-Type: application/json\r\n"
                                                f"Content-Length: {MAX_BODY_BYTES + 1}\r\nConnection: close\r\n\r\n")
        assert status == 413 and b"too_large" in answer, (method, path, answer[:300])
    assert time.monotonic() - started < 30     # nobody waited for 40 MB that never came
    record("oversize bodies", endpoints=len(paths), refused_413=len(paths))


def test_a_streamed_oversize_body_is_cut_off(portal):
    """Chunked, no length: the portal stops it once it passes the limit."""
    chunk = b"x" * (1024 * 1024)

    def chunks():
        for _ in range(MAX_BODY_BYTES // len(chunk) + 40):
            yield b"%x\r\n%s\r\n" % (len(chunk), chunk)
        yield b"0\r\n\r\n"

    status, answer, sent = raw_request(portal, "POST /api/v1/outputs HTTP/1.1\r\nHost: x\r\n"
                                               f"Authorization: Bearer {portal.token('rikke')}\r\n"
                                               "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                                               "Connection: close\r\n\r\n", chunks(), timeout=60)
    assert status == 413 and b"too_large" in answer, answer[:300]
    assert sent < MAX_BODY_BYTES + 32 * len(chunk)
    assert requests.get(portal.api + "/health", timeout=10).status_code == 200


def test_an_oversize_file_is_refused_with_413(portal, s):
    project = approved_project_of_rikke(portal, s)
    big = base64.b64encode(b"a,b\n" + b"1,2\n" * (11 * 1024 * 1024 // 4)).decode()
    r = s["rikke"].post(portal.api + "/outputs", timeout=120, json={
        "project_id": project, "comment": "too big", "files": [{"name": "big.csv", "content_base64": big}]})
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large", r.text[:300]
    # Many files, each within the limit, over the total: 413 too.
    part = base64.b64encode(b"a,b\n" + b"1,2\n" * (9 * 1024 * 1024 // 4)).decode()
    r = s["rikke"].post(portal.api + "/outputs", timeout=120, json={
        "project_id": project, "comment": "too much", "files": [{"name": f"p{i}.csv", "content_base64": part}
                                                                for i in range(3)]})
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large", r.text[:300]
