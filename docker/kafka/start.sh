#!/usr/bin/env bash
# The kafka service: the storage was formatted by the kafka-format job; start the broker.
set -euo pipefail
. /opt/jiancha/kafka/config.sh
exec /opt/kafka/bin/kafka-server-start.sh "$CONFIG"
