"""The shipped commands end to end: jiancha ingest → worker → api, searched over HTTP."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import urllib.parse
import urllib.request

import pytest

from tests.conftest import env_of, wait_for

pytestmark = pytest.mark.e2e


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str, token: str | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as resp:
            return resp.status, json.load(resp)
    except urllib.error.HTTPError as err:
        return err.code, json.load(err)


def test_commands_take_a_replay_to_a_search_result(settings, start_worker, eval_dev, tmp_path):
    # A small replay: the clips that speak of 罚款 plus their recordings.
    lines = (eval_dev / "events.jsonl").read_text(encoding="utf-8").splitlines()
    transcripts = [json.loads(x) for x in lines if '"type": "transcript"' in x]
    wanted = {t["data"]["recording_id"] for t in transcripts[:200]}
    subset = [
        x
        for x in lines
        if json.loads(x)["type"] in {"recording", "transcript"}
        and json.loads(x)["data"]["recording_id"] in wanted
    ]
    replay = tmp_path / "small.jsonl"
    replay.write_text("\n".join(subset) + "\n", encoding="utf-8")
    fines = {
        t["data"]["recording_id"]
        for t in transcripts[:200]
        if any("罚款" in s["text"] for s in t["data"]["segments"])
    }
    assert fines

    env = env_of(settings)
    worker = start_worker()
    done = subprocess.run(
        [sys.executable, "-m", "jiancha.cli", "ingest", str(replay)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert f"已发送 {len(subset)} 条" in done.stdout
    worker.wait_caught_up()

    port = _free_port()
    api = subprocess.Popen(
        [sys.executable, "-m", "jiancha.cli", "api", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"

        def healthy() -> dict | None:
            try:
                status, body = _get(f"{base}/healthz")
            except OSError:
                return None
            return body if status == 200 else None

        health = wait_for(healthy, timeout_s=60, what="api /healthz")
        assert health["status"] == "ok"
        assert health["kafka"]["ok"] and health["elasticsearch"]["ok"]

        # An admin adds a reviewer with the CLI; the reviewer signs in and searches.
        added = subprocess.run(
            [sys.executable, "-m", "jiancha.cli", "user", "add", "wang.wu", "--role", "reviewer",
             "--name", "王五", "--password-stdin"],
            env=env, input="e2e-password-1\n", capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
        assert "已保存用户 wang.wu（王五，reviewer）" in added.stdout
        form = urllib.parse.urlencode({"username": "wang.wu", "password": "e2e-password-1"})
        with urllib.request.urlopen(f"{base}/auth/token", data=form.encode(), timeout=10) as resp:
            token = json.load(resp)["access_token"]

        query = urllib.parse.urlencode({"q": "罚款", "size": 100})
        status, body = _get(f"{base}/clips/search?{query}")
        assert status == 401 and body["detail"].startswith("未登录")
        status, body = _get(f"{base}/clips/search?{query}", token)
        assert status == 200
        assert {i["recording_id"] for i in body["items"]} == fines

        status, body = _get(f"{base}/clips/search?size=1000", token)
        assert status == 422
        assert body["detail"] == "请求参数有误"
        assert body["errors"][0]["field"] == "size"
    finally:
        api.terminate()
        api.wait(timeout=30)
