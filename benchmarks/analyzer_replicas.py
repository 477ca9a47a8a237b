"""Benchmark: 1, 2 and 3 replicas of the partitioned analyzer (``jiancha judge``, issue 15).

    python -m benchmarks.analyzer_replicas [--generated 100000] [--months 1] [--replicas 1 2 3]
        [--kill]

A generated month (``jiancha.synthetic.month``) is judged first by the batch (``jiancha
analyze``'s code, in this process: the reference). Then, for each replica count, a fresh topic
prefix (6 partitions): the whole month published first, N ``jiancha judge`` processes started at
once, timed until the group has read every input and every shard topic and the flags on Kafka
(latest word per id) are exactly the batch's (or have stayed so for 30 s while commits lag:
see ``_until_batch``). Peak RSS (VmHWM) of each replica is read before it
stops. After the 1-replica run, one replica is started again on the same topics: its start-up is
the time until it has rebuilt every shard (it logs each; no input is re-read). Rows are appended
to ``benchmarks/results/analyzer_replicas.jsonl`` and printed as Markdown.

With ``--months N`` the data is N generated months of ``--generated`` events each, one after the
other (a history): the replicas forget each month two weeks after its end and tombstone it on
the shard topics, so the restarted replica's start-up and every replica's peak RSS should depend
on the open months, not on N. Each row counts the events refused as late (dead letters), the
events the restarted replica rebuilt, the flags standing it found on its shards' partitions
(``flags`` itself is not read at a rebuild) and the messages it read for them. With ``--kill``,
the second replica of each run (of two or more) is killed (SIGKILL) once the group has read a
third of the inputs: ``--replicas 3 --kill`` is three replicas of which two end the month.

With ``--compact-s N`` the run's shard topics roll a segment, and clean a rolled one, within
N seconds and keep a tombstone N seconds after the cleaner first saw it
(``JIANCHA_ANALYZER_SEGMENT_S`` / ``JIANCHA_ANALYZER_TOMBSTONE_S``, an hour each by default,
``jiancha/topics.py``); the replicas run on 5 N + 40 s after the batch's flags (their roll
markers let the cleaner pass twice), then the restart: the start-up "after compaction", with the
messages it read against the messages ever written to the shard topics.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from analyzers.batch import analyze_file
from benchmarks.scaleout import _drop_topics
from benchmarks.scratch import scratch
from jiancha.settings import Settings
from streams.admin import consumer_lag
from streams.analysis.agents import INPUTS
from streams.analysis.shards import STAGE_TOPICS
from streams.ingest import ingest_file
from streams.publisher import Publisher

RESULTS = Path(__file__).parent / "results" / "analyzer_replicas.jsonl"
SHARDS = 3 * Settings().partitions  # officer, detachment and recording stages
STAGE_INPUTS = [*INPUTS, *STAGE_TOPICS.values()]


def _peak_rss_mb(pid: int, field: str = "VmHWM") -> float:
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return float("nan")
    for line in lines:
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _rss_mb(pid: int) -> float:
    return _peak_rss_mb(pid, "VmRSS")


class _FlagWatch:
    """``flags`` read on as it grows (one consumer, not the whole topic at every look: the
    1,000,000-event month publishes ~10,000 flags and the watch must not take a core): the
    latest word per id, and the raises and withdrawals seen."""

    def __init__(self, s: Settings) -> None:
        from kafka import KafkaConsumer, TopicPartition

        from jiancha import topics
        from jiancha.topics import topic_name

        self.consumer = KafkaConsumer(
            bootstrap_servers=s.kafka_bootstrap, client_id="bench-flags", enable_auto_commit=False
        )
        name = topic_name(s.topic_prefix, topics.FLAGS)
        while not (found := self.consumer.partitions_for_topic(name)):
            time.sleep(1)
        parts = [TopicPartition(name, p) for p in sorted(found)]
        self.consumer.assign(parts)
        self.consumer.seek_to_beginning(*parts)
        self.latest: dict[str, bool] = {}  # flag id -> withdrawn
        self.raises = self.withdrawals = 0

    def standing(self) -> set[str]:
        from jiancha.schemas import InvalidEvent, decode
        from jiancha.schemas.flags import Flag

        while batch := self.consumer.poll(timeout_ms=200, max_records=50_000):
            for records in batch.values():
                for r in records:
                    try:
                        flag = decode(Flag, r.value)
                    except InvalidEvent:
                        continue
                    self.latest[flag.flag_id] = flag.withdrawn
                    if flag.withdrawn:
                        self.withdrawals += 1
                    else:
                        self.raises += 1
        return {k for k, withdrawn in self.latest.items() if not withdrawn}

    def close(self) -> None:
        self.consumer.close()


#: ``JudgeShards.report``'s line: judgements, scopes judged, flags raised, withdrawn
_REPORT = re.compile(
    r"研判统计 pid=(\d+)：研判 (\d+) 次，判定范围 (\d+) 个，发布问题线索 (\d+) 条，撤回 (\d+) 条"
)


def _judging_cost(log: Path) -> dict[str, int]:
    """Judgements and scopes judged, summed over the replicas (each pid's last report)."""
    last: dict[str, tuple[int, ...]] = {}
    for m in _REPORT.finditer(log.read_text(encoding="utf-8", errors="replace")):
        last[m.group(1)] = tuple(int(x) for x in m.groups()[1:])
    keys = ("judgements", "scopes_judged", "flags_raised", "flags_withdrawn")
    return {k: sum(v[i] for v in last.values()) for i, k in enumerate(keys)}


def _judge(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "jiancha.cli", "judge", "--loglevel", "info"]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=log.open("ab"))


def _stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for p in procs:
        p.terminate()
    for p in procs:
        try:
            p.wait(timeout=60)
        except subprocess.TimeoutExpired:
            p.kill()


#: flags equal to the batch's for this long count as done even if offsets are not all committed
STABLE_S = 30.0
#: seconds between progress lines; between looks at the lag and the flags
report_s = 15.0
POLL_S = 2.0


def _until_batch(
    s: Settings,
    group: str,
    procs: list[subprocess.Popen[bytes]],
    expected: set[str],
    log: Path,
    replicas: int,
    timeout: float,
    t0: float,
    watch: _FlagWatch,
) -> tuple[float, int]:
    """Seconds until the flags on Kafka are the batch's, and the group's lag then.

    Done when the lag is 0 and the flags are the batch's, or when the flags have been exactly
    the batch's for ``STABLE_S`` (the time counted is then the first moment they were). The
    second way out is why this exists: under load (2 cores, load 10) a replica's consumer
    thread stalls ("Thread keepalive is not responding"), commits stop for minutes, the lag
    never reaches 0 and the old wait on the lag alone never returned although the flags were
    right."""
    equal_since: float | None = None
    last_report = 0.0
    while True:
        lag = consumer_lag(s, group, STAGE_INPUTS)
        got = watch.standing()
        now = time.monotonic() - t0
        if got != expected:
            equal_since = None
        elif lag == 0:
            return (now if equal_since is None else equal_since), 0
        elif equal_since is None:
            equal_since = now
        elif now - equal_since >= STABLE_S:
            return equal_since, lag
        if any(p.poll() is not None for p in procs):
            raise RuntimeError(f"a replica exited; see {log}")
        if now - last_report >= report_s:
            last_report = now
            extra, missing = sorted(got - expected), sorted(expected - got)
            print(
                f"[{replicas}] {now:.0f} s: lag {lag}, flags {len(got)}, "
                f"extra {len(extra)} {extra[:2]}, missing {len(missing)} {missing[:2]}, "
                f"withdrawals {watch.withdrawals}, "
                f"RSS {[round(_rss_mb(p.pid)) for p in procs]} MB, "
                f"load {os.getloadavg()[0]:.1f}",
                file=sys.stderr,
                flush=True,
            )
        if now > timeout:
            raise RuntimeError(
                f"not the batch's flags after {timeout:.0f} s: {len(got - expected)} extra, "
                f"{len(expected - got)} missing, lag {lag}; see {log}"
            )
        time.sleep(POLL_S)


def _late(s: Settings) -> int:
    """Dead letters of events refused as late (a final month's)."""
    from jiancha import topics
    from streams.admin import read_to_end

    count = 0

    def keep(record: Any) -> None:
        nonlocal count
        with contextlib.suppress(ValueError, TypeError, KeyError):
            count += json.loads(record.value)["reason"].startswith("迟于允许")

    read_to_end(s, topics.DEAD_LETTERS, keep)
    return count


def _written(s: Settings) -> int:
    """Messages ever written to the run's shard topics (the sum of their end offsets)."""
    from kafka import KafkaConsumer, TopicPartition

    from jiancha.topics import topic_name

    consumer = KafkaConsumer(bootstrap_servers=s.kafka_bootstrap, client_id="bench-written")
    try:
        tps = [
            TopicPartition(topic_name(s.topic_prefix, t), p)
            for t in STAGE_TOPICS.values()
            for p in range(s.partitions)
        ]
        return sum(consumer.end_offsets(tps).values())
    finally:
        consumer.close()


def _kill_at_third(s: Settings, group: str, procs: list[subprocess.Popen[bytes]]) -> None:
    """SIGKILL the second replica once the group has a third of the inputs committed."""
    total = consumer_lag(s, f"{group}-nobody", list(INPUTS))
    while consumer_lag(s, group, list(INPUTS)) > total * 2 / 3:
        time.sleep(1)
    procs[1].send_signal(signal.SIGKILL)
    procs[1].wait()
    print(f"killed replica 2 (pid {procs[1].pid})", file=sys.stderr, flush=True)


def run(
    path: Path,
    events: int,
    expected: set[str],
    replicas: int,
    restart: bool,
    timeout: float = 1200,
    kill: bool = False,
    compact_s: int = 0,
) -> dict[str, Any]:
    """One replica count on fresh topics; with ``restart``, the start-up of a new replica too;
    with ``kill``, the second replica killed a third of the way in."""
    if compact_s:  # the run's shard topics and its replicas: segments and tombstones of N s
        os.environ["JIANCHA_ANALYZER_SEGMENT_S"] = str(compact_s)
        os.environ["JIANCHA_ANALYZER_TOMBSTONE_S"] = str(compact_s)
    name, s, env = scratch("r")
    env.setdefault("JIANCHA_ANALYZER_LATENESS_DAYS", "14")  # final months on (off by default)
    log = Path(tempfile.mkdtemp(prefix="bench-replicas-")) / "judge.log"
    print(f"log: {log}", file=sys.stderr, flush=True)
    group = f"{name}-judge"
    procs: list[subprocess.Popen[bytes]] = []
    rebuilt = standing = messages_read = restart_rss = written = None
    cost: dict[str, int] = {}
    raises = withdrawals = 0
    loads: list[float] = []
    try:
        with Publisher(s) as publisher:
            ingest_file(path, publisher)
        watch = _FlagWatch(s)
        loads = [os.getloadavg()[0]]
        t0 = time.monotonic()
        procs = [_judge(env, log) for _ in range(replicas)]
        if kill:
            _kill_at_third(s, group, procs)
            alive = [p for p in procs if p is not procs[1]]
        else:
            alive = procs
        seconds, lag = _until_batch(s, group, alive, expected, log, replicas, timeout, t0, watch)
        loads.append(os.getloadavg()[0])
        rss = [round(_peak_rss_mb(p.pid)) for p in alive]
        raises, withdrawals = watch.raises, watch.withdrawals
        watch.close()
        if restart and compact_s:
            # the replicas go on (their roll markers, ROLL_KEY) while the cleaner passes twice:
            # once for the values the tombstones delete, once for the tombstones themselves
            time.sleep(5 * compact_s + 40)
        _stop(alive)
        cost = _judging_cost(log)
        startup = None
        if restart:
            written = _written(s)
            log.write_text("")
            t1 = time.monotonic()
            procs = [_judge(env, log)]
            while log.read_text(encoding="utf-8", errors="replace").count("已重建") < SHARDS:
                if procs[0].poll() is not None or time.monotonic() - t1 > 900:
                    raise RuntimeError(f"the restarted replica did not rebuild; see {log}")
                time.sleep(0.2)
            startup = time.monotonic() - t1
            text = log.read_text(encoding="utf-8", errors="replace")
            rebuilt = sum(int(n) for n in re.findall(r"已重建：(\d+) 条事件", text))
            found = re.findall(r"(\d+) 条在册问题线索（读取 (\d+) 条消息）", text)
            standing = sum(int(a) for a, _ in found)
            messages_read = sum(int(b) for _, b in found)
            restart_rss = round(_peak_rss_mb(procs[0].pid))
            _stop(procs)
        late = _late(s)
    finally:
        _stop(procs)
        _drop_topics(s)
    return {
        "replicas": replicas,
        "killed": 1 if kill else 0,
        "events": events,
        "late_refused": late,
        "rebuilt_events": rebuilt,
        "standing_flags_found": standing,
        "messages_read_at_rebuild": messages_read,
        "shard_messages_written": written,
        "compact_s": compact_s or None,
        "restarted_rss_mb": restart_rss,
        "flags": len(expected),
        "equal_to_batch": True,
        "uncommitted_at_end": lag,
        "seconds": round(seconds, 1),
        "events_per_s": round(events / seconds),
        "peak_rss_mb": rss,
        **cost,
        "flag_messages_raised": raises,
        "flag_messages_withdrawn": withdrawals,
        "load_at_start_end": [round(x, 1) for x in loads],
        "catch_up_lag": s.analyzer_catch_up_lag,
        "code": _commit(),
        "startup_s": None if startup is None else round(startup, 1),
        "machine": f"{platform.machine()} {os.cpu_count()} cores",
        "at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            cwd=Path(__file__).parent,
            check=True,
        )
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def _batch(path: Path) -> tuple[set[str], int, float]:
    """The batch's flag ids, events and seconds: judged here, or read from the record of an
    earlier judgement of the same file (``<file>.batch.json``, same size and mtime): a 1 M
    month takes the batch 13 min and 4 GB, and side-by-side runs share one reference."""
    record = path.with_suffix(".batch.json")
    stat = path.stat()
    stamp = [stat.st_size, stat.st_mtime_ns]
    if record.exists():
        saved = json.loads(record.read_text(encoding="utf-8"))
        if saved.get("file") == stamp:
            print(f"batch flags from {record}", file=sys.stderr, flush=True)
            return set(saved["flags"]), saved["events"], saved["seconds"]
    t0 = time.monotonic()
    flags, batch = analyze_file(path)
    seconds = time.monotonic() - t0
    expected = {f.flag_id for f in flags}
    record.write_text(
        json.dumps(
            {"file": stamp, "flags": sorted(expected), "events": batch.events, "seconds": seconds}
        ),
        encoding="utf-8",
    )
    return expected, batch.events, seconds


def main(argv: list[str] | None = None) -> list[dict[str, Any]]:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--generated", type=int, default=100_000, help="events in the month")
    parser.add_argument("--months", type=int, default=1, help="generated months, one after another")
    parser.add_argument("--replicas", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument(
        "--kill", action="store_true", help="the second replica killed a third of the way in"
    )
    parser.add_argument("--timeout", type=float, default=1200, help="seconds a run may take")
    parser.add_argument(
        "--compact-s", type=int, default=0, help="shard topics roll and clean every N s"
    )
    parser.add_argument("--report-s", type=float, default=15.0, help="seconds between progress")
    parser.add_argument(
        "--no-restart", action="store_true", help="no start-up run after the 1-replica row"
    )
    args = parser.parse_args(argv)
    from jiancha.synthetic.month import main as generate

    suffix = "" if args.months == 1 else f"x{args.months}"
    path = Settings().cache_dir / "bench" / f"month-{args.generated}{suffix}.jsonl"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        generate(
            [
                *("--events", str(args.generated), "--months", str(args.months)),
                *("--out", str(path), "--quiet"),
            ]
        )
    global report_s
    report_s = args.report_s
    expected, events, batch_s = _batch(path)
    rows: list[dict[str, Any]] = [
        {
            "replicas": "batch",
            "events": events,
            "flags": len(expected),
            "seconds": round(batch_s, 1),
            "events_per_s": round(events / batch_s),
        }
    ]
    rows[0]["months"] = args.months
    if args.kill and min(args.replicas) < 2:
        parser.error("--kill needs two replicas or more: --replicas 2 --kill")
    for n in args.replicas:
        rows.append(
            run(
                path,
                events,
                expected,
                n,
                n == 1 and not args.no_restart and not args.kill,
                args.timeout,
                kill=args.kill,
                compact_s=args.compact_s,
            )
        )
    for row in rows[1:]:
        row["months"] = args.months
    RESULTS.parent.mkdir(exist_ok=True)
    batch_eps = rows[0]["events_per_s"]
    one = next((r["events_per_s"] for r in rows if r["replicas"] == 1), None)
    print(
        "| replicas | events | flags | = batch | s | events/s | × batch | × 1 replica "
        "| peak RSS MB per replica | judgements | scopes judged | withdrawals on `flags` |"
    )
    print("|---|---:|---:|---|---:|---:|---:|---:|---|---:|---:|---:|")
    with RESULTS.open("a", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            eps = row["events_per_s"]
            to_one = f"{eps / one:.2f}" if one else ""
            print(
                f"| {row['replicas']} | {row['events']:,} | {row['flags']} "
                f"| {'yes' if row.get('equal_to_batch', True) else 'no'} | {row['seconds']} "
                f"| {eps:,} | {eps / batch_eps:.2f} | {to_one} | {row.get('peak_rss_mb', '')} "
                f"| {row.get('judgements', '')} | {row.get('scopes_judged', '')} "
                f"| {row.get('flag_messages_withdrawn', '')} |"
            )
    for row in rows:
        if row.get("startup_s") is not None:
            print(
                f"start-up of a replica with {row['events']:,} events of history "
                f"({args.months} months): {row['startup_s']} s, {row['rebuilt_events']:,} "
                f"events rebuilt, {row['standing_flags_found']:,} flags standing found, "
                f"{row['messages_read_at_rebuild']:,} messages read of "
                f"{row['shard_messages_written']:,} written"
            )
    return rows


if __name__ == "__main__":
    main()
