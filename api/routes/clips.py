"""Clips: recordings with their transcripts, searched in full text."""

from __future__ import annotations

import logging
import mimetypes
import urllib.parse
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import StreamingResponse

from api.audit import AuditorDep
from api.deps import get_aliases, get_es, get_settings
from api.models import ClipOut, ClipSearchOut, SegmentOut
from api.names import resolve_squads
from api.ranges import RangeNotSatisfiable, parse_range
from api.security import CurrentUser, User, require_roles
from jiancha.elastic.queries import MAX_WINDOW, ClipQuery, clip_search_body, parse_clip_page
from jiancha.settings import Settings
from streams.review.cases import Scope
from streams.speech.media import MediaError, MediaSources, resolve

router = APIRouter(prefix="/clips", tags=["录像检索"])
log = logging.getLogger(__name__)

_CHUNK = 256 * 1024
MAX_CASES_PER_PAGE = 500  # a page holds at most 100 clips, each in a handful of cases


@router.get("/search", response_model=ClipSearchOut)
async def search_clips(
    request: Request,
    user: Annotated[User, Depends(require_roles("admin", "supervisor", "reviewer"))],
    auditor: AuditorDep,
    es: Annotated[Any, Depends(get_es)],
    aliases: Annotated[dict[str, str], Depends(get_aliases)],
    q: Annotated[
        str, Query(max_length=200, description="转写全文检索词，空格分隔的词须全部出现")
    ] = "",
    officer_id: Annotated[str | None, Query(max_length=64, description="民警编号")] = None,
    squad_id: Annotated[str | None, Query(max_length=64, description="中队")] = None,
    device_type: Annotated[
        Literal["body_cam", "in_car"] | None, Query(description="设备类型")
    ] = None,
    start: Annotated[datetime | None, Query(description="录像开始时间下限（ISO 8601）")] = None,
    end: Annotated[datetime | None, Query(description="录像开始时间上限（ISO 8601）")] = None,
    page: Annotated[int, Query(ge=1, description="页码，从 1 开始")] = 1,
    size: Annotated[int, Query(ge=1, le=100, description="每页条数")] = 20,
) -> ClipSearchOut:
    """按转写全文、民警、中队、设备类型和时间检索录像片段，返回命中片段及高亮（审核员、负责人、管理员）。"""
    if start and end and start > end:
        raise HTTPException(400, "开始时间不能晚于结束时间")
    if page * size > MAX_WINDOW:
        raise HTTPException(400, f"翻页过深：最多可浏览前 {MAX_WINDOW} 条结果，请缩小检索范围")
    squads = await resolve_squads(es, aliases, squad_id)
    query = ClipQuery(q.strip(), officer_id, squad_id, device_type, start, end, page, size, squads)
    await auditor.record(user, "clips.search", str(request.url.query) or "*", request)
    response = await es.search(index=aliases["clips"], body=clip_search_body(query))
    result = parse_clip_page(response.body)
    cases = await cases_of(es, aliases["cases"], [hit.recording_id for hit in result.hits])
    items = [
        ClipOut(
            **{k: v for k, v in hit.source.items() if k in ClipOut.model_fields},
            score=hit.score,
            case_ids=cases.get(hit.recording_id, []),
            segments=[SegmentOut(**vars(s)) for s in hit.segments],
        )
        for hit in result.hits
    ]
    return ClipSearchOut(total=result.total, page=page, size=size, items=items)


async def cases_of(es: Any, alias: str, recording_ids: list[str]) -> dict[str, list[str]]:
    """The (not withdrawn) cases built on each of ``recording_ids``: a transcript hit links to the
    case a reviewer decides, not only to the recording."""
    if not recording_ids:
        return {}
    resp = await es.search(
        index=alias,
        size=MAX_CASES_PER_PAGE,
        query={
            "bool": {
                "filter": [{"terms": {"recording_ids": recording_ids}}],
                "must_not": [{"term": {"withdrawn": True}}],
            }
        },
        source=["case_id", "recording_ids"],
        sort=[{"case_id": "asc"}],
    )
    found: dict[str, list[str]] = {}
    for hit in resp.body["hits"]["hits"]:
        for rec in hit["_source"].get("recording_ids") or []:
            if rec in recording_ids:
                found.setdefault(rec, []).append(hit["_source"]["case_id"])
    return found


@router.get(
    "/{recording_id}/media",
    summary="播放录像（支持 HTTP Range，可跳转到问题时间点）",
    response_class=StreamingResponse,
    responses={
        200: {"description": "整个文件", "content": {"application/octet-stream": {}}},
        206: {"description": "所请求的字节范围", "content": {"application/octet-stream": {}}},
        404: {"description": "录像或其文件不存在（中队长：或不是本中队已确认案件的证据）"},
        416: {"description": "请求的字节范围超出文件"},
    },
)
async def clip_media(
    recording_id: str,
    request: Request,
    user: CurrentUser,
    auditor: AuditorDep,
    settings: Annotated[Settings, Depends(get_settings)],
    es: Annotated[Any, Depends(get_es)],
    aliases: Annotated[dict[str, str], Depends(get_aliases)],
) -> Response:
    """录像文件流；带 Range 请求头时返回 206 与对应字节，播放器据此跳到问题发生的秒数。"""
    resp = await es.options(ignore_status=404).get(
        index=aliases["clips"], id=recording_id, source_includes=["squad_id", "media_uri"]
    )
    clip = resp.body.get("_source") if resp.body.get("found") else None
    if clip is None or not user.sees_squad(clip.get("squad_id")):
        raise HTTPException(404, "录像不存在")
    scope = Scope.of(user)
    if scope.limited:  # a squad leader: only the evidence behind his squad's confirmed cases
        cited = await es.count(index=aliases["cases"], query=scope.cases_citing(recording_id))
        if not cited.body["count"]:
            raise HTTPException(404, "录像不存在")
    path = local_media_path(recording_id, clip.get("media_uri"), MediaSources.of(settings))
    size = path.stat().st_size
    try:
        wanted = parse_range(request.headers.get("range"), size)
    except RangeNotSatisfiable as exc:
        raise HTTPException(
            416,
            f"请求的字节范围超出文件（共 {size} 字节）",
            headers={"Content-Range": f"bytes */{size}"},
        ) from exc
    first, last = wanted if wanted else (0, size - 1)
    await auditor.record(
        user, "clips.media", recording_id, request, {"range": request.headers.get("range")}
    )
    headers = {"Accept-Ranges": "bytes", "Content-Length": str(last - first + 1)}
    if wanted:
        headers["Content-Range"] = f"bytes {first}-{last}/{size}"
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return StreamingResponse(
        _file_bytes(path, first, last),
        status_code=206 if wanted else 200,
        headers=headers,
        media_type=media_type,
    )


def local_media_path(recording_id: str, media_uri: str | None, sources: MediaSources) -> Path:
    """The stored file of a recording, confined as the transcriber's is; 404 if not served here.

    The 404 says nothing of the reason: a path, or whether a file exists outside the media
    directories, is not for the client (issue 13). The reason goes to the log.
    """
    if not media_uri:
        raise HTTPException(404, "该录像没有登记媒体文件")
    if urllib.parse.urlparse(media_uri).scheme.lower() in ("http", "https"):
        raise HTTPException(404, "该录像的媒体文件存放在外部地址，本服务无法播放")
    try:
        return resolve(media_uri, sources).path
    except MediaError as exc:
        log.warning("录像 %s 的媒体文件不可用（%s）：%s", recording_id, exc.code, exc.reason)
        raise HTTPException(404, "录像文件不可用") from exc


def media_available(recording_id: str, media_uri: str | None, sources: MediaSources) -> bool:
    """Whether a recording's file can be played here: yes or no, never where or why (issue 16)."""
    try:
        return local_media_path(recording_id, media_uri, sources).is_file()
    except HTTPException:
        return False


def _file_bytes(path: Path, first: int, last: int) -> Iterator[bytes]:
    with path.open("rb") as media:
        media.seek(first)
        left = last - first + 1
        while left > 0:
            chunk = media.read(min(_CHUNK, left))
            if not chunk:
                return
            left -= len(chunk)
            yield chunk
