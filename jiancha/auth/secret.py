"""The token-signing key: ``JIANCHA_AUTH_SECRET``, else a random key kept under the data dir."""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

from jiancha.settings import Settings

MIN_SECRET_BYTES = 32


def signing_key(settings: Settings) -> bytes:
    """The HS256 key; a generated one survives restarts, so issued tokens stay valid."""
    if settings.auth_secret is not None:
        key = settings.auth_secret.get_secret_value().encode("utf-8")
        if len(key) < MIN_SECRET_BYTES:
            raise ValueError(f"JIANCHA_AUTH_SECRET 至少 {MIN_SECRET_BYTES} 字节")
        return key
    return _stored_key(settings.data_dir / "auth-secret")


def _stored_key(path: Path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: of two processes starting at once, one writes the key and both read it.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _ in range(50):  # the process that created it may still be writing it
            key = path.read_bytes().strip()
            if len(key) >= MIN_SECRET_BYTES:
                return key
            time.sleep(0.01)
        raise ValueError(f"签名密钥文件无效（过短）：{path}") from None
    key = secrets.token_hex(32).encode("ascii")
    with os.fdopen(fd, "wb") as out:
        out.write(key)
    return key
