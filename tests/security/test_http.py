"""The HTTP edge on a real ``jiancha api`` (uvicorn as a child process, real Kafka and ES).

A TestClient would not do: it has no proxy-header handling and hands the app the whole body at
once. Here bodies are streamed over a socket, ``X-Forwarded-For`` goes through uvicorn, and the
audit trail is read back from Elasticsearch.
"""

from __future__ import annotations

import select
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from jiancha.elastic.client import sync_client
from jiancha.settings import Settings
from tests.conftest import env_of, stop_process, wait_for
from tests.integration.faults import free_port
from tests.integration.review_fixtures import (
    ACCOUNTS,
    case_document,
    clip_document,
    create_accounts,
    index_documents,
)
from tests.unit.speech_audio import voice, write_wav

SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}
MB = 1024**2


class Api:
    """A ``jiancha api`` child process and an HTTP client on it."""

    def __init__(self, settings: Settings, data_dir: Path, **env: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        environ = env_of(settings) | {"JIANCHA_DATA_DIR": str(data_dir)} | env
        environ.pop("FORWARDED_ALLOW_IPS", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "jiancha.cli", "api", "--port", str(self.port)],
            env=environ,
            stdout=subprocess.DEVNULL,
        )
        self.http = httpx.Client(base_url=self.base, timeout=30)
        wait_for(self._up, timeout_s=90, what="jiancha api /healthz")

    def _up(self) -> bool:
        assert self.proc.poll() is None, "jiancha api exited"
        try:
            return self.http.get("/healthz").status_code == 200
        except httpx.TransportError:
            return False

    def sign_in(
        self, username: str, password: str | None = None, forwarded: str | None = None
    ) -> httpx.Response:
        headers = {"X-Forwarded-For": forwarded} if forwarded else {}
        form = {"username": username, "password": password or ACCOUNTS[username].password}
        return self.http.post("/auth/token", data=form, headers=headers)

    def headers(self, username: str) -> dict[str, str]:
        resp = self.sign_in(username)
        assert resp.status_code == 200, resp.text
        return {"Authorization": f"Bearer {resp.json()['access_token']}"}

    def stop(self) -> None:
        self.http.close()
        stop_process(self.proc)


@pytest.fixture
def start_api(settings: Settings, tmp_path: Path) -> Iterator[Callable[..., Api]]:
    """Start ``jiancha api`` with extra ``JIANCHA_*`` variables; the accounts of every role."""
    apis: list[Api] = []

    def start(**env: str) -> Api:
        apis.append(Api(settings, tmp_path / f"data-{len(apis)}", **env))
        if len(apis) == 1:
            create_accounts(settings)  # the users index exists once the API has started
        return apis[-1]

    yield start
    for api in apis:
        api.stop()


def raw_exchange(
    port: int, head: bytes, chunks: Iterator[bytes], timeout_s: float = 20
) -> tuple[bytes, int]:
    """Send ``head`` and then ``chunks`` until the server answers; (its answer, body bytes sent).

    Sending stops as soon as the answer begins: a server that waits for the whole body never
    answers within ``timeout_s`` (the body offered is far larger than any test sends in time).
    """
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout_s)
    sent = 0
    deadline = time.monotonic() + timeout_s
    try:
        sock.sendall(head)
        sock.setblocking(False)
        pending = b""
        while time.monotonic() < deadline:
            readable, writable, _ = select.select([sock], [sock], [], 0.5)
            if readable:
                break
            if writable:
                if not pending:
                    pending = next(chunks, b"")
                    if not pending:  # everything sent: wait for the answer
                        select.select([sock], [], [], max(0.0, deadline - time.monotonic()))
                        break
                try:
                    n = sock.send(pending)
                except (BlockingIOError, InterruptedError):
                    continue
                except (BrokenPipeError, ConnectionResetError):
                    break
                sent += n
                pending = pending[n:]
        sock.setblocking(True)
        sock.settimeout(5)
        answer = b""
        try:
            while data := sock.recv(65536):  # until the server closes the connection
                answer += data
        except (ConnectionResetError, TimeoutError):
            pass
        return answer, sent
    finally:
        sock.close()


def status_of(answer: bytes) -> int:
    assert answer.startswith(b"HTTP/1.1 "), answer[:200]
    return int(answer.split(b" ", 2)[1])


def endless(
    chunked: bool = False, start: bytes = b"", chunk_size: int = 64 * 1024
) -> Iterator[bytes]:
    """A body that never ends after ``start`` (as chunked transfer coding when ``chunked``)."""

    def coded(data: bytes) -> bytes:
        return f"{len(data):x}\r\n".encode() + data + b"\r\n" if chunked else data

    if start:
        yield coded(start)
    block = coded(b"x" * chunk_size)
    while True:
        yield block


#: The start of a multipart upload whose file never ends.
FILE_PART = (
    b"--b0undary\r\n"
    b'Content-Disposition: form-data; name="file"; filename="big.m4a"\r\n'
    b"Content-Type: audio/mp4\r\n\r\n"
)


def post_head(path: str, headers: dict[str, str]) -> bytes:
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1"] + [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def test_bodies_over_the_limit_and_unsigned_uploads_are_refused_before_they_are_read(
    start_api: Callable[..., Api], settings: Settings, tmp_path: Path
) -> None:
    api = start_api(JIANCHA_MEDIA_MAX_BYTES=str(MB))  # uploads up to 1 MB + form overhead
    reviewer = api.headers("reviewer")
    multipart = {"Content-Type": "multipart/form-data; boundary=b0undary"}

    # No token (or a forged one) on an upload: 401 while the 3 GB body has not been sent.
    for auth in ({}, {"Authorization": "Bearer forged.token.value"}):
        for length in ({"Content-Length": str(3 * 1024**3)}, {"Transfer-Encoding": "chunked"}):
            head = post_head("/recordings", multipart | auth | length)
            started = time.monotonic()
            body = endless(chunked="Transfer-Encoding" in length, start=FILE_PART)
            answer, sent = raw_exchange(api.port, head, body)
            assert status_of(answer) == 401, answer[:300]
            assert "未登录".encode() in answer or "登录凭证".encode() in answer
            assert b"connection: close" in answer.lower()
            assert sent < 64 * MB and time.monotonic() - started < 10
    head = post_head("/orders/ORD-1/answers", multipart | {"Content-Length": str(10**10)})
    assert status_of(raw_exchange(api.port, head, endless(start=FILE_PART))[0]) == 401

    # Signed in, but the declared length is over the limit: 413 before the body.
    head = post_head("/recordings", multipart | reviewer | {"Content-Length": str(100 * MB)})
    answer, sent = raw_exchange(api.port, head, endless())
    assert status_of(answer) == 413 and "录像上传过大：上限 2 MB".encode() in answer
    assert sent < 64 * MB

    # No length given: counted while it arrives, cut off at the limit.
    head = post_head("/recordings", multipart | reviewer | {"Transfer-Encoding": "chunked"})
    answer, sent = raw_exchange(api.port, head, endless(chunked=True, start=FILE_PART))
    assert status_of(answer) == 413 and "录像上传过大".encode() in answer
    assert 2 * MB < sent < 64 * MB

    # A JSON body: 1 MB, whether declared or streamed, signed in or not.
    json_type = {"Content-Type": "application/json"}
    for auth in (reviewer, {}):
        head = post_head("/cases/C-1/decision", json_type | auth | {"Content-Length": str(4 * MB)})
        answer, _ = raw_exchange(api.port, head, endless())
        assert status_of(answer) == 413 and "请求体过大：上限 1 MB".encode() in answer
    head = post_head("/cases/C-1/decision", json_type | reviewer | {"Transfer-Encoding": "chunked"})
    answer, sent = raw_exchange(api.port, head, endless(chunked=True))
    assert status_of(answer) == 413 and sent < 64 * MB
    oversize_login = api.http.post(
        "/auth/token", data={"username": "reviewer", "password": "x" * 10_000}
    )
    assert oversize_login.status_code == 413 and "登录表单过大" in oversize_login.json()["detail"]

    # The legitimate uses next to them: a decision with a long reason, a recording upload.
    index_documents(settings, "cases", {"C-1": case_document("C-1", "mudan-1")})
    decided = api.http.post(
        "/cases/C-1/decision",
        json={"decision": "confirm", "reason": "经核实，" * 500},
        headers=reviewer,
    )
    assert decided.status_code == 200, decided.text
    wav = write_wav(tmp_path / "clip.wav", voice(140, 2.0))
    form = {
        "recording_id": "REC-UP-1",
        "device_id": "BWC-1",
        "device_type": "body_cam",
        "officer_ids": "GA000001",
        "squad_id": "mudan-1",
        "started_at": "2026-04-01T08:00:00+08:00",
        "ended_at": "2026-04-01T08:00:02+08:00",
    }
    with wav.open("rb") as f:
        files = {"file": ("clip.wav", f, "audio/wav")}
        uploaded = api.http.post("/recordings", data=form, files=files, headers=reviewer)
    assert uploaded.status_code == 202, uploaded.text
    assert uploaded.json()["bytes"] == wav.stat().st_size


def _audit(settings: Settings, **terms: str) -> list[dict[str, Any]]:
    es = sync_client(settings)
    try:
        alias = f"{settings.index_prefix}-audit"
        es.indices.refresh(index=alias)
        query = {"bool": {"filter": [{"term": {k: v}} for k, v in terms.items()]}}
        hits = es.search(index=alias, query=query, size=100)["hits"]["hits"]
        return [h["_source"] for h in hits]
    finally:
        es.close()


def test_forwarded_for_from_a_client_is_not_believed(
    start_api: Callable[..., Api], settings: Settings
) -> None:
    api = start_api()  # no JIANCHA_TRUSTED_PROXIES: the defaults
    statuses = [
        api.sign_in("reviewer", "wrong-password", forwarded=f"203.0.113.{i}").status_code
        for i in range(8)
    ]
    # Five failures per account and address; the rotating header changed neither.
    assert statuses == [401] * 5 + [429] * 3, statuses
    locked = api.sign_in("reviewer", forwarded="198.51.100.7")
    assert locked.status_code == 429 and "登录失败次数过多" in locked.json()["detail"]

    # Another account from the same machine still signs in; its address is the real peer.
    assert api.sign_in("supervisor", forwarded="198.51.100.8").status_code == 200
    failed = wait_for(
        lambda: _audit(settings, action="auth.login_failed", actor="reviewer"),
        what="failed sign-ins in the audit",
    )
    assert len(failed) == 5
    assert {r["client_ip"] for r in failed} == {"127.0.0.1"}
    assert {r["detail"]["reason"] for r in failed} == {"wrong_password"}
    assert failed[0]["role"] == "reviewer" and failed[0]["target"] == "reviewer"
    ok = wait_for(lambda: _audit(settings, action="auth.login", actor="supervisor"))
    assert ok[0]["client_ip"] == "127.0.0.1"

    unknown = api.sign_in("nobody", "whatever-1")
    assert unknown.status_code == 401
    stranger = wait_for(lambda: _audit(settings, action="auth.login_failed", actor="nobody"))
    assert stranger[0]["detail"]["reason"] == "unknown_user" and stranger[0]["role"] == ""


def test_per_account_and_global_limits_behind_a_trusted_proxy(
    start_api: Callable[..., Api], settings: Settings
) -> None:
    api = start_api(
        JIANCHA_TRUSTED_PROXIES="127.0.0.1",
        JIANCHA_LOGIN_ACCOUNT_MAX_FAILURES="4",
        JIANCHA_LOGIN_GLOBAL_MAX_FAILURES="10",
    )
    # Behind the proxy each guess comes from another address: the per-address limit never
    # fills, the per-account one does.
    statuses = [
        api.sign_in("reviewer", "wrong-password", forwarded=f"203.0.113.{i}").status_code
        for i in range(6)
    ]
    assert statuses == [401] * 4 + [429] * 2, statuses
    # The proxy's word is taken for the address, in the audit too.
    ok = api.sign_in("supervisor", forwarded="198.51.100.9")
    assert ok.status_code == 200, ok.text
    logins = wait_for(lambda: _audit(settings, action="auth.login", actor="supervisor"))
    assert logins[0]["client_ip"] == "198.51.100.9"
    failed = wait_for(lambda: _audit(settings, action="auth.login_failed", actor="reviewer"))
    assert {r["client_ip"] for r in failed} == {f"203.0.113.{i}" for i in range(4)}

    # Spraying other accounts: after ten failures in all, nobody signs in for a while.
    for i in range(6):
        assert (
            api.sign_in(f"user{i}", "wrong-password", forwarded=f"192.0.2.{i}").status_code == 401
        )
    sprayed = api.sign_in("admin", forwarded="198.51.100.10")
    assert sprayed.status_code == 429 and int(sprayed.headers["retry-after"]) > 0


def _has_security_headers(resp: httpx.Response, page: bool = False) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert resp.headers.get(name) == value, (resp.request.url, name, resp.headers)
    policy = resp.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    assert ("script-src 'self'" in policy) if page else policy.startswith("default-src 'none'")


def test_ranges_paths_and_headers(
    start_api: Callable[..., Api], settings: Settings, tmp_path: Path
) -> None:
    media = tmp_path / "media"
    media.mkdir()
    api = start_api(JIANCHA_MEDIA_ROOT=str(media))  # media is served only from under the root
    (media / "clip.m4a").write_bytes(bytes(range(256)) * 40)
    index_documents(
        settings,
        "clips",
        {
            "REC-1": clip_document("REC-1", "mudan-1", media / "clip.m4a"),
            "REC-GONE": clip_document("REC-GONE", "mudan-1", media / "gone.m4a"),
        },
    )
    reviewer = api.headers("reviewer")

    # A range start of 5000 digits is past the file: 416 (it was a 500); a real range plays.
    huge = api.http.get(
        "/clips/REC-1/media", headers=reviewer | {"Range": "bytes=" + "9" * 5000 + "-"}
    )
    assert huge.status_code == 416 and huge.headers["content-range"] == "bytes */10240"
    odd = api.http.get(
        "/clips/REC-1/media", headers=reviewer | {"Range": "bytes=²-".encode("latin-1")}
    )
    assert odd.status_code == 200 and len(odd.content) == 10240  # not a range: the whole file
    part = api.http.get("/clips/REC-1/media", headers=reviewer | {"Range": "bytes=0-9"})
    assert part.status_code == 206 and part.content == bytes(range(10))
    assert part.headers["cache-control"] == "no-store"

    # A missing file is not told apart from any other unavailable one; its place is not named.
    gone = api.http.get("/clips/REC-GONE/media", headers=reviewer)
    assert gone.status_code == 404 and gone.json()["detail"] == "录像文件不可用"
    assert str(tmp_path) not in gone.text and "gone.m4a" not in gone.text

    # Security headers on the console, the API's answers and its refusals.
    home = api.http.get("/")
    assert home.status_code == 307
    _has_security_headers(home)
    console = api.http.get("/console/")
    assert console.status_code == 200 and "监察" in console.text
    _has_security_headers(console, page=True)
    assert console.headers["cache-control"] == "no-cache"  # the console's own choice stays
    script = api.http.get("/console/app.js")
    assert script.status_code == 200 and script.headers["x-content-type-options"] == "nosniff"
    found = api.http.get("/clips/search", params={"q": "现金"}, headers=reviewer)
    assert found.status_code == 200
    _has_security_headers(found)
    assert found.headers["cache-control"] == "no-store"
    for refused, status in (
        (api.http.get("/nowhere"), 404),
        (api.http.get("/clips/search"), 401),
        (api.http.post("/auth/token", data={"username": "x", "password": "y" * 10_000}), 413),
    ):
        assert refused.status_code == status
        _has_security_headers(refused)
        assert refused.headers["cache-control"] == "no-store"
