#!/usr/bin/env bash
# Sourced by start.sh, format.sh and apply-acls.sh: the broker's configuration plus its secrets,
# from the environment, into files only this container's user can read (never into the image or
# the repository): $CONFIG for the broker, $COMMAND_CONFIG for the admin tools (healthcheck, ACLs).
set -euo pipefail
: "${KAFKA_ADMIN_PASSWORD:?}" "${KAFKA_CONTROLLER_PASSWORD:?}" "${KAFKA_KEYSTORE_PASSWORD:?}"
umask 077
CONFIG=/tmp/jiancha-kafka/server.properties
mkdir -p "$(dirname "$CONFIG")"
{
  cat /opt/jiancha/kafka/server.properties
  echo "ssl.keystore.password=${KAFKA_KEYSTORE_PASSWORD}"
  echo "ssl.key.password=${KAFKA_KEYSTORE_PASSWORD}"
  echo "listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"${KAFKA_ADMIN_PASSWORD}\";"
  echo "listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"controller\" password=\"${KAFKA_CONTROLLER_PASSWORD}\" user_controller=\"${KAFKA_CONTROLLER_PASSWORD}\";"
} > "$CONFIG"
COMMAND_CONFIG=/tmp/jiancha-kafka/admin.properties
cat > "$COMMAND_CONFIG" <<PROPERTIES
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
ssl.truststore.type=PEM
ssl.truststore.location=/certs/ca/ca.crt
PROPERTIES
