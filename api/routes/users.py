"""Accounts and roles for the admin (issue 16): create, change role or squad, disable, reset.

Each change is the whole account as a ``UserSaved`` event on the compacted ``users`` topic
(Kafka first, like ``jiancha user add``), then the index sign-in reads. Saving changes the
account's version, so a disabled account, a new role or a reset password refuses the old
tokens on their next request (``api/security.py``). Every change is audited; password hashes
never leave the server.
"""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path
from pydantic import BaseModel, Field

from api.admin import AdminDesk, AdminDeskDep
from jiancha import topics
from jiancha.auth.passwords import WeakPassword, hash_password
from jiancha.auth.roles import ROLES, Role
from jiancha.schemas.users import UserSaved
from streams.accounts.users import check_squad, find_user, new_user
from streams.directory import store

router = APIRouter(prefix="/users", tags=["账号"])

Username = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._-]+$")]

#: A squad code as the directory spells it, or nothing (the empty string clears it).
_SQUAD = r"^[A-Za-z0-9._-]*$"

#: The most accounts one listing returns (a detachment has hundreds).
_MAX_ACCOUNTS = 2000


class AccountOut(BaseModel):
    """An account as the admin sees it (never its password hash)."""

    username: str
    role: Role
    role_label: str
    squad_id: str | None = None
    display_name: str
    disabled: bool
    saved_at: str
    saved_by: str


class AccountIn(BaseModel):
    username: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._-]+$")
    role: Role
    squad_id: str | None = Field(default=None, max_length=64, pattern=_SQUAD)
    display_name: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256, description="初始密码，至少 8 位")


class AccountPatch(BaseModel):
    role: Role | None = None
    squad_id: str | None = Field(
        default=None, max_length=64, pattern=_SQUAD, description="中队代码；空串表示无"
    )
    display_name: str | None = Field(default=None, min_length=1, max_length=64)
    disabled: bool | None = None


class PasswordIn(BaseModel):
    password: str | None = Field(
        default=None, max_length=256, description="新密码；不填则生成一次性临时密码"
    )


class PasswordOut(BaseModel):
    username: str
    temporary_password: str | None = Field(default=None, description="生成的临时密码（仅此一次）")


def account_out(account: UserSaved) -> AccountOut:
    return AccountOut(
        username=account.username,
        role=account.role,
        role_label=ROLES[account.role],
        squad_id=account.squad_id,
        display_name=account.display_name,
        disabled=account.disabled,
        saved_at=account.saved_at.isoformat(),
        saved_by=account.saved_by,
    )


@router.get("", response_model=list[AccountOut], summary="全部账号（管理员）")
async def list_accounts(desk: AdminDeskDep) -> list[AccountOut]:
    """全部账号及其角色、中队、状态，按用户名排序。"""
    resp = await desk.es.search(
        index=desk.aliases["users"],
        query={"match_all": {}},
        sort=[{"username": "asc"}],
        size=_MAX_ACCOUNTS,
        source_excludes=["password_hash"],
    )
    return [
        account_out(UserSaved.model_validate({**h["_source"], "password_hash": "-"}))
        for h in resp.body["hits"]["hits"]
    ]


@router.post(
    "",
    response_model=AccountOut,
    status_code=201,
    summary="新建账号（管理员）",
    responses={400: {"description": "角色与中队不符或密码过短"}, 409: {"description": "已存在"}},
)
async def create_account(body: AccountIn, desk: AdminDeskDep) -> AccountOut:
    """新建账号；中队长必须指定名录中的中队。"""
    if await find_user(desk.es, desk.aliases["users"], body.username) is not None:
        raise HTTPException(409, f"用户名 {body.username} 已存在")
    await _check_squad(desk, body.squad_id)
    try:
        account = new_user(
            body.username,
            body.role,
            body.password,
            squad_id=body.squad_id or None,
            display_name=body.display_name,
            saved_by=desk.user.username,
        )
    except (WeakPassword, ValueError) as exc:
        raise HTTPException(400, str(exc)) from exc
    await _save(desk, account, "users.create", {"role": account.role, "squad_id": account.squad_id})
    return account_out(account)


@router.patch(
    "/{username}",
    response_model=AccountOut,
    summary="修改角色、中队、显示名，停用或启用（管理员）",
    responses={400: {"description": "修改无效"}, 404: {"description": "账号不存在"}},
)
async def change_account(username: Username, body: AccountPatch, desk: AdminDeskDep) -> AccountOut:
    """修改账号；保存后该账号已签发的令牌即失效（须重新登录）。"""
    account = await _existing(desk, username)
    changes = body.model_dump(exclude_unset=True)
    # An explicit null leaves a field as it is, like a missing one (the fuzz sent disabled: null).
    for field in ("disabled", "role"):
        if changes.get(field, "") is None:
            del changes[field]
    if username == desk.user.username and (
        changes.get("disabled") or changes.get("role", "admin") != "admin"
    ):
        raise HTTPException(400, "不能停用自己的账号或撤销自己的管理员角色")
    role = changes.get("role", account.role)
    if "squad_id" in changes:
        squad = changes["squad_id"] or None
    else:  # a squad leader made reviewer, say, leaves his squad
        squad = account.squad_id if role == "squad_leader" else None
    try:
        check_squad(role, squad)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from exc
    await _check_squad(desk, squad)
    changed = _resaved(
        desk,
        account,
        role=role,
        squad_id=squad,
        display_name=changes.get("display_name") or account.display_name,
        disabled=changes.get("disabled", account.disabled),
    )
    await _save(desk, changed, "users.change", changes)
    return account_out(changed)


@router.post(
    "/{username}/password",
    response_model=PasswordOut,
    summary="重置密码（管理员）",
    responses={400: {"description": "密码过短"}, 404: {"description": "账号不存在"}},
)
async def reset_password(username: Username, body: PasswordIn, desk: AdminDeskDep) -> PasswordOut:
    """设置新密码，或生成一次性临时密码；旧令牌随即失效。"""
    account = await _existing(desk, username)
    temporary = None if body.password else secrets.token_urlsafe(12)
    try:
        password_hash = hash_password(body.password or temporary or "")
    except WeakPassword as exc:
        raise HTTPException(400, str(exc)) from exc
    changed = _resaved(desk, account, password_hash=password_hash)
    await _save(desk, changed, "users.reset_password", {"generated": temporary is not None})
    return PasswordOut(username=username, temporary_password=temporary)


def _resaved(desk: AdminDesk, account: UserSaved, **changes: Any) -> UserSaved:
    """The account with ``changes``, saved now by this admin (a new version: old tokens fail)."""
    return account.model_copy(
        update={**changes, "saved_at": desk.clock(), "saved_by": desk.user.username}
    )


async def _existing(desk: AdminDesk, username: str) -> UserSaved:
    account = await find_user(desk.es, desk.aliases["users"], username)
    if account is None:
        raise HTTPException(404, f"账号 {username} 不存在")
    return account


async def _check_squad(desk: AdminDesk, squad_id: str | None) -> None:
    """A squad must be in the directory, once the directory has squads at all."""
    if not squad_id:
        return
    squads = (await store.name_maps(desk.es, desk.aliases["directory"]))["squads"]
    if squads and squad_id not in squads:
        raise HTTPException(400, f"名录中没有中队 {squad_id}")


async def _save(desk: AdminDesk, account: UserSaved, action: str, detail: dict[str, Any]) -> None:
    """Audited, on the compacted ``users`` topic, then in the index sign-in reads."""
    await desk.save(
        action=action,
        target=account.username,
        detail=detail,
        topic=topics.USERS,
        key=account.key,
        value=account.to_json_bytes(),
        family="users",
        document=account.model_dump(mode="json"),
    )
