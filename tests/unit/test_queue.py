"""The work queue's pure rules: risk score, officer spread, auto-assignment, 文号, Excel cells."""

from __future__ import annotations

import io
from collections import Counter
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from streams.review.numbers import document_number, rank_in_log
from streams.review.queue import (
    PER_OFFICER_PER_PAGE,
    WEIGHTS,
    auto_assign,
    confidence,
    page_of,
    rank,
    risk,
    spread,
)
from streams.review.sheets import ORDER_COLUMNS, cell, safe_text, workbook

NOW = datetime(2026, 4, 20, 8, 0, tzinfo=UTC)


def case(
    cid: str, officer: str = "P1", severity: int = 3, days: float = 1, **extra: object
) -> dict:
    return {
        "case_id": cid,
        "officer_id": officer,
        "severity": severity,
        "occurred_at": (NOW - timedelta(days=days)).isoformat(),
        "flags": [{"category": "out_of_range_fine", "evidence": [{"action_id": "A1"}]}],
        **extra,
    }


def test_weights_sum_to_one() -> None:
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)


def test_score_is_the_weighted_sum_stated() -> None:
    score, parts = risk(case("C1", severity=5, days=7, complaint_ids=["T1"]), NOW)
    # severity 5 → 1; a ticket's field → confidence 1; a complaint → 1; 7 of 14 days → 0.5
    assert parts == {"severity": 0.4, "confidence": 0.25, "complaint": 0.2, "age": 0.075}
    assert score == pytest.approx(0.925)


def test_each_factor_raises_the_rank() -> None:
    base = case("A", days=1)
    graver = case("B", severity=5, days=1)
    complained = case("C", days=1, complaint_ids=["T"])
    older = case("D", days=13)
    order = [r.case_id for r in rank([base, graver, complained, older], NOW)]
    assert order[-1] == "A"
    assert order[0] == "B"


def test_confidence_of_speech_statistics_and_records() -> None:
    heard = {"flags": [{"category": "threat", "evidence": [{"recording_id": "R"}]}]}
    stats = {"flags": [{"category": "month_end_spike", "evidence": []}]}
    record = {"flags": [{"category": "cash_no_receipt", "evidence": [{"action_id": "A"}]}]}
    both = {"flags": [*heard["flags"], *stats["flags"]]}
    assert confidence(heard) == 0.7
    assert confidence(stats) == 0.5
    assert confidence(record) == 1.0
    assert confidence(both) == pytest.approx(0.8)  # corroborated


def test_age_is_capped_and_never_negative() -> None:
    assert risk(case("A", days=100), NOW)[1]["age"] == WEIGHTS["age"]
    assert risk(case("A", days=-2), NOW)[1]["age"] == 0


def test_spread_keeps_at_most_k_of_one_officer_per_page() -> None:
    cases = [case(f"X{i:02d}", "HOT", severity=5) for i in range(10)]
    cases += [case(f"Y{i:02d}", f"P{i}", severity=2) for i in range(10)]
    ordered = spread(rank(cases, NOW), page_size=5)
    assert len(ordered) == 20 and {r.case_id for r in ordered} == {c["case_id"] for c in cases}
    for page in range(1, 4):
        officers = Counter(r.officer_id for r in page_of(ordered, page, 5))
        assert officers["HOT"] <= PER_OFFICER_PER_PAGE
    assert [r.case_id for r in ordered[:2]] == ["X00", "X01"]  # the gravest still come first


def test_spread_fills_pages_when_only_one_officer_is_left() -> None:
    cases = [case(f"X{i}", "HOT") for i in range(6)]
    ordered = spread(rank(cases, NOW), page_size=4)
    assert [r.case_id for r in ordered] == [r.case_id for r in rank(cases, NOW)]


def test_spread_refuses_a_bad_page() -> None:
    with pytest.raises(ValueError):
        spread([], page_size=0)


def test_auto_assign_evens_the_load_and_is_deterministic() -> None:
    ranked = rank([case(f"C{i}", f"P{i % 3}") for i in range(9)], NOW)
    plan = auto_assign(ranked, ["li", "wang", "zhao"], {"li": 3})
    counts = Counter(plan.values())
    assert counts == {"wang": 4, "zhao": 4, "li": 1}  # li already had 3
    assert plan == auto_assign(ranked, ["zhao", "wang", "li"], {"li": 3})
    assert auto_assign(ranked, [], {}) == {}


def test_document_number_format() -> None:
    assert document_number("菏交监整", 2026, 12) == "菏交监整〔2026〕第012号"
    assert document_number("菏交监整", 2026, 1234) == "菏交监整〔2026〕第1234号"


def test_numbers_never_repeat_and_repeat_requests_keep_theirs() -> None:
    log = [("O1", 2026), ("O2", 2026), ("O1", 2026), ("X", 2025), ("O3", 2026), ("O2", 2026)]
    assert rank_in_log(log, "O1", 2026) == 1
    assert rank_in_log(log, "O2", 2026) == 2
    assert rank_in_log(log, "O3", 2026) == 3
    assert rank_in_log(log, "X", 2025) == 1  # each year counts from 1
    assert rank_in_log(log, "O9", 2026) is None


@pytest.mark.parametrize("text", ["=1+1", "+SUM(A1)", "-2", "@cmd", "\t=x", "\rx"])
def test_formula_text_is_kept_inert(text: str) -> None:
    assert safe_text(text) == "'" + text


def test_cells_keep_numbers_and_local_times() -> None:
    tz = ZoneInfo("Asia/Shanghai")
    assert cell(-5, tz) == -5  # a number is not a formula
    assert cell("2026-04-20T00:00:00+00:00", tz) == datetime(2026, 4, 20, 8, 0)
    assert cell(["a", "=b"], tz) == "a、=b"
    assert cell(["=a"], tz) == "'=a"
    assert cell(True, tz) == "是"


def test_workbook_reads_back_with_inert_formulas() -> None:
    from openpyxl import load_workbook

    rows = [{"order_id": "ZG-1", "title": '=HYPERLINK("http://x")', "status": "issued"}]
    data = workbook("整改台账", ORDER_COLUMNS, rows, "Asia/Shanghai", {"issued": "已下发"})
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "通知书编号"
    assert values[1][1].startswith("'=")
    assert values[1][4] == "已下发"
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_an_assignment_replaces_only_an_older_one() -> None:
    from jiancha.schemas.case_assignments import CaseAssigned
    from streams.review.assignments import assignment_document, supersedes

    def assigned(event_id: str, at: datetime) -> CaseAssigned:
        return CaseAssigned(
            event_id=event_id, case_id="C1", assignee="shen", assigned_by="zhang",
            role="supervisor", assigned_at=at,
        )  # fmt: skip

    old, new = assigned("e1", NOW), assigned("e2", NOW + timedelta(minutes=1))
    assert supersedes(None, old)
    assert supersedes(assignment_document(old), new)
    assert not supersedes(assignment_document(new), old)  # a late replay of an older one
    assert not supersedes(assignment_document(new), new)  # itself: nothing to write


def test_an_export_past_the_window_asks_for_narrower_filters() -> None:
    from fastapi import HTTPException

    from api.routes.exports import _whole

    _whole({"hits": {"total": {"value": 10_000}}})
    with pytest.raises(HTTPException) as refused:
        _whole({"hits": {"total": {"value": 10_001}}})
    assert refused.value.status_code == 400 and "请缩小筛选范围" in str(refused.value.detail)
