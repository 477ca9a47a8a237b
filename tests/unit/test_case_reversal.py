"""The supervisor's reversal of a decision (复核改判, issue 16): pure rules, no I/O."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.review.cases import DecisionRefused, decide, reverse

NOW = datetime(2026, 4, 2, 9, 0, tzinfo=UTC)
CASE = {"case_id": "C-1", "status": "pending", "squad_id": "mudan-2", "categories": ["quota"]}


def _confirmed() -> dict[str, object]:
    _, update = decide(CASE, "confirm", "属实", "shen", "reviewer", NOW, "e1")
    return {**CASE, **update}


def test_a_confirmed_case_is_reversed_to_dismissed_naming_the_decision() -> None:
    event, update = reverse(_confirmed(), " 复核不属实 ", "zhang", "supervisor", NOW, "e2", [])
    assert (event.from_status, event.to_status, event.reverses) == ("confirmed", "dismissed", "e1")
    assert update["status"] == "dismissed"
    assert [h["action"] for h in update["history"]] == ["case.confirm", "case.reverse"]
    assert update["history"][-1]["reason"] == "复核不属实"


@pytest.mark.parametrize(
    ("source", "role", "reason", "orders", "status", "words"),
    [
        (CASE, "supervisor", "理由", [], 409, "尚未审核"),
        (None, "reviewer", "理由", [], 403, "只有监查中心负责人"),
        (None, "supervisor", "  ", [], 422, "请填写改判理由"),
        (None, "supervisor", "理由", ["ZG-1"], 409, "ZG-1"),
    ],
)
def test_refusals_say_why(
    source: dict[str, object] | None,
    role: str,
    reason: str,
    orders: list[str],
    status: int,
    words: str,
) -> None:
    with pytest.raises(DecisionRefused, match=words) as err:
        reverse(source or _confirmed(), reason, "x", role, NOW, "e2", orders)
    assert err.value.status == status
