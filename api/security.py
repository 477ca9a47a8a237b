"""Who is calling: sign-in (OAuth2 password flow), access tokens, roles.

Routes declare what they need with ``CurrentUser`` (any signed-in user) or
``Depends(require_roles("reviewer", "supervisor"))``. A token carries the username, role, squad
and the account's version and is valid for ``JIANCHA_AUTH_TOKEN_MINUTES``. Every request reads
the account again (one realtime ``get`` on the users index, about a millisecond) and refuses the
token with 401 once the account is disabled, gone, or changed since sign-in (role, squad,
password): a revocation takes effect on the next request, not at the token's expiry. The role
and squad the routes see are the account's current ones.
"""

from __future__ import annotations

import hmac
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.security import OAuth2PasswordBearer
from pydantic import BaseModel, Field

from jiancha.auth.ratelimit import LoginLimiter
from jiancha.auth.roles import ROLES, Role
from jiancha.auth.secret import signing_key
from jiancha.auth.tokens import Claims, InvalidToken, account_version, issue_token, read_token
from jiancha.clock import Clock, utc_now
from jiancha.schemas.users import UserSaved
from jiancha.settings import Settings

log = logging.getLogger(__name__)

_BEARER = {"WWW-Authenticate": "Bearer"}

#: The account named by a username as it is now (None if there is none); raises if unreadable.
AccountLookup = Callable[[str], Awaitable[UserSaved | None]]

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

    @classmethod
    def of(cls, account: UserSaved) -> User:
        """The user an account signs in as."""
        return cls(
            username=account.username,
            role=account.role,
            squad_id=account.squad_id,
            display_name=account.display_name,
        )


class Authenticator:
    """Issues and checks tokens and keeps the login rate limit; one per API process."""

    def __init__(
        self,
        key: bytes,
        ttl: timedelta,
        limiter: LoginLimiter,
        clock: Clock = utc_now,
        accounts: AccountLookup | None = None,
        session: timedelta = timedelta(hours=12),
    ) -> None:
        self._key = key
        self.ttl = ttl
        self.session = session
        self.limiter = limiter
        self.clock = clock
        self._accounts = accounts

    @classmethod
    def from_settings(
        cls, settings: Settings, clock: Clock = utc_now, accounts: AccountLookup | None = None
    ) -> Authenticator:
        limiter = LoginLimiter(
            settings.login_max_failures,
            settings.login_window_s,
            time.monotonic,
            account_max_failures=settings.login_account_max_failures,
            global_max_failures=settings.login_global_max_failures,
        )
        ttl = timedelta(minutes=settings.auth_token_minutes)
        session = timedelta(hours=settings.auth_session_hours)
        return cls(signing_key(settings), ttl, limiter, clock, accounts, session)

    def version_of(self, account: UserSaved) -> str:
        """The account's version: changes whenever it is saved (role, squad, password, disabled)."""
        return account_version(
            self._key,
            account.username,
            account.role,
            account.squad_id or "",
            "disabled" if account.disabled else "active",
            account.password_hash,
            account.saved_at.isoformat(),
        )

    def issue(self, account: UserSaved) -> str:
        """A token for ``account`` as it is now."""
        claims = Claims(
            account.username,
            account.role,
            account.squad_id,
            account.display_name,
            self.version_of(account),
        )
        now = self.clock()
        return issue_token(claims, self._key, now, self.ttl, now + self.session)

    def renew(self, claims: Claims, account: UserSaved | None) -> str:
        """A fresh token for a session still valid and in use (sliding expiry).

        The account is checked as on every request (a disabled or changed account renews
        nothing), and the sign-in time is kept: no renewal reaches past ``session`` after the
        password was given, so a stolen token lives at most that long.
        """
        user = self.admit(claims, account)
        assert account is not None
        now = self.clock()
        started = claims.signed_in_at
        if started is None:
            raise InvalidToken("登录凭证无法续期，请重新登录")
        cap = datetime.fromtimestamp(started, UTC) + self.session
        if now >= cap - timedelta(seconds=60):
            raise InvalidToken(f"已连续登录 {self.session_hours} 小时，请重新登录")
        renewed = Claims(
            user.username,
            user.role,
            user.squad_id,
            user.display_name,
            self.version_of(account),
            started,
        )
        return issue_token(renewed, self._key, now, self.ttl, cap)

    @property
    def session_hours(self) -> int:
        return int(self.session.total_seconds() // 3600)

    def read(self, token: str) -> Claims:
        """The claims of a token whose signature and lifetime hold (the account is not checked)."""
        claims = read_token(token, self._key, self.clock())
        if claims.role not in ROLES:
            raise InvalidToken("登录凭证无效，请重新登录")
        return claims

    def admit(self, claims: Claims, account: UserSaved | None) -> User:
        """The user, if the account still exists, is enabled and is the version signed in."""
        if account is None or account.disabled:
            raise InvalidToken("账户已停用或不存在，登录凭证失效，请联系管理员")
        version = claims.account_version
        if version is None or not hmac.compare_digest(version, self.version_of(account)):
            raise InvalidToken("账户信息已变更（角色、中队或密码），请重新登录")
        return User.of(account)

    async def authenticate(self, token: str) -> User:
        """The user a token speaks for, checked against the account as it is now."""
        claims = self.read(token)
        if self._accounts is None:  # no account store: nothing can be checked, nothing admitted
            raise InvalidToken("登录凭证无法核实，请重新登录")
        return self.admit(claims, await self._accounts(claims.username))


def get_authenticator(request: Request) -> Authenticator:
    return request.app.state.auth  # type: ignore[no-any-return]


def client_ip(request: Request) -> str:
    """Where a request comes from: the socket peer.

    The server replaces the peer by the address in ``X-Forwarded-For`` only when the peer is
    one of ``JIANCHA_TRUSTED_PROXIES`` (``jiancha api``; none by default), so a client cannot
    name its own address here.
    """
    return request.client.host if request.client else "unknown"


def bearer_claims(auth: Authenticator, token: str | None) -> Claims:
    """The claims of a signed, unexpired ``token``; 401 with a Chinese reason otherwise.

    Enough to refuse an anonymous upload before its body is read (``api/limits.py``); the
    account itself is checked by :func:`current_user`.
    """
    if not token:
        raise HTTPException(401, "未登录：请先通过 /auth/token 获取访问令牌", headers=_BEARER)
    try:
        return auth.read(token)
    except InvalidToken as exc:
        raise HTTPException(401, str(exc), headers=_BEARER) from exc


async def current_user(
    request: Request,
    token: Annotated[str | None, Depends(oauth2_scheme)],
    auth: Annotated[Authenticator, Depends(get_authenticator)],
) -> User:
    """The user the bearer token names, as the account is now; 401 with a Chinese reason otherwise.

    The user is also kept on ``request.state.user``, so a refusal later in the request is audited
    with who was refused.
    """
    bearer_claims(auth, token)
    assert token is not None
    try:
        user = await auth.authenticate(token)
    except InvalidToken as exc:
        raise HTTPException(401, str(exc), headers=_BEARER) from exc
    except Exception as exc:  # the account store did not answer: admit no one
        log.error("account lookup failed: %r", exc)
        raise HTTPException(503, "账户状态暂时无法核实，请稍后重试") from exc
    request.state.user = user
    return user


CurrentUser = Annotated[User, Depends(current_user)]


def require_roles(*roles: Role) -> Callable[[User], Coroutine[Any, Any, User]]:
    """A dependency that admits only ``roles`` (403 otherwise) and returns the user."""
    allowed = "、".join(ROLES[r] for r in roles)

    async def _check(user: CurrentUser) -> User:
        if user.role not in roles:
            raise HTTPException(403, f"无权访问：此操作仅限{allowed}")
        return user

    return _check
