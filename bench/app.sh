# Sourced by bench scripts: start the packaged jar on a fresh working folder (its ./data is the
# embedded H2 database, checkpoints and corpora) and stop it again by its PID.
#   start_app DIR PORT [--spring.arg=value ...]   sets APP_PID; waits until /actuator/health is UP
#   stop_app                                      stops APP_PID (SIGTERM, then SIGKILL after 30 s)
# Environment: JAR (default target/pairwise.jar), JAVA_HOME, APP_WAIT_S (default 300).

JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
APP_PID=""

start_app() {
  local dir=$1 port=$2; shift 2
  local jar
  jar=$(cd "$(dirname "${JAR:-target/pairwise.jar}")" && pwd)/$(basename "${JAR:-target/pairwise.jar}")
  [[ -f "$jar" ]] || { echo "no jar at $jar: build it with ./mvnw -B -DskipTests package" >&2; return 1; }
  mkdir -p "$dir"
  (cd "$dir" && exec env OPT_OUT_TRACKING=true DJL_OFFLINE=true "$JAVA_HOME/bin/java" \
      --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -jar "$jar" \
      "--server.port=$port" "$@" > "$dir/app.log" 2>&1) &
  APP_PID=$!
  local deadline=$(( SECONDS + ${APP_WAIT_S:-300} ))
  until curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "the app exited during start-up; see $dir/app.log" >&2; APP_PID=""; return 1
    fi
    if (( SECONDS > deadline )); then echo "the app did not start in time; see $dir/app.log" >&2; return 1; fi
    sleep 1
  done
}

stop_app() {
  [[ -n "$APP_PID" ]] || return 0
  kill "$APP_PID" 2>/dev/null || true
  for _ in $(seq 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
  kill -9 "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}
