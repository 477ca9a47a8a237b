"""The directory end to end: the topic → the worker's projection → the API; the admin's edits
(Kafka first, audited) and the accounts admin, each refused to everyone but the admin."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from jiancha import topics
from jiancha.elastic.client import sync_client
from jiancha.schemas.directory import OfficerSaved, Posting, SquadSaved
from streams.publisher import Publisher
from tests.conftest import wait_for
from tests.integration.review_fixtures import create_accounts, login

pytestmark = pytest.mark.integration

NOW = datetime(2026, 4, 30, 12, 0, tzinfo=UTC)


def _publish(settings, *entries) -> None:
    with Publisher(settings) as publisher:  # Kafka only: the worker must project it
        for e in entries:
            publisher.send(topics.DIRECTORY, e.key, e.to_json_bytes())


def _refresh(settings, family: str) -> None:
    es = sync_client(settings)
    try:
        es.indices.refresh(index=f"{settings.index_prefix}-{family}")
    finally:
        es.close()


def test_the_topic_feeds_names_search_and_officer_records(settings, start_worker):
    squads = [
        SquadSaved(code="mudan-1", name="牡丹区一中队", brigade="牡丹区大队", saved_at=NOW,
                   saved_by="seed"),
        SquadSaved(code="gaosu-1", name="高速一中队", brigade="高速大队", saved_at=NOW,
                   saved_by="seed"),
    ]  # fmt: skip
    moved = OfficerSaved(
        officer_id="GA403677",
        name="王建国",
        police_number="403677",
        postings=[
            Posting(squad_id="mudan-1", since=date(2026, 4, 1), until=date(2026, 4, 14)),
            Posting(squad_id="gaosu-1", since=date(2026, 4, 15)),
        ],
        saved_at=NOW,
        saved_by="seed",
    )
    other = OfficerSaved(
        officer_id="KA334083",
        name="李娜",
        postings=[Posting(squad_id="gaosu-1", since=date(2026, 4, 1))],
        saved_at=NOW,
        saved_by="seed",
    )
    _publish(settings, *squads, moved, other)
    start_worker()
    es = sync_client(settings)
    alias = f"{settings.index_prefix}-directory"
    try:

        def projected() -> bool:
            if not es.indices.exists(index=alias):  # the worker makes it at start
                return False
            es.indices.refresh(index=alias)
            return bool(es.count(index=alias)["count"] == 4)

        wait_for(projected, timeout_s=120, what="directory projected")
    finally:
        es.close()

    with TestClient(create_app(settings)) as api:
        create_accounts(settings)
        reviewer, leader = login(api, "reviewer"), login(api, "leader-mudan")
        names = api.get("/directory/names", headers=reviewer).json()
        assert names["squads"] == {"mudan-1": "牡丹区一中队", "gaosu-1": "高速一中队"}
        assert names["officers"] == {"GA403677": "王建国", "KA334083": "李娜"}
        # a squad leader sees every squad but only officers who served in his squad
        mine = api.get("/directory/names", headers=leader).json()
        assert mine["officers"] == {"GA403677": "王建国"}

        def codes(q: str, headers: dict[str, str], **params: str) -> list[str]:
            resp = api.get("/directory/search", headers=headers, params={"q": q, **params})
            assert resp.status_code == 200, resp.text
            return [e["code"] for e in resp.json()]

        assert codes("ga4", reviewer) == ["GA403677"]  # lower case, a prefix
        assert codes("建国", reviewer) == ["GA403677"]  # part of a name
        assert codes("高速", reviewer) == ["gaosu-1"]
        assert codes("李", leader) == []  # another squad's officer
        assert codes("牡丹", reviewer, kind="officer") == []

        record = api.get("/directory/officers/GA403677", headers=leader)
        assert record.status_code == 200
        body = record.json()
        assert (body["name"], body["role_label"], body["squad_id"]) == ("王建国", "民警", "gaosu-1")
        assert [(p["squad_name"], p["until"]) for p in body["postings"]] == [
            ("牡丹区一中队", "2026-04-14"),
            ("高速一中队", None),
        ]
        assert api.get("/directory/officers/KA334083", headers=leader).status_code == 404
        _refresh(settings, "audit")
        trail = api.get(
            "/audit", headers=login(api, "admin"), params={"action": "directory.view"}
        ).json()
        assert [a["target"] for a in trail["items"]] == ["GA403677"]


def test_only_the_admin_edits_the_directory_and_accounts(settings):
    with TestClient(create_app(settings)) as api:
        create_accounts(settings)
        admin = login(api, "admin")
        squad = {"name": "牡丹区一中队", "brigade": "牡丹区大队"}
        officer = {
            "name": "张伟",
            "police_number": "100001",
            "role": "officer",
            "postings": [{"squad_id": "mudan-1", "since": "2026-04-01"}],
        }
        for who in ("supervisor", "reviewer", "leader-mudan"):
            h = login(api, who)
            assert api.put("/directory/squads/mudan-1", headers=h, json=squad).status_code == 403
            assert api.put("/directory/officers/MU1", headers=h, json=officer).status_code == 403
            assert api.get("/users", headers=h).status_code == 403
            new = {"username": "x1", "role": "reviewer", "display_name": "x", "password": "p" * 9}
            assert api.post("/users", headers=h, json=new).status_code == 403
            assert api.post("/users/reviewer/password", headers=h, json={}).status_code == 403
        assert api.put("/directory/squads/mudan-1", json=squad).status_code == 401

        # validation, in Chinese
        missing = api.put("/directory/officers/MU1", headers=admin, json=officer)
        assert missing.status_code == 400 and "名录中没有中队：mudan-1" in missing.json()["detail"]
        assert api.put("/directory/squads/mudan-1", headers=admin, json=squad).status_code == 200
        later = {"squad_id": "mudan-1", "since": "2026-04-03"}
        overlap = {**officer, "postings": [*officer["postings"], later]}
        resp = api.put("/directory/officers/MU1", headers=admin, json=overlap)
        assert resp.status_code == 400 and "日期重叠" in resp.json()["detail"]
        bad = api.put("/directory/squads/<x>", headers=admin, json=squad)
        assert bad.status_code in (404, 422)
        ok = api.put("/directory/officers/MU1", headers=admin, json=officer)
        assert ok.status_code == 200, ok.text
        assert api.get("/directory/names", headers=admin).json()["officers"] == {"MU1": "张伟"}

        # accounts
        listed = api.get("/users", headers=admin).json()
        assert {a["username"] for a in listed} >= {"admin", "reviewer", "leader-mudan"}
        assert all("password_hash" not in a for a in listed)
        new = {"username": "wang.fang", "role": "squad_leader", "squad_id": "nowhere-9",
               "display_name": "王芳", "password": "wang-fang-pass"}  # fmt: skip
        resp = api.post("/users", headers=admin, json=new)
        assert resp.status_code == 400 and "名录中没有中队" in resp.json()["detail"]
        resp = api.post("/users", headers=admin, json={**new, "squad_id": "mudan-1"})
        assert resp.status_code == 201, resp.text
        assert api.post("/users", headers=admin, json=new).status_code == 409
        fang = api.post("/auth/token", data={"username": "wang.fang", "password": new["password"]})
        fang_headers = {"Authorization": f"Bearer {fang.json()['access_token']}"}
        assert api.get("/auth/me", headers=fang_headers).status_code == 200

        reset = api.post("/users/wang.fang/password", headers=admin, json={}).json()
        assert len(reset["temporary_password"]) >= 12
        assert api.get("/auth/me", headers=fang_headers).status_code == 401  # old token revoked
        form = {"username": "wang.fang", "password": reset["temporary_password"]}
        fang_headers = {
            "Authorization": f"Bearer {api.post('/auth/token', data=form).json()['access_token']}"
        }
        off = api.patch("/users/wang.fang", headers=admin, json={"disabled": True})
        assert off.status_code == 200 and off.json()["disabled"] is True
        assert api.get("/auth/me", headers=fang_headers).status_code == 401
        to_reviewer = api.patch("/users/wang.fang", headers=admin, json={"role": "reviewer"})
        assert to_reviewer.json()["squad_id"] is None
        itself = api.patch("/users/admin", headers=admin, json={"disabled": True})
        assert itself.status_code == 400 and "不能停用自己" in itself.json()["detail"]

        _refresh(settings, "audit")
        actions = {
            a["action"]
            for a in api.get("/audit", headers=admin, params={"target": "wang.fang"}).json()[
                "items"
            ]
        }
        assert {"users.create", "users.reset_password", "users.change"} <= actions


def test_the_policies_page_merges_the_seed_and_the_topic(settings):
    from jiancha.schemas.policies import Policy
    from streams.admin import ensure_topics

    ensure_topics(settings)
    override = Policy(
        policy_id="heze-peony-festival-2026",
        name="牡丹文化旅游节（延长）",
        valid_from=datetime(2026, 4, 1, tzinfo=UTC),
        valid_to=datetime(2026, 4, 30, tzinfo=UTC),
        effect="correct_only",
    )
    with Publisher(settings) as publisher:
        publisher.send(topics.POLICIES, override.key, override.to_json_bytes())
    with TestClient(create_app(settings)) as api:
        create_accounts(settings)
        assert api.get("/policies", headers=login(api, "reviewer")).status_code == 403
        listed = api.get("/policies", headers=login(api, "admin"))
        assert listed.status_code == 200, listed.text
        by_id = {p["policy_id"]: p for p in listed.json()}
        peony = by_id["heze-peony-festival-2026"]
        assert (peony["name"], peony["source"], peony["effect_label"]) == (
            "牡丹文化旅游节（延长）",
            "topic",
            "只纠正不处罚",
        )
        assert any(p["source"] == "seed" for p in by_id.values())
