"""Outages on a private stack: Elasticsearch stopped for 60 s under load, Kafka restarted.

About 3 minutes on 2 cores (the outage itself is 60 s), so ``make test`` runs them; ``make chaos``
runs them alone, ``-m "not chaos"`` leaves them out.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from jiancha.settings import Settings
from streams.admin import consumer_lag
from streams.ingest import ingest_file
from streams.publisher import Publisher
from tests.chaos.conftest import Api, ChaosStack
from tests.conftest import INDEXED_TOPICS, wait_for
from tests.integration.faults import Proc, sample
from tests.integration.test_faults_kill import _count

pytestmark = [pytest.mark.integration, pytest.mark.chaos]

OUTAGE_S = 60


def _expected(path: Path) -> tuple[set[str], set[str]]:
    data = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return (
        {d["data"]["recording_id"] for d in data if d["type"] == "recording"},
        {d["data"]["action_id"] for d in data if d["type"] == "enforcement_action"},
    )


def _lag(settings: Settings) -> int:
    return consumer_lag(settings, f"{settings.app_id}-indexer", INDEXED_TOPICS)


def _no_dead_letters(worker: Proc) -> bool:
    return not any(
        v for (name, _), v in worker.scrape().items() if name == "jiancha_dead_letters_total"
    )


def test_elasticsearch_down_60s_under_load_loses_nothing(
    chaos_stack: ChaosStack, chaos_settings: Settings, eval_dev: Path
) -> None:
    s = chaos_settings
    events = eval_dev / "events.jsonl"
    recordings, actions = _expected(events)
    worker, api = Proc(s, "worker"), Api(s)
    try:
        wait_for(lambda: api.healthz()[0] == 200, timeout_s=120, what="API up")

        # ~8,900 events at 100/s: load before, during and after the outage.
        def publish() -> None:
            with Publisher(s) as publisher:
                ingest_file(events, publisher, rate=100)

        thread = threading.Thread(target=publish, daemon=True)
        thread.start()
        wait_for(lambda: _count(s, "actions") > 0, timeout_s=120, what="worker indexing")

        chaos_stack.stop_elasticsearch()
        stopped = time.monotonic()
        statuses, lags = set(), []
        while time.monotonic() - stopped < OUTAGE_S:
            status, body = api.healthz()
            statuses.add((status, body.get("status")))
            lags.append(_lag(s))  # Kafka still answers: the backlog grows, nothing is skipped
            assert worker.alive(), "worker exited while Elasticsearch was down"
            time.sleep(5)
        during = worker.scrape()
        assert (503, "degraded") in statuses, statuses
        assert lags[-1] > lags[0], lags
        assert sample(during, "jiancha_es_bulk_retries_total") > 0

        chaos_stack.start_elasticsearch()
        thread.join(timeout=180)
        assert not thread.is_alive(), "publishing did not finish"
        wait_for(lambda: _lag(s) == 0, timeout_s=240, what="worker caught up")
        assert worker.alive()
        assert _count(s, "clips") == len(recordings)
        assert _count(s, "actions") == len(actions)
        assert _no_dead_letters(worker)
        wait_for(lambda: api.healthz()[0] == 200, timeout_s=60, what="API healthy again")
    finally:
        worker.stop()
        api.stop()


def test_kafka_restart_producers_and_workers_reconnect_api_stays_up(
    chaos_stack: ChaosStack, chaos_settings: Settings, eval_dev: Path, tmp_path: Path
) -> None:
    s = chaos_settings
    lines = (eval_dev / "events.jsonl").read_text(encoding="utf-8").splitlines()[:3000]
    before, after = tmp_path / "before.jsonl", tmp_path / "after.jsonl"
    before.write_text("\n".join(lines[:1500]) + "\n", encoding="utf-8")
    after.write_text("\n".join(lines[1500:]) + "\n", encoding="utf-8")
    whole = tmp_path / "whole.jsonl"
    whole.write_text("\n".join(lines) + "\n", encoding="utf-8")
    recordings, actions = _expected(whole)

    worker, api = Proc(s, "worker"), Api(s)
    publisher = Publisher(s)  # one producer across the restart
    try:
        wait_for(lambda: api.healthz()[0] == 200, timeout_s=120, what="API up")
        ingest_file(before, publisher)
        wait_for(lambda: _lag(s) == 0, timeout_s=120, what="first half indexed")

        chaos_stack.stop_kafka()
        down_since = time.monotonic()
        seen = set()
        while time.monotonic() - down_since < 20:
            status, body = api.healthz()
            seen.add((status, body.get("status"), body.get("kafka", {}).get("ok")))
            time.sleep(2)
        assert (503, "degraded", False) in seen, seen
        chaos_stack.start_kafka()

        ingest_file(after, publisher)  # the same producer, reconnected
        publisher.close()
        wait_for(lambda: _lag(s) == 0, timeout_s=240, what="worker caught up after restart")
        assert worker.alive(), "worker exited when Kafka restarted"
        assert _count(s, "clips") == len(recordings)
        assert _count(s, "actions") == len(actions)
        assert _no_dead_letters(worker)
        wait_for(lambda: api.healthz()[0] == 200, timeout_s=60, what="API healthy again")
    finally:
        worker.stop()
        api.stop()
