#!/usr/bin/env bash
# Debian packages jiancha needs: a JDK (17+) for Kafka and Elasticsearch, Maven to fetch them;
# for 《监察专刊》 a CJK font, Pango (WeasyPrint's layout) and poppler-utils (the tests read the PDF);
# for the web console's browser tests Debian's Chromium (Playwright drives it; no browser download);
# ffmpeg encodes the street-condition audio sets of benchmarks/street_audio.py.
set -euo pipefail

need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v useradd >/dev/null 2>&1 || need+=(passwd)
fc-list 2>/dev/null | grep -c "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)
ldconfig -p 2>/dev/null | grep -c libpangoft2-1.0 >/dev/null || need+=(libpango-1.0-0 libpangoft2-1.0-0)
ldconfig -p 2>/dev/null | grep -c libharfbuzz-subset >/dev/null || need+=(libharfbuzz-subset0)  # fast font subsetting
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)  # the street-condition sets (benchmarks/street_audio.py)

if ((${#need[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "缺少系统软件包：${need[*]}；请以 root 运行或先行安装" >&2
    exit 1
  fi
  echo "安装系统软件包：${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
