"""Contract of topic ``document-numbers`` (one partition, keyed by year): 文号 requests.

The topic is the allocator: a 文号's number is the rank of its order's first request among the
year's distinct orders in the log's order, so two API processes asking at once still get two
numbers, and asking again for the same order gives the same one (``streams/review/numbers.py``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from jiancha.schemas._base import Event


class DocumentNumberRequested(Event):
    """A 整改通知书 asked for its 文号 in ``year`` (the first request of an order fixes it)."""

    type: Literal["document_number_requested"] = "document_number_requested"
    event_id: str = Field(min_length=1)
    order_id: str = Field(min_length=1)
    year: int = Field(ge=2000, le=9999)
    requested_by: str
    at: datetime

    @property
    def key(self) -> str:
        """Partition key: the year (the topic has one partition, so the key is informative)."""
        return str(self.year)
