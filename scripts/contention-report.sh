#!/usr/bin/env bash
# Aggregates qdrant-scope's per-fork reports (target/qdrant-scope/fork-<id>.json) into one table and fails
# when any fork saw contention.
#
#   scripts/contention-report.sh [--allow-contention FORK]... [--require-work] [REPORT.json | DIRECTORY]...
#
# Default input: every demo-app/target/qdrant-scope/fork-*.json (or ./target/qdrant-scope when run inside a
# module). --allow-contention names a fork whose contention is expected (the reproduction provokes some on
# purpose); it is shown but does not fail the run. --require-work also fails a fork that reports no operations,
# no collections or no cleanups: "no contention" only means something when the suite's work went through
# qdrant-scope.
# Exit status: 0 no unexpected contention, 1 contention (or no work under --require-work), 2 usage error or no
# reports.
set -euo pipefail

allowed=()
inputs=()
require_work=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --allow-contention) allowed+=("${2:?--allow-contention needs a fork id}"); shift 2 ;;
    --require-work) require_work=true; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) inputs+=("$1"); shift ;;
  esac
done

if ! command -v jq >/dev/null 2>&1; then
  echo "contention-report: jq is required (apt-get install jq / brew install jq)" >&2
  exit 2
fi

if [[ ${#inputs[@]} -eq 0 ]]; then
  for dir in demo-app/target/qdrant-scope target/qdrant-scope; do
    [[ -d "$dir" ]] && inputs+=("$dir") && break
  done
fi

files=()
for input in "${inputs[@]}"; do
  if [[ -d "$input" ]]; then
    while IFS= read -r file; do files+=("$file"); done < <(find "$input" -maxdepth 1 -name 'fork-*.json' | sort)
  elif [[ -f "$input" ]]; then
    files+=("$input")
  else
    echo "contention-report: no such report or directory: $input" >&2
    exit 2
  fi
done
if [[ ${#files[@]} -eq 0 ]]; then
  echo "contention-report: no fork-*.json reports found (run the tests first; looked in: ${inputs[*]:-nothing})" >&2
  exit 2
fi

kinds=(collection_claim foreign_point unscoped_read unscoped_write unscoped_delete)
header="fork	collection	operations	$(IFS=$'\t'; echo "${kinds[*]}")	cleanups	cleanup_s"
rows=$(jq -r --argjson kinds "$(printf '%s\n' "${kinds[@]}" | jq -R . | jq -s .)" '
  def meter($name): [.meters[] | select(.name == $name)];
  def total($name; $stat): (meter($name) | map(.values[$stat] // 0) | add) // 0;
  [ .fork,
    ((.collections // []) | join(",") | if . == "" then "-" else . end),
    (total("qdrant.scope.operations"; "count") | floor),
    ($kinds[] as $k | ([.meters[] | select(.name == "qdrant.scope.contention" and .tags.kind == $k) | .values.count // 0] | add // 0) | floor),
    (total("qdrant.scope.cleanup"; "count") | floor),
    (total("qdrant.scope.cleanup"; "total") * 1000 | round / 1000)
  ] | @tsv' "${files[@]}")

{ echo "$header"; echo "$rows"; } | awk -F'\t' '
  { for (i = 1; i <= NF; i++) { cell[NR, i] = $i; if (length($i) > width[i]) width[i] = length($i) } if (NF > cols) cols = NF }
  END { for (r = 1; r <= NR; r++) { line = ""; for (i = 1; i <= cols; i++) line = line sprintf("%-" width[i] "s  ", cell[r, i]); sub(/ +$/, "", line); print line } }'

status=0
while IFS=$'\t' read -r fork collection operations c1 c2 c3 c4 c5 cleanups _rest; do
  if $require_work && { [[ "$operations" -eq 0 ]] || [[ "$collection" == "-" ]] || [[ "$cleanups" -eq 0 ]]; }; then
    echo "fork $fork: operations $operations, collections $collection, cleanups $cleanups -- the suite's work did not go through qdrant-scope (--require-work)" >&2
    status=1
  fi
  contention=$((c1 + c2 + c3 + c4 + c5))
  [[ $contention -eq 0 ]] && continue
  expected=false
  for allowed_fork in "${allowed[@]+"${allowed[@]}"}"; do
    [[ "$allowed_fork" == "$fork" ]] && expected=true
  done
  if $expected; then
    echo "fork $fork: $contention contention events (expected: --allow-contention $fork)"
  else
    echo "fork $fork: $contention contention events -- tests shared Qdrant data; see the kinds above" >&2
    status=1
  fi
done <<< "$rows"
[[ $status -eq 0 ]] && echo "qdrant-scope: no unexpected contention in ${#files[@]} fork report(s)$($require_work && echo ", each with work counted")"
exit $status
