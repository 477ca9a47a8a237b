"""Transcription quality and speed on the voiced eval-dev recordings, engine settings side by side.

    python -m benchmarks.transcription                 # every setting below, one run
    python -m benchmarks.transcription --only default  # just the shipped default
    python -m benchmarks.street_audio --out /tmp/street --snr 15 10 5
    python -m benchmarks.transcription --data /tmp/street/snr10 --only street  # street rows

For each setting: CER (against ``REC-*.ref.txt``), CER before domain correction, real-time factor
(wall-clock
seconds of work per second of audio, decode + VAD + recognition + speakers), and officer/civilian
attribution
accuracy (against ``audio_script.jsonl``). Settings run interleaved, file by file, so machine noise
hits them
alike. Results are appended to ``benchmarks/results/transcription.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from jiancha.settings import Settings
from streams.speech import build_transcriber
from streams.speech.denoise import wiener
from streams.speech.evaluation import Attribution, attribution, char_errors
from streams.speech.media import load_audio
from streams.speech.pipeline import MIN_CONFIDENCE, Transcriber
from streams.speech.textnorm import normalize_for_scoring

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "eval-dev"
RESULTS = Path(__file__).with_name("results") / "transcription.jsonl"

# name → engine option overrides; "default" is what Settings() ships. Keys that are not engine
# options: "denoise" (Settings.whisper_denoise), "prompt_acts" (Settings.whisper_prompt_acts) and
# "guard" (False: the hallucination guard off, the same decode as the setting named by "reuse",
# so it costs no second decode).
SETTINGS: dict[str, dict[str, object]] = {
    "default": {},
    "int8-beam1-clips": {"compute_type": "int8", "beam_size": 1, "batch_size": 8},
    "int8-beam5-clips": {"compute_type": "int8", "beam_size": 5, "batch_size": 8},
    "float32-beam5-clips": {"compute_type": "float32", "beam_size": 5, "batch_size": 8},
    "int8-beam1-seq": {"compute_type": "int8", "beam_size": 1, "batch_size": 0},
    "int8-beam5-seq": {"compute_type": "int8", "beam_size": 5, "batch_size": 0},
    "int8-beam5-clips-noprompt": {"compute_type": "int8", "beam_size": 5, "prompt": ""},
    # Street audio (issue 14): the plain sequential pipeline with VAD is the speed reference.
    # (beam 1, the plain prompt: the same reference before and after the default changed)
    "seq-vad": {"batch_size": 0, "beam_size": 1, "prompt_acts": False},
    "default-noguard": {"guard": False, "reuse": "default"},
    "wiener": {"denoise": "wiener"},
    "vad0.65": {"vad_threshold": 0.65},
    "vad0.35": {"vad_threshold": 0.35},
    "silence500": {"vad_min_silence_ms": 500},
    "beam5": {"beam_size": 5},
    # The same decode as "default", only the confidence under which a run of words is dropped.
    "minconf0.2": {"reuse": "default", "min_confidence": 0.2},
    "minconf0.1": {"reuse": "default", "min_confidence": 0.1},
    # The same decode as "default"; who spoke measured on the Wiener-denoised samples.
    "voice-wiener": {"reuse": "default", "voice": "wiener"},
    # The decoder prompt also names the words of the acts the analyzers look for (issue 14, 10 dB).
    "acts": {"prompt_acts": True, "beam_size": 1},
    "acts-beam5": {"prompt_acts": True, "beam_size": 5},
    # The default until 2026-12-02 evening: beam 1, the prompt without the act words.
    "beam1-plain": {"prompt_acts": False, "beam_size": 1},
}
GROUPS = {
    "street": ["seq-vad", "default", "default-noguard", "wiener", "vad0.65"],
    # Issue 14, 10 dB recall: the options still open on the same engine (no stronger model ships).
    "street2": ["seq-vad", "default", "wiener", "vad0.35", "silence500", "beam5"],
    "minconf": ["default", "minconf0.2", "minconf0.1"],
    "voice": ["default", "voice-wiener"],
    "acts": ["seq-vad", "beam1-plain", "acts", "acts-beam5"],
    "acts-noisy": ["beam1-plain", "acts-beam5"],
}


class _Replay:
    """An engine that returns what another engine (run just before) returned."""

    def __init__(self, engine: Any) -> None:
        self.engine, self.name = engine, engine.name
        self.last: list[Any] = []

    def transcribe(self, audio: np.ndarray) -> list[Any]:
        self.last = self.engine.transcribe(audio)
        return self.last


class _Replayed:
    def __init__(self, source: _Replay) -> None:
        self.source, self.name = source, source.name

    def transcribe(self, audio: np.ndarray) -> list[Any]:
        return self.source.last


def _build(base: Settings, names: list[str]) -> dict[str, Transcriber]:
    built: dict[str, Transcriber] = {}
    for n in names:
        overrides = dict(SETTINGS[n])
        reuse = overrides.pop("reuse", None)
        guard = bool(overrides.pop("guard", True))
        min_confidence = float(str(overrides.pop("min_confidence", MIN_CONFIDENCE)))
        voice = wiener if overrides.pop("voice", None) == "wiener" else None
        settings = base.model_copy(
            update={
                "whisper_denoise": overrides.pop("denoise", "off"),
                "whisper_prompt_acts": overrides.pop("prompt_acts", base.whisper_prompt_acts),
            }
        )
        if reuse is not None:
            source = built[str(reuse)]
            if not isinstance(source.engine, _Replay):
                source.engine = _Replay(source.engine)
            built[n] = Transcriber(
                _Replayed(source.engine), source.vocabulary, source.limits,
                front_end=source.front_end, hallucination_guard=guard,
                min_confidence=min_confidence, voice_front_end=voice,
            )  # fmt: skip
            continue
        built[n] = build_transcriber(settings, say=print, **overrides)
        built[n].hallucination_guard = guard
        built[n].min_confidence = min_confidence
        built[n].voice_front_end = voice
    return built


@dataclass
class Tally:
    errors: int = 0
    raw_errors: int = 0
    ref_chars: int = 0
    audio_s: float = 0.0
    work_s: float = 0.0
    attribution: Attribution = field(default_factory=Attribution)
    hallucinations: int = 0
    removed_chars: int = 0
    poor: int = 0
    fallbacks: int = 0
    max_length_ratio: float = 0.0  # longest transcript over what was said (loops)

    def row(self) -> dict[str, float]:
        return {
            "cer": round(self.errors / self.ref_chars, 4),
            "hallucinations": self.hallucinations,
            "removed_chars": self.removed_chars,
            "poor": self.poor,
            "fallbacks": self.fallbacks,
            "max_length_ratio": round(self.max_length_ratio, 2),
            "cer_uncorrected": round(self.raw_errors / self.ref_chars, 4),
            "rtf": round(self.work_s / self.audio_s, 4),
            "speaker_char_accuracy": round(self.attribution.char_accuracy, 4),
            "speaker_turn_accuracy": round(self.attribution.turn_accuracy, 4),
            "audio_s": round(self.audio_s, 1),
        }


def main(argv: list[str] | None = None) -> list[dict[str, object]]:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", type=Path, default=SHARED)
    ap.add_argument("--only", nargs="*", default=None, help="names of settings to run")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument(
        "--transcripts", type=Path, default=None,
        help="write each setting's transcript events to DIR/<setting>.jsonl (for speech_path)",
    )  # fmt: skip
    args = ap.parse_args(argv)
    names = [m for n in (args.only or list(SETTINGS)) for m in GROUPS.get(n, [n])]

    media = sorted((args.data / "media").glob("REC-*.m4a"))
    script = {}
    for line in (args.data / "audio_script.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        script[row["recording_id"]] = [tuple(t) for t in row["turns"]]
    base = Settings()
    transcribers = _build(base, names)
    events: dict[str, list[str]] = {n: [] for n in names}
    audios = {p: load_audio(p) for p in media}
    for t in transcribers.values():  # warm-up: first call allocates
        t.transcribe_audio(audios[media[0]][: 16_000 * 5])
    tallies = {n: Tally() for n in names}
    for p in media:
        rid = p.stem
        ref = p.with_suffix(".ref.txt").read_text(encoding="utf-8")
        for n, tr in transcribers.items():
            started = time.perf_counter()
            result = tr.transcribe_file(p)
            work = time.perf_counter() - started
            tally = tallies[n]
            e, nref = char_errors(ref, result.text)
            e_raw, _ = char_errors(ref, result.uncorrected_text)
            tally.errors += e
            tally.raw_errors += e_raw
            tally.ref_chars += nref
            tally.audio_s += result.duration_s
            tally.work_s += work
            tally.hallucinations += result.hallucinations
            tally.removed_chars += sum(r.chars for r in result.removals)
            tally.poor += bool(result.quality and result.quality.verdict == "poor")
            tally.fallbacks += result.fallback is not None
            said = len(normalize_for_scoring(ref)) or 1
            tally.max_length_ratio = max(
                tally.max_length_ratio, len(normalize_for_scoring(result.text)) / said
            )
            events[n].append(result.transcript(rid).model_dump_json())
            tally.attribution.add(
                attribution(script[rid], [(s.speaker, s.text) for s in result.segments])
            )
            if args.verbose:
                q = result.quality
                print(
                    f"{n:22} {rid} cer={e / nref:.3f} rtf={work / result.duration_s:.3f} "
                    f"removed={len(result.removals)} quality={q}"
                )
                for s in result.segments:
                    print(f"    {s.start:6.2f}-{s.end:6.2f} {s.speaker:8} {s.confidence} {s.text}")
                print(f"    ref: {ref.strip()}")
    if args.transcripts:
        args.transcripts.mkdir(parents=True, exist_ok=True)
        for n, lines in events.items():
            (args.transcripts / f"{n}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    rows = []
    reference_work = tallies["seq-vad"].work_s if "seq-vad" in tallies else None
    machine = f"{platform.machine()}, {len(__import__('os').sched_getaffinity(0))} cores"
    for n in names:
        row = {"setting": n, "engine": transcribers[n].engine.name, **tallies[n].row(), "machine":
        machine,
               "files": len(media), "data": str(args.data),
               "at": time.strftime("%Y-%m-%dT%H:%M:%S")}  # fmt: skip
        if reference_work and not SETTINGS[n].get("reuse"):
            row["time_vs_seq_vad"] = round(tallies[n].work_s / reference_work, 3)
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False))
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return rows


if __name__ == "__main__":
    main()
