#!/usr/bin/env bash
# Checks that Fastly's own CLI drives our local server in place of Viceroy from a project outside this
# repository: generates the default starter from the archetype into a temporary directory, builds it with the
# published artifacts only (the local Maven repository), serves it with the launcher its build wrote,
#
#   fastly compute serve --skip-build --viceroy-path=target/compute-java-serve
#
# as the generated README says, requests it with curl and checks the answer. Exits 0 when the answer is right, 1
# when anything fails, 2 when Fastly's CLI is not found.
#
# Prerequisites: `mvn install` of this checkout (the archetype, the SDK and the Maven plugin);
# Fastly's CLI, found as $FASTLY_CLI, in $JS_TOOLS_DIR (default .ci/tools, where scripts/install-js-tools.sh
# puts it) under node_modules/.bin/fastly or node_modules/@fastly/cli-linux-x64/fastly, or on the PATH.
# Environment: MAVEN_ARGS (extra Maven flags such as -Dmaven.repo.local=... or -o), PORT (default 7932),
# TIMEOUT (seconds to wait for the server, default 120).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
port=${PORT:-7932}
timeout=${TIMEOUT:-120}
mvn_args=${MAVEN_ARGS:-}
version=$(awk -F'[<>]' '/^  <version>/ { print $3; exit }' "$root/pom.xml")

fail() {
  echo "check-fastly-cli: FAILED: $*" >&2
  exit 1
}

# --- Fastly's CLI
tools=${JS_TOOLS_DIR:-$root/.ci/tools}
cli=""
for candidate in "${FASTLY_CLI:-}" "$tools/node_modules/.bin/fastly" \
  "$tools/node_modules/@fastly/cli-linux-x64/fastly" "$(command -v fastly 2>/dev/null || true)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    cli=$candidate
    break
  fi
done
if [ -z "$cli" ]; then
  echo "check-fastly-cli: Fastly's CLI not found (run scripts/install-js-tools.sh, or set FASTLY_CLI)" >&2
  exit 2
fi
work=$(mktemp -d)
cli_pid=""
cleanup() {
  if [ -n "$cli_pid" ]; then
    # the CLI runs in its own process group (setsid): end it and the server it started
    kill -- "-$cli_pid" 2>/dev/null || kill "$cli_pid" 2>/dev/null || true
    wait "$cli_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# --- the default starter, generated and built as a user would
echo "check-fastly-cli: generating the default starter ($version) in $work" >&2
project=$(MAVEN_ARGS="$mvn_args" "$root/scripts/generate-starter.sh" "$work") || fail "the archetype did not generate the starter"
# shellcheck disable=SC2086
(cd "$project" && mvn -q -B $mvn_args package -DskipTests > "$work/build.log" 2>&1) ||
  { cat "$work/build.log" >&2; fail "the starter did not build"; }
[ -f "$project/bin/main.wasm" ] || fail "the starter's build wrote no bin/main.wasm"
[ -x "$project/target/compute-java-serve" ] || fail "the starter's build wrote no target/compute-java-serve"
# nothing the project holds or its build wrote may lead back into this checkout
if grep -rlF "$root" "$project" --exclude-dir=.git > "$work/pointers.txt" 2>/dev/null; then
  cat "$work/pointers.txt" >&2
  fail "the generated project points into $root"
fi
grep -qF 'fastly compute serve --viceroy-path=target/compute-java-serve' "$project/README.md" ||
  fail "the generated README does not say how to serve with Fastly's CLI"

# --- served by Fastly's CLI through our server
echo "check-fastly-cli: $("$cli" version 2>/dev/null | sed -n 1p)" >&2
cd "$project"
: > "$work/serve.log"
if command -v setsid >/dev/null 2>&1; then
  setsid "$cli" compute serve --skip-build --viceroy-path=target/compute-java-serve \
    --addr "127.0.0.1:$port" > "$work/serve.log" 2>&1 < /dev/null &
else
  "$cli" compute serve --skip-build --viceroy-path=target/compute-java-serve \
    --addr "127.0.0.1:$port" > "$work/serve.log" 2>&1 < /dev/null &
fi
cli_pid=$!
waited=0
until grep -q "Listening on http://127.0.0.1:$port" "$work/serve.log"; do
  if ! kill -0 "$cli_pid" 2>/dev/null; then
    cat "$work/serve.log" >&2
    fail "fastly compute serve exited before the server listened"
  fi
  waited=$((waited + 1))
  if [ "$waited" -gt $((timeout * 5)) ]; then
    cat "$work/serve.log" >&2
    fail "the server did not listen within $timeout s"
  fi
  sleep 0.2
done

status=$(curl -s -o "$work/body.txt" -w '%{http_code}' "http://127.0.0.1:$port/checked/by/curl") ||
  fail "curl could not reach http://127.0.0.1:$port/"
body=$(cat "$work/body.txt")
expected="Hello from Java on Fastly Compute! You asked for /checked/by/curl"
if [ "$status" != "200" ] || [ "$body" != "$expected" ]; then
  cat "$work/serve.log" >&2
  fail "expected 200 \"$expected\", got $status \"$body\""
fi
echo "check-fastly-cli: OK: fastly compute serve --viceroy-path=target/compute-java-serve answered 200 \"$body\""
