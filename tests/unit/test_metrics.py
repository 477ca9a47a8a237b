"""The Prometheus wiring: what each hook counts, the lag gauge, the API middleware."""

from __future__ import annotations

import asyncio
import math
import socket
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from prometheus_client import REGISTRY, CollectorRegistry

from api.routes.metrics import instrument
from jiancha import metrics
from jiancha.schemas import InvalidEvent, decode, parse_envelope
from jiancha.schemas.recordings import Recording
from streams.dead_letters import dead_letter
from streams.indexer.agents import Projector


def value(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def _reason(raw: bytes, envelope: bool = False) -> str:
    with pytest.raises(InvalidEvent) as caught:
        parse_envelope(raw) if envelope else decode(Recording, raw)
    return caught.value.reason


@pytest.mark.parametrize(
    ("raw", "envelope", "kind"),
    [
        (b'{"recording_id": "REC-1', False, "invalid_json"),  # truncated
        (b"\xff\xfe{not json", False, "invalid_json"),  # not UTF-8 at all
        (b'{"recording_id": 7}', False, "schema"),  # wrong types, missing fields
        (b'{"type": "speeding_camera", "data": {}}', True, "unknown_type"),
        (b'{"data": {}}', True, "bad_envelope"),
    ],
)
def test_reasons_map_to_bounded_kinds(raw: bytes, envelope: bool, kind: str) -> None:
    assert metrics.reason_kind(_reason(raw, envelope)) == kind


def test_every_dead_letter_is_counted_by_stage_and_kind() -> None:
    before = value("jiancha_dead_letters_total", stage="ingest", kind="unknown_type")
    dead_letter(
        "未知的事件类型：'x'",
        stage="ingest",
        source="f.jsonl",
        position="第1行",
        payload=b"{}",
        now=datetime.now(UTC),
    )
    after = value("jiancha_dead_letters_total", stage="ingest", kind="unknown_type")
    assert after == before + 1
    assert metrics.reason_kind("Elasticsearch 拒绝写入：mapper_parsing_exception") == "es_rejected"
    assert metrics.reason_kind("录像 REC-1：媒体文件不存在") == "media"
    assert metrics.reason_kind("something new") == "other"


@dataclass
class _Message:
    topic: str
    partition: int = 0
    offset: int = 0


@dataclass
class _Event:
    value: bytes
    message: _Message
    key: bytes | None = None


class _Writer:
    async def write(self, upserts: Any) -> list[Any]:
        return []


def test_the_projector_counts_events_in_per_topic_and_its_rejects() -> None:
    sent: list[tuple[str, bytes]] = []

    async def send_dead(key: str, val: bytes) -> None:
        sent.append((key, val))

    topic = "unit-metrics-recordings"
    before = value("jiancha_events_in_total", stage="worker", topic=topic)
    dead_before = value("jiancha_dead_letters_total", stage="worker", kind="invalid_json")
    events = [_Event(b"{broken", _Message(topic, 0, i)) for i in range(3)]
    rejected = asyncio.run(
        Projector(_Writer(), send_dead).project(events, Recording, lambda r: r)  # type: ignore[arg-type]
    )
    assert rejected == 3 and len(sent) == 3
    assert value("jiancha_events_in_total", stage="worker", topic=topic) == before + 3
    assert value("jiancha_dead_letters_total", stage="worker", kind="invalid_json") == (
        dead_before + 3
    )


def test_consumer_lag_is_measured_on_scrape_and_nan_when_kafka_is_away() -> None:
    registry = CollectorRegistry()
    lag = {"n": 7}

    def probe() -> int:
        if lag["n"] < 0:
            raise ConnectionError("Kafka away")
        return lag["n"]

    registry.register(metrics.ConsumerLagCollector("g-1", probe))
    assert registry.get_sample_value("jiancha_consumer_lag", {"group": "g-1"}) == 7
    lag["n"] = 2
    assert registry.get_sample_value("jiancha_consumer_lag", {"group": "g-1"}) == 2
    lag["n"] = -1
    assert math.isnan(registry.get_sample_value("jiancha_consumer_lag", {"group": "g-1"}) or 0)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_is_off_at_port_zero_and_serves_the_registry_otherwise() -> None:
    registry = CollectorRegistry()
    assert not metrics.serve(0, registry=registry)
    port = _free_port()
    assert metrics.serve(port, group="g-2", probe=lambda: 3, registry=registry)
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as resp:
        text = resp.read().decode()
    assert 'jiancha_consumer_lag{group="g-2"} 3.0' in text


def test_the_api_serves_metrics_and_times_requests_by_route_template() -> None:
    app = FastAPI()

    @app.get("/items/{item_id}")
    async def item(item_id: int) -> dict[str, int]:
        return {"id": item_id}

    instrument(app)
    labels = {"route": "/items/{item_id}", "method": "GET"}
    before_ok = value("jiancha_api_request_seconds_count", **labels, status="200")
    before_bad = value("jiancha_api_request_seconds_count", **labels, status="422")
    before_404 = value(
        "jiancha_api_request_seconds_count", route="(unmatched)", method="GET", status="404"
    )
    with TestClient(app) as client:
        assert client.get("/items/1").status_code == 200
        assert client.get("/items/2").status_code == 200
        assert client.get("/items/x").status_code == 422
        assert client.get("/nowhere").status_code == 404
        scraped = client.get("/metrics")
    assert scraped.status_code == 200
    assert scraped.headers["content-type"].startswith("text/plain")
    assert "jiancha_api_request_seconds_bucket" in scraped.text
    assert value("jiancha_api_request_seconds_count", **labels, status="200") == before_ok + 2
    assert value("jiancha_api_request_seconds_count", **labels, status="422") == before_bad + 1
    assert (
        value("jiancha_api_request_seconds_count", route="(unmatched)", method="GET", status="404")
        == before_404 + 1
    )
    assert "/metrics" not in app.openapi()["paths"]
