#!/usr/bin/env bash
# Corpus-cleaning benchmark (issue 14): builds a corpus of N documents from ../shared/data with
# injected exact duplicates, near duplicates (1-3 words changed) and foreign-language documents,
# runs clean-corpus on it (embedded Flink, language en, quality rules off so that only the injected
# kinds decide), and prints recall per kind, the share of unique documents removed, docs/s and the
# peak Java heap (from the GC log). Usage: bench/corpus-clean.sh [N=100000] [extra clean-corpus options]
# PAIRWISE_CMD overrides how the command is started (default: java -jar target/pairwise.jar).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
shift || true
OUT=${BENCH_DIR:-target/bench-corpus}
mkdir -p "$OUT"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
CMD=${PAIRWISE_CMD:-"$JAVA -Xmx2g -Xlog:gc:file=$OUT/gc.log -jar target/pairwise.jar"}
echo "uptime before: $(uptime)"
[ -f "$OUT/corpus-$N.jsonl" ] || python3 bench/corpus-clean.py build "$N" "$OUT/corpus-$N.jsonl"
rm -f "$OUT/gc.log"
$CMD clean-corpus --in "$OUT/corpus-$N.jsonl" --out "$OUT/clean-$N" --langs en --no-quality "$@" | tee "$OUT/summary-$N.json"
python3 bench/corpus-clean.py score "$OUT/corpus-$N.jsonl" "$OUT/clean-$N/clean.jsonl"
if [ -f "$OUT/gc.log" ]; then
  # peak heap: the largest "before" of any collection ("...: 812M->140M(2048M) ...")
  grep -oE '[0-9]+M->[0-9]+M' "$OUT/gc.log" | sed 's/M->.*//' | sort -n | tail -1 | sed 's/^/peak heap before a GC (MB): /'
fi
echo "uptime after: $(uptime)"
