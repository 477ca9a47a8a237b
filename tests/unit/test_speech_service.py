"""One recording through the transcriber service, with a fake engine: each outcome."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from jiancha.schemas.flags import SegmentEvidence
from jiancha.schemas.recordings import Recording
from jiancha.schemas.transcripts import Transcript
from streams.speech.engines import Engine, EngineSegment, Word
from streams.speech.media import sha256_of
from streams.speech.pipeline import Transcriber
from streams.speech.service import RULE_VERSION, process_recording
from streams.speech.vocabulary import Correction, load_vocabulary
from tests.unit.speech_audio import RATE, voice, write_wav

# What the fake engine "heard": Traditional characters, half-width punctuation, Arabic numerals
# and two misheard domain terms (陈述身边, 角纳).
SEGMENTS = [
    EngineSegment(
        0.0,
        1.0,
        "請出示駕駛證.",
        (Word(0.0, 0.4, "請出示", 0.9), Word(0.4, 1.0, "駕駛證.", 0.8)),
        avg_logprob=-0.2,
        no_speech_prob=0.01,
    ),
    EngineSegment(
        1.2,
        2.0,
        "你有权陈述身边,罚款200元去银行角纳",
        (
            Word(1.2, 1.6, "你有权陈述身边,", 0.7),
            Word(1.6, 1.8, "罚款200元", 0.9),
            Word(1.8, 2.0, "去银行角纳", 0.8),
        ),
        avg_logprob=-0.3,
        no_speech_prob=0.02,
    ),
]


class FakeEngine:
    """An :class:`~streams.speech.engines.Engine` that returns fixed segments and counts calls."""

    name = "fake-engine/1"

    def __init__(self, segments: list[EngineSegment] | None = None, error: Exception | None = None):
        self.segments = SEGMENTS if segments is None else segments
        self.error = error
        self.calls: list[int] = []

    def transcribe(self, audio: np.ndarray) -> list[EngineSegment]:
        self.calls.append(len(audio))
        if self.error is not None:
            raise self.error
        return self.segments


def _transcriber(engine: Engine) -> Transcriber:
    # A tone is hardly speech to VAD; the hallucination guard has its own tests.
    return Transcriber(engine, load_vocabulary(), hallucination_guard=False)


def _recording(sha256: str, media_uri: str = "media/REC-000001.wav") -> Recording:
    return Recording.model_validate(
        {
            "recording_id": "REC-000001",
            "device_id": "BWC-0001",
            "device_type": "body_cam",
            "officer_ids": ["KA000001"],
            "squad_id": "kaifa-1",
            "started_at": "2026-04-01T08:00:00+08:00",
            "ended_at": "2026-04-01T08:00:02+08:00",
            "uploaded_at": "2026-04-01T09:00:00+08:00",
            "sha256": sha256,
            "media_uri": media_uri,
        }
    )


@pytest.fixture
def media_root(tmp_path: Path) -> Path:
    """A media root holding a two-second WAV at ``media/REC-000001.wav``."""
    (tmp_path / "media").mkdir()
    write_wav(tmp_path / "media" / "REC-000001.wav", voice(150, 2.0))
    return tmp_path


@pytest.fixture
def registered_sha(media_root: Path) -> str:
    return sha256_of(media_root / "media" / "REC-000001.wav")


def test_fake_engine_satisfies_the_protocol():
    engine: Engine = FakeEngine()  # a type check as much as a test
    assert engine.name == "fake-engine/1"


def test_a_registered_file_becomes_a_normalised_corrected_transcript(media_root, registered_sha):
    engine = FakeEngine()
    outcome = process_recording(_recording(registered_sha), _transcriber(engine), media_root)

    assert outcome.kind == "transcript"
    assert (outcome.flag, outcome.code) == (None, None)
    assert engine.calls == [2 * RATE]
    transcript = outcome.transcript
    assert isinstance(transcript, Transcript)
    # The event is valid as it travels on Kafka.
    assert Transcript.model_validate_json(transcript.to_json_bytes()) == transcript
    assert transcript.recording_id == "REC-000001"
    assert transcript.engine == "fake-engine/1"
    assert transcript.language == "zh"
    assert [s.text for s in transcript.segments] == [
        "请出示驾驶证。",
        "你有权陈述申辩，罚款两百元去银行缴纳",
    ]
    assert [(s.start, s.end) for s in transcript.segments] == [(0.0, 1.0), (1.2, 2.0)]
    assert {s.speaker for s in transcript.segments} == {"officer"}  # officer words, one voice
    assert [s.confidence for s in transcript.segments] == [0.85, 0.8]
    # Optional fields beyond v1: what the work cost.
    assert transcript.model_extra is not None
    assert transcript.model_extra["audio_seconds"] == 2.0
    assert transcript.model_extra["rtf"] >= 0

    result = outcome.result
    assert result is not None
    assert result.corrections == [
        Correction(3, "陈述身边", "陈述申辩"),
        Correction(13, "去银行角纳", "去银行缴纳"),
    ]
    assert "陈述身边" in result.uncorrected_text and "陈述申辩" in result.text


def test_a_file_that_is_not_the_registered_one_is_flagged_and_not_transcribed(media_root):
    engine = FakeEngine()
    registered = "0" * 64
    outcome = process_recording(_recording(registered), _transcriber(engine), media_root)

    assert outcome.kind == "tampered"
    assert engine.calls == []
    assert outcome.transcript is None
    flag = outcome.flag
    assert flag is not None
    assert flag.category == "evidence_tampering"
    assert flag.class_ == "procedure"
    assert b'"class":"procedure"' in flag.to_json_bytes()
    assert flag.rule_version == RULE_VERSION
    assert flag.flag_id == "evidence_tampering:REC-000001"
    assert (flag.officer_id, flag.squad_id, flag.key) == ("KA000001", "kaifa-1", "KA000001")
    assert flag.recording_ids == ["REC-000001"]
    actual = sha256_of(media_root / "media" / "REC-000001.wav")
    [evidence] = flag.evidence
    assert isinstance(evidence, SegmentEvidence)
    assert (evidence.start, evidence.end) == (0.0, 2.0)
    assert registered in evidence.excerpt and actual in evidence.excerpt
    assert "REC-000001" in flag.explanation
    assert re.search(r"[\u4e00-\u9fff]{4}", flag.explanation)
    assert "SHA-256" in flag.explanation


def test_missing_media_is_rejected(media_root, registered_sha):
    engine = FakeEngine()
    recording = _recording(registered_sha, media_uri="media/REC-404.wav")
    outcome = process_recording(recording, _transcriber(engine), media_root)
    assert (outcome.kind, outcome.code) == ("rejected", "missing")
    assert outcome.reason is not None and "REC-000001" in outcome.reason
    assert engine.calls == []


def test_media_outside_the_root_is_rejected(media_root, registered_sha):
    recording = _recording(registered_sha, media_uri="../../etc/passwd")
    outcome = process_recording(recording, _transcriber(FakeEngine()), media_root)
    assert (outcome.kind, outcome.code) == ("rejected", "bad_uri")


def test_an_undecodable_registered_file_is_rejected(media_root):
    path = media_root / "media" / "REC-000001.m4a"
    path.write_bytes(b"not audio" * 50)
    engine = FakeEngine()
    recording = _recording(sha256_of(path), media_uri="media/REC-000001.m4a")
    outcome = process_recording(recording, _transcriber(engine), media_root)
    assert outcome.kind == "rejected"
    assert outcome.code in ("unsupported", "corrupt")
    assert engine.calls == []


def test_an_engine_failure_is_rejected_with_code_engine(media_root, registered_sha):
    engine = FakeEngine(error=RuntimeError("CUDA out of memory"))
    outcome = process_recording(_recording(registered_sha), _transcriber(engine), media_root)
    assert (outcome.kind, outcome.code) == ("rejected", "engine")
    assert outcome.reason is not None
    assert "REC-000001" in outcome.reason and "CUDA out of memory" in outcome.reason
    assert engine.calls == [2 * RATE]


# --- the pipeline below the service --------------------------------------------------------------


def test_low_confidence_runs_are_dropped():
    hiss = EngineSegment(
        1.5, 2.0, "作词作曲", (Word(1.5, 2.0, "作词作曲", 0.1),), avg_logprob=-3, no_speech_prob=0.9
    )
    result = _transcriber(FakeEngine([SEGMENTS[0], hiss])).transcribe_audio(
        np.zeros(2 * RATE, dtype=np.float32)
    )
    assert [s.text for s in result.segments] == ["请出示驾驶证。"]
    assert result.duration_s == 2.0


def test_a_segment_without_words_is_one_word_with_the_segment_probability():
    bare = EngineSegment(0.0, 1.0, "请出示驾驶证", (), avg_logprob=np.log(0.6), no_speech_prob=0)
    result = _transcriber(FakeEngine([bare])).transcribe_audio(np.zeros(RATE, dtype=np.float32))
    [segment] = result.segments
    assert (segment.text, segment.start, segment.end, segment.confidence) == (
        "请出示驾驶证",
        0.0,
        1.0,
        0.6,
    )


def test_a_sentence_end_before_a_pause_starts_a_new_segment():
    words = (
        Word(0.0, 0.5, "请出示驾驶证。", 0.9),
        Word(1.0, 1.5, "配合一下", 0.9),  # 0.5 s later
        Word(1.55, 2.0, "谢谢", 0.9),  # no pause
    )
    seg = EngineSegment(0.0, 2.0, "", words, avg_logprob=-0.1, no_speech_prob=0)
    result = _transcriber(FakeEngine([seg])).transcribe_audio(np.zeros(2 * RATE, dtype=np.float32))
    assert [s.text for s in result.segments] == ["请出示驾驶证。", "配合一下谢谢"]


def test_nothing_heard_is_an_empty_transcript():
    result = _transcriber(FakeEngine([])).transcribe_audio(np.zeros(RATE, dtype=np.float32))
    transcript = result.transcript("REC-000002")
    assert transcript.segments == [] and transcript.text == ""
