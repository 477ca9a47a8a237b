"""Liveness of the service and its dependencies."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response

from api.deps import get_es, get_settings
from api.models import DependencyHealth, HealthOut
from jiancha.kafka import kafka_health
from jiancha.settings import Settings

router = APIRouter(tags=["运维"])


def _kafka_health(settings: Settings) -> DependencyHealth:
    ok, detail = kafka_health(settings, client_id="jiancha-api-health")
    return DependencyHealth(ok=ok, detail=detail)


async def _es_health(es: Any) -> DependencyHealth:
    try:
        health = await es.options(request_timeout=3).cluster.health()
    except Exception as exc:
        return DependencyHealth(
            ok=False, detail=f"Elasticsearch 无法连接：{exc.__class__.__name__}"
        )
    status = health["status"]
    return DependencyHealth(ok=status in {"green", "yellow"}, detail=f"集群状态 {status}")


@router.get("/healthz", response_model=HealthOut, responses={503: {"model": HealthOut}})
async def healthz(
    response: Response,
    settings: Annotated[Settings, Depends(get_settings)],
    es: Annotated[Any, Depends(get_es)],
) -> HealthOut:
    """Kafka 与 Elasticsearch 的连通状态；任一不可用时返回 503（degraded）。"""
    kafka, elastic = await asyncio.gather(
        asyncio.to_thread(_kafka_health, settings), _es_health(es)
    )
    ok = kafka.ok and elastic.ok
    if not ok:
        response.status_code = 503
    return HealthOut(status="ok" if ok else "degraded", kafka=kafka, elasticsearch=elastic)
