"""Issue 16, problem 1, in Chromium on the real stack: drafting an order while the worker is down.

The reviewer confirms a case (after a confirmation), stops nothing but the worker goes down;
起草 answers 待生效 at once (the API's wait is short here), the state survives a reload, a
second submission reuses the draft's Idempotency-Key; when the worker is back the page finds the
draft by itself, exactly one. Then the draft is edited and withdrawn (each an event on Kafka,
audited), after a confirmation; the withdrawn draft can never be issued; and the supervisor
reverses the decision (复核改判: an event on Kafka, audited).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from jiancha import topics
from jiancha.settings import Settings
from tests.e2e.console import CASE_ID, Console, Workers, sync_api
from tests.kafka_tools import read_topic

pytestmark = pytest.mark.e2e


@pytest.fixture
def console_settings(console_settings: Settings) -> Settings:
    """The harness's settings with a short wait for the worker: 202 comes after 3 s."""
    return console_settings.model_copy(update={"order_apply_timeout_s": 3})


def test_drafting_while_the_worker_is_down_then_edit_and_withdraw(
    browser: Any, base_url: str, shots: Path, stack_with_cases: Workers, console_settings: Settings
) -> None:
    expect = sync_api.expect
    reviewer = Console(browser, base_url, "reviewer", shots)
    page = reviewer.page
    reviewer.go(f"/case/{CASE_ID}")
    page.get_by_label("确认（问题属实）").check()
    page.get_by_label("理由（必填）").fill("录像第 12 秒民警索要现金且称不开票，属实")
    page.get_by_role("button", name="提交审核决定").click()
    expect(page.locator("#facts .badge").first).to_have_text("已确认")
    assert any("只能由负责人复核改判" in d for d in reviewer.dialogs), reviewer.dialogs

    # The worker goes down: 起草 is accepted on Kafka and shown 待生效, not lost, not repeatable.
    stack_with_cases.stop("worker")
    page.get_by_label("整改要求（必填）").fill("立即停止现场收取现金；组织全员学习行政处罚法。")
    page.get_by_role("button", name="起草", exact=True).click()
    pending = page.locator("#case-orders [data-pending]")
    expect(pending).to_contain_text("待生效", timeout=60_000)
    expect(page.locator("#draft")).to_have_count(0)  # no second draft form to breed a duplicate
    reviewer.go(f"/case/{CASE_ID}")  # a refresh: the pending draft is still there
    expect(pending).to_contain_text("待生效")
    expect(pending).to_contain_text("无需重复起草")
    reviewer.shoot("draft-pending")
    page.get_by_role("button", name="重新提交（不会重复）").click()  # the same key again
    expect(page.get_by_role("button", name="重新提交（不会重复）")).to_be_enabled(timeout=60_000)

    # The worker is back: the page finds the draft by itself, and there is exactly one.
    stack_with_cases.start("worker")
    drafted = page.locator("#case-orders [data-order]")
    expect(drafted).to_have_count(1, timeout=240_000)
    expect(pending).to_have_count(0)
    drafted.locator("a").click()
    reviewer.settled()
    order_id = page.url.rsplit("/", 1)[-1]
    expect(page.locator("h2").first).to_contain_text("草稿")

    # Edit the draft, then withdraw it (after a confirmation): each an event, each audited.
    page.get_by_label("整改要求（必填）").fill("修改后：立即停止现场收取现金，一周内书面汇报。")
    page.get_by_role("button", name="保存修改").click()
    expect(page.locator("p.pre").first).to_contain_text("修改后", timeout=120_000)
    expect(page.locator(".timeline")).to_contain_text("修改草稿")
    page.get_by_label("撤回理由（必填）").fill("与中队另一份通知书重复，撤回")
    page.get_by_role("button", name="撤回草稿").click()
    expect(page.locator("h2").first).to_contain_text("已撤回", timeout=120_000)
    assert any("不能再下发" in d for d in reviewer.dialogs), reviewer.dialogs
    reviewer.shoot("order-withdrawn")

    supervisor = Console(browser, base_url, "supervisor", shots)
    supervisor.go(f"/order/{order_id}")
    expect(supervisor.page.locator("#actions")).to_contain_text("草稿已撤回，不再下发")
    expect(supervisor.page.get_by_role("button", name="下发")).to_have_count(0)

    # The supervisor reviews the decision and reverses it (no order stands on the case now).
    supervisor.go(f"/case/{CASE_ID}")
    sp = supervisor.page
    sp.locator("#decision summary").click()
    sp.get_by_label("改判理由（必填）").fill("复核录像：所称现金为找零，问题不属实")
    sp.get_by_role("button", name="改判为排除（不属实）").click()
    expect(sp.locator("#facts .badge").first).to_have_text("已排除")
    expect(sp.locator("#decision .timeline")).to_contain_text("复核改判")
    assert any("确定改判" in d for d in supervisor.dialogs), supervisor.dialogs
    supervisor.shoot("case-reversed")
    case_events = read_topic(console_settings, topics.CASE_EVENTS)
    decided = [e for e in case_events if e["case_id"] == CASE_ID]
    assert [e["to_status"] for e in decided] == ["confirmed", "dismissed"]
    assert decided[1]["reverses"] == decided[0]["event_id"]

    events = read_topic(console_settings, topics.RECTIFICATION_EVENTS)
    mine = [e["type"] for e in events if e["order_id"] == order_id]
    assert mine.count("OrderDrafted") == 2  # sent twice under one key …
    assert len({e["event_id"] for e in events if e["order_id"] == order_id}) == 3  # … one event
    assert mine[-2:] == ["OrderRevised", "OrderWithdrawn"]
    audited = [a["action"] for a in read_topic(console_settings, topics.AUDIT)]
    assert {"orders.draft", "orders.revise", "orders.withdraw", "cases.reverse"} <= set(audited)
    for who in (reviewer, supervisor):
        assert who.errors == [], who.errors
        who.context.close()
