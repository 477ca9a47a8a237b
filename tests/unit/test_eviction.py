"""Final months (issue 15): an engine forgets a month once it is past its lateness allowance,
its flags stand, a late event of it is refused, and what it forgot is named for tombstones."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import pytest

from analyzers.batch import analyze_file, read_events
from analyzers.engine import Engine, Windows
from analyzers.shards import (
    DETACHMENT,
    OFFICER,
    RECORDING,
    Join,
    Shards,
    event_key,
    owner,
    routes,
    targets,
    tombstone_keys,
)
from jiancha.clock import BEIJING
from jiancha.schemas.enforcement_actions import EnforcementAction
from jiancha.schemas.flags import Flag
from jiancha.schemas.recordings import Recording
from jiancha.schemas.transcripts import Transcript
from jiancha.synthetic.month import generate_months

LATENESS = timedelta(days=14)
JUNE = datetime(2026, 6, 1, tzinfo=BEIJING)
#: what is kept of May once it is final: the rules' reach (7 days) before June
KEPT = JUNE - timedelta(days=7)


@pytest.fixture(scope="module")
def two_months(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Any], dict[str, Flag]]:
    """May and June 2026, generated (3,000 events each), and the batch's flags over both."""
    path = tmp_path_factory.mktemp("months") / "two-months.jsonl"
    lines = (json.dumps(e, ensure_ascii=False) + "\n" for e in generate_months(3000, 2, seed=3))
    path.write_text("".join(lines), "utf-8")
    batch, _ = analyze_file(path)
    events = [e for _, e, _ in read_events(path) if e is not None]
    return events, {f.flag_id: f for f in batch}


def _stream(engine: Engine, events: list[Any], every: int = 250) -> dict[str, Flag]:
    """The engine fed in file order and judged every ``every`` events, as the stream does;
    returns the flags standing on the topic (latest word per id, withdrawals removed)."""
    published: dict[str, Flag] = {}

    def publish() -> None:
        changes = engine.advance()
        for f in changes.flags:
            published[f.flag_id] = f
        for f in changes.withdrawn:
            published.pop(f.flag_id, None)

    for i, event in enumerate(events, start=1):
        assert engine.add(event), f"an in-order event was refused: {event}"
        if i % every == 0:
            publish()
    publish()
    return published


def test_a_final_month_is_forgotten_and_its_flags_stand(two_months) -> None:
    events, batch = two_months
    engine = Engine(lateness=LATENESS)
    published = _stream(engine, events)
    assert published == batch  # forgetting May changed no flag, withdrew none
    assert engine.horizon == JUNE  # June is open (its last event is not June 15 + 14 days)
    assert engine.refused == 0
    # memory holds June and the last week of May (what June's first days look back to)
    may = [e for e in events if isinstance(e, EnforcementAction) and e.occurred_at < KEPT]
    assert may and not any(e.action_id in engine.actions for e in may)
    assert all(a.occurred_at >= KEPT for a in engine.actions.values())
    assert all(r.started_at >= KEPT for r in engine.recordings.values())
    assert set(engine.transcripts) <= set(engine.recordings)
    assert all(day >= KEPT.date() for _, day in engine._acts_by_day)
    assert all(day >= KEPT.date() for _, day in engine._recs_by_day)
    assert set(engine._months) == {"2026-06"}
    assert all(s[0] != "day" or s[2] >= "2026-06-01" for s in engine._current)
    assert len(engine.actions) < len([e for e in events if isinstance(e, EnforcementAction)]) * 0.7
    assert {f.flag_id for f in engine.flags()} <= {
        k for k, f in batch.items() if f.case and f.case.occurred_at >= JUNE
    }


def test_without_lateness_nothing_is_forgotten(two_months) -> None:
    events, batch = two_months
    engine = Engine()
    assert _stream(engine, events, every=1000) == batch
    assert engine.horizon is None
    assert {f.flag_id for f in engine.flags()} == set(batch)


def test_eviction_names_what_it_forgot_and_the_final_flags(two_months) -> None:
    events, batch = two_months
    engine = Engine(lateness=LATENESS)
    evicted: list[Any] = []
    final: list[Flag] = []
    for i, event in enumerate(events, start=1):
        engine.add(event)
        if i % 500 == 0 or i == len(events):
            changes = engine.advance()
            evicted += changes.evicted
            final += changes.final
            assert not any(f.flag_id in {g.flag_id for g in final} for f in changes.withdrawn)
    may_actions = {
        e.action_id for e in events if isinstance(e, EnforcementAction) and e.occurred_at < KEPT
    }
    assert {e.action_id for e in evicted if isinstance(e, EnforcementAction)} == may_actions
    assert {f.flag_id for f in final} == {
        k for k, f in batch.items() if f.case and f.case.occurred_at < JUNE
    }
    assert final, "May should have raised flags"
    keys = tombstone_keys(evicted)
    rec = next(e for e in evicted if isinstance(e, Recording))
    assert f"recording|{rec.recording_id}" in keys and f"transcript|{rec.recording_id}" in keys
    # a restarted engine reconciling the topic does not withdraw a final flag
    assert engine.stale(final) == []


def test_a_late_event_of_a_final_month_is_refused(two_months) -> None:
    events, _ = two_months
    engine = Engine(lateness=LATENESS)
    _stream(engine, events, every=1000)
    before = (len(engine.actions), len(engine._acts_by_day))
    may = next(e for e in events if isinstance(e, EnforcementAction) and e.occurred_at < KEPT)
    late = may.model_copy(update={"action_id": "ACT-LATE-1"})
    assert not engine.add(late)
    # May 31st, whose days are still in memory, is as final
    edge = late.model_copy(update={"action_id": "ACT-LATE-2", "occurred_at": JUNE - timedelta(1)})
    assert not engine.add(edge)
    rec = next(e for e in events if isinstance(e, Recording) and e.started_at < JUNE)
    assert not engine.add(rec.model_copy(update={"recording_id": "REC-LATE"}))
    assert engine.refused == 3
    assert (len(engine.actions), len(engine._acts_by_day)) == before
    assert not engine.advance()
    # June 1st is open: judged, with the last days of May it looks back to
    june = late.model_copy(update={"action_id": "ACT-ON-TIME", "occurred_at": JUNE})
    assert engine.add(june)
    assert "ACT-ON-TIME" in engine.actions


def test_the_allowance_must_exceed_what_the_rules_look_back() -> None:
    assert Windows().reach == timedelta(days=7)  # a complaint without the act's time
    with pytest.raises(ValueError, match="迟到期限"):
        Engine(lateness=timedelta(days=7))


def test_shards_forget_their_final_months_and_a_rebuild_keeps_the_final_flags(
    two_months,
) -> None:
    events, batch = two_months
    parts = 2
    shards = Shards(Engine(lateness=LATENESS), parts)
    for stage in (OFFICER, DETACHMENT, RECORDING):
        for p in range(parts):
            shards.rebuild((stage, p), ())
    published: dict[str, Flag] = {}
    logs: dict[tuple[str, int], dict[str, Any]] = {}  # each partition as compaction leaves it

    def deliver(route: tuple[str, str], event: Any) -> None:
        for p in targets(route, parts):
            logs.setdefault((route[0], p), {})[event_key(event)] = event
            if route[0] == RECORDING:
                for onward, transcript in shards.joins[p].add(event):
                    deliver(onward, transcript)
            else:
                shards.engines[(route[0], p)].add(event)

    def judge() -> None:
        changes = shards.judge(shards.watermark())
        published.update({f.flag_id: f for f in changes.flags})
        for f in changes.withdrawn:
            published.pop(f.flag_id, None)
        tombstones, given_up = shards.drain()
        assert not given_up
        for shard, keys in tombstones.items():
            for key in keys:
                logs.get(shard, {}).pop(key, None)

    for i, event in enumerate(events, start=1):
        for route in routes(event):
            deliver(route, event)
        if i % 300 == 0:
            judge()
    judge()
    assert published == batch
    # the compacted partitions hold June and May's last week only
    for log in logs.values():
        for e in log.values():
            if isinstance(e, EnforcementAction):
                assert e.occurred_at >= KEPT
            elif isinstance(e, Recording):
                assert e.started_at >= KEPT
    # a replica rebuilding a shard from its compacted partition withdraws none of the standing
    shard = (OFFICER, 0)
    history = [e for e in logs[shard].values() if not isinstance(e, Transcript)]
    history += [e for e in logs[shard].values() if isinstance(e, Transcript)]
    fresh = Shards(Engine(lateness=LATENESS), parts)
    fresh.rebuild(shard, history, list(published.values()), horizon=JUNE)  # its predecessor's
    changes = fresh.judge(shards.watermark())
    assert changes.withdrawn == []
    june_mine = {
        k for k, f in batch.items() if owner(f, parts) == shard and f.case.occurred_at >= JUNE
    }
    assert {f.flag_id for f in fresh.engines[shard].flags()} == june_mine


def test_a_join_forgets_final_recordings_and_gives_up_orphan_transcripts(two_months) -> None:
    events, _ = two_months
    join = Join(LATENESS)
    orphan = Transcript(recording_id="REC-NEVER", engine="e", segments=[])
    join.add(orphan)
    for e in events:
        if isinstance(e, Recording | Transcript):
            join.add(e)
    gone, given_up = join.evict()
    assert join.horizon == JUNE
    assert gone and all(r.started_at < KEPT for r in gone)
    assert all(r.started_at >= KEPT for r in join.recordings.values())
    assert given_up == [orphan]
    may = gone[0].model_copy(update={"recording_id": "REC-LATE"})
    assert join.add(may) == []  # refused: its officers' shards dead-letter it
    assert may.recording_id not in join.recordings


def test_a_shard_rebuilt_before_its_predecessor_forgot_judges_the_month_again(two_months):
    """A predecessor killed after reading June but before judging (no horizon published): the
    rebuilt shard holds May whole, judges it and only then forgets it: May's flags all come."""
    events, batch = two_months
    parts, shard = 2, (DETACHMENT, 0)
    history = [
        e
        for e in events
        if any(st == DETACHMENT and 0 in targets((st, k), parts) for st, k in routes(e))
    ]
    reference = Engine()
    for e in events:
        reference.add(e)
    fresh = Shards(Engine(lateness=LATENESS), parts)
    fresh.rebuild(shard, history, [])
    changes = fresh.judge(reference.watermark)
    assert fresh.engines[shard].horizon == JUNE
    assert changes.final and not changes.withdrawn
    raised = {f.flag_id for f in changes.flags}
    assert raised == {k for k, f in batch.items() if owner(f, parts) == shard}
