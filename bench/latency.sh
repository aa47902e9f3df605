#!/usr/bin/env bash
# Latency of POST /v1/decide at a fixed arrival rate, which wrk cannot hold. autocannon (npm) finds the saturating
# rate; then at 25 % and 50 % of it, two generators: autocannon -R, whose rate is a per-second quota per
# connection (it sends in bursts at the start of each second), and bench/LoadClient.java, which sends one request
# every 1/rate seconds and times each from when it was due. Both run on the same two cores as the service.
# Usage: bench/latency.sh   (build first: mvn -B package -DskipTests; installs autocannon into target/autocannon)
# JVM options: JAVA_OPTS, -Xmx128m (as the README starts the service) when unset.
# RATE=N skips autocannon: after one open-loop run at N requests/s to warm up, ROUNDS (default 2) more are reported.
# JAR=... runs another build.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18083}
duration=${DURATION:-20}
connections=${CONNECTIONS:-32}
jar=${JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
ac=target/autocannon/node_modules/.bin/autocannon
[ -n "${RATE:-}" ] || [ -x "$ac" ] || npm install --silent --prefix target/autocannon autocannon@8 >/dev/null
java ${JAVA_OPTS--Xmx128m} -Dquarkus.http.port="$port" -Dquarkus.management.port="$((port + 1))" -Dpager-policy.watch.enabled=false \
  -Dquarkus.log.category.\"pager-policy.decisions\".level=${DECISION_LOG_LEVEL:-INFO} \
  -jar "$jar" > /tmp/pager-policy-latency.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$((port + 1))/q/health/ready"; do sleep 0.2; done
url="http://127.0.0.1:$port/v1/decide"
body='{"kind":"outage","severity":"high","service":"checkout-api","firedAt":"2026-11-25T03:00:00Z"}'
if [ -n "${RATE:-}" ]; then
  echo "== open loop at $RATE req/s: one run to warm up, then ${ROUNDS:-2}"
  java bench/LoadClient.java open "$url" "$RATE" "$duration" "$body" "$connections" > /dev/null
  for round in $(seq "${ROUNDS:-2}"); do java bench/LoadClient.java open "$url" "$RATE" "$duration" "$body" "$connections"; done
  echo "RSS after the runs: $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MiB"
  exit 0
fi
run() { # extra autocannon args...
  "$ac" -j -c "$connections" -d "$duration" -m POST -H 'content-type=application/json' -b "$body" "$@" "$url" 2>/dev/null
}
summary() {
  node -e 'const r = JSON.parse(require("fs").readFileSync(0, "utf8")); const l = r.latency;
    console.log(`${Math.round(r.requests.average)} req/s; latency p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, p99.9 ${l.p99_9} ms, max ${l.max} ms; ${r.non2xx} non-2xx, ${r.errors} errors`)'
}
echo "== warm-up, ${duration}s at saturation"; run > /dev/null
echo "== saturation, ${duration}s, $connections connections"
saturated=$(run)
echo "$saturated" | summary
rate=$(echo "$saturated" | node -e 'console.log(Math.round(JSON.parse(require("fs").readFileSync(0, "utf8")).requests.average))')
for share in 25 50; do
  target=$(( rate * share / 100 ))
  echo "== fixed rate: $share % of saturation = $target req/s"
  echo -n "autocannon -R: "; run -R "$target" | summary
  echo -n "open loop:     "; java bench/LoadClient.java open "$url" "$target" "$duration" "$body"
done
echo "RSS after the runs: $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MiB"
