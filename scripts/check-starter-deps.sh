#!/usr/bin/env bash
# A project generated from the default starter tests its handler on the JVM door alone: its test classpath must
# hold neither Chicory (the Wasm runtime) nor Jetty's server (both belong to the local server), and its tests must
# still run. Generates the starter as a user would, prints its test-scope dependency tree, fails on either, then
# runs `mvn test` and checks that tests ran. The artifacts must be installed (`mvn install`); extra Maven flags go
# in MAVEN_ARGS.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
project=$("$root/scripts/generate-starter.sh" "$work")
cd "$project"
# shellcheck disable=SC2086
mvn -B -ntp ${MAVEN_ARGS:-} dependency:tree -Dscope=test > "$work/tree.txt" 2>&1 ||
  { cat "$work/tree.txt" >&2; echo "check-starter-deps: dependency:tree failed" >&2; exit 1; }
bad=$(grep -E 'com\.dylibso\.chicory|org\.eclipse\.jetty(\.ee[0-9]+)?:jetty-server' "$work/tree.txt" || true)
if [ -n "$bad" ]; then
  sed -n '/maven-dependency-plugin/,$p' "$work/tree.txt" >&2
  echo "check-starter-deps: the starter's test classpath holds what only the local server needs:" >&2
  echo "$bad" >&2
  exit 1
fi
# shellcheck disable=SC2086
mvn -B -ntp ${MAVEN_ARGS:-} test > "$work/test.txt" 2>&1 ||
  { tail -n 60 "$work/test.txt" >&2; echo "check-starter-deps: the starter's tests failed" >&2; exit 1; }
ran=$(sed -n 's/^\[INFO\] Tests run: \([0-9]*\), Failures: 0, Errors: 0.*/\1/p' "$work/test.txt" | tail -n 1)
if [ -z "$ran" ] || [ "$ran" -eq 0 ]; then
  tail -n 40 "$work/test.txt" >&2
  echo "check-starter-deps: no test ran in the generated starter" >&2
  exit 1
fi
jars=$(grep -cE '^\[INFO\] [|+\\ -]+[a-z]' "$work/tree.txt" || true)
echo "check-starter-deps: no Chicory and no Jetty server among the starter's $jars test dependencies; $ran tests ran on the JVM door"
