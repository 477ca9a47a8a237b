"""Issue 13, media: evidence that cannot be read, replaced or leaked by the wrong person.

Rows "media paths", "transcriber HTTP fetch" and "leaks in the media route". The attacks come as
``recording`` events on the real ``recordings`` topic (anyone who can publish there, or a
tampered recorder, controls ``media_uri``): ``file:///etc/passwd``, the token-signing key in the
data directory, a symlink, ``..``, Elasticsearch and a metadata address by HTTP, a redirect out of
the allowed hosts, a slow-drip server and an oversize body. The real indexer and transcriber run;
the transcriber must dead-letter each with a Chinese reason, and ``GET /clips/{id}/media`` must
answer a 404 that names no path. Next to them, a relative media file, an upload and a download
from an allowed host are transcribed and play (with Range) as before.
"""

from __future__ import annotations

import hashlib
import http.server
import json
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from kafka import KafkaConsumer

from api.main import create_app
from jiancha import topics
from jiancha.schemas.recordings import Recording
from jiancha.settings import Settings
from jiancha.synthetic.demo import VOICES_DIR
from jiancha.topics import topic_name
from streams.admin import consumer_lag
from streams.publisher import Publisher
from streams.speech.media import MediaError, MediaLimits, MediaSources, resolve, upload_store
from tests.conftest import Worker, env_of, stop_process, wait_for
from tests.integration.review_fixtures import (
    clip_document,
    create_accounts,
    index_documents,
    login,
)

VOICE = VOICES_DIR / "REC-001303.m4a"  # 68 KB of AAC, a few seconds of speech
MAX_BYTES = 1_000_000
DEADLINE_S = 3.0
LIMITS = MediaLimits(max_bytes=MAX_BYTES)
UNAVAILABLE = "录像文件不可用"  # the one answer for a file that cannot be served
EXTERNAL = "该录像的媒体文件存放在外部地址，本服务无法播放"


# --- two tiny HTTP servers on loopback: the media host, and an internal one nobody may reach ---


@dataclass
class Server:
    """A loopback HTTP server; ``hits`` are the paths it was asked for."""

    port: int
    hits: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def _serve(routes: dict[str, Callable[[http.server.BaseHTTPRequestHandler], None]]) -> Server:
    server: Server

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server.hits.append(self.path)
            route = routes.get(self.path)
            try:
                if route is None:
                    self.send_error(404)
                else:
                    route(self)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the deadline): that is the point

        def log_message(self, *_args: Any) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    server = Server(httpd.server_address[1])
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return server


def _body(data: bytes, length: bool = True) -> Callable[[Any], None]:
    def send(h: Any) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "audio/mp4")
        if length:
            h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)

    return send


def _redirect(location: str) -> Callable[[Any], None]:
    def send(h: Any) -> None:
        h.send_response(302)
        h.send_header("Location", location)
        h.send_header("Content-Length", "0")
        h.end_headers()

    return send


def _drip(h: Any) -> None:
    """Claims 100 KB, sends a byte every 0.2 s: each read is quick, the whole is endless."""
    h.send_response(200)
    h.send_header("Content-Length", "100000")
    h.end_headers()
    for _ in range(100_000):
        h.wfile.write(b"\0")
        h.wfile.flush()
        time.sleep(0.2)


def _drip_headers(h: Any) -> None:
    """Never finishes its headers: a header line every 0.2 s."""
    h.send_response(200)
    for i in range(10_000):
        h.send_header(f"X-Slow-{i}", "1")
        h.flush_headers()
        time.sleep(0.2)


@pytest.fixture(scope="module")
def internal() -> Server:
    """Stands for Elasticsearch or a metadata address: it must never see a request."""
    return _serve({"/secret": _body(b"internal secret")})


@pytest.fixture(scope="module")
def media_host(internal: Server) -> Server:
    voice = VOICE.read_bytes()
    return _serve(
        {
            "/ok.m4a": _body(voice),
            "/ok-unsized.m4a": _body(voice, length=False),
            "/go/ok": _redirect("/ok.m4a"),
            "/go/internal": _redirect(internal.url("/secret")),
            "/go/file": _redirect("file:///etc/passwd"),
            "/drip": _drip,
            "/drip-headers": _drip_headers,
            "/big": _body(b"\0" * (MAX_BYTES + 1)),
            "/big-unsized": _body(b"\0" * (MAX_BYTES + 1), length=False),
        }
    )


# --- the fetcher on its own (no Kafka needed, but it is the same code the transcriber runs) ---


def _sources(tmp_path: Path, *hosts: str) -> MediaSources:
    return MediaSources(tmp_path, hosts=hosts, fetch_timeout_s=DEADLINE_S)


def _refused(url: str, sources: MediaSources, code: str) -> str:
    with pytest.raises(MediaError) as err:
        resolve(url, sources, LIMITS)
    assert err.value.code == code, err.value.reason
    return err.value.reason


def test_an_allowed_host_is_fetched_also_through_a_redirect(tmp_path, media_host):
    sources = _sources(tmp_path, f"127.0.0.1:{media_host.port}")
    for path in ("/ok.m4a", "/ok-unsized.m4a", "/go/ok"):
        media = resolve(media_host.url(path), sources, LIMITS)
        assert media.temporary and media.path.read_bytes() == VOICE.read_bytes(), path
        media.cleanup()
        assert not media.path.exists()


def test_no_host_is_allowed_by_default(tmp_path, media_host):
    before = len(media_host.hits)
    reason = _refused(media_host.url("/ok.m4a"), MediaSources(tmp_path), "bad_uri")
    assert "JIANCHA_MEDIA_HOSTS" in reason
    assert len(media_host.hits) == before  # not even asked


def test_elasticsearch_and_a_metadata_address_are_not_fetched(tmp_path, media_host):
    sources = _sources(tmp_path, f"127.0.0.1:{media_host.port}")  # same host, another port
    es = Settings().es_url.rstrip("/")
    for url in (f"{es}/_cat/indices", "http://169.254.169.254/latest/meta-data/"):
        assert "不在允许列表" in _refused(url, sources, "bad_uri")


def test_a_redirect_out_of_the_allowed_hosts_is_not_followed(tmp_path, media_host, internal):
    sources = _sources(tmp_path, f"127.0.0.1:{media_host.port}")
    assert "不在允许列表" in _refused(media_host.url("/go/internal"), sources, "bad_uri")
    _refused(media_host.url("/go/file"), sources, "bad_uri")
    assert internal.hits == []


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_a_slow_server_is_cut_at_the_deadline(tmp_path, media_host, path):
    sources = _sources(tmp_path, f"127.0.0.1:{media_host.port}")
    started = time.monotonic()
    assert "超时" in _refused(media_host.url(path), sources, "fetch_failed")
    assert time.monotonic() - started < DEADLINE_S + 2  # not 100 000 × 0.2 s


@pytest.mark.parametrize("path", ["/big", "/big-unsized"])
def test_an_oversize_body_is_refused(tmp_path, media_host, path):
    sources = _sources(tmp_path, f"127.0.0.1:{media_host.port}")
    assert str(MAX_BYTES) in _refused(media_host.url(path), sources, "too_large")


# --- the real stack: recording events → indexer + transcriber → dead letters; the media route ---


@dataclass
class Site:
    """A site whose media root holds the data directory, as the defaults do (``.`` and home)."""

    settings: Settings
    root: Path
    legit: Path
    secret: Path


@pytest.fixture
def site(settings: Settings, tmp_path: Path, media_host: Server) -> Site:
    root = tmp_path / "site"
    (root / "media").mkdir(parents=True)
    legit = root / "media" / "REC-LEGIT.m4a"
    shutil.copyfile(VOICE, legit)
    (root / "media" / "REC-LINK.m4a").symlink_to("/etc/passwd")
    s = settings.model_copy(
        update={
            "media_root": root,
            "data_dir": root / "data",
            "media_hosts": (f"127.0.0.1:{media_host.port}",),
            "media_fetch_timeout_s": DEADLINE_S,
            "media_max_bytes": MAX_BYTES,
        }
    )
    return Site(s, root, legit, root / "data" / "auth-secret")


def _recording(rid: str, media_uri: str, sha256: str = "0" * 64) -> Recording:
    start = datetime(2026, 5, 6, 9, 30, tzinfo=UTC)
    return Recording(
        recording_id=rid,
        device_id="BWC-SEC",
        device_type="body_cam",
        officer_ids=["MD000001"],
        squad_id="mudan-1",
        started_at=start,
        ended_at=start + timedelta(seconds=20),
        uploaded_at=start + timedelta(hours=1),
        sha256=sha256,
        media_uri=media_uri,
    )


def _read(settings: Settings, base: str) -> list[dict[str, Any]]:
    consumer = KafkaConsumer(
        topic_name(settings.topic_prefix, base),
        bootstrap_servers=settings.kafka_bootstrap,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=3000,
    )
    try:
        return [json.loads(m.value) for m in consumer]
    finally:
        consumer.close()


@pytest.fixture
def transcriber(site: Site) -> Iterator[subprocess.Popen[bytes]]:
    s = site.settings
    proc = subprocess.Popen(
        [sys.executable, "-m", "jiancha.cli", "transcriber", "--loglevel", "warning"],
        env={
            **env_of(s),
            "JIANCHA_DATA_DIR": str(s.data_dir),
            "JIANCHA_MEDIA_HOSTS": ",".join(s.media_hosts),
            "JIANCHA_MEDIA_FETCH_TIMEOUT_S": str(s.media_fetch_timeout_s),
            "JIANCHA_MEDIA_MAX_BYTES": str(s.media_max_bytes),
        },
    )
    yield proc
    stop_process(proc)


def test_hostile_media_uris_are_dead_lettered_and_never_served(
    site: Site, media_host: Server, internal: Server, transcriber: subprocess.Popen[bytes]
) -> None:
    s = site.settings
    voice_sha = hashlib.sha256(VOICE.read_bytes()).hexdigest()
    passwd_sha = hashlib.sha256(Path("/etc/passwd").read_bytes()).hexdigest()
    with TestClient(create_app(s)) as api:
        create_accounts(s)
        reviewer = login(api, "reviewer")  # the token key is now in the data directory
        assert site.secret.is_file()
        # The legitimate upload: stored in the upload store, announced with its file:// URI.
        with VOICE.open("rb") as f:
            uploaded = api.post(
                "/recordings",
                headers=reviewer,
                data={
                    "recording_id": "REC-UPLOAD",
                    "device_id": "BWC-SEC",
                    "device_type": "body_cam",
                    "officer_ids": "MD000001",
                    "squad_id": "mudan-1",
                    "started_at": "2026-05-06T09:30:00+08:00",
                    "ended_at": "2026-05-06T09:30:20+08:00",
                    "sha256": voice_sha,
                },
                files={"file": ("clip.m4a", f, "audio/mp4")},
            )
        assert uploaded.status_code == 202, uploaded.text
        assert Path(uploaded.json()["media_uri"].removeprefix("file://")).is_relative_to(
            upload_store(s).resolve()
        )

    data = site.secret.parent
    hostile = {
        "REC-PASSWD": ("file:///etc/passwd", passwd_sha),
        "REC-ABS": ("/etc/passwd", passwd_sha),
        "REC-KEY": (site.secret.as_uri(), "0" * 64),
        "REC-KEY-REL": ("data/auth-secret", "0" * 64),  # under the media root, but private
        "REC-DOTDOT": ("media/../data/auth-secret", "0" * 64),
        "REC-LINK": ("media/REC-LINK.m4a", passwd_sha),
        "REC-FTP": ("ftp://127.0.0.1/etc/passwd", "0" * 64),
        "REC-ES": (f"{s.es_url.rstrip('/')}/_cat/indices", "0" * 64),
        "REC-META": ("http://169.254.169.254/latest/meta-data/", "0" * 64),
        "REC-REDIRECT": (media_host.url("/go/internal"), "0" * 64),
        "REC-DRIP": (media_host.url("/drip"), "0" * 64),
        "REC-BIG": (media_host.url("/big"), "0" * 64),
        "REC-MISSING": ("media/REC-MISSING.m4a", "0" * 64),  # row 3: a plain missing file
    }
    legit = {
        "REC-LEGIT": ("media/REC-LEGIT.m4a", voice_sha),
        "REC-HTTP": (media_host.url("/go/ok"), voice_sha),  # allowed host, redirect within it
    }
    worker = Worker(s)
    try:
        with Publisher(s) as publisher:
            for rid, (uri, sha) in {**hostile, **legit}.items():
                rec = _recording(rid, uri, sha)
                publisher.send(topics.RECORDINGS, rec.key, rec.model_dump_json().encode())

        def transcriber_done() -> bool:
            assert transcriber.poll() is None, "transcriber exited"
            return consumer_lag(s, f"{s.app_id}-transcriber", [topics.RECORDINGS]) == 0

        wait_for(transcriber_done, timeout_s=600, what="the transcriber to take every recording")
        worker.wait_caught_up()
    finally:
        worker.stop()

    # The transcriber: a Chinese reason for each hostile one, the legitimate three transcribed.
    letters = {
        json.loads(d["payload"])["recording_id"]: d["reason"]
        for d in _read(s, topics.DEAD_LETTERS)
        if d["stage"] == "transcriber"
    }
    assert sorted(letters) == sorted(hostile)
    for rid, reason in letters.items():
        assert reason.startswith(f"录像 {rid}："), reason
        assert "root:" not in reason and str(data) not in reason and "/etc" not in reason, reason
    for rid in ("REC-PASSWD", "REC-ABS", "REC-KEY", "REC-KEY-REL", "REC-LINK"):
        assert "不在允许的目录" in letters[rid], letters[rid]
    assert "“..”" in letters["REC-DOTDOT"]
    assert "不支持" in letters["REC-FTP"]
    for rid in ("REC-ES", "REC-META", "REC-REDIRECT"):
        assert "不在允许列表" in letters[rid], letters[rid]
    assert "超时" in letters["REC-DRIP"]
    assert "超过上限" in letters["REC-BIG"]
    assert "不存在" in letters["REC-MISSING"]
    assert internal.hits == []
    transcribed = {t["recording_id"] for t in _read(s, topics.TRANSCRIPTS)}
    assert transcribed == {"REC-LEGIT", "REC-HTTP", "REC-UPLOAD"}
    tampering = [f for f in _read(s, topics.FLAGS) if f["category"] == "evidence_tampering"]
    assert tampering == []  # nothing hostile was read, so nothing was hashed

    # The media route: a generic 404 for every hostile or missing file, for every role.
    secret = site.secret.read_text().strip()
    with TestClient(create_app(s)) as api:
        for who in ("reviewer", "supervisor", "admin"):
            headers = login(api, who)
            for rid in hostile:
                resp = api.get(f"/clips/{rid}/media", headers=headers)
                assert resp.status_code == 404, (who, rid, resp.status_code)
                detail = resp.json()["detail"]
                assert detail in (UNAVAILABLE, EXTERNAL), detail
                assert "root:" not in resp.text and secret not in resp.text
        reviewer = login(api, "reviewer")
        # The legitimate ones still play, whole and by Range.
        whole = api.get("/clips/REC-LEGIT/media", headers=reviewer)
        assert whole.status_code == 200 and whole.content == VOICE.read_bytes()
        part = api.get("/clips/REC-LEGIT/media", headers={**reviewer, "Range": "bytes=100-199"})
        assert part.status_code == 206 and part.content == VOICE.read_bytes()[100:200]
        assert part.headers["content-range"] == f"bytes 100-199/{VOICE.stat().st_size}"
        upload = api.get("/clips/REC-UPLOAD/media", headers=reviewer)
        assert upload.status_code == 200 and upload.content == VOICE.read_bytes()
        # Squad scope unchanged: the leader of another squad does not see it at all.
        other = login(api, "leader-gaosu")
        assert api.get("/clips/REC-LEGIT/media", headers=other).status_code == 404


def test_the_media_route_names_no_path(site: Site) -> None:
    """Row 3: a missing file, a hostile path and an unregistered file, all one message."""
    s = site.settings
    with TestClient(create_app(s)) as api:
        create_accounts(s)
        gone = site.root / "media" / "REC-GONE.m4a"
        index_documents(
            s,
            "clips",
            {
                "REC-GONE": clip_document("REC-GONE", "mudan-1", gone),
                "REC-PASSWD": clip_document("REC-PASSWD", "mudan-1", Path("/etc/passwd")),
                "REC-OK": clip_document("REC-OK", "mudan-1", site.legit),
            },
        )
        headers = login(api, "reviewer")
        for rid in ("REC-GONE", "REC-PASSWD"):
            resp = api.get(f"/clips/{rid}/media", headers=headers)
            assert resp.status_code == 404
            assert resp.json() == {"detail": UNAVAILABLE}, resp.text
        ok = api.get("/clips/REC-OK/media", headers={**headers, "Range": "bytes=0-9"})
        assert ok.status_code == 206 and ok.content == site.legit.read_bytes()[:10]
