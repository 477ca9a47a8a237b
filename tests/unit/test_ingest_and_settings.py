"""Replay routing (with an in-memory publisher) and fail-fast settings."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from pydantic import ValidationError

from jiancha import topics
from jiancha.settings import Settings
from streams.dead_letters import dead_letter, dead_letter_of
from streams.ingest import ingest_file


class MemoryPublisher:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str | None, bytes]] = []
        self.flushed = False

    def send(self, topic: str, key: str | None, value: bytes) -> None:
        self.sent.append((topic, key, value))

    def flush(self) -> None:
        self.flushed = True


def test_lines_go_to_their_topics_and_broken_lines_to_dead_letters(tmp_path):
    path = tmp_path / "e.jsonl"
    path.write_text(
        json.dumps({"type": "enforcement_action", "data": {"officer_id": "KA1", "action_id": "A"}})
        + "\n\n{broken\n"
        + json.dumps({"type": "policy", "data": {"policy_id": "P1"}}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    pub = MemoryPublisher()
    counts = ingest_file(path, pub)  # type: ignore[arg-type]
    assert counts == {"enforcement_action": 1, "dead_letter": 1, "policy": 1}
    assert pub.sent[0][:2] == (topics.ENFORCEMENT_ACTIONS, "KA1")
    dead = json.loads(pub.sent[1][2])
    assert pub.sent[1][0] == topics.DEAD_LETTERS
    assert dead["position"] == "第3行" and dead["payload"] == "{broken"
    assert pub.sent[2][:2] == (topics.POLICIES, "P1")
    assert pub.flushed


def test_dead_letters_keep_size_and_survive_bad_utf8():
    letter = dead_letter(
        "原因",
        stage="worker",
        source="recordings",
        position="0:1",
        payload=b"\xff" * 20,
        now=datetime.now(UTC),
        keep_bytes=8,
    )
    assert letter.payload_bytes == 20
    assert letter.payload == "\ufffd" * 8


def test_dead_letter_of_a_stream_event_names_its_topic_position_and_key():
    message = SimpleNamespace(topic="t1-recordings", partition=2, offset=41)
    event = SimpleNamespace(value=b'{"recording_id": 7}', key=b"KA1", message=message)
    letter = dead_letter_of(event, "原因", stage="worker", now=datetime.now(UTC))
    assert (letter.source, letter.position, letter.key) == ("t1-recordings", "2:41", "KA1")
    assert letter.dead_key == "t1-recordings@2:41" and letter.payload == '{"recording_id": 7}'
    unkeyed = SimpleNamespace(value=b"{", key=None, message=message)
    assert dead_letter_of(unkeyed, "原因", stage="analyzer", now=datetime.now(UTC)).key is None


def test_settings_fail_fast_on_bad_values():
    with pytest.raises(ValidationError):
        Settings(index_prefix="Upper")
    with pytest.raises(ValidationError):
        Settings(es_heap="lots")
    with pytest.raises(ValidationError):
        Settings(partitions=0)
    s = Settings(es_password="secret")
    assert "secret" not in repr(s)


def test_media_hosts_are_a_checked_list(monkeypatch: pytest.MonkeyPatch):
    assert Settings().media_hosts == ()  # no download unless an operator allows a host
    monkeypatch.setenv("JIANCHA_MEDIA_HOSTS", "NAS.local, 10.0.0.5:8080 [::1]:9")
    assert Settings().media_hosts == ("nas.local", "10.0.0.5:8080", "[::1]:9")
    monkeypatch.setenv("JIANCHA_MEDIA_HOSTS", "")
    assert Settings().media_hosts == ()
    for bad in ["http://nas.local", "nas.local/media", "nas.local:http", "u@nas.local", "x:99999"]:
        with pytest.raises(ValidationError):
            Settings(media_hosts=bad)
    with pytest.raises(ValidationError):
        Settings(media_fetch_timeout_s=0)


def test_final_months_are_on_by_default_and_the_allowance_exceeds_the_rules_reach():
    from analyzers.engine import Engine

    assert Settings().analyzer_lateness_days == 14
    assert Engine.evicting(Settings()).lateness is not None
    assert Engine.evicting(Settings(analyzer_lateness_days=0)).lateness is None  # off
    with pytest.raises(ValidationError, match="迟到期限"):
        Settings(analyzer_lateness_days=7)
