"""``jiancha demo`` as a newcomer runs it: from an empty data directory, without ``../shared``.

The README's first command is ``make demo`` (setup, then this command). Here it starts its own
Kafka and Elasticsearch on free ports in a data directory of its own, so the broker is brand new
(the first-start race of issue 12), replays the project's demo month from a working directory
with no ``shared/`` anywhere above it, and has Whisper hear the eight shipped recordings.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from jiancha.elastic.client import sync_client
from jiancha.settings import Settings
from jiancha.synthetic.demo import load_manifest
from tests.integration.faults import free_es_port, free_port

pytestmark = pytest.mark.e2e


def _demo_env(tmp: Path) -> tuple[dict[str, str], Path]:
    tag = uuid.uuid4().hex[:8]
    base = Path("/var/lib") if os.geteuid() == 0 else Path.home() / ".local" / "state"
    data_dir = base / f"jiancha-demo-{tag}"  # the service user must reach it
    kafka, es = free_port(), free_es_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("JIANCHA_") or k == "JIANCHA_CACHE_DIR"
    }
    env.update(
        JIANCHA_DATA_DIR=str(data_dir),
        JIANCHA_KAFKA_PORT=str(kafka),
        JIANCHA_KAFKA_CONTROLLER_PORT=str(free_port()),
        JIANCHA_KAFKA_BOOTSTRAP=f"127.0.0.1:{kafka}",
        JIANCHA_ES_PORT=str(es),
        JIANCHA_ES_URL=f"http://127.0.0.1:{es}",
        JIANCHA_API_PORT=str(free_port()),
        JIANCHA_ES_HEAP="512m",
        JIANCHA_KAFKA_HEAP="384m",
    )
    return env, data_dir


def test_demo_runs_from_a_clone_alone_on_a_new_broker(tmp_path: Path) -> None:
    env, data_dir = _demo_env(tmp_path)
    assert not any((p / "shared").exists() for p in [tmp_path, *tmp_path.parents])
    cli = [sys.executable, "-m", "jiancha.cli"]
    try:
        run = subprocess.run(
            [*cli, "demo"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=1500
        )
        out = run.stdout + run.stderr
        assert run.returncode == 0, out[-4000:]

        # The analyzer judged the month: cases by category, among them what was only *heard*.
        total = re.search(r"分析完成：(\d+) 件案件待审核", out)
        assert total and int(total.group(1)) > 20, out[-4000:]
        for label in ("收现不开票", "罚款指标", "辱骂当事人", "威胁恐吓"):
            assert label in out, (label, out[-4000:])
        assert "演示账号" in out and "reviewer" in out
        hits = re.search(r"“现金”命中 (\d+) 段录像", out)
        assert hits and int(hits.group(1)) > 0, out[-4000:]

        # Whisper, not the generator, wrote the transcripts of the shipped recordings.
        settings = Settings(es_url=env["JIANCHA_ES_URL"])
        es = sync_client(settings)
        voiced = [v.recording_id for v in load_manifest()]
        docs = es.mget(index=f"{settings.index_prefix}-clips", ids=voiced)["docs"]
        engines = {d["_id"]: d.get("_source", {}).get("engine") for d in docs}
        assert all(e and "whisper" in e for e in engines.values()), engines
        es.close()
    finally:
        subprocess.run([*cli, "down"], env=env, capture_output=True, timeout=300)
        shutil.rmtree(data_dir, ignore_errors=True)
