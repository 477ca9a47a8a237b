"""Access tokens: HS256-signed JWTs that name the user, role, squad and account version.

The account version (claim ``ver``) is a keyed fingerprint of the account as it was at sign-in
(:func:`account_version`); the API compares it with the account as it is now on every request,
so disabling an account or changing its role, squad or password revokes its tokens at once.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

import jwt

ISSUER = "jiancha"
ALGORITHM = "HS256"


class InvalidToken(ValueError):
    """The token is malformed, tampered with, expired or not ours; ``str()`` is Chinese."""


@dataclass(frozen=True)
class Claims:
    """Who a valid token speaks for."""

    username: str
    role: str
    squad_id: str | None
    display_name: str
    account_version: str | None = None  # None: a token from before versions (refused by the API)
    signed_in_at: int | None = None  # epoch seconds of the password sign-in (``auth_time``)


def account_version(key: bytes, *fields: str) -> str:
    """A fingerprint of an account's fields, keyed so the token reveals nothing of them."""
    mac = hmac.new(key, b"jiancha-account-version", hashlib.sha256)
    for field in fields:
        data = field.encode()
        mac.update(len(data).to_bytes(4, "big") + data)  # length-prefixed: no ambiguous joins
    return mac.hexdigest()[:32]


def issue_token(
    claims: Claims, key: bytes, now: datetime, ttl: timedelta, cap: datetime | None = None
) -> str:
    """A signed token for ``claims``, valid from ``now`` for ``ttl`` but never past ``cap``.

    ``auth_time`` is when the password was given: a renewed token keeps it, so a session's
    absolute end (``cap``) cannot be pushed back by renewing.
    """
    expires = now + ttl if cap is None else min(now + ttl, cap)
    payload = {
        "iss": ISSUER,
        "sub": claims.username,
        "role": claims.role,
        "squad": claims.squad_id,
        "name": claims.display_name,
        "ver": claims.account_version,
        "iat": int(now.timestamp()),
        "exp": int(expires.timestamp()),
        "auth_time": claims.signed_in_at or int(now.timestamp()),
    }
    return jwt.encode(payload, key, algorithm=ALGORITHM)


def read_token(token: str, key: bytes, now: datetime) -> Claims:
    """The claims of ``token`` if its signature holds and it has not expired at ``now``."""
    try:
        payload = jwt.decode(
            token,
            key,
            algorithms=[ALGORITHM],  # never "none", never a key-confusion algorithm
            issuer=ISSUER,
            options={
                "require": ["exp", "iat", "sub", "iss"],
                "verify_exp": False,
                "verify_iat": False,
            },
        )
    except jwt.InvalidSignatureError as exc:
        raise InvalidToken("登录凭证签名无效，请重新登录") from exc
    except jwt.PyJWTError as exc:
        raise InvalidToken("登录凭证无效，请重新登录") from exc
    # Issue and expiry are checked against the injected clock, not the library's wall clock.
    if not isinstance(payload.get("iat"), int) or payload["iat"] > now.timestamp():
        raise InvalidToken("登录凭证无效，请重新登录")
    if not isinstance(payload.get("exp"), int) or now.timestamp() >= payload["exp"]:
        raise InvalidToken("登录已过期，请重新登录")
    role, sub = payload.get("role"), payload.get("sub")
    if not isinstance(role, str) or not isinstance(sub, str):
        raise InvalidToken("登录凭证无效，请重新登录")
    squad, version = payload.get("squad"), payload.get("ver")
    auth_time = payload.get("auth_time")
    return Claims(
        username=sub,
        role=role,
        squad_id=squad if isinstance(squad, str) else None,
        display_name=str(payload.get("name") or sub),
        account_version=version if isinstance(version, str) else None,
        signed_in_at=auth_time if isinstance(auth_time, int) else None,
    )
