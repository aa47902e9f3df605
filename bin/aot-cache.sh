#!/usr/bin/env bash
# Records an ahead-of-time cache for the packaged app on Java 25 or later (JEP 483/514): a training run starts the
# service on a free port, decides a few hundred alerts (single, batch, Alertmanager), reads the rule set and the
# recent decisions, then stops; the JVM writes what it loaded and linked to the cache as it exits. Starts that use
# the cache skip that work. The build stays Java 17; the cache must be used by the very JVM that recorded it.
# Usage: JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bin/aot-cache.sh [CACHE]   (default target/pager-policy.aot)
# Then:  $JAVA -XX:AOTCache=target/pager-policy.aot -jar target/quarkus-app/quarkus-run.jar
set -euo pipefail
cd "$(dirname "$0")/.."
java=${JAVA:-java}
cache=${1:-target/pager-policy.aot}
port=${PORT:-18090}
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
version=$("$java" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -c AOTCacheOutput || true)
[ "$version" -gt 0 ] || { echo "$java has no -XX:AOTCacheOutput: use Java 25 or later (JAVA=...)" >&2; exit 2; }
rm -f "$cache"
log=$(mktemp)
"$java" ${JAVA_OPTS:-} -XX:AOTCacheOutput="$cache" -Dquarkus.http.port="$port" -jar "$jar" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log"' EXIT
url=http://127.0.0.1:$port
until curl -sf -o /dev/null "$url/q/health/ready"; do
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.2
done
kinds=(outage latency error_rate model_drift model_performance data_quality training_pipeline)
severities=(critical high medium low info)
services=(checkout-api fraud-scoring recommendations churn-reports)
for round in 1 2 3; do
  for kind in "${kinds[@]}"; do
    for severity in "${severities[@]}"; do
      for service in "${services[@]}"; do
        curl -sf -o /dev/null -H 'content-type: application/json' \
          -d "{\"kind\":\"$kind\",\"severity\":\"$severity\",\"service\":\"$service\",\"firedAt\":\"2026-11-2${round}T03:00:00Z\"}" \
          "$url/v1/decide"
      done
    done
  done
done
curl -sf -o /dev/null -H 'content-type: application/json' \
  -d '[{"kind":"outage","severity":"high","service":"checkout-api"},{"kind":"model_drift","severity":"low","service":"fraud-scoring","model":"fraud-detector"}]' \
  "$url/v1/decide/batch"
curl -sf -o /dev/null -H 'content-type: application/json' \
  -d '{"version":"4","status":"firing","receiver":"pager-policy","alerts":[{"status":"firing","labels":{"alertname":"ApiDown","kind":"outage","severity":"critical","service":"checkout-api"},"startsAt":"2026-11-25T03:00:00Z"}]}' \
  "$url/v1/alertmanager" || true
curl -sf -o /dev/null "$url/v1/ruleset"
curl -sf -o /dev/null "$url/v1/decisions?limit=50"
kill -TERM "$pid"
wait "$pid" || true
[ -s "$cache" ] || { echo "no cache was written; the JVM said:" >&2; tail -20 "$log" >&2; exit 1; }
echo "wrote $cache ($(du -m "$cache" | cut -f1) MB); start with:"
echo "  $java -XX:AOTCache=$cache -jar $jar"
