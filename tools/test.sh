#!/usr/bin/env bash
# Runs every test of the repository: the one command for developers and CI.
#
#   tools/test.sh [extra `dotnet test` arguments, e.g. --filter FullyQualifiedName~EndToEnd]
#
# On a Debian 12 machine that has the .NET SDK, it
#   1. installs what the tests need and the machine lacks (Chromium for the end-to-end tests,
#      PostgreSQL, poppler-utils for PDF checks, Noto fonts for the scripts the UI supports,
#      unicode-data for the BiDi conformance test of the document engine),
#   2. starts a throwaway PostgreSQL cluster (temporary folder, free port, fsync off, loopback only)
#      and exports its connection string as CRM_TEST_POSTGRES,
#   3. checks that the English resources of the core and the plugins are what the code says
#      (tools/sync-resources.py and tools/sync-plugin-resources.py with --check),
#   4. builds and runs `dotnet test CrmBlazor.sln`,
#   5. stops and deletes the cluster, whatever happened.
# The exit code is the tests' result. Screenshots of the end-to-end tests go to TestResults/e2e-screenshots.
set -euo pipefail

readonly REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly APT_PACKAGES=(chromium postgresql poppler-utils fonts-noto-core unicode-data python3)

log() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nERROR: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        fail "'$*' needs root, and sudo is not available. Install as root: apt-get install ${APT_PACKAGES[*]}"
    fi
}

install_missing_packages() {
    local missing=() package
    for package in "${APT_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$package")
        fi
    done
    if [[ ${#missing[@]} -eq 0 ]]; then
        log "System packages present: ${APT_PACKAGES[*]}"
        return
    fi
    log "Installing missing system packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# The newest PostgreSQL server binaries: on PATH, or where Debian's packages put them.
find_postgres_bin() {
    local initdb
    initdb="$(command -v initdb 2>/dev/null || true)"
    if [[ -z "$initdb" ]]; then
        initdb="$(ls -1d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)"
    fi
    [[ -n "$initdb" && -x "$initdb" ]] || fail "PostgreSQL's initdb was not found (package postgresql)."
    dirname "$(readlink -f "$initdb")"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

PG_DIR=""
PG_BIN=""
PG_PORT=""

# Runs a PostgreSQL tool as the cluster's owner: the postgres user when we are root (the server
# refuses to run as root), ourselves otherwise. Runs from the cluster folder, which that user can read.
as_cluster_owner() {
    if [[ $EUID -eq 0 ]]; then
        (cd "$PG_DIR" && runuser -u postgres -- "$@")
    else
        (cd "$PG_DIR" && "$@")
    fi
}

stop_postgres() {
    if [[ -n "$PG_DIR" && -d "$PG_DIR" ]]; then
        if [[ -f "$PG_DIR/data/postmaster.pid" ]]; then
            as_cluster_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
        fi
        rm -rf "$PG_DIR"
        PG_DIR=""
        echo "Throwaway PostgreSQL cluster stopped and deleted."
    fi
}

start_postgres() {
    PG_BIN="$(find_postgres_bin)"
    PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/crm-test-postgres.XXXXXX")"
    chmod 755 "$PG_DIR"
    mkdir -p "$PG_DIR/socket"
    if [[ $EUID -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || fail "The 'postgres' user does not exist (package postgresql)."
        chown -R postgres:postgres "$PG_DIR"
    fi

    log "Starting a throwaway PostgreSQL cluster ($("$PG_BIN/postgres" --version)) in $PG_DIR"
    as_cluster_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
        || { cat "$PG_DIR/initdb.log" >&2; fail "initdb failed."; }

    local attempt
    for attempt in 1 2 3 4 5; do
        PG_PORT=$((20000 + RANDOM % 30000))
        port_in_use "$PG_PORT" && continue
        # Throwaway data: durability is not wanted, speed is.
        if as_cluster_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
            -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
            start >/dev/null; then
            export CRM_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
            echo "PostgreSQL listens on 127.0.0.1:$PG_PORT; CRM_TEST_POSTGRES=$CRM_TEST_POSTGRES"
            return
        fi
        echo "PostgreSQL did not start on port $PG_PORT (attempt $attempt); trying another port."
    done
    cat "$PG_DIR/postgres.log" >&2 || true
    fail "Could not start the throwaway PostgreSQL cluster."
}

# Repeats each failed test with its message and the top of its stack at the end of the log, where CI's
# excerpt of the output reaches: among thousands of passed lines a failure is otherwise out of sight.
print_failures() {
    local log_file="$1"
    awk '
        /^[[:space:]]+Failed [A-Za-z_].* \[[0-9<]/ { showing = 1; lines = 0; print; next }
        showing && /^[[:space:]]+(Passed|Failed|Skipped) [A-Za-z_]/ { showing = 0 }
        showing && /^(warn|info|fail|dbug):|^\[xUnit/ { showing = 0 }
        showing && lines < 25 { print; lines++ }
    ' "$log_file"
}

# Adds up the per-assembly summaries of the console logger into one closing line.
print_totals() {
    local log_file="$1"
    awk '
        /^[[:space:]]*Passed:[[:space:]]*[0-9]+[[:space:]]*$/  { passed += $2 }
        /^[[:space:]]*Failed:[[:space:]]*[0-9]+[[:space:]]*$/  { failed += $2 }
        /^[[:space:]]*Skipped:[[:space:]]*[0-9]+[[:space:]]*$/ { skipped += $2 }
        END { printf "Tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }
    ' "$log_file"
}

main() {
    cd "$REPO_ROOT"
    command -v dotnet >/dev/null 2>&1 || fail "The .NET SDK (dotnet) is not on PATH."
    export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

    install_missing_packages
    trap stop_postgres EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    # The core's and the plugins' English resources are generated from the code: a text added without running the
    # script (or an example in a comment taken for one) fails here, before anything is built.
    log "Resources agree with the code"
    python3 "$REPO_ROOT/tools/sync-resources.py" --check
    python3 "$REPO_ROOT/tools/sync-plugin-resources.py" plugins/Projects ProjectsResources --check
    python3 "$REPO_ROOT/tools/sync-plugin-resources.py" plugins/Invoicing InvoicingResources --check
    python3 "$REPO_ROOT/tools/sync-plugin-resources.py" plugins/Resources ResourcesResources --check
    python3 "$REPO_ROOT/tools/sync-plugin-resources.py" plugins/Surveys SurveysResources --check
    python3 "$REPO_ROOT/tools/sync-plugin-resources.py" plugins/Upsell UpsellResources --check

    start_postgres

    local results="$REPO_ROOT/TestResults"
    mkdir -p "$results"
    export CRM_E2E_ARTIFACTS="$results/e2e-screenshots"
    local console_log="$results/dotnet-test.log"

    log "dotnet test CrmBlazor.sln (restore, build, run) with $(dotnet --version)"
    local started=$SECONDS status=0
    # A hung test host is stopped after 20 minutes instead of using up CI's time.
    dotnet test CrmBlazor.sln \
        --logger "console;verbosity=normal" \
        --results-directory "$results" \
        --blame-hang-timeout 20m --blame-hang-dump-type none \
        "$@" 2>&1 | tee "$console_log" || status=$?

    stop_postgres
    if [[ $status -ne 0 ]]; then
        log "Failed tests"
        print_failures "$console_log"
    fi
    log "Finished in $((SECONDS - started)) s with exit code $status (log: $console_log)"
    # Last line, in the form CI reads: "Tests: N passed, N failed, N skipped".
    print_totals "$console_log"
    return "$status"
}

main "$@"
