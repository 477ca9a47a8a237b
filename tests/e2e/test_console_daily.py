"""The console through reviewers', the supervisor's and squad leaders' working days (issue 16,
problems 6–13), in Debian's Chromium on the real stack.

One stack for the module (the first day of eval-dev, plus a ticket written with the recorder off
and a clip whose words "现金" and "不开票" are in different segments); each test is one problem.
Accounts carry display names as a detachment sets them, so that usernames showing through is seen.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from jiancha.elastic.client import sync_client
from jiancha.embedded.stack import EmbeddedStack
from jiancha.settings import Settings
from streams.accounts.users import new_user, save_user
from tests.conftest import isolated_settings
from tests.e2e.console import (
    CASE_ID,
    EVENT_WEEK,
    Console,
    analysed,
    first_day,
    serving,
    sync_api,
)
from tests.integration.review_fixtures import ACCOUNTS

pytestmark = pytest.mark.e2e

GAP_CASE = (
    "C-ACT-990001"  # GA990001 stopped recording at 08:25, wrote a ticket at 08:30, resumed 08:40
)
SPLIT_CLIP = "REC-990001"  # "现金" in one segment, "不开票" in another
OTHER_CASE = "C-ACT-005709"  # mudan-2: "你微信转我一百，这事就算了。"
NAMES = {"supervisor": "监查中心负责人", "reviewer": "王审核", "leader-gaosu": "李中队长"}
RETURN_REASON = "汇报未说明涉事民警的处理结果，请补充停岗培训的起止日期。"
FIRST_ANSWER = "已组织全中队学习行政处罚法，现场一律不收现金。"


def _event(kind: str, data: dict[str, Any]) -> str:
    return json.dumps({"type": kind, "data": data}, ensure_ascii=False)


def _recording(n: int, start: str, end: str) -> dict[str, Any]:
    return {
        "recording_id": f"REC-99000{n}",
        "device_id": "BWC-990001",
        "device_type": "body_cam",
        "officer_ids": ["GA990001"],
        "squad_id": "gaosu-1",
        "started_at": f"2026-04-01T{start}:00+08:00",
        "ended_at": f"2026-04-01T{end}:00+08:00",
        "uploaded_at": "2026-04-01T12:00:00+08:00",
        "sha256": "0" * 64,
        "media_uri": f"media/REC-99000{n}.m4a",
    }


EXTRA = [
    _event("recording", _recording(1, "08:10", "08:25")),
    _event("recording", _recording(2, "08:40", "08:55")),
    _event(
        "transcript",
        {
            "recording_id": SPLIT_CLIP,
            "language": "zh",
            "engine": "reference",
            "segments": [
                {"start": 1.0, "end": 4.0, "speaker": "officer", "text": "您好，请出示驾驶证。"},
                {"start": 5.0, "end": 8.0, "speaker": "civilian", "text": "我身上只有现金。"},
                {"start": 9.0, "end": 12.0, "speaker": "civilian", "text": "听说交警不开票？"},
                {"start": 13.0, "end": 16.0, "speaker": "officer", "text": "罚款一律到银行缴纳。"},
            ],
        },
    ),
    _event(
        "enforcement_action",
        {
            "action_id": "ACT-990001",
            "officer_id": "GA990001",
            "officer_role": "officer",
            "co_officer_ids": [],
            "squad_id": "gaosu-1",
            "occurred_at": "2026-04-01T08:30:00+08:00",
            "plate": "鲁R·Z0001",
            "plate_region": "鲁R",
            "road_user": "small_car",
            "violation_type": "red_light",
            "measures": {
                "fine_cny": 200,
                "points": 6,
                "warning": False,
                "vehicle_detained": False,
                "license_detained": False,
            },
            "payment": {"method": "bank", "receipt_no": "SD0000000001"},
        },
    ),
]


@pytest.fixture(scope="module")
def daily_settings(
    stack: EmbeddedStack, eval_dev: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Settings]:
    data_dir = tmp_path_factory.mktemp("data")
    with isolated_settings(media_root=eval_dev, data_dir=data_dir, order_apply_timeout_s=90) as s:
        yield s


@pytest.fixture(scope="module")
def daily_url(
    daily_settings: Settings, eval_dev: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    s = daily_settings
    events = first_day(eval_dev, tmp_path_factory.mktemp("events"), EXTRA)
    with analysed(s, events, eval_dev):
        es = sync_client(s)
        try:  # display names as the detachment sets them (saved before anyone signs in)
            for username, display in NAMES.items():
                a = ACCOUNTS[username]
                user = new_user(
                    username, a.role, a.password, squad_id=a.squad_id, display_name=display
                )
                save_user(s, es, f"{s.index_prefix}-users", user)
        finally:
            es.close()
        with serving(s) as url:
            yield url


class Caller:
    """One user on the API itself, for the steps a test only needs done, not watched."""

    def __init__(self, base_url: str, username: str) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=120)
        form = {"username": username, "password": ACCOUNTS[username].password}
        token = self.http.post("/auth/token", data=form).raise_for_status().json()["access_token"]
        self.http.headers["Authorization"] = f"Bearer {token}"

    def post(self, path: str, **kwargs: Any) -> dict[str, Any]:
        resp = self.http.post(path, **kwargs)
        assert resp.status_code in (200, 201), resp.text
        return dict(resp.json())


@pytest.fixture(scope="module")
def returned_order(daily_url: str) -> dict[str, Any]:
    """CASE_ID confirmed, an order issued to gaosu-1, answered, and returned with a reason."""
    reviewer, supervisor = Caller(daily_url, "reviewer"), Caller(daily_url, "supervisor")
    leader = Caller(daily_url, "leader-gaosu")
    reason = {"decision": "confirm", "reason": "录像第 12 秒民警索要现金且称不开票，属实"}
    reviewer.post(f"/cases/{CASE_ID}/decision", json=reason)
    draft = {"case_ids": [CASE_ID], "requirements": "立即停止现场收取现金。"}
    order_id = reviewer.post("/orders", json=draft)["order_id"]
    url = f"/orders/{order_id}"
    supervisor.post(f"{url}/issue", json={})
    leader.post(f"{url}/acknowledge", json={})
    leader.post(f"{url}/answers", data={"text": FIRST_ANSWER})
    deadline = datetime.now(UTC) + timedelta(days=10)
    back = {"comment": RETURN_REASON, "deadline": deadline.isoformat()}
    order = supervisor.post(f"{url}/return", json=back)
    assert order["status"] == "returned"
    return order


def test_6_search_finds_what_reviewers_type(browser: Any, daily_url: str, shots: Path) -> None:
    expect = sync_api.expect
    reviewer = Console(browser, daily_url, "reviewer", shots)
    page = reviewer.page

    # The placeholder's own example, its words said in different segments of one clip.
    reviewer.go("/search")
    expect(page.get_by_label("全文（转写、问题说明、证据摘录）")).to_have_attribute(
        "placeholder", re.compile("现金 不开票")
    )
    page.get_by_label("全文（转写、问题说明、证据摘录）").fill("现金 不开票")
    page.get_by_role("button", name="检索", exact=True).click()
    reviewer.settled()
    split = page.locator(f'[data-clip="{SPLIT_CLIP}"]')
    expect(split).to_be_visible()
    expect(split.locator("em")).to_have_text(["现金", "不开票"])
    reviewer.shoot("daily-search")

    # Traditional characters find the Simplified transcript.
    reviewer.go("/search?q=現金")
    expect(page.locator('[data-clip="REC-005702"]')).to_be_visible()

    # OR, however it is written.
    for either in ("微信 | 现金给我", "微信｜现金给我", "微信 或 现金给我", "微信 OR 现金给我"):
        reviewer.go(f"/search?q={either}")
        expect(page.locator('[data-clip="REC-005702"]')).to_be_visible()
        expect(page.locator('[data-clip="REC-005710"]')).to_be_visible()
        expect(page.locator(f'[data-case="{OTHER_CASE}"]')).to_be_visible()

    # Officer ids in lower case, with spaces, or just their start; squads by Chinese name.
    for officer in ("ga403677", "GA 4036", "ga4"):
        reviewer.go("/search")
        page.get_by_label("民警（姓名或编号）").fill(officer)
        page.get_by_role("button", name="检索", exact=True).click()
        reviewer.settled()
        expect(page.locator(f'[data-case="{CASE_ID}"]')).to_be_visible()
    reviewer.go("/search")
    page.get_by_label("中队").fill("高速一中队")
    page.get_by_role("button", name="检索", exact=True).click()
    reviewer.settled()
    expect(page.locator(f'[data-case="{CASE_ID}"]')).to_be_visible()
    expect(page.locator(f'[data-case="{OTHER_CASE}"]')).to_have_count(0)
    expect(page.locator(f'[data-case="{CASE_ID}"]')).to_contain_text("高速一中队")
    reviewer.go("/search?squad_id=牡丹区二中队")
    expect(page.locator(f'[data-case="{OTHER_CASE}"]')).to_be_visible()
    reviewer.close()


def test_7_transcript_hits_page_and_open_their_case(
    browser: Any, daily_url: str, shots: Path
) -> None:
    expect = sync_api.expect
    reviewer = Console(browser, daily_url, "reviewer", shots)
    page = reviewer.page
    reviewer.go("/search?q=驾驶证")
    count = page.locator("#clip-count").inner_text()
    total = int(re.search(r"共 (\d+) 段", count)[1])  # type: ignore[index]
    assert total > 10, count
    pages = page.get_by_role("navigation", name="转写命中翻页")
    expect(pages).to_contain_text("第 1 /")
    first_page = page.locator("#clip-results > li").first.get_attribute("data-clip")
    pages.get_by_role("button", name="下一页").click()
    reviewer.settled()
    expect(page.get_by_role("navigation", name="转写命中翻页")).to_contain_text("第 2 /")
    assert page.locator("#clip-results > li").first.get_attribute("data-clip") != first_page

    reviewer.go("/search?q=现金给我")
    link = page.locator('[data-clip="REC-005702"]').get_by_role("link", name=CASE_ID)
    reviewer.shoot("daily-clip-hits")
    link.click()
    reviewer.settled()
    expect(page.locator("h1")).to_have_text(f"案件 {CASE_ID}")
    reviewer.close()


def test_8_a_returned_report_says_why_and_offers_the_previous_one(
    browser: Any, daily_url: str, shots: Path, returned_order: dict[str, Any]
) -> None:
    expect = sync_api.expect
    leader = Console(browser, daily_url, "leader-gaosu", shots)
    leader.go(f"/order/{returned_order['order_id']}")
    page = leader.page
    banner = page.locator("#returned")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("退回")
    expect(banner).to_contain_text(RETURN_REASON)
    expect(page.get_by_label("整改汇报（必填）")).to_have_value(FIRST_ANSWER)
    expect(page.get_by_role("button", name="重新提交整改汇报")).to_be_visible()
    leader.shoot("daily-returned")
    leader.close()


def test_9_no_raw_system_text_reaches_users(
    browser: Any, daily_url: str, shots: Path, returned_order: dict[str, Any]
) -> None:
    expect = sync_api.expect
    reviewer = Console(browser, daily_url, "reviewer", shots)
    page = reviewer.page
    reviewer.go(f"/case/{CASE_ID}")
    facts = page.locator("#facts").locator("..")
    expect(facts).to_contain_text("罚没收据编号：未填写")
    expect(facts).not_to_contain_text("receipt_no")
    expect(facts).not_to_contain_text("null")
    expect(facts).to_contain_text("高速一中队")
    expect(page.locator("#decision")).to_contain_text(NAMES["reviewer"])  # who decided
    expect(page.locator("#decision")).not_to_contain_text("reviewer")
    requirements = page.get_by_label("整改要求（必填）")
    expect(requirements).to_have_value(re.compile("^针对高速一中队民警"))

    reviewer.go(f"/case/{GAP_CASE}")  # field evidence with a timestamp: in Beijing time, in words
    expect(page.locator("#facts").locator("..")).to_contain_text("开单时间：2026-04-01 08:30")
    expect(page.locator("#view")).not_to_contain_text("T08:30:00")

    reviewer.go(f"/order/{returned_order['order_id']}")  # history by display name
    expect(page.locator(".timeline")).to_contain_text(NAMES["supervisor"])
    expect(page.locator(".timeline")).to_contain_text(NAMES["leader-gaosu"])
    expect(page.locator(".timeline")).not_to_contain_text("leader-gaosu")

    # The printed bulletin: squads by name, no system name in its footer.
    supervisor = Console(browser, daily_url, "supervisor", shots)
    sp = supervisor.page
    supervisor.go("/bulletins")
    week = sp.get_by_label("汇编周次")
    for _ in range(5):  # Chromium's week input now and then drops a filled value
        week.fill(EVENT_WEEK)
        if week.input_value() == EVENT_WEEK:
            break
        sp.wait_for_timeout(200)
    expect(week).to_have_value(EVENT_WEEK)
    sp.get_by_role("button", name="汇编（或重新汇编）").click()
    expect(sp.locator("#toast")).to_contain_text("已汇编", timeout=180_000)
    for _ in range(10):  # the list is read back from Elasticsearch: it may lag the compile
        supervisor.go("/bulletins")
        if sp.locator(f'tr[data-week="{EVENT_WEEK}"]').count():
            break
        sp.wait_for_timeout(1000)
    supervisor.go(f"/bulletin/{EVENT_WEEK}")
    body = sp.frame_locator("iframe.bulletin").locator("body")
    expect(body).to_contain_text("高速一中队")
    expect(body).not_to_contain_text("gaosu-1")
    expect(body).not_to_contain_text("jiancha")
    supervisor.shoot("daily-bulletin")
    reviewer.close()
    supervisor.close()


def test_10_wording(
    browser: Any, daily_url: str, shots: Path, returned_order: dict[str, Any]
) -> None:
    expect = sync_api.expect
    # A display name that is the role itself is not said twice.
    supervisor = Console(browser, daily_url, "supervisor", shots)
    expect(supervisor.page.locator("#who")).to_have_text("监查中心负责人")

    # The overview says what 名次 1 means.
    supervisor.go(f"/overview?week={EVENT_WEEK}")
    expect(supervisor.page.locator("#rank-note")).to_contain_text("第 1 名是问题最突出的中队")

    # "案件已确认", not "案件已已确认".
    reviewer = Console(browser, daily_url, "reviewer", shots)
    page = reviewer.page
    reviewer.go(f"/case/{OTHER_CASE}")
    page.get_by_label("确认（问题属实）").check()
    page.get_by_label("理由（必填）").fill("录像第 12 秒民警要求微信转账，属实")
    page.get_by_role("button", name="提交审核决定").click()
    expect(page.locator("#toast")).to_have_text("案件已确认")

    # Seconds with one decimal, as the explanations write them; time left to the hour.
    reviewer.go(f"/case/{CASE_ID}")
    expect(page.locator(".jump").first).to_have_text(re.compile(r"第 \d+\.\d 秒$"))
    helpers = page.evaluate(
        """async () => {
            const ui = await import("/console/ui.js");
            return [ui.seconds(11.16), ui.remaining(5 + 4 / 24), ui.remaining(6.9995)];
        }"""
    )
    assert helpers == ["11.2", "5 天 4 小时", "7 天"]
    deadline = datetime.fromisoformat(returned_order["deadline"])
    leader = Console(
        browser, daily_url, "leader-gaosu", shots, deadline - timedelta(days=5, hours=4)
    )
    row = leader.page.locator(f'tr[data-order="{returned_order["order_id"]}"]')
    expect(row).to_contain_text("剩 5 天 4 小时")

    # A server fault is not the user's network.
    searches = lambda url: "/cases?" in url  # noqa: E731
    page.route(searches, lambda route: route.fulfill(status=502, body="Bad Gateway"))
    reviewer.go("/search?q=现金")
    expect(page.locator("#cases [role=alert]")).to_have_text("服务暂时不可用，请稍后再试")
    page.unroute(searches)
    page.route(searches, lambda route: route.abort())
    reviewer.go("/search?q=现金给我")
    expect(page.locator("#cases [role=alert]")).to_have_text("服务暂时不可用，请稍后再试")
    page.unroute(searches)
    supervisor.close()
    reviewer.close()
    leader.close()


def test_11_a_recorder_off_case_shows_the_recordings_around_the_gap(
    browser: Any, daily_url: str, shots: Path
) -> None:
    expect = sync_api.expect
    reviewer = Console(browser, daily_url, "reviewer", shots)
    page = reviewer.page
    reviewer.go(f"/case/{GAP_CASE}")
    expect(page.locator("#clips")).not_to_contain_text("本案件没有关联录像")
    expect(page.locator('[data-clip="REC-990001"] h2')).to_contain_text("开单前的录像")
    expect(page.locator('[data-clip="REC-990002"] h2')).to_contain_text("开单后的录像")
    expect(page.locator('[data-clip="REC-990001"]')).to_contain_text("08:10 至 08:25")
    reviewer.shoot("daily-gap")
    reviewer.close()


def test_12_overview_opens_on_data_explains_and_leads_to_the_cases(
    browser: Any, daily_url: str, shots: Path
) -> None:
    expect = sync_api.expect
    supervisor = Console(browser, daily_url, "supervisor", shots)
    page = supervisor.page
    supervisor.go("/overview")
    expect(page.get_by_label("周次（ISO 周）")).to_have_value(EVENT_WEEK)
    expect(page.locator("#basis")).to_contain_text("整改通知按")
    expect(page.locator("#basis")).to_contain_text("发生时间")
    pending = supervisor.kpi("pending")
    supervisor.shoot("daily-overview")
    page.locator('[data-kpi="pending"]').click()
    supervisor.settled()
    expect(page.locator("h1")).to_have_text("案件检索")
    expect(page.get_by_label("审核状态")).to_have_value("pending")
    expect(page.locator("#case-count")).to_have_text(f"案件（共 {pending} 件）")
    supervisor.close()


def test_13_no_dead_ends(
    browser: Any, daily_url: str, shots: Path, returned_order: dict[str, Any]
) -> None:
    expect = sync_api.expect
    reviewer = Console(browser, daily_url, "reviewer", shots)
    page = reviewer.page

    # A case that does not exist still has a way back.
    reviewer.go("/case/C-ACT-NOPE")
    expect(page.locator("[role=alert]")).to_contain_text("案件不存在")
    page.get_by_role("link", name="← 返回案件检索").click()
    reviewer.settled()
    expect(page.locator("h1")).to_have_text("案件检索")

    # The keyboard reaches the first result in two presses.
    reviewer.go("/search?q=现金")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("跳到检索结果")
    page.keyboard.press("Enter")
    expect(page.locator(":focus")).to_have_attribute("href", re.compile("^#/case/"))

    # Back from a case returns to the same place in the list.
    page.set_viewport_size({"width": 1280, "height": 500})
    reviewer.go("/search")
    last = page.locator("#case-results > li a").last
    last.scroll_into_view_if_needed()
    y = page.evaluate("() => window.scrollY")
    assert y > 100, y
    last.click()
    reviewer.settled()
    page.go_back()
    reviewer.settled()
    page.wait_for_function("y => Math.abs(window.scrollY - y) < 5", arg=y)

    # A squad leader's way back from a case is his orders board, not the search he cannot use.
    leader = Console(browser, daily_url, "leader-gaosu", shots)
    leader.go(f"/case/{CASE_ID}")
    leader.page.get_by_role("link", name="← 返回整改通知").click()
    leader.settled()
    expect(leader.page.locator("h1")).to_have_text("本中队整改通知（高速一中队）")
    reviewer.close()
    leader.close()
