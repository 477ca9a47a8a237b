"""Kafka checks every process shares (kafka-python): is the cluster there."""

from __future__ import annotations


def kafka_health(bootstrap: str, client_id: str = "jiancha-health") -> tuple[bool, str]:
    """(ok, detail in Chinese): the cluster answers a metadata request within 3 s."""
    from kafka import KafkaAdminClient
    from kafka.errors import KafkaError

    try:
        # Bounded connect too (kafka-python waits 30 s by default): /healthz must answer while
        # Kafka is down, to say it is degraded (issue 8's Kafka-restart test).
        admin = KafkaAdminClient(
            bootstrap_servers=bootstrap,
            request_timeout_ms=3000,
            bootstrap_timeout_ms=3000,
            client_id=client_id,
        )
    except (KafkaError, OSError, ValueError) as exc:
        return False, f"Kafka 无法连接：{exc.__class__.__name__}"
    try:
        cluster = admin.describe_cluster()
        brokers = len(cluster.get("brokers", []))
        return True, f"集群 {cluster.get('cluster_id')}，{brokers} 个 broker 在线"
    except (KafkaError, OSError) as exc:
        return False, f"Kafka 元数据请求失败：{exc.__class__.__name__}"
    finally:
        admin.close()
