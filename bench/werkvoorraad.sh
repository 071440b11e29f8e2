#!/usr/bin/env bash
# Times `wmotoets werkvoorraad` against `wmotoets controleer` on the same database (issue 29: the
# werkvoorraad takes at most 1.5 times the check). A generated log (default 100,000 dossiers, seed 3) is
# imported once; then BENCH_RUNS (default 5) runs of each, in turns, and a Markdown row for
# bench/RESULTS.md with every wall time, the medians, the ratio and the peak memory. Not a test: figures
# to record, by hand, on an idle host.
# Usage: bench/werkvoorraad.sh [build-dir] [dossiers]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-100000}
exe="$build/wmotoets"
[[ -x "$exe" ]] || { echo "bench: build first (cmake --build $build)" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
work=${BENCH_DIR:-/tmp/wmotoets-bench}/werkvoorraad-$n
mkdir -p "$work"
runs=${BENCH_RUNS:-5}
log="$work/g.csv" db="$work/g.db"
[[ -s "$log" ]] || "$exe" -q genereer --dossiers "$n" --zaad 3 --uit "$log"
[[ -s "$db" ]] || "$exe" -q importeer --db "$db" "$log"
# One check first: the werkvoorraad compares with the latest earlier run.
"$exe" -q controleer --db "$db" --altijd-nul --peildatum 2025-08-01 --uit "$work/eerder.txt"
: > "$work/c.txt"
: > "$work/w.txt"
for ((i = 0; i < runs; i++)); do
  /usr/bin/time -f "%e %M" -a -o "$work/c.txt" "$exe" -q controleer --db "$db" --altijd-nul --uit "$work/controle.txt"
  /usr/bin/time -f "%e %M" -a -o "$work/w.txt" "$exe" -q werkvoorraad --db "$db" --uit "$work/wv" || [[ $? -eq 1 ]]
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# GNU time adds "Command exited with non-zero status 1" for a werkvoorraad with a passed term: not a time.
sed -i '/^Command/d' "$work/c.txt" "$work/w.txt"
cw=$(cut -d' ' -f1 "$work/c.txt" | sort -n | paste -sd' ')
ww=$(cut -d' ' -f1 "$work/w.txt" | sort -n | paste -sd' ')
cm=$(cut -d' ' -f1 "$work/c.txt" | median)
wm=$(cut -d' ' -f1 "$work/w.txt" | median)
cp=$(cut -d' ' -f2 "$work/c.txt" | sort -n | tail -1)
wp=$(cut -d' ' -f2 "$work/w.txt" | sort -n | tail -1)
items=$(($(wc -l < "$work/wv/werkvoorraad.csv") - 1))
echo "| dossiers | controleer --db (s) | median | peak (MiB) | werkvoorraad --db (s) | median | peak (MiB) | ratio | items |"
echo "| ---: | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |"
echo "| $n | $cw | $cm | $((cp / 1024)) | $ww | $wm | $((wp / 1024)) | $(awk -v a="$wm" -v b="$cm" 'BEGIN {printf "%.2f", a / b}') | $items |"
