"""The speech path without Kafka: Whisper transcripts instead of the reference ones, then the rules.

    python -m benchmarks.speech_path
    python -m benchmarks.speech_path --transcripts /tmp/tx/snr10/default.jsonl [--skip-poor]

``events-speech.jsonl`` lacks the reference transcripts of the 16 voiced recordings; this
transcribes their media with the shipped transcriber, adds the transcripts, runs the analyzer and
scores the labels that concern those recordings (naming a voiced recording, or the action it
covers). The same labels with the reference transcripts separate recognition from rule errors.

``--transcripts`` takes the transcript events ``benchmarks.transcription --transcripts`` wrote
(e.g. for a street-condition set) instead of transcribing; ``--skip-poor`` leaves out transcripts
whose quality is ``poor`` (音质差，需人工复核: a reviewer listens instead of a rule reading them).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from analyzers.batch import read_events
from analyzers.engine import Engine
from analyzers.scoring import read_jsonl, score, table
from jiancha.schemas.transcripts import Transcript
from jiancha.settings import Settings
from streams.speech import build_transcriber

EVAL_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "eval-dev"


def _engine(path: Path, extra: Iterable[Any] = ()) -> Engine:
    engine = Engine()
    for _, event, _ in read_events(path):
        if event is not None:
            engine.add(event)
    for event in extra:
        engine.add(event)
    engine.advance()
    return engine


def _covering(engine: Engine, voiced: set[str]) -> set[str]:
    """Actions whose encounter includes a voiced recording."""
    tickets = (engine.ticket_of(engine.recordings[r]) for r in voiced if r in engine.recordings)
    return {a.action_id for a in tickets if a is not None}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--transcripts", type=Path, default=None)
    ap.add_argument("--skip-poor", action="store_true")
    args = ap.parse_args(argv)
    media = sorted((EVAL_DEV / "media").glob("REC-*.m4a"))
    voiced = {p.stem for p in media}
    labels = read_jsonl(EVAL_DEV / "labels.jsonl")

    if args.transcripts:
        lines = args.transcripts.read_text(encoding="utf-8").splitlines()
        heard = [Transcript.model_validate_json(line) for line in lines if line.strip()]
    else:
        transcriber = build_transcriber(Settings())
        heard = [transcriber.transcribe_file(p).transcript(p.stem) for p in media]
    if args.skip_poor:
        poor = [t.recording_id for t in heard if t.quality == "poor"]
        print(f"poor quality, left to a reviewer: {len(poor)} {poor}")
        heard = [t for t in heard if t.quality != "poor"]
    speech = _engine(EVAL_DEV / "events-speech.jsonl", heard)
    reference = _engine(EVAL_DEV / "events.jsonl")

    covering = _covering(reference, voiced)
    wanted = [
        lab
        for lab in labels
        if lab.get("recording_id") in voiced or lab.get("action_id") in covering
    ]
    for name, engine in (("Whisper transcripts", speech), ("reference transcripts", reference)):
        flags = [
            json.loads(f.to_json_bytes())
            for f in engine.flags()
            if voiced & set(f.recording_ids) or covering & set(f.action_ids)
        ]
        print(f"\n{name}: {len(wanted)} labels on the 16 voiced recordings")
        print(table(score(flags, wanted)))


if __name__ == "__main__":
    main()
