#!/usr/bin/env bash
# Replays a decision log of N lines (the 60 recorded decisions of src/test/resources/replay/decisions.log,
# repeated) with the shipped pack and with the pack whose tier-2 pages high alerts around the clock, in a
# 64 MiB heap; prints each run's summary, wall time, decisions per second and peak RSS.
# Usage: bench/replay.sh [N]   (default 1000000; build first: mvn -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fixture=src/test/resources/replay/decisions.log
lines=$(wc -l < "$fixture")
for _ in $(seq 1 $(( (n + lines - 1) / lines ))); do cat "$fixture"; done | head -n "$n" > "$work/decisions.log"
cp -r rules policies "$work/"
python3 - "$work/policies/sla-tiers.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read().replace("ackWithin: PT15M\n    pagesAroundTheClock: [critical]",
                           "ackWithin: PT10M\n    pagesAroundTheClock: [critical, high]")
open(p, "w").write(s)
PY
echo "log: $n lines, $(du -m "$work/decisions.log" | cut -f1) MB"
for policies in policies "$work/policies"; do
  start=$(date +%s.%N)
  peak=$( { /usr/bin/time -f '%M' java -Xmx64m -jar "$jar" replay --decisions "$work/decisions.log" \
      --policies "$policies" > "$work/out.txt"; } 2>&1 | tail -1)
  end=$(date +%s.%N)
  wall=$(echo "$end - $start" | bc)
  echo "  $(head -1 "$work/out.txt")"
  echo "  wall $wall s ($(echo "$n / $wall" | bc) decisions/s including start-up), peak RSS $((peak / 1024)) MiB"
done
