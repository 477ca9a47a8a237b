"""A real single-node Apache Kafka 4.x in KRaft mode (combined broker + controller)."""

from __future__ import annotations

import base64
import os
import subprocess
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import SecretStr

from jiancha.embedded import maven
from jiancha.embedded.procs import ManagedProcess, java_home
from jiancha.settings import Settings

# Kafka's own jars pin slf4j 1.7; the log4j2 binding below needs the 2.x API.
_LOGGING = [
    ("org.slf4j", "slf4j-api", "2.0.17"),
    ("org.apache.logging.log4j", "log4j-slf4j2-impl", "2.24.3"),
    ("org.apache.logging.log4j", "log4j-core", "2.24.3"),
]

_LOG4J2 = """\
status = warn
appender.out.type = Console
appender.out.name = out
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = warn
rootLogger.appenderRef.out.ref = out
logger.kafka.name = kafka
logger.kafka.level = info
logger.server.name = org.apache.kafka.server
logger.server.level = info
logger.cleaner.name = org.apache.kafka.storage.internals.log.LogCleaner
logger.cleaner.level = info
"""


def new_cluster_id() -> str:
    """A random KRaft cluster id: a UUID in URL-safe base64, as ``kafka-storage random-uuid``
    prints it. Never one that starts with ``-``: the storage tool would read it as an option
    (``--cluster-id: expected one argument``; one id in 64 starts so), which is why Kafka's own
    ``Uuid.randomUuid`` draws again in that case, as this does."""
    while True:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).rstrip(b"=").decode()
        if not cluster_id.startswith("-"):
            return cluster_id


@dataclass(frozen=True)
class KafkaSasl:
    """The production broker's sign-in and ACLs (docker/compose.yaml), minus TLS, on loopback.

    A SASL_PLAINTEXT listener that accepts only SCRAM-SHA-512, the KRaft ``StandardAuthorizer``
    denying whatever no ACL allows, and ``admin`` as the one super user. ``users`` (name ->
    password) are the SCRAM users written when the storage is formatted (``--add-scram``); the
    controller listener signs in with PLAIN as ``controller`` (SCRAM users live in the metadata
    log the controller serves, so the controller cannot use them). For the security tests: the
    embedded stack of ``jiancha up`` stays PLAINTEXT.
    """

    admin_password: str
    controller_password: str
    users: Mapping[str, str] = field(default_factory=dict)
    admin: str = "admin"

    def properties(self) -> list[str]:
        """server.properties lines of the listeners' sign-in and the authorizer."""
        admin, controller = self.admin, "controller"
        return [
            "listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,CLIENT:SASL_PLAINTEXT",
            "inter.broker.listener.name=CLIENT",
            "sasl.enabled.mechanisms=SCRAM-SHA-512",
            "sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512",
            "sasl.mechanism.controller.protocol=PLAIN",
            "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
            "listener.name.controller.plain.sasl.jaas.config="
            "org.apache.kafka.common.security.plain.PlainLoginModule required "
            f'username="{controller}" password="{self.controller_password}" '
            f'user_{controller}="{self.controller_password}";',
            "listener.name.client.scram-sha-512.sasl.jaas.config="
            "org.apache.kafka.common.security.scram.ScramLoginModule required "
            f'username="{admin}" password="{self.admin_password}";',
            "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
            "allow.everyone.if.no.acl.found=false",
            f"super.users=User:{admin};User:{controller}",
            "auto.create.topics.enable=false",
        ]

    def scram_arguments(self) -> list[str]:
        """``kafka-storage format`` arguments that create the admin and every user."""
        users = {self.admin: self.admin_password, **self.users}
        return [
            arg
            for name, password in users.items()
            for arg in ("--add-scram", f"SCRAM-SHA-512=[name={name},password={password}]")
        ]


class EmbeddedKafka:
    """Install, configure, start and probe the local broker."""

    def __init__(self, settings: Settings, sasl: KafkaSasl | None = None) -> None:
        self.s = settings
        self.sasl = sasl
        self.home = settings.data_dir / "kafka"
        self.process = ManagedProcess(
            "kafka", settings.data_dir / "run", settings.data_dir / "logs", str(self.config_file)
        )

    @property
    def config_file(self) -> Path:
        return self.home / "server.properties"

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.s.kafka_port}"

    def client_settings(self, user: str | None = None, password: str | None = None) -> Settings:
        """Settings of a client of this broker: as ``user`` (default: the super user) when
        SASL is on, else plain."""
        update: dict[str, object] = {"kafka_bootstrap": self.bootstrap}
        if self.sasl is not None:
            name = user or self.sasl.admin
            secret = password if user else self.sasl.admin_password
            update |= {
                "kafka_security_protocol": "SASL_PLAINTEXT",
                "kafka_sasl_mechanism": "SCRAM-SHA-512",
                "kafka_username": name,
                "kafka_password": SecretStr(secret or ""),
            }
        return self.s.model_copy(update=update)

    def install(self) -> list[Path]:
        """The broker's runtime jars, resolved from Maven Central once."""
        lib = self.s.cache_dir / f"kafka-{self.s.kafka_version}" / "lib"
        return maven.resolve_runtime_jars(
            self.s.cache_dir,
            [("org.apache.kafka", "kafka_2.13", self.s.kafka_version), *_LOGGING],
            lib,
        )

    def configure(self) -> None:
        """Write server.properties and logging config; format the log dir on first use."""
        s = self.s
        self.home.mkdir(parents=True, exist_ok=True)
        log_dir = self.home / "data"
        client = "PLAINTEXT" if self.sasl is None else "CLIENT"
        listeners = (
            [
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "auto.create.topics.enable=true",
            ]
            if self.sasl is None
            else self.sasl.properties()
        )
        # The file holds the SASL passwords when SASL is on: the service user's alone.
        self.config_file.touch(mode=0o600, exist_ok=True)
        self.config_file.write_text(
            "\n".join(
                [
                    "process.roles=broker,controller",
                    "node.id=1",
                    f"controller.quorum.voters=1@127.0.0.1:{s.kafka_controller_port}",
                    f"listeners={client}://127.0.0.1:{s.kafka_port},"
                    f"CONTROLLER://127.0.0.1:{s.kafka_controller_port}",
                    f"advertised.listeners={client}://127.0.0.1:{s.kafka_port}",
                    "controller.listener.names=CONTROLLER",
                    *listeners,
                    f"log.dirs={log_dir}",
                    f"num.partitions={s.partitions}",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=6",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    # Up to 10 MB messages, so oversized payloads reach the dead-letter path.
                    "message.max.bytes=12582912",
                    "",
                ]
            ),
            encoding="utf-8",
        )
        (self.home / "log4j2.properties").write_text(_LOG4J2, encoding="utf-8")
        if not (log_dir / "meta.properties").exists():
            self._format(new_cluster_id())

    def _command(self, main: list[str]) -> list[str]:
        lib = self.s.cache_dir / f"kafka-{self.s.kafka_version}" / "lib"
        java = java_home(self.s.java_home) / "bin" / "java"
        return [
            str(java),
            f"-Xms{self.s.kafka_heap}",
            f"-Xmx{self.s.kafka_heap}",
            "-XX:+UseG1GC",
            "-Djava.awt.headless=true",
            f"-Dlog4j2.configurationFile={self.home / 'log4j2.properties'}",
            "-cp",
            f"{lib}/*",
            *main,
        ]

    def _format(self, cluster_id: str) -> None:
        main = ["kafka.tools.StorageTool", "format", "-t", cluster_id, "-c", str(self.config_file)]
        if self.sasl is not None:
            main += self.sasl.scram_arguments()
        proc = subprocess.run(self._command(main), capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise RuntimeError(f"Kafka 存储格式化失败：\n{proc.stdout}\n{proc.stderr}")

    def start(self) -> int:
        """Start the broker in the background; returns its pid."""
        env = dict(os.environ)
        return self.process.start(
            self._command(["kafka.Kafka", str(self.config_file)]), env=env, cwd=self.home
        )

    def healthy(self) -> tuple[bool, str]:
        """(ok, detail): the broker answers metadata requests on its listener."""
        from jiancha.kafka import kafka_health

        return kafka_health(self.client_settings())
