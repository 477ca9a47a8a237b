"""Poor audio said plainly (issue 14): the quality verdict of a transcript reaches the API's clip
and case answers and the console's badge, and the bulletin counts the recordings a reviewer must
listen to instead of passing them as "nothing found"."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from api.models import ClipOut
from api.routes.cases import LinkedClip
from jiancha.schemas.transcripts import Segment, Transcript
from streams.bulletin.stats import Orders, Overview, WeekStats
from streams.indexer.documents import clip_from_transcript

CONSOLE = Path(__file__).resolve().parents[2] / "dashboards" / "console" / "cases.js"


def _clip_doc(quality: str | None) -> dict[str, object]:
    event = Transcript(
        recording_id="REC-9",
        engine="faster-whisper",
        segments=[Segment(start=0.0, end=1.5, speaker="officer", text="您好")],
        quality=quality,  # type: ignore[arg-type]
        quality_reasons=["low_snr"] if quality == "poor" else [],
    )
    return clip_from_transcript(event)


def _answer(model: type[ClipOut | LinkedClip], doc: dict[str, object]) -> ClipOut | LinkedClip:
    """The answer built as the routes build it: the clip document's fields the model has."""
    fields = {k: v for k, v in doc.items() if k in model.model_fields and k != "segments"}
    if model is LinkedClip:
        fields["media_url"] = "/clips/REC-9/media"
    return model.model_validate(fields)


@pytest.mark.parametrize("model", [ClipOut, LinkedClip])
def test_the_clip_and_case_answers_carry_the_verdict(model: type[ClipOut | LinkedClip]) -> None:
    out = _answer(model, _clip_doc("poor"))
    assert out.quality == "poor" and out.quality_reasons == ["low_snr"]
    assert out.quality_note == "音质差，需人工复核（信噪比低）"
    good = _answer(model, _clip_doc("good"))
    assert (good.quality, good.quality_note) == ("good", None)


def test_the_console_shows_a_badge_for_poor_audio() -> None:
    js = CONSOLE.read_text(encoding="utf-8")
    assert 'clip.quality !== "poor"' in js and "poor-audio" in js
    assert js.count("${poorAudio(") == 2  # in the search hits and on the case's clip cards


def _stats(poor: int) -> WeekStats:
    overview = Overview(10, 1.0, 8, 20, 3, 2, 1, 0, 4, {"profit": 4}, {"现金收缴无票据": 4})
    return WeekStats(
        week="2026-W14",
        period_start="2026-03-30",
        period_end="2026-04-05",
        overview=replace(overview, poor_audio=poor, poor_audio_hours=0.2 if poor else 0.0),
        previous=None,
        squads=[],
        typical=[],
        orders=Orders(0, 0, 0, 0, 0, []),
        trend=[],
    )


def test_the_bulletin_counts_recordings_too_poor_to_judge() -> None:
    from jinja2 import Environment, FileSystemLoader

    from streams.bulletin.render import TEMPLATES

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True)
    # only the overview paragraph: the rest of the template needs charts and fonts
    source = (TEMPLATES / "bulletin.html.j2").read_text(encoding="utf-8")
    start = source.index("{% set o = s.overview %}")
    paragraph = source[start : source.index("</p>", start) + 4]
    tmpl = env.from_string(
        "{% macro change(a, b) %}{% endmacro %}" + paragraph,
        globals={"pct": lambda x: f"{x:.0%}"},
    )
    said = tmpl.render(s=_stats(3))
    assert "<b>3</b> 段、0.2 小时音质差，需人工复核，不计作“未发现问题”" in said
    assert "音质差" not in tmpl.render(s=_stats(0))
    assert _stats(3).to_dict()["overview"]["poor_audio"] == 3
