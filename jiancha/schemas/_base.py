"""Shared base of the v1 event contracts."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Event(BaseModel):
    """A v1 event: unknown (newer, optional) fields are kept, never rejected."""

    # Contracts grow by optional fields only, so a consumer must accept and carry
    # fields it does not know yet.
    model_config = ConfigDict(extra="allow", frozen=True, str_strip_whitespace=True)

    def to_json_bytes(self) -> bytes:
        """UTF-8 JSON of the event as it travels on Kafka."""
        return self.model_dump_json(exclude_none=False).encode("utf-8")
