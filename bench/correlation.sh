#!/usr/bin/env bash
# What knowing what is already firing costs a decision: POST /v1/decide under wrk (bench/alerts.lua, no ids, so that
# every decision adds an alert kept as firing) with pager-policy.correlation.store=none, memory and redis, one after
# the other on the same machine; then Redis stopped a third of the way into a run, to see what decisions do without it.
# Usage: bench/correlation.sh   (build first: mvn -B package -DskipTests; needs wrk and redis-server)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18091}
duration=${DURATION:-15}
connections=${CONNECTIONS:-16}
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
command -v wrk >/dev/null && command -v redis-server >/dev/null || { echo "needs wrk and redis-server" >&2; exit 2; }
redis_port=$((port + 10))
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no > /tmp/pager-policy-bench-redis-server.log 2>&1 &
redis=$!
app=
trap 'kill $app $redis 2>/dev/null || true' EXIT

start() { # store
  java -Xmx128m -Dquarkus.http.port="$port" -Dquarkus.management.port="$((port + 1))" -Dpager-policy.watch.enabled=false \
    -Dpager-policy.decision-log.enabled=false -Dpager-policy.correlation.store="$1" \
    -Dquarkus.redis.hosts="redis://127.0.0.1:$redis_port" -jar "$jar" > "/tmp/pager-policy-bench-$1.log" 2>&1 &
  app=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$((port + 1))/q/health/ready"; do sleep 0.2; done
}
load() { # seconds
  wrk -t2 -c"$connections" -d"$1s" --latency -s bench/alerts.lua "http://127.0.0.1:$port/v1/decide"
}
for store in none memory redis; do
  start "$store"
  load 10 > /dev/null # warm-up
  echo "== store=$store"
  load "$duration" | grep -E 'Requests/sec|Latency  |50%|99%|Non-2xx|requests in'
  kill "$app"; wait "$app" 2>/dev/null || true
done

echo "== store=redis, Redis stopped after $((duration / 3)) s of a ${duration} s run"
start redis
load 10 > /dev/null
( sleep $((duration / 3)); kill "$redis" ) &
load "$duration" | grep -E 'Requests/sec|Latency  |50%|99%|Non-2xx|requests in'
curl -s "http://127.0.0.1:$((port + 1))/q/health/ready" | tr -d '\n ' | grep -o '"name":"correlation"[^}]*}[^}]*}'
echo
grep -E 'cannot be kept or read' /tmp/pager-policy-bench-redis.log | head -1
