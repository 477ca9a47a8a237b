"""我的待办, bulk decisions, the badge, the printed 《整改通知书》 and the Excel exports, on the
real Kafka and Elasticsearch (the API in-process; cases and orders put in the test's indices as the
analyzer and the order worker would write them).

The story: the supervisor assigns two cases by hand and deals out the rest; each reviewer's queue
is ranked by the stated risk score with no more than two cases of one officer on a page; a
reviewer confirms three cases at once with one reason (three events, three audit records, the
fourth, already decided, refused with its reason); an order across squads is refused in Chinese; a
squad leader's badge counts his new order; the notice prints with a 文号 that repeats for the same
order and never for another, allocated on ``document-numbers``; the exports hold what each role
may see, with typed formulas kept as text.
"""

from __future__ import annotations

import io
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.security import User
from jiancha import topics
from jiancha.elastic.client import sync_client
from jiancha.settings import Settings
from streams.review.orders import Order
from streams.review.queue import rank
from tests.integration.review_fixtures import (
    bearer,
    case_document,
    index_documents,
    save_accounts,
)
from tests.kafka_tools import read_topic

pytestmark = pytest.mark.integration

NOW = datetime.now(UTC)
USERS = {
    "supervisor": User(username="zhang", role="supervisor", display_name="张主任"),
    "shen": User(username="shen", role="reviewer", display_name="沈审核"),
    "zhou": User(username="zhou", role="reviewer", display_name="周审核"),
    "leader": User(username="li", role="squad_leader", squad_id="mudan-2", display_name="李队长"),
    "other": User(username="wang", role="squad_leader", squad_id="gaosu-1", display_name="王队长"),
}


def _cases() -> dict[str, dict[str, Any]]:
    """14 pending cases: officer HOT holds six grave ones; two confirmed cases of two squads."""
    docs: dict[str, dict[str, Any]] = {}
    for i in range(14):
        squad = "mudan-2" if i % 2 else "gaosu-1"
        doc = case_document(f"Q-{i:02d}", squad, severity=5 if i < 6 else 1 + i % 4)
        doc["officer_id"] = "HOT" if i < 6 else f"P-{i}"
        doc["occurred_at"] = (NOW - timedelta(days=i % 5)).isoformat()
        if i == 9:
            doc["complaint_ids"] = ["TS-1"]
        docs[doc["case_id"]] = doc
    for cid, squad in (("K-M", "mudan-2"), ("K-G", "gaosu-1")):
        doc = case_document(cid, squad, status="confirmed")
        doc["decision"] = {"decision": "confirm", "reason": '=HYPERLINK("http://x")'}
        docs[cid] = doc
    return docs


def _order(order_id: str, status: str, case_ids: list[str]) -> dict[str, Any]:
    issued = NOW - timedelta(hours=1)
    return Order(
        order_id=order_id,
        case_ids=case_ids,
        squad_id="mudan-2",
        title="关于执法问题的整改通知书",
        requirements="立即停止现场收取现金；组织全员学习。",
        status=status,  # type: ignore[arg-type]
        version=2,
        created_at=issued,
        updated_at=issued,
        drafted_by="shen",
        deadline=issued + timedelta(days=7) if status != "draft" else None,
        issued_at=issued if status != "draft" else None,
    ).model_dump(mode="json")


def _audit(settings: Settings, action: str) -> list[dict[str, Any]]:
    es = sync_client(settings)
    try:
        alias = f"{settings.index_prefix}-audit"
        es.indices.refresh(index=alias)
        hits = es.search(index=alias, query={"term": {"action": action}}, size=500)
        return [h["_source"] for h in hits["hits"]["hits"]]
    finally:
        es.close()


def test_queue_desk_on_the_real_stack(settings: Settings) -> None:
    s = settings
    with TestClient(create_app(s)) as api:
        accounts = save_accounts(s, USERS.values())
        auth = api.app.state.auth  # type: ignore[attr-defined]
        h = {name: bearer(auth, accounts[u.username]) for name, u in USERS.items()}
        cases = _cases()
        index_documents(s, "cases", cases)

        # -- assignment: the supervisor's alone, each on Kafka and audited -------------------
        assert api.get("/queue", headers=h["shen"]).json()["total"] == 0
        body = {"case_ids": ["Q-00", "Q-01"], "assignee": "shen"}
        r = api.post("/queue/assignments", json=body, headers=h["shen"])
        assert r.status_code == 403
        r = api.post("/queue/assignments", json={**body, "assignee": "li"}, headers=h["supervisor"])
        assert r.status_code == 422 and "不是在岗审核员" in r.json()["detail"]
        r = api.post("/queue/assignments", json=body, headers=h["supervisor"])
        assert r.status_code == 200, r.text
        r = api.post(
            "/queue/auto-assign", json={"limit": 50}, headers=h["supervisor"]
        )  # the other 12 pending: dealt out evenly
        assert r.status_code == 200, r.text
        dealt = Counter(a["assignee"] for a in r.json()["assigned"])
        assert dealt == {"shen": 5, "zhou": 7}  # shen already had 2: 7 each
        events = read_topic(s, topics.CASE_ASSIGNMENTS, at_least=14)
        assert sorted(e["case_id"] for e in events) == sorted(c for c in cases if c[0] == "Q")
        audited = _audit(s, "queue.assign")
        assert len(audited) == 14 and {a["actor"] for a in audited} == {"zhang"}

        # -- the queue: ranked by the stated score, officers spread ---------------------------
        page1 = api.get("/queue", params={"size": 4}, headers=h["shen"]).json()
        assert page1["total"] == 7 and page1["weights"]["severity"] == 0.4
        mine = [c for c in cases.values() if c["case_id"] in _assigned(s, "shen")]
        expected = rank(mine, NOW)
        assert page1["items"][0]["case_id"] == expected[0].case_id
        page2 = api.get("/queue", params={"size": 4, "page": 2}, headers=h["shen"]).json()
        pages = [page1, page2]
        for page in pages:
            officers = Counter(i["officer_id"] for i in page["items"])
            assert max(officers.values()) <= 2 or len(officers) == 1
        assert api.get("/queue", params={"assignee": "zhou"}, headers=h["shen"]).status_code == 403
        assert (
            api.get("/queue", params={"unassigned": True}, headers=h["supervisor"]).json()["total"]
            == 0
        )
        assert api.get("/inbox", headers=h["shen"]).json()["badge"] == 7

        # -- bulk decisions: one reason, each an event and an audit record --------------------
        ids = [i["case_id"] for i in page1["items"][:3]]
        r = api.post(
            "/cases/decisions",
            json={"case_ids": [*ids, "K-M"], "decision": "confirm", "reason": "录像属实"},
            headers=h["shen"],
        )
        assert r.status_code == 200, r.text
        out = r.json()
        assert (out["decided"], out["refused"]) == (3, 1)
        assert "已被他人处理" in out["results"][-1]["detail"]
        decided = read_topic(s, topics.CASE_EVENTS, at_least=3)
        assert sorted(e["case_id"] for e in decided) == sorted(ids)
        assert {a["target"] for a in _audit(s, "cases.decide")} == set(ids)
        r = api.post(
            "/cases/decisions",
            json={"case_ids": ids, "decision": "dismiss", "reason": "  "},
            headers=h["shen"],
        )
        assert r.status_code == 422 and r.json()["detail"] == "请填写处理理由"
        assert api.get("/queue", headers=h["shen"]).json()["total"] == 4

        # -- one order covers one squad's cases only -----------------------------------------
        r = api.post(
            "/orders",
            json={"case_ids": ["K-M", "K-G"], "requirements": "整改"},
            headers=h["shen"],
        )
        assert r.status_code == 422 and "分属不同中队" in r.json()["detail"]

        # -- the squad leader's badge, the printed notice and its 文号 -------------------------
        index_documents(
            s,
            "rectifications",
            {
                "ZG-1": _order("ZG-1", "issued", ["K-M"]),
                "ZG-2": _order("ZG-2", "acknowledged", ["K-M"]),
                "ZG-D": _order("ZG-D", "draft", ["K-M"]),
            },
        )
        assert api.get("/inbox", headers=h["leader"]).json()["counts"]["issued"] == 1
        assert api.get("/inbox", headers=h["other"]).json()["badge"] == 0
        first = api.get("/orders/ZG-1/notice.pdf", headers=h["leader"])
        assert first.status_code == 200, first.text
        assert first.content.startswith(b"%PDF") and first.headers["content-type"] == (
            "application/pdf"
        )
        number = unquote(first.headers["x-document-number"])
        year = (NOW + timedelta(hours=8) - timedelta(hours=1)).year
        assert number == f"菏交监整〔{year}〕第001号"
        again = api.get("/orders/ZG-1/notice.pdf", headers=h["supervisor"])
        assert unquote(again.headers["x-document-number"]) == number  # the same order: its own
        second = api.get("/orders/ZG-2/notice.pdf", headers=h["supervisor"])
        assert unquote(second.headers["x-document-number"]) == f"菏交监整〔{year}〕第002号"
        assert api.get("/orders/ZG-1/notice.pdf", headers=h["other"]).status_code == 404
        r = api.get("/orders/ZG-D/notice.pdf", headers=h["supervisor"])
        assert r.status_code == 409 and "尚未下发" in r.json()["detail"]
        requests = read_topic(s, topics.DOCUMENT_NUMBERS, at_least=3)
        assert [q["order_id"] for q in requests] == ["ZG-1", "ZG-1", "ZG-2"]
        assert len(_audit(s, "orders.notice")) == 3

        # -- Excel: what each role may see, formulas inert, audited ---------------------------
        rows = _sheet(api.get("/exports/cases.xlsx", headers=h["supervisor"]))
        assert rows[0][0] == "案件编号" and len(rows) == 1 + len(cases)
        leader_rows = _sheet(api.get("/exports/cases.xlsx", headers=h["leader"]))
        assert sorted(r[0] for r in leader_rows[1:]) == sorted(
            ["K-M", *(i for i in ids if cases[i]["squad_id"] == "mudan-2")]
        )
        reason = next(r[7] for r in leader_rows[1:] if r[0] == "K-M")
        assert reason.startswith("'=")
        ledger = _sheet(api.get("/exports/orders.xlsx", headers=h["leader"]))
        assert sorted(r[0] for r in ledger[1:]) == ["ZG-1", "ZG-2"]  # not the draft
        assert {a["actor"] for a in _audit(s, "exports.cases")} == {"zhang", "li"}
        assert len(_audit(s, "exports.orders")) == 1


def _assigned(settings: Settings, reviewer: str) -> set[str]:
    es = sync_client(settings)
    try:
        alias = f"{settings.index_prefix}-cases"
        hits = es.search(index=alias, query={"term": {"assignment.assignee": reviewer}}, size=100)[
            "hits"
        ]["hits"]
        return {h["_id"] for h in hits}
    finally:
        es.close()


def _sheet(resp: Any) -> list[list[Any]]:
    from openpyxl import load_workbook

    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(resp.content)).active
    assert sheet is not None
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_document_numbers_never_repeat_under_concurrent_requests(settings: Settings) -> None:
    """Eight orders ask for a 文号 at once (two of them twice): eight distinct numbers, 1–8, and
    each repeat gets its order's own, read back from the real ``document-numbers`` topic."""
    import asyncio

    from api.deps import SharedPublisher
    from streams.review.numbers import allocate, read_requests

    publisher = SharedPublisher(settings)

    async def read(partition: int, offset: int) -> list[tuple[str, int]]:
        return await asyncio.to_thread(read_requests, settings, partition, offset)

    async def ask(order_id: str) -> int:
        return await allocate(publisher.send_located, read, order_id, 2026, "zhang", NOW)

    async def story() -> tuple[list[int], list[int]]:
        orders = [f"ZG-{i}" for i in range(8)]
        first = await asyncio.gather(*(ask(o) for o in orders))
        again = await asyncio.gather(ask("ZG-3"), ask("ZG-5"))
        return list(first), list(again)

    try:
        first, again = asyncio.run(story())
    finally:
        publisher.close()
    assert sorted(first) == list(range(1, 9))
    assert again == [first[3], first[5]]


def test_bulk_decisions_with_kafka_down_decide_nothing(settings: Settings) -> None:
    """No broker: the first case's audit record cannot be written, its claim is undone, the batch
    stops with a 503 that says how far it got, and every case is still pending."""
    with TestClient(create_app(settings)):  # the indices, and the account while Kafka is there
        accounts = save_accounts(settings, [USERS["shen"]])
    docs = {c: case_document(c, "mudan-2") for c in ("B-1", "B-2")}
    down = settings.model_copy(update={"kafka_bootstrap": "127.0.0.1:9"})
    with TestClient(create_app(down)) as api:
        index_documents(down, "cases", docs)
        h = bearer(api.app.state.auth, accounts["shen"])  # type: ignore[attr-defined]
        r = api.post(
            "/cases/decisions",
            json={"case_ids": list(docs), "decision": "confirm", "reason": "属实"},
            headers=h,
        )
        assert r.status_code == 503, r.text
        assert "本批已处理 0 件，其余未处理" in r.json()["detail"]
    es = sync_client(settings)
    try:
        for case_id in docs:
            doc = es.get(index=f"{settings.index_prefix}-cases", id=case_id)["_source"]
            assert doc["status"] == "pending"
    finally:
        es.close()
