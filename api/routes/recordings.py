"""Upload a recording (media + metadata): stored content-addressed, announced on ``recordings``.

The transcriber picks the announcement up like any recorder upload: it fetches the stored file,
checks its SHA-256 and publishes the transcript. Nothing is announced unless the file is stored
whole and has an audio track.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Form, HTTPException, UploadFile
from pydantic import ValidationError

from api.deps import ClockDep, get_settings
from api.security import require_roles
from jiancha.settings import Settings
from streams import topics
from streams.schemas.recordings import Recording
from streams.speech.media import MediaError, MediaLimits, probe_audio, upload_store

router = APIRouter(tags=["录像"])

MEDIA_SUFFIXES = {".m4a", ".mp4", ".mov", ".wav", ".mp3", ".aac", ".amr", ".ogg", ".flac", ".webm"}
_CHUNK = 1 << 20


@router.post(
    "/recordings",
    status_code=202,
    summary="上传录像文件与元数据，进入转写队列",
    dependencies=[Depends(require_roles("admin", "supervisor", "reviewer"))],
)
def upload_recording(
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
    """Store the file, verify it, publish the ``recording`` event; 202 when queued."""
    suffix = Path(file.filename or "").suffix.lower()
    if suffix not in MEDIA_SUFFIXES:
        raise HTTPException(
            415,
            f"不支持的文件类型“{suffix or '无扩展名'}”，支持：{'、'.join(sorted(MEDIA_SUFFIXES))}",
        )
    store = upload_store(settings)  # the transcriber and GET /clips/…/media read it too
    store.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    with tempfile.NamedTemporaryFile(dir=store, suffix=".part", delete=False) as tmp:
        part = Path(tmp.name)
        try:
            while chunk := file.file.read(_CHUNK):
                size += len(chunk)
                if size > settings.media_max_bytes:
                    raise HTTPException(413, f"文件超过上限 {settings.media_max_bytes} 字节")
                digest.update(chunk)
                tmp.write(chunk)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
    try:
        if size == 0:
            raise HTTPException(422, "文件为空")
        actual = digest.hexdigest()
        if sha256 and sha256.lower() != actual:
            raise HTTPException(
                422, f"文件校验失败：登记的 SHA-256 为 {sha256.lower()}，实际为 {actual}"
            )
        try:
            limits = MediaLimits(settings.media_max_bytes, settings.media_max_seconds)
            seconds = probe_audio(part, limits)
        except MediaError as exc:
            raise HTTPException(
                422, exc.reason.replace(part.name, file.filename or "上传文件")
            ) from exc
        dest = store / actual[:2] / f"{actual}{suffix}"
        dest.parent.mkdir(parents=True, exist_ok=True)
        if dest.exists():
            part.unlink()
        else:
            shutil.move(part, dest)
    finally:
        part.unlink(missing_ok=True)

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
            sha256=actual,
            media_uri=dest.resolve().as_uri(),
        )
    except ValidationError as exc:
        raise HTTPException(422, f"元数据有误：{exc.errors()[0]['msg']}") from exc

    from kafka.errors import KafkaError

    from streams.publisher import Publisher, PublishError

    try:
        with Publisher(settings) as publisher:
            publisher.send(topics.RECORDINGS, recording.key, recording.model_dump_json().encode())
    except (PublishError, KafkaError) as exc:
        raise HTTPException(
            503, f"Kafka 暂不可用，录像未入队（文件已保存，可重试）：{exc}"
        ) from exc
    return {
        "recording_id": recording.recording_id,
        "sha256": actual,
        "bytes": size,
        "audio_seconds": round(seconds, 2) if seconds is not None else None,
        "media_uri": recording.media_uri,
        "status": "已受理，等待转写",
    }
