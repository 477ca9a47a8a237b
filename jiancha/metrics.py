"""Prometheus metrics of every jiancha process: one place that names them all.

The workers (indexer, analyzer, transcriber) count what flows through them and serve the counters
on their own port (``JIANCHA_METRICS_PORT``, 0 = off) with :func:`serve`; the API serves the same
registry on ``/metrics`` (``api/routes/metrics.py``). Consumer lag is not counted but measured
against Kafka on each scrape (:class:`ConsumerLagCollector`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, start_http_server
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

log = logging.getLogger(__name__)

EVENTS_IN = Counter(
    "jiancha_events_in",
    "Events a worker consumed, per topic.",
    ["stage", "topic"],
)
FLAGS_OUT = Counter(
    "jiancha_flags_out",
    "Flags published to the flags topic, per category (withdrawals included).",
    ["stage", "category"],
)
DEAD_LETTERS = Counter(
    "jiancha_dead_letters",
    "Messages sent to the dead-letter topic, per stage and kind of reason.",
    ["stage", "kind"],
)
LATE_EVENTS = Counter(
    "jiancha_late_events",
    "Events of a final month refused by the analyzer (dead-lettered, not judged).",
    ["stage"],
)
TOMBSTONES = Counter(
    "jiancha_tombstones",
    "Keys of final months deleted from the analyzer's shard topics, per stage.",
    ["stage"],
)
ES_BULK_RETRIES = Counter(
    "jiancha_es_bulk_retries",
    "Bulk writes retried because Elasticsearch was unreachable or answered 5xx.",
)
TRANSCRIPTION_RTF = Histogram(
    "jiancha_transcription_rtf",
    "Real-time factor of each transcription (work seconds per audio second).",
    buckets=(0.02, 0.05, 0.08, 0.1, 0.15, 0.2, 0.3, 0.5, 1.0, 2.0),
)
TRANSCRIBED_SECONDS = Counter(
    "jiancha_transcribed_audio_seconds",
    "Seconds of audio transcribed.",
)
API_LATENCY = Histogram(
    "jiancha_api_request_seconds",
    "API request latency, per route template, method and status.",
    ["route", "method", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)

#: reason prefixes (jiancha.schemas, streams.speech, the writer) -> a short, bounded label
_KINDS = (
    ("不是合法的 JSON", "invalid_json"),
    ("未知的事件类型", "unknown_type"),
    ("缺少信封字段", "bad_envelope"),
    ("data 必须是", "bad_envelope"),
    ("不符合", "schema"),
    ("Elasticsearch 拒绝", "es_rejected"),
    ("证据冲突", "evidence_conflict"),  # a registered recording announced with other media
    ("录像 ", "media"),  # the transcriber: missing, corrupt or unsupported media
)


def reason_kind(reason: str) -> str:
    """The label of a dead letter's reason: invalid_json, schema, unknown_type, … or other."""
    for prefix, kind in _KINDS:
        if reason.startswith(prefix):
            return kind
    if "UTF-8" in reason or "utf-8" in reason:
        return "invalid_utf8"
    return "other"


def count_dead_letter(stage: str, reason: str) -> None:
    """Count one dead letter."""
    DEAD_LETTERS.labels(stage, reason_kind(reason)).inc()


def count_events(stage: str, events: Iterable[Any]) -> None:
    """Count a batch of Faust events by the topic they came from."""
    per_topic: dict[str, int] = {}
    for event in events:
        topic = event.message.topic
        per_topic[topic] = per_topic.get(topic, 0) + 1
    for topic, n in per_topic.items():
        EVENTS_IN.labels(stage, topic).inc(n)


LagProbe = Callable[[], int]


class ConsumerLagCollector(Collector):
    """``jiancha_consumer_lag{group}``: measured against Kafka when Prometheus scrapes."""

    def __init__(self, group: str, probe: LagProbe) -> None:
        self.group = group
        self.probe = probe

    def collect(self) -> Iterator[GaugeMetricFamily]:
        gauge = GaugeMetricFamily(
            "jiancha_consumer_lag",
            "Messages on the group's input topics not yet committed (measured on scrape).",
            labels=["group"],
        )
        try:
            gauge.add_metric([self.group], float(self.probe()))
        except Exception as exc:  # a scrape must answer even while Kafka is away
            log.warning("无法计算消费延迟（%s）：%s", self.group, exc.__class__.__name__)
            gauge.add_metric([self.group], float("nan"))
        yield gauge


def serve(
    port: int,
    host: str = "127.0.0.1",
    group: str | None = None,
    probe: LagProbe | None = None,
    registry: CollectorRegistry = REGISTRY,
) -> bool:
    """Serve ``registry`` on ``host:port`` (port 0: off), with the group's lag; True if serving."""
    if port == 0:
        return False
    if group is not None and probe is not None:
        registry.register(ConsumerLagCollector(group, probe))
    start_http_server(port, addr=host, registry=registry)
    log.info("指标地址：http://%s:%d/metrics", host, port)
    return True
