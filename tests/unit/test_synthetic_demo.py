"""The demo month's voiced recordings (jiancha/synthetic/voices) against the generator."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

import pytest

from analyzers.speech_rules import load_lexicon
from jiancha.synthetic.demo import (
    DEMO_MONTH,
    VOICES_DIR,
    DemoVoicesError,
    VoicedRecording,
    demo_events,
    load_manifest,
    voice_events,
    write_demo_events,
)
from jiancha.synthetic.month import generate_month
from streams.speech.media import resolve, sha256_of

PROBLEMS = {"cash_no_receipt", "verbal_abuse", "threat", "quota"}


@pytest.fixture(scope="module")
def month() -> list[dict]:
    return list(generate_month(**DEMO_MONTH))


@pytest.fixture(scope="module")
def voiced() -> list[VoicedRecording]:
    return load_manifest()


def _transcripts(events: list[dict]) -> dict[str, list[tuple[str, str]]]:
    return {
        e["data"]["recording_id"]: [(s["speaker"], s["text"]) for s in e["data"]["segments"]]
        for e in events
        if e["type"] == "transcript"
    }


def test_manifest_matches_the_generator(month: list[dict], voiced: list[VoicedRecording]) -> None:
    said = _transcripts(month)
    recorded = {e["data"]["recording_id"] for e in month if e["type"] == "recording"}
    assert 6 <= len(voiced) <= 8
    assert len({v.recording_id for v in voiced}) == len(voiced)
    for v in voiced:
        assert v.recording_id in recorded
        assert v.turns == said[v.recording_id], v.recording_id


def test_shipped_files_are_the_listed_ones(voiced: list[VoicedRecording]) -> None:
    assert {p.name for p in VOICES_DIR.glob("*.m4a")} == {f"{v.recording_id}.m4a" for v in voiced}
    total = 0
    for v in voiced:
        data = v.path.read_bytes()
        total += len(data)
        assert hashlib.sha256(data).hexdigest() == v.sha256, v.recording_id
        assert data[4:8] == b"ftyp"  # MP4 container
        ends = [0.0] + [t for s in v.segments for t in (s["start"], s["end"])]
        assert ends == sorted(ends) and ends[-1] <= v.duration_s <= 30
    assert total < 1.5e6


def test_selection_is_varied(voiced: list[VoicedRecording]) -> None:
    """Problems the analyzers flag from speech, lawful encounters, and near misses."""
    lex = load_lexicon()
    problems = lawful = 0
    for v in voiced:
        officer = [text for speaker, text in v.turns if speaker == "officer"]
        flagged = {h.group.category for text in officer for h in lex.hits(text)} & PROBLEMS
        if flagged:
            problems += 1
        elif any(lex.mentions(lex.identification, t) for t in officer) and any(
            lex.mentions(lex.notice, t) for t in officer
        ):
            lawful += 1
    assert problems >= 2
    assert lawful >= 2
    civilian = [text for v in voiced for speaker, text in v.turns if speaker == "civilian"]
    assert any(h.group.category == "verbal_abuse" for t in civilian for h in lex.hits(t)) or any(
        "现金" in t or "钱" in t for t in civilian
    )


def test_demo_events_drop_exactly_the_voiced_transcripts(
    month: list[dict], voiced: list[VoicedRecording]
) -> None:
    events = list(demo_events())
    ids = {v.recording_id for v in voiced}
    by_id = {v.recording_id: v for v in voiced}
    assert len(events) == len(month) - len(voiced)
    assert set(_transcripts(month)) - set(_transcripts(events)) == ids
    rest = iter(events)
    for e in month:
        rid = e["data"].get("recording_id")
        if e["type"] == "transcript" and rid in ids:
            continue
        got = next(rest)
        if e["type"] == "recording" and rid in ids:
            assert got["data"]["media_uri"] == f"media/{rid}.m4a"  # under the media root
            assert got["data"]["sha256"] == by_id[rid].sha256
            assert {**got["data"], "media_uri": None, "sha256": None} == {
                **e["data"],
                "media_uri": None,
                "sha256": None,
            }
        else:
            assert got == e


def test_written_demo_has_its_voices_under_the_media_root(
    tmp_path: Path, voiced: list[VoicedRecording]
) -> None:
    """The demo's media root is the events file's folder; the transcriber reads nothing else."""
    events = write_demo_events(tmp_path / "demo" / "events.jsonl")
    root = events.parent
    heard = 0
    for line in events.read_text(encoding="utf-8").splitlines():
        e = json.loads(line)
        if e["type"] != "recording" or e["data"]["recording_id"] not in {
            v.recording_id for v in voiced
        }:
            continue
        media = resolve(e["data"]["media_uri"], root)  # confined: relative, no ".."
        assert media.path == (root / "media" / f"{e['data']['recording_id']}.m4a").resolve()
        assert sha256_of(media.path) == e["data"]["sha256"]
        heard += 1
    assert heard == len(voiced)
    assert sorted(p.name for p in (root / "media").iterdir()) == sorted(
        f"{v.recording_id}.m4a" for v in voiced
    )  # no .part left behind
    write_demo_events(events)  # again: the copies are reused, nothing else appears
    assert len(list((root / "media").iterdir())) == len(voiced)


def test_generator_drift_fails_loudly(month: list[dict], voiced: list[VoicedRecording]) -> None:
    changed = dataclasses.replace(
        voiced[0], segments=({**voiced[0].segments[0], "text": "别的话。"}, *voiced[0].segments[1:])
    )
    with pytest.raises(DemoVoicesError, match="生成器已改变"):
        voice_events(month, [changed, *voiced[1:]])
    gone = dataclasses.replace(voiced[0], recording_id="REC-999999")
    with pytest.raises(DemoVoicesError, match="REC-999999"):
        voice_events(month, [gone])
