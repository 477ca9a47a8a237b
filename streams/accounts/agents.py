"""Agents of the indexer worker for sign-in and the audit trail: topics → their indices.

The API and ``jiancha user add`` write the ``users`` and ``audit`` indices themselves right after
Kafka acknowledges the event, so a new account can sign in and a record is listed at once.
These agents make the topics the system of record in fact: an index write that failed after
Kafka took the event is made good here, and a lost index is rebuilt by replaying the topics
(the writes are idempotent: ``_id`` is the username or the audit event id).
"""

from __future__ import annotations

from typing import Any

import faust

from jiancha import topics
from jiancha.elastic.writer import Upsert
from jiancha.schemas.audit import AuditRecorded
from jiancha.schemas.users import UserSaved
from jiancha.settings import Settings
from streams.app import raw_topic


def add_account_agents(
    app: faust.App, settings: Settings, projector: Any, aliases: dict[str, str]
) -> None:
    """Project ``users`` → the users index and ``audit`` → the audit index."""
    users, audit = aliases["users"], aliases["audit"]
    size, within = settings.index_batch_size, settings.index_batch_seconds

    @app.agent(raw_topic(app, settings, topics.USERS), name="index_users")
    async def index_users(stream: Any) -> None:
        async for events in stream.take_events(size, within=within):
            await projector.project(
                events, UserSaved, lambda u: Upsert(users, u.username, u.model_dump(mode="json"))
            )

    @app.agent(raw_topic(app, settings, topics.AUDIT), name="index_audit")
    async def index_audit(stream: Any) -> None:
        async for events in stream.take_events(size, within=within):
            await projector.project(
                events,
                AuditRecorded,
                lambda a: Upsert(audit, a.event_id, a.model_dump(mode="json")),
            )
