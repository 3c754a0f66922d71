#!/usr/bin/env bash
# Proxy benchmark (dev.deimos.bench.reactive.ProxyBenchmark): module throughput with and without
# 10,000 idle proxies, and diff delivery latency (append to callback) at half that throughput,
# in process and over loopback, in the same run. Not part of `mvn verify`. Usage:
#   benchmarks/run-proxy.sh [--runs R] [--warmup W] [--records N] [--seconds S] [--idle P]
# Set SKIP_BUILD=1 to reuse the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q -pl benchmarks -am package org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -DskipTests -Dspotless.check.skip=true -Dmdep.outputFile=target/e2e.classpath
fi
CP="benchmarks/target/classes:$(cat benchmarks/target/e2e.classpath)"
exec java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  dev.deimos.bench.reactive.ProxyBenchmark "$@"
