#!/usr/bin/env bash
# HTTP benchmark: the release server on loopback, loaded by wrk in the same run:
# GET /v1/resolve (the cacheable path; a Czech plural of 5 seconds), GET /healthz (the baseline: a
# trivial route through the same Hummingbird stack and middleware), once each GET /v1/resolve with 1234
# attempts left (a number beyond the small integers kept formatted, which ICU formats on every request) and POST /v1/resolve (upstream body in JSON); and, as an outer
# baseline, GET /hello of a bare Hummingbird app (Benchmarks/BareServer: no middleware at all). Prints
# requests/s, latency percentiles, errors and the ratios resolve ÷ healthz (bar ≥ 0.8, zero errors) and
# resolve ÷ bare hello-world; then the time from launch to the first answered request and the peak RSS
# while serving.
#
# Usage: scripts/benchmark-http.sh [seconds per route, default 10] [connections, default 32] [rounds, default 5]
#
# With two or more cores, the servers run pinned to core 0 and wrk to core 1 (taskset), so that the load
# generator and the server do not preempt each other: the ratios then compare the servers' own cost per
# request. PIN=0 turns this off (server and wrk share all cores, as in the first measurements).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_ROUTE=${1:-10}
CONNECTIONS=${2:-32}
ROUNDS=${3:-5}
SWIFT=${SWIFT:-swift}
export CHECKOUT_MESSAGES_BENCHMARKS=1  # Package.swift declares the bare server only then
server_cpu=() wrk_cpu=() wrk_threads=2
if [ "${PIN:-1}" = "1" ] && [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null 2>&1; then
    server_cpu=(taskset -c 0) wrk_cpu=(taskset -c 1) wrk_threads=1
fi

scripts/ensure-dependencies.sh
if ! command -v wrk >/dev/null 2>&1; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
fi
$SWIFT build -c release --product checkout-messages >/dev/null
$SWIFT build -c release --product checkout-messages-bare-server >/dev/null
binary="$($SWIFT build -c release --show-bin-path)/checkout-messages"
bare_binary="$($SWIFT build -c release --show-bin-path)/checkout-messages-bare-server"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
work=$(mktemp -d)
bare_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
bare=""
trap 'kill $server $bare 2>/dev/null || true; wait $server $bare 2>/dev/null || true; rm -rf "$work"' EXIT

# Launch and time the first answered request (catalog load and validation of all locales included).
start_ns=$(date +%s%N)
"${server_cpu[@]}" "$binary" serve --host 127.0.0.1 --port "$port" --log-level warning >"$work/server.log" 2>&1 &
server=$!
python3 - "$port" "$start_ns" >"$work/startup" <<'PY'
import socket, sys, time
port, start = int(sys.argv[1]), int(sys.argv[2])
request = b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
while True:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(request)
            if s.recv(64).startswith(b"HTTP/1.1 200"):
                break
    except OSError:
        time.sleep(0.0005)
    if time.time_ns() - start > 30e9:
        sys.exit("server did not start")
print(round((time.time_ns() - start) / 1e6, 1))
PY
startup_ms=$(cat "$work/startup")
"${server_cpu[@]}" "$bare_binary" "$bare_port" >"$work/bare.log" 2>&1 &
bare=$!
python3 - "$bare_port" <<'PY'
import socket, sys, time
deadline = time.time() + 30
while time.time() < deadline:
    try:
        with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1):
            sys.exit(0)
    except OSError:
        time.sleep(0.05)
sys.exit("bare server did not start")
PY

cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept-Language"] = "de-CH, de;q=0.9, en;q=0.5"
wrk.body = '{"status": 400, "error": {"uuid": "2274eded-bb92-4813-94c1-ad323a69b064", "code": 2104, "message": "Insufficient funds", "traceId": "1d6973b1-8fcb-4dd8"}}'
LUA
base="http://127.0.0.1:$port"
"${wrk_cpu[@]}" wrk -t "$wrk_threads" -c "$CONNECTIONS" -d 2s "${base}/healthz" >/dev/null  # warm up
"${wrk_cpu[@]}" wrk -t "$wrk_threads" -c "$CONNECTIONS" -d 1s "http://127.0.0.1:$bare_port/hello" >/dev/null
declare -A samples
if [ ${#server_cpu[@]} -gt 0 ]; then pinning="servers on core 0, wrk on core 1"; else pinning="no pinning"; fi
echo "wrk -t$wrk_threads -c$CONNECTIONS, ${SECONDS_PER_ROUTE}s per route, $ROUNDS alternating rounds; $pinning"
printf '%-18s %6s %12s %9s %9s %9s %8s\n' route round "requests/s" "p50" "p99" "errors" "non-2xx"
measure() {  # name url round [extra wrk arguments]
    local name=$1 url=$2 round=$3
    shift 3
    "${wrk_cpu[@]}" wrk -t "$wrk_threads" -c "$CONNECTIONS" -d "${SECONDS_PER_ROUTE}s" --latency "$@" "$url" >"$work/wrk.txt"
    local requests p50 p99 errors non2xx
    requests=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
    p50=$(awk '/^ +50%/ {print $2}' "$work/wrk.txt")
    p99=$(awk '/^ +99%/ {print $2}' "$work/wrk.txt")
    errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$work/wrk.txt")
    non2xx=$(awk '/Non-2xx/ {print $5}' "$work/wrk.txt")
    samples[$name]="${samples[$name]:-} $requests"
    printf '%-18s %6s %12s %9s %9s %9s %8s\n' "$name" "$round" "$requests" "$p50" "$p99" "${errors:-0}" "${non2xx:-0}"
    if [ "${errors:-0}" != "0" ] || [ "${non2xx:-0}" != "0" ]; then failures=$((failures + 1)); fi
}
failures=0
# Baseline and resolve alternate, so drift in the machine's speed hits both alike.
for round in $(seq 1 "$ROUNDS"); do
    measure "bare GET /hello" "http://127.0.0.1:$bare_port/hello" "$round"
    measure "GET /healthz" "$base/healthz" "$round"
    measure "GET /v1/resolve" "$base/v1/resolve?status=503&arg.afterSeconds=5&locale=cs" "$round"
done
# Once each, no bar: a number outside the integers formatted once per locale (ICU's number pipeline on
# every request), and the upstream body as JSON.
measure "GET resolve 1234" "$base/v1/resolve?status=400&type=declined_by_three_ds&arg.attemptsLeft=1234&locale=cs" 1
measure "POST /v1/resolve" "$base/v1/resolve" 1 -s "$work/post.lua"
rss_peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
rss_now_kb=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")
echo
python3 - "${samples[GET /v1/resolve]}" "${samples[POST /v1/resolve]}" "${samples[GET /healthz]}" "${samples[bare GET /hello]}" "${samples[GET resolve 1234]}" "$startup_ms" "$rss_peak_kb" "$rss_now_kb" "$failures" <<'PY'
import statistics, sys
get, post, health, bare, fractional = (statistics.median(map(float, sys.argv[i].split())) for i in (1, 2, 3, 4, 5))
startup, peak, now, failures = map(float, sys.argv[6:])
print(f"medians: GET /v1/resolve {get:.0f}/s, GET /healthz {health:.0f}/s, bare GET /hello {bare:.0f}/s, POST /v1/resolve {post:.0f}/s")
print(f"GET  /v1/resolve ÷ /healthz: {get / health:.2f}   (bar ≥ 0.80: {'pass' if get / health >= 0.8 else 'FAIL'})")
print(f"GET  /v1/resolve ÷ bare hello-world: {get / bare:.2f}   (same bar: {'pass' if get / bare >= 0.8 else 'FAIL'})")
print(f"GET  /healthz ÷ bare hello-world: {health / bare:.2f}   (the cost of the service's middleware)")
print(f"GET  /v1/resolve with 1234 attempts (number formatted by ICU each time) ÷ /healthz: {fractional / health:.2f}")
print(f"POST /v1/resolve ÷ /healthz: {post / health:.2f}")
print(f"requests with errors or non-2xx answers: {'none' if failures == 0 else 'YES, see the table'}")
print(f"launch → first answered request: {startup:.0f} ms (bar < 300 ms: {'pass' if startup < 300 else 'FAIL'})")
print(f"RSS: peak {peak / 1024:.1f} MB, after load {now / 1024:.1f} MB (bar < 64 MB: {'pass' if peak < 64 * 1024 else 'FAIL'})")
PY
