"""我的待办 and its paper: ranking time, the Excel export, the printed 《整改通知书》.

    python -m benchmarks.queue [--repeat 5] [--stack]

Pure code on generated cases (seeded; 150 officers, 5 % with a complaint, ages up to 30 days),
no stack needed. Each figure is the median of ``--repeat`` runs, with a reference measured side by
side in the same run:

- ranking (risk score + officers spread over pages of 20) of 2,000 and 10,000 cases, against a
  plain sort by (priority, time) — what 案件检索 orders by;
- the 整改台账 as .xlsx, 10,000 rows, against the same rows written as CSV (the stdlib);
- the 《整改通知书》 PDF (five cases), against WeasyPrint printing a one-line page (the engine's
  own floor).

With ``--stack`` (the running Kafka and Elasticsearch, indices and topics of a prefix of its own,
deleted after): ``GET /queue`` through the API over 2,000 and 10,000 cases assigned to one
reviewer (read, rank, spread, audit), against ``GET /cases`` (案件检索's first page, sorted by
Elasticsearch) on the same index.

One JSON line per run goes to ``benchmarks/results/queue.jsonl``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import platform
import random
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from streams.bulletin.render import render_pdf
from streams.review.notice import notice_of, notice_pdf
from streams.review.orders import Order
from streams.review.queue import rank, spread
from streams.review.sheets import ORDER_COLUMNS, field, workbook

RESULTS = Path(__file__).parent / "results" / "queue.jsonl"
NOW = datetime(2026, 4, 30, 8, 0, tzinfo=UTC)
CATEGORIES = [
    ("cash_no_receipt", "action_id"),
    ("threat", "recording_id"),
    ("verbal_abuse", "recording_id"),
    ("out_of_range_fine", "action_id"),
    ("month_end_spike", None),
    ("recording_gap", "recording_id"),
]


def cases(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` pending cases shaped as the analyzer indexes them (the fields ranking reads)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        category, proof = rng.choice(CATEGORIES)
        severity = rng.randint(1, 5)
        complaint = rng.random() < 0.05
        out.append(
            {
                "case_id": f"C-{i:06d}",
                "officer_id": f"P{rng.randrange(150):04d}",
                "squad_id": f"squad-{rng.randrange(12)}",
                "occurred_at": (NOW - timedelta(hours=rng.uniform(0, 720))).isoformat(),
                "severity": severity,
                "priority": severity + int(complaint),
                "complaint_ids": ["TS"] if complaint else [],
                "flags": [{"category": category, "evidence": [{proof: "X"}] if proof else []}],
            }
        )
    return out


def orders(n: int) -> list[dict[str, Any]]:
    """``n`` ledger rows: an order each, with text a person would type (and a formula)."""
    at = NOW.isoformat()
    return [
        {
            "order_id": f"ZG-20260430-{i:08x}",
            "title": "关于执法问题的整改通知书" if i % 50 else '=HYPERLINK("http://x")',
            "squad_id": f"squad-{i % 12}",
            "case_ids": [f"C-{i:06d}", f"C-{i + 1:06d}"],
            "status": "answered",
            "status_label": "已汇报",
            "issued_at": at,
            "deadline": at,
            "answered_at": at,
            "returned_count": i % 3,
            "ever_overdue": i % 7 == 0,
            "requirements": "立即停止现场收取现金；组织全员学习《行政处罚法》第六十八条、第七十条。"
            * 3,
        }
        for i in range(n)
    ]


def median_s(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _csv(rows: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([name for name, _ in ORDER_COLUMNS])
    for row in rows:
        writer.writerow([field(row, path) for _, path in ORDER_COLUMNS])
    return out.getvalue().encode("utf-8")


def _notice() -> Any:
    order = Order(
        order_id="ZG-20260430-0000abcd",
        case_ids=[f"C-{i:06d}" for i in range(5)],
        squad_id="gaosu-1",
        title="关于高速一中队现场收取现金问题的整改通知书",
        requirements="一、立即停止现场收取现金。\n二、组织全员学习。\n三、七日内书面汇报。",
        status="issued",
        version=2,
        created_at=NOW,
        updated_at=NOW,
        drafted_by="shen",
        deadline=NOW + timedelta(days=7),
        issued_at=NOW,
    )
    docs = {
        c: {"occurred_at": NOW.isoformat(), "officer_id": "GA403677",
            "category_labels": ["收现不开票"], "decision": {"reason": "录像属实"}}
        for c in order.case_ids
    }  # fmt: skip
    return notice_of(
        order, docs, "菏交监整〔2026〕第012号", "菏泽市公安局交通警察支队监查中心", "Asia/Shanghai"
    )


def through_the_api(repeat: int) -> list[dict[str, Any]]:
    """GET /queue against GET /cases on the real stack, 2,000 and 10,000 cases."""
    import uuid

    from elasticsearch import helpers
    from fastapi.testclient import TestClient
    from kafka import KafkaAdminClient

    from api.main import create_app
    from jiancha.elastic.client import sync_client
    from jiancha.elastic.indices import ensure_indices
    from jiancha.settings import Settings
    from jiancha.topics import CATALOGUE, topic_name
    from streams.accounts.users import new_user, save_user
    from streams.admin import ensure_topics

    name = f"bench-queue-{uuid.uuid4().hex[:8]}"
    s = Settings(topic_prefix=f"{name}-", index_prefix=name, app_id=name, partitions=1)
    ensure_topics(s)
    es = sync_client(s)
    rows = []
    try:
        aliases = ensure_indices(es, s)
        account = new_user("shen", "reviewer", "bench-pass-1")
        save_user(s, es, aliases["users"], account)
        done = 0
        for n in (2_000, 10_000):
            batch = cases(n)
            for c in batch[done:]:
                c.update(status="pending", withdrawn=False, assignment={"assignee": "shen"})
            helpers.bulk(
                es,
                ({"_index": aliases["cases"], "_id": c["case_id"], "_source": c}
                 for c in batch[done:]),
                refresh="wait_for",
            )  # fmt: skip
            done = n
            with TestClient(create_app(s)) as api:
                issuer = api.app.state.auth  # type: ignore[attr-defined]
                auth = {"Authorization": f"Bearer {issuer.issue(account)}"}

                def get(url: str, api: Any = api, auth: dict[str, str] = auth) -> None:
                    assert api.get(url, headers=auth).status_code == 200

                get("/queue")  # warm: the first Kafka send (audit) connects
                ours = median_s(lambda: get("/queue?size=20"), repeat)
                ref = median_s(lambda: get("/cases?size=20&status=pending"), repeat)
            rows.append({"what": f"GET /queue, {n:,} cases", "s": ours, "reference_s": ref,
                         "reference": "GET /cases (first page)"})  # fmt: skip
    finally:
        es.indices.delete(index=f"{name}-*", ignore_unavailable=True, allow_no_indices=True)
        es.options(ignore_status=404).indices.delete_index_template(name=f"{name}-*")
        es.close()
        admin = KafkaAdminClient(bootstrap_servers=s.kafka_bootstrap)
        try:
            admin.delete_topics([topic_name(s.topic_prefix, t.name) for t in CATALOGUE])
        finally:
            admin.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--stack", action="store_true", help="also GET /queue on the real stack")
    args = parser.parse_args()
    rows: list[dict[str, Any]] = []

    for n in (2_000, 10_000):
        batch = cases(n)
        ours = median_s(lambda b=batch: spread(rank(b, NOW), 20), args.repeat)
        ref = median_s(
            lambda b=batch: sorted(b, key=lambda c: (-c["priority"], c["occurred_at"])),
            args.repeat,
        )
        rows.append({"what": f"ranking {n:,} cases", "s": ours, "reference_s": ref,
                     "reference": "sort by (priority, time)"})  # fmt: skip

    ledger = orders(10_000)
    ours = median_s(
        lambda: workbook("整改台账", ORDER_COLUMNS, ledger, "Asia/Shanghai"), args.repeat
    )
    ref = median_s(lambda: _csv(ledger), args.repeat)
    rows.append({"what": "整改台账 .xlsx, 10,000 rows", "s": ours, "reference_s": ref,
                 "reference": "the same rows as CSV"})  # fmt: skip

    notice = _notice()
    notice_pdf(notice)  # fonts loaded once, as in a running API
    ours = median_s(lambda: notice_pdf(notice), args.repeat)
    ref = median_s(lambda: render_pdf("<p>整改通知书</p>"), args.repeat)
    pages = notice_pdf(notice)[1]
    rows.append({"what": f"《整改通知书》 PDF ({pages} page, 5 cases)", "s": ours,
                 "reference_s": ref, "reference": "WeasyPrint, a one-line page"})  # fmt: skip

    if args.stack:
        rows += through_the_api(args.repeat)

    print(f"{'what':36} {'time':>10} {'reference':>10} {'ratio':>7}  reference")
    for r in rows:
        r["ratio"] = r["s"] / r["reference_s"]
        print(f"{r['what']:36} {r['s'] * 1000:8.1f}ms {r['reference_s'] * 1000:8.1f}ms "
              f"{r['ratio']:6.1f}x  {r['reference']}")  # fmt: skip
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    with RESULTS.open("a", encoding="utf-8") as out:
        record = {"at": datetime.now(UTC).isoformat(), "host": platform.node(), "rows": rows}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
