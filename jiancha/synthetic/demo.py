"""The demo's month: a small seeded month in which a few recordings have real, voiced media.

``make demo`` replays :data:`DEMO_MONTH` made by :func:`jiancha.synthetic.month.generate_month`.
For the recordings voiced by ``scripts/voice_demo_recordings.py`` (``voices/*.m4a`` beside this
module, described by ``voices/manifest.json``) the generator's reference transcript is dropped
and the shipped file is copied to ``media/REC-….m4a`` beside the events file, where the recording
points (the demo's media root is the events file's folder), so the transcriber really listens to
them; every other recording keeps its (absent) ``media/REC-….m4a`` and goes to the dead letters.
The transcriber reads media only under its media root (issue 13), hence the copy rather than an
absolute path into the installed package.

Usage::

    python -m jiancha.synthetic.demo --out /tmp/demo/events.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, TypedDict

from jiancha.synthetic.month import generate_month

__all__ = [
    "DEMO_MONTH",
    "MEDIA_DIR",
    "VOICES_DIR",
    "DemoVoicesError",
    "VoicedRecording",
    "check_files",
    "demo_events",
    "load_manifest",
    "main",
    "media_uri",
    "voice_events",
    "write_demo_events",
]


class MonthParams(TypedDict):
    """Arguments of :func:`~jiancha.synthetic.month.generate_month`."""

    n_events: int
    seed: int
    month: str
    n_squads: int
    officers_per_squad: int


# Small enough to replay in a minute on two cores, large enough to hold every speech pattern:
# cash demands, insults, threats, quota talk, and the near misses (civilian swears, officer
# refuses cash or denies quotas) among ~1,500 lawful encounters.
DEMO_MONTH: Final[MonthParams] = {
    "n_events": 6000,
    "seed": 2026,
    "month": "2026-05",
    "n_squads": 4,
    "officers_per_squad": 10,
}
VOICES_DIR: Final = Path(__file__).parent / "voices"
MEDIA_DIR: Final = "media"  # beside the events file: the recordings' media_uri is media/REC-….m4a
MANIFEST_NAME: Final = "manifest.json"

_REVOICE = "请重新运行 scripts/voice_demo_recordings.py 生成配音录像"


class DemoVoicesError(RuntimeError):
    """The shipped voiced recordings no longer fit the demo month (reason in Chinese)."""


@dataclass(frozen=True)
class VoicedRecording:
    """One shipped recording: its file, hash, length and the turns voiced in it."""

    recording_id: str
    path: Path
    sha256: str
    duration_s: float
    segments: tuple[dict, ...]  # {start, end, speaker, text}: real times in the file

    @property
    def turns(self) -> list[tuple[str, str]]:
        """(speaker, text) of each voiced turn, in order."""
        return [(s["speaker"], s["text"]) for s in self.segments]


def load_manifest(voices_dir: Path = VOICES_DIR) -> list[VoicedRecording]:
    """The voiced recordings listed in ``voices_dir/manifest.json``."""
    path = voices_dir / MANIFEST_NAME
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DemoVoicesError(f"配音录像清单不存在：{path}；{_REVOICE}") from None
    except json.JSONDecodeError as exc:
        raise DemoVoicesError(f"配音录像清单格式错误（{path}）：{exc}") from exc
    try:
        return [
            VoicedRecording(
                recording_id=str(e["recording_id"]),
                path=voices_dir / f"{e['recording_id']}.m4a",
                sha256=str(e["sha256"]),
                duration_s=float(e["duration_s"]),
                segments=tuple(
                    {
                        "start": float(s["start"]),
                        "end": float(s["end"]),
                        "speaker": str(s["speaker"]),
                        "text": str(s["text"]),
                    }
                    for s in e["segments"]
                ),
            )
            for e in entries
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise DemoVoicesError(f"配音录像清单缺少字段或字段有误（{path}）：{exc!r}") from exc


def check_files(voiced: Sequence[VoicedRecording]) -> None:
    """Every shipped file is there and has the hash the manifest gives."""
    for v in voiced:
        if not v.path.is_file():
            raise DemoVoicesError(f"配音录像文件不存在：{v.path}；{_REVOICE}")
        if hashlib.sha256(v.path.read_bytes()).hexdigest() != v.sha256:
            raise DemoVoicesError(f"配音录像文件与清单的 SHA-256 不符：{v.path}；{_REVOICE}")


def voice_events(events: Sequence[dict], voiced: Sequence[VoicedRecording]) -> list[dict]:
    """``events`` with the voiced recordings' transcripts dropped and their media set.

    Each voiced ``recording`` gets ``media_uri`` ``media/<id>.m4a`` (relative to the media root,
    where :func:`write_demo_events` copies the shipped file) and the file's ``sha256``. Raises
    :class:`DemoVoicesError` when the manifest no longer matches the events (a recording or its
    transcript missing, other texts).
    """
    by_id = {v.recording_id: v for v in voiced}
    recordings: set[str] = set()
    transcripts: set[str] = set()
    out: list[dict] = []
    for e in events:
        rid = e["data"].get("recording_id")
        if rid not in by_id:
            out.append(e)
            continue
        v = by_id[rid]
        if e["type"] == "transcript":
            transcripts.add(rid)
            said = [(s["speaker"], s["text"]) for s in e["data"]["segments"]]
            if said != v.turns:
                raise DemoVoicesError(
                    f"生成器已改变：录像 {rid} 的对话与配音清单不一致"
                    f"（生成器：{said}；清单：{v.turns}）；{_REVOICE}"
                )
            continue
        if e["type"] == "recording":
            recordings.add(rid)
            media = {"media_uri": media_uri(v), "sha256": v.sha256}
            e = {"type": "recording", "data": {**e["data"], **media}}
        out.append(e)
    missing = sorted(set(by_id) - (recordings & transcripts))
    if missing:
        raise DemoVoicesError(
            f"生成器已改变：演示月份中找不到配音清单里的录像或其转写：{'、'.join(missing)}；{_REVOICE}"
        )
    return out


def demo_events(voices_dir: Path = VOICES_DIR) -> Iterator[dict]:
    """The demo month's events, the voiced recordings pointing at their shipped media.

    Raises :class:`DemoVoicesError` at once (before any event) when the manifest no longer
    matches the generator or a shipped file is missing or altered.
    """
    voiced = load_manifest(voices_dir)
    check_files(voiced)
    return iter(voice_events(list(generate_month(**DEMO_MONTH)), voiced))


def media_uri(v: VoicedRecording) -> str:
    """Where a voiced recording's event points: its copy under the media root."""
    return f"{MEDIA_DIR}/{v.recording_id}{v.path.suffix}"


def write_demo_events(path: Path, voices_dir: Path = VOICES_DIR) -> Path:
    """Write :func:`demo_events` as JSONL to ``path`` (atomically) and return ``path``.

    The voiced files are copied to ``path.parent / "media"``, where the events point.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    voiced = load_manifest(voices_dir)
    check_files(voiced)
    for v in voiced:
        dest = path.parent / media_uri(v)
        if not (dest.is_file() and hashlib.sha256(dest.read_bytes()).hexdigest() == v.sha256):
            dest.parent.mkdir(parents=True, exist_ok=True)
            part = dest.with_name(f".{dest.name}.{os.getpid()}.part")
            shutil.copyfile(v.path, part)
            part.replace(dest)
    encode = json.JSONEncoder(ensure_ascii=False).encode
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with tmp.open("w", encoding="utf-8", newline="\n") as out:
            for event in demo_events(voices_dir):
                out.write(encode(event) + "\n")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m jiancha.synthetic.demo",
        description="写出演示月份的事件（JSONL），其中几段录像带有真实配音。",
    )
    parser.add_argument("--out", type=Path, required=True, help="输出的 JSONL 文件")
    args = parser.parse_args(argv)
    print(write_demo_events(args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
