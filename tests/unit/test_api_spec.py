"""The OpenAPI spec says what the app does: its error bodies, the links between operations."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.main import create_app
from api.models import ErrorOut
from jiancha.settings import Settings


@pytest.fixture
def app(tmp_path: Any) -> FastAPI:
    return create_app(Settings(data_dir=tmp_path))


def test_422_is_documented_as_the_body_the_app_sends(app: FastAPI) -> None:
    # Schemathesis (stateful, response_schema_conformance): GET /bulletins/·.pdf answered
    # {"detail": "请求参数有误", "errors": [...]} where the spec promised FastAPI's list of errors.
    @app.get("/probe")
    def probe(size: int) -> int:
        return size

    resp = TestClient(app).get(  # no lifespan: nothing of it is needed here
        "/probe", params={"size": "many"}
    )
    assert resp.status_code == 422
    body = ErrorOut.model_validate(resp.json())
    assert body.detail == "请求参数有误" and body.errors[0].field == "size"

    schemas = app.openapi()["components"]["schemas"]
    error = ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
    error.pop("$defs")
    assert schemas["HTTPValidationError"] == error
    assert schemas["HTTPValidationError"]["properties"]["detail"]["type"] == "string"
    assert "ValidationError" not in schemas
