"""Street-condition test sets made from the voiced eval-dev recordings (issue 14): no outside data.

    python -m benchmarks.street_audio --out /tmp/street --snr 15 10 5
    python -m benchmarks.street_audio --out /tmp/street --snr 5 --harsh

Each voiced recording is mixed with synthesised street noise at a given SNR and written as
``OUT/<set>/media/REC-*.m4a`` next to a copy of its ``.ref.txt``; ``audio_script.jsonl`` is copied
and ``manifest.jsonl`` records what went into every file. A set is a ready ``--data`` directory
for :mod:`benchmarks.transcription` and ``--media`` for :mod:`benchmarks.speech_path`.

The noise (numpy only, seeded per set and file, so a set is the same on every machine):

- traffic rumble: 20–250 Hz noise, slowly modulated; passing-vehicle swells (40–2000 Hz noise
  under bell-shaped envelopes);
- road hiss: steady 1–7 kHz noise;
- wind: gusts of noise below 400 Hz with flutter;
- distant voices: the speech of *other* recordings of the set, reverberated and dulled
  (``--harsh``: louder and nearer, less reverberation), so no outside speech.

SNR is active speech level (20-ms frames within 35 dB of the loudest) over the noise's mean power,
both in the microphone's 300–4000 Hz band (what the recording holds). The microphone: 300–4000 Hz
(4th-order slopes), light compression (3:1 above −20 dBFS), peak at −1 dBFS; ``--harsh`` drives
it into hard clipping (about 3 % of samples). ffmpeg encodes AAC 64 kb/s with bit-exact flags.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from streams.speech.media import SAMPLE_RATE, load_audio

EVAL_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "eval-dev"
SR = SAMPLE_RATE

# Relative RMS of the noise components (before the whole noise is scaled to the SNR).
MIX = {"rumble": 1.0, "vehicles": 0.8, "hiss": 0.45, "wind": 0.7, "voices": 0.55}
MIX_HARSH = {"rumble": 1.0, "vehicles": 0.9, "hiss": 0.45, "wind": 0.9, "voices": 1.3}
CLIP_SHARE = 0.03  # --harsh: share of samples driven past full scale


def _band(n: int, lo: float | None, hi: float | None, order: int = 4) -> np.ndarray:
    """Butterworth-shaped magnitude response on the rfft grid of ``n`` samples."""
    f = np.fft.rfftfreq(n, 1 / SR)
    g = np.ones_like(f)
    if lo:
        with np.errstate(divide="ignore"):
            g /= np.sqrt(1 + (lo / np.maximum(f, 1e-6)) ** (2 * order))
    if hi:
        g /= np.sqrt(1 + (f / hi) ** (2 * order))
    return g


def _filter(x: np.ndarray, lo: float | None, hi: float | None, order: int = 4) -> np.ndarray:
    return np.fft.irfft(np.fft.rfft(x) * _band(len(x), lo, hi, order), len(x))


def _rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(x)))) or 1e-12


def _unit(x: np.ndarray) -> np.ndarray:
    return x / _rms(x)


def _noise(rng: np.random.Generator, n: int, lo: float | None, hi: float | None) -> np.ndarray:
    return _unit(_filter(rng.standard_normal(n), lo, hi))


def _smooth(rng: np.random.Generator, n: int, hz: float) -> np.ndarray:
    """A random envelope varying at about ``hz``, in [0, 1]."""
    e = _filter(rng.standard_normal(n), None, hz, order=2)
    e -= e.min()
    return e / (e.max() or 1.0)


def rumble(rng: np.random.Generator, n: int) -> np.ndarray:
    """Engine and tyre rumble: low noise, slowly swelling and fading."""
    t = np.arange(n) / SR
    env = 0.7 + 0.3 * np.sin(2 * np.pi * rng.uniform(0.05, 0.2) * t + rng.uniform(0, 6.3))
    return _unit(_noise(rng, n, 20, 250) * env)


def vehicles(rng: np.random.Generator, n: int) -> np.ndarray:
    """Passing vehicles: broadband swells a few seconds long."""
    t = np.arange(n) / SR
    env = np.full(n, 0.05)
    for _ in range(max(1, rng.poisson(n / SR / 6))):
        centre, width = rng.uniform(0, n / SR), rng.uniform(0.8, 2.0)
        env += rng.uniform(0.5, 1.5) * np.exp(-0.5 * ((t - centre) / width) ** 2)
    return _unit(_noise(rng, n, 40, 2000) * env)


def hiss(rng: np.random.Generator, n: int) -> np.ndarray:
    """Road hiss: steady high-frequency noise."""
    return _noise(rng, n, 1000, 7000)


def wind(rng: np.random.Generator, n: int) -> np.ndarray:
    """Wind on the microphone: low-passed noise bursts with flutter."""
    t = np.arange(n) / SR
    env = np.full(n, 0.1)
    for _ in range(max(1, rng.poisson(n / SR / 7))):
        start, length = rng.uniform(-1, n / SR), rng.uniform(1.0, 3.5)
        inside = (t >= start) & (t < start + length)
        env[inside] += rng.uniform(0.6, 1.5) * np.sin(np.pi * (t[inside] - start) / length) ** 2
    flutter = 0.5 + _smooth(rng, n, 12.0)
    return _unit(_noise(rng, n, None, 400) * env * flutter)


def reverberate(rng: np.random.Generator, x: np.ndarray, rt60: float, direct: float) -> np.ndarray:
    """Convolve with an exponentially decaying noise tail (RT60 ``rt60`` s) plus a direct path."""
    k = int(rt60 * SR)
    ir = rng.standard_normal(k) * np.exp(-6.9 * np.arange(k) / k)
    ir = direct * ir.max() * np.eye(1, k).ravel() + ir
    m = len(x) + k - 1
    y = np.fft.irfft(np.fft.rfft(x, m) * np.fft.rfft(ir, m), m)[: len(x)]
    return y


def voices(
    rng: np.random.Generator, n: int, others: Sequence[np.ndarray], harsh: bool
) -> np.ndarray:
    """Other people talking: other recordings' speech, looped to length, far (or near) away."""
    pool = [others[i] for i in rng.permutation(len(others))[:3]]
    tracks = []
    for speech in pool:
        start = int(rng.uniform(0, len(speech)))
        looped = np.tile(speech, n // len(speech) + 2)[start : start + n]
        tracks.append(looped * rng.uniform(0.5, 1.0))
    mix = np.sum(tracks, axis=0)
    if harsh:
        mix = reverberate(rng, mix, rt60=0.3, direct=3.0)
        return _unit(_filter(mix, 100, 5000))
    mix = reverberate(rng, mix, rt60=0.8, direct=0.5)
    return _unit(_filter(mix, 150, 2500))


def active_level(speech: np.ndarray) -> float:
    """Mean power of the speech frames (20 ms) within 35 dB of the loudest frame."""
    frames = speech[: len(speech) // 320 * 320].reshape(-1, 320)
    power = np.mean(np.square(frames), axis=1)
    active = power[power > power.max() * 10 ** (-35 / 10)]
    return float(np.mean(active))


def microphone(x: np.ndarray) -> np.ndarray:
    """Body-camera microphone: 300–4000 Hz, light compression, peak at −1 dBFS."""
    y = _filter(x, 300, 4000)
    y /= np.abs(y).max() or 1.0
    frame = 800  # 50 ms
    padded = np.pad(y, (0, -len(y) % frame))
    level = np.sqrt(np.mean(np.square(padded.reshape(-1, frame)), axis=1)) + 1e-9
    db = 20 * np.log10(level)
    gain_db = np.where(db > -20, (db + 20) * (1 / 3 - 1), 0.0)
    centres = np.arange(len(level)) * frame + frame / 2
    gain = 10 ** (np.interp(np.arange(len(y)), centres, gain_db) / 20)
    y = y * gain
    return y * (10 ** (-1 / 20) / (np.abs(y).max() or 1.0))


def street_mix(
    speech: np.ndarray,
    others: Sequence[np.ndarray],
    snr_db: float,
    seed: int,
    harsh: bool = False,
) -> tuple[np.ndarray, dict[str, float]]:
    """``speech`` under street noise at ``snr_db``, through the microphone; and what was done."""
    rng = np.random.default_rng(seed)
    n = len(speech)
    weights = MIX_HARSH if harsh else MIX
    parts = {
        "rumble": rumble(rng, n),
        "vehicles": vehicles(rng, n),
        "hiss": hiss(rng, n),
        "wind": wind(rng, n),
        "voices": voices(rng, n, others, harsh),
    }
    noise = sum(weights[k] * v for k, v in parts.items())
    assert isinstance(noise, np.ndarray)
    # Levels inside the microphone's band: rumble and wind below 300 Hz would otherwise count
    # towards an SNR the recording never has.
    in_band = active_level(_filter(speech, 300, 4000)) / np.mean(
        np.square(_filter(noise, 300, 4000))
    )
    scale = np.sqrt(in_band / 10 ** (snr_db / 10))
    mixed = microphone(speech + scale * noise)
    clipped = 0.0
    if harsh:
        # Gain into the converter: the loudest CLIP_SHARE of samples hit the rails.
        ceiling = float(np.quantile(np.abs(mixed), 1 - CLIP_SHARE))
        mixed = np.clip(mixed / ceiling, -1.0, 1.0) * 0.99
        clipped = float(np.mean(np.abs(mixed) >= 0.99))
    info = {"snr_db": snr_db, "seed": seed, "harsh": harsh, "clipped_share": round(clipped, 4)}
    return mixed.astype(np.float32), info


def encode_m4a(samples: np.ndarray, dest: Path) -> None:
    """16-bit PCM through ffmpeg to AAC 64 kb/s, bit-exact (same bytes on every run)."""
    pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes()
    with tempfile.NamedTemporaryFile(suffix=".m4a", dir=dest.parent, delete=False) as tmp:
        part = Path(tmp.name)
    cmd = [
        "ffmpeg", "-nostdin", "-loglevel", "error", "-y",
        "-f", "s16le", "-ar", str(SR), "-ac", "1", "-i", "pipe:0",
        "-c:a", "aac", "-b:a", "64k", "-fflags", "+bitexact", "-flags:a", "+bitexact",
        "-map_metadata", "-1", str(part),
    ]  # fmt: skip
    try:
        subprocess.run(cmd, input=pcm, check=True)
        part.replace(dest)
    finally:
        part.unlink(missing_ok=True)


def set_name(snr_db: float, harsh: bool) -> str:
    return f"snr{snr_db:g}" + ("-harsh" if harsh else "")


def build_set(source: Path, out: Path, snr_db: float, harsh: bool, seed: int) -> Path:
    """One street-condition set from the voiced recordings under ``source``; its directory."""
    media = sorted((source / "media").glob("REC-*.m4a"))
    if not media:
        raise SystemExit(f"没有找到语音录像：{source / 'media'}")
    dest = out / set_name(snr_db, harsh)
    (dest / "media").mkdir(parents=True, exist_ok=True)
    audio = [load_audio(p) for p in media]
    manifest = []
    for i, path in enumerate(media):
        others = [a for j, a in enumerate(audio) if j != i]
        # Seed per set and file: adding a file or an SNR changes no other file.
        file_seed = seed * 1_000_003 + int(snr_db * 10) * 1009 + harsh * 7 + i
        mixed, info = street_mix(audio[i], others, snr_db, file_seed, harsh)
        target = dest / "media" / path.name
        encode_m4a(mixed, target)
        shutil.copyfile(path.with_suffix(".ref.txt"), target.with_suffix(".ref.txt"))
        digest = hashlib.sha256(target.read_bytes()).hexdigest()
        manifest.append({"recording_id": path.stem, **info, "source": path.name, "sha256": digest})
    script = source / "audio_script.jsonl"
    if script.exists():
        shutil.copyfile(script, dest / "audio_script.jsonl")
    with (dest / "manifest.jsonl").open("w", encoding="utf-8") as f:
        for row in manifest:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return dest


def main(argv: list[str] | None = None) -> list[Path]:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--source", type=Path, default=EVAL_DEV, help="eval-dev directory")
    ap.add_argument("--snr", type=float, nargs="+", default=[15.0, 10.0, 5.0])
    ap.add_argument("--harsh", action="store_true", help="nearby voices and hard clipping")
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args(argv)
    made = []
    for snr in args.snr:
        made.append(build_set(args.source, args.out, snr, args.harsh, args.seed))
        print(made[-1])
    return made


if __name__ == "__main__":
    main()
