"""The one retry of Elasticsearch calls: outages and 5xx waited out, 4xx raised (no I/O)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig
from elasticsearch import ApiError, ConnectionError

from jiancha.elastic.writer import retry_while_unavailable


def _api_error(status: int) -> ApiError:
    node = NodeConfig("http", "localhost", 9200)
    meta = ApiResponseMeta(status, "1.1", HttpHeaders(), 0.0, node)
    return ApiError(f"HTTP {status}", meta, {})


def _run(outcomes: Iterator[BaseException | str]) -> tuple[str, list[float], int]:
    waits: list[float] = []
    retries = {"n": 0}

    async def attempt() -> str:
        outcome = next(outcomes)
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    def counted() -> None:
        retries["n"] += 1

    result = asyncio.run(
        retry_while_unavailable(attempt, "测试", sleep=sleep, max_backoff_s=2, on_retry=counted)
    )
    return result, waits, retries["n"]


def test_unreachable_and_5xx_are_waited_out_with_a_capped_backoff() -> None:
    down = [ConnectionError("down")] * 4 + [_api_error(503)]
    result, waits, retries = _run(iter([*down, "ok"]))
    assert result == "ok"
    assert waits == [0.5, 1.0, 2.0, 2.0, 2.0] and retries == 5


def test_a_4xx_is_raised_at_once() -> None:
    with pytest.raises(ApiError) as raised:
        _run(iter([_api_error(400), "never"]))
    assert raised.value.meta.status == 400
