"""《监察专刊》: list, download (PDF, HTML), the week's live numbers, and recompilation.

Any signed-in user may read bulletins; the supervisor (负责人) and admin may compile one on
demand. The numbers come from :mod:`streams.bulletin.stats`, the module the bulletin prints from.
A squad leader (中队长) gets the week's numbers as the bulletin prints them, but of the typical
cases and overdue orders only his own squad's, masked as printed (:func:`squad_view`). Every read
and download is audited before it is answered (503, nothing shown, if the audit cannot be written).
The bulletin's code is synchronous: it runs in a thread on the app's one synchronous client and
the indices the app ensured at start-up (nothing is created per request).
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field

from api.audit import Auditor, AuditorDep
from api.deps import ClockDep, PublisherDep, get_aliases, get_es_sync, get_settings
from api.security import CurrentUser, User, require_roles
from jiancha import topics
from jiancha.schemas.bulletin_events import BulletinVoided
from jiancha.settings import Settings
from streams.bulletin.compile import compile_week, store_of
from streams.bulletin.masking import squad_view
from streams.bulletin.stats import IsoWeek, orders, overview, week_stats
from streams.bulletin.store import KINDS, BulletinStore, VoidedMeanwhile
from streams.bulletin.weeks import NotCompilable, check_compilable, first_week

router = APIRouter(prefix="/bulletins", tags=["《监察专刊》"])

Week = Annotated[str, Path(pattern=r"^\d{4}-W\d{2}$", description="ISO 周，如 2026-W15")]
SettingsDep = Annotated[Settings, Depends(get_settings)]
EsSync = Annotated[Any, Depends(get_es_sync)]
Aliases = Annotated[dict[str, str], Depends(get_aliases)]


def get_store(es: EsSync, aliases: Aliases, settings: SettingsDep) -> BulletinStore:
    """The bulletins' index and files (synchronous: call it in a thread)."""
    return store_of(settings, es, aliases)


Store = Annotated[BulletinStore, Depends(get_store)]


def _week(text: str, settings: Settings) -> IsoWeek:
    try:
        return IsoWeek.parse(text, settings.bulletin_timezone)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from exc


def _entry(doc: dict[str, Any]) -> dict[str, Any]:
    week = doc["week"]
    voided = {k: doc.get(k) for k in ("voided_at", "voided_by", "void_reason")}
    return {
        "voided": bool(doc.get("voided")),
        **(voided if doc.get("voided") else {}),
        "week": week,
        "year": doc["year"],
        "issue_no": doc["issue_no"],
        "total_no": doc["total_no"],
        "title": f"《监察专刊》{doc['year']}年第{doc['issue_no']}期（总第{doc['total_no']}期）",
        "unit": doc.get("unit"),
        "issued_on": doc.get("issued_on"),
        "compiled_at": doc.get("compiled_at"),
        "compiled_by": doc.get("compiled_by"),
        "pdf_pages": doc.get("pdf_pages"),
        "pdf": f"/bulletins/{week}.pdf",
        "html": f"/bulletins/{week}.html",
    }


@router.get("", summary="已汇编的《监察专刊》列表（新的在前）")
async def list_bulletins(
    user: CurrentUser, store: Store, auditor: AuditorDep, request: Request
) -> dict[str, Any]:
    """Compiled bulletins, newest week first."""
    await auditor.record(user, "bulletins.list", "*", request)
    docs = await asyncio.to_thread(store.list)
    return {"bulletins": [_entry(d) for d in docs]}


@router.get("/latest-week", summary="有数据的最近一周（监督概览默认打开这一周）")
async def latest_week(
    user: CurrentUser, settings: SettingsDep, es: EsSync, aliases: Aliases
) -> dict[str, str | None]:
    """The ISO week of the latest case (by when it happened, the overview's own basis), so the
    overview opens on a week with numbers rather than on the current, still empty one."""
    scoped = [{"term": {"squad_id": user.squad_id or ""}}] if user.role == "squad_leader" else []
    resp = await asyncio.to_thread(
        es.search,
        index=aliases["cases"],
        size=0,
        query={"bool": {"filter": scoped}},
        aggs={"latest": {"max": {"field": "occurred_at"}}},
    )
    latest = resp["aggregations"]["latest"].get("value_as_string")
    if not latest:
        return {"week": None}
    moment = datetime.fromisoformat(latest.replace("Z", "+00:00"))
    return {"week": str(IsoWeek.containing(moment, settings.bulletin_timezone))}


async def _file(
    week: str, kind: str, store: BulletinStore, user: User, auditor: Auditor, request: Request
) -> FileResponse:
    doc = await asyncio.to_thread(store.get, week)
    sha = (doc or {}).get(f"{kind}_sha256")
    if not sha:
        raise HTTPException(404, f"{week} 的《监察专刊》尚未汇编")
    path = store.path(sha, kind)
    if not path.exists():
        raise HTTPException(404, f"{week} 的《监察专刊》文件缺失，请重新汇编")
    await auditor.record(user, f"bulletins.{kind}", week, request, {"sha256": sha})
    name = f"jiancha-bulletin-{week}.{kind}"
    disposition = "attachment" if kind == "pdf" else "inline"
    return FileResponse(
        path, media_type=KINDS[kind], filename=name, content_disposition_type=disposition
    )


@router.get("/{week}.pdf", summary="下载一期《监察专刊》（PDF）", response_class=FileResponse)
async def bulletin_pdf(
    week: Week, user: CurrentUser, store: Store, auditor: AuditorDep, request: Request
) -> FileResponse:
    """The stored PDF of ``week``."""
    return await _file(week, "pdf", store, user, auditor, request)


@router.get("/{week}.html", summary="在线阅读一期《监察专刊》（HTML）", response_class=FileResponse)
async def bulletin_html(
    week: Week, user: CurrentUser, store: Store, auditor: AuditorDep, request: Request
) -> FileResponse:
    """The stored HTML of ``week`` (self-contained: styles and charts inline)."""
    return await _file(week, "html", store, user, auditor, request)


@router.get("/{week}/stats", summary="一周的监督数据（与专刊同一口径，实时计算）")
async def bulletin_stats(
    week: Week,
    user: CurrentUser,
    settings: SettingsDep,
    es: EsSync,
    aliases: Aliases,
    clock: ClockDep,
    auditor: AuditorDep,
    request: Request,
) -> dict[str, Any]:
    """The week's numbers as the bulletin prints them now (中队长: own squad's cases, masked)."""
    iso = _week(week, settings)
    leader = user.role == "squad_leader"
    scope = {"squad_id": user.squad_id, "masked": True} if leader else {}
    await auditor.record(user, "bulletins.stats", week, request, scope)
    stats = await asyncio.to_thread(
        week_stats, es.search, aliases, iso, clock(), settings.bulletin_typical_cases
    )
    return (squad_view(stats, user.squad_id) if leader else stats).to_dict()


@router.post("/{week}", summary="汇编（或重新汇编）一期《监察专刊》：期号不变")
async def compile_bulletin(
    week: Week,
    settings: SettingsDep,
    es: EsSync,
    aliases: Aliases,
    clock: ClockDep,
    auditor: AuditorDep,
    request: Request,
    user: Annotated[User, Depends(require_roles("supervisor", "admin"))],
) -> dict[str, Any]:
    """Compile ``week`` now from Elasticsearch; recompiling keeps its 期号 and 总期号.

    Refused (422) before a number is taken: a week not begun, before the data, or empty.
    """
    iso = _week(week, settings)
    now = clock()

    def check() -> None:
        seen = overview(es.search, aliases, iso)
        issued = orders(es.search, aliases, iso, now)
        check_compilable(iso, now, seen, issued, first_week(es.search, aliases, iso.tz))

    try:
        await asyncio.to_thread(check)
    except NotCompilable as exc:
        raise HTTPException(422, str(exc)) from exc
    try:
        compiled = await asyncio.to_thread(
            lambda: compile_week(settings, es, iso, now=now, by=user.username, aliases=aliases)
        )
    except VoidedMeanwhile as exc:
        raise HTTPException(409, str(exc)) from exc
    doc = compiled.doc
    await auditor.record(user, "bulletins.compile", week, request, {"issue_no": doc["issue_no"]})
    return _entry(doc)


class VoidIn(BaseModel):
    reason: str = Field(min_length=1, max_length=2000, description="作废理由")


@router.post(
    "/{week}/void",
    summary="作废一期《监察专刊》（负责人）：期号不再使用，可重新汇编该周",
    responses={404: {"description": "该周尚未汇编"}, 503: {"description": "Kafka 不可用，未作废"}},
)
async def void_bulletin(
    week: Week,
    body: VoidIn,
    store: Store,
    clock: ClockDep,
    auditor: AuditorDep,
    publisher: PublisherDep,
    request: Request,
    user: Annotated[User, Depends(require_roles("supervisor"))],
) -> dict[str, Any]:
    """Void ``week``'s issue: audited, ``BulletinVoided`` on Kafka, then kept marked 作废.

    Its 期号 is never given again: the week's next compilation takes the next number.
    """
    doc = await asyncio.to_thread(store.get, week)
    if doc is None or not doc.get("compilations"):
        raise HTTPException(404, f"{week} 的《监察专刊》尚未汇编")
    reason = body.reason.strip()
    if not reason:
        raise HTTPException(422, "请填写作废理由")
    event = BulletinVoided(
        event_id=uuid.uuid4().hex,
        week=week,
        year=doc["year"],
        issue_no=doc["issue_no"],
        total_no=doc["total_no"],
        reason=reason,
        voided_by=user.username,
        voided_at=clock(),
    )
    detail = {"issue_no": event.issue_no, "total_no": event.total_no, "event_id": event.event_id}
    await auditor.record(user, "bulletins.void", week, request, detail)
    try:
        await publisher.send(topics.BULLETIN_EVENTS, event.key, event.to_json_bytes())
    except Exception as exc:
        raise HTTPException(503, "Kafka 暂不可用，未作废，请稍后重试") from exc
    fields = {
        "voided_at": event.voided_at.isoformat(),
        "voided_by": event.voided_by,
        "void_reason": reason,
    }
    voided = await asyncio.to_thread(store.void, week, fields)
    if voided is None:  # voided by someone else meanwhile
        raise HTTPException(409, f"{week} 的《监察专刊》已被他人作废或重新汇编，请刷新")
    return _entry(voided)
