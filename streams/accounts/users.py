"""Accounts: ``UserSaved`` events on the compacted ``users`` topic, projected to an index.

Why both: DESIGN.md makes Kafka the system of record for every state change, and a compacted
topic keeps each account's latest state forever, so the index can be rebuilt from it by
replaying the topic. Sign-in reads the index (one ``get`` by username). The index write
uses ``refresh=wait_for``, so ``jiancha user add`` returns only when the account can sign in.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from jiancha import topics
from jiancha.auth.passwords import hash_password
from jiancha.schemas.users import UserSaved
from jiancha.settings import Settings


def check_squad(role: str, squad_id: str | None) -> None:
    """Squad leaders belong to a squad and no one else does (ValueError in Chinese)."""
    if role == "squad_leader" and not squad_id:
        raise ValueError("中队长必须指定中队")
    if role != "squad_leader" and squad_id:
        raise ValueError("只有中队长属于某个中队")


def new_user(
    username: str,
    role: str,
    password: str,
    *,
    squad_id: str | None = None,
    display_name: str | None = None,
    saved_by: str = "cli",
) -> UserSaved:
    """A validated account with its password hashed; squad leaders must name their squad."""
    check_squad(role, squad_id)
    return UserSaved(
        username=username,
        role=role,  # type: ignore[arg-type]
        squad_id=squad_id,
        display_name=display_name or username,
        password_hash=hash_password(password),
        saved_at=datetime.now(UTC),
        saved_by=saved_by,
    )


def save_user(settings: Settings, es: Any, alias: str, user: UserSaved) -> None:
    """Kafka first (acknowledged by all replicas), then the index, visible on return."""
    from streams.publisher import Publisher

    with Publisher(settings) as publisher:
        publisher.send_and_wait(topics.USERS, user.key, user.to_json_bytes())
    es.index(
        index=alias, id=user.username, document=user.model_dump(mode="json"), refresh="wait_for"
    )


def user_from_source(source: dict[str, Any]) -> UserSaved:
    """An account read back from the index."""
    return UserSaved.model_validate(source)


async def find_user(es: Any, alias: str, username: str) -> UserSaved | None:
    """The account named ``username``, or None."""
    resp = await es.options(ignore_status=404).get(index=alias, id=username)
    if not resp.body.get("found"):
        return None
    return user_from_source(resp.body["_source"])
