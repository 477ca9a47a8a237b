"""Who is calling: sign-in (OAuth2 password flow), access tokens, roles.

Routes declare what they need with ``CurrentUser`` (any signed-in user) or
``Depends(require_roles("reviewer", "supervisor"))``. A token carries the username, role and
squad and is valid for ``JIANCHA_AUTH_TOKEN_MINUTES``; it is not looked up again per request,
so a changed role takes effect at the next sign-in (at most one token lifetime later).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.security import OAuth2PasswordBearer
from pydantic import BaseModel, Field

from jiancha.auth.ratelimit import LoginLimiter
from jiancha.auth.roles import ROLES, Role
from jiancha.auth.secret import signing_key
from jiancha.auth.tokens import Claims, InvalidToken, issue_token, read_token
from jiancha.clock import Clock, utc_now
from jiancha.settings import Settings

_BEARER = {"WWW-Authenticate": "Bearer"}

oauth2_scheme = OAuth2PasswordBearer(
    tokenUrl="/auth/token",
    auto_error=False,
    description="用户名与密码换取访问令牌（POST /auth/token），之后以 Bearer 令牌访问。",
)


class User(BaseModel):
    """A signed-in user, as the routes see them."""

    username: str = Field(description="用户名")
    role: Role = Field(description="角色：admin | supervisor | reviewer | squad_leader")
    squad_id: str | None = Field(default=None, description="中队（仅中队长）")
    display_name: str = Field(description="显示名")

    @property
    def role_label(self) -> str:
        return ROLES[self.role]

    def sees_squad(self, squad_id: str | None) -> bool:
        """Whether this user may see data of ``squad_id`` (squad leaders: their own only)."""
        return self.role != "squad_leader" or (squad_id is not None and squad_id == self.squad_id)


class Authenticator:
    """Issues and reads tokens and keeps the login rate limit; one per API process."""

    def __init__(
        self,
        key: bytes,
        ttl: timedelta,
        limiter: LoginLimiter,
        clock: Clock = utc_now,
    ) -> None:
        self._key = key
        self.ttl = ttl
        self.limiter = limiter
        self.clock = clock

    @classmethod
    def from_settings(cls, settings: Settings, clock: Clock = utc_now) -> Authenticator:
        limiter = LoginLimiter(
            settings.login_max_failures,
            settings.login_window_s,
            time.monotonic,
            account_max_failures=settings.login_account_max_failures,
            global_max_failures=settings.login_global_max_failures,
        )
        ttl = timedelta(minutes=settings.auth_token_minutes)
        return cls(signing_key(settings), ttl, limiter, clock)

    def issue(self, user: User) -> str:
        claims = Claims(user.username, user.role, user.squad_id, user.display_name)
        return issue_token(claims, self._key, self.clock(), self.ttl)

    def read(self, token: str) -> User:
        claims = read_token(token, self._key, self.clock())
        if claims.role not in ROLES:
            raise InvalidToken("登录凭证无效，请重新登录")
        return User(
            username=claims.username,
            role=claims.role,  # type: ignore[arg-type]
            squad_id=claims.squad_id,
            display_name=claims.display_name,
        )


def get_authenticator(request: Request) -> Authenticator:
    return request.app.state.auth  # type: ignore[no-any-return]


def client_ip(request: Request) -> str:
    """Where a request comes from: the socket peer.

    The server replaces the peer by the address in ``X-Forwarded-For`` only when the peer is
    one of ``JIANCHA_TRUSTED_PROXIES`` (``jiancha api``; none by default), so a client cannot
    name its own address here.
    """
    return request.client.host if request.client else "unknown"


def bearer_user(auth: Authenticator, token: str | None) -> User:
    """The user ``token`` names; 401 with a Chinese reason otherwise."""
    if not token:
        raise HTTPException(401, "未登录：请先通过 /auth/token 获取访问令牌", headers=_BEARER)
    try:
        return auth.read(token)
    except InvalidToken as exc:
        raise HTTPException(401, str(exc), headers=_BEARER) from exc


async def current_user(
    token: Annotated[str | None, Depends(oauth2_scheme)],
    auth: Annotated[Authenticator, Depends(get_authenticator)],
) -> User:
    """The user the bearer token names; 401 with a Chinese reason otherwise."""
    return bearer_user(auth, token)


CurrentUser = Annotated[User, Depends(current_user)]


def require_roles(*roles: Role) -> Callable[[User], Coroutine[Any, Any, User]]:
    """A dependency that admits only ``roles`` (403 otherwise) and returns the user."""
    allowed = "、".join(ROLES[r] for r in roles)

    async def _check(user: CurrentUser) -> User:
        if user.role not in roles:
            raise HTTPException(403, f"无权访问：此操作仅限{allowed}")
        return user

    return _check
