# PostgreSQL 15 for the local stack, as the `postgres` OS user (it refuses root). Source it.
# shellcheck shell=bash

postgres_dir() { server_dir "$1" postgres postgres; }

# postgres_start STATE PORT: initdb on first use (superuser platform/platform, database platform), then start.
postgres_start() {
  local state="$1" port="$2" dir log
  ensure_system_user postgres
  dir="$(postgres_dir "$state")"
  log="$dir/server.log"
  if [[ ! -s "$dir/data/PG_VERSION" ]]; then
    say "postgres: initdb in $dir/data"
    printf 'platform\n' >"$dir/pwfile"
    chown postgres: "$dir/pwfile"
    as_user postgres initdb --pgdata="$dir/data" --username=platform --pwfile="$dir/pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 --no-sync \
      >"$dir/initdb.log" 2>&1 || { show_log_tail "$dir/initdb.log"; die "postgres: initdb failed"; }
    rm -f "$dir/pwfile"
    {
      echo "listen_addresses = '127.0.0.1'"
      echo "unix_socket_directories = '$dir'"
      # Test fixtures create a database each and every service keeps a pool.
      echo "max_connections = 300"
      if [[ "${PLATFORM_STACK_EPHEMERAL:-0}" == 1 ]]; then
        # A throw-away test database: durability buys nothing, speed does.
        echo "fsync = off"
        echo "synchronous_commit = off"
        echo "full_page_writes = off"
      fi
    } >>"$dir/data/postgresql.conf"
  fi
  if as_user postgres pg_ctl --pgdata="$dir/data" status >/dev/null 2>&1; then
    say "postgres: already running"
  else
    port_free postgres "$port"
    say "postgres: starting on 127.0.0.1:$port"
    as_user postgres pg_ctl --pgdata="$dir/data" --log="$log" --options="-p $port" \
      --wait --timeout="${PLATFORM_STACK_TIMEOUT:-90}" start >/dev/null \
      || { show_log_tail "$log"; die "postgres: did not start (log: $log)"; }
  fi
  wait_until postgres "${PLATFORM_STACK_TIMEOUT:-90}" "$log" "" \
    psql --host="$dir" --port="$port" --username=platform --dbname=postgres -qAtc 'select 1' -o /dev/null
  if [[ -z "$(psql --host="$dir" --port="$port" --username=platform --dbname=postgres -qAtc \
    "select 1 from pg_database where datname = 'platform'")" ]]; then
    createdb --host="$dir" --port="$port" --username=platform platform
    say "postgres: created database platform"
  fi
}

postgres_stop() {
  local dir
  dir="$(readlink -f "$1/postgres")"
  if [[ ! -d "$dir/data" ]]; then
    say "postgres: not initialised"
  elif as_user postgres pg_ctl --pgdata="$dir/data" status >/dev/null 2>&1; then
    say "postgres: stopping"
    as_user postgres pg_ctl --pgdata="$dir/data" --mode=fast --wait --timeout=60 stop >/dev/null
  else
    say "postgres: not running"
  fi
}
