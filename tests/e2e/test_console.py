"""The web console in Debian's Chromium, on the real stack (Kafka, Elasticsearch, worker, analyzer).

The story of issue 7: a reviewer finds a case by a phrase of its transcript (现金), plays the
recording at the flagged second, confirms the case and drafts an order; the supervisor issues it;
the squad leader acknowledges and answers with an attachment; the supervisor accepts; the
overview's numbers move with each step. Screenshots of every page at 1280 px and 768 px go to
``$JIANCHA_SCREENSHOTS`` (``docs/`` for the README) or to the test's temporary folder.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from jiancha.settings import Settings
from streams.bulletin.stats import IsoWeek
from tests.e2e.console import CASE_ID, EVENT_WEEK, FLAGGED_SECOND, Console, shoot, sync_api

pytestmark = pytest.mark.e2e


def test_review_to_accepted_order_in_the_browser(
    browser: Any, base_url: str, shots: Path, console_settings: Settings
) -> None:
    expect = sync_api.expect
    this_week = str(IsoWeek.containing(datetime.now(UTC)))
    supervisor = Console(browser, base_url, "supervisor", shots)
    before = supervisor.overview(EVENT_WEEK)
    before_now = supervisor.overview(this_week)

    # A wrong password is refused in Chinese; the form is reachable by keyboard alone.
    stranger = browser.new_page(viewport={"width": 1280, "height": 900})
    stranger.goto(base_url + "/")
    expect(stranger.get_by_label("用户名")).to_be_focused()
    stranger.keyboard.type("reviewer")
    stranger.keyboard.press("Tab")
    stranger.keyboard.type("not-the-password")
    stranger.keyboard.press("Enter")
    expect(stranger.get_by_role("alert")).to_have_text("用户名或密码错误")
    shoot(stranger, shots, "login")
    stranger.close()

    # The reviewer searches a phrase of the transcript: the case, and the highlighted clip hit.
    reviewer = Console(browser, base_url, "reviewer", shots)
    page = reviewer.page
    expect(page.locator("h1")).to_have_text("案件检索")
    reviewer.go("/search?q=" + "查无此句")
    expect(page.locator("#cases .empty")).to_contain_text("没有符合条件的案件")
    expect(page.locator("#clips .empty")).to_contain_text("没有命中")
    page.get_by_label("全文（转写、问题说明、证据摘录）").fill("现金")
    page.get_by_role("button", name="检索", exact=True).click()
    reviewer.settled()
    expect(page.locator(f'[data-case="{CASE_ID}"]')).to_be_visible()
    expect(page.locator('[data-clip="REC-005702"] em').first).to_have_text("现金")
    expect(page.locator("#facets")).to_contain_text("收现不开票")
    reviewer.shoot("search")

    # The case: the player opens at the flagged second; the evidence button jumps to it.
    page.locator(f'[data-case="{CASE_ID}"] a').first.click()
    reviewer.settled()
    audio = page.locator("#player-REC-005702")
    expect(audio).to_have_attribute("src", re.compile("^blob:"))
    page.wait_for_function("() => document.querySelector('#player-REC-005702').readyState >= 1")
    page.locator(".transcript li").first.locator("button").click()
    page.wait_for_function("() => document.querySelector('#player-REC-005702').currentTime < 5")
    page.locator('.jump[data-rec="REC-005702"]').first.focus()
    page.keyboard.press("Enter")  # keyboard users jump to the flagged second too
    page.wait_for_function("() => document.querySelector('#player-REC-005702').currentTime >= 12.3")
    position = audio.evaluate("a => a.currentTime")
    assert FLAGGED_SECOND - 0.1 <= position < FLAGGED_SECOND + 2.0, position
    expect(page.locator(".transcript li.evidence mark")).to_contain_text("现金给我就行")
    audio.evaluate("a => a.pause()")
    reviewer.shoot("case")

    # Confirm with a reason, then draft an order.
    page.get_by_label("确认（问题属实）").check()
    page.get_by_role("button", name="提交审核决定").click()
    expect(page.locator("#decision [role=alert]")).to_have_text("请填写理由")
    page.get_by_label("理由（必填）").fill("录像第 12 秒民警索要现金且称不开票，属实")
    page.get_by_role("button", name="提交审核决定").click()
    expect(page.locator("#facts .badge").first).to_have_text("已确认")
    page.get_by_label("整改要求（必填）").fill(
        "立即停止现场收取现金；组织全员学习行政处罚法第六十八条、第七十条。"
    )
    page.get_by_role("button", name="起草", exact=True).click()
    page.wait_for_url(re.compile(r"#/order/ZG-"))
    reviewer.settled()
    order_id = page.url.rsplit("/", 1)[-1]
    expect(page.locator("h2").first).to_contain_text("草稿")

    # The supervisor issues it.
    supervisor.go(f"/order/{order_id}")
    supervisor.shoot("order-draft")
    supervisor.page.get_by_role("button", name="下发").click()
    expect(supervisor.page.locator("h2").first).to_contain_text("已下发")

    # Eight days on, the board says plainly that the order is overdue (the browser's clock).
    later = Console(browser, base_url, "leader-gaosu", shots, datetime.now(UTC) + timedelta(days=8))
    late_row = later.page.locator(f'tr[data-order="{order_id}"]')
    expect(late_row).to_contain_text("已逾期 1 天")
    expect(late_row.locator(".badge.overdue")).to_have_text("逾期")
    expect(later.page.locator("#order-list")).to_contain_text("1 份已逾期未汇报")
    later.shoot("orders-overdue")
    later.context.close()

    # The squad leader sees it on his board with its deadline; acknowledges; answers.
    leader = Console(browser, base_url, "leader-gaosu", shots)
    lp = leader.page
    expect(lp.locator("h1")).to_have_text("本中队整改通知（高速一中队）")
    row = lp.locator(f'tr[data-order="{order_id}"]')
    expect(row).to_contain_text("已下发")
    expect(row).to_contain_text("剩 7 天")
    leader.shoot("orders-board")
    row.locator("a").click()
    leader.settled()
    lp.get_by_role("button", name="签收").click()
    expect(lp.locator("h2").first).to_contain_text("已签收")
    lp.get_by_label("整改汇报（必填）").fill(
        "已组织全中队学习，涉事民警停岗培训，现场一律不收现金。"
    )
    pdf = b"%PDF-1.7\n" + "整改学习记录".encode() * 100 + b"\n%%EOF\n"
    lp.get_by_label("附件（PDF、图片、Word、Excel、MP4）").set_input_files(
        {"name": "学习记录.pdf", "mimeType": "application/pdf", "buffer": pdf}
    )
    lp.get_by_role("button", name="提交整改汇报").click()
    expect(lp.locator("h2").first).to_contain_text("已汇报")
    expect(lp.locator(".answer")).to_contain_text("学习记录.pdf")
    leader.shoot("order-answered")
    # His squad only: no case search, and another squad's order is not found.
    assert lp.locator("#nav").inner_text().split() == ["整改通知", "随机抽查", "专刊", "月度考核"]

    # The supervisor accepts; the attachment downloads.
    supervisor.go(f"/order/{order_id}")
    with supervisor.page.expect_download() as got:
        supervisor.page.get_by_role("button", name=re.compile("学习记录.pdf")).click()
    assert got.value.suggested_filename == "学习记录.pdf"
    supervisor.page.get_by_role("button", name="验收通过").click()
    expect(supervisor.page.locator("h2").first).to_contain_text("已验收")

    # The overview moves accordingly: the case's week and this week (when the order was issued).
    after = supervisor.overview(EVENT_WEEK)
    assert after["confirmed"] == before["confirmed"] + 1
    assert after["pending"] == before["pending"] - 1
    assert after["cases"] == before["cases"]
    supervisor.shoot("overview")
    after_now = supervisor.overview(this_week)
    assert after_now["orders-issued"] == before_now["orders-issued"] + 1
    assert after_now["orders-accepted"] == before_now["orders-accepted"] + 1

    # 专刊: the supervisor compiles the week, reads it and downloads the PDF.
    supervisor.go("/bulletins")
    supervisor.page.get_by_label("汇编周次").fill(EVENT_WEEK)
    expect(supervisor.page.get_by_label("汇编周次")).to_have_value(EVENT_WEEK)
    supervisor.page.get_by_role("button", name="汇编（或重新汇编）").click()
    row = supervisor.page.locator(f'tr[data-week="{EVENT_WEEK}"]')
    expect(row).to_be_visible(timeout=120_000)
    supervisor.shoot("bulletins")
    with supervisor.page.expect_download() as got:
        row.get_by_role("button", name="下载 PDF").click()
    assert got.value.suggested_filename == f"监察专刊-{EVENT_WEEK}.pdf"
    row.get_by_role("link", name="在线阅读").click()
    supervisor.settled()
    frame = supervisor.page.frame_locator("iframe.bulletin")
    expect(frame.locator("body")).to_contain_text("监察专刊")
    supervisor.shoot("bulletin")

    # Squad-leader and unauthenticated views; errors in Chinese.
    leader.go(f"/order/{order_id}")
    expect(lp.locator("h2").first).to_contain_text("已验收")
    leader.go(f"/case/{CASE_ID}")  # the evidence behind his order, recording included
    expect(lp.locator("#player-REC-005702")).to_have_attribute("src", re.compile("^blob:"))
    leader.go("/order/ZG-20260101-nope")
    expect(lp.locator("[role=alert]")).to_contain_text("不存在")

    for who in (supervisor, reviewer, leader):
        assert who.errors == [], who.errors
        who.context.close()
