"""Fetch artifacts from Maven Central with the machine's ``mvn``, cached under the user's cache."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


class FetchError(RuntimeError):
    """Maven could not provide an artifact."""


def local_repo(cache_dir: Path) -> Path:
    """The project's own Maven repository (so a cache wipe of ~/.m2 does not matter)."""
    return cache_dir / "m2"


def _mvn(cache_dir: Path, args: list[str], cwd: Path | None = None) -> None:
    mvn = shutil.which("mvn")
    if mvn is None:
        raise FetchError("找不到 mvn：请安装 Maven（Debian 软件包 maven）")
    cmd = [mvn, "-q", "-B", f"-Dmaven.repo.local={local_repo(cache_dir)}", *args]
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        raise FetchError(f"Maven 获取失败：{' '.join(args)}\n{tail}")


def fetch_file(cache_dir: Path, group: str, artifact: str, version: str, packaging: str) -> Path:
    """Path of ``group:artifact:version@packaging`` in the local repo, downloading it once."""
    path = (
        local_repo(cache_dir)
        / group.replace(".", "/")
        / artifact
        / version
        / f"{artifact}-{version}.{packaging}"
    )
    if not path.exists():
        coords = f"{group}:{artifact}:{version}:{packaging}"
        _mvn(cache_dir, ["dependency:get", f"-Dartifact={coords}", "-Dtransitive=false"])
    if not path.exists():
        raise FetchError(f"Maven 报告成功但文件不存在：{path}")
    return path


def resolve_runtime_jars(
    cache_dir: Path, dependencies: list[tuple[str, str, str]], out_dir: Path
) -> list[Path]:
    """Copy the runtime closure of ``dependencies`` into ``out_dir`` (once) and list the jars."""
    done = out_dir / ".complete"
    if not done.exists():
        out_dir.mkdir(parents=True, exist_ok=True)
        deps = "".join(
            f"<dependency><groupId>{g}</groupId><artifactId>{a}</artifactId>"
            f"<version>{v}</version></dependency>"
            for g, a, v in dependencies
        )
        pom = out_dir.parent / "pom.xml"
        pom.write_text(
            '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
            "<groupId>jiancha.embedded</groupId><artifactId>runtime</artifactId>"
            f"<version>1</version><packaging>pom</packaging><dependencies>{deps}</dependencies>"
            "</project>",
            encoding="utf-8",
        )
        _mvn(
            cache_dir,
            [
                "dependency:copy-dependencies",
                "-DincludeScope=runtime",
                f"-DoutputDirectory={out_dir}",
            ],
            cwd=pom.parent,
        )
        done.touch()
    return sorted(out_dir.glob("*.jar"))
