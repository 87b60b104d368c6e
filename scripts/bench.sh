#!/usr/bin/env bash
# `npm run bench`: every benchmark in bench/*.bench.ts, one after the other, each printing its
# figures. Benchmarks measure; they never pass or fail, so one that crashes is reported and the
# rest still run.
set -uo pipefail
cd "$(dirname "$0")/.."

shopt -s nullglob
benches=(bench/*.bench.ts)
if [ ${#benches[@]} -eq 0 ]; then
  echo "no benchmarks in bench/"
  exit 0
fi

failed=()
for bench in "${benches[@]}"; do
  echo "== ${bench}"
  if ! npx tsx "${bench}"; then
    failed+=("${bench}")
  fi
  echo
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "benchmarks that did not finish: ${failed[*]}"
  exit 1
fi
