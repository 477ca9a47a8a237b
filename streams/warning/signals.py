"""What jiancha knows about officers, read from Elasticsearch as early-warning signals.

Counts come from the projections the rest of the system keeps: enforcement actions (``actions``),
confirmed cases and linked complaints (``cases``), recordings uploaded more than 24 h late
(``clips``, 公安机关现场执法视音频记录工作规定), actions without a recording (live
``recording_missing`` / ``recording_gap`` cases) and orders issued to squads
(``rectifications``), and the reviewed samples of the spot-check plans (``spotchecks``: 规范 a
pass, any other outcome a failure).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from analyzers.early_warning import Signal
from jiancha.elastic.queries import MAX_WINDOW, date_range
from jiancha.schemas.spot_checks import COMPLIANT

UNCOVERED = ("recording_missing", "recording_gap")
LATE_HOURS = 24.0


async def read_signals(
    es: Any, aliases: dict[str, str], as_of: datetime, days: int
) -> list[Signal]:
    """Every signal of the ``days`` before ``as_of`` (actions by day, the rest one by one)."""
    since = as_of - timedelta(days=days)
    out: list[Signal] = []
    out += await _actions(es, aliases["actions"], since, as_of)
    out += await _cases(es, aliases["cases"], since, as_of)
    out += await _late(es, aliases["clips"], since, as_of)
    out += await _orders(es, aliases["rectifications"], since, as_of)
    out += await _spot_checks(es, aliases, since, as_of)
    return out


async def _actions(es: Any, index: str, since: datetime, until: datetime) -> list[Signal]:
    res = await es.search(
        index=index,
        size=0,
        query={"bool": {"filter": [date_range("occurred_at", gte=since, lt=until)]}},
        aggs={
            "o": {
                "terms": {"field": "officer_id", "size": MAX_WINDOW},
                "aggs": {
                    "s": {"terms": {"field": "squad_id", "size": 1}},
                    "d": {"date_histogram": {"field": "occurred_at", "calendar_interval": "day"}},
                },
            }
        },
    )
    out = []
    for b in res["aggregations"]["o"]["buckets"]:
        squads = b["s"]["buckets"]
        squad = squads[0]["key"] if squads else ""
        for d in b["d"]["buckets"]:
            at = datetime.fromisoformat(d["key_as_string"].replace("Z", "+00:00"))
            out += [Signal(b["key"], squad, at, "action")] * d["doc_count"]
    return out


async def _cases(es: Any, index: str, since: datetime, until: datetime) -> list[Signal]:
    res = await es.search(
        index=index,
        size=MAX_WINDOW,
        query={
            "bool": {
                "filter": [
                    {"term": {"withdrawn": False}},
                    date_range("occurred_at", gte=since, lt=until),
                ]
            }
        },
        source=["officer_id", "squad_id", "occurred_at", "status", "categories", "severity",
                "complaints"],
    )  # fmt: skip
    out = []
    for hit in res["hits"]["hits"]:
        c = hit["_source"]
        if not c.get("officer_id"):
            continue
        at = datetime.fromisoformat(c["occurred_at"])
        oid, squad, cats = c["officer_id"], c.get("squad_id") or "", c.get("categories") or []
        if c.get("status") == "confirmed":
            out.append(
                Signal(oid, squad, at, "confirmed", cats[0] if cats else "", c.get("severity") or 0)
            )
        if c.get("status") != "dismissed" and any(k in UNCOVERED for k in cats):
            out.append(Signal(oid, squad, at, "uncovered"))
        out += [Signal(oid, squad, at, "complaint") for _ in c.get("complaints") or []]
    return out


async def _late(es: Any, index: str, since: datetime, until: datetime) -> list[Signal]:
    res = await es.search(
        index=index,
        size=MAX_WINDOW,
        query={
            "bool": {
                "filter": [
                    date_range("started_at", gte=since, lt=until),
                    {"range": {"upload_delay_h": {"gt": LATE_HOURS}}},
                ]
            }
        },
        source=["officer_ids", "squad_id", "started_at"],
    )
    out = []
    for hit in res["hits"]["hits"]:
        c = hit["_source"]
        for oid in (c.get("officer_ids") or [])[:1]:  # the wearer
            at = datetime.fromisoformat(c["started_at"])
            out.append(Signal(oid, c.get("squad_id") or "", at, "late_upload"))
    return out


async def _orders(es: Any, index: str, since: datetime, until: datetime) -> list[Signal]:
    res = await es.search(
        index=index,
        size=MAX_WINDOW,
        query={"bool": {"filter": [date_range("issued_at", gte=since, lt=until)]}},
        source=["squad_id", "issued_at"],
    )
    return [
        Signal(
            "", h["_source"]["squad_id"], datetime.fromisoformat(h["_source"]["issued_at"]), "order"
        )
        for h in res["hits"]["hits"]
    ]


async def _spot_checks(
    es: Any, aliases: dict[str, str], since: datetime, until: datetime
) -> list[Signal]:
    if "spotchecks" not in aliases:
        return []
    res = await es.search(index=aliases["spotchecks"], size=MAX_WINDOW, source=["samples"])
    return [
        s
        for hit in res["hits"]["hits"]
        for s in spot_signals(hit["_source"].get("samples") or [])
        if since <= s.at < until
    ]


def spot_signals(samples: list[dict[str, Any]]) -> list[Signal]:
    """A plan's reviewed samples as spot_pass / spot_fail signals (at the encounter's time)."""
    return [
        Signal(
            d["officer_id"],
            d["squad_id"],
            datetime.fromisoformat(d["occurred_at"]),
            "spot_pass" if d["outcome"] == COMPLIANT else "spot_fail",
        )
        for d in samples
        if d.get("outcome")
    ]
