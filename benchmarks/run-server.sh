#!/usr/bin/env bash
# Server benchmark over loopback (dev.deimos.bench.server.ServerBenchmark): append and select round
# trips and pipelined appends through DeimosClusterManager beside a plain Netty echo measured in the
# same run, and server start to serving with five modules. Not part of `mvn verify`. Usage:
#   benchmarks/run-server.sh [--runs R] [--warmup W] [--ops N]     (defaults 3, 1, 5000)
# Set SKIP_BUILD=1 to reuse the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q -pl benchmarks -am package org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -DskipTests -Dspotless.check.skip=true -Dmdep.outputFile=target/e2e.classpath
fi
CP="benchmarks/target/classes:$(cat benchmarks/target/e2e.classpath)"
exec java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  dev.deimos.bench.server.ServerBenchmark "$@"
