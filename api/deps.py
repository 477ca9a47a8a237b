"""Dependencies shared by the routes: settings and clients live on the app state."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from jiancha.settings import Settings


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_es(request: Request) -> Any:
    return request.app.state.es


def get_aliases(request: Request) -> dict[str, str]:
    return request.app.state.aliases  # type: ignore[no-any-return]
