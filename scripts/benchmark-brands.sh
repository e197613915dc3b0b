#!/usr/bin/env bash
# Brand benchmark: the cost of 1,000 brands, each overriding 5 keys in 3 locales (de, fr, es), against the
# same release server without brands, in the same run. Prints, for each: the time from launch to the
# first answered request and the RSS after warm-up; then the reload time with 1,000 brands (SIGHUP with
# nothing changed, and with every brand changed), and wrk's GET /v1/resolve with a brand against the same
# request without one on the same server (rounds alternate; bar ≥ 0.95), with zero errors.
#
# Usage: scripts/benchmark-brands.sh [brands, default 1000] [seconds per wrk run, default 5] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
BRANDS=${1:-1000}
SECONDS_PER_RUN=${2:-5}
ROUNDS=${3:-3}
SWIFT=${SWIFT:-swift}
server_cpu=() wrk_cpu=() wrk_threads=2
if [ "${PIN:-1}" = "1" ] && [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null 2>&1; then
    server_cpu=(taskset -c 0) wrk_cpu=(taskset -c 1) wrk_threads=1
fi

scripts/ensure-dependencies.sh
if ! command -v wrk >/dev/null 2>&1; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
fi
if [ -n "${CHECKOUT_MESSAGES_BINARY:-}" ]; then  # a release binary built before, e.g. of another commit
    binary=$CHECKOUT_MESSAGES_BINARY
else
    $SWIFT build -c release --product checkout-messages >/dev/null
    binary="$($SWIFT build -c release --show-bin-path)/checkout-messages"
fi
work=$(mktemp -d)
server=""
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT

# The brands: 5 keys × 3 locales each, with a wording of their own (numbered), translated from the base
# English they keep (so no stale warnings).
python3 - "$work/brands" "$BRANDS" <<'PY'
import json, os, sys
root, count = sys.argv[1], int(sys.argv[2])
def fp(text):
    h = 0x811C9DC5
    for b in text.encode():
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return "%08x" % h
english = {}
key = None
for line in open("locales/en.yaml", encoding="utf-8"):
    if line and not line.startswith((" ", "#", "\n")):
        key = line.rstrip().rstrip(":")
    elif key and line.startswith("  message: "):
        english[key] = line[len("  message: "):].strip().strip('"')
texts = {
    "de": {"decline.generic": "Die Zahlung bei Shop {n} hat nicht geklappt. Bitte nimm eine andere Karte oder Zahlungsart.",
           "decline.insufficient_funds": "Shop {n}: Das Guthaben reicht nicht. Bitte nimm eine andere Karte oder Zahlungsart.",
           "retry.transient": "Shop {n} kann die Zahlung gerade nicht abschließen. Bitte versuch es gleich noch einmal.",
           "card.expired": "Diese Karte ist abgelaufen. Bitte nimm für Shop {n} eine andere Karte.",
           "stop.generic": "Shop {n} kann diese Zahlung nicht abschließen. Bitte wende dich an den Kundenservice."},
    "fr": {"decline.generic": "Le paiement chez la boutique {n} n’a pas abouti. Essayez une autre carte ou un autre moyen de paiement.",
           "decline.insufficient_funds": "Boutique {n} : le solde est insuffisant. Essayez une autre carte ou un autre moyen de paiement.",
           "retry.transient": "La boutique {n} ne peut pas finaliser le paiement pour l’instant. Réessayez dans un instant.",
           "card.expired": "Cette carte a expiré. Utilisez une autre carte pour la boutique {n}.",
           "stop.generic": "La boutique {n} ne peut pas finaliser ce paiement. Contactez le service client."},
    "es": {"decline.generic": "El pago en la tienda {n} no se ha completado. Usa otra tarjeta u otro método de pago.",
           "decline.insufficient_funds": "Tienda {n}: el saldo no es suficiente. Usa otra tarjeta u otro método de pago.",
           "retry.transient": "La tienda {n} no puede completar el pago ahora mismo. Vuelve a intentarlo en un momento.",
           "card.expired": "Esta tarjeta ha caducado. Usa otra tarjeta para la tienda {n}.",
           "stop.generic": "La tienda {n} no puede completar este pago. Ponte en contacto con atención al cliente."},
}
for n in range(count):
    folder = os.path.join(root, "b%04d" % n)
    os.makedirs(folder)
    for tag, messages in texts.items():
        with open(os.path.join(folder, tag + ".yaml"), "w", encoding="utf-8") as out:
            for key, text in messages.items():
                message = json.dumps(text.replace("{n}", str(n)), ensure_ascii=False)  # a YAML double-quoted scalar
                out.write('%s:\n  source: "%s"\n  message: %s\n\n' % (key, fp(english[key]), message))
PY
brand_args=()
for folder in "$work/brands"/*; do brand_args+=(--brand "$(basename "$folder")=$folder"); done

# Launches the server with the given arguments (sets port and server); the startup time in ms goes to
# $work/startup.
launch() {
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    start_ns=$(date +%s%N)
    "${server_cpu[@]}" "$binary" serve --host 127.0.0.1 --port "$port" --log-level info "$@" >"$work/server.log" 2>&1 &
    server=$!
    python3 - "$port" "$start_ns" "$server" >"$work/startup" <<'PY'
import os, socket, sys, time
port, start, pid = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
while True:
    if not os.path.exists(f"/proc/{pid}") or open(f"/proc/{pid}/stat").read().split()[2] == "Z":
        sys.exit("the server exited: see its log")
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(b"GET /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            if s.recv(64).startswith(b"HTTP/1.1 200"):
                break
    except OSError:
        time.sleep(0.0005)
    if time.time_ns() - start > 120e9:
        sys.exit("server did not start")

print(round((time.time_ns() - start) / 1e6))
PY
}
rss_kb() { grep VmRSS "/proc/$server/status" | awk '{print $2}'; }
warm() {  # a few requests of every kind, so that RSS counts what serving touches
    for uri in "/v1/resolve?code=1035&locale=de$1" "/v1/resolve?code=2104&locale=fr$1" "/v1/catalog/de${1/&/?}" "/v1/locales${1/&/?}"; do
        curl -s -o /dev/null "http://127.0.0.1:$port$uri"
    done
}
stop() { kill -INT $server; wait $server 2>/dev/null || true; server=""; }

echo "== without brands"
launch
plain_startup=$(cat "$work/startup")
warm ""
plain_rss=$(rss_kb)
stop
echo "== with $BRANDS brands"
launch "${brand_args[@]}"
brand_startup=$(cat "$work/startup")
warm "&brand=b0500"
brand_rss=$(rss_kb)

# Reload: time from SIGHUP to the "brands reloaded" log line (unchanged, then every brand changed).
reload_ms() {
    lines=$(grep -c "brands reloaded" "$work/server.log" || true)
    start_ns=$(date +%s%N)
    kill -HUP $server
    while [ "$(grep -c "brands reloaded" "$work/server.log" || true)" -le "$lines" ]; do sleep 0.005; done
    echo $(( ($(date +%s%N) - start_ns) / 1000000 ))
}
reload_unchanged=$(reload_ms)
for folder in "$work/brands"/*; do sed -i 's/nicht geklappt/leider nicht geklappt/' "$folder/de.yaml"; done
reload_changed=$(reload_ms)
grep "brands reloaded" "$work/server.log" | tail -1

# Throughput: the same request with and without a brand, alternating rounds, on the server with brands.
run_wrk() {
    "${wrk_cpu[@]}" wrk -t"$wrk_threads" -c32 -d"${SECONDS_PER_RUN}s" --latency "http://127.0.0.1:$port$1" >"$work/wrk.txt"
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
    errors=$(awk '/Non-2xx|Socket errors/ {print}' "$work/wrk.txt")
    [ -z "$errors" ] || { echo "errors: $errors"; exit 1; }
    echo "$rps"
}
plain_uri="/v1/resolve?code=1035&locale=de"
brand_uri="/v1/resolve?code=1035&locale=de&brand=b0500"
run_wrk "$plain_uri" >/dev/null  # warm-up
ratios=()
for round in $(seq "$ROUNDS"); do
    plain=$(run_wrk "$plain_uri")
    branded=$(run_wrk "$brand_uri")
    ratio=$(python3 -c "print(f'{$branded / $plain:.3f}')")
    ratios+=("$ratio")
    echo "round $round: unbranded $plain req/s, branded $branded req/s, ratio $ratio"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
stop

echo
printf '%-44s %s\n' "startup without brands (ms)" "$plain_startup"
printf '%-44s %s\n' "startup with $BRANDS brands (ms)" "$brand_startup"
printf '%-44s %s\n' "RSS without brands (MB)" "$(python3 -c "print(f'{$plain_rss / 1024:.1f}')")"
printf '%-44s %s\n' "RSS with $BRANDS brands (MB)" "$(python3 -c "print(f'{$brand_rss / 1024:.1f}')")"
printf '%-44s %s\n' "RSS growth (MB, bar < 32)" "$(python3 -c "print(f'{($brand_rss - $plain_rss) / 1024:.1f}')")"
printf '%-44s %s\n' "reload, nothing changed (ms)" "$reload_unchanged"
printf '%-44s %s\n' "reload, every brand changed (ms)" "$reload_changed"
printf '%-44s %s\n' "branded ÷ unbranded GET /v1/resolve (≥ 0.95)" "$median (rounds: ${ratios[*]})"
