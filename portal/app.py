"""The FastAPI application: routers, error answers in the contract's shape, the request gate
(body limits and the token check before any body is parsed: guard.py)."""

from __future__ import annotations

import logging

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import API_PREFIX, __version__
from .api import PortalContext, audit_refusal
from .availability import Availability, DatabaseUnavailableMiddleware, answer_unavailable, database_unavailable
from .errors import ApiError
from .guard import MAX_BODY_BYTES, AnonymousBudget, RequestGate  # noqa: F401  (MAX_BODY_BYTES: the largest body, outputs')

log = logging.getLogger("portal")

def _validation_error(request: Request, exc: RequestValidationError) -> ApiError:
    errors = exc.errors()
    if any(e.get("type") in ("json_invalid", "json_type") for e in errors):
        return ApiError(400, "bad_request", "The request body is not valid JSON.")
    parts = []
    for e in errors[:5]:
        where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("body",))
        parts.append(f"{where or 'body'}: {e.get('msg', 'invalid')}")
    message = "; ".join(parts) or "Invalid request."
    if request.url.path.endswith("/changes") or any(e.get("loc", ("",))[0] == "query" for e in errors):
        return ApiError(400, "bad_request", message)
    return ApiError(422, "invalid_field", message)


def caller_refusal(request: Request, ctx: PortalContext) -> ApiError | None:
    """The 401 or 403 `role_required` a route's dependencies would give this caller, or None.

    FastAPI parses a JSON body before it runs a route's dependencies, so a body that
    is not JSON would be refused (400) before the sign-in and role checks. The
    contract puts 401 and 403 first: the validation handler asks this first."""
    from .api import current_user

    dependant = getattr(request.scope.get("route"), "dependant", None)
    calls, stack = [], [dependant] if dependant is not None else []
    while stack:
        node = stack.pop()
        calls.append(node.call)
        stack.extend(node.dependencies)
    if current_user not in calls:
        return None
    try:
        user = current_user(request, ctx)
    except ApiError as refusal:
        return refusal
    for call in calls:
        roles = getattr(call, "roles", None)
        if roles and not set(roles) & set(user["roles"]):
            from .errors import role_required
            return role_required(roles)
    for call in calls:
        if getattr(call, "certified", False):      # a decision: the caller's own certification next
            try:
                call(user, ctx)
            except ApiError as refusal:
                return refusal
    return None


def create_app(ctx: PortalContext) -> FastAPI:
    app = FastAPI(
        title="Portal Desk reference portal",
        version=__version__,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
    )
    app.state.ctx = ctx
    app.state.availability = Availability()
    if ctx.anonymous_budget is None:
        ctx.anonymous_budget = AnonymousBudget()

    # Routes run on a thread pool; their work is mostly Python under the GIL. With the
    # default 40 threads, 50 clients paging the feed cost 4x the CPU per page of one client
    # (measured: 56 pages/s against 96 with 8 threads). More cores: more processes.
    # (A startup handler, not a lifespan: an app lifespan would silence the routers' handlers.)
    async def serve_with_threads():
        anyio.to_thread.current_default_thread_limiter().total_tokens = max(1, ctx.threads)
    app.router.add_event_handler("startup", serve_with_threads)

    def answer(request: Request, error: ApiError) -> JSONResponse:
        audit_refusal(ctx, request, error)
        return JSONResponse(error.body(), status_code=error.status, headers=error.headers or None)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return answer(request, exc)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        error = _validation_error(request, exc)
        if any(e.get("type") in ("json_invalid", "json_type") for e in exc.errors()):
            error = await run_in_threadpool(caller_refusal, request, ctx) or error
        return answer(request, error)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        codes = {404: "not_found", 405: "method_not_allowed", 401: "unauthorized", 403: "forbidden"}
        code = codes.get(exc.status_code, "bad_request" if exc.status_code < 500 else "internal_error")
        return answer(request, ApiError(exc.status_code, code, str(exc.detail), headers=getattr(exc, "headers", None)))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        reason = database_unavailable(exc)
        if reason is not None:   # the database is away: 503, logged and counted (not audited: it is away)
            error = answer_unavailable(app.state.availability, request.method, request.url.path, exc, reason)
            return JSONResponse(error.body(), status_code=error.status, headers=error.headers)
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        error = ApiError(500, "internal_error", "The portal met an unexpected error.")
        # A failure is on record too (the store may be what failed: then the log has it).
        await run_in_threadpool(audit_refusal, ctx, request, error, "error")
        return JSONResponse(error.body(), status_code=500)

    from .routes import core
    app.include_router(core.router, prefix=API_PREFIX)
    from .routes import load_domain_routers
    for router in load_domain_routers():
        app.include_router(router, prefix=API_PREFIX)

    app.add_middleware(RequestGate, ctx=ctx)
    app.add_middleware(DatabaseUnavailableMiddleware, availability=app.state.availability)   # outermost of ours
    return app
