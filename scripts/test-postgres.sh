#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests and exports its URL in SHOWRUNNER_TEST_POSTGRES.
#   source scripts/test-postgres.sh && start_test_postgres    (stopped by an EXIT trap)
#   scripts/test-postgres.sh swift test --filter Store          (runs one command against a fresh server)
# initdb runs in a temporary folder as an unprivileged user (PostgreSQL refuses root: `nobody` when run as root),
# on a free loopback port, with fsync off (the data is thrown away).

_test_postgres_as() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

start_test_postgres() {
    local bindir
    bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
    if [ -z "$bindir" ]; then
        echo "test-postgres: no PostgreSQL server installed (scripts/install-deps.sh installs 'postgresql')" >&2
        return 1
    fi
    TEST_POSTGRES_DIR="$(mktemp -d /tmp/showrunner-pg.XXXXXX)"
    [ "$(id -u)" -eq 0 ] && chown nobody "$TEST_POSTGRES_DIR"
    local port
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    _test_postgres_as "$bindir/initdb" -D "$TEST_POSTGRES_DIR/data" -U showrunner --auth=trust --locale=C -E UTF8 \
        >"$TEST_POSTGRES_DIR/initdb.log" 2>&1 || { cat "$TEST_POSTGRES_DIR/initdb.log" >&2; return 1; }
    _test_postgres_as "$bindir/pg_ctl" -D "$TEST_POSTGRES_DIR/data" -l "$TEST_POSTGRES_DIR/server.log" -w \
        -o "-p $port -k $TEST_POSTGRES_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" \
        start >/dev/null || { cat "$TEST_POSTGRES_DIR/server.log" >&2; return 1; }
    TEST_POSTGRES_BIN="$bindir"
    export SHOWRUNNER_TEST_POSTGRES="postgres://showrunner@127.0.0.1:$port/postgres?sslmode=disable"
    # For the cluster suite's restart of the server in the middle of runs.
    export SHOWRUNNER_TEST_POSTGRES_DATA="$TEST_POSTGRES_DIR/data" SHOWRUNNER_TEST_POSTGRES_BIN="$bindir"
    trap stop_test_postgres EXIT
    echo "test-postgres: PostgreSQL on 127.0.0.1:$port (SHOWRUNNER_TEST_POSTGRES)"
}

stop_test_postgres() {
    [ -n "${TEST_POSTGRES_DIR:-}" ] || return 0
    _test_postgres_as "$TEST_POSTGRES_BIN/pg_ctl" -D "$TEST_POSTGRES_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$TEST_POSTGRES_DIR"
    TEST_POSTGRES_DIR=""
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    start_test_postgres
    "$@"
fi
