#!/usr/bin/env bash
# Soak test of the embedded default (issue 9): starts the packaged jar on a fresh H2 data folder in
# demo mode with the pool's max-lifetime lowered to MAX_LIFETIME_MS, so HikariCP retires and
# replaces every connection many times, and drives light REST traffic for MINUTES (bench/Soak.java:
# labelers lease, judge and skip over basic and API tokens; prompts imported; small jobs started and
# cancelled; demonstrations written and approved). Stops by itself and stops the app by its PID.
# Prints one JSON line: requests, errors (expected 0), judgments acknowledged and stored, uptime_s,
# connections_created (pool connections opened: > 10 means retirement happened), log_errors (ERROR
# lines in the app log) and check_constraint_errors (the H2 2.4.240 failure's message).
#
# Usage:  bench/soak.sh [MINUTES=30]
# Environment: JAR=target/pairwise.jar (./mvnw -B -DskipTests package)  PORT=18091
#              MAX_LIFETIME_MS=30000 (HikariCP's minimum)  KEEP=0 (1: keep the data folder)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MINUTES=${1:-30}
PORT=${PORT:-18091}
MAX_LIFETIME_MS=${MAX_LIFETIME_MS:-30000}
JAR=${JAR:-$ROOT/target/pairwise.jar}
source "$ROOT/bench/app.sh"
WORK=$(mktemp -d /tmp/pairwise-soak.XXXXXX)
cleanup() { stop_app; if [[ ${KEEP:-0} == 1 ]]; then echo "data and app.log kept in $WORK" >&2; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

start_app "$WORK" "$PORT" --pairwise.demo.enabled=true "--spring.datasource.hikari.max-lifetime=$MAX_LIFETIME_MS"
URL="http://127.0.0.1:$PORT"
RESULT=$("$JAVA_HOME/bin/java" "$ROOT/bench/Soak.java" "$URL" "$MINUTES")

metric() {  # NAME STATISTIC: one value from /actuator/metrics (admin only)
  curl -sf -u admin:admin "$URL/actuator/metrics/$1" | jq -r --arg s "$2" '.measurements[] | select(.statistic==$s) | .value'
}
UPTIME=$(metric process.uptime VALUE)
CREATED=$(metric hikaricp.connections.creation COUNT)
LOG_ERRORS=$(grep -c ' ERROR ' "$WORK/app.log" || true)
CHECK_ERRORS=$(grep -c 'Check constraint invalid' "$WORK/app.log" || true)
H2=$(unzip -l "$JAR" | grep -o 'h2-[0-9.]*\.jar' | head -1)
echo "$RESULT" | jq -c --argjson up "$UPTIME" --argjson created "$CREATED" --argjson le "$LOG_ERRORS" \
  --argjson ce "$CHECK_ERRORS" --argjson ml "$MAX_LIFETIME_MS" --arg h2 "$H2" \
  '. + {uptime_s: ($up | floor), max_lifetime_ms: $ml, connections_created: $created, log_errors: $le,
        check_constraint_errors: $ce, h2: $h2}'
