"""Schemathesis on the ``/orders`` operations, as every role that may use them: never a 5xx.

(``test_api_schema.py`` probes every operation as an admin, who may not touch orders; here the
generated requests get past the role check, into validation, the lifecycle and the uploads.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.openapi import from_asgi

from api.main import create_app
from api.security import User
from jiancha.settings import Settings
from tests.integration.review_fixtures import save_accounts

pytestmark = pytest.mark.integration

EXAMPLES = 8  # per operation and role

USERS = [
    User(username="zhang", role="supervisor", display_name="张主任"),
    User(username="shen", role="reviewer", display_name="沈审核"),
    User(username="li", role="squad_leader", squad_id="mudan-2", display_name="李队长"),
]


def test_orders_never_answer_5xx(settings: Settings, tmp_path: Path) -> None:
    s = settings.model_copy(update={"data_dir": tmp_path, "order_apply_timeout_s": 0.5})
    app = create_app(s)
    schema = from_asgi("/openapi.json", app)
    with TestClient(app):
        accounts = save_accounts(s, USERS)
        tokens = [app.state.auth.issue(accounts[u.username]) for u in USERS]
    operations = [
        op.ok() for op in schema.get_all_operations() if op.ok().path.startswith("/orders")
    ]
    # list, draft, read, edit, withdraw, issue, acknowledge, answer, return, accept, close,
    # an answer's attachment, the printed notice
    assert len(operations) == 13
    failures: list[str] = []
    for operation in operations:
        for token in tokens:
            _probe(operation, {"Authorization": f"Bearer {token}"}, failures)
    assert not failures, "\n".join(failures)


def _probe(operation: Any, headers: dict[str, str], failures: list[str]) -> None:
    @given(case=operation.as_strategy())
    @hypothesis_settings(
        max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck)
    )
    def probe(case: Any) -> None:
        response = case.call(headers=headers)
        if response.status_code >= 500:
            failures.append(f"{case.method} {case.formatted_path}: {response.text[:300]}")

    probe()
