#!/usr/bin/env bash
# Starts the packaged service with the shipped pack and an empty rule cache (so it compiles and checks every
# invariant) while busy loops hold every core twice over, as a crowded node would; prints whether it became ready,
# how long that took (and how long until it answered liveness, which it does while the gate runs), the gate's log
# lines and one decision's status.
# Usage: bench/start-under-load.sh   (build first: mvn -B package -DskipTests)
set -uo pipefail
cd "$(dirname "$0")/.."
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
hogs=$(( $(nproc) * 2 ))
pids=()
for _ in $(seq 1 "$hogs"); do ( while :; do :; done ) & pids+=($!); done
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$work"' EXIT
start=$(date +%s.%N)
PAGER_POLICY_RULE_CACHE_DIR="$work/cache" QUARKUS_HTTP_PORT=18124 QUARKUS_MANAGEMENT_PORT=19124 \
  java -jar "$jar" > "$work/log" 2>&1 &
app=$!
ready=no
alive=
for _ in $(seq 1 3000); do
  if [ -z "$alive" ] && curl -sf localhost:19124/q/health/live > /dev/null 2>&1; then alive=$(date +%s.%N); fi
  if curl -sf localhost:19124/q/health/ready > /dev/null 2>&1; then ready=yes; break; fi
  kill -0 "$app" 2>/dev/null || break
  sleep 0.2
done
end=$(date +%s.%N)
echo "busy loops: $hogs on $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "alive (liveness UP) after $(echo "${alive:-$end} - $start" | bc) s; ready: $ready after $(echo "$end - $start" | bc) s"
grep -E "invariants checked|rule set .* active|inconclusive|ERROR" "$work/log" | cut -c1-220
curl -s -o /dev/null -w "a decision: HTTP %{http_code}\n" -H 'Content-Type: application/json' \
  -d '{"kind":"outage","severity":"critical","service":"checkout-api"}' localhost:18124/v1/decide
kill "$app"; wait "$app" 2>/dev/null
