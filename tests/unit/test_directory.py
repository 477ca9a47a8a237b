"""The directory (issue 16): generated names, the roster of replay data, the contract, search."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from pydantic import ValidationError

from jiancha.schemas.directory import DirectoryEvent, OfficerSaved, Posting, SquadSaved
from jiancha.synthetic.names import DISTRICTS, chinese_number, person_name, squad_name
from streams.directory.documents import document, entry_of
from streams.directory.names import Names
from streams.directory.roster import entries_from_file, roster_from_events
from streams.directory.store import search_body

NOW = datetime(2026, 4, 30, 12, 0, tzinfo=UTC)
EVAL_DEV = Path("/work/shared/data/eval-dev/events.jsonl")


def test_a_name_is_chinese_plausible_and_the_same_for_the_same_id() -> None:
    names = {person_name(f"GA{n:06d}") for n in range(500)}
    assert person_name("GA403677") == person_name("GA403677")
    assert len(names) > 400  # varied
    assert all(2 <= len(n) <= 4 for n in names)
    assert all("\u4e00" <= c <= "\u9fff" for n in names for c in n)
    common = sum(n[0] in "王李张刘陈" for n in names) / len(names)
    assert 0.35 < common < 0.65  # the big five are half of the listed (common) surnames


def test_squad_names_read_as_the_detachment_writes_them() -> None:
    assert squad_name("mudan-2", DISTRICTS) == ("牡丹区二中队", "牡丹区大队")
    assert squad_name("gaosu-1", DISTRICTS) == ("高速一中队", "高速大队")
    assert squad_name("x9", DISTRICTS) == ("x9中队", "x9大队")
    assert [chinese_number(n) for n in (1, 10, 12, 20, 35, 100)] == [
        "一", "十", "十二", "二十", "三十五", "100",
    ]  # fmt: skip


def _action(oid: str, squad: str, day: str, role: str = "officer") -> dict:
    data = {"officer_id": oid, "officer_role": role, "squad_id": squad}
    return {"type": "enforcement_action", "data": {**data, "occurred_at": f"{day}T09:00:00+08:00"}}


def test_an_officer_who_moves_squads_keeps_his_history() -> None:
    events = [
        _action("MU100001", "mudan-1", "2026-04-02"),
        _action("MU100001", "mudan-1", "2026-04-10"),
        _action("MU100001", "gaosu-1", "2026-04-15"),
        _action("FJ12345", "gaosu-1", "2026-04-03", role="auxiliary"),
        {"type": "recording", "data": {"officer_ids": ["GA200002"], "squad_id": "gaosu-1",
                                       "started_at": "2026-04-05T10:00:00+08:00"}},
    ]  # fmt: skip
    entries = {e.key: e for e in roster_from_events(events, NOW)}
    assert set(entries) == {
        "squad:gaosu-1", "squad:mudan-1", "officer:MU100001", "officer:FJ12345", "officer:GA200002",
    }  # fmt: skip
    moved = entries["officer:MU100001"]
    assert isinstance(moved, OfficerSaved)
    assert [(p.squad_id, p.since, p.until) for p in moved.postings] == [
        ("mudan-1", date(2026, 4, 2), date(2026, 4, 14)),
        ("gaosu-1", date(2026, 4, 15), None),
    ]
    assert moved.squad_id == "gaosu-1"
    assert moved.squad_on(date(2026, 4, 10)) == "mudan-1"
    assert moved.squad_on(date(2026, 4, 1)) is None
    aux = entries["officer:FJ12345"]
    assert isinstance(aux, OfficerSaved)
    assert (aux.role, aux.police_number) == ("auxiliary", "FJ12345")
    assert entries["officer:GA200002"].police_number == "200002"  # type: ignore[union-attr]


def test_a_seed_file_line_wins_over_the_generated_entry() -> None:
    lines = [
        json.dumps(_action("MU100001", "mudan-1", "2026-04-02")),
        json.dumps({"type": "squad", "data": {"code": "mudan-1", "name": "城区一中队"}}),
        "not json",
        "",
    ]
    entries = {e.key: e for e in entries_from_file(lines, NOW)}
    assert entries["squad:mudan-1"].name == "城区一中队"
    assert entries["officer:MU100001"].name == person_name("MU100001")
    bad = [json.dumps({"type": "officer", "data": {"officer_id": "A 1", "name": "x"}})]
    with pytest.raises(ValueError, match="第1条名录记录不符合契约"):
        entries_from_file(bad, NOW)


@pytest.mark.skipif(not EVAL_DEV.exists(), reason="eval-dev not present")
def test_eval_dev_gets_a_named_directory() -> None:
    with open(EVAL_DEV, "rb") as lines:
        entries = entries_from_file(lines, NOW)
    squads = {e.code: e.name for e in entries if isinstance(e, SquadSaved)}
    assert squads == {
        "gaosu-1": "高速一中队", "kaifa-1": "开发区一中队",
        "mudan-1": "牡丹区一中队", "mudan-2": "牡丹区二中队",
    }  # fmt: skip
    officers = [e for e in entries if isinstance(e, OfficerSaved)]
    assert len(officers) >= 37 and len({o.name for o in officers}) >= len(officers) - 3


def test_postings_must_not_overlap_or_run_backwards() -> None:
    base = {"officer_id": "MU1", "name": "王伟", "saved_at": NOW, "saved_by": "admin"}
    with pytest.raises(ValidationError, match="日期重叠"):
        OfficerSaved(
            **base,
            postings=[
                Posting(squad_id="a-1", since=date(2026, 4, 1)),
                Posting(squad_id="b-1", since=date(2026, 4, 5)),
            ],
        )
    with pytest.raises(ValidationError, match="调离日期早于调入日期"):
        Posting(squad_id="a-1", since=date(2026, 4, 5), until=date(2026, 4, 1))
    with pytest.raises(ValidationError):
        SquadSaved(code="<script>", name="x", saved_at=NOW, saved_by="admin")


def test_the_projection_round_trips_both_kinds() -> None:
    squad = SquadSaved(code="mudan-1", name="牡丹区一中队", brigade="牡丹区大队",
                       saved_at=NOW, saved_by="admin")  # fmt: skip
    officer = OfficerSaved(
        officer_id="MU1",
        name="王伟",
        police_number="100001",
        postings=[Posting(squad_id="mudan-1", since=date(2026, 4, 1))],
        saved_at=NOW,
        saved_by="admin",
    )
    for entry in (squad, officer):
        doc = document(entry)
        assert entry_of(doc) == entry
        event = DirectoryEvent.model_validate_json(entry.to_json_bytes()).root
        assert event == entry
    assert document(officer)["squad_id"] == "mudan-1"
    assert (squad.key, officer.key) == ("squad:mudan-1", "officer:MU1")


def test_autocomplete_is_case_insensitive_escaped_and_scoped() -> None:
    body = search_body(" ga4*", None, "mudan-1", 8)
    should = body["query"]["bool"]["should"]
    assert {"prefix": {"code": {"value": "ga4*", "case_insensitive": True, "boost": 3.0}}} in should
    assert {"wildcard": {"name": {"value": "*ga4\\**", "case_insensitive": True}}} in should
    scoped = json.dumps(body["query"]["bool"]["filter"])
    assert "mudan-1" in scoped
    assert search_body("王", "officer", None, 5)["query"]["bool"]["filter"] == [
        {"term": {"kind": "officer"}}
    ]


def test_printed_pages_name_squads_and_officers_and_fall_back_to_ids() -> None:
    names = Names(squads={"mudan-1": "牡丹区一中队"}, officers={"GA403677": "王建国"})
    assert names.squad("mudan-1") == "牡丹区一中队"
    assert names.squad("new-9") == "new-9" and names.squad(None) == "—"
    assert names.officer("GA403677") == "王建国（GA403677）"
    assert names.officer("XX1") == "XX1" and names.officer(None) == ""


def test_the_bulletins_requirements_name_the_worst_squad() -> None:
    from streams.bulletin.render import _env

    env = _env("Asia/Shanghai")
    env.globals.update(squad=Names(squads={"mudan-1": "牡丹区一中队"}).squad)
    stats = SimpleNamespace(
        squads=[SimpleNamespace(squad_id="mudan-1", problems=3)],
        orders=SimpleNamespace(overdue=[]),
    )
    text = env.get_template("requirements.html.j2").render(s=stats, m=None)
    assert "牡丹区一中队等问题率较高" in text and "mudan-1" not in text


def test_the_printed_notice_addresses_the_squad_and_names_the_officer() -> None:
    from streams.review.notice import notice_of
    from streams.review.orders import Order

    order = Order(
        order_id="ZG-1", case_ids=["C-1"], squad_id="gaosu-1", title="整改", requirements="整改",
        status="issued", version=2, created_at=NOW, updated_at=NOW, drafted_by="reviewer",
        issued_at=NOW,
    )  # fmt: skip
    cases = {"C-1": {"officer_id": "GA403677", "occurred_at": NOW.isoformat()}}
    names = Names(squads={"gaosu-1": "高速一中队"}, officers={"GA403677": "孙宁"})
    notice = notice_of(
        order, cases, "菏交监整〔2026〕第001号", "菏泽市公安局交警支队", "Asia/Shanghai", names
    )
    assert notice.squad_name == "高速一中队"
    assert notice.cases[0].officer_id == "孙宁（GA403677）"
    plain = notice_of(order, cases, "x", "y", "Asia/Shanghai")
    assert (plain.squad_name, plain.cases[0].officer_id) == ("gaosu-1中队", "GA403677")


def test_spreadsheet_rows_get_names_beside_their_ids() -> None:
    names = Names(squads={"mudan-1": "牡丹区一中队"}, officers={"MU1": "王伟"})
    row = names.labelled({"case_id": "C-1", "squad_id": "mudan-1", "officer_id": "MU1"})
    assert (row["squad_label"], row["officer_label"]) == ("牡丹区一中队", "王伟（MU1）")
    assert names.labelled({"order_id": "ZG-1", "squad_id": "x-1"})["officer_label"] is None
