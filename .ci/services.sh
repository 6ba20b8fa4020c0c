#!/usr/bin/env bash
# Local services for ECX development and tests: PostgreSQL 15 (dedicated Debian cluster "15 ecx")
# and Keycloak (dev mode, demo realm "ecx" from .ci/keycloak/ecx-realm.json).
#
#   .ci/services.sh start|stop|status
#
# Idempotent. Needs Debian/Ubuntu + JDK 17; missing packages are installed with apt-get.
# All runtime state lives under <project>/.work/ (git-ignored).
#
# Env overrides: ECX_PG_PORT (5433), ECX_PG_VERSION (15), ECX_PG_CLUSTER (ecx),
#                ECX_KC_PORT (8180), ECX_KC_VERSION (26.7.3), ECX_KC_TIMEOUT (180 s),
#                ECX_KC_HEAP ("-Xms64m -Xmx512m")
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$ROOT/.work"

PG_PORT="${ECX_PG_PORT:-5433}"
PG_VERSION="${ECX_PG_VERSION:-15}"
PG_CLUSTER="${ECX_PG_CLUSTER:-ecx}"
PG_DB_USER="ecx"
PG_DB_PASSWORD="ecx"
PG_OWNER_USER="ecx_owner"      # owns the tables and runs the migrations (ADR 0007)
PG_OWNER_PASSWORD="ecx_owner"
PG_DATABASES=(ecx ecx_test)

KC_PORT="${ECX_KC_PORT:-8180}"
KC_VERSION="${ECX_KC_VERSION:-26.7.3}"
KC_TIMEOUT="${ECX_KC_TIMEOUT:-180}"
KC_HEAP="${ECX_KC_HEAP:--Xms64m -Xmx512m}"
KC_HOME="$WORK/keycloak-$KC_VERSION"
KC_ZIP="$WORK/downloads/keycloak-quarkus-dist-$KC_VERSION.zip"
KC_LOG="$WORK/keycloak.log"
KC_PID="$WORK/keycloak.pid"
KC_REALM_FILE="$ROOT/.ci/keycloak/ecx-realm.json"
KC_REALM_URL="http://localhost:$KC_PORT/realms/ecx/.well-known/openid-configuration"

log() { echo "[ecx] $*"; }
die() { echo "[ecx] ERROR: $*" >&2; exit 1; }

if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi

as_postgres() {
  # run from / so that psql does not complain about an unreadable cwd
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && sudo -u postgres -- "$@")
  fi
}

APT_UPDATED=0
apt_install() {
  log "installing with apt-get: $*"
  if [ "$APT_UPDATED" -eq 0 ]; then
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    APT_UPDATED=1
  fi
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

ensure_tools() {
  local missing=()
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v unzip >/dev/null 2>&1 || missing+=(unzip)
  command -v setsid >/dev/null 2>&1 || missing+=(util-linux)
  command -v jq >/dev/null 2>&1 || missing+=(jq)            # the documented examples parse JSON with jq
  command -v python3 >/dev/null 2>&1 || missing+=(python3)  # .ci/doc-test
  if [ "${#missing[@]}" -gt 0 ]; then apt_install "${missing[@]}"; fi
}

# ---------------------------------------------------------------------------- PostgreSQL

pg_cluster_line() {
  # prints "<ver> <cluster> <port> <status> ..." of our cluster, or nothing
  pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1==v && $2==c'
}

pg_psql() { # pg_psql <db> <sql> -- as superuser over the unix socket
  as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d "$1" -c "SET client_min_messages TO warning" -c "$2"
}

# The application role (PG_DB_USER) and the owner role that runs the migrations and owns the tables
# (PG_OWNER_USER): the application may not alter or delete the audit log (ADR 0007). Idempotent.
pg_roles() {
  local role pw
  for role in "$PG_DB_USER:$PG_DB_PASSWORD" "$PG_OWNER_USER:$PG_OWNER_PASSWORD"; do
    pw="${role#*:}"; role="${role%%:*}"
    pg_psql postgres "DO \$\$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
          CREATE ROLE $role LOGIN PASSWORD '$pw';
        ELSE
          ALTER ROLE $role LOGIN PASSWORD '$pw';
        END IF;
      END \$\$;"
  done
}

pg_start() {
  if ! command -v pg_createcluster >/dev/null 2>&1; then
    apt_install postgresql postgresql-contrib
  fi
  if [ ! -x "/usr/lib/postgresql/$PG_VERSION/bin/postgres" ]; then
    apt_install "postgresql-$PG_VERSION"
  fi

  local line port status
  line="$(pg_cluster_line)"
  if [ -z "$line" ]; then
    log "creating PostgreSQL cluster $PG_VERSION/$PG_CLUSTER on port $PG_PORT"
    "${SUDO[@]}" pg_createcluster --start-conf=manual -p "$PG_PORT" "$PG_VERSION" "$PG_CLUSTER" >/dev/null
    line="$(pg_cluster_line)"
    [ -n "$line" ] || die "pg_createcluster did not create $PG_VERSION/$PG_CLUSTER"
  fi
  port="$(awk '{print $3}' <<<"$line")"
  status="$(awk '{print $4}' <<<"$line")"
  if [ "$port" != "$PG_PORT" ]; then
    log "cluster $PG_VERSION/$PG_CLUSTER is configured for port $port; switching to $PG_PORT"
    "${SUDO[@]}" pg_conftool "$PG_VERSION" "$PG_CLUSTER" set port "$PG_PORT"
    if [[ "$status" == online* ]]; then
      "${SUDO[@]}" pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" restart
    fi
    status="$(pg_cluster_line | awk '{print $4}')"
  fi
  if [[ "$status" == online* ]]; then
    log "PostgreSQL $PG_VERSION/$PG_CLUSTER already running on port $PG_PORT"
  else
    log "starting PostgreSQL $PG_VERSION/$PG_CLUSTER on port $PG_PORT"
    "${SUDO[@]}" pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
  fi

  local i
  for i in $(seq 1 60); do
    if pg_isready -q -h localhost -p "$PG_PORT"; then break; fi
    [ "$i" -lt 60 ] || die "PostgreSQL not ready on port $PG_PORT (see /var/log/postgresql/postgresql-$PG_VERSION-$PG_CLUSTER.log)"
    sleep 1
  done

  # roles, databases, extensions (all idempotent)
  pg_roles
  local db exists
  for db in "${PG_DATABASES[@]}"; do
    exists="$(as_postgres psql -X -qtA -p "$PG_PORT" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")"
    if [ "$exists" != "1" ]; then
      log "creating database $db"
      pg_psql postgres "CREATE DATABASE $db OWNER $PG_DB_USER"
    fi
    pg_psql "$db" "CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS unaccent;"
  done

  # the application connects over TCP with a password: check exactly that
  if ! PGPASSWORD="$PG_DB_PASSWORD" psql -X -qtA -h localhost -p "$PG_PORT" -U "$PG_DB_USER" -d ecx -c 'select 1' >/dev/null; then
    die "cannot connect to jdbc:postgresql://localhost:$PG_PORT/ecx as $PG_DB_USER"
  fi
  log "PostgreSQL ready: jdbc:postgresql://localhost:$PG_PORT/{ecx,ecx_test} user $PG_DB_USER/$PG_DB_PASSWORD"
}

pg_stop() {
  command -v pg_lsclusters >/dev/null 2>&1 || { log "PostgreSQL not installed"; return 0; }
  local line
  line="$(pg_cluster_line)"
  if [ -z "$line" ]; then
    log "PostgreSQL cluster $PG_VERSION/$PG_CLUSTER does not exist"
  elif [[ "$(awk '{print $4}' <<<"$line")" == online* ]]; then
    log "stopping PostgreSQL $PG_VERSION/$PG_CLUSTER"
    "${SUDO[@]}" pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop
  else
    log "PostgreSQL $PG_VERSION/$PG_CLUSTER already stopped"
  fi
}

pg_status() {
  if ! command -v pg_lsclusters >/dev/null 2>&1; then log "PostgreSQL: not installed"; return 0; fi
  local line
  line="$(pg_cluster_line)"
  if [ -z "$line" ]; then
    log "PostgreSQL $PG_VERSION/$PG_CLUSTER: not created"
  else
    log "PostgreSQL $PG_VERSION/$PG_CLUSTER: port $(awk '{print $3}' <<<"$line"), $(awk '{print $4}' <<<"$line")"
  fi
}

# ---------------------------------------------------------------------------- Keycloak

kc_ready() {
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$KC_REALM_URL" 2>/dev/null || true)" = "200" ]
}

kc_port_busy() { # anything answering HTTP on the port?
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://localhost:$KC_PORT/" 2>/dev/null || true)" != "000" ]
}

kc_running_pid() { # prints the pid from the pid file if that process is alive
  local pid
  [ -f "$KC_PID" ] || return 1
  pid="$(cat "$KC_PID" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

find_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then return 0; fi
  if command -v java >/dev/null 2>&1; then
    unset JAVA_HOME
    return 0
  fi
  local candidate
  for candidate in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-arm64 \
                   /usr/lib/jvm/java-21-openjdk-amd64 /usr/lib/jvm/default-java; do
    if [ -x "$candidate/bin/java" ]; then export JAVA_HOME="$candidate"; return 0; fi
  done
  die "no Java found (install a JDK 17, e.g. apt-get install openjdk-17-jdk-headless)"
}

kc_install() {
  if [ -x "$KC_HOME/bin/kc.sh" ]; then return 0; fi
  mkdir -p "$WORK/downloads"
  if [ ! -s "$KC_ZIP" ]; then
    log "downloading org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip (Maven Central, via ./mvnw)"
    find_java
    "$ROOT/mvnw" -q -B -f "$ROOT/.ci/fetch-pom.xml" \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" \
      -DoutputDirectory="$WORK/downloads" -Dmdep.useBaseVersion=true \
      || die "download of Keycloak $KC_VERSION failed"
    [ -s "$KC_ZIP" ] || die "expected $KC_ZIP after download"
  fi
  log "unpacking Keycloak $KC_VERSION into ${KC_HOME#"$ROOT/"}"
  local tmp="$WORK/unpack.$$"
  rm -rf "$tmp" && mkdir -p "$tmp"
  unzip -q "$KC_ZIP" -d "$tmp"
  [ -x "$tmp/keycloak-$KC_VERSION/bin/kc.sh" ] || die "unexpected layout of $KC_ZIP"
  rm -rf "$KC_HOME"
  mv "$tmp/keycloak-$KC_VERSION" "$KC_HOME"
  rm -rf "$tmp"
}

kc_wait() { # kc_wait <pid> <t0>
  local pid="$1" t0="$2" now
  while true; do
    if kc_ready; then
      now="$(date +%s)"
      log "Keycloak ready after $((now - t0)) s: http://localhost:$KC_PORT (realm ecx, admin console kcadmin/kcadmin)"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "[ecx] Keycloak exited during startup; last lines of $KC_LOG:" >&2
      tail -n 60 "$KC_LOG" >&2 || true
      rm -f "$KC_PID"
      exit 1
    fi
    now="$(date +%s)"
    if [ $((now - t0)) -ge "$KC_TIMEOUT" ]; then
      echo "[ecx] Keycloak not ready after ${KC_TIMEOUT} s; last lines of $KC_LOG:" >&2
      tail -n 60 "$KC_LOG" >&2 || true
      exit 1
    fi
    sleep 2
  done
}

kc_start() {
  local pid t0
  if kc_ready; then
    log "Keycloak already answering on port $KC_PORT (realm ecx)"
    return 0
  fi
  if pid="$(kc_running_pid)"; then
    log "Keycloak (pid $pid) is starting; waiting"
    kc_wait "$pid" "$(date +%s)"
    return 0
  fi
  if kc_port_busy; then
    die "port $KC_PORT is in use by something that does not serve realm ecx (set ECX_KC_PORT or stop it)"
  fi
  [ -f "$KC_REALM_FILE" ] || die "missing $KC_REALM_FILE"

  kc_install
  find_java

  # fresh dev database => the realm is imported from the JSON on every start
  rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/import"
  mkdir -p "$KC_HOME/data/import"
  cp "$KC_REALM_FILE" "$KC_HOME/data/import/ecx-realm.json"

  log "starting Keycloak $KC_VERSION on port $KC_PORT (log: ${KC_LOG#"$ROOT/"})"
  t0="$(date +%s)"
  # setsid: own session/process group, so stop can kill kc.sh and its java child together
  KC_BOOTSTRAP_ADMIN_USERNAME=kcadmin KC_BOOTSTRAP_ADMIN_PASSWORD=kcadmin \
  JAVA_OPTS_KC_HEAP="$KC_HEAP" \
    setsid nohup "$KC_HOME/bin/kc.sh" start-dev \
      --http-port="$KC_PORT" --import-realm \
      >"$KC_LOG" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$KC_PID"
  kc_wait "$pid" "$t0"
}

kc_stop() {
  local pid i
  if pid="$(kc_running_pid)"; then
    log "stopping Keycloak (pid $pid)"
    # pid is the session/process-group leader (setsid): signal the whole group
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 30); do
      if ! kill -0 -- "-$pid" 2>/dev/null && ! kill -0 "$pid" 2>/dev/null; then break; fi
      sleep 1
    done
    if kill -0 -- "-$pid" 2>/dev/null || kill -0 "$pid" 2>/dev/null; then
      log "Keycloak did not stop within 30 s; killing"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  else
    log "Keycloak not running (no live pid in ${KC_PID#"$ROOT/"})"
    if kc_port_busy; then
      log "note: something else answers on port $KC_PORT; not started by this script, left alone"
    fi
  fi
  rm -f "$KC_PID"
}

kc_status() {
  local pid
  if pid="$(kc_running_pid)"; then
    if kc_ready; then
      log "Keycloak: running (pid $pid), realm ecx ready at http://localhost:$KC_PORT"
    else
      log "Keycloak: process running (pid $pid) but realm ecx not (yet) ready"
    fi
  elif kc_ready; then
    log "Keycloak: realm ecx answering on port $KC_PORT (not started by this script)"
  else
    log "Keycloak: not running"
  fi
}

# ---------------------------------------------------------------------------- main

# The console's browser suite (ConsoleBrowserTest) drives Debian's chromium through chromium-driver.
ensure_browser() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  if [ "${#missing[@]}" -gt 0 ]; then apt_install "${missing[@]}"; fi
  log "browser: $(chromium --version 2>/dev/null | head -1)"
}

usage() { echo "usage: $0 start|stop [pg|kc]|status|reset-test-db|ensure-browser" >&2; exit 2; }

[ $# -ge 1 ] && [ $# -le 2 ] || usage
mkdir -p "$WORK"
case "$1" in
  start)
    ensure_tools
    pg_start
    kc_start
    ;;
  stop)
    # optional second argument: only kc or only pg
    case "${2:-all}" in
      kc) kc_stop ;;
      pg) pg_stop ;;
      *) kc_stop; pg_stop ;;
    esac
    ;;
  reset-test-db)
    # a clean database for a test run: tests start from the migrations and the demo seed only.
    # The name comes from ECX_TEST_DB (default ecx_test), as in application.properties.
    test_db="${ECX_TEST_DB:-ecx_test}"
    [[ "$test_db" =~ ^[a-z_][a-z0-9_]*$ ]] || die "bad database name: $test_db"
    # owned by the owner role, which runs the migrations (quarkus.flyway.username); the application role
    # gets only what they grant it (ADR 0007)
    pg_roles
    pg_psql postgres "DROP DATABASE IF EXISTS $test_db WITH (FORCE)"
    pg_psql postgres "CREATE DATABASE $test_db OWNER $PG_OWNER_USER"
    pg_psql "$test_db" "CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS unaccent;"
    log "database $test_db recreated"
    ;;
  status)
    pg_status
    kc_status
    ;;
  ensure-browser)
    ensure_browser
    ;;
  *) usage ;;
esac
