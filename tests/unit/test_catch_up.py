"""Fewer judgements during a catch-up (issue 15): a shard behind its input judges a scope once
its own clock has passed it, not at every judgement, and ends with the batch's flags."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from analyzers.batch import analyze_file, read_events
from analyzers.engine import Engine
from analyzers.shards import Shards, routes, targets
from jiancha.schemas.flags import Flag
from jiancha.synthetic.month import generate_months

PARTITIONS = 3


def _month(tmp_path: Path, events: int, months: int) -> tuple[list[Any], dict[str, Flag]]:
    path = tmp_path / "months.jsonl"
    lines = (json.dumps(e, ensure_ascii=False) + "\n" for e in generate_months(events, months, 7))
    path.write_text("".join(lines), "utf-8")
    batch, _ = analyze_file(path)
    return [e for _, e, _ in read_events(path) if e is not None], {f.flag_id: f for f in batch}


def _stream(
    events: list[Any], catching_up: bool, every: int = 200, template: Engine | None = None
) -> tuple[dict[str, Flag], Shards, int]:
    """The shards fed in file order and judged every ``every`` events (as a replica judges every
    second), ``catching_up`` until the last event is in, then once more caught up. Returns the
    flags standing (latest word per id; final ones stay), the shards and the withdrawals."""
    shards = Shards(template or Engine(), PARTITIONS)
    for stage in ("officer", "detachment", "recording"):
        for p in range(PARTITIONS):
            shards.rebuild((stage, p), ())
    published: dict[str, Flag] = {}
    withdrawals = 0

    def deliver(route: tuple[str, str], event: Any) -> None:
        for p in targets(route, PARTITIONS):
            if route[0] == "recording":
                for onward, transcript in shards.joins[p].add(event):
                    deliver(onward, transcript)
            else:
                assert shards.engines[(route[0], p)].add(event), "an in-order event refused"

    def judge(behind: bool) -> None:
        nonlocal withdrawals
        changes = shards.judge(shards.watermark(), catching_up=behind)
        for f in changes.flags:
            published[f.flag_id] = f
        for f in changes.withdrawn:
            published.pop(f.flag_id, None)
            withdrawals += 1

    for i, event in enumerate(events, start=1):
        for route in routes(event):
            deliver(route, event)
        if i % every == 0:
            judge(catching_up)
    judge(False)
    return published, shards, withdrawals


def test_a_catch_up_judges_less_and_ends_with_the_batchs_flags(tmp_path: Path) -> None:
    events, batch = _month(tmp_path, 6000, 1)
    # 50 events a judgement: a generated day is ~200 events, and a replica reading a backlog
    # at 700 events/s judges every second, several times per day of events
    every_time, before, churn_before = _stream(events, catching_up=False, every=50)
    deferred, after, churn_after = _stream(events, catching_up=True, every=50)
    assert every_time == batch
    assert deferred == batch
    assert batch, "the generated month should raise flags"
    # the same judgements (one per batch), far fewer scopes judged, no more flags withdrawn
    assert after.judgements == before.judgements
    assert after.scopes_judged < before.scopes_judged / 2, (after.scopes_judged, before)
    assert churn_after <= churn_before


@pytest.mark.parametrize("every", [150, 1000])
def test_a_deferred_scope_is_judged_before_its_month_is_final(tmp_path: Path, every: int) -> None:
    """Two months, final months on: May becomes final during the catch-up, and every scope of
    it deferred until then is judged before it is forgotten (its flags stand, none lost)."""
    events, batch = _month(tmp_path, 3000, 2)
    published, shards, _ = _stream(
        events, catching_up=True, every=every, template=Engine(lateness=timedelta(days=14))
    )
    assert any(e.horizon is not None for e in shards.engines.values()), "May should be final"
    assert published == batch
