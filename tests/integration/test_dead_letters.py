"""Broken or schema-invalid input lands on the dead-letter topic with a reason."""

from __future__ import annotations

import json
import time

import pytest
from kafka import KafkaConsumer

from jiancha.elastic.client import sync_client
from jiancha.settings import Settings
from streams import topics
from streams.ingest import ingest_file
from streams.publisher import Publisher
from streams.topics import topic_name

pytestmark = pytest.mark.integration


def _dead_letters(settings: Settings, expect: int, timeout_s: float = 120) -> list[dict]:
    consumer = KafkaConsumer(
        topic_name(settings.topic_prefix, topics.DEAD_LETTERS),
        bootstrap_servers=settings.kafka_bootstrap,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=2000,
    )
    letters: list[dict] = []
    deadline = time.monotonic() + timeout_s
    try:
        while len(letters) < expect and time.monotonic() < deadline:
            letters.extend(json.loads(m.value) for m in consumer)
    finally:
        consumer.close()
    return letters


def test_bad_lines_and_invalid_events_go_to_dead_letters(
    settings, start_worker, eval_dev, tmp_path
):
    good = []
    for line in (eval_dev / "events.jsonl").open(encoding="utf-8"):
        if json.loads(line)["type"] == "recording":
            good.append(line.strip())
        if len(good) == 5:
            break
    invalid = json.loads(good[0])
    invalid["data"]["recording_id"] = "REC-INVALID"
    invalid["data"]["device_type"] = "drone"  # not a device the contract knows
    del invalid["data"]["sha256"]
    replay = tmp_path / "mixed.jsonl"
    replay.write_text(
        "\n".join(
            [
                good[0],
                '{"type": "recording", "data": {"recording_id": "REC-TRUNC',  # truncated JSON
                good[1],
                json.dumps(invalid, ensure_ascii=False),
                '{"type": "speeding_camera", "data": {}}',  # unknown event type
                *good[2:],
            ]
        )
        + "\n",
        encoding="utf-8",
    )

    worker = start_worker()
    with Publisher(settings) as publisher:
        sent = ingest_file(replay, publisher)
        # A producer outside jiancha writes bytes that are not UTF-8 at all.
        publisher.send(topics.RECORDINGS, "KA000000", b"\xff\xfe{not json")
    assert sent["dead_letter"] == 2
    assert sent["recording"] == 6
    worker.wait_caught_up()

    letters = _dead_letters(settings, expect=4)
    assert len(letters) == 4
    by_stage = sorted((d["stage"], d["reason"][:12]) for d in letters)
    assert [s for s, _ in by_stage] == ["ingest", "ingest", "worker", "worker"]
    reasons = " ".join(d["reason"] for d in letters)
    assert "不是合法的 JSON" in reasons
    assert "未知的事件类型" in reasons
    assert "device_type" in reasons and "sha256" in reasons
    invalid_letter = next(d for d in letters if "REC-INVALID" in d["payload"])
    assert invalid_letter["source"] == topic_name(settings.topic_prefix, topics.RECORDINGS)
    assert ":" in invalid_letter["position"]  # partition:offset
    truncated = next(d for d in letters if "REC-TRUNC" in d["payload"])
    assert truncated["position"] == "第2行"

    es = sync_client(settings)
    try:
        es.indices.refresh(index=f"{settings.index_prefix}-clips")
        ids = {
            h["_id"]
            for h in es.search(index=f"{settings.index_prefix}-clips", size=50)["hits"]["hits"]
        }
    finally:
        es.close()
    assert ids == {json.loads(line)["data"]["recording_id"] for line in good}
