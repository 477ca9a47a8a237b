"""The first start on a new machine (issue 12): the analyzer on a broker no client has used yet.

A new broker has no group coordinator until someone asks for one (``__consumer_offsets`` is
created on the first request); the analyzer, which resets its consumer group as it starts, must
wait for it rather than exit. The private stack is started from an empty data directory and the
analyzer is its first client.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from analyzers.batch import analyze_file
from jiancha.elastic.client import sync_client
from jiancha.settings import Settings
from jiancha.synthetic.month import generate_month
from jiancha.topics import CATALOGUE, topic_name
from streams.ingest import ingest_file
from streams.publisher import Publisher
from tests.chaos.conftest import ChaosStack
from tests.conftest import drop_prefix, wait_for
from tests.integration.faults import Proc

pytestmark = [pytest.mark.integration, pytest.mark.chaos]


@pytest.fixture
def month(tmp_path: Path) -> Path:
    """2,000 synthetic events (written before the stack starts, so the analyzer starts at once)."""
    path = tmp_path / "month.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for event in generate_month(2000, seed=3):
            out.write(json.dumps(event, ensure_ascii=False) + "\n")
    return path


def _topics_created(settings: Settings, analyzer: Proc) -> bool:
    """The analyzer has created its topics (a metadata request: no group API)."""
    from kafka import KafkaAdminClient

    assert analyzer.alive(), "analyzer exited"
    admin = KafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap, client_id="test-topics")
    try:
        existing = set(admin.list_topics())
    finally:
        admin.close()
    return all(topic_name(settings.topic_prefix, t.name) in existing for t in CATALOGUE)


def _cases(settings: Settings) -> dict[str, dict[str, Any]]:
    es = sync_client(settings)
    try:
        alias = f"{settings.index_prefix}-cases"
        if not es.indices.exists_alias(name=alias):
            return {}
        es.indices.refresh(index=alias)
        hits = es.search(index=alias, size=1000, query={"match_all": {}})["hits"]["hits"]
        return {h["_id"]: h["_source"] for h in hits}
    finally:
        es.close()


def test_analyzer_starts_on_a_new_broker(month: Path, fresh_stack: ChaosStack) -> None:
    name = f"f{uuid.uuid4().hex[:10]}"
    s = fresh_stack.settings.model_copy(
        update={"topic_prefix": f"{name}-", "index_prefix": name, "app_id": name, "partitions": 3}
    )
    batch_flags, _ = analyze_file(month)
    expected_flags = {f.flag_id for f in batch_flags}
    expected_cases = {f.case_id for f in batch_flags}
    assert expected_flags

    analyzer = Proc(s, "analyzer")  # the broker's first client
    try:
        wait_for(lambda: _topics_created(s, analyzer), timeout_s=120, what="analyzer's topics")
        with Publisher(s) as publisher:
            ingest_file(month, publisher)

        def flags_in_cases() -> set[str]:
            assert analyzer.alive(), "analyzer exited"
            return {f["flag_id"] for c in _cases(s).values() for f in c["flags"]}

        wait_for(lambda: flags_in_cases() == expected_flags, timeout_s=180, what="cases in ES")
        live = {cid for cid, c in _cases(s).items() if not c["withdrawn"]}
        assert live == expected_cases
        assert analyzer.alive(), "analyzer exited"
    finally:
        analyzer.stop()
        drop_prefix(s)
