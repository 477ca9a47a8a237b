"""Recorder media: where it is, whether it is the registered file, and its audio at 16 kHz.

Every failure is a :class:`MediaError` with a stable ``code`` (for metrics and the dead-letter
topic) and a reason in
Chinese for the people who read the dead letters.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SAMPLE_RATE = 16_000
_CHUNK = 1 << 20


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


@dataclass
class LocalMedia:
    """A media file on local disk; ``temporary`` ones (downloads) go at :meth:`cleanup`."""

    path: Path
    temporary: bool = False

    def cleanup(self) -> None:
        if self.temporary:
            self.path.unlink(missing_ok=True)


def resolve(uri: str, media_root: Path, limits: MediaLimits | None = None) -> LocalMedia:
    """The local file behind ``media_uri``.

    A path relative to ``media_root``, an absolute path, ``file://`` or
    ``http(s)://`` (downloaded to a temporary file, at most ``limits.max_bytes``)."""
    limits = limits or MediaLimits()
    if not uri or not uri.strip():
        raise MediaError("bad_uri", "录像缺少 media_uri")
    parsed = urllib.parse.urlparse(uri)
    if parsed.scheme in ("http", "https"):
        return LocalMedia(_download(uri, limits), temporary=True)
    if parsed.scheme == "file":
        path = Path(urllib.parse.unquote(parsed.path))
    elif parsed.scheme == "" or (len(parsed.scheme) == 1 and os.name == "nt"):
        path = Path(uri)
        if not path.is_absolute():
            root = media_root.resolve()
            path = (root / path).resolve()
            if not path.is_relative_to(root):
                raise MediaError("bad_uri", f"media_uri 越出媒体根目录：{uri}")
    else:
        raise MediaError(
            "bad_uri",
            f"不支持的 media_uri 协议：{parsed.scheme}（支持相对路径、file://、http(s)://）",
        )
    if not path.is_file():
        raise MediaError("missing", f"媒体文件不存在：{path}")
    size = path.stat().st_size
    if size == 0:
        raise MediaError("empty", f"媒体文件为空（0 字节）：{path}")
    if size > limits.max_bytes:
        raise MediaError(
            "too_large", f"媒体文件 {size} 字节，超过上限 {limits.max_bytes} 字节：{path}"
        )
    return LocalMedia(path)


def _download(url: str, limits: MediaLimits) -> Path:
    fd, name = tempfile.mkstemp(prefix="jiancha-media-")
    total = 0
    try:
        with urllib.request.urlopen(url, timeout=60) as resp, os.fdopen(fd, "wb") as out:
            while chunk := resp.read(_CHUNK):
                total += len(chunk)
                if total > limits.max_bytes:
                    raise MediaError("too_large", f"下载超过上限 {limits.max_bytes} 字节：{url}")
                out.write(chunk)
    except MediaError:
        Path(name).unlink(missing_ok=True)
        raise
    except OSError as exc:
        Path(name).unlink(missing_ok=True)
        raise MediaError("fetch_failed", f"下载媒体失败（{exc}）：{url}") from exc
    if total == 0:
        Path(name).unlink(missing_ok=True)
        raise MediaError("empty", f"下载到的媒体为空：{url}")
    return Path(name)


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
