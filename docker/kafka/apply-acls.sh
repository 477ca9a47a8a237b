#!/usr/bin/env bash
# One-shot (compose job kafka-acls), once the broker is healthy: sign in as the super user and
# write the ACLs of docker/kafka/acls.sh. Creating an ACL that exists changes nothing.
set -euo pipefail
. /opt/jiancha/kafka/config.sh
export BOOTSTRAP=kafka:9092 COMMAND_CONFIG
exec bash /opt/jiancha/kafka/acls.sh
