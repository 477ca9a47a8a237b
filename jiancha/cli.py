"""The ``jiancha`` command line."""

from __future__ import annotations

import sys
from pathlib import Path

import click

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
    from streams.agents import run_indexer

    sys.argv = [sys.argv[0], "worker"]  # Faust's Worker reads argv
    run_indexer(settings, loglevel=loglevel)


@main.command()
@click.option("--host", default=None, help="监听地址（默认取 JIANCHA_API_HOST）")
@click.option("--port", type=int, default=None, help="端口（默认取 JIANCHA_API_PORT）")
@click.pass_obj
def api(settings: Settings, host: str | None, port: int | None) -> None:
    """运行 FastAPI 服务（检索、审核、整改、专刊）。"""
    import uvicorn

    from api.main import create_app

    uvicorn.run(
        create_app(settings), host=host or settings.api_host, port=port or settings.api_port
    )


@main.command()
@click.option(
    "--events",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=Path("../shared/data/eval-dev/events.jsonl"),
    show_default=True,
    help="要回放的事件文件",
)
@click.pass_obj
def demo(settings: Settings, events: Path) -> None:
    """一键演示：启动服务、工作进程与 API，回放事件，打印可用的检索地址与示例结果。"""
    from jiancha.demo import run_demo
    from jiancha.embedded.stack import StartError

    try:
        run_demo(settings, events, say=click.echo)
    except (StartError, RuntimeError) as exc:
        raise click.ClickException(str(exc)) from exc


if __name__ == "__main__":
    main()
