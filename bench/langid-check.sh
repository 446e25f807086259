#!/usr/bin/env bash
# Lingua on the corpus-cleaning benchmark's English and foreign documents (issue 14): how many
# English documents each minimum confidence loses and how many foreign ones it removes, in low- and
# high-accuracy mode, and whether concurrent calls use more than one core.
# Usage: bench/langid-check.sh [N=10000] [low|high] [THREADS=2]   (needs target/pairwise.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
MODE=${2:-low}
THREADS=${3:-2}
OUT=${BENCH_DIR:-target/bench-corpus}
mkdir -p "$OUT"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
[ -f "$OUT/corpus-$N.jsonl" ] || python3 bench/corpus-clean.py build "$N" "$OUT/corpus-$N.jsonl"
LIB=target/langid-cp
rm -rf "$LIB" && mkdir -p "$LIB" && (cd "$LIB" && unzip -q ../pairwise.jar 'BOOT-INF/*')
CP="$LIB/BOOT-INF/classes:$(ls "$LIB"/BOOT-INF/lib/*.jar | tr '\n' ':')"
echo "uptime before: $(uptime)"
$JAVA -Xmx${LANGID_HEAP:-3g} -cp "$CP" bench/LanguageIdCheck.java "$OUT/corpus-$N.jsonl" "$OUT/langid-$MODE-$N.tsv" "$MODE" "$THREADS"
python3 bench/corpus-clean.py langid "$OUT/langid-$MODE-$N.tsv"
echo "uptime after: $(uptime)"
