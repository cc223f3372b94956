#!/usr/bin/env bash
# Builds the benchmarks jar and runs the whole set with the short settings in the benchmarks'
# annotations (about 15 minutes on 2 cores), then prints scores and ratios as Markdown.
# Extra arguments go to JMH, e.g. a regex to run a subset: benchmarks/run-benchmarks.sh SearchBenchmark
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests -Pbenchmarks
exec java -cp benchmarks/target/benchmarks.jar io.github.qdrantscope.benchmarks.BenchmarkSuite \
    -rff benchmarks/target/jmh-result.json "$@"
