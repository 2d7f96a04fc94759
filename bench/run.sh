#!/usr/bin/env bash
# Generates data at a chosen scale, starts the packaged application on the loopback interface and measures
# it over HTTP; prints a Markdown table and appends it to docs/benchmarks.md. Never part of `mvn test`.
#
#   SCALE=small|medium|large|full (default small; large = 200k tickets, for the commitments suite)      DB=h2|postgresql   (default h2)
#   SUITE=api|commitments|import (default api: tickets, lists, search, memory; commitments: clock recomputation
#                              after plan/calendar changes and breach-detection delay at RATE tickets/s;
#                              import: CSV imports of 50,000 organizations and of 500 to 50,000 contacts)
#   RATES=200,50 LOAD_SECONDS=30 (commitments suite: one round of paced ticket creation per rate)
#   JAR=… (default target/rapport.jar)   PORT=18080   JAVA_OPTS="-Xmx1g"   REQUESTS=400   SKIP_GENERATE=1 (reuse the last database of this scale)
#   PostgreSQL: PGHOST/PGPORT/PGUSER (default 127.0.0.1/5432/postgres); the database BENCH_DATABASE (default
#   rapport_bench) is recreated; PGJDBC_OPTIONS (e.g. reWriteBatchedInserts=true) go into its JDBC URL.
set -euo pipefail

SCALE=${SCALE:-small}
SUITE=${SUITE:-api}
RATES=${RATES:-200,50}
SECONDS_OF_LOAD=${LOAD_SECONDS:-30}
case "$SUITE" in
  api) BENCH_CLASS=ApiLoadBenchmark ;;
  commitments) BENCH_CLASS=CommitmentBenchmark ;;
  import) BENCH_CLASS=ImportBenchmark ;;
  *) echo "SUITE must be api, commitments or import" >&2; exit 2 ;;
esac
DB=${DB:-h2}
PORT=${PORT:-18080}
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
REQUESTS=${REQUESTS:-400}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
BENCH_DATABASE=${BENCH_DATABASE:-rapport_bench}
PGJDBC_OPTIONS=${PGJDBC_OPTIONS:-}

case "$SCALE" in
  small)  TICKETS=10000;   CONTACTS=2000;   MESSAGES=50000 ;;
  medium) TICKETS=100000;  CONTACTS=20000;  MESSAGES=500000 ;;
  large)  TICKETS=200000;  CONTACTS=40000;  MESSAGES=600000 ;;
  full)   TICKETS=1000000; CONTACTS=200000; MESSAGES=5000000 ;;
  *) echo "SCALE must be small, medium, large or full" >&2; exit 2 ;;
esac
case "$DB" in h2|postgresql) ;; *) echo "DB must be h2 or postgresql" >&2; exit 2 ;; esac

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# JAR=/path/to/rapport.jar measures a copy, so that builds in target/ may go on during a long run.
JAR=${JAR:-$(ls target/rapport*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)}
if [ -z "$JAR" ]; then
  echo "Building the application jar ..."
  mvn -q -B -DskipTests package
  JAR=$(ls target/rapport*.jar | grep -v '\.original$' | head -1)
fi

WORK="$ROOT/bench/target/$SCALE-$DB"
mkdir -p "$WORK"
# The admin for this run: the password is new every time and never leaves this machine.
export RAPPORT_ADMIN_EMAIL=bench-admin@rapport.local
# With SKIP_GENERATE the admin already exists: reuse the password this script chose for it.
if [ -n "${SKIP_GENERATE:-}" ] && [ -f "$WORK/admin-password" ]; then
  RAPPORT_ADMIN_PASSWORD=$(cat "$WORK/admin-password")
fi
export RAPPORT_ADMIN_PASSWORD=${RAPPORT_ADMIN_PASSWORD:-bench-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)}
( umask 077; printf '%s' "$RAPPORT_ADMIN_PASSWORD" > "$WORK/admin-password" )
export RAPPORT_DEMO_DATA=off
export RAPPORT_DATA_DIR="$WORK/data"
export SERVER_PORT=$PORT
if [ "$DB" = postgresql ]; then
  export PGOPTIONS="--client-min-messages=warning"
  export RAPPORT_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DATABASE${PGJDBC_OPTIONS:+?$PGJDBC_OPTIONS}"
  export RAPPORT_DB_USER=$PGUSER
  export RAPPORT_DB_PASSWORD=${RAPPORT_DB_PASSWORD:-}
fi
APP_ARGS=(--server.address=127.0.0.1)
# The commitments suite adopts the old tickets itself, after giving the default plan long targets.
if [ "$SUITE" = commitments ]; then APP_ARGS+=(--rapport.commitments.adopt-on-start=false); fi

# A database as deployed: autovacuum on (PostgreSQL's default). A CI machine may have switched it off to
# speed up tests; then it is on for this run only (ALTER SYSTEM, reset at exit), or the planner works from
# statistics taken before the run's bulk writes and the figures describe a misconfigured server.
AUTOVACUUM_CHANGED=
restore_autovacuum() {
  if [ -n "$AUTOVACUUM_CHANGED" ]; then
    psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qAtc "alter system reset autovacuum" -c "select pg_reload_conf()" > /dev/null || true
  fi
}
trap restore_autovacuum EXIT
if [ "$DB" = postgresql ] && [ "$(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qAtc 'show autovacuum')" = off ]; then
  echo "autovacuum is off on this server: on for this run"
  psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qAtc "alter system set autovacuum = on" -c "select pg_reload_conf()" > /dev/null
  AUTOVACUUM_CHANGED=1
fi

GENERATE_SECONDS=skipped
if [ -z "${SKIP_GENERATE:-}" ]; then
  rm -rf "$WORK/data"
  if [ "$DB" = postgresql ]; then
    psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "drop database if exists $BENCH_DATABASE"
    psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "create database $BENCH_DATABASE"
  fi
  echo "Generating $TICKETS tickets, $CONTACTS contacts, $MESSAGES messages on $DB (log: $WORK/generate.log) ..."
  START=$(date +%s)
  TIMER=()
  # CPU seconds, unlike wall time, hardly depend on what else the machine is doing.
  if [ -x /usr/bin/time ]; then TIMER=(/usr/bin/time -f "%U s user + %S s system CPU" -o "$WORK/generate.time"); fi
  # shellcheck disable=SC2086
  "${TIMER[@]}" java $JAVA_OPTS -jar "$JAR" "${APP_ARGS[@]}" --rapport.generate.tickets=$TICKETS --rapport.generate.contacts=$CONTACTS \
    --rapport.generate.messages=$MESSAGES --rapport.generate.exit=true > "$WORK/generate.log" 2>&1
  GENERATE_SECONDS=$(( $(date +%s) - START ))
  grep -E "Generated [0-9]+ rows|Search reindexed" "$WORK/generate.log" | sed -E 's/^.*(Generated [0-9]+ rows|Search reindexed)/\1/' || true
fi

echo "Starting the application on 127.0.0.1:$PORT (log: $WORK/app.log) ..."
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" "${APP_ARGS[@]}" > "$WORK/app.log" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true; wait $APP_PID 2>/dev/null || true; restore_autovacuum' EXIT
for _ in $(seq 1 300); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null 2>&1; then break; fi
  if ! kill -0 $APP_PID 2>/dev/null; then echo "The application stopped; see $WORK/app.log" >&2; exit 1; fi
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null
# Tickets loaded around the application get their clocks in the background at the first start: measure
# after that, not while it competes for the CPU. (The commitments suite switches that off and adopts them itself.)
if [ -z "${SKIP_GENERATE:-}" ] && [ "$SUITE" != commitments ]; then
  # About 1,000 tickets/s here with breaches to record: give a million tickets 40 minutes.
  ADOPTION_WAIT=$(( TICKETS / 400 > 600 ? TICKETS / 400 : 600 ))
  for _ in $(seq 1 $ADOPTION_WAIT); do
    if grep -q "Commitment clocks now kept for" "$WORK/app.log" 2>/dev/null; then break; fi
    sleep 1
  done
fi

echo "Measuring ..."
mvn -q -B -o test -Pbenchmark -Dtest=$BENCH_CLASS -Dbench.rates="$RATES" -Dbench.seconds="$SECONDS_OF_LOAD" -Dbench.url="http://127.0.0.1:$PORT" -Dbench.pid=$APP_PID \
  -Dbench.adminEmail="$RAPPORT_ADMIN_EMAIL" -Dbench.adminPassword="$RAPPORT_ADMIN_PASSWORD" \
  -Dbench.requests="$REQUESTS" -Dbench.out="$WORK/result.md"

{
  echo
  echo "### $(date -u '+%Y-%m-%d %H:%M UTC') — scale $SCALE, $DB, suite $SUITE"
  echo
  if [ "$GENERATE_SECONDS" = skipped ]; then
    echo "- Data: $TICKETS tickets, $CONTACTS contacts, $MESSAGES messages, reused from the previous run (SKIP_GENERATE)"
  else
    echo "- Data: $TICKETS tickets, $CONTACTS contacts, $MESSAGES messages; generation and reindexing took ${GENERATE_SECONDS} s ($(cat "$WORK/generate.time" 2>/dev/null || echo "CPU time not measured"))"
  fi
  grep -hE "Generated [0-9]+ rows|Search reindexed in" "$WORK/generate.log" 2>/dev/null \
    | sed -E 's/^.*(Generated [0-9]+ rows|Search reindexed in)/- \1/' || true
  grep -hE "Commitment clocks now kept for" "$WORK/app.log" 2>/dev/null | sed -E 's/^.*(Commitment clocks now kept)/- \1/' || true
  echo "- Machine: nproc $(nproc), memory $(free -g | awk '/^Mem:/ {print $2 " GiB total, " $7 " GiB available"}'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- JVM: \`$JAVA_OPTS\`, $(java -version 2>&1 | head -1)${PGJDBC_OPTIONS:+; JDBC URL options \`$PGJDBC_OPTIONS\`}"
  if [ "$DB" = postgresql ]; then
    echo "- PostgreSQL: $(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qAtc 'select version()' | cut -d' ' -f1-2), shared_buffers $(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qAtc 'show shared_buffers'), autovacuum on${AUTOVACUUM_CHANGED:+ (off on this server, switched on for the run)}"
  fi
  echo
  cat "$WORK/result.md"
} | tee -a "$ROOT/docs/benchmarks.md"
