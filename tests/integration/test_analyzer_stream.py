"""The analyzer on the real stack: eval-dev through Kafka gives the batch's flags and cases."""

from __future__ import annotations

import json
import subprocess
from datetime import datetime, timedelta
from typing import Any

import pytest

from analyzers.batch import analyze_file
from jiancha import topics
from jiancha.elastic.client import sync_client
from jiancha.settings import Settings
from jiancha.topics import topic_name
from streams.ingest import ingest_file
from streams.publisher import Publisher
from tests.conftest import caught_up, start_process, stop_process, wait_for
from tests.kafka_tools import read_topic

pytestmark = pytest.mark.integration

ANALYZED = [
    topics.POLICIES,
    topics.ENFORCEMENT_ACTIONS,
    topics.RECORDINGS,
    topics.TRANSCRIPTS,
    topics.COMPLAINTS,
]


@pytest.fixture
def analyzer(settings: Settings):
    procs: list[subprocess.Popen[bytes]] = []

    def start() -> subprocess.Popen[bytes]:
        procs.append(start_process(settings, "analyzer"))
        return procs[-1]

    yield start
    for p in procs:
        stop_process(p)


def _flag_messages(settings: Settings) -> int:
    from kafka import KafkaConsumer, TopicPartition

    name = topic_name(settings.topic_prefix, topics.FLAGS)
    consumer = KafkaConsumer(bootstrap_servers=settings.kafka_bootstrap)
    try:
        parts = [TopicPartition(name, p) for p in consumer.partitions_for_topic(name) or ()]
        return sum(consumer.end_offsets(parts).values())
    finally:
        consumer.close()


def _flags_on_kafka(settings: Settings) -> dict[str, dict[str, Any]]:
    """The flags topic folded to its latest word per flag id, withdrawn ones dropped."""
    latest = {f["flag_id"]: f for f in read_topic(settings, topics.FLAGS, idle_s=5)}
    return {k: f for k, f in latest.items() if not f["withdrawn"]}


def _cases(settings: Settings) -> dict[str, dict[str, Any]]:
    es = sync_client(settings)
    try:
        alias = f"{settings.index_prefix}-cases"
        es.indices.refresh(index=alias)
        hits = es.search(index=alias, size=1000, query={"match_all": {}})["hits"]["hits"]
        return {h["_id"]: h["_source"] for h in hits}
    finally:
        es.close()


def test_stream_and_batch_give_the_same_flags_and_cases(settings, analyzer, eval_dev, tmp_path):
    events = eval_dev / "events.jsonl"
    batch_flags, _ = analyze_file(events)
    expected = {f.flag_id: json.loads(f.to_json_bytes()) for f in batch_flags}
    assert len(expected) > 40

    # A complaint about one flagged ticket: linked to its case, which rises in priority.
    some = next(f for f in batch_flags if f.category == "threat" and f.action_ids)
    act = json.loads(
        next(
            line
            for line in events.open(encoding="utf-8")
            if f'"{some.action_ids[0]}"' in line and '"enforcement_action"' in line
        )
    )["data"]
    at = datetime.fromisoformat(act["occurred_at"])
    complaint = {
        "complaint_id": "TS-0001",
        "source": "12345",
        "received_at": (at + timedelta(days=1)).isoformat(),
        "text": "交警态度恶劣，威胁要扣我的车。",
        "plate": act["plate"],
        "occurred_at": (at + timedelta(minutes=5)).isoformat(),
    }
    extra = tmp_path / "complaint.jsonl"
    extra.write_text(
        json.dumps({"type": "complaint", "data": complaint}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )

    proc = analyzer()
    with Publisher(settings) as publisher:
        ingest_file(events, publisher)
        ingest_file(extra, publisher)
    wait_for(
        lambda: caught_up(settings, "analyzer", ANALYZED, proc),
        timeout_s=300,
        what="analyzer caught up",
    )

    on_kafka = wait_for(
        lambda: (f := _flags_on_kafka(settings)) and len(f) >= len(expected) and f,
        timeout_s=60,
        what="flags on Kafka",
    )
    assert on_kafka == expected

    def flags_in_cases() -> set[str]:
        return {f["flag_id"] for c in _cases(settings).values() for f in c["flags"]}

    # Cases are written to Elasticsearch after their flags are sent to Kafka.
    wait_for(lambda: flags_in_cases() == set(expected), timeout_s=60, what="cases written")
    cases = _cases(settings)
    live = {cid: c for cid, c in cases.items() if not c["withdrawn"]}
    assert {f["case_id"] for f in expected.values()} == set(live)
    assert all(c["status"] == "pending" and c["status_label"] == "待审核" for c in live.values())

    case = live[f"C-{some.action_ids[0]}"]
    assert case["complaint_ids"] == ["TS-0001"]
    assert case["priority"] == case["severity"] + 1

    # A restarted analyzer reads everything again (its flags are sent again) and changes nothing.
    sent_before = _flag_messages(settings)
    stop_process(proc)
    again = analyzer()
    wait_for(
        lambda: (
            caught_up(settings, "analyzer", ANALYZED, again) is not None  # fails fast if it exited
            and _flag_messages(settings) >= sent_before + len(expected)
        ),
        timeout_s=300,
        what="replayed flags",
    )
    wait_for(
        lambda: caught_up(settings, "analyzer", ANALYZED, again),
        timeout_s=300,
        what="replay caught up",
    )
    assert _flags_on_kafka(settings) == expected
    wait_for(lambda: _cases(settings) == cases, timeout_s=60, what="the same cases after replay")
