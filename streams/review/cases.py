"""Case review as pure functions: the search request, its query body, and the decision.

Nothing here does I/O or reads a clock; ``api/routes/cases.py`` brings Elasticsearch, Kafka and
the time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from jiancha.auth.roles import Caller
from jiancha.elastic.queries import any_group, date_range, officer_id_prefix, word_groups
from jiancha.names import squad_codes
from jiancha.schemas.case_events import CaseDecided

#: Review status → label (``pending`` is what the analyzer gives a new case).
STATUS_LABELS = {
    "pending": "待审核",
    "confirmed": "已确认",
    "dismissed": "已排除",
}
#: What a decision does to a pending case.
DECISIONS: dict[str, str] = {"confirm": "confirmed", "dismiss": "dismissed"}
#: Squad leaders see only problems the supervision center has confirmed, never unreviewed
#: suspicions or dismissed ones (DESIGN.md: "his squad's orders and the evidence behind them").
HIDDEN_FROM_SQUADS = ("pending", "dismissed")


@dataclass(frozen=True)
class Scope:
    """What a user may see: every squad, or one squad's confirmed cases (a squad leader's).

    A squad leader's account without a squad sees nothing: the scope fails closed.
    """

    squad_id: str | None = None  # None: all squads, unless ``squad_leader``
    squad_leader: bool = False

    @classmethod
    def of(cls, caller: Caller) -> Scope:
        """Squad leaders are limited to their squad; everyone else sees all squads."""
        if caller.role == "squad_leader":
            return cls(caller.squad_id, squad_leader=True)
        return cls()

    @property
    def limited(self) -> bool:
        return self.squad_leader or self.squad_id is not None

    def admits(self, source: dict[str, Any]) -> bool:
        """Whether a case document is visible in this scope."""
        if not self.limited:
            return True
        return (
            self.squad_id is not None
            and source.get("squad_id") == self.squad_id
            and source.get("status") not in HIDDEN_FROM_SQUADS
        )

    def filters(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The (filter, must_not) clauses that hold a case query to this scope (as ``admits``)."""
        if not self.limited:
            return [], []
        if self.squad_id is None:
            return [{"match_none": {}}], []
        return [{"term": {"squad_id": self.squad_id}}], [
            {"terms": {"status": list(HIDDEN_FROM_SQUADS)}}
        ]

    def cases_citing(self, recording_id: str) -> dict[str, Any]:
        """The query for the cases in this scope that cite ``recording_id`` as evidence.

        A squad leader may play a recording only if such a case exists: a confirmed (or later)
        case of his squad, the problem the supervision center made his business. Orders are
        drafted from confirmed cases only, so every recording behind his squad's orders is
        among them; a recording of his squad that no such case cites stays out of his reach.
        """
        filters, must_not = self.filters()
        return {
            "bool": {
                "filter": [{"term": {"recording_ids": recording_id}}, *filters],
                "must_not": must_not,
            }
        }


@dataclass(frozen=True)
class CaseQuery:
    """A reviewer's search over cases: filters, words and a page."""

    category: str | None = None
    class_: str | None = None
    min_severity: int | None = None
    status: str | None = None
    squad_id: str | None = None
    officer_id: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    q: str = ""
    include_withdrawn: bool = False
    page: int = 1
    size: int = 20
    squads: tuple[str, ...] | None = None  # the codes squad_id names, resolved by the directory


def case_search_body(query: CaseQuery, scope: Scope) -> dict[str, Any]:
    """The Elasticsearch request: filters, phrase words over the flags, facets, priority order."""
    filters: list[dict[str, Any]] = []
    must_not: list[dict[str, Any]] = []
    for field, value in (
        ("categories", query.category),
        ("classes", query.class_),
        ("status", query.status),
    ):
        if value:
            filters.append({"term": {field: value}})
    if query.squad_id:
        codes = query.squads if query.squads is not None else squad_codes(query.squad_id)
        filters.append({"terms": {"squad_id": list(codes)}})
    if query.officer_id:
        filters.append(officer_id_prefix("officer_id", query.officer_id))
    if query.min_severity is not None:
        filters.append({"range": {"severity": {"gte": query.min_severity}}})
    if query.start or query.end:
        filters.append(date_range("occurred_at", gte=query.start, lte=query.end))
    if not query.include_withdrawn:
        must_not.append({"term": {"withdrawn": True}})
    scoped, hidden = scope.filters()
    filters.extend(scoped)
    must_not.extend(hidden)

    def in_a_flag(word: str) -> dict[str, Any]:
        # Phrase per word (the standard analyzer splits Han characters), in an explanation or in
        # the words of the evidence; each word may be in a different flag of the case.
        return {
            "nested": {
                "path": "flags",
                "query": {
                    "bool": {
                        "should": [
                            {"match_phrase": {"flags.explanation": word}},
                            {"match_phrase": {"flags.evidence.excerpt": word}},
                        ],
                        "minimum_should_match": 1,
                    }
                },
            }
        }

    groups = word_groups(query.q)
    must = any_group(groups, in_a_flag) if groups else []
    return {
        "query": {"bool": {"filter": filters, "must_not": must_not, "must": must}},
        "sort": [
            {"priority": {"order": "desc", "missing": "_last"}},
            {"occurred_at": {"order": "desc", "missing": "_last"}},
            {"case_id": {"order": "asc"}},
        ],
        "from": (query.page - 1) * query.size,
        "size": query.size,
        "track_total_hits": True,
        "_source": {"excludes": ["flags.evidence", "history", "complaints"]},
        "aggs": {
            "categories": {"terms": {"field": "categories", "size": 50}},
            "status": {"terms": {"field": "status", "size": 10}},
            "squads": {"terms": {"field": "squad_id", "size": 200}},
        },
    }


def facets(aggregations: dict[str, Any]) -> dict[str, dict[str, int]]:
    """``{"categories": {"quota": 3, …}, "status": {…}, "squads": {…}}`` from the aggregations."""
    return {
        name: {b["key"]: b["doc_count"] for b in agg.get("buckets", [])}
        for name, agg in aggregations.items()
    }


class DecisionRefused(Exception):
    """The case cannot take this decision; ``str()`` is the Chinese reason, ``status`` the HTTP."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


def decide(
    source: dict[str, Any],
    decision: Literal["confirm", "dismiss"],
    reason: str,
    actor: str,
    role: str,
    now: datetime,
    event_id: str,
) -> tuple[CaseDecided, dict[str, Any]]:
    """The event and the partial document for deciding a pending case; refused otherwise."""
    reason = reason.strip()
    if not reason:
        raise DecisionRefused(422, "请填写处理理由")
    if source.get("withdrawn"):
        raise DecisionRefused(409, "该案件的问题线索已被撤回，无需审核")
    status = source.get("status") or "pending"
    if status != "pending":
        label = STATUS_LABELS.get(status, status)
        raise DecisionRefused(409, f"案件已被他人处理（当前状态：{label}），请刷新后查看")
    return _decided(source, status, decision, reason, actor, role, now, event_id)


#: What a reversal (复核改判) turns a decided case into.
REVERSALS: dict[str, Literal["confirm", "dismiss"]] = {
    "confirmed": "dismiss",
    "dismissed": "confirm",
}


def reverse(
    source: dict[str, Any],
    reason: str,
    actor: str,
    role: str,
    now: datetime,
    event_id: str,
    open_orders: list[str],
) -> tuple[CaseDecided, dict[str, Any]]:
    """The supervisor's reversal of a decided case: confirmed ↔ dismissed, with a reason.

    Refused while an order stands on the case (``open_orders``: not withdrawn): a squad may
    already be rectifying it; the draft is withdrawn first, an issued order closed its own way.
    """
    reason = reason.strip()
    if not reason:
        raise DecisionRefused(422, "请填写改判理由")
    if role != "supervisor":
        raise DecisionRefused(403, "只有监查中心负责人可以复核改判")
    status = source.get("status") or "pending"
    decision = REVERSALS.get(status)
    previous = (source.get("decision") or {}).get("event_id")
    if decision is None or not previous:
        raise DecisionRefused(409, "案件尚未审核，无需改判（请直接审核）")
    if open_orders:
        raise DecisionRefused(
            409,
            f"本案件已有整改通知书（{'、'.join(open_orders)}），不能改判；草稿请先撤回",
        )
    return _decided(source, status, decision, reason, actor, role, now, event_id, previous)


def _decided(
    source: dict[str, Any],
    status: str,
    decision: Literal["confirm", "dismiss"],
    reason: str,
    actor: str,
    role: str,
    now: datetime,
    event_id: str,
    reverses: str | None = None,
) -> tuple[CaseDecided, dict[str, Any]]:
    """The event of a decision (or a reversal) and the partial document it writes."""
    event = CaseDecided(
        event_id=event_id,
        case_id=source["case_id"],
        decision=decision,
        reason=reason,
        from_status=status,
        to_status=DECISIONS[decision],  # type: ignore[arg-type]
        decided_by=actor,
        role=role,
        decided_at=now,
        squad_id=source.get("squad_id"),
        officer_id=source.get("officer_id"),
        categories=list(source.get("categories") or []),
        reverses=reverses,
    )
    return event, decision_document(event, source.get("history") or [])


def decision_entry(event: CaseDecided) -> dict[str, Any]:
    """The history entry of a decision, made from its event alone."""
    return {
        "at": event.decided_at.isoformat(),
        "actor": event.decided_by,
        "role": event.role,
        "action": "case.reverse" if event.reverses else f"case.{event.decision}",
        "from_status": event.from_status,
        "to_status": event.to_status,
        "reason": event.reason,
        "event_id": event.event_id,
    }


def decision_document(event: CaseDecided, history: list[dict[str, Any]]) -> dict[str, Any]:
    """The partial document a decision writes (the API's claim and the projection alike)."""
    return {
        "status": event.to_status,
        "status_label": STATUS_LABELS[event.to_status],
        "decision": {
            "decision": event.decision,
            "reason": event.reason,
            "decided_by": event.decided_by,
            "decided_at": event.decided_at.isoformat(),
            "event_id": event.event_id,
        },
        "history": [*history, decision_entry(event)],
    }


def projected_decision(source: dict[str, Any] | None, event: CaseDecided) -> dict[str, Any] | None:
    """What projecting ``CaseDecided`` writes over ``source`` (None: the case is not indexed
    yet), or None when its history already holds the event (the API's claim wrote it, or this is
    a replay): Kafka's ``case-events`` and the index agree, whatever the order."""
    if source is None:
        # A case the builder has not written yet (a rebuild reads both topics at once): the
        # decision first, the flags merge in after.
        return {"case_id": event.case_id, **decision_document(event, [])}
    history = list(source.get("history") or [])
    if any(entry.get("event_id") == event.event_id for entry in history):
        return None
    return decision_document(event, history)


def undo_document(source: dict[str, Any]) -> dict[str, Any]:
    """The partial document that puts a case back as it was before a decision (Kafka refused)."""
    status = source.get("status") or "pending"
    return {
        "status": status,
        "status_label": STATUS_LABELS.get(status, status),
        "decision": source.get("decision"),
        "history": source.get("history") or [],
    }
