"""The topic catalogue: every Kafka topic jiancha uses, what it carries and how it is keyed."""

from __future__ import annotations

from dataclasses import dataclass

ENFORCEMENT_ACTIONS = "enforcement-actions"
RECORDINGS = "recordings"
TRANSCRIPTS = "transcripts"
COMPLAINTS = "complaints"
POLICIES = "policies"
FLAGS = "flags"
CASE_EVENTS = "case-events"
RECTIFICATION_EVENTS = "rectification-events"
BULLETIN_EVENTS = "bulletin-events"
AUDIT = "audit"
USERS = "users"
DIRECTORY = "directory"
DEAD_LETTERS = "dead-letters"
CASE_ASSIGNMENTS = "case-assignments"
DOCUMENT_NUMBERS = "document-numbers"


@dataclass(frozen=True)
class TopicSpec:
    """A topic: its base name, what its key is, and whether it is compacted."""

    name: str
    keyed_by: str
    compacted: bool = False


CATALOGUE: tuple[TopicSpec, ...] = (
    TopicSpec(ENFORCEMENT_ACTIONS, "officer_id"),
    TopicSpec(RECORDINGS, "officer_ids[0] (wearer)"),
    TopicSpec(TRANSCRIPTS, "recording_id"),
    TopicSpec(COMPLAINTS, "officer_id, else complaint_id"),
    TopicSpec(POLICIES, "policy_id", compacted=True),
    TopicSpec(FLAGS, "officer_id"),
    TopicSpec(CASE_EVENTS, "case_id"),
    TopicSpec(RECTIFICATION_EVENTS, "order_id"),
    TopicSpec(BULLETIN_EVENTS, "week"),
    TopicSpec(AUDIT, "actor"),
    TopicSpec(USERS, "username", compacted=True),
    TopicSpec(DIRECTORY, "squad:{code} | officer:{officer_id}", compacted=True),
    TopicSpec(DEAD_LETTERS, "source@position"),
    TopicSpec(CASE_ASSIGNMENTS, "case_id"),
    TopicSpec(DOCUMENT_NUMBERS, "year (all of a year on one partition: the 文号 allocator)"),
)


def topic_name(prefix: str, base: str) -> str:
    """The real topic name: the deployment's prefix (empty in production) plus the base name."""
    return f"{prefix}{base}"
