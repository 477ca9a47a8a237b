"""Names, not ids, and the admin pages in the browser (issue 16).

The harness seeds eval-dev's directory (generated names). A reviewer reads squads and officers by
name in the results and the case, and finds them by typing part of a name (autocomplete); the
admin creates a squad leader, resets and disables him, reads the trail of it in the audit log,
sees the policies, and renames a squad in the directory, which every page then shows.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from jiancha.synthetic.names import person_name
from tests.e2e.console import CASE_ID, Console, sync_api

pytestmark = pytest.mark.e2e

OFFICER = "GA403677"  # the officer of CASE_ID, in squad gaosu-1 (高速一中队)


def test_names_everywhere_and_the_admin_pages(browser: Any, base_url: str, shots: Path) -> None:
    expect = sync_api.expect
    name = person_name(OFFICER)

    reviewer = Console(browser, base_url, "reviewer", shots)
    page = reviewer.page
    reviewer.go("/search?q=现金")
    row = page.locator(f'[data-case="{CASE_ID}"]')
    expect(row).to_contain_text("高速一中队")
    expect(row).to_contain_text(f"{name}（{OFFICER}）")
    expect(page.locator("#facets")).to_contain_text("牡丹区二中队")
    # part of the name, as typed: suggestions, then the name in full finds the officer's cases
    page.get_by_label("民警（姓名或编号）").fill(name[1:])
    expect(page.locator(f'datalist option[value="{OFFICER}"]')).to_have_count(1)
    page.get_by_label("民警（姓名或编号）").fill(name)
    page.get_by_role("button", name="检索", exact=True).click()
    reviewer.settled()
    assert f"officer_id={OFFICER}" in page.url
    expect(page.locator(f'[data-case="{CASE_ID}"]')).to_be_visible()
    reviewer.shoot("search-names")
    page.locator(f'[data-case="{CASE_ID}"] a').first.click()
    reviewer.settled()
    expect(page.locator("dl.meta")).to_contain_text(name)
    expect(page.locator("dl.meta")).to_contain_text("高速一中队")
    assert "系统管理" not in page.locator("#nav").inner_text()  # not the reviewer's page

    admin = Console(browser, base_url, "admin", shots)
    page = admin.page
    admin.go("/admin/users")
    page.get_by_label("用户名", exact=True).fill("zhang.wei")
    page.get_by_label("姓名", exact=True).fill("张伟")
    page.get_by_label("角色", exact=True).select_option("squad_leader")
    page.get_by_label("中队（仅中队长）").select_option("mudan-2")
    page.get_by_label("初始密码（至少 8 位）").fill("zhang-wei-pass")
    page.get_by_role("button", name="新建").click()
    new_row = page.locator('tr[data-user="zhang.wei"]')
    expect(new_row).to_contain_text("张伟")
    page.on("dialog", lambda d: d.accept())  # the confirmations before irreversible steps
    new_row.get_by_role("button", name="重置密码").click()
    expect(page.locator("#temporary")).to_have_text(re.compile(r"^\S{12,}$"))
    admin.shoot("admin-users")
    page.locator('tr[data-user="zhang.wei"]').get_by_role("button", name="停用").click()
    expect(page.locator('tr[data-user="zhang.wei"]')).to_contain_text("已停用")

    # The audit log is a projection of the audit topic (Kafka → worker → Elasticsearch): the last
    # entry may land a moment after the page was drawn, so the page is opened again until it has.
    actions = ("新建账号", "重置密码", "修改账号")
    for _ in range(30):
        admin.go("/admin/audit?target=zhang.wei")
        admin.settled()
        trail = page.locator("#audit")
        if all(a in trail.inner_text() for a in actions):
            break
        page.wait_for_timeout(2000)
    for action in actions:
        expect(trail).to_contain_text(action)
    admin.shoot("admin-audit")

    admin.go("/admin/policies")
    expect(page.locator("#policies")).to_contain_text("牡丹文化旅游节")
    admin.shoot("admin-policies")

    admin.go("/admin/directory")
    expect(page.locator("#officers")).to_contain_text(name)
    page.locator('[data-squad="gaosu-1"]').click()
    page.get_by_label("名称", exact=True).fill("高速公路一中队")
    page.get_by_role("button", name="保存中队").click()
    expect(page.locator("#squads")).to_contain_text("高速公路一中队")
    admin.shoot("admin-directory")

    reviewer.go(f"/case/{CASE_ID}")
    expect(reviewer.page.locator("dl.meta")).to_contain_text("高速")
    reviewer.page.reload()  # a new sign-in session reads the names again
    reviewer.settled()
    expect(reviewer.page.locator("dl.meta")).to_contain_text("高速公路一中队")
    assert not reviewer.errors and not admin.errors, reviewer.errors + admin.errors
