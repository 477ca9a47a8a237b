"""Issue 13, access to evidence: revoked tokens, squad scope, attachments, the audit of refusals.

On the real Kafka + Elasticsearch (and, for attachments, a real ``jiancha worker``): each attack
fails, and the legitimate use next to it still works.
"""

from __future__ import annotations

import os
import urllib.parse
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from api.deps import SharedPublisher
from api.main import create_app
from api.security import User
from jiancha.auth.passwords import hash_password
from jiancha.elastic.client import sync_client
from jiancha.schemas.users import UserSaved
from jiancha.settings import Settings
from streams.accounts.users import new_user, save_user
from streams.admin import ensure_topics
from tests.conftest import Worker, drop_prefix
from tests.integration.review_fixtures import (
    case_document,
    clip_document,
    create_accounts,
    index_documents,
    login,
    save_accounts,
)

MEDIA = os.urandom(50_000)
PASSWORD = "test-pass-1"  # what ``save_accounts`` gives every account
#: A file that is a PDF by its first bytes and a web page by the rest.
POLYGLOT = b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n"
PDF = b"%PDF-1.7\n" + "整改学习记录".encode() * 50 + b"\n%%EOF\n"


class Access:
    """One app on its own topics and indices, with accounts, cases and recordings."""

    def __init__(self, settings: Settings, api: TestClient) -> None:
        self.settings = settings
        self.api = api
        self.headers = {
            name: login(api, name)
            for name in ("admin", "supervisor", "reviewer", "leader-mudan", "leader-gaosu")
        }

    def get(self, path: str, who: str | dict[str, str], **kw: Any) -> httpx.Response:
        headers = self.headers[who] if isinstance(who, str) else who
        return self.api.get(path, headers=headers, **kw)

    def post(self, path: str, who: str, **kw: Any) -> httpx.Response:
        return self.api.post(path, headers=self.headers[who], **kw)

    def sign_in(self, username: str, password: str = PASSWORD) -> httpx.Response:
        return self.api.post("/auth/token", data={"username": username, "password": password})

    def bearer(self, username: str, password: str = PASSWORD) -> dict[str, str]:
        resp = self.sign_in(username, password)
        assert resp.status_code == 200, resp.text
        return {"Authorization": f"Bearer {resp.json()['access_token']}"}

    def save(self, account: UserSaved) -> None:
        """Save an account as an admin's ``jiancha user add`` does (Kafka, then the index)."""
        es = sync_client(self.settings)
        try:
            save_user(self.settings, es, f"{self.settings.index_prefix}-users", account)
        finally:
            es.close()

    def refusals(self, actor: str) -> list[dict[str, Any]]:
        es = sync_client(self.settings)
        try:
            alias = f"{self.settings.index_prefix}-audit"
            es.indices.refresh(index=alias)
            query = {"bool": {"filter": [{"term": {"actor": actor}}]}}
            hits = es.search(index=alias, query=query, size=200)["hits"]["hits"]
        finally:
            es.close()
        return [h["_source"] for h in hits if h["_source"]["action"] == "access.refused"]

    def case(self, case_id: str) -> dict[str, Any]:
        es = sync_client(self.settings)
        try:
            return dict(es.get(index=f"{self.settings.index_prefix}-cases", id=case_id)["_source"])
        finally:
            es.close()


@pytest.fixture(scope="module")
def access(stack: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Access]:
    name = f"t{uuid.uuid4().hex[:10]}"
    media_root = tmp_path_factory.mktemp("media")  # media is served only from under the root
    settings = Settings(
        topic_prefix=f"{name}-",
        index_prefix=name,
        app_id=name,
        partitions=1,
        data_dir=tmp_path_factory.mktemp("data"),
        media_root=media_root,
        order_apply_timeout_s=120,  # the first order request waits for the worker to start
    )
    ensure_topics(settings)
    media = media_root / "REC.m4a"
    media.write_bytes(MEDIA)
    try:
        with TestClient(create_app(settings)) as api:
            create_accounts(settings)
            clips = {
                rid: clip_document(rid, squad, media)
                for rid, squad in (
                    ("REC-M1", "mudan-1"),  # cited by a confirmed case of mudan-1
                    ("REC-M2", "mudan-1"),  # cited by a pending case of mudan-1 only
                    ("REC-M3", "mudan-1"),  # cited by no case
                    ("REC-G1", "gaosu-1"),
                )
            }
            index_documents(settings, "clips", clips)
            cases = {
                "C-CONFIRMED": case_document(
                    "C-CONFIRMED", "mudan-1", status="confirmed", recording_ids=("REC-M1",)
                ),
                "C-PENDING": case_document("C-PENDING", "mudan-1", recording_ids=("REC-M2",)),
                "C-AUDIT": case_document("C-AUDIT", "mudan-1"),
                "C-GAOSU": case_document("C-GAOSU", "gaosu-1", status="confirmed"),
            }
            index_documents(settings, "cases", cases)
            yield Access(settings, api)
    finally:
        drop_prefix(settings)


# -- tokens: an account's change revokes its tokens at once --------------------------------------


def test_disabling_an_account_revokes_its_token(access: Access) -> None:
    [account] = save_accounts(
        access.settings, [User(username="rev-x", role="reviewer", display_name="审核员X")]
    ).values()
    token = access.bearer("rev-x")
    assert access.get("/cases/C-PENDING", token).status_code == 200  # legitimate use

    access.save(account.model_copy(update={"disabled": True, "saved_at": datetime.now(UTC)}))
    refused = access.get("/cases/C-PENDING", token)
    assert refused.status_code == 401 and "停用" in refused.json()["detail"]
    assert refused.headers["www-authenticate"] == "Bearer"
    assert access.sign_in("rev-x").status_code == 401

    # Enabled again: a new sign-in works; the token from before stays refused.
    access.save(account.model_copy(update={"saved_at": datetime.now(UTC)}))
    assert access.get("/cases/C-PENDING", access.bearer("rev-x")).status_code == 200
    assert access.get("/cases/C-PENDING", token).status_code == 401


def test_a_role_or_password_change_revokes_the_old_roles_access(access: Access) -> None:
    save_accounts(
        access.settings, [User(username="sup-x", role="supervisor", display_name="负责人X")]
    )
    as_supervisor = access.bearer("sup-x")
    assert access.get("/audit", as_supervisor).status_code == 200

    access.save(new_user("sup-x", "reviewer", PASSWORD, display_name="负责人X"))  # demoted
    refused = access.get("/audit", as_supervisor)
    assert refused.status_code == 401 and "重新登录" in refused.json()["detail"]
    as_reviewer = access.bearer("sup-x")
    assert access.get("/audit", as_reviewer).status_code == 403  # the new role's rights
    assert access.get("/cases/C-PENDING", as_reviewer).status_code == 200
    assert access.get("/auth/me", as_reviewer).json()["role"] == "reviewer"

    access.save(new_user("sup-x", "reviewer", "another-pass-2", display_name="负责人X"))
    assert access.get("/cases/C-PENDING", as_reviewer).status_code == 401
    new_password = access.bearer("sup-x", "another-pass-2")
    assert access.get("/cases/C-PENDING", new_password).status_code == 200


# -- scope: squad leaders see their squad's confirmed problems and the evidence behind them ----


def test_a_squad_leader_without_a_squad_sees_nothing(access: Access) -> None:
    # ``jiancha user add`` refuses such an account; one written some other way must fail closed.
    access.save(
        UserSaved(
            username="leader-none",
            role="squad_leader",
            squad_id=None,
            display_name="无中队",
            password_hash=hash_password(PASSWORD),
            saved_at=datetime.now(UTC),
            saved_by="legacy",
        )
    )
    none = access.bearer("leader-none")
    listed = access.get("/cases", none).json()
    assert listed["total"] == 0 and listed["items"] == []
    assert access.get("/cases", none, params={"squad_id": "mudan-1"}).json()["total"] == 0
    for path in ("/cases/C-CONFIRMED", "/cases/C-GAOSU", "/clips/REC-M1/media"):
        assert access.get(path, none).status_code == 404, path
    assert access.get("/orders", none).json()["total"] == 0
    # Next to it, a squad leader with a squad sees his squad's confirmed case.
    mudan = access.get("/cases", "leader-mudan").json()
    assert [c["case_id"] for c in mudan["items"]] == ["C-CONFIRMED"]


def test_a_squad_leader_plays_only_recordings_his_squads_confirmed_cases_cite(
    access: Access,
) -> None:
    assert access.get("/clips/REC-M1/media", "leader-mudan").content == MEDIA  # cited: 200
    for rid in ("REC-M2", "REC-M3"):  # his squad's, but pending or cited by nothing
        refused = access.get(f"/clips/{rid}/media", "leader-mudan")
        assert refused.status_code == 404 and refused.json()["detail"] == "录像不存在", rid
    assert access.get("/clips/REC-M1/media", "leader-gaosu").status_code == 404
    assert access.get("/clips/REC-M3/media", "reviewer").status_code == 200  # reviewers: all

    # Once the supervision center confirms the case citing REC-M2, it is his business.
    decided = access.post(
        "/cases/C-PENDING/decision", "reviewer", json={"decision": "confirm", "reason": "属实"}
    )
    assert decided.status_code == 200, decided.text
    assert access.get("/clips/REC-M2/media", "leader-mudan").status_code == 200
    [clip] = access.get("/cases/C-PENDING", "leader-mudan").json()["clips"]
    assert clip["recording_id"] == "REC-M2"


# -- the audit trail: refusals recorded, nothing served unaudited -----------------------------


def test_refusals_are_audited(access: Access) -> None:
    assert access.get("/cases/C-CONFIRMED", "leader-gaosu").status_code == 404
    assert access.get("/clips/REC-M1/media", "leader-gaosu").status_code == 404
    assert access.get("/audit", "reviewer").status_code == 403
    assert access.get("/cases/C-GAOSU", "leader-gaosu").status_code == 200  # legitimate

    gaosu = {(r["path"], r["detail"]["status"]) for r in access.refusals("leader-gaosu")}
    assert {("/cases/C-CONFIRMED", 404), ("/clips/REC-M1/media", 404)} <= gaosu
    assert ("/cases/C-GAOSU", 200) not in gaosu
    [forbidden] = [r for r in access.refusals("reviewer") if r["path"] == "/audit"]
    assert forbidden["detail"]["status"] == 403 and forbidden["role"] == "reviewer"
    assert forbidden["detail"]["reason"].startswith("无权访问") and forbidden["method"] == "GET"
    # Supervisors find them in the trail.
    trail = access.get("/audit", "supervisor", params={"action": "access.refused"}).json()
    assert {"leader-gaosu", "reviewer"} <= {r["actor"] for r in trail["items"]}


def test_with_the_audit_unavailable_no_evidence_is_served(access: Access) -> None:
    auditor = access.api.app.state.auditor  # type: ignore[attr-defined]
    working = auditor.publisher
    auditor.publisher = SharedPublisher(
        access.settings.model_copy(update={"kafka_bootstrap": "127.0.0.1:1"})
    )
    try:
        media = access.get("/clips/REC-M1/media", "reviewer")
        case = access.get("/cases/C-CONFIRMED", "leader-mudan")
        refusal = access.get("/cases/C-CONFIRMED", "leader-gaosu")
        decision = access.post(
            "/cases/C-AUDIT/decision", "reviewer", json={"decision": "confirm", "reason": "属实"}
        )
    finally:
        auditor.publisher = working
    for resp in (media, case, refusal, decision):
        assert resp.status_code == 503, resp.text
        assert "审计记录无法写入" in resp.json()["detail"]
    assert MEDIA[:1000] not in media.content
    doc = access.case("C-AUDIT")
    assert doc["status"] == "pending" and not doc.get("history") and not doc.get("decision")

    # The audit back: the same requests are served, and the decision is on the trail.
    assert access.get("/clips/REC-M1/media", "reviewer").content == MEDIA
    ok = access.post(
        "/cases/C-AUDIT/decision", "reviewer", json={"decision": "confirm", "reason": "属实"}
    )
    assert ok.status_code == 200, ok.text
    access.refusals("reviewer")  # refreshes the audit index
    trail = access.get("/audit", "supervisor", params={"action": "cases.decide"}).json()
    assert ok.json()["event_id"] in {r["detail"].get("event_id") for r in trail["items"]}


# -- attachments: typed and named by content, never rendered ---------------------------------


def test_a_polyglot_attachment_is_served_as_a_pdf_to_download(access: Access) -> None:
    worker = Worker(access.settings)
    try:
        drafted = access.post(
            "/orders", "reviewer", json={"case_ids": ["C-CONFIRMED"], "requirements": "整改"}
        )
        assert drafted.status_code == 201, drafted.text
        url = f"/orders/{drafted.json()['order_id']}"
        for who, step in (("supervisor", "issue"), ("leader-mudan", "acknowledge")):
            resp = access.post(f"{url}/{step}", who, json={})
            assert resp.status_code == 200, resp.text
        answered = access.post(
            f"{url}/answers",
            "leader-mudan",
            data={"text": "整改汇报"},
            files=[
                ("files", ("\u202e报告lmth.html", POLYGLOT, "text/html")),
                ("files", ("学习记录.pdf", PDF, "application/pdf")),
            ],
        )
        assert answered.status_code == 200, answered.text
    finally:
        worker.stop()
    polyglot, pdf = answered.json()["answers"][0]["attachments"]

    got = access.get(f"{url}/attachments/{polyglot['sha256']}", "supervisor")
    assert got.status_code == 200 and got.content == POLYGLOT
    sha = polyglot["sha256"]
    assert got.headers["content-type"] == "application/pdf"
    assert got.headers["x-content-type-options"] == "nosniff"
    disposition = got.headers["content-disposition"]
    assert disposition.startswith(f"attachment; filename=\"{sha}.pdf\"; filename*=UTF-8''")
    offered = urllib.parse.unquote(disposition.split("filename*=UTF-8''", 1)[1])
    assert offered == "报告lmth.pdf"  # no right-to-left override, the content's type
    assert "html" not in disposition.split(";")[1]
    store = access.settings.data_dir / "attachments" / sha[:2]
    assert [p.name for p in store.iterdir()] == [f"{sha}.pdf"]

    # The legitimate PDF keeps its name for the person who downloads it.
    got = access.get(f"{url}/attachments/{pdf['sha256']}", "leader-mudan")
    assert got.status_code == 200 and got.content == PDF
    offered = urllib.parse.unquote(got.headers["content-disposition"].split("''", 1)[1])
    assert offered == "学习记录.pdf"

    # Another squad's leader: not found, and the refusal audited.
    assert access.get(f"{url}/attachments/{sha}", "leader-gaosu").status_code == 404
    paths = {r["path"] for r in access.refusals("leader-gaosu")}
    assert f"{url}/attachments/{sha}" in paths

    # With the audit down, the attachment is not served.
    auditor = access.api.app.state.auditor  # type: ignore[attr-defined]
    working = auditor.publisher
    auditor.publisher = SharedPublisher(
        access.settings.model_copy(update={"kafka_bootstrap": "127.0.0.1:1"})
    )
    try:
        unaudited = access.get(f"{url}/attachments/{sha}", "supervisor")
    finally:
        auditor.publisher = working
    assert unaudited.status_code == 503 and unaudited.content != POLYGLOT
