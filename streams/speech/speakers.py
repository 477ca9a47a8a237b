"""Who spoke: the wearer of the recorder (officer) or the people he talks to (civilian).

A body-worn recorder hears two kinds of voice. The pipeline:

1. :func:`speech_chunks` cuts the audio into stretches of speech at pauses (Silero VAD) and
measures each: the
   lower quartile of its pitch (robust to a raised voice, which lifts the median but hardly the
   floor), its
   loudness and how many voiced frames carried the estimate.
2. :func:`two_voices` splits the chunks into at most two voices: two-means on log pitch, weighted
by voiced
   frames; one voice only when the two groups are closer than a few semitones.
3. :func:`pick_officer` decides which voice is the wearer's. The wearer is nearest the microphone
(louder) and
   leads the encounter (more speech); above all, officers and civilians say different things
   (请出示驾驶证 /
   警官，我下次注意). Each cue votes; words weigh most.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

SAMPLE_RATE = 16_000
_FRAME = 640  # 40 ms
_HOP = 160  # 10 ms
_F0_MIN, _F0_MAX = 70.0, 450.0
_MIN_SEPARATION_SEMITONES = 2.0

# Words that mark the speaker's side of the encounter. Substrings of normalised transcript text.
OFFICER_CUES = (
    "交警", "民警", "执法", "出示", "驾驶证给我", "证件", "罚款", "处罚", "陈述", "申辩",
    "复议", "缴纳", "缴款", "决定书", "扣分", "记分", "暂扣", "违法", "请您", "配合",
    "签字确认", "依法", "冷静", "注意言辞",
)  # fmt: skip
CIVILIAN_CUES = (
    "警官", "警察同志", "同志", "下次注意", "凭什么", "我没", "不好意思", "通融",
    "我知道了", "我签字", "我给你",
    "求求", "罚我", "我错了",
)  # fmt: skip


@dataclass(frozen=True)
class SpeechChunk:
    """A stretch of speech between pauses, seconds from the start, with its voice measurements."""

    start: float
    end: float
    pitch_hz: float | None  # lower quartile of voiced frames; None if too few voiced frames
    voiced_frames: int
    level_db: float


def _frame_pitch(x: np.ndarray) -> np.ndarray:
    """Per-frame F0 (Hz) of voiced frames, by FFT autocorrelation; unvoiced frames are dropped."""
    if len(x) < _FRAME:
        return np.empty(0)
    n = 1 + (len(x) - _FRAME) // _HOP
    idx = np.arange(_FRAME)[None, :] + _HOP * np.arange(n)[:, None]
    frames = x[idx]
    frames = frames - frames.mean(axis=1, keepdims=True)
    energy = np.sqrt((frames**2).mean(axis=1))
    keep = energy > 0.3 * np.median(energy)
    frames = frames[keep]
    if len(frames) == 0:
        return np.empty(0)
    spec = np.fft.rfft(frames * np.hanning(_FRAME), n=2048)
    ac = np.fft.irfft(np.abs(spec) ** 2)[:, : int(SAMPLE_RATE / _F0_MIN) + 2]
    lo, hi = int(SAMPLE_RATE / _F0_MAX), int(SAMPLE_RATE / _F0_MIN)
    lag = lo + np.argmax(ac[:, lo:hi], axis=1)
    voiced = ac[np.arange(len(lag)), lag] > 0.5 * ac[:, 0]
    return SAMPLE_RATE / lag[voiced]


def measure(audio: np.ndarray, start: float, end: float) -> SpeechChunk:
    """Voice measurements of ``audio[start:end]`` (seconds)."""
    x = audio[int(start * SAMPLE_RATE) : int(end * SAMPLE_RATE)]
    f0 = _frame_pitch(x)
    rms = float(np.sqrt(np.mean(x**2))) if len(x) else 0.0
    level = 20 * math.log10(rms) if rms > 0 else -120.0
    pitch = float(np.percentile(f0, 25)) if len(f0) >= 8 else None
    return SpeechChunk(start, end, pitch, len(f0), level)


def speech_chunks(
    audio: np.ndarray, min_silence_ms: int = 250, voice: np.ndarray | None = None
) -> list[SpeechChunk]:
    """Speech stretches of ``audio`` (16 kHz mono) with their measurements, taken on ``voice``
    when given (the same samples denoised: street noise blurs pitch more than it hides speech)."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    stamps = get_speech_timestamps(
        audio, VadOptions(min_silence_duration_ms=min_silence_ms, speech_pad_ms=100)
    )
    measured = audio if voice is None else voice
    return [measure(measured, t["start"] / SAMPLE_RATE, t["end"] / SAMPLE_RATE) for t in stamps]


def two_voices(chunks: Sequence[SpeechChunk]) -> list[int]:
    """A voice number (0 or 1) per chunk.

    Chunks without a pitch estimate join the voice of the nearest chunk that has one.
    """
    pitched = [i for i, c in enumerate(chunks) if c.pitch_hz]
    labels = [0] * len(chunks)
    if len(pitched) < 2:
        return labels
    x = np.array([math.log2(chunks[i].pitch_hz or 1.0) for i in pitched])
    w = np.array([max(chunks[i].voiced_frames, 1) for i in pitched], dtype=float)
    # Two-means in one dimension, solved exactly: try every split of the sorted pitches and keep
    # the one with the least weighted within-voice variance (Lloyd's iteration can stop at a
    # split that leaves a raised officer sentence with the civilian).
    order = np.argsort(x)
    xs, ws = x[order], w[order]
    best_cost, best_k = float("inf"), 1
    for k in range(1, len(xs)):
        cost = 0.0
        for part, weight in ((xs[:k], ws[:k]), (xs[k:], ws[k:])):
            mean = np.average(part, weights=weight)
            cost += float(np.sum(weight * (part - mean) ** 2))
        if cost < best_cost:
            best_cost, best_k = cost, k
    assign = np.zeros(len(x), dtype=int)
    assign[order[best_k:]] = 1
    centers = np.array(
        [np.average(xs[:best_k], weights=ws[:best_k]), np.average(xs[best_k:], weights=ws[best_k:])]
    )
    if abs(centers[1] - centers[0]) * 12 < _MIN_SEPARATION_SEMITONES or len(set(assign)) < 2:
        return labels
    for i, a in zip(pitched, assign, strict=True):
        labels[i] = int(a)
    for i, c in enumerate(chunks):
        if not c.pitch_hz:
            nearest = min(pitched, key=lambda j: abs(chunks[j].start - c.start))
            labels[i] = labels[nearest]
    return labels


def cue_score(text: str) -> int:
    """Officer cues minus civilian cues in ``text``."""
    return sum(text.count(c) for c in OFFICER_CUES) - sum(text.count(c) for c in CIVILIAN_CUES)


def pick_officer(
    chunks: Sequence[SpeechChunk], labels: Sequence[int], texts: Sequence[str]
) -> int | None:
    """The wearer's voice number; None when one voice speaks and its words say it is not his.

    ``texts`` holds what was recognised in each chunk."""
    voices = sorted(set(labels))
    if len(voices) == 1:
        return voices[0] if cue_score("".join(texts)) >= 0 else None
    votes = {v: 0.0 for v in voices}
    for v in voices:
        own = [i for i, lab in enumerate(labels) if lab == v]
        votes[v] += 2.0 * cue_score("".join(texts[i] for i in own))
        votes[v] += 1.0 * sum(chunks[i].end - chunks[i].start for i in own) / 10.0
    louder = {
        v: np.mean([chunks[i].level_db for i, lab in enumerate(labels) if lab == v]) for v in voices
    }
    diff = louder[voices[1]] - louder[voices[0]]
    if abs(diff) >= 3.0:  # the wearer is nearest the microphone
        votes[voices[1] if diff > 0 else voices[0]] += 2.0
    return max(voices, key=lambda v: votes[v])
