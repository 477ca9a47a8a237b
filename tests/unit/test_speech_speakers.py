"""Who spoke: pitch of synthetic voices, splitting them in two, and telling the officer's voice."""

from __future__ import annotations

import numpy as np
import pytest

from streams.speech.speakers import (
    SpeechChunk,
    cue_score,
    measure,
    pick_officer,
    speech_chunks,
    two_voices,
)
from tests.unit.speech_audio import RATE, voice


def _chunks(pitches: list[float], seconds: float = 1.0) -> list[SpeechChunk]:
    """Measured chunks of back-to-back voiced tones, one per pitch."""
    audio = np.concatenate([voice(f, seconds, seed=i) for i, f in enumerate(pitches)])
    return [measure(audio, i * seconds, (i + 1) * seconds) for i in range(len(pitches))]


def _chunk(start: float, end: float, pitch: float | None = 150.0, level: float = -20.0):
    return SpeechChunk(start, end, pitch, 50 if pitch else 0, level)


# --- measure -------------------------------------------------------------------------------------


@pytest.mark.parametrize("f0", [100.0, 120.0, 180.0, 240.0, 300.0])
def test_measure_finds_the_pitch(f0):
    chunk = measure(voice(f0, 1.0), 0.0, 1.0)
    assert chunk.pitch_hz is not None
    assert abs(chunk.pitch_hz - f0) / f0 < 0.10
    assert chunk.voiced_frames >= 8
    assert (chunk.start, chunk.end) == (0.0, 1.0)


def test_measure_reads_only_its_stretch():
    audio = np.concatenate([voice(120, 1.0), voice(240, 1.0, seed=1)])
    low, high = measure(audio, 0.0, 1.0), measure(audio, 1.0, 2.0)
    assert low.pitch_hz is not None and high.pitch_hz is not None
    assert abs(high.pitch_hz / low.pitch_hz - 2.0) < 0.2


def test_measure_loudness_in_db():
    quiet, loud = measure(voice(150, 1.0, amp=0.03), 0, 1), measure(voice(150, 1.0, amp=0.3), 0, 1)
    assert loud.level_db - quiet.level_db == pytest.approx(20, abs=1.5)


def test_silence_and_noise_have_no_pitch():
    silence = measure(np.zeros(RATE, dtype=np.float32), 0.0, 1.0)
    assert silence.pitch_hz is None and silence.voiced_frames == 0
    assert silence.level_db == -120.0
    noise = 0.1 * np.random.default_rng(2).standard_normal(RATE).astype(np.float32)
    assert measure(noise, 0.0, 1.0).pitch_hz is None


def test_a_stretch_too_short_to_measure_has_no_pitch():
    assert measure(voice(150, 1.0), 0.0, 0.02).pitch_hz is None  # 20 ms < one 40-ms frame


def test_silence_has_no_speech_chunks():
    assert speech_chunks(np.zeros(RATE, dtype=np.float32)) == []


def test_voice_measured_on_the_denoised_samples_where_vad_found_speech(monkeypatch):
    """Street audio: VAD reads the recording, pitch and loudness the denoised copy (issue 14)."""
    import faster_whisper.vad

    found = [{"start": 0, "end": RATE}]
    monkeypatch.setattr(faster_whisper.vad, "get_speech_timestamps", lambda *_a, **_k: found)
    noisy = 0.1 * np.random.default_rng(3).standard_normal(RATE).astype(np.float32)
    (plain,) = speech_chunks(noisy)
    (clean,) = speech_chunks(noisy, voice=voice(200, 1.0))
    assert plain.pitch_hz is None
    assert clean.pitch_hz is not None and abs(clean.pitch_hz - 200) / 200 < 0.10
    assert (clean.start, clean.end) == (plain.start, plain.end) == (0.0, 1.0)


# --- two_voices ----------------------------------------------------------------------------------


def test_two_voices_separates_low_and_high():
    chunks = _chunks([120, 240, 125, 235, 118])
    assert two_voices(chunks) == [0, 1, 0, 1, 0]


def test_one_shared_pitch_is_one_voice():
    assert two_voices(_chunks([120, 122, 118, 121])) == [0, 0, 0, 0]


def test_voices_closer_than_two_semitones_are_one():
    near = [_chunk(0, 1, 120.0), _chunk(1, 2, 130.0)]  # ~1.4 semitones apart
    assert two_voices(near) == [0, 0]
    far = [_chunk(0, 1, 120.0), _chunk(1, 2, 150.0)]  # ~3.9 semitones
    assert two_voices(far) == [0, 1]


def test_chunks_without_pitch_join_the_nearest_voice():
    chunks = [_chunk(0, 1, 120), _chunk(1.1, 1.5, None), _chunk(5, 6, 240), _chunk(6.1, 6.5, None)]
    assert two_voices(chunks) == [0, 0, 1, 1]


def test_fewer_than_two_pitched_chunks_is_one_voice():
    assert two_voices([]) == []
    assert two_voices([_chunk(0, 1, 120)]) == [0]
    assert two_voices([_chunk(0, 1, 120), _chunk(1, 2, None)]) == [0, 0]


# --- pick_officer --------------------------------------------------------------------------------

OFFICER = "请出示驾驶证"
CIVILIAN = "警官我下次注意"


def test_cue_scores():
    assert cue_score(OFFICER) > 0
    assert cue_score(CIVILIAN) < 0
    assert cue_score("好的") == 0


@pytest.mark.parametrize("officer_voice", [0, 1])
def test_the_words_tell_the_officer(officer_voice):
    chunks = [_chunk(0, 2, 120), _chunk(2, 4, 240)]
    texts = [OFFICER, CIVILIAN] if officer_voice == 0 else [CIVILIAN, OFFICER]
    assert pick_officer(chunks, [0, 1], texts) == officer_voice


def test_words_outweigh_more_speech_and_loudness():
    chunks = [_chunk(0, 2, 120, level=-30), _chunk(2, 10, 240, level=-20)]
    assert pick_officer(chunks, [0, 1], [OFFICER, CIVILIAN]) == 0


@pytest.mark.parametrize("longer", [0, 1])
def test_when_the_words_tie_more_speech_wins(longer):
    short, long = (2, 8) if longer == 1 else (8, 2)
    chunks = [_chunk(0, short, 120), _chunk(short, short + long, 240)]
    assert pick_officer(chunks, [0, 1], ["好的", "好的"]) == longer


def test_when_words_and_speech_tie_the_louder_voice_wins():
    chunks = [_chunk(0, 2, 120, level=-30), _chunk(2, 4, 240, level=-20)]
    assert pick_officer(chunks, [0, 1], ["好的", "好的"]) == 1


def test_a_single_voice_is_the_officer_unless_its_words_say_otherwise():
    chunks = [_chunk(0, 2), _chunk(2, 4)]
    assert pick_officer(chunks, [1, 1], [OFFICER, "好的"]) == 1
    assert pick_officer(chunks, [0, 0], ["好的", "嗯"]) == 0
    assert pick_officer(chunks, [0, 0], [CIVILIAN, "不好意思"]) is None
