"""The Kafka ACL table (streams/acls.py) and the setup job's script (docker/kafka/acls.sh)."""

from __future__ import annotations

from pathlib import Path

from jiancha import topics
from jiancha.settings import Settings
from jiancha.topics import topic_name
from streams import acls
from streams.acls import Grant, plan

REPO = Path(__file__).resolve().parents[2]
SETTINGS = Settings()


def _writers(topic: str) -> set[str]:
    return {g.principal for g in plan(SETTINGS) if g.name == topic and g.operation == "Write"}


def _readers(topic: str) -> set[str]:
    return {g.principal for g in plan(SETTINGS) if g.name == topic and g.operation == "Read"}


def test_only_the_api_writes_decisions_accounts_and_the_audit_trail() -> None:
    for topic in (topics.CASE_EVENTS, topics.USERS, topics.AUDIT):
        assert _writers(topic) == {"api"}, topic


def test_each_source_system_writes_its_own_topic_only() -> None:
    assert {g.name for g in plan(SETTINGS) if g.principal == "recorder"} == {topics.RECORDINGS}
    assert {g.name for g in plan(SETTINGS) if g.principal == "tickets"} == {
        topics.ENFORCEMENT_ACTIONS
    }
    assert _writers(topics.ENFORCEMENT_ACTIONS) == {"tickets"}
    assert _writers(topics.RECORDINGS) == {"recorder", "api"}  # api: uploads (POST /recordings)
    # the indexer flags a recording registered again with other media
    # and the API turns a problem found in a spot check into a flag (streams/spotchecks/desk.py)
    assert _writers(topics.FLAGS) == {"analyzer", "transcriber", "indexer", "api"}
    assert _writers(topics.TRANSCRIPTS) == {"transcriber"}
    # the overdue timer of the worker escalates orders (streams/review/agents.py)
    assert _writers(topics.RECTIFICATION_EVENTS) == {"api", "indexer"}
    assert _writers(topics.SPOT_CHECKS) == {"api"}


def test_consumers_read_only_their_inputs() -> None:
    assert _readers(topics.RECORDINGS) == {"indexer", "analyzer", "transcriber"}
    # the case builder (in the analyzer) projects decisions; the API reads them from Elasticsearch
    assert _readers(topics.CASE_EVENTS) == {"analyzer"}
    assert _readers(topics.CASE_ASSIGNMENTS) == {"analyzer"}  # replayed by the case builder
    assert _readers(topics.FLAGS) == {"analyzer"}  # the case builder, and a restarted analyzer
    assert _readers(topics.COMPLAINTS) == {"analyzer"}
    assert _readers(topics.USERS) == {"indexer"}
    for user in ("recorder", "tickets", "setup"):
        assert not any(g.principal == user and g.operation == "Read" for g in plan(SETTINGS))
    # the API reads two topics whole, without a group: the policies (the admin's page) and the
    # 文号 allocator's own requests
    api_reads = {g.name for g in plan(SETTINGS) if g.principal == "api" and g.operation == "Read"}
    assert api_reads == {
        topic_name(SETTINGS.topic_prefix, t) for t in (topics.POLICIES, topics.DOCUMENT_NUMBERS)
    }


def test_each_worker_has_its_own_consumer_group() -> None:
    groups = {(g.principal, g.name) for g in plan(SETTINGS) if g.resource == "group"}
    assert {name for _, name in groups} == {
        "jiancha-indexer",
        "jiancha-analyzer",
        "jiancha-judge",  # the replicated analyzer and its case builder (issue 15)
        "jiancha-cases",
        "jiancha-transcriber",
    }
    assert len({p for p, _ in groups}) == 3


def test_nobody_but_setup_creates_catalogue_topics_and_nobody_deletes_them() -> None:
    catalogue = {spec.name for spec in topics.CATALOGUE}
    creators = {g.principal for g in plan(SETTINGS) if g.operation == "Create" and not g.prefixed}
    assert creators == {"setup"}
    assert not any(g.operation == "Delete" and g.name in catalogue for g in plan(SETTINGS))
    # a worker's own (Faust) topics are under its group's prefix, never a catalogue name
    for g in plan(SETTINGS):
        if g.prefixed:
            assert not any(name.startswith(g.name) for name in catalogue)


def test_only_the_analyzer_reads_and_writes_its_shard_topics() -> None:
    for topic in acls.SHARD_TOPICS:
        assert _writers(topic) == _readers(topic) == {"analyzer"}, topic


def test_the_super_user_has_no_acl_and_every_user_is_distinct() -> None:
    names = acls.user_names()
    assert names[0] == acls.SUPER_USER and len(set(names)) == len(names)
    assert acls.SUPER_USER not in {g.principal for g in plan(SETTINGS)}


def test_the_plan_follows_the_topic_prefix_and_app_id() -> None:
    s = Settings(topic_prefix="t1-", app_id="x")
    assert Grant("api", "topic", "t1-case-events", "Write") in plan(s)
    assert Grant("indexer", "group", "x-indexer", "Read") in plan(s)


def test_the_committed_kafka_acls_script_is_the_plan() -> None:
    script = (REPO / "docker" / "kafka" / "acls.sh").read_text(encoding="utf-8")
    assert script == acls.acls_script(SETTINGS), (
        "docker/kafka/acls.sh is stale: jiancha kafka-acls --script > docker/kafka/acls.sh"
    )
    for grant in plan(SETTINGS):
        assert f"User:{grant.principal}" in script and grant.name in script
