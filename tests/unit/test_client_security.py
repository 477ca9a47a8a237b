"""How jiancha's Kafka and Elasticsearch clients sign in (jiancha/kafka.py, jiancha/elastic)."""

from __future__ import annotations

import ssl
from pathlib import Path

import faust
import pytest
from pydantic import ValidationError

from jiancha.elastic.client import _auth
from jiancha.kafka import client_security, ssl_context
from jiancha.settings import Settings
from streams.app import broker_credentials

REPO = Path(__file__).resolve().parents[2]


def test_the_embedded_default_is_plaintext() -> None:
    s = Settings()
    assert client_security(s) == {"security_protocol": "PLAINTEXT"}
    assert broker_credentials(s) is None and ssl_context(s) is None


def test_sasl_ssl_signs_in_with_scram_and_checks_the_broker_certificate(tmp_path: Path) -> None:
    s = Settings(
        kafka_security_protocol="SASL_SSL",
        kafka_username="api",
        kafka_password="s3cret",
        kafka_ssl_cafile=tmp_path / "ca.crt",
    )
    assert client_security(s) == {
        "security_protocol": "SASL_SSL",
        "sasl_mechanism": "SCRAM-SHA-512",
        "sasl_plain_username": "api",
        "sasl_plain_password": "s3cret",
        "ssl_check_hostname": True,
        "ssl_cafile": str(tmp_path / "ca.crt"),
    }
    assert "s3cret" not in repr(s)


def test_faust_gets_the_same_user_mechanism_and_tls() -> None:
    s = Settings(kafka_security_protocol="SASL_SSL", kafka_username="u", kafka_password="p")
    creds = broker_credentials(s)
    assert isinstance(creds, faust.SASLCredentials)
    assert (creds.username, creds.password, creds.mechanism.value) == ("u", "p", "SCRAM-SHA-512")
    assert creds.protocol.value == "SASL_SSL"
    assert isinstance(creds.ssl_context, ssl.SSLContext)
    assert creds.ssl_context.verify_mode == ssl.CERT_REQUIRED and creds.ssl_context.check_hostname
    plain = broker_credentials(s.model_copy(update={"kafka_security_protocol": "SASL_PLAINTEXT"}))
    assert plain is not None and plain.protocol.value == "SASL_PLAINTEXT"


@pytest.mark.parametrize("protocol", ["SASL_PLAINTEXT", "SASL_SSL"])
def test_sasl_without_credentials_fails_at_start(protocol: str) -> None:
    with pytest.raises(ValidationError, match="JIANCHA_KAFKA_USERNAME"):
        Settings(kafka_security_protocol=protocol, kafka_username="api")


def test_a_ca_file_without_tls_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="JIANCHA_KAFKA_SSL_CAFILE"):
        Settings(kafka_ssl_cafile=tmp_path / "ca.crt")


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JIANCHA_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
    monkeypatch.setenv("JIANCHA_KAFKA_USERNAME", "indexer")
    monkeypatch.setenv("JIANCHA_KAFKA_PASSWORD", "pw")
    monkeypatch.setenv("JIANCHA_ES_CA_CERTS", "/certs/ca/ca.crt")
    s = Settings()
    assert client_security(s)["sasl_plain_username"] == "indexer"
    assert s.es_ca_certs == Path("/certs/ca/ca.crt")


def test_elasticsearch_client_gets_user_and_ca() -> None:
    s = Settings(es_username="jiancha-api", es_password="pw", es_ca_certs=Path("/c/ca.crt"))
    assert _auth(s) == {"basic_auth": ("jiancha-api", "pw"), "ca_certs": "/c/ca.crt"}
    assert _auth(Settings()) == {}


def _kafka_client_calls(text: str) -> list[str]:
    """Each ``KafkaProducer(``/``KafkaConsumer(``/``KafkaAdminClient(`` call's text."""
    calls = []
    for name in ("KafkaProducer(", "KafkaConsumer(", "KafkaAdminClient("):
        start = 0
        while (i := text.find(name, start)) >= 0:
            depth, j = 0, i + len(name) - 1
            while True:
                depth += {"(": 1, ")": -1}.get(text[j], 0)
                j += 1
                if depth == 0:
                    break
            calls.append(text[i:j])
            start = j
    return calls


def test_every_kafka_client_of_the_product_signs_in() -> None:
    """No kafka-python client in jiancha/, streams/ or api/ is built without client_security."""
    found = 0
    for folder in ("jiancha", "streams", "api"):
        for path in (REPO / folder).rglob("*.py"):
            for call in _kafka_client_calls(path.read_text(encoding="utf-8")):
                found += 1
                assert "client_security(" in call, f"{path.relative_to(REPO)}: {call}"
    assert found >= 7
    app = (REPO / "streams" / "app.py").read_text(encoding="utf-8")
    assert "broker_credentials=broker_credentials(settings)" in app
