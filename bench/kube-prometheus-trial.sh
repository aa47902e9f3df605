#!/usr/bin/env bash
# Sends kube-prometheus' own alerts (examples/kube-prometheus/alerts.json: 42 alerts with the names and labels its
# rules give them) through a real Alertmanager to the packaged app running the example pack, and counts how they were
# decided: by the rules or by the fallback, and with which action.
# Usage: bench/kube-prometheus-trial.sh   (after mvn -B package; needs prometheus-alertmanager, python3, curl)
# PACK=DIR runs another pack's rules/, policies/ and scenarios/ (e.g. PACK=. for the shipped one).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18095}
pack=${PACK:-examples/kube-prometheus}
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
command -v prometheus-alertmanager >/dev/null || { echo "needs prometheus-alertmanager (apt-get install)" >&2; exit 2; }
scenarios=$pack/scenarios; [ -d "$scenarios" ] || scenarios=$pack/rules/tests
work=$(mktemp -d)
# Alertmanager sends the key its configuration names; the service is started with it, as a locked-down one would be.
key=trial-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

java -Xmx128m -Dquarkus.http.port="$port" -Dquarkus.management.port="$((port + 1))" \
  -Dpager-policy.rules-dir="$pack/rules" -Dpager-policy.policies-dir="$pack/policies" \
  -Dpager-policy.scenarios-dir="$scenarios" -Dpager-policy.watch.enabled=false \
  -Dpager-policy.security.decide-keys="$key" -Dpager-policy.rule-cache.dir="$work/cache" -Dpager-policy.decision-log.destination=file \
  -Dpager-policy.decision-log.file="$work/decisions.log" -jar "$jar" > "$work/app.log" 2>&1 &
pids+=($!)
for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$((port + 1))/q/health/ready" && break; sleep 0.2; done
curl -sf -o /dev/null "http://127.0.0.1:$((port + 1))/q/health/ready" \
  || { echo "the service did not start with $pack; it said:" >&2; grep -v '^{' "$work/app.log" | tail -20 >&2; exit 1; }

sed -e "s#http://127.0.0.1:8080/v1/alertmanager#http://127.0.0.1:$port/v1/alertmanager#" -e "s#YOUR-DECIDE-KEY#$key#" \
  src/test/resources/alertmanager/alertmanager.yml > "$work/alertmanager.yml"
prometheus-alertmanager --config.file="$work/alertmanager.yml" --storage.path="$work/data" \
  --web.listen-address="127.0.0.1:$((port + 2))" --cluster.listen-address= > "$work/alertmanager.log" 2>&1 &
pids+=($!)
for _ in $(seq 300); do curl -sf -o /dev/null "http://127.0.0.1:$((port + 2))/-/ready" && break; sleep 0.2; done

status=0
python3 - "$port" "$work/decisions.log" <<'PY' || status=$?
import json, sys, time, urllib.request
port, log = int(sys.argv[1]), sys.argv[2]
alerts = json.load(open("examples/kube-prometheus/alerts.json"))
now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
body = json.dumps([{"labels": labels, "startsAt": now} for labels in alerts]).encode()
request = urllib.request.Request(f"http://127.0.0.1:{port + 2}/api/v2/alerts", body,
                                 {"Content-Type": "application/json"})
urllib.request.urlopen(request, timeout=10).read()
wanted = {a["alertname"] for a in alerts}
decided = {}
for _ in range(300):
    try:
        for line in open(log):
            record = json.loads(line)
            name = record["decision"].get("alertId")
            if name in wanted:
                decided[name] = record["decision"]
    except FileNotFoundError:
        pass
    if len(decided) == len(wanted):
        break
    time.sleep(0.2)
by_rules = [d for d in decided.values() if not d["fallback"]]
count = lambda ds, action: sum(1 for d in ds if d["action"] == action)
print(f"{len(alerts)} alerts sent through Alertmanager, {len(decided)} decided")
print(f"decided by the rules: {len(by_rules)}; by the fallback: {len(decided) - len(by_rules)}")
for action in ["page", "ticket", "notify", "automate", "ignore"]:
    print(f"  {action}: {count(decided.values(), action)} (by the rules: {count(by_rules, action)})")
for name, d in sorted(decided.items()):
    if d["fallback"]:
        why = next(r['explanation'] for r in d['reasons'] if r['rule'] == 'fallback')
        print(f"  fallback: {name}: {why}")
sys.exit(0 if len(decided) == len(wanted) else 3)
PY
if [ "$status" != 0 ]; then
  # A notification the service refused (a wrong key, a body it rejects) is in Alertmanager's log, not the service's.
  echo "not every alert was decided; Alertmanager's last errors:" >&2
  grep 'level=error' "$work/alertmanager.log" | tail -3 | cut -c1-400 >&2
  exit 1
fi
