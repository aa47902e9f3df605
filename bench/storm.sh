#!/usr/bin/env bash
# An alert storm: 10,000 alerts sent to the packaged app as 100 requests of 100 alerts, four at a time, once through
# the batch endpoint and once as Alertmanager groups; prints the total time, decisions per second, the p99 of a
# request, the service's CPU time per decision, and the RSS before and after. Every decision is logged (to a file, as a log collector would read it).
# Usage: [REQUESTS=100] bench/storm.sh [ROUNDS]   (build first: mvn -B package -DskipTests; the client is bench/LoadClient.java)
# WARMUP storms of each kind (default 20) warm the service's JIT first and are not reported; then ROUNDS storms of
# each kind, each reported. One client process sends all the rounds of a kind, so that its own start and JIT do not
# take the cores during a measured storm. REQUESTS=N sends storms of N requests of 100 alerts instead of 100 (a long
# storm measures the steady rate); JAR=... runs another build.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
port=${PORT:-18085}
jar=${JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
java ${JAVA_OPTS--Xmx128m} -Dquarkus.http.port="$port" -Dquarkus.management.port="$((port + 1))" -Dpager-policy.watch.enabled=false -jar "$jar" \
  > "$work/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$((port + 1))/q/health/ready"; do sleep 0.2; done
python3 - "$work" <<'PY'
import json, sys
kinds = ["outage", "latency", "error_rate", "saturation", "model_drift", "data_quality"]
severities = ["critical", "high", "medium", "low", "info"]
services = ["checkout-api", "fraud-scoring", "recommendations", "churn-reports"]
alerts = [{"kind": kinds[i % 6], "severity": severities[i % 5], "service": services[i % 4],
           "firedAt": "2026-11-25T0%d:00:00Z" % (i % 10)} for i in range(100)]
open(sys.argv[1] + "/batch.json", "w").write(json.dumps(alerts))
group = {"version": "4", "status": "firing", "receiver": "pager-policy", "groupKey": "storm", "alerts": [
    {"status": "firing", "labels": {"alertname": "Storm%d" % i, "kind": a["kind"], "severity": a["severity"],
     "service": a["service"]}, "startsAt": a["firedAt"]} for i, a in enumerate(alerts)]}
open(sys.argv[1] + "/group.json", "w").write(json.dumps(group))
PY
rss() { echo $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )); }
requests=${REQUESTS:-100}
storm() { # path body-file rounds: $requests requests of 100 alerts, 4 at a time, repeated
  java bench/LoadClient.java closed "http://127.0.0.1:$port$1" "$requests" 4 "@$2" "$3" |
    awk -v alerts=$((requests * 100)) '{ match($0, / in [0-9.]+ s/); took = substr($0, RSTART + 4, RLENGTH - 6)
      round = /^round/ ? $1 " " $2 " " : ""
      printf "%s%d alerts in %s s: %d decisions/s; per request %s\n", round, alerts, took, alerts / took, substr($0, index($0, "p50")) }'
}
echo "RSS before: $(rss) MiB"
warmup=${WARMUP:-20}
storm /v1/decide/batch "$work/batch.json" "$warmup" > /dev/null
storm /v1/alertmanager "$work/group.json" "$warmup" > /dev/null
echo "after $warmup storms of each kind to warm up, RSS $(rss) MiB"
cpu() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; } # the service's user and system time, in clock ticks
measured() { # label path body-file: the rounds, then the service's CPU time per decision over all of them
  local before after
  before=$(cpu)
  storm "$2" "$3" "$rounds" | sed "s/^/$1/"
  after=$(cpu)
  echo "$1service CPU $(( (after - before) * 1000000 / $(getconf CLK_TCK) / (rounds * requests * 100) )) µs per decision"
}
measured "batch endpoint, " /v1/decide/batch "$work/batch.json"
measured "Alertmanager,   " /v1/alertmanager "$work/group.json"
echo "RSS after: $(rss) MiB"
