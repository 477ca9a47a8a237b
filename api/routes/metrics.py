"""``GET /metrics``: Prometheus text format, and the latency of every API request.

Served by an ASGI middleware in front of the routes, like a load balancer's probe: outside the
OpenAPI schema and sign-in, and it sees every request, also those that end in 401, 404 or 422.
"""

from __future__ import annotations

import time
from typing import Any

from fastapi import FastAPI
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from jiancha.metrics import API_LATENCY

PATH = "/metrics"


class PrometheusMiddleware:
    """Answers ``GET /metrics``; observes ``jiancha_api_request_seconds`` for everything else."""

    def __init__(self, app: ASGIApp, registry: CollectorRegistry = REGISTRY) -> None:
        self.app = app
        self.registry = registry

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"] == PATH and scope["method"] in ("GET", "HEAD"):
            body = generate_latest(self.registry)
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [
                        (b"content-type", CONTENT_TYPE_LATEST.encode()),
                        (b"content-length", str(len(body)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return
        status = 500  # an exception before the response started
        started = time.perf_counter()

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            API_LATENCY.labels(_route(scope), scope["method"], str(status)).observe(
                time.perf_counter() - started
            )


def _route(scope: Scope) -> str:
    """The matched route's template (``/cases/{case_id}``), so labels stay bounded."""
    route: Any = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "(unmatched)"


def instrument(app: FastAPI) -> None:
    """Add ``/metrics`` and request latency to ``app``."""
    app.add_middleware(PrometheusMiddleware)
