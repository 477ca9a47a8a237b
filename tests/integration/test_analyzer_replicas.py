"""The replicated analyzer (issue 15) on the real stack: N ``jiancha judge`` in one group.

Two replicas share eval-dev's partitions and publish exactly the batch's flags; the single case
builder (``jiancha cases``) makes the batch's cases from them. One replica is killed (SIGKILL)
a third of the way into the stream: the other takes its shards over (rebuilt from the analyzer's
own topics) and the result is the same.
"""

from __future__ import annotations

import json

import pytest

from analyzers.batch import analyze_file
from jiancha import topics
from jiancha.settings import Settings
from streams.analysis.shards import STAGE_TOPICS
from streams.ingest import ingest_file
from streams.publisher import Publisher
from tests.conftest import caught_up, group_settled_with, wait_for
from tests.integration.faults import Proc, Stream
from tests.integration.test_analyzer_stream import ANALYZED, _cases, _flags_on_kafka

pytestmark = pytest.mark.integration

JUDGED = [*ANALYZED, *STAGE_TOPICS.values()]


def _events_in(p: Proc) -> float:
    """Events the replica has read (0 while its /metrics is not up yet: a slow start)."""
    try:
        samples = p.scrape(timeout_s=5)
    except OSError:
        return 0
    return sum(v for (name, _), v in samples.items() if name == "jiancha_events_in_total")


def _settled(settings: Settings, judges: list[Proc], expected: dict) -> bool:
    alive = [j for j in judges if j.alive()]
    assert alive, "every replica exited"
    return bool(
        caught_up(settings, "judge", JUDGED, alive[0].proc)
        and _flags_on_kafka(settings) == expected
    )


def _difference(settings: Settings, expected: dict) -> str:
    """What differs from the batch, for the failure message."""
    got = _flags_on_kafka(settings)
    extra = sorted((k, got[k]["category"]) for k in got.keys() - expected.keys())
    missing = sorted((k, expected[k]["category"]) for k in expected.keys() - got.keys())
    changed = sorted(k for k in got.keys() & expected.keys() if got[k] != expected[k])
    return f"extra {extra[:5]}, missing {missing[:5]}, changed {changed[:5]}"


def test_two_replicas_and_a_kill_9_give_the_batch_flags_and_cases(settings, eval_dev, tmp_path):
    events = eval_dev / "events.jsonl"
    lines = events.read_text(encoding="utf-8").splitlines()
    batch_flags, _ = analyze_file(events)
    expected = {f.flag_id: json.loads(f.to_json_bytes()) for f in batch_flags}
    head, tail = tmp_path / "head.jsonl", tmp_path / "tail.jsonl"
    cut = len(lines) // 4
    head.write_text("\n".join(lines[:cut]) + "\n", encoding="utf-8")
    tail.write_text("\n".join(lines[cut:]) + "\n", encoding="utf-8")

    procs: list[Proc] = []
    try:
        judges = [Proc(settings, "judge"), Proc(settings, "judge")]
        builder = Proc(settings, "cases")
        procs += [*judges, builder]
        wait_for(lambda: group_settled_with(settings, 2), timeout_s=180, what="both in the group")
        with Publisher(settings) as publisher:
            ingest_file(head, publisher)
        # Both replicas hold partitions and work (3 partitions: one holds two).
        for j in judges:
            wait_for(lambda j=j: _events_in(j) > 0, timeout_s=180, what="both replicas reading")

        stream = Stream(settings, tail)
        killed_at = stream.wait_past(1 / 3)
        judges[1].kill9()
        stream.join()
        assert 0 < killed_at < len(lines) - cut, "the kill was not mid-stream"

        try:
            wait_for(
                lambda: _settled(settings, judges, expected),
                timeout_s=150,
                what="the surviving replica caught up with the batch's flags",
            )
        except AssertionError as exc:
            raise AssertionError(f"{exc}: {_difference(settings, expected)}") from exc

        def flags_in_cases() -> set[str]:
            return {f["flag_id"] for c in _cases(settings).values() for f in c["flags"]}

        try:
            wait_for(lambda: flags_in_cases() == set(expected), timeout_s=120, what="cases")
        except AssertionError as exc:
            got = flags_in_cases()
            missing, extra = sorted(set(expected) - got), sorted(got - set(expected))
            raise AssertionError(f"{exc}: missing {missing[:5]}, extra {extra[:5]}") from exc
        live = {cid for cid, c in _cases(settings).items() if not c["withdrawn"]}
        assert live == {f["case_id"] for f in expected.values()}
        assert caught_up(settings, "cases", [topics.FLAGS], builder.proc)
    finally:
        for p in procs:
            p.stop()
