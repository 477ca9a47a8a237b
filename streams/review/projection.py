"""Read a projected 整改通知书 (``rectifications`` index) with its concurrency token."""

from __future__ import annotations

from typing import Any

from streams.review.orders import Order


async def read_order(es: Any, alias: str, order_id: str) -> tuple[Order | None, dict[str, int]]:
    """The order (None if absent) and its ``if_seq_no``/``if_primary_term`` (realtime GET)."""
    from elasticsearch import NotFoundError

    try:
        hit = await es.get(index=alias, id=order_id)
    except NotFoundError:
        return None, {}
    token = {"if_seq_no": hit["_seq_no"], "if_primary_term": hit["_primary_term"]}
    return Order.model_validate(hit["_source"]), token
