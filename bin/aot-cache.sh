#!/usr/bin/env bash
# Records an ahead-of-time cache for the packaged app on Java 25 or later (JEP 483/514): a training run starts the
# service with pager-policy.training-run=true, which decides a few hundred alerts through its own HTTP API (single,
# batch, Alertmanager), reads the rule set and the recent decisions, then stops; the JVM writes what it loaded and
# linked to the cache as it exits. Starts that use the cache skip that work. The build stays Java 17; the cache must
# be used by the very JVM that recorded it (the Dockerfile records its own at image build).
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
trap 'rm -f "$log"' EXIT
if ! "$java" ${JAVA_OPTS:-} -XX:AOTCacheOutput="$cache" -Dpager-policy.training-run=true \
    -Dquarkus.http.port="$port" -jar "$jar" >"$log" 2>&1; then
  echo "the training run failed; the JVM said:" >&2; grep -v '^{' "$log" | tail -20 >&2; exit 1
fi
[ -s "$cache" ] || { echo "no cache was written; the JVM said:" >&2; grep -v '^{' "$log" | tail -20 >&2; exit 1; }
echo "wrote $cache ($(du -m "$cache" | cut -f1) MB); start with:"
echo "  $java -XX:AOTCache=$cache -jar $jar"
