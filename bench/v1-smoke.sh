#!/usr/bin/env bash
# The done-when check of issue 11 item 6, from the packaged jar: start it on a fresh H2 folder in
# demo mode, train a tiny policy through the jobs API (TOKENIZER on the demo corpus -> PRETRAIN
# for STEPS steps -> SFT on the demo demonstrations), make an API token for the demo researcher,
# then list /v1/models and ask /v1/chat/completions (whole and streamed) for the SFT checkpoint.
# Prints each curl command and its answer.
#
# Usage:  bench/v1-smoke.sh [STEPS=60]
# Environment: JAR=target/pairwise.jar  PORT=18095  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
STEPS=${1:-60}
PORT=${PORT:-18095}
JAR=${JAR:-$ROOT/target/pairwise.jar}
source "$ROOT/bench/app.sh"
WORK=$(mktemp -d /tmp/pairwise-v1-smoke.XXXXXX)
trap 'stop_app; rm -rf "$WORK"' EXIT

start_app "$WORK" "$PORT" --pairwise.demo.enabled=true
URL="http://127.0.0.1:$PORT"

# Submits a job as the demo researcher, waits for it, prints the id of the checkpoint it registered.
train() {
  local job status
  job=$(curl -sf -u researcher:researcher -H 'Content-Type: application/json' -d "$1" "$URL/api/jobs" | jq .id)
  for _ in $(seq 600); do
    status=$(curl -sf -u researcher:researcher "$URL/api/jobs/$job" | jq -r .status)
    case $status in
      SUCCEEDED) break ;;
      FAILED|CANCELLED) echo "job $job $status: $(curl -sf -u researcher:researcher "$URL/api/jobs/$job")" >&2; exit 1 ;;
    esac
    sleep 1
  done
  [[ $status == SUCCEEDED ]] || { echo "job $job did not finish in 10 minutes" >&2; exit 1; }
  curl -sf -u researcher:researcher "$URL/api/checkpoints" | jq --argjson job "$job" '.[] | select(.jobId==$job) | .id'
}

TOKENIZER=$(train '{"type":"TOKENIZER","config":{"corpus":"demo-corpus.txt"}}')
BASE=$(train "{\"type\":\"PRETRAIN\",\"config\":{\"corpus\":\"demo-corpus.txt\",\"tokenizerCheckpoint\":$TOKENIZER,\"steps\":$STEPS,\"evalEvery\":$STEPS,\"checkpointEvery\":$STEPS}}")
SFT=$(train "{\"type\":\"SFT\",\"config\":{\"baseCheckpoint\":$BASE,\"epochs\":3}}")
MODEL=$(curl -sf -u researcher:researcher "$URL/api/checkpoints/$SFT" | jq -r .name)
echo "trained: tokenizer $TOKENIZER, base $BASE, SFT $SFT named $MODEL"

RESEARCHER_ID=$(curl -sf -u admin:admin "$URL/api/admin/accounts" | jq '.[] | select(.username=="researcher") | .id')
T=$(curl -sf -u admin:admin -H 'Content-Type: application/json' -d '{"name":"v1-smoke"}' \
  "$URL/api/admin/accounts/$RESEARCHER_ID/tokens" | jq -r .token)

# Prints the command as it could be pasted (the token as $T), then runs it.
run() { printf '$'; printf ' %q' "$@" | sed "s/$T/\$T/g"; echo; "$@"; echo; echo; }
run curl -s -H "Authorization: Bearer $T" "$URL/v1/models"
BODY="{\"model\":\"$MODEL\",\"messages\":[{\"role\":\"user\",\"content\":\"What do labelers do?\"}],\"max_tokens\":40,\"seed\":1}"
run curl -s -H "Authorization: Bearer $T" -H 'Content-Type: application/json' -d "$BODY" "$URL/v1/chat/completions"
ANSWER=$(curl -sf -H "Authorization: Bearer $T" -H 'Content-Type: application/json' -d "$BODY" "$URL/v1/chat/completions" \
  | jq -er '.choices[0].message.content')
echo "choices[0].message.content: $ANSWER"
echo
run curl -sN -H "Authorization: Bearer $T" -H 'Content-Type: application/json' \
  -d "${BODY%\}},\"stream\":true}" "$URL/v1/chat/completions"
