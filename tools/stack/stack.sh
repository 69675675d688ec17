#!/usr/bin/env bash
# Starts or stops PostgreSQL, RabbitMQ and Azurite as local processes on loopback.
#   tools/stack/stack.sh start|stop|status STATE_DIR
# Ports come from PLATFORM_PG_PORT, PLATFORM_AMQP_PORT, PLATFORM_RABBIT_DIST_PORT, PLATFORM_EPMD_PORT,
# PLATFORM_BLOB_PORT and PLATFORM_RABBIT_MGMT_PORT (empty: no management plugin); an unset one is
# chosen free by the kernel. The ports a state dir started with are kept in STATE_DIR/ports.env.
# `start` writes STATE_DIR/stack.env with the services' connection strings.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$STACK_DIR/postgres.sh"
source "$STACK_DIR/rabbitmq.sh"
source "$STACK_DIR/azurite.sh"

readonly PORT_VARS=(PLATFORM_PG_PORT PLATFORM_AMQP_PORT PLATFORM_RABBIT_DIST_PORT PLATFORM_EPMD_PORT PLATFORM_BLOB_PORT)
# The well-known Azurite development key (public, documented by Microsoft).
readonly AZURITE_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

# choose_ports STATE: explicit env first, then the ports this state dir already used, then free ones.
choose_ports() {
  local state="$1" var missing=() free
  if [[ -f "$state/ports.env" ]]; then
    local -A explicit=()
    for var in "${PORT_VARS[@]}" PLATFORM_RABBIT_MGMT_PORT; do
      [[ -n "${!var+set}" ]] && explicit[$var]="${!var}"
    done
    source "$state/ports.env"
    for var in "${!explicit[@]}"; do printf -v "$var" '%s' "${explicit[$var]}"; done
  fi
  for var in "${PORT_VARS[@]}"; do
    [[ -n "${!var:-}" ]] || missing+=("$var")
  done
  if (( ${#missing[@]} )); then
    read -r -a free <<<"$(free_ports "${#missing[@]}")"
    for i in "${!missing[@]}"; do printf -v "${missing[$i]}" '%s' "${free[$i]}"; done
  fi
  for var in "${PORT_VARS[@]}" PLATFORM_RABBIT_MGMT_PORT; do
    printf '%s=%s\n' "$var" "${!var:-}"
  done >"$state/ports.env"
  export "${PORT_VARS[@]}" PLATFORM_RABBIT_MGMT_PORT
}

write_stack_env() {
  local state="$1"
  cat >"$state/stack.env" <<EOF
# Written by tools/stack/stack.sh: connection strings for the stack in $state
export ConnectionStrings__Postgres='Host=127.0.0.1;Port=$PLATFORM_PG_PORT;Username=platform;Password=platform;Database=platform'
export ConnectionStrings__RabbitMq='amqp://platform:platform@127.0.0.1:$PLATFORM_AMQP_PORT/'
export ConnectionStrings__Blobs='DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$AZURITE_KEY;BlobEndpoint=http://127.0.0.1:$PLATFORM_BLOB_PORT/devstoreaccount1;'
export PLATFORM_STACK_STATE='$state'
EOF
}

start() {
  local state="$1" started=$SECONDS
  mkdir -p "$state"
  choose_ports "$state"
  say "stack: state in $state"
  # The three start side by side: RabbitMQ's boot is the longest, the others fit inside it.
  local -a pids=() failed=0
  postgres_start "$state" "$PLATFORM_PG_PORT" &
  pids+=($!)
  rabbitmq_start "$state" &
  pids+=($!)
  azurite_start "$state" "$PLATFORM_BLOB_PORT" &
  pids+=($!)
  for pid in "${pids[@]}"; do
    wait "$pid" || failed=1
  done
  (( failed == 0 )) || die "stack: start failed (see above); stop what started with: $0 stop $state"
  write_stack_env "$state"
  say "stack: ready in $((SECONDS - started))s; connection strings in $state/stack.env"
}

stop() {
  local state="$1"
  [[ -d "$state" ]] || { say "stack: nothing in $state"; return 0; }
  [[ -f "$state/ports.env" ]] && source "$state/ports.env"
  azurite_stop "$state" &
  rabbitmq_stop "$state" &
  postgres_stop "$state" &
  wait
}

status() {
  local state="$1" rc=0
  [[ -f "$state/ports.env" ]] || { echo "stack: not started in $state"; return 1; }
  source "$state/ports.env"
  for pair in "postgres:$PLATFORM_PG_PORT" "rabbitmq:$PLATFORM_AMQP_PORT" "azurite:$PLATFORM_BLOB_PORT" \
    ${PLATFORM_RABBIT_MGMT_PORT:+"rabbitmq-management:$PLATFORM_RABBIT_MGMT_PORT"}; do
    if tcp_open "${pair#*:}"; then echo "${pair%%:*}: up on 127.0.0.1:${pair#*:}"; else echo "${pair%%:*}: down"; rc=1; fi
  done
  return "$rc"
}

[[ $# -eq 2 ]] || die "usage: $0 start|stop|status STATE_DIR"
state="$(abs_path "$2")"
case "$1" in
  start) start "$state" ;;
  stop) stop "$state" ;;
  status) status "$state" ;;
  *) die "usage: $0 start|stop|status STATE_DIR" ;;
esac
