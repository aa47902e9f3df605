#!/usr/bin/env bash
# Measures cold start: from launching the packaged app to its first successful decision, on Java 17, on Java 25,
# and on Java 25 with an ahead-of-time cache (bin/aot-cache.sh), interleaved in one run so that the three share the
# machine's state. The app gets an empty rule cache of its own: the first start of each JVM compiles the rules and
# checks the invariants, the later ones load what it compiled (reported apart).
# Usage: bench/startup.sh [ROUNDS]   (build first: mvn -B package -DskipTests)
# JVM options: JAVA_OPTS, -Xmx128m (as the README starts the service) when unset; JAVA_OPTS="" for the JVM defaults.
# JAVA17 and JAVA25 name the two JVMs; without Java 25 only Java 17 is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
port=${PORT:-18080}
java17=${JAVA17:-java}
java25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
alert='{"kind":"outage","severity":"critical","service":"checkout-api","firedAt":"2026-11-25T03:00:00Z"}'
modes=("java17")
if [ -x "$java25" ]; then
  JAVA="$java25" bin/aot-cache.sh "$cache/app.aot" >/dev/null
  modes+=("java25" "java25+aot")
fi

start_once() { # mode round
  local mode=$1 java=$java17 extra=()
  case $mode in
    java25) java=$java25 ;;
    java25+aot) java=$java25; extra=(-XX:AOTCache="$cache/app.aot") ;;
  esac
  local start end pid
  start=$(date +%s%N)
  "$java" ${JAVA_OPTS--Xmx128m} "${extra[@]}" -Dquarkus.http.port="$port" \
    -Dpager-policy.rule-cache.dir="$cache/compiled-rules" -jar "$jar" >/tmp/pager-policy-startup.log 2>&1 &
  pid=$!
  until curl -sf -o /dev/null -H 'content-type: application/json' -d "$alert" "http://127.0.0.1:$port/v1/decide"; do
    kill -0 "$pid" 2>/dev/null || { echo "the app exited; see /tmp/pager-policy-startup.log" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  local rss_kb
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$mode $2 $(( (end - start) / 1000000 )) $(( rss_kb / 1024 ))"
}

results=$(mktemp)
for round in $(seq 0 "$rounds"); do   # round 0 compiles each JVM's rules and checks the invariants
  for mode in "${modes[@]}"; do
    start_once "$mode" "$round" | tee -a "$results" | awk '{printf "  %-11s round %s: first decision after %s ms, RSS %s MiB\n", $1, $2, $3, $4}'
  done
done
echo "summary (rounds 1-$rounds, rules from the cache):"
for mode in "${modes[@]}"; do
  awk -v m="$mode" '$1 == m && $2 > 0 {n++; s += $3; if (min == "" || $3 < min) min = $3; if ($3 > max) max = $3; r += $4}
    END {if (n) printf "  %-11s %d–%d ms, mean %d ms, RSS mean %d MiB\n", m, min, max, s / n, r / n}' "$results"
done
rm -f "$results"
