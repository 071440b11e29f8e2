#!/usr/bin/env bash
# Times `wmotoets controleer` on generated logs of 100k and 1M dossiers (about 11 events each)
# and prints Markdown rows for bench/RESULTS.md: wall time, events per second, peak memory.
# Also times `wmotoets importeer` of the same log into a fresh SQLite database (the audit
# store), against the reference point: sqlite3 .import of the same CSV. Not a test: figures to
# record, by hand.
# The check runs BENCH_RUNS times (default 5) per size: this virtual machine varies by 15–30 %
# from run to run, so the table gives the fastest and the median run (events/s from the median).
# Then, side by side in one run (issue 31), the references of ../shared/bench/ on logs of its own
# generator (gen_log.py --seed 42): sqlite3 .import (loading only), DuckDB with two checks (through npm's
# @duckdb/node-api, installed in the bench folder when npm is there; skipped with a sentence otherwise),
# wmotoets with those two rules, with all rules and JSON, with --alleen-cijfers, and importeer; each
# with its ratio to sqlite3 .import, and the machine it ran on. BENCH_SIDE=0 leaves this part out,
# BENCH_TABLE=0 the first one.
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
machine() {
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), \
$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr); wmotoets $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
}
machine
echo
if [[ ${BENCH_TABLE:-1} != 0 ]]; then
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
fi

# ---- side by side (../shared/bench/side_by_side.sh, the same rows, with ratios) ----
[[ ${BENCH_SIDE:-1} != 0 ]] || exit 0
shared=${BENCH_SHARED:-../shared/bench}
if [[ ! -f "$shared/gen_log.py" ]]; then
  echo
  echo "Naast elkaar: overgeslagen, $shared/gen_log.py ontbreekt (de gedeelde referenties staan naast de projectmap)."
  exit 0
fi
duck="$work/duckdb"
if [[ ! -f "$duck/node_modules/@duckdb/node-api/package.json" ]] && command -v npm >/dev/null; then
  mkdir -p "$duck" && (cd "$duck" && npm install --silent @duckdb/node-api >/dev/null 2>&1) || true
fi
have_duck=0
if [[ -f "$duck/node_modules/@duckdb/node-api/package.json" ]] && command -v node >/dev/null; then
  cp "$shared/duckdb-check.mjs" "$duck/check.mjs"
  have_duck=1
fi
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
row() {  # name, command…: wall seconds and peak MiB, or FAILED
  local name=$1; shift
  rm -f "$t"/*.db "$t"/*.json
  if ! /usr/bin/time -f "%e %M" -o "$t/tm" "$@" > /dev/null 2> "$t/err"; then
    echo "| $name | mislukt: $(tail -1 "$t/err") | | |"
    return
  fi
  read -r s k < <(tail -1 "$t/tm")
  [[ $name == sqlite3* ]] && base=$s
  local ratio="-"
  [[ -n ${base:-} ]] && ratio=$(awk -v a="$s" -v b="$base" 'BEGIN { printf "%.2f×", a / b }')
  echo "| $name | $s | $((k / 1024)) | $ratio |"
}
for n in "${sizes[@]}"; do
  log="$work/shared-$n.csv"
  [[ -s "$log" ]] || python3 "$shared/gen_log.py" --seed 42 --cases "$n" > "$log"
  cat "$log" > /dev/null
  base=
  echo
  echo "Naast elkaar, één run: gen_log.py --seed 42 --cases $n ($(($(wc -l < "$log") - 1)) events, $(du -m "$log" | cut -f1) MiB)"
  echo
  echo "| program | wall (s) | peak (MiB) | × sqlite3 .import |"
  echo "| --- | ---: | ---: | ---: |"
  if command -v sqlite3 >/dev/null; then
    row "sqlite3 .import (loading only)" sqlite3 "$t/q.db" -cmd ".mode csv" ".import $log events"
  else
    echo "| sqlite3 .import | overgeslagen: sqlite3 niet geïnstalleerd (apt-get install sqlite3) | | |"
  fi
  if ((have_duck)); then
    row "DuckDB, 2 checks, 2 threads" node "$duck/check.mjs" "$log" 2
  else
    echo "| DuckDB | overgeslagen: npm of @duckdb/node-api niet beschikbaar | | |"
  fi
  row "wmotoets, 2 rules (INF-01, ONA-01)" "$exe" controleer "$log" --alleen INF-01,ONA-01 --format json --uit "$t/a.json" --stil --exit-zero
  row "wmotoets, all rules, JSON to a file" "$exe" controleer "$log" --format json --uit "$t/b.json" --stil --exit-zero
  row "wmotoets, all rules, --alleen-cijfers" "$exe" controleer "$log" --alleen-cijfers --format json --uit "$t/c.json" --stil --exit-zero
  row "wmotoets importeer (SQLite)" "$exe" importeer "$log" --db "$t/i.db" --stil
done
