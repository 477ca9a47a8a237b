"""Issue 16, problems 2–5, in Chromium on the real stack (one test per problem).

2. 《监察专刊》: weeks not begun, before the data or empty are refused before a number is taken;
   重新汇编 asks first; the supervisor voids an issue (an event on Kafka, audited), it stays listed
   as 作废 and its number is not given again.
3. Sessions: a new tab shares the session; an expired session keeps the page and the typed reason
   across the re-sign-in; a token in use is renewed (audited).
4. A missing recording: no server path, ``media_available: false``, 录像文件缺失, play disabled.
5. Long text: the counter states the limit, nothing is cut, the API refuses with a Chinese 422.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from jiancha import topics
from jiancha.settings import Settings
from streams.bulletin.stats import IsoWeek
from tests.e2e.console import CASE_ID, EVENT_WEEK, Console, sync_api
from tests.kafka_tools import read_topic

pytestmark = pytest.mark.e2e

MISSING_CASE = "C-ACT-005709"  # REC-005710 ("你微信转我一百") is indexed, its file not in eval-dev
MISSING_REC = "REC-005710"


def _api(page: Any, method: str, path: str, body: Any = None) -> Any:
    """A request with this tab's token, as the console sends it: {status, body}."""
    return page.evaluate(
        """async ([method, path, body]) => {
          const headers = { Authorization: `Bearer ${sessionStorage.getItem("jiancha.token")}` };
          if (body !== null) headers["Content-Type"] = "application/json";
          const sent = body === null ? undefined : JSON.stringify(body);
          const r = await fetch(path, { method, headers, body: sent });
          return { status: r.status, body: await r.json() };
        }""",
        [method, path, body],
    )


def test_bulletin_weeks_are_checked_and_an_issue_is_voided(
    browser: Any, base_url: str, shots: Path, console_settings: Settings
) -> None:
    expect = sync_api.expect
    supervisor = Console(browser, base_url, "supervisor", shots)
    page = supervisor.page
    supervisor.go("/bulletins")
    week = page.get_by_label("汇编周次")
    compile_ = page.get_by_role("button", name="汇编（或重新汇编）")
    alert = page.locator("#compile [role=alert]")
    refusals = {
        str(IsoWeek.containing(datetime.now(UTC)).shifted(2)): "尚未开始",
        "2025-W10": "早于系统数据",
        "2026-W30": "不汇编空刊",
    }
    for refused, why in refusals.items():
        week.fill(refused)
        compile_.click()
        expect(alert).to_contain_text(why)
    expect(page.locator("#list .empty")).to_be_visible()  # no number was taken

    week.fill(EVENT_WEEK)
    compile_.click()
    row = page.locator(f'tr[data-week="{EVENT_WEEK}"]:not([data-voided])')
    expect(row).to_contain_text("第1期", timeout=120_000)
    week.fill(EVENT_WEEK)
    # the first compilation's toast may still show: cleared, so the one awaited is this one's (a
    # void sent while it still ran was refused by the API, 409, and the test went on too early)
    page.evaluate("document.getElementById('toast').textContent = ''")
    compile_.click()  # 重新汇编: asked first, keeps its number
    expect(page.locator("#toast")).to_contain_text("已汇编", timeout=120_000)
    assert any("重新汇编将以当前数据替换" in d for d in supervisor.dialogs), supervisor.dialogs
    expect(row).to_contain_text("第1期")

    row.locator("summary").click()
    row.get_by_label("作废理由（必填）").fill("典型案例数据有误，作废重印")
    row.get_by_role("button", name="作废本期").click()
    voided = page.locator(f'tr[data-week="{EVENT_WEEK}"][data-voided]')
    expect(voided).to_contain_text("作废")
    expect(voided).to_contain_text("典型案例数据有误")
    assert any("期号不再使用" in d for d in supervisor.dialogs), supervisor.dialogs
    week.fill(EVENT_WEEK)
    compile_.click()  # the week anew: the next number, the voided one kept
    expect(row).to_contain_text("第2期", timeout=120_000)
    expect(voided).to_contain_text("第1期")
    supervisor.shoot("bulletins-voided")

    (event,) = read_topic(console_settings, topics.BULLETIN_EVENTS)
    assert (event["week"], event["issue_no"], event["voided_by"]) == (EVENT_WEEK, 1, "supervisor")
    audited = read_topic(console_settings, topics.AUDIT)
    assert [a["target"] for a in audited if a["action"] == "bulletins.void"] == [EVENT_WEEK]
    reviewer = Console(browser, base_url, "reviewer", shots)  # only the supervisor voids
    tried = _api(reviewer.page, "POST", f"/bulletins/{EVENT_WEEK}/void", {"reason": "x"})
    assert tried["status"] == 403
    for who in (supervisor, reviewer):
        assert who.errors == [], who.errors
        who.context.close()


def test_a_session_survives_expiry_and_new_tabs(
    browser: Any, base_url: str, shots: Path, console_settings: Settings
) -> None:
    expect = sync_api.expect
    reviewer = Console(browser, base_url, "reviewer", shots)
    page = reviewer.page

    # A new tab shares the session: no second sign-in.
    tab = reviewer.context.new_page()
    tab.goto(f"{base_url}/console/#/search")
    expect(tab.locator("#who")).not_to_be_empty()
    expect(tab.get_by_label("密码")).to_have_count(0)
    tab.close()

    # Typing a reason when the session expires: signing in again returns to the case, text kept.
    reviewer.go(f"/case/{CASE_ID}")
    reason = "录像第 12 秒民警索要现金且称不开票，属实。" * 3
    page.get_by_label("确认（问题属实）").check()
    page.get_by_label("理由（必填）").fill(reason)
    page.evaluate("() => sessionStorage.setItem('jiancha.token', 'expired.token.here')")
    page.get_by_role("button", name="提交审核决定").click()
    expect(page.get_by_role("alert")).to_contain_text("登录已失效")
    reviewer.shoot("session-expired")
    reviewer.sign_in()
    reviewer.settled()
    assert page.url.endswith(f"#/case/{CASE_ID}"), page.url
    expect(page.get_by_label("理由（必填）")).to_have_value(reason)
    expect(page.get_by_label("确认（问题属实）")).to_be_checked()
    page.get_by_role("button", name="提交审核决定").click()
    expect(page.locator("#facts .badge").first).to_have_text("已确认")

    # A token in use is renewed: a browser whose clock is 20 of 30 minutes on asks for a new one.
    ahead = datetime.now(UTC) + timedelta(minutes=20)
    later = Console(browser, base_url, "supervisor", shots, ahead)
    later.go("/orders")

    def renewed() -> list[dict[str, Any]]:
        audited = read_topic(console_settings, topics.AUDIT, idle_s=1)
        return [a for a in audited if a["action"] == "auth.refresh"]

    for _ in range(30):
        if renewed():
            break
        later.page.wait_for_timeout(1000)
    assert [a["actor"] for a in renewed()][:1] == ["supervisor"]
    later.go("/bulletins")  # the renewed token works
    expect(later.page.locator("h1")).to_have_text("《监察专刊》")
    for who in (reviewer, later):
        assert who.errors == [], who.errors
        who.context.close()


def test_a_missing_recording_is_said_and_long_text_is_never_cut(
    browser: Any, base_url: str, shots: Path
) -> None:
    expect = sync_api.expect
    reviewer = Console(browser, base_url, "reviewer", shots)
    page = reviewer.page
    reviewer.go(f"/case/{MISSING_CASE}")
    card = page.locator(f'[data-clip="{MISSING_REC}"]')
    expect(card.locator("[role=alert]")).to_contain_text("录像文件缺失")
    expect(card.locator(".transcript button").first).to_be_disabled()
    expect(page.locator(f'.jump[data-rec="{MISSING_REC}"]').first).to_be_disabled()
    expect(page.locator("body")).not_to_contain_text(".m4a")  # no server path, no file name
    detail = _api(page, "GET", f"/cases/{MISSING_CASE}")["body"]
    assert [c["media_available"] for c in detail["clips"]] == [False]
    media = _api(page, "GET", f"/clips/{MISSING_REC}/media")
    assert media["status"] == 404 and "/" not in media["body"]["detail"]
    reviewer.shoot("case-media-missing")

    # 3,840 characters pasted: counted, refused in words, nothing cut; the API says the same.
    long = ("录像第十二秒民警要求微信转账一百元，不开票据，属实。" * 200)[:3840]
    page.get_by_label("确认（问题属实）").check()
    page.get_by_label("理由（必填）").fill(long)
    expect(page.locator("#decision .counter")).to_contain_text("超出上限 1840 字")
    page.get_by_role("button", name="提交审核决定").click()
    expect(page.locator("#decision [role=alert]")).to_contain_text("最多 2000 字，现为 3840 字")
    assert len(page.get_by_label("理由（必填）").input_value()) == 3840
    expect(page.locator("#facts .badge").first).to_have_text("待审核")
    reviewer.shoot("case-long-reason")
    refused = _api(
        page, "POST", f"/cases/{MISSING_CASE}/decision", {"decision": "confirm", "reason": long}
    )
    assert refused["status"] == 422
    assert "最多 2000 字，现为 3840 字" in refused["body"]["errors"][0]["message"]
    assert reviewer.errors == [], reviewer.errors
    reviewer.context.close()
