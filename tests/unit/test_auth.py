"""Sign-in helpers without services: password hashes, tokens, the login rate limit, the key file."""

from __future__ import annotations

import base64
import json
import stat
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import jwt
import pytest

from jiancha.auth.passwords import WeakPassword, hash_password, verify_password
from jiancha.auth.ratelimit import LoginLimiter
from jiancha.auth.secret import signing_key
from jiancha.auth.tokens import Claims, InvalidToken, issue_token, read_token
from jiancha.settings import Settings
from streams.accounts.users import new_user

KEY = b"k" * 32
NOW = datetime(2026, 4, 1, 8, 0, tzinfo=UTC)
CLAIMS = Claims("li.si", "squad_leader", "mudan-1", "李四")


def test_password_hash_is_salted_argon2id_and_verifies():
    first, second = hash_password("correct horse"), hash_password("correct horse")
    assert first.startswith("$argon2id$") and first != second  # salted
    assert verify_password(first, "correct horse")
    assert not verify_password(first, "correct horsE")
    assert not verify_password("not a hash", "correct horse")


def test_short_passwords_are_refused_in_chinese():
    with pytest.raises(WeakPassword, match="密码至少 8 位"):
        hash_password("short")


def test_squad_leaders_need_a_squad_and_only_they_have_one():
    with pytest.raises(ValueError, match="中队长必须指定中队"):
        new_user("a", "squad_leader", "long enough")
    with pytest.raises(ValueError, match="只有中队长"):
        new_user("a", "reviewer", "long enough", squad_id="mudan-1")
    assert new_user("a", "squad_leader", "long enough", squad_id="mudan-1").squad_id == "mudan-1"


def test_token_round_trip():
    token = issue_token(CLAIMS, KEY, NOW, timedelta(minutes=30))
    signed_in = replace(CLAIMS, signed_in_at=int(NOW.timestamp()))  # auth_time: the sign-in
    assert read_token(token, KEY, NOW + timedelta(minutes=29)) == signed_in


def test_expired_token_is_refused():
    token = issue_token(CLAIMS, KEY, NOW, timedelta(minutes=30))
    with pytest.raises(InvalidToken, match="登录已过期"):
        read_token(token, KEY, NOW + timedelta(minutes=30))


def test_issue_is_judged_by_the_injected_clock_not_the_wall_clock():
    later = datetime.now(UTC) + timedelta(days=8)  # an app handed a clock eight days on
    token = issue_token(CLAIMS, KEY, later, timedelta(minutes=30))
    assert read_token(token, KEY, later) == replace(CLAIMS, signed_in_at=int(later.timestamp()))
    with pytest.raises(InvalidToken, match="登录凭证无效"):  # issued after the reader's now
        read_token(token, KEY, later - timedelta(minutes=1))


def test_token_signed_with_another_key_is_refused():
    token = issue_token(CLAIMS, b"x" * 32, NOW, timedelta(minutes=30))
    with pytest.raises(InvalidToken, match="签名无效"):
        read_token(token, KEY, NOW)


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def test_a_raised_role_breaks_the_signature():
    header, payload, signature = issue_token(CLAIMS, KEY, NOW, timedelta(minutes=30)).split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    forged = f"{header}.{_b64({**claims, 'role': 'admin'})}.{signature}"
    with pytest.raises(InvalidToken, match="签名无效"):
        read_token(forged, KEY, NOW)


def test_unsigned_alg_none_token_is_refused():
    payload = {"iss": "jiancha", "sub": "x", "role": "admin", "iat": 0, "exp": 2**40}
    unsigned = jwt.encode(payload, None, algorithm="none")
    with pytest.raises(InvalidToken):
        read_token(unsigned, KEY, NOW)
    with pytest.raises(InvalidToken):
        read_token("garbage", KEY, NOW)


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_rate_limit_after_five_failures_per_username_and_ip():
    clock = Clock()
    limiter = LoginLimiter(5, 300, clock)
    for _ in range(4):
        limiter.failed("zhang", "10.0.0.1")
        clock.t += 10
    assert limiter.retry_after("zhang", "10.0.0.1") == 0
    limiter.failed("zhang", "10.0.0.1")  # the fifth, at t=1040
    assert limiter.retry_after("zhang", "10.0.0.1") == 260  # the first leaves the window at 1300
    assert limiter.retry_after("zhang", "10.0.0.2") == 0  # another machine is not locked out
    assert limiter.retry_after("wang", "10.0.0.1") == 0
    clock.t = 1300
    assert limiter.retry_after("zhang", "10.0.0.1") == 0  # the oldest failure expired


def test_success_clears_the_failures():
    limiter = LoginLimiter(2, 300, Clock())
    limiter.failed("zhang", "ip")
    limiter.succeeded("zhang", "ip")
    limiter.failed("zhang", "ip")
    assert limiter.retry_after("zhang", "ip") == 0


def test_per_account_limit_holds_whatever_the_address():
    clock = Clock()
    limiter = LoginLimiter(5, 300, clock, account_max_failures=8)
    for i in range(7):
        limiter.failed("zhang", f"10.0.0.{i}")
    assert limiter.retry_after("zhang", "10.0.0.99") == 0
    limiter.failed("zhang", "10.0.1.1")  # the eighth, each from another address
    assert limiter.retry_after("zhang", "10.0.0.99") == 300
    assert limiter.retry_after("wang", "10.0.0.1") == 0  # other accounts are not affected
    limiter.succeeded("zhang", "10.0.0.99")  # e.g. after the window, the right password
    assert limiter.retry_after("zhang", "10.0.2.2") == 0


def test_global_limit_stops_spraying_across_accounts():
    clock = Clock()
    limiter = LoginLimiter(5, 300, clock, account_max_failures=8, global_max_failures=20)
    for i in range(19):
        limiter.failed(f"user{i}", f"10.0.0.{i}")
        clock.t += 1
    assert limiter.retry_after("admin", "10.9.9.9") == 0
    limiter.failed("user19", "10.0.0.19")
    assert limiter.retry_after("admin", "10.9.9.9") == 300 - 19  # the first leaves at 1300
    limiter.succeeded("user19", "10.0.0.19")  # a success does not reset a rate
    assert limiter.retry_after("admin", "10.9.9.9") > 0
    clock.t = 1300
    assert limiter.retry_after("admin", "10.9.9.9") == 0


def test_expired_counters_are_swept():
    clock = Clock()
    limiter = LoginLimiter(5, 300, clock)
    for i in range(2000):
        limiter.failed(f"user{i}", "ip")
    clock.t += 301
    limiter.failed("late", "ip")
    assert len(limiter._failures) == 1


def test_generated_signing_key_is_private_and_survives_restarts(tmp_path):
    settings = Settings(data_dir=tmp_path / "state")
    key = signing_key(settings)
    path = tmp_path / "state" / "auth-secret"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(key) >= 32 and signing_key(settings) == key


def test_configured_secret_wins_and_must_be_long(tmp_path):
    assert signing_key(Settings(data_dir=tmp_path, auth_secret="s" * 40)) == b"s" * 40
    with pytest.raises(ValueError, match="至少 32 字节"):
        signing_key(Settings(data_dir=tmp_path, auth_secret="short"))


def test_roles_are_defined_once():
    from typing import get_args

    from jiancha.auth.roles import ROLE_NAMES, ROLES
    from jiancha.cli import main
    from jiancha.schemas.rectification_events import Actor

    assert tuple(ROLES) == ROLE_NAMES  # every role has its Chinese name
    add = main.commands["user"].commands["add"]  # type: ignore[attr-defined]
    role = next(p for p in add.params if p.name == "role")
    assert tuple(role.type.choices) == ROLE_NAMES
    actor_roles = get_args(Actor.model_fields["role"].annotation)
    assert set(actor_roles) == {*ROLE_NAMES, "system"}
