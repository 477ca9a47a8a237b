"""Metrics with real numbers: a worker's /metrics after events flowed, and the API's."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from streams import topics
from streams.ingest import ingest_file
from streams.publisher import Publisher
from streams.topics import topic_name
from tests.conftest import wait_for
from tests.integration.faults import Proc, sample

pytestmark = pytest.mark.integration


def test_worker_and_api_expose_real_numbers(settings, eval_dev, tmp_path):
    lines = (eval_dev / "events.jsonl").read_text(encoding="utf-8").splitlines()[:600]
    replay = tmp_path / "head.jsonl"
    replay.write_text("\n".join(lines) + "\n", encoding="utf-8")
    types = Counter(json.loads(line)["type"] for line in lines)
    indexed = {
        "recording": topics.RECORDINGS,
        "transcript": topics.TRANSCRIPTS,
        "enforcement_action": topics.ENFORCEMENT_ACTIONS,
    }

    worker = Proc(settings, "worker")
    try:
        with Publisher(settings) as publisher:
            ingest_file(replay, publisher)
            publisher.send(topics.RECORDINGS, "KA000000", b'{"recording_id": "REC-TRUNC')

        def settled():
            s = worker.scrape()
            return (
                s
                if sample(s, "jiancha_consumer_lag", group=f"{settings.app_id}-indexer") == 0
                else None
            )

        samples = wait_for(settled, timeout_s=180, what="worker lag 0 on /metrics")
        for event_type, base in indexed.items():
            got = sample(
                samples,
                "jiancha_events_in_total",
                stage="worker",
                topic=topic_name(settings.topic_prefix, base),
            )
            assert got == types[event_type] + (base == topics.RECORDINGS), event_type
        assert (
            sample(samples, "jiancha_dead_letters_total", stage="worker", kind="invalid_json") == 1
        )
        assert ("jiancha_es_bulk_retries_total", ()) in samples
    finally:
        worker.stop()

    with TestClient(create_app(settings)) as api:
        assert api.get("/healthz").status_code == 200
        assert api.get("/clips/search", params={"q": "现金"}).status_code == 401
        text = api.get("/metrics").text
    assert 'jiancha_api_request_seconds_count{method="GET",route="/healthz",status="200"}' in text
    assert 'route="/clips/search",status="401"' in text
