#!/usr/bin/env bash
# The demo run.sh ends with, against the running services. PLATFORM_API_URL is the Api's base URL.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

api="${PLATFORM_API_URL:-http://127.0.0.1:${PLATFORM_API_PORT:-8080}}"

curl -fsS -o /dev/null --max-time 5 "$api/health/ready" || die "the Api does not answer at $api/health/ready"
say "the Api is up at $api"

cat <<EOT

  Hangfire dashboard:  $api/hangfire
  OpenAPI document:    $api/openapi/v1.json
  Health:              $api/health/ready

EOT
