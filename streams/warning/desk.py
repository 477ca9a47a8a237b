"""The early-warning desk: proposing, listing, deciding and closing alerts, free of the web.

Each change is checked with the pure lifecycle (:mod:`streams.warning.alerts`), audited, published
to ``officer-alerts`` (the system of record, acks=all) and then written to the ``alerts`` index
with optimistic concurrency (``if_seq_no``/``if_primary_term``; a proposal with ``op_type=create``
on an ``_id`` fixed by officer and day, so a repeated scan proposes nothing twice). Every read of
an alert is audited like any evidence. Only the supervisor sees and decides alerts; an officer's
record shows only alerts decided on an intervention.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from analyzers.early_warning import DEFAULT, WarningConfig, alerts, counts_by_class
from jiancha import topics
from jiancha.auth.roles import Caller
from jiancha.clock import BEIJING, Clock, utc_now
from jiancha.elastic.queries import MAX_WINDOW
from jiancha.schemas.officer_alerts import (
    AlertClosed,
    AlertDecided,
    AlertEvent,
    AlertProposed,
    Decision,
)
from jiancha.schemas.rectification_events import Actor
from streams.review.desk import Audit, Publisher, Unavailable
from streams.warning.alerts import Alert, AlertError, apply
from streams.warning.signals import read_signals


class AlertNotFound(LookupError):
    """No such alert."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _actor(caller: Caller) -> Actor:
    return Actor(username=caller.username, role=caller.role)


class AlertDesk:
    """What the alert requests share: the index, Kafka, the audit trail and the clock."""

    def __init__(
        self,
        es: Any,
        aliases: dict[str, str],
        publisher: Publisher,
        audit: Audit,
        clock: Clock = utc_now,
    ) -> None:
        self.es = es
        self.aliases = aliases
        self.alias = aliases["alerts"]
        self.publisher = publisher
        self.audit = audit
        self.clock = clock

    async def scan(
        self, caller: Caller, as_of: datetime | None = None, cfg: WarningConfig = DEFAULT
    ) -> list[Alert]:
        """Run the rules at ``as_of`` and propose an alert for each officer without an open one."""
        when = as_of or self.clock()
        await self.audit(caller, "alert.scan", when.isoformat(), cfg.model_dump())
        days = max(cfg.long_days, cfg.short_days)
        signals = await read_signals(self.es, self.aliases, when, days)
        open_ = await self._open_officers()
        made = []
        for a in alerts(signals, when, cfg):
            if a.officer_id in open_:
                continue
            day = when.astimezone(BEIJING).date().isoformat()
            event = AlertProposed(
                event_id=uuid.uuid4().hex,
                alert_id=f"{a.officer_id}:{day}",
                officer_id=a.officer_id,
                squad_id=a.squad_id,
                seq=1,
                at=self.clock(),
                actor=_actor(caller),
                as_of=when,
                rule=cfg.rule,
                score=round(a.score, 2),
                percentile=round(a.percentile, 1),
                explanation=a.explanation,
                indicators={
                    **a.long.to_dict(),
                    "by_class_label": counts_by_class(a.long),
                    "short": a.short.to_dict(),
                },
            )
            alert = await self._commit(None, event, None)
            if alert is not None:
                made.append(alert)
        return made

    async def _open_officers(self) -> set[str]:
        res = await self.es.search(
            index=self.alias,
            size=0,
            query={"terms": {"status": ["proposed", "decided"]}},
            aggs={"o": {"terms": {"field": "officer_id", "size": MAX_WINDOW}}},
        )
        return {b["key"] for b in res["aggregations"]["o"]["buckets"]}

    async def find(
        self, caller: Caller, status: str | None = None, officer_id: str | None = None
    ) -> list[Alert]:
        """Alerts, newest first (audited)."""
        await self.audit(
            caller, "alert.list", self.alias, {"status": status, "officer": officer_id}
        )
        flt: list[dict[str, Any]] = []
        if status:
            flt.append({"term": {"status": status}})
        if officer_id:
            flt.append({"term": {"officer_id": officer_id}})
        res = await self.es.search(
            index=self.alias,
            size=500,
            query={"bool": {"filter": flt}},
            sort=[{"proposed_at": "desc"}, {"alert_id": "asc"}],
        )
        return [Alert.model_validate(h["_source"]) for h in res["hits"]["hits"]]

    async def get(self, caller: Caller, alert_id: str) -> Alert:
        """One alert (audited)."""
        await self.audit(caller, "alert.view", alert_id, None)
        alert, _ = await self._read(alert_id)
        return alert

    async def decide(
        self,
        caller: Caller,
        alert_id: str,
        version: int,
        decision: Decision,
        note: str,
        follow_up_on: date | None,
    ) -> Alert:
        """The supervisor's decision (谈话提醒、培训、整改、无需处理)."""
        alert, seq = await self._read(alert_id)
        event = AlertDecided(
            **self._next(alert, caller, version),
            decision=decision,
            note=note,
            follow_up_on=follow_up_on,
        )
        return await self._change(caller, alert, event, seq, "alert.decide")

    async def close(self, caller: Caller, alert_id: str, version: int, outcome: str) -> Alert:
        """Closed after the follow-up, with its outcome."""
        alert, seq = await self._read(alert_id)
        event = AlertClosed(**self._next(alert, caller, version), outcome=outcome)
        return await self._change(caller, alert, event, seq, "alert.close")

    def _next(self, alert: Alert, caller: Caller, version: int) -> dict[str, Any]:
        """The fields every change of ``alert`` carries (it builds on ``version``)."""
        return {
            "event_id": uuid.uuid4().hex,
            "alert_id": alert.alert_id,
            "officer_id": alert.officer_id,
            "seq": version + 1,
            "at": self.clock(),
            "actor": _actor(caller),
        }

    async def on_record(self, officer_id: str) -> list[Alert]:
        """The officer's alerts decided on an intervention (never proposals or 无需处理)."""
        res = await self.es.search(
            index=self.alias,
            size=200,
            query={"bool": {"filter": [{"term": {"officer_id": officer_id}},
                                       {"term": {"on_record": True}}]}},
            sort=[{"decided_at": "desc"}],
        )  # fmt: skip
        return [Alert.model_validate(h["_source"]) for h in res["hits"]["hits"]]

    async def _change(
        self, caller: Caller, alert: Alert, event: AlertEvent, seq: tuple[int, int], action: str
    ) -> Alert:
        new = apply(alert, event)  # AlertError before anything is written or audited as done
        await self.audit(caller, action, alert.alert_id, event.model_dump(mode="json"))
        return await self._commit(alert, event, seq) or new

    async def _commit(
        self, alert: Alert | None, event: AlertEvent, seq: tuple[int, int] | None
    ) -> Alert | None:
        """Kafka first, then the index; None for a proposal that already exists."""
        from elasticsearch import ConflictError

        new = apply(alert, event)
        try:
            await self.publisher.send(topics.OFFICER_ALERTS, event.key, event.to_json_bytes())
        except Exception as exc:
            raise Unavailable("预警事件无法写入（Kafka 不可用），未作任何变更") from exc
        doc = new.model_dump(mode="json")
        try:
            if seq is None:
                await self.es.index(
                    index=self.alias, id=new.alert_id, document=doc, op_type="create", refresh=True
                )
            else:
                await self.es.index(
                    index=self.alias,
                    id=new.alert_id,
                    document=doc,
                    if_seq_no=seq[0],
                    if_primary_term=seq[1],
                    refresh=True,
                )
        except ConflictError as exc:
            if seq is None:
                return None
            raise AlertError("conflict", "预警已被他人更新，请刷新后重试") from exc
        return new

    async def _read(self, alert_id: str) -> tuple[Alert, tuple[int, int]]:
        from elasticsearch import NotFoundError

        try:
            doc = await self.es.get(index=self.alias, id=alert_id)
        except NotFoundError as exc:
            raise AlertNotFound(f"预警 {alert_id} 不存在") from exc
        return Alert.model_validate(doc["_source"]), (doc["_seq_no"], doc["_primary_term"])
