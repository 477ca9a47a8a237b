"""The indexer worker's projection of the compacted ``directory`` topic into its index.

The API indexes an admin's edit itself right after Kafka acknowledges it; this agent makes the
topic the system of record in fact (a lost index is rebuilt by replaying the topic, and
``jiancha directory seed`` writes only to Kafka when it runs without the API).
"""

from __future__ import annotations

from typing import Any

import faust

from jiancha import topics
from jiancha.elastic.writer import Upsert
from jiancha.schemas.directory import DirectoryEvent
from jiancha.settings import Settings
from streams.app import raw_topic
from streams.directory.documents import document


def add_directory_agents(
    app: faust.App, settings: Settings, projector: Any, aliases: dict[str, str]
) -> None:
    """Project ``directory`` → the directory index (``_id`` = the event key: idempotent)."""
    alias = aliases["directory"]
    size, within = settings.index_batch_size, settings.index_batch_seconds

    @app.agent(raw_topic(app, settings, topics.DIRECTORY), name="index_directory")
    async def index_directory(stream: Any) -> None:
        async for events in stream.take_events(size, within=within):
            await projector.project(
                events,
                DirectoryEvent,
                lambda e: Upsert(alias, e.root.key, document(e.root)),
            )
