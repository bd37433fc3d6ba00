"""HTTP client for the portal API (contract v1, JSON under /api/v1).

Every answer is checked before anyone sees it. Problems reach the caller as one
of a few exceptions, so the sync engine can decide what to do without knowing
HTTP:

- `PortalError`       the portal refused (4xx with its error body); retrying the
                      same call will not help.
- `AuthExpired`       401 on a call that needs a session: sign in again.
- `PortalUnreachable` no answer at all (connection refused, DNS, timeout).
- `PortalFault`       an answer we cannot trust (5xx, not JSON, wrong shape,
                      truncated, too large); transient, retry later.

TLS is always verified. The bearer token lives only in this object's memory and
is never logged, repr'd or put into exception messages.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import math
import time
from typing import Any
from urllib.parse import quote, urlsplit

import requests
import requests.auth

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
DEFAULT_MAX_BODY = 64 * 1024 * 1024
_CHUNK = 64 * 1024


class PortalClientError(Exception):
    """Base class of everything this module raises."""


class InsecurePortal(PortalClientError, ValueError):
    """The portal address would send secrets without TLS (or is not a usable URL)."""


class PortalError(PortalClientError):
    """The portal refused the call with a well-formed error body."""

    def __init__(self, status: int, code: str, message: str, retry_after: float | None = None):
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.retry_after = retry_after


class AuthExpired(PortalError):
    """401 on an authenticated call: the session is gone, sign in again."""


class PortalUnreachable(PortalClientError):
    """No answer from the portal: offline, refused connection, DNS failure or timeout."""


class PortalCertificateError(PortalUnreachable):
    """TLS verification failed: the portal's certificate is not trusted (never bypassed)."""


class PortalFault(PortalClientError):
    """An answer that cannot be used (5xx, malformed, too large); retry later."""

    def __init__(self, message: str, status: int | None = None, retry_after: float | None = None):
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


def is_loopback_host(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        return False
    mapped = getattr(addr, "ipv4_mapped", None)
    return addr.is_loopback or bool(mapped and mapped.is_loopback)


def normalise_base_url(base_url: str) -> str:
    """Check a portal address and return it without a trailing slash.

    https is required unless the host is loopback (127.0.0.0/8, ::1, localhost).
    """
    if not isinstance(base_url, str) or not base_url.strip():
        raise InsecurePortal("the portal address is empty")
    parts = urlsplit(base_url.strip())
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise InsecurePortal("the portal address must be an http(s) URL with a host")
    if parts.username is not None or parts.password is not None:
        raise InsecurePortal("the portal address must not contain credentials")
    if parts.query or parts.fragment:
        raise InsecurePortal("the portal address must not contain a query or fragment")
    if scheme != "https" and not is_loopback_host(parts.hostname):
        raise InsecurePortal(f"https is required for {parts.hostname} (plain http only on loopback)")
    netloc = parts.netloc.lower()
    return f"{scheme}://{netloc}{parts.path.rstrip('/')}"


def api_path(*segments: str) -> str:
    """Build an API path from raw segments, quoting each: api_path("applications", id, "reviews")."""
    if not segments or any(not isinstance(s, str) or not s for s in segments):
        raise ValueError("path segments must be non-empty strings")
    return "/" + "/".join(quote(s, safe="") for s in segments)


def _check_path(path: str) -> str:
    if not isinstance(path, str) or not path.startswith("/") or path.startswith("//"):
        raise ValueError("an API path starts with a single '/'")
    if any(c in path for c in "?#\\") or "/../" in path + "/" or "/./" in path + "/":
        raise ValueError("an API path has no query, fragment or dot segments (use params)")
    if any(ord(c) < 0x21 or ord(c) == 0x7F for c in path):
        raise ValueError("an API path has no whitespace or control characters")
    return path


def _reject_constant(name: str) -> Any:
    raise ValueError(f"non-standard JSON constant {name}")


def _parse_retry_after(value: Any) -> float | None:
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return None
    if math.isnan(seconds) or seconds < 0:
        return None
    return min(seconds, 24 * 3600.0)


class PortalClient:
    """A synchronous client for one portal. One instance per signed-in user.

    Not meant to be shared between threads that run calls at the same time; the
    sync engine uses it from its worker thread only.
    """

    def __init__(self, base_url: str, timeout: tuple[float, float] = (5, 30),
                 session: requests.Session | None = None, *, max_body: int = DEFAULT_MAX_BODY,
                 deadline: float = 300.0, proxy: str | None = None):
        self.base_url = normalise_base_url(base_url)
        self.api_url = self.base_url + API_PREFIX
        self.timeout = timeout
        self.max_body = max_body
        self.deadline = deadline  # whole-answer limit, against a server that trickles bytes
        self.session = session or requests.Session()
        # Nothing from the environment: an HTTP(S)_PROXY set there would otherwise receive the
        # password, the code and the token (also for a loopback portal). A proxy only by setting.
        self.session.trust_env = False
        self.proxy = proxy
        self.session.proxies = {"http": proxy, "https": proxy} if proxy else {}
        self._check_verify()
        self._token: str | None = None

    def __repr__(self) -> str:
        state = "signed in" if self._token else "signed out"
        return f"<PortalClient {self.base_url} ({state})>"

    # -- session ------------------------------------------------------------
    @property
    def token(self) -> str | None:
        """The bearer token, for the caller to put in the OS keyring. Never log it."""
        return self._token

    @property
    def signed_in(self) -> bool:
        return self._token is not None

    def set_token(self, token: str | None) -> None:
        if token is not None and (not isinstance(token, str) or not token or
                                  any(ord(c) < 0x21 or ord(c) > 0x7E for c in token)):
            raise ValueError("a token is a non-empty printable ASCII string")
        self._token = token

    def sign_in(self, username: str, password: str, totp: str) -> dict:
        """POST /session. Keeps the token in this client; returns the rest of the
        answer ({"expires_at", "user"}) without the token."""
        answer = self._request("POST", "/session", json_body={
            "username": username, "password": password, "totp": totp}, auth=False)
        if not isinstance(answer, dict) or not isinstance(answer.get("token"), str) \
                or not isinstance(answer.get("user"), dict):
            raise PortalFault("the sign-in answer has no token or user")
        try:
            self.set_token(answer["token"])
        except ValueError:
            raise PortalFault("the sign-in answer holds an unusable token") from None
        return {k: v for k, v in answer.items() if k != "token"}

    def sign_out(self) -> bool:
        """DELETE /session and forget the token. True if the portal confirmed (or the
        session was already dead), False if it could not be told."""
        if self._token is None:
            return True
        try:
            self._request("DELETE", "/session")
            return True
        except AuthExpired:
            return True
        except PortalClientError:
            return False
        finally:
            self._token = None

    # -- calls --------------------------------------------------------------
    def health(self) -> dict:
        answer = self._request("GET", "/health", auth=False)
        if not isinstance(answer, dict) or "status" not in answer:
            raise PortalFault("the health answer is not the expected shape")
        return answer

    def changes(self, since: int, limit: int = 1000) -> dict:
        """GET /changes; returns {"changes": [...], "next": int, "more": bool}, checked."""
        if isinstance(since, bool) or not isinstance(since, int) or since < 0:
            raise ValueError("since is a non-negative integer")
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 1000:
            raise ValueError("limit is between 1 and 1000")
        answer = self._request("GET", "/changes", params={"since": since, "limit": limit})
        return _check_changes(answer, since, limit)

    def get(self, path: str, params: dict | None = None) -> Any:
        return self._request("GET", _check_path(path), params=params)

    def post(self, path: str, body: Any, idempotency_key: str, headers: dict | None = None) -> dict:
        if not isinstance(idempotency_key, str) or not 8 <= len(idempotency_key) <= 128 \
                or not all(c.isalnum() or c in "-_." for c in idempotency_key):
            raise ValueError("an idempotency key is 8-128 characters of [A-Za-z0-9-_.]")
        answer = self._request("POST", _check_path(path), json_body=body,
                               headers={**(headers or {}), "Idempotency-Key": idempotency_key})
        if answer is not None and not isinstance(answer, dict):
            raise PortalFault("the answer to a POST is not a JSON object")
        return answer if answer is not None else {}

    def patch(self, path: str, body: Any) -> Any:
        """An edit that is not queued (it needs the portal now): PATCH has no idempotency key."""
        return self._request("PATCH", _check_path(path), json_body=body)

    def delete(self, path: str) -> Any:
        return self._request("DELETE", _check_path(path))

    # -- transport ----------------------------------------------------------
    def _check_verify(self) -> None:
        if self.session.verify is False:
            raise InsecurePortal("TLS certificate verification must stay on")

    def _request(self, method: str, path: str, *, params: dict | None = None,
                 json_body: Any = None, headers: dict | None = None, auth: bool = True) -> Any:
        self._check_verify()
        url = self.api_url + path
        send_headers = {"Accept": "application/json"}
        if headers:
            send_headers.update(headers)
        data = None
        if json_body is not None:
            data = json.dumps(json_body, ensure_ascii=False, allow_nan=False).encode("utf-8")
            send_headers["Content-Type"] = "application/json"
        started = time.monotonic()
        try:
            response = self.session.request(method, url, params=params, data=data, headers=send_headers,
                                            auth=_Bearer(self._token if auth else None),
                                            timeout=self.timeout, stream=True, allow_redirects=False)
        except requests.exceptions.SSLError:
            log.warning("%s %s: TLS verification failed", method, path)
            raise PortalCertificateError(f"the certificate of {self.base_url} could not be verified") from None
        except (requests.ConnectionError, requests.Timeout) as exc:
            log.info("%s %s: portal unreachable (%s)", method, path, type(exc).__name__)
            raise PortalUnreachable(f"the portal at {self.base_url} did not answer ({type(exc).__name__})") from None
        except requests.RequestException as exc:
            raise PortalFault(f"the request failed: {type(exc).__name__}") from None
        try:
            log.debug("%s %s -> %s", method, path, response.status_code)
            body = self._read_body(response, started)
            return self._interpret(response, body, auth=auth)
        finally:
            response.close()

    def _read_body(self, response: requests.Response, started: float) -> bytes:
        declared = response.headers.get("Content-Length")
        if declared is not None:
            try:
                if int(declared) > self.max_body:
                    raise PortalFault(f"the answer is larger than {self.max_body} bytes", response.status_code)
            except ValueError:
                raise PortalFault("the answer has an invalid Content-Length", response.status_code) from None
        chunks, size = [], 0
        try:
            for chunk in response.iter_content(_CHUNK):
                size += len(chunk)
                if size > self.max_body:
                    raise PortalFault(f"the answer is larger than {self.max_body} bytes", response.status_code)
                if time.monotonic() - started > self.deadline:
                    raise PortalUnreachable(f"the answer took longer than {self.deadline:.0f} s")
                chunks.append(chunk)
        except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError):
            raise PortalFault("the answer was cut off or garbled", response.status_code) from None
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise PortalUnreachable(f"the portal stopped answering ({type(exc).__name__})") from None
        return b"".join(chunks)

    def _interpret(self, response: requests.Response, body: bytes, *, auth: bool) -> Any:
        status = response.status_code
        if status == 401 and auth:
            code, message, _ = _error_fields(response, body)
            raise AuthExpired(401, code or "unauthorized", message or "the session has expired")
        if status >= 500:
            code, message, retry_after = _error_fields(response, body)
            raise PortalFault(f"the portal failed ({status}{' ' + code if code else ''})", status, retry_after)
        if 300 <= status < 400 or status < 200:
            raise PortalFault(f"unexpected HTTP status {status}", status)
        if status >= 400:
            code, message, retry_after = _error_fields(response, body)
            if code is None:
                raise PortalFault(f"HTTP {status} without the portal's error body", status)
            raise PortalError(status, code, message, retry_after)
        if status == 204 or (not body and status in (201, 202)):
            return None
        return _parse_json(response, body)


class _Bearer(requests.auth.AuthBase):
    """Sets (or, signed out, leaves out) the Authorization header. Passing an auth
    object on every call also stops requests from sending .netrc credentials."""

    def __init__(self, token: str | None):
        self._token = token

    def __repr__(self) -> str:
        return "<_Bearer>"

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers.pop("Authorization", None)
        if self._token:
            request.headers["Authorization"] = f"Bearer {self._token}"
        return request


def _is_json_type(response: requests.Response) -> bool:
    ctype = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    return ctype == "application/json" or (ctype.startswith("application/") and ctype.endswith("+json"))


def _parse_json(response: requests.Response, body: bytes) -> Any:
    if not _is_json_type(response):
        raise PortalFault("the answer is not JSON (wrong content type)", response.status_code)
    try:
        return json.loads(body.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PortalFault("the answer is malformed or truncated JSON", response.status_code) from None


def _error_fields(response: requests.Response, body: bytes) -> tuple[str | None, str, float | None]:
    """(code, message, retry_after) from a portal error body; code None if it has none."""
    header_retry = _parse_retry_after(response.headers.get("Retry-After"))
    try:
        parsed = _parse_json(response, body)
    except PortalFault:
        return None, "", header_retry
    error = parsed.get("error") if isinstance(parsed, dict) else None
    if not isinstance(error, dict) or not isinstance(error.get("code"), str) or not error["code"]:
        return None, "", header_retry
    message = error.get("message") if isinstance(error.get("message"), str) else ""
    retry_after = _parse_retry_after(error.get("retry_after"))
    return error["code"][:100], message[:2000], retry_after if retry_after is not None else header_retry


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_changes(answer: Any, since: int, limit: int) -> dict:
    if not isinstance(answer, dict):
        raise PortalFault("the change feed answer is not a JSON object")
    changes, next_cursor, more = answer.get("changes"), answer.get("next"), answer.get("more")
    if not isinstance(changes, list) or not _is_int(next_cursor) or not isinstance(more, bool):
        raise PortalFault("the change feed answer lacks changes, next or more")
    if len(changes) > limit:
        raise PortalFault("the change feed sent more changes than asked for")
    last = since
    for change in changes:
        if not isinstance(change, dict) or not _is_int(change.get("seq")) \
                or not isinstance(change.get("entity"), str) or not isinstance(change.get("id"), str) \
                or not change["entity"] or not change["id"] \
                or not (change.get("data") is None or isinstance(change.get("data"), dict)):
            raise PortalFault("a change in the feed is not the expected shape")
        if change["seq"] <= last:
            raise PortalFault("the change feed is not in increasing seq order after the cursor")
        last = change["seq"]
    if next_cursor < last or (more and next_cursor <= since):
        raise PortalFault("the change feed cursor does not advance")
    return {"changes": changes, "next": next_cursor, "more": more}
