# Shared helpers for the local stack scripts. Source it; do not run it.
# shellcheck shell=bash

STACK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$STACK_DIR/../.." && pwd)"

say() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf '[%s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2; exit 1; }

# Prints the last lines of a log file to stderr, framed, so a failure shows its cause.
show_log_tail() {
  local log="$1" lines="${2:-40}"
  if [[ -f "$log" ]]; then
    printf -- '----- last %s lines of %s -----\n' "$lines" "$log" >&2
    tail -n "$lines" "$log" >&2
    printf -- '----- end of %s -----\n' "$log" >&2
  else
    printf 'no log at %s\n' "$log" >&2
  fi
}

# pid_alive FILE [PATTERN]: true when FILE names a live process whose command line contains PATTERN.
# A stale file (process gone, or its pid reused by another program) is removed.
pid_alive() {
  local file="$1" pattern="${2:-}" pid
  [[ -s "$file" ]] || return 1
  pid="$(head -n1 "$file" | tr -dc '0-9')"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null \
    && { [[ -z "$pattern" ]] || tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$pattern"; }; then
    return 0
  fi
  rm -f "$file"
  return 1
}

# stop_pid FILE NAME [SECONDS] [PATTERN]: SIGTERM the process in FILE (see pid_alive), wait for it to exit,
# SIGKILL after the grace time.
stop_pid() {
  local file="$1" name="$2" grace="${3:-30}" pattern="${4:-}" pid waited=0
  if ! pid_alive "$file" "$pattern"; then
    say "$name: not running"
    return 0
  fi
  pid="$(head -n1 "$file" | tr -dc '0-9')"
  say "$name: stopping (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if (( waited >= grace * 10 )); then
      say "$name: still running after ${grace}s, killing"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  rm -f "$file"
}

# tcp_open PORT: true when something accepts TCP connections on 127.0.0.1:PORT.
tcp_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# port_free NAME PORT...: fails when another process already listens on one of the ports
# (a readiness probe would otherwise take that process for ours).
port_free() {
  local name="$1" port
  shift
  for port in "$@"; do
    if tcp_open "$port"; then
      die "$name: port $port is taken by another process; choose other ports (see README) or free it"
    fi
  done
}

# wait_until NAME SECONDS LOG PIDFILE COMMAND...: polls COMMAND until it succeeds.
# Fails with the log's tail when the deadline passes or the process behind PIDFILE dies.
wait_until() {
  local name="$1" seconds="$2" log="$3" pidfile="$4" start
  shift 4
  start=$SECONDS
  until "$@"; do
    if [[ -n "$pidfile" ]] && ! pid_alive "$pidfile"; then
      show_log_tail "$log"
      die "$name exited during start-up (log: $log)"
    fi
    if (( SECONDS - start >= seconds )); then
      show_log_tail "$log"
      die "$name not ready after ${seconds}s (log: $log)"
    fi
    sleep 0.2
  done
  say "$name: ready after $((SECONDS - start))s"
}

# free_ports N: prints N distinct free loopback TCP ports, chosen by the kernel (bind to port 0).
# Node is used because the stack needs it anyway (Azurite); all sockets stay open until every port is known.
free_ports() {
  node -e '
    const net = require("net");
    const n = Number(process.argv[1]);
    const servers = [];
    const next = () => {
      if (servers.length === n) {
        console.log(servers.map(s => s.address().port).join(" "));
        servers.forEach(s => s.close());
        return;
      }
      const s = net.createServer();
      s.listen(0, "127.0.0.1", () => { servers.push(s); next(); });
    };
    next();' "$1"
}

# abs_path PATH: PATH made absolute (its parent is created when missing).
abs_path() {
  mkdir -p "$(dirname "$1")"
  printf '%s/%s\n' "$(cd "$(dirname "$1")" && pwd)" "$(basename "$1")"
}

# stack_start_async STATE: starts the stack in the background (output in STATE/start.log); await it with stack_await.
# The stack boots while the solution builds.
stack_start_async() {
  mkdir -p "$1"
  "$STACK_DIR/stack.sh" start "$1" >"$1/start.log" 2>&1 &
  STACK_START_PID=$!
}

# stack_await STATE: waits for stack_start_async, shows what it printed, fails when it failed.
stack_await() {
  local rc=0
  wait "$STACK_START_PID" || rc=$?
  cat "$1/start.log"
  rm -f "$1/start.log"
  (( rc == 0 )) || die "the stack did not start"
}

# A short, stable id for a state directory: names RabbitMQ nodes and fallback data dirs.
state_id() {
  printf '%s' "$1" | cksum | cut -d' ' -f1
}

# as_user USER COMMAND...: runs COMMAND as the service account (servers refuse root).
as_user() {
  local user="$1"
  shift
  if [[ "$(id -un)" == "$user" ]]; then
    "$@"
  else
    runuser -u "$user" -- "$@"
  fi
}

# ensure_system_user NAME: creates a locked system account when the machine lacks it.
ensure_system_user() {
  id -u "$1" >/dev/null 2>&1 && return 0
  say "creating system user $1"
  useradd --system --user-group --no-create-home --shell /usr/sbin/nologin "$1"
}

# server_dir STATE NAME USER: prints a data directory for a server owned by USER.
# It lives under STATE unless USER cannot reach STATE (e.g. a clone under /root);
# then it lives under /var/tmp/platform-stack-<id> and STATE/NAME links to it (remove_state deletes both).
server_dir() {
  local state="$1" name="$2" user="$3" dir
  dir="$state/$name"
  if [[ -L "$dir" ]]; then
    readlink -f "$dir"
    return 0
  fi
  if [[ "$(id -un)" == "$user" ]] || runuser -u "$user" -- test -x "$state" 2>/dev/null; then
    mkdir -p "$dir"
  else
    local external="/var/tmp/platform-stack-$(state_id "$state")/$name"
    mkdir -p "$external"
    ln -sfn "$external" "$dir"
    dir="$external"
  fi
  chown "$user:" "$dir"
  printf '%s\n' "$dir"
}

# remove_state STATE: deletes a state directory and its data dirs kept outside it, if any.
remove_state() {
  rm -rf "$1" "/var/tmp/platform-stack-$(state_id "$1")"
}
