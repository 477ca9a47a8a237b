"""Metrics with real numbers: the indexer's, the analyzer's and the API's /metrics."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from jiancha import topics
from jiancha.settings import Settings
from jiancha.topics import topic_name
from streams.ingest import ingest_file
from streams.publisher import Publisher
from tests.conftest import caught_up, wait_for
from tests.integration.faults import Proc, sample
from tests.integration.test_analyzer_stream import ANALYZED
from tests.kafka_tools import read_topic

pytestmark = pytest.mark.integration

_TYPE_OF = {topics.ENFORCEMENT_ACTIONS: "enforcement_action", topics.COMPLAINTS: "complaint"}


def _flag_categories(settings: Settings) -> Counter[str]:
    """Flag messages on the flags topic, per category (withdrawals included)."""
    return Counter(f["category"] for f in read_topic(settings, topics.FLAGS))


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

    worker, analyzer = Proc(settings, "worker"), Proc(settings, "analyzer")
    try:
        analyzer.scrape()  # serving: the analyzer has rewound its (empty) inputs
        with Publisher(settings) as publisher:
            ingest_file(replay, publisher)
            publisher.send(topics.RECORDINGS, "KA000000", b'{"recording_id": "REC-TRUNC')
            # The analyzer alone validates complaints.
            publisher.send(topics.COMPLAINTS, "KA000000", b'{"complaint_id": 7}')

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

        wait_for(
            lambda: caught_up(settings, "analyzer", ANALYZED, analyzer.proc),
            timeout_s=180,
            what="analyzer caught up",
        )
        flags = _flag_categories(settings)
        assert flags, "600 eval-dev events raise some flags"
        analyzed = analyzer.scrape()
        for base in (topics.ENFORCEMENT_ACTIONS, topics.COMPLAINTS):
            topic = topic_name(settings.topic_prefix, base)
            got = sample(analyzed, "jiancha_events_in_total", stage="analyzer", topic=topic)
            want = sum(1 for line in lines if json.loads(line)["type"] == _TYPE_OF[base])
            assert got == want + (base == topics.COMPLAINTS), base
        counted = {
            dict(labels)["category"]: v
            for (name, labels), v in analyzed.items()
            if name == "jiancha_flags_out_total"
        }
        assert counted == flags
        assert sample(analyzed, "jiancha_dead_letters_total", stage="analyzer", kind="schema") == 1
    finally:
        worker.stop()
        analyzer.stop()

    with TestClient(create_app(settings)) as api:
        assert api.get("/healthz").status_code == 200
        assert api.get("/clips/search", params={"q": "现金"}).status_code == 401
        text = api.get("/metrics").text
    assert 'jiancha_api_request_seconds_count{method="GET",route="/healthz",status="200"}' in text
    assert 'route="/clips/search",status="401"' in text
