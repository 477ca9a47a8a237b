"""Attachments of a 整改汇报: type by content, size limit, content-addressed storage."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest

from streams.review.attachments import KINDS, AttachmentError, path_of, sniff, store_upload

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 16


def office(part: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr(part, "<x/>")
    return buf.getvalue()


ALL = tuple(KINDS)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (PDF, "pdf"),
        (PNG, "png"),
        (JPEG, "jpeg"),
        (MP4, "mp4"),
        (office("word/document.xml"), "docx"),
        (office("xl/workbook.xml"), "xlsx"),
        (office("other.xml"), None),
        (b"PK\x03\x04 not really a zip", None),
        (b"MZ\x90\x00 a windows program", None),
        (b"<html><script>", None),
    ],
)
def test_sniff_reads_the_content(tmp_path: Path, data: bytes, kind: str | None) -> None:
    path = tmp_path / "upload.pdf"  # the name says pdf; only the bytes count
    path.write_bytes(data)
    assert sniff(path) == kind


def test_stored_by_sha256_once(tmp_path: Path) -> None:
    store = tmp_path / "attachments"
    first = store_upload(io.BytesIO(PDF), "汇报.pdf", store, 1000, ALL)
    again = store_upload(io.BytesIO(PDF), "另一个名字.pdf", store, 1000, ALL)
    digest = hashlib.sha256(PDF).hexdigest()
    assert first == again
    assert (first.sha256, first.size, first.content_type) == (digest, len(PDF), "application/pdf")
    assert path_of(store, digest, "pdf").read_bytes() == PDF
    # Named by the type its content shows; no parts left.
    assert [p.name for p in store.rglob("*") if p.is_file()] == [f"{digest}.pdf"]


def test_too_big_is_413_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(AttachmentError) as err:
        store_upload(io.BytesIO(PDF + b"x" * 100), "大文件.pdf", tmp_path, 50, ALL)
    assert err.value.status == 413 and "大文件.pdf" in err.value.message
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_wrong_type_is_415_whatever_the_name(tmp_path: Path) -> None:
    with pytest.raises(AttachmentError) as err:
        store_upload(io.BytesIO(b"MZ\x90\x00"), "汇报.pdf", tmp_path, 1000, ALL)
    assert err.value.status == 415 and "不是允许的类型" in err.value.message
    with pytest.raises(AttachmentError) as err:
        store_upload(io.BytesIO(MP4), "视频.mp4", tmp_path, 1000, ("pdf", "png"))
    assert err.value.status == 415
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_empty_is_422(tmp_path: Path) -> None:
    with pytest.raises(AttachmentError) as err:
        store_upload(io.BytesIO(b""), "空.pdf", tmp_path, 1000, ALL)
    assert err.value.status == 422
