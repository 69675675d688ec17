#!/usr/bin/env bash
# Installs what the local stack needs and the machine lacks: RabbitMQ (apt), Azurite (npm ci),
# docker-compose (apt, with --compose; the deployment tests validate docker-compose.yml with it).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

apt_packages=()
command -v initdb >/dev/null || [[ -x /usr/lib/postgresql/15/bin/initdb ]] || apt_packages+=(postgresql-15)
[[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]] || apt_packages+=(rabbitmq-server)
command -v node >/dev/null || apt_packages+=(nodejs npm)
# The scripts' and the demo's tools.
command -v curl >/dev/null || apt_packages+=(curl)
command -v jq >/dev/null || apt_packages+=(jq)
command -v zip >/dev/null || apt_packages+=(zip)
command -v column >/dev/null || apt_packages+=(bsdextrautils)
if [[ "${1:-}" == --compose ]] && ! command -v docker-compose >/dev/null; then
  apt_packages+=(docker-compose)
fi

if (( ${#apt_packages[@]} )); then
  say "installing ${apt_packages[*]} (apt)"
  # Debian starts a package's system service on install; our servers run as processes of their own.
  created_policy=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    created_policy=1
  fi
  trap '(( created_policy )) && rm -f /usr/sbin/policy-rc.d' EXIT
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi

# Debian's postgresql packages put their binaries off PATH.
if ! command -v initdb >/dev/null; then
  ln -sf /usr/lib/postgresql/15/bin/{initdb,pg_ctl,postgres} /usr/local/bin/
fi

lock="$STACK_DIR/azurite/package-lock.json"
stamp="$STACK_DIR/azurite/node_modules/.platform-lock.sha256"
if [[ ! -f "$stamp" ]] || [[ "$(sha256sum <"$lock")" != "$(cat "$stamp")" ]]; then
  say "installing Azurite (npm ci in tools/stack/azurite)"
  (cd "$STACK_DIR/azurite" && npm ci --no-audit --no-fund --loglevel=error </dev/null >/dev/null)
  sha256sum <"$lock" >"$stamp"
fi
