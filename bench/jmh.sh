#!/usr/bin/env bash
# Runs the JMH benchmarks of the engine (no HTTP). Extra arguments go to JMH, e.g.:
#   bench/jmh.sh DecisionBenchmark -t 2          # two threads
#   bench/jmh.sh DecisionBenchmark -p pack=shipped -bm thrpt -tu s
set -euo pipefail
cd "$(dirname "$0")/.."
args=${*:-DecisionBenchmark}
mvn -q -B test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
  "-Dexec.args=-cp %classpath org.openjdk.jmh.Main $args"
