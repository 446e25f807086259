#!/usr/bin/env bash
# Side-by-side pretraining benchmark: the PyTorch peer (/work/shared/bench/pytorch-peer/gpt_train.py)
# against our `pairwise.jar bench-train`, one model config translated into each side's flags,
# alternating on the same machine, every run behind bench/guard.py (waits for a quiet machine,
# retries a run that others disturbed). Quote ratios of medians, never single runs: the peer's
# README measured about ±10% between identical runs here.
#
# Usage:  bench/run-peer-comparison.sh NAME ROUNDS CONFIG [ITERS]
#   NAME    results in bench/results/NAME/{peer,java}-<i>.json (+ .log); summary bench/results/NAME.json
#   ROUNDS  runs per side; odd rounds run the peer first, even rounds Java first
#   CONFIG  A | B | C (the peer README's configs) or "L H D T B LR [modern]" (layers heads width
#           context batch lr; "modern" = RMSNorm + RoPE + SwiGLU)
#   ITERS   training steps (default 2000 for A/B, 120 for C)
#   A: L4 H4 d128 T64 B12 lr 1e-3, LayerNorm + learned positions + GELU (nanoGPT's CPU run)
#   B: A with RMSNorm + RoPE + SwiGLU          C: L6 H6 d384 T256 B16 lr 1e-3 (throughput only)
# Environment:
#   JAR=target/pairwise.jar  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64  THREADS=2 (both sides)
#   DATA=/work/shared/data/tinyshakespeare/input.txt   GUARD=1 (0: no waiting or retries: smoke runs)
#   MAX_OTHER=0.05 (largest share of the machine other processes may use during an accepted run)
#   MAIN + CLASSPATH: run Java as `java -cp $CLASSPATH $MAIN bench-train ...` instead of the jar
#   JAVA_ENV="K=V ..."  extra environment for the Java side only (e.g. OMP_WAIT_POLICY=ACTIVE)
set -euo pipefail

if [[ $# -lt 3 ]]; then sed -n '2,23p' "$0"; exit 2; fi
NAME=$1; ROUNDS=$2; CONFIG=$3; ITERS=${4:-}

case "$CONFIG" in
  A) set -- 4 4 128 64 12 1e-3; ITERS=${ITERS:-2000} ;;
  B) set -- 4 4 128 64 12 1e-3 modern; ITERS=${ITERS:-2000} ;;
  C) set -- 6 6 384 256 16 1e-3; ITERS=${ITERS:-120} ;;
  *) read -r -a spec <<< "$CONFIG"; set -- "${spec[@]}"; ITERS=${ITERS:-2000} ;;
esac
[[ $# -ge 6 ]] || { echo "CONFIG must be A, B, C or \"L H D T B LR [modern]\", got '$CONFIG'" >&2; exit 2; }
L=$1; H=$2; D=$3; T=$4; B=$5; LR=$6; MODERN=${7:-}
if [[ "$MODERN" == modern ]]; then
  PEER_BLOCK=(--norm rmsnorm --pos rope --mlp swiglu); JAVA_BLOCK=(--norm rms --pos rope --mlp swiglu)
else
  PEER_BLOCK=(--norm layernorm --pos learned --mlp gelu); JAVA_BLOCK=(--norm layer --pos learned --mlp gelu)
fi

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PEER_DIR=${PEER_DIR:-/work/shared/bench/pytorch-peer}
JAR=${JAR:-$ROOT/target/pairwise.jar}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
THREADS=${THREADS:-2}
DATA=${DATA:-/work/shared/data/tinyshakespeare/input.txt}
GUARD=${GUARD:-1}
MAX_OTHER=${MAX_OTHER:-0.05}
OUT=$ROOT/bench/results/$NAME

[[ -f "$PEER_DIR/gpt_train.py" ]] || { echo "no peer at $PEER_DIR" >&2; exit 1; }
[[ -f "$DATA" ]] || { echo "no data at $DATA" >&2; exit 1; }
mkdir -p "$OUT"

# Debian's torch 1.13 with OpenBLAS-openmp (apt-get install -y python3-torch libopenblas0-openmp).
PEER_CMD=(env LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 "$PEER_DIR/gpt_train.py"
          --threads "$THREADS" --data "$DATA" --n-layer "$L" --n-head "$H" --n-embd "$D" --block-size "$T"
          --batch-size "$B" --iters "$ITERS" --lr "$LR" "${PEER_BLOCK[@]}" --tag "$NAME")
read -r -a JAVA_ENV_ARR <<< "${JAVA_ENV:-}"
JVM=(env OPT_OUT_TRACKING=true DJL_OFFLINE=true "${JAVA_ENV_ARR[@]}" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED
     -Dai.djl.offline=true "-Dai.djl.pytorch.num_threads=$THREADS" -Dai.djl.pytorch.num_interop_threads=1)
if [[ -n "${MAIN:-}" ]]; then
  JVM+=(-cp "$CLASSPATH" $MAIN)
else
  [[ -f "$JAR" ]] || { echo "no jar at $JAR: build it first (./mvnw -o -DskipTests package)" >&2; exit 1; }
  JVM+=(-jar "$JAR")
fi
JAVA_CMD=("${JVM[@]}" bench-train --corpus "$DATA" --char --layers "$L" --heads "$H" --dim "$D" --context "$T"
          --batch "$B" --iters "$ITERS" --lr "$LR" "${JAVA_BLOCK[@]}")

if [[ $GUARD == 1 ]]; then G=(--max-other "$MAX_OTHER"); else G=(--tries 1 --idle-frac 2 --max-other 1); fi
for ((i = 1; i <= ROUNDS; i++)); do
  if (( i % 2 == 1 )); then order=(peer java); else order=(java peer); fi
  for side in "${order[@]}"; do
    echo "[compare] $NAME round $i/$ROUNDS: $side"
    if [[ $side == peer ]]; then cmd=("${PEER_CMD[@]}"); else cmd=("${JAVA_CMD[@]}"); fi
    python3 "$ROOT/bench/guard.py" "${G[@]}" --out "$OUT/$side-$i.json" --log "$OUT/$side-$i.log" -- "${cmd[@]}" \
      || echo "[compare] $side round $i failed; see $OUT/$side-$i.log" >&2
  done
done
python3 "$ROOT/bench/summarize.py" "$OUT"
