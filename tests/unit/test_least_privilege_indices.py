"""A process whose Elasticsearch user may not manage indices uses those the setup job made."""

from __future__ import annotations

from typing import Any

import pytest
from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig
from elasticsearch import AuthorizationException

from jiancha.elastic.indices import ensure_indices
from jiancha.settings import Settings


def _forbidden() -> AuthorizationException:
    meta = ApiResponseMeta(
        status=403,
        http_version="1.1",
        headers=HttpHeaders(),
        duration=0.0,
        node=NodeConfig("https", "elasticsearch", 9200),
    )
    return AuthorizationException("security_exception", meta, {"status": 403})


class _Indices:
    """What a role with read/write and view_index_metadata, but no manage, is allowed."""

    def __init__(self, existing: set[str]) -> None:
        self.existing = existing

    def analyze(self, **kwargs: Any) -> dict[str, Any]:
        return {}

    def put_index_template(self, **kwargs: Any) -> None:
        raise _forbidden()

    def exists(self, index: str) -> bool:
        return index in self.existing


class _Cluster:
    def __init__(self, existing: set[str]) -> None:
        self.indices = _Indices(existing)


FAMILIES = (
    "clips",
    "actions",
    "cases",
    "users",
    "audit",
    "rectifications",
    "bulletins",
    "directory",
    "alerts",
    "spotchecks",
)


def test_a_least_privilege_user_finds_the_indices_of_the_setup_job() -> None:
    existing = {f"jiancha-{f}" for f in FAMILIES}
    aliases = ensure_indices(_Cluster(existing), Settings())
    assert set(aliases.values()) == existing


def test_a_missing_index_stops_the_process_with_a_chinese_message() -> None:
    existing = {f"jiancha-{f}" for f in FAMILIES} - {"jiancha-audit"}
    with pytest.raises(RuntimeError, match=r"jiancha-audit 不存在.*jiancha indices"):
        ensure_indices(_Cluster(existing), Settings())
