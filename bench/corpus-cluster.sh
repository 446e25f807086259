#!/usr/bin/env bash
# The corpus-cleaning benchmark on a local Flink session cluster (issue 14): a JobManager and two
# TaskManagers (one slot each) started as separate JVMs on 127.0.0.1 from the Flink libraries inside
# target/pairwise.jar (without our classes and without Lingua and its runtime, which the job ships,
# as on a user's cluster), then `clean-corpus --cluster`. Prints the same scores as corpus-clean.sh,
# docs/s, and each TaskManager's peak heap (GC log). Ends the processes it started, by PID.
# Usage: bench/corpus-cluster.sh [N=10000] [extra clean-corpus options]; PAIRWISE_JAR overrides target/pairwise.jar
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
shift || true
OUT=$(pwd)/${BENCH_DIR:-target/bench-corpus}
CL=$OUT/cluster
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
REST=${FLINK_REST_PORT:-18681}
RPC=${FLINK_RPC_PORT:-18623}
mkdir -p "$OUT"
[ -f "$OUT/corpus-$N.jsonl" ] || python3 bench/corpus-clean.py build "$N" "$OUT/corpus-$N.jsonl"
rm -rf "$CL" && mkdir -p "$CL/conf" "$CL/tmp" "$CL/jar"
JAR=$(realpath "${PAIRWISE_JAR:-target/pairwise.jar}")
(cd "$CL/jar" && unzip -q "$JAR" 'BOOT-INF/lib/*')
CP=$(ls "$CL"/jar/BOOT-INF/lib/*.jar | grep -vE '/(lingua|kotlin|moshi|okio|fastutil|gson)-' | tr '\n' ':')
cat > "$CL/conf/config.yaml" <<YAML
jobmanager.rpc.address: 127.0.0.1
jobmanager.rpc.port: $RPC
jobmanager.bind-host: 127.0.0.1
jobmanager.memory.process.size: 768m
rest.address: 127.0.0.1
rest.bind-address: 127.0.0.1
rest.port: $REST
taskmanager.host: 127.0.0.1
taskmanager.bind-host: 127.0.0.1
taskmanager.numberOfTaskSlots: 1
taskmanager.cpu.cores: 1
taskmanager.memory.task.heap.size: 512m
taskmanager.memory.task.off-heap.size: 0m
taskmanager.memory.network.min: 64m
taskmanager.memory.network.max: 64m
taskmanager.memory.managed.size: 256m
taskmanager.memory.framework.heap.size: 128m
taskmanager.memory.framework.off-heap.size: 128m
taskmanager.memory.jvm-metaspace.size: 256m
taskmanager.memory.jvm-overhead.min: 192m
taskmanager.memory.jvm-overhead.max: 192m
io.tmp.dirs: $CL/tmp
restart-strategy.type: none
# Longer than Flink's 50 s default when asked, so a run paused with SIGSTOP (to measure something else on
# an idle machine) keeps its TaskManagers: FLINK_PAUSE_TOLERANT_MS=7200000 survives pauses under two hours
heartbeat.timeout: ${FLINK_PAUSE_TOLERANT_MS:-50000}
pekko.ask.timeout: ${FLINK_PAUSE_TOLERANT_MS:-10000} ms
YAML
PIDS=()
stop() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done; }
trap stop EXIT
$JAVA -Xmx512m -cp "$CP" org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint --configDir "$CL/conf" \
  > "$CL/jobmanager.log" 2>&1 &
PIDS+=($!)
for i in 0 1; do
  $JAVA -Xmx768m -Xlog:gc:file="$CL/gc-taskmanager-$i.log" -cp "$CP" org.apache.flink.runtime.taskexecutor.TaskManagerRunner \
    --configDir "$CL/conf" > "$CL/taskmanager-$i.log" 2>&1 &
  PIDS+=($!)
done
for _ in $(seq 1 360); do
  [ "$(curl -s "http://127.0.0.1:$REST/taskmanagers" | grep -o '"id"' | wc -l)" -ge 2 ] && break
  sleep 0.5
done
echo "cluster up: JobManager and 2 TaskManagers, PIDs ${PIDS[*]}"
echo "uptime before: $(uptime)"
$JAVA -Xmx1g -jar "$JAR" clean-corpus --cluster "127.0.0.1:$REST" --parallelism 2 \
  --in "$OUT/corpus-$N.jsonl" --out "$OUT/cluster-clean-$N" --langs en --no-quality "$@" | tee "$OUT/cluster-summary-$N.json"
python3 bench/corpus-clean.py score "$OUT/corpus-$N.jsonl" "$OUT/cluster-clean-$N/clean.jsonl"
for i in 0 1; do
  grep -oE '[0-9]+M->[0-9]+M' "$CL/gc-taskmanager-$i.log" | sed 's/M->.*//' | sort -n | tail -1 \
    | sed "s/^/TaskManager $i peak heap before a GC (MB): /"
done
echo "uptime after: $(uptime)"
