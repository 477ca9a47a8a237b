"""Broken or schema-invalid input lands on the dead-letter topic with a reason."""

from __future__ import annotations

import json

import pytest

from jiancha import topics
from jiancha.elastic.client import sync_client
from jiancha.settings import Settings
from jiancha.topics import topic_name
from streams.ingest import ingest_file
from streams.publisher import Publisher
from tests.conftest import wait_for
from tests.kafka_tools import read_topic

pytestmark = pytest.mark.integration


def _dead_letters(settings: Settings, expect: int, timeout_s: float = 120) -> list[dict]:
    return read_topic(settings, topics.DEAD_LETTERS, idle_s=2, at_least=expect, timeout_s=timeout_s)


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


def test_poison_of_every_kind_is_dead_lettered_with_its_reason_and_counted(
    settings, eval_dev, tmp_path
):
    """Issue 8: poison straight onto the topics (a producer outside jiancha) and through ingest."""
    from jiancha import metrics
    from tests.integration.faults import Proc, sample

    good = [
        line.strip()
        for line in (eval_dev / "events.jsonl").open(encoding="utf-8")
        if json.loads(line)["type"] == "enforcement_action"
    ][:3]
    wrong_types = json.loads(good[0])["data"] | {"measures": "罚款", "plate": 12345}
    poison = {
        "truncated": (topics.ENFORCEMENT_ACTIONS, b'{"action_id": "A-TRUNC", "officer_id": "K'),
        "wrong types": (
            topics.ENFORCEMENT_ACTIONS,
            json.dumps(wrong_types, ensure_ascii=False).encode(),
        ),
        "10 MB": (
            topics.RECORDINGS,
            b'{"recording_id": "REC-BIG", "pad": "' + b"x" * (10 * 1024 * 1024) + b'"}',
        ),
        "bad UTF-8": (topics.RECORDINGS, b'{"recording_id": "REC-\xff\xfe"}'),
        "not an object": (topics.TRANSCRIPTS, b"[1, 2, 3]"),
        "empty": (topics.TRANSCRIPTS, b""),
    }
    replay = tmp_path / "unknown.jsonl"
    replay.write_text(
        "\n".join([*good, '{"type": "drone_sighting", "data": {}}', '{"type": "recording"}'])
        + "\n",
        encoding="utf-8",
    )
    ingest_before = {
        kind: metrics.DEAD_LETTERS.labels("ingest", kind)._value.get()
        for kind in ("unknown_type", "bad_envelope")
    }

    worker = Proc(settings, "worker")
    try:
        with Publisher(settings) as publisher:
            for topic, raw in poison.values():
                publisher.send(topic, "KA000000", raw)
            sent = ingest_file(replay, publisher)
        assert sent["dead_letter"] == 2 and sent["enforcement_action"] == 3
        for kind, before in ingest_before.items():  # ingest counts in its own process
            assert metrics.DEAD_LETTERS.labels("ingest", kind)._value.get() == before + 1

        letters = _dead_letters(settings, expect=len(poison) + 2, timeout_s=180)
        assert len(letters) == len(poison) + 2
        worker_letters = [d for d in letters if d["stage"] == "worker"]
        assert len(worker_letters) == len(poison)
        assert all(d["reason"] and ":" in d["position"] for d in worker_letters)
        big = next(d for d in worker_letters if "REC-BIG" in d["payload"])
        assert big["payload_bytes"] > 10 * 1024 * 1024  # kept truncated, its size recorded
        assert len(big["payload"]) <= 1_000_000
        wrong = next(d for d in worker_letters if '"measures": "罚款"' in d["payload"])
        assert "measures" in wrong["reason"] and "plate" in wrong["reason"]

        samples = worker.scrape()
        counted = {
            kind: sample(samples, "jiancha_dead_letters_total", stage="worker", kind=kind)
            for kind in ("invalid_json", "schema")
        }
        assert sum(counted.values()) == len(poison), counted
        assert counted["schema"] >= 2  # wrong types, 10 MB of padding, an array
        # The good events around the poison are indexed: the worker did not stop.
        es = sync_client(settings)
        try:
            alias = f"{settings.index_prefix}-actions"
            wait_for(
                lambda: es.indices.refresh(index=alias) and es.count(index=alias)["count"] == 3,
                timeout_s=60,
                what="good actions indexed",
            )
        finally:
            es.close()
    finally:
        worker.stop()
