#!/usr/bin/env bash
# Sends N alerts of 12 KB (three 4,000-character labels, inside the decide API's limits) one after another to
# the packaged app with a 128 MiB heap, then prints liveness, readiness (with heap and direct memory) and the
# size of a GET /v1/decisions answer, and the app's RSS. The recent-decisions buffer is bounded by bytes, so
# the service must stay alive and ready.
# Usage: bench/large-alerts.sh [N]   (build first: mvn -B package -DskipTests; needs python3)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-9016}
port=${PORT:-18082}
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
java ${JAVA_OPTS--Xmx128m} -Dquarkus.http.port="$port" -Dquarkus.management.port="$((port + 1))" -Dpager-policy.watch.enabled=false -jar "$jar" \
  > /tmp/pager-policy-large-alerts.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$((port + 1))/q/health/ready"; do sleep 0.2; done
python3 bench/large-alerts.py "$port" "$n"
echo "RSS after the run: $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MiB"
echo "OutOfMemoryError in the log: $(grep -c OutOfMemoryError /tmp/pager-policy-large-alerts.log || true)"
