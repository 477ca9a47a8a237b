"""The ``jiancha`` command line."""

from __future__ import annotations

import sys

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
        click.echo(f"{r.name:<16}{r.version:<12}{r.address:<28}{r.pid or '-'!s:<9}{state}（{r.detail}）")
    if not all(r.healthy for r in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
