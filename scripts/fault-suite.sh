#!/usr/bin/env bash
# The fault suite against the real server process: hostile programs (the WAT guests of the Java fault tests,
# compiled with wabt's wat2wasm) and hostile clients (raw sockets), each followed by a normal request that must
# get "ok". Prints one line per case and "N passed, N failed"; exits 1 when a case failed.
#
#   scripts/fault-suite.sh                      # uses sdk-testkit/local-server/target/*-server.jar (mvn package builds it)
#   COMPUTE_JAVA_SERVER_JAR=old.jar PORT=7950 scripts/fault-suite.sh
#
# Needs java, curl, python3 and wat2wasm. Every server it starts listens on 127.0.0.1:$PORT and is stopped by
# its process id; every request has a time limit, so the suite ends in a few minutes whatever the server does.
set -uo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-7950}"
ORIGIN_PORT=$((PORT + 1))
jar="${COMPUTE_JAVA_SERVER_JAR:-}"
if [ -z "$jar" ]; then
  for candidate in sdk-testkit/local-server/target/compute-java-local-server-*-server.jar; do
    [ -f "$candidate" ] && jar="$candidate"
  done
fi
for tool in java curl python3 wat2wasm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "fault-suite: $tool is missing" >&2; exit 2; }
done
[ -f "$jar" ] || { echo "fault-suite: no server jar; build it with mvn -q package -DskipTests" >&2; exit 2; }

work=$(mktemp -d)
server_pid=""
origin_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  [ -n "$origin_pid" ] && kill "$origin_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
for wat in sdk-testkit/local-server/src/test/resources/io/github/computejava/server/faults/*.wat; do
  wat2wasm "$wat" -o "$work/$(basename "$wat" .wat).wasm" || { echo "fault-suite: wat2wasm failed on $wat" >&2; exit 2; }
done

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "pass: $1"; }
fail() { failed=$((failed + 1)); echo "FAIL: $1"; [ -f "$work/server.log" ] && tail -5 "$work/server.log" | sed 's/^/    /'; }

# start PROGRAM [ARGS...]: starts the server and waits for "Listening" (false when it exits or takes 60 s)
start() {
  local program="$1"
  shift
  : > "$work/server.log"
  java -jar "$jar" --addr "127.0.0.1:$PORT" "$@" "$work/$program.wasm" > "$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do
    grep -q "Listening on" "$work/server.log" && return 0
    kill -0 "$server_pid" 2>/dev/null || { server_pid=""; return 1; }
    sleep 0.1
  done
  return 1
}
stop() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
    server_pid=""
  fi
}
fault() { curl -s -m "${2:-30}" -o "$work/body" -w '%{http_code}' -H 'X-Fault: 1' "http://127.0.0.1:$PORT/${1:-}"; }
normal() { [ "$(curl -s -m 30 "http://127.0.0.1:$PORT/")" = "ok" ]; }
# the body's first little-endian i32s, space-separated
ints() { python3 -c 'import struct,sys; b=open(sys.argv[1],"rb").read(); print(*struct.unpack("<%di" % (len(b)//4), b[:len(b)//4*4]))' "$work/body"; }

# ---- hostile programs

if start spin --limit run_time_ms=500; then
  t0=$(date +%s%N)
  code=$(fault "" 60)
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  if [ "$code" = 500 ] && grep -q "ended the instance: it ran for 500 ms" "$work/server.log" && normal; then
    pass "a runaway instance is ended at the run-time limit ($ms ms for a 500 ms limit)"
  else fail "a runaway instance is ended at the run-time limit (status $code after $ms ms)"; fi
else fail "spin: the server did not start"; fi
stop

if start sleep --limit max_instances=1 --limit run_time_ms=1000 --limit queue_timeout_ms=20000; then
  fault "" 60 > /dev/null &
  sleeper=$!
  sleep 0.3
  if normal; then pass "a request beyond the concurrency limit waits for a running instance instead of a 503"
  else fail "a request beyond the concurrency limit waits for a running instance"; fi
  wait "$sleeper"
else fail "sleep: the server did not start"; fi
stop

if start grow; then
  hungry=""
  for i in 1 2 3 4 5 6 7 8; do
    curl -s -m 120 -o "$work/hungry$i" -w '%{http_code}\n' -H 'X-Fault: 1' "http://127.0.0.1:$PORT/" > "$work/hungry$i.code" &
    hungry="$hungry $!"
  done
  peak=0
  for _ in $(seq 1 100); do
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status" 2>/dev/null || echo 0)
    [ "${rss:-0}" -gt "$peak" ] && peak=$rss
    [ "$(cat "$work"/hungry*.code 2>/dev/null | grep -c .)" -ge 8 ] && break
    sleep 0.1
  done
  # shellcheck disable=SC2086
  wait $hungry
  ok=$(cat "$work"/hungry*.code | grep -c '^200$')
  cp "$work/hungry1" "$work/body"
  pages=$(ints | awk '{print $1}')
  if [ "$ok" = 8 ] && [ "${pages:-0}" -le 2048 ] && [ "${pages:-0}" -gt 2000 ] && normal; then
    pass "8 memory-hungry requests at once: each stopped at ${pages} pages (128 MiB), the server kept serving (peak RSS $((peak / 1024)) MB)"
  else fail "8 memory-hungry requests at once ($ok answered 200, $pages pages)"; fi
else fail "grow: the server did not start"; fi
stop

if start handles --limit handles=1000; then
  code=$(fault)
  read -r status count <<< "$(ints)"
  if [ "$code" = 200 ] && [ "$status" = 13 ] && [ "$count" -le 1000 ] && normal; then
    pass "open handles stop at the limit with limitexceeded ($count opened)"
  else fail "open handles stop at the limit (status ${status:-?} after ${count:-?})"; fi
else fail "handles: the server did not start"; fi
stop

if start buffer --limit buffered_body_mb=1; then
  code=$(fault)
  read -r status count <<< "$(ints)"
  if [ "$code" = 200 ] && [ "$status" = 13 ] && [ "$count" = 16 ] && normal; then
    pass "bytes buffered in unread bodies stop at the limit with limitexceeded"
  else fail "bytes buffered in unread bodies stop at the limit (status ${status:-?} after ${count:-?} writes)"; fi
else fail "buffer: the server did not start"; fi
stop

if start longline; then
  fault > /dev/null
  longest=$(awk '{ if (length($0) > m) m = length($0) } END { print m }' "$work/server.log")
  if [ "$longest" -lt 70000 ] && grep -q "line cut at 65536 bytes" "$work/server.log" && normal; then
    pass "a 1 MiB output line without a newline is cut at 64 KiB"
  else fail "a 1 MiB output line is cut (longest line $longest bytes)"; fi
else fail "longline: the server did not start"; fi
stop

if start efault; then
  code=$(fault)
  if [ "$code" = 221 ] && normal; then pass "fd_write with a pointer outside memory returns EFAULT (21)"
  else fail "fd_write with a bad pointer returns EFAULT (status $code)"; fi
else fail "efault: the server did not start"; fi
stop

for bad in bad-start no-memory-export huge-memory; do
  java -jar "$jar" --addr "127.0.0.1:$PORT" "$work/$bad.wasm" > "$work/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"; wait "$pid" 2>/dev/null
    fail "$bad.wasm is refused before listening (it started)"
  else
    wait "$pid"; rc=$?
    if [ "$rc" != 0 ] && grep -q "^error: " "$work/server.log" && ! grep -q "Listening" "$work/server.log"; then
      pass "$bad.wasm is refused before listening: $(grep -m1 '^error: ' "$work/server.log" | cut -c1-110)"
    else fail "$bad.wasm is refused before listening (exit $rc)"; fi
  fi
done

cat > "$work/fastly.toml" <<'EOF'
[local_server.backends.origin]
url = "http://127.0.0.1:99999/"
EOF
java -jar "$jar" --addr "127.0.0.1:$PORT" -C "$work/fastly.toml" "$work/proxy.wasm" > "$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid"; wait "$pid" 2>/dev/null
  fail "a backend on port 99999 is refused before listening (it started)"
else
  wait "$pid"; rc=$?
  if [ "$rc" = 1 ] && grep -q "99999" "$work/server.log"; then pass "a backend on port 99999 is refused before listening"
  else fail "a backend on port 99999 is refused (exit $rc)"; fi
fi

# ---- hostile clients

if start spin --limit header_timeout_ms=500; then
  if python3 - "$PORT" <<'EOF'
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
s.settimeout(15)
start = time.time()
try:
    closed = s.recv(1) == b""
except socket.timeout:
    closed = False
except ConnectionResetError:
    closed = True
sys.exit(0 if closed else 1)
EOF
  then
    normal && pass "a connection that never finishes its request head is closed" || fail "slowloris: no normal answer after"
  else fail "a connection that never finishes its request head is closed (still open after 15 s)"; fi
else fail "slowloris: the server did not start"; fi
stop

# an origin that records what reaches it and never sends 100 Continue
python3 - "$ORIGIN_PORT" > "$work/origin.log" 2>&1 <<'EOF' &
import socket, sys
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", int(sys.argv[1]))); srv.listen(8); srv.settimeout(120)
while True:
    try:
        c, _ = srv.accept()
    except socket.timeout:
        break
    c.settimeout(30)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = c.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    text = head.decode("latin-1")
    length = 0
    for line in text.split("\r\n")[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    got = len(rest)
    while got < length:
        chunk = c.recv(65536)
        if not chunk:
            break
        got += len(chunk)
    print("HEAD " + text.replace("\r\n", " | ") + " | BODY %d" % got, flush=True)
    c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
    c.close()
EOF
origin_pid=$!
cat > "$work/fastly.toml" <<EOF
[local_server.backends.origin]
url = "http://127.0.0.1:$ORIGIN_PORT/"
EOF
if start proxy -C "$work/fastly.toml"; then
  head -c 2097152 /dev/zero > "$work/upload"
  code=$(curl -s -m 30 -o /dev/null -w '%{http_code}' -H 'Expect: 100-continue' --data-binary @"$work/upload" "http://127.0.0.1:$PORT/upload")
  sleep 0.2
  line=$(grep "POST /upload" "$work/origin.log" | tail -1)
  if [ "$code" = 200 ] && ! echo "$line" | grep -qi "expect:" && echo "$line" | grep -qi "content-length: 2097152" \
      && ! echo "$line" | grep -qi "transfer-encoding" && echo "$line" | grep -q "BODY 2097152"; then
    pass "a 2 MiB upload with Expect: 100-continue passes, Expect stays here, Content-Length reaches the backend"
  else fail "a 2 MiB upload with Expect: 100-continue (status $code; backend saw: ${line:0:200})"; fi
  code=$(curl -s -m 30 -o /dev/null -w '%{http_code}' -X get "http://127.0.0.1:$PORT/lower")
  sleep 0.2
  if [ "$code" = 200 ] && grep -q "HEAD get /lower " "$work/origin.log"; then
    pass "the method's case reaches the backend (get stays get)"
  else fail "the method's case reaches the backend (status $code; $(grep -io 'HEAD [a-z]* /lower' "$work/origin.log"))"; fi
else fail "proxy: the server did not start"; fi
stop

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
