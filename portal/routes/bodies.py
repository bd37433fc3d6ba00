"""Reading request bodies ourselves, so that the contract's refusal order holds.

FastAPI would validate a body before the route runs (a 422 before a 404); routes
that must answer 404 first read the raw JSON with `read_json` and validate it
with `validate` at the right step. `body_doc` puts the schema in OpenAPI.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from fastapi import Request
from pydantic import AfterValidator, BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool

from rules.text import text_problem

from ..errors import bad_request, invalid_field


class Unparsed:
    """A body that is missing or not JSON; refused at the body-validation step."""

    def __init__(self, raw: bytes, problem: str | None = None):
        self.raw = raw
        self.problem = problem

    def fingerprint(self) -> dict:
        return {"unparsed_sha256": hashlib.sha256(self.raw).hexdigest()}


async def read_json(request: Request) -> Any:
    raw = await request.body()
    # Parsed on a worker thread: a large body (outputs carry files) never stalls the event loop.
    return await run_in_threadpool(parse_json, raw)


def parse_json(raw: bytes) -> Any:
    if not raw.strip():
        return Unparsed(b"")
    try:
        payload = json.loads(raw)
    except (ValueError, RecursionError):
        return Unparsed(raw)
    if has_surrogate(payload):
        # "\ud800" is valid JSON syntax but no text: it cannot be stored (nor hashed) as UTF-8.
        return Unparsed(raw, "The request body holds text that is not valid Unicode (an unpaired surrogate).")
    return payload


def has_surrogate(payload: Any) -> bool:
    """Whether any string (key or value) of a parsed body holds an unpaired surrogate."""
    stack = [payload]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return False


def _plain(single_line: bool):
    def check(value: str) -> str:
        problem = text_problem(value, single_line=single_line)
        if problem:
            raise ValueError(problem)
        return value
    return AfterValidator(check)


# Every stored free-text field takes one of these (rules.text: the rule the desktop shows too).
PlainText = _plain(single_line=False)
PlainLine = _plain(single_line=True)


def fingerprint_body(payload: Any) -> Any:
    return payload.fingerprint() if isinstance(payload, Unparsed) else payload


def validate(model: type[BaseModel], payload: Any) -> BaseModel:
    if isinstance(payload, Unparsed):
        if payload.raw:
            raise bad_request(payload.problem or "The request body is not valid JSON.")
        raise invalid_field("A JSON request body is required.")
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        parts = []
        for e in exc.errors()[:5]:
            where = ".".join(str(p) for p in e.get("loc", ()))
            parts.append(f"{where or 'body'}: {e.get('msg', 'invalid')}")
        raise invalid_field("; ".join(parts) or "Invalid request.") from None


def given(payload: Any, field: str, kind: type) -> Any:
    """A field of the raw body for the audit detail, if it has the expected type."""
    if isinstance(payload, dict):
        value = payload.get(field)
        if isinstance(value, kind) and not isinstance(value, bool):
            return value if not isinstance(value, str) else value[:40]
    return None


def body_doc(model: type[BaseModel]) -> dict:
    """The request body's schema for the OpenAPI description (nested models inlined)."""
    schema = model.model_json_schema()
    defs = schema.pop("$defs", {})

    def inline(node):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                rest = {k: v for k, v in node.items() if k != "$ref"}
                return inline({**defs[ref.rsplit("/", 1)[-1]], **rest})
            return {k: inline(v) for k, v in node.items()}
        if isinstance(node, list):
            return [inline(v) for v in node]
        return node

    return {"requestBody": {"required": True, "content": {"application/json": {"schema": inline(schema)}}}}
