#!/bin/sh
# Loads the local server: 100 keep-alive connections send 10,000 requests to samples/httpme served against the
# embedded demo origin, and fails if any request errs or answers other than 200. Each request runs a fresh
# instance of main.wasm; the program's 30 s TTL override makes the readthrough cache answer all but the first
# request (concurrent misses collapse into one origin request). Prints throughput and latency percentiles and,
# for the default program, writes them to the "load" section of docs/benchmarks.md.
#
# Prerequisites: `mvn -q package -DskipTests` (the server jar and samples/httpme/bin/main.wasm).
# Environment: CONNECTIONS (default 100), REQUESTS (default 10000), WASM (another program to load; its requests
# must answer 200), PORT (default 7676), ORIGIN_PORT (default 7070).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd -P)
connections=${CONNECTIONS:-100}
requests=${REQUESTS:-10000}
port=${PORT:-7676}
origin_port=${ORIGIN_PORT:-7070}
wasm=${WASM:-$root/samples/httpme/bin/main.wasm}
jar=$(ls "$root"/sdk-testkit/local-server/target/compute-java-local-server-*-server.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ] || [ ! -f "$wasm" ]; then
  echo "load: build first: (cd $root && mvn -q package -DskipTests)" >&2
  exit 1
fi
log=$(mktemp)
config=$(mktemp)
# the sample's fastly.toml, its backend pointed at this run's origin port
sed "s#http://127.0.0.1:7070/#http://127.0.0.1:$origin_port/#" "$root/samples/httpme/fastly.toml" > "$config"
java -jar "$jar" -C "$config" --addr "127.0.0.1:$port" --embedded-origin "127.0.0.1:$origin_port" "$wasm" \
  > "$log" 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null || true; rm -f "$log" "$config"' EXIT INT TERM
i=0
until grep -q 'Listening on' "$log"; do
  i=$((i + 1))
  if [ $i -gt 300 ] || ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$log" >&2
    exit 1
  fi
  sleep 0.2
done
echo "loading $(basename "$wasm") with $connections connections, $requests requests..."
status=0
result=$(mktemp)
java "$root/scripts/HttpLoad.java" "http://127.0.0.1:$port/status/200/load" --connections "$connections" \
  --requests "$requests" --warmup 1000 > "$result" || status=$?
cat "$result"
if grep -q 'failed' "$log"; then
  echo "server errors:" >&2
  grep 'failed' "$log" | head -n 5 >&2
  status=1
fi
if [ "$status" -eq 0 ] && [ -z "${WASM:-}" ]; then
  section=$(mktemp)
  {
    echo "## Load on the local server (scripts/load.sh)"
    echo
    echo "\`scripts/load.sh\`, $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | sed -n 1p)."
    echo "\`samples/httpme\` against the embedded demo origin: $connections keep-alive connections, $requests requests after"
    echo "1000 of warm-up, a fresh instance per request; the program's 30 s TTL override makes the readthrough cache"
    echo "answer all but the first."
    echo
    echo '```'
    cat "$result"
    echo '```'
  } > "$section"
  python3 "$root/scripts/bench_md.py" load "$section"
  rm -f "$section"
fi
rm -f "$result"
exit $status
