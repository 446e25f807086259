#!/usr/bin/env bash
# What HTTP basic costs against an API token (issue 9): starts the packaged jar on a fresh H2 data
# folder in demo mode, makes an API token for the demo labeler through the admin API, and has
# THREADS clients GET /api/projects for SECONDS with basic (labeler:labeler), then with the token,
# alternating for ROUNDS rounds. Prints one JSON line: requests/s (median of rounds), p50/p99 ms.
#
# Usage:  bench/auth-cost.sh [SECONDS=10] [THREADS=4] [ROUNDS=3]
# Environment: JAR=target/pairwise.jar  PORT=18090  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
#              APP_ARGS="--pairwise.security.password-cache-seconds=0"  extra app arguments
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SECONDS_PER_ROUND=${1:-10}; THREADS=${2:-4}; ROUNDS=${3:-3}
PORT=${PORT:-18090}
JAR=${JAR:-$ROOT/target/pairwise.jar}
source "$ROOT/bench/app.sh"
WORK=$(mktemp -d /tmp/pairwise-auth-cost.XXXXXX)
trap 'stop_app; rm -rf "$WORK"' EXIT

# shellcheck disable=SC2086
start_app "$WORK" "$PORT" --pairwise.demo.enabled=true ${APP_ARGS:-}
URL="http://127.0.0.1:$PORT"
LABELER_ID=$(curl -sf -u admin:admin "$URL/api/admin/accounts" | jq '.[] | select(.username=="labeler") | .id')
TOKEN=$(curl -sf -u admin:admin -H 'Content-Type: application/json' -d '{"name":"auth-cost"}' \
  "$URL/api/admin/accounts/$LABELER_ID/tokens" | jq -r .token)
[[ "$TOKEN" == pw_* ]] || { echo "could not make a token" >&2; exit 1; }

"$JAVA_HOME/bin/java" "$ROOT/bench/AuthCost.java" "$URL" /api/projects "$SECONDS_PER_ROUND" "$THREADS" "$ROUNDS" \
  "basic=Basic $(printf 'labeler:labeler' | base64)" "bearer=Bearer $TOKEN"
