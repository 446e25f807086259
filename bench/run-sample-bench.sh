#!/usr/bin/env bash
# Sampling benchmark (issue 3): tokens/s with the KV cache against recomputing the whole sequence,
# via `pairwise.jar bench-sample`, behind bench/guard.py (quiet machine, retried when disturbed).
#
# Usage:  bench/run-sample-bench.sh NAME [bench-sample args...]
#   e.g.  bench/run-sample-bench.sh sample-nanogpt-t1 --preset nanogpt-cpu --new-tokens 256 --k 4 --prompts 32
#         bench/run-sample-bench.sh sample-ckpt --checkpoint runs/pretrain/step-2000
# Result: bench/results/NAME.json (+ NAME.log): one JSON line with tokens_per_s_cache,
#         tokens_per_s_recompute, speedup, k, prompts, new_tokens, ... and the guard's contention.
# Environment:
#   JAR=target/pairwise.jar   THREADS=2 (PyTorch intra-op threads)   GUARD=1 (0: no waiting/retries)
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
#   MAIN=""   run a main class from CLASSPATH instead of the jar (before the CLI is wired)
set -euo pipefail
if [[ $# -lt 1 ]]; then sed -n '2,15p' "$0"; exit 2; fi
NAME=$1; shift
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-$ROOT/target/pairwise.jar}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
THREADS=${THREADS:-2}
GUARD=${GUARD:-1}
mkdir -p "$ROOT/bench/results"
JVM=(env OPT_OUT_TRACKING=true DJL_OFFLINE=true "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED
     -Dai.djl.offline=true "-Dai.djl.pytorch.num_threads=$THREADS" -Dai.djl.pytorch.num_interop_threads=1)
if [[ -n "${MAIN:-}" ]]; then
  CMD=("${JVM[@]}" -cp "$CLASSPATH" $MAIN bench-sample "$@")
else
  [[ -f "$JAR" ]] || { echo "no jar at $JAR: build it first" >&2; exit 1; }
  CMD=("${JVM[@]}" -jar "$JAR" bench-sample "$@")
fi
if [[ $GUARD == 1 ]]; then G=(); else G=(--tries 1 --idle-frac 2 --max-other 1); fi
python3 "$ROOT/bench/guard.py" "${G[@]}" --out "$ROOT/bench/results/$NAME.json" \
  --log "$ROOT/bench/results/$NAME.log" -- "${CMD[@]}"
cat "$ROOT/bench/results/$NAME.json"
