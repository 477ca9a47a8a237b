"""The ``jiancha`` command line."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from jiancha.auth.roles import ROLE_NAMES
from jiancha.settings import Settings


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.pass_context
def main(ctx: click.Context) -> None:
    """jiancha（监察）：交通执法全量监督系统。"""
    ctx.obj = Settings()


@main.command()
@click.pass_obj
def up(settings: Settings) -> None:
    """启动内嵌的 Kafka 与 Elasticsearch（首次自动下载），等待二者就绪。"""
    from jiancha.embedded.stack import EmbeddedStack, StartError

    try:
        EmbeddedStack(settings).up(say=click.echo)
    except StartError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo("全部就绪。")


@main.command()
@click.pass_obj
def down(settings: Settings) -> None:
    """停止 jiancha 启动的全部进程（只停自己启动的）。"""
    from jiancha.embedded.stack import EmbeddedStack

    EmbeddedStack(settings).down(say=click.echo)


@main.command()
@click.pass_obj
def status(settings: Settings) -> None:
    """显示内嵌服务的端口、版本、进程号和健康状态。"""
    from jiancha.embedded.stack import EmbeddedStack

    rows = EmbeddedStack(settings).status()
    click.echo(f"{'服务':<14}{'版本':<10}{'地址':<26}{'pid':<9}状态")
    for r in rows:
        state = "健康" if r.healthy else "不可用"
        click.echo(
            f"{r.name:<16}{r.version:<12}{r.address:<28}{r.pid or '-'!s:<9}{state}（{r.detail}）"
        )
    if not all(r.healthy for r in rows):
        sys.exit(1)


@main.command()
@click.pass_obj
def topics(settings: Settings) -> None:
    """创建 jiancha 的全部 Kafka 主题（已存在的跳过）。"""
    from streams.admin import ensure_topics

    created = ensure_topics(settings)
    click.echo(
        f"已创建 {len(created)} 个主题" + (f"：{', '.join(created)}" if created else "（均已存在）")
    )


@main.command()
@click.pass_obj
def indices(settings: Settings) -> None:
    """创建 jiancha 的全部 Elasticsearch 索引模板、索引与别名（已存在的只补字段）。"""
    from jiancha.elastic.client import sync_client
    from jiancha.elastic.indices import ensure_indices

    es = sync_client(settings)
    try:
        aliases = ensure_indices(es, settings)
    finally:
        es.close()
    click.echo(f"索引就绪：{', '.join(sorted(aliases.values()))}")


@main.command("kafka-acls")
@click.option(
    "--script", is_flag=True, help="只打印等价的 kafka-acls.sh 脚本（docker/kafka/acls.sh）"
)
@click.pass_obj
def kafka_acls(settings: Settings, script: bool) -> None:
    """按组件写入 Kafka ACL（须以超级用户身份连接）：各组件只能写自己产生的主题、读自己的输入。"""
    from streams.acls import acls_script, apply, plan

    if script:
        click.echo(acls_script(settings), nl=False)
        return
    grants = plan(settings)
    try:
        apply(settings, grants)
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"已写入 {len(grants)} 条 ACL。")


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--rate", type=click.FloatRange(min=0.1), default=None, help="每秒事件数上限（默认不限速）"
)
@click.pass_obj
def ingest(settings: Settings, path: Path, rate: float | None) -> None:
    """把 JSONL 事件文件（每行 {"type","data"}）回放到对应主题。"""
    from tqdm import tqdm

    from streams.admin import ensure_topics
    from streams.ingest import count_events, ingest_file
    from streams.publisher import Publisher

    ensure_topics(settings)
    total = count_events(path)
    with Publisher(settings) as publisher, tqdm(total=total, unit="条", desc="回放") as bar:
        counts = ingest_file(path, publisher, rate=rate, progress=bar.update)
    summary = "，".join(f"{k} {v}" for k, v in sorted(counts.items()))
    click.echo(f"已发送 {sum(counts.values())} 条：{summary}")
    if counts.get("dead_letter"):
        click.echo(f"其中 {counts['dead_letter']} 行无法解析，已写入死信主题（附原因）。", err=True)


@main.command()
@click.option("--loglevel", default="info", show_default=True)
@click.pass_obj
def worker(settings: Settings, loglevel: str) -> None:
    """运行 Faust 工作进程：把录像、转写、执法记录建入 Elasticsearch。"""
    from streams.indexer.agents import run_indexer

    sys.argv = [sys.argv[0], "worker"]  # Faust's Worker reads argv
    run_indexer(settings, loglevel=loglevel)


def _run_faust(run: Callable[..., None], settings: Settings, loglevel: str) -> None:
    """Run a Faust worker of ours; a start-up failure it explains in Chinese ends the command."""
    sys.argv = [sys.argv[0], "worker"]  # Faust's Worker reads argv
    try:
        run(settings, loglevel=loglevel)
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from exc


@main.command()
@click.option("--loglevel", default="info", show_default=True)
@click.pass_obj
def analyzer(settings: Settings, loglevel: str) -> None:
    """运行分析进程：对执法记录、录像、转写、政策与投诉运行全部规则，发布告警、建立案件。"""
    from streams.analysis.agents import run_analyzer

    _run_faust(run_analyzer, settings, loglevel)


@main.command()
@click.option("--loglevel", default="info", show_default=True)
@click.pass_obj
def judge(settings: Settings, loglevel: str) -> None:
    """运行分析进程的一个副本（可多开，同一消费组分担分区）：分片判定、发布告警。"""
    from streams.analysis.shards import run_judge

    _run_faust(run_judge, settings, loglevel)


@main.command()
@click.option("--loglevel", default="info", show_default=True)
@click.pass_obj
def cases(settings: Settings, loglevel: str) -> None:
    """运行案件库（单个进程）：把 flags、投诉与审核决定汇成案件索引，配合 jiancha judge 使用。"""
    from streams.analysis.agents import run_case_builder

    _run_faust(run_case_builder, settings, loglevel)


@main.command()
@click.option("--loglevel", default="info", show_default=True)
@click.pass_obj
def transcriber(settings: Settings, loglevel: str) -> None:
    """运行转写服务：消费录像主题，取回媒体、校验 SHA-256、语音识别，发布转写结果。"""
    from streams.speech.agents import run_transcriber

    sys.argv = [sys.argv[0], "worker"]  # Faust's Worker reads argv
    run_transcriber(settings, loglevel=loglevel)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help='把转写事件（JSONL，每行 {"type":"transcript","data":…}）写入此文件；默认打印到标准输出',
)
@click.option("--publish", is_flag=True, help="同时发布到 Kafka 的 transcripts 主题")
@click.option(
    "--beam-size", type=click.IntRange(1, 10), default=None, help="束搜索宽度（默认取配置）"
)
@click.pass_obj
def transcribe(
    settings: Settings,
    paths: tuple[Path, ...],
    output: Path | None,
    publish: bool,
    beam_size: int | None,
) -> None:
    """批量转写音视频文件（目录按 *.m4a/*.mp4/*.wav/*.mp3 展开），录像编号取文件名。"""
    import json

    from tqdm import tqdm

    from streams.speech import build_transcriber
    from streams.speech.media import MediaError

    files = _media_files(paths)
    if not files:
        raise click.ClickException("没有找到可转写的媒体文件")
    overrides = {"beam_size": beam_size} if beam_size else {}
    tr = build_transcriber(settings, say=lambda m: click.echo(m, err=True), **overrides)
    publisher = None
    if publish:
        from streams.admin import ensure_topics
        from streams.publisher import Publisher

        ensure_topics(settings)
        publisher = Publisher(settings)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    failed = 0
    audio = work = 0.0
    try:
        with tqdm(files, unit="个", desc="转写", file=sys.stderr) as bar:
            for path in bar:
                try:
                    result = tr.transcribe_file(path)
                except MediaError as exc:
                    failed += 1
                    tqdm.write(f"跳过 {path}：{exc.reason}", file=sys.stderr)
                    continue
                except Exception as exc:  # one bad file never stops the batch
                    failed += 1
                    tqdm.write(f"跳过 {path}：转写失败（{exc!r}）", file=sys.stderr)
                    continue
                audio += result.duration_s
                work += result.elapsed_s
                event = result.transcript(path.stem)
                if result.fallback:
                    tqdm.write(f"{path}：批量解码失败，已逐段重新转写", file=sys.stderr)
                if event.quality_note:
                    tqdm.write(f"{path}：{event.quality_note}", file=sys.stderr)
                line = json.dumps(
                    {"type": "transcript", "data": event.model_dump(mode="json")},
                    ensure_ascii=False,
                )
                out.write(line + "\n")
                out.flush()
                if publisher is not None:
                    publisher.send(
                        "transcripts", event.key, event.model_dump_json().encode("utf-8")
                    )
                bar.set_postfix(RTF=f"{work / audio:.3f}" if audio else "-")
    finally:
        if output:
            out.close()
        if publisher is not None:
            publisher.close()
    click.echo(
        f"完成 {len(files) - failed}/{len(files)} 个，音频 {audio:.1f} 秒，用时 {work:.1f} 秒"
        + (f"，RTF {work / audio:.3f}" if audio else ""),
        err=True,
    )
    if failed:
        sys.exit(1)


_MEDIA_SUFFIXES = (".m4a", ".mp4", ".wav", ".mp3", ".aac", ".amr", ".ogg", ".flac", ".webm", ".mov")


def _media_files(paths: tuple[Path, ...]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.suffix.lower() in _MEDIA_SUFFIXES))
        else:
            files.append(p)
    return files


@main.command()
@click.option("--host", default=None, help="监听地址（默认取 JIANCHA_API_HOST）")
@click.option("--port", type=int, default=None, help="端口（默认取 JIANCHA_API_PORT）")
@click.pass_obj
def api(settings: Settings, host: str | None, port: int | None) -> None:
    """运行 FastAPI 服务（检索、审核、整改、专刊）。"""
    import uvicorn

    from api.main import create_app

    # X-Forwarded-For names the client only when a configured proxy sent it; uvicorn's own
    # default trusts loopback (and $FORWARDED_ALLOW_IPS), so any local caller could forge it.
    proxies = list(settings.trusted_proxies)
    uvicorn.run(
        create_app(settings),
        host=host or settings.api_host,
        port=port or settings.api_port,
        proxy_headers=bool(proxies),
        forwarded_allow_ips=proxies or None,
    )


@main.command()
@click.option(
    "--input",
    "-i",
    "input_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="事件文件（JSONL）",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="告警输出文件（JSONL，每行一个 flag）；默认打印到标准输出",
)
@click.pass_obj
def analyze(settings: Settings, input_path: Path, output: Path | None) -> None:
    """离线分析：对事件文件运行全部规则（与流处理同一套代码），输出告警。"""
    import json

    from tqdm import tqdm

    from analyzers.batch import analyze_file
    from analyzers.engine import Engine
    from streams.ingest import count_events

    try:
        engine = Engine.configured(settings)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    with tqdm(total=count_events(input_path), unit="条", desc="分析事件", file=sys.stderr) as bar:
        flags, events = analyze_file(input_path, engine, progress=bar.update)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        for f in sorted(flags, key=lambda f: f.flag_id):
            out.write(
                json.dumps(f.model_dump(mode="json", by_alias=True), ensure_ascii=False) + "\n"
            )
    finally:
        if output:
            out.close()
    by: dict[str, int] = {}
    for f in flags:
        by[f.category] = by.get(f.category, 0) + 1
    summary = "，".join(f"{k} {v}" for k, v in sorted(by.items()))
    click.echo(f"共 {len(flags)} 条告警：{summary}", err=True)
    for where, reason in events.rejected[:10]:
        click.echo(f"第 {where} 行被跳过：{reason}", err=True)


@main.command()
@click.option(
    "--labels", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--flags", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
def score(labels: Path, flags: Path) -> None:
    """按类别与总体（micro）计算告警相对标注的精确率与召回率。"""
    from analyzers.scoring import read_jsonl, table
    from analyzers.scoring import score as compute

    try:
        scores = compute(read_jsonl(flags), read_jsonl(labels))
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(table(scores))


@main.command()
@click.option(
    "--events",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="要回放的事件文件（媒体路径相对于其所在目录，除非设置了 JIANCHA_MEDIA_ROOT）；"
    "默认：项目自带的演示月份（种子生成，含 8 段配音录像）",
)
@click.pass_obj
def demo(settings: Settings, events: Path | None) -> None:
    """一键演示：启动服务、工作进程、转写服务与 API，回放事件，打印检索地址与示例结果。"""
    from jiancha.demo import run_demo
    from jiancha.embedded.stack import StartError
    from jiancha.synthetic.demo import DemoVoicesError, write_demo_events

    try:
        if events is None:
            events = write_demo_events(settings.data_dir / "demo" / "events.jsonl")
            click.echo(f"演示数据：项目自带的种子月份，已写入 {events}")
        run_demo(settings, events, say=click.echo)
    except (StartError, RuntimeError, DemoVoicesError) as exc:
        raise click.ClickException(str(exc)) from exc


@main.group()
def user() -> None:
    """用户与角色（管理员使用）。"""


@user.command("add")
@click.argument("username")
@click.option(
    "--role",
    required=True,
    type=click.Choice(ROLE_NAMES),
    help="角色：admin 管理员 | supervisor 负责人 | reviewer 审核员 | squad_leader 中队长",
)
@click.option("--squad", "squad_id", default=None, help="中队（中队长必填）")
@click.option("--name", "display_name", default=None, help="显示名，如 张三")
@click.option("--password-stdin", is_flag=True, help="从标准输入读取密码（一行），不提示")
@click.pass_obj
def user_add(
    settings: Settings,
    username: str,
    role: str,
    squad_id: str | None,
    display_name: str | None,
    password_stdin: bool,
) -> None:
    """新建或更新用户（再次添加同名用户即修改其角色与密码）。"""
    from pydantic import ValidationError

    from jiancha.auth.passwords import WeakPassword
    from jiancha.elastic.client import sync_client
    from jiancha.elastic.indices import ensure_indices
    from streams.accounts.users import new_user, save_user
    from streams.admin import ensure_topics

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("密码", hide_input=True, confirmation_prompt="再次输入密码")
    try:
        account = new_user(username, role, password, squad_id=squad_id, display_name=display_name)
    except (WeakPassword, ValueError, ValidationError) as exc:
        message = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
        raise click.ClickException(message) from exc
    ensure_topics(settings)
    es = sync_client(settings)
    try:
        save_user(settings, es, ensure_indices(es, settings)["users"], account)
    finally:
        es.close()
    squad = f"，中队 {account.squad_id}" if account.squad_id else ""
    click.echo(f"已保存用户 {account.username}（{account.display_name}，{role}{squad}）")


@main.group()
def directory() -> None:
    """名录：中队与民警的姓名（管理员使用）。"""


@directory.command("seed")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_obj
def directory_seed(settings: Settings, path: Path) -> None:
    """导入名录：名录文件（squad/officer 行）原样写入；回放文件则为其中队与民警生成姓名。"""
    from datetime import UTC, datetime

    from jiancha.elastic.client import sync_client
    from jiancha.elastic.indices import ensure_indices
    from streams.admin import ensure_topics
    from streams.directory.roster import entries_from_file
    from streams.directory.store import seed

    with open(path, "rb") as lines:
        try:
            entries = entries_from_file(lines, datetime.now(UTC), saved_by="cli")
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
    if not entries:
        raise click.ClickException("文件中没有名录记录，也没有可生成名录的执法记录或录像")
    ensure_topics(settings)
    es = sync_client(settings)
    try:
        seed(settings, es, ensure_indices(es, settings)["directory"], entries)
    finally:
        es.close()
    squads = sum(1 for e in entries if e.kind == "squad")
    click.echo(f"已写入名录：中队 {squads} 个，民警与辅警 {len(entries) - squads} 名")


@main.command()
@click.option("--week", "week_text", default=None, help="ISO 周，如 2026-W15（默认：上一周）")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="另存 HTML 与 PDF 到此目录",
)
@click.pass_obj
def bulletin(settings: Settings, week_text: str | None, out: Path | None) -> None:
    """汇编一周的《监察专刊》（HTML + PDF），存档并登记期号；同一周重编期号不变。"""
    from datetime import UTC, datetime

    from jiancha.elastic.client import sync_client
    from streams.bulletin.compile import STAGES, compile_week
    from streams.bulletin.stats import IsoWeek

    now = datetime.now(UTC)
    tz = settings.bulletin_timezone
    try:
        week = (
            IsoWeek.parse(week_text, tz) if week_text else IsoWeek.containing(now, tz).shifted(-1)
        )
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--week") from exc
    es = sync_client(settings)
    try:
        with click.progressbar(length=len(STAGES), label=f"汇编 {week}", show_pos=True) as bar:

            def step(stage: str) -> None:
                bar.label = f"汇编 {week}：{stage}"
                bar.update(1 if stage != STAGES[0] else 0)

            compiled = compile_week(settings, es, week, now=now, by="cli", progress=step)
            bar.update(1)
    finally:
        es.close()
    doc = compiled.doc
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / f"{week}.html").write_text(compiled.html, encoding="utf-8")
        (out / f"{week}.pdf").write_bytes(compiled.pdf)
    o = compiled.stats.overview
    click.echo(
        f"《监察专刊》{doc['year']}年第{doc['issue_no']}期（总第{doc['total_no']}期），"
        f"{doc['pdf_pages']} 页：录像 {o.recordings} 段，告警 {o.flags} 条，"
        f"经核实问题 {o.confirmed} 件"
    )
    click.echo(
        f"PDF：{settings.data_dir / 'bulletins' / doc['pdf_sha256'][:2] / doc['pdf_sha256']}.pdf"
    )


@main.command()
@click.option("--month", "month_text", default=None, help="月份，如 2026-04（默认：上一个月）")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="PDF 存放目录",
)
@click.pass_obj
def assessment(settings: Settings, month_text: str | None, out: Path) -> None:
    """生成一个月的中队月度考核（PDF）：录像覆盖、按时上传、每百起问题、整改按时汇报与排名。"""
    from datetime import UTC, datetime

    from jiancha.elastic.client import sync_client
    from jiancha.elastic.indices import ensure_indices
    from streams.directory.names import Names
    from streams.directory.store import name_maps_sync
    from streams.warning.assessment import Month, Weights, assess_stored
    from streams.warning.assessment_render import render_assessment_pdf, render_html

    now = datetime.now(UTC)
    try:
        month = Month.parse(month_text) if month_text else Month.containing(now).previous
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--month") from exc
    es = sync_client(settings)
    try:
        aliases = ensure_indices(es, settings)
        squads = assess_stored(es.search, aliases, month)
        names = Names(**name_maps_sync(es, aliases["directory"]))
    finally:
        es.close()
    html = render_html(month, squads, settings.bulletin_unit, now, Weights(), names)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"jiancha-assessment-{month}.pdf"
    path.write_bytes(render_assessment_pdf(html))
    for a in squads:
        click.echo(f"{a.rank:>2}. {names.squad(a.squad_id)}  {a.score}")
    click.echo(f"月度考核 {month}：{len(squads)} 个中队，PDF：{path}")


if __name__ == "__main__":
    main()
