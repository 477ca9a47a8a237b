"""Issue 13: a registered recording's media and hash cannot be replaced, through the API or the
``recordings`` topic, and every upload is audited.

Attack: upload again under an existing ``recording_id`` (the media, hash and transcript were
replaced, the cash demand and its flag were gone, nothing was audited), or publish a second
``recording`` event with the same id and another ``sha256``/``media_uri``.
"""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from kafka import KafkaConsumer

from api.main import create_app
from api.routes.recordings import claim_path
from jiancha import topics
from jiancha.elastic.client import sync_client
from jiancha.schemas.recordings import Recording
from jiancha.schemas.transcripts import Transcript
from jiancha.settings import Settings
from jiancha.topics import topic_name
from streams.publisher import Publisher
from streams.speech.media import sha256_of
from tests.conftest import wait_for
from tests.integration.faults import free_port
from tests.integration.review_fixtures import create_accounts, login
from tests.unit.speech_audio import voice, write_wav

FORM = {
    "device_id": "BWC-0007",
    "device_type": "body_cam",
    "officer_ids": "MD000001",
    "squad_id": "mudan-1",
    "started_at": "2026-04-01T18:32:00+08:00",
    "ended_at": "2026-04-01T18:32:02+08:00",
}


def _read(settings: Settings, base: str) -> list[tuple[str | None, dict]]:
    """Everything on a topic of this test: (key, value)."""
    consumer = KafkaConsumer(
        topic_name(settings.topic_prefix, base),
        bootstrap_servers=settings.kafka_bootstrap,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=3000,
    )
    try:
        return [(m.key.decode() if m.key else None, json.loads(m.value)) for m in consumer]
    finally:
        consumer.close()


def _upload(api: TestClient, headers: dict, recording_id: str, media: Path) -> object:
    with media.open("rb") as f:
        return api.post(
            "/recordings",
            headers=headers,
            data={**FORM, "recording_id": recording_id},
            files={"file": (media.name, f, "audio/wav")},
        )


@pytest.fixture
def api_settings(settings: Settings, tmp_path: Path) -> Settings:
    """The test's settings with an upload store of its own (accounts: after the indices)."""
    return settings.model_copy(update={"data_dir": tmp_path / "api"})


def test_an_uploaded_recording_cannot_be_replaced_and_every_upload_is_audited(
    api_settings: Settings, tmp_path: Path
):
    s = api_settings
    evidence = write_wav(tmp_path / "cash.wav", voice(180, 2.0, seed=1))
    replacement = write_wav(tmp_path / "clean.wav", voice(220, 2.0, seed=2))
    with TestClient(create_app(s)) as api:
        create_accounts(s)
        reviewer = login(api, "reviewer")
        first = _upload(api, reviewer, "REC-CASH", evidence)
        assert first.status_code == 202, first.text
        stored = Path(first.json()["media_uri"].removeprefix("file://"))

        # The attack: the same id with other media (the cash demand would disappear).
        again = _upload(api, reviewer, "REC-CASH", replacement)
        assert again.status_code == 409, again.text
        assert "已登记" in again.json()["detail"]
        # Nor with the same media, nor by an administrator.
        assert _upload(api, login(api, "admin"), "REC-CASH", evidence).status_code == 409

        # Two uploads of one new id racing each other: exactly one is registered.
        with ThreadPoolExecutor(2) as pool:
            racing = list(
                pool.map(lambda m: _upload(api, reviewer, "REC-RACE", m), [evidence, replacement])
            )
        assert sorted(r.status_code for r in racing) == [202, 409], [r.text for r in racing]

        # The legitimate use next to it: a new recording under a new id is accepted.
        other = _upload(api, reviewer, "REC-NEXT", replacement)
        assert other.status_code == 202, other.text

        # Exactly one announcement per id, the first one's media and hash.
        announced: dict[str, list[dict]] = {}
        for _, value in _read(s, topics.RECORDINGS):
            announced.setdefault(value["recording_id"], []).append(value)
        assert sorted(announced) == ["REC-CASH", "REC-NEXT", "REC-RACE"]
        assert all(len(v) == 1 for v in announced.values())
        [cash] = announced["REC-CASH"]
        assert cash["sha256"] == sha256_of(evidence) == first.json()["sha256"]
        assert cash["media_uri"] == first.json()["media_uri"]
        # The stored evidence is unchanged, and read-only.
        assert sha256_of(stored) == sha256_of(evidence)
        assert stored.stat().st_mode & 0o222 == 0

        # Every accepted upload is on the audit trail, who and what.
        supervisor = login(api, "supervisor")
        trail = api.get(
            "/audit", headers=supervisor, params={"action": "recordings.upload"}
        ).json()["items"]
        uploads = {(a["actor"], a["target"], a["detail"]["sha256"]) for a in trail}
        assert uploads == {
            ("reviewer", "REC-CASH", sha256_of(evidence)),
            ("reviewer", "REC-RACE", announced["REC-RACE"][0]["sha256"]),
            ("reviewer", "REC-NEXT", sha256_of(replacement)),
        }


def test_an_upload_that_cannot_be_audited_is_refused_and_leaves_the_id_free(
    api_settings: Settings, tmp_path: Path
):
    s = api_settings
    media = write_wav(tmp_path / "clip.wav", voice(200, 2.0))
    with TestClient(create_app(s)) as api:
        create_accounts(s)
        token = login(api, "reviewer")  # signed in while Kafka is there

    no_kafka = s.model_copy(update={"kafka_bootstrap": f"127.0.0.1:{free_port()}"})
    with TestClient(create_app(no_kafka)) as api:
        refused = _upload(api, token, "REC-UNAUDITED", media)
    assert refused.status_code == 503 and "审计" in refused.json()["detail"]
    assert not claim_path(s, "REC-UNAUDITED").exists()
    assert _read(s, topics.RECORDINGS) == []

    with TestClient(create_app(s)) as api:  # Kafka is back: the retry goes through
        assert _upload(api, token, "REC-UNAUDITED", media).status_code == 202


def _recording(recording_id: str, officer: str, sha: str, uri: str) -> Recording:
    return Recording(
        recording_id=recording_id,
        device_id="BWC-0007",
        device_type="body_cam",
        officer_ids=[officer],
        squad_id="mudan-1",
        started_at="2026-04-01T18:32:00+08:00",  # type: ignore[arg-type]
        ended_at="2026-04-01T18:34:00+08:00",  # type: ignore[arg-type]
        uploaded_at="2026-04-01T19:00:00+08:00",  # type: ignore[arg-type]
        sha256=sha,
        media_uri=uri,
    )


def test_a_second_recording_event_cannot_replace_the_registered_media(settings, start_worker):
    s = settings
    registered = _recording("REC-CASH", "MD000001", "a" * 64, "file:///media/aa/a.m4a")
    # The attacker picks another officer: another key, possibly another partition.
    forged = _recording("REC-CASH", "MD000099", "b" * 64, "file:///tmp/clean.m4a")
    # Legitimate: a transcript indexed before its recording (the transcriber was quicker).
    early = Transcript.model_validate(
        {"recording_id": "REC-LATE", "engine": "reference", "segments": []}
    )
    late = _recording("REC-LATE", "MD000002", "c" * 64, "file:///media/cc/c.m4a")

    def send(*events: tuple[str, str, bytes]) -> None:
        with Publisher(s) as publisher:
            for base, key, value in events:
                publisher.send(base, key, value)

    def payload(r: Recording) -> bytes:
        return r.model_dump_json().encode()

    worker = start_worker()
    send(
        (topics.RECORDINGS, registered.key, payload(registered)),
        (topics.TRANSCRIPTS, early.recording_id, early.model_dump_json().encode()),
    )
    worker.wait_caught_up()
    send((topics.RECORDINGS, late.key, payload(late)))
    worker.wait_caught_up()

    es = sync_client(s)
    clips = f"{s.index_prefix}-clips"
    try:
        before = es.get(index=clips, id="REC-CASH")
        assert before["_source"]["sha256"] == "a" * 64
        late_clip = es.get(index=clips, id="REC-LATE")["_source"]
        assert late_clip["sha256"] == "c" * 64 and late_clip["has_transcript"] is True

        # The attack.
        send((topics.RECORDINGS, forged.key, payload(forged)))
        worker.wait_caught_up()

        def tampering() -> list[dict]:
            return [v for _, v in _read(s, topics.FLAGS) if v["category"] == "evidence_tampering"]

        [flag] = wait_for(tampering, timeout_s=60, what="an evidence_tampering flag")
        assert flag["recording_ids"] == ["REC-CASH"]
        assert (flag["officer_id"], flag["squad_id"]) == ("MD000001", "mudan-1")
        assert "a" * 64 in flag["evidence"][0]["excerpt"]
        assert "b" * 64 in flag["evidence"][0]["excerpt"]

        def letters() -> list[dict]:
            return [v for _, v in _read(s, topics.DEAD_LETTERS)]

        [letter] = wait_for(letters, timeout_s=60, what="a dead letter")
        assert letter["stage"] == "worker" and letter["reason"].startswith("证据冲突")
        assert "REC-CASH" in letter["reason"] and "不可替换" in letter["reason"]
        assert json.loads(letter["payload"])["sha256"] == "b" * 64

        after = es.get(index=clips, id="REC-CASH")
        assert after["_source"]["sha256"] == "a" * 64
        assert after["_source"]["media_uri"] == registered.media_uri
        assert after["_source"]["officer_ids"] == ["MD000001"]  # refused whole
        assert after["_version"] == before["_version"]

        # An identical replay of the registration changes nothing and raises nothing.
        send((topics.RECORDINGS, registered.key, payload(registered)))
        worker.wait_caught_up()
        time.sleep(2)  # a flag or letter would have been sent before the offset was committed
        assert es.get(index=clips, id="REC-CASH")["_version"] == before["_version"]
        assert len(tampering()) == 1 and len(letters()) == 1
    finally:
        es.close()
