"""The speech path without Kafka: Whisper transcripts instead of the reference ones, then the rules.

    python -m benchmarks.speech_path

``events-speech.jsonl`` lacks the reference transcripts of the 16 voiced recordings; this
transcribes their media with the shipped transcriber, adds the transcripts, runs the analyzer and
scores the labels that concern those recordings (naming a voiced recording, or the action it
covers). The same labels with the reference transcripts separate recognition from rule errors.
"""

from __future__ import annotations

import json
from pathlib import Path

from analyzers.batch import Analyzer, Events
from analyzers.scoring import read_jsonl, score, table
from jiancha.settings import Settings
from jiancha.speech import build_transcriber

EVAL_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "eval-dev"


def _covering(events: Events, voiced: set[str]) -> set[str]:
    """Actions whose encounter includes a voiced recording."""
    return {
        e.action.action_id
        for e in Analyzer().encounters(events)
        if e.action is not None and voiced & set(e.recording_ids)
    }


def _flags(events: Events) -> list[dict]:
    return [json.loads(f.model_dump_json(by_alias=True)) for f in Analyzer().run(events)]


def main() -> None:
    media = sorted((EVAL_DEV / "media").glob("REC-*.m4a"))
    voiced = {p.stem for p in media}
    labels = read_jsonl(EVAL_DEV / "labels.jsonl")

    speech = Events.read(EVAL_DEV / "events-speech.jsonl")
    transcriber = build_transcriber(Settings())
    for p in media:
        speech.transcripts[p.stem] = transcriber.transcribe_file(p).transcript(p.stem)
    reference = Events.read(EVAL_DEV / "events.jsonl")

    covering = _covering(reference, voiced)
    wanted = [
        lab
        for lab in labels
        if lab.get("recording_id") in voiced or lab.get("action_id") in covering
    ]
    for name, events in (("Whisper transcripts", speech), ("reference transcripts", reference)):
        flags = [
            f
            for f in _flags(events)
            if voiced & set(f["recording_ids"]) or covering & set(f["action_ids"])
        ]
        print(f"\n{name}: {len(wanted)} labels on the 16 voiced recordings")
        print(table(score(flags, wanted)))


if __name__ == "__main__":
    main()
