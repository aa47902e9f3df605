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
management_port=$((port + 1))
# A port taken by another process would fail the run with a message buried in the JVM's output: say so first.
for p in "$port" "$management_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "port $p is in use; set PORT to a free one (the run uses PORT and PORT+1)" >&2; exit 1
  fi
done
rm -f "$cache"
log=$(mktemp)
# A failed run can leave a partial cache, which a start would try to map: nothing but a whole cache is left behind.
succeeded=false
trap 'rm -f "$log"; [ "$succeeded" = true ] || rm -f "$cache"' EXIT
# What the service said, without the decision log's JSON lines and the JVM's notes on classes it skipped.
said() { grep -v -e '^{' -e '\[warning\]\[aot' "$log" | tail -20 >&2; }
if ! "$java" ${JAVA_OPTS:-} -XX:AOTCacheOutput="$cache" -Dpager-policy.training-run=true \
    -Dquarkus.http.port="$port" -Dquarkus.management.port="$management_port" -jar "$jar" >"$log" 2>&1; then
  echo "the training run failed; the service said:" >&2; said; exit 1
fi
[ -s "$cache" ] || { echo "no cache was written; the service said:" >&2; said; exit 1; }
succeeded=true
echo "wrote $cache ($(du -m "$cache" | cut -f1) MB); start with:"
echo "  $java -XX:AOTCache=$cache -jar $jar"
