#!/usr/bin/env bash
# Trains the JDK's ahead-of-time cache for an extracted Tokenkeeper jar: starts it once with -XX:AOTCacheOutput on a
# throw-away embedded PostgreSQL, waits until it serves /login, asks for the page once, and stops it with SIGTERM, so
# that Spring closes the application (and stops the database) and the JVM writes the cache as it exits.
# Needs bash (its /dev/tcp) and the java of JAVA_HOME (or the PATH), nothing else: the Docker image has no curl.
#
# Usage: train-aot-cache.sh EXTRACTED_JAR CACHE_FILE [java options…]
#
# Spring's -Dspring.context.exit=onRefresh would train without serving a page, but it ends the JVM with Runtime.halt:
# no shutdown hook runs, and the embedded PostgreSQL, a process of its own, would be left running.
set -euo pipefail

jar=$1 cache=$2
shift 2
port=${TRAINING_PORT:-18089}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

TOKENKEEPER_DATABASE_DIRECTORY="$data/postgres" TOKENKEEPER_ADMIN_PASSWORD=training-start-only-password \
    "${JAVA_HOME:+$JAVA_HOME/bin/}java" "$@" -XX:AOTCacheOutput="$cache" -Dspring.aot.enabled=true -jar "$jar" --server.port="$port" &
app=$!

served=false
for _ in $(seq 600); do
    if ! kill -0 "$app" 2>/dev/null; then
        echo "train-aot-cache: the application stopped before it served /login" >&2
        exit 1
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port" \
        && printf 'GET /login HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3 \
        && head -c 12 <&3 | grep -q ' 200') 2>/dev/null; then
        served=true
        break
    fi
    sleep 0.5
done
kill -TERM "$app"
wait "$app" || true
[[ $served == true ]] || { echo "train-aot-cache: /login was not served within 5 minutes" >&2; exit 1; }
[[ -s $cache ]] || { echo "train-aot-cache: the JVM wrote no cache at $cache" >&2; exit 1; }
