"""The policies in force (只纠正不处罚 and the like), for the admin and the supervision head.

Two sources, as the analyzer reads them (``analyzers/engine.py``): the seed file, then the
compacted ``policies`` topic, whose policy of the same id overrides the seed's. The topic is
read whole on each request (a compacted topic of a few dozen policies: well under a second);
an unreadable Kafka answers 503, never a partial list.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, Field

from api.deps import get_settings
from api.security import require_roles
from jiancha import topics
from jiancha.schemas import InvalidEvent, decode
from jiancha.schemas.policies import Policy
from jiancha.settings import Settings

router = APIRouter(prefix="/policies", tags=["政策"])

EFFECTS = {"correct_only": "只纠正不处罚", "no_penalty": "不予处罚", "no_detention": "不扣车不扣证"}

#: How long a request waits for the topic to be read.
_READ_TIMEOUT_S = 10.0


class PolicyOut(BaseModel):
    policy_id: str
    name: str
    valid_from: datetime
    valid_to: datetime
    effect: str
    effect_label: str
    scope: dict[str, list[str]] = Field(
        description="适用范围：号牌地区、违法类型、道路使用者、时段"
    )
    source: Literal["seed", "topic"] = Field(description="seed 初始配置 | topic 政策主题")


Source = Literal["seed", "topic"]


def policies_in_force(settings: Settings) -> list[tuple[Policy, Source]]:
    """(policy, source): the seed's, overridden by the topic's of the same id; by start date."""
    from analyzers.law import load_policies
    from streams.admin import read_to_end

    found: dict[str, tuple[Policy, Source]] = {}
    if settings.seed_policies:
        found = {p.policy_id: (p, "seed") for p in load_policies(settings.policies_file)}

    def keep(record: Any) -> None:
        try:
            policy = decode(Policy, record.value)
        except InvalidEvent:
            return  # the analyzer dead-letters it; it is in force nowhere
        found[policy.policy_id] = (policy, "topic")

    read_to_end(settings, topics.POLICIES, keep, _READ_TIMEOUT_S, client_id="jiancha-api")
    return sorted(found.values(), key=lambda ps: (ps[0].valid_from, ps[0].policy_id))


@router.get(
    "",
    response_model=list[PolicyOut],
    summary="执法政策（管理员、负责人）",
    dependencies=[Depends(require_roles("admin", "supervisor"))],
    responses={503: {"description": "政策主题暂时无法读取"}},
)
async def list_policies(settings: Annotated[Settings, Depends(get_settings)]) -> list[PolicyOut]:
    """现行及历史执法政策（初始配置与政策主题合并，同编号以主题为准），按生效时间排序。"""
    try:
        found = await asyncio.to_thread(policies_in_force, settings)
    except Exception as exc:
        raise HTTPException(503, "政策主题暂时无法读取（Kafka 不可用），请稍后重试") from exc
    return [
        PolicyOut(
            policy_id=p.policy_id,
            name=p.name,
            valid_from=p.valid_from,
            valid_to=p.valid_to,
            effect=p.effect,
            effect_label=EFFECTS.get(p.effect, p.effect),
            scope={k: v for k, v in p.scope.model_dump().items() if v},
            source=source,
        )
        for p, source in found
    ]
