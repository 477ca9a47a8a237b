"""Uploads copied to disk: hashed and size-limited while they are read."""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

_CHUNK = 1 << 20


class TooLarge(Exception):
    """The source ran past ``max_bytes``; nothing of it is left on disk."""


@dataclass(frozen=True)
class Spooled:
    path: Path  # a ``.part`` file in the target directory: the caller moves or deletes it
    sha256: str
    size: int


def spool(source: BinaryIO, directory: Path, max_bytes: int) -> Spooled:
    """Copy ``source`` into a temporary file in ``directory`` (same filesystem as the store, so
    it can be linked or moved into place), hashing it; raise TooLarge past ``max_bytes``."""
    directory.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    with tempfile.NamedTemporaryFile(dir=directory, suffix=".part", delete=False) as tmp:
        part = Path(tmp.name)
        try:
            while chunk := source.read(_CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise TooLarge
                digest.update(chunk)
                tmp.write(chunk)
        except BaseException:
            tmp.close()
            part.unlink(missing_ok=True)
            raise
    return Spooled(part, digest.hexdigest(), size)
