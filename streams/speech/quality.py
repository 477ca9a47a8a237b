"""Is a recording good enough to judge from its transcript? (音质差，需人工复核)

:func:`assess` measures the audio and the recognition and gives a verdict: ``poor`` when any
measure passes its limit, with the reasons (stable codes; their Chinese is
:data:`jiancha.schemas.transcripts.QUALITY_REASONS`).
A poor transcript is still published — what was heard may be right — but a reviewer must listen
before a flag from it counts, and the bulletin counts such recordings.

- SNR: speech frames (inside VAD stretches) over the median pause frame (20 ms), or over the
  quietest tenth of all frames when VAD hears speech almost everywhere;
- clipping: share of samples within 10 % of a near-full-scale peak (a converter at its rails);
- hallucinated share: characters :mod:`streams.speech.hallucination` removed, over all written;
- confidence: the mean probability Whisper gave the kept words, weighted by characters (on the
  street sets it separated unreadable files better than segment log-probabilities and is what
  a segment's ``confidence`` shows).

Limits chosen on the street-condition sets (``benchmarks/street_audio.py``): files whose
CER exceeds about 0.5 fall outside them, the clean voiced recordings inside.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from streams.speech.engines import EngineSegment
from streams.speech.hallucination import Removal, words_of

SAMPLE_RATE = 16_000
_FRAME = 320  # 20 ms

MIN_SNR_DB = 3.0
MAX_CLIPPED = 0.01
MAX_HALLUCINATED = 0.3
MIN_CONFIDENCE = 0.58


@dataclass(frozen=True)
class Quality:
    verdict: Literal["good", "poor"]
    reasons: tuple[str, ...] = ()
    snr_db: float | None = None
    clipped: float = 0.0
    hallucinated: float = 0.0
    confidence: float | None = None


def estimate_snr(audio: np.ndarray, speech: Sequence[tuple[float, float]]) -> float | None:
    """Speech-frame power over the noise floor, dB; None when VAD heard no speech."""
    n = len(audio) // _FRAME
    if n == 0 or not speech:
        return None
    power = np.mean(np.square(audio[: n * _FRAME].reshape(n, _FRAME), dtype=np.float64), axis=1)
    t = (np.arange(n) + 0.5) * _FRAME / SAMPLE_RATE
    inside = np.zeros(n, dtype=bool)
    for s, e in speech:
        inside |= (t >= s) & (t < e)
    if not inside.any():
        return None
    outside = power[~inside]
    # The noise floor: the median pause frame; with under half a second of pauses (VAD hears
    # speech everywhere in loud noise), the quietest tenth of all frames.
    floor = float(np.median(outside) if len(outside) >= 25 else np.quantile(power, 0.1)) + 1e-12
    signal = float(np.mean(power[inside]))
    return 10 * math.log10(max(signal / floor - 1, 1e-3))


def clipped_share(audio: np.ndarray) -> float:
    """Share of samples at the rails: within 10 % of a peak near full scale. (Lossy coding
    smears a clipped plateau into ripple, so "exactly at full scale" finds nothing in an .m4a.)"""
    if audio.size == 0:
        return 0.0
    peak = float(np.abs(audio).max())
    if peak < 0.7:
        return 0.0
    return float(np.mean(np.abs(audio) >= 0.9 * peak))


def assess(
    audio: np.ndarray,
    speech: Sequence[tuple[float, float]],
    kept: Sequence[EngineSegment],
    removals: Sequence[Removal],
) -> Quality:
    """The recording's quality verdict from its audio, VAD speech and recognition."""
    snr = estimate_snr(audio, speech)
    clipped = clipped_share(audio)
    removed = sum(r.chars for r in removals)
    weighted = chars = 0.0
    for w in (w for seg in kept for w in words_of(seg)):
        n = sum(c.isalnum() for c in w.text)
        weighted += w.probability * n
        chars += n
    written = chars + removed
    hallucinated = removed / written if written else 0.0
    confidence = weighted / chars if chars else None
    reasons = []
    if snr is not None and snr < MIN_SNR_DB:
        reasons.append("low_snr")
    if clipped > MAX_CLIPPED:
        reasons.append("clipping")
    if hallucinated > MAX_HALLUCINATED:
        reasons.append("hallucination")
    if confidence is not None and confidence < MIN_CONFIDENCE:
        reasons.append("low_confidence")
    return Quality(
        "poor" if reasons else "good",
        tuple(reasons),
        None if snr is None else round(snr, 1),
        round(clipped, 4),
        round(hallucinated, 3),
        None if confidence is None else round(confidence, 3),
    )
