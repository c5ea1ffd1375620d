#!/usr/bin/env bash
# Prints "N passed, N failed, N skipped" for the test results (TRX files) in a folder, from the
# counters each TRX file ends with. Shared by ../test.sh and stress.sh.
# Usage: tests/trx-summary.sh RESULTS_FOLDER
# Exit code: 0 when at least one TRX file was found and nothing failed, 1 otherwise.
set -uo pipefail
results="${1:?usage: trx-summary.sh RESULTS_FOLDER}"

passed=0; failed=0; skipped=0
shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted) + $(get inconclusive)))
done

status=0
if [ ${#trx_files[@]} -eq 0 ]; then
  echo "trx-summary.sh: no test results were written in $results" >&2
  status=1
fi

echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$failed" -ne 0 ]; then
  status=1
fi
exit "$status"
