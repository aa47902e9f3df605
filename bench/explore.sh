#!/usr/bin/env bash
# Explores the shipped pack, and the shipped pack with N more services in its catalog (each a tier-1, -2 or -3
# service of platform-sre), through the packaged app; prints each run's summary line, wall time and peak RSS.
# Usage: bench/explore.sh [N]   (default 1000; build first: mvn -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
pack=$(mktemp -d)
trap 'rm -rf "$pack"' EXIT
cp -r rules policies "$pack/"
for i in $(seq 0 $((n - 1))); do
  printf '  - name: svc-%05d\n    tier: tier-%d\n    onCallTeam: platform-sre\n    devTeam: payments-dev\n' "$i" $((1 + i % 3))
done >> "$pack/policies/services.yaml"
run() {
  local start end
  start=$(date +%s.%N)
  peak=$( { /usr/bin/time -f '%M' java ${JAVA_OPTS:-} -jar "$jar" explore "$@" > "$pack/out.txt"; } 2>&1 | tail -1 || true)
  end=$(date +%s.%N)
  echo "  $(head -1 "$pack/out.txt")"
  echo "  wall $(echo "$end - $start" | bc) s, peak RSS $((peak / 1024)) MiB, $(tail -1 "$pack/out.txt")"
}
echo "shipped pack:"
run --rules rules --policies policies
echo "shipped pack + $n services:"
run --rules "$pack/rules" --policies "$pack/policies"
