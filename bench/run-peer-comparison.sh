#!/usr/bin/env bash
# Side-by-side pretraining benchmark: the PyTorch peer (/work/shared/bench/pytorch-peer) against
# our `java -jar pairwise.jar bench-train`, same model config, alternating on the same machine,
# each run behind bench/guard.py (waits for a quiet machine, retries a run others disturbed).
# Quote ratios of medians, never single runs (the peer's README: runs vary by about 10%).
#
# Usage:  bench/run-peer-comparison.sh NAME ROUNDS [-- TRAIN ARGS...]
#   NAME    results go to bench/results/NAME/{peer,java}-<i>.json (+ .log) and bench/results/NAME.json
#   ROUNDS  runs per side; the order alternates (peer first in odd rounds, java first in even)
#   TRAIN ARGS are passed to both sides; they use the peer's flag names
#           (--n-layer --n-head --n-embd --block-size --batch-size --iters --lr --norm --pos --mlp ...)
# Environment:
#   JAR=target/pairwise.jar   the built app jar       JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
#   THREADS=2                 threads for both sides  DATA=<shared tinyshakespeare input.txt>
#   PEER_ARGS / JAVA_ARGS     extra flags for one side only
#   GUARD=1                   0 runs without the quiet-machine guard (smoke tests)
#   MAX_OTHER=0.05            share of the machine other processes may take during an accepted run
# Presets (the peer README's configs):
#   A: --n-layer 4 --n-head 4 --n-embd 128 --block-size 64 --batch-size 12 --iters 2000 --lr 1e-3
#   B: A + --norm rmsnorm --pos rope --mlp swiglu
#   C: --n-layer 6 --n-head 6 --n-embd 384 --block-size 256 --batch-size 16 --iters 120
set -euo pipefail

if [[ $# -lt 2 ]]; then
  sed -n '2,22p' "$0"; exit 2
fi
NAME=$1; ROUNDS=$2; shift 2
[[ "${1:-}" == "--" ]] && shift
TRAIN_ARGS=("$@")

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PEER_DIR=${PEER_DIR:-/work/shared/bench/pytorch-peer}
JAR=${JAR:-$ROOT/target/pairwise.jar}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
THREADS=${THREADS:-2}
DATA=${DATA:-/work/shared/data/tinyshakespeare/input.txt}
GUARD=${GUARD:-1}
MAX_OTHER=${MAX_OTHER:-0.05}
OUT=$ROOT/bench/results/$NAME
read -r -a PEER_EXTRA <<< "${PEER_ARGS:-}"
read -r -a JAVA_EXTRA <<< "${JAVA_ARGS:-}"

[[ -f "$JAR" ]] || { echo "no jar at $JAR: build it first (./mvnw -o -DskipTests package)" >&2; exit 1; }
[[ -f "$PEER_DIR/gpt_train.py" ]] || { echo "no peer at $PEER_DIR" >&2; exit 1; }
[[ -f "$DATA" ]] || { echo "no data at $DATA" >&2; exit 1; }
mkdir -p "$OUT"

# Debian's torch with OpenBLAS-openmp (apt-get install -y python3-torch libopenblas0-openmp).
PEER_CMD=(env LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3
          "$PEER_DIR/gpt_train.py" --threads "$THREADS" --data "$DATA" "${TRAIN_ARGS[@]}" "${PEER_EXTRA[@]}")
JAVA_CMD=(env OPT_OUT_TRACKING=true DJL_OFFLINE=true "$JAVA_HOME/bin/java"
          --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true
          "-Dai.djl.pytorch.num_threads=$THREADS" -Dai.djl.pytorch.num_interop_threads=1
          -jar "$JAR" bench-train --data "$DATA" "${TRAIN_ARGS[@]}" "${JAVA_EXTRA[@]}")

run_side() {  # side round
  local side=$1 i=$2; local -a cmd
  if [[ $side == peer ]]; then cmd=("${PEER_CMD[@]}"); else cmd=("${JAVA_CMD[@]}"); fi
  if [[ $GUARD == 1 ]]; then
    python3 "$ROOT/bench/guard.py" --max-other "$MAX_OTHER" \
      --out "$OUT/$side-$i.json" --log "$OUT/$side-$i.log" -- "${cmd[@]}"
  else
    python3 "$ROOT/bench/guard.py" --tries 1 --idle-frac 2 --max-other 1 \
      --out "$OUT/$side-$i.json" --log "$OUT/$side-$i.log" -- "${cmd[@]}"
  fi
}

for ((i = 1; i <= ROUNDS; i++)); do
  if (( i % 2 == 1 )); then order=(peer java); else order=(java peer); fi
  for side in "${order[@]}"; do
    echo "[compare] $NAME round $i/$ROUNDS: $side"
    run_side "$side" "$i" || echo "[compare] $side round $i failed; see $OUT/$side-$i.log" >&2
  done
done
python3 "$ROOT/bench/summarize.py" "$OUT"
