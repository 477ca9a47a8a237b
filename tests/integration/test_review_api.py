"""The review API on the real Kafka and Elasticsearch: roles, squad scope, tokens, decisions
under concurrency, media with Range, and the audit trail."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from api.deps import SharedPublisher
from api.main import create_app
from jiancha import topics
from jiancha.auth.secret import signing_key
from jiancha.auth.tokens import Claims, issue_token
from jiancha.elastic.client import sync_client
from jiancha.settings import Settings
from streams.accounts.users import user_from_source
from streams.admin import ensure_topics
from tests.conftest import drop_prefix
from tests.integration.review_fixtures import (
    ACCOUNTS,
    case_document,
    clip_document,
    create_accounts,
    index_documents,
    login,
)
from tests.kafka_tools import read_topic

pytestmark = pytest.mark.integration

MEDIA_BYTES = os.urandom(300_000)


class Review:
    """One app on its own topics and indices, with accounts, cases and clips."""

    def __init__(self, settings: Settings, api: TestClient) -> None:
        self.settings = settings
        self.api = api
        self.headers = {name: login(api, name) for name in ACCOUNTS}
        self.headers["anonymous"] = {}

    def get(self, path: str, who: str, **kw: Any) -> httpx.Response:
        return self.api.get(path, headers=self.headers[who], **kw)

    def post(self, path: str, who: str, **kw: Any) -> httpx.Response:
        return self.api.post(path, headers=self.headers[who], **kw)

    def es_get(self, family: str, doc_id: str) -> dict[str, Any]:
        es = sync_client(self.settings)
        try:
            return dict(es.get(index=f"{self.settings.index_prefix}-{family}", id=doc_id).body)
        finally:
            es.close()

    def audit(self, **params: Any) -> list[dict[str, Any]]:
        es = sync_client(self.settings)
        es.indices.refresh(index=f"{self.settings.index_prefix}-audit")
        es.close()
        resp = self.get("/audit", "supervisor", params={"size": 200, **params})
        assert resp.status_code == 200, resp.text
        return resp.json()["items"]  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def review(stack: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Review]:
    """Module-wide, so the accounts are made once (argon2 and refresh=wait_for take time).

    The cases here are read-only: no test decides them, so every test sees them as they are
    whatever ran before it. A test that decides a case makes its own with ``new_case``.
    """
    name = f"t{uuid.uuid4().hex[:10]}"
    media = tmp_path_factory.mktemp("media") / "REC-M1.m4a"
    media.write_bytes(MEDIA_BYTES)
    settings = Settings(
        topic_prefix=f"{name}-",
        index_prefix=name,
        app_id=name,
        partitions=3,
        media_root=media.parent,  # the API serves media only from here (and the upload store)
    )
    ensure_topics(settings)
    try:
        with TestClient(create_app(settings)) as api:
            create_accounts(settings)
            index_documents(
                settings,
                "clips",
                {
                    "REC-M1": clip_document("REC-M1", "mudan-1", media),
                    "REC-G1": clip_document("REC-G1", "gaosu-1", media),
                    "REC-GONE": clip_document("REC-GONE", "mudan-1", Path("/nonexistent.m4a")),
                },
            )
            index_documents(
                settings,
                "cases",
                {
                    "C-PENDING": case_document("C-PENDING", "mudan-1", recording_ids=("REC-M1",)),
                    "C-CONFIRMED": case_document(
                        "C-CONFIRMED", "mudan-1", status="confirmed", recording_ids=("REC-M1",)
                    ),
                    "C-GAOSU": case_document(
                        "C-GAOSU",
                        "gaosu-1",
                        category="quota",
                        severity=3,
                        explanation="民警提到罚款任务指标。",
                        excerpt="这个月指标还差五单",
                    ),
                    "C-WITHDRAWN": case_document("C-WITHDRAWN", "gaosu-1", withdrawn=True),
                },
            )
            yield Review(settings, api)
    finally:
        drop_prefix(settings)


@pytest.fixture
def new_case(review: Review) -> Iterator[Callable[..., str]]:
    """Pending cases of mudan-1 for this test alone (unique ids), deleted at teardown so that
    no other test's searches or counts see them or what this test did to them."""
    made: list[str] = []

    def new(name: str, **fields: Any) -> str:
        case_id = f"{name}-{uuid.uuid4().hex[:8]}"
        document = case_document(case_id, "mudan-1", **fields)
        index_documents(review.settings, "cases", {case_id: document})
        made.append(case_id)
        return case_id

    yield new
    es = sync_client(review.settings)
    try:
        for case_id in made:
            es.delete(index=f"{review.settings.index_prefix}-cases", id=case_id, refresh=True)
    finally:
        es.close()


ROLES = ["anonymous", "admin", "supervisor", "reviewer", "leader-mudan", "leader-gaosu"]

# route → expected status per role (anonymous, admin, supervisor, reviewer, leader of mudan-1,
# leader of gaosu-1). None of these requests changes anything.
MATRIX: list[tuple[str, str, dict[str, Any], tuple[int, ...]]] = [
    ("GET", "/healthz", {}, (200, 200, 200, 200, 200, 200)),
    ("GET", "/auth/me", {}, (401, 200, 200, 200, 200, 200)),
    ("GET", "/clips/search", {"params": {"q": "现金"}}, (401, 200, 200, 200, 403, 403)),
    ("GET", "/clips/REC-M1/media", {}, (401, 200, 200, 200, 200, 404)),
    # REC-G1 is gaosu-1's, but no confirmed case of gaosu-1 cites it: not its leader's business.
    ("GET", "/clips/REC-G1/media", {}, (401, 200, 200, 200, 404, 404)),
    ("POST", "/recordings", {}, (401, 422, 422, 422, 403, 403)),
    ("GET", "/cases", {}, (401, 200, 200, 200, 200, 200)),
    ("GET", "/cases/C-PENDING", {}, (401, 200, 200, 200, 404, 404)),
    ("GET", "/cases/C-CONFIRMED", {}, (401, 200, 200, 200, 200, 404)),
    ("GET", "/cases/C-NONE", {}, (401, 404, 404, 404, 404, 404)),
    (
        "POST",
        "/cases/C-PENDING/decision",
        {"json": {"decision": "confirm", "reason": " "}},  # refused after authorisation
        (401, 403, 422, 422, 403, 403),
    ),
    ("GET", "/audit", {}, (401, 200, 200, 403, 403, 403)),
    # Issue 16: a session renewed in use; the supervisor's reversal and voiding (refused after
    # authorisation: a blank reason, a week never compiled).
    ("POST", "/auth/refresh", {}, (401, 200, 200, 200, 200, 200)),
    (
        "POST",
        "/cases/C-PENDING/reversal",
        {"json": {"reason": " "}},
        (401, 403, 422, 403, 403, 403),
    ),
    ("POST", "/bulletins/2026-W14/void", {"json": {"reason": "x"}}, (401, 403, 404, 403, 403, 403)),
]


def test_authorisation_matrix(review: Review) -> None:
    got = {
        (method, path): tuple(
            review.api.request(method, path, headers=review.headers[who], **kw).status_code
            for who in ROLES
        )
        for method, path, kw, _ in MATRIX
    }
    assert got == {(method, path): want for method, path, _, want in MATRIX}
    # Every route of this part is in the matrix (orders are tested with the order lifecycle).
    ours = {
        (m, r.path)  # type: ignore[attr-defined]
        for r in review.api.app.routes  # type: ignore[attr-defined]
        for m in getattr(r, "methods", set()) - {"HEAD"}
        if not r.path.startswith(("/docs", "/openapi", "/redoc", "/orders", "/rectification"))  # type: ignore[attr-defined]
    }
    covered = {(m, p.replace("REC-M1", "{recording_id}").replace("C-PENDING", "{case_id}"))
               for m, p, _, _ in MATRIX}  # fmt: skip
    missing = ours - covered - {("POST", "/auth/token")}
    assert not missing, f"routes missing from the matrix: {missing}"


def test_errors_are_chinese(review: Review) -> None:
    assert review.get("/cases", "anonymous").json()["detail"].startswith("未登录")
    assert review.get("/audit", "reviewer").json()["detail"].startswith("无权访问")
    assert review.get("/cases/C-PENDING", "leader-gaosu").json()["detail"] == "案件不存在"
    refused = review.post(
        "/cases/C-PENDING/decision", "reviewer", json={"decision": "confirm", "reason": ""}
    )
    assert refused.json()["detail"] == "请填写处理理由"


def test_tampered_forged_and_expired_tokens_are_refused(review: Review) -> None:
    good = review.headers["reviewer"]["Authorization"].removeprefix("Bearer ")
    header, payload, signature = good.split(".")
    flipped = signature[:-4] + ("AAAA" if not signature.endswith("AAAA") else "BBBB")
    key = signing_key(review.settings)
    admin = user_from_source(review.es_get("users", "admin")["_source"])
    version = review.api.app.state.auth.version_of(admin)  # type: ignore[attr-defined]
    claims = Claims("admin", "admin", None, "管理员", version)
    now = datetime.now(UTC)
    tokens = {
        "bad signature": f"{header}.{payload}.{flipped}",
        "other key": issue_token(claims, b"z" * 32, now, timedelta(minutes=5)),
        "expired": issue_token(claims, key, now - timedelta(hours=1), timedelta(minutes=30)),
        "garbage": "not-a-token",
    }
    for what, token in tokens.items():
        resp = review.api.get("/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert resp.status_code == 401, what
        assert resp.headers["www-authenticate"] == "Bearer"
        assert "登录" in resp.json()["detail"], what
    expired = review.api.get("/auth/me", headers={"Authorization": f"Bearer {tokens['expired']}"})
    assert expired.json()["detail"] == "登录已过期，请重新登录"
    fresh = issue_token(claims, key, now, timedelta(minutes=5))
    assert (
        review.api.get("/auth/me", headers={"Authorization": f"Bearer {fresh}"}).status_code == 200
    )


def test_login_rate_limit(review: Review) -> None:
    wrong = {"username": "reviewer", "password": "wrong-password"}
    codes = [review.api.post("/auth/token", data=wrong).status_code for _ in range(6)]
    assert codes == [401] * 5 + [429]
    limited = review.api.post(
        "/auth/token", data={**wrong, "password": ACCOUNTS["reviewer"].password}
    )
    assert limited.status_code == 429  # even the right password waits out the window
    assert 0 < int(limited.headers["retry-after"]) <= 300
    assert "登录失败次数过多" in limited.json()["detail"]
    # Another account from the same machine is not affected.
    assert (
        review.api.post(
            "/auth/token",
            data={"username": "supervisor", "password": ACCOUNTS["supervisor"].password},
        ).status_code
        == 200
    )
    review.api.app.state.auth.limiter.succeeded("reviewer", "testclient")  # type: ignore[attr-defined]


def test_case_search_filters_facets_and_scope(review: Review) -> None:
    body = review.get("/cases", "reviewer").json()
    ids = [c["case_id"] for c in body["items"]]
    assert "C-WITHDRAWN" not in ids and set(ids) >= {"C-PENDING", "C-CONFIRMED", "C-GAOSU"}
    priorities = [c["priority"] for c in body["items"]]
    assert priorities == sorted(priorities, reverse=True)
    assert body["facets"]["squads"]["gaosu-1"] == 1 and body["facets"]["categories"]["quota"] == 1
    with_withdrawn = review.get("/cases", "reviewer", params={"include_withdrawn": True}).json()
    assert "C-WITHDRAWN" in [c["case_id"] for c in with_withdrawn["items"]]

    def ids_for(**params: Any) -> set[str]:
        resp = review.get("/cases", "reviewer", params=params)
        assert resp.status_code == 200, resp.text
        return {c["case_id"] for c in resp.json()["items"]}

    assert ids_for(q="指标") == {"C-GAOSU"}  # an evidence excerpt
    assert ids_for(q="任务指标") == {"C-GAOSU"}  # an explanation
    assert ids_for(q="指 标") == {"C-GAOSU"}
    assert ids_for(q="标指") == set()  # phrase, not characters
    assert ids_for(category="quota") == {"C-GAOSU"}
    assert ids_for(min_severity=4, squad_id="gaosu-1") == set()
    assert ids_for(status="confirmed") == {"C-CONFIRMED"}
    assert ids_for(start="2026-05-01T00:00:00+08:00") == set()
    # Squad leaders: their squad's confirmed cases only, whatever they ask for.
    assert {c["case_id"] for c in review.get("/cases", "leader-mudan").json()["items"]} == {
        "C-CONFIRMED"
    }
    assert review.get("/cases", "leader-gaosu", params={"squad_id": "mudan-1"}).json()["total"] == 0


def test_case_detail_links_clips_and_media(review: Review) -> None:
    case = review.get("/cases/C-CONFIRMED", "leader-mudan").json()
    assert case["flags"][0]["evidence"][0] == {
        "recording_id": "REC-M1", "start": 11.3, "end": 13.0, "excerpt": "罚款两百，现金给我就行",
    }  # fmt: skip
    [clip] = case["clips"]
    assert clip["recording_id"] == "REC-M1" and clip["media_url"] == "/clips/REC-M1/media"
    assert clip["segments"][0]["text"] == "罚款两百，现金给我就行"


def test_media_range_requests(review: Review) -> None:
    size = len(MEDIA_BYTES)
    whole = review.get("/clips/REC-M1/media", "reviewer")
    assert whole.status_code == 200 and whole.content == MEDIA_BYTES
    assert whole.headers["accept-ranges"] == "bytes"
    assert whole.headers["content-type"] == "audio/mp4"
    for header, first, last in [
        ("bytes=1000-1999", 1000, 1999),
        ("bytes=250000-", 250000, size - 1),
        ("bytes=-500", size - 500, size - 1),
        ("bytes=299000-999999", 299000, size - 1),
    ]:
        part = review.api.get(
            "/clips/REC-M1/media", headers={**review.headers["leader-mudan"], "Range": header}
        )
        assert part.status_code == 206, header
        assert part.content == MEDIA_BYTES[first : last + 1], header
        assert part.headers["content-range"] == f"bytes {first}-{last}/{size}"
        assert int(part.headers["content-length"]) == last - first + 1
    beyond = review.api.get(
        "/clips/REC-M1/media", headers={**review.headers["reviewer"], "Range": f"bytes={size}-"}
    )
    assert beyond.status_code == 416 and beyond.headers["content-range"] == f"bytes */{size}"
    missing = review.get("/clips/REC-GONE/media", "reviewer")
    assert missing.status_code == 404 and "录像文件不可用" in missing.json()["detail"]
    assert "nonexistent" not in missing.text  # issue 13: no server path in the answer
    assert review.get("/clips/REC-NONE/media", "reviewer").status_code == 404


def _case_events(settings: Settings, case_id: str) -> list[dict[str, Any]]:
    return [e for e in read_topic(settings, topics.CASE_EVENTS) if e["case_id"] == case_id]


def test_concurrent_decisions_one_wins(review: Review, new_case: Callable[..., str]) -> None:
    case_id = new_case("C-RACE")

    async def race() -> list[httpx.Response]:
        app = create_app(review.settings)
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://api") as client:
                decisions = [
                    ("reviewer", "confirm", "录像中民警索要现金，确认"),
                    ("supervisor", "dismiss", "证据不足，排除"),
                    ("reviewer", "dismiss", "重复提交"),
                ]
                return await asyncio.gather(
                    *(
                        client.post(
                            f"/cases/{case_id}/decision",
                            headers=review.headers[who],
                            json={"decision": decision, "reason": reason},
                        )
                        for who, decision, reason in decisions
                    )
                )

    responses = asyncio.run(race())
    codes = sorted(r.status_code for r in responses)
    assert codes == [200, 409, 409], [r.text for r in responses]
    winner = next(r.json() for r in responses if r.status_code == 200)
    loser = next(r.json() for r in responses if r.status_code == 409)
    assert loser["detail"].startswith("案件已被他人处理")
    doc = review.es_get("cases", case_id)["_source"]
    assert doc["status"] == winner["status"] and len(doc["history"]) == 1
    assert doc["history"][0]["event_id"] == winner["event_id"] == doc["decision"]["event_id"]
    # Exactly one event on Kafka: the one that stood.
    [event] = _case_events(review.settings, case_id)
    assert event["event_id"] == winner["event_id"] and event["to_status"] == doc["status"]
    # The decided case is shown with its history; deciding it again is refused.
    detail = review.get(f"/cases/{case_id}", "supervisor").json()
    assert detail["history"][0]["to_status"] == winner["status"]
    again = review.post(
        f"/cases/{case_id}/decision", "reviewer", json={"decision": "confirm", "reason": "再次"}
    )
    assert again.status_code == 409


def test_decision_is_undone_when_kafka_refuses(
    review: Review, new_case: Callable[..., str]
) -> None:
    case_id = new_case("C-KAFKA")
    app = review.api.app
    working = app.state.publisher  # type: ignore[attr-defined]
    app.state.publisher = SharedPublisher(  # type: ignore[attr-defined]
        review.settings.model_copy(update={"kafka_bootstrap": "127.0.0.1:1"})
    )
    try:
        resp = review.post(
            f"/cases/{case_id}/decision", "reviewer", json={"decision": "confirm", "reason": "确认"}
        )
    finally:
        app.state.publisher = working  # type: ignore[attr-defined]
    assert resp.status_code == 503 and "未生效" in resp.json()["detail"]
    doc = review.es_get("cases", case_id)["_source"]
    assert doc["status"] == "pending" and doc["history"] == [] and doc["decision"] is None
    assert _case_events(review.settings, case_id) == []
    ok = review.post(
        f"/cases/{case_id}/decision", "reviewer", json={"decision": "dismiss", "reason": "误报"}
    )
    assert ok.status_code == 200 and ok.json()["status_label"] == "已排除"


def test_audit_holds_searches_views_media_and_decisions(
    review: Review, new_case: Callable[..., str]
) -> None:
    case_id = new_case("C-PENDING", recording_ids=("REC-M1",))
    review.get("/clips/search", "reviewer", params={"q": "现金"})
    review.get("/cases", "reviewer", params={"q": "指标"})
    review.get("/cases/C-CONFIRMED", "leader-mudan")
    review.api.get("/clips/REC-M1/media", headers={**review.headers["admin"], "Range": "bytes=0-9"})
    review.post(
        f"/cases/{case_id}/decision", "supervisor", json={"decision": "confirm", "reason": "属实"}
    )
    trail = review.audit()
    seen = {(a["actor"], a["action"], a["target"]) for a in trail}
    assert {
        ("reviewer", "clips.search", "q=%E7%8E%B0%E9%87%91"),
        ("reviewer", "cases.search", "q=%E6%8C%87%E6%A0%87"),
        ("leader-mudan", "cases.view", "C-CONFIRMED"),
        ("admin", "clips.media", "REC-M1"),
        ("supervisor", "cases.decide", case_id),
        ("reviewer", "auth.login", "reviewer"),
    } <= seen
    decided = next(a for a in trail if a["action"] == "cases.decide" and a["target"] == case_id)
    assert decided["detail"]["reason"] == "属实" and decided["client_ip"] == "testclient"
    assert decided["role"] == "supervisor" and decided["path"] == f"/cases/{case_id}/decision"
    # Filters and paging.
    only = review.audit(user="leader-mudan", action="cases.view")
    assert only and all(a["actor"] == "leader-mudan" and a["action"] == "cases.view" for a in only)
    page = review.get("/audit", "admin", params={"size": 2, "page": 1}).json()
    assert len(page["items"]) == 2 and page["total"] == len(trail)
    ats = [a["at"] for a in trail]
    assert ats == sorted(ats, reverse=True)
