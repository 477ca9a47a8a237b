"""Password hashes: argon2id (RFC 9106) with the library's default cost."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_HASHER = PasswordHasher()

MIN_LENGTH = 8


class WeakPassword(ValueError):
    """The password is too short to be accepted."""


def hash_password(password: str) -> str:
    """The argon2id hash of ``password`` (salted; the encoded string carries its parameters)."""
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"密码至少 {MIN_LENGTH} 位")
    return _HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Whether ``password`` matches ``password_hash``; never raises on a wrong password."""
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def dummy_verify(password: str) -> None:
    """Spend the time of one verification, so an unknown username is not told apart by timing."""
    verify_password(_DUMMY_HASH, password)


_DUMMY_HASH = _HASHER.hash("jiancha-no-such-user")
