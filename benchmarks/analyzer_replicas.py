"""Benchmark: 1, 2 and 3 replicas of the partitioned analyzer (``jiancha judge``, issue 15).

    python -m benchmarks.analyzer_replicas [--generated 100000] [--replicas 1 2 3]

A generated month (``jiancha.synthetic.month``) is judged first by the batch (``jiancha
analyze``'s code, in this process: the reference). Then, for each replica count, a fresh topic
prefix (6 partitions): the whole month published first, N ``jiancha judge`` processes started at
once, timed until the group has read every input and every shard topic and the flags on Kafka
(latest word per id) are exactly the batch's (or have stayed so for 30 s while commits lag:
see ``_until_batch``). Peak RSS (VmHWM) of each replica is read before it
stops. After the 1-replica run, one replica is started again on the same topics: its start-up is
the time until it has rebuilt every shard (it logs each; no input is re-read). Rows are appended
to ``benchmarks/results/analyzer_replicas.jsonl`` and printed as Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
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


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _flags(s: Settings) -> set[str]:
    """Standing flag ids on ``flags`` (latest word per id)."""
    from streams.analysis.agents import standing_flags

    return {k for k, f in standing_flags(s).items() if not f.withdrawn}


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


def _until_batch(
    s: Settings,
    group: str,
    procs: list[subprocess.Popen[bytes]],
    expected: set[str],
    log: Path,
    replicas: int,
    timeout: float,
    t0: float,
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
        got = _flags(s)
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
        if now - last_report >= 15:
            last_report = now
            extra, missing = sorted(got - expected), sorted(expected - got)
            print(
                f"[{replicas}] {now:.0f} s: lag {lag}, flags {len(got)}, "
                f"extra {len(extra)} {extra[:2]}, missing {len(missing)} {missing[:2]}",
                file=sys.stderr,
                flush=True,
            )
        if now > timeout:
            raise RuntimeError(
                f"not the batch's flags after {timeout:.0f} s: {len(got - expected)} extra, "
                f"{len(expected - got)} missing, lag {lag}; see {log}"
            )
        time.sleep(1)


def run(
    path: Path, events: int, expected: set[str], replicas: int, restart: bool, timeout: float = 1200
) -> dict[str, Any]:
    """One replica count on fresh topics; with ``restart``, the start-up of a new replica too."""
    name, s, env = scratch("r")
    log = Path(tempfile.mkdtemp(prefix="bench-replicas-")) / "judge.log"
    group = f"{name}-judge"
    procs: list[subprocess.Popen[bytes]] = []
    try:
        with Publisher(s) as publisher:
            ingest_file(path, publisher)
        t0 = time.monotonic()
        procs = [_judge(env, log) for _ in range(replicas)]
        seconds, lag = _until_batch(s, group, procs, expected, log, replicas, timeout, t0)
        rss = [round(_peak_rss_mb(p.pid)) for p in procs]
        _stop(procs)
        startup = None
        if restart:
            log.write_text("")
            t1 = time.monotonic()
            procs = [_judge(env, log)]
            while log.read_text(encoding="utf-8", errors="replace").count("已重建") < SHARDS:
                if procs[0].poll() is not None or time.monotonic() - t1 > 900:
                    raise RuntimeError(f"the restarted replica did not rebuild; see {log}")
                time.sleep(0.2)
            startup = time.monotonic() - t1
            _stop(procs)
    finally:
        _stop(procs)
        _drop_topics(s)
    return {
        "replicas": replicas,
        "events": events,
        "flags": len(expected),
        "equal_to_batch": True,
        "uncommitted_at_end": lag,
        "seconds": round(seconds, 1),
        "events_per_s": round(events / seconds),
        "peak_rss_mb": rss,
        "startup_s": None if startup is None else round(startup, 1),
        "machine": f"{platform.machine()} {os.cpu_count()} cores",
        "at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def main(argv: list[str] | None = None) -> list[dict[str, Any]]:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--generated", type=int, default=100_000, help="events in the month")
    parser.add_argument("--replicas", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--timeout", type=float, default=1200, help="seconds a run may take")
    args = parser.parse_args(argv)
    from jiancha.synthetic.month import main as generate

    path = Settings().cache_dir / "bench" / f"month-{args.generated}.jsonl"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        generate(["--events", str(args.generated), "--out", str(path), "--quiet"])
    t0 = time.monotonic()
    flags, batch = analyze_file(path)
    batch_s = time.monotonic() - t0
    expected = {f.flag_id for f in flags}
    rows: list[dict[str, Any]] = [
        {
            "replicas": "batch",
            "events": batch.events,
            "flags": len(expected),
            "seconds": round(batch_s, 1),
            "events_per_s": round(batch.events / batch_s),
        }
    ]
    for n in args.replicas:
        rows.append(run(path, batch.events, expected, n, restart=n == 1, timeout=args.timeout))
    RESULTS.parent.mkdir(exist_ok=True)
    batch_eps = rows[0]["events_per_s"]
    one = next((r["events_per_s"] for r in rows if r["replicas"] == 1), None)
    print(
        "| replicas | events | flags | = batch | s | events/s | × batch | × 1 replica "
        "| peak RSS MB per replica |"
    )
    print("|---|---:|---:|---|---:|---:|---:|---:|---|")
    with RESULTS.open("a", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            eps = row["events_per_s"]
            to_one = f"{eps / one:.2f}" if one else ""
            print(
                f"| {row['replicas']} | {row['events']:,} | {row['flags']} "
                f"| {'yes' if row.get('equal_to_batch', True) else 'no'} | {row['seconds']} "
                f"| {eps:,} | {eps / batch_eps:.2f} | {to_one} | {row.get('peak_rss_mb', '')} |"
            )
    for row in rows:
        if row.get("startup_s") is not None:
            print(
                f"start-up of a replica with {row['events']:,} events of history: "
                f"{row['startup_s']} s"
            )
    return rows


if __name__ == "__main__":
    main()
