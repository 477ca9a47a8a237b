"""Recorder media: where it is, whether it is the registered file, and its audio at 16 kHz.

Every failure is a :class:`MediaError` with a stable ``code`` (for metrics and the dead-letter
topic) and a reason in Chinese for the people who read the dead letters. A reason never names a
server path: the API shows it (generically) to reviewers, and the dead letter already carries the
recording's ``media_uri``.

Where media may come from is :class:`MediaSources`: files under the media root or the upload
store (symlinks resolved), and ``http(s)`` only from the hosts an operator allowed, within a
deadline and the size limit. A ``media_uri`` is data from a recorder or an upload, so anything
else (``/etc/passwd``, the token key in the data directory, Elasticsearch on localhost) is refused.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import os
import shutil
import socket
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from jiancha.settings import Settings

SAMPLE_RATE = 16_000
_CHUNK = 1 << 20
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 3
_DEFAULT_PORTS = {"http": 80, "https": 443}
_OUTSIDE = "媒体文件不在允许的目录（媒体根目录或上传存储）内"


class MediaError(Exception):
    """Media that cannot be transcribed.

    ``code``: missing, empty, too_large, too_long, unsupported, corrupt, fetch_failed or bad_uri.
    """

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


@dataclass(frozen=True)
class MediaLimits:
    """What the transcriber accepts: clips are minutes long; an 8-hour shift is the outer bound."""

    max_bytes: int = 2 * 1024**3
    max_seconds: float = 8 * 3600


def upload_store(settings: Settings) -> Path:
    """Where ``POST /recordings`` keeps uploaded media: ``<data_dir>/media/ab/abcd….m4a``."""
    return settings.data_dir / "media"


@dataclass(frozen=True)
class MediaSources:
    """Where media may be read from.

    Relative paths are under ``media_root``; absolute paths and ``file://`` must resolve (symlinks
    followed) under ``media_root`` or one of ``stores``. Nothing under a ``private`` directory
    (the data directory: token key, Kafka and Elasticsearch files) is read, unless through a root
    that lies strictly inside it (the upload store, a demo's media folder). ``http(s)://`` is
    fetched only from ``hosts`` (``host`` for the scheme's default port, ``host:port`` for
    another), redirects included, within ``fetch_timeout_s`` overall.
    """

    media_root: Path
    stores: tuple[Path, ...] = ()
    private: tuple[Path, ...] = ()
    hosts: tuple[str, ...] = ()
    fetch_timeout_s: float = 600.0

    @classmethod
    def of(cls, settings: Settings) -> MediaSources:
        """The media root, the upload store, the data directory kept private, allowed hosts."""
        return cls(
            media_root=settings.media_root,
            stores=(upload_store(settings),),
            private=(settings.data_dir,),
            hosts=settings.media_hosts,
            fetch_timeout_s=settings.media_fetch_timeout_s,
        )

    def allows(self, real: Path) -> bool:
        """Whether the resolved path ``real`` lies where media may be read."""
        private = [d.resolve() for d in self.private]
        for root in (p.resolve() for p in (self.media_root, *self.stores)):
            if not real.is_relative_to(root):
                continue
            if all(
                not real.is_relative_to(d) or (root.is_relative_to(d) and root != d)
                for d in private
            ):
                return True
        return False

    def allows_url(self, url: str) -> tuple[str, str, int]:
        """(scheme, host, port) of an ``http(s)`` URL whose host is allowed; else MediaError."""
        parts = urllib.parse.urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in _DEFAULT_PORTS:
            raise MediaError("bad_uri", "媒体下载只能使用 http(s)，转向其他协议的地址已拒绝")
        try:
            host, port = (parts.hostname or "").rstrip("."), parts.port
        except ValueError as exc:
            raise MediaError("bad_uri", "媒体地址的端口无效") from exc
        if not host:
            raise MediaError("bad_uri", "媒体地址缺少主机名")
        if not self.hosts:
            raise MediaError(
                "bad_uri", "未配置允许下载媒体的主机（JIANCHA_MEDIA_HOSTS），不从网络下载媒体"
            )
        port = port or _DEFAULT_PORTS[scheme]
        allowed = {_host_port(h, _DEFAULT_PORTS[scheme]) for h in self.hosts}
        if (host, port) not in allowed:
            raise MediaError(
                "bad_uri", f"媒体主机 {host}:{port} 不在允许列表（JIANCHA_MEDIA_HOSTS）中"
            )
        return scheme, host, port


def _host_port(entry: str, default_port: int) -> tuple[str, int]:
    parts = urllib.parse.urlsplit(f"//{entry.strip()}")
    return (parts.hostname or "").rstrip("."), parts.port or default_port


@dataclass
class LocalMedia:
    """A media file on local disk; ``temporary`` ones (downloads) go at :meth:`cleanup`."""

    path: Path
    temporary: bool = False

    def cleanup(self) -> None:
        if self.temporary:
            self.path.unlink(missing_ok=True)


def resolve(
    uri: str, sources: MediaSources | Path, limits: MediaLimits | None = None
) -> LocalMedia:
    """The local file behind ``media_uri``, confined to ``sources`` (a bare Path: that media root).

    A path relative to the media root, an absolute path or ``file://`` under an allowed
    directory, or ``http(s)://`` from an allowed host (downloaded to a temporary file, at most
    ``limits.max_bytes``). ``..``, NUL bytes and other schemes are refused.
    """
    limits = limits or MediaLimits()
    if isinstance(sources, Path):
        sources = MediaSources(sources)
    if not uri or not uri.strip():
        raise MediaError("bad_uri", "录像缺少 media_uri")
    if "\x00" in uri:
        raise MediaError("bad_uri", "media_uri 含有空字符，已拒绝")
    parsed = urllib.parse.urlparse(uri)
    scheme = parsed.scheme.lower()
    if scheme in _DEFAULT_PORTS:
        return LocalMedia(_download(uri, sources, limits), temporary=True)
    if scheme == "file":
        if (
            parsed.netloc not in ("", "localhost")
            or parsed.params
            or parsed.query
            or parsed.fragment
        ):
            raise MediaError("bad_uri", "file:// 地址只能指向本机文件")
        raw = urllib.parse.unquote(parsed.path)
        if "\x00" in raw:
            raise MediaError("bad_uri", "media_uri 含有空字符，已拒绝")
        path = Path(raw)
    elif scheme == "" or (len(scheme) == 1 and os.name == "nt"):
        path = Path(uri)
    else:
        raise MediaError(
            "bad_uri", f"不支持的 media_uri 协议：{scheme}（支持相对路径、file://、http(s)://）"
        )
    if ".." in path.parts:
        raise MediaError("bad_uri", "media_uri 不得含有“..”")
    if not path.is_absolute():
        path = sources.media_root / path
    # Confinement first, so a refusal says nothing about whether the file exists.
    try:
        allowed = sources.allows(path.resolve())
    except (OSError, RuntimeError, ValueError):
        allowed = False
    if not allowed:
        raise MediaError("bad_uri", _OUTSIDE)
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # missing, a symlink loop, no permission
        raise MediaError("missing", "媒体文件不存在") from exc
    if not sources.allows(real):  # a symlink put in place since the check above
        raise MediaError("bad_uri", _OUTSIDE)
    if not real.is_file():
        raise MediaError("missing", "媒体文件不存在")
    size = real.stat().st_size
    if size == 0:
        raise MediaError("empty", "媒体文件为空（0 字节）")
    if size > limits.max_bytes:
        raise MediaError("too_large", f"媒体文件 {size} 字节，超过上限 {limits.max_bytes} 字节")
    return LocalMedia(real)


class _Deadline:
    """Shuts the connection in use when the time is up, whatever it is blocked on.

    Socket timeouts bound each read, not the download: a server dripping a byte a second (or
    header lines) would hold the single transcriber for ever.
    """

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._end = time.monotonic() + seconds
        self._conn: http.client.HTTPConnection | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._timer.cancel()

    def remaining(self) -> float:
        left = self._end - time.monotonic()
        if left <= 0:
            raise _Expired
        return left

    def watch(self, conn: http.client.HTTPConnection) -> None:
        """Connect ``conn`` and shut it down when the time is up."""
        with self._lock:
            self._conn = conn
        conn.connect()  # bounded by the socket timeout, set to the time remaining
        if self.expired:
            raise _Expired

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sock = self._conn.sock if self._conn is not None else None
        if sock is not None:
            # The plain socket's shutdown, also under TLS: the blocked reader wakes with an error.
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Expired(Exception):
    pass


def _download(url: str, sources: MediaSources, limits: MediaLimits) -> Path:
    fd, name = tempfile.mkstemp(prefix="jiancha-media-")
    total = 0
    host = urllib.parse.urlsplit(url).hostname or "?"
    try:
        with os.fdopen(fd, "wb") as out, _Deadline(sources.fetch_timeout_s) as deadline:
            try:
                total = _fetch(url, out, sources, limits, deadline)
            except (_Expired, MediaError):
                raise
            except Exception as exc:
                if deadline.expired:
                    raise _Expired from exc
                raise MediaError("fetch_failed", f"从 {host} 下载媒体失败（{exc!r}）") from exc
    except _Expired:
        Path(name).unlink(missing_ok=True)
        raise MediaError(
            "fetch_failed", f"从 {host} 下载媒体超时（超过 {sources.fetch_timeout_s:g} 秒）"
        ) from None
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    if total == 0:
        Path(name).unlink(missing_ok=True)
        raise MediaError("empty", f"从 {host} 下载到的媒体为空")
    return Path(name)


def _fetch(
    url: str, out: IO[bytes], sources: MediaSources, limits: MediaLimits, deadline: _Deadline
) -> int:
    """GET ``url`` into ``out``; redirects only to allowed hosts, no proxy. Returns the bytes."""
    for _ in range(MAX_REDIRECTS + 1):
        scheme, host, port = sources.allows_url(url)
        parts = urllib.parse.urlsplit(url)
        target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
        conn_class = (
            http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
        )
        conn = conn_class(host, port, timeout=deadline.remaining())
        try:
            deadline.watch(conn)
            conn.request("GET", target, headers={"Accept-Encoding": "identity"})
            resp = conn.getresponse()
            if resp.status in _REDIRECTS:
                location = resp.getheader("Location")
                if not location:
                    raise MediaError("fetch_failed", f"{host} 答复转向却未给出地址")
                url = urllib.parse.urljoin(url, location)
                continue
            if resp.status != 200:
                raise MediaError("fetch_failed", f"{host} 答复 HTTP {resp.status}，未能下载媒体")
            declared = resp.getheader("Content-Length")
            if declared and declared.isdigit() and int(declared) > limits.max_bytes:
                raise MediaError(
                    "too_large", f"媒体 {declared} 字节，超过上限 {limits.max_bytes} 字节"
                )
            total = 0
            while chunk := resp.read1(_CHUNK):
                total += len(chunk)
                if total > limits.max_bytes:
                    raise MediaError("too_large", f"下载超过上限 {limits.max_bytes} 字节")
                out.write(chunk)
                deadline.remaining()
            if deadline.expired:  # the shut socket reads as the end of the body
                raise _Expired
            if declared and declared.isdigit() and total < int(declared):
                # A cut download would otherwise fail the SHA-256 check: a false tampering flag.
                raise MediaError("fetch_failed", f"{host} 的媒体未传完（{total}/{declared} 字节）")
            return total
        finally:
            conn.close()
    raise MediaError("fetch_failed", f"媒体地址转向超过 {MAX_REDIRECTS} 次")


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file, read in 1 MiB chunks."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def probe_audio(path: Path, limits: MediaLimits | None = None) -> float | None:
    """Check, without decoding, that ``path`` has an audio track within the length limit.

    Returns the declared length in seconds (None when the container does not say).
    """
    import av

    limits = limits or MediaLimits()
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise MediaError("unsupported", f"文件中没有音轨：{path.name}")
            stream = container.streams.audio[0]
            seconds = None
            if stream.duration is not None and stream.time_base is not None:
                seconds = float(stream.duration * stream.time_base)
            elif container.duration is not None:
                seconds = container.duration / 1_000_000
    except MediaError:
        raise
    except av.error.InvalidDataError as exc:
        raise MediaError("unsupported", f"无法识别的媒体格式：{path.name}（{exc}）") from exc
    except av.error.FFmpegError as exc:
        raise MediaError("corrupt", f"媒体文件损坏，无法打开：{path.name}（{exc}）") from exc
    if seconds is not None and seconds > limits.max_seconds:
        raise MediaError(
            "too_long",
            f"录音时长 {seconds:.0f} 秒，超过上限 {limits.max_seconds:.0f} 秒：{path.name}",
        )
    return seconds


def load_audio(path: Path, limits: MediaLimits | None = None) -> np.ndarray:
    """Mono float32 samples at 16 kHz.

    Containers without audio, undecodable data and clips longer than ``limits.max_seconds`` raise
    :class:`MediaError`.
    """
    import av

    limits = limits or MediaLimits()
    probe_audio(path, limits)
    from faster_whisper.audio import decode_audio

    try:
        audio = decode_audio(str(path), sampling_rate=SAMPLE_RATE)
    except av.error.FFmpegError as exc:
        raise MediaError("corrupt", f"媒体文件损坏，解码失败：{path.name}（{exc}）") from exc
    if audio.size == 0:
        raise MediaError("empty", f"媒体文件中没有可解码的声音：{path.name}")
    if audio.size / SAMPLE_RATE > limits.max_seconds:
        raise MediaError("too_long", f"录音时长超过上限 {limits.max_seconds:.0f} 秒：{path.name}")
    return audio.astype(np.float32, copy=False)


def copy_into_store(src: Path, store: Path, sha256: str, suffix: str) -> Path:
    """Content-addressed copy (``store/ab/abcdef….m4a``); an existing identical file is reused."""
    dest = store / sha256[:2] / f"{sha256}{suffix}"
    if not dest.exists():
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_suffix(dest.suffix + ".part")
        shutil.copyfile(src, tmp)
        tmp.replace(dest)
    return dest
