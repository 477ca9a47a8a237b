"""The kernel's one retry for retriable Kafka errors (issue 12), without a broker."""

from __future__ import annotations

import pytest
from kafka.errors import (
    CoordinatorLoadInProgressError,
    CoordinatorNotAvailableError,
    GroupAuthorizationFailedError,
    NotCoordinatorError,
)

from jiancha.kafka import KafkaNotReady, retry_retriable


def test_retries_retriable_errors_until_the_call_succeeds() -> None:
    errors = [
        CoordinatorNotAvailableError(),
        CoordinatorLoadInProgressError(),
        NotCoordinatorError(),
    ]
    calls = []

    def call() -> str:
        calls.append(1)
        if errors:
            raise errors.pop(0)
        return "ok"

    assert retry_retriable(call, "等待", deadline_s=10) == "ok"
    assert len(calls) == 4


def test_a_non_retriable_error_propagates_at_once() -> None:
    calls = []

    def call() -> None:
        calls.append(1)
        raise GroupAuthorizationFailedError()

    with pytest.raises(GroupAuthorizationFailedError):
        retry_retriable(call, "等待", deadline_s=10)
    assert len(calls) == 1


def test_the_deadline_ends_in_a_chinese_error() -> None:
    def call() -> None:
        raise CoordinatorNotAvailableError()

    with pytest.raises(
        KafkaNotReady, match=r"等待消费组 g 的协调者.*1 秒内一直未就绪.*CoordinatorNotAvailable"
    ):
        retry_retriable(call, "等待消费组 g 的协调者", deadline_s=1)
