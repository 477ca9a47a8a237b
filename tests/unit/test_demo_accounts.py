"""The demo's accounts: one per role, and squad leaders of the replay's busiest squads."""

from __future__ import annotations

import json

from jiancha.demo import busiest_squads, demo_accounts


def test_busiest_squads_come_from_the_replay(tmp_path):
    events = tmp_path / "events.jsonl"
    lines = [
        {"type": "recording", "data": {"recording_id": f"R{i}", "squad_id": squad}}
        for i, squad in enumerate(["b-1", "a-1", "b-1", "c-1", "a-1", "b-1"])
    ]
    lines.append({"type": "enforcement_action", "data": {"squad_id": "z-9"}})
    events.write_text("\n".join(json.dumps(x) for x in lines) + "\n{broken\n", encoding="utf-8")
    assert busiest_squads(events) == ["b-1", "a-1"]


def test_demo_accounts_cover_every_role():
    accounts = demo_accounts(["mudan-1", "gaosu-1"])
    assert [a.role for a in accounts] == [
        "admin", "supervisor", "reviewer", "squad_leader", "squad_leader",
    ]  # fmt: skip
    assert [a.squad_id for a in accounts if a.role == "squad_leader"] == ["mudan-1", "gaosu-1"]
    assert all(len(a.password) >= 8 for a in accounts)
    assert len({a.username for a in accounts}) == len(accounts)
