#!/usr/bin/env bash
# REST benchmark over loopback (dev.deimos.bench.server.RestBenchmark): REST append and selectOne
# round trips and multi-client throughput against the binary client in the same run, and the
# telemetry cost on an in-process word count. Not part of `mvn verify`. Usage:
#   benchmarks/run-rest.sh [--runs R] [--warmup W] [--ops N] [--clients C]   (defaults 3, 1, 3000, 8)
# Set SKIP_BUILD=1 to reuse the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q -pl benchmarks -am package org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -DskipTests -Dspotless.check.skip=true -Dmdep.outputFile=target/e2e.classpath
fi
CP="benchmarks/target/classes:$(cat benchmarks/target/e2e.classpath)"
exec java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  dev.deimos.bench.server.RestBenchmark "$@"
