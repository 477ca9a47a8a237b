"""Benchmark: 1, 2 and 3 indexer workers in one consumer group on the same input.

    python -m benchmarks.scaleout [--generated 200000 | --events FILE] [--workers 1 2 3]

For each worker count: a fresh topic/index prefix (6 partitions), the whole input published
first, then N ``jiancha worker`` processes started at once. Measured: the join (group Stable with
N members, every partition assigned), the time until every recording, transcript and action is
searchable, and the rebalance when one worker leaves (SIGTERM) until the group is Stable again
with N-1. The indexed result (counts, fine total) must be the same for every N. Results are
appended to ``benchmarks/results/scaleout.jsonl`` and printed as Markdown table rows.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.ingest_search import EVAL_DEV, _indexed
from jiancha.elastic.client import sync_client
from jiancha.settings import Settings
from jiancha.topics import topic_name
from streams.admin import consumer_lag, ensure_topics
from streams.indexer.agents import INDEXED_TOPICS
from streams.ingest import ingest_file
from streams.publisher import Publisher

RESULTS = Path(__file__).parent / "results" / "scaleout.jsonl"
PARTITIONS = 6


def _group(settings: Settings, group: str) -> tuple[str, int, int]:
    """(state, members, members holding a recordings partition) of a consumer group."""
    from kafka import KafkaAdminClient

    admin = KafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap, client_id="bench-scale")
    try:
        info = admin.describe_groups([group]).get(group, {})
    finally:
        admin.close()
    members = info.get("members", [])
    recordings = topic_name(settings.topic_prefix, "recordings")
    holding = sum(
        1
        for m in members
        if any(
            a["topic"] == recordings and a["partitions"]
            for a in (m.get("member_assignment") or {}).get("assigned_partitions", [])
        )
    )
    return info.get("group_state", "?"), len(members), holding


def _wait(predicate: Any, timeout_s: float, what: str, procs: list[subprocess.Popen]) -> float:  # type: ignore[type-arg]
    """Poll until ``predicate()``; returns the monotonic time it held."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in procs):
            raise RuntimeError(f"a worker exited while waiting for {what}")
        if predicate():
            return time.monotonic()
        time.sleep(0.2)
    raise RuntimeError(f"timed out after {timeout_s}s waiting for {what}")


def _fines(es: Any, prefix: str) -> float:
    aggs = es.search(
        index=f"{prefix}-actions", size=0, aggs={"f": {"sum": {"field": "measures.fine_cny"}}}
    )["aggregations"]
    return float(aggs["f"]["value"])


def run(path: Path, label: str, workers: int, timeout_s: float = 3600) -> dict[str, Any]:
    """Measure ``workers`` indexers on ``path``; returns the result record."""
    name = f"s{uuid.uuid4().hex[:8]}"
    s = Settings(topic_prefix=f"{name}-", index_prefix=name, app_id=name, partitions=PARTITIONS)
    group = f"{name}-indexer"
    ensure_topics(s)
    t = time.monotonic()
    with Publisher(s) as publisher:
        sent = ingest_file(path, publisher)
    publish_s = time.monotonic() - t
    want = Counter(
        {k: v for k, v in sent.items() if k in ("recording", "transcript", "enforcement_action")}
    )
    env = dict(os.environ)
    env.update(
        JIANCHA_TOPIC_PREFIX=s.topic_prefix,
        JIANCHA_INDEX_PREFIX=name,
        JIANCHA_APP_ID=name,
        JIANCHA_PARTITIONS=str(PARTITIONS),
    )
    es = sync_client(s)
    t0 = time.monotonic()
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "jiancha.cli", "worker", "--loglevel", "warning"], env=env
        )
        for _ in range(workers)
    ]
    try:
        t_joined = _wait(
            lambda: _group(s, group) == ("Stable", workers, workers), 600, "the join", procs
        )

        def searchable() -> bool:
            if not es.indices.exists(index=f"{name}-clips"):
                return False
            got = _indexed(es, name)
            return all(got[k] >= v for k, v in want.items())

        t_done = _wait(searchable, timeout_s, "searchable", procs)
        _wait(lambda: consumer_lag(s, group, list(INDEXED_TOPICS)) == 0, 300, "commits", procs)
        indexed = dict(_indexed(es, name))
        fines = _fines(es, name)
        leave_s = None
        if workers > 1:
            t_leave = time.monotonic()
            procs[-1].terminate()
            procs[-1].wait(timeout=60)
            rest = procs[:-1]
            leave_s = (
                _wait(
                    lambda: _group(s, group) == ("Stable", workers - 1, workers - 1),
                    300,
                    "the rebalance after a leave",
                    rest,
                )
                - t_leave
            )
    finally:
        for p in procs:
            if p.poll() is None:
                p.terminate()
        for p in procs:
            try:
                p.wait(timeout=60)
            except subprocess.TimeoutExpired:
                p.kill()
        es.indices.delete(index=f"{name}-*", allow_no_indices=True)
        es.close()
        _drop_topics(s)
    total = sum(sent.values())
    return {
        "input": label,
        "workers": workers,
        "events": total,
        "publish_s": round(publish_s, 1),
        "join_s": round(t_joined - t0, 1),
        "searchable_s": round(t_done - t0, 1),
        "searchable_eps": round(total / (t_done - t0)),
        "after_join_eps": round(total / max(t_done - t_joined, 1e-9)),
        "leave_rebalance_s": None if leave_s is None else round(leave_s, 1),
        "indexed": indexed,
        "fine_total": fines,
        "machine": f"{platform.machine()} {os.cpu_count()} cores",
        "at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def _drop_topics(s: Settings) -> None:
    from kafka import KafkaAdminClient

    from jiancha.topics import CATALOGUE

    admin = KafkaAdminClient(bootstrap_servers=s.kafka_bootstrap, client_id="bench-scale")
    try:
        admin.delete_topics([topic_name(s.topic_prefix, t.name) for t in CATALOGUE])
    finally:
        admin.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=Path, default=EVAL_DEV)
    parser.add_argument("--generated", type=int, default=0, help="a generated month of N events")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 3])
    args = parser.parse_args()
    path, label = args.events, args.events.name
    if args.generated:
        from jiancha.synthetic.month import main as generate

        path = Settings().cache_dir / "bench" / f"month-{args.generated}.jsonl"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            generate(["--events", str(args.generated), "--out", str(path)])
        label = f"generated {args.generated:,}"
    RESULTS.parent.mkdir(exist_ok=True)
    print(
        "| input | workers | join (s) | ingest → searchable (s) | events/s | after join (events/s) "
        "| rebalance on leave (s) | same result |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    first: dict[str, Any] | None = None
    for n in args.workers:
        r = run(path, label, n)
        first = first or r
        r["same_as_first"] = (r["indexed"], r["fine_total"]) == (
            first["indexed"],
            first["fine_total"],
        )
        with RESULTS.open("a", encoding="utf-8") as out:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        leave = "–" if r["leave_rebalance_s"] is None else r["leave_rebalance_s"]
        print(
            f"| {r['input']} | {n} | {r['join_s']} | {r['searchable_s']} | "
            f"{r['searchable_eps']:,} | {r['after_join_eps']:,} | {leave} | "
            f"{'yes' if r['same_as_first'] else 'NO'} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
