#!/usr/bin/env bash
# The long fuzzing run (issue 14): the suite's property-based fuzzers with many more examples.
#
#   scripts/fuzz_long.sh            # 2000 examples per fuzzer (about an hour on an old PC)
#   KLA_FUZZ_EXAMPLES=500 scripts/fuzz_long.sh
#
# Each example is random (not the suite's fixed seed); a failure prints the smallest input
# hypothesis found and its seed to reproduce it. Record the figures of a run in
# docs/security.md ("Fuzzing").
set -euo pipefail
cd "$(dirname "$0")/.."
export KLA_FUZZ_EXAMPLES="${KLA_FUZZ_EXAMPLES:-2000}"
start=$(date +%s)
.venv/bin/python -m pytest -q -p no:cacheprovider tests/exports/test_fuzz.py \
    -o addopts="" --hypothesis-show-statistics "$@"
echo "fuzz_long: ${KLA_FUZZ_EXAMPLES} examples per fuzzer in $(( $(date +%s) - start )) s"
