#!/usr/bin/env bash
# Runs every test of cdt: unit tests and the integration tests against a real sshd on loopback.
# Installs what the tests need (openssh-server) when it is missing, builds, runs, and ends with
# the line "N passed, N failed, N skipped" computed from the test results (TRX files).
# Exit code: 0 when every test passed, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")"

need_sshd() { [ -x /usr/sbin/sshd ] || command -v sshd >/dev/null 2>&1; }
if ! need_sshd; then
  echo "test.sh: installing openssh-server for the integration tests..." >&2
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo -n"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get install -y -qq openssh-server >/dev/null 2>&1 \
    || { $sudo_cmd apt-get update -qq >/dev/null 2>&1 && $sudo_cmd apt-get install -y -qq openssh-server >/dev/null 2>&1; } \
    || echo "test.sh: could not install openssh-server; the sshd integration tests will fail" >&2
fi

# The browser test opens report.html in Debian's chromium; without it that test is skipped, never failed.
if [ ! -x /usr/bin/chromium ]; then
  echo "test.sh: installing chromium for the report's browser test..." >&2
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo -n"; fi
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null 2>&1 \
    || { $sudo_cmd apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null 2>&1; } \
    || echo "test.sh: could not install chromium; the browser test will be skipped" >&2
fi

results="$(pwd)/TestResults"
rm -rf "$results"
mkdir -p "$results"

if ! dotnet build Cdt.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "test.sh: the build failed; no test ran" >&2
  echo "0 passed, 0 failed"
  exit 1
fi

dotnet test Cdt.sln -c Release --no-build -nologo --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
status=$?

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
if [ ${#trx_files[@]} -eq 0 ]; then
  echo "test.sh: no test results were written" >&2
  status=1
fi

echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
exit 0
