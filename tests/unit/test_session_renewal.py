"""Sliding sessions (issue 16, problem 3): a token in use is renewed, never past the absolute cap
counted from the password sign-in, and never for an account that changed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from api.security import Authenticator
from jiancha.auth.ratelimit import LoginLimiter
from jiancha.auth.tokens import InvalidToken
from streams.accounts.users import new_user

KEY = b"k" * 32
SIGN_IN = datetime(2026, 4, 1, 8, 0, tzinfo=UTC)
ACCOUNT = new_user("wang.wu", "reviewer", "long enough password")


class Clock:
    def __init__(self) -> None:
        self.now = SIGN_IN

    def __call__(self) -> datetime:
        return self.now


def _auth(clock: Clock) -> Authenticator:
    limiter = LoginLimiter(5, 300, lambda: 0.0)
    return Authenticator(KEY, timedelta(minutes=30), limiter, clock, session=timedelta(hours=12))


def test_a_token_in_use_is_renewed_and_keeps_its_sign_in_time() -> None:
    clock = Clock()
    auth = _auth(clock)
    token = auth.issue(ACCOUNT)
    clock.now += timedelta(minutes=25)
    renewed = auth.renew(auth.read(token), ACCOUNT)
    clock.now += timedelta(minutes=29)  # 54 min after sign-in: the first token has expired
    with pytest.raises(InvalidToken, match="过期"):
        auth.read(token)
    claims = auth.read(renewed)
    assert claims.username == "wang.wu"
    assert claims.signed_in_at == int(SIGN_IN.timestamp())


def test_renewals_stop_at_the_absolute_cap() -> None:
    clock = Clock()
    auth = _auth(clock)
    token = auth.issue(ACCOUNT)
    for _ in range(24):  # renewed every 29 minutes, for 11 h 36 min
        clock.now += timedelta(minutes=29)
        token = auth.renew(auth.read(token), ACCOUNT)
    clock.now = SIGN_IN + timedelta(hours=12) - timedelta(seconds=1)
    auth.read(token)  # the last renewal lives up to the cap, not a minute past it
    clock.now = SIGN_IN + timedelta(hours=12)
    with pytest.raises(InvalidToken):
        auth.read(token)
    clock.now = SIGN_IN + timedelta(hours=11, minutes=59, seconds=30)
    with pytest.raises(InvalidToken, match="已连续登录 12 小时"):
        auth.renew(auth.read(token), ACCOUNT)


def test_a_changed_account_renews_nothing() -> None:
    clock = Clock()
    auth = _auth(clock)
    token = auth.issue(ACCOUNT)
    changed = ACCOUNT.model_copy(update={"role": "supervisor"})
    with pytest.raises(InvalidToken, match="账户信息已变更"):
        auth.renew(auth.read(token), changed)
    with pytest.raises(InvalidToken, match="已停用"):
        auth.renew(auth.read(token), None)
