#!/usr/bin/env bash
# Labeling under load (issue 9): C concurrent labelers against the packaged jar on PostgreSQL,
# compared with pgbench doing the same inserts on the same machine in the same run.
#
# Usage:  bench/labeling-load.sh [--labelers C] [--seconds S]          (defaults 64, 30)
# Prints one JSON line:
#   {"labelers","seconds","judgments_per_s","pgbench_tps","next_p50_ms","next_p99_ms",
#    "submit_p50_ms","submit_p99_ms","false_empty","errors","acked","stored"}
# What it does: (re)creates the database $DB (its name must contain "bench": it is dropped),
# starts target/pairwise.jar on it (profile postgres, port $PORT; built first if missing), reads
# the first-start admin password from the log, creates a K=2 overlap-1 project with $PROMPTS
# imported prompts and C labelers with API tokens through the admin API, runs C labelers
# (bench/LabelingLoad.java: tasks/next + judgments) for $WARMUP s unmeasured and S s measured,
# counts the stored judgments, stops the app by its PID, then runs pgbench for S s with
# min(C, 32) clients on a transaction that inserts what a submit inserts (a judgment row and a
# preference pair). false_empty = 204 answers while open tasks remained; acked = judgments
# answered 200/201; stored = judgments in the database afterwards.
# Environment: DB=pairwise_bench  PORT=18080  PROMPTS=90000  WARMUP=40  JAR=target/pairwise.jar
#   (40 s of warm-up: the JVM's C2 compiler works on the request path for the first ~30 s of load,
#   half a core of the two, and a window that still contains it measures the JVM's start, not the
#   labeling service; the app's CPU and its JIT share in the window are printed after the run.
#   90,000 prompts, not the issue's 20,000: they last the 70 s up to 1,250 judgments/s (64,000 ran
#   out at 890/s on an idle machine), and a run that empties the project measures the end of the
#   work, not the load: the script warns when it happens)
#   PGHOST=127.0.0.1 PGUSER=pairwise PGPASSWORD=pairwise (the role needs CREATEDB)
#   APP_OPTS="" extra JVM options for the app (e.g. -Dspring.datasource.hikari.maximum-pool-size=8)
#   LABELERS_VIA=api (default) or sql (builds without the admin accounts API)
#   KEEP=1 leaves the app's log in bench/results/labeling-load-app.log
# PostgreSQL must be up: sudo bash scripts/postgres-up.sh
set -euo pipefail
# A failed step ends the run: say which, instead of ending without the JSON line.
trap 'echo "labeling-load.sh: line $LINENO failed (exit $?)" >&2' ERR
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LABELERS=64
SECONDS_=30
while [[ $# -gt 0 ]]; do
  case $1 in
    --labelers) LABELERS=$2; shift 2 ;;
    --seconds) SECONDS_=$2; shift 2 ;;
    *) sed -n '2,28p' "$0" >&2; exit 2 ;;
  esac
done
DB=${DB:-pairwise_bench}
PORT=${PORT:-18080}
PROMPTS=${PROMPTS:-90000}
WARMUP=${WARMUP:-40}
JAR=${JAR:-$ROOT/target/pairwise.jar}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-pairwise} PGPASSWORD=${PGPASSWORD:-pairwise}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
[[ $DB == *bench* ]] || { echo "DB=$DB: the benchmark drops its database, so the name must contain 'bench'" >&2; exit 2; }

if [[ ! -f $JAR ]]; then
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package) >&2
fi
WORK=$(mktemp -d)
APP_PID=""
stop_app() {
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$APP_PID" 2>/dev/null && kill -9 "$APP_PID"
  fi
  APP_PID=""
}
cleanup() {
  stop_app
  if [[ ${KEEP:-0} == 1 && -f $WORK/app.log ]]; then
    mkdir -p "$ROOT/bench/results" && cp "$WORK/app.log" "$ROOT/bench/results/labeling-load-app.log"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

psql_db() { psql -X -q -v ON_ERROR_STOP=1 -tA -d "$1" -c "$2"; }
psql_db postgres "DROP DATABASE IF EXISTS $DB" >/dev/null
psql_db postgres "CREATE DATABASE $DB" >/dev/null

# The app: PostgreSQL profile, no demo data; the first start prints the admin password.
# shellcheck disable=SC2086
SPRING_PROFILES_ACTIVE=postgres PAIRWISE_DEMO=false PORT=$PORT \
  PAIRWISE_DB_URL="jdbc:postgresql://$PGHOST:5432/$DB" PAIRWISE_DB_USER=$PGUSER PAIRWISE_DB_PASSWORD=$PGPASSWORD \
  OPT_OUT_TRACKING=true "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true \
  ${APP_OPTS:-} -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for i in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$WORK/app.log" >&2; echo "the app exited" >&2; exit 1; }
  [[ $i == 180 ]] && { tail -40 "$WORK/app.log" >&2; echo "the app did not answer in 180 s" >&2; exit 1; }
  sleep 1
done
ADMIN_PW=$(sed -n "s/.*created account 'admin' with password \([^ ]*\).*/\1/p" "$WORK/app.log" | head -1)
[[ -n $ADMIN_PW ]] || { echo "no first-start admin password in the app log" >&2; exit 1; }

LOAD_ARGS=(--base "http://127.0.0.1:$PORT" --admin-password "$ADMIN_PW" --labelers "$LABELERS"
           --seconds "$SECONDS_" --warmup "$WARMUP" --prompts "$PROMPTS" --app-pid "$APP_PID")
# LABELERS_VIA=sql seeds the labelers and their token hashes in SQL instead of the admin API:
# for measuring builds older than that API.
if [[ ${LABELERS_VIA:-api} == sql ]]; then
  for i in $(seq 1 "$LABELERS"); do
    token="pw_bench_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    hash=$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)
    echo "$token" >>"$WORK/tokens"
    echo "WITH a AS (INSERT INTO accounts (username, display_name, password_hash, roles, enabled, created_at)
            VALUES ('bench-$i', 'bench-$i', '{noop}-', 'LABELER', TRUE, now()) RETURNING id)
          INSERT INTO api_tokens (account_id, name, token_hash, created_at) SELECT id, 'bench', '$hash', now() FROM a;"
  done >"$WORK/seed.sql"
  psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -f "$WORK/seed.sql" >/dev/null
  LOAD_ARGS+=(--tokens-file "$WORK/tokens")
fi

LOAD_START=$(date +%s)
"$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xss256k "$ROOT/bench/LabelingLoad.java" "${LOAD_ARGS[@]}" >"$WORK/load.out"
get() { sed -n "s/^$1 //p" "$WORK/load.out" | head -1; }
PROJECT=$(get project_id)
STORED=$(psql_db "$DB" "SELECT COUNT(*) FROM judgments WHERE project_id = $PROJECT AND labeler_id IS NOT NULL")
grep '^error_sample' "$WORK/load.out" >&2 || true
if (( $(get true_empty) > 0 )); then
  echo "warning: the project ran out of tasks before the window ended (acked $(get acked) of $PROMPTS);" \
       "judgments_per_s is a lower bound: raise PROMPTS" >&2
fi
# CPU over the measured window: the app's, its JIT compilers' share, PostgreSQL's. A window the
# JIT still compiles in measures the JVM's warm-up (README, "Labeling under load").
APP_CPU=$(get app_cpu_s)
if [[ -n $APP_CPU ]]; then
  awk -v cpu="$APP_CPU" -v jit="$(get app_jit_cpu_s)" -v pg="$(get postgres_cpu_s)" -v n="$(get acked_measured)" 'BEGIN {
    per = n > 0 ? 1000 / n : 0
    db = pg > 0 ? sprintf("PostgreSQL %.1f s (%.2f ms per judgment)", pg, pg * per) : "PostgreSQL not on this machine"
    printf "CPU in the measured window: app %.1f s (%.2f ms per judgment), of it JIT compilers %.1f s (%.0f%%); %s\n",
           cpu, cpu * per, jit, (cpu > 0 ? 100 * jit / cpu : 0), db
    if (cpu > 0 && jit / cpu > 0.05) print "warning: the JIT was still compiling in the measured window; lengthen WARMUP"
  }' >&2
fi
stop_app

# pgbench: one transaction = the rows a submit inserts (judgment + its K=2 preference pair).
# Each transaction takes a task id of its own (a sequence, as judgments' ids are): with random ids,
# two of one client's inserts now and then met on the unique (task, labeler) key and pgbench
# aborted the run.
psql_db "$DB" "CREATE TABLE pgb_judgments (LIKE judgments INCLUDING ALL);
               CREATE TABLE pgb_pairs (LIKE preference_pairs INCLUDING ALL);
               CREATE SEQUENCE pgb_tasks" >/dev/null
cat >"$WORK/submit.sql" <<'SQL'
BEGIN;
INSERT INTO pgb_judgments (project_id, prompt_id, task_id, labeler_id, source, idempotency_key, presented_order,
                           tiers, all_bad, time_on_task_ms, created_at)
     VALUES (1, 1, nextval('pgb_tasks'), :client_id, 'labeler', md5(random()::text), '1,2', '1;2', FALSE, 1500, now());
INSERT INTO pgb_pairs (judgment_id, project_id, prompt_id, chosen_response_id, rejected_response_id, margin)
     VALUES (currval(pg_get_serial_sequence('pgb_judgments', 'id')), 1, 1, 1, 2, 1);
END;
SQL
CLIENTS=$((LABELERS < 32 ? LABELERS : 32))
# A failed pgbench leaves pgbench_tps null and says why; the labeling figures above still stand.
PGB_TPS=""
if "$PGBIN/pgbench" -n -f "$WORK/submit.sql" -c "$CLIENTS" -j 2 -T "$SECONDS_" "$DB" >"$WORK/pgbench.out" 2>&1; then
  PGB_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench.out" | head -1)
else
  echo "pgbench failed; pgbench_tps is null. Its last lines:" >&2
  tail -5 "$WORK/pgbench.out" >&2
fi

printf '{"labelers":%s,"seconds":%s,"judgments_per_s":%s,"pgbench_tps":%s,"next_p50_ms":%s,"next_p99_ms":%s,"submit_p50_ms":%s,"submit_p99_ms":%s,"false_empty":%s,"errors":%s,"acked":%s,"stored":%s}\n' \
  "$LABELERS" "$SECONDS_" "$(get judgments_per_s)" "${PGB_TPS:-null}" "$(get next_p50_ms)" "$(get next_p99_ms)" \
  "$(get submit_p50_ms)" "$(get submit_p99_ms)" "$(get false_empty)" "$(get errors)" "$(get acked)" "$STORED"
