"""The speech path without Kafka: Whisper transcripts instead of the reference ones, then the rules.

    python -m benchmarks.speech_path

``events-speech.jsonl`` lacks the reference transcripts of the 16 voiced recordings; this
transcribes their media with the shipped transcriber, adds the transcripts, runs the analyzer and
scores the labels that concern those recordings (naming a voiced recording, or the action it
covers). The same labels with the reference transcripts separate recognition from rule errors.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from analyzers.batch import read_events
from analyzers.engine import Engine
from analyzers.scoring import read_jsonl, score, table
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


def main() -> None:
    media = sorted((EVAL_DEV / "media").glob("REC-*.m4a"))
    voiced = {p.stem for p in media}
    labels = read_jsonl(EVAL_DEV / "labels.jsonl")

    transcriber = build_transcriber(Settings())
    heard = [transcriber.transcribe_file(p).transcript(p.stem) for p in media]
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
