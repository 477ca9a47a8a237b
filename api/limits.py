"""Request bodies: a size limit per route, enforced while the body arrives, before any parsing.

A pure ASGI middleware in front of the routes, because FastAPI reads and parses a body (a JSON
document into memory, a multipart upload onto disk) *before* it runs a route's dependencies,
sign-in included. So here, before the app sees a byte:

* an upload route (``POST /recordings``, ``POST /orders/{id}/answers``) without a valid bearer
  token is answered 401 at once, its body never read;
* a ``Content-Length`` over the route's limit is answered 413 at once;
* a body without a length (chunked) is counted as it arrives and cut off with 413 at the limit.

The early answers say ``Connection: close``: the server then stops reading the connection
instead of draining the unread body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fastapi import HTTPException
from fastapi.security.utils import get_authorization_scheme_param
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.security import bearer_claims
from jiancha.settings import Settings

#: Room for a multipart form's boundaries, part headers and text fields around the files.
FORM_OVERHEAD = 1024**2


@dataclass(frozen=True)
class BodyRule:
    """How large a route's body may be, and whether it is read only for a signed-in caller."""

    max_bytes: int
    what: str  # what the body is, as the 413 names it
    signed_in: bool = False


_ANSWERS = re.compile(r"/orders/[^/]+/answers")


def body_rule(method: str, path: str, settings: Settings) -> BodyRule:
    """The limit of ``method path``'s body (``JIANCHA_API_MAX_BODY_BYTES`` unless named here)."""
    if method == "POST" and path == "/auth/token":
        return BodyRule(settings.api_max_login_bytes, "登录表单")
    if method == "POST" and path == "/recordings":
        return BodyRule(settings.media_max_bytes + FORM_OVERHEAD, "录像上传", signed_in=True)
    if method == "POST" and _ANSWERS.fullmatch(path):
        files = settings.attachment_max_files * settings.attachment_max_bytes
        return BodyRule(files + FORM_OVERHEAD, "整改汇报（含附件）", signed_in=True)
    return BodyRule(settings.api_max_body_bytes, "请求体")


def human_size(n: int) -> str:
    """``n`` bytes as people read it: 8 KB, 1 MB, 2.5 GB."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} 字节"


def too_large(rule: BodyRule) -> str:
    return f"{rule.what}过大：上限 {human_size(rule.max_bytes)}"


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` when the body passes its limit (the app's handler answers 413)."""

    def __init__(self, rule: BodyRule) -> None:
        super().__init__(413, too_large(rule), headers={"Connection": "close"})


class BodyLimit:
    """Refuses bodies over their route's limit, and unauthenticated uploads, before reading."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rule = body_rule(scope["method"], scope["path"], self.settings)
        headers = Headers(scope=scope)
        if rule.signed_in:
            scheme, token = get_authorization_scheme_param(headers.get("authorization"))
            try:
                bearer_claims(
                    scope["app"].state.auth, token if scheme.lower() == "bearer" else None
                )
            except HTTPException as exc:
                await _refuse(scope, receive, send, exc)
                return
        declared = headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > rule.max_bytes:
            await _refuse(scope, receive, send, BodyTooLarge(rule))
            return

        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > rule.max_bytes:
                    raise BodyTooLarge(rule)
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge as exc:  # read outside the routes' exception handlers
            if started:
                raise
            await _refuse(scope, receive, send, exc)


async def _refuse(scope: Scope, receive: Receive, send: Send, exc: HTTPException) -> None:
    headers = {**(exc.headers or {}), "Connection": "close"}
    response = JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)
    await response(scope, receive, send)
