"""Early warning and the monthly assessment on the real stack (issue 18).

A small detachment is indexed as the projections hold it (actions, cases, clips, orders): squad
SQA with five ordinary officers and ``BAD`` (six confirmed problems, two of them abuse, three
complaints), squad SQB. The alert lifecycle runs through the API: the scan proposes an alert for
BAD only, the proposal is not on his record, the supervisor decides (谈话提醒 with a follow-up
date) and closes; every step is on ``officer-alerts`` and in the audit trail.

The assessment's numbers are worked out by hand below from the documents indexed, not by the
code under test.
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from jiancha import topics
from jiancha.elastic.client import sync_client
from jiancha.settings import Settings
from streams.admin import ensure_topics
from tests.conftest import drop_prefix, env_of
from tests.integration.review_fixtures import create_accounts, login
from tests.kafka_tools import read_topic

pytestmark = pytest.mark.integration

AS_OF = "2026-04-30T20:00:00+08:00"


def _at(month: int, day: int) -> str:
    return f"2026-{month:02d}-{day:02d}T10:00:00+08:00"


def _action(i: int, officer: str, squad: str, month: int, day: int) -> dict[str, Any]:
    return {
        "action_id": f"A{i}",
        "officer_id": officer,
        "officer_role": "officer",
        "squad_id": squad,
        "occurred_at": _at(month, day),
        "violation_type": "speeding",
    }


def _case(cid: str, officer: str, squad: str, category: str, severity: int, **kw: Any) -> dict:
    doc = {
        "case_id": cid,
        "officer_id": officer,
        "squad_id": squad,
        "action_ids": kw.pop("action_ids", [f"A-{cid}"]),
        "occurred_at": _at(kw.pop("month", 4), kw.pop("day", 10)),
        "categories": [category],
        "category_labels": [category],
        "severity": severity,
        "withdrawn": False,
        "status": kw.pop("status", "confirmed"),
        "complaints": kw.pop("complaints", []),
    }
    assert not kw
    return doc


def documents() -> dict[str, dict[str, dict[str, Any]]]:
    """The small detachment of this module (also the browser test's), by index family."""
    actions: dict[str, dict[str, Any]] = {}
    i = 0

    def act(officer: str, squad: str, month: int, n: int) -> None:
        nonlocal i
        for k in range(n):
            i += 1
            actions[f"A{i}"] = _action(i, officer, squad, month, 1 + k % 25)

    for o in ("A1", "A2", "A3", "A4", "A5", "BAD"):
        act(o, "SQA", 4, 50)
    for o in ("B1", "B2", "B3", "B4"):
        act(o, "SQB", 4, 25)
    act("A1", "SQA", 3, 100)
    cases = {f"C-{o}": _case(f"C-{o}", o, "SQA", "procedure_missing", 3)
             for o in ("A1", "A2", "A3", "A4", "A5")}  # fmt: skip
    for k in range(4):
        cases[f"C-BADp{k}"] = _case(f"C-BADp{k}", "BAD", "SQA", "procedure_missing", 3, day=5 + k)
    for k in range(2):
        cases[f"C-BADv{k}"] = _case(f"C-BADv{k}", "BAD", "SQA", "verbal_abuse", 4, day=20 + k)
    complaints = [
        {"complaint_id": f"K{k}", "source": "12345", "received_at": _at(4, 22), "text": "态度恶劣"}
        for k in range(3)
    ]
    cases["C-BADk"] = _case(
        "C-BADk", "BAD", "SQA", "threat", 4, status="pending", complaints=complaints
    )
    cases["C-A1miss"] = _case(
        "C-A1miss", "A1", "SQA", "recording_missing", 3, status="pending", action_ids=["A1", "A2"]
    )
    cases["C-A2gap"] = _case("C-A2gap", "A2", "SQA", "recording_gap", 4, status="dismissed")
    cases["C-B1"] = _case("C-B1", "B1", "SQB", "threat", 4)
    cases["C-Mar"] = _case("C-Mar", "A1", "SQA", "procedure_missing", 3, month=3)
    clips = {}
    for k in range(10):
        clips[f"R-A{k}"] = {
            "recording_id": f"R-A{k}",
            "officer_ids": ["A3"],
            "squad_id": "SQA",
            "started_at": _at(4, 3 + k),
            "upload_delay_h": 30.0 if k < 2 else 2.0,
        }
    for k in range(5):
        clips[f"R-B{k}"] = {
            "recording_id": f"R-B{k}",
            "officer_ids": ["B2"],
            "squad_id": "SQB",
            "started_at": _at(4, 3 + k),
            "upload_delay_h": 1.0,
        }
    calm = [
        ("officer", "您好，我是牡丹区大队民警，请出示驾驶证。"),
        ("civilian", "你们交警就知道罚钱，一群混蛋！"),
        ("officer", "请不要激动，有意见可以依法申诉。"),
        ("officer", "你对这个处罚有权进行陈述和申辩。"),
    ]
    for rid in ("R-GOOD", "R-HELD"):  # the same words; a live case holds R-HELD
        clips[rid] = {
            "recording_id": rid,
            "officer_ids": ["A4"],
            "squad_id": "SQA",
            "started_at": _at(3, 20),
            "has_transcript": True,
            "segments": [
                {"start": 2.0 + 4 * k, "end": 5.0 + 4 * k, "speaker": who, "text": text}
                for k, (who, text) in enumerate(calm)
            ],
        }
    cases["C-HELD"] = _case("C-HELD", "A4", "SQA", "threat", 4, status="pending", month=3)
    cases["C-HELD"]["recording_ids"] = ["R-HELD"]
    orders = {
        "O-1": {
            "order_id": "O-1",
            "squad_id": "SQA",
            "deadline": _at(4, 15),
            "answers": [{"number": 1, "at": _at(4, 14), "late": False}],
            "ever_overdue": False,
        },
        "O-2": {"order_id": "O-2", "squad_id": "SQA", "deadline": _at(4, 20), "ever_overdue": True},
    }
    spot = [("A1", "SQA", "规范"), ("A2", "SQA", "未表明身份"), ("B1", "SQB", "规范"),
            ("B2", "SQB", None)]  # fmt: skip
    plans = {
        "P-W15": {
            "plan_id": "P-W15",
            "week": "2026-W15",
            "status": "published",
            "samples": [
                {
                    "action_id": f"S{k}",
                    "officer_id": o,
                    "squad_id": q,
                    "outcome": out,
                    "occurred_at": _at(4, 8),
                }
                for k, (o, q, out) in enumerate(spot)
            ],
        }
    }
    return {
        "actions": actions,
        "cases": cases,
        "clips": clips,
        "rectifications": orders,
        "spotchecks": plans,
    }


def index_documents(es: Any, prefix: str, families: dict[str, dict[str, dict[str, Any]]]) -> None:
    """Index each family's documents by id and make them searchable."""
    for family, docs in families.items():
        alias = f"{prefix}-{family}"
        for doc_id, doc in docs.items():
            es.index(index=alias, id=doc_id, document=doc)
        es.indices.refresh(index=alias)


@pytest.fixture(scope="module")
def api(stack: Any) -> Iterator[tuple[Settings, TestClient]]:
    name = f"t{uuid.uuid4().hex[:10]}"
    settings = Settings(topic_prefix=f"{name}-", index_prefix=name, app_id=name, partitions=3)
    ensure_topics(settings)
    try:
        with TestClient(create_app(settings)) as client:
            create_accounts(settings)
            es = sync_client(settings)
            try:
                index_documents(es, name, documents())
            finally:
                es.close()
            yield settings, client
    finally:
        drop_prefix(settings)


def test_alert_lifecycle_proposal_decision_follow_up(api: tuple[Settings, TestClient]) -> None:
    settings, client = api
    sup, leader = login(client, "supervisor"), login(client, "leader-mudan")
    assert client.get("/alerts", headers=leader).status_code == 403

    made = client.post("/alerts/scan", json={"as_of": AS_OF}, headers=sup)
    assert made.status_code == 200, made.text
    items = made.json()["items"]
    assert [a["officer_id"] for a in items] == ["BAD"]
    alert = items[0]
    assert alert["status"] == "proposed" and alert["alert_id"] == "BAD:2026-04-30"
    text = alert["explanation"]
    assert "近90天确认问题6起，同中队民警平均1.2起" in text  # A1 has a March case too
    assert "全大队10名民警中第1位" in text
    assert "辱骂当事人2起" in text and "群众投诉3起" in text
    # an open alert is not proposed again
    assert client.post("/alerts/scan", json={"as_of": AS_OF}, headers=sup).json()["items"] == []

    # a proposal is not on the officer's record
    record = client.get("/officers/BAD/record", headers=sup).json()
    assert record["interventions"] == [] and record["confirmed_problems"] == 6
    assert client.get("/officers/BAD/record", headers=leader).status_code == 404
    # praise as well as reprimand: A4's calm encounter is on his record, the held one is not
    good = client.get("/officers/A4/record", params={"until": AS_OF}, headers=sup).json()
    assert [g["recording_id"] for g in good["good_practice"]] == ["R-GOOD"]
    assert good["good_practice"][0]["labels"] == [
        "表明执法身份",
        "告知陈述申辩权利",
        "面对辱骂保持克制",
    ]

    aid = alert["alert_id"]
    url = f"/alerts/{aid}"
    no_date = client.post(f"{url}/decision", json={"version": 1, "decision": "talk"}, headers=sup)
    assert no_date.status_code == 422 and "回访日期" in no_date.json()["detail"]
    follow = (date.today() + timedelta(days=14)).isoformat()
    body = {"version": 1, "decision": "talk", "note": "由大队长谈话", "follow_up_on": follow}
    decided = client.post(f"{url}/decision", json=body, headers=sup)
    assert decided.status_code == 200, decided.text
    assert decided.json()["status"] == "decided" and decided.json()["decision_label"] == "谈话提醒"
    assert client.post(f"{url}/decision", json=body, headers=sup).status_code == 409  # stale

    on_record = client.get("/officers/BAD/record", headers=sup).json()["interventions"]
    assert [a["decision_label"] for a in on_record] == ["谈话提醒"]

    listed = client.get("/alerts", params={"status": "decided"}, headers=sup).json()["items"]
    assert [a["alert_id"] for a in listed] == [aid]
    closed = client.post(f"{url}/close", json={"version": 2, "outcome": "已谈话，本人认识到问题"},
                         headers=sup)  # fmt: skip
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    assert [s["type"] for s in client.get(url, headers=sup).json()["history"]] == [
        "AlertProposed",
        "AlertDecided",
        "AlertClosed",
    ]

    events = read_topic(settings, topics.OFFICER_ALERTS, at_least=3)
    assert [e["type"] for e in events if e["alert_id"] == aid] == [
        "AlertProposed",
        "AlertDecided",
        "AlertClosed",
    ]
    es = sync_client(settings)
    try:
        es.indices.refresh(index=f"{settings.index_prefix}-audit")
        res = es.search(index=f"{settings.index_prefix}-audit", size=200,
                        query={"prefix": {"action": "alert."}})  # fmt: skip
        done = {h["_source"]["action"] for h in res["hits"]["hits"]}
    finally:
        es.close()
    assert {"alert.scan", "alert.view", "alert.decide", "alert.close", "alert.list"} <= done


def test_monthly_assessment_numbers(api: tuple[Settings, TestClient], tmp_path: Path) -> None:
    settings, client = api
    res = client.get("/assessments/2026-04", headers=login(client, "reviewer"))
    assert res.status_code == 200, res.text
    body = res.json()
    assert body["previous"] == "2026-03"
    sq = {s["squad_id"]: s for s in body["squads"]}
    # SQA: 300 actions, 2 of them in a live recording_missing case (the dismissed gap is not),
    # 8 of 10 clips on time, 11 confirmed (5 + BAD's 6), 1 of 2 orders due answered on time.
    a = sq["SQA"]
    assert a["coverage"] == pytest.approx(1 - 2 / 300)
    assert a["timeliness"] == pytest.approx(0.8)
    assert a["problems_per_100"] == pytest.approx(11 / 3)
    assert a["orders_on_time"] == pytest.approx(0.5)
    assert a["spot_check_pass"] == pytest.approx(0.5)  # 规范 1 of 2 reviewed samples
    assert a["score"] == pytest.approx(63.8, abs=0.05)  # 29.8 + 16 + 30·(1 − 3.667/5) + 10
    # SQB: 100 actions, 1 confirmed, 5 of 5 on time, no order due (full marks)
    b = sq["SQB"]
    assert (b["coverage"], b["timeliness"], b["orders_on_time"]) == (1.0, 1.0, None)
    assert b["problems_per_100"] == pytest.approx(1.0)
    assert b["spot_check_pass"] == 1.0  # the unreviewed sample does not count
    assert b["score"] == pytest.approx(94.0)
    assert (b["rank"], a["rank"]) == (1, 2)
    # March: SQA 100 actions, 1 confirmed → 1 per 100, score 94
    assert a["change"]["problems_per_100"] == pytest.approx(11 / 3 - 1, abs=1e-3)
    assert a["change"]["score"] == pytest.approx(63.8 - 94.0, abs=0.05)
    assert b["change"]["score"] is None
    assert "fine" not in str(body) and "tickets" not in str(body)

    pdf = client.get("/assessments/2026-04.pdf", headers=login(client, "supervisor"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert client.get("/assessments/2026-13", headers=login(client, "reviewer")).status_code == 422

    # the CLI prints the same ranking and writes the same PDF
    command = ["assessment", "--month", "2026-04", "--out", str(tmp_path)]
    run = subprocess.run(
        [sys.executable, "-m", "jiancha.cli", *command],
        env=env_of(settings), capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    assert " 1. SQB  94.0" in run.stdout and " 2. SQA  63.8" in run.stdout
    assert (tmp_path / "jiancha-assessment-2026-04.pdf").read_bytes().startswith(b"%PDF")
