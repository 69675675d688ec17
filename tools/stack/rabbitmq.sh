# RabbitMQ for the local stack, as the `rabbitmq` OS user, with its own node name, ports,
# epmd and files, so several stacks can run side by side. Source it.
# shellcheck shell=bash

RABBITMQ_BIN=/usr/lib/rabbitmq/bin

# rabbitmq_env STATE: the environment every RabbitMQ command of this stack runs with.
rabbitmq_env() {
  local dir
  dir="$(readlink -f "$1/rabbitmq")"
  printf '%s\n' \
    "HOME=$dir" \
    "RABBITMQ_NODENAME=platform-$(state_id "$1")@localhost" \
    "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1" \
    "RABBITMQ_NODE_PORT=$PLATFORM_AMQP_PORT" \
    "RABBITMQ_DIST_PORT=$PLATFORM_RABBIT_DIST_PORT" \
    "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1} +sbwt none +sbwtdcpu none +sbwtdio none" \
    "ERL_EPMD_PORT=$PLATFORM_EPMD_PORT" \
    "ERL_EPMD_ADDRESS=127.0.0.1" \
    "RABBITMQ_CONF_ENV_FILE=$dir/rabbitmq-env.conf" \
    "RABBITMQ_CONFIG_FILE=$dir/rabbitmq.conf" \
    "RABBITMQ_ADVANCED_CONFIG_FILE=$dir/advanced.config" \
    "RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins" \
    "RABBITMQ_MNESIA_BASE=$dir/mnesia" \
    "RABBITMQ_LOG_BASE=$dir/log" \
    "RABBITMQ_PID_FILE=$dir/rabbitmq.pid" \
    "ERL_CRASH_DUMP=$dir/log/erl_crash.dump"
}

rabbitmq_as_user() {
  local state="$1"
  shift
  local -a vars
  mapfile -t vars < <(rabbitmq_env "$state")
  as_user rabbitmq env "${vars[@]}" "$@"
}

# The first boot creates platform/platform with full rights on `/` (the default_* keys apply to an empty node only).
rabbitmq_write_config() {
  local dir="$1"
  {
    echo "listeners.tcp.default = 127.0.0.1:$PLATFORM_AMQP_PORT"
    echo "default_vhost = /"
    echo "default_user = platform"
    echo "default_pass = platform"
    echo "default_user_tags.administrator = true"
    echo "default_permissions.configure = .*"
    echo "default_permissions.read = .*"
    echo "default_permissions.write = .*"
    echo "log.console = true"
    echo "log.file.level = info"
    if [[ -n "${PLATFORM_RABBIT_MGMT_PORT:-}" ]]; then
      echo "management.tcp.ip = 127.0.0.1"
      echo "management.tcp.port = $PLATFORM_RABBIT_MGMT_PORT"
    fi
  } >"$dir/rabbitmq.conf"
  if [[ -n "${PLATFORM_RABBIT_MGMT_PORT:-}" ]]; then
    echo '[rabbitmq_management].' >"$dir/enabled_plugins"
  else
    echo '[].' >"$dir/enabled_plugins"
  fi
  echo '[].' >"$dir/advanced.config"
  : >"$dir/rabbitmq-env.conf"
  mkdir -p "$dir/log" "$dir/mnesia"
  # The Erlang cookie must be private to its owner, else the node refuses to start.
  if [[ ! -s "$dir/.erlang.cookie" ]]; then
    head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/.erlang.cookie"
  fi
  chmod 400 "$dir/.erlang.cookie"
  chown -R rabbitmq: "$dir"
}

# rabbitmq_start STATE: uses PLATFORM_AMQP_PORT, PLATFORM_RABBIT_DIST_PORT, PLATFORM_EPMD_PORT, PLATFORM_RABBIT_MGMT_PORT.
rabbitmq_start() {
  local state="$1" dir log
  ensure_system_user rabbitmq
  dir="$(server_dir "$state" rabbitmq rabbitmq)"
  log="$dir/log/startup.log"
  if pid_alive "$dir/launcher.pid" stack.sh; then
    say "rabbitmq: already running"
  else
    port_free rabbitmq "$PLATFORM_AMQP_PORT" "$PLATFORM_RABBIT_DIST_PORT" ${PLATFORM_RABBIT_MGMT_PORT:+"$PLATFORM_RABBIT_MGMT_PORT"}
    rabbitmq_write_config "$dir"
    say "rabbitmq: starting node platform-$(state_id "$state")@localhost on 127.0.0.1:$PLATFORM_AMQP_PORT${PLATFORM_RABBIT_MGMT_PORT:+ (management on $PLATFORM_RABBIT_MGMT_PORT)}"
    # The launcher's own descriptors go to the log too: it lives as long as the node and must not hold the caller's output open.
    (cd "$dir" && rabbitmq_as_user "$state" setsid "$RABBITMQ_BIN/rabbitmq-server") >"$log" 2>&1 </dev/null &
    echo $! >"$dir/launcher.pid"
  fi
  wait_until rabbitmq "${PLATFORM_STACK_TIMEOUT:-90}" "$log" \
    "$dir/launcher.pid" tcp_open "$PLATFORM_AMQP_PORT"
}

rabbitmq_stop() {
  local state="$1" dir="$1/rabbitmq"
  [[ -d "$dir" ]] || { say "rabbitmq: not initialised"; return 0; }
  if pid_alive "$dir/rabbitmq.pid" beam; then
    # SIGTERM to the VM is RabbitMQ's graceful shutdown.
    stop_pid "$dir/rabbitmq.pid" rabbitmq 60 beam
    stop_pid "$dir/launcher.pid" "rabbitmq launcher" 10 stack.sh >/dev/null
  else
    stop_pid "$dir/launcher.pid" rabbitmq 10 stack.sh
  fi
  # The node started an epmd of its own on PLATFORM_EPMD_PORT; it outlives the node.
  if [[ -n "${PLATFORM_EPMD_PORT:-}" ]] && tcp_open "$PLATFORM_EPMD_PORT"; then
    rabbitmq_as_user "$state" epmd -port "$PLATFORM_EPMD_PORT" -kill >/dev/null 2>&1 || true
  fi
}
