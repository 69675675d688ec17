#!/usr/bin/env bash
# Builds the solution and runs every test project against a fresh stack on free ports, then removes that stack.
# Safe beside a running ./run.sh. Ends with the line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
source tools/stack/lib.sh

readonly STATE="$REPO_ROOT/.local/test-$$"

stop_stack() {
  # A start still under way would race the stop.
  [[ -z "${STACK_START_PID:-}" ]] || wait "$STACK_START_PID" 2>/dev/null || true
  tools/stack/stack.sh stop "$STATE" >/dev/null 2>&1 || say "warning: stopping the test stack failed"
  remove_state "$STATE"
}

tools/stack/install.sh --compose
remove_state "$STATE"
trap stop_stack EXIT
trap 'exit 130' INT TERM
# The test stack chooses its own free ports, whatever run.sh was told.
unset PLATFORM_PG_PORT PLATFORM_AMQP_PORT PLATFORM_RABBIT_MGMT_PORT PLATFORM_RABBIT_DIST_PORT PLATFORM_EPMD_PORT PLATFORM_BLOB_PORT
export PLATFORM_STACK_EPHEMERAL=1
stack_start_async "$STATE"

say "building: dotnet build -c Release Platform.sln"
dotnet build -c Release Platform.sln -nologo -v quiet --disable-build-servers </dev/null || die "build failed"
stack_await "$STATE"
set -a
source "$STATE/stack.env"
set +a

say "testing: dotnet test Platform.sln -c Release"
rc=0
# -m:1: one test assembly at a time. They share one broker, and the Api tests' stand-in worker and the
# worker tests' real workers consume the same queues (caption-batch, translate-batch).
dotnet test Platform.sln -c Release --no-build --disable-build-servers -m:1 \
  --logger "console;verbosity=normal" --blame-hang-timeout 10m --blame-hang-dump-type mini </dev/null 2>&1 | tee "$STATE/test.log" || rc=$?

read -r passed failed skipped < <(tools/stack/test-summary.sh "$STATE/test.log")

if (( passed + failed == 0 )); then
  say "no test ran"
  (( rc == 0 )) && rc=1
elif (( failed > 0 && rc == 0 )); then
  rc=1
fi
stopping=$SECONDS
trap - EXIT
stop_stack
say "test stack stopped and removed in $((SECONDS - stopping))s"
echo "$passed passed, $failed failed, $skipped skipped"
exit "$rc"
