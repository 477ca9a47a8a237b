"""Is a recording good enough to judge from its transcript? (音质差，需人工复核)

:func:`assess` measures the audio and the recognition and gives a verdict: ``poor`` when any
measure passes its limit, with the reasons (stable codes; their Chinese is
:data:`streams.schemas.transcripts.QUALITY_REASONS`).
A poor transcript is still published — what was heard may be right — but a reviewer must listen
before a flag from it counts, and the bulletin counts such recordings.

- SNR: speech frames (inside VAD stretches) over the quietest fifth of all 20-ms frames, a noise
  floor that exists even when VAD hears speech everywhere;
- clipping: share of samples within 10 % of a near-full-scale peak (a converter at its rails);
- hallucinated share: characters :mod:`streams.speech.hallucination` removed, over all written;
- mean log-probability of the kept segments, weighted by characters.

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
from streams.speech.hallucination import Removal

SAMPLE_RATE = 16_000
_FRAME = 320  # 20 ms

MIN_SNR_DB = 8.0
MAX_CLIPPED = 0.01
MAX_HALLUCINATED = 0.3
MIN_LOGPROB = -0.8


@dataclass(frozen=True)
class Quality:
    verdict: Literal["good", "poor"]
    reasons: tuple[str, ...] = ()
    snr_db: float | None = None
    clipped: float = 0.0
    hallucinated: float = 0.0
    mean_logprob: float | None = None


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
    floor = float(np.quantile(power, 0.2)) + 1e-12
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
    kept_chars = [sum(c.isalnum() for c in s.text) for s in kept]
    removed = sum(r.chars for r in removals)
    written = sum(kept_chars) + removed
    hallucinated = removed / written if written else 0.0
    mean_logprob = (
        sum(s.avg_logprob * n for s, n in zip(kept, kept_chars, strict=True)) / sum(kept_chars)
        if sum(kept_chars)
        else None
    )
    reasons = []
    if snr is not None and snr < MIN_SNR_DB:
        reasons.append("low_snr")
    if clipped > MAX_CLIPPED:
        reasons.append("clipping")
    if hallucinated > MAX_HALLUCINATED:
        reasons.append("hallucination")
    if mean_logprob is not None and mean_logprob < MIN_LOGPROB:
        reasons.append("low_confidence")
    return Quality(
        "poor" if reasons else "good",
        tuple(reasons),
        None if snr is None else round(snr, 1),
        round(clipped, 4),
        round(hallucinated, 3),
        None if mean_logprob is None else round(mean_logprob, 3),
    )
