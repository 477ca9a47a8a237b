#!/usr/bin/env bash
# Debian packages jiancha needs: a JDK (17+) for Kafka and Elasticsearch, Maven to fetch them.
set -euo pipefail

need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v useradd >/dev/null 2>&1 || need+=(passwd)

if ((${#need[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "缺少系统软件包：${need[*]}；请以 root 运行或先行安装" >&2
    exit 1
  fi
  echo "安装系统软件包：${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
