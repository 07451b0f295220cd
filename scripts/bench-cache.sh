#!/usr/bin/env bash
# Cache benchmark: operations per second of the simple and core cache APIs in the testkit path (the SDK on the
# JVM over the engine, one thread, cache hits). Writes the "cache" section of docs/benchmarks.md.
# Usage: scripts/bench-cache.sh [seconds per operation, default 3]; extra Maven flags via MAVEN_ARGS.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-3}
cd "$root"
mvn -q -B ${MAVEN_ARGS:-} install -pl sdk-testkit/engine -am -DskipTests
mvn -q -B ${MAVEN_ARGS:-} test-compile -pl sdk-testkit/engine
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -q -B ${MAVEN_ARGS:-} dependency:build-classpath -pl sdk-testkit/engine -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp.txt"
cp="sdk-testkit/engine/target/test-classes:sdk-testkit/engine/target/classes:$(cat "$work/cp.txt")"
rows=$(java -cp "$cp" io.github.computejava.cache.CacheBenchmark "$seconds")

out="$work/section.md"
cat > "$out" <<MD
## Cache APIs in the testkit

\`scripts/bench-cache.sh\`, $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | sed -n 1p).
The SDK on the JVM over the engine (one sandbox, one thread), 1000 keys of 1 KiB values, all hits;
${seconds} s measured per operation after a warm-up.

| operation | ops/s | per op |
|---|---|---|
$rows
MD
python3 "$root/scripts/bench_md.py" cache "$out"
cat "$out"
