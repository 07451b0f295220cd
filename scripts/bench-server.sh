#!/bin/sh
# Measures the local server's per-request latency (median over sequential requests on one keep-alive connection)
# for three programs, each served by a fresh server on this machine in one run:
#   empty     a module whose _start does nothing (the floor: instance creation and the HTTP round trip)
#   java      the default starter, generated from the archetype (compute-java-starter-default) and built
#   js        a hello program built with Fastly's JavaScript SDK (skipped when js-compute-runtime is not found)
# and writes the figures into the "server" section of docs/benchmarks.md (other sections are kept).
#
# Prerequisites: `mvn -q install -DskipTests` (the server jar, the archetype, the SDK and the Maven plugin);
# for the JS hello, @fastly/js-compute installed with npm in $JS_TOOLS_DIR (default .ci/tools, where
# scripts/install-js-tools.sh puts it) or on the PATH.
#
# Environment: MAVEN_REPO (a -Dmaven.repo.local for generating and building the starter), REQUESTS (default
# 3000), WARMUP (default 3000), JS_REQUESTS (default 200), HEAP_SIZES (e.g. "262144 1048576 4194304": also
# measure the starter built with each TeaVM minHeapSize), PORT (default 7801), START_TIMEOUT (seconds to wait for
# a server to listen, default 600).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd -P)
requests=${REQUESTS:-3000}
warmup=${WARMUP:-3000}
js_requests=${JS_REQUESTS:-200}
port=${PORT:-7801}
start_timeout=${START_TIMEOUT:-600}
work=$(mktemp -d)
cleanup() {
  # measure runs in a command substitution (a subshell): it leaves its server's pid in a file for this trap
  if [ -f "$work/server.pid" ]; then kill "$(cat "$work/server.pid")" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

jar=$(ls "$root"/sdk-testkit/local-server/target/compute-java-local-server-*-server.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ]; then
  echo "bench-server: build first: (cd $root && mvn -q install -DskipTests)" >&2
  exit 1
fi
repo_opt=""
if [ -n "${MAVEN_REPO:-}" ]; then repo_opt="-Dmaven.repo.local=$MAVEN_REPO"; fi

# --- the programs
# empty: (module (memory (export "memory") 1) (func (export "_start")))
if command -v wat2wasm >/dev/null 2>&1; then
  printf '(module (memory (export "memory") 1) (func (export "_start")))\n' > "$work/empty.wat"
  wat2wasm "$work/empty.wat" -o "$work/empty.wasm"
else
  printf '\000asm\001\000\000\000\001\004\001\140\000\000\003\002\001\000\005\003\001\000\001\007\023\002\006memory\002\000\006_start\000\000\012\004\001\002\000\013' > "$work/empty.wasm"
fi

# java: the default starter, generated from the archetype as a user would (what users start from)
build_starter() { # $1 = minHeapSize or ""; copies bin/main.wasm to $2
  heap_opt=""
  if [ -n "$1" ]; then heap_opt="-Dcompute.minHeapSize=$1"; fi
  # shellcheck disable=SC2086
  (cd "$starter" && mvn -q -B $repo_opt package -DskipTests $heap_opt > "$work/build.log" 2>&1) ||
    { cat "$work/build.log" >&2; exit 1; }
  cp "$starter/bin/main.wasm" "$2"
}

echo "generating and building the default starter..." >&2
starter=$(MAVEN_ARGS="$repo_opt" "$root/scripts/generate-starter.sh" "$work/generated")
build_starter "" "$work/java.wasm"

js_wasm=""
js_dir=${JS_TOOLS_DIR:-$root/.ci/tools}
mkdir -p "$work/js/bin"
printf 'addEventListener("fetch", (event) => event.respondWith(new Response("Hello from JavaScript\\n")));\n' > "$work/js/app.js"
if [ -x "$js_dir/node_modules/.bin/js-compute-runtime" ]; then
  echo "building the JS hello..." >&2
  (cd "$js_dir" && ./node_modules/.bin/js-compute-runtime "$work/js/app.js" "$work/js/bin/main.wasm" > "$work/js/build.log" 2>&1) && js_wasm="$work/js/bin/main.wasm"
elif command -v js-compute-runtime >/dev/null 2>&1; then
  echo "building the JS hello..." >&2
  js-compute-runtime "$work/js/app.js" "$work/js/bin/main.wasm" > "$work/js/build.log" 2>&1 && js_wasm="$work/js/bin/main.wasm"
fi
if [ -z "$js_wasm" ]; then
  echo "bench-server: js-compute-runtime not found (npm install @fastly/js-compute in $js_dir); skipping the JS hello" >&2
fi

# --- measuring
measure() { # $1 = wasm, $2 = requests, $3 = warmup; prints the p50 in ms
  java -jar "$jar" --addr "127.0.0.1:$port" "$1" > "$work/server.log" 2>&1 &
  server_pid=$!
  echo "$server_pid" > "$work/server.pid"
  i=0
  until grep -q 'Listening on' "$work/server.log"; do
    i=$((i + 1))
    # 0.2 s steps: the JS hello's first compilation (before the compile cache has it) takes minutes
    if [ $i -gt $((start_timeout * 5)) ] || ! kill -0 "$server_pid" 2>/dev/null; then
      cat "$work/server.log" >&2
      echo "bench-server: the server did not listen within $start_timeout s for $1" >&2
      exit 1
    fi
    sleep 0.2
  done
  line=$(java "$root/scripts/HttpLoad.java" "http://127.0.0.1:$port/" --connections 1 \
    --requests "$2" --warmup "$3" --quiet) || { echo "bench-server: requests to $1 failed: $line" >&2; exit 1; }
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  rm -f "$work/server.pid"
  echo "$line" | sed -n 's/.*p50=\([0-9.]*\).*/\1/p'
}

echo "measuring the empty module..." >&2
floor=$(measure "$work/empty.wasm" "$requests" "$warmup")
echo "measuring the default starter..." >&2
java_ms=$(measure "$work/java.wasm" "$requests" "$warmup")
js_ms=""
if [ -n "$js_wasm" ]; then
  echo "measuring the JS hello..." >&2
  js_ms=$(measure "$js_wasm" "$js_requests" 20)
fi

heap_rows=""
for heap in ${HEAP_SIZES:-}; do
  echo "measuring the default starter with minHeapSize=$heap..." >&2
  build_starter "$heap" "$work/heap-$heap.wasm"
  ms=$(measure "$work/heap-$heap.wasm" "$requests" "$warmup")
  heap_rows="$heap_rows| default starter, \`minHeapSize\` = $heap bytes | $ms | $(awk "BEGIN{printf \"%.1f\", $ms / $floor}")x |
"
done

ratio_java=$(awk "BEGIN{printf \"%.1f\", $java_ms / $floor}")
js_row="| JS hello (Fastly's JS SDK) | not measured (js-compute-runtime not found) | |"
target_js="not measured"
if [ -n "$js_ms" ]; then
  js_row="| JS hello (Fastly's JS SDK) | $js_ms | $(awk "BEGIN{printf \"%.1f\", $js_ms / $floor}")x |"
  target_js=$(awk "BEGIN{printf \"%.3f\", $java_ms / $js_ms}")
fi
java_size=$(wc -c < "$work/java.wasm" | tr -d ' ')

section=$(cat <<EOF
## Local server (scripts/bench-server.sh)

Median latency of sequential GET requests on one keep-alive connection ($requests requests after $warmup of
warm-up; $js_requests for the JS hello), each program served by a fresh \`compute-java-serve\` (Chicory compiler,
a new instance per request). Measured $(date -u +%Y-%m-%d) on $(nproc 2>/dev/null || echo '?') CPUs,
$(java -version 2>&1 | head -n 1).

| program | median ms | vs. floor |
|---|---|---|
| empty module (\`_start\` does nothing): the floor | $floor | 1.0x |
| default starter (this SDK, $java_size bytes) | $java_ms | ${ratio_java}x |
$js_row
$heap_rows
The default starter is the project \`mvn archetype:generate\` makes from \`compute-java-starter-default\` (it answers
with a greeting naming the path), built with \`mvn package\`; the JS hello answers a fixed greeting.

Targets: the default starter within 3x of the floor (${ratio_java}x) and under a tenth of the JS hello (ratio
$target_js).
EOF
)

printf '%s\n' "$section" > "$work/section.md"
python3 "$root/scripts/bench_md.py" server "$work/section.md"
echo "$section"
