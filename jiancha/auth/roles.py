"""The four roles of the review service (DESIGN.md, "Who uses it")."""

from __future__ import annotations

from typing import Literal

Role = Literal["admin", "supervisor", "reviewer", "squad_leader"]

ROLES: dict[str, str] = {
    "admin": "系统管理员",
    "supervisor": "监查中心负责人",
    "reviewer": "监查中心审核员",
    "squad_leader": "中队长",
}
