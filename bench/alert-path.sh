#!/usr/bin/env bash
# pager-policy in the alert path, with a real Alertmanager (Debian package prometheus-alertmanager) on loopback:
#  1. 5,000 alerts posted to POST /api/v2/alerts as Prometheus posts them (batches of 256, four at a time): the time
#     from the first post until all 5,000 are in Alertmanager (GET /api/v2/alerts), and how many arrived;
#  2. the latency of POST /api/v2/alerts, one alert a request, at a constant 1,000 alerts/s for 20 s (open loop,
#     bench/LoadClient.java): what pager-policy adds in the path (each alert decided and its copy queued; the same
#     alert each time, as Prometheus resends it), after 10 s of warm-up;
#  3. the webhook path: 5,000 alerts posted to Alertmanager, grouped by alertname and service (groups of about 830),
#     sent to /v1/alertmanager: the time until all 5,000 are decided (pager_policy_decisions_total).
# Usage: bench/alert-path.sh   (build first: mvn -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
command -v prometheus-alertmanager >/dev/null || { echo "apt-get install prometheus-alertmanager" >&2; exit 2; }
port=${PORT:-18095}; am=$((port + 2))
work=$(mktemp -d)
cat > "$work/alertmanager.yml" <<YML
route:
  receiver: nobody
  group_by: ['...']
  routes:
    - matchers: ['via="webhook"']
      receiver: pager-policy
      group_by: [alertname, service]
      group_wait: 1s
      group_interval: 1s
    - {matchers: ['pp_action="page"'], receiver: pages}
    - {matchers: ['pp_action=~"ticket|notify|automate"'], receiver: others}
receivers:
  - name: nobody
  - name: pages
  - name: others
  - name: pager-policy
    webhook_configs:
      - url: http://127.0.0.1:$port/v1/alertmanager
        send_resolved: true
YML
prometheus-alertmanager --config.file="$work/alertmanager.yml" --storage.path="$work/am" \
  --web.listen-address=127.0.0.1:$am --cluster.listen-address= > "$work/am.log" 2>&1 &
ampid=$!
java ${JAVA_OPTS--Xmx128m} -Dquarkus.http.port=$port -Dquarkus.management.port=$((port + 1)) \
  -Dpager-policy.watch.enabled=false -Dpager-policy.forward.alertmanagers=http://127.0.0.1:$am \
  -Dpager-policy.decision-log.destination=file -Dpager-policy.decision-log.file="$work/decisions.log" \
  -jar "$jar" > "$work/service.log" 2>&1 &
pid=$!
trap 'kill $pid $ampid 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$((port + 1))/q/health/ready"; do sleep 0.2; done
until curl -sf -o /dev/null "http://127.0.0.1:$am/-/ready"; do sleep 0.2; done

python3 - "$port" "$am" <<'PY'
import json, sys, time, urllib.request, concurrent.futures
port, am = sys.argv[1], sys.argv[2]
now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
end = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 3600))
def post(url, alerts):
    request = urllib.request.Request(url, json.dumps(alerts).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        assert answer.status == 200, answer.status
def count(name):
    with urllib.request.urlopen("http://127.0.0.1:%s/api/v2/alerts?filter=%s" % (am, urllib.parse.quote('alertname="%s"' % name))) as answer:
        return len(json.load(answer))
services = ["checkout-api", "fraud-scoring", "recommendations"]
def alerts(name, labels):
    # critical: paged at any hour on these tiers, so that no copy waits for business hours
    return [dict(labels={"alertname": name, "kind": "latency", "severity": "critical", "service": services[i % 3],
                         "instance": "pod-%d" % i, **labels},
                 annotations={"summary": "bench"}, startsAt=now, endsAt=end) for i in range(5000)]
storm = alerts("PathStorm", {})
start = time.time()
with concurrent.futures.ThreadPoolExecutor(4) as pool:
    list(pool.map(lambda i: post("http://127.0.0.1:%s/api/v2/alerts" % port, storm[i:i + 256]), range(0, 5000, 256)))
posted = time.time() - start
while count("PathStorm") < 5000 and time.time() - start < 120:
    time.sleep(0.1)
print("alert path: 5,000 alerts posted in %.2f s, %d in Alertmanager after %.2f s" % (posted, count("PathStorm"), time.time() - start))
PY

latency() { # seconds label
  java bench/LoadClient.java open "http://127.0.0.1:$port/api/v2/alerts" 1000 "$1" \
    "[{\"labels\": {\"alertname\": \"PathLatency\", \"kind\": \"latency\", \"severity\": \"critical\", \"service\": \"checkout-api\"}, \"startsAt\": \"$(date -u +%FT%TZ)\"}]" 8 |
    sed "s|^|$2|"
}
# The first seconds measure the JIT of both processes; then two measured runs.
latency 10 "warm-up, not a figure: "
latency 20 "alert path, 1,000 alerts/s: "
latency 20 "alert path, 1,000 alerts/s: "

decided() { curl -s "http://127.0.0.1:$((port + 1))/q/metrics" | awk '/^pager_policy_decisions_total\{/ { s += $NF } END { print s + 0 }'; }
before=$(decided)
python3 - "$am" "$before" "$port" <<'PY'
import json, sys, time, urllib.request
am, before, port = sys.argv[1], float(sys.argv[2]), sys.argv[3]
now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
services = ["checkout-api", "fraud-scoring", "recommendations"]
storm = [dict(labels={"alertname": "HookStorm%d" % (i % 6), "via": "webhook", "kind": "latency", "severity": "high",
                      "service": services[i % 3], "instance": "pod-%d" % i}, startsAt=now) for i in range(5000)]
def decided():
    with urllib.request.urlopen("http://127.0.0.1:%d/q/metrics" % (int(port) + 1)) as answer:
        return sum(float(line.rsplit(" ", 1)[1]) for line in answer.read().decode().splitlines()
                   if line.startswith("pager_policy_decisions_total{"))
start = time.time()
for i in range(0, 5000, 500):
    request = urllib.request.Request("http://127.0.0.1:%s/api/v2/alerts" % am, json.dumps(storm[i:i + 500]).encode(),
                                     {"Content-Type": "application/json"})
    urllib.request.urlopen(request).close()
while decided() - before < 5000 and time.time() - start < 120:
    time.sleep(0.1)
print("webhook path: 5,000 alerts posted to Alertmanager, %d decided after %.2f s" % (decided() - before, time.time() - start))
PY
