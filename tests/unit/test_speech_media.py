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


def _code(uri: str, root: Path, limits: MediaLimits | None = None) -> str:
    with pytest.raises(MediaError) as err:
        resolve(uri, root, limits)
    assert err.value.reason  # every failure carries a reason for the dead letter
    return err.value.code


# --- resolve -------------------------------------------------------------------------------------


def test_a_relative_uri_is_under_the_media_root(root):
    media = resolve("media/a.wav", root)
    assert media == LocalMedia(root.resolve() / "media" / "a.wav", temporary=False)


def test_a_relative_uri_may_wander_but_not_leave_the_root(root):
    assert resolve("media/../media/a.wav", root).path == root.resolve() / "media" / "a.wav"
    assert _code("../outside.wav", root / "media") == "bad_uri"
    assert _code("media/../../etc/passwd", root) == "bad_uri"


def test_a_symlink_out_of_the_root_is_refused(root, tmp_path_factory):
    outside = write_wav(tmp_path_factory.mktemp("elsewhere") / "b.wav", voice(220, 0.1))
    (root / "media" / "link.wav").symlink_to(outside)
    assert _code("media/link.wav", root) == "bad_uri"


def test_file_uri_and_absolute_path(root):
    path = root / "media" / "a.wav"
    assert resolve(path.as_uri(), Path("/nonexistent")).path == path
    assert resolve(str(path), Path("/nonexistent")).path == path


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
