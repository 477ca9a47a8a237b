"""Street audio (issue 14): clips that fit the audio, a fallback engine, the hallucination guard,
the quality verdict — with synthetic audio and fake engines."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest

from benchmarks.street_audio import active_level, street_mix
from jiancha.schemas.transcripts import Transcript
from streams.indexer.documents import clip_from_transcript
from streams.speech.denoise import wiener
from streams.speech.engines import EngineSegment, Word, group_clips
from streams.speech.hallucination import guard, loop_spans
from streams.speech.media import sha256_of
from streams.speech.pipeline import Transcriber
from streams.speech.quality import assess, clipped_share, estimate_snr
from streams.speech.service import process_recording
from streams.speech.vocabulary import load_vocabulary
from tests.unit.speech_audio import RATE, voice, write_wav
from tests.unit.test_speech_service import SEGMENTS, FakeEngine, _recording


def seg(*words: tuple[float, float, str], logprob: float = -0.3, no_speech: float = 0.01):
    ws = tuple(Word(s, e, t, 0.9) for s, e, t in words)
    text = "".join(w.text for w in ws)
    return EngineSegment(ws[0].start, ws[-1].end, text, ws, logprob, no_speech)


# -- clips handed to the batched pipeline --------------------------------------------------------


def test_clips_of_speech_that_never_pauses_do_not_overlap_or_outgrow_the_audio():
    # VAD cut 80 s of unbroken speech (or of noise it takes for speech) at its length limit.
    stretches = [(0.0, 29.0), (29.0, 58.0), (58.0, 80.0)]
    clips = group_clips(stretches, end_of_audio=80.0)
    assert sum(c["end"] - c["start"] for c in clips) <= 80.0
    assert all(a["end"] <= b["start"] for a, b in pairwise(clips))
    assert all(0 <= c["start"] < c["end"] <= 80.0 for c in clips)
    assert all(c["end"] - c["start"] <= 30.0 for c in clips)


def test_a_stretch_padded_past_one_window_is_split():
    clips = group_clips([(1.0, 31.0)], end_of_audio=40.0)
    assert [round(c["end"] - c["start"], 2) for c in clips] == [30.0, 0.4]


def test_close_stretches_still_group_into_one_window():
    clips = group_clips([(1.0, 5.0), (8.0, 12.0), (40.0, 41.0)], end_of_audio=45.0)
    assert [(round(c["start"], 1), round(c["end"], 1)) for c in clips] == [
        (0.8, 12.2),
        (39.8, 41.2),
    ]


# -- one bad file never stops a batch ------------------------------------------------------------


def test_a_failing_engine_hands_the_file_to_the_fallback():
    broken = FakeEngine(error=AssertionError("non-negative timestamp expected"))
    spare = FakeEngine()
    spare.name = "fake-engine/seq"
    tr = Transcriber(broken, load_vocabulary(), fallback=spare, hallucination_guard=False)
    result = tr.transcribe_audio(voice(150, 2.0))
    assert broken.calls and spare.calls
    assert result.engine == "fake-engine/seq"
    assert result.fallback is not None and "non-negative timestamp" in result.fallback
    assert result.text.startswith("请出示驾驶证")


def test_without_a_fallback_the_engine_error_surfaces():
    tr = Transcriber(FakeEngine(error=AssertionError("x")), load_vocabulary())
    with pytest.raises(AssertionError):
        tr.transcribe_audio(voice(150, 2.0))


@pytest.fixture
def media_root(tmp_path: Path) -> Path:
    (tmp_path / "media").mkdir()
    write_wav(tmp_path / "media" / "REC-000001.wav", voice(150, 2.0))
    return tmp_path


def test_the_service_retries_with_the_fallback_instead_of_a_dead_letter(media_root):
    sha = sha256_of(media_root / "media" / "REC-000001.wav")
    tr = Transcriber(
        FakeEngine(error=AssertionError("non-negative timestamp expected")),
        load_vocabulary(),
        fallback=FakeEngine(),
        hallucination_guard=False,
    )
    outcome = process_recording(_recording(sha), tr, media_root)
    assert outcome.kind == "transcript"
    assert outcome.transcript is not None and outcome.transcript.segments


def test_the_service_dead_letters_only_when_the_fallback_fails_too(media_root):
    sha = sha256_of(media_root / "media" / "REC-000001.wav")
    tr = Transcriber(
        FakeEngine(error=AssertionError("a")),
        load_vocabulary(),
        fallback=FakeEngine(error=RuntimeError("b")),
    )
    outcome = process_recording(_recording(sha), tr, media_root)
    assert (outcome.kind, outcome.code) == ("rejected", "engine")


def test_undecodable_media_is_a_dead_letter_with_its_reason(media_root):
    bad = media_root / "media" / "REC-000001.wav"
    bad.write_bytes(b"RIFF" + b"\0" * 100)
    engine = FakeEngine()
    tr = Transcriber(engine, load_vocabulary(), fallback=FakeEngine())
    outcome = process_recording(_recording(sha256_of(bad)), tr, media_root)
    assert outcome.kind == "rejected" and outcome.code in {"corrupt", "unsupported", "empty"}
    assert outcome.reason and "REC-000001" in outcome.reason
    assert engine.calls == []


# -- hallucination guard -------------------------------------------------------------------------


def test_loop_spans_keep_the_first_copy():
    text = "请出示驾驶证" * 4 + "好的"
    assert loop_spans(text) == [(6, 24)]
    assert loop_spans("嗯嗯嗯嗯嗯嗯") == [(1, 6)]


def test_ordinary_repetition_is_not_a_loop():
    for text in ("对对对", "谢谢谢谢", "请出示驾驶证请出示驾驶证", "罚款两百元，两百元"):
        assert loop_spans(text) == []


def test_a_partial_last_copy_goes_with_the_loop():
    assert loop_spans("你好吗你好吗你好吗你好") == [(3, 11)]


SPEECH = [(0.0, 4.0)]


def test_a_loop_is_removed_and_the_segment_ends_with_the_kept_words():
    looped = seg(
        (0.0, 1.0, "请出示驾驶证"),
        (1.0, 1.5, "请出示驾驶证"),
        (1.5, 2.0, "请出示驾驶证"),
        (2.0, 2.5, "请出示驾驶证"),
    )
    kept, removals = guard([looped], SPEECH, max_chars_per_s=100)
    assert [s.text for s in kept] == ["请出示驾驶证"]
    assert (kept[0].start, kept[0].end) == (0.0, 1.0)
    assert [(r.reason, r.start, r.end, r.chars) for r in removals] == [("repetition", 1.0, 2.5, 18)]


def test_a_loop_across_segments_is_found():
    segments = [seg((0.0, 1.0, "我下次注意")) for _ in range(4)]
    kept, removals = guard(segments, SPEECH, max_chars_per_s=100)
    assert "".join(s.text for s in kept) == "我下次注意"
    assert len(removals) == 3


def test_a_segment_away_from_speech_is_removed():
    heard = seg((0.5, 1.5, "您好，交警执法"))
    invented = seg((20.0, 22.0, "谢谢观看"))
    kept, removals = guard([heard, invented], SPEECH)
    assert [s.text for s in kept] == ["您好，交警执法"]
    assert [(r.reason, r.text) for r in removals] == [("no_speech", "谢谢观看")]


def test_whisper_own_silence_verdict_removes_a_segment():
    quiet = seg((0.5, 1.5, "作词作曲"), logprob=-1.2, no_speech=0.8)
    kept, removals = guard([quiet], SPEECH)
    assert kept == [] and removals[0].reason == "no_speech"


def test_more_text_than_the_speech_allows_is_trimmed_from_the_end():
    # One second of speech cannot hold 30 characters.
    long = seg(
        (0.0, 0.5, "请出示驾驶证和行驶证"),
        (0.5, 1.0, "一二三四五六七八九十"),
        (1.0, 1.5, "甲乙丙丁戊己庚辛壬癸"),
    )
    kept, removals = guard([long], [(0.0, 1.0)])
    assert [s.text for s in kept] == ["请出示驾驶证和行驶证"]
    assert kept[0].end == 0.5
    assert [r.reason for r in removals] == ["too_fast"]


def test_a_normal_rate_is_left_alone():
    ok = seg((0.0, 2.0, "您好，交警执法，请出示驾驶证"))
    kept, removals = guard([ok], [(0.0, 2.5)])
    assert removals == [] and kept[0].text == ok.text


def test_removals_are_counted_in_the_result_and_the_transcript():
    words = tuple(Word(i * 0.2, i * 0.2 + 0.2, "我签字", 0.9) for i in range(5))
    looped = [EngineSegment(0.0, 1.0, "我签字" * 5, words, -0.3, 0.01)]
    tr = Transcriber(FakeEngine(looped), load_vocabulary())
    result = tr.transcribe_audio(voice(150, 2.0))
    assert result.hallucinations == 1
    event = result.transcript("REC-1")
    assert event.hallucinations_removed == 1
    assert event.quality in {"good", "poor"}


# -- quality verdict -----------------------------------------------------------------------------


def _speechy(seconds: float, seed: int = 0) -> tuple[np.ndarray, list[tuple[float, float]]]:
    """Voiced bursts with pauses, and where they are."""
    out, spans, t = [], [], 0.0
    for i in range(int(seconds)):
        out += [voice(150 + 10 * i, 0.6, seed=seed + i), np.zeros(int(0.4 * RATE), np.float32)]
        spans.append((t, t + 0.6))
        t += 1.0
    return np.concatenate(out), spans


def test_snr_estimate_falls_with_added_noise():
    clean, spans = _speechy(6)
    rng = np.random.default_rng(1)
    level = active_level(clean)
    estimates = []
    for snr in (20, 10, 0):
        noise = rng.standard_normal(len(clean)) * np.sqrt(level / 10 ** (snr / 10))
        estimates.append(estimate_snr((clean + noise).astype(np.float32), spans))
    assert estimates[0] > estimates[1] > estimates[2]  # type: ignore[operator]
    assert abs(estimates[1] - 10) < 4  # type: ignore[operator]


def test_clipping_is_measured_at_the_rails():
    x, _ = _speechy(3)
    assert clipped_share(x) == 0.0
    hot = np.clip(x * 10, -1, 1)
    assert clipped_share(hot) > 0.1


def test_poor_audio_gets_a_verdict_the_reviewer_reads_in_chinese():
    clean, spans = _speechy(6)
    rng = np.random.default_rng(2)
    noisy = (clean + rng.standard_normal(len(clean)) * 0.2).astype(np.float32)
    heard = [EngineSegment(0.0, 1.0, "您好", (Word(0.0, 1.0, "您好", 0.4),), -1.1, 0.1)]
    q = assess(noisy, spans, heard, [])
    assert q.verdict == "poor"
    assert set(q.reasons) == {"low_snr", "low_confidence"}
    event = Transcript(
        recording_id="REC-1",
        engine="e",
        segments=[],
        quality=q.verdict,
        quality_reasons=list(q.reasons),
    )
    assert event.quality_note == "音质差，需人工复核（信噪比低、识别置信度低）"
    doc = clip_from_transcript(event)
    assert doc["quality"] == "poor" and doc["quality_reasons"] == ["low_snr", "low_confidence"]
    assert doc["quality_note"].startswith("音质差，需人工复核")

    good = assess(clean, spans, [seg((0.0, 1.0, "您好"))], [])
    assert (good.verdict, good.reasons) == ("good", ())


def test_a_transcript_without_quality_is_still_valid():
    event = Transcript(recording_id="REC-1", engine="e", segments=[])
    assert event.quality is None and event.quality_note is None
    assert clip_from_transcript(event)["quality"] is None


# -- street sets and the denoiser ----------------------------------------------------------------


def test_street_mix_is_reproducible_and_at_the_asked_snr():
    speech, _ = _speechy(5)
    others = [voice(200, 3.0, seed=9), voice(120, 4.0, seed=8)]
    a, info = street_mix(speech, others, snr_db=10, seed=3)
    b, _ = street_mix(speech, others, snr_db=10, seed=3)
    c, _ = street_mix(speech, others, snr_db=10, seed=4)
    assert np.array_equal(a, b) and not np.array_equal(a, c)
    assert len(a) == len(speech) and np.abs(a).max() <= 1.0
    assert info["clipped_share"] == 0.0
    _, harsh = street_mix(speech, others, snr_db=5, seed=3, harsh=True)
    assert harsh["clipped_share"] > 0.01


def test_wiener_lowers_steady_noise_and_keeps_length():
    clean, _ = _speechy(4)
    rng = np.random.default_rng(5)
    noisy = (clean + 0.05 * rng.standard_normal(len(clean))).astype(np.float32)
    out = wiener(noisy)
    assert out.shape == noisy.shape and out.dtype == np.float32
    residual_before = float(np.mean((noisy - clean) ** 2))
    residual_after = float(np.mean((out - clean) ** 2))
    assert residual_after < residual_before


def test_segments_fixture_unchanged():
    assert SEGMENTS[0].text == "請出示駕駛證."
