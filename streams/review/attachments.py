"""Attachments of a 整改汇报: checked by content (not by name) and stored by their SHA-256.

A file is written to a temporary part beside the store, hashed while it streams, refused when too
big (413) or of a type off the allow-list (415), then moved to ``<store>/ab/abcd….<type>``, the
type being the one its first bytes show. Storing is idempotent, so a file stored for an answer
whose event then fails to publish is harmless: the same bytes uploaded again land on the same
name.

The uploader's file name is only a label. A download is named ``<sha256>.<type>`` and typed by the
content alone; the original name travels sanitised, with the detected type's extension, in the
RFC 5987 ``filename*`` parameter, so a ``%PDF-`` polyglot uploaded as ``x.html`` is saved as a PDF.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
import urllib.parse
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from jiancha.files import TooLarge, spool

#: kind -> (MIME type, what people call it)
KINDS: dict[str, tuple[str, str]] = {
    "pdf": ("application/pdf", "PDF"),
    "jpeg": ("image/jpeg", "JPEG 图片"),
    "png": ("image/png", "PNG 图片"),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Word 文档（docx）",
    ),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Excel 表格（xlsx）",
    ),
    "mp4": ("video/mp4", "MP4 视频"),
}

#: kind -> the file name extension it is stored and served with
EXTENSIONS: dict[str, str] = {
    "pdf": "pdf",
    "jpeg": "jpg",
    "png": "png",
    "docx": "docx",
    "xlsx": "xlsx",
    "mp4": "mp4",
}

#: Characters no file name offered to a browser may hold (path separators, quoting, Windows').
_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|;%]')


class AttachmentError(Exception):
    """An upload refused; ``status`` is the HTTP status (413, 415, 422)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class StoredFile:
    """A stored attachment."""

    sha256: str
    size: int
    kind: str

    @property
    def content_type(self) -> str:
        return KINDS[self.kind][0]


def sniff(path: Path) -> str | None:
    """The kind of a file from its first bytes (and, for Office files, the zip's parts)."""
    with path.open("rb") as f:
        head = f.read(16)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[4:8] == b"ftyp":
        return "mp4"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile:
            return None
        if "[Content_Types].xml" in names:
            if "word/document.xml" in names:
                return "docx"
            if "xl/workbook.xml" in names:
                return "xlsx"
    return None


def path_of(store: Path, sha256: str, kind: str) -> Path:
    """Where the attachment with this SHA-256 and detected kind lives."""
    return store / sha256[:2] / f"{sha256}.{EXTENSIONS[kind]}"


def find_stored(store: Path, sha256: str) -> tuple[Path, str] | None:
    """The stored file with this SHA-256 and its kind (by content, for a file stored unnamed)."""
    for kind in KINDS:
        path = path_of(store, sha256, kind)
        if path.is_file():
            return path, kind
    legacy = store / sha256[:2] / sha256  # stored before files were named by their type
    sniffed = sniff(legacy) if legacy.is_file() else None
    return (legacy, sniffed) if sniffed is not None else None


def download_name(original: str | None, kind: str) -> str:
    """The uploader's file name made safe to offer: no controls or separators, the true type."""
    name = unicodedata.normalize("NFC", original or "")
    # Controls and format characters (a right-to-left override can disguise "fdp.html").
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = _UNSAFE_IN_NAMES.sub("_", name).strip(" .")
    stem = name.rsplit(".", 1)[0].strip(" .") if "." in name else name
    return f"{stem[:100] or '附件'}.{EXTENSIONS[kind]}"


def content_disposition(sha256: str, kind: str, original: str | None) -> str:
    """``attachment`` named ``<sha256>.<type>``, the sanitised original name in ``filename*``."""
    label = urllib.parse.quote(download_name(original, kind), safe="")
    return f"attachment; filename=\"{sha256}.{EXTENSIONS[kind]}\"; filename*=UTF-8''{label}"


def store_upload(
    source: BinaryIO, filename: str, store: Path, max_bytes: int, allowed: tuple[str, ...]
) -> StoredFile:
    """Check and store one uploaded file; raise AttachmentError when it is refused."""
    try:
        spooled = spool(source, store, max_bytes)
    except TooLarge:
        raise AttachmentError(
            413, f"附件“{filename}”超过大小上限 {max_bytes // (1 << 20)} MB"
        ) from None
    part, size = spooled.path, spooled.size
    try:
        if size == 0:
            raise AttachmentError(422, f"附件“{filename}”为空文件")
        kind = sniff(part)
        if kind not in allowed:
            names = "、".join(KINDS[k][1] for k in allowed if k in KINDS)
            raise AttachmentError(415, f"附件“{filename}”的文件内容不是允许的类型（仅限 {names}）")
        sha256 = spooled.sha256
        dest = path_of(store, sha256, kind)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if not dest.exists():
            shutil.move(part, dest)
        return StoredFile(sha256, size, kind)
    finally:
        part.unlink(missing_ok=True)
