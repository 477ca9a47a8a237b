"""The indexer worker projects ``users`` and ``audit`` from Kafka: an account that reached only
the topic can sign in once the worker has run, and its audit record is listed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from jiancha import topics
from jiancha.elastic.client import sync_client
from jiancha.schemas.audit import AuditRecorded
from streams.accounts.users import new_user
from streams.publisher import Publisher
from tests.conftest import wait_for

pytestmark = pytest.mark.integration


def test_topics_rebuild_users_and_audit(settings, start_worker):
    user = new_user("zhao.liu", "supervisor", "topic-only-pass", display_name="赵六")
    record = AuditRecorded(
        event_id="audit-from-topic",
        at=datetime(2026, 4, 2, 9, 0, tzinfo=UTC),
        actor="zhao.liu",
        role="supervisor",
        action="cases.view",
        target="C-1",
        client_ip="10.1.2.3",
        method="GET",
        path="/cases/C-1",
    )
    with Publisher(settings) as publisher:  # Kafka only: as if the index write had failed
        publisher.send(topics.USERS, user.key, user.to_json_bytes())
        publisher.send(topics.AUDIT, record.key, record.to_json_bytes())
    start_worker()

    es = sync_client(settings)
    try:
        users, audit = f"{settings.index_prefix}-users", f"{settings.index_prefix}-audit"

        def projected() -> bool:
            return bool(
                es.options(ignore_status=404).exists(index=users, id="zhao.liu")
                and es.options(ignore_status=404).exists(index=audit, id="audit-from-topic")
            )

        wait_for(projected, timeout_s=120, what="users and audit projected")
        es.indices.refresh(index=audit)
    finally:
        es.close()

    with TestClient(create_app(settings)) as api:
        form = {"username": "zhao.liu", "password": "topic-only-pass"}
        token = api.post("/auth/token", data=form).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        assert api.get("/auth/me", headers=headers).json()["display_name"] == "赵六"
        trail = api.get("/audit", headers=headers, params={"target": "C-1"}).json()["items"]
        assert [(a["event_id"], a["client_ip"]) for a in trail] == [
            ("audit-from-topic", "10.1.2.3")
        ]
