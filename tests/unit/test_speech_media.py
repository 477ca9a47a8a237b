"""Recorder media: finding the file, checking it, decoding it to 16 kHz mono, storing it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import av
import numpy as np
import pytest

from streams.speech.media import (
    SAMPLE_RATE,
    LocalMedia,
    MediaError,
    MediaLimits,
    MediaSources,
    copy_into_store,
    load_audio,
    resolve,
    sha256_of,
)
from tests.unit.speech_audio import voice, write_wav


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A media root with one half-second WAV at ``media/a.wav``."""
    (tmp_path / "media").mkdir()
    write_wav(tmp_path / "media" / "a.wav", voice(220, 0.5))
    return tmp_path


def _code(uri: str, root: Path | MediaSources, limits: MediaLimits | None = None) -> str:
    with pytest.raises(MediaError) as err:
        resolve(uri, root, limits)
    assert err.value.reason  # every failure carries a reason for the dead letter
    assert "/" not in err.value.reason.replace("http(s)://", "").replace("file://", "")  # no path
    return err.value.code


# --- resolve -------------------------------------------------------------------------------------


def test_a_relative_uri_is_under_the_media_root(root):
    media = resolve("media/a.wav", root)
    assert media == LocalMedia(root.resolve() / "media" / "a.wav", temporary=False)


def test_a_relative_uri_may_not_climb_even_back_into_the_root(root):
    assert resolve("./media/a.wav", root).path == root.resolve() / "media" / "a.wav"
    assert _code("media/../media/a.wav", root) == "bad_uri"  # issue 13: no ".." at all
    assert _code("../outside.wav", root / "media") == "bad_uri"
    assert _code("media/../../etc/passwd", root) == "bad_uri"
    assert _code("file://" + str(root / "media" / ".." / "media" / "a.wav"), root) == "bad_uri"
    assert _code((root / "media").as_uri() + "/%2E%2E/media/a.wav", root) == "bad_uri"


def test_a_symlink_out_of_the_root_is_refused(root, tmp_path_factory):
    outside = write_wav(tmp_path_factory.mktemp("elsewhere") / "b.wav", voice(220, 0.1))
    (root / "media" / "link.wav").symlink_to(outside)
    assert _code("media/link.wav", root) == "bad_uri"
    assert _code((root / "media" / "link.wav").as_uri(), root) == "bad_uri"
    assert _code(str(root / "media" / "link.wav"), root) == "bad_uri"
    (root / "media" / "passwd.m4a").symlink_to("/etc/passwd")
    assert _code("media/passwd.m4a", root) == "bad_uri"
    (root / "out").symlink_to(outside.parent, target_is_directory=True)  # a directory link
    assert _code("out/b.wav", root) == "bad_uri"


def test_a_symlink_within_the_root_is_followed(root):
    (root / "media" / "same.wav").symlink_to(root / "media" / "a.wav")
    assert resolve("media/same.wav", root).path == (root / "media" / "a.wav").resolve()


def test_file_uri_and_absolute_path_inside_the_root(root):
    path = root / "media" / "a.wav"
    assert resolve(path.as_uri(), root).path == path.resolve()
    assert resolve(str(path), root).path == path.resolve()
    assert resolve("file://localhost" + str(path), root).path == path.resolve()


@pytest.mark.parametrize(
    "uri",
    [
        "file:///etc/passwd",
        "/etc/passwd",
        "file://localhost/etc/passwd",
        "file:///etc/nonexistent-file",
        "FILE:///etc/passwd",
    ],
)
def test_file_uri_and_absolute_path_outside_the_root_are_refused(root, uri):
    assert _code(uri, root) == "bad_uri"  # also for a missing file: nothing said of existence


def test_absolute_paths_elsewhere_are_refused_even_if_they_exist(root, tmp_path_factory):
    path = write_wav(tmp_path_factory.mktemp("elsewhere") / "b.wav", voice(220, 0.1))
    assert _code(path.as_uri(), root) == "bad_uri"
    assert _code(str(path), root) == "bad_uri"


def test_file_uri_on_another_host_or_with_a_query_is_refused(root):
    path = root / "media" / "a.wav"
    assert _code("file://evil.example" + str(path), root) == "bad_uri"
    assert _code(path.as_uri() + "?x=1", root) == "bad_uri"
    assert _code(path.as_uri() + "#t=1", root) == "bad_uri"


@pytest.mark.parametrize("uri", ["media/a.wav\x00.txt", "file:///etc/passwd%00.m4a", "\x00"])
def test_nul_bytes_are_refused(root, uri):
    assert _code(uri, root) == "bad_uri"


def _sources(tmp_path: Path) -> MediaSources:
    """The default layout: media root above the data dir, uploads in ``data/media``."""
    data = tmp_path / "data"
    (data / "media" / "ab").mkdir(parents=True)
    (data / "auth-secret").write_text("k" * 64)
    write_wav(data / "media" / "ab" / "up.wav", voice(220, 0.1))
    return MediaSources(tmp_path, stores=(data / "media",), private=(data,))


def test_the_upload_store_is_allowed(tmp_path):
    sources = _sources(tmp_path)
    up = tmp_path / "data" / "media" / "ab" / "up.wav"
    assert resolve(up.as_uri(), sources).path == up.resolve()
    assert resolve("data/media/ab/up.wav", sources).path == up.resolve()


def test_the_data_dir_is_private_even_under_the_media_root(tmp_path):
    sources = _sources(tmp_path)
    secret = tmp_path / "data" / "auth-secret"
    assert _code("data/auth-secret", sources) == "bad_uri"
    assert _code(secret.as_uri(), sources) == "bad_uri"
    (tmp_path / "key.m4a").symlink_to(secret)
    assert _code("key.m4a", sources) == "bad_uri"
    # The data directory itself as media root opens nothing of it but the upload store.
    at_data = MediaSources(tmp_path / "data", stores=sources.stores, private=sources.private)
    assert _code("auth-secret", at_data) == "bad_uri"
    assert resolve("media/ab/up.wav", at_data).path.name == "up.wav"


def test_a_media_root_inside_the_data_dir_is_open(tmp_path):
    """The demo's media root is ``<data_dir>/demo``: inside, so allowed; the rest stays shut."""
    sources = _sources(tmp_path)
    demo = tmp_path / "data" / "demo"
    (demo / "media").mkdir(parents=True)
    write_wav(demo / "media" / "REC-1.wav", voice(220, 0.1))
    inside = MediaSources(demo, stores=sources.stores, private=sources.private)
    assert resolve("media/REC-1.wav", inside).path.name == "REC-1.wav"
    assert _code((tmp_path / "data" / "auth-secret").as_uri(), inside) == "bad_uri"


def test_http_needs_an_allowed_host(root):
    assert _code("http://127.0.0.1:9200/_cat/indices", root) == "bad_uri"  # none by default
    sources = MediaSources(root, hosts=("nas.local", "media.example:8080"))
    assert sources.allows_url("http://NAS.local./a.m4a") == ("http", "nas.local", 80)
    assert sources.allows_url("https://nas.local/a.m4a") == ("https", "nas.local", 443)
    assert sources.allows_url("http://media.example:8080/a") == ("http", "media.example", 8080)
    for url in [
        "http://nas.local:9200/",  # a bare host allows only the scheme's default port
        "http://media.example/a",
        "http://nas.local@127.0.0.1/",  # userinfo does not make a host
        "http://169.254.169.254/latest/meta-data/",
        "http://2130706433/",
        "ftp://nas.local/a",
        "http://nas.local:99999/",
        "http:///a",
    ]:
        with pytest.raises(MediaError) as err:
            sources.allows_url(url)
        assert err.value.code == "bad_uri", url


@pytest.mark.parametrize("uri", ["ftp://host/a.wav", "s3://bucket/a.wav", "", "  "])
def test_unknown_schemes_and_blank_uris_are_bad(root, uri):
    assert _code(uri, root) == "bad_uri"


def test_missing_file(root):
    assert _code("media/none.wav", root) == "missing"
    assert _code("media", root) == "missing"  # a directory is not a media file


def test_empty_file(root):
    (root / "media" / "empty.m4a").write_bytes(b"")
    assert _code("media/empty.m4a", root) == "empty"


def test_too_large(root):
    size = (root / "media" / "a.wav").stat().st_size
    assert resolve("media/a.wav", root, MediaLimits(max_bytes=size)).path.is_file()
    assert _code("media/a.wav", root, MediaLimits(max_bytes=size - 1)) == "too_large"


def test_cleanup_removes_only_temporary_files(tmp_path):
    kept, dropped = tmp_path / "kept", tmp_path / "dropped"
    kept.write_bytes(b"x")
    dropped.write_bytes(b"x")
    LocalMedia(kept).cleanup()
    LocalMedia(dropped, temporary=True).cleanup()
    LocalMedia(dropped, temporary=True).cleanup()  # twice is harmless
    assert kept.exists() and not dropped.exists()


# --- load_audio ----------------------------------------------------------------------------------


def test_a_16_khz_wav_loads_as_float32_mono(tmp_path):
    samples = voice(220, 0.5)
    audio = load_audio(write_wav(tmp_path / "a.wav", samples))
    assert audio.dtype == np.float32 and audio.ndim == 1
    assert len(audio) == len(samples) == SAMPLE_RATE // 2
    assert np.allclose(audio, samples, atol=1e-3)


def test_other_rates_are_resampled_to_16_khz(tmp_path):
    t = np.arange(4000) / 8000
    audio = load_audio(write_wav(tmp_path / "b.wav", 0.3 * np.sin(2 * np.pi * 220 * t), 8000))
    assert abs(len(audio) - SAMPLE_RATE // 2) <= 16


def test_an_m4a_loads(tmp_path):
    audio = load_audio(_m4a(tmp_path / "r.m4a", seconds=1.0))
    assert abs(len(audio) / SAMPLE_RATE - 1.0) < 0.2  # AAC adds a little priming


def test_a_text_file_is_unsupported(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("这不是录音", encoding="utf-8")
    with pytest.raises(MediaError) as err:
        load_audio(path)
    assert err.value.code == "unsupported"
    assert "notes.txt" in err.value.reason


@pytest.mark.parametrize("cut", ["garbage", "head", "tail"])
def test_garbage_or_truncated_m4a_is_a_media_error(tmp_path, cut):
    whole = _m4a(tmp_path / "whole.m4a", seconds=1.0).read_bytes()
    data = {
        "garbage": b"\x00\x01not an mp4 at all" * 20,
        "head": whole[: len(whole) // 2],
        "tail": whole[len(whole) // 2 :],
    }[cut]
    path = tmp_path / "REC-1.m4a"
    path.write_bytes(data)
    with pytest.raises(MediaError) as err:
        load_audio(path)
    assert err.value.code in ("unsupported", "corrupt")


def test_longer_than_the_limit_is_too_long(tmp_path):
    path = write_wav(tmp_path / "long.wav", voice(220, 1.5))
    assert len(load_audio(path, MediaLimits(max_seconds=2))) == int(1.5 * SAMPLE_RATE)
    with pytest.raises(MediaError) as err:
        load_audio(path, MediaLimits(max_seconds=1))
    assert err.value.code == "too_long"


def _m4a(path: Path, seconds: float) -> Path:
    """An AAC-in-MP4 file of a tone, encoded with PyAV."""
    samples = voice(220, seconds)
    with av.open(str(path), "w") as out:
        stream = out.add_stream("aac", rate=SAMPLE_RATE)
        stream.layout = "mono"
        for i in range(0, len(samples), 1024):
            frame = av.AudioFrame.from_ndarray(
                samples[None, i : i + 1024].copy(), format="flt", layout="mono"
            )
            frame.sample_rate = SAMPLE_RATE
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


# --- hashing and the content-addressed store -----------------------------------------------------


def test_sha256_of_reads_past_one_chunk(tmp_path):
    data = np.random.default_rng(1).bytes(3 * (1 << 20) // 2)  # 1.5 MiB: two chunks
    path = tmp_path / "blob"
    path.write_bytes(data)
    assert sha256_of(path) == hashlib.sha256(data).hexdigest()


def test_copy_into_store_is_content_addressed(tmp_path):
    src = write_wav(tmp_path / "upload.wav", voice(220, 0.2))
    digest = sha256_of(src)
    store = tmp_path / "store"
    dest = copy_into_store(src, store, digest, ".wav")
    assert dest == store / digest[:2] / f"{digest}.wav"
    assert sha256_of(dest) == digest
    assert [p.name for p in dest.parent.iterdir()] == [dest.name]  # no .part left behind


def test_copy_into_store_reuses_an_existing_file(tmp_path):
    src = tmp_path / "upload.m4a"
    src.write_bytes(b"first")
    digest = hashlib.sha256(b"first").hexdigest()
    store = tmp_path / "store"
    first = copy_into_store(src, store, digest, ".m4a")
    src.write_bytes(b"changed")
    again = copy_into_store(src, store, digest, ".m4a")
    assert again == first
    assert again.read_bytes() == b"first"
