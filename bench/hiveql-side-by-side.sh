#!/usr/bin/env bash
# HiveQL side by side (BENCHMARKS.md): the same questions over the 3 million flights asked with
# Hive's built-ins and with hive-features, on an embedded HiveServer2 4.0.1. Run from anywhere;
# ROUNDS (default 3) measured runs per query. Needs a JDK 17 and npm, like ./run-example.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -DskipTests package -pl dist,embedded -am
if [ ! -f .data/npm/node_modules/vega-datasets/data/flights-3m.parquet ]; then
  npm install --prefix .data/npm --no-audit --no-fund --loglevel=error vega-datasets@3.2.1 >/dev/null
fi
version=$(sed -n 's/^version=//p' udfs/target/classes/io/github/hivefeatures/version.properties)
mkdir -p embedded/target/side-by-side/tmp
cd embedded/target/side-by-side   # Hadoop's local job runner writes into the working directory
exec java -Xmx3g $(cat ../../../.mvn/jvm-opens.txt) \
  -Djava.io.tmpdir="$PWD/tmp" -Dderby.stream.error.file="$PWD/derby.log" \
  -Dlog4j2.level=ERROR -Dlog4j.configurationFile=log4j2-example.properties \
  -cp "../hive-features-embedded-${version}.jar:$(cat ../runtime-classpath.txt)" \
  io.github.hivefeatures.embedded.SideBySide --root ../../.. --jar "../../../dist/target/hive-features-${version}.jar" \
  --rounds "${ROUNDS:-3}"
