"""The analyzer cut into shards (issue 15) gives the batch's flags, whatever the shard count."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from analyzers.batch import analyze_file, read_events
from analyzers.engine import Engine
from analyzers.shards import (
    DETACHMENT,
    EVERY,
    OFFICER,
    RECORDING,
    Join,
    Shards,
    owner,
    partition_of,
    routes,
    sharded_flags,
    targets,
)
from jiancha.schemas import EVENT_TYPES, decode
from jiancha.synthetic.month import generate_month


def _events(path: Path) -> list[object]:
    return [e for _, e, _ in read_events(path) if e is not None]


@pytest.mark.parametrize("partitions", [1, 2, 3, 6])
def test_shards_flag_what_the_batch_flags_on_eval_dev(eval_dev: Path, partitions: int) -> None:
    batch, _ = analyze_file(eval_dev / "events.jsonl")
    flags, _ = sharded_flags(_events(eval_dev / "events.jsonl"), partitions)
    assert {f.flag_id: f for f in flags} == {f.flag_id: f for f in batch}


def test_shards_flag_what_the_batch_flags_on_a_generated_month_in_any_order(tmp_path: Path):
    envelopes = list(generate_month(6000, seed=5))
    path = tmp_path / "month.jsonl"
    import json

    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in envelopes), "utf-8")
    batch, _ = analyze_file(path)
    events = _events(path)
    random.Random(1).shuffle(events)  # producers' order (and keys) are not ours
    flags, _ = sharded_flags(events, 3)
    assert {f.flag_id: f for f in flags} == {f.flag_id: f for f in batch}
    assert batch, "the generated month should raise flags"


def test_routes_follow_the_event_not_its_key(eval_dev: Path) -> None:
    events = {type(e).__name__: e for e in _events(eval_dev / "events.jsonl")}
    action, recording = events["EnforcementAction"], events["Recording"]
    assert routes(action) == [(OFFICER, action.officer_id), (DETACHMENT, "")]
    assert (RECORDING, recording.recording_id) in routes(recording)
    assert routes(events["Transcript"]) == [(RECORDING, events["Transcript"].recording_id)]
    assert routes(events["Policy"]) == [(DETACHMENT, EVERY)]
    assert all(0 <= partition_of(f"MU{i}", 6) < 6 for i in range(100))
    assert partition_of("MU325127", 6) == partition_of("MU325127", 6)  # stable, not hash()


def test_a_transcript_before_its_recording_waits_for_it() -> None:
    model = EVENT_TYPES["recording"][0]
    rec = decode(
        model,
        '{"recording_id":"R1","device_id":"D","device_type":"in_car","officer_ids":["A","B"],'
        '"squad_id":"s","started_at":"2026-05-01T08:00:00+08:00",'
        '"ended_at":"2026-05-01T08:10:00+08:00","uploaded_at":"2026-05-01T09:00:00+08:00",'
        '"sha256":"' + "0" * 64 + '","media_uri":"m"}',
    )
    transcript = decode(
        EVENT_TYPES["transcript"][0], '{"recording_id":"R1","engine":"e","segments":[]}'
    )
    join = Join()
    assert join.add(transcript) == []
    assert join.add(rec) == [((OFFICER, "A"), transcript), ((OFFICER, "B"), transcript)]
    assert join.add(transcript) == [((OFFICER, "A"), transcript), ((OFFICER, "B"), transcript)]


def test_every_flag_has_one_owner_the_shard_that_raised_it(eval_dev: Path) -> None:
    _, shards = sharded_flags(_events(eval_dev / "events.jsonl"), 3)
    for shard, engine in shards.engines.items():
        for flag in engine.flags():
            assert owner(flag, 3) == shard, flag.flag_id


def test_a_rebuilt_shard_withdraws_its_predecessors_flags_that_no_longer_hold(
    eval_dev: Path,
) -> None:
    events = _events(eval_dev / "events.jsonl")
    whole, _ = sharded_flags(events, 3)
    # What the predecessor said: every flag, plus one of its own that no longer holds.
    ghost = next(f for f in whole if f.category == "recording_missing")
    ghost = ghost.model_copy(update={"flag_id": ghost.flag_id + "-ghost"})
    standing = [*whole, ghost]
    mine = owner(ghost, 3)
    shards = Shards(Engine(), 3)
    _, reference = sharded_flags(events, 3)
    history = [e for e in events if _reaches(e, mine)]
    shards.rebuild(mine, history, standing)
    changes = shards.judge(reference.watermark())
    assert [f.flag_id for f in changes.withdrawn] == [ghost.flag_id]
    assert changes.withdrawn[0].withdrawn
    assert {f.flag_id for f in changes.flags} == {f.flag_id for f in whole if owner(f, 3) == mine}
    shards.keep_only(set())
    assert not shards.held()


def _reaches(event: object, shard: tuple[str, int]) -> bool:
    """Whether an event lands on ``shard`` (transcripts through their recording's officers)."""
    from jiancha.schemas.transcripts import Transcript

    if isinstance(event, Transcript):
        return shard[0] == OFFICER  # more than the shard needs: adding is harmless
    return any(
        stage == shard[0] and shard[1] in targets((stage, key), 3) for stage, key in routes(event)
    )
