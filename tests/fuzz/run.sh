#!/bin/bash
# Runs one libFuzzer target for a while, seeded from the project's own samples.
#   tests/fuzz/run.sh TARGET SECONDS [BUILD_DIR]     (BUILD_DIR default: build-fuzz)
#   tests/fuzz/run.sh TARGET runs=N [BUILD_DIR]      N inputs with a fixed seed: the same run every time (CI)
# TARGET: fuzz_csv fuzz_xes fuzz_zgw fuzz_toml_instellingen fuzz_toml_mapping fuzz_toml_regels
# fuzz_toml_zelftest fuzz_xlsx fuzz_oordelen fuzz_voorstel fuzz_database. The corpus grows in BUILD_DIR/fuzz/corpus/TARGET; a crash, hang or leak
# is written to BUILD_DIR/fuzz/artefacten/TARGET/ (copy it to tests/fuzz/regressions/ once fixed).
set -euo pipefail
target=$1 limit=$2 build=${3:-build-fuzz}
if [[ $limit == runs=* ]]; then
  how=(-runs="${limit#runs=}" -seed=1)
else
  how=(-max_total_time="$limit")
fi
src=$(cd "$(dirname "$0")/../.." && pwd)
corpus=$build/fuzz/corpus/$target artefacts=$build/fuzz/artefacten/$target
mkdir -p "$corpus" "$artefacts"
seed() { for f in "$@"; do [ -f "$f" ] && cp -n "$f" "$corpus/" || true; done; }
case $target in
  fuzz_csv) seed "$src"/data/voorbeeld/*.csv "$src"/tests/fixtures/rules/*.csv "$src"/tests/fixtures/cli/*.csv ;;
  fuzz_xes) seed "$src"/tests/fuzz/seeds/*.xes ;;
  fuzz_zgw) seed "$src"/tests/fixtures/zgw/*.json ;;
  fuzz_toml_*) seed "$src"/data/*/*.toml "$src"/tests/fixtures/*/*.toml ;;
  fuzz_xlsx) seed "$src"/tests/fixtures/xlsx/*.xlsx "$src"/tests/fuzz/seeds/*.xlsx ;;
  fuzz_oordelen) seed "$src"/tests/fuzz/seeds/oordelen*.csv ;;
  fuzz_voorstel) seed "$src"/data/voorbeeld/*.csv ;;
  fuzz_database) seed "$src"/tests/fuzz/seeds/*.db ;;
  *) echo "onbekend doel: $target" >&2; exit 2 ;;
esac
[ -d "$src/tests/fuzz/regressions/$target" ] && seed "$src/tests/fuzz/regressions/$target"/*
exec "$build/fuzz/$target" "$corpus" "${how[@]}" -timeout=10 -rss_limit_mb=2048 -max_len="${WMOTOETS_FUZZ_MAX_LEN:-65536}" \
  -print_final_stats=1 -artifact_prefix="$artefacts/"
