"""Security headers on every response of the API and the console (a pure ASGI middleware).

* ``Content-Security-Policy``: pages (the console, a bulletin's HTML) load scripts, styles,
  images and media only from this server; no inline script runs. Inline *styles* are allowed:
  the console's templates and ECharts' tooltips set ``style`` attributes, and the bulletin
  shown in the console's sandboxed ``srcdoc`` frame (which inherits this policy) carries its
  own ``<style>``. Recordings, attachments and PDFs reach the page as ``blob:`` URLs (they need
  the bearer token), the bulletin's charts as ``data:`` images. Anything else (JSON, files)
  gets ``default-src 'none'``: it is never a page.
* ``X-Frame-Options: DENY`` and ``frame-ancestors 'none'``: no other site frames the console.
* ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer``.
* ``Cache-Control: no-store`` unless the route chose otherwise (the console's own files say
  ``no-cache``): cases, transcripts, recordings and the audit trail stay out of shared and
  browser caches.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

PAGE_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "media-src 'self' blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
OTHER_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

_ALWAYS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def security_headers(headers: MutableHeaders) -> None:
    """Add the security headers to a response's ``headers`` (a route's own choices stay)."""
    page = headers.get("content-type", "").startswith("text/html")
    headers["Content-Security-Policy"] = PAGE_POLICY if page else OTHER_POLICY
    for name, value in _ALWAYS.items():
        headers[name] = value
    if "cache-control" not in headers:
        headers["Cache-Control"] = "no-store"


class SecurityHeaders:
    """Adds ``security_headers`` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                security_headers(MutableHeaders(scope=message))
            await send(message)

        await self.app(scope, receive, with_headers)
