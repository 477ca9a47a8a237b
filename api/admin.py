"""The admin's desk: what every admin change needs, and the one way such a change is saved.

Accounts (``api/routes/users.py``) and the directory (``api/routes/directory.py``) are both
compacted topics projected to an index, edited only by the admin. A change is audited first
(503 and nothing changed if the audit cannot be written), then sent to Kafka, the system of
record (503 if it does not acknowledge), then indexed with ``refresh=wait_for`` so the next
page shows it; if only that index write fails, the indexer worker's projection makes it good.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request

from api.audit import Auditor, AuditorDep
from api.deps import ClockDep, PublisherDep, SharedPublisher, get_aliases, get_es
from api.security import User, require_roles
from jiancha.clock import Clock


@dataclass(frozen=True)
class AdminDesk:
    """One admin request: who, from where, and the audit, Kafka, Elasticsearch and clock."""

    request: Request
    user: User
    auditor: Auditor
    publisher: SharedPublisher
    es: Any
    aliases: dict[str, str]
    clock: Clock

    async def save(
        self,
        *,
        action: str,
        target: str,
        detail: dict[str, Any],
        topic: str,
        key: str,
        value: bytes,
        family: str,
        document: dict[str, Any],
    ) -> None:
        """Audit, then Kafka, then the index of ``family`` (``_id`` = ``key``'s document id)."""
        await self.auditor.record(self.user, action, target, self.request, detail)
        try:
            await self.publisher.send(topic, key, value)
        except Exception as exc:
            raise HTTPException(503, "Kafka 暂不可用，修改未保存，请稍后重试") from exc
        await self.es.index(
            index=self.aliases[family], id=target, document=document, refresh="wait_for"
        )


async def admin_desk(
    request: Request,
    user: Annotated[User, Depends(require_roles("admin"))],
    auditor: AuditorDep,
    publisher: PublisherDep,
    es: Annotated[Any, Depends(get_es)],
    aliases: Annotated[dict[str, str], Depends(get_aliases)],
    clock: ClockDep,
) -> AdminDesk:
    """The desk of a request only the admin may make (403 for anyone else)."""
    return AdminDesk(request, user, auditor, publisher, es, aliases, clock)


AdminDeskDep = Annotated[AdminDesk, Depends(admin_desk)]
