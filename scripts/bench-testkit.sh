#!/usr/bin/env bash
# Testkit benchmark: requests per second through the JVM door (the program in-process on the host engine),
# for a hello handler (one and two threads), a proxy to a scripted backend, the same proxy answered from the
# readthrough cache (a cache-hit path), and a fan-out to three scripted backends asked at once, all in one run.
# Writes the "testkit" section of docs/benchmarks.md. Run from a checkout; pass --no-install when the reactor is already installed.
# Extra Maven flags (such as -Dmaven.repo.local=...) go in MAVEN_ARGS.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mvn_args=${MAVEN_ARGS:-}
if [ "${1:-}" != "--no-install" ]; then
  (cd "$root" && mvn -q -B $mvn_args -pl sdk-testkit/testkit -am install -DskipTests)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && mvn -q -B $mvn_args -pl sdk-testkit/testkit test-compile dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test)
cp="$root/sdk-testkit/testkit/target/classes:$root/sdk-testkit/testkit/target/test-classes:$(cat "$work/cp.txt")"
java -Xms256m -Xmx256m -cp "$cp" io.github.computejava.testkit.bench.TestkitBenchmark | tee "$work/result.txt"

row() {
  awk -v p="$1" -v t="$2" -v target="$3" '$1 == p && $2 == t {
    verdict = target == "" ? "" : ($3 >= target ? "met" : "MISSED");
    printf "| %s, %d thread%s | %d requests/s | %.1f µs | %s | %s |\n", p, t, (t > 1 ? "s" : ""), $3, $4,
      (target == "" ? "" : "at least " target " requests/s"), verdict }' "$work/result.txt"
}

out="$work/section.md"
{
  echo "## Testkit (JVM door)"
  echo
  echo "\`scripts/bench-testkit.sh\`, $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | sed -n 1p)."
  echo "Each thread drives its own \`TestHost\`; median of 5 rounds of 2 s after 30,000 warm-up requests; heap 256 MiB."
  echo "Time per request is wall time per thread (threads × 1 s / rate)."
  echo
  echo "| path | rate | time per request | target | |"
  echo "|---|---|---|---|---|"
  row hello 1 10000
  row hello 2 ""
  row proxy 1 ""
  row cache-hit 1 10000
  row fan-out 1 ""
  echo
  echo "\`hello\`: a handler that sets a header and writes 35 bytes. \`proxy\`: a handler that sends the request to"
  echo "a scripted backend answering \`Cache-Control: no-store\` (every request reaches the backend, \`X-Cache: MISS\`)"
  echo "and copies its status, headers and body. \`cache-hit\`: the same handler, the backend answering"
  echo "\`max-age=3600\`: after the warm-up every request is answered by the readthrough cache (each is checked for"
  echo "\`X-Cache: HIT\`). \`fan-out\`: a handler that sends to three scripted backends at once with \`sendAsync\`"
  echo "(delays of 100, 200 and 300 ms, which pass on the virtual clock and overlap), waits for all three with"
  echo "\`PendingRequest.awaitAll\` and writes their bodies."
} > "$out"
python3 "$root/scripts/bench_md.py" testkit "$out"
cat "$out"
