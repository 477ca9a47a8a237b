"""``jiancha up | down | status``: the embedded Kafka + Elasticsearch pair as one unit."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from jiancha.embedded.elasticsearch import EmbeddedElasticsearch
from jiancha.embedded.kafka import EmbeddedKafka
from jiancha.embedded.procs import ManagedProcess, ensure_service_user
from jiancha.settings import Settings

Say = Callable[[str], None]


class StartError(RuntimeError):
    """A service did not become healthy; the message carries its log tail."""


@dataclass(frozen=True)
class ServiceStatus:
    """One line of ``jiancha status``."""

    name: str
    version: str
    address: str
    pid: int | None
    healthy: bool
    detail: str


class EmbeddedStack:
    """Kafka and Elasticsearch started, watched and stopped together."""

    def __init__(self, settings: Settings) -> None:
        self.s = settings
        self.kafka = EmbeddedKafka(settings)
        self.es = EmbeddedElasticsearch(settings)

    def up(self, say: Say = print) -> list[ServiceStatus]:
        """Install (once), start what is not running, wait until both are healthy."""
        user = ensure_service_user(self.s.service_user)
        say(f"数据目录：{self.s.data_dir}；下载缓存：{self.s.cache_dir}")
        say(f"准备 Kafka {self.s.kafka_version}（首次需从 Maven Central 下载）…")
        self.kafka.install()
        self.kafka.configure()
        say(f"准备 Elasticsearch {self.s.es_version}（首次需从 Maven Central 下载）…")
        self.es.install(user)
        self.es.configure(user)
        started = []
        for name, proc, start in (
            ("Kafka", self.kafka.process, self.kafka.start),
            ("Elasticsearch", self.es.process, lambda: self.es.start(user)),
        ):
            if proc.pid() is None:
                pid = start()
                started.append(name)
                say(f"已启动 {name}（pid {pid}），日志：{proc.log_file}")
            else:
                say(f"{name} 已在运行（pid {proc.pid()}）")
        self._wait_healthy(say)
        return self.status()

    def _wait_healthy(self, say: Say) -> None:
        deadline = time.monotonic() + self.s.start_timeout_s
        pending = {
            "Kafka": (self.kafka.healthy, self.kafka.process),
            "Elasticsearch": (self.es.healthy, self.es.process),
        }
        while pending:
            for name, (probe, proc) in list(pending.items()):
                ok, detail = probe()
                if ok:
                    say(f"{name} 就绪：{detail}")
                    del pending[name]
                elif proc.pid() is None:
                    raise StartError(f"{name} 启动后退出了。日志末尾：\n{proc.log_tail()}")
            if pending and time.monotonic() > deadline:
                names = "、".join(pending)
                tails = "\n".join(f"--- {n} ---\n{p.log_tail()}" for n, (_, p) in pending.items())
                raise StartError(f"{names} 在 {self.s.start_timeout_s:.0f} 秒内未就绪。\n{tails}")
            if pending:
                time.sleep(1)

    def down(self, say: Say = print) -> None:
        """Stop the app processes and the services that jiancha started (never anything else)."""
        for proc in [*app_processes(self.s), self.es.process, self.kafka.process]:
            if proc.stop():
                say(f"已停止 {proc.name}")

    def down_services(self, say: Say = print) -> None:
        """Stop only Kafka and Elasticsearch."""
        for proc in (self.es.process, self.kafka.process):
            if proc.stop():
                say(f"已停止 {proc.name}")

    def status(self) -> list[ServiceStatus]:
        """Version, address, pid and health of each service."""
        k_ok, k_detail = self.kafka.healthy()
        e_ok, e_detail = self.es.healthy()
        return [
            ServiceStatus(
                "kafka",
                self.s.kafka_version,
                self.kafka.bootstrap,
                self.kafka.process.pid(),
                k_ok,
                k_detail,
            ),
            ServiceStatus(
                "elasticsearch",
                self.s.es_version,
                self.es.url,
                self.es.process.pid(),
                e_ok,
                e_detail,
            ),
        ]


def app_processes(settings: Settings) -> list[ManagedProcess]:
    """The worker, analyzer, transcriber and API daemons that ``jiancha demo`` leaves running."""
    run, logs = settings.data_dir / "run", settings.data_dir / "logs"
    return [
        ManagedProcess("worker", run, logs, "jiancha.cli worker"),
        ManagedProcess("analyzer", run, logs, "jiancha.cli analyzer"),
        ManagedProcess("transcriber", run, logs, "jiancha.cli transcriber"),
        ManagedProcess("api", run, logs, "jiancha.cli api"),
    ]
