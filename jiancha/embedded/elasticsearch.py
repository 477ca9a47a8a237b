"""A real single-node Elasticsearch, from the integ-test zip on Maven Central, run unprivileged."""

from __future__ import annotations

import json
import os
import shutil
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

from jiancha.embedded import maven
from jiancha.embedded.procs import ManagedProcess, ServiceUser, chown_tree, java_home
from jiancha.settings import Settings


class EmbeddedElasticsearch:
    """Install, configure, start and probe the local node."""

    def __init__(self, settings: Settings) -> None:
        self.s = settings
        self.root = settings.data_dir / "elasticsearch"
        self.home = self.root / f"elasticsearch-{settings.es_version}"
        self.process = ManagedProcess(
            "elasticsearch", settings.data_dir / "run", settings.data_dir / "logs", str(self.home)
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.s.es_port}"

    def install(self, user: ServiceUser | None) -> Path:
        """Fetch the zip once (Maven cache) and unpack it where the service user can read it."""
        if not (self.home / "bin" / "elasticsearch").exists():
            archive = maven.fetch_file(
                self.s.cache_dir,
                "org.elasticsearch.distribution.integ-test-zip",
                "elasticsearch",
                self.s.es_version,
                "zip",
            )
            self.root.mkdir(parents=True, exist_ok=True)
            tmp = self.root / ".unpacking"
            shutil.rmtree(tmp, ignore_errors=True)
            _unzip(archive, tmp)
            (tmp / self.home.name).rename(self.home)
            tmp.rmdir()
        return self.home

    def configure(self, user: ServiceUser | None) -> None:
        """Write elasticsearch.yml (loopback, single node, security off) and own the tree."""
        data, logs = self.root / "data", self.root / "logs"
        data.mkdir(parents=True, exist_ok=True)
        logs.mkdir(parents=True, exist_ok=True)
        config = {
            "cluster.name": "jiancha",
            "node.name": "jiancha-1",
            "path.data": str(data),
            "path.logs": str(logs),
            "network.host": "127.0.0.1",
            "http.port": self.s.es_port,
            "transport.port": self.s.es_port + 100,
            "discovery.type": "single-node",
            # Loopback only, so no TLS or users; docker/compose.yaml says how to secure a site.
            "xpack.security.enabled": False,
            "cluster.routing.allocation.disk.threshold_enabled": False,
            "action.destructive_requires_name": False,
        }
        lines = [f"{k}: {json.dumps(v)}" for k, v in config.items()]
        (self.home / "config" / "elasticsearch.yml").write_text("\n".join(lines) + "\n")
        chown_tree(self.root, user)
        # The service user must reach the data directory through its parents.
        for parent in [self.s.data_dir, *self.s.data_dir.parents]:
            if parent == Path("/"):
                break
            mode = parent.stat().st_mode
            if not mode & 0o001:
                os.chmod(parent, mode | 0o001)

    def start(self, user: ServiceUser | None) -> int:
        """Start the node in the background; returns its pid."""
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "ES_JAVA_HOME": str(java_home(self.s.java_home)),
            "ES_JAVA_OPTS": f"-Xms{self.s.es_heap} -Xmx{self.s.es_heap}",
            "ES_TMPDIR": str(self.root / "tmp"),
            "HOME": str(self.root),
            "LANG": "C.UTF-8",
        }
        (self.root / "tmp").mkdir(exist_ok=True)
        chown_tree(self.root / "tmp", user)
        return self.process.start(
            [str(self.home / "bin" / "elasticsearch")], env=env, cwd=self.root, user=user
        )

    def healthy(self) -> tuple[bool, str]:
        """(ok, detail): the cluster answers and is green or yellow."""
        try:
            with urllib.request.urlopen(f"{self.url}/_cluster/health", timeout=3) as resp:
                health = json.load(resp)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            return False, f"无法连接：{exc.__class__.__name__}"
        status = health.get("status", "?")
        return status in {"green", "yellow"}, f"集群状态 {status}"


def _unzip(archive: Path, dest: Path) -> None:
    # zipfile drops Unix permissions; restore them from external_attr so bin/ stays executable.
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            path = Path(zf.extract(info, dest))
            mode = (info.external_attr >> 16) & 0o777
            if mode:
                os.chmod(path, mode)
