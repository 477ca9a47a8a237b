"""The directory (名录, issue 16): names for the console, autocomplete, and the admin's editor.

Reads are for everyone signed in, scoped as the cases are: a squad leader gets his own squad's
officers only. The name map and autocomplete are reference data fetched on every page and
keystroke, so they are not audited; an officer's record (his postings) is, and so is every
change. Changes are the admin's: validated, Kafka first (the compacted ``directory`` topic),
then the index.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field

from api.admin import AdminDesk, AdminDeskDep
from api.audit import AuditorDep
from api.deps import get_aliases, get_es
from api.security import CurrentUser, User, require_roles
from jiancha import topics
from jiancha.schemas.directory import (
    CODE_PATTERN,
    ROLE_LABELS,
    OfficerSaved,
    Posting,
    SquadSaved,
)
from streams.directory import store
from streams.directory.documents import Entry, document

router = APIRouter(prefix="/directory", tags=["名录"])

Es = Annotated[Any, Depends(get_es)]
Aliases = Annotated[dict[str, str], Depends(get_aliases)]
Code = Annotated[str, Path(pattern=CODE_PATTERN, description="中队代码或民警编号")]


class NamesOut(BaseModel):
    squads: dict[str, str] = Field(description="中队代码 → 中队名称")
    officers: dict[str, str] = Field(description="民警编号 → 姓名")


class PostingOut(BaseModel):
    squad_id: str
    squad_name: str | None = None
    since: date
    until: date | None = None


class EntryOut(BaseModel):
    """A squad or an officer as pages show it."""

    kind: Literal["squad", "officer"]
    code: str = Field(description="中队代码或民警编号")
    name: str
    brigade: str | None = Field(default=None, description="所属大队（中队）")
    police_number: str | None = Field(default=None, description="警号（民警）")
    role: str | None = Field(default=None, description="officer | auxiliary（民警）")
    role_label: str | None = Field(default=None, description="民警 | 辅警")
    squad_id: str | None = Field(default=None, description="现所在中队（民警）")
    postings: list[PostingOut] = Field(default=[], description="任职记录（民警）")


class SquadIn(BaseModel):
    name: str = Field(min_length=1, max_length=40, description="中队名称，如 牡丹区一中队")
    brigade: str = Field(default="", max_length=40, description="所属大队，如 牡丹区大队")


class PostingIn(BaseModel):
    squad_id: str = Field(pattern=CODE_PATTERN)
    since: date
    until: date | None = None


class OfficerIn(BaseModel):
    name: str = Field(min_length=1, max_length=20, description="姓名")
    police_number: str = Field(default="", max_length=20, pattern=r"^[A-Za-z0-9-]*$")
    role: Literal["officer", "auxiliary"] = Field(description="officer 民警 | auxiliary 辅警")
    postings: list[PostingIn] = Field(min_length=1, max_length=50, description="任职记录")


def entry_out(entry: Entry, squads: dict[str, str] | None = None) -> EntryOut:
    """What a page shows of an entry (squad names filled in where known)."""
    if isinstance(entry, SquadSaved):
        return EntryOut(kind="squad", code=entry.code, name=entry.name, brigade=entry.brigade)
    names = squads or {}
    return EntryOut(
        kind="officer",
        code=entry.officer_id,
        name=entry.name,
        police_number=entry.police_number,
        role=entry.role,
        role_label=ROLE_LABELS[entry.role],
        squad_id=entry.squad_id,
        postings=[
            PostingOut(
                squad_id=p.squad_id, squad_name=names.get(p.squad_id), since=p.since, until=p.until
            )
            for p in sorted(entry.postings, key=lambda p: p.since)
        ],
    )


def _scope(user: User) -> str | None:
    """The one squad a user is limited to (squad leaders), else None."""
    return user.squad_id if user.role == "squad_leader" else None


@router.get("/names", response_model=NamesOut, summary="名称对照表（控制台显示姓名用）")
async def names(user: CurrentUser, es: Es, aliases: Aliases) -> NamesOut:
    """全部中队名称与民警姓名（中队长仅本中队民警）；页面据此把编号显示为姓名。"""
    maps = await store.name_maps(es, aliases["directory"], _scope(user))
    return NamesOut(**maps)


@router.get("/search", response_model=list[EntryOut], summary="名录联想检索（姓名、代码、警号）")
async def search(
    user: CurrentUser,
    es: Es,
    aliases: Aliases,
    q: Annotated[str, Query(min_length=1, max_length=40, description="姓名、编号或警号的一部分")],
    kind: Annotated[
        Literal["squad", "officer"] | None, Query(description="只查中队或只查民警")
    ] = None,
    size: Annotated[int, Query(ge=1, le=20, description="条数")] = 8,
) -> list[EntryOut]:
    """输入框联想：以输入开头的在前，包含输入的在后；不区分大小写。"""
    q = q.strip()
    if not q:
        return []
    found = await store.search(es, aliases["directory"], q, kind, _scope(user), size)
    return [entry_out(e) for e in found]


@router.get("/squads", response_model=list[EntryOut], summary="全部中队")
async def squads(user: CurrentUser, es: Es, aliases: Aliases) -> list[EntryOut]:
    """全部中队（代码、名称、所属大队），按代码排序。"""
    return [entry_out(e) for e in await store.list_entries(es, aliases["directory"], "squad")]


@router.get(
    "/officers",
    response_model=list[EntryOut],
    summary="全部民警（管理员、负责人、审核员）",
    dependencies=[Depends(require_roles("admin", "supervisor", "reviewer"))],
)
async def officers(es: Es, aliases: Aliases) -> list[EntryOut]:
    """全部民警与辅警及其任职记录，按编号排序。"""
    alias = aliases["directory"]
    names = (await store.name_maps(es, alias))["squads"]
    return [entry_out(e, names) for e in await store.list_entries(es, alias, "officer")]


@router.get(
    "/officers/{officer_id}",
    response_model=EntryOut,
    summary="民警档案（姓名、警号、任职记录）",
    responses={404: {"description": "名录中没有该民警"}},
)
async def officer(
    officer_id: Code,
    request: Request,
    user: CurrentUser,
    auditor: AuditorDep,
    es: Es,
    aliases: Aliases,
) -> EntryOut:
    """一名民警的姓名、警号、身份与任职记录（中队长仅限本中队民警）。"""
    alias = aliases["directory"]
    entry = await store.get_entry(es, alias, f"officer:{officer_id}")
    scope = _scope(user)
    if not isinstance(entry, OfficerSaved) or (
        scope is not None and all(p.squad_id != scope for p in entry.postings)
    ):
        raise HTTPException(404, "名录中没有该民警")
    await auditor.record(user, "directory.view", officer_id, request)
    return entry_out(entry, (await store.name_maps(es, alias))["squads"])


@router.put(
    "/squads/{code}",
    response_model=EntryOut,
    summary="新建或修改中队（管理员）",
    responses={503: {"description": "Kafka 不可用，未保存"}},
)
async def put_squad(code: Code, body: SquadIn, desk: AdminDeskDep) -> EntryOut:
    """保存中队名称与所属大队；先写入 Kafka 名录主题，再更新检索索引。"""
    entry = SquadSaved(
        code=code,
        name=body.name,
        brigade=body.brigade,
        saved_at=desk.clock(),
        saved_by=desk.user.username,
    )
    await _save(desk, entry)
    return entry_out(entry)


@router.put(
    "/officers/{officer_id}",
    response_model=EntryOut,
    summary="新建或修改民警（管理员）",
    responses={400: {"description": "任职记录有误"}, 503: {"description": "Kafka 不可用，未保存"}},
)
async def put_officer(officer_id: Code, body: OfficerIn, desk: AdminDeskDep) -> EntryOut:
    """保存民警姓名、警号、身份与任职记录（调动中队时新增一条任职记录，旧记录填写调离日期）。"""
    from pydantic import ValidationError

    squads = (await store.name_maps(desk.es, desk.aliases["directory"]))["squads"]
    unknown = sorted({p.squad_id for p in body.postings} - set(squads))
    if unknown:
        raise HTTPException(400, f"名录中没有中队：{'、'.join(unknown)}，请先新建中队")
    try:
        entry = OfficerSaved(
            officer_id=officer_id,
            name=body.name,
            police_number=body.police_number,
            role=body.role,
            postings=[Posting.model_validate(p.model_dump()) for p in body.postings],
            saved_at=desk.clock(),
            saved_by=desk.user.username,
        )
    except ValidationError as exc:  # dates: a posting ends before it starts, or two overlap
        raise HTTPException(400, _first_reason(exc)) from exc
    await _save(desk, entry)
    return entry_out(entry, squads)


def _first_reason(exc: Any) -> str:
    """The Chinese reason our validators gave (pydantic prefixes 'Value error, ')."""
    message = str(exc.errors(include_url=False)[0]["msg"])
    return message.removeprefix("Value error, ")


async def _save(desk: AdminDesk, entry: Entry) -> None:
    """Audited, on the compacted ``directory`` topic, then in the index (``api/admin.py``)."""
    await desk.save(
        action="directory.save",
        target=entry.key,
        detail={"name": entry.name, "kind": entry.kind},
        topic=topics.DIRECTORY,
        key=entry.key,
        value=entry.to_json_bytes(),
        family="directory",
        document=document(entry),
    )
