#!/usr/bin/env bash
# Load benchmark of the REST API's token authentication, run by hand (see bench/README.md). In one run it seeds an
# embedded PostgreSQL in a temporary directory through the persistence layer (the first administrator, the resource
# server https://orders.example.com with the scope orders:read, and a token of the administrator's holding Tokenkeeper's
# scopes and orders:read), starts the application jar on it on a free loopback port, with the bench module on its class
# path, and measures with wrk, in rounds that vary the order:
#   - GET /api/v1/me with that token (authenticated),
#   - the same request, chain and handler without authentication, through the bench module's unauthenticated twin,
#   - POST /oauth2/introspect of that token by the resource server (HTTP Basic), every answer checked to be active,
#   - GET /auth/forward?scope=orders:read with that token, as a reverse proxy with the resource server's credential
#     asks it, every answer checked to be 200,
#   - a flood of random, well-formed tokens that no one has;
# and reads the application's statement counter (tokenkeeper.db.statements, from /actuator/prometheus) before and
# after each run. It prints a table, then stops everything it started and deletes the directory.
#
# Targets: authenticated ÷ unauthenticated ≥ 0.95; introspection ÷ authenticated ≥ 0.9 and forward-auth ÷
# authenticated ≥ 0.9; flood ≥ authenticated; zero queries per warm request on every path. Beside the request rates
# it reports the server's CPU time per request (from /proc), which other work on a shared machine disturbs far less
# than the rates: PRODUCT.md asks that an authenticated request cost < 5 % more.
#
# Usage: bench/load/api-load.sh [--rebuild]
#   Builds app/target/tokenkeeper.jar and the bench module first when either is missing (or with --rebuild); that and
#   seeding the database are not part of the time budget.
#   DURATION (seconds per wrk run, default 3), ROUNDS (default 4), CONNECTIONS (default 16) and THREADS (default 1)
#   change the load; start-up and the measuring part must fit in 160 seconds. STARTUP_LIMIT (default 30 seconds)
#   gives a busy machine more time to start the application, and the budget grows by as much. Each round measures the
#   four paths back to back, in an order that changes from round to round (over four rounds each path runs once in
#   each position, and the twin runs before the authenticated path in every other round); each ratio reported is the
#   median of the rounds' ratios, which is what resists best other work on a shared machine.
#   ONLY=authentication measures the authenticated path and its twin alone, in many short rounds (defaults: DURATION 1,
#   ROUNDS 24, the two in turn, each first in every other round) and no flood: the host's speed moves within seconds,
#   so ratios of runs taken a second apart spread less than those of runs taken several seconds apart.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/load"
JAR="$ROOT/app/target/tokenkeeper.jar"
# Put on the application's class path by Spring Boot's PropertiesLauncher (-Dloader.path), never inside the jar.
BENCH="$ROOT/bench/target/classes"
LAUNCHER=org.springframework.boot.loader.launch.PropertiesLauncher
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
ONLY="${ONLY:-}"
case "$ONLY" in
    "") DURATION="${DURATION:-3}" ROUNDS="${ROUNDS:-4}" PATHS=4 ;;
    authentication) DURATION="${DURATION:-1}" ROUNDS="${ROUNDS:-24}" PATHS=2 ;;
    *) echo "api-load: ONLY is authentication or nothing, not $ONLY" >&2; exit 1 ;;
esac
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-1}"
WARM_UP=3
WARM_UP_MIN=36
WARM_UP_LIMIT=60
FLOOD_WARM_UP=6
STARTUP_LIMIT="${STARTUP_LIMIT:-30}"
SEED_LIMIT=60
# Start-up, then 130 s to warm up and measure.
BUDGET=$((STARTUP_LIMIT + 130))

die() {
    echo "api-load: $*" >&2
    exit 1
}

rebuild=0
for argument in "$@"; do
    case "$argument" in
        --rebuild) rebuild=1 ;;
        -h | --help) sed -n '2,32p' "${BASH_SOURCE[0]}" | cut -c3-; exit 0 ;;
        *) die "unknown argument $argument (try --help)" ;;
    esac
done

command -v wrk > /dev/null || die "wrk is missing: apt-get install -y wrk"
command -v curl > /dev/null || die "curl is missing"
command -v "$JAVA" > /dev/null || die "no java: set JAVA_HOME to a JDK 25"

flood_time=$((FLOOD_WARM_UP + DURATION))
[[ -z "$ONLY" ]] || flood_time=0
planned=$((STARTUP_LIMIT + WARM_UP_LIMIT + flood_time + ROUNDS * PATHS * DURATION + 10))
((planned <= BUDGET)) || die "DURATION=$DURATION and ROUNDS=$ROUNDS take up to ${planned}s; the budget is ${BUDGET}s"

if ((rebuild)) || [[ ! -f "$JAR" ]] || [[ ! -f "$BENCH/io/tokenkeeper/bench/load/SeedLoadDatabase.class" ]]; then
    echo "Building $JAR and the bench module …"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests -pl app,bench -am package)
fi
[[ -d "$ROOT/domain/target/classes" ]] || die "domain/target/classes is missing: run with --rebuild"

# The files the script writes (the wrk scripts' inputs among them) are its owner's only.
umask 077
work="$(mktemp -d "${TMPDIR:-/tmp}/tokenkeeper-load.XXXXXX")"
app_pid=""
watchdog_pid=""

stop_everything() {
    if [[ -n "$watchdog_pid" ]]; then
        kill "$watchdog_pid" 2> /dev/null || true
    fi
    if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2> /dev/null; then
        kill -TERM "$app_pid" 2> /dev/null || true
        for _ in $(seq 1 40); do
            kill -0 "$app_pid" 2> /dev/null || break
            sleep 0.5
        done
        kill -KILL "$app_pid" 2> /dev/null || true
        wait "$app_pid" 2> /dev/null || true
    fi
    # The embedded PostgreSQL stops with the application; if the application died hard, stop what it left behind.
    local postmaster="$work/postgres/postmaster.pid"
    if [[ -f "$postmaster" ]]; then
        local pg_pid
        pg_pid="$(head -n 1 "$postmaster")"
        if [[ "$pg_pid" =~ ^[0-9]+$ ]] && kill -0 "$pg_pid" 2> /dev/null; then
            kill -INT "$pg_pid" 2> /dev/null || true
            sleep 2
        fi
    fi
    rm -rf "$work"
}
trap stop_everything EXIT
trap 'exit 130' INT TERM

# The first administrator (whose password only this run knows), the resource server and a token of the administrator's,
# written through the persistence layer before the application starts, with the application jar's own libraries. The
# token's value and the resource server's credential go to files only. Like building the jar, this prepares the run
# and is not part of the time budget.
seeding_started=$SECONDS
password="$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | cut -c1-24)"
TOKENKEEPER_ADMIN_PASSWORD="$password" timeout "$SEED_LIMIT" "$JAVA" -cp "$JAR" -Dloader.path="$BENCH" \
    -Dloader.main=io.tokenkeeper.bench.load.SeedLoadDatabase "$LAUNCHER" \
    "$work/postgres" "$work/token" "$work/credential" \
    > "$work/seed.log" 2>&1 || { tail -n 20 "$work/seed.log" >&2; die "seeding the database failed or took over ${SEED_LIMIT}s"; }
[[ -s "$work/token" ]] || die "could not create a token"
[[ -s "$work/credential" ]] || die "could not register the resource server"
seeding=$((SECONDS - seeding_started))

started=$SECONDS
# Whatever happens, the measuring part ends within the budget.
(sleep "$BUDGET" && echo "api-load: over the ${BUDGET}s budget, stopping" >&2 && kill -TERM $$) &
watchdog_pid=$!
env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD -u TOKENKEEPER_ADMIN_PASSWORD \
    "$JAVA" -cp "$JAR" -Dloader.path="$BENCH" "$LAUNCHER" \
    --server.port=0 \
    --server.address=127.0.0.1 \
    --tokenkeeper.database.directory="$work/postgres" \
    > "$work/app.log" 2>&1 &
app_pid=$!

port=""
while [[ -z "$port" ]]; do
    kill -0 "$app_pid" 2> /dev/null || { tail -n 20 "$work/app.log" >&2; die "the application stopped during start-up"; }
    ((SECONDS - started < STARTUP_LIMIT)) || die "the application did not start within ${STARTUP_LIMIT}s"
    sleep 0.5
    port="$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$work/app.log" | head -n 1)"
done
base="http://127.0.0.1:$port"
until curl -fs -o /dev/null "$base/actuator/health/readiness"; do
    ((SECONDS - started < STARTUP_LIMIT)) || die "the application was not ready within ${STARTUP_LIMIT}s"
    sleep 0.5
done
startup=$((SECONDS - started))

"$JAVA" -cp "$ROOT/domain/target/classes" "$HERE/RandomTokens.java" 10000 > "$work/random-tokens"

# The token goes through a file descriptor, never the command line, where ps would show it.
authorization() {
    printf 'Authorization: Bearer %s\n' "$(cat "$work/token")"
}
me="$base/api/v1/me"
# The twin keeps the security context that authenticating this request built, and serves it to requests that say
# "X-Tokenkeeper-Bench: twin" and send no token (see io.tokenkeeper.bench.load.UnauthenticatedTwin).
authenticated="$(curl -fsS -H @<(authorization) -H 'X-Tokenkeeper-Bench: capture' "$me")"
[[ "$(curl -fsS -H 'X-Tokenkeeper-Bench: twin' "$me")" == "$authenticated" ]] \
    || die "the twin does not answer what /api/v1/me answers"

# The resource server's credential ("client_id:client_secret" in the file) and the token also go through file
# descriptors only.
introspect="$base/oauth2/introspect"
forward="$base/auth/forward?scope=orders:read"
client_credential() {
    printf 'user = "%s"\n' "$(head -n 1 "$work/credential")"
}
token_form() {
    printf 'token=%s' "$(cat "$work/token")"
}
client_header() {
    printf 'X-Tokenkeeper-Client: Basic %s\n' "$(head -n 1 "$work/credential" | tr -d '\n' | base64 -w 0)"
}
introspection="$(curl -fsS -K <(client_credential) --data @<(token_form) "$introspect")"
[[ "$introspection" == *'"active":true'* && "$introspection" == *'"scope":"orders:read"'* ]] \
    || die "introspection does not find the token active with orders:read: $introspection"
forward_status="$(curl -sS -o /dev/null -w '%{http_code}' -H @<(authorization) -H @<(client_header) \
    -H 'X-Forwarded-For: 203.0.113.7' "$forward")"
[[ "$forward_status" == 200 ]] || die "forward-auth answers $forward_status, not 200"

# "all onRequestThreads active inactive": the application's statement counter and its count of introspection answers
# by whether the token was active, scraped with the administrator's token.
queries() {
    curl -fsS -H @<(authorization) "$base/actuator/prometheus" | awk '
        /^tokenkeeper_db_statements_total\{/ {
            all += $NF
            if ($0 ~ /thread="request"/) request += $NF
        }
        /^tokenkeeper_introspections_total\{/ {
            if ($0 ~ /active="true"/) active += $NF; else inactive += $NF
        }
        END { printf "%d %d %d %d\n", all, request, active, inactive }'
}

rows=()
twin_rates=()
valid_rates=()
introspect_rates=()
forward_rates=()
ratios=()
cost_ratios=()
introspect_ratios=()
introspect_cost_ratios=()
forward_ratios=()
forward_cost_ratios=()
valid_requests=0
valid_queries=0
introspect_requests=0
introspect_queries=0
introspect_refused=0
forward_requests=0
forward_queries=0
forward_refused=0

ticks_per_second="$(getconf CLK_TCK)"
# The application's CPU time so far (user + system), in clock ticks.
cpu_ticks() {
    awk '{print $14 + $15}' "/proc/$app_pid/stat"
}

# run LABEL SECONDS URL SCRIPT [wrk script arguments…]: one wrk run; sets rate, requests, errors, not_active (for an
# introspection run, from the application's counter), the queries and the application's CPU microseconds per request.
run() {
    local label="$1" seconds="$2" url="$3" script="$4"
    shift 4
    local before after cpu_before cpu_after
    before="$(queries)"
    cpu_before="$(cpu_ticks)"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 5s -s "$HERE/$script" "$url" -- "$@" > "$work/wrk.out"
    cpu_after="$(cpu_ticks)"
    after="$(queries)"
    rate="$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.out")"
    requests="$(awk '/requests in/ {print $1}' "$work/wrk.out")"
    cpu="$(awk -v t="$((cpu_after - cpu_before))" -v hz="$ticks_per_second" -v n="$requests" \
        'BEGIN {printf "%.1f", t * 1000000 / hz / n}')"
    errors="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$work/wrk.out")"
    errors="${errors:-0}"
    local note="" all_before request_before active_before inactive_before all_after request_after active_after \
        inactive_after
    read -r all_before request_before active_before inactive_before <<< "$before"
    read -r all_after request_after active_after inactive_after <<< "$after"
    # Every introspection answer, counted by the application: any inactive one, and any of wrk's completed requests
    # that the application did not count as active (it may count a few more: answers wrk stopped waiting for).
    not_active=0
    if [[ "$script" == resource-server.lua && "$1" == introspect ]]; then
        not_active=$((inactive_after - inactive_before))
        if ((requests > active_after - active_before)); then
            not_active=$((not_active + requests - (active_after - active_before)))
        fi
        note="not active: $not_active"
    fi
    request_queries=$((request_after - request_before))
    all_queries=$((all_after - all_before))
    if [[ -n "$label" ]]; then
        rows+=("$(printf '%-34s %10s %10s %9s %8s %6s %9s   %s' "$label" "$rate" "$requests" "$errors" \
            "$request_queries" "$all_queries" "$cpu" "$note")")
    fi
}

# Warm-up (not reported): the four paths in turn until the JIT has compiled them, that is for at least WARM_UP_MIN
# seconds and then until no path's CPU time per request moves by more than 10 % from one turn to the next, or for at
# most WARM_UP_LIMIT seconds. On two shared cores the compiler threads compete with the load: runs taken after a
# shorter warm-up (26 s for two paths) still found the first round at half the speed of the last, whichever path went
# first.
warm_up_started=$SECONDS
previous_twin=0
previous_valid=0
previous_introspect=0
previous_forward=0
introspect_cpu=0
forward_cpu=0
steady() {
    awk -v now="$1" -v before="$2" 'BEGIN {exit !(before > 0 && now <= before * 1.1 && now >= before * 0.9)}'
}
while ((SECONDS - warm_up_started + PATHS * WARM_UP <= WARM_UP_LIMIT)); do
    run "" "$WARM_UP" "$me" request.lua twin
    twin_cpu="$cpu"
    run "" "$WARM_UP" "$me" request.lua "$work/token"
    valid_cpu="$cpu"
    if [[ -z "$ONLY" ]]; then
        run "" "$WARM_UP" "$introspect" resource-server.lua introspect "$work/token" "$work/credential"
        introspect_cpu="$cpu"
        ((not_active == 0 && errors == 0)) \
            || die "introspection answered $not_active times not active during the warm-up"
        run "" "$WARM_UP" "$forward" resource-server.lua forward "$work/token" "$work/credential"
        forward_cpu="$cpu"
        ((errors == 0)) || die "forward-auth answered $errors times other than 200 during the warm-up"
    fi
    if ((SECONDS - warm_up_started >= WARM_UP_MIN)) && steady "$twin_cpu" "$previous_twin" \
        && steady "$valid_cpu" "$previous_valid" \
        && { [[ -n "$ONLY" ]] \
            || { steady "$introspect_cpu" "$previous_introspect" && steady "$forward_cpu" "$previous_forward"; }; }; then
        break
    fi
    previous_twin="$twin_cpu"
    previous_valid="$valid_cpu"
    previous_introspect="$introspect_cpu"
    previous_forward="$forward_cpu"
done
warm_up=$((SECONDS - warm_up_started))
run_twin() {
    run "unauthenticated twin, round $1" "$DURATION" "$me" request.lua twin
    twin_rates+=("$rate")
    twin_cpu="$cpu"
}
run_valid() {
    run "valid token, round $1" "$DURATION" "$me" request.lua "$work/token"
    valid_rates+=("$rate")
    valid_cpu="$cpu"
    valid_requests=$((valid_requests + requests))
    valid_queries=$((valid_queries + request_queries))
}
run_introspect() {
    run "introspection, round $1" "$DURATION" "$introspect" resource-server.lua introspect "$work/token" \
        "$work/credential"
    introspect_rates+=("$rate")
    introspect_cpu="$cpu"
    introspect_requests=$((introspect_requests + requests))
    introspect_queries=$((introspect_queries + request_queries))
    introspect_refused=$((introspect_refused + not_active))
}
run_forward() {
    run "forward-auth, round $1" "$DURATION" "$forward" resource-server.lua forward "$work/token" "$work/credential"
    forward_rates+=("$rate")
    forward_cpu="$cpu"
    forward_requests=$((forward_requests + requests))
    forward_queries=$((forward_queries + request_queries))
    forward_refused=$((forward_refused + errors))
}
# The order of each round, a Latin square: over four rounds each path runs once in each position, so that none always
# runs on a warmer JIT or right after the same neighbour, and the twin goes before the authenticated path in every
# other round.
orders=("twin valid introspect forward" "valid twin forward introspect" "introspect forward twin valid"
    "forward introspect valid twin")
[[ -z "$ONLY" ]] || orders=("twin valid" "valid twin")
ratio_of() {
    awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'
}
for round in $(seq 1 "$ROUNDS"); do
    for path in ${orders[(round - 1) % ${#orders[@]}]}; do
        "run_$path" "$round"
    done
    ratios+=("$(ratio_of "${valid_rates[-1]}" "${twin_rates[-1]}")")
    cost_ratios+=("$(ratio_of "$valid_cpu" "$twin_cpu")")
    [[ -z "$ONLY" ]] || continue
    introspect_ratios+=("$(ratio_of "${introspect_rates[-1]}" "${valid_rates[-1]}")")
    introspect_cost_ratios+=("$(ratio_of "$introspect_cpu" "$valid_cpu")")
    forward_ratios+=("$(ratio_of "${forward_rates[-1]}" "${valid_rates[-1]}")")
    forward_cost_ratios+=("$(ratio_of "$forward_cpu" "$valid_cpu")")
done
median() {
    printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
# The first and third quartiles of the arguments (the middle half of the values lies between them).
quartiles() {
    printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {printf "%s-%s", v[int((NR + 3) / 4)], v[int((3 * NR + 3) / 4)]}'
}
verdict() { awk -v value="$1" -v target="$2" 'BEGIN {print (value >= target) ? "met" : "MISSED"}'; }
at_most() { awk -v value="$1" -v target="$2" 'BEGIN {print (value <= target) ? "met" : "MISSED"}'; }
zero() { (($1 == 0)) && echo met || echo MISSED; }
print_rows() {
    printf '%-34s %10s %10s %9s %8s %6s %9s\n' "run" "req/s" "requests" "non-2xx" "queries" "(all)" "CPU µs/req"
    printf '%s\n' "${rows[@]}"
}

if [[ -n "$ONLY" ]]; then
    twin_median="$(median "${twin_rates[@]}")"
    valid_median="$(median "${valid_rates[@]}")"
    ratio="$(median "${ratios[@]}")"
    cost_ratio="$(median "${cost_ratios[@]}")"
    echo
    echo "Tokenkeeper API load benchmark, authentication only: wrk $THREADS thread(s), $CONNECTIONS connections,"
    echo "${DURATION}s per run, $ROUNDS rounds of the twin and the authenticated path in turn; $(nproc) CPU(s) shared by"
    echo "the server, its PostgreSQL and wrk; the application started in ${startup}s; warm-up ${warm_up}s."
    echo
    print_rows
    echo
    printf 'median req/s: unauthenticated %s, authenticated %s\n' "$twin_median" "$valid_median"
    printf 'authenticated / unauthenticated per round: %s\n' "${ratios[*]}"
    printf '%-44s %8s   middle half of the rounds %s   target >= 0.95: %s\n' \
        "authenticated / unauthenticated (median)" "$ratio" "$(quartiles "${ratios[@]}")" "$(verdict "$ratio" 0.95)"
    printf 'authenticated / unauthenticated CPU per request, per round: %s\n' "${cost_ratios[*]}"
    printf '%-44s %8s   middle half of the rounds %s   target <= 1.05: %s\n' \
        "authenticated / unauthenticated CPU (median)" "$cost_ratio" "$(quartiles "${cost_ratios[@]}")" \
        "$(at_most "$cost_ratio" 1.05)"
    printf '%-44s %8s   target 0:       %s\n' "queries for $valid_requests valid requests" "$valid_queries" \
        "$(zero "$valid_queries")"
    echo "total time $((SECONDS - started))s (budget ${BUDGET}s)"
    exit 0
fi

# Last, because it throttles this address: a warm-up that uses up its 30 failures (and compiles the refusal), then the
# measured flood.
run "" "$FLOOD_WARM_UP" "$me" flood.lua "$work/random-tokens"
flood_warm_up_queries="$request_queries"
run "flood of random tokens" "$DURATION" "$me" flood.lua "$work/random-tokens"
flood_rate="$rate"
# What the flood was getting by its end: 429 once the address used up its 30 failures.
last_status="$(curl -s -o /dev/null -w '%{http_code}' -H @<(printf 'Authorization: Bearer %s\n' "$(head -n 1 "$work/random-tokens")") "$me")"
rows[-1]="${rows[-1]}last status $last_status"

twin_median="$(median "${twin_rates[@]}")"
valid_median="$(median "${valid_rates[@]}")"
introspect_median="$(median "${introspect_rates[@]}")"
forward_median="$(median "${forward_rates[@]}")"
ratio="$(median "${ratios[@]}")"
introspect_ratio="$(median "${introspect_ratios[@]}")"
forward_ratio="$(median "${forward_ratios[@]}")"
flood_ratio="$(awk -v a="$flood_rate" -v b="$valid_median" 'BEGIN {printf "%.2f", a / b}')"

echo
echo "Tokenkeeper API load benchmark: wrk $THREADS thread(s), $CONNECTIONS connections, ${DURATION}s per run, $ROUNDS rounds"
echo "$(nproc) CPU(s), shared by the server, its PostgreSQL and wrk; seeding the database took ${seeding}s (not in the"
echo "budget), the application started in ${startup}s;"
echo "warm-up ${warm_up}s (at least ${WARM_UP_MIN}s, then until the CPU time per request of all four paths settled,
at most ${WARM_UP_LIMIT}s)."
echo
print_rows
echo
echo "queries: statements on request threads during the run; (all): on every thread, background writes included."
echo "CPU µs/req: the application's CPU time (all its threads, GC and JIT included) per request; not PostgreSQL's."
echo "The flood's warm-up (${FLOOD_WARM_UP}s, not shown) ran $flood_warm_up_queries queries: one per failure until the address was throttled."
echo "not active: introspection answers the application counted inactive, or wrk's answers it did not count active."
printf 'median req/s: unauthenticated %s, authenticated %s, introspection %s, forward-auth %s\n' "$twin_median" \
    "$valid_median" "$introspect_median" "$forward_median"
printf 'authenticated / unauthenticated per round: %s\n' "${ratios[*]}"
printf '%-44s %8s   target >= 0.95: %s\n' "authenticated / unauthenticated (median)" "$ratio" "$(verdict "$ratio" 0.95)"
printf 'authenticated / unauthenticated CPU per request, per round: %s\n' "${cost_ratios[*]}"
cost_ratio="$(median "${cost_ratios[@]}")"
printf '%-44s %8s   target <= 1.05: %s\n' "authenticated / unauthenticated CPU (median)" "$cost_ratio" \
    "$(at_most "$cost_ratio" 1.05)"
printf 'introspection / authenticated per round: %s (CPU per request: %s)\n' "${introspect_ratios[*]}" \
    "${introspect_cost_ratios[*]}"
printf '%-44s %8s   target >= 0.9:  %s\n' "introspection / authenticated (median)" "$introspect_ratio" \
    "$(verdict "$introspect_ratio" 0.9)"
printf 'forward-auth / authenticated per round: %s (CPU per request: %s)\n' "${forward_ratios[*]}" \
    "${forward_cost_ratios[*]}"
printf '%-44s %8s   target >= 0.9:  %s\n' "forward-auth / authenticated (median)" "$forward_ratio" \
    "$(verdict "$forward_ratio" 0.9)"
printf '%-44s %8s   target >= 1:    %s\n' "flood / authenticated" "$flood_ratio" "$(verdict "$flood_ratio" 1)"
printf '%-44s %8s   target 0:       %s\n' "queries for $valid_requests valid requests" "$valid_queries" \
    "$(zero "$valid_queries")"
printf '%-44s %8s   target 0:       %s\n' "queries for $introspect_requests introspections" "$introspect_queries" \
    "$(zero "$introspect_queries")"
printf '%-44s %8s   target 0:       %s\n' "queries for $forward_requests forward-auths" "$forward_queries" \
    "$(zero "$forward_queries")"
printf '%-44s %8s   target 0:       %s\n' "introspections not active" "$introspect_refused" \
    "$(zero "$introspect_refused")"
printf '%-44s %8s   target 0:       %s\n' "forward-auths not 200" "$forward_refused" "$(zero "$forward_refused")"
echo "total time $((SECONDS - started))s (budget ${BUDGET}s)"
