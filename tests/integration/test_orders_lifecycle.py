"""整改通知书 on the real stack: API → Kafka → worker (projection, overdue timer) → Elasticsearch.

The story of issue 5: a reviewer confirms a flagged case (through ``POST /cases/{id}/decision``;
the case document itself is put in the test's ``cases`` index as the analyzer would), the
supervisor drafts and issues an order, the squad leader acknowledges and answers with an
attachment, the supervisor returns it, the squad answers again and the supervisor accepts. The
audit index holds every step, another squad's leader sees none of it, and the topic folds to the
very document the index holds. A second order with a deadline seconds away is escalated by the
worker's timer; with no worker running, a change is accepted (202) on Kafka and applied later.
"""

from __future__ import annotations

import asyncio
import subprocess
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.security import User
from jiancha import topics
from jiancha.elastic.client import async_client, sync_client
from jiancha.schemas.dead_letters import DeadLetter
from jiancha.schemas.rectification_events import (
    Actor,
    OrderAcknowledged,
    RectificationEvent,
    decode_event,
)
from jiancha.schemas.users import UserSaved
from jiancha.settings import Settings
from jiancha.topics import topic_name
from streams.publisher import Publisher
from streams.review.agents import EscalateOverdue
from streams.review.orders import Order, project
from tests.conftest import start_process, stop_process, wait_for
from tests.integration.review_fixtures import bearer, save_accounts
from tests.kafka_tools import read_messages, read_topic

pytestmark = pytest.mark.integration

CASE_ID = "C-A-0001"
PDF = b"%PDF-1.7\n" + "整改学习记录".encode() * 200 + b"\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

USERS = {
    "reviewer": User(username="shen", role="reviewer", display_name="沈审核"),
    "supervisor": User(username="zhang", role="supervisor", display_name="张主任"),
    "leader": User(username="li", role="squad_leader", squad_id="mudan-2", display_name="李队长"),
    "other": User(username="wang", role="squad_leader", squad_id="gaosu-1", display_name="王队长"),
}


@pytest.fixture
def review_settings(settings: Settings, tmp_path: Path) -> Settings:
    # The first request may wait for the worker to start: a generous projection timeout.
    update = {"data_dir": tmp_path, "attachment_max_bytes": 64 * 1024, "order_apply_timeout_s": 90}
    return settings.model_copy(update=update)


@pytest.fixture
def worker(review_settings: Settings) -> Iterator[subprocess.Popen[bytes]]:
    """``jiancha worker`` (which carries the order agents) with a one-second overdue timer."""
    proc = start_process(review_settings, "worker", {"JIANCHA_ORDER_ESCALATION_INTERVAL_S": "1"})
    yield proc
    stop_process(proc)


def _put_pending_case(settings: Settings) -> None:
    """A flagged case as the analyzer indexes it (status ``pending``)."""
    es = sync_client(settings)
    try:
        es.index(
            index=f"{settings.index_prefix}-cases",
            id=CASE_ID,
            refresh=True,
            document={
                "case_id": CASE_ID,
                "officer_id": "O-0107",
                "squad_id": "mudan-2",
                "action_ids": ["A-0001"],
                "recording_ids": ["REC-005702"],
                "occurred_at": "2026-04-01T18:32:29+08:00",
                "categories": ["cash_no_receipt"],
                "classes": ["profit"],
                "severity": 4,
                "flag_count": 1,
                "withdrawn": False,
                "status": "pending",
                "status_label": "待审核",
                "flags": [
                    {
                        "flag_id": "F-1",
                        "category": "cash_no_receipt",
                        "class": "profit",
                        "severity": 4,
                        "explanation": "民警要求现金缴纳罚款且未开具票据。",
                        "rule_version": "1",
                    }
                ],
            },
        )
    finally:
        es.close()


class Client:
    """The API as each user sees it (their accounts saved once per test: ``save_accounts``)."""

    def __init__(self, api: TestClient, accounts: dict[str, UserSaved]) -> None:
        self.api = api
        auth = api.app.state.auth  # type: ignore[attr-defined]
        self.headers = {name: bearer(auth, accounts[user.username]) for name, user in USERS.items()}

    def get(self, who: str, url: str, **kw: Any) -> Any:
        return self.api.get(url, headers=self.headers[who], **kw)

    def post(self, who: str, url: str, **kw: Any) -> Any:
        return self.api.post(url, headers=self.headers[who], **kw)


def _events_on_kafka(settings: Settings, order_id: str) -> list[RectificationEvent]:
    events = read_topic(settings, topics.RECTIFICATION_EVENTS, decode_event)
    return [e for e in events if e.order_id == order_id]


def _audit_actions(settings: Settings, target: str) -> list[tuple[str, str]]:
    es = sync_client(settings)
    try:
        alias = f"{settings.index_prefix}-audit"
        es.indices.refresh(index=alias)
        hits = es.search(
            index=alias, query={"term": {"target": target}}, sort=[{"at": "asc"}], size=100
        )["hits"]["hits"]
    finally:
        es.close()
    return [(h["_source"]["actor"], h["_source"]["action"]) for h in hits]


def test_order_story_on_the_real_stack(review_settings: Settings, worker: Any) -> None:
    s = review_settings
    with TestClient(create_app(s)) as api:
        c = Client(api, save_accounts(s, USERS.values()))
        _put_pending_case(s)

        # The reviewer confirms the flagged case; only confirmed cases make an order.
        r = c.post("reviewer", "/orders", json={"case_ids": [CASE_ID], "requirements": "整改"})
        assert r.status_code == 409 and "尚未确认" in r.json()["detail"]
        r = c.post(
            "reviewer",
            f"/cases/{CASE_ID}/decision",
            json={"decision": "confirm", "reason": "录像中民警索要现金，属实"},
        )
        assert r.status_code == 200, r.text

        # The reviewer drafts (the worker starts meanwhile: the first answer may take a while).
        requirements = "立即停止现场收取现金；组织全员学习《行政处罚法》第六十八条、第七十条。"
        r = c.post(
            "reviewer", "/orders", json={"case_ids": [CASE_ID], "requirements": requirements}
        )
        assert r.status_code == 201, r.text
        r = r.json()
        order_id = r["order_id"]
        assert r["status"] == "draft" and r["squad_id"] == "mudan-2"
        assert r["case_ids"] == [CASE_ID] and r["drafted_by"] == "shen"
        url = f"/orders/{order_id}"

        # Drafts are the supervision center's own: no squad leader sees them.
        assert c.get("leader", url).status_code == 404
        assert c.post("reviewer", f"{url}/issue", json={}).status_code == 403

        r = c.post("supervisor", f"{url}/issue", json={"comment": "请按期整改"})
        assert r.status_code == 200, r.text
        issued = r.json()
        assert issued["status"] == "issued" and issued["status_label"] == "已下发"
        deadline = datetime.fromisoformat(issued["deadline"])
        assert timedelta(days=6, hours=23) < deadline - datetime.now(UTC) <= timedelta(days=7)

        # The squad leader sees it in his list; answering before signing for it is refused.
        listed = c.get("leader", "/orders").json()
        assert [o["order_id"] for o in listed["items"]] == [order_id]
        r = c.post("leader", f"{url}/answers", data={"text": "已整改"})
        assert r.status_code == 409 and "请先签收" in r.json()["detail"]
        r = c.post("leader", f"{url}/acknowledge")
        assert r.status_code == 200 and r.json()["status"] == "acknowledged", r.text

        # Attachments are checked by content and size before anything is published.
        r = c.post(
            "leader",
            f"{url}/answers",
            data={"text": "整改汇报"},
            files={"files": ("汇报.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")},
        )
        assert r.status_code == 415 and "不是允许的类型" in r.json()["detail"]
        r = c.post(
            "leader",
            f"{url}/answers",
            data={"text": "整改汇报"},
            files={"files": ("大.pdf", b"%PDF-" + b"0" * 70_000, "application/pdf")},
        )
        assert r.status_code == 413 and "超过大小上限" in r.json()["detail"]

        r = c.post(
            "leader",
            f"{url}/answers",
            data={"text": "已组织全员学习，涉事民警停岗培训。"},
            files=[
                ("files", ("学习记录.pdf", PDF, "application/pdf")),
                ("files", ("现场照片.png", PNG, "image/png")),
            ],
        )
        assert r.status_code == 200, r.text
        answered = r.json()
        assert answered["status"] == "answered"
        pdf = answered["answers"][0]["attachments"][0]
        assert (pdf["filename"], pdf["content_type"], pdf["size"]) == (
            "学习记录.pdf",
            "application/pdf",
            len(PDF),
        )
        download = f"{url}/attachments/{pdf['sha256']}"
        got = c.get("supervisor", download)
        assert got.status_code == 200 and got.content == PDF
        assert got.headers["content-type"] == "application/pdf"
        stored = s.data_dir / "attachments" / pdf["sha256"][:2] / f"{pdf['sha256']}.pdf"
        assert stored.is_file()

        # Only the supervisor returns; a return needs its reason.
        assert c.post("leader", f"{url}/return", json={"comment": "x"}).status_code == 403
        assert c.post("supervisor", f"{url}/return", json={"comment": ""}).status_code == 422
        r = c.post("supervisor", f"{url}/return", json={"comment": "缺少全员学习签到表"})
        assert r.status_code == 200 and r.json()["status"] == "returned", r.text
        assert r.json()["returned_count"] == 1

        r = c.post(
            "leader",
            f"{url}/answers",
            data={"text": "补充全员学习签到表。"},
            files={"files": ("签到表.pdf", PDF + b"2", "application/pdf")},
        )
        assert r.status_code == 200 and r.json()["status"] == "answered", r.text

        blank = c.post("leader", f"{url}/answers", data={"text": "   "})
        assert blank.status_code == 422

        # Two supervisors' decisions race from the same version: Kafka's order decides, once.
        with ThreadPoolExecutor(2) as pool:
            accept = pool.submit(c.post, "supervisor", f"{url}/accept", json={"comment": "到位"})
            ret = pool.submit(c.post, "supervisor", f"{url}/return", json={"comment": "再补"})
            raced = {"accept": accept.result(), "return": ret.result()}
        assert sorted(r.status_code for r in raced.values()) == [200, 409]
        loser = next(r for r in raced.values() if r.status_code == 409).json()["detail"]
        # Lost in the fold (both built on one version), or refused up front (came second).
        lost_race = "已被他人更新" in loser
        assert lost_race or "不能" in loser, loser
        if raced["return"].status_code == 200:  # the return won: answer once more
            r = c.post("leader", f"{url}/answers", data={"text": "再次补充。"})
            assert r.status_code == 200, r.text
            r = c.post("supervisor", f"{url}/accept", json={"comment": "整改到位"})
        else:
            r = raced["accept"]
        assert r.status_code == 200 and r.json()["status"] == "accepted", r.text
        again = c.post("supervisor", f"{url}/accept")
        assert again.status_code == 409 and "已验收" in again.json()["detail"]
        r = c.post("supervisor", f"{url}/close")
        assert r.status_code == 200 and r.json()["status"] == "closed", r.text
        final = c.get("leader", url).json()
        won_by_return = raced["return"].status_code == 200
        extra = [("退回", "zhang"), ("提交整改汇报", "li")] if won_by_return else []
        assert [(h["label"], h["actor"]["username"]) for h in final["history"]] == [
            ("起草", "shen"),
            ("下发", "zhang"),
            ("签收", "li"),
            ("提交整改汇报", "li"),
            ("退回", "zhang"),
            ("提交整改汇报", "li"),
            *extra,
            ("验收通过", "zhang"),
            ("办结", "zhang"),
        ]
        assert [r["reason"] for r in final["rejected"]] == ([loser] if lost_race else [])

        # Another squad's leader sees none of it.
        assert c.get("other", url).status_code == 404
        assert c.get("other", download).status_code == 404
        assert c.post("other", f"{url}/acknowledge").status_code == 404
        assert c.get("other", "/orders").json()["total"] == 0
        assert c.get("other", "/orders?squad_id=mudan-2").json()["total"] == 0

        # Kafka first: the topic (losers included) folds to exactly the document the index holds.
        events = _events_on_kafka(s, order_id)
        assert [e.event_id for e in events if e.event_id in final["event_ids"]] == [
            h["event_id"] for h in final["history"]
        ]
        assert len(events) == len(final["history"]) + lost_race  # and a race's loser, refused
        folded: Order | None = None
        for event in events:
            folded = project(folded, event)
        assert folded is not None
        assert folded.model_dump(mode="json") == final

    # Every step is in the audit index, with who did it.
    actions = _audit_actions(s, order_id)
    for step in [
        ("shen", "orders.draft"),
        ("zhang", "orders.issue"),
        ("li", "orders.view"),
        ("li", "orders.acknowledge"),
        ("li", "orders.answer"),
        ("zhang", "orders.attachment"),
        ("zhang", "orders.return"),
        ("zhang", "orders.accept"),
        ("zhang", "orders.close"),
    ]:
        assert step in actions, step
    assert actions.count(("li", "orders.answer")) >= 2
    assert ("shen", "cases.decide") in _audit_actions(s, CASE_ID)
    assert not [a for a in actions if a[0] == "wang"], "refused requests are not acted on"


def test_overdue_orders_are_escalated_by_the_timer(review_settings: Settings, worker: Any) -> None:
    s = review_settings
    with TestClient(create_app(s)) as api:
        c = Client(api, save_accounts(s, USERS.values()))
        _put_pending_case(s)
        c.post(
            "reviewer",
            f"/cases/{CASE_ID}/decision",
            json={"decision": "confirm", "reason": "属实"},
        )
        r = c.post("supervisor", "/orders", json={"case_ids": [CASE_ID], "requirements": "整改"})
        assert r.status_code == 201, r.text
        order = r.json()
        url = f"/orders/{order['order_id']}"
        soon = datetime.now(UTC) + timedelta(seconds=3)
        r = c.post("supervisor", f"{url}/issue", json={"deadline": soon.isoformat()})
        assert r.status_code == 200 and not r.json()["overdue"], r.text
        on_time = c.get("supervisor", "/orders?overdue=false").json()["items"]
        assert [o["order_id"] for o in on_time] == [order["order_id"]]

        escalated = wait_for(
            lambda: (o := c.get("leader", url).json())["escalated"] and o, 30, "escalation"
        )
        assert escalated["overdue"] and escalated["ever_overdue"]
        assert escalated["status"] == "issued"
        last = escalated["history"][-1]
        assert (last["label"], last["actor"]["role"]) == ("逾期督办", "system")
        late = c.get("supervisor", "/orders?overdue=true").json()["items"]
        assert [o["order_id"] for o in late] == [order["order_id"]]
        time.sleep(2.5)  # more timer ticks: still escalated once
        assert [h["type"] for h in c.get("leader", url).json()["history"]].count(
            "OrderEscalated"
        ) == 1

        # The bulletin's query: overdue orders straight from the index.
        es = sync_client(s)
        try:
            es.indices.refresh(index=f"{s.index_prefix}-rectifications")
            found = es.search(
                index=f"{s.index_prefix}-rectifications", query={"term": {"overdue": True}}
            )
        finally:
            es.close()
        assert [h["_id"] for h in found["hits"]["hits"]] == [order["order_id"]]

        # A late answer clears "overdue" and is marked late.
        c.post("leader", f"{url}/acknowledge")
        r = c.post("leader", f"{url}/answers", data={"text": "逾期补交整改汇报"})
        assert r.status_code == 200, r.text
        assert r.json()["answers"][0]["late"] and not r.json()["overdue"]

    # Bad events on the topic go to dead letters with the reason; the projector keeps going.
    stray = OrderAcknowledged(
        event_id="x", order_id="ZG-NONE", seq=2, at=datetime.now(UTC),
        actor=Actor(username="li", role="squad_leader", squad_id="mudan-2"),
    )  # fmt: skip
    with Publisher(s) as publisher:
        publisher.send(topics.RECTIFICATION_EVENTS, "ZG-BAD", b"{not json")
        publisher.send(topics.RECTIFICATION_EVENTS, stray.key, stray.to_json_bytes())
    letters = wait_for(lambda: len(got := _dead_letters(s)) >= 2 and got, 30, "dead letters")
    reasons = sorted(letter.reason for letter in letters)
    assert "不是合法的 JSON" in reasons[0] and "ZG-NONE 不存在或尚未起草" in reasons[1], reasons
    source = topic_name(s.topic_prefix, topics.RECTIFICATION_EVENTS)
    assert {letter.source for letter in letters} == {source}


def _dead_letters(settings: Settings) -> list[DeadLetter]:
    return read_topic(settings, topics.DEAD_LETTERS, DeadLetter.model_validate_json, idle_s=1)


def test_escalator_with_an_injected_clock(review_settings: Settings) -> None:
    """The timer's work on real Elasticsearch, eight days ahead, without waiting for them."""
    from jiancha.schemas.rectification_events import OrderDrafted, OrderIssued

    s = review_settings
    es_sync = sync_client(s)
    try:
        from jiancha.elastic.indices import ensure_indices

        alias = ensure_indices(es_sync, s)["rectifications"]
        now = datetime.now(UTC)
        boss = Actor(username="zhang", role="supervisor")
        order = project(
            None,
            OrderDrafted(
                event_id="d", order_id="ZG-T", seq=1, at=now, actor=boss,
                case_ids=["C-1"], squad_id="mudan-2", title="t", requirements="r",
            ),
        )  # fmt: skip
        assert order is not None
        order = project(
            order,
            OrderIssued(
                event_id="i", order_id="ZG-T", seq=2, at=now, actor=boss,
                deadline=now + timedelta(days=7),
            ),
        )  # fmt: skip
        assert order is not None
        es_sync.index(index=alias, id="ZG-T", document=order.model_dump(mode="json"), refresh=True)
    finally:
        es_sync.close()

    async def run(days: int) -> list[RectificationEvent]:
        sent: list[RectificationEvent] = []

        async def send(event: RectificationEvent) -> None:
            sent.append(event)

        es = async_client(s)
        try:
            clock = lambda: now + timedelta(days=days)  # noqa: E731
            await EscalateOverdue(es, alias, send, clock).run_once()
        finally:
            await es.close()
        return sent

    assert asyncio.run(run(6)) == []
    (event,) = asyncio.run(run(8))
    assert (event.type, event.order_id, event.seq) == ("OrderEscalated", "ZG-T", 3)


def _put_issued_order(settings: Settings, order_id: str, at: datetime) -> None:
    """An order issued at ``at`` with the default seven days, as the projector indexes it."""
    from jiancha.schemas.rectification_events import OrderDrafted, OrderIssued

    boss = Actor(username="zhang", role="supervisor")
    order = project(
        None,
        OrderDrafted(
            event_id=f"{order_id}-d", order_id=order_id, seq=1, at=at, actor=boss,
            case_ids=[CASE_ID], squad_id="mudan-2", title="t", requirements="r",
        ),
    )  # fmt: skip
    order = project(
        order,
        OrderIssued(
            event_id=f"{order_id}-i", order_id=order_id, seq=2, at=at, actor=boss,
            deadline=at + timedelta(days=settings.order_deadline_days),
        ),
    )  # fmt: skip
    assert order is not None and order.status == "issued"
    es = sync_client(settings)
    try:
        es.index(
            index=f"{settings.index_prefix}-rectifications",
            id=order_id,
            document=order.model_dump(mode="json"),
            refresh=True,
        )
    finally:
        es.close()


def test_the_apps_clock_decides_what_is_overdue(review_settings: Settings) -> None:
    """Eight days on by the app's clock an order issued today is overdue: in the list, for the
    squad leader, and in the week's bulletin numbers. No worker, no waiting, no browser clock."""
    from streams.bulletin.stats import IsoWeek

    s = review_settings
    now = datetime.now(UTC)
    later = now + timedelta(days=8)
    with TestClient(create_app(s)) as today, TestClient(create_app(s, clock=lambda: later)) as on:
        _put_issued_order(s, "ZG-CLOCK", now)
        accounts = save_accounts(s, USERS.values())
        c, c_later = Client(today, accounts), Client(on, accounts)

        def listed(client: Client, who: str, overdue: bool) -> list[str]:
            r = client.get(who, f"/orders?overdue={str(overdue).lower()}")
            assert r.status_code == 200, r.text
            return [o["order_id"] for o in r.json()["items"]]

        assert listed(c, "supervisor", True) == []
        assert listed(c, "supervisor", False) == ["ZG-CLOCK"]
        assert listed(c_later, "supervisor", True) == ["ZG-CLOCK"]
        assert listed(c_later, "supervisor", False) == []
        assert listed(c_later, "leader", True) == ["ZG-CLOCK"]
        assert listed(c_later, "other", True) == []  # another squad's: not even overdue

        week = IsoWeek.containing(later, s.bulletin_timezone)
        r = c_later.get("leader", f"/bulletins/{week}/stats")
        assert r.status_code == 200, r.text
        assert [o["order_id"] for o in r.json()["orders"]["overdue"]] == ["ZG-CLOCK"]
        r = c.get("leader", f"/bulletins/{IsoWeek.containing(now, s.bulletin_timezone)}/stats")
        assert r.status_code == 200 and r.json()["orders"]["overdue"] == [], r.text

    # The app's clock also stamps its audit trail: eight days on for what was done through the
    # later app, today for the one read through today's (this week's bulletin numbers).
    es = sync_client(s)
    try:
        alias = f"{s.index_prefix}-audit"
        es.indices.refresh(index=alias)
        hits = es.search(index=alias, query={"term": {"actor": "li"}}, size=100)["hits"]["hits"]
    finally:
        es.close()
    this_week = str(IsoWeek.containing(now, s.bulletin_timezone))
    today_reads = [
        h["_source"]
        for h in hits
        if (h["_source"]["action"], h["_source"]["target"]) == ("bulletins.stats", this_week)
    ]
    stamps = {datetime.fromisoformat(h["_source"]["at"]) for h in hits} - {
        datetime.fromisoformat(r["at"]) for r in today_reads
    }
    assert stamps and all(at >= later for at in stamps), stamps
    assert len(today_reads) == 1 and now <= datetime.fromisoformat(today_reads[0]["at"]) < later


def test_without_a_worker_a_change_is_accepted_and_applied_later(
    review_settings: Settings,
) -> None:
    """Kafka is the record: with no projector running the API answers 202, and nothing is lost."""
    s = review_settings.model_copy(update={"order_apply_timeout_s": 1.0})
    with TestClient(create_app(s)) as api:
        c = Client(api, save_accounts(s, USERS.values()))
        _put_pending_case(s)
        c.post(
            "reviewer", f"/cases/{CASE_ID}/decision", json={"decision": "confirm", "reason": "是"}
        )
        r = c.post("supervisor", "/orders", json={"case_ids": [CASE_ID], "requirements": "整改"})
        assert r.status_code == 202 and "已受理" in r.json()["detail"], r.text
        (event,) = _events_on_kafka(s, _order_id_on_kafka(s))
        assert event.event_id == r.json()["event_id"] and event.type == "OrderDrafted"
        assert c.get("supervisor", "/orders").json()["total"] == 0  # not projected yet

        proc = start_process(s, "worker")
        try:
            wait_for(
                lambda: c.get("supervisor", f"/orders/{event.order_id}").status_code == 200,
                120,
                "the worker to apply the accepted event",
            )
            got = c.get("supervisor", f"/orders/{event.order_id}").json()
            assert got["status"] == "draft" and got["event_ids"] == [event.event_id]
        finally:
            stop_process(proc)


def _order_id_on_kafka(settings: Settings) -> str:
    (message,) = read_messages(settings, topics.RECTIFICATION_EVENTS, bytes)
    assert message.key is not None
    return message.key
