"""Review rules without services: the case query and its squad scope, decisions, byte ranges."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from api.ranges import RangeNotSatisfiable, parse_range
from streams.review.cases import (
    CaseQuery,
    DecisionRefused,
    Scope,
    case_search_body,
    decide,
    undo_document,
)

NOW = datetime(2026, 4, 2, 9, 0, tzinfo=UTC)
PENDING = {
    "case_id": "C-1",
    "squad_id": "mudan-1",
    "officer_id": "MD1",
    "categories": ["quota"],
    "status": "pending",
    "status_label": "待审核",
    "withdrawn": False,
}


def test_query_filters_words_sort_and_facets():
    body = case_search_body(
        CaseQuery(category="quota", min_severity=3, q="现金 不开票", page=2, size=10), Scope()
    )
    bool_q = body["query"]["bool"]
    assert {"term": {"categories": "quota"}} in bool_q["filter"]
    assert {"range": {"severity": {"gte": 3}}} in bool_q["filter"]
    assert {"term": {"withdrawn": True}} in bool_q["must_not"]
    assert len(bool_q["must"]) == 2  # every word must occur
    assert body["sort"][0] == {"priority": {"order": "desc", "missing": "_last"}}
    assert body["from"] == 10 and set(body["aggs"]) == {"categories", "status", "squads"}


def test_squad_leader_scope_is_forced_into_the_query():
    body = case_search_body(CaseQuery(squad_id="gaosu-1"), Scope("mudan-1"))
    bool_q = body["query"]["bool"]
    # Asking for another squad cannot widen the scope: both terms must hold, so nothing matches.
    assert {"term": {"squad_id": "mudan-1"}} in bool_q["filter"]
    assert {"terms": {"status": ["pending", "dismissed"]}} in bool_q["must_not"]


def test_scope_admits_only_the_own_squads_confirmed_cases():
    assert Scope().admits(PENDING)
    assert not Scope("mudan-1").admits(PENDING)
    assert Scope("mudan-1").admits({**PENDING, "status": "confirmed"})
    assert not Scope("gaosu-1").admits({**PENDING, "status": "confirmed"})


def test_decide_confirms_a_pending_case_with_history():
    event, doc = decide(PENDING, "confirm", "  录像证实索要现金 ", "rev", "reviewer", NOW, "e1")
    assert event.to_status == "confirmed" and event.reason == "录像证实索要现金"
    assert event.key == "C-1" and event.squad_id == "mudan-1"
    assert doc["status"] == "confirmed" and doc["status_label"] == "已确认"
    assert doc["history"] == [
        {
            "at": NOW.isoformat(),
            "actor": "rev",
            "role": "reviewer",
            "action": "case.confirm",
            "from_status": "pending",
            "to_status": "confirmed",
            "reason": "录像证实索要现金",
            "event_id": "e1",
        }
    ]
    assert undo_document(PENDING) == {
        "status": "pending",
        "status_label": "待审核",
        "decision": None,
        "history": [],
    }


@pytest.mark.parametrize(
    ("source", "reason", "status", "message"),
    [
        (PENDING, "   ", 422, "请填写处理理由"),
        ({**PENDING, "status": "dismissed"}, "理由", 409, "案件已被他人处理（当前状态：已排除）"),
        ({**PENDING, "withdrawn": True}, "理由", 409, "已被撤回"),
    ],
)
def test_decide_refuses(source, reason, status, message):
    with pytest.raises(DecisionRefused, match=message) as refused:
        decide(source, "dismiss", reason, "rev", "reviewer", NOW, "e1")
    assert refused.value.status == status


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("bytes=0-99", (0, 99)),
        ("bytes=100-", (100, 999)),
        ("bytes=-100", (900, 999)),
        ("bytes=-5000", (0, 999)),
        ("bytes=990-5000", (990, 999)),
        ("bytes=10-20, 30-40", (10, 20)),
        ("items=0-1", None),  # not a byte range: ignored, whole file
        ("bytes=abc", None),
        ("bytes=20-10", None),
        ("bytes=²-", None),  # not ASCII digits: ignored (int("²") raised)
        ("bytes=0-" + "9" * 5000, (0, 999)),  # an end past the file: up to the last byte
        ("bytes=-" + "9" * 5000, (0, 999)),
        ("bytes=" + "0" * 5000 + "7-9", (7, 9)),
    ],
)
def test_parse_range(header, expected):
    assert parse_range(header, 1000) == expected


@pytest.mark.parametrize(
    "header",
    [
        "bytes=1000-",
        "bytes=5000-6000",
        "bytes=-0",
        "bytes=" + "9" * 5000 + "-",
        "bytes=1" + "0" * 19 + "-",
    ],
)
def test_unsatisfiable_ranges(header):
    with pytest.raises(RangeNotSatisfiable):
        parse_range(header, 1000)
