#!/usr/bin/env bash
# Times `wmotoets controleer` on generated logs of 100k and 1M dossiers (about 11 events each)
# and prints Markdown rows for bench/RESULTS.md: wall time, events per second, peak memory.
# Also times `wmotoets importeer` of the same log into a fresh SQLite database (the audit
# store), against the reference point: sqlite3 .import of the same CSV. Not a test: figures to
# record, by hand.
# The check runs BENCH_RUNS times (default 5) per size: this virtual machine varies by 15–30 %
# from run to run, so the table gives the fastest and the median run (events/s from the median).
# Usage: bench/run.sh [build-dir] [sizes…]   (default: build 100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
sizes=("$@")
((${#sizes[@]})) || sizes=(100000 1000000)
exe="$build/wmotoets"
[[ -x "$exe" ]] || { echo "bench: build first (cmake --build $build)" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
work=${BENCH_DIR:-/tmp/wmotoets-bench}
mkdir -p "$work"
runs=${BENCH_RUNS:-5}
echo "| dossiers | events | CSV size | wall min (s) | wall median (s) | events/s | peak RSS (MiB) | importeer (s) | importeer peak (MiB) | sqlite3 .import (s) |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for n in "${sizes[@]}"; do
  log="$work/gen-$n.csv"
  [[ -s "$log" ]] || "$exe" genereer --dossiers "$n" --zaad 1 --uit "$log" --stil
  events=$(($(wc -l < "$log") - 1))
  size=$(du -m "$log" | cut -f1)
  cat "$log" > /dev/null  # warm the page cache: we time the check, not the disk
  : > "$work/times.txt"
  for ((r = 0; r < runs; r++)); do
    /usr/bin/time -f "%e %M" -a -o "$work/times.txt" "$exe" controleer "$log" --format json --uit "$work/out.json" --stil --exit-zero
  done
  read -r wall_min wall rss_kb < <(sort -n "$work/times.txt" | awk '{ w[NR] = $1; if ($2 > m) m = $2 }
    END { print w[1], w[int((NR + 1) / 2)], m }')
  eps=$(awk -v e="$events" -v w="$wall" 'BEGIN { printf "%.0f", e / (w > 0 ? w : 0.01) }')
  rm -f "$work/store.db" "$work/store.db-wal" "$work/store.db-shm"
  /usr/bin/time -f "%e %M" -o "$work/time-import.txt" "$exe" importeer "$log" --db "$work/store.db" --stil
  read -r imp_wall imp_kb < "$work/time-import.txt"
  sq="-"
  if command -v sqlite3 >/dev/null; then
    rm -f "$work/ref.db"
    sq=$( { /usr/bin/time -f "%e" sqlite3 "$work/ref.db" ".mode csv" ".import $log events" 2>&1 >/dev/null; } | tail -1)
  fi
  echo "| $n | $events | ${size} MiB | $wall_min | $wall | $eps | $((rss_kb / 1024)) | $imp_wall | $((imp_kb / 1024)) | $sq |"
done
