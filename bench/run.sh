#!/usr/bin/env bash
# Runs a benchmark: builds bench/CrmBlazor.Bench in Release and runs it with the given arguments.
#
#   bench/run.sh core                       # 100,000 customers, 1,000,000 interactions, SQLite
#   bench/run.sh core --customers 10000     # smaller, for development
#   CRM_BENCH_POSTGRES="Host=localhost;Username=crm;Password=crm;Database=postgres" bench/run.sh core   # PostgreSQL too
#
# The last line of the output is `RESULT {json}`. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" != "core" ]]; then
  echo "usage: bench/run.sh core [--customers N] [--interactions N] [--iterations N] [--warmup N] [--keep] [--no-analyze] [--explain] [--only sqlite|postgres] [--reuse FILE|DB] [--data-dir DIR]" >&2
  exit 2
fi
dotnet build bench/CrmBlazor.Bench -c Release -v q -nologo -clp:ErrorsOnly >&2
exec dotnet bench/CrmBlazor.Bench/bin/Release/net10.0/CrmBlazor.Bench.dll "$@"
