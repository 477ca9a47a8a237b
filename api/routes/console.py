"""The web console (监察控制台): static files from ``dashboards/console`` and the labels it shows.

Plain HTML + ES modules, no build step and no CDN (the site has no internet). The console is
public HTML; every number and document it shows comes from the authenticated API with the
bearer token the user signed in for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import FileResponse, RedirectResponse

import dashboards
from analyzers.catalogue import CATEGORIES, CLASS_LABELS
from analyzers.law import load_law
from api.deps import get_aliases, get_es, get_settings
from api.names import directory_names
from api.security import CurrentUser
from jiancha.names import squad_names
from jiancha.settings import Settings
from streams.review.cases import STATUS_LABELS as CASE_STATUS
from streams.review.orders import STATUS_LABELS as ORDER_STATUS

router = APIRouter(include_in_schema=False)

MAX_ACCOUNTS = 1000  # a detachment's staff

ROOT = Path(dashboards.__file__).resolve().parent / "console"
_TYPES = {
    ".js": "text/javascript",
    ".css": "text/css",
    ".html": "text/html",
    ".svg": "image/svg+xml",
}


@router.get("/")
async def home() -> RedirectResponse:
    """The console is the site's front page."""
    return RedirectResponse("/console/")


@router.get("/console/meta.json")
async def meta(settings: Annotated[Settings, Depends(get_settings)]) -> dict[str, Any]:
    """Labels of categories, classes, statuses and violations: the analyzers' and the API's own."""
    return {
        "categories": {k: {"label": c.label, "class": c.class_} for k, c in CATEGORIES.items()},
        "violations": {k: v.name for k, v in load_law(settings.violations_file).types.items()},
        "classes": CLASS_LABELS,
        "case_status": CASE_STATUS,
        "order_status": ORDER_STATUS,
    }


@router.get("/console/names.json")
async def names(
    user: CurrentUser,
    es: Annotated[Any, Depends(get_es)],
    aliases: Annotated[dict[str, str], Depends(get_aliases)],
) -> dict[str, Any]:
    """Names for what the data carries as codes: squads (mudan-1 → 牡丹区一中队) and accounts
    (username → display name), so no page shows a username or a squad code to a person."""
    resp = await es.search(
        index=aliases["users"],
        size=MAX_ACCOUNTS,
        source=["username", "display_name"],
        query={"match_all": {}},
    )
    people = {
        h["_source"]["username"]: h["_source"].get("display_name") or h["_source"]["username"]
        for h in resp.body["hits"]["hits"]
    }
    directory = await directory_names(es, aliases)
    return {
        "squads": squad_names(directory.get("squads")),
        "officers": directory.get("officers", {}) if user.role != "squad_leader" else {},
        "people": people,
    }


@router.get("/console/{path:path}")
async def asset(path: str) -> FileResponse:
    """A file of the console; the shell (``index.html``) for the bare path."""
    file = (ROOT / (path or "index.html")).resolve()
    if not file.is_relative_to(ROOT) or not file.is_file():
        raise HTTPException(404, "未找到")
    headers = {"Cache-Control": "no-cache"}
    return FileResponse(file, media_type=_TYPES.get(file.suffix), headers=headers)
