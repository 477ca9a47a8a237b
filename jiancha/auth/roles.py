"""The four roles of the review service (DESIGN.md, "Who uses it"), defined here once."""

from __future__ import annotations

from typing import Literal, Protocol, get_args

Role = Literal["admin", "supervisor", "reviewer", "squad_leader"]

#: Every role, in the order people see them listed.
ROLE_NAMES: tuple[Role, ...] = get_args(Role)

ROLES: dict[Role, str] = {
    "admin": "系统管理员",
    "supervisor": "监查中心负责人",
    "reviewer": "监查中心审核员",
    "squad_leader": "中队长",
}


class Caller(Protocol):
    """Who is acting, as services need to know them (``api.security.User`` is one)."""

    @property
    def username(self) -> str: ...

    @property
    def role(self) -> Role: ...

    @property
    def squad_id(self) -> str | None: ...
