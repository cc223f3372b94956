#!/usr/bin/env bash
# Aggregates qdrant-scope's per-fork reports (target/qdrant-scope/fork-<id>.json) into one table and fails
# when any fork saw contention. A thin wrapper around the check that ships in scope-core's jar (no jq, no
# dependencies: `java -cp qdrant-scope-core.jar io.github.qdrantscope.core.metrics.ContentionReportMain ...`).
#
#   scripts/contention-report.sh [--allow-contention FORK]... [--require-contention FORK]... [--require-work]
#                                [REPORT.json | DIRECTORY]...
#
# Default input: demo-app/target/qdrant-scope (or ./target/qdrant-scope when run inside a module).
# --allow-contention names a fork whose contention is expected; --require-contention one that must have some (a
# reproduction that reproduced nothing fails) and a report; --require-work fails a fork that reports no operations,
# no collections or no cleanups. Exit status: 0 no unexpected contention, 1 contention (or a rule above), 2 usage
# error or no reports. Needs this repository's scope-core built (./mvnw -pl scope-core -am package).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
case "${1:-}" in -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
classes=$(ls "$root"/scope-core/target/qdrant-scope-core-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -n 1 || true)
[[ -n "$classes" ]] || classes="$root/scope-core/target/classes"
if [[ ! -f "$classes/io/github/qdrantscope/core/metrics/ContentionReportMain.class" && ! -f "$classes" ]]; then
  echo "contention-report: scope-core is not built (./mvnw -B -ntp -pl scope-core -am package -DskipTests)" >&2
  exit 2
fi
args=("$@")
has_input=false
for arg in "$@"; do [[ "$arg" != --* ]] && has_input=true; done
if ! $has_input; then
  for dir in demo-app/target/qdrant-scope target/qdrant-scope; do
    [[ -d "$dir" ]] && args+=("$dir") && break
  done
fi
exec java -cp "$classes" io.github.qdrantscope.core.metrics.ContentionReportMain "${args[@]+"${args[@]}"}"
