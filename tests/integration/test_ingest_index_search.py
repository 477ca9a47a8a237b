"""Replay → Kafka → Faust worker → Elasticsearch → API search, on the real services."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from jiancha.elastic.client import sync_client
from jiancha.settings import Settings
from streams.ingest import ingest_file
from streams.publisher import Publisher
from tests.integration.review_fixtures import sign_in

pytestmark = pytest.mark.integration


def _counts(settings: Settings) -> dict[str, int]:
    es = sync_client(settings)
    try:
        p = settings.index_prefix
        es.indices.refresh(index=f"{p}-*")
        return {
            "clips": es.count(index=f"{p}-clips")["count"],
            "transcribed": es.count(index=f"{p}-clips", query={"term": {"has_transcript": True}})[
                "count"
            ],
            "actions": es.count(index=f"{p}-actions")["count"],
        }
    finally:
        es.close()


def _expected(events: Path, word: str) -> tuple[dict[str, int], set[str]]:
    counts = {"recording": 0, "transcript": 0, "enforcement_action": 0}
    saying: set[str] = set()
    for line in events.open(encoding="utf-8"):
        event = json.loads(line)
        counts[event["type"]] = counts.get(event["type"], 0) + 1
        if event["type"] == "transcript" and any(
            word in s["text"] for s in event["data"]["segments"]
        ):
            saying.add(event["data"]["recording_id"])
    return counts, saying


def test_eval_dev_is_searchable_and_replay_is_idempotent(settings, start_worker, eval_dev):
    events = eval_dev / "events.jsonl"
    expected, saying_cash = _expected(events, "现金")
    assert saying_cash, "eval-dev should contain transcripts that say 现金"

    worker = start_worker()
    with Publisher(settings) as publisher:
        sent = ingest_file(events, publisher)
    assert sent["dead_letter"] == 0
    worker.wait_caught_up()

    first = _counts(settings)
    assert first == {
        "clips": expected["recording"],
        "transcribed": expected["transcript"],
        "actions": expected["enforcement_action"],
    }

    with TestClient(create_app(settings)) as api:
        assert api.get("/clips/search", params={"q": "现金"}).status_code == 401
        api.headers.update(sign_in(api, settings))
        found: set[str] = set()
        page = 1
        while True:
            resp = api.get("/clips/search", params={"q": "现金", "size": 50, "page": page})
            assert resp.status_code == 200, resp.text
            body = resp.json()
            for item in body["items"]:
                found.add(item["recording_id"])
                assert item["segments"], "every hit names the segments that matched"
                assert any("<em>现金</em>" in s["highlight"] for s in item["segments"])
                assert all(s["end"] >= s["start"] >= 0 for s in item["segments"])
            if page * 50 >= body["total"]:
                break
            page += 1
        assert body["total"] == len(saying_cash)
        assert found == saying_cash

        # Filters narrow the same search.
        one = sorted(saying_cash)[0]
        squad = api.get("/clips/search", params={"q": "现金", "size": 50}).json()
        squad_id = next(i["squad_id"] for i in squad["items"] if i["recording_id"] == one)
        narrowed = api.get("/clips/search", params={"q": "现金", "squad_id": squad_id}).json()
        assert narrowed["total"] <= len(saying_cash)
        assert all(i["squad_id"] == squad_id for i in narrowed["items"])

    # The same file again: Kafka holds twice the events, Elasticsearch the same documents.
    with Publisher(settings) as publisher:
        ingest_file(events, publisher)
    worker.wait_caught_up()
    assert _counts(settings) == first
