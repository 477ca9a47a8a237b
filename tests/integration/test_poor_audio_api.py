"""Poor audio on the real Elasticsearch (issue 14): a clip whose transcript the recogniser marked
音质差，需人工复核 answers with its verdict in the clip search and in the case that cites it, so
the console can say it plainly instead of showing "nothing found"."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from jiancha.schemas.transcripts import Segment, Transcript
from jiancha.settings import Settings
from streams.admin import ensure_topics
from streams.indexer.documents import clip_from_transcript
from tests.conftest import drop_prefix
from tests.integration.review_fixtures import (
    case_document,
    clip_document,
    index_documents,
    sign_in,
)

pytestmark = pytest.mark.integration


def test_poor_audio_reaches_the_clip_and_case_answers(stack: object, tmp_path: Path) -> None:
    name = f"t{uuid.uuid4().hex[:10]}"
    media = tmp_path / "REC-P1.m4a"
    media.write_bytes(b"\0" * 1024)
    settings = Settings(
        topic_prefix=f"{name}-", index_prefix=name, app_id=name, partitions=1, media_root=tmp_path
    )
    heard = Transcript(
        recording_id="REC-P1",
        engine="faster-whisper",
        segments=[Segment(start=3.0, end=5.0, speaker="officer", text="嘈杂路段例行检查")],
        quality="poor",
        quality_reasons=["low_snr", "clipping"],
    )
    clip = {**clip_document("REC-P1", "mudan-1", media), **clip_from_transcript(heard)}
    ensure_topics(settings)
    try:
        with TestClient(create_app(settings)) as api:
            headers = sign_in(api, settings, "reviewer")
            index_documents(settings, "clips", {"REC-P1": clip})
            index_documents(
                settings,
                "cases",
                {"C-P1": case_document("C-P1", "mudan-1", recording_ids=("REC-P1",))},
            )
            found = api.get("/clips/search", params={"q": "嘈杂路段"}, headers=headers)
            assert found.status_code == 200, found.text
            (item,) = found.json()["items"]
            assert item["quality"] == "poor"
            assert item["quality_reasons"] == ["low_snr", "clipping"]
            assert item["quality_note"] == "音质差，需人工复核（信噪比低、录音削波失真）"

            case = api.get("/cases/C-P1", headers=headers)
            assert case.status_code == 200, case.text
            (linked,) = case.json()["clips"]
            assert linked["quality"] == "poor"
            assert linked["quality_note"].startswith("音质差，需人工复核")
    finally:
        drop_prefix(settings)
