"""我的待办 in Debian's Chromium on the real stack (issues 16 and 17).

The supervisor deals the unassigned cases out by risk; the reviewer sees the count on 我的待办,
finds the queue ranked with the rule stated, confirms two cases at once with one reason, exports
the case list to Excel and drafts one order from confirmed cases (two squads' cases refused in
Chinese); the order is issued to 高速一中队, whose leader sees the badge on 整改通知 and prints the
《整改通知书》 with its 文号. Screenshots at both widths.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.console import CASE_ID, Console, sync_api
from tests.integration.review_fixtures import ACCOUNTS

pytestmark = pytest.mark.e2e


def _token(base_url: str, username: str) -> dict[str, str]:
    data = {"username": username, "password": ACCOUNTS[username].password}
    token = httpx.post(f"{base_url}/auth/token", data=data).json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


def test_queue_bulk_badge_and_paper_in_the_browser(
    browser: Any, base_url: str, shots: Path
) -> None:
    expect = sync_api.expect

    # The supervisor opens the unassigned cases and deals them out by risk.
    supervisor = Console(browser, base_url, "supervisor", shots)
    page = supervisor.page
    supervisor.go("/queue")
    expect(page.locator("h1")).to_have_text("我的待办")
    expect(page.locator("#queue-rule")).to_contain_text("严重程度 40%")
    rows = page.locator("table.queue tbody tr")
    unassigned = rows.count()
    assert unassigned > 2
    supervisor.shoot("queue-unassigned")
    page.get_by_role("button", name="按风险自动分配").click()
    expect(page.locator("#toast")).to_contain_text("已分配")
    supervisor.settled()
    expect(page.locator("#queue-list .empty")).to_contain_text("没有待分配的案件")

    # The reviewer: the count on 我的待办, the queue ranked, two confirmed with one reason.
    reviewer = Console(browser, base_url, "reviewer", shots)
    page = reviewer.page
    badge = page.locator('nav a[href="#/queue"] .count')
    expect(badge).to_be_visible()
    total = int(badge.inner_text())
    reviewer.go("/queue")
    scores = [float(s) for s in page.locator("table.queue tbody td strong").all_inner_texts()]
    assert scores and scores[0] == max(scores)
    reviewer.shoot("queue")
    page.get_by_role("button", name="批量处理").click()
    expect(page.locator("#bulk [role=alert]")).to_have_text("请先勾选案件")
    chosen = [page.locator("input[name=case]").nth(i).get_attribute("value") for i in (0, 1)]
    page.locator("input[name=case]").nth(0).check()
    page.locator("input[name=case]").nth(1).check()
    page.get_by_label("共同理由（必填）").fill("录像与执法记录核实，问题属实")
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="批量处理").click()
    expect(page.locator("#toast")).to_contain_text("已确认 2 件")
    reviewer.settled()
    expect(page.locator("#queue-list")).to_contain_text(f"共 {total - 2} 件待审核")
    for case_id in chosen:
        expect(page.locator(f'[data-case="{case_id}"]')).to_have_count(0)

    # The case list to Excel from 案件检索.
    reviewer.go("/search?status=confirmed")
    with page.expect_download() as got:
        page.get_by_role("button", name="导出 Excel").click()
    sheet = _rows(Path(got.value.path()).read_bytes())
    assert sheet[0][0] == "案件编号"
    assert set(chosen) <= {r[0] for r in sheet[1:]}

    # One order from confirmed cases, drafted in the console: across squads it is refused.
    api = httpx.Client(base_url=base_url, timeout=120)
    rev, sup = _token(base_url, "reviewer"), _token(base_url, "supervisor")
    if api.get(f"/cases/{CASE_ID}", headers=rev).json()["status"] == "pending":
        decided = api.post(
            f"/cases/{CASE_ID}/decision",
            json={"decision": "confirm", "reason": "收现不开票属实"},
            headers=rev,
        )
        assert decided.status_code == 200, decided.text
    confirmed = api.get("/cases", params={"status": "confirmed", "size": 100}, headers=rev).json()
    squad_of = {c["case_id"]: c["squad_id"] for c in confirmed["items"]}
    elsewhere = next(c for c, sq in squad_of.items() if sq != squad_of[CASE_ID])
    reviewer.go("/queue?who=confirmed")
    page.locator(f'input[name=case][value="{CASE_ID}"]').check()
    page.locator(f'input[name=case][value="{elsewhere}"]').check()
    page.get_by_label("整改要求（必填）").fill("立即停止收取现金。")
    page.get_by_role("button", name="起草", exact=True).click()
    expect(page.locator("#draft-many [role=alert]")).to_contain_text("分属不同中队")
    reviewer.shoot("queue-draft")
    page.locator(f'input[name=case][value="{elsewhere}"]').uncheck()
    page.get_by_role("button", name="起草", exact=True).click()
    page.wait_for_url("**/console/#/order/*")
    order_id = page.url.rsplit("/", 1)[-1]
    issued = api.post(f"/orders/{order_id}/issue", json={}, headers=sup)
    assert issued.status_code == 200, issued.text

    leader = Console(browser, base_url, "leader-gaosu", shots)
    page = leader.page
    expect(page.locator('nav a[href="#/orders"] .count')).to_have_text("1")
    leader.shoot("orders-badge")
    leader.go(f"/order/{order_id}")
    with page.expect_download() as got:
        page.get_by_role("button", name="打印整改通知书（PDF）").click()
    pdf = Path(got.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    for console in (supervisor, reviewer, leader):
        assert not console.errors, console.errors


def _rows(data: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    return [[c.value for c in row] for row in sheet.iter_rows()]
