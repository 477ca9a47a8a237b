"""Elasticsearch clients built from the settings."""

from __future__ import annotations

from typing import Any

from jiancha.settings import Settings


def _auth(settings: Settings) -> dict[str, Any]:
    if settings.es_username and settings.es_password:
        return {"basic_auth": (settings.es_username, settings.es_password.get_secret_value())}
    return {}


def sync_client(settings: Settings) -> Any:
    """A blocking client (CLI, setup, tests)."""
    from elasticsearch import Elasticsearch

    return Elasticsearch(settings.es_url, request_timeout=30, **_auth(settings))


def async_client(settings: Settings) -> Any:
    """An asyncio client (worker, API)."""
    from elasticsearch import AsyncElasticsearch

    return AsyncElasticsearch(settings.es_url, request_timeout=30, **_auth(settings))
