#!/usr/bin/env bash
# Measures cold start: from launching the packaged app to its first successful decision. The app gets an empty
# rule cache of its own, so run 1 compiles the rules and the later runs load what run 1 compiled.
# Usage: bench/startup.sh [RUNS]   (build first: mvn -B package -DskipTests)
# JVM options: JAVA_OPTS, -Xmx128m (as the README starts the service) when unset; JAVA_OPTS="" for the JVM defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
port=${PORT:-18080}
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
alert='{"kind":"outage","severity":"critical","service":"checkout-api","firedAt":"2026-11-25T03:00:00Z"}'

for run in $(seq "$runs"); do
  start=$(date +%s%N)
  java ${JAVA_OPTS--Xmx128m} -Dquarkus.http.port="$port" -Dpager-policy.rule-cache.dir="$cache/compiled-rules" -jar "$jar" >/tmp/pager-policy-startup.log 2>&1 &
  pid=$!
  until curl -sf -o /dev/null -H 'content-type: application/json' -d "$alert" "http://127.0.0.1:$port/v1/decide"; do
    kill -0 "$pid" 2>/dev/null || { echo "the app exited; see /tmp/pager-policy-startup.log" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  if [ "$run" = 1 ]; then rules="rules compiled"; else rules="rules from the cache"; fi
  echo "run $run ($rules): first decision after $(( (end - start) / 1000000 )) ms, RSS $(( rss_kb / 1024 )) MiB"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
