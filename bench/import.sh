#!/usr/bin/env bash
# importeer against `sqlite3 .import` of the same CSV (issue 18), in turns on both file shapes: the
# 22-column log of `genereer` and its first five columns (case_id, timestamp, activity, actor, role).
# Each run into a new database; prints Markdown rows for bench/RESULTS.md. Not a test: figures to
# record, by hand. Usage: bench/import.sh [build-dir] [dossiers] [turns]   (default: build 1000000 3)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-1000000}
turns=${3:-3}
exe="$build/wmotoets"
[[ -x "$exe" ]] || { echo "bench: build first (cmake --build $build)" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "bench: needs the sqlite3 shell (apt-get install sqlite3)" >&2; exit 2; }
work=${BENCH_DIR:-/tmp/wmotoets-bench}
mkdir -p "$work"
wide="$work/gen-$n.csv"
narrow="$work/gen-$n-5.csv"
[[ -s "$wide" ]] || "$exe" genereer --dossiers "$n" --zaad 1 --uit "$wide" --stil
[[ -s "$narrow" ]] || cut -d, -f1-5 "$wide" > "$narrow"
echo "| file | turn | importeer (s) | importeer peak | \`sqlite3 .import\` (s) | ratio |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for file in "$narrow" "$wide"; do
  columns=$(head -1 "$file" | tr ',' '\n' | wc -l)
  cat "$file" > /dev/null  # warm the page cache: both read the same cached file
  for ((t = 1; t <= turns; t++)); do
    rm -f "$work/w.db" "$work/w.db-wal" "$work/w.db-shm" "$work/w.db-journal" "$work/s.db"
    /usr/bin/time -f "%e %M" -o "$work/time-w.txt" "$exe" importeer "$file" --db "$work/w.db" --stil
    /usr/bin/time -f "%e" -o "$work/time-s.txt" sqlite3 "$work/s.db" ".import --csv $file ev"
    read -r w kb < "$work/time-w.txt"
    read -r s < "$work/time-s.txt"
    echo "| $columns columns | $t | $w | $((kb / 1024)) MiB | $s | $(awk -v w="$w" -v s="$s" 'BEGIN { printf "%.2f", w / s }') |"
  done
done
