"""《监察专刊》 on the real stack: eval-dev ingested, indexed and analysed, some cases decided and
orders issued; the PDF holds the masthead, every section and the right numbers, with CJK fonts
embedded; recompiling keeps the issue number; the API lists and serves it.

Decisions and orders are written as the documents their services write (a case's ``status`` and
``decision`` as ``streams.review.cases.decide`` sets them; orders folded from real
``rectification-events`` by ``streams.review.orders.apply``), so this test does not depend on the
review API's sign-in or the order projector's timing.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from jiancha import topics
from jiancha.elastic.client import sync_client
from jiancha.elastic.indices import ensure_indices
from jiancha.schemas.rectification_events import (
    Actor,
    OrderAccepted,
    OrderAcknowledged,
    OrderAnswered,
    OrderDrafted,
    OrderEscalated,
    OrderIssued,
    OrderReturned,
)
from jiancha.settings import Settings
from streams.bulletin.compile import compile_week
from streams.bulletin.stats import IsoWeek
from streams.ingest import ingest_file
from streams.publisher import Publisher
from streams.review.orders import Order, apply
from tests.conftest import caught_up, start_process, stop_process, wait_for

pytestmark = pytest.mark.integration

WEEK = IsoWeek.parse("2026-W15")
SECTIONS = [
    "一、本周监督概况",
    "二、问题通报",
    "三、典型案例",
    "四、整改落实",
    "五、中队排名",
    "六、下步要求",
]
ANALYZED = [topics.POLICIES, topics.ENFORCEMENT_ACTIONS, topics.RECORDINGS, topics.TRANSCRIPTS]
INDEXED = [topics.RECORDINGS, topics.TRANSCRIPTS, topics.ENFORCEMENT_ACTIONS]
CONFIRM, DISMISS = 8, 3
SUPERVISOR = Actor(username="zhuren", role="supervisor")


def at(day: int, hour: int = 10) -> datetime:
    """A moment of April 2026 in Beijing time."""
    return datetime.fromisoformat(f"2026-04-{day:02d}T{hour:02d}:00:00+08:00")


def decide_cases(es: Any, alias: str, week: IsoWeek) -> tuple[list[dict[str, Any]], int]:
    """Confirm the week's ``CONFIRM`` gravest pending cases and dismiss ``DISMISS`` more."""
    es.indices.refresh(index=alias)
    hits = es.search(
        index=alias,
        size=CONFIRM + DISMISS,
        query={
            "bool": {
                "filter": [
                    {"term": {"withdrawn": False}},
                    {
                        "range": {
                            "occurred_at": {
                                "gte": week.start.isoformat(),
                                "lt": week.end.isoformat(),
                            }
                        }
                    },
                ]
            }
        },
        sort=[{"severity": "desc"}, {"case_id": "asc"}],
    )["hits"]["hits"]
    assert len(hits) == CONFIRM + DISMISS, "eval-dev W15 should have enough cases"
    for i, hit in enumerate(hits):
        status, label = ("confirmed", "已确认") if i < CONFIRM else ("dismissed", "已排除")
        es.update(
            index=alias,
            id=hit["_id"],
            doc={
                "status": status,
                "status_label": label,
                "decision": {
                    "decision": "confirm" if i < CONFIRM else "dismiss",
                    "reason": "经核实",
                    "decided_by": "shenhe",
                    "decided_at": at(13).isoformat(),
                    "event_id": f"dec-{i}",
                },
            },
        )
    es.indices.refresh(index=alias)
    return [h["_source"] for h in hits[:CONFIRM]], CONFIRM


def _order(order_id: str, case: dict[str, Any], events: list[Any]) -> Order:
    squad = case["squad_id"]
    leader = Actor(username=f"zdz-{squad}", role="squad_leader", squad_id=squad)
    order: Order | None = None
    for seq, make in enumerate(events, start=1):
        event = make(seq=seq, event_id=f"{order_id}-{seq}", order_id=order_id, leader=leader)
        order = apply(order, event)
    assert order is not None
    return order


def make_orders(es: Any, alias: str, cases: list[dict[str, Any]]) -> None:
    """Three 整改通知书 in W15: answered on time then returned and accepted; overdue; late."""

    def drafted(day: int, case: dict[str, Any]) -> Any:
        return lambda seq, event_id, order_id, leader: OrderDrafted(
            seq=seq,
            event_id=event_id,
            order_id=order_id,
            at=at(day, 9),
            actor=SUPERVISOR,
            case_ids=[case["case_id"]],
            squad_id=case["squad_id"],
            title=f"关于{case['squad_id']}{'、'.join(case['category_labels'])}问题的整改通知",
            requirements="立即整改，按期汇报。",
        )

    def issued(day: int, deadline: datetime) -> Any:
        return lambda seq, event_id, order_id, leader: OrderIssued(
            seq=seq,
            event_id=event_id,
            order_id=order_id,
            at=at(day),
            actor=SUPERVISOR,
            deadline=deadline,
        )

    def acknowledged(day: int) -> Any:
        return lambda seq, event_id, order_id, leader: OrderAcknowledged(
            seq=seq, event_id=event_id, order_id=order_id, at=at(day, 8), actor=leader
        )

    def answered(day: int) -> Any:
        return lambda seq, event_id, order_id, leader: OrderAnswered(
            seq=seq, event_id=event_id, order_id=order_id, at=at(day), actor=leader, text="已整改。"
        )

    def returned(day: int, deadline: datetime) -> Any:
        return lambda seq, event_id, order_id, leader: OrderReturned(
            seq=seq,
            event_id=event_id,
            order_id=order_id,
            at=at(day),
            actor=SUPERVISOR,
            deadline=deadline,
            comment="整改不彻底",
        )

    def accepted(day: int) -> Any:
        return lambda seq, event_id, order_id, leader: OrderAccepted(
            seq=seq, event_id=event_id, order_id=order_id, at=at(day), actor=SUPERVISOR
        )

    def escalated(day: int, deadline: datetime) -> Any:
        return lambda seq, event_id, order_id, leader: OrderEscalated(
            seq=seq,
            event_id=event_id,
            order_id=order_id,
            at=at(day, 12),
            actor=Actor(username="system", role="system"),
            deadline=deadline,
        )

    orders = [
        _order(
            "ZG-1",
            cases[0],
            [
                drafted(6, cases[0]),
                issued(6, at(10)),
                acknowledged(7),
                answered(8),
                returned(9, at(12)),
                answered(11),
                accepted(12),
            ],
        ),
        _order("ZG-2", cases[1], [drafted(7, cases[1]), issued(7, at(10)), escalated(10, at(10))]),
        _order(
            "ZG-3", cases[2], [drafted(6, cases[2]), issued(6, at(7)), acknowledged(6), answered(9)]
        ),
    ]
    for o in orders:
        es.index(index=alias, id=o.order_id, document=o.model_dump(mode="json"))
    es.indices.refresh(index=alias)


def expected_from_events(path: Path, week: IsoWeek) -> dict[str, Any]:
    """Recordings, hours and actions of ``week`` counted straight from the event file."""
    recs, seconds, actions = 0, 0.0, 0
    for line in path.open(encoding="utf-8"):
        ev = json.loads(line)
        d = ev["data"]
        if ev["type"] == "recording":
            start = datetime.fromisoformat(d["started_at"])
            if week.start <= start < week.end:
                recs += 1
                seconds += (datetime.fromisoformat(d["ended_at"]) - start).total_seconds()
        elif ev["type"] == "enforcement_action":
            actions += week.start <= datetime.fromisoformat(d["occurred_at"]) < week.end
    return {"recordings": recs, "hours": round(seconds / 3600, 1), "actions": actions}


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def analyzed(settings: Settings, start_worker, eval_dev):  # type: ignore[no-untyped-def]
    """eval-dev on Kafka, indexed by the worker and analysed into cases."""
    with Publisher(settings) as pub:
        ingest_file(eval_dev / "events.jsonl", pub)
    worker = start_worker()
    analyzer = start_process(settings, "analyzer")
    try:
        worker.wait_caught_up()
        wait_for(
            lambda: caught_up(settings, "analyzer", ANALYZED, analyzer),
            timeout_s=240,
            what="analyzer caught up",
        )
    finally:
        stop_process(analyzer)
    return settings


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_bulletin_of_eval_dev_week(analyzed: Settings, eval_dev: Path, tmp_path: Path) -> None:
    settings = analyzed.model_copy(
        update={"data_dir": tmp_path, "bulletin_unit": "菏泽市交警支队监查中心"}
    )
    es = sync_client(settings)
    try:
        aliases = ensure_indices(es, settings)
        confirmed, n_confirmed = decide_cases(es, aliases["cases"], WEEK)
        make_orders(es, aliases["rectifications"], confirmed)
        compiled = compile_week(settings, es, WEEK, now=at(20, 8))
        again = compile_week(settings, es, WEEK, now=at(20, 9))
        next_week = compile_week(settings, es, WEEK.shifted(1), now=at(27, 8))
    finally:
        es.close()

    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(compiled.pdf)
    text = _run("pdftotext", "-layout", str(pdf), "-")
    flat = re.sub(r"\s+", "", text)
    assert "《监察专刊》" in text
    for title in SECTIONS:
        assert title in flat, title
    assert "2026年第1期（总第1期）" in flat
    assert "菏泽市交警支队监查中心" in flat

    want = expected_from_events(eval_dev / "events.jsonl", WEEK)
    assert f"录像{want['recordings']}段、{want['hours']}小时" in flat
    assert f"同期执法记录{want['actions']}起" in flat
    assert f"经审核确认{n_confirmed}件，排除{DISMISS}件" in flat
    assert f"本周经审核确认的问题{n_confirmed}件" in flat
    assert (
        "本周下发《整改通知书》3份；按期提交整改汇报1份，逾期提交1份；退回重新整改1次；验收通过1份；截至编印时逾期未整改1份"
        in flat
    )
    assert "ZG-2" in flat  # the overdue order is named
    # Typical cases: the gravest confirmed one, with a timed excerpt; no full plate anywhere.
    assert confirmed[0]["case_id"] in flat
    assert re.search(r"REC-\d+\d\d:\d\d–\d\d:\d\d", flat)
    for case in confirmed:
        if case.get("plate"):
            assert case["plate"] not in text
    # 规范执法示例 (issue 18): W15's unflagged encounter where the officer stays calm under abuse
    assert "规范执法示例" in flat and "REC-005750" in flat and "面对辱骂保持克制" in flat
    # Ranking: every squad that enforced this week, problems per 100 actions.
    squads = {c["squad_id"] for c in confirmed}
    for squad in squads:
        assert squad in flat

    fonts = _run("pdffonts", str(pdf))
    cjk = [line for line in fonts.splitlines() if "CJK" in line]
    assert cjk and all(" yes " in line for line in cjk), fonts

    # Same week again: same numbers; the next week gets the next ones.
    assert (again.doc["issue_no"], again.doc["total_no"]) == (1, 1)
    assert again.doc["compilations"] == 2
    assert (next_week.doc["issue_no"], next_week.doc["total_no"]) == (2, 2)
    assert next_week.stats.previous is not None  # 较上周 for W16

    # The API lists and serves it; any role reads, only supervisor/admin recompile (same number).
    from fastapi.testclient import TestClient

    from api.main import create_app
    from api.security import User
    from tests.integration.review_fixtures import save_accounts

    with TestClient(create_app(settings)) as api:
        auth = api.app.state.auth  # type: ignore[attr-defined]

        def bearer(role: str, squad: str | None = None) -> dict[str, str]:
            user = User(username=role, role=role, squad_id=squad, display_name=role)  # type: ignore[arg-type]
            account = save_accounts(settings, [user])[role]
            return {"Authorization": f"Bearer {auth.issue(account)}"}

        leader = bearer("squad_leader", "mudan-1")
        assert api.get("/bulletins").status_code == 401
        listed = api.get("/bulletins", headers=leader).json()["bulletins"]
        assert [b["week"] for b in listed] == ["2026-W16", "2026-W15"]
        got = api.get("/bulletins/2026-W15.pdf", headers=leader)
        assert got.status_code == 200 and got.content == again.pdf  # the latest compilation
        assert got.headers["content-type"] == "application/pdf"
        html = api.get("/bulletins/2026-W15.html", headers=leader)
        assert "《监察专刊》" in html.text
        assert api.get("/bulletins/2026-W20.pdf", headers=leader).status_code == 404
        stats = api.get("/bulletins/2026-W15/stats", headers=leader).json()
        assert stats["overview"]["recordings"] == want["recordings"]
        assert stats["overview"]["confirmed"] == n_confirmed
        assert api.post("/bulletins/2026-W15", headers=bearer("reviewer")).status_code == 403
        redo = api.post("/bulletins/2026-W15", headers=bearer("supervisor"))
        assert redo.status_code == 200, redo.text
        assert (redo.json()["issue_no"], redo.json()["total_no"]) == (1, 1)


def test_a_compilation_voided_meanwhile_is_not_saved(settings: Settings, tmp_path: Path) -> None:
    """A void that lands while the week compiles: the compilation is refused, never saved as a
    document without its numbers (the console once showed KeyError: 'issue_no' after this), nor
    saved with the old numbers over the week's next issue."""
    from streams.bulletin.compile import store_of
    from streams.bulletin.store import VoidedMeanwhile

    es = sync_client(settings)
    store = store_of(settings.model_copy(update={"data_dir": tmp_path}), es)
    week = IsoWeek(2026, 20)
    first = store.numbers(week, "测试支队", at(11))
    store.save(str(week), {"compiled_by": "supervisor"}, first)
    running = store.numbers(week, "测试支队", at(12))  # a re-compilation starts: same numbers
    assert running == first
    assert store.void(str(week), {"voided_by": "supervisor", "void_reason": "测试"}) is not None
    with pytest.raises(VoidedMeanwhile, match="汇编期间已作废"):
        store.save(str(week), {"compiled_by": "supervisor"}, running)
    assert store.get(str(week)) is None  # nothing brought back
    anew = store.numbers(week, "测试支队", at(13))  # the week compiled anew: the next number
    assert anew.total_no == first.total_no + 1
    with pytest.raises(VoidedMeanwhile):
        store.save(str(week), {"compiled_by": "supervisor"}, running)
    saved = store.save(str(week), {"compiled_by": "supervisor"}, anew)
    assert (saved["issue_no"], saved["total_no"]) == (anew.issue_no, anew.total_no)
