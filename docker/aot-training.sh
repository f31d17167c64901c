#!/usr/bin/env bash
# The training run that writes the JDK 25 AOT cache (JEP 483, 514, 515) of the packaged service: starts it with
# -XX:AOTCacheOutput, sends the benchmark's request bodies to POST /v1/assessments (and the probes' and
# Prometheus' GETs) so that the classes and methods of a real request are recorded, not only those of start-up,
# then stops it; at exit the JVM writes the cache. Used by docker/Dockerfile.jvm (in the image, by the image's
# own JVM) and by src/test/load/http_bench.py (locally), so both train the same way.
#
#   aot-training.sh JAVA CACHE JAR BODIES_DIR TOKEN_FILE [JVM flag ...]
#
# The JVM flags are the runtime's (the Dockerfile passes its JAVA_OPTS): a -XX:AOTCache=... among them is dropped,
# since this run writes the cache instead of reading one.
# The environment must make the service trust the token (MP_JWT_VERIFY_PUBLICKEY_LOCATION, MP_JWT_VERIFY_ISSUER,
# MP_JWT_VERIFY_AUDIENCES). TRAIN_PORT (default 8080) and TRAIN_ROUNDS (default 20: rounds of every body) are
# optional. Only bash and the JVM: bash's /dev/tcp is the HTTP client.
set -euo pipefail

if [ $# -lt 5 ]; then
    echo "usage: $0 JAVA CACHE JAR BODIES_DIR TOKEN_FILE [JVM flag ...]" >&2
    exit 2
fi
java=$1 cache=$2 jar=$3 bodies=$4 token_file=$5
shift 5
flags=()
for flag in "$@"; do
    case $flag in
        -XX:AOTCache=*) ;;
        *) flags+=("$flag") ;;
    esac
done
port=${TRAIN_PORT:-8080}
rounds=${TRAIN_ROUNDS:-20}
token=$(cat "$token_file")

# status of one request: METHOD PATH [BODY_FILE]; 000 when nothing answered
request() {
    local method=$1 path=$2 body=${3:-} length=0 status
    [ -n "$body" ] && length=$(wc -c <"$body")
    if ! exec 3<>"/dev/tcp/127.0.0.1/$port"; then
        echo 000
        return
    fi 2>/dev/null
    {
        printf '%s %s HTTP/1.0\r\nHost: localhost\r\nAuthorization: Bearer %s\r\n' "$method" "$path" "$token"
        if [ -n "$body" ]; then
            printf 'Content-Type: application/json\r\nContent-Length: %d\r\n\r\n' "$length"
            cat "$body"
        else
            printf '\r\n'
        fi
    } >&3
    # HTTP/1.0: the service closes the connection after the answer; read all of it
    status=$(cat <&3 | head -n 1 | cut -d ' ' -f 2)
    exec 3>&-
    echo "${status:-000}"
}

"$java" ${flags[@]+"${flags[@]}"} "-XX:AOTCacheOutput=$cache" -Dquarkus.http.host=127.0.0.1 "-Dquarkus.http.port=$port" -jar "$jar" &
service=$!
# on failure: stop the service and remove what it writes at exit, so no cache of a failed run is left to be used
trap 'kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true; rm -f "$cache" "$cache.config"' EXIT

first=$(ls "$bodies"/*.json | head -n 1)
status=000
for _ in $(seq 1200); do                      # up to 120 s for the first answered assessment
    status=$(request POST /v1/assessments "$first")
    case $status in
        200) break ;;
        # a token the service does not trust never becomes valid: say so now rather than after 120 s
        401|403) echo "aot-training: the service answered $status: it does not trust the token (see MP_JWT_VERIFY_*)" >&2
                 exit 1 ;;
    esac
    kill -0 "$service" 2>/dev/null || { echo "aot-training: the service exited" >&2; exit 1; }
    sleep 0.1
done
[ "$status" = 200 ] || { echo "aot-training: no answered assessment within 120 s (last status $status)" >&2; exit 1; }

sent=0
for _ in $(seq "$rounds"); do
    for body in "$bodies"/*.json; do
        status=$(request POST /v1/assessments "$body")
        [ "$status" = 200 ] || { echo "aot-training: $body answered $status" >&2; exit 1; }
        sent=$((sent + 1))
    done
    for path in /q/health/ready /q/health/live /q/metrics; do
        request GET "$path" >/dev/null
    done
done

kill -TERM "$service"
wait "$service" || true                       # the JVM writes the cache at exit, before wait returns
trap - EXIT
if [ ! -s "$cache" ]; then
    echo "aot-training: no cache written to $cache" >&2
    exit 1
fi
echo "aot-training: $sent assessments sent; wrote $cache ($(du -h "$cache" | cut -f 1))"
