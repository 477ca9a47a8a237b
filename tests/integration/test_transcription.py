"""The speech path on the real stack: voiced recordings → transcriber → Kafka → searchable.

``events-speech.jsonl`` is eval-dev without the reference transcripts of the 16 voiced recordings;
their media is under ``eval-dev/media`` with the real SHA-256. Two more recordings test the guards:
one whose file does not match its registered hash (tampering flag, not transcribed) and one whose
file is garbage (dead letter).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from jiancha import topics
from jiancha.settings import Settings
from streams.ingest import ingest_file
from streams.publisher import Publisher
from streams.speech.evaluation import char_errors
from streams.speech.media import sha256_of, upload_store
from tests.conftest import caught_up, start_process, stop_process, wait_for
from tests.integration.faults import free_port, sample, scrape
from tests.integration.review_fixtures import login, sign_in
from tests.kafka_tools import read_topic

pytestmark = pytest.mark.integration


def _recording_like(template: dict, recording_id: str, **changes: str) -> str:
    data = dict(template["data"], recording_id=recording_id, **changes)
    return json.dumps({"type": "recording", "data": data}, ensure_ascii=False)


@pytest.fixture
def speech_settings(settings: Settings, eval_dev: Path) -> Settings:
    return settings.model_copy(update={"media_root": eval_dev})


def test_voiced_recordings_become_searchable_transcripts(
    speech_settings, start_worker, eval_dev, tmp_path
):
    s = speech_settings
    voiced = sorted(p.stem for p in (eval_dev / "media").glob("REC-*.m4a"))
    assert len(voiced) == 16

    # Two guard cases next to the real month.
    events = (eval_dev / "events-speech.jsonl").read_text(encoding="utf-8").splitlines()
    template = next(json.loads(e) for e in events if voiced[0] in e and '"recording"' in e)
    # The API's upload store, which the transcriber may read (an absolute file:// URI).
    api_settings = s.model_copy(update={"data_dir": tmp_path / "api"})
    garbage = upload_store(api_settings) / "REC-GARBAGE.m4a"
    garbage.parent.mkdir(parents=True)
    garbage.write_bytes(b"\x00\x01not a media file" * 100)
    extra = tmp_path / "extra.jsonl"
    extra.write_text(
        "\n".join(
            [
                _recording_like(template, "REC-TAMPERED", sha256="0" * 64),
                _recording_like(
                    template,
                    "REC-GARBAGE",
                    media_uri=garbage.as_uri(),
                    sha256=sha256_of(garbage),
                ),
            ]
        ),
        encoding="utf-8",
    )

    # A recording uploaded through the API joins the same queue.
    short = eval_dev / "media" / "REC-005897.m4a"
    form = {
        "recording_id": "REC-UPLOAD",
        "device_id": "BWC-TEST",
        "device_type": "body_cam",
        "officer_ids": "GA000001",
        "squad_id": "gaosu-1",
        "started_at": "2026-04-27T09:54:05+08:00",
        "ended_at": "2026-04-27T09:54:20+08:00",
    }
    with TestClient(create_app(api_settings)) as api:
        api.headers.update(sign_in(api, api_settings))
        with short.open("rb") as f:
            wrong = api.post(
                "/recordings",
                data={**form, "sha256": "a" * 64},
                files={"file": ("clip.m4a", f, "audio/mp4")},
            )
        assert wrong.status_code == 422 and "校验失败" in wrong.json()["detail"]
        bad_type = api.post(
            "/recordings", data=form, files={"file": ("notes.txt", b"hello", "text/plain")}
        )
        assert bad_type.status_code == 415 and "不支持的文件类型" in bad_type.json()["detail"]
        with short.open("rb") as f:
            accepted = api.post(
                "/recordings",
                data={**form, "sha256": sha256_of(short)},
                files={"file": ("clip.m4a", f, "audio/mp4")},
            )
        assert accepted.status_code == 202, accepted.text
        assert accepted.json()["sha256"] == sha256_of(short)
        stored = Path(accepted.json()["media_uri"].removeprefix("file://"))
        assert stored.is_file() and sha256_of(stored) == sha256_of(short)

    worker = start_worker()
    metrics_port = free_port()  # issue 8: the transcriber's /metrics
    transcriber = start_process(
        s,
        "transcriber",
        {
            "JIANCHA_METRICS_PORT": str(metrics_port),
            "JIANCHA_DATA_DIR": str(api_settings.data_dir),  # reads the API's upload store
        },
    )
    try:
        with Publisher(s) as publisher:
            ingest_file(eval_dev / "events-speech.jsonl", publisher)
            ingest_file(extra, publisher)

        wait_for(
            lambda: caught_up(s, "transcriber", [topics.RECORDINGS], transcriber),
            timeout_s=900,
            what="transcriber to consume every recording",
        )
        worker.wait_caught_up()
        samples = scrape(metrics_port)
    finally:
        stop_process(transcriber)

    produced = {
        t["recording_id"]: t
        for t in read_topic(s, topics.TRANSCRIPTS)
        if t["engine"].startswith("faster-whisper")
    }
    assert sorted(produced) == sorted([*voiced, "REC-UPLOAD"]), "all voiced, and only those"

    assert produced["REC-UPLOAD"]["segments"][0]["text"].startswith("驾驶证")
    del produced["REC-UPLOAD"]
    errors = ref_chars = 0
    for rid, t in produced.items():
        assert t["segments"], rid
        for seg in t["segments"]:
            assert 0 <= seg["start"] <= seg["end"] <= t["audio_seconds"] + 0.5
            assert seg["speaker"] in ("officer", "civilian")
            assert 0 <= seg["confidence"] <= 1
        e, n = char_errors(
            (eval_dev / "media" / f"{rid}.ref.txt").read_text(encoding="utf-8"),
            "".join(seg["text"] for seg in t["segments"]),
        )
        errors, ref_chars = errors + e, ref_chars + n
    assert errors / ref_chars <= 0.12, f"CER {errors / ref_chars:.3f}"
    # Officers lead the encounter: almost every voiced recording opens with the officer speaking.
    assert sum(t["segments"][0]["speaker"] == "officer" for t in produced.values()) >= 14

    flags = [f for f in read_topic(s, topics.FLAGS) if f["category"] == "evidence_tampering"]
    assert [f["recording_ids"] for f in flags] == [["REC-TAMPERED"]]
    assert "SHA-256" in flags[0]["explanation"]

    letters = [d for d in read_topic(s, topics.DEAD_LETTERS) if d["stage"] == "transcriber"]
    by_key = {json.loads(d["payload"])["recording_id"]: d for d in letters}
    assert "REC-GARBAGE" in by_key
    assert any(w in by_key["REC-GARBAGE"]["reason"] for w in ("无法识别", "损坏"))
    # The rest of the month has no media in eval-dev: each is a dead letter saying so, none lost.
    missing = [d for d in letters if "不存在" in d["reason"]]
    recordings = sum('"type": "recording"' in e for e in events)
    assert len(missing) == recordings - len(voiced)

    # The same outcomes on the transcriber's /metrics.
    heard = len(voiced) + 1  # and REC-UPLOAD
    assert sample(samples, "jiancha_transcription_rtf_count") == heard
    assert 0 < sample(samples, "jiancha_transcription_rtf_sum") / heard < 1
    tamper = {"stage": "transcriber", "category": "evidence_tampering"}
    tampered = sample(samples, "jiancha_flags_out_total", **tamper)
    rejected = sample(samples, "jiancha_dead_letters_total", stage="transcriber", kind="media")
    assert (tampered, rejected) == (1, len(letters))

    # Searchable: the API finds each voiced recording by a phrase it contains, among its officer's
    # clips (the month holds thousands of clips saying 驾驶证).
    officer = {
        json.loads(e)["data"]["recording_id"]: json.loads(e)["data"]["officer_ids"][0]
        for e in events
        if '"recording"' in e and any(v in e for v in voiced)
    }
    with TestClient(create_app(s)) as api:
        api.headers.update(login(api, "reviewer"))  # created for the upload above
        for rid, t in produced.items():
            phrase = max((g["text"] for g in t["segments"]), key=len)[:4]

            def hit(rid: str = rid, phrase: str = phrase) -> bool:
                resp = api.get(
                    "/clips/search", params={"q": phrase, "officer_id": officer[rid], "size": 100}
                )
                assert resp.status_code == 200, resp.text
                return rid in {i["recording_id"] for i in resp.json()["items"]}

            wait_for(hit, timeout_s=60, what=f"{rid} searchable by {phrase}")


def test_speech_that_never_pauses_does_not_stop_the_transcriber(settings: Settings, eval_dev):
    """Issue 14: VAD cuts unbroken speech at its length limit; padded clips then overlapped and
    faster-whisper's batched pipeline failed (``non-negative timestamp expected``)."""
    import numpy as np
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    from streams.speech import build_transcriber
    from streams.speech.media import load_audio

    parts = []
    for path in sorted((eval_dev / "media").glob("REC-*.m4a"))[:8]:
        audio = load_audio(path)
        for t in get_speech_timestamps(audio, VadOptions(speech_pad_ms=0)):
            parts.append(audio[t["start"] : t["end"]])
    unbroken = np.concatenate(parts)
    result = build_transcriber(settings).transcribe_audio(unbroken)
    assert result.fallback is None  # the clips fit; the batched pipeline itself succeeded
    assert len(result.text) > 100
