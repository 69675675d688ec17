#!/usr/bin/env bash
# Runs the platform locally: PostgreSQL, RabbitMQ, Azurite, the Api and the three workers, then the demo.
#   ./run.sh          install what is missing, build, start everything (a no-op for what already runs), demo
#   ./run.sh stop     stop the services and the stack
#   ./run.sh status   show what runs
# Ports and other settings: see README.md.
set -euo pipefail
cd "$(dirname "$0")"
source tools/stack/lib.sh

readonly STATE="$REPO_ROOT/.local/run"
export PLATFORM_PG_PORT="${PLATFORM_PG_PORT:-55432}"
export PLATFORM_AMQP_PORT="${PLATFORM_AMQP_PORT:-56720}"
export PLATFORM_RABBIT_MGMT_PORT="${PLATFORM_RABBIT_MGMT_PORT:-56730}"
export PLATFORM_RABBIT_DIST_PORT="${PLATFORM_RABBIT_DIST_PORT:-56740}"
export PLATFORM_EPMD_PORT="${PLATFORM_EPMD_PORT:-56750}"
export PLATFORM_BLOB_PORT="${PLATFORM_BLOB_PORT:-51000}"
export PLATFORM_API_PORT="${PLATFORM_API_PORT:-8080}"

services_running() {
  local pid
  for pid in "$STATE"/pids/*.pid; do
    pid_alive "$pid" Platform. && return 0
  done
  return 1
}

case "${1:-start}" in
  stop)
    tools/stack/services.sh stop "$STATE"
    tools/stack/stack.sh stop "$STATE"
    say "stopped"
    ;;
  status)
    tools/stack/stack.sh status "$STATE" || true
    tools/stack/services.sh status "$STATE" || true
    ;;
  start)
    started=$SECONDS
    tools/stack/install.sh
    stack_start_async "$STATE"
    if services_running; then
      # Rebuilding would overwrite assemblies that running services have loaded.
      say "services already running: skipping the build (./run.sh stop, then ./run.sh, to rebuild)"
    else
      say "building: dotnet build -c Release Platform.sln"
      if ! dotnet build -c Release Platform.sln -nologo -v quiet </dev/null; then
        wait "$STACK_START_PID" || true
        die "build failed (the stack started anyway: ./run.sh stop stops it)"
      fi
    fi
    stack_await "$STATE"
    tools/stack/services.sh start "$STATE"
    say "everything is up after $((SECONDS - started))s; logs in $STATE/logs, stop with ./run.sh stop"
    PLATFORM_API_URL="http://127.0.0.1:$PLATFORM_API_PORT" STATE_DIR="$STATE" tools/stack/demo.sh
    ;;
  *)
    die "usage: ./run.sh [start|stop|status]"
    ;;
esac
