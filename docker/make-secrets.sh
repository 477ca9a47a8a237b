#!/usr/bin/env bash
# Make docker/.env: one random password per account of the stack (compose reads it; every
# service refuses to start without its own). Never commit it (.gitignore); keep a copy in the
# site's secret store. Refuses to overwrite an existing file: passwords already written into
# Kafka's storage and Elasticsearch's security index would no longer match.
set -euo pipefail
cd "$(dirname "$0")"
if [ -e .env ]; then
  echo "docker/.env 已存在，未覆盖。" >&2
  exit 1
fi
umask 077
{
  for name in \
    ELASTIC_PASSWORD KIBANA_SYSTEM_PASSWORD KIBANA_ENCRYPTION_KEY \
    ES_API_PASSWORD ES_WORKER_PASSWORD ES_ANALYZER_PASSWORD ES_SETUP_PASSWORD \
    KAFKA_ADMIN_PASSWORD KAFKA_CONTROLLER_PASSWORD KAFKA_KEYSTORE_PASSWORD \
    KAFKA_API_PASSWORD KAFKA_INDEXER_PASSWORD KAFKA_ANALYZER_PASSWORD KAFKA_TRANSCRIBER_PASSWORD \
    KAFKA_RECORDER_PASSWORD KAFKA_TICKETS_PASSWORD KAFKA_SETUP_PASSWORD \
    JIANCHA_AUTH_SECRET; do
    echo "$name=$(openssl rand -hex 32)"
  done
  # KRaft cluster id: 16 random bytes, base64url without padding (kafka-storage random-uuid),
  # drawn again if it starts with "-", which kafka-storage would read as an option.
  cluster_id=-
  while [ "${cluster_id#-}" != "$cluster_id" ]; do
    cluster_id=$(openssl rand 16 | base64 | tr '+/' '-_' | tr -d '=')
  done
  echo "KAFKA_CLUSTER_ID=$cluster_id"
} > .env
echo "已生成 docker/.env（权限 600）。"
