#!/usr/bin/env bash
# Retained heap per signed-in browser session on API Tokens (target: <= 150 KB). From the repository root, after
# `./mvnw -pl app -am package -DskipTests`, with Debian's chromium and chromium-driver installed:
#
#   bench/sessions/session-heap.sh              # 3 warm-up sessions, then 20 measured
#   SESSIONS=40 bench/sessions/session-heap.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
PORT=${PORT:-18082}
WORK=target/session-heap
rm -rf "$WORK" && mkdir -p "$WORK"
export TOKENKEEPER_DATABASE_DIRECTORY="$PWD/$WORK/postgres"
export TOKENKEEPER_ADMIN_PASSWORD=session-heap-benchmark
"$JAVA_HOME/bin/java" -jar app/target/tokenkeeper.jar --server.port="$PORT" >"$WORK/app.log" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null; wait $APP_PID 2>/dev/null || true' EXIT
until curl -fso /dev/null "http://127.0.0.1:$PORT/login"; do
  kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped; see $WORK/app.log" >&2; exit 1; }
  sleep 0.5
done
BASE="http://127.0.0.1:$PORT" APP_PID=$APP_PID PASSWORD=$TOKENKEEPER_ADMIN_PASSWORD python3 bench/sessions/session_heap.py
