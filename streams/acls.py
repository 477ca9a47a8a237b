"""Who may do what on Kafka: one SCRAM user per component and the ACLs that bind it.

The production broker (docker/compose.yaml) denies whatever no ACL allows
(``allow.everyone.if.no.acl.found=false``), so this table is the whole of it: a component can
write only the topics it is the source of and read only its inputs, with its own consumer group.
The setup job applies it with ``kafka-acls.sh`` (``docker/kafka/acls.sh``, generated from here by
``jiancha kafka-acls --script``); ``jiancha kafka-acls`` applies it through the admin API.
docs/threat-model.md explains the table.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from jiancha import topics
from jiancha.settings import Settings
from jiancha.topics import CATALOGUE, topic_name

Resource = Literal["topic", "group"]
Operation = Literal["Read", "Write", "Describe", "Create", "Delete"]


@dataclass(frozen=True)
class KafkaUser:
    """A SCRAM user: its name and the component that signs in as it."""

    name: str
    component: str
    writes: tuple[str, ...] = ()  # topic base names it produces to
    reads: tuple[str, ...] = ()  # topic base names it consumes
    faust_role: str | None = None  # a Faust app: consumer group ``{app_id}-{role}``
    # other Faust apps of the same component, signed in as the same user (issue 15: the
    # replicated analyzer ``judge`` and its case builder ``cases``)
    more_roles: tuple[str, ...] = ()


#: the replicated analyzer's own topics (read and written by it alone)
SHARD_TOPICS = (
    topics.SHARD_OFFICERS,
    topics.SHARD_DETACHMENTS,
    topics.SHARD_RECORDINGS,
    topics.SHARD_WATERMARKS,
)

#: Every user but the super user ``admin`` (setup jobs only). The order is the script's.
USERS: tuple[KafkaUser, ...] = (
    KafkaUser(
        "api",
        "jiancha api（审核、整改、抽查、账号、名录、审计、上传；user add、directory seed 也用它）",
        # A problem a spot check finds is a flag (rule_version spot-check-1): its case is built by
        # the case builder like any other (streams/spotchecks/desk.py).
        writes=(
            topics.CASE_EVENTS,
            topics.RECTIFICATION_EVENTS,
            topics.BULLETIN_EVENTS,
            topics.SPOT_CHECKS,
            topics.FLAGS,
            topics.USERS,
            topics.AUDIT,
            topics.RECORDINGS,
            topics.DIRECTORY,
            topics.CASE_ASSIGNMENTS,
            topics.DOCUMENT_NUMBERS,
            topics.OFFICER_ALERTS,  # early-warning alerts and their decisions (streams/warning)
        ),
        # The admin's policies page reads the policies topic whole, and the 文号 allocator reads its
        # own requests back (streams/review/numbers.py): both without a consumer group.
        reads=(topics.POLICIES, topics.DOCUMENT_NUMBERS),
    ),
    KafkaUser(
        "indexer",
        "jiancha worker（建索引、账号投影、整改到期提醒、周报定时）",
        # Escalations of overdue orders (streams/review/agents.py) are rectification events; a
        # recording registered again with other media is flagged (streams/indexer/agents.py).
        writes=(topics.DEAD_LETTERS, topics.RECTIFICATION_EVENTS, topics.FLAGS),
        reads=(
            topics.RECORDINGS,
            topics.TRANSCRIPTS,
            topics.ENFORCEMENT_ACTIONS,
            topics.USERS,
            topics.AUDIT,
            topics.RECTIFICATION_EVENTS,
            topics.DIRECTORY,
            topics.SPOT_CHECKS,
        ),
        faust_role="indexer",
    ),
    KafkaUser(
        "analyzer",
        "jiancha analyzer（规则引擎、案件库）",
        # jiancha judge re-keys the inputs onto its own topics (streams/analysis/shards.py)
        writes=(topics.FLAGS, topics.DEAD_LETTERS, *SHARD_TOPICS),
        # The case builder (streams/analysis/agents.py) makes the cases from every flag and
        # projects the API's decisions.
        reads=(
            topics.POLICIES,
            topics.ENFORCEMENT_ACTIONS,
            topics.RECORDINGS,
            topics.TRANSCRIPTS,
            topics.COMPLAINTS,
            topics.FLAGS,
            topics.CASE_EVENTS,
            *SHARD_TOPICS,
            topics.CASE_ASSIGNMENTS,
        ),
        faust_role="analyzer",
        more_roles=("judge", "cases"),
    ),
    KafkaUser(
        "transcriber",
        "jiancha transcriber（语音转写）",
        writes=(topics.TRANSCRIPTS, topics.FLAGS, topics.DEAD_LETTERS),
        reads=(topics.RECORDINGS,),
        faust_role="transcriber",
    ),
    KafkaUser("recorder", "执法记录仪管理平台", writes=(topics.RECORDINGS,)),
    KafkaUser("tickets", "执法办案（非现场/现场处罚）系统", writes=(topics.ENFORCEMENT_ACTIONS,)),
    KafkaUser("setup", "jiancha topics（一次性：建主题）"),
)

#: the super user: the broker's own inter-broker sign-in and the setup jobs (format, ACLs)
SUPER_USER = "admin"


@dataclass(frozen=True, order=True)
class Grant:
    """One ALLOW ACL: ``User:principal`` may ``operation`` on a resource."""

    principal: str
    resource: Resource
    name: str
    operation: Operation
    prefixed: bool = False


_FAUST_OWN_TOPIC_OPERATIONS: tuple[Operation, ...] = ("Create", "Describe", "Read", "Write")
_REWINDING_ROLES = ("analyzer", "cases")


def user_names() -> list[str]:
    """Every SCRAM user the setup job creates, the super user first."""
    return [SUPER_USER, *(u.name for u in USERS)]


def plan(settings: Settings) -> list[Grant]:
    """The ACLs of every user, for the deployment's topic prefix and app id."""
    everything = [topic_name(settings.topic_prefix, spec.name) for spec in CATALOGUE]
    grants: list[Grant] = []
    for user in USERS:
        add = grants.append
        # Topic metadata only, for the workers: each checks at start that the catalogue exists
        # (streams/admin.py ensure_topics), and Describe is what lets it see that it does.
        # (Write and Read imply Describe of their own topics.)
        if user.faust_role is not None or user.name == "setup":
            for name in everything:
                add(Grant(user.name, "topic", name, "Describe"))
                if user.name == "setup":
                    add(Grant(user.name, "topic", name, "Create"))
        for base in user.writes:
            add(Grant(user.name, "topic", topic_name(settings.topic_prefix, base), "Write"))
        for base in user.reads:
            add(Grant(user.name, "topic", topic_name(settings.topic_prefix, base), "Read"))
        roles = [user.faust_role, *user.more_roles] if user.faust_role is not None else []
        for role in roles:
            group = f"{settings.app_id}-{role}"
            add(Grant(user.name, "group", group, "Read"))
            if role in _REWINDING_ROLES:  # it rewinds by deleting its group (replay)
                add(Grant(user.name, "group", group, "Delete"))
            # Faust's own topics (the partition assignor's leader topic): ``{group}-…``.
            for op in _FAUST_OWN_TOPIC_OPERATIONS:
                add(Grant(user.name, "topic", f"{group}-", op, prefixed=True))
    return sorted(set(grants), key=_script_order)


def _script_order(g: Grant) -> tuple[int, str, bool, str, str]:
    order = [u.name for u in USERS].index(g.principal)
    return (order, g.resource, g.prefixed, g.name, g.operation)


def acls_script(settings: Settings) -> str:
    """The plan as a ``kafka-acls.sh`` script (docker/kafka/acls.sh): one command per resource."""
    lines = [
        "#!/usr/bin/env bash",
        "# Generated by `jiancha kafka-acls --script` from streams/acls.py: do not edit by hand",
        "# (tests/unit/test_kafka_acls.py checks that it is the same).",
        "#",
        "# Run by the compose job `kafka-acls` as the super user: BOOTSTRAP is the broker,",
        "# COMMAND_CONFIG a client properties file with the admin's SASL_SSL sign-in.",
        "set -euo pipefail",
        'acls=(/opt/kafka/bin/kafka-acls.sh --bootstrap-server "$BOOTSTRAP"'
        ' --command-config "$COMMAND_CONFIG" --add)',
        "",
    ]
    # One command per user and kind of resource with the same operations (several --topic).
    for user in USERS:
        lines.append(f"# {user.name}: {user.component}")
        ops_of: dict[tuple[Resource, bool, str], list[Operation]] = {}
        for g in plan(settings):
            if g.principal == user.name:
                ops_of.setdefault((g.resource, g.prefixed, g.name), []).append(g.operation)
        commands: dict[tuple[Resource, bool, tuple[Operation, ...]], list[str]] = {}
        for (resource, prefixed, name), ops in ops_of.items():
            commands.setdefault((resource, prefixed, tuple(sorted(ops))), []).append(name)
        for (resource, prefixed, same_ops), names in sorted(commands.items()):
            args = ['"${acls[@]}"', "--allow-principal", f"User:{user.name}"]
            args += [a for op in same_ops for a in ("--operation", op)]
            if prefixed:
                args += ["--resource-pattern-type", "prefixed"]
            args += [a for name in names for a in (f"--{resource}", shlex.quote(name))]
            lines.append(" ".join(args) + " > /dev/null")
    lines.append('echo "ACL 已写入。"')
    return "\n".join(lines) + "\n"


def apply(settings: Settings, grants: Iterable[Grant]) -> None:
    """Create ``grants`` through the admin API, signed in as ``settings`` say (the super user)."""
    from kafka import KafkaAdminClient
    from kafka.admin import (
        ACL,
        ACLOperation,
        ACLPermissionType,
        ACLResourcePatternType,
        ResourcePattern,
        ResourceType,
    )

    from jiancha.kafka import client_security

    acls: list[Any] = [
        ACL(
            principal=f"User:{g.principal}",
            host="*",
            operation=getattr(ACLOperation, g.operation.upper()),
            permission_type=ACLPermissionType.ALLOW,
            resource_pattern=ResourcePattern(
                getattr(ResourceType, g.resource.upper()),
                g.name,
                ACLResourcePatternType.PREFIXED if g.prefixed else ACLResourcePatternType.LITERAL,
            ),
        )
        for g in grants
    ]
    admin = KafkaAdminClient(
        bootstrap_servers=settings.kafka_bootstrap,
        client_id="jiancha-acls",
        **client_security(settings),
    )
    try:
        result = admin.create_acls(acls)
    finally:
        admin.close()
    if result["failed"]:
        failed = result["failed"]
        raise RuntimeError(f"{len(failed)} 条 ACL 未能创建，首个：{failed[0]!r}")
