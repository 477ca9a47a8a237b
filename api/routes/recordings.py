"""Upload a recording (media + metadata): stored content-addressed, announced on ``recordings``.

The transcriber picks the announcement up like any recorder upload: it fetches the stored file,
checks its SHA-256 and publishes the transcript. Nothing is announced unless the file is stored
whole and has an audio track.

A recording is registered once (issue 13): an id that Elasticsearch already knows, or that an
earlier upload claimed in the store, is refused with 409, so its media, hash and transcript can
never be replaced through the API. The claim is an exclusive create, which also settles two
uploads of one id racing each other; stored media is linked into place, never overwritten.
Every accepted upload is audited before it is announced; no audit, no upload.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, BinaryIO, Literal

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from pydantic import ValidationError

from api.audit import AuditorDep
from api.deps import ClockDep, PublisherDep, get_aliases, get_es, get_settings
from api.security import User, require_roles
from jiancha import topics
from jiancha.files import TooLarge, spool
from jiancha.schemas.recordings import Recording
from jiancha.settings import Settings
from streams.speech.media import MediaError, MediaLimits, probe_audio, upload_store

router = APIRouter(tags=["录像"])

MEDIA_SUFFIXES = {".m4a", ".mp4", ".mov", ".wav", ".mp3", ".aac", ".amr", ".ogg", ".flac", ".webm"}


def registry(settings: Settings) -> Path:
    """Where the upload store records which recording ids it has registered (one file each)."""
    return upload_store(settings) / "registered"


def claim_path(settings: Settings, recording_id: str) -> Path:
    """The claim file of ``recording_id``: named by the id's hash, as ids are free text."""
    name = hashlib.sha256(recording_id.encode("utf-8")).hexdigest()
    return registry(settings) / name[:2] / f"{name}.json"


def claim(path: Path, record: dict[str, Any]) -> bool:
    """Create the claim file exclusively; False if it exists (the id is taken)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("xb") as f:  # O_CREAT | O_EXCL: of two racing uploads, one wins
            f.write(json.dumps(record, ensure_ascii=False).encode("utf-8"))
    except FileExistsError:
        return False
    return True


@dataclass(frozen=True)
class Stored:
    sha256: str
    size: int
    seconds: float | None
    path: Path


def store_media(
    settings: Settings, source: BinaryIO, filename: str, suffix: str, sha256: str | None
) -> Stored:
    """Copy the upload into the store under its hash, checked and probed; never overwrites."""
    store = upload_store(settings)
    try:
        spooled = spool(source, store, settings.media_max_bytes)
    except TooLarge:
        raise HTTPException(413, f"文件超过上限 {settings.media_max_bytes} 字节") from None
    part, size, actual = spooled.path, spooled.size, spooled.sha256
    try:
        if size == 0:
            raise HTTPException(422, "文件为空")
        if sha256 and sha256.lower() != actual:
            raise HTTPException(
                422, f"文件校验失败：登记的 SHA-256 为 {sha256.lower()}，实际为 {actual}"
            )
        try:
            limits = MediaLimits(settings.media_max_bytes, settings.media_max_seconds)
            seconds = probe_audio(part, limits)
        except MediaError as exc:
            raise HTTPException(422, exc.reason.replace(part.name, filename)) from exc
        dest = store / actual[:2] / f"{actual}{suffix}"
        dest.parent.mkdir(parents=True, exist_ok=True)
        part.chmod(0o400)  # evidence: nobody writes to a stored file again
        # os.link fails if dest exists: a stored file is never replaced. If it exists, it holds
        # the same bytes (its name is their hash), stored by an earlier upload.
        with contextlib.suppress(FileExistsError):
            os.link(part, dest)
    finally:
        part.unlink(missing_ok=True)
    return Stored(actual, size, seconds, dest)


def _taken(recording_id: str) -> HTTPException:
    return HTTPException(
        409, f"录像编号 {recording_id} 已登记，已登记录像的文件不可替换；如为新录像，请使用新编号"
    )


@router.post(
    "/recordings",
    status_code=202,
    summary="上传录像文件与元数据，进入转写队列",
    responses={409: {"description": "录像编号已登记"}},
)
async def upload_recording(
    request: Request,
    user: Annotated[User, Depends(require_roles("admin", "supervisor", "reviewer"))],
    auditor: AuditorDep,
    publisher: PublisherDep,
    es: Annotated[Any, Depends(get_es)],
    aliases: Annotated[dict[str, str], Depends(get_aliases)],
    settings: Annotated[Settings, Depends(get_settings)],
    clock: ClockDep,
    file: Annotated[UploadFile, File(description="执法记录仪或车载记录仪的音视频文件")],
    recording_id: Annotated[str, Form(min_length=1, max_length=64, description="录像编号")],
    device_id: Annotated[str, Form(min_length=1, max_length=64, description="设备编号")],
    device_type: Annotated[Literal["body_cam", "in_car"], Form(description="设备类型")],
    officer_ids: Annotated[str, Form(min_length=1, description="民警编号，多人用逗号分隔")],
    squad_id: Annotated[str, Form(min_length=1, max_length=64, description="中队")],
    started_at: Annotated[datetime, Form(description="录像开始时间（ISO 8601，带时区）")],
    ended_at: Annotated[datetime, Form(description="录像结束时间（ISO 8601，带时区）")],
    sha256: Annotated[
        str | None, Form(pattern=r"^[0-9a-fA-F]{64}$", description="设备登记的 SHA-256（可选）")
    ] = None,
) -> dict[str, object]:
    """Store the file, verify it, audit and publish the ``recording`` event; 202 when queued."""
    suffix = Path(file.filename or "").suffix.lower()
    if suffix not in MEDIA_SUFFIXES:
        raise HTTPException(
            415,
            f"不支持的文件类型“{suffix or '无扩展名'}”，支持：{'、'.join(sorted(MEDIA_SUFFIXES))}",
        )
    claimed = claim_path(settings, recording_id)
    if claimed.exists() or await es.exists(index=aliases["clips"], id=recording_id):
        raise _taken(recording_id)
    stored = await asyncio.to_thread(
        store_media, settings, file.file, file.filename or "上传文件", suffix, sha256
    )
    try:
        recording = Recording(
            recording_id=recording_id,
            device_id=device_id,
            device_type=device_type,
            officer_ids=[o.strip() for o in officer_ids.split(",") if o.strip()],
            squad_id=squad_id,
            started_at=started_at,
            ended_at=ended_at,
            uploaded_at=clock().astimezone(),
            sha256=stored.sha256,
            media_uri=stored.path.resolve().as_uri(),
        )
    except ValidationError as exc:
        raise HTTPException(422, f"元数据有误：{exc.errors()[0]['msg']}") from exc

    registration = {"sha256": recording.sha256, "media_uri": recording.media_uri}
    if not claim(claimed, {"recording_id": recording_id, **registration, "by": user.username}):
        raise _taken(recording_id)  # an upload of the same id got here first
    from kafka.errors import KafkaError

    from streams.publisher import PublishError

    try:
        await auditor.record(
            user, "recordings.upload", recording_id, request, {**registration, "bytes": stored.size}
        )
        try:
            await publisher.send(
                topics.RECORDINGS, recording.key, recording.model_dump_json().encode()
            )
        except (PublishError, KafkaError) as exc:
            raise HTTPException(
                503, f"Kafka 暂不可用，录像未入队（文件已保存，可重试）：{exc}"
            ) from exc
    except BaseException:
        claimed.unlink(missing_ok=True)  # not announced: the id is free for the retry
        raise
    return {
        "recording_id": recording.recording_id,
        "sha256": stored.sha256,
        "bytes": stored.size,
        "audio_seconds": round(stored.seconds, 2) if stored.seconds is not None else None,
        "media_uri": recording.media_uri,
        "status": "已受理，等待转写",
    }
