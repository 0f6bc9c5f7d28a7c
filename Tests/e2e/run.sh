#!/bin/sh
# Runs every end-to-end test (Tests/e2e/test_*.sh and test_*.py) against $BACKTRIAGE, the real
# binary, and prints "N passed, N failed". Each test exits 0 when it passes.
dir=$(cd "$(dirname "$0")" && pwd)
: "${BACKTRIAGE:?set BACKTRIAGE to the backtriage binary}"
export BACKTRIAGE
if [ -n "$BACKTRIAGE_SHIPPED" ]; then
  # An installed build: the questionnaires it ships beside it, as users get them.
  export BACKTRIAGE_QUESTIONNAIRES="$(cd "$(dirname "$BACKTRIAGE")/../share/backtriage" && pwd)"
else
  export BACKTRIAGE_QUESTIONNAIRES="$dir/../../Questionnaires"
fi
echo "e2e: testing $BACKTRIAGE"
# The language comes from the locale unless --lang says otherwise: start every test in English.
export LANG=C.UTF-8
unset LC_ALL LC_MESSAGES
export VIGNETTES="${VIGNETTES:-$dir/../../../shared/vignettes/examples.json}"
passed=0; failed=0; failures=""
for t in "$dir"/test_*.sh "$dir"/test_*.py; do
  [ -e "$t" ] || continue
  name=$(basename "$t")
  case "$t" in *.py) runner=${PYTHON:-python3} ;; *) runner=sh ;; esac
  # Each test gets a history of its own (and never the user's): a result one test records
  # would otherwise start the next test's questionnaire with the check-in choice.
  data=$(mktemp -d "${TMPDIR:-/tmp}/backtriage-e2e-data-XXXXXX")
  if out=$(XDG_DATA_HOME="$data" $runner "$t" 2>&1); then
    passed=$((passed + 1)); echo "ok   $name"
  else
    failed=$((failed + 1)); failures="$failures $name"; echo "FAIL $name"; echo "$out" | sed 's/^/     /' | tail -40
  fi
  rm -rf "$data"
done
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
