"""Transcription quality and speed on the voiced eval-dev recordings, engine settings side by side.

    python -m benchmarks.transcription                 # every setting below, one run
    python -m benchmarks.transcription --only default  # just the shipped default

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

from jiancha.settings import Settings
from streams.speech import build_transcriber
from streams.speech.evaluation import Attribution, attribution, char_errors
from streams.speech.media import load_audio

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "eval-dev"
RESULTS = Path(__file__).with_name("results") / "transcription.jsonl"

# name → engine option overrides; "default" is what Settings() ships.
SETTINGS: dict[str, dict[str, object]] = {
    "default": {},
    "int8-beam1-clips": {"compute_type": "int8", "beam_size": 1, "batch_size": 8},
    "int8-beam5-clips": {"compute_type": "int8", "beam_size": 5, "batch_size": 8},
    "float32-beam5-clips": {"compute_type": "float32", "beam_size": 5, "batch_size": 8},
    "int8-beam1-seq": {"compute_type": "int8", "beam_size": 1, "batch_size": 0},
    "int8-beam5-seq": {"compute_type": "int8", "beam_size": 5, "batch_size": 0},
    "int8-beam5-clips-noprompt": {"compute_type": "int8", "beam_size": 5, "prompt": ""},
}


@dataclass
class Tally:
    errors: int = 0
    raw_errors: int = 0
    ref_chars: int = 0
    audio_s: float = 0.0
    work_s: float = 0.0
    attribution: Attribution = field(default_factory=Attribution)

    def row(self) -> dict[str, float]:
        return {
            "cer": round(self.errors / self.ref_chars, 4),
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
    args = ap.parse_args(argv)

    media = sorted((args.data / "media").glob("REC-*.m4a"))
    script = {}
    for line in (args.data / "audio_script.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        script[row["recording_id"]] = [tuple(t) for t in row["turns"]]
    names = args.only or list(SETTINGS)
    base = Settings()
    transcribers = {n: build_transcriber(base, say=print, **SETTINGS[n]) for n in names}
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
            tally.attribution.add(
                attribution(script[rid], [(s.speaker, s.text) for s in result.segments])
            )
            if args.verbose:
                print(f"{n:22} {rid} cer={e / nref:.3f} rtf={work / result.duration_s:.3f}")
                for s in result.segments:
                    print(f"    {s.start:6.2f}-{s.end:6.2f} {s.speaker:8} {s.confidence} {s.text}")
                print(f"    ref: {ref.strip()}")
    rows = []
    machine = f"{platform.machine()}, {len(__import__('os').sched_getaffinity(0))} cores"
    for n in names:
        row = {"setting": n, "engine": transcribers[n].engine.name, **tallies[n].row(), "machine":
        machine,
               "files": len(media), "at": time.strftime("%Y-%m-%dT%H:%M:%S")}  # fmt: skip
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False))
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return rows


if __name__ == "__main__":
    main()
