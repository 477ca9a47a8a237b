"""``jiancha demo``: the whole embedded system on one machine, fed with a replay file."""

from __future__ import annotations

import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from jiancha.clock import BEIJING
from jiancha.embedded.procs import ManagedProcess
from jiancha.embedded.stack import EmbeddedStack, app_processes
from jiancha.settings import Settings

#: Who spoke, as the printout says it (the transcript contract's speaker values).
SPEAKERS = {"officer": "民警", "civilian": "当事人"}

Say = Callable[[str], None]


def run_demo(settings: Settings, events: Path, say: Say, timeout_s: float = 600) -> None:
    """Start services, worker and API; replay ``events``; wait until searchable; show a search."""
    from tqdm import tqdm

    from jiancha.elastic.client import sync_client
    from jiancha.elastic.indices import ensure_indices
    from streams.admin import ensure_topics
    from streams.ingest import count_events, ingest_file
    from streams.publisher import Publisher

    EmbeddedStack(settings).up(say=say)
    ensure_topics(settings)
    es = sync_client(settings)
    aliases = ensure_indices(es, settings)

    accounts = demo_accounts(busiest_squads(events))
    _create_users(settings, es, aliases["users"], accounts)
    squad_names = _seed_directory(settings, es, aliases["directory"], events, say)

    worker, analyzer, transcriber, api = app_processes(settings)
    env = dict(os.environ)
    if settings.media_root == Path("."):  # media_uri paths are relative to the replay file
        env["JIANCHA_MEDIA_ROOT"] = str(events.resolve().parent)
    daemons = (
        (worker, ["worker"]),
        (analyzer, ["analyzer"]),
        (transcriber, ["transcriber"]),
        (api, ["api"]),
    )
    for proc, args in daemons:
        pid = proc.start([sys.executable, "-m", "jiancha.cli", *args], env=env)
        say(f"{proc.name} 运行中（pid {pid}），日志：{proc.log_file}")

    total = count_events(events)
    with Publisher(settings) as publisher, tqdm(total=total, unit="条", desc="回放事件") as bar:
        counts = ingest_file(events, publisher, progress=bar.update)
    expected = counts.get("recording", 0)

    deadline = time.monotonic() + timeout_s
    with tqdm(total=expected, unit="段", desc="建立索引") as bar:
        while True:
            es.indices.refresh(index=aliases["clips"])
            done = es.count(index=aliases["clips"], query={"exists": {"field": "device_id"}})[
                "count"
            ]
            bar.update(min(done, expected) - bar.n)
            if done >= expected:
                break
            if worker.pid() is None:
                raise RuntimeError(f"工作进程退出了，日志末尾：\n{worker.log_tail()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{timeout_s:.0f} 秒内未完成索引（{done}/{expected}）")
            time.sleep(1)
    _wait_for_transcriber(settings, expected, transcriber, timeout_s, say)
    _show_cases(settings, es, aliases["cases"], analyzer, timeout_s, say)
    es.close()

    base = f"http://{settings.api_host}:{settings.api_port}"
    url = f"{base}/clips/search?" + urllib.parse.urlencode({"q": "现金", "size": 3})
    reviewer = next(a for a in accounts if a.role == "reviewer")
    token = _wait_for_token(base, reviewer, timeout_s=60)
    result = _wait_for_json(url, api, timeout_s=60, token=token)
    say("")
    say("演示账号（仅供演示，勿用于生产）：")
    for a in accounts:
        squad = f"  {squad_names.get(a.squad_id, a.squad_id)}" if a.squad_id else ""
        say(f"  {a.username:<14} 密码 {a.password:<20} {a.label}{squad}")
    say(f"监察控制台：{base}/（用上面的账号登录）")
    say(f"登录：POST {base}/auth/token（表单 username、password），以 Bearer 令牌访问其余接口")
    say(f"检索地址（以 {reviewer.username} 登录）：{url}")
    say(f"接口说明（OpenAPI）：{base}/openapi.json")
    say(f"“现金”命中 {result['total']} 段录像，前 {len(result['items'])} 段：")
    for item in result["items"]:
        squad = squad_names.get(item["squad_id"], item["squad_id"])
        started = datetime.fromisoformat(item["started_at"]).astimezone(BEIJING)
        say(f"  {item['recording_id']}  {squad}  {started:%Y年%m月%d日 %H:%M}")
        for seg in item["segments"]:
            text = seg["highlight"].replace("<em>", "【").replace("</em>", "】")
            who = SPEAKERS.get(seg["speaker"], "未分辨")
            say(f"    第{seg['start']:>6.1f}秒  {who:<3} {text}")
    say("停止全部进程：jiancha down（或 make down）")


def _wait_for_transcriber(
    settings: Settings, recordings: int, proc: ManagedProcess, timeout_s: float, say: Say
) -> None:
    """Until the transcriber has taken every recording and its transcripts are indexed."""
    from tqdm import tqdm

    from jiancha import topics
    from streams.admin import consumer_lag

    group = f"{settings.app_id}-transcriber"
    deadline = time.monotonic() + timeout_s
    with tqdm(total=recordings, unit="段", desc="转写录音") as bar:
        while True:
            lag = consumer_lag(settings, group, [topics.RECORDINGS])
            bar.update(max(recordings - lag, 0) - bar.n)
            if lag == 0:
                break
            if proc.pid() is None:
                raise RuntimeError(f"转写服务退出了，日志末尾：\n{proc.log_tail()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{timeout_s:.0f} 秒内未完成转写（还剩 {lag} 段）")
            time.sleep(1)
    while consumer_lag(settings, f"{settings.app_id}-indexer", [topics.TRANSCRIPTS]):
        if time.monotonic() > deadline:
            raise RuntimeError("转写结果未能在时限内建入索引")
        time.sleep(1)
    say("没有媒体文件的录像已记入死信主题（dead-letters），原因：媒体文件不存在。")


def _show_cases(
    settings: Settings, es: object, alias: str, proc: ManagedProcess, timeout_s: float, say: Say
) -> None:
    """Until the analyzer has read everything; then the cases awaiting review, by category."""
    from analyzers.catalogue import CATEGORIES
    from streams.admin import consumer_lag
    from streams.analysis.agents import INPUTS

    deadline = time.monotonic() + timeout_s
    while consumer_lag(settings, f"{settings.app_id}-analyzer", list(INPUTS)):
        if proc.pid() is None:
            raise RuntimeError(f"分析进程退出了，日志末尾：\n{proc.log_tail()}")
        if time.monotonic() > deadline:
            raise RuntimeError("分析进程未能在时限内读完全部事件")
        time.sleep(1)
    es.indices.refresh(index=alias)  # type: ignore[attr-defined]
    result = es.search(  # type: ignore[attr-defined]
        index=alias,
        size=0,
        query={"term": {"withdrawn": False}},
        aggs={"by": {"terms": {"field": "categories", "size": 50}}},
    )
    total = result["hits"]["total"]["value"]
    say(f"分析完成：{total} 件案件待审核（一次遭遇一件），按类别：")
    for b in result["aggregations"]["by"]["buckets"]:
        cat = CATEGORIES.get(b["key"])
        say(f"  {cat.label if cat else b['key']:<14}{b['doc_count']:>5} 件")


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    label: str
    password: str
    squad_id: str | None = None


def busiest_squads(events: Path, n: int = 2) -> list[str]:
    """The ``n`` squads with the most recordings in a replay file (the demo's squad leaders)."""
    counts: Counter[str] = Counter()
    with events.open(encoding="utf-8") as lines:
        for line in lines:
            if '"recording"' not in line:
                continue
            try:
                event = json.loads(line)
            except json.JSONDecodeError:
                continue
            if event.get("type") == "recording" and event["data"].get("squad_id"):
                counts[event["data"]["squad_id"]] += 1
    return [squad for squad, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def demo_accounts(squads: list[str]) -> list[DemoAccount]:
    """One account per role, and a squad leader for each of ``squads``; known demo passwords."""
    return [
        DemoAccount("admin", "admin", "系统管理员", "jiancha-admin"),
        DemoAccount("supervisor", "supervisor", "监查中心负责人", "jiancha-supervisor"),
        DemoAccount("reviewer", "reviewer", "监查中心审核员", "jiancha-reviewer"),
        *(
            DemoAccount(f"leader-{squad}", "squad_leader", "中队长", f"jiancha-{squad}", squad)
            for squad in squads
        ),
    ]


def _create_users(settings: Settings, es: object, alias: str, accounts: list[DemoAccount]) -> None:
    from streams.accounts.users import new_user, save_user

    for a in accounts:
        user = new_user(
            a.username, a.role, a.password, squad_id=a.squad_id, display_name=a.label,
            saved_by="demo",
        )  # fmt: skip
        save_user(settings, es, alias, user)


def _seed_directory(
    settings: Settings, es: object, alias: str, events: Path, say: Say
) -> dict[str, str]:
    """Names for the month's squads and officers (generated, seeded: the same every run); returns
    the squads' names by code, for the printout."""
    from datetime import UTC, datetime

    from streams.directory.roster import entries_from_file
    from streams.directory.store import seed

    with open(events, "rb") as lines:
        entries = entries_from_file(lines, datetime.now(UTC), saved_by="demo")
    squads = sum(1 for e in entries if e.kind == "squad")
    seed(settings, es, alias, entries)
    say(f"名录：中队 {squads} 个、民警与辅警 {len(entries) - squads} 名（姓名为生成的示例）")
    return {e.code: e.name for e in entries if e.kind == "squad"}


def _wait_for_token(base: str, account: DemoAccount, timeout_s: float) -> str:
    """Sign in as ``account`` once the API answers."""
    form = urllib.parse.urlencode({"username": account.username, "password": account.password})
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with urllib.request.urlopen(f"{base}/auth/token", form.encode(), timeout=10) as resp:
                return str(json.load(resp)["access_token"])
        except urllib.error.HTTPError as exc:
            raise RuntimeError(f"演示账号 {account.username} 登录失败：HTTP {exc.code}") from exc
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"API 未在 {timeout_s:.0f} 秒内响应：{base}") from None
            time.sleep(1)


def _wait_for_json(url: str, proc: object, timeout_s: float, token: str | None = None) -> dict:  # type: ignore[type-arg]
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with urllib.request.urlopen(request, timeout=10) as resp:
                return json.load(resp)  # type: ignore[no-any-return]
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"API 未在 {timeout_s:.0f} 秒内响应：{url}") from None
            time.sleep(1)
