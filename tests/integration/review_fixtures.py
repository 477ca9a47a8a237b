"""Helpers for tests of the review service: accounts of every role, case and clip documents."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from api.security import Authenticator, User
from jiancha.elastic.client import sync_client
from jiancha.schemas.users import UserSaved
from jiancha.settings import Settings
from streams.accounts.users import new_user, save_user


@dataclass(frozen=True)
class Account:
    username: str
    role: str
    squad_id: str | None
    password: str


ACCOUNTS = {
    a.username: a
    for a in (
        Account("admin", "admin", None, "admin-pass-1"),
        Account("supervisor", "supervisor", None, "supervisor-pass-1"),
        Account("reviewer", "reviewer", None, "reviewer-pass-1"),
        Account("leader-mudan", "squad_leader", "mudan-1", "leader-pass-1"),
        Account("leader-gaosu", "squad_leader", "gaosu-1", "leader-pass-2"),
    )
}


def create_accounts(settings: Settings) -> None:
    """Every account of ``ACCOUNTS``, saved the way ``jiancha user add`` saves them."""
    es = sync_client(settings)
    try:
        for a in ACCOUNTS.values():
            user = new_user(a.username, a.role, a.password, squad_id=a.squad_id)
            save_user(settings, es, f"{settings.index_prefix}-users", user)
    finally:
        es.close()


def save_accounts(settings: Settings, users: Iterable[User]) -> dict[str, UserSaved]:
    """An account for each of ``users``, saved the way ``jiancha user add`` saves them.

    Tokens are checked against the account on every request, so a test that signs in as a user
    needs the account in the users index; saving an account again revokes its earlier tokens.
    """
    es = sync_client(settings)
    try:
        saved = {}
        for u in users:
            account = new_user(
                u.username, u.role, "test-pass-1", squad_id=u.squad_id, display_name=u.display_name
            )
            save_user(settings, es, f"{settings.index_prefix}-users", account)
            saved[u.username] = account
        return saved
    finally:
        es.close()


def bearer(auth: Authenticator, account: UserSaved) -> dict[str, str]:
    """Authorization headers with a token for ``account``, as ``POST /auth/token`` issues it."""
    return {"Authorization": f"Bearer {auth.issue(account)}"}


def login(api: TestClient, username: str) -> dict[str, str]:
    """Authorization headers for one of ``ACCOUNTS``."""
    resp = api.post(
        "/auth/token", data={"username": username, "password": ACCOUNTS[username].password}
    )
    assert resp.status_code == 200, resp.text
    return {"Authorization": f"Bearer {resp.json()['access_token']}"}


def case_document(
    case_id: str,
    squad_id: str,
    *,
    status: str = "pending",
    recording_ids: tuple[str, ...] = (),
    category: str = "cash_no_receipt",
    severity: int = 4,
    explanation: str = "民警索要现金且不开具票据。",
    excerpt: str = "罚款两百，现金给我就行",
    withdrawn: bool = False,
) -> dict[str, Any]:
    """A case as the analyzer indexes it (``streams.analysis.documents.case_document``)."""
    labels = {"pending": "待审核", "confirmed": "已确认", "dismissed": "已排除"}
    evidence = [
        {"recording_id": r, "start": 11.3, "end": 13.0, "excerpt": excerpt} for r in recording_ids
    ]
    return {
        "case_id": case_id,
        "officer_id": f"{squad_id}-officer",
        "squad_id": squad_id,
        "action_ids": [f"A-{case_id}"],
        "recording_ids": list(recording_ids),
        "occurred_at": "2026-04-01T18:32:29+08:00",
        "plate": "鲁R12345",
        "violation_type": "speeding",
        "categories": [category],
        "category_labels": ["现金收缴无票据"],
        "classes": ["profit"],
        "severity": severity,
        "priority": severity * 10,
        "flag_count": 1,
        "withdrawn": withdrawn,
        "status": status,
        "status_label": labels[status],
        "flags": [
            {
                "flag_id": f"F-{case_id}",
                "category": category,
                "label": "现金收缴无票据",
                "class": "profit",
                "severity": severity,
                "explanation": explanation,
                "rule_version": "test",
                "evidence": evidence,
            }
        ],
        "complaint_ids": [],
        "complaints": [],
    }


def clip_document(recording_id: str, squad_id: str, media: Path) -> dict[str, Any]:
    """A clip (recording + transcript) whose media is the local file ``media``."""
    return {
        "recording_id": recording_id,
        "device_id": "BWC-1",
        "device_type": "body_cam",
        "officer_ids": [f"{squad_id}-officer"],
        "squad_id": squad_id,
        "started_at": "2026-04-01T18:32:00+08:00",
        "ended_at": "2026-04-01T18:34:00+08:00",
        "uploaded_at": "2026-04-01T19:00:00+08:00",
        "duration_s": 120.0,
        "sha256": "0" * 64,
        "media_uri": media.resolve().as_uri(),
        "has_transcript": True,
        "transcript_text": "罚款两百，现金给我就行",
        "segments": [
            {"start": 11.3, "end": 13.0, "speaker": "officer", "text": "罚款两百，现金给我就行"}
        ],
    }


def index_documents(settings: Settings, family: str, docs: dict[str, dict[str, Any]]) -> None:
    """Index ``docs`` (by id) into ``family``'s alias and make them searchable."""
    es = sync_client(settings)
    try:
        alias = f"{settings.index_prefix}-{family}"
        for doc_id, doc in docs.items():
            es.index(index=alias, id=doc_id, document=doc)
        es.indices.refresh(index=alias)
    finally:
        es.close()


def sign_in(api: TestClient, settings: Settings, username: str = "reviewer") -> dict[str, str]:
    """Create one of ``ACCOUNTS`` and return its Authorization headers."""
    a = ACCOUNTS[username]
    es = sync_client(settings)
    try:
        user = new_user(a.username, a.role, a.password, squad_id=a.squad_id)
        save_user(settings, es, f"{settings.index_prefix}-users", user)
    finally:
        es.close()
    return login(api, username)
