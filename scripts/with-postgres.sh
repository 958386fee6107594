#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL: DATABASE_URL points at a fresh server on 127.0.0.1
# that is stopped and deleted on exit. Usage: scripts/with-postgres.sh npx vitest run tests/integration/history-store.test.ts
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 command [args...]" >&2; exit 2; }

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true; }
BIN=$(find_bin)
[ -n "$BIN" ] || ! command -v initdb >/dev/null || BIN=$(dirname "$(command -v initdb)") # e.g. Homebrew
if [ -z "$BIN" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "with-postgres: installing postgresql with apt-get..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq postgresql >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }
  BIN=$(find_bin)
fi
[ -n "$BIN" ] || { echo "with-postgres: no PostgreSQL server found in /usr/lib/postgresql/*/bin; install it (apt-get install postgresql) or run as root" >&2; exit 1; }

# PostgreSQL refuses to run as root: run the server as the postgres user (or a throwaway one).
AS=()
if [ "$(id -u)" = 0 ]; then
  RUN_USER=postgres
  id "$RUN_USER" >/dev/null 2>&1 || { RUN_USER=minerank-test; id "$RUN_USER" >/dev/null 2>&1 || useradd --system --no-create-home "$RUN_USER"; }
  AS=(runuser -u "$RUN_USER" --)
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/minerank-pg.XXXXXX")
cleanup() {
  "${AS[@]}" "$BIN/pg_ctl" -D "$TMP/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
[ ${#AS[@]} -eq 0 ] || chown "$RUN_USER" "$TMP"

"${AS[@]}" "$BIN/initdb" -D "$TMP/data" -U minerank --auth=trust -E UTF8 --locale=C --no-sync >"$TMP/initdb.log" 2>&1 ||
  { cat "$TMP/initdb.log" >&2; exit 1; }

# The first free port from 55432: a parallel run (another checkout, CI job) takes the next one.
PORT=55432
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
"${AS[@]}" "$BIN/pg_ctl" -D "$TMP/data" -l "$TMP/server.log" -w -t 30 start \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $TMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null ||
  { cat "$TMP/server.log" >&2; exit 1; }
"$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U minerank minerank_test

export DATABASE_URL="postgres://minerank@127.0.0.1:$PORT/minerank_test"
echo "with-postgres: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT" >&2
set +e
"$@"
status=$?
set -e
exit "$status"
