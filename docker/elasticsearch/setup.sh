#!/usr/bin/env bash
# One-shot (compose job `setup`, elasticsearch image, as root):
#   1. a CA and the certificates of the stack, with elasticsearch-certutil, into the `certs`
#      volume (first run only): elasticsearch (PEM), kafka (PKCS#12);
#   2. once Elasticsearch answers: the kibana_system password, then the least-privilege roles
#      and the service account of every jiancha component, through the security API.
# Passwords come from the environment (docker/.env, made by docker/make-secrets.sh, never
# committed). Running it again changes nothing but what the environment changed.
set -euo pipefail
: "${ELASTIC_PASSWORD:?}" "${KIBANA_SYSTEM_PASSWORD:?}" "${KAFKA_KEYSTORE_PASSWORD:?}"
: "${ES_API_PASSWORD:?}" "${ES_WORKER_PASSWORD:?}" "${ES_ANALYZER_PASSWORD:?}" "${ES_SETUP_PASSWORD:?}"

certs=/usr/share/elasticsearch/config/certs
cd /usr/share/elasticsearch
if [ ! -f "$certs/ca/ca.crt" ]; then
  echo "创建 CA"
  bin/elasticsearch-certutil ca --silent --pem --out "$certs/ca.zip"
  unzip -o -q "$certs/ca.zip" -d "$certs" && rm "$certs/ca.zip"
fi
if [ ! -f "$certs/elasticsearch/elasticsearch.crt" ]; then
  echo "创建 Elasticsearch 证书"
  cat > "$certs/instances.yml" <<YAML
instances:
  - name: elasticsearch
    dns: [elasticsearch, localhost]
    ip: [127.0.0.1]
YAML
  bin/elasticsearch-certutil cert --silent --pem --in "$certs/instances.yml" \
    --ca-cert "$certs/ca/ca.crt" --ca-key "$certs/ca/ca.key" --out "$certs/certs.zip"
  unzip -o -q "$certs/certs.zip" -d "$certs" && rm "$certs/certs.zip" "$certs/instances.yml"
fi
if [ ! -f "$certs/kafka/kafka.p12" ]; then
  echo "创建 Kafka 证书"
  mkdir -p "$certs/kafka"
  bin/elasticsearch-certutil cert --silent --name kafka --dns kafka,localhost \
    --ca-cert "$certs/ca/ca.crt" --ca-key "$certs/ca/ca.key" \
    --pass "$KAFKA_KEYSTORE_PASSWORD" --out "$certs/kafka/kafka.p12"
fi
# The CA certificate is public; each private key is readable by its own service only (uid 1000
# in the elasticsearch and apache/kafka images); the CA key by root alone.
chown -R root:root "$certs"
find "$certs" -type d -exec chmod 755 {} +
chmod 644 "$certs/ca/ca.crt"
chmod 600 "$certs/ca/ca.key"
chown -R 1000:0 "$certs/elasticsearch" "$certs/kafka"
find "$certs/elasticsearch" "$certs/kafka" -type f -exec chmod 640 {} +

es() {  # es METHOD PATH [JSON]: a call as the built-in superuser, failing on an HTTP error
  curl -fsS --cacert "$certs/ca/ca.crt" -u "elastic:${ELASTIC_PASSWORD}" \
    -H 'Content-Type: application/json' -X "$1" "https://elasticsearch:9200$2" ${3:+-d "$3"} \
    > /dev/null
}
echo "等待 Elasticsearch"
until curl -s --cacert "$certs/ca/ca.crt" https://elasticsearch:9200 \
  | grep -q "missing authentication credentials"; do sleep 5; done

echo "设置 kibana_system 密码"
es POST /_security/user/kibana_system/_password "{\"password\":\"${KIBANA_SYSTEM_PASSWORD}\"}"

# Roles: each component may touch only the indices it serves (names: jiancha-<family>[-vN]).
es PUT /_security/role/jiancha_setup '{
  "cluster": ["manage_index_templates", "monitor"],
  "indices": [{"names": ["jiancha-*"], "privileges": ["create_index", "manage", "view_index_metadata"]}]
}'
es PUT /_security/role/jiancha_indexer '{
  "indices": [{"names": ["jiancha-clips*", "jiancha-actions*", "jiancha-users*", "jiancha-audit*", "jiancha-rectifications*", "jiancha-directory*", "jiancha-spotchecks*"],
               "privileges": ["read", "write", "view_index_metadata"]}]
}'
es PUT /_security/role/jiancha_bulletin_writer '{
  "indices": [{"names": ["jiancha-bulletins*"], "privileges": ["read", "write", "view_index_metadata"]},
              {"names": ["jiancha-cases*", "jiancha-actions*", "jiancha-clips*", "jiancha-rectifications*", "jiancha-directory*", "jiancha-spotchecks*"],
               "privileges": ["read", "view_index_metadata"]}]
}'
es PUT /_security/role/jiancha_analyzer '{
  "indices": [{"names": ["jiancha-cases*"], "privileges": ["read", "write", "view_index_metadata"]}]
}'
es PUT /_security/role/jiancha_api '{
  "cluster": ["monitor"],
  "indices": [{"names": ["jiancha-cases*", "jiancha-audit*", "jiancha-users*", "jiancha-bulletins*", "jiancha-directory*", "jiancha-alerts*"],
               "privileges": ["read", "write", "view_index_metadata"]},
              {"names": ["jiancha-clips*", "jiancha-actions*", "jiancha-rectifications*", "jiancha-spotchecks*"],
               "privileges": ["read", "view_index_metadata"]}]
}'
# People in Kibana: dashboards over the evidence, never the account index (password hashes).
es PUT /_security/role/jiancha_kibana_reader '{
  "indices": [{"names": ["jiancha-clips*", "jiancha-actions*", "jiancha-cases*", "jiancha-rectifications*", "jiancha-bulletins*", "jiancha-audit*", "jiancha-directory*", "jiancha-spotchecks*"],
               "privileges": ["read", "view_index_metadata"]}],
  "applications": [{"application": "kibana-.kibana", "resources": ["*"],
                    "privileges": ["feature_discover.read", "feature_dashboard.read", "feature_visualize.read"]}]
}'

echo "创建各组件的服务账号"
user() {  # user NAME PASSWORD ROLE...
  local name=$1 password=$2; shift 2
  local roles; roles=$(printf '"%s",' "$@")
  es PUT "/_security/user/$name" "{\"password\":\"$password\",\"roles\":[${roles%,}]}"
}
user jiancha-setup "$ES_SETUP_PASSWORD" jiancha_setup
user jiancha-api "$ES_API_PASSWORD" jiancha_api
user jiancha-worker "$ES_WORKER_PASSWORD" jiancha_indexer jiancha_bulletin_writer
user jiancha-analyzer "$ES_ANALYZER_PASSWORD" jiancha_analyzer
echo "Elasticsearch 安全设置完成。"
