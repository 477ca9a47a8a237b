"""A denoising front end for street audio (numpy only): high-pass plus a Wiener-style spectral gate.

The noise spectrum is each frequency's lower quantile of power over the recording (street noise
is there all the time, speech is not); the gain per time-frequency cell is ``1 − N/P`` floored at
−15 dB and smoothed over neighbouring frames, so steady rumble and hiss go down and speech stays.
Below 120 Hz (rumble, wind; no speech) everything is cut. Whether Whisper hears better through it
is measured in ``benchmarks/transcription.py`` (setting ``whisper_denoise``).
"""

from __future__ import annotations

import numpy as np

SAMPLE_RATE = 16_000
_N = 512  # 32 ms
_HOP = 128
_FLOOR = 10 ** (-15 / 20)
_QUANTILE = 0.2
_HIGH_PASS_HZ = 120.0


def _frames(x: np.ndarray) -> np.ndarray:
    n = 1 + (len(x) - _N) // _HOP
    idx = np.arange(_N)[None, :] + _HOP * np.arange(n)[:, None]
    return x[idx]


def wiener(audio: np.ndarray) -> np.ndarray:
    """``audio`` (16 kHz mono float32) with stationary noise suppressed; same length."""
    if len(audio) < 4 * _N:
        return audio
    pad = _N
    x = np.pad(audio.astype(np.float64), (pad, pad + (-len(audio)) % _HOP))
    window = np.sqrt(np.hanning(_N + 1)[:-1])  # sqrt-Hann twice at 75 % overlap: constant sum
    spec = np.fft.rfft(_frames(x) * window, axis=1)
    power = np.abs(spec) ** 2
    noise = np.quantile(power, _QUANTILE, axis=0) + 1e-12
    gain = np.clip(1 - noise / (power + 1e-12), _FLOOR, 1.0)
    kernel = np.ones(3) / 3  # smooth over frames: less "musical noise"
    gain = np.apply_along_axis(lambda g: np.convolve(g, kernel, mode="same"), 0, gain)
    freqs = np.fft.rfftfreq(_N, 1 / SAMPLE_RATE)
    gain[:, freqs < _HIGH_PASS_HZ] = 0.0
    out_frames = np.fft.irfft(spec * gain, _N, axis=1) * window
    out = np.zeros(len(x))
    norm = np.zeros(len(x))
    for i, frame in enumerate(out_frames):
        out[i * _HOP : i * _HOP + _N] += frame
        norm[i * _HOP : i * _HOP + _N] += window**2
    out /= np.maximum(norm, 1e-8)
    return out[pad : pad + len(audio)].astype(np.float32)
