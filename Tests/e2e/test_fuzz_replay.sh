#!/bin/sh
# Every committed fuzz input (seed corpora and crashes turned into regression cases) goes through
# the same targets as the fuzzer, in the normal build: no crash, no hang.
set -e
if [ -n "$BACKTRIAGE_SHIPPED" ]; then
  echo "the fuzz replayer is a test tool, not shipped: it runs with the debug build"
  exit 0
fi
fuzz="$(dirname "$BACKTRIAGE")/backtriage-fuzz"
root="$(cd "$(dirname "$0")/../.." && pwd)"
for t in questionnaire expression answers; do
  timeout 120 "$fuzz" "$t" "$root/Fuzz/corpus/$t" "$root/Fuzz/regressions/$t"
done
