"""Kafka is the system of record of cases: drop the cases index, replay, get the same index.

eval-dev goes through the real worker and analyzer, a transcriber-like service reports a tampered
recording on ``flags``, reviewers decide a few cases through the API; then the cases index is
dropped and the analyzer (whose case builder replays ``flags``, ``complaints``, ``case-events``
and ``case-assignments`` from the beginning) started again: the rebuilt index equals the live
one, field by field, decisions and assignments included.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from analyzers.batch import analyze_file
from api.main import create_app
from jiancha import topics
from jiancha.elastic.client import sync_client
from jiancha.schemas.recordings import Recording
from jiancha.settings import Settings
from streams.ingest import ingest_file
from streams.publisher import Publisher
from streams.speech.service import tampering_flag
from tests.conftest import INDEXED_TOPICS, caught_up, wait_for
from tests.integration.faults import Proc
from tests.integration.review_fixtures import create_accounts, login
from tests.integration.test_analyzer_stream import ANALYZED, _cases

pytestmark = pytest.mark.integration

CASE_INPUTS = [topics.FLAGS, topics.COMPLAINTS, topics.CASE_EVENTS, topics.CASE_ASSIGNMENTS]


def _all_caught_up(settings: Settings, worker: Proc, analyzer: Proc) -> bool:
    return bool(
        caught_up(settings, "indexer", INDEXED_TOPICS, worker.proc)
        and caught_up(settings, "analyzer", ANALYZED, analyzer.proc)
        and caught_up(settings, "analyzer", CASE_INPUTS, analyzer.proc)
    )


def _cases_now(settings: Settings) -> dict[str, dict[str, Any]]:
    """The cases index as it is ({} until the analyzer has created it)."""
    from elasticsearch import NotFoundError

    try:
        return _cases(settings)
    except NotFoundError:
        return {}


def _drop_cases_index(settings: Settings) -> None:
    es = sync_client(settings)
    try:
        alias = f"{settings.index_prefix}-cases"
        (index,) = es.indices.get_alias(name=alias).body
        es.indices.delete(index=index)
        assert not es.indices.exists(index=alias)
    finally:
        es.close()


def test_dropping_the_cases_index_and_replaying_kafka_gives_the_same_index(settings, eval_dev):
    events = eval_dev / "events.jsonl"
    batch_flags, _ = analyze_file(events)
    expected_cases = {f.case_id for f in batch_flags}
    first_recording = next(
        json.loads(line)["data"]
        for line in events.open(encoding="utf-8")
        if '"type": "recording"' in line or '"type":"recording"' in line
    )
    tampered = tampering_flag(Recording.model_validate(first_recording), "f" * 64)
    tampered_case = f"C-{first_recording['recording_id']}"

    procs: list[Proc] = []
    try:
        worker, analyzer = Proc(settings, "worker"), Proc(settings, "analyzer")
        procs += [worker, analyzer]
        with Publisher(settings) as publisher:
            ingest_file(events, publisher)
            # what the transcriber publishes when a file is not the registered one
            publisher.send(topics.FLAGS, tampered.key, tampered.to_json_bytes())
        wait_for(
            lambda: _all_caught_up(settings, worker, analyzer), timeout_s=300, what="caught up"
        )
        wanted = expected_cases | {tampered_case}
        wait_for(
            lambda: {c for c, d in _cases_now(settings).items() if not d["withdrawn"]} >= wanted,
            timeout_s=120,
            what="every case built",
        )
        tampering = _cases(settings)[tampered_case]
        assert "evidence_tampering" in tampering["categories"]
        assert tampering["status"] == "pending" and tampering["severity"] == 5

        # Reviewers decide a few cases through the API (claim, then CaseDecided on Kafka).
        decided: dict[str, str] = {}
        with TestClient(create_app(settings)) as api:
            create_accounts(settings)
            who = {"reviewer": login(api, "reviewer"), "supervisor": login(api, "supervisor")}
            pending = sorted(expected_cases)
            for case_id, decision, by in (
                (pending[0], "confirm", "reviewer"),
                (pending[1], "dismiss", "reviewer"),
                (pending[2], "confirm", "supervisor"),
                (tampered_case, "confirm", "supervisor"),
            ):
                resp = api.post(
                    f"/cases/{case_id}/decision",
                    json={"decision": decision, "reason": "经核查录像与执法记录，情况属实。"},
                    headers=who[by],
                )
                assert resp.status_code == 200, resp.text
                decided[case_id] = resp.json()["status"]
            # 我的待办: two cases assigned (case-assignments), kept by the rebuild too.
            assigned = pending[3:5]
            resp = api.post(
                "/queue/assignments",
                json={"case_ids": assigned, "assignee": "reviewer"},
                headers=who["supervisor"],
            )
            assert resp.status_code == 200, resp.text
        wait_for(
            lambda: caught_up(settings, "analyzer", CASE_INPUTS, analyzer.proc),
            timeout_s=120,
            what="decisions projected",
        )
        live = _cases(settings)
        for case_id, status in decided.items():
            assert live[case_id]["status"] == status
            assert live[case_id]["decision"]["event_id"] == live[case_id]["history"][0]["event_id"]
        assert len(live) >= len(wanted)

        # Drop the index; the analyzer, started again, rebuilds it from Kafka alone.
        analyzer.stop()
        _drop_cases_index(settings)
        again = Proc(settings, "analyzer")
        procs.append(again)
        wait_for(
            lambda: (
                caught_up(settings, "analyzer", CASE_INPUTS, again.proc)
                and len(_cases_now(settings)) >= len(live)
            ),
            timeout_s=300,
            what="the cases rebuilt",
        )

        def same() -> dict[str, Any] | None:
            rebuilt = _cases_now(settings)
            return rebuilt if rebuilt == live else None

        try:
            rebuilt = wait_for(same, timeout_s=90, what="the rebuilt index equal to the live one")
        except AssertionError:
            rebuilt = _cases(settings)
            assert set(rebuilt) == set(live)
            for case_id, doc in live.items():  # the first difference, field by field
                for field in sorted(doc.keys() | rebuilt[case_id].keys()):
                    assert rebuilt[case_id].get(field) == doc.get(field), (case_id, field)
            raise
        for case_id in assigned:
            assert rebuilt[case_id]["assignment"]["assignee"] == "reviewer"
        for case_id, status in decided.items():
            assert rebuilt[case_id]["status"] == status
            assert rebuilt[case_id]["decision"] == live[case_id]["decision"]
            assert rebuilt[case_id]["history"] == live[case_id]["history"]
    finally:
        for p in procs:
            p.stop()
