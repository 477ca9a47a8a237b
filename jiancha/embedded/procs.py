"""Background processes that jiancha starts and stops itself (pid files, logs, process groups)."""

from __future__ import annotations

import contextlib
import os
import pwd
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ServiceUser:
    """The unprivileged account a service runs as (Elasticsearch refuses root)."""

    name: str
    uid: int
    gid: int


def ensure_service_user(name: str) -> ServiceUser | None:
    """Create ``name`` as a system user when running as root; None when not root."""
    if os.geteuid() != 0:
        return None
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
            check=True,
            capture_output=True,
        )
        entry = pwd.getpwnam(name)
    return ServiceUser(name, entry.pw_uid, entry.pw_gid)


def chown_tree(path: Path, user: ServiceUser | None) -> None:
    """Give ``path`` and everything below it to ``user`` (no-op when not root)."""
    if user is None:
        return
    for root, dirs, files in os.walk(path):
        os.chown(root, user.uid, user.gid)
        for name in dirs + files:
            os.chown(os.path.join(root, name), user.uid, user.gid, follow_symlinks=False)


class ManagedProcess:
    """A long-running process with a pid file and a log file under the data directory."""

    def __init__(self, name: str, run_dir: Path, log_dir: Path, marker: str) -> None:
        # ``marker`` is a string unique to our command line, so a recycled pid is never
        # mistaken for ours and never killed.
        self.name = name
        self.pid_file = run_dir / f"{name}.pid"
        self.log_file = log_dir / f"{name}.log"
        self.marker = marker

    def pid(self) -> int | None:
        """The pid if our process is alive, else None (a stale pid file is removed)."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            cmdline = ""
        if self.marker not in cmdline:
            self.pid_file.unlink(missing_ok=True)
            return None
        return pid

    def start(
        self,
        cmd: list[str],
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
        user: ServiceUser | None = None,
    ) -> int:
        """Start in its own session, output appended to the log; returns the pid."""
        if (pid := self.pid()) is not None:
            return pid
        self.pid_file.parent.mkdir(parents=True, exist_ok=True)
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_file, "ab")  # noqa: SIM115 - handed to the child
        if user is not None:
            os.chown(self.log_file, user.uid, user.gid)
        proc = subprocess.Popen(
            cmd,
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            user=user.uid if user else None,
            group=user.gid if user else None,
            extra_groups=[] if user else None,
        )
        log.close()
        self.pid_file.write_text(str(proc.pid))
        return proc.pid

    def exited_early(self) -> bool:
        """True when the pid file names a process that is gone."""
        return self.pid_file.exists() and self.pid() is None

    def stop(self, timeout_s: float = 30) -> bool:
        """SIGTERM the process group, SIGKILL after ``timeout_s``; True if something was stopped."""
        pid = self.pid()
        if pid is None:
            return False
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.2)
        if _alive(pid):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)
        return True

    def log_tail(self, lines: int = 20) -> str:
        """The last lines of the log, for error messages."""
        try:
            text = self.log_file.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""
        return "\n".join(text.splitlines()[-lines:])


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child of ours still "exists"; reap it if so.
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
        return done == 0
    except ChildProcessError:
        return Path(f"/proc/{pid}").exists() and "Z" not in _state(pid)


def _state(pid: int) -> str:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return ""


def java_home(configured: Path | None) -> Path:
    """The JDK to run Kafka and Elasticsearch with: configured, else the ``java`` on PATH."""
    import shutil

    if configured is not None:
        home = configured
    else:
        java = shutil.which("java")
        if java is None:
            raise RuntimeError("找不到 Java：请安装 JDK 17 或更新版本，或设置 JIANCHA_JAVA_HOME")
        home = Path(java).resolve().parent.parent
    if not (home / "bin" / "java").exists():
        raise RuntimeError(f"JIANCHA_JAVA_HOME 下没有 bin/java：{home}")
    return home
