#!/usr/bin/env bash
# Checks the development loop of `mvn compute:serve`: generates the default starter into a temporary directory,
# gives it a program that proxies /cached to a backend with a 300 s TTL and answers everything else with its
# version, serves it with `mvn compute:serve`, then edits the source while it serves, and checks that
#
#   - the new answer comes within TIMEOUT seconds, the old program answering every request until then (no request
#     fails, and once the new answer is seen the old one never comes back);
#   - the object cached by the old program is still a HIT, served by the new one (the cache survives the swap);
#   - a source that does not compile prints the compiler's error and the last good program keeps serving;
#   - a broken fastly.toml is reported and the previous configuration kept.
#
# It prints the time from saving the file to the first new answer, for the first edit and for a second one (the
# first rebuild may still warm the compilers up). With --record it writes them to docs/benchmarks.md ("watch").
#
# Prerequisites: `mvn install` of this checkout. Environment: MAVEN_ARGS (extra Maven flags such as -o or
# -Dmaven.repo.local=...), PORT (default 7941; PORT+1 is the demo origin), TIMEOUT (seconds, default 60).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
port=${PORT:-7941}
origin_port=$((port + 1))
timeout=${TIMEOUT:-60}
mvn_args=${MAVEN_ARGS:-}
record=0
if [ "${1:-}" = "--record" ]; then
  record=1
fi

fail() {
  echo "check-watch: FAILED: $*" >&2
  [ -f "${work:-/nonexistent}/serve.log" ] && tail -40 "$work/serve.log" >&2
  exit 1
}

work=$(mktemp -d)
serve_pid=""
cleanup() {
  if [ -n "$serve_pid" ]; then
    kill -- "-$serve_pid" 2>/dev/null || kill "$serve_pid" 2>/dev/null || true
    wait "$serve_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

now() { date +%s.%N; }
since() { python3 -c "import sys; print('%.1f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$1" "$(now)"; }

echo "check-watch: generating the default starter in $work" >&2
project=$(MAVEN_ARGS="$mvn_args" "$root/scripts/generate-starter.sh" "$work") || fail "the archetype did not generate the starter"
main="$project/src/main/java/com/example/starter/Main.java"
cat > "$main" <<'EOF'
package com.example.starter;

import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.fsthttp.Compute;
import io.github.computejava.fsthttp.Response;
import java.time.Duration;

public final class Main {
    private static final String VERSION = "one";

    private Main() {}

    public static void main(String[] args) {
        Compute.serve((request, w) -> {
            w.headers().set("X-Version", VERSION);
            if (request.path().startsWith("/cached")) {
                request.cacheOptions(CacheOptions.builder().ttl(Duration.ofSeconds(300)).build());
                try (Response r = request.send("origin")) {
                    w.headers().set("X-Cache", r.headers().get("X-Cache").orElse("-"));
                    w.status(r.status());
                    r.body().transferTo(w.body());
                }
                return;
            }
            w.write("version " + VERSION + "\n");
        });
    }
}
EOF
cat >> "$project/fastly.toml" <<EOF

[local_server.backends.origin]
url = "http://127.0.0.1:$origin_port/"
EOF
rm -rf "$project/src/test"

echo "check-watch: serving it with mvn compute:serve on 127.0.0.1:$port" >&2
cd "$project"
# shellcheck disable=SC2086
setsid mvn -B $mvn_args compute:serve -DskipTests -Dcompute.addr="127.0.0.1:$port" \
  -Dcompute.embeddedOrigin="127.0.0.1:$origin_port" > "$work/serve.log" 2>&1 < /dev/null &
serve_pid=$!
waited=0
until grep -q "Watching" "$work/serve.log"; do
  kill -0 "$serve_pid" 2>/dev/null || fail "mvn compute:serve exited before it served"
  waited=$((waited + 1))
  [ "$waited" -le $((timeout * 10 * 3)) ] || fail "mvn compute:serve did not serve within $((timeout * 3)) s"
  sleep 0.1
done

url="http://127.0.0.1:$port"
body() { curl -sS --max-time 10 "$url$1"; }
cache_of() { curl -sS --max-time 10 -o /dev/null -D - "$url$1" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-cache" { print $2 }'; }
version_of() { curl -sS --max-time 10 -o /dev/null -D - "$url$1" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-version" { print $2 }'; }

[ "$(body /)" = "version one" ] || fail "the first program answered '$(body /)'"
[ "$(cache_of /cached/page)" = "MISS" ] || fail "the first request for /cached/page was not a MISS"
[ "$(cache_of /cached/page)" = "HIT" ] || fail "the second request for /cached/page was not a HIT"

# edits the source from version $1 to $2 and waits for the new answer; prints the seconds it took
edit() {
  local from=$1 to=$2 started answer seen_new=0 n=0
  started=$(now)
  sed -i "s/VERSION = \"$from\"/VERSION = \"$to\"/" "$main"
  while true; do
    answer=$(body /) || fail "a request failed while the program was rebuilt"
    case "$answer" in
      "version $from")
        [ "$seen_new" -eq 0 ] || fail "the old program answered after the new one had"
        ;;
      "version $to")
        if [ "$seen_new" -eq 0 ]; then
          seen_new=1
          since "$started"
        fi
        n=$((n + 1))
        [ "$n" -lt 20 ] || break
        ;;
      *) fail "unexpected answer '$answer'" ;;
    esac
    if [ "$seen_new" -eq 0 ] && [ "$(since "$started" | cut -d. -f1)" -ge "$timeout" ]; then
      fail "the edit to version $to was not served within $timeout s"
    fi
    sleep 0.05
  done
}

first=$(edit one two)
echo "check-watch: the first edit was served after $first s" >&2
[ "$(cache_of /cached/page)" = "HIT" ] || fail "the object cached before the swap was not a HIT after it"
[ "$(version_of /cached/page)" = "two" ] || fail "the cached object was not served by the new program"
second=$(edit two three)
echo "check-watch: the second edit was served after $second s" >&2

# a source that does not compile: the compiler's error is printed and the last good program keeps serving
sed -i 's/VERSION = "three";/VERSION = "four"/' "$main"
waited=0
until grep -q "the build failed; still serving version" "$work/serve.log"; do
  waited=$((waited + 1))
  [ "$waited" -le $((timeout * 10)) ] || fail "the failed build was not reported"
  sleep 0.1
done
grep -q "COMPILATION ERROR" "$work/serve.log" || fail "the compiler's error was not printed"
[ "$(body /)" = "version three" ] || fail "the last good program did not keep serving after a failed build"

# a fastly.toml that does not parse: reported, the previous configuration kept
echo "broken = [" >> "$project/fastly.toml"
waited=0
until grep -q "keeping the previous configuration" "$work/serve.log"; do
  waited=$((waited + 1))
  [ "$waited" -le $((timeout * 10)) ] || fail "the broken fastly.toml was not reported"
  sleep 0.1
done
[ "$(cache_of /cached/page)" = "HIT" ] || fail "the origin backend was lost with the broken fastly.toml"

echo "check-watch: OK: edits served after $first s and $second s; the cache survived; a failed build and a broken fastly.toml kept what was served"

if [ "$record" -eq 1 ]; then
  cores=$(nproc 2>/dev/null || echo "?")
  java=$(java -version 2>&1 | head -1)
  cat > "$work/section.md" <<EOF
## Development loop (scripts/check-watch.sh)

\`scripts/check-watch.sh --record\`, $(date +%Y-%m-%d), $cores cores, $java.
A project generated from the default starter, served by \`mvn compute:serve\`; the time from saving \`Main.java\`
to the first answer from the rebuilt program (javac, TeaVM, the ABI check and loading it, all in the running Maven).

| edit | time to the new answer | target | |
|---|---|---|---|
| first after start | $first s |  |  |
| second | $second s | at most 5 s | $(python3 -c "import sys; print('met' if float(sys.argv[1]) <= 5 else 'not met')" "$second") |

The first rebuild runs TeaVM's classes still cold from the JIT's point of view; later ones are faster.
EOF
  python3 "$root/scripts/bench_md.py" watch "$work/section.md"
fi
