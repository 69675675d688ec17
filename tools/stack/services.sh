#!/usr/bin/env bash
# Starts or stops the four platform services from their Release build output, against the stack in STATE_DIR.
#   tools/stack/services.sh start|stop|status STATE_DIR
# Ports: PLATFORM_API_PORT (8080), PLATFORM_CAPTION_PORT (8081), PLATFORM_TRANSLATE_PORT (8082), PLATFORM_EVAL_PORT (8083).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# name project port
readonly SERVICES=(
  "api Api ${PLATFORM_API_PORT:-8080}"
  "caption-worker CaptionWorker ${PLATFORM_CAPTION_PORT:-8081}"
  "translate-worker TranslateWorker ${PLATFORM_TRANSLATE_PORT:-8082}"
  "eval-worker EvalWorker ${PLATFORM_EVAL_PORT:-8083}"
)

# http_status URL: the HTTP status code, or 000 when nothing answers.
http_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$1" || true
}

launch() {
  local state="$1" name="$2" project="$3" port="$4" bin
  bin="$REPO_ROOT/services/$project/bin/Release/net10.0"
  [[ -f "$bin/Platform.$project.dll" ]] || die "$name: $bin/Platform.$project.dll missing; build first (dotnet build -c Release Platform.sln)"
  if pid_alive "$state/pids/$name.pid" "Platform.$project.dll"; then
    say "$name: already running (pid $(cat "$state/pids/$name.pid"))"
    return 0
  fi
  port_free "$name" "$port"
  say "$name: starting on http://127.0.0.1:$port (log: $state/logs/$name.log)"
  # The content root is the build output, where appsettings*.json are.
  (
    cd "$bin"
    set -a
    source "$state/stack.env"
    set +a
    export ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Development
    exec setsid dotnet "Platform.$project.dll" >"$state/logs/$name.log" 2>&1 </dev/null
  ) &
  echo $! >"$state/pids/$name.pid"
}

# ready NAME PORT PIDFILE: true once /health/ready answers 200; a 404 means the endpoint is not mapped: fail at once.
ready() {
  local code
  code="$(http_status "http://127.0.0.1:$2/health/ready")"
  if [[ "$code" == 404 ]]; then
    show_log_tail "$STATE/logs/$1.log" 20
    die "$1: /health/ready answers 404: the service maps no health endpoints (MapDefaultEndpoints)"
  fi
  [[ "$code" == 200 ]]
}

start() {
  [[ -f "$STATE/stack.env" ]] || die "no $STATE/stack.env: start the stack first (tools/stack/stack.sh start $STATE)"
  mkdir -p "$STATE/logs" "$STATE/pids"
  local entry name project port
  for entry in "${SERVICES[@]}"; do
    read -r name project port <<<"$entry"
    launch "$STATE" "$name" "$project" "$port"
  done
  for entry in "${SERVICES[@]}"; do
    read -r name project port <<<"$entry"
    wait_until "$name" "${PLATFORM_SERVICE_TIMEOUT:-120}" "$STATE/logs/$name.log" "$STATE/pids/$name.pid" \
      ready "$name" "$port"
  done
}

stop() {
  local entry name project port
  for entry in "${SERVICES[@]}"; do
    read -r name project port <<<"$entry"
    # Workers finish their batch on SIGTERM; give them time before SIGKILL. All stop at once.
    stop_pid "$STATE/pids/$name.pid" "$name" "${PLATFORM_SERVICE_STOP_TIMEOUT:-60}" "Platform.$project.dll" &
  done
  wait
}

status() {
  local entry name project port rc=0
  for entry in "${SERVICES[@]}"; do
    read -r name project port <<<"$entry"
    if pid_alive "$STATE/pids/$name.pid" "Platform.$project.dll"; then
      echo "$name: running (pid $(cat "$STATE/pids/$name.pid")), http://127.0.0.1:$port, /health/ready: $(http_status "http://127.0.0.1:$port/health/ready")"
    else
      echo "$name: stopped"
      rc=1
    fi
  done
  return "$rc"
}

[[ $# -eq 2 ]] || die "usage: $0 start|stop|status STATE_DIR"
STATE="$(abs_path "$2")"
case "$1" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) die "usage: $0 start|stop|status STATE_DIR" ;;
esac
