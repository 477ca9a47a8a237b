"""文号 of 《整改通知书》: allocated through Kafka so that no two orders ever share one.

The format is the detachment's: 机关代字〔年份〕第NNN号, e.g. 菏交监整〔2026〕第012号.

Allocation (why Kafka, not a counter in Elasticsearch): every request is an event on
``document-numbers`` keyed by the year, so all of a year's requests lie on one partition in one
order that every reader sees alike. An order's number is the rank of its *first* request among
the distinct orders of that year, read from the partition's start up to the request's own
offset. Two API processes asking at once get two offsets, hence two ranks; asking again for the
same order finds its first request and gives the same number; a replay or a restart changes
nothing. The rule (:func:`rank_in_log`) is pure; :func:`allocate` does the Kafka I/O.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Awaitable, Callable, Iterable
from datetime import datetime
from typing import Any

from jiancha import topics
from jiancha.schemas import InvalidEvent, decode
from jiancha.schemas.document_numbers import DocumentNumberRequested
from jiancha.settings import Settings

#: How long reading the year's requests may take before the request fails (503).
_READ_TIMEOUT_S = 15.0
#: Sends one event and returns where Kafka put it: (partition, offset).
SendLocated = Callable[[str, str | None, bytes], Awaitable[tuple[int, int]]]


def document_number(prefix: str, year: int, number: int) -> str:
    """``菏交监整〔2026〕第012号``: three digits at least, more when a year needs them."""
    return f"{prefix}〔{year}〕第{number:03d}号"


def rank_in_log(requests: Iterable[tuple[str, int]], order_id: str, year: int) -> int | None:
    """The number of ``order_id`` in ``year``: its first request's rank among the year's orders.

    ``requests`` are (order_id, year) in the partition's order; None if the order is not there.
    """
    seen: dict[str, int] = {}
    for oid, y in requests:
        if y != year or oid in seen:
            continue
        seen[oid] = len(seen) + 1
        if oid == order_id:
            return seen[oid]
    return None


async def allocate(
    send: SendLocated,
    read: Callable[[int, int], Awaitable[list[tuple[str, int]]]],
    order_id: str,
    year: int,
    by: str,
    now: datetime,
) -> int:
    """Request a number for ``order_id`` and read the partition up to the request: its number.

    ``read(partition, offset)`` returns the (order_id, year) of every request on ``partition``
    from the start through ``offset``.
    """
    event = DocumentNumberRequested(
        event_id=uuid.uuid4().hex, order_id=order_id, year=year, requested_by=by, at=now
    )
    partition, offset = await send(topics.DOCUMENT_NUMBERS, event.key, event.to_json_bytes())
    number = rank_in_log(await read(partition, offset), order_id, year)
    if number is None:  # our own request is in what we read: only a broken log gets here
        raise RuntimeError("文号分配失败：未在 document-numbers 中读到本次申请")
    return number


def read_requests(settings: Settings, partition: int, through: int) -> list[tuple[str, int]]:
    """(order_id, year) of each request on ``partition`` from offset 0 through ``through``
    (blocking; run it in a thread). No consumer group: the read commits nothing."""
    from kafka import KafkaConsumer, TopicPartition

    from jiancha.kafka import client_security
    from jiancha.topics import topic_name

    tp = TopicPartition(topic_name(settings.topic_prefix, topics.DOCUMENT_NUMBERS), partition)
    consumer = KafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap,
        enable_auto_commit=False,
        client_id="jiancha-document-numbers",
        **client_security(settings),
    )
    out: list[tuple[str, int]] = []
    try:
        consumer.assign([tp])
        consumer.seek_to_beginning(tp)
        position = -1
        give_up = time.monotonic() + _READ_TIMEOUT_S
        while position < through:
            if time.monotonic() > give_up:
                raise RuntimeError("文号分配超时：document-numbers 读取未完成")
            batch: Any = consumer.poll(timeout_ms=500)
            records = batch.get(tp, [])
            if not records and consumer.position(tp) > through:
                break
            for record in records:
                position = record.offset
                if position > through:
                    break
                try:
                    request = decode(DocumentNumberRequested, record.value)
                except InvalidEvent:
                    continue  # not a request: takes no number
                out.append((request.order_id, request.year))
    finally:
        consumer.close()
    return out
