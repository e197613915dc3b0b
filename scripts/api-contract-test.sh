#!/usr/bin/env bash
# Checks openapi.yaml against the running server: schemathesis generates requests from the document
# (examples, coverage and fuzzing phases) and runs every check (server errors, status codes, content
# types, headers, response schemas, acceptance of valid and rejection of invalid data, Allow headers).
# The server runs on loopback and is stopped on exit. Settings: schemathesis.toml.
#
# Usage: scripts/api-contract-test.sh            reproducible: deterministic generation and a bounded
#                                                number of examples per operation (what `make test` and
#                                                CI run; about 15 s of testing)
#        scripts/api-contract-test.sh explore [S] random exploration for S seconds (default 300), with a
#                                                new seed that is printed so that a finding can be replayed
#                                                with CONTRACT_SEED=<seed> (`make contract-explore`)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

SWIFT=${SWIFT:-swift}
MODE=${1:-reproducible}
if [ "$MODE" = "explore" ]; then
    seed=${CONTRACT_SEED:-$(python3 -c 'import secrets; print(secrets.randbits(64))')}
    bounds=(--max-time "${2:-300}" --seed "$seed")
    echo "contract exploration: seed $seed, ${2:-300} s (replay: CONTRACT_SEED=$seed make contract-explore)"
else
    # Fixed: the same cases on every run, so the outcome depends on the code, not on luck or on the
    # machine's speed (no time limit cuts the run short).
    bounds=(--max-examples "${CONTRACT_EXAMPLES:-100}" --generation-deterministic)
fi

python3 -m pip install --quiet --disable-pip-version-check 'schemathesis>=4.32,<5' 2>&1 | grep -v "Running pip as the 'root' user" || true
$SWIFT build --product checkout-messages
binary="$($SWIFT build --show-bin-path)/checkout-messages"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
log=$(mktemp)
# The example brand is served too, so that the brand parameter meets a brand as well as unknown names.
"$binary" serve --host 127.0.0.1 --port "$port" --log-level error --brand acme=examples/brands/acme >"$log" 2>&1 &
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

# One worker: schemathesis' coverage phase trips over a CPython 3.11 ast bug when run in threads. Run from
# a scratch folder so that nothing schemathesis writes lands in the repository.
scratch=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"; rm -rf "$scratch"' EXIT
cd "$scratch"
python3 -m schemathesis.cli --config-file "$root/schemathesis.toml" run "http://127.0.0.1:$port/openapi.yaml" \
    --checks all --workers 1 "${bounds[@]}" --no-color
