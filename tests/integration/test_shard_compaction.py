"""The shard topics really are compacted (issue 15): a rebuild reads the open months, not history.

Two generated months go through one ``jiancha judge`` with final months on, on shard topics
whose segments roll and whose tombstones expire within seconds (``analyzer_segment_s``,
``analyzer_tombstone_s``: an hour each in production). May is forgotten at the end of the
catch-up, so its tombstones are among the last messages the shards write: without the owner's
roll markers they would stay in the active segment, which Kafka neither rolls (a segment rolls
only on an append) nor cleans, and every rebuild would read May whole. Here the broker's own
cleaner must remove May's events, then the tombstones themselves; what a rebuild makes of each
partition must not change.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from analyzers.batch import analyze_file
from jiancha.synthetic.month import generate_months
from streams.analysis.shards import ROLL_KEY, STAGE_TOPICS, _read_partition, read_history
from tests.conftest import caught_up, isolated_settings, wait_for
from tests.integration.faults import Proc
from tests.integration.test_analyzer_eviction import publish_in_tenths
from tests.integration.test_analyzer_replicas import JUDGED
from tests.integration.test_analyzer_stream import _flags_on_kafka

pytestmark = pytest.mark.integration

SEGMENT_S = 3
# Long enough that the tombstones outlive the wait for the batch's flags: they are written at the
# end of the catch-up, and with a tombstone life of a few seconds a slow machine (CI) could look
# only after the cleaner had already dropped them, and wait for tombstones that never come back.
TOMBSTONE_S = 60


def _log(settings, shard) -> tuple[int, int, int, int]:
    """A shard partition as a rebuild reads it now: messages, tombstones, values a later
    message of the same key supersedes, and the end offset (messages ever written)."""
    reached: dict[str, int] = {}
    keys: Counter[bytes] = Counter()
    tombstones = 0
    for key, value in _read_partition(settings, shard, False, reached):
        tombstones += value is None
        if not key.startswith(ROLL_KEY):  # one key: the active segment may hold a second
            keys[key] += 1
    return reached["read"], tombstones, sum(n - 1 for n in keys.values()), reached["end"]


def _history(settings, shard) -> set[bytes]:
    return {e.to_json_bytes() for e in read_history(settings, shard, upto_committed=False)}


def test_the_cleaner_removes_a_forgotten_month_and_its_tombstones(
    stack, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("JIANCHA_ANALYZER_LATENESS_DAYS", "14")
    path = tmp_path / "two-months.jsonl"
    envelopes = generate_months(1000, 2, seed=17)
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in envelopes), "utf-8")
    batch, _ = analyze_file(path)
    expected = {f.flag_id: json.loads(f.to_json_bytes()) for f in batch}
    with isolated_settings(analyzer_segment_s=SEGMENT_S, analyzer_tombstone_s=TOMBSTONE_S) as s:
        shards = [(stage, p) for stage in STAGE_TOPICS for p in range(s.partitions)]
        judge = Proc(s, "judge")
        try:
            publish_in_tenths(s, path, tmp_path, judge)
            wait_for(
                lambda: (
                    caught_up(s, "judge", JUDGED, judge.proc) and _flags_on_kafka(s) == expected
                ),
                timeout_s=240,
                what="the batch's flags",
            )
            wait_for(
                lambda: any(_log(s, shard)[1] for shard in shards),
                timeout_s=180,  # the forgetting follows the last judgement: slow on a loaded box
                what="May forgotten (tombstones on the shard topics)",
            )
            # what a rebuild makes of each partition, before the cleaner has done its work
            before = {shard: _history(s, shard) for shard in shards}

            def compacted() -> bool:
                logs = [_log(s, shard) for shard in shards]
                return all(t == 0 and dup == 0 for _, t, dup, _ in logs)

            wait_for(
                compacted,
                timeout_s=240 + TOMBSTONE_S,
                what="no tombstone nor superseded value left",
            )
            logs = {shard: _log(s, shard) for shard in shards}
            read = sum(n for n, _, _, _ in logs.values())
            written = sum(end for _, _, _, end in logs.values())
            assert read < written * 0.8, f"{read} messages read of {written} written"
            assert {shard: _history(s, shard) for shard in shards} == before
            assert _flags_on_kafka(s) == expected
        finally:
            judge.stop()
