#!/usr/bin/env bash
# End-to-end word-count comparison (Deimos vs Kafka Streams vs Flink); prints one table.
# Not part of `mvn verify`. Usage:
#   benchmarks/run-e2e.sh [--records N] [--vocab V] [--warmup W] [--runs R] [--only kafka,flink,deimos]
# Defaults: 1,000,000 records, 100,000-word vocabulary, 1 warm-up + 3 measured runs.
# Set SKIP_BUILD=1 to reuse the last build; HARNESS_HEAP to change the harness heap (default 2g);
# HARNESS_JVM_OPTS adds JVM flags (e.g. -Dbench.threads=true: per-thread CPU of each Deimos run).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # Package the reactor modules the benchmarks need, then write the benchmarks' class path.
  ./mvnw -B -q -pl benchmarks -am package org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -DskipTests -Dspotless.check.skip=true -Dmdep.outputFile=target/e2e.classpath
fi

CP="benchmarks/target/classes:$(cat benchmarks/target/e2e.classpath)"

# Flink on Java 17 needs these packages opened to its serializers and closure cleaner.
OPENS=()
for p in java.lang java.lang.reflect java.util java.util.concurrent java.io java.net java.nio \
  java.text java.time sun.nio.ch; do
  OPENS+=("--add-opens=java.base/${p}=ALL-UNNAMED")
done

# ZGC: with G1 the young pauses (100-150 ms at a 2 GB heap holding the in-memory depots) set the
# open-loop p99 of every contestant; HARNESS_GC=-XX:+UseG1GC measures that instead.
exec java -Xms1g -Xmx"${HARNESS_HEAP:-2g}" ${HARNESS_GC:--XX:+UseZGC} ${HARNESS_JVM_OPTS:-} "${OPENS[@]}" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=error \
  -Dorg.slf4j.simpleLogger.log.org.apache.flink=error \
  -cp "$CP" dev.deimos.bench.e2e.Harness "$@"
