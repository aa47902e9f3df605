#!/usr/bin/env bash
# Loads POST /v1/decide of the packaged app with wrk (a realistic alert mix, bench/alerts.lua) and, in the
# same run, the ceiling endpoint of the same app that parses and validates the same JSON and returns a fixed
# answer. Then a fixed sub-saturation rate for latency percentiles, and the RSS.
# Usage: bench/http.sh   (builds the bench profile into target/bench/; needs wrk: apt-get install wrk)
# JVM options: JAVA_OPTS, -Xmx128m (as the README starts the service) when unset; JAVA_OPTS="" for the JVM defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18081}
duration=${DURATION:-20s}
connections=${CONNECTIONS:-32}
jar=target/bench/quarkus-app/quarkus-run.jar
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 2; }
# The bench build adds the ceiling endpoint; the production build in target/ has none.
mvn -B -q -Pbench package -DskipTests

java ${JAVA_OPTS--Xmx128m} -Dquarkus.http.port="$port" -Dquarkus.management.port="$((port + 1))" -Dpager-policy.watch.enabled=false \
  -jar "$jar" > /tmp/pager-policy-http-bench.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$((port + 1))/q/health/ready"; do sleep 0.2; done

base="http://127.0.0.1:$port"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
# Runs wrk on a path and prints its report, plus the app's CPU time per request (wrk shares the 2 cores, so
# CPU per request compares endpoints more steadily than requests per second).
load() { # path, extra wrk args...
  local path=$1; shift
  local before after out requests
  before=$(cpu_ticks)
  out=$(wrk -t2 -c"$connections" -d"$duration" --latency -s bench/alerts.lua "$@" "$base$path")
  after=$(cpu_ticks)
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  echo "$out"
  echo "app CPU per request: $(( (after - before) * 1000000 / $(getconf CLK_TCK) / requests )) us"
}
rps() { awk '/Requests\/sec/ {print $2}'; }

echo "== warm-up (both endpoints, 3 x 10s each, so that the JIT has compiled both paths)"
for round in 1 2 3; do
  wrk -t2 -c"$connections" -d10s -s bench/alerts.lua "$base/v1/decide" > /dev/null
  wrk -t2 -c"$connections" -d10s -s bench/alerts.lua "$base/v1/benchmark/ceiling" > /dev/null
done

echo "== saturation: POST /v1/decide"
report=$(load /v1/decide); echo "$report"; decide=$(echo "$report" | rps)
echo "== saturation: POST /v1/benchmark/ceiling"
report=$(load /v1/benchmark/ceiling); echo "$report"; ceiling=$(echo "$report" | rps)
echo "decide/ceiling = $decide / $ceiling = $(awk -v a="$decide" -v b="$ceiling" 'BEGIN {printf "%.2f", a / b}')"

# Half the saturating rate: each of the connections waits between requests.
half=$(awk -v r="$decide" 'BEGIN {printf "%d", r / 2}')
delay_ms=$(awk -v c="$connections" -v r="$half" 'BEGIN {printf "%d", c * 1000 / r}')
echo "== fixed rate ~${half}/s (${connections} connections, ${delay_ms} ms between requests each): POST /v1/decide"
WRK_DELAY_MS=$delay_ms load /v1/decide

echo "== RSS after the runs: $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MiB"
