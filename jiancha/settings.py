"""The one settings object of jiancha, read from ``JIANCHA_*`` environment variables.

Built once (``Settings()``) at the edge of a process and passed in; nothing else reads
``os.environ``.
"""

from __future__ import annotations

import ipaddress
import os
import urllib.parse
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from jiancha.clock import BEIJING_ZONE


def _default_data_dir() -> Path:
    # Elasticsearch runs as an unprivileged user; under root its files cannot live in
    # /root (mode 700), so root's default is a system path the service user can own.
    if os.geteuid() == 0:
        return Path("/var/lib/jiancha")
    return Path.home() / ".local" / "state" / "jiancha"


def _default_cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "jiancha"


class Settings(BaseSettings):
    """Configuration of every jiancha process (CLI, worker, API, embedded services)."""

    model_config = SettingsConfigDict(env_prefix="JIANCHA_", frozen=True, extra="ignore")

    # Clients
    kafka_bootstrap: str = "127.0.0.1:9092"
    # Production: SASL_SSL with this process's own SCRAM user (docker/compose.yaml); the
    # embedded single-machine stack is PLAINTEXT on loopback (docs/threat-model.md).
    kafka_security_protocol: Literal["PLAINTEXT", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    kafka_sasl_mechanism: Literal["SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN"] = "SCRAM-SHA-512"
    kafka_username: str | None = None
    kafka_password: SecretStr | None = None
    kafka_ssl_cafile: Path | None = None  # PEM CA of the broker's certificate (default: system)
    es_url: str = "http://127.0.0.1:9200"
    es_username: str | None = None
    es_password: SecretStr | None = None
    es_ca_certs: Path | None = None  # PEM CA of an https es_url (default: system)
    topic_prefix: str = ""
    index_prefix: str = "jiancha"
    partitions: int = Field(default=6, ge=1, le=1000)
    replication_factor: int = Field(default=1, ge=1, le=5)
    app_id: str = "jiancha"
    es_shards: int = Field(default=1, ge=1, le=64)
    es_replicas: int = Field(default=0, ge=0, le=5)

    # Worker
    index_batch_size: int = Field(default=500, ge=1, le=50_000)
    index_batch_seconds: float = Field(default=1.0, gt=0, le=60)
    # ``jiancha judge`` forgets a month once the latest event time is this far past its end
    # (analyzers/engine.py, "final months"); later events of it are dead-lettered. It must exceed
    # the farthest the rules look back (a complaint's 7 days), plus the lateness to tolerate.
    # On by default (14) since finality waits for the low watermark over the input partitions
    # too, so a kill -9 gives the batch's flags (README, "Analyzer replicas"); 0 turns it off
    # (nothing is ever final, memory grows with history). ``jiancha analyze``/``analyzer`` never
    # forget whatever it says.
    analyzer_lateness_days: int = Field(default=14, ge=0, le=366)
    # The shard topics (``jiancha judge``'s changelogs, jiancha/topics.py): a segment rolls, and
    # a rolled dirty segment is cleaned, within this many seconds; a tombstone stays this long
    # after the cleaner first passed it (a rebuild reading a partition from its start must end
    # within it, or it may miss a tombstone). Small values are for tests and benchmarks.
    analyzer_segment_s: int = Field(default=3600, ge=1, le=7 * 86400)
    # ``jiancha judge`` is catching up while more than this many input messages are not routed
    # yet, or a shard partition it holds has more than this many unread: it then judges a scope
    # once its shard's clock is past it, not every second (README, "Analyzer replicas"); at or
    # below it, every change is judged within the second. 0: never defer.
    analyzer_catch_up_lag: int = Field(default=1000, ge=0)
    analyzer_tombstone_s: int = Field(default=3600, ge=1, le=7 * 86400)
    # Prometheus: each worker serves /metrics on this port (0: off); jiancha/metrics.py
    metrics_port: int = Field(default=0, ge=0, le=65535)
    metrics_host: str = "127.0.0.1"

    # API
    api_host: str = "127.0.0.1"
    api_port: int = Field(default=8000, ge=1, le=65535)
    # Reverse proxies whose X-Forwarded-For / -Proto are believed (addresses or networks, comma
    # separated, e.g. ``10.0.0.5,10.1.0.0/16``); empty: none, the client is the socket peer.
    trusted_proxies: Annotated[tuple[str, ...], NoDecode] = ()
    # Request bodies (``api/limits.py``): JSON and other bodies; the sign-in form. Uploads are
    # bounded by ``media_max_bytes`` (recordings) and the attachment limits (整改汇报).
    api_max_body_bytes: int = Field(default=1024**2, ge=1024)
    api_max_login_bytes: int = Field(default=8 * 1024, ge=1024)

    # Review service: sign-in (``api/security.py``)
    # HS256 key; unset: a random one kept in data_dir (0600). Not even masked in repr.
    auth_secret: SecretStr | None = Field(default=None, repr=False)
    auth_token_minutes: int = Field(default=30, ge=1, le=24 * 60)  # access-token lifetime
    auth_session_hours: int = Field(default=12, ge=1, le=72)  # renewals end this long after sign-in
    login_max_failures: int = Field(default=5, ge=1, le=100)  # per username + client IP …
    login_account_max_failures: int = Field(default=10, ge=1, le=1000)  # … per username …
    login_global_max_failures: int = Field(default=100, ge=1, le=100_000)  # … in all …
    login_window_s: int = Field(default=300, ge=1, le=86_400)  # … within this many seconds

    # Rectification orders (整改通知书, ``streams/review/desk.py``, ``streams/review/agents.py``)
    order_deadline_days: int = Field(default=7, ge=1, le=365)  # default deadline after issue/return
    order_escalation_interval_s: float = Field(default=60, gt=0, le=86_400)  # overdue timer
    order_apply_timeout_s: float = Field(default=10, gt=0, le=120)  # API waits for the projection
    attachment_max_bytes: int = Field(default=20 * 1024**2, ge=1)  # per file of a 整改汇报
    attachment_max_files: int = Field(default=10, ge=1, le=100)
    attachment_types: tuple[Literal["pdf", "jpeg", "png", "docx", "xlsx", "mp4"], ...] = (
        "pdf",
        "jpeg",
        "png",
        "docx",
        "xlsx",
        "mp4",
    )  # checked by content, not by file name

    # 《监察专刊》 (``jiancha bulletin``, ``streams/bulletin/``, ``api/routes/bulletins.py``)
    bulletin_unit: str = "交警支队监查中心"  # 编印单位 on the masthead
    bulletin_timezone: str = BEIJING_ZONE  # ISO weeks, the Monday 08:00 crontab, dates shown
    bulletin_total_base: int = Field(default=0, ge=0)  # 总期号 issued before this system's first
    bulletin_typical_cases: int = Field(default=5, ge=1, le=50)  # 三、典型案例: the gravest N
    bulletin_requirements_file: Path | None = None  # 六、下步要求 (default: the packaged template)
    # 《整改通知书》 on paper (``api/routes/orders.py`` notice.pdf, ``streams/review/numbers.py``)
    notice_prefix: str = Field(default="菏交监整", min_length=1, max_length=16)  # 文号 机关代字
    notice_unit: str = "菏泽市公安局交通警察支队监查中心"  # 发文单位, printed and in the seal line

    # Embedded services (``jiancha up``)
    data_dir: Path = Field(default_factory=_default_data_dir)
    cache_dir: Path = Field(default_factory=_default_cache_dir)
    kafka_version: str = "4.1.1"
    kafka_port: int = Field(default=9092, ge=1, le=65535)
    kafka_controller_port: int = Field(default=9093, ge=1, le=65535)
    kafka_heap: str = "512m"
    es_version: str = "8.19.21"
    es_port: int = Field(default=9200, ge=1, le=65535)
    es_heap: str = "1g"
    service_user: str = "jiancha"
    java_home: Path | None = None
    start_timeout_s: float = Field(default=180, gt=0)

    # Speech (``jiancha transcriber`` / ``transcribe``)
    # media_uri: a path relative to media_root, or a file under it or the upload store
    # (data_dir/media); nothing else on disk (``streams/speech/media.py``, issue 13)
    media_root: Path = Path(".")
    media_max_bytes: int = Field(default=2 * 1024**3, ge=1)  # also the limit of a download
    # http(s) media only from these hosts, comma-separated: "nas.local" (port 80/443) or
    # "nas.local:8080"; empty: no download at all
    media_hosts: Annotated[tuple[str, ...], NoDecode] = ()
    media_fetch_timeout_s: float = Field(default=600, gt=0, le=24 * 3600)  # a whole download
    media_max_seconds: float = Field(default=8 * 3600, gt=0)
    whisper_engine: Literal["faster-whisper", "openai-whisper"] = "faster-whisper"
    whisper_device: str = "auto"  # auto: CUDA when present, else CPU
    whisper_compute_type: str = "auto"  # auto: int8 on CPU, float16 on CUDA
    # Beam 5 with the act words in the prompt: chosen on the street sets
    # (benchmarks/transcription.py --only acts): 10 dB 7/11 problems, 6/11 with beam 1 (issue 14)
    whisper_beam_size: int = Field(default=5, ge=1, le=10)
    whisper_batch_size: int = Field(default=8, ge=0, le=64)  # 0: sequential; see EngineOptions
    whisper_threads: int = Field(default=0, ge=0, le=256)  # 0: one per core
    whisper_checkpoint: Path | None = None  # openai-whisper only: a local base.pt
    # Street audio (issue 14), both chosen in benchmarks/transcription.py on the street sets:
    whisper_vad_threshold: float = Field(default=0.5, gt=0, lt=1)  # Silero speech probability
    whisper_denoise: Literal["off", "wiener"] = "off"  # front end before the engine
    # The decoder prompt also names the act words of vocabulary.toml (``acts``)
    whisper_prompt_acts: bool = True
    speech_vocabulary: Path | None = None  # default: the packaged vocabulary.toml

    # Analyzers: the law and the seed policies as configuration (default: the packaged files)
    violations_file: Path | None = None  # violation types, fine ranges, allowed measures
    policies_file: Path | None = None  # seed policies; the ``policies`` topic adds and overrides
    seed_policies: bool = True  # False: only the policies that arrive on the topic

    @field_validator("topic_prefix", "index_prefix", "app_id")
    @classmethod
    def _lowercase_name(cls, value: str) -> str:
        # Elasticsearch index names must be lowercase; Kafka topics allow [a-zA-Z0-9._-].
        allowed = set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        if not set(value) <= allowed:
            raise ValueError(f"只能包含小写字母、数字、'.'、'_'、'-'：{value!r}")
        return value

    @field_validator("media_hosts", mode="before")
    @classmethod
    def _media_hosts(cls, value: object) -> object:
        if isinstance(value, str):
            value = [h for h in value.replace(" ", ",").split(",") if h]
        if not isinstance(value, list | tuple):
            return value
        hosts = []
        for entry in value:
            host = str(entry).strip().lower().rstrip(".")
            parts = urllib.parse.urlsplit(f"//{host}")
            try:
                parts.port  # noqa: B018 - raises on a bad port
            except ValueError:
                raise ValueError(f"端口无效：{entry!r}") from None
            if not parts.hostname or parts.netloc != host or "@" in host:
                raise ValueError(f"应为主机名或“主机名:端口”，不带协议和路径：{entry!r}")
            hosts.append(host)
        return tuple(hosts)

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _proxies(cls, value: object) -> object:
        # From the environment a comma-separated list; each an address or a network.
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, (list, tuple)):
            return value
        proxies = tuple(str(i).strip() for i in items if str(i).strip())
        for proxy in proxies:
            try:
                ipaddress.ip_network(proxy, strict=False)
            except ValueError:
                raise ValueError(f"可信代理应为 IP 地址或网段：{proxy!r}") from None
        return proxies

    @field_validator("analyzer_lateness_days")
    @classmethod
    def _lateness_beyond_reach(cls, v: int) -> int:
        if 0 < v <= 7:
            raise ValueError("迟到期限须为 0（不终结月份）或大于 7 天（规则最远回溯 7 天）")
        return v

    @field_validator("kafka_heap", "es_heap")
    @classmethod
    def _heap(cls, value: str) -> str:
        if not value[:-1].isdigit() or value[-1] not in "mg":
            raise ValueError(f"堆大小应形如 512m 或 1g：{value!r}")
        return value

    @model_validator(mode="after")
    def _kafka_credentials(self) -> Settings:
        # Fail at start, not at the first send: SASL without a user cannot sign in.
        if self.kafka_security_protocol.startswith("SASL_") and not (
            self.kafka_username and self.kafka_password
        ):
            raise ValueError(
                f"JIANCHA_KAFKA_SECURITY_PROTOCOL={self.kafka_security_protocol} 需要同时设置 "
                "JIANCHA_KAFKA_USERNAME 与 JIANCHA_KAFKA_PASSWORD"
            )
        if self.kafka_ssl_cafile is not None and self.kafka_security_protocol != "SASL_SSL":
            raise ValueError(
                "JIANCHA_KAFKA_SSL_CAFILE 只用于 JIANCHA_KAFKA_SECURITY_PROTOCOL=SASL_SSL"
            )
        return self
