#!/usr/bin/env bash
# Checks openapi.yaml against the running server: schemathesis generates requests from the document
# (examples, coverage and fuzzing phases) and runs every check (server errors, status codes, content
# types, headers, response schemas, acceptance of valid and rejection of invalid data, Allow headers).
# Bounded in time; the server runs on loopback and is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
MAX_TIME=${CONTRACT_TEST_SECONDS:-60}

python3 -m pip install --quiet --disable-pip-version-check 'schemathesis>=4.32,<5' 2>&1 | grep -v "Running pip as the 'root' user" || true
$SWIFT build --product checkout-messages
binary="$($SWIFT build --show-bin-path)/checkout-messages"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
log=$(mktemp)
"$binary" serve --host 127.0.0.1 --port "$port" --log-level warning >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT

python3 - "$port" <<'PY'
import sys, time, urllib.request
url = f"http://127.0.0.1:{sys.argv[1]}/healthz"
for _ in range(100):
    try:
        urllib.request.urlopen(url, timeout=1).read()
        sys.exit(0)
    except Exception:
        time.sleep(0.1)
sys.exit("server did not start")
PY

# One worker: schemathesis' coverage phase trips over a CPython 3.11 ast bug when run in threads.
python3 -m schemathesis.cli run "http://127.0.0.1:$port/openapi.yaml" \
    --checks all --workers 1 --max-time "$MAX_TIME" --no-color
