#!/usr/bin/env bash
# Time from process start to the first served /login, for the production jar: on a plain JVM, with Spring AOT's
# generated bean definitions (-Dspring.aot.enabled=true), and with those and the JDK's ahead-of-time cache
# (JEP 483/514/515). Usage, from the repository root, after `./mvnw -pl app -am package -DskipTests`:
#
#   bench/start/start-time.sh            # extract the jar, train the cache once, then 5 timed starts of each kind, in turn
#   RUNS=10 bench/start/start-time.sh
#
# Every start uses the same embedded PostgreSQL data directory (created by the first start), so the database's
# own start-up is in each figure but its one-time initdb is not.
set -euo pipefail
cd "$(dirname "$0")/../.."

JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
JAR=app/target/tokenkeeper.jar
RUNS=${RUNS:-5}
WORK=${WORK:-target/start-bench}
PORT=${PORT:-18080}

[ -f "$JAR" ] || { echo "Build the jar first: ./mvnw -pl app -am package -DskipTests" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK"
export TOKENKEEPER_DATABASE_DIRECTORY="$PWD/$WORK/postgres"
export TOKENKEEPER_ADMIN_PASSWORD=start-benchmark-password

# The AOT cache needs classes in plain jars on the class path, not nested in the executable jar.
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
APP="$WORK/app/tokenkeeper.jar"

# Whether the port accepts a connection, asked by bash itself (no process started, ~0.1 ms of CPU).
port_open() { : 2>/dev/null 3<>"/dev/tcp/127.0.0.1/$PORT"; }

# The wait must not compete with the start it times: curl asked every 20 ms costs ~8 ms of CPU per call, ~1 s of CPU
# over a start that keeps both cores busy, and made the figures ~0.4 s longer (alternating runs, 6 each: medians 4.8 s
# and 4.4 s). So the port is watched by bash alone and /login is asked once it accepts; that curl waits for the answer.
first_login() {
  local started=$(date +%s%N)
  "$JAVA" "$@" -jar "$APP" --server.port="$PORT" >"$WORK/run.log" 2>&1 &
  local pid=$!
  until port_open && curl -fso /dev/null --max-time 60 "http://127.0.0.1:$PORT/login"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the application stopped; see $WORK/run.log" >&2; exit 1; fi
    sleep 0.02
  done
  local served=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (served - started) / 1000000 ))
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Training: one start that serves /login and stops cleanly (SIGTERM); the JVM writes the cache as it exits.
echo "first start (creates the database) and training of the AOT cache: $(first_login -Dspring.aot.enabled=true -XX:AOTCacheOutput="$WORK/tokenkeeper.aot") ms"
ls -l "$WORK/tokenkeeper.aot"

# The three kinds of start take turns, so that a machine that gets busier or quieter affects them alike.
plain=() aot=() cached=()
for _ in $(seq "$RUNS"); do
  plain+=("$(first_login)")
  aot+=("$(first_login -Dspring.aot.enabled=true)")
  cached+=("$(first_login -Dspring.aot.enabled=true -XX:AOTCache="$WORK/tokenkeeper.aot")")
done
printf '%-34s %6s ms (median of %s: %s)\n' \
    "plain JVM" "$(median "${plain[@]}")" "$RUNS" "${plain[*]}" \
    "Spring AOT" "$(median "${aot[@]}")" "$RUNS" "${aot[*]}" \
    "Spring AOT and the JDK's AOT cache" "$(median "${cached[@]}")" "$RUNS" "${cached[*]}"
# How fast the machine was at the time shows in the plain JVM's figure; the ratio compares runs taken at different
# speeds of a shared host better than the cached figure alone.
awk -v c="$(median "${cached[@]}")" -v p="$(median "${plain[@]}")" \
    'BEGIN { printf "%-34s %6.2f (cached start / plain JVM start)\n", "ratio", c / p }'
