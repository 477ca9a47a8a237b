"""Sign-in: the OAuth2 password flow (``POST /auth/token``), renewal of a session in use
(``POST /auth/refresh``) and who am I (``GET /auth/me``)."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

import jwt
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.security import OAuth2PasswordRequestForm
from pydantic import BaseModel, Field

from api.audit import AuditorDep
from api.deps import get_aliases, get_es
from api.security import (
    Authenticator,
    CurrentUser,
    User,
    bearer_claims,
    client_ip,
    get_authenticator,
    oauth2_scheme,
)
from jiancha.auth.passwords import dummy_verify, verify_password
from jiancha.auth.tokens import InvalidToken
from streams.accounts.users import find_user

router = APIRouter(prefix="/auth", tags=["登录"])

_WRONG = "用户名或密码错误"


class TokenOut(BaseModel):
    access_token: str = Field(description="访问令牌（JWT，HS256 签名）")
    token_type: str = Field(default="bearer", description="令牌类型，固定为 bearer")
    expires_in: int = Field(description="有效期（秒）")
    user: User


@router.post(
    "/token",
    response_model=TokenOut,
    summary="用户名密码登录，获取访问令牌",
    responses={401: {"description": "用户名或密码错误"}, 429: {"description": "登录失败次数过多"}},
)
async def login(
    request: Request,
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    auth: Annotated[Authenticator, Depends(get_authenticator)],
    es: Annotated[Any, Depends(get_es)],
    aliases: Annotated[dict[str, str], Depends(get_aliases)],
    auditor: AuditorDep,
) -> TokenOut:
    """OAuth2 密码模式：表单提交 username、password，返回短期有效的 Bearer 令牌。"""
    ip = client_ip(request)
    username = form.username.strip()
    wait = auth.limiter.retry_after(username, ip)
    if wait:
        raise HTTPException(
            429,
            f"登录失败次数过多，请 {wait} 秒后再试",
            headers={"Retry-After": str(wait)},
        )
    account = await find_user(es, aliases["users"], username) if username else None
    if account is None or account.disabled:
        await asyncio.to_thread(dummy_verify, form.password)  # same time as a wrong password
        ok = False
    else:
        ok = await asyncio.to_thread(verify_password, account.password_hash, form.password)
    if not ok or account is None:
        auth.limiter.failed(username, ip)
        if account is None:
            reason = "unknown_user"
        else:
            reason = "disabled" if account.disabled else "wrong_password"
        await auditor.record_failed_sign_in(username, account, request, reason)
        raise HTTPException(401, _WRONG, headers={"WWW-Authenticate": "Bearer"})
    auth.limiter.succeeded(username, ip)
    user = User.of(account)
    await auditor.record(user, "auth.login", user.username, request)
    return TokenOut(
        access_token=auth.issue(account), expires_in=int(auth.ttl.total_seconds()), user=user
    )


@router.post(
    "/refresh",
    response_model=TokenOut,
    summary="续期访问令牌（使用中滑动续期，自登录起最长 JIANCHA_AUTH_SESSION_HOURS 小时）",
    responses={401: {"description": "令牌无效、已过期或已达登录时长上限"}},
)
async def refresh(
    request: Request,
    token: Annotated[str | None, Depends(oauth2_scheme)],
    auth: Annotated[Authenticator, Depends(get_authenticator)],
    es: Annotated[Any, Depends(get_es)],
    aliases: Annotated[dict[str, str], Depends(get_aliases)],
    auditor: AuditorDep,
) -> TokenOut:
    """以未过期的令牌换取新令牌：账户须仍有效且未变更；自输入密码登录起超过上限须重新登录。"""
    claims = bearer_claims(auth, token)
    account = await find_user(es, aliases["users"], claims.username)
    try:
        renewed = auth.renew(claims, account)
    except InvalidToken as exc:
        raise HTTPException(401, str(exc), headers={"WWW-Authenticate": "Bearer"}) from exc
    user = User.of(account)  # type: ignore[arg-type]  # renew() admitted it
    request.state.user = user
    await auditor.record(user, "auth.refresh", user.username, request)
    return TokenOut(access_token=renewed, expires_in=_seconds_left(auth, renewed), user=user)


def _seconds_left(auth: Authenticator, token: str) -> int:
    """How long ``token`` lives: the renewal may be shortened by the session's cap."""
    exp = jwt.decode(token, options={"verify_signature": False})["exp"]
    return max(0, int(exp - auth.clock().timestamp()))


@router.get("/me", response_model=User, summary="当前登录用户")
async def me(user: CurrentUser) -> User:
    """令牌所代表的用户、角色与中队。"""
    return user
