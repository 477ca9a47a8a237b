"""Benchmark: end-to-end latency, publish → searchable in Elasticsearch, at fixed publish rates.

    python -m benchmarks.latency [--events FILE] [--rates 500 1000 2000] [--seconds 30]

One fresh topic/index prefix and one ``jiancha worker``; the rates run one after another on
consecutive slices of the input (``--seconds`` each, a pause between them so the worker drains).
The publisher paces itself to the rate (as ``jiancha ingest --rate``). Every ``--every``-th
recording and enforcement action is a sample: its publish time is taken when it is handed to the
producer (``linger_ms`` 20 ms and the ``acks=all`` round trip count towards the latency). A
poller thread asks Elasticsearch every ``--poll-ms`` with an ``ids`` *search* (not a GET, which
is realtime and would see documents before a refresh) for the samples not yet seen; a sample's
latency is the time until the first search that finds it. The indices keep their 1 s refresh
interval, so latency includes waiting for the next refresh; the poll interval adds at most
``--poll-ms``. Results go to ``benchmarks/results/latency.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks.scratch import scratch
from jiancha.elastic.client import sync_client
from jiancha.embedded.stack import EmbeddedStack
from jiancha.schemas import InvalidEvent, parse_envelope
from jiancha.settings import Settings
from streams.publisher import Publisher

RESULTS = Path(__file__).parent / "results" / "latency.jsonl"
DEFAULT_EVENTS = Path("/tmp/jiancha-bench-month-200000.jsonl")
SAMPLED = {"recording": ("clips", "recording_id"), "enforcement_action": ("actions", "action_id")}


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile of ``values`` (p in 0–100)."""
    ordered = sorted(values)
    rank = max(1, round(p / 100 * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


class Poller(threading.Thread):
    """Finds when each sample becomes searchable."""

    def __init__(self, es: Any, prefix: str, poll_s: float) -> None:
        super().__init__(daemon=True)
        self.es, self.prefix, self.poll_s = es, prefix, poll_s
        self.pending: dict[tuple[str, str], float] = {}
        self.seen: dict[tuple[str, str], float] = {}
        self.lock = threading.Lock()
        self.stop = threading.Event()

    def add(self, family: str, doc_id: str, published: float) -> None:
        with self.lock:
            self.pending[(family, doc_id)] = published

    def run(self) -> None:
        while not self.stop.is_set():
            with self.lock:
                pending = dict(self.pending)
            for family in ("clips", "actions"):
                ids = [i for f, i in pending if f == family]
                if not ids:
                    continue
                resp = self.es.search(
                    index=f"{self.prefix}-{family}",
                    query={"ids": {"values": ids}},
                    size=len(ids),
                    source=False,
                )
                now = time.monotonic()
                with self.lock:
                    for hit in resp["hits"]["hits"]:
                        key = (family, hit["_id"])
                        if key in self.pending:
                            self.seen[key] = now - self.pending.pop(key)
            time.sleep(self.poll_s)


def publish_at(
    lines: list[bytes], rate: float, publisher: Publisher, poller: Poller, every: int
) -> tuple[float, list[tuple[str, str]]]:
    """Publish ``lines`` at ``rate`` events/s; returns the achieved rate and the sample keys."""
    samples: list[tuple[str, str]] = []
    seen_of_type: dict[str, int] = {}
    started = time.monotonic()
    for n, line in enumerate(lines, start=1):
        try:
            env = parse_envelope(line)
        except InvalidEvent:
            continue
        value = json.dumps(env.data, ensure_ascii=False).encode("utf-8")
        publisher.send(env.topic, env.key, value)
        if env.event_type in SAMPLED:
            k = seen_of_type[env.event_type] = seen_of_type.get(env.event_type, 0) + 1
            if k % every == 0:
                family, field = SAMPLED[env.event_type]
                poller.add(family, str(env.data[field]), time.monotonic())
                samples.append((family, str(env.data[field])))
        ahead = n / rate - (time.monotonic() - started)
        if ahead > 0:
            time.sleep(ahead)
    publisher.flush()
    return len(lines) / (time.monotonic() - started), samples


def run(
    path: Path, rates: list[int], seconds: float, every: int, poll_ms: int, drain_s: float
) -> list[dict[str, Any]]:
    name, s, env = scratch("l")
    worker = subprocess.Popen(
        [sys.executable, "-m", "jiancha.cli", "worker", "--loglevel", "warning"], env=env
    )
    es = sync_client(s)
    poller = Poller(es, name, poll_ms / 1000)
    results = []
    try:
        while not es.indices.exists(index=f"{name}-clips"):
            time.sleep(0.5)
        time.sleep(3)
        # Reference data (policies, rosters) sits at the top of a month: publish it first.
        with open(path, "rb") as f:
            lines = [line for line in f if line.strip()]
        poller.start()
        offset = 0
        with Publisher(s) as publisher:
            for rate in rates:
                chunk = lines[offset : offset + int(rate * seconds)]
                offset += len(chunk)
                achieved, samples = publish_at(chunk, rate, publisher, poller, every)
                deadline = time.monotonic() + 300
                while time.monotonic() < deadline:
                    with poller.lock:
                        if not any(k in poller.pending for k in samples):
                            break
                    if worker.poll() is not None:
                        raise RuntimeError("worker exited")
                    time.sleep(0.2)
                with poller.lock:
                    lat = [poller.seen[k] * 1000 for k in samples if k in poller.seen]
                    missing = sum(1 for k in samples if k not in poller.seen)
                r = {
                    "rate": rate,
                    "achieved_eps": round(achieved),
                    "events": len(chunk),
                    "samples": len(lat),
                    "missing": missing,
                    "p50_ms": round(percentile(lat, 50)),
                    "p95_ms": round(percentile(lat, 95)),
                    "p99_ms": round(percentile(lat, 99)),
                    "max_ms": round(max(lat)),
                    "mean_ms": round(statistics.fmean(lat)),
                    "every": every,
                    "poll_ms": poll_ms,
                    "machine": f"{platform.machine()} {os.cpu_count()} cores",
                    "at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                }
                results.append(r)
                print(
                    f"| {rate:,} | {r['achieved_eps']:,} | {r['events']:,} | {r['samples']} | "
                    f"{r['p50_ms']:,} | {r['p95_ms']:,} | {r['p99_ms']:,} | {r['max_ms']:,} |",
                    flush=True,
                )
                time.sleep(drain_s)
    finally:
        poller.stop.set()
        worker.terminate()
        worker.wait(timeout=60)
        es.indices.delete(index=f"{name}-*", allow_no_indices=True)
        es.close()
        _delete_topics(s.kafka_bootstrap, s.topic_prefix)
    return results


def _delete_topics(bootstrap: str, prefix: str) -> None:
    """Remove this run's topics (and the worker's changelog/repartition topics)."""
    from kafka.admin import KafkaAdminClient

    admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="jiancha-bench-cleanup")
    try:
        mine = [t for t in admin.list_topics() if t.startswith(prefix) or t.startswith(prefix[:-1])]
        if mine:
            admin.delete_topics(mine)
    finally:
        admin.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=Path, default=DEFAULT_EVENTS)
    parser.add_argument("--rates", type=int, nargs="+", default=[500, 1000, 2000])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--every", type=int, default=50)
    parser.add_argument("--poll-ms", type=int, default=50)
    parser.add_argument("--drain-s", type=float, default=5)
    args = parser.parse_args(argv)
    EmbeddedStack(Settings()).up(say=lambda line: print(line, file=sys.stderr))
    if not args.events.exists():
        from jiancha.synthetic.month import main as generate

        generate(["--events", "200000", "--out", str(args.events)])
    print(
        "| rate (events/s) | achieved | events | samples "
        "| p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    results = run(args.events, args.rates, args.seconds, args.every, args.poll_ms, args.drain_s)
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a", encoding="utf-8") as out:
        for r in results:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
