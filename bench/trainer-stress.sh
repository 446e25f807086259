#!/usr/bin/env bash
# Runs every policy and reward-model unit test N times in one JVM with forced garbage
# collections every 20 ms, and prints one JSON line: rounds, failures (expected 0) and the
# failed tests. Usage: bench/trainer-stress.sh [ROUNDS]   (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-20}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
log=$(mktemp)
start=$(date +%s)
./mvnw -B -q -DskipVaadin ${MVN_ARGS:-} test -Dtest=TrainerStress -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpairwise.stress.rounds="$rounds" >"$log" 2>&1 || true
seconds=$(( $(date +%s) - start ))
failures=$(grep -c '^STRESS-FAIL' "$log" || true)
nan=$(grep '^STRESS-FAIL' "$log" | grep -ci 'nan' || true)
done_rounds=$(grep -c '^STRESS round' "$log" || true)
printf '{"rounds":%s,"rounds_done":%s,"failures":%s,"nan_failures":%s,"seconds":%s}\n' \
  "$rounds" "$done_rounds" "$failures" "$nan" "$seconds"
grep '^STRESS-FAIL' "$log" | cut -c1-300 || true
[ "$done_rounds" = "$rounds" ] && [ "$failures" = 0 ]
