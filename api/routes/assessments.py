"""月度考核: GET /assessments/{month} (JSON) and /assessments/{month}.pdf, computed on request.

Open to reviewers, the supervisor and squad leaders (a published ranking, like the bulletin's
中队排名); every read is audited.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import Response

from api.audit import AuditorDep
from api.deps import ClockDep, get_aliases, get_es_sync, get_settings
from api.security import User, require_roles
from jiancha.settings import Settings
from streams.directory.names import Names
from streams.directory.store import name_maps_sync
from streams.warning.assessment import Month, SquadAssessment, Weights, assess_stored
from streams.warning.assessment_render import render_assessment_pdf, render_html

router = APIRouter(prefix="/assessments", tags=["月度考核"])

Es = Annotated[Any, Depends(get_es_sync)]
Aliases = Annotated[dict[str, str], Depends(get_aliases)]
Reader = Annotated[User, Depends(require_roles("reviewer", "supervisor", "squad_leader"))]
Config = Annotated[Settings, Depends(get_settings)]
MonthText = Annotated[str, Path(pattern=r"^\d{4}-\d{2}$", description="月份，如 2026-04")]
WEIGHTS = Weights()  # assess_stored uses the default weights too


def _month(text: str) -> Month:
    try:
        return Month.parse(text)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from exc


async def _assess(
    es: Any, aliases: dict[str, str], month: Month
) -> tuple[list[SquadAssessment], Names]:
    """The month's assessment and the directory's names (synchronous code, in a thread)."""

    def work() -> tuple[list[SquadAssessment], Names]:
        squads = assess_stored(es.search, aliases, month)
        return squads, Names(**name_maps_sync(es, aliases["directory"]))

    return await asyncio.to_thread(work)


@router.get("/{month}.pdf", summary="下载月度考核（PDF）", response_class=Response)
async def assessment_pdf(
    month: MonthText,
    user: Reader,
    es: Es,
    aliases: Aliases,
    settings: Config,
    clock: ClockDep,
    auditor: AuditorDep,
    request: Request,
) -> Response:
    """The month's assessment as a PDF, in the bulletin's typography."""
    m = _month(month)
    await auditor.record(user, "assessment.pdf", str(m), request)
    squads, names = await _assess(es, aliases, m)
    html = render_html(m, squads, settings.bulletin_unit, clock(), WEIGHTS, names)
    pdf = await asyncio.to_thread(render_assessment_pdf, html)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="jiancha-assessment-{m}.pdf"'},
    )


@router.get("/{month}", summary="月度考核（各中队指标、较上月变化与排名）")
async def assessment(
    month: MonthText, user: Reader, es: Es, aliases: Aliases, auditor: AuditorDep, request: Request
) -> dict[str, Any]:
    """Per squad: coverage, timeliness, problems per 100 actions, orders on time, rank."""
    m = _month(month)
    await auditor.record(user, "assessment.view", str(m), request)
    squads, names = await _assess(es, aliases, m)
    return {
        "month": str(m),
        "previous": str(m.previous),
        "weights": WEIGHTS.__dict__,
        "squads": [a.to_dict() | {"squad_name": names.squad(a.squad_id)} for a in squads],
    }
