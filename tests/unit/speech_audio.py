"""Synthetic audio for the speech tests: voiced tones and real WAV files (stdlib ``wave``)."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

RATE = 16_000


def voice(f0: float, seconds: float, amp: float = 0.3, seed: int = 0) -> np.ndarray:
    """A voiced sound: five harmonics of ``f0`` falling off as 1/k, with a little noise."""
    t = np.arange(int(seconds * RATE)) / RATE
    x = sum(np.sin(2 * np.pi * k * f0 * t) / k for k in range(1, 6))
    x = amp * x / np.abs(x).max()
    noise = 0.01 * np.random.default_rng(seed).standard_normal(len(t))
    return (x + noise).astype(np.float32)


def write_wav(path: Path, samples: np.ndarray, rate: int = RATE) -> Path:
    """16-bit mono PCM WAV of float samples in [-1, 1]."""
    pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())
    return path
