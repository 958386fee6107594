#!/usr/bin/env bash
# Runs a command against a throwaway Redis: REDIS_URL points at a fresh redis-server on 127.0.0.1
# (its own port and folder, no persistence) that is stopped and deleted on exit. REDIS_SERVER_BIN
# and REDIS_TEST_DIR are exported too, so a test can stop the server and start it again on the
# same port. Usage: scripts/with-redis.sh npx vitest run tests/integration/rate-limit.test.ts
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 command [args...]" >&2; exit 2; }

BIN=$(command -v redis-server || true)
if [ -z "$BIN" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "with-redis: installing redis-server with apt-get..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq redis-server >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq redis-server >/dev/null; }
  BIN=$(command -v redis-server || true)
fi
[ -n "$BIN" ] || { echo "with-redis: no redis-server found; install it (apt-get install redis-server) or run as root" >&2; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/minerank-redis.XXXXXX")
PIDFILE="$TMP/redis.pid"
cleanup() {
  # The test may have restarted the server: stop whichever one the pid file names now.
  if [ -s "$PIDFILE" ]; then kill "$(cat "$PIDFILE")" 2>/dev/null || true; fi
  for _ in $(seq 1 50); do [ -s "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null || break; sleep 0.1; done
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The first free port from 56379: a parallel run takes the next one.
PORT=56379
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
cat >"$TMP/redis.conf" <<CONF
bind 127.0.0.1
port $PORT
dir $TMP
pidfile $PIDFILE
logfile $TMP/redis.log
daemonize yes
save ""
appendonly no
protected-mode yes
CONF
"$BIN" "$TMP/redis.conf"
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.05; done
(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null || { cat "$TMP/redis.log" >&2; exit 1; }

export REDIS_URL="redis://127.0.0.1:$PORT"
export REDIS_SERVER_BIN="$BIN" REDIS_TEST_DIR="$TMP"
echo "with-redis: $("$BIN" --version | sed -n "s/.*v=\([0-9.]*\).*/\1/p") on 127.0.0.1:$PORT" >&2
set +e
"$@"
status=$?
set -e
exit "$status"
