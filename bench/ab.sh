#!/usr/bin/env bash
# A/B of two builds: POST /v1/decide with wrk (bench/alerts.lua) against build A, then build B (default: this one),
# alternated ROUNDS times (2) in the same run; the decision log goes to a file; CPU per request from /proc.
# Usage: A=/path/to/other/quarkus-run.jar [B=...] bench/ab.sh   (needs wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
run() { # name jar port
  local name=$1 jar=$2 port=$3
  java -Xmx128m -Dquarkus.http.port=$port -Dquarkus.management.port=$((port+1)) -Dpager-policy.watch.enabled=false \
    -Dpager-policy.decision-log.destination=file -Dpager-policy.decision-log.file=/tmp/ab-$name.log \
    -Dpager-policy.rule-cache.dir=/tmp/ab-cache-$name -jar $jar > /tmp/ab-$name.out 2>&1 &
  local pid=$!
  for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$((port+1))/q/health/ready" && break; curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break; sleep 0.2; done
  wrk -t2 -c32 -d5s -s bench/alerts.lua "http://127.0.0.1:$port/v1/decide" > /dev/null  # warm up
  local before=$(awk '{print $14 + $15}' /proc/$pid/stat)
  local out=$(wrk -t2 -c32 -d15s --latency -s bench/alerts.lua "http://127.0.0.1:$port/v1/decide")
  local after=$(awk '{print $14 + $15}' /proc/$pid/stat)
  local reqs=$(echo "$out" | awk '/requests in/ {print $1}')
  echo "$name: $(echo "$out" | awk '/Requests\/sec/ {print $2}') req/s, p50 $(echo "$out" | awk '$1=="50%" {print $2}'), p99 $(echo "$out" | awk '$1=="99%" {print $2}'), CPU $(( (after - before) * 10000 / reqs )) µs/request"
  kill $pid; wait $pid 2>/dev/null || true
}
for round in $(seq "${ROUNDS:-2}"); do
  run A "$A" 18201
  run B "${B:-target/quarkus-app/quarkus-run.jar}" 18211
done
