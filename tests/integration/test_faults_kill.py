"""kill -9 of the indexer and the analyzer mid-stream: after restart nothing lost, nothing doubled.

The workers are this test's own children on the shared stack (topics, indices and consumer groups
of the test's prefix), so killing them touches nobody else.
"""

from __future__ import annotations

import json
import threading
import time

import pytest

from analyzers.batch import analyze_file
from jiancha.elastic.client import sync_client
from jiancha.settings import Settings
from streams.ingest import ingest_file
from streams.publisher import Publisher
from tests.conftest import INDEXED_TOPICS, caught_up, wait_for
from tests.integration.faults import Proc, sample
from tests.integration.test_analyzer_stream import ANALYZED, _cases, _flags_on_kafka

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
        published = {"n": 0}

        def publish() -> None:
            with Publisher(settings) as publisher:
                ingest_file(
                    tail,
                    publisher,
                    rate=1500,
                    progress=lambda n: published.__setitem__("n", published["n"] + n),
                )

        thread = threading.Thread(target=publish)
        thread.start()
        deadline = time.monotonic() + 60
        while published["n"] < (len(lines) - cut) // 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        worker.kill9()
        analyzer.kill9()
        killed_at = published["n"]
        thread.join(timeout=60)
        assert not thread.is_alive()
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
