"""Idempotent bulk writes that wait out an unavailable cluster instead of losing events."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from jiancha.metrics import ES_BULK_RETRIES

log = logging.getLogger(__name__)

T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]


async def retry_while_unavailable(
    attempt: Callable[[], Awaitable[T]],
    what: str,
    *,
    sleep: Sleep = asyncio.sleep,
    max_backoff_s: float = 30.0,
    on_retry: Callable[[], None] | None = None,
) -> T:
    """``attempt()`` again and again while Elasticsearch is unreachable or answers 5xx (waiting
    0.5 s, doubling up to ``max_backoff_s``); its result once it answers. A 4xx is raised: the
    request itself is refused and retrying won't help."""
    from elasticsearch import ApiError, ConnectionError, ConnectionTimeout

    backoff = 0.5
    while True:
        try:
            return await attempt()
        except (ConnectionError, ConnectionTimeout) as exc:
            reason = f"Elasticsearch 不可用（{exc.__class__.__name__}）"
        except ApiError as exc:
            if exc.meta.status < 500:
                raise
            reason = f"Elasticsearch 返回 {exc.meta.status}"
        if on_retry is not None:
            on_retry()
        log.warning("%s；%.1f 秒后重试%s", reason, backoff, what)
        await sleep(backoff)
        backoff = min(backoff * 2, max_backoff_s)


@dataclass(frozen=True)
class Upsert:
    """A partial document merged into ``_id`` (created if absent): replays change nothing."""

    index: str
    id: str
    doc: dict[str, Any]
    on_create: dict[str, Any] | None = None  # fields set only when the document is new

    def bulk_action(self) -> dict[str, Any]:
        action: dict[str, Any] = {
            "_op_type": "update",
            "_index": self.index,
            "_id": self.id,
            "doc": self.doc,
            # A recording and its transcript update the same clip from two partitions.
            "retry_on_conflict": 5,
        }
        if self.on_create is None:
            action["doc_as_upsert"] = True
        else:
            action["upsert"] = {**self.doc, **self.on_create}
        return action


class BulkWriter:
    """Writes upserts in bulk; retries the whole batch while the cluster is unreachable."""

    def __init__(
        self,
        es: Any,
        sleep: Sleep = asyncio.sleep,
        max_backoff_s: float = 30.0,
    ) -> None:
        self.es = es
        self.sleep = sleep
        self.max_backoff_s = max_backoff_s
        self.unavailable_since: float | None = None

    async def write(self, upserts: Sequence[Upsert]) -> list[tuple[Upsert, str]]:
        """Write all upserts; return those Elasticsearch rejected, each with the reason."""
        from elasticsearch.helpers import async_bulk

        if not upserts:
            return []

        def retrying() -> None:
            ES_BULK_RETRIES.inc()  # issue 8: exposed on the worker's /metrics
            if self.unavailable_since is None:
                self.unavailable_since = asyncio.get_running_loop().time()

        _, errors = await retry_while_unavailable(
            lambda: async_bulk(
                self.es,
                [u.bulk_action() for u in upserts],
                raise_on_error=False,
                max_retries=5,  # 429 (queue full) is retried per item by the helper
                refresh=False,
            ),
            f" {len(upserts)} 条写入",
            sleep=self.sleep,
            max_backoff_s=self.max_backoff_s,
            on_retry=retrying,
        )
        self.unavailable_since = None
        # Errors name the concrete index behind the alias, so match on _id alone.
        by_id = {u.id: u for u in upserts}
        failed = []
        assert isinstance(errors, list)  # raise_on_error=False returns the failed items
        for item in errors:
            (result,) = item.values()
            upsert = by_id[result["_id"]]
            error = result.get("error", {})
            detail = error.get("reason") if isinstance(error, dict) else error
            failed.append((upsert, f"Elasticsearch 拒绝写入：{detail}"))
        return failed
