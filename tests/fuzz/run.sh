#!/usr/bin/env bash
# Short, time-boxed fuzzing of libmxlite's C ABI (issue 5, reliability), for the test
# command: each target runs FUZZ_SECONDS (default 20) from its committed seed corpus,
# two at a time (FUZZ_JOBS), so the four targets take about 40 s on 2 cores, with a
# fixed libFuzzer seed (FUZZ_SEED, default 1) so that a run is repeatable. New corpus entries go to a
# scratch folder (the committed corpus stays small); a crash or contract violation
# fails the run and leaves the input under $FUZZ_OUT/<target>/ (printed).
#
# Long run (hours, e.g. nightly; a random seed explores new ground every time):
#   FUZZ_SEED=0 FUZZ_SECONDS=3600 FUZZ_OUT=/tmp/mxl-fuzz bash tests/fuzz/run.sh
# or one target with any libFuzzer options:
#   python3 tests/fuzz/fuzz_op_params.py -max_total_time=3600 -jobs=2 /tmp/corpus tests/fuzz/corpus/op_params
# Every crash found becomes a file under tests/fuzz/regressions/<target>/ (replayed by
# tests/python/test_fuzz_regressions.py) and a fix in the core.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PY=${PYTHON:-python3}
SECONDS_PER_TARGET=${FUZZ_SECONDS:-20}
OUT=${FUZZ_OUT:-$(mktemp -d /tmp/mxl-fuzz.XXXXXX)}
export PYTHONPATH=$ROOT/python${PYTHONPATH:+:$PYTHONPATH}

if ! $PY -c "import atheris" 2>/dev/null; then
  $PY -m pip install -q --disable-pip-version-check "atheris>=2.3" 2>&1 | grep -v "Running pip as the 'root'" || true
fi
if ! $PY -c "import atheris" 2>/dev/null; then
  echo "fuzz: 0 passed, 1 failed (atheris is not installable here)"; exit 1
fi

# One target: its verdict line goes to $OUT/<target>/verdict, "ok" or "FAILED" first.
fuzz_one() {
  local target=$1 work=$OUT/$1
  mkdir -p "$work/corpus" "$work/crashes"
  local log=$work/log.txt
  # -rss_limit_mb: a leak or a runaway allocation is a finding, not a stuck machine.
  # timeout: a process that hangs (libFuzzer's crash handler can deadlock after heap
  # corruption) is a failure too, not a test run that never ends.
  if timeout -k 10 $((SECONDS_PER_TARGET + 90)) $PY "tests/fuzz/fuzz_$target.py" -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=2500 \
        -timeout=20 -seed="${FUZZ_SEED:-1}" -artifact_prefix="$work/crashes/" -print_final_stats=1 \
        "$work/corpus" "tests/fuzz/corpus/$target" > "$log" 2>&1; then
    local runs
    runs=$(grep -o "stat::number_of_executed_units: *[0-9]*" "$log" | grep -o "[0-9]*$")
    echo "ok fuzz $target: ok (${runs:-?} inputs in ${SECONDS_PER_TARGET}s)" > "$work/verdict"
  else
    { echo "FAILED fuzz $target: FAILED; input(s) in $work/crashes/, log $log:"
      grep -v "^#\|^INFO\|^WARNING" "$log" | tail -25; } > "$work/verdict"
  fi
}

# Each target is one single-threaded process: FUZZ_JOBS of them at a time (default 2,
# the CI machine's cores) halves the wall time for the same inputs per target.
TARGETS=(symbol_json params_load op_params capi_sequence)
JOBS=${FUZZ_JOBS:-2}
running=0
for target in "${TARGETS[@]}"; do
  fuzz_one "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$JOBS" ]; then wait -n; running=$((running - 1)); fi
done
wait

passed=0 failed=0
for target in "${TARGETS[@]}"; do
  verdict=$OUT/$target/verdict
  if [ -f "$verdict" ] && [ "$(head -c 2 "$verdict")" = "ok" ]; then
    sed '1s/^ok //' "$verdict"; passed=$((passed + 1))
  else
    if [ -f "$verdict" ]; then sed '1s/^FAILED //' "$verdict"; else echo "fuzz $target: FAILED (no verdict)"; fi
    failed=$((failed + 1))
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
