"""PortalClient: address checks, answers, and the mapping of every failure to
PortalError / AuthExpired / PortalUnreachable / PortalFault."""

from __future__ import annotations

import logging
import socket
import threading

import pytest
import requests

from desktop.sync.api import (AuthExpired, InsecurePortal, PortalClient, PortalError, PortalFault,
                              PortalUnreachable, api_path, normalise_base_url)
from tests.test_sync_support import FakePortal, FakeServer, Reply, error


@pytest.fixture
def server():
    s = FakeServer().start()
    yield s
    s.close()


@pytest.fixture
def fake_portal():
    s = FakePortal().start()
    yield s
    s.close()


def client_for(server, **kw) -> PortalClient:
    c = PortalClient(server.url, timeout=kw.pop("timeout", (2, 5)), **kw)
    c.set_token("tok-test-0123456789")
    return c


# -- addresses ------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["http://127.0.0.1:8765", "http://127.9.9.9", "http://localhost:1/",
                                 "http://[::1]:8765", "https://portal.example.org", "HTTPS://Portal.Example.org/desk/"])
def test_accepted_addresses(url):
    assert PortalClient(url).api_url.endswith("/api/v1")


@pytest.mark.parametrize("url", ["http://portal.example.org", "http://10.0.0.1:8765", "http://128.0.0.1",
                                 "ftp://127.0.0.1", "https://user:pw@portal.example.org", "portal.example.org",
                                 "https://portal.example.org/?x=1", "", "http://localhost.evil.org"])
def test_refused_addresses(url):
    with pytest.raises(InsecurePortal):
        PortalClient(url)


def test_normalised_address_keeps_prefix_and_drops_slash():
    assert normalise_base_url("https://Portal.Example.org/desk/") == "https://portal.example.org/desk"


def test_tls_verification_cannot_be_switched_off():
    session = requests.Session()
    session.verify = False
    with pytest.raises(InsecurePortal):
        PortalClient("https://portal.example.org", session=session)
    client = PortalClient("https://portal.example.org")
    client.session.verify = False   # switched off afterwards: refused at the next call
    with pytest.raises(InsecurePortal):
        client.health()


def test_api_path_quotes_segments():
    assert api_path("applications", "APP/../x y", "reviews") == "/applications/APP%2F..%2Fx%20y/reviews"


@pytest.mark.parametrize("path", ["applications", "//evil.org/x", "/a/../session", "/a?x=1", "/a#b", "/a b"])
def test_unsafe_paths_are_refused(server, path):
    with pytest.raises(ValueError):
        client_for(server).get(path)
    assert server.requests == []


# -- session ----------------------------------------------------------------------------
def test_sign_in_keeps_token_and_sends_it(fake_portal, caplog):
    caplog.set_level(logging.DEBUG)
    client = PortalClient(fake_portal.url)
    answer = client.sign_in("anna", "demo", "123456")
    assert "token" not in answer and answer["user"]["username"] == "anna"
    token = client.token
    assert token in fake_portal.tokens and token not in repr(client)
    client.changes(0)
    assert fake_portal.requests[-1].headers["authorization"] == f"Bearer {token}"
    assert client.sign_out() is True and client.token is None
    assert token not in fake_portal.tokens
    assert all(token not in r.getMessage() for r in caplog.records)


def test_sign_in_refusal_is_a_portal_error_not_auth_expired(fake_portal):
    client = PortalClient(fake_portal.url)
    with pytest.raises(PortalError) as info:
        client.sign_in("anna", "wrong", "123456")
    assert type(info.value) is PortalError
    assert (info.value.status, info.value.code) == (401, "invalid_credentials")
    assert client.token is None


def test_401_on_an_authenticated_call_is_auth_expired(fake_portal):
    client = client_for(fake_portal)   # a token the portal does not know
    with pytest.raises(AuthExpired) as info:
        client.changes(0)
    assert info.value.status == 401 and info.value.code == "unauthorized"


def test_sign_out_without_portal_still_forgets_token():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = PortalClient(f"http://127.0.0.1:{port}", timeout=(1, 1))
    client.set_token("tok-test-0123456789")
    assert client.sign_out() is False and client.token is None


def test_post_sends_idempotency_key_and_json(fake_portal):
    client = PortalClient(fake_portal.url)
    client.sign_in("anna", "demo", "123456")
    assert client.post("/applications/A1/reviews", {"decision": "approve"}, "key-0001-abcdef") == {"ok": True}
    req = fake_portal.actions[-1]
    assert req.headers["idempotency-key"] == "key-0001-abcdef"
    assert req.headers["content-type"] == "application/json" and req.json() == {"decision": "approve"}
    with pytest.raises(ValueError):
        client.post("/applications/A1/reviews", {}, "bad key\r\nX-Evil: 1")


# -- refusals and faults --------------------------------------------------------------------
def test_portal_error_body_is_mapped(server):
    server.reply("POST", "/api/v1/applications/A1/reviews", error(409, "version_conflict", "changed meanwhile"))
    with pytest.raises(PortalError) as info:
        client_for(server).post("/applications/A1/reviews", {}, "key-0001-abcdef")
    assert (info.value.status, info.value.code, info.value.message) == (409, "version_conflict", "changed meanwhile")


def test_429_carries_retry_after_from_body_or_header(server):
    server.reply("GET", "/api/v1/a", error(429, "too_many_attempts", "slow down", retry_after=42))
    server.reply("GET", "/api/v1/b", Reply(429, {"error": {"code": "too_many_attempts", "message": "x"}},
                                           headers={"Retry-After": "7"}))
    client = client_for(server)
    with pytest.raises(PortalError) as a:
        client.get("/a")
    with pytest.raises(PortalError) as b:
        client.get("/b")
    assert (a.value.status, a.value.retry_after) == (429, 42)
    assert b.value.retry_after == 7


@pytest.mark.parametrize("reply", [
    error(500, "internal", "boom"),
    Reply(502, raw=b"<html>Bad gateway</html>", content_type="text/html"),
    Reply(503, raw=b"", headers={"Retry-After": "3"}),
    Reply(200, raw=b'{"changes": [', ),                                   # malformed / truncated JSON
    Reply(200, raw=b'{"a": 1}', content_type="text/html"),                # wrong content type
    Reply(200, raw=b'{"a": NaN}'),                                        # not JSON
    Reply(200, raw=b"\xff\xfe{}"),                                        # not UTF-8
    Reply(200, raw=b'{"a": 1}', declared_length=500),                     # cut off mid-body
    Reply(404, raw=b"<html>not here</html>", content_type="text/html"),   # a 4xx without the error body
    Reply(400, {"detail": "x"}),                                          # a 4xx with another body
    Reply(302, raw=b"", headers={"Location": "http://evil.example/"}),    # redirects are not followed
], ids=["500", "502-html", "503-empty", "truncated-json", "wrong-type", "nan", "not-utf8", "cut-off",
        "404-html", "400-other-shape", "redirect"])
def test_transport_faults_are_portal_fault(server, reply):
    server.reply("GET", "/api/v1/x", reply)
    with pytest.raises(PortalFault):
        client_for(server).get("/x")


def test_503_retry_after_is_kept(server):
    server.reply("GET", "/api/v1/x", Reply(503, raw=b"", headers={"Retry-After": "3"}))
    with pytest.raises(PortalFault) as info:
        client_for(server).get("/x")
    assert info.value.status == 503 and info.value.retry_after == 3


@pytest.mark.parametrize("no_length", [False, True], ids=["declared", "streamed"])
def test_oversized_body_is_refused(server, no_length):
    server.reply("GET", "/api/v1/big", Reply(200, raw=b'{"x": "' + b"a" * 200_000 + b'"}', no_length=no_length))
    with pytest.raises(PortalFault, match="larger"):
        client_for(server, max_body=64 * 1024).get("/big")


def test_slow_answer_times_out_as_unreachable(server):
    gate = threading.Event()
    server.reply("GET", "/api/v1/slow", Reply(200, {"a": 1}, block=gate))
    try:
        with pytest.raises(PortalUnreachable):
            client_for(server, timeout=(2, 0.3)).get("/slow")
    finally:
        gate.set()


def test_connection_refused_is_unreachable():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(PortalUnreachable):
        PortalClient(f"http://127.0.0.1:{port}", timeout=(1, 1)).health()


# -- the change feed's shape -------------------------------------------------------------------
GOOD_CHANGE = {"seq": 1, "entity": "application", "id": "A1", "data": {"id": "A1"}}


@pytest.mark.parametrize("body", [
    [],
    {"changes": [], "more": False},
    {"changes": {}, "next": 1, "more": False},
    {"changes": [GOOD_CHANGE], "next": "1", "more": False},
    {"changes": [GOOD_CHANGE], "next": 1, "more": "no"},
    {"changes": [{**GOOD_CHANGE, "data": [1]}], "next": 1, "more": False},
    {"changes": [{**GOOD_CHANGE, "id": 5}], "next": 1, "more": False},
    {"changes": [GOOD_CHANGE, GOOD_CHANGE], "next": 1, "more": False},   # seq not increasing
    {"changes": [], "next": 0, "more": True},                            # would loop forever
], ids=["list", "no-next", "changes-object", "next-string", "more-string", "data-list", "id-int",
        "seq-repeats", "no-progress"])
def test_malformed_change_feed_is_portal_fault(server, body):
    server.reply("GET", "/api/v1/changes", Reply(200, body))
    with pytest.raises(PortalFault):
        client_for(server).changes(0)


def test_change_feed_pages(fake_portal):
    for i in range(5):
        fake_portal.add("application", f"A{i}", {"id": f"A{i}"})
    client = PortalClient(fake_portal.url)
    client.sign_in("anna", "demo", "123456")
    page = client.changes(0, limit=3)
    assert [c["id"] for c in page["changes"]] == ["A0", "A1", "A2"] and page["more"] and page["next"] == 3
    page = client.changes(3, limit=3)
    assert [c["id"] for c in page["changes"]] == ["A3", "A4"] and not page["more"]
    with pytest.raises(ValueError):
        client.changes(0, limit=1001)


def test_health(fake_portal):
    assert PortalClient(fake_portal.url).health()["status"] == "ok"


def test_sign_out_of_a_dead_session_counts_as_done(fake_portal):
    client = PortalClient(fake_portal.url)
    client.sign_in("anna", "demo", "123456")
    fake_portal.expire_sessions()
    assert client.sign_out() is True and client.token is None


def test_netrc_credentials_are_never_sent(fake_portal, tmp_path, monkeypatch):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login someone password netrc-secret\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    client = PortalClient(fake_portal.url)
    client.health()
    client.sign_in("anna", "demo", "123456")
    assert "authorization" not in fake_portal.requests[0].headers
    assert "authorization" not in fake_portal.requests[1].headers
    client.changes(0)
    assert fake_portal.requests[2].headers["authorization"] == f"Bearer {client.token}"
