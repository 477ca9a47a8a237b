"""Final months on the real stack (issue 15): the shard topics are their shards' changelogs.

Two generated months (May and June 2026) go through one ``jiancha judge``, published as they
would come, a few days at a time (a backlog read at once comes a fetch per partition at a time,
and in a month this small a fetch spans weeks: more skew than the allowance forgives, see the
README's design notes). Once June's events
are two weeks past May's end (the default allowance), May is final: every shard forgets it (all
but its last week) and tombstones what it forgot on its own partition; the flags on Kafka stay
the batch's. A replica started afterwards rebuilds its shards from the topics as compaction
leaves them (June and May's last week) and, with no withdrawal, stands by the batch's flags.
"""

from __future__ import annotations

import json
import time
from datetime import datetime
from pathlib import Path

import pytest

from analyzers.batch import analyze_file
from jiancha import topics
from jiancha.clock import BEIJING
from jiancha.schemas.enforcement_actions import EnforcementAction
from jiancha.schemas.recordings import Recording
from jiancha.synthetic.month import generate_months
from jiancha.topics import topic_name
from streams.analysis.shards import STAGE_TOPICS, read_history, shard_event
from streams.ingest import ingest_file
from streams.publisher import Publisher
from tests.conftest import caught_up, group_settled_with, wait_for
from tests.integration.faults import Proc
from tests.integration.test_analyzer_replicas import JUDGED, _difference
from tests.integration.test_analyzer_stream import _flags_on_kafka
from tests.kafka_tools import read_messages

pytestmark = pytest.mark.integration

KEPT = datetime(2026, 5, 25, tzinfo=BEIJING)  # June 1st less the rules' reach (7 days)


def _time_of(event: EnforcementAction | Recording) -> datetime:
    return event.occurred_at if isinstance(event, EnforcementAction) else event.started_at


def _raw(settings, base: str) -> list:
    return read_messages(settings, base, lambda v: v, idle_s=3)


def _ends(settings, base: str) -> dict[int, int]:
    """The end offset of each partition of a topic."""
    from kafka import KafkaConsumer, TopicPartition

    name = topic_name(settings.topic_prefix, base)
    consumer = KafkaConsumer(bootstrap_servers=settings.kafka_bootstrap)
    try:
        parts = [TopicPartition(name, p) for p in consumer.partitions_for_topic(name)]
        return {tp.partition: end for tp, end in consumer.end_offsets(parts).items()}
    finally:
        consumer.close()


def _since(settings, base: str, offsets: dict[int, int]) -> list[bytes]:
    """The values a topic received after ``offsets`` (per partition), up to its end now."""
    from kafka import KafkaConsumer, TopicPartition

    name = topic_name(settings.topic_prefix, base)
    ends = _ends(settings, base)
    consumer = KafkaConsumer(bootstrap_servers=settings.kafka_bootstrap, enable_auto_commit=False)
    values: list[bytes] = []
    try:
        for p, start in offsets.items():
            tp = TopicPartition(name, p)
            consumer.assign([tp])
            consumer.seek(tp, start)
            while consumer.position(tp) < ends[p]:
                for records in consumer.poll(timeout_ms=1000).values():
                    values += [r.value for r in records if r.offset < ends[p]]
        return values
    finally:
        consumer.close()


def publish_in_tenths(settings, path: Path, tmp_path: Path, judge: Proc) -> None:
    """``path`` published a tenth at a time (three days or so, as it would come), each tenth
    read by ``judge`` before the next."""
    lines = path.read_text("utf-8").splitlines(keepends=True)
    step = len(lines) // 10
    for i in range(0, len(lines), step):
        chunk = tmp_path / f"chunk-{i}.jsonl"
        chunk.write_text("".join(lines[i : i + step]), "utf-8")
        with Publisher(settings) as publisher:
            ingest_file(chunk, publisher)
        wait_for(
            lambda: caught_up(settings, "judge", JUDGED, judge.proc),
            timeout_s=120,
            what="the replica reading the days published",
        )


def test_a_final_month_is_tombstoned_and_a_restarted_replica_rebuilds_the_open_one(
    settings, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("JIANCHA_ANALYZER_LATENESS_DAYS", "14")  # final months are off by default
    path = tmp_path / "two-months.jsonl"
    envelopes = generate_months(1500, 2, seed=11)
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in envelopes), "utf-8")
    batch, _ = analyze_file(path)
    expected = {f.flag_id: json.loads(f.to_json_bytes()) for f in batch}
    may_flags = {k for k, f in expected.items() if f["case"]["occurred_at"] < "2026-06"}
    assert may_flags and len(may_flags) < len(expected)

    procs: list[Proc] = []
    try:
        judge = Proc(settings, "judge")
        procs.append(judge)
        publish_in_tenths(settings, path, tmp_path, judge)

        def settled() -> bool:
            return caught_up(settings, "judge", JUDGED, judge.proc) and (
                _flags_on_kafka(settings) == expected
            )

        try:
            wait_for(settled, timeout_s=240, what="the batch's flags")
        except AssertionError as exc:
            raise AssertionError(f"{exc}: {_difference(settings, expected)}") from exc

        letters = [json.loads(m.value) for m in _raw(settings, topics.DEAD_LETTERS)]
        late = [d["key"] for d in letters if d["reason"].startswith("迟于允许")]
        assert late == [], "an event published in order was refused as late"
        # May is forgotten: each of its tickets and recordings is tombstoned on its shards.
        # (all but its last week, which June's first days look back to)
        officer_log = _raw(settings, topics.SHARD_OFFICERS)
        deleted = {m.key for m in officer_log if m.value is None}
        times = {
            m.key: _time_of(shard_event(m.key.encode(), m.value))
            for m in officer_log
            if m.value is not None and not m.key.startswith(("transcript|", "flag|", "roll|"))
        }
        assert {k for k, t in times.items() if t < KEPT} <= deleted
        assert deleted and not {k for k, t in times.items() if t >= KEPT} & deleted
        assert any(m.value is None for m in _raw(settings, topics.SHARD_DETACHMENTS))
        assert any(m.value is None for m in _raw(settings, topics.SHARD_RECORDINGS))

        # What a rebuild reads: June and May's last week.
        for stage in STAGE_TOPICS:
            for p in range(settings.partitions):
                for event in read_history(settings, (stage, p), upto_committed=False):
                    if isinstance(event, EnforcementAction | Recording):
                        assert _time_of(event) >= KEPT, event

        judge.stop()
        before = _ends(settings, topics.FLAGS)
        restarted = Proc(settings, "judge")
        procs.append(restarted)

        def republished() -> list:
            return [json.loads(v) for v in _since(settings, topics.FLAGS, before)]

        june = set(expected) - may_flags
        # the rebuilt shards judge June again and say so; May's flags are final
        wait_for(
            lambda: {f["flag_id"] for f in republished()} >= june,
            timeout_s=180,
            what="the restarted replica's judgement of June",
        )
        time.sleep(5)  # anything it would withdraw comes with the same judgement
        again = republished()
        assert not [f["flag_id"] for f in again if f["withdrawn"]]
        assert {f["flag_id"] for f in again} == june
        assert _flags_on_kafka(settings) == expected
    finally:
        for p in procs:
            p.stop()


def test_a_kill_9_with_final_months_gives_the_batch_flags(settings, tmp_path, monkeypatch):
    """Two replicas, two months, final months on; one replica is killed a third of the way
    into the stream. Until its partitions move (the 30-s session), the rest of the stream comes
    in: the survivor's own partitions run to June's end while the dead one's backlog waits at
    its committed offsets, weeks behind in event time. Finality waits for the low watermark
    over the input partitions (the dead router's marks stay where it flushed them), so the
    re-routed backlog is not late: the batch's flags, no late dead letter, May still final."""
    from tests.integration.faults import Stream
    from tests.integration.test_analyzer_replicas import _events_in

    monkeypatch.setenv("JIANCHA_ANALYZER_LATENESS_DAYS", "14")
    path = tmp_path / "two-months.jsonl"
    envelopes = generate_months(2500, 2, seed=13)
    lines = [json.dumps(e, ensure_ascii=False) + "\n" for e in envelopes]
    path.write_text("".join(lines), "utf-8")
    batch, _ = analyze_file(path)
    expected = {f.flag_id: json.loads(f.to_json_bytes()) for f in batch}
    head, tail = tmp_path / "head.jsonl", tmp_path / "tail.jsonl"
    cut = len(lines) // 4
    head.write_text("".join(lines[:cut]), "utf-8")
    tail.write_text("".join(lines[cut:]), "utf-8")

    procs: list[Proc] = []
    try:
        judges = [Proc(settings, "judge"), Proc(settings, "judge")]
        procs += judges
        wait_for(lambda: group_settled_with(settings, 2), timeout_s=180, what="both in the group")
        with Publisher(settings) as publisher:
            ingest_file(head, publisher)
        for j in judges:
            wait_for(lambda j=j: _events_in(j) > 0, timeout_s=180, what="both replicas reading")
        stream = Stream(settings, tail, rate=1000)
        killed_at = stream.wait_past(1 / 3)
        judges[1].kill9()
        stream.join()
        assert 0 < killed_at < len(lines) - cut, "the kill was not mid-stream"

        def settled() -> bool:
            return caught_up(settings, "judge", JUDGED, judges[0].proc) and (
                _flags_on_kafka(settings) == expected
            )

        try:
            wait_for(settled, timeout_s=300, what="the survivor's flags equal to the batch's")
        except AssertionError as exc:
            raise AssertionError(f"{exc}: {_difference(settings, expected)}") from exc
        letters = [json.loads(m.value) for m in _raw(settings, topics.DEAD_LETTERS)]
        late = [d["key"] for d in letters if d["reason"].startswith("迟于允许")]
        assert late == [], f"{len(late)} events refused as late, e.g. {late[:3]}"
        # May was made final all the same (once every input partition was past June 14th)
        wait_for(
            lambda: any(m.value is None for m in _raw(settings, topics.SHARD_DETACHMENTS)),
            timeout_s=60,
            what="May forgotten (tombstones on the detachment shard topic)",
        )
    finally:
        for p in procs:
            p.stop()
