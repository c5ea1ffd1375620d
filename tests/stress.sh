#!/usr/bin/env bash
# Runs the integration tests (real sshd on loopback, the gateway emulator) while every core of the
# machine is kept busy by a `yes > /dev/null`, as on a build machine where another build runs: the
# suite must pass there too. Builds first (outside the lock, before the load starts), then takes
# /tmp/cdt-integration.lock, the lock every integration run on a shared machine takes, so the load
# starts only once it is this run's turn. Ends with the line "N passed, N failed, N skipped", as
# ../test.sh does, after the run's wall time.
# Usage: tests/stress.sh [dotnet test arguments, e.g. --filter FullyQualifiedName~Procedures]
# Exit code: 0 when every test passed, 1 otherwise.
set -uo pipefail
self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$self")/.."

lock=/tmp/cdt-integration.lock
if [ -z "${CDT_STRESS_LOCKED:-}" ]; then
  if ! dotnet build Cdt.sln -c Release -nologo -clp:ErrorsOnly; then
    echo "stress.sh: the build failed; no test ran" >&2
    echo "0 passed, 0 failed, 0 skipped"
    exit 1
  fi
  # -o: the lock stays with flock itself, not with the sshd daemons the tests start.
  CDT_STRESS_LOCKED=1 exec flock -o "$lock" "$self" "$@"
fi

busy=()
stop_load() {
  for pid in "${busy[@]}"; do kill "$pid" 2>/dev/null; done
  busy=()
}
trap stop_load EXIT
trap 'exit 130' INT TERM
cores=$(nproc)
for _ in $(seq "$cores"); do
  yes > /dev/null &
  busy+=("$!")
done
echo "stress.sh: ${cores} core(s) kept busy by yes > /dev/null (PIDs ${busy[*]})" >&2

results="$(pwd)/TestResults/stress"
rm -rf "$results"
mkdir -p "$results"
started=$(date +%s)
dotnet test tests/Cdt.IntegrationTests -c Release --no-build -nologo --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@"
status=$?
elapsed=$(( $(date +%s) - started ))
stop_load

echo "stress.sh: the integration tests took ${elapsed} s with ${cores} core(s) busy"
tests/trx-summary.sh "$results" || status=1
exit $((status == 0 ? 0 : 1))
