"""Spot checks (issue 17) on the real stack: API → Kafka → worker (projection) → Elasticsearch,
and a missed problem through the analyzer's case builder into the review workflow.

The story: the week's tickets are in the ``actions`` index and one of them already has a case (the
analyzers flagged it), as the indexer and the analyzer would have left them. The supervisor sets a
plan with goals for two squads and draws; the draw is the same when repeated (by the API and,
independently, here with nothing but SHA-256); reviewers record outcomes; a problem becomes a
pending case with the spot-check rule version, which a reviewer confirms like any other; the
estimate and its interval are computed here by numerical integration, independent of the module;
squad leaders see nothing before publication and then only their own squad.
"""

from __future__ import annotations

import hashlib
import math
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.security import User
from jiancha import topics
from jiancha.elastic.client import sync_client
from jiancha.elastic.indices import ensure_indices
from jiancha.schemas.spot_checks import decode_event
from jiancha.settings import Settings
from streams.bulletin.stats import IsoWeek, spot_checks
from tests.conftest import start_process, stop_process, wait_for
from tests.integration.review_fixtures import bearer, save_accounts
from tests.kafka_tools import read_topic

pytestmark = pytest.mark.integration

BEIJING = ZoneInfo("Asia/Shanghai")
WEEK = "2026-W16"  # Monday 2026-04-13 .. Sunday 2026-04-19
PLAN = f"SC-{WEEK}"
MONDAY = datetime(2026, 4, 13, 8, tzinfo=BEIJING)
#: officer -> (squad, tickets that week)
OFFICERS = {
    "M1": ("mudan-1", 20),
    "M2": ("mudan-1", 8),
    "M3": ("mudan-1", 2),
    "G1": ("gaosu-1", 10),
}
FLAGGED = "M1-T00"  # the analyzers flagged this one: not in the population

USERS = {
    "reviewer": User(username="shen", role="reviewer", display_name="沈审核"),
    "supervisor": User(username="zhang", role="supervisor", display_name="张主任"),
    "gaosu": User(username="wang", role="squad_leader", squad_id="gaosu-1", display_name="王队长"),
}


@pytest.fixture
def spot_settings(settings: Settings, tmp_path: Path) -> Settings:
    return settings.model_copy(update={"data_dir": tmp_path, "order_apply_timeout_s": 90})


@pytest.fixture
def workers(spot_settings: Settings) -> Iterator[None]:
    """The worker (projection of ``spot-checks``) and the analyzer (case builder)."""
    procs: list[subprocess.Popen[bytes]] = [
        start_process(spot_settings, "worker"),
        start_process(spot_settings, "analyzer"),
    ]
    yield
    for p in procs:
        stop_process(p)


def _put_week(s: Settings) -> None:
    """The week's tickets, a recording of each, one flagged case, and a ticket of another week."""
    es = sync_client(s)
    try:
        ensure_indices(es, s)
        p = s.index_prefix
        for officer, (squad, n) in OFFICERS.items():
            for i in range(n):
                at = MONDAY + timedelta(hours=5 * i + 1)
                _action(es, p, f"{officer}-T{i:02d}", officer, squad, at)
                es.index(
                    index=f"{p}-clips",
                    id=f"REC-{officer}-{i:02d}",
                    document={
                        "recording_id": f"REC-{officer}-{i:02d}",
                        "device_type": "body_cam",
                        "officer_ids": [officer],
                        "squad_id": squad,
                        "started_at": (at - timedelta(minutes=3)).isoformat(),
                        "ended_at": (at + timedelta(minutes=4)).isoformat(),
                    },
                )
        _action(es, p, "M1-LASTWEEK", "M1", "mudan-1", MONDAY - timedelta(days=2))
        es.index(
            index=f"{p}-cases",
            id=f"C-{FLAGGED}",
            document={
                "case_id": f"C-{FLAGGED}",
                "officer_id": "M1",
                "squad_id": "mudan-1",
                "action_ids": [FLAGGED],
                "occurred_at": (MONDAY + timedelta(hours=1)).isoformat(),
                "categories": ["threat"],
                "status": "pending",
            },
        )
        for family in ("actions", "clips", "cases"):
            es.indices.refresh(index=f"{p}-{family}")
    finally:
        es.close()


def _action(es: Any, prefix: str, action_id: str, officer: str, squad: str, at: datetime) -> None:
    es.index(
        index=f"{prefix}-actions",
        id=action_id,
        document={
            "action_id": action_id,
            "officer_id": officer,
            "officer_role": "officer",
            "co_officer_ids": [],
            "squad_id": squad,
            "occurred_at": at.isoformat(),
            "plate": "鲁R12345",
            "violation_type": "parking",
            "measures": {"fine_cny": 100, "points": 0},
        },
    )


# -- independent computations --------------------------------------------------------------------


def _hash_draw(seed: str, ids: list[str], n: int) -> list[str]:
    return sorted(ids, key=lambda a: hashlib.sha256(f"{seed}:{a}".encode()).hexdigest())[:n]


def _beta_cdf(x: float, a: float, b: float, steps: int = 20_000) -> float:
    """∫₀ˣ Beta(a, b) density by Simpson's rule (a, b ≥ 1 here: no singularity)."""
    if x <= 0:
        return 0.0
    log_norm = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)

    def pdf(t: float) -> float:
        if t <= 0 or t >= 1:
            return 0.0 if (t <= 0 and a > 1) or (t >= 1 and b > 1) else math.exp(log_norm)
        return math.exp(log_norm + (a - 1) * math.log(t) + (b - 1) * math.log1p(-t))

    h = x / steps
    total = pdf(0) + pdf(x) + sum((4 if i % 2 else 2) * pdf(i * h) for i in range(1, steps))
    return total * h / 3


def _quantile(q: float, a: float, b: float) -> float:
    lo, hi = 0.0, 1.0
    for _ in range(40):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if _beta_cdf(mid, a, b, 4000) < q else (lo, mid)
    return (lo + hi) / 2


def _estimate(samples: list[dict[str, Any]], sizes: dict[str, int]) -> tuple[float, float, float]:
    """The weighted rate and its Clopper–Pearson interval on Kish's effective n."""
    per: dict[str, list[bool]] = {}
    for s in samples:
        per.setdefault(s["officer_id"], []).append(s["outcome"] != "规范")
    weighted = [(sizes[o] / len(found), p) for o, found in per.items() for p in found]
    total = sum(w for w, _ in weighted)
    rate = sum(w for w, p in weighted if p) / total
    n = total**2 / sum(w * w for w, _ in weighted)
    x = rate * n
    return rate, _quantile(0.025, x, n - x + 1), _quantile(0.975, x + 1, n - x)


# -- the story ---------------------------------------------------------------------------------


def test_spot_check_story_on_the_real_stack(spot_settings: Settings, workers: None) -> None:
    s = spot_settings
    _put_week(s)
    with TestClient(create_app(s)) as api:
        auth = api.app.state.auth  # type: ignore[attr-defined]
        accounts = save_accounts(s, USERS.values())
        h = {k: bearer(auth, accounts[u.username]) for k, u in USERS.items()}

        goals = [{"squad_id": "mudan-1", "count": 6}, {"squad_id": "gaosu-1", "count": 3}]
        r = api.post("/spotchecks", json={"week": WEEK, "goals": goals}, headers=h["reviewer"])
        assert r.status_code == 403
        r = api.post("/spotchecks", json={"week": WEEK, "goals": goals}, headers=h["supervisor"])
        assert r.status_code == 201, r.text
        assert r.json()["plan"]["status"] == "set"
        r = api.post("/spotchecks", json={"week": WEEK, "goals": goals}, headers=h["supervisor"])
        assert r.status_code == 409  # one plan per week: its seed cannot be shopped for

        r = api.post(f"/spotchecks/{PLAN}/draw", headers=h["supervisor"])
        assert r.status_code == 200, r.text
        plan = r.json()["plan"]
        seed = hashlib.sha256(f"{PLAN}|{WEEK}".encode()).hexdigest()
        assert plan["seed"] == seed
        population = {st["officer_id"]: st for st in plan["population"]}
        assert FLAGGED not in population["M1"]["action_ids"] and population["M1"]["flagged"] == 1
        assert "M1-LASTWEEK" not in population["M1"]["action_ids"]
        assert {o: len(st["action_ids"]) for o, st in population.items()} == {
            "M1": 19, "M2": 8, "M3": 2, "G1": 10,
        }  # fmt: skip

        # Officers evenly: M3 has only 2, the other 4 of mudan-1's goal split 2 / 2.
        drawn: dict[str, list[str]] = {}
        for sample in plan["samples"]:
            drawn.setdefault(sample["officer_id"], []).append(sample["action_id"])
            assert sample["recording_ids"], sample  # the reviewer has something to watch
        assert {o: len(a) for o, a in drawn.items()} == {"M1": 2, "M2": 2, "M3": 2, "G1": 3}
        # The same seed draws the same sample: recomputed here with SHA-256 alone, and by the API.
        for officer, ids in drawn.items():
            assert sorted(ids) == sorted(
                _hash_draw(seed, population[officer]["action_ids"], len(ids))
            )
        r = api.get(f"/spotchecks/{PLAN}/verify", headers=h["reviewer"])
        assert r.json() == {"plan_id": PLAN, "seed": seed, "reproduced": True, "samples": 9}
        assert api.post(f"/spotchecks/{PLAN}/draw", headers=h["supervisor"]).status_code == 409

        # Nothing is visible to a squad leader before publication.
        assert api.get(f"/spotchecks/{PLAN}", headers=h["gaosu"]).status_code == 404

        # Reviewers record outcomes; a problem is a case missed by the analyzers.
        missed = drawn["M1"][0]
        cash = drawn["G1"][0]
        for sample in plan["samples"]:
            a = sample["action_id"]
            body = {"outcome": "言语不文明" if a == missed else "收现" if a == cash else "规范"}
            if a == cash:
                body["text"] = "民警收取现金 100 元未开票"
            r = api.post(
                f"/spotchecks/{PLAN}/samples/{a}/outcome", json=body, headers=h["reviewer"]
            )
            assert r.status_code == 200, r.text
        after = r.json()
        progress = {p["squad_id"]: p for p in after["report"]["progress"]}
        assert progress["mudan-1"] == {
            "squad_id": "mudan-1", "goal": 6, "drawn": 6, "done": 6, "due": 0, "problems": 1,
        }  # fmt: skip
        r = api.post(
            f"/spotchecks/{PLAN}/samples/{missed}/outcome",
            json={"outcome": "其他"},
            headers=h["reviewer"],
        )
        assert r.status_code == 422 and "须写明" in r.json()["detail"]

        # The missed problem became a pending case (case builder); a reviewer confirms it.
        case_id = f"C-{missed}"
        es = sync_client(s)
        try:
            cases = es.options(ignore_status=404)
            case = wait_for(
                lambda: cases.get(index=f"{s.index_prefix}-cases", id=case_id).get("_source"),
                timeout_s=180,
                what="the missed case",
            )
            assert case["status"] == "pending" and case["categories"] == ["verbal_abuse"]
            assert case["flags"][0]["rule_version"] == "spot-check-1"
            assert "分析器未标记" in case["flags"][0]["explanation"]
            r = api.post(
                f"/cases/{case_id}/decision",
                json={"decision": "confirm", "reason": "抽查回放确认民警言语不文明"},
                headers=h["reviewer"],
            )
            assert r.status_code == 200, r.text
        finally:
            es.close()

        # The estimate and its interval, computed here independently.
        report = after["report"]
        sizes = {o: len(st["action_ids"]) for o, st in population.items()}
        rate, low, high = _estimate(after["plan"]["samples"], sizes)
        overall = report["overall"]
        assert overall["reviewed"] == 9 and overall["problems"] == 2
        assert overall["rate"] == pytest.approx(rate, abs=1e-4)
        assert overall["low"] == pytest.approx(low, abs=2e-4)
        assert overall["high"] == pytest.approx(high, abs=2e-4)
        gaosu = next(r for r in report["by_squad"] if r["squad_id"] == "gaosu-1")
        g_rate, g_low, g_high = _estimate(
            [x for x in after["plan"]["samples"] if x["squad_id"] == "gaosu-1"], {"G1": 10}
        )
        assert (gaosu["rate"], gaosu["low"], gaosu["high"]) == pytest.approx(
            (g_rate, g_low, g_high), abs=2e-4
        )
        classes = {c["class"]: c["problems"] for c in report["by_class"]}
        assert classes == {"profit": 1, "excessive": 1, "procedure": 0}
        flagged = 1  # the pending case of the week
        assert report["recall"]["rate"] == pytest.approx(flagged / (flagged + rate * 39), abs=1e-4)

        # Published: the squad leader sees his squad's outcomes only.
        r = api.post(f"/spotchecks/{PLAN}/publish", headers=h["supervisor"])
        assert r.status_code == 200 and r.json()["plan"]["status"] == "published"
        r = api.get(f"/spotchecks/{PLAN}", headers=h["gaosu"])
        assert r.status_code == 200
        mine = r.json()["plan"]
        assert {x["squad_id"] for x in mine["samples"]} == {"gaosu-1"}
        assert [g["squad_id"] for g in mine["goals"]] == ["gaosu-1"]
        assert [p["squad_id"] for p in r.json()["report"]["by_squad"]] == ["gaosu-1"]

        # 《监察专刊》 一、本周监督概况 prints the same numbers as the console, once published.
        es = sync_client(s)
        try:
            aliases = ensure_indices(es, s)
            printed = spot_checks(es.search, aliases, IsoWeek.parse(WEEK))
        finally:
            es.close()
        assert printed is not None and printed["overall"] == report["overall"]

    # Kafka first: every step is on the topic, and the audit trail names who did what.
    events = read_topic(s, topics.SPOT_CHECKS, decode_event)
    kinds = [e.type for e in events if e.plan_id == PLAN]
    assert kinds[:2] == ["PlanSet", "SampleDrawn"] and kinds[-1] == "Published"
    assert kinds.count("OutcomeRecorded") == 9
    es = sync_client(s)
    try:
        es.indices.refresh(index=f"{s.index_prefix}-audit")
        hits = es.search(
            index=f"{s.index_prefix}-audit", query={"term": {"target": PLAN}}, size=100
        )["hits"]["hits"]
        actions = {(x["_source"]["actor"], x["_source"]["action"]) for x in hits}
    finally:
        es.close()
    assert {("zhang", "spotchecks.set"), ("zhang", "spotchecks.draw")} <= actions
    assert {("shen", "spotchecks.outcome"), ("wang", "spotchecks.view")} <= actions
