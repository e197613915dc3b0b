#!/usr/bin/env bash
# Soak: the release server under a bounded mixed load (GET and POST /v1/resolve, /v1/catalog, /v1/locales)
# with catalog reloads every RELOAD_EVERY seconds, alternating a good set and a broken one (a YAML syntax
# error in de.yaml, which must be rejected while the old set keeps serving), and RSS sampled every 5 s.
# Prints requests, errors, non-2xx answers, reloads by result, and RSS at start (after the first minute of
# warm-up), peak and end, with the growth over the last half of the run (bar: under 5 %).
#
# Usage: scripts/soak.sh [seconds, default 600] [connections, default 16]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-600}
CONNECTIONS=${2:-16}
RELOAD_EVERY=${RELOAD_EVERY:-15}
SWIFT=${SWIFT:-swift}

scripts/ensure-dependencies.sh
if ! command -v wrk >/dev/null 2>&1; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
fi
$SWIFT build -c release --product checkout-messages >/dev/null
binary="$($SWIFT build -c release --show-bin-path)/checkout-messages"

work=$(mktemp -d)
cp -R locales "$work/locales"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$binary" serve --host 127.0.0.1 --port "$port" --locales "$work/locales" --log-level warning >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server $sampler $reloader 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.1; done

cat >"$work/mix.lua" <<'LUA'
local requests = {
  wrk.format("GET", "/v1/resolve?status=503&arg.afterSeconds=5&locale=cs"),
  wrk.format("GET", "/v1/resolve?code=1034&locale=de"),
  wrk.format("GET", "/v1/resolve?status=400&type=declined_by_three_ds&arg.attemptsLeft=2&locale=ru"),
  wrk.format("POST", "/v1/resolve", {["Content-Type"] = "application/json", ["Accept-Language"] = "fr-CH, en;q=0.5"},
             '{"status": 400, "error": {"code": 1001, "message": "Invalid request", "errors": [{"field": "card.number", "type": "missing"}]}}'),
  wrk.format("GET", "/v1/catalog/es-MX"),
  wrk.format("GET", "/v1/locales"),
}
local i = 0
request = function()
  i = i % #requests + 1
  return requests[i]
end
LUA

# RSS every 5 s, in kB.
( while kill -0 $server 2>/dev/null; do awk '/VmRSS/ {print $2}' /proc/$server/status; sleep 5; done ) >"$work/rss" &
sampler=$!
# Reloads: a broken set, then the good one again, alternately.
( good=$(cat "$work/locales/de.yaml"); n=0
  while sleep "$RELOAD_EVERY"; do
      if [ $((n % 2)) -eq 0 ]; then printf '%s\nbroken: {unclosed\n' "$good" >"$work/locales/de.yaml"; else printf '%s\n' "$good" >"$work/locales/de.yaml"; fi
      kill -HUP $server; n=$((n + 1))
  done ) &
reloader=$!

wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$work/mix.lua" "http://127.0.0.1:$port" >"$work/wrk.txt"
kill $reloader 2>/dev/null || true
metrics=$(curl -s "http://127.0.0.1:$port/metrics")
kill -0 $server || { echo "the server died"; cat "$work/server.log"; exit 1; }

python3 - "$work/wrk.txt" "$work/rss" "$DURATION" <<'PY' "$metrics"
import re, sys
wrk = open(sys.argv[1]).read()
rss = [int(x) for x in open(sys.argv[2]).read().split()]
duration = int(sys.argv[3])
metrics = sys.argv[4]
requests = int(re.search(r"(\d+) requests in", wrk).group(1))
errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", wrk)
error_count = sum(int(x) for x in errors.groups()) if errors else 0
non2xx = int(re.search(r"Non-2xx or 3xx responses: (\d+)", wrk).group(1)) if "Non-2xx" in wrk else 0
reloads = dict(re.findall(r'catalog_reloads_total\{result="(\w+)"\} (\d+)', metrics))
warm = min(len(rss) - 1, 60 // 5)          # after one minute
half = len(rss) // 2
start, peak, end = rss[warm], max(rss[warm:]), rss[-1]
growth = (end - rss[half]) / rss[half] * 100
print(f"duration {duration} s, requests {requests} ({requests / duration:.0f}/s), socket errors {error_count}, non-2xx {non2xx}")
print(f"reloads: applied {reloads.get('applied', 0)}, rejected {reloads.get('rejected', 0)}")
print(f"RSS: start (after warm-up) {start / 1024:.1f} MB, peak {peak / 1024:.1f} MB, end {end / 1024:.1f} MB; "
      f"growth over the last half {growth:+.1f} % (bar < 5 %)")
print(re.search(r"Latency Distribution[\s\S]*?99%\s+\S+", wrk).group(0))
sys.exit(0 if error_count == 0 and non2xx == 0 and growth < 5 else 1)
PY
