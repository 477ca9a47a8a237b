"""Kafka checks every process shares (kafka-python): is the cluster there, is a group's
coordinator there."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

#: How long a process waits for a group coordinator at start. A new broker creates
#: ``__consumer_offsets`` only when a client first asks for a coordinator, which takes seconds.
GROUP_COORDINATOR_WAIT_S = 60.0


class KafkaNotReady(RuntimeError):
    """Kafka kept answering with a retriable error until the deadline (message in Chinese)."""


def retry_retriable(call: Callable[[], T], what: str, deadline_s: float) -> T:
    """``call()``, again while it raises a retriable Kafka error, for at most ``deadline_s``.

    A non-retriable error propagates at once; when the deadline passes, :class:`KafkaNotReady`
    says what was being done (``what``, in Chinese) and the last error.
    """
    from kafka.errors import KafkaError

    deadline = time.monotonic() + deadline_s
    pause = 0.2
    while True:
        try:
            return call()
        except KafkaError as exc:
            if not exc.retriable:
                raise
            if time.monotonic() + pause > deadline:
                raise KafkaNotReady(
                    f"{what}：Kafka 在 {deadline_s:.0f} 秒内一直未就绪（最后一次：{_name(exc)}）"
                ) from exc
            log.info("%s：%s，%.1f 秒后重试", what, _name(exc), pause)
            time.sleep(pause)
            pause = min(pause * 2, 2.0)


def _name(exc: BaseException) -> str:
    return type(exc).__name__


def committed_offsets(
    bootstrap: str,
    group: str,
    deadline_s: float = GROUP_COORDINATOR_WAIT_S,
    client_id: str = "jiancha-offsets",
) -> dict[Any, Any]:
    """The offsets consumer ``group`` has committed (TopicPartition -> OffsetAndMetadata), waiting
    up to ``deadline_s`` for its coordinator (absent on a new broker, moving, or loading)."""
    from kafka import KafkaAdminClient

    def fetch() -> dict[Any, Any]:
        # A client per attempt: no coordinator cached from a failed one.
        admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id=client_id)
        try:
            return dict(admin.list_group_offsets(group).get(group, {}))
        finally:
            admin.close()

    return retry_retriable(fetch, f"等待消费组 {group} 的协调者（group coordinator）", deadline_s)


def wait_for_group_coordinator(
    bootstrap: str, group: str, deadline_s: float = GROUP_COORDINATOR_WAIT_S
) -> None:
    """Until the coordinator of ``group`` answers (an offset fetch), at most ``deadline_s``;
    raises :class:`KafkaNotReady` with a Chinese message if it never does."""
    committed_offsets(bootstrap, group, deadline_s, client_id="jiancha-coordinator")


def kafka_health(bootstrap: str, client_id: str = "jiancha-health") -> tuple[bool, str]:
    """(ok, detail in Chinese): the cluster answers a metadata request within 3 s."""
    from kafka import KafkaAdminClient
    from kafka.errors import KafkaError

    try:
        # Bounded connect too (kafka-python waits 30 s by default): /healthz must answer while
        # Kafka is down, to say it is degraded (issue 8's Kafka-restart test).
        admin = KafkaAdminClient(
            bootstrap_servers=bootstrap,
            request_timeout_ms=3000,
            bootstrap_timeout_ms=3000,
            client_id=client_id,
        )
    except (KafkaError, OSError, ValueError) as exc:
        return False, f"Kafka 无法连接：{exc.__class__.__name__}"
    try:
        cluster = admin.describe_cluster()
        brokers = len(cluster.get("brokers", []))
        return True, f"集群 {cluster.get('cluster_id')}，{brokers} 个 broker 在线"
    except (KafkaError, OSError) as exc:
        return False, f"Kafka 元数据请求失败：{exc.__class__.__name__}"
    finally:
        admin.close()
