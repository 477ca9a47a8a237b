"""Benchmark: the directory (issue 16) at a detachment's size: seeding it, and what pages ask.

    python -m benchmarks.directory [--squads 400] [--officers-per-squad 12] [--requests 200]

A roster the size of the 1,000,000-event month (400 squads, 4,800 officers and auxiliaries, two
postings for one officer in ten) is named and seeded into a fresh prefix (Kafka + index). Then,
through the API in-process (``TestClient``, one process, no network), side by side in one run:
the reference ``GET /auth/me`` (a token check and one ``get`` of the account: the least any
page costs), ``GET /directory/names`` (the whole name map, once per sign-in), and
``GET /directory/search`` for a surname (many matches) and an id prefix (one), as autocomplete
sends them. Medians over ``--requests``, and each as a ratio of the reference. Results are
appended to ``benchmarks/results/directory.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.scratch import scratch

RESULTS = Path(__file__).parent / "results" / "directory.jsonl"


def roster_events(squads: int, per_squad: int) -> list[dict[str, Any]]:
    """Actions naming every officer once (one in ten again, later, in the next squad)."""
    day = datetime(2026, 4, 1, 9, tzinfo=UTC)
    events = []
    for s in range(squads):
        for o in range(per_squad):
            oid = f"BM{s * per_squad + o:06d}"
            squad = f"mudan-{s + 1}"
            data = {"officer_id": oid, "officer_role": "officer", "squad_id": squad}
            events.append(
                {"type": "enforcement_action", "data": {**data, "occurred_at": day.isoformat()}}
            )
            if o % 10 == 0:
                moved = {**data, "squad_id": f"mudan-{(s + 1) % squads + 1}"}
                later = (day + timedelta(days=15)).isoformat()
                events.append(
                    {"type": "enforcement_action", "data": {**moved, "occurred_at": later}}
                )
    return events


def median_ms(call: Any, n: int) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        resp = call()
        times.append((time.perf_counter() - t0) * 1000)
        assert resp.status_code == 200, resp.text
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--squads", type=int, default=400)
    parser.add_argument("--officers-per-squad", type=int, default=12)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args(argv)

    from fastapi.testclient import TestClient

    from api.main import create_app
    from jiancha.elastic.client import sync_client
    from jiancha.elastic.indices import ensure_indices
    from streams.accounts.users import new_user, save_user
    from streams.directory.roster import roster_from_events
    from streams.directory.store import seed
    from tests.conftest import drop_prefix

    _, settings, _ = scratch("d")
    es = sync_client(settings)
    try:
        aliases = ensure_indices(es, settings)
        t0 = time.perf_counter()
        entries = roster_from_events(
            roster_events(args.squads, args.officers_per_squad), datetime.now(UTC)
        )
        named_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        seed(settings, es, aliases["directory"], entries)
        seeded_s = time.perf_counter() - t0
        save_user(settings, es, aliases["users"], new_user("bench", "reviewer", "bench-pass-1"))
        with TestClient(create_app(settings)) as api:
            form = {"username": "bench", "password": "bench-pass-1"}
            token = api.post("/auth/token", data=form).json()["access_token"]
            h = {"Authorization": f"Bearer {token}"}
            n = args.requests
            names_bytes = len(api.get("/directory/names", headers=h).content)
            row = {
                "what": "directory",
                "at": datetime.now(UTC).isoformat(timespec="seconds"),
                "machine": f"{platform.machine()}, {len(os.sched_getaffinity(0))} cores",
                "squads": args.squads,
                "officers": len(entries) - args.squads,
                "name_s": round(named_s, 2),
                "seed_s": round(seeded_s, 2),
                "names_kib": round(names_bytes / 1024, 1),
                "me_ms": median_ms(lambda: api.get("/auth/me", headers=h), n),
                "names_ms": median_ms(lambda: api.get("/directory/names", headers=h), n),
                "search_surname_ms": median_ms(
                    lambda: api.get("/directory/search", headers=h, params={"q": "王"}), n
                ),
                "search_id_ms": median_ms(
                    lambda: api.get("/directory/search", headers=h, params={"q": "bm0012"}), n
                ),
            }
        for k in ("names_ms", "search_surname_ms", "search_id_ms"):
            row[k.replace("_ms", "_x_me")] = round(row[k] / row["me_ms"], 2)
            row[k] = round(row[k], 2)
        row["me_ms"] = round(row["me_ms"], 2)
        print(json.dumps(row, ensure_ascii=False))
        RESULTS.parent.mkdir(exist_ok=True)
        with open(RESULTS, "a", encoding="utf-8") as out:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        es.close()
        drop_prefix(settings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
