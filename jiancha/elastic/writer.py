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


#: read-compare-write rounds for set-once fields before a document is given up as contended
SET_ONCE_ROUNDS = 8


@dataclass(frozen=True)
class Upsert:
    """A partial document merged into ``_id`` (created if absent): replays change nothing."""

    index: str
    id: str
    doc: dict[str, Any]
    on_create: dict[str, Any] | None = None  # fields set only when the document is new
    # Fields the first write that carries them sets and no later write changes (evidence such as
    # a recording's hash): a later upsert with other values for them is refused whole.
    set_once: dict[str, Any] | None = None

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


class Refused(tuple[Upsert, str]):
    """An upsert that was not written, and why (Chinese). Unpacks as ``(upsert, reason)``.

    ``kept`` is set when a set-once field conflicts: the stored document, left as it was.
    """

    kept: dict[str, Any] | None

    def __new__(cls, upsert: Upsert, reason: str, kept: dict[str, Any] | None = None) -> Refused:
        refused = super().__new__(cls, (upsert, reason))
        refused.kept = kept
        return refused

    @property
    def upsert(self) -> Upsert:
        return self[0]

    @property
    def reason(self) -> str:
        return self[1]


def set_once_conflicts(upsert: Upsert, stored: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """The set-once fields ``stored`` already holds with another value: field -> (kept, new)."""
    return {
        field: (stored[field], value)
        for field, value in (upsert.set_once or {}).items()
        if stored.get(field) is not None and stored[field] != value
    }


def set_once_action(upsert: Upsert, hit: dict[str, Any] | None) -> dict[str, Any] | Refused:
    """The bulk action that writes ``upsert`` over ``hit`` (an ``mget`` doc), or its refusal.

    The action is conditional: ``create`` when the document is absent, an update pinned to the
    version that was read otherwise, so a concurrent writer makes it fail (409) and be re-read
    instead of both passing the comparison.
    """
    once = upsert.set_once or {}
    if hit is None or not hit.get("found"):
        return {
            "_op_type": "create",
            "_index": upsert.index,
            "_id": upsert.id,
            "_source": {**upsert.doc, **(upsert.on_create or {}), **once},
        }
    stored = hit.get("_source") or {}
    if conflicts := set_once_conflicts(upsert, stored):
        detail = "；".join(
            f"{f} 已登记为 {kept}，本次为 {new}" for f, (kept, new) in conflicts.items()
        )
        return Refused(upsert, f"证据冲突：已登记的内容不可更改（{detail}）", kept=stored)
    return {
        "_op_type": "update",
        "_index": upsert.index,
        "_id": upsert.id,
        "doc": {**upsert.doc, **once},  # unchanged fields: Elasticsearch reports a noop
        "if_seq_no": hit["_seq_no"],
        "if_primary_term": hit["_primary_term"],
    }


class BulkWriter:
    """Writes upserts in bulk; retries the whole batch while the cluster is unreachable."""

    def __init__(
        self,
        es: Any,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        max_backoff_s: float = 30.0,
    ) -> None:
        self.es = es
        self.sleep = sleep
        self.max_backoff_s = max_backoff_s
        self.unavailable_since: float | None = None

    async def write(self, upserts: Sequence[Upsert]) -> list[Refused]:
        """Write all upserts; return those that were not written, each with the reason."""
        plain = [u for u in upserts if u.set_once is None]
        once = [u for u in upserts if u.set_once is not None]
        refused: list[Refused] = []
        if plain:
            by_id = {u.id: u for u in plain}
            for result in await self._bulk([u.bulk_action() for u in plain]):
                refused.append(Refused(by_id[result["_id"]], _rejection(result)))
        if once:
            refused += await self._write_once(once)
        return refused

    async def _write_once(self, upserts: Sequence[Upsert]) -> list[Refused]:
        """Read, compare and conditionally write upserts with set-once fields, in order."""
        pending, refused = list(upserts), list[Refused]()
        for _ in range(SET_ONCE_ROUNDS):
            if not pending:
                return refused
            # One upsert per document per round: a later one for the same id is compared with
            # what the earlier one wrote.
            this_round: dict[str, Upsert] = {}
            later: list[Upsert] = []
            for u in pending:
                if u.id in this_round:
                    later.append(u)
                else:
                    this_round[u.id] = u
            hits = await self._current(list(this_round.values()))
            actions = []
            for u in this_round.values():
                action = set_once_action(u, hits.get(u.id))
                if isinstance(action, Refused):
                    refused.append(action)
                else:
                    actions.append(action)
            retry: list[Upsert] = []
            for result in await self._bulk(actions):
                upsert = this_round[result["_id"]]
                if result.get("status") == 409:  # written meanwhile by someone else: re-read
                    retry.append(upsert)
                else:
                    refused.append(Refused(upsert, _rejection(result)))
            pending = retry + later
        refused += [
            Refused(u, "Elasticsearch 拒绝写入：并发写入冲突，多次重试仍未写入") for u in pending
        ]
        return refused

    async def _current(self, upserts: Sequence[Upsert]) -> dict[str, dict[str, Any]]:
        """The stored documents of ``upserts`` (real-time ``mget``), by id."""
        by_index: dict[str, list[str]] = {}
        for u in upserts:
            by_index.setdefault(u.index, []).append(u.id)
        hits: dict[str, dict[str, Any]] = {}
        for index, ids in by_index.items():

            async def mget(index: str = index, ids: list[str] = ids) -> Any:
                return await self.es.mget(index=index, ids=ids)

            resp = await self._until_available(mget)
            hits.update({doc["_id"]: doc for doc in resp["docs"]})
        return hits

    async def _bulk(self, actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Send ``actions``; the per-item results of those Elasticsearch refused."""
        from elasticsearch.helpers import async_bulk

        if not actions:
            return []

        async def send() -> Any:
            return await async_bulk(  # type: ignore[misc]
                self.es,
                actions,
                raise_on_error=False,
                max_retries=5,  # 429 (queue full) is retried per item by the helper
                refresh=False,
            )

        _, errors = await self._until_available(send)
        assert isinstance(errors, list)  # raise_on_error=False returns the failed items
        # Errors name the concrete index behind the alias, so callers match on _id alone.
        return [next(iter(item.values())) for item in errors]

    async def _until_available(self, call: Callable[[], Awaitable[Any]]) -> Any:
        """``call()``, retried with backoff while the cluster is unreachable or failing (5xx)."""

        def retrying() -> None:
            ES_BULK_RETRIES.inc()  # issue 8: exposed on the worker's /metrics
            if self.unavailable_since is None:
                self.unavailable_since = asyncio.get_running_loop().time()

        result = await retry_while_unavailable(
            call, "写入", sleep=self.sleep, max_backoff_s=self.max_backoff_s, on_retry=retrying
        )
        self.unavailable_since = None
        return result


def _rejection(result: dict[str, Any]) -> str:
    error = result.get("error", {})
    detail = error.get("reason") if isinstance(error, dict) else error
    return f"Elasticsearch 拒绝写入：{detail}"
