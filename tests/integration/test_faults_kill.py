"""kill -9 of the indexer and the analyzer mid-stream: after restart nothing lost, nothing doubled.

The workers are this test's own children on the shared stack (topics, indices and consumer groups
of the test's prefix), so killing them touches nobody else.
"""

from __future__ import annotations

import json

import pytest

from analyzers.batch import analyze_file
from jiancha.elastic.client import sync_client
from jiancha.settings import Settings
from streams.ingest import ingest_file
from streams.publisher import Publisher
from tests.conftest import INDEXED_TOPICS, caught_up, wait_for
from tests.integration.faults import Proc, Stream, sample
from tests.integration.test_analyzer_stream import ANALYZED, _cases, _flags_on_kafka
from tests.kafka_tools import read_topic

pytestmark = pytest.mark.integration


def _count(settings: Settings, name: str) -> int:
    """Documents in an index of the test (0 until the worker has created it)."""
    from elasticsearch import NotFoundError

    es = sync_client(settings)
    try:
        alias = f"{settings.index_prefix}-{name}"
        es.indices.refresh(index=alias)
        return int(es.count(index=alias)["count"])
    except NotFoundError:
        return 0
    finally:
        es.close()


def _caught_up(settings: Settings, worker: Proc, analyzer: Proc) -> bool:
    indexed = caught_up(settings, "indexer", INDEXED_TOPICS, worker.proc)
    analyzed = caught_up(settings, "analyzer", ANALYZED, analyzer.proc)
    return indexed and analyzed


def test_kill_9_of_indexer_and_analyzer_mid_stream_loses_and_doubles_nothing(
    settings, eval_dev, tmp_path
):
    events = eval_dev / "events.jsonl"
    lines = events.read_text(encoding="utf-8").splitlines()
    batch_flags, _ = analyze_file(events)
    expected = {f.flag_id: json.loads(f.to_json_bytes()) for f in batch_flags}
    data = [json.loads(line) for line in lines]
    recordings = {d["data"]["recording_id"] for d in data if d["type"] == "recording"}
    actions = {d["data"]["action_id"] for d in data if d["type"] == "enforcement_action"}
    head, tail = tmp_path / "head.jsonl", tmp_path / "tail.jsonl"
    cut = len(lines) // 4
    head.write_text("\n".join(lines[:cut]) + "\n", encoding="utf-8")
    tail.write_text("\n".join(lines[cut:]) + "\n", encoding="utf-8")

    procs: list[Proc] = []
    try:
        worker, analyzer = Proc(settings, "worker"), Proc(settings, "analyzer")
        procs += [worker, analyzer]
        with Publisher(settings) as publisher:
            ingest_file(head, publisher)
        # Both are working: the indexer has written, the analyzer has read.
        wait_for(lambda: _count(settings, "actions") > 0, timeout_s=120, what="indexer writing")
        wait_for(
            lambda: (
                sum(
                    v
                    for (name, _), v in analyzer.scrape().items()
                    if name == "jiancha_events_in_total"
                )
                > 0
            ),
            timeout_s=120,
            what="analyzer reading",
        )

        # The rest streams in at 1,500 events/s; both die with no goodbye a third of the way in.
        stream = Stream(settings, tail)
        killed_at = stream.wait_past(1 / 3)
        worker.kill9()
        analyzer.kill9()
        stream.join()
        assert 0 < killed_at < len(lines) - cut, "the kill was not mid-stream"
        assert _count(settings, "actions") < len(actions), "the kill came after the work"

        worker, analyzer = Proc(settings, "worker"), Proc(settings, "analyzer")
        procs += [worker, analyzer]
        wait_for(lambda: _caught_up(settings, worker, analyzer), timeout_s=300, what="caught up")

        # Nothing lost, nothing doubled: ids are event keys, so counts are exact.
        assert _count(settings, "clips") == len(recordings)
        assert _count(settings, "actions") == len(actions)
        assert _flags_on_kafka(settings) == expected

        def flags_in_cases() -> set[str]:
            return {f["flag_id"] for c in _cases(settings).values() for f in c["flags"]}

        wait_for(lambda: flags_in_cases() == set(expected), timeout_s=60, what="cases written")
        live = {cid for cid, c in _cases(settings).items() if not c["withdrawn"]}
        assert live == {f["case_id"] for f in expected.values()}
        samples = worker.scrape()
        assert sample(samples, "jiancha_consumer_lag", group=f"{settings.app_id}-indexer") == 0
        assert not any(
            v for (name, _), v in samples.items() if name == "jiancha_dead_letters_total"
        )
    finally:
        for p in procs:
            p.stop()


def test_a_flag_raised_before_a_kill_is_withdrawn_by_the_recording_that_came_after(settings):
    """The bad timing forced: the analyzer raises ``recording_missing``, dies (kill -9) before
    the covering recording arrives, and its successor must take the flag back."""
    from datetime import datetime, timedelta

    from jiancha import topics
    from jiancha.schemas.enforcement_actions import EnforcementAction
    from jiancha.schemas.recordings import Recording

    at = datetime.fromisoformat("2026-04-10T10:00:00+08:00")

    def ticket(n: int, officer: str, when: datetime) -> EnforcementAction:
        return EnforcementAction.model_validate(
            {
                "action_id": f"A-KILL-{n}",
                "officer_id": officer,
                "officer_role": "officer",
                "co_officer_ids": [],
                "squad_id": "mudan-1",
                "occurred_at": when.isoformat(),
                "plate": f"鲁R·K1234{n}",
                "plate_region": "鲁R",
                "road_user": "small_car",
                "violation_type": "parking",
                "measures": {"fine_cny": 100, "points": 0},
                "payment": {"method": "bank", "receipt_no": f"R{n}"},
            }
        )

    # The second ticket, two days on, carries the watermark past the first one's deadline.
    tickets = [ticket(1, "KILL-1", at), ticket(2, "KILL-2", at + timedelta(days=2))]
    covering = Recording.model_validate(
        {
            "recording_id": "REC-KILL-1",
            "device_id": "BWC-K1",
            "device_type": "body_cam",
            "officer_ids": ["KILL-1"],
            "squad_id": "mudan-1",
            "started_at": (at - timedelta(minutes=2)).isoformat(),
            "ended_at": (at + timedelta(minutes=3)).isoformat(),
            "uploaded_at": (at + timedelta(hours=2)).isoformat(),  # in time, only delivered late
            "sha256": "0" * 64,
            "media_uri": "REC-KILL-1.m4a",
        }
    )
    flag_id = "recording_missing:A-KILL-1"

    def latest(flag: str) -> dict | None:
        word = {f["flag_id"]: f for f in read_topic(settings, topics.FLAGS, idle_s=2)}
        return word.get(flag)

    procs: list[Proc] = []
    try:
        analyzer = Proc(settings, "analyzer")
        procs.append(analyzer)
        with Publisher(settings) as publisher:
            for t in tickets:
                publisher.send(topics.ENFORCEMENT_ACTIONS, t.officer_id, t.to_json_bytes())
        raised = wait_for(lambda: latest(flag_id), timeout_s=180, what="recording_missing raised")
        assert raised["withdrawn"] is False
        wait_for(
            lambda: (c := _cases(settings).get("C-A-KILL-1")) and c["flag_count"] == 1,
            timeout_s=60,
            what="its case",
        )
        analyzer.kill9()

        with Publisher(settings) as publisher:  # the recording that covers the ticket, too late
            publisher.send(topics.RECORDINGS, "KILL-1", covering.to_json_bytes())
        again = Proc(settings, "analyzer")
        procs.append(again)
        wait_for(
            lambda: (f := latest(flag_id)) is not None and f["withdrawn"],
            timeout_s=240,
            what="the predecessor's flag withdrawn",
        )
        assert flag_id not in _flags_on_kafka(settings)
        case = wait_for(
            lambda: (c := _cases(settings).get("C-A-KILL-1")) and c["withdrawn"] and c,
            timeout_s=60,
            what="the case without live flags",
        )
        assert case["flags"] == [] and case["flag_count"] == 0
        assert case["status"] == "pending"  # set once, on creation
    finally:
        for p in procs:
            p.stop()
