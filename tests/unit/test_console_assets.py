"""The console's static files and the Kibana saved objects (no I/O beyond the repository)."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.routes import console
from jiancha.settings import Settings

KIBANA = Path(console.ROOT).parent / "kibana"


def _client() -> TestClient:
    app = FastAPI()
    app.state.settings = Settings()
    app.include_router(console.router)
    return TestClient(app)


def test_console_is_served_without_a_cdn() -> None:
    api = _client()
    assert api.get("/", follow_redirects=False).headers["location"] == "/console/"
    page = api.get("/console/")
    assert page.status_code == 200 and "监察" in page.text
    assert "http" not in page.text.replace('lang="zh-CN"', "")  # every asset is local
    assert api.get("/console/app.js").headers["content-type"].startswith("text/javascript")
    assert api.get("/console/vendor/echarts.min.js").status_code == 200
    assert api.get("/console/../api/main.py").status_code == 404
    assert api.get("/console/%2e%2e/%2e%2e/pyproject.toml").status_code == 404


def test_console_labels_come_from_the_catalogue() -> None:
    meta = _client().get("/console/meta.json").json()
    assert meta["categories"]["cash_no_receipt"] == {"label": "收现不开票", "class": "profit"}
    assert meta["order_status"]["issued"] == "已下发"
    assert meta["case_status"]["pending"] == "待审核"
    assert meta["violations"]["parking"] == "违反规定停放"


def test_kibana_saved_objects_are_valid_ndjson() -> None:
    lines = (KIBANA / "jiancha.ndjson").read_text(encoding="utf-8").splitlines()
    objects = [json.loads(line) for line in lines]
    summary = objects.pop()
    assert summary["exportedCount"] == len(objects) and summary["missingRefCount"] == 0
    ids = {(o["type"], o["id"]) for o in objects}
    assert len(ids) == len(objects)
    patterns = {o["attributes"]["title"] for o in objects if o["type"] == "index-pattern"}
    assert patterns == {"jiancha-cases", "jiancha-clips"}
    for o in objects:
        assert o["attributes"]["title"]
        for ref in o["references"]:
            assert (ref["type"], ref["id"]) in ids, ref  # every reference resolves
    (dashboard,) = [o for o in objects if o["type"] == "dashboard"]
    panels = json.loads(dashboard["attributes"]["panelsJSON"])
    refs = {r["name"] for r in dashboard["references"]}
    assert {f"{p['panelIndex']}:{p['panelRefName']}" for p in panels} == refs
