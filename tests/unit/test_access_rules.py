"""Issue 13's access rules without services: account versions, squad scope, download names."""

from __future__ import annotations

import asyncio
import urllib.parse
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from api.security import Authenticator
from jiancha.auth.ratelimit import LoginLimiter
from jiancha.auth.tokens import Claims, InvalidToken, account_version, issue_token, read_token
from jiancha.schemas.users import UserSaved
from streams.review.attachments import (
    content_disposition,
    download_name,
    find_stored,
    path_of,
)
from streams.review.cases import CaseQuery, Scope, case_search_body

KEY = b"k" * 32
NOW = datetime(2026, 4, 1, 8, 0, tzinfo=UTC)
ACCOUNT = UserSaved(
    username="shen",
    role="reviewer",
    display_name="沈审核",
    password_hash="$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
    saved_at=NOW,
    saved_by="cli",
)


def _auth() -> Authenticator:
    return Authenticator(KEY, timedelta(minutes=30), LoginLimiter(5, 300, lambda: 0.0), lambda: NOW)


def test_the_account_version_travels_in_the_token_and_hides_the_fields():
    version = account_version(KEY, "shen", "reviewer", ACCOUNT.password_hash)
    token = issue_token(Claims("shen", "reviewer", None, "沈审核", version), KEY, NOW, timedelta(1))
    assert read_token(token, KEY, NOW).account_version == version
    assert ACCOUNT.password_hash not in version and len(version) == 32
    # Length-prefixed fields: moving a boundary is another version; another key too.
    assert account_version(KEY, "ab", "c") != account_version(KEY, "a", "bc")
    assert account_version(b"x" * 32, "shen") != account_version(KEY, "shen")
    unversioned = issue_token(Claims("a", "admin", None, "a"), KEY, NOW, timedelta(1))
    assert read_token(unversioned, KEY, NOW).account_version is None


@pytest.mark.parametrize(
    "change",
    [
        {"role": "supervisor"},
        {"squad_id": "mudan-1"},
        {"password_hash": "$argon2id$other"},
        {"saved_at": NOW + timedelta(seconds=1)},
    ],
)
def test_any_change_of_the_account_revokes_its_tokens(change: dict[str, object]) -> None:
    auth = _auth()
    claims = auth.read(auth.issue(ACCOUNT))
    assert auth.admit(claims, ACCOUNT).role == "reviewer"
    with pytest.raises(InvalidToken, match="重新登录"):
        auth.admit(claims, ACCOUNT.model_copy(update=change))


def test_a_disabled_missing_or_unversioned_account_is_refused():
    auth = _auth()
    claims = auth.read(auth.issue(ACCOUNT))
    with pytest.raises(InvalidToken, match="停用"):
        auth.admit(claims, ACCOUNT.model_copy(update={"disabled": True}))
    with pytest.raises(InvalidToken, match="停用或不存在"):
        auth.admit(claims, None)
    old = Claims("shen", "reviewer", None, "沈审核")  # a token from before versions
    with pytest.raises(InvalidToken):
        auth.admit(old, ACCOUNT)


def test_without_an_account_store_no_token_is_admitted():
    auth = _auth()
    with pytest.raises(InvalidToken):
        asyncio.run(auth.authenticate(auth.issue(ACCOUNT)))


def test_a_squad_leader_without_a_squad_is_scoped_to_nothing():
    class Leader:
        username, role, squad_id = "x", "squad_leader", None

    scope = Scope.of(Leader())  # type: ignore[arg-type]
    assert scope.limited
    confirmed = {"squad_id": None, "status": "confirmed"}
    assert not scope.admits(confirmed) and not scope.admits({**confirmed, "squad_id": "mudan-1"})
    body = case_search_body(CaseQuery(), scope)
    assert {"match_none": {}} in body["query"]["bool"]["filter"]
    assert {"match_none": {}} in scope.cases_citing("REC-1")["bool"]["filter"]


def test_recordings_a_squad_leader_may_play_are_cited_by_his_visible_cases():
    query = Scope("mudan-1", squad_leader=True).cases_citing("REC-1")["bool"]
    assert query["filter"] == [
        {"term": {"recording_ids": "REC-1"}},
        {"term": {"squad_id": "mudan-1"}},
    ]
    assert query["must_not"] == [{"terms": {"status": ["pending", "dismissed"]}}]
    assert Scope().cases_citing("REC-1")["bool"] == {
        "filter": [{"term": {"recording_ids": "REC-1"}}],
        "must_not": [],
    }


@pytest.mark.parametrize(
    ("original", "kind", "offered"),
    [
        ("学习记录.pdf", "pdf", "学习记录.pdf"),
        ("报告.html", "pdf", "报告.pdf"),
        ("\u202e报告lmth.html", "pdf", "报告lmth.pdf"),  # right-to-left override dropped
        ("../../etc/passwd", "png", "_.png"),  # no separators, no leading dots
        ('a"; filename=evil.html\r\n.jpeg', "jpeg", "a__ filename=evil.html.jpg"),
        ("", "docx", "附件.docx"),
        ("...", "xlsx", "附件.xlsx"),
        (None, "mp4", "附件.mp4"),
    ],
)
def test_download_names_are_sanitised_and_carry_the_detected_type(
    original: str | None, kind: str, offered: str
) -> None:
    assert download_name(original, kind) == offered


def test_content_disposition_names_the_hash_and_quotes_the_original():
    sha = "ab" * 32
    header = content_disposition(sha, "pdf", '报告"x.html')
    plain, extended = header.split("; filename*=UTF-8''")
    assert plain == f'attachment; filename="{sha}.pdf"'
    assert urllib.parse.unquote(extended) == "报告_x.pdf"
    assert all(c.isascii() and c not in ' ";' for c in extended)


def test_find_stored_reads_the_kind_from_the_name_or_else_the_content(tmp_path: Path) -> None:
    sha = "cd" * 32
    assert find_stored(tmp_path, sha) is None
    named = path_of(tmp_path, sha, "png")
    named.parent.mkdir(parents=True)
    named.write_bytes(b"\x89PNG\r\n\x1a\n")
    assert find_stored(tmp_path, sha) == (named, "png")
    legacy_sha = "ef" * 32
    legacy = tmp_path / "ef" / legacy_sha  # stored before names carried the type
    legacy.parent.mkdir()
    legacy.write_bytes(b"%PDF-1.4\n<html>")
    assert find_stored(tmp_path, legacy_sha) == (legacy, "pdf")
    legacy.write_bytes(b"<html>")
    assert find_stored(tmp_path, legacy_sha) is None
