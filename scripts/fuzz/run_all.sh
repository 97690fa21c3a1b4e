#!/usr/bin/env bash
# Every coverage-guided target of scripts/fuzz/harness.py for SECONDS each (default 60), one
# line of figures per target (runs, coverage, findings). Not part of the test suite.
#
#   .venv/bin/pip install atheris     # once: atheris is not a dependency of the program
#   scripts/fuzz/run_all.sh 60
#   scripts/fuzz/run_all.sh 600 bundle receipt
#
# Findings (crash-*, timeout-*, oom-*) are written to scripts/fuzz/findings/ (not versioned);
# re-run one with: .venv/bin/python scripts/fuzz/harness.py TARGET scripts/fuzz/findings/crash-...
set -uo pipefail
cd "$(dirname "$0")/../.."
secs="${1:-60}"; shift || true
targets="${*:-json container bundle manifest receipt setup eml template value paste xlsx}"
mkdir -p scripts/fuzz/findings
.venv/bin/python -c "import atheris" 2>/dev/null || { echo "atheris is not installed: .venv/bin/pip install atheris"; exit 2; }
for t in $targets; do
  log="scripts/fuzz/findings/$t.log"
  start=$(date +%s)
  .venv/bin/python scripts/fuzz/harness.py "$t" -max_total_time="$secs" -rss_limit_mb=4096 -timeout=30 \
      -artifact_prefix="scripts/fuzz/findings/$t-" >"$log" 2>&1
  rc=$?
  runs=$(grep -Eo 'Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' | tail -1)
  cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+')
  ft=$(grep -Eo 'ft: [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+')
  found=$(ls scripts/fuzz/findings/"$t"-* 2>/dev/null | wc -l)
  echo "$t: ${runs:-?} runs in $(( $(date +%s) - start )) s, cov ${cov:-?}, ft ${ft:-?}, findings $found (exit $rc, log $log)"
done
