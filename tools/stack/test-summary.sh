#!/usr/bin/env bash
# Sums the test counts of a `dotnet test` log: prints "PASSED FAILED SKIPPED".
#   tools/stack/test-summary.sh LOG
# dotnet test ends each test assembly's run with a summary: a block at normal verbosity
#   "Total tests: 12" / "     Passed: 11" / "     Failed: 1" / "    Skipped: 0"
# or one line at minimal verbosity: "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, ...".
set -euo pipefail
awk '
  /^[[:space:]]*(Passed|Failed)![[:space:]]+-[[:space:]]+Failed:/ {
    gsub(/[,:]/, " "); for (i = 1; i < NF; i++) { if ($i == "Failed") lf += $(i+1); if ($i == "Passed") lp += $(i+1); if ($i == "Skipped") ls += $(i+1) }
    lines = 1; next }
  /^[[:space:]]*Passed:[[:space:]]*[0-9]+[[:space:]]*$/ { bp += $2 }
  /^[[:space:]]*Failed:[[:space:]]*[0-9]+[[:space:]]*$/ { bf += $2 }
  /^[[:space:]]*Skipped:[[:space:]]*[0-9]+[[:space:]]*$/ { bs += $2 }
  END { if (lines) print lp + 0, lf + 0, ls + 0; else print bp + 0, bf + 0, bs + 0 }' "$1"
