"""《监察专刊》 leaks, on the real Kafka and Elasticsearch.

Attacks: a squad leader asks ``GET /bulletins/{week}/stats`` for every squad's typical cases
(full plates, officers, transcript excerpts); bulletins are read and downloaded without a trace;
a transcript spells a civilian's phone or ID number in Chinese numerals and the printed bulletin
shows it. Next to each, the legitimate use: reviewers get the full numbers, squad leaders their own
squad's share, everyone reads the bulletin — every read in the audit trail.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from api.deps import SharedPublisher
from api.main import create_app
from jiancha.elastic.client import sync_client
from jiancha.schemas.rectification_events import Actor, OrderDrafted, OrderIssued
from jiancha.settings import Settings
from streams.admin import ensure_topics
from streams.review.orders import Order, apply
from tests.conftest import drop_prefix
from tests.integration.review_fixtures import (
    ACCOUNTS,
    case_document,
    create_accounts,
    index_documents,
    login,
)

WEEK = "2026-W14"
NOW = datetime.fromisoformat("2026-04-06T08:00:00+08:00")
# What civilians said on the officers' cameras, as the speech service stores it: codes digit by
# digit in Chinese numerals, a plate's four digits read as a number.
PHONE = "一三八五七一二三四五六"
PHONE_MASKED = "一三八****三四五六"
MUDAN_EXCERPT = f"我叫张三，我电话{PHONE}，罚款两百元现金给你"
ID_NUMBER = "三七零一零二一九九零零一零一一二三X"
ID_MASKED = "三七零一零二********一二三X"
GAOSU_EXCERPT = f"身份证{ID_NUMBER}，车是鲁R·A一千二百三十四"
GAOSU_PLATE_MASKED = "鲁R·A*****十四"


@dataclass
class Desk:
    settings: Settings
    api: TestClient
    headers: dict[str, dict[str, str]]

    def get(self, path: str, who: str) -> httpx.Response:
        return self.api.get(path, headers=self.headers[who])

    def audit(self, action: str) -> list[dict[str, Any]]:
        es = sync_client(self.settings)
        try:
            es.indices.refresh(index=f"{self.settings.index_prefix}-audit")
        finally:
            es.close()
        resp = self.get(f"/audit?action={action}&size=200", "supervisor")
        assert resp.status_code == 200, resp.text
        return resp.json()["items"]  # type: ignore[no-any-return]


def _overdue_order(order_id: str, squad: str, title: str) -> dict[str, Any]:
    """An issued 整改通知书 past its deadline, folded from its real events."""
    boss = Actor(username="supervisor", role="supervisor")
    at = datetime.fromisoformat("2026-04-01T10:00:00+08:00")
    order: Order | None = None
    for event in (
        OrderDrafted(
            event_id=f"{order_id}-1",
            order_id=order_id,
            seq=1,
            at=at,
            actor=boss,
            case_ids=[f"C-{squad}"],
            squad_id=squad,
            title=title,
            requirements="立即整改。",
        ),
        OrderIssued(
            event_id=f"{order_id}-2",
            order_id=order_id,
            seq=2,
            at=at,
            actor=boss,
            deadline=datetime.fromisoformat("2026-04-03T18:00:00+08:00"),
        ),
    ):
        order = apply(order, event)
    assert order is not None
    return order.model_dump(mode="json")


@pytest.fixture(scope="module")
def desk(stack: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    """One app on its own topics and indices; two squads' confirmed cases; W14 compiled."""
    name = f"t{uuid.uuid4().hex[:10]}"
    settings = Settings(
        topic_prefix=f"{name}-",
        index_prefix=name,
        app_id=name,
        partitions=3,
        data_dir=tmp_path_factory.mktemp("data"),
    )
    ensure_topics(settings)
    try:
        with TestClient(create_app(settings, clock=lambda: NOW)) as api:
            create_accounts(settings)
            index_documents(
                settings,
                "cases",
                {
                    "C-MUDAN": case_document(
                        "C-MUDAN",
                        "mudan-1",
                        status="confirmed",
                        recording_ids=("REC-M1",),
                        excerpt=MUDAN_EXCERPT,
                    ),
                    "C-GAOSU": case_document(
                        "C-GAOSU",
                        "gaosu-1",
                        status="confirmed",
                        recording_ids=("REC-G1",),
                        severity=5,
                        excerpt=GAOSU_EXCERPT,
                    ),
                },
            )
            index_documents(
                settings,
                "rectifications",
                {
                    "ZG-M": _overdue_order("ZG-M", "mudan-1", "关于车主鲁R12345投诉的整改通知"),
                    "ZG-G": _overdue_order("ZG-G", "gaosu-1", "关于高速一中队索要现金的整改通知"),
                },
            )
            headers = {who: login(api, who) for who in ACCOUNTS}
            compiled = api.post(f"/bulletins/{WEEK}", headers=headers["supervisor"])
            assert compiled.status_code == 200, compiled.text
            yield Desk(settings, api, headers)
    finally:
        drop_prefix(settings)


def test_squad_leader_gets_only_his_squads_cases_masked(desk: Desk) -> None:
    full = desk.get(f"/bulletins/{WEEK}/stats", "reviewer")
    assert full.status_code == 200, full.text
    stats = full.json()
    # The legitimate use: a reviewer gets every squad's typical cases with their evidence.
    assert {c["case_id"] for c in stats["typical"]} == {"C-MUDAN", "C-GAOSU"}
    assert PHONE in full.text and "鲁R12345" in full.text
    assert {o["order_id"] for o in stats["orders"]["overdue"]} == {"ZG-M", "ZG-G"}

    resp = desk.get(f"/bulletins/{WEEK}/stats", "leader-mudan")
    assert resp.status_code == 200, resp.text
    mine = resp.json()
    # The bulletin's numbers, as printed for everyone ...
    for key in ("overview", "squads", "trend", "period_start", "period_end"):
        assert mine[key] == stats[key], key
    assert mine["orders"]["issued"] == stats["orders"]["issued"] == 2
    # ... but of the cases and orders only his squad's, masked as the bulletin prints them.
    [case] = mine["typical"]
    assert case["case_id"] == "C-MUDAN" and case["plate"] == "鲁R1**45"
    said = f"我叫张某，我电话{PHONE_MASKED}，罚款两百元现金给你"
    assert [x["text"] for x in case["excerpts"]] == [said]
    [order] = mine["orders"]["overdue"]
    assert order["order_id"] == "ZG-M" and order["title"] == "关于车主鲁R1**45投诉的整改通知"
    for secret in (PHONE, "张三", "鲁R12345", "C-GAOSU", "gaosu-1-officer", "ZG-G", ID_NUMBER):
        assert secret not in resp.text, secret

    other = desk.get(f"/bulletins/{WEEK}/stats", "leader-gaosu").json()
    assert [c["case_id"] for c in other["typical"]] == ["C-GAOSU"]
    assert GAOSU_PLATE_MASKED in json.dumps(other, ensure_ascii=False)
    assert "C-MUDAN" not in json.dumps(other) and PHONE not in json.dumps(other, ensure_ascii=False)


def test_every_bulletin_read_and_download_is_audited(desk: Desk) -> None:
    reads = {
        "bulletins.list": "/bulletins",
        "bulletins.stats": f"/bulletins/{WEEK}/stats",
        "bulletins.html": f"/bulletins/{WEEK}.html",
        "bulletins.pdf": f"/bulletins/{WEEK}.pdf",
    }
    for path in reads.values():
        assert desk.get(path, "leader-gaosu").status_code == 200, path
    for action, path in reads.items():
        trail = [a for a in desk.audit(action) if a["actor"] == "leader-gaosu"]
        assert trail, action
        record = trail[0]
        assert record["path"] == path.split("?")[0] and record["role"] == "squad_leader"
        assert record["squad_id"] == "gaosu-1" and record["client_ip"] == "testclient"
        assert record["target"] == ("*" if action == "bulletins.list" else WEEK)
    stats = next(a for a in desk.audit("bulletins.stats") if a["actor"] == "leader-gaosu")
    assert stats["detail"] == {"squad_id": "gaosu-1", "masked": True}
    pdf = next(a for a in desk.audit("bulletins.pdf") if a["actor"] == "leader-gaosu")
    assert len(pdf["detail"]["sha256"]) == 64  # which compilation was handed out


def test_bulletin_reads_fail_closed_when_the_audit_cannot_be_written(desk: Desk) -> None:
    auditor = desk.api.app.state.auditor  # type: ignore[attr-defined]
    working = auditor.publisher
    auditor.publisher = SharedPublisher(
        desk.settings.model_copy(update={"kafka_bootstrap": "127.0.0.1:1"})
    )
    try:
        refused = {
            path: desk.get(path, "reviewer")
            for path in (
                "/bulletins",
                f"/bulletins/{WEEK}/stats",
                f"/bulletins/{WEEK}.html",
                f"/bulletins/{WEEK}.pdf",
            )
        }
    finally:
        auditor.publisher = working
    for path, resp in refused.items():
        assert resp.status_code == 503, (path, resp.status_code)
        assert "审计记录无法写入" in resp.json()["detail"]
        assert "C-MUDAN" not in resp.text and "《监察专刊》" not in resp.text
    # Kafka back: the same reads are answered.
    assert desk.get(f"/bulletins/{WEEK}.pdf", "reviewer").status_code == 200


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_printed_bulletin_masks_numbers_spelled_in_chinese(desk: Desk, tmp_path: Path) -> None:
    html = desk.get(f"/bulletins/{WEEK}.html", "leader-mudan")
    assert html.status_code == 200
    pdf = desk.get(f"/bulletins/{WEEK}.pdf", "leader-mudan")
    assert pdf.status_code == 200
    path = tmp_path / "b.pdf"
    path.write_bytes(pdf.content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    for printed in (html.text, "".join(text.split())):
        # The cases are there, with their excerpts ...
        assert "C-MUDAN" in printed and "C-GAOSU" in printed
        assert "罚款两百元现金给你" in printed  # amounts stay as they were said
        # ... and the civilians' numbers are not.
        assert PHONE_MASKED in printed and PHONE not in printed
        assert ID_MASKED in printed and ID_NUMBER not in printed
        assert GAOSU_PLATE_MASKED in printed and "一千二百三十四" not in printed
        assert "张三" not in printed and "鲁R12345" not in printed
