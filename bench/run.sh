#!/usr/bin/env bash
# Runs a benchmark in Release. The last line of the output is `RESULT {json}`. See bench/README.md.
#
#   bench/run.sh core                       # 100,000 customers, 1,000,000 interactions, SQLite
#   bench/run.sh core --customers 10000     # smaller, for development
#   CRM_BENCH_POSTGRES="Host=localhost;Username=crm;Password=crm;Database=postgres" bench/run.sh core   # PostgreSQL too
#   bench/run.sh pdf                        # 10,000 invoices with the document engine, 50 through wkhtmltopdf and Chromium
#   bench/run.sh pdf --count 1000 --html-sample 10   # smaller, for development
#   bench/run.sh pdf --samples /tmp/pdf-samples      # write one invoice per script (PDF and HTML) to look at
#   bench/run.sh messaging                  # 10,000 personalised messages rendered and delivered to a local SMTP sink
#   bench/run.sh messaging --messages 1000  # smaller, for development
#   bench/run.sh planning                   # 1,000 people, 2,000 projects, 200,000 allocations: the board's data and the board in Chromium
#   bench/run.sh planning --people 100 --allocations 20000 --board 50 --no-browser   # smaller, for development
#   bench/run.sh surveys                    # 1,000 respondents submitting at once through the answer page; results of 1,000,000 answers against hand-written SQL
#   bench/run.sh surveys --answers 100000 --respondents 200   # smaller, for development
#   bench/run.sh upsell                     # 100,000 customers, 1,000,000 time entries, 200,000 invoices, 300,000 survey answers: every upsell rule; budget burn set-based against a loop per customer
#   bench/run.sh upsell --customers 2000 --time-entries 20000 --invoices 4000 --answers 6000   # smaller, for development
set -euo pipefail
cd "$(dirname "$0")/.."

# The PDF benchmark compares with HTML-to-PDF engines and needs them and the fonts they draw with.
install_pdf_tools() {
  local missing=() package
  for package in wkhtmltopdf chromium fonts-noto-core poppler-utils; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    echo "Installing ${missing[*]}" >&2
    local sudo=()
    [[ $EUID -ne 0 ]] && sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
  fi
}

case "${1:-}" in
  core)
    dotnet build bench/CrmBlazor.Bench -c Release -v q -nologo -clp:ErrorsOnly >&2
    exec dotnet bench/CrmBlazor.Bench/bin/Release/net10.0/CrmBlazor.Bench.dll "$@"
    ;;
  pdf)
    install_pdf_tools
    dotnet build bench/CrmBlazor.Bench.Pdf -c Release -v q -nologo -clp:ErrorsOnly >&2
    exec dotnet bench/CrmBlazor.Bench.Pdf/bin/Release/net10.0/CrmBlazor.Bench.Pdf.dll "$@"
    ;;
  messaging)
    shift
    dotnet build bench/CrmBlazor.Bench.Messaging -c Release -v q -nologo -clp:ErrorsOnly >&2
    exec dotnet bench/CrmBlazor.Bench.Messaging/bin/Release/net10.0/CrmBlazor.Bench.Messaging.dll "$@"
    ;;
  planning)
    shift
    dotnet build bench/CrmBlazor.Bench.Planning -c Release -v q -nologo -clp:ErrorsOnly >&2
    exec dotnet bench/CrmBlazor.Bench.Planning/bin/Release/net10.0/CrmBlazor.Bench.Planning.dll "$@"
    ;;
  surveys)
    shift
    dotnet build bench/CrmBlazor.Bench.Surveys -c Release -v q -nologo -clp:ErrorsOnly >&2
    exec dotnet bench/CrmBlazor.Bench.Surveys/bin/Release/net10.0/CrmBlazor.Bench.Surveys.dll "$@"
    ;;
  upsell)
    shift
    dotnet build bench/CrmBlazor.Bench.Upsell -c Release -v q -nologo -clp:ErrorsOnly >&2
    exec dotnet bench/CrmBlazor.Bench.Upsell/bin/Release/net10.0/CrmBlazor.Bench.Upsell.dll "$@"
    ;;
  *)
    echo "usage: bench/run.sh core [--customers N] [--interactions N] [--iterations N] [--warmup N] [--keep] [--no-analyze] [--explain] [--only sqlite|postgres] [--reuse FILE|DB] [--data-dir DIR]" >&2
    echo "       bench/run.sh pdf [--count N] [--html-sample N] [--parallel N] [--samples DIR] [--no-html]" >&2
    echo "       bench/run.sh messaging [--messages N] [--workers N]" >&2
    echo "       bench/run.sh planning [--people N] [--projects N] [--allocations N] [--board N] [--iterations N] [--warmup N] [--no-browser]" >&2
    echo "       bench/run.sh surveys [--answers N] [--respondents N] [--iterations N] [--warmup N]" >&2
    echo "       bench/run.sh upsell [--customers N] [--projects N] [--time-entries N] [--invoices N] [--answers N] [--iterations N] [--only sqlite|postgres]" >&2
    exit 2
    ;;
esac
