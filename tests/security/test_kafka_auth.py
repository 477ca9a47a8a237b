"""Attack: forge users, decisions and audit records by writing to Kafka.

A private broker configured as production's (docker/compose.yaml) minus TLS: a SASL listener
that accepts only SCRAM-SHA-512, the KRaft StandardAuthorizer denying what no ACL allows, one
SCRAM user per component and the ACLs of ``streams/acls.py``. One broker start for the module.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.errors import KafkaError, TopicAuthorizationFailedError

from jiancha import topics
from jiancha.embedded.kafka import EmbeddedKafka, KafkaSasl
from jiancha.kafka import client_security, kafka_health
from jiancha.settings import Settings
from jiancha.topics import CATALOGUE
from streams import acls
from streams.admin import ensure_topics
from streams.publisher import Publisher, PublishError
from tests.integration.faults import free_port

BROKER_START_S = 120


class SecureBroker:
    """The broker and the passwords of its users."""

    def __init__(self, kafka: EmbeddedKafka, passwords: dict[str, str]) -> None:
        self.kafka = kafka
        self.passwords = passwords

    def as_user(self, name: str) -> Settings:
        """Settings of a client signed in as ``name`` (SCRAM-SHA-512 over SASL_PLAINTEXT)."""
        return self.kafka.client_settings(name, self.passwords[name])

    @property
    def admin(self) -> Settings:
        return self.kafka.client_settings()


@pytest.fixture(scope="module")
def broker() -> Iterator[SecureBroker]:
    data_dir = Path(tempfile.mkdtemp(prefix="jiancha-sasl-"))
    port = free_port()
    settings = Settings(
        data_dir=data_dir,
        kafka_port=port,
        kafka_controller_port=free_port(),
        kafka_bootstrap=f"127.0.0.1:{port}",
        kafka_heap="384m",
        partitions=1,
    )
    passwords = {name: secrets.token_hex(16) for name in acls.user_names()}
    sasl = KafkaSasl(
        admin_password=passwords[acls.SUPER_USER],
        controller_password=secrets.token_hex(16),
        users={n: p for n, p in passwords.items() if n != acls.SUPER_USER},
    )
    kafka = EmbeddedKafka(settings, sasl)
    try:
        kafka.install()
        kafka.configure()
        kafka.start()
        deadline = time.monotonic() + BROKER_START_S
        while not kafka.healthy()[0]:
            assert kafka.process.pid() is not None, "Kafka exited: see " + str(data_dir / "logs")
            assert time.monotonic() < deadline, f"Kafka not healthy: {kafka.healthy()[1]}"
            time.sleep(1)
        secure = SecureBroker(kafka, passwords)
        # What the setup jobs do in production: the ACLs (as the super user), then the topics
        # (as `setup`, which may create the catalogue's topics and nothing else).
        acls.apply(secure.admin, acls.plan(settings))
        ensure_topics(secure.as_user("setup"))
        yield secure
    finally:
        kafka.process.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


def _producer(settings: Settings, **security: object) -> KafkaProducer:
    return KafkaProducer(
        bootstrap_servers=settings.kafka_bootstrap,
        bootstrap_timeout_ms=5000,
        max_block_ms=5000,
        request_timeout_ms=5000,
        **security,
    )


def _end_offset(broker: SecureBroker, base: str) -> int:
    admin = broker.admin
    consumer = KafkaConsumer(bootstrap_servers=admin.kafka_bootstrap, **client_security(admin))
    try:
        tp = TopicPartition(base, 0)
        return int(consumer.end_offsets([tp])[tp])
    finally:
        consumer.close()


def test_a_client_that_does_not_sign_in_cannot_produce(broker: SecureBroker) -> None:
    anonymous = broker.as_user("api").model_copy(
        update={"kafka_security_protocol": "PLAINTEXT", "kafka_username": None}
    )
    before = _end_offset(broker, topics.USERS)
    with pytest.raises((KafkaError, OSError)):
        producer = _producer(anonymous)
        try:
            producer.send(topics.USERS, key=b"mallory", value=b'{"role":"admin"}').get(timeout=5)
        finally:
            producer.close(timeout=1)
    # The same producer signed in as `api` is let in: only the sign-in made the difference.
    _send_signed_in(broker.as_user("api"), topics.USERS)
    assert _end_offset(broker, topics.USERS) == before + 1


def _send_signed_in(settings: Settings, topic: str) -> None:
    producer = _producer(settings, **client_security(settings))
    try:
        producer.send(topic, key=b"control", value=b"{}").get(timeout=10)
    finally:
        producer.close(timeout=5)


def test_a_wrong_password_cannot_produce(broker: SecureBroker) -> None:
    forged = broker.as_user("api")
    before = _end_offset(broker, topics.CASE_EVENTS)
    with pytest.raises((KafkaError, OSError)):
        producer = _producer(
            forged, **(client_security(forged) | {"sasl_plain_password": "guessed"})
        )
        try:
            producer.send(topics.CASE_EVENTS, key=b"c1", value=b"{}").get(timeout=5)
        finally:
            producer.close(timeout=1)
    _send_signed_in(forged, topics.CASE_EVENTS)  # the right password is let in
    assert _end_offset(broker, topics.CASE_EVENTS) == before + 1


def test_the_recorder_writes_recordings_but_not_case_events(broker: SecureBroker) -> None:
    recorder = broker.as_user("recorder")
    before = _end_offset(broker, topics.CASE_EVENTS)
    with Publisher(recorder, timeout_s=10) as publisher:
        publisher.send_and_wait(topics.RECORDINGS, "officer-1", b'{"recording_id":"r1"}')
        with pytest.raises((PublishError, TopicAuthorizationFailedError)) as denied:
            publisher.send_and_wait(topics.CASE_EVENTS, "case-1", b'{"decision":"dismissed"}')
    assert "TopicAuthorizationFailed" in repr(denied.value)
    assert _end_offset(broker, topics.CASE_EVENTS) == before


@pytest.mark.parametrize(
    ("user", "topic"),
    [
        ("indexer", topics.USERS),  # a worker forging an account
        ("analyzer", topics.AUDIT),  # … or an audit record
        ("transcriber", topics.CASE_EVENTS),  # … or a reviewer's decision
        ("tickets", topics.RECORDINGS),
        ("recorder", topics.USERS),
    ],
)
def test_no_component_writes_what_it_is_not_the_source_of(
    broker: SecureBroker, user: str, topic: str
) -> None:
    with (
        Publisher(broker.as_user(user), timeout_s=10) as publisher,
        pytest.raises((PublishError, TopicAuthorizationFailedError)) as denied,
    ):
        publisher.send_and_wait(topic, "k", b"{}")
    assert "TopicAuthorizationFailed" in repr(denied.value)


def test_the_api_publisher_writes_case_events(broker: SecureBroker) -> None:
    api = broker.as_user("api")
    before = _end_offset(broker, topics.CASE_EVENTS)
    with Publisher(api, timeout_s=10) as publisher:
        publisher.send_and_wait(topics.CASE_EVENTS, "case-1", b'{"decision":"confirmed"}')
        publisher.send_and_wait(topics.AUDIT, "reviewer", b'{"action":"decide"}')
    assert _end_offset(broker, topics.CASE_EVENTS) == before + 1
    # and the API's /healthz still sees the cluster with its own, narrow, user
    ok, detail = kafka_health(api)
    assert ok, detail


def test_a_worker_starts_under_its_acls(broker: SecureBroker) -> None:
    """What every worker does first (ensure_topics) needs no more than its ACLs allow."""
    indexer = broker.as_user("indexer")
    assert ensure_topics(indexer) == []  # sees the whole catalogue, creates nothing
    assert {spec.name for spec in CATALOGUE} <= _visible_topics(indexer)


def _visible_topics(settings: Settings) -> set[str]:
    consumer = KafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap, **client_security(settings)
    )
    try:
        return set(consumer.topics())
    finally:
        consumer.close()
