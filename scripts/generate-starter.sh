#!/usr/bin/env bash
# Generates the default starter (archetype compute-java-starter-default, this checkout's version) as a user
# would, into DIR/starter (package com.example.starter), and prints that directory. The archetype must be
# installed (`mvn install`). Extra Maven flags (-o, -Dmaven.repo.local=...) go in MAVEN_ARGS.
#
#   project=$(scripts/generate-starter.sh "$(mktemp -d)")
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 DIR" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd -P)
version=$(awk -F'[<>]' '/^  <version>/ { print $3; exit }' "$root/pom.xml")
mkdir -p "$1"
dir=$(cd "$1" && pwd -P)
# shellcheck disable=SC2086
(cd "$dir" && mvn -q -B ${MAVEN_ARGS:-} org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate \
  -DarchetypeGroupId=io.github.computejava -DarchetypeArtifactId=compute-java-starter-default \
  -DarchetypeVersion="$version" -DgroupId=com.example -DartifactId=starter -Dversion=1.0-SNAPSHOT \
  -Dpackage=com.example.starter -DinteractiveMode=false > "$dir/generate.log" 2>&1) ||
  { cat "$dir/generate.log" >&2; echo "generate-starter: the archetype did not generate the starter" >&2; exit 1; }
echo "$dir/starter"
