"""Benchmark: clip search latency through the real API over a large generated month.

    python -m benchmarks.search [--events FILE | --prefix NAME] [--requests 300] [--keep]

Ingests ``--events`` with ``benchmarks.ingest_search.run`` (fresh prefix, one worker; the ingest
figures are recorded too) or reuses indices already holding a month (``--prefix``). Then a
reviewer account is saved the way ``jiancha user add`` saves it, ``jiancha api`` is started as
its own process on a free loopback port, a token is taken from ``POST /auth/token``, and
``GET /clips/search`` is called ``--requests`` times in sequence (one client, keep-alive), after
20 warm-up requests that are not counted. The queries cycle through a fixed mix: transcript
phrases alone (现金, 陈述申辩, 罚款, 现金 不开票, 驾驶证), a phrase within a squad, a phrase by
an officer, a phrase within one day, and a squad's day without a phrase. Squads, officers and days
are drawn (seeded) from the index itself. Latency is the client's wall time per request, which
includes sign-in checks and the search audit record the API writes. Results go to
``benchmarks/results/search.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.latency import percentile
from jiancha.elastic.client import sync_client
from jiancha.embedded.stack import EmbeddedStack
from jiancha.settings import Settings
from streams.accounts.users import new_user, save_user

RESULTS = Path(__file__).parent / "results" / "search.jsonl"
DEFAULT_EVENTS = Path("/tmp/jiancha-bench-month-1000000.jsonl")
PHRASES = ["现金", "陈述申辩", "罚款", "现金 不开票", "驾驶证"]
PASSWORD = "bench-reviewer-pass-1"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _vocabulary(es: Any, prefix: str) -> tuple[list[str], list[str], list[str]]:
    """Squads, officers and days present in the clips index."""
    aggs = es.search(
        index=f"{prefix}-clips",
        size=0,
        aggs={
            "squads": {"terms": {"field": "squad_id", "size": 1000}},
            "officers": {"terms": {"field": "officer_ids", "size": 1000}},
            "days": {"date_histogram": {"field": "started_at", "calendar_interval": "day"}},
        },
    )["aggregations"]
    return (
        [b["key"] for b in aggs["squads"]["buckets"]],
        [b["key"] for b in aggs["officers"]["buckets"]],
        [b["key_as_string"][:10] for b in aggs["days"]["buckets"] if b["doc_count"]],
    )


def query_mix(es: Any, prefix: str, n: int, seed: int = 7) -> list[tuple[str, dict[str, Any]]]:
    """``n`` (kind, params) pairs cycling through the query kinds."""
    rng = random.Random(seed)
    squads, officers, days = _vocabulary(es, prefix)

    def day() -> dict[str, str]:
        d = datetime.fromisoformat(rng.choice(days) + "T00:00:00+08:00")
        return {"start": d.isoformat(), "end": (d + timedelta(days=1)).isoformat()}

    kinds = [
        ("phrase", lambda: {"q": rng.choice(PHRASES)}),
        ("phrase + squad", lambda: {"q": rng.choice(PHRASES), "squad_id": rng.choice(squads)}),
        (
            "phrase + officer",
            lambda: {"q": rng.choice(PHRASES), "officer_id": rng.choice(officers)},
        ),
        ("phrase + day", lambda: {"q": rng.choice(PHRASES), **day()}),
        ("squad + day", lambda: {"squad_id": rng.choice(squads), **day()}),
    ]
    return [(kinds[i % len(kinds)][0], kinds[i % len(kinds)][1]()) for i in range(n)]


def measure(prefix: str, requests: int) -> dict[str, Any]:
    s = Settings(topic_prefix=f"{prefix}-", index_prefix=prefix, app_id=prefix)
    es = sync_client(s)
    try:
        save_user(s, es, f"{prefix}-users", new_user("bench-reviewer", "reviewer", PASSWORD))
        clips = es.count(index=f"{prefix}-clips")["count"]
        transcribed = es.count(index=f"{prefix}-clips", query={"term": {"has_transcript": True}})[
            "count"
        ]
        mix = query_mix(es, prefix, requests + 20)
    finally:
        es.close()
    port = _free_port()
    env = dict(os.environ)
    env.update(
        JIANCHA_TOPIC_PREFIX=s.topic_prefix, JIANCHA_INDEX_PREFIX=prefix, JIANCHA_APP_ID=prefix
    )
    api = subprocess.Popen(
        [sys.executable, "-m", "jiancha.cli", "api", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=5).read()
                break
            except OSError:
                if time.monotonic() > deadline or api.poll() is not None:
                    raise RuntimeError("API did not start") from None
                time.sleep(0.5)
        form = urllib.parse.urlencode({"username": "bench-reviewer", "password": PASSWORD})
        with urllib.request.urlopen(f"{base}/auth/token", data=form.encode(), timeout=30) as r:
            token = json.load(r)["access_token"]
        by_kind: dict[str, list[float]] = defaultdict(list)
        hits: dict[str, list[int]] = defaultdict(list)
        for i, (kind, params) in enumerate(mix):
            req = urllib.request.Request(
                f"{base}/clips/search?{urllib.parse.urlencode(params)}",
                headers={"Authorization": f"Bearer {token}"},
            )
            t0 = time.perf_counter()
            with urllib.request.urlopen(req, timeout=60) as r:
                body = json.load(r)
            elapsed = (time.perf_counter() - t0) * 1000
            if i >= 20:
                by_kind[kind].append(elapsed)
                hits[kind].append(int(body["total"]))
    finally:
        api.terminate()
        api.wait(timeout=30)
    every = [x for v in by_kind.values() for x in v]

    def stats(v: list[float]) -> dict[str, float]:
        return {
            "n": len(v),
            "p50_ms": round(percentile(v, 50), 1),
            "p95_ms": round(percentile(v, 95), 1),
            "p99_ms": round(percentile(v, 99), 1),
        }

    return {
        "clips": clips,
        "transcribed": transcribed,
        "requests": len(every),
        "all": stats(every),
        "kinds": {
            k: {**stats(v), "median_hits": sorted(hits[k])[len(hits[k]) // 2]}
            for k, v in by_kind.items()
        },
        "machine": f"{platform.machine()} {os.cpu_count()} cores",
        "at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=Path, default=DEFAULT_EVENTS)
    parser.add_argument("--prefix", default=None, help="reuse indices already holding a month")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--keep", action="store_true", help="keep the ingested indices")
    args = parser.parse_args(argv)
    EmbeddedStack(Settings()).up(say=lambda line: print(line, file=sys.stderr))
    ingest: dict[str, Any] | None = None
    prefix = args.prefix
    if prefix is None:
        from benchmarks.ingest_search import run

        if not args.events.exists():
            from jiancha.synthetic.month import main as generate

            generate(["--events", "1000000", "--out", str(args.events)])
        ingest = run(args.events, args.events.name, keep=True)
        prefix = str(ingest["prefix"])
    try:
        r = measure(prefix, args.requests)
    finally:
        if ingest is not None and not args.keep:
            cleanup(prefix)
    r["ingest"] = ingest
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{r['clips']:,} clips ({r['transcribed']:,} transcribed), {r['requests']} requests")
    print("| query | requests | median hits | p50 (ms) | p95 (ms) | p99 (ms) |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind, k in r["kinds"].items():
        print(
            f"| {kind} | {k['n']} | {k['median_hits']:,} | {k['p50_ms']} | {k['p95_ms']} | "
            f"{k['p99_ms']} |"
        )
    a = r["all"]
    print(f"| all | {a['n']} | | {a['p50_ms']} | {a['p95_ms']} | {a['p99_ms']} |")


def cleanup(prefix: str) -> None:
    """Delete a run's indices and topics."""
    from benchmarks.latency import _delete_topics

    s = Settings(topic_prefix=f"{prefix}-", index_prefix=prefix, app_id=prefix)
    es = sync_client(s)
    try:
        es.indices.delete(index=f"{prefix}-*", allow_no_indices=True)
    finally:
        es.close()
    _delete_topics(s.kafka_bootstrap, s.topic_prefix)


if __name__ == "__main__":
    main()
