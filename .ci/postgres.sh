# Sourced by .ci/run: starts a throwaway PostgreSQL cluster on a loopback port from the
# machine's PostgreSQL packages (installed with apt when absent), exports
# OPSTAP_TEST_POSTGRES for the store tests, and stops and removes it on exit.
pg_bindir() {
  if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir
  else
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
  fi
}
if [ -z "$(pg_bindir)" ]; then
  echo "PostgreSQL is not installed: installing it with apt"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PG_BIN="$(pg_bindir)"
PG_PORT="${OPSTAP_PG_PORT:-54329}"
PG_DIR="$(mktemp -d /tmp/opstap-pg.XXXXXX)"
as_pg() {
  # The server refuses to run as root: run it as the packages' postgres user then.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U opstap --auth=trust --no-sync >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
stop_postgres() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap stop_postgres EXIT
export OPSTAP_TEST_POSTGRES="postgres://opstap@127.0.0.1:$PG_PORT/postgres"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') started for the store tests on 127.0.0.1:$PG_PORT (data in $PG_DIR, removed on exit)"
