"""The FastAPI application factory."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.audit import AUDITED_REFUSALS, Auditor
from api.deps import SharedPublisher
from api.headers import SecurityHeaders
from api.limits import BodyLimit
from api.links import add_links
from api.models import ErrorOut, FieldError
from api.routes import (
    assessments,
    audit,
    auth,
    bulletins,
    cases,
    clips,
    console,
    directory,
    exports,
    health,
    orders,
    policies,
    queue,
    recordings,
    spotchecks,
    users,
    warning,
)
from api.routes import metrics as prometheus_metrics
from api.security import Authenticator
from jiancha.clock import Clock, utc_now
from jiancha.settings import Settings
from streams.accounts.users import find_user

_MESSAGES = {
    "missing": "缺少必填参数",
    "int_parsing": "应为整数",
    "float_parsing": "应为数字",
    "greater_than_equal": "取值过小",
    "less_than_equal": "取值过大",
    "string_too_long": "内容过长",
    "literal_error": "取值不在允许范围内",
    "datetime_from_date_parsing": "时间格式应为 ISO 8601，例如 2026-04-01T08:00:00+08:00",
    "datetime_parsing": "时间格式应为 ISO 8601，例如 2026-04-01T08:00:00+08:00",
}


def _message(err: Any) -> str:
    """The Chinese message of one validation error; a text too long says its limit and length,
    so nothing is ever cut silently (issue 16: a pasted reason lost half its words)."""
    if err["type"] == "string_too_long" and isinstance(err.get("input"), str):
        limit = (err.get("ctx") or {}).get("max_length")
        return f"内容过长：最多 {limit} 字，现为 {len(err['input'])} 字，未保存，请删减后再提交"
    return _MESSAGES.get(err["type"], "取值无效")


def _documented_errors(spec: dict[str, Any]) -> dict[str, Any]:
    """Document 422 as the body ``_invalid`` sends, not FastAPI's default (a list of errors)."""
    schemas = spec.get("components", {}).get("schemas", {})
    if "HTTPValidationError" in schemas:
        error = ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(error.pop("$defs", {}))
        schemas["HTTPValidationError"] = error
        schemas.pop("ValidationError", None)
    return spec


def create_app(settings: Settings, clock: Clock = utc_now) -> FastAPI:
    """The API, connected to the Elasticsearch and Kafka that ``settings`` name.

    ``clock`` is the time every route and the audit trail go by (tests hand in a later one).
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from jiancha.elastic.client import async_client, sync_client
        from jiancha.elastic.indices import ensure_indices

        # Index templates and indices are made once, here; the synchronous client stays for the
        # code that is synchronous (the bulletin's compiler and store), run in threads.
        app.state.es_sync = sync_client(settings)
        try:
            app.state.aliases = ensure_indices(app.state.es_sync, settings)
        except BaseException:
            app.state.es_sync.close()
            raise
        app.state.es = async_client(settings)
        users = app.state.aliases["users"]
        app.state.auth = Authenticator.from_settings(
            settings, clock, accounts=lambda name: find_user(app.state.es, users, name)
        )
        app.state.publisher = SharedPublisher(settings)
        app.state.auditor = Auditor(
            app.state.publisher, app.state.es, app.state.aliases["audit"], clock
        )
        yield
        await asyncio.to_thread(app.state.publisher.close)
        await app.state.es.close()
        app.state.es_sync.close()

    app = FastAPI(
        title="jiancha 监察 API",
        description="交通执法全量监督：录像检索、案件审核、整改通知与《监察专刊》。",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.clock = clock

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            FieldError(
                field=".".join(str(p) for p in err["loc"] if p not in ("query", "body", "path")),
                message=_message(err),
            )
            for err in exc.errors()
        ]
        body = ErrorOut(detail="请求参数有误", errors=errors)
        return JSONResponse(body.model_dump(), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if exc.status_code != 404 or exc.detail != "Not Found" else "未找到"
        user = getattr(request.state, "user", None)  # set once the bearer token was admitted
        if exc.status_code in AUDITED_REFUSALS and user is not None:
            try:
                await app.state.auditor.record_refusal(request, exc.status_code, str(detail), user)
            except StarletteHTTPException as unaudited:  # 503: no refusal answered unaudited
                exc, detail = unaudited, unaudited.detail
        if exc.status_code == 405:
            detail = "不支持该请求方法"
        # Headers carry WWW-Authenticate (401) and Retry-After (429).
        headers = getattr(exc, "headers", None)
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=headers)

    app.include_router(health.router)
    app.include_router(auth.router)
    app.include_router(clips.router)
    app.include_router(recordings.router)
    app.include_router(cases.router)
    app.include_router(audit.router)
    app.include_router(orders.router)
    app.include_router(queue.router)
    app.include_router(exports.router)
    app.include_router(bulletins.router)
    app.include_router(directory.router)
    app.include_router(users.router)
    app.include_router(policies.router)
    app.include_router(warning.router)
    app.include_router(assessments.router)
    app.include_router(spotchecks.router)
    app.include_router(console.router)
    # Middleware, innermost first: body limits before any route reads a body, then the metrics
    # (which count the refusals too), then the security headers on every response.
    app.add_middleware(BodyLimit, settings=settings)
    prometheus_metrics.instrument(app)  # GET /metrics, request latency (issue 8)
    app.add_middleware(SecurityHeaders)

    plain_openapi = app.openapi

    def documented_openapi() -> dict[str, Any]:
        """FastAPI's spec with the error bodies the app sends and the links (built once, cached)."""
        if app.openapi_schema is None:
            app.openapi_schema = add_links(_documented_errors(plain_openapi()))
        return app.openapi_schema

    app.openapi = documented_openapi  # type: ignore[method-assign]
    return app
