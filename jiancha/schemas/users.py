"""Contract of topic ``users`` (compacted, keyed by username): the latest state of each account.

The topic is the system of record; the ``users`` index is its projection, read at sign-in.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from jiancha.auth.roles import Role
from jiancha.schemas._base import Event


class UserSaved(Event):
    """An account was created or changed (the whole account, so compaction keeps it whole)."""

    username: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._-]+$")
    role: Role
    squad_id: str | None = None
    display_name: str = Field(min_length=1, max_length=64)
    password_hash: str = Field(min_length=1)
    disabled: bool = False
    saved_at: datetime
    saved_by: str

    @property
    def key(self) -> str:
        """Partition and compaction key: the username."""
        return self.username
