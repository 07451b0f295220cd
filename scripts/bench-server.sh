#!/bin/sh
# Measures the local server in one run, each program served by a fresh server on this machine:
#   empty     a module whose _start does nothing (the floor: instance creation and the HTTP round trip)
#   java      the default starter, generated from the archetype (compute-java-starter-default) and built
#   httpme    samples/httpme (a caching proxy) answering from its cache (when samples/httpme/bin/main.wasm is built)
#   js        a hello program built with Fastly's JavaScript SDK (skipped when js-compute-runtime is not found)
# and writes the figures into docs/benchmarks.md (other sections are kept):
#   "server"             per-request latency: the median over sequential requests on one keep-alive connection
#   "server-throughput"  with wrk (skipped when wrk is not installed): requests per second and the 99th
#                        percentile latency at 100 and 200 connections, the server's peak resident memory and
#                        threads; and the time from starting the server to listening and to its first answer, with
#                        an empty compile cache (cold) and with the compiled code cached (warm)
#   "side by side"       the empty module and the starter served at once by two warm servers and measured in
#                        turns (ROUNDS rounds of wrk at 100 connections): the medians of these give the targets,
#                        since one run per program on a shared machine moves by a factor of two from run to run
# Every program is measured once it runs compiled code (the server logs "Compiled ..."), after a warm-up.
#
# Prerequisites: `mvn -q install -DskipTests` (the server jar, the archetype, the SDK and the Maven plugin);
# for the JS hello, @fastly/js-compute installed with npm in $JS_TOOLS_DIR (default .ci/tools, where
# scripts/install-js-tools.sh puts it) or on the PATH.
#
# Environment: MAVEN_REPO (a -Dmaven.repo.local for generating and building the starter), REQUESTS (default
# 3000), WARMUP (default 3000), JS_REQUESTS (default 200), HEAP_SIZES (e.g. "262144 1048576 4194304": also
# measure the starter built with each TeaVM minHeapSize), PORT (default 7801), START_TIMEOUT (seconds to wait for
# a server to listen and compile, default 600), WRK_SECONDS (each wrk run, default 10), WRK_WARMUP (seconds of wrk
# before measuring, default 30: under load the JVM keeps compiling the server's and the program's
# code for about 20 s, and a shorter warm-up measures that compilation rather than the server), ROUNDS (turns of
# the side-by-side comparison, default 5), CONNECTIONS (default "100 200"), PROGRAMS (which of "empty java httpme
# js" to measure, default all; with only some, docs/benchmarks.md is not written), COMPUTE_JAVA_SERVER_OPTS (JVM options for every
# server).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd -P)
requests=${REQUESTS:-3000}
warmup=${WARMUP:-3000}
js_requests=${JS_REQUESTS:-200}
port=${PORT:-7801}
start_timeout=${START_TIMEOUT:-600}
wrk_seconds=${WRK_SECONDS:-10}
wrk_warmup=${WRK_WARMUP:-30}
connections=${CONNECTIONS:-100 200}
rounds=${ROUNDS:-5}
programs=${PROGRAMS:-empty java httpme js}
wants() { case " $programs " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
# only some programs: their throughput rows are printed, nothing else is measured or written
partial=""
for p in empty java httpme js; do wants "$p" || partial=1; done
work=$(mktemp -d)
cleanup() {
  # measure runs in a command substitution (a subshell): it leaves its server's pid in a file for this trap
  if [ -f "$work/server.pid" ]; then kill "$(cat "$work/server.pid")" 2>/dev/null || true; fi
  if [ -f "$work/other.pid" ]; then kill "$(cat "$work/other.pid")" 2>/dev/null || true; fi
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
if ! wants js; then
  :
elif [ -x "$js_dir/node_modules/.bin/js-compute-runtime" ]; then
  echo "building the JS hello..." >&2
  (cd "$js_dir" && ./node_modules/.bin/js-compute-runtime "$work/js/app.js" "$work/js/bin/main.wasm" > "$work/js/build.log" 2>&1) && js_wasm="$work/js/bin/main.wasm"
elif command -v js-compute-runtime >/dev/null 2>&1; then
  echo "building the JS hello..." >&2
  js-compute-runtime "$work/js/app.js" "$work/js/bin/main.wasm" > "$work/js/build.log" 2>&1 && js_wasm="$work/js/bin/main.wasm"
fi
if [ -z "$js_wasm" ] && wants js; then
  echo "bench-server: js-compute-runtime not found (npm install @fastly/js-compute in $js_dir); skipping the JS hello" >&2
fi

# --- serving
# start_server WASM [server options...]: starts a server (its compile cache in $CACHE_DIR, default one for the
# run), waits until it listens and runs compiled code; sets server_pid, listen_ms, answer_ms (time to the first
# answer, asked for as soon as it listens) and compile_ms (what the server says compiling or loading took)
start_server() {
  wasm=$1
  shift
  cache=${CACHE_DIR:-$work/cache}
  rm -f "$work/server.log"
  t0=$(date +%s%N)
  # as users start it: the launcher, with its JVM options (COMPUTE_JAVA_SERVER_OPTS adds more)
  XDG_CACHE_HOME=$cache COMPUTE_JAVA_SERVER_JAR=$jar "$root/scripts/compute-java-serve" --addr "127.0.0.1:$port" "$@" \
    "$wasm" > "$work/server.log" 2>&1 &
  server_pid=$!
  echo "$server_pid" > "$work/server.pid"
  i=0
  until grep -qs 'Listening on' "$work/server.log"; do
    i=$((i + 1))
    if [ $i -gt $((start_timeout * 50)) ] || ! kill -0 "$server_pid" 2>/dev/null; then
      cat "$work/server.log" >&2
      echo "bench-server: the server did not listen within $start_timeout s for $wasm" >&2
      exit 1
    fi
    sleep 0.02
  done
  t1=$(date +%s%N)
  curl -s -o /dev/null --max-time "$start_timeout" "http://127.0.0.1:$port/" ||
    { cat "$work/server.log" >&2; echo "bench-server: no answer from $wasm" >&2; exit 1; }
  t2=$(date +%s%N)
  listen_ms=$(( (t1 - t0) / 1000000 ))
  answer_ms=$(( (t2 - t0) / 1000000 ))
  i=0
  until grep -qs 'Compiled ' "$work/server.log"; do
    i=$((i + 1))
    if [ $i -gt $((start_timeout * 5)) ] || ! kill -0 "$server_pid" 2>/dev/null; then
      cat "$work/server.log" >&2
      echo "bench-server: $wasm did not compile within $start_timeout s" >&2
      exit 1
    fi
    sleep 0.2
  done
  compile_ms=$(sed -n 's/^Compiled .* in \([0-9]*\) ms.*/\1/p' "$work/server.log" | head -n 1)
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  rm -f "$work/server.pid"
}

# --- measuring
measure() { # $1 = wasm, $2 = requests, $3 = warmup; prints the p50 in ms
  start_server "$1" > /dev/null
  line=$(java "$root/scripts/HttpLoad.java" "http://127.0.0.1:$port/" --connections 1 \
    --requests "$2" --warmup "$3" --quiet) || { echo "bench-server: requests to $1 failed: $line" >&2; exit 1; }
  stop_server
  echo "$line" | sed -n 's/.*p50=\([0-9.]*\).*/\1/p'
}

js_ms=""
if [ -z "$partial" ]; then
  echo "measuring the empty module..." >&2
  floor=$(measure "$work/empty.wasm" "$requests" "$warmup")
  echo "measuring the default starter..." >&2
  java_ms=$(measure "$work/java.wasm" "$requests" "$warmup")
fi
if [ -n "$js_wasm" ] && [ -z "$partial" ]; then
  echo "measuring the JS hello..." >&2
  js_ms=$(measure "$js_wasm" "$js_requests" 20)
fi

heap_rows=""
if [ -n "$partial" ]; then heap_sizes=""; else heap_sizes=${HEAP_SIZES:-}; fi
for heap in $heap_sizes; do
  echo "measuring the default starter with minHeapSize=$heap..." >&2
  build_starter "$heap" "$work/heap-$heap.wasm"
  ms=$(measure "$work/heap-$heap.wasm" "$requests" "$warmup")
  heap_rows="$heap_rows| default starter, \`minHeapSize\` = $heap bytes | $ms | $(awk "BEGIN{printf \"%.1f\", $ms / $floor}")x |
"
done

# --- throughput and start times
throughput_section=""
httpme_wasm="$root/samples/httpme/bin/main.wasm"
if command -v wrk >/dev/null 2>&1; then
  to_ms() { # wrk's 850.00us, 12.34ms or 1.20s as milliseconds
    echo "$1" | awk '/us$/ {sub(/us$/, ""); printf "%.2f", $0 / 1000; next}
      /ms$/ {sub(/ms$/, ""); printf "%.2f", $0; next} /s$/ {sub(/s$/, ""); printf "%.2f", $0 * 1000; next}
      {print "?"}'
  }
  rows=""
  mem_rows=""
  empty_rps=""
  starter_rps=""
  starter_p99=""
  starter_rss=""
  # throughput NAME WASM [server options...]
  throughput() {
    name=$1
    shift
    echo "wrk: $name..." >&2
    start_server "$@"
    if [ "$name" = "httpme (cache hit)" ] &&
      ! curl -s -D - -o /dev/null "http://127.0.0.1:$port/" | grep -qi '^x-cache: *HIT'; then
      echo "bench-server: httpme did not answer from its cache" >&2
    fi
    wrk -t2 -c100 -d"${wrk_warmup}s" "http://127.0.0.1:$port/" > /dev/null 2>&1 || true
    for c in $connections; do
      wrk -t2 -c"$c" -d"${wrk_seconds}s" --latency "http://127.0.0.1:$port/" > "$work/wrk.txt" 2>&1 || true
      rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$work/wrk.txt")
      p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")")
      bad=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' \
        "$work/wrk.txt")
      if [ "$c" = 100 ]; then
        [ "$name" = "empty module" ] && empty_rps=$rps
        [ "$name" = "default starter" ] && { starter_rps=$rps; starter_p99=$p99; }
      fi
      rows="$rows| $name | $c | $rps | $p99 | $bad |
"
    done
    if [ -r "/proc/$server_pid/status" ]; then
      rss=$(awk '/^VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$server_pid/status")
      threads=$(awk '/^Threads/ {print $2}' "/proc/$server_pid/status")
    else
      rss=$(ps -o rss= -p "$server_pid" | awk '{printf "%.0f", $1 / 1024}')
      threads="?"
    fi
    [ "$name" = "default starter" ] && starter_rss=$rss
    mem_rows="$mem_rows| $name | $rss | $threads |
"
    stop_server
  }
  if wants empty; then throughput "empty module" "$work/empty.wasm"; fi
  if wants java; then
    throughput "default starter" "$work/java.wasm"
    throughput "default starter, pooled_instances=0" "$work/java.wasm" --limit pooled_instances=0
  fi
  if ! wants httpme; then
    :
  elif [ -f "$httpme_wasm" ]; then
    origin_port=$((port + 1))
    sed "s#127.0.0.1:7070#127.0.0.1:$origin_port#" "$root/samples/httpme/fastly.toml" > "$work/httpme.toml"
    throughput "httpme (cache hit)" "$httpme_wasm" -C "$work/httpme.toml" --embedded-origin "127.0.0.1:$origin_port"
  else
    echo "bench-server: $httpme_wasm is not built; skipping httpme" >&2
  fi
  if [ -n "$js_wasm" ]; then
    throughput "JS hello" "$js_wasm"
  fi

  # side by side: both programs served at once by warm servers and measured in turns, so that a slow moment of
  # the machine falls on both; the medians over the rounds give the targets
  side_rows=""
  side_share=""
  side_p99=""
  side_rss=""
  median() { sort -n | awk '{v[NR] = $1} END {if (NR == 0) print "?"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
  wrk_once() { # $1 = port; prints "requests/s p99-ms"
    wrk -t2 -c100 -d"${wrk_seconds}s" --latency "http://127.0.0.1:$1/" > "$work/wrk.txt" 2>&1 || true
    rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$work/wrk.txt")
    p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")")
    echo "${rps:-0} ${p99:-?}"
  }
  if wants empty && wants java; then
    echo "side by side: empty module and default starter, $rounds rounds..." >&2
    start_server "$work/empty.wasm"
    empty_port=$port
    empty_pid=$server_pid
    mv "$work/server.pid" "$work/other.pid"
    port=$((port + 2))
    start_server "$work/java.wasm"
    java_port=$port
    port=$empty_port
    wrk -t2 -c100 -d"${wrk_warmup}s" "http://127.0.0.1:$empty_port/" > /dev/null 2>&1 || true
    wrk -t2 -c100 -d"${wrk_warmup}s" "http://127.0.0.1:$java_port/" > /dev/null 2>&1 || true
    : > "$work/side.txt"
    r=1
    while [ "$r" -le "$rounds" ]; do
      e=$(wrk_once "$empty_port")
      j=$(wrk_once "$java_port")
      set -- $e $j
      share_r=$(awk "BEGIN{printf \"%.0f\", ($1 > 0 ? 100 * $3 / $1 : 0)}")
      echo "$1 $2 $3 $4 $share_r" >> "$work/side.txt"
      side_rows="$side_rows| $r | $1 | $2 | $3 | $4 | $share_r % |
"
      r=$((r + 1))
    done
    side_share=$(awk '{print $5}' "$work/side.txt" | median)
    side_p99=$(awk '{print $4}' "$work/side.txt" | median)
    side_rss=$(awk '/^VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$server_pid/status" 2>/dev/null || echo "?")
    side_rows="$side_rows| median | $(awk '{print $1}' "$work/side.txt" | median) | $(awk '{print $2}' "$work/side.txt" | median) | $(awk '{print $3}' "$work/side.txt" | median) | $side_p99 | $side_share % |
"
    stop_server
    kill "$empty_pid" 2>/dev/null || true
    wait "$empty_pid" 2>/dev/null || true
    rm -f "$work/other.pid"
  fi

  if [ -n "$partial" ]; then
    printf '| program | connections | requests/s | p99 ms | errors |\n|---|---|---|---|---|\n%s\n' "$rows"
    printf '| program | peak resident MB | threads |\n|---|---|---|\n%s\n' "$mem_rows"
    if [ -n "$empty_rps" ] && [ -n "$starter_rps" ]; then
      echo "the default starter: $(awk "BEGIN{printf \"%.0f\", 100 * $starter_rps / $empty_rps}") % of the empty module's requests/s"
    fi
    if [ -n "$side_rows" ]; then
      printf '| round | empty req/s | empty p99 ms | starter req/s | starter p99 ms | starter/empty |\n|---|---|---|---|---|---|\n%s\n' "$side_rows"
      echo "side by side: the default starter at $side_share % of the empty module, p99 $side_p99 ms, peak $side_rss MB"
    fi
    exit 0
  fi
  # start_times NAME WASM: listening and the first answer with an empty compile cache, then with it filled
  start_rows=""
  js_cold_listen=""
  start_times() {
    echo "start times: $1..." >&2
    dir="$work/cold-$(echo "$1" | tr -c 'a-z\n' '-')"
    CACHE_DIR=$dir start_server "$2"
    cold="$listen_ms | $answer_ms | $compile_ms"
    [ "$1" = "JS hello" ] && js_cold_listen=$listen_ms
    stop_server
    CACHE_DIR=$dir start_server "$2"
    start_rows="$start_rows| $1 | $cold | $listen_ms | $answer_ms | $compile_ms |
"
    stop_server
  }
  start_times "empty module" "$work/empty.wasm"
  start_times "default starter" "$work/java.wasm"
  if [ -n "$js_wasm" ]; then
    start_times "JS hello" "$js_wasm"
  fi

  share=$(awk "BEGIN{printf \"%.0f\", 100 * $starter_rps / $empty_rps}")
  js_target="not measured (js-compute-runtime not found)"
  if [ -n "$js_cold_listen" ]; then
    js_target="$js_cold_listen ms"
  fi
  throughput_section=$(cat <<EOF
## Local server throughput and start (scripts/bench-server.sh)

\`wrk -t2 -cN -d${wrk_seconds}s\` on the same machine as the server, after ${wrk_warmup} s of warm-up at 100
connections (the JVM compiles the hot code for about 20 s under load; both the empty module and the starter reach
their steady rate only then), each program served by a fresh \`compute-java-serve\` with its default settings (compiled code,
instances of ended requests reused, at most 8 instances per core at once, a heap of at most 1 GiB), and the starter
once more instantiated for every request (\`pooled_instances=0\`).
Measured $(date -u +%Y-%m-%d) on $(nproc 2>/dev/null || echo '?') CPUs, $(java -version 2>&1 | head -n 1). "errors" counts non-2xx answers and
socket errors (timeouts included).

| program | connections | requests/s | p99 ms | errors |
|---|---|---|---|---|
$rows
| program | peak resident MB | threads |
|---|---|---|
$mem_rows
Start, in milliseconds from launching the server: to listening, to its first answer (asked for as soon as it
listens), and what it reports for compiling (cold: an empty compile cache) or loading the compiled code (warm).
Until then the program runs in the interpreter.

| program | cold: listening | cold: first answer | cold: compiled | warm: listening | warm: first answer | warm: compiled |
|---|---|---|---|---|---|---|
$start_rows
Side by side: the empty module and the default starter served at once by two warm servers (default settings, after
${wrk_warmup} s of warm-up each) and measured in turns, ${wrk_seconds} s of \`wrk -t2 -c100\` each, so that a slow
moment of the machine falls on both. A single run per program, as in the first table, moves by up to a factor of two
from one run to the next on a shared machine, and the JVM may still be compiling a program's hot code after its
warm-up there (a first round can run at half the rate of the later ones); the medians over the rounds are the
figures to compare.

| round | empty req/s | empty p99 ms | starter req/s | starter p99 ms | starter/empty |
|---|---|---|---|---|---|
$side_rows
Targets, from the side-by-side medians: the default starter's throughput at least 50 % of the empty module's at 100
connections (${side_share} %), its p99 at most 50 ms (${side_p99} ms) and the resident memory of the server serving
it at most 512 MB (${side_rss} MB); the JS hello listening within 2 s on a cold start (${js_target}).
EOF
)
else
  echo "bench-server: wrk not found; skipping throughput and start times" >&2
  if [ -n "$partial" ]; then exit 1; fi
fi

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
default settings), measured once it runs compiled code. Measured $(date -u +%Y-%m-%d) on $(nproc 2>/dev/null || echo '?') CPUs,
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
if [ -n "$throughput_section" ]; then
  printf '%s\n' "$throughput_section" > "$work/throughput.md"
  python3 "$root/scripts/bench_md.py" server-throughput "$work/throughput.md"
  echo
  echo "$throughput_section"
fi
