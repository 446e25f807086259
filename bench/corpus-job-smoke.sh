#!/usr/bin/env bash
# Issue 14's "the CORPUS job works from the packaged jar": start the jar on a fresh H2 folder in demo
# mode, clean the demo corpus with a CORPUS job through the jobs API, print the job's log (one line
# per stage and the counts), then train a tokenizer on the cleaned corpus. Exits non-zero on failure.
# Usage: bench/corpus-job-smoke.sh    Environment: JAR=target/pairwise.jar  PORT=18096
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${PORT:-18096}
JAR=${JAR:-$ROOT/target/pairwise.jar}
source "$ROOT/bench/app.sh"
WORK=$(mktemp -d /tmp/pairwise-corpus-smoke.XXXXXX)
trap 'stop_app; rm -rf "$WORK"' EXIT
start_app "$WORK" "$PORT" --pairwise.demo.enabled=true
URL="http://127.0.0.1:$PORT"

# Submits a job as the demo researcher and waits for it; prints the finished job as JSON.
run_job() {
  local job status
  job=$(curl -sf -u researcher:researcher -H 'Content-Type: application/json' -d "$1" "$URL/api/jobs" | jq .id)
  for _ in $(seq 600); do
    status=$(curl -sf -u researcher:researcher "$URL/api/jobs/$job" | jq -r .status)
    [[ $status == SUCCEEDED || $status == FAILED || $status == CANCELLED ]] && break
    sleep 1
  done
  curl -sf -u researcher:researcher "$URL/api/jobs/$job"
}

CLEAN=$(run_job '{"type":"CORPUS","config":{"corpus":"demo-corpus.txt","languages":"en","minWords":5}}')
echo "$CLEAN" | jq -r '"CORPUS job \(.id): \(.status) \(.error // "")", .logTail'
[[ $(echo "$CLEAN" | jq -r .status) == SUCCEEDED ]]
NAME="demo-corpus-clean-job$(echo "$CLEAN" | jq .id).jsonl"
TOK=$(run_job "{\"type\":\"TOKENIZER\",\"config\":{\"corpus\":\"$NAME\",\"vocabSize\":300}}")
echo "$TOK" | jq -r '"TOKENIZER job \(.id) on '"$NAME"': \(.status) \(.error // "")"'
[[ $(echo "$TOK" | jq -r .status) == SUCCEEDED ]]
echo "report kept beside it: $(ls "$WORK"/data/corpora/.reports/)"
