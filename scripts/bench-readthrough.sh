#!/usr/bin/env bash
# Readthrough cache benchmark: hit and miss latency and throughput through the testkit (JVM door) and the local
# server (samples/readthrough's main.wasm on Chicory), and the memory a cached object takes. Writes the
# "readthrough" section of docs/benchmarks.md. Run from a checkout; it installs this checkout into the local Maven
# repository first (pass --no-install when that is already done). Extra arguments go to the benchmark
# (--seconds N, --threads N, --objects N).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ "${1:-}" = "--no-install" ]; then
  shift
else
  (cd "$root" && mvn -q -B ${MAVEN_ARGS:-} install -DskipTests -Darchetype.test.skip=true -pl compiler-plugin,sdk-testkit/testkit-wasm -am)
fi

sample="$root/samples/readthrough"
(cd "$root" && mvn -q -B ${MAVEN_ARGS:-} -pl samples/readthrough package -DskipTests)   # bin/main.wasm and the test classes
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && mvn -q -B ${MAVEN_ARGS:-} -pl samples/readthrough \
  org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt")

java -Xms1g -Xmx1g \
  -cp "$sample/target/test-classes:$sample/target/classes:$(cat "$work/classpath.txt")" \
  io.github.computejava.samples.readthrough.ReadthroughBenchmark \
  --wasm "$sample/bin/main.wasm" --out "$work/section.md" "$@" > /dev/null
python3 "$root/scripts/bench_md.py" readthrough "$work/section.md"
cat "$work/section.md"
