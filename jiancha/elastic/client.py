"""Elasticsearch clients built from the settings."""

from __future__ import annotations

from typing import Any

from jiancha.settings import Settings


def _auth(settings: Settings) -> dict[str, Any]:
    """Basic auth of this process's own user, and the CA that signed an https cluster."""
    kwargs: dict[str, Any] = {}
    if settings.es_username and settings.es_password:
        kwargs["basic_auth"] = (settings.es_username, settings.es_password.get_secret_value())
    if settings.es_ca_certs is not None:
        kwargs["ca_certs"] = str(settings.es_ca_certs)
    return kwargs


def sync_client(settings: Settings) -> Any:
    """A blocking client (CLI, setup, tests)."""
    from elasticsearch import Elasticsearch

    return Elasticsearch(settings.es_url, request_timeout=30, **_auth(settings))


def async_client(settings: Settings) -> Any:
    """An asyncio client (worker, API)."""
    from elasticsearch import AsyncElasticsearch

    return AsyncElasticsearch(settings.es_url, request_timeout=30, **_auth(settings))
