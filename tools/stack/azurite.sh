# Azurite (blob service only) for the local stack, pinned by tools/stack/azurite/package.json. Source it.
# shellcheck shell=bash

AZURITE_MAIN="$STACK_DIR/azurite/node_modules/azurite/dist/src/blob/main.js"

# azurite_start STATE PORT
azurite_start() {
  local state="$1" port="$2" dir="$1/azurite"
  mkdir -p "$dir/data"
  if pid_alive "$dir/azurite.pid" "$AZURITE_MAIN"; then
    say "azurite: already running"
  else
    port_free azurite "$port"
    say "azurite: starting blob service on 127.0.0.1:$port"
    setsid node "$AZURITE_MAIN" --blobHost 127.0.0.1 --blobPort "$port" --location "$dir/data" \
      --skipApiVersionCheck --loose --silent >"$dir/azurite.log" 2>&1 </dev/null &
    echo $! >"$dir/azurite.pid"
  fi
  wait_until azurite "${PLATFORM_STACK_TIMEOUT:-90}" "$dir/azurite.log" "$dir/azurite.pid" tcp_open "$port"
}

azurite_stop() {
  stop_pid "$1/azurite/azurite.pid" azurite 20 "$AZURITE_MAIN"
}
