"""Finality on a low watermark over the input partitions (issue 15), without I/O.

A month is final only once every input partition's router is past it plus the allowance (the
minimum over the partitions, as Kafka Streams and Flink take it), and the shard has read what
was routed to it before. A replica killed mid-way leaves its partitions' marks behind: the
survivor's re-routed backlog is then not late.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import pytest

from analyzers.batch import analyze_file, read_events
from analyzers.engine import Engine
from analyzers.shards import (
    DETACHMENT,
    OFFICER,
    RECORDING,
    InputMark,
    LowWatermark,
    Shards,
    advance_mark,
    input_time,
    low_watermark,
    routes,
    targets,
)
from jiancha.clock import BEIJING
from jiancha.schemas.flags import Flag
from jiancha.schemas.transcripts import Transcript
from jiancha.synthetic.month import generate_months

LATENESS = timedelta(days=14)
MAY_10 = datetime(2026, 5, 10, tzinfo=BEIJING)
JUNE_20 = datetime(2026, 6, 20, tzinfo=BEIJING)
A, B, T = ("tickets", 0), ("tickets", 1), ("transcripts", 0)


def test_the_low_watermark_is_the_minimum_over_the_busy_partitions() -> None:
    marks = {A: InputMark(JUNE_20, 50), B: InputMark(MAY_10, 20)}
    ends = {A: 100, B: 100}
    assert low_watermark([A, B], marks, {}, ends) == MAY_10


def test_a_partition_read_to_its_end_holds_nothing_back() -> None:
    marks = {A: InputMark(JUNE_20, 50), B: InputMark(MAY_10, 100)}
    assert low_watermark([A, B], marks, {}, {A: 100, B: 100}) == JUNE_20
    # every partition at its end: everything routed, the latest time counts
    marks[A] = InputMark(JUNE_20, 100)
    assert low_watermark([A, B], marks, {}, {A: 100, B: 100}) == JUNE_20
    # an empty log (or one whose retention removed all) needs no router
    assert low_watermark([A, B], {A: marks[A]}, {B: 7}, {A: 100, B: 7}) == JUNE_20


def test_unknown_is_not_final() -> None:
    marks = {A: InputMark(JUNE_20, 50)}
    # a partition with events no router has reported yet
    assert low_watermark([A, B], marks, {}, {A: 100, B: 10}) is None
    # a partition whose end is not known
    assert low_watermark([A, B], marks, {}, {A: 100}) is None
    # transcripts carry no time: one not read to its end leaves the watermark unknown
    assert low_watermark([A, T], {**marks, T: InputMark(None, 3)}, {}, {A: 100, T: 9}) is None
    idle = {**marks, T: InputMark(None, 9)}
    assert low_watermark([A, T], idle, {}, {A: 100, T: 9}) == (JUNE_20)


def test_a_mark_keeps_the_latest_time_and_offset() -> None:
    t = Transcript(recording_id="R", engine="e", segments=[])
    assert input_time(t) is None
    mark = advance_mark(None, t, 4)
    assert mark == InputMark(None, 5)
    assert InputMark.from_json(json.loads(json.dumps(mark.to_json()))) == mark
    late = InputMark(JUNE_20, 5)
    assert advance_mark(late, t, 5) == InputMark(JUNE_20, 6)
    assert InputMark.from_json(late.to_json()) == late


def test_a_shard_finalises_only_with_what_it_has_read_past() -> None:
    lows = LowWatermark()
    rec, off = (RECORDING, 0), (OFFICER, 0)
    lows.propose(MAY_10, {rec: 40})
    assert lows.low(rec, 39) is None and lows.low(rec, 40) == MAY_10
    assert lows.joined({0: 39}) is None  # the join has not forwarded up to the proposal
    assert lows.low(off, 10**6) is None  # nothing settled: an officer shard waits
    assert lows.joined({0: 40}) == MAY_10
    assert lows.joined({0: 40}) is None  # nothing new
    lows.settle(MAY_10, {off: 70})
    assert lows.low(off, 69) is None and lows.low(off, 70) == MAY_10
    lows.propose(JUNE_20, {rec: 90})
    assert lows.joined({0: 95}) == JUNE_20
    lows.settle(JUNE_20, {off: 120})
    assert lows.low(off, 100) == MAY_10 and lows.low(off, 120) == JUNE_20
    lows.propose(MAY_10, {rec: 200})  # no larger: adds nothing
    assert len(lows.proposed) == 2


@pytest.fixture(scope="module")
def two_months(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Any], dict[str, Flag]]:
    path = tmp_path_factory.mktemp("months") / "two-months.jsonl"
    lines = (json.dumps(e, ensure_ascii=False) + "\n" for e in generate_months(3000, 2, seed=5))
    path.write_text("".join(lines), "utf-8")
    batch, _ = analyze_file(path)
    events = [e for _, e, _ in read_events(path) if e is not None]
    return events, {f.flag_id: f for f in batch}


def _kill_9(events: list[Any], gated: bool) -> tuple[dict[str, Flag], int, set[Any]]:
    """Two routers over two partitions of every input topic (each event type a topic); router 2
    is killed a third of the way into its partitions, having committed a sixth; router 1 routes
    its own partitions to their ends, then takes router 2's over from the committed offsets.
    The shards are judged every 300 events routed, with the low watermark over the inputs
    (``gated``) or on their own clocks. Returns the flags standing and the events refused."""
    parts = 2
    shards = Shards(Engine(lateness=LATENESS), parts, gated=gated)
    for stage in (OFFICER, DETACHMENT, RECORDING):
        for p in range(parts):
            shards.rebuild((stage, p), ())
    logs: dict[tuple[str, int], list[Any]] = {}
    for i, e in enumerate(events):
        logs.setdefault((type(e).__name__, i % 2), []).append(e)
    inputs = sorted(logs)
    ends = {tp: len(log) for tp, log in logs.items()}
    marks: dict[tuple[str, int], InputMark] = {}
    published: dict[str, Flag] = {}
    routed = 0

    def deliver(route: tuple[str, str], event: Any) -> None:
        for p in targets(route, parts):
            if route[0] == RECORDING:
                for onward, transcript in shards.joins[p].add(event):
                    deliver(onward, transcript)
            else:
                shards.engines[(route[0], p)].add(event)

    def judge() -> None:
        lows = None
        if gated:  # delivery is immediate here: every shard has read what was routed
            low = low_watermark(inputs, marks, {}, ends)
            lows = {s: low for s in shards.held()}
        changes = shards.judge(shards.watermark(), lows)
        published.update({f.flag_id: f for f in changes.flags})
        for f in changes.withdrawn:
            published.pop(f.flag_id, None)

    def route(tp: tuple[str, int], start: int, stop: int) -> None:
        nonlocal routed
        for offset in range(start, stop):
            event = logs[tp][offset]
            for r in routes(event):
                deliver(r, event)
            marks[tp] = advance_mark(marks.get(tp), event, offset)
            routed += 1
            if routed % 300 == 0:
                judge()

    mine = [tp for tp in inputs if tp[1] == 0]
    theirs = [tp for tp in inputs if tp[1] == 1]
    # side by side up to a third, a slice at a time
    for k in range(10):
        for tp in inputs:
            route(tp, ends[tp] * k // 30, ends[tp] * (k + 1) // 30)
    for tp in mine:  # router 2 is dead: router 1 reads its own partitions to their ends
        route(tp, ends[tp] // 3, ends[tp])
    for tp in theirs:  # then takes router 2's over from where it had committed
        marks[tp] = InputMark(None, ends[tp] // 6)  # its first flush as successor
        route(tp, ends[tp] // 6, ends[tp])
    judge()
    refused = sum(e.refused for e in shards.engines.values())
    return published, refused, set(shards.horizons().values())


def test_a_kill_9_with_final_months_gives_the_batch_flags_on_the_low_watermark(
    two_months,
) -> None:
    events, batch = two_months
    published, refused, horizons = _kill_9(events, gated=True)
    assert horizons == {datetime(2026, 6, 1, tzinfo=BEIJING)}  # May final, once all is routed
    assert refused == 0
    assert published == batch


def test_on_the_shards_own_clocks_the_same_kill_9_refuses_the_backlog(two_months) -> None:
    """What the low watermark fixes: finality on a shard's own clock makes the survivor's
    re-routed May backlog late (2026-12-02: 194 flags lost on 2 x 100,000 events)."""
    events, batch = two_months
    published, refused, _ = _kill_9(events, gated=False)
    assert refused > 0
    assert published != batch
