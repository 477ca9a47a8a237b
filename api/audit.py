"""The audit trail: every search, view, media access, decision and refusal: who / what / when /
from where.

Each record is an ``AuditRecorded`` event appended to the ``audit`` topic first (the system of
record, append-only) and then indexed into the ``audit`` index for ``GET /audit``. If Kafka does
not acknowledge the record, the request fails with 503: nothing is shown or changed unaudited.
If only the index write fails, the record is safe on Kafka and the indexer worker's projection
of the topic (``streams/accounts/agents.py``) indexes it.

Refusals are recorded too (:meth:`Auditor.record_refusal`, action ``access.refused``): the app's
error handler records every 403 and 404 answered to a signed-in user before answering, so
probing for another squad's cases or recordings leaves a trace; if that record cannot be
written, the answer is 503.
"""

from __future__ import annotations

import logging
import uuid
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request

from api.deps import SharedPublisher
from api.security import client_ip
from jiancha import topics
from jiancha.auth.roles import Caller
from jiancha.clock import Clock, utc_now
from jiancha.schemas.audit import AuditRecorded
from streams.review.desk import Audit

log = logging.getLogger(__name__)

#: The action of a refused request's record.
REFUSED = "access.refused"
#: Actor and role of a refused request from no one signed in.
ANONYMOUS = "anonymous"
#: Refusals the app's error handler records for a signed-in caller.
AUDITED_REFUSALS = frozenset({403, 404})


class Auditor:
    """Appends audit records (Kafka, then Elasticsearch)."""

    def __init__(
        self,
        publisher: SharedPublisher,
        es: Any,
        alias: str,
        clock: Clock = utc_now,
    ) -> None:
        self.publisher = publisher
        self.es = es
        self.alias = alias
        self.clock = clock

    async def record(
        self,
        user: Caller,
        action: str,
        target: str,
        request: Request,
        detail: dict[str, Any] | None = None,
    ) -> None:
        """Record that ``user`` did ``action`` on ``target``; 503 if Kafka cannot take it."""
        await self._append(user.username, user.role, user.squad_id, action, target, request, detail)

    async def record_failed_sign_in(
        self, username: str, account: Caller | None, request: Request, reason: str
    ) -> None:
        """Record a refused sign-in as ``username`` (the account's role if there is one)."""
        role, squad_id = (account.role, account.squad_id) if account else ("", None)
        detail = {"reason": reason}
        await self._append(
            username[:128], role, squad_id, "auth.login_failed", username, request, detail
        )

    async def record_refusal(
        self,
        request: Request,
        status: int,
        reason: str,
        user: Caller | None = None,
        *,
        actor: str | None = None,
        action: str = REFUSED,
        target: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        """Record that a request was refused with ``status``; 503 if Kafka cannot take it.

        ``user`` is the signed-in caller; without one (a failed sign-in, say) ``actor`` names who
        the request claimed to be. ``target`` defaults to the request's path.
        """
        who = user.username if user is not None else (actor or ANONYMOUS)
        role = user.role if user is not None else ANONYMOUS
        squad = user.squad_id if user is not None else None
        await self._append(
            who,
            role,
            squad,
            action,
            target if target is not None else request.url.path,
            request,
            {"status": status, "reason": reason[:512], **(detail or {})},
        )

    async def _append(
        self,
        actor: str,
        role: str,
        squad_id: str | None,
        action: str,
        target: str,
        request: Request,
        detail: dict[str, Any] | None,
    ) -> None:
        event = AuditRecorded(
            event_id=uuid.uuid4().hex,
            at=self.clock(),
            actor=actor,
            role=role,
            squad_id=squad_id,
            action=action,
            target=target[:512],
            client_ip=client_ip(request),
            method=request.method,
            path=request.url.path,
            detail=detail or {},
        )
        try:
            await self.publisher.send(topics.AUDIT, event.key, event.to_json_bytes())
        except Exception as exc:
            log.error("audit record not accepted by Kafka: %r", exc)
            raise HTTPException(
                503, "审计记录无法写入（Kafka 不可用），请求未执行，请稍后重试"
            ) from exc
        try:
            await self.es.index(
                index=self.alias, id=event.event_id, document=event.model_dump(mode="json")
            )
        except Exception as exc:  # safe on Kafka; the index is a projection
            log.warning("audit %s on Kafka but not indexed: %r", event.event_id, exc)


def audit_as(auditor: Auditor, request: Request) -> Audit:
    """The desks' audit callable (caller, action, target, detail), recording as ``request``."""

    async def audit(
        caller: Caller, action: str, target: str, detail: dict[str, Any] | None
    ) -> None:
        await auditor.record(caller, action, target, request, detail)

    return audit


def get_auditor(request: Request) -> Auditor:
    return request.app.state.auditor  # type: ignore[no-any-return]


AuditorDep = Annotated[Auditor, Depends(get_auditor)]
