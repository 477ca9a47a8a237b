#!/usr/bin/env bash
# One-shot (compose job kafka-format): format the KRaft storage on first start, with the SCRAM
# user of every component (streams/acls.py USERS; tests/unit/test_docker_files.py checks the
# list). Later runs change nothing (--ignore-formatted); add a user to a running cluster with
#   kafka-configs.sh --bootstrap-server kafka:9092 --command-config <admin.properties> \
#     --alter --add-config "SCRAM-SHA-512=[password=$NEW_PASSWORD]" --entity-type users --entity-name <name>
set -euo pipefail
. /opt/jiancha/kafka/config.sh
: "${CLUSTER_ID:?}"
scram() { echo "SCRAM-SHA-512=[name=$1,password=$2]"; }
exec /opt/kafka/bin/kafka-storage.sh format --ignore-formatted -t "$CLUSTER_ID" -c "$CONFIG" \
  --add-scram "$(scram admin "${KAFKA_ADMIN_PASSWORD:?}")" \
  --add-scram "$(scram api "${KAFKA_API_PASSWORD:?}")" \
  --add-scram "$(scram indexer "${KAFKA_INDEXER_PASSWORD:?}")" \
  --add-scram "$(scram analyzer "${KAFKA_ANALYZER_PASSWORD:?}")" \
  --add-scram "$(scram transcriber "${KAFKA_TRANSCRIBER_PASSWORD:?}")" \
  --add-scram "$(scram recorder "${KAFKA_RECORDER_PASSWORD:?}")" \
  --add-scram "$(scram tickets "${KAFKA_TICKETS_PASSWORD:?}")" \
  --add-scram "$(scram setup "${KAFKA_SETUP_PASSWORD:?}")"
