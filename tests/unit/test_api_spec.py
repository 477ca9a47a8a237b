"""The OpenAPI spec says what the app does: its error bodies, the links between operations."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from schemathesis.openapi import from_dict

from api.links import LINKS, add_links
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


def _target(spec: dict[str, Any], ref: str) -> dict[str, Any]:
    path, method = ref.removeprefix("#/paths/").rsplit("/", 1)
    return spec["paths"][path.replace("~1", "/").replace("~0", "~")][method]  # type: ignore[no-any-return]


def test_links_name_operations_and_parameters_of_the_spec(app: FastAPI) -> None:
    spec = app.openapi()
    links = {
        (path, method, status, name): link
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
        for status, response in operation["responses"].items()
        for name, link in response.get("links", {}).items()
    }
    assert len(links) == sum(len(v) for v in LINKS.values()) >= 40
    for (path, method, _status, name), link in links.items():
        target = _target(spec, link["operationRef"])
        names = {p["name"] for p in target.get("parameters", [])}
        assert set(link.get("parameters", {})) <= names, (path, method, name)
        if "requestBody" in link:
            body = target["requestBody"]["content"]["application/json"]["schema"]["$ref"]
            fields = spec["components"]["schemas"][body.rsplit("/", 1)[1]]["properties"]
            assert set(link["requestBody"]) <= set(fields), (path, method, name)
    # The chains of the stateful tests (tests/security/test_stateful_fuzz.py) are there.
    chain = [
        ("/cases", "get", "200", "GetFirstCase"),
        ("/cases/{case_id}", "get", "200", "DecideCase"),
        ("/cases/{case_id}/decision", "post", "200", "DraftFromDecidedCase"),
        ("/orders", "post", "201", "IssueOrder"),
        ("/orders/{order_id}/issue", "post", "200", "AcknowledgeOrder"),
        ("/orders/{order_id}/acknowledge", "post", "200", "AnswerOrder"),
        ("/orders/{order_id}/answers", "post", "200", "ReturnOrder"),
        ("/orders/{order_id}/answers", "post", "200", "AcceptOrder"),
        ("/clips/search", "get", "200", "PlayFirstClip"),
        ("/bulletins", "get", "200", "GetWeekStats"),
    ]
    assert set(chain) <= set(links)
    # Schemathesis reads every link (it raises on one it cannot resolve).
    state_machine = from_dict(spec).as_state_machine()
    assert "RANDOM__GET_orders" in state_machine.root_rules


def test_a_link_to_a_missing_operation_fails_loudly() -> None:
    spec = {"paths": {"/cases": {"get": {"responses": {}}}}}
    with pytest.raises(KeyError):
        add_links(spec)
