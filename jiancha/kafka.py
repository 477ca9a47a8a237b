"""Kafka for every process (kafka-python): how a client signs in, is the cluster there, is a
group's coordinator there."""

from __future__ import annotations

import logging
import ssl
import time
from collections.abc import Callable
from typing import Any, TypeVar

from jiancha.settings import Settings

log = logging.getLogger(__name__)

T = TypeVar("T")

#: How long a process waits for a group coordinator at start. A new broker creates
#: ``__consumer_offsets`` only when a client first asks for a coordinator, which takes seconds.
GROUP_COORDINATOR_WAIT_S = 60.0


def client_security(settings: Settings) -> dict[str, Any]:
    """The kafka-python keyword arguments that make a client sign in as ``settings`` say.

    Every ``KafkaProducer``, ``KafkaConsumer`` and ``KafkaAdminClient`` of jiancha is built with
    these (the Faust apps get the same through :func:`ssl_context`, ``streams/app.py``): a client
    built without them would reach a production broker as nobody, and be refused.
    """
    protocol = settings.kafka_security_protocol
    if protocol == "PLAINTEXT":
        return {"security_protocol": "PLAINTEXT"}
    assert settings.kafka_username and settings.kafka_password  # Settings checked it
    kwargs: dict[str, Any] = {
        "security_protocol": protocol,
        "sasl_mechanism": settings.kafka_sasl_mechanism,
        "sasl_plain_username": settings.kafka_username,
        "sasl_plain_password": settings.kafka_password.get_secret_value(),
    }
    if protocol == "SASL_SSL":
        # Hostname checked against the broker's certificate (kafka-python's default, kept).
        kwargs["ssl_check_hostname"] = True
        if settings.kafka_ssl_cafile is not None:
            kwargs["ssl_cafile"] = str(settings.kafka_ssl_cafile)
    return kwargs


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    """The TLS context of a SASL_SSL connection (verifying the broker), else None."""
    if settings.kafka_security_protocol != "SASL_SSL":
        return None
    cafile = str(settings.kafka_ssl_cafile) if settings.kafka_ssl_cafile is not None else None
    return ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=cafile)


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
    settings: Settings,
    group: str,
    deadline_s: float = GROUP_COORDINATOR_WAIT_S,
    client_id: str = "jiancha-offsets",
) -> dict[Any, Any]:
    """The offsets consumer ``group`` has committed (TopicPartition -> OffsetAndMetadata), waiting
    up to ``deadline_s`` for its coordinator (absent on a new broker, moving, or loading)."""
    from kafka import KafkaAdminClient

    def fetch() -> dict[Any, Any]:
        # A client per attempt: no coordinator cached from a failed one.
        admin = KafkaAdminClient(
            bootstrap_servers=settings.kafka_bootstrap,
            client_id=client_id,
            **client_security(settings),
        )
        try:
            return dict(admin.list_group_offsets(group).get(group, {}))
        finally:
            admin.close()

    return retry_retriable(fetch, f"等待消费组 {group} 的协调者（group coordinator）", deadline_s)


def wait_for_group_coordinator(
    settings: Settings, group: str, deadline_s: float = GROUP_COORDINATOR_WAIT_S
) -> None:
    """Until the coordinator of ``group`` answers (an offset fetch), at most ``deadline_s``;
    raises :class:`KafkaNotReady` with a Chinese message if it never does."""
    committed_offsets(settings, group, deadline_s, client_id="jiancha-coordinator")


def kafka_health(settings: Settings, client_id: str = "jiancha-health") -> tuple[bool, str]:
    """(ok, detail in Chinese): the cluster answers a metadata request within 3 s."""
    from kafka import KafkaAdminClient
    from kafka.errors import KafkaError

    try:
        # Bounded connect too (kafka-python waits 30 s by default): /healthz must answer while
        # Kafka is down, to say it is degraded (issue 8's Kafka-restart test).
        admin = KafkaAdminClient(
            bootstrap_servers=settings.kafka_bootstrap,
            request_timeout_ms=3000,
            bootstrap_timeout_ms=3000,
            client_id=client_id,
            **client_security(settings),
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
